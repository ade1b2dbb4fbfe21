from . import Wrong

_TRAIN = """
w = torch.tensor(0.0, requires_grad=True)
total = 0.0
for step in range(steps):
    loss = (w * 2 - 6) ** 2
    loss.backward()
    with torch.no_grad():
        w.copy_(w - lr * w.grad)
    {zero}
    {total}
return w, total
"""

_NO_RECORD = ("""
self.previous = Config.recording
Config.recording = False
""", """
Config.recording = self.previous
return False
""", """
@functools.wraps(function)
def wrapper(*args, **kwargs):
    with no_record():
        return function(*args, **kwargs)

return wrapper
""")

_PREDICTED = {"a": (True, True), "b": (True, False), "c": (False, True), "d": (True, True), "e": (False, True),
              "f": (True, False), "g": (False, True), "h": (False, True), "k": (True, False)}


def _predicted(**changes):
    return f"return {dict(_PREDICTED, **changes)!r}"


WRONG = {
    "07.1": [
        Wrong("rebinding p = p - lr * p.grad", """
with torch.no_grad():
    for p in params:
        p = p - lr * p.grad
        p.grad = None
""", "w did not change", "w가 바뀌지 않았습니다"),
        Wrong("forgets p.grad = None", """
with torch.no_grad():
    for p in params:
        p -= lr * p.grad
""", "set p.grad = None", "p.grad = None으로 두세요"),
        Wrong("no no_grad", """
for p in params:
    p -= lr * p.grad
    p.grad = None
""", "do it under torch.no_grad()", "torch.no_grad() 안에서 하세요"),
        Wrong("grad mode left off", """
torch.set_grad_enabled(False)
for p in params:
    p -= lr * p.grad
    p.grad = None
""", "not torch.set_grad_enabled(False)", "torch.set_grad_enabled(False)가 아니라"),
    ],
    "07.2": [
        Wrong("__exit__ always sets True", (_NO_RECORD[0], "Config.recording = True\nreturn False", _NO_RECORD[2]),
              "not always True", "항상 True가 아니라"),
        Wrong("decorator without with/finally", (_NO_RECORD[0], _NO_RECORD[1], """
@functools.wraps(function)
def wrapper(*args, **kwargs):
    previous = Config.recording
    Config.recording = False
    result = function(*args, **kwargs)
    Config.recording = previous
    return result

return wrapper
"""), "even when it raises", "예외가 나도"),
        Wrong("__exit__ swallows exceptions", (_NO_RECORD[0], "Config.recording = self.previous\nreturn True",
                                               _NO_RECORD[2]),
              "True swallows the exception", "True는 예외를 삼켜 버립니다"),
    ],
    "07.3": [
        Wrong("d loses requires_grad under no_grad", _predicted(d=(False, True)),
              "creating a tensor is not an operation", "텐서를 만드는 것은 연산이 아닙니다"),
        Wrong("enable_grad ignored", _predicted(f=(False, True)),
              "enable_grad switches recording back on", "enable_grad는 no_grad 안에서 기록을 다시 켭니다"),
        Wrong("g * a thought unrecorded", _predicted(k=(False, True)),
              "g * a is recorded", "g * a는 기록됩니다"),
    ],
    "07.4": [
        Wrong("adds a detached tensor", _TRAIN.format(zero="w.grad.zero_()", total="total = total + loss.detach()"),
              "loss.item(), a Python float", "파이썬 float인 loss.item()"),
        Wrong("keeps only the last loss", _TRAIN.format(zero="w.grad.zero_()", total="total = loss.item()"),
              "add every step's loss", "걸음마다 손실을 total에 더하세요"),
        Wrong("drops zero_", _TRAIN.format(zero="pass", total="total = total + loss.item()"),
              "w.grad.zero_() after each update", "w.grad.zero_()를 합니다"),
    ],
}
