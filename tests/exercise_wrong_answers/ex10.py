from . import Wrong

_FORWARD = """
out = x @ self.weight.t()
return out + self.bias if self.bias is not None else out
"""


def _init(weight, bias="nn.Parameter(torch.zeros(out_features)) if bias else None"):
    return (f"""
bound = math.sqrt(6 / in_features)
self.weight = {weight}
self.bias = {bias}
""", _FORWARD)


_UNIFORM = "nn.Parameter(torch.rand(out_features, in_features) * (2 * bound) - bound)"


def _huber(body):
    return "d = prediction - target\n" + body


WRONG = {
    "10.1": [
        Wrong("PyTorch's default bound", ("""
bound = 1 / math.sqrt(in_features)
self.weight = nn.Parameter(torch.rand(out_features, in_features) * (2 * bound) - bound)
self.bias = nn.Parameter(torch.zeros(out_features)) if bias else None
""", _FORWARD), "that is PyTorch's default bound", "PyTorch의 기본 경계"),
        Wrong("normal instead of uniform", _init("nn.Parameter(torch.randn(out_features, in_features) * bound)"),
              "not a normal one", "정규 분포(torch.randn)가 아니라"),
        Wrong("always a bias", _init(_UNIFORM, "nn.Parameter(torch.zeros(out_features))"),
              "with bias=False create no bias parameter", "bias=False이면 편향 매개변수를 만들지 마세요"),
        Wrong("plain tensors", _init("torch.rand(out_features, in_features) * (2 * bound) - bound",
                                     "torch.zeros(out_features) if bias else None"),
              "wrap each tensor in nn.Parameter", "nn.Parameter로 감싸"),
        Wrong("interval not centred", _init("nn.Parameter(torch.rand(out_features, in_features) * bound)"),
              "centre the interval on 0", "구간의 가운데를 0에 두세요"),
    ],
    "10.2": [
        Wrong("calls F.log_softmax", "return F.log_softmax(z, dim=1)", "your code called F.log_softmax",
              "F.log_softmax 함수를 불렀습니다"),
        Wrong("naive, no shift", "return z - z.exp().sum(dim=1, keepdim=True).log()",
              "subtract each row's maximum before exp", "각 행의 최댓값을 빼세요"),
        Wrong("one maximum for the whole batch", """
m = z.max()
shifted = z - m
return shifted - shifted.exp().sum(dim=1, keepdim=True).log()
""", "not one maximum for the whole batch", "배치 전체의 최댓값 하나가 아니라"),
        Wrong("log of F.softmax", "return F.softmax(z, dim=1).log()", "your code called F.softmax",
              "F.softmax 함수를 불렀습니다"),
    ],
    "10.3": [
        Wrong("forgets the biases", "return sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))",
              "the biases are missing", "편향이 빠졌습니다"),
        Wrong("one bias per input", "return sum(a * b + a for a, b in zip(sizes[:-1], sizes[1:]))",
              "one bias per output, not per input", "편향은 입력이 아니라 출력마다 하나입니다"),
    ],
    "10.4": [
        Wrong("calls F.mse_loss", "return F.mse_loss(prediction, target)", "your code called F.mse_loss",
              "F.mse_loss 함수를 불렀습니다"),
        Wrong("mean squared error", _huber("return (d ** 2).mean()"), "that is the mean squared error",
              "평균 제곱 오차입니다"),
        Wrong("sum instead of mean", _huber("""
return torch.where(d.abs() < delta, 0.5 * d ** 2, delta * (d.abs() - 0.5 * delta)).sum()
"""), "the mean over the elements, not the sum", "합이 아니라 평균입니다"),
        Wrong("forgets the 1/2", _huber("""
return torch.where(d.abs() < delta, d ** 2, delta * (d.abs() - 0.5 * delta)).mean()
"""), "the factor 1/2 is missing", "1/2이 빠졌습니다"),
        Wrong("delta = 1 in the linear branch", _huber("""
return torch.where(d.abs() < delta, 0.5 * d ** 2, d.abs() - 0.5).mean()
"""), "use the delta you are given", "주어진 delta를"),
    ],
    "10.5": [
        Wrong("the plain list kept", ("""
self.hidden = [nn.Linear(a, b) for a, b in zip(sizes[:-2], sizes[1:-1])]
self.out = nn.Linear(sizes[-2], sizes[-1])
""", None), "hold the hidden layers in an nn.ModuleList", "nn.ModuleList에 담으세요"),
        Wrong("forgets relu", (None, """
for layer in self.hidden:
    x = layer(x)
return self.out(x)
"""), "relu after every hidden layer", "은닉 계층마다 relu를 쓰고"),
    ],
}
