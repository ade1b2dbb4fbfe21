from . import Wrong

_SGD = """
{decay}
if momentum:
    {buffer}
    g = {nesterov} if nesterov else buf
return p - lr * g, buf
"""


def _sgd(decay="if weight_decay:\n    g = g + weight_decay * p",
         buffer="buf = np.array(g) if buf is None else momentum * buf + (1 - dampening) * g",
         nesterov="g + momentum * buf"):
    return _SGD.format(decay=decay, buffer=buffer, nesterov=nesterov)


_ADAM = """
m = beta1 * m + (1 - beta1) * g
v = beta2 * v + (1 - beta2) * g * g
{body}
"""

_TRAIN = """
history = []
model.train()
for _ in range(epochs):
    total, count = 0.0, 0
    for xb, yb in loader:
        loss = F.cross_entropy(model(xb), yb)
        {zero}
        loss.backward()
        optimizer.step()
        total += loss.item()
        count += 1
    history.append({result})
return history
"""

_STEPS = """
losses = []
{before}
for xb, yb in batches:
    loss = F.cross_entropy(model(xb), yb)
    {zero_first}
    loss.backward()
    {zero_second}
    optimizer.step()
    losses.append(loss.item())
return losses
"""

WRONG = {
    "11.1": [
        Wrong("dampening on the first step",
              _sgd(buffer="buf = (1 - dampening) * g if buf is None else momentum * buf + (1 - dampening) * g"),
              "on the first step b = g, with no dampening", "첫 걸음에서는 dampening 없이 b = g입니다"),
        Wrong("changes p in place", """
if weight_decay:
    g = g + weight_decay * p
if momentum:
    buf = np.array(g) if buf is None else momentum * buf + (1 - dampening) * g
    g = g + momentum * buf if nesterov else buf
p -= lr * g
return p, buf
""", "sgd_step changed an array it was given", "sgd_step이 받은 배열을 바꾸었습니다"),
        Wrong("Nesterov uses the buffer", _sgd(nesterov="buf"),
              "with Nesterov the step uses g + μ b", "Nesterov이면 걸음에 g + μ b를 씁니다"),
        Wrong("buffer starts at zero", _sgd(buffer="buf = momentum * (0 if buf is None else buf) + (1 - dampening) * g"),
              "on the first step b = g", "첫 걸음에서는 dampening 없이 b = g"),
    ],
    "11.2": [
        Wrong("no bias correction", _ADAM.format(body="return p - lr * m / (np.sqrt(v) + eps), m, v"),
              "the bias correction is missing", "편향 보정이 빠졌습니다"),
        Wrong("eps inside the square root", _ADAM.format(body="""
m_hat = m / (1 - beta1 ** t)
v_hat = v / (1 - beta2 ** t)
return p - lr * m_hat / np.sqrt(v_hat + eps), m, v
"""), "eps is added after the square root", "eps는 제곱근 뒤에 더합니다"),
        Wrong("v of g, not g squared", """
m = beta1 * m + (1 - beta1) * g
v = beta2 * v + (1 - beta2) * np.abs(g)
m_hat = m / (1 - beta1 ** t)
v_hat = v / (1 - beta2 ** t)
return p - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
""", "v averages the squares", "v는 제곱의 평균입니다"),
    ],
    "11.3": [
        Wrong("each epoch's sum", _TRAIN.format(zero="optimizer.zero_grad()", result="total"),
              "that is the epoch's sum", "에폭의 합입니다"),
        Wrong("no zero_grad", _TRAIN.format(zero="pass", result="total / count"),
              "optimizer.zero_grad()", "optimizer.zero_grad()"),
        Wrong("last batch's loss", _TRAIN.format(zero="optimizer.zero_grad()", result="loss.item()"),
              "that is the last batch's loss", "마지막 배치의 손실입니다"),
    ],
    "11.4": [
        Wrong("the bug kept", _STEPS.format(before="optimizer.zero_grad()", zero_first="pass", zero_second="pass"),
              "not once before the loop", "반복문 전에 한 번이 아니라"),
        Wrong("zero_grad between backward and step", _STEPS.format(before="", zero_first="pass",
                                                                   zero_second="optimizer.zero_grad()"),
              "before backward", "backward 전에"),
    ],
}
