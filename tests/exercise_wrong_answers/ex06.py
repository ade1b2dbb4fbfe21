from . import Wrong

_BACKWARD_ROWS = """
a = torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=True)
b = torch.tensor(np.asarray(b, dtype=np.float64), requires_grad=True)
y = f(a, b)
rows_a, rows_b = [], []
for i in range(y.numel()):
    one_hot = np.zeros(y.numel())
    one_hot[i] = 1.0
    y.backward(torch.tensor(one_hot), retain_graph=True)
    rows_a.append(a.grad.numpy().copy())
    rows_b.append(b.grad.numpy().copy())
    {clear}
return np.array(rows_a), np.array(rows_b)
"""

WRONG = {
    "06.1": [
        Wrong("never clears .grad between rows", _BACKWARD_ROWS.format(clear="pass"),
              "clear a.grad and b.grad", "a.grad와 b.grad를 비우세요"),
        Wrong("columns instead of rows", """
a = torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=True)
b = torch.tensor(np.asarray(b, dtype=np.float64), requires_grad=True)
y = f(a, b)
rows_a, rows_b = [], []
for i in range(y.numel()):
    one_hot = np.zeros(y.numel())
    one_hot[i] = 1.0
    row_a, row_b = minigrad.autograd.grad(y, (a, b), torch.tensor(one_hot), retain_graph=True)
    rows_a.append(row_a.numpy())
    rows_b.append(row_b.numpy())
return np.array(rows_a).T, np.array(rows_b).T
""", "one row per output", "출력마다 한 행"),
        Wrong("calls f once per row", """
rows_a, rows_b, i = [], [], 0
while True:
    ta = torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=True)
    tb = torch.tensor(np.asarray(b, dtype=np.float64), requires_grad=True)
    y = f(ta, tb)                     # a fresh graph for every row
    if i == y.numel():
        return np.array(rows_a), np.array(rows_b)
    one_hot = np.zeros(y.numel())
    one_hot[i] = 1.0
    y.backward(torch.tensor(one_hot))
    rows_a.append(ta.grad.numpy())
    rows_b.append(tb.grad.numpy())
    i += 1
""", "compute y = f(a, b) once", "y = f(a, b)를 한 번만 계산하고"),
        Wrong("central differences", """
a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
h = 1e-6
value = lambda u, v: f(torch.tensor(u), torch.tensor(v)).numpy()
J_a = np.stack([(value(a + h * e, b) - value(a - h * e, b)) / (2 * h) for e in np.eye(a.size)], axis=1)
J_b = np.stack([(value(a, b + h * e) - value(a, b - h * e)) / (2 * h) for e in np.eye(b.size)], axis=1)
return J_a, J_b
""", "central differences are not allowed here", "중앙 차분을 쓰면 안 됩니다"),
    ],
    "06.2": [
        Wrong("first term only", """
S = x.sum()
return S * v
""", "the first term S·v only", "첫째 항 S·v뿐입니다"),
        Wrong("J v instead of v^T J", """
S = x.sum()
return S * v + x * v.sum()
""", "that is J v, not vᵀ J", "J v입니다"),
    ],
    "06.3": [
        Wrong("ignores the gradient weights", "return ([6.0, -4.0], [1.0, 4.0], [12.0, 2.0])",
              "multiplies element i by v_i", "원소 i에 v_i를 곱합니다"),
        Wrong("forgets accumulation", "return ([6.0, -2.0], [1.0, 2.0], [6.0, 6.0])",
              "gradients accumulate", "변화도는 누적됩니다"),
    ],
    "06.4": [
        Wrong("weights left out", """
y.backward(gradient=torch.ones_like(y))
return x.grad.numpy()
""", "the weights are missing", "가중치가 빠졌습니다"),
        Wrong("returns dL/dy", """
gradient = torch.ones_like(y) * torch.tensor(w_np)
y.backward(gradient=gradient)
return gradient.numpy()
""", "return x.grad, that is dL/dx", "dL/dx인 x.grad를 돌려주세요"),
    ],
}
