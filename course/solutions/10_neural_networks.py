# %% tags=["bootstrap", "nbval-ignore-output"]
# Colab setup: in Google Colab, installs minigrad-course 0.1.0 unless it is already there;
# elsewhere it does nothing. · Colab 설정: Google Colab에서는 minigrad-course 0.1.0 버전이
# 없을 때만 설치하고, 다른 곳에서는 아무것도 하지 않습니다.
import importlib.metadata, importlib.util, shutil, subprocess, sys

def _colab_setup(version="0.1.0", repo="https://github.com/minigrad-course/minigrad-course"):
    try:
        if importlib.metadata.version("minigrad-course") == version:
            return  # the right version is installed: nothing to do
    except importlib.metadata.PackageNotFoundError:
        pass
    extras = "colab" if shutil.which("dot") else "colab,svg"  # svg: graphs without Graphviz's dot
    failures = []
    for spec in (f"minigrad-course[{extras}]=={version}", f"minigrad-course[{extras}] @ git+{repo}"):
        pip = subprocess.run([sys.executable, "-m", "pip", "install", "--progress-bar", "off", spec],
                             capture_output=True, text=True)
        if pip.returncode == 0:
            importlib.invalidate_caches()
            print(f"installed {spec} · 설치했습니다")
            return
        failures.append(f"$ pip install {spec}\n{pip.stdout}{pip.stderr}")
    print("\n".join(failures))
    raise RuntimeError(
        "Installing the course failed (pip's output is above). Check that the runtime is connected, "
        f"then run this cell again; if it fails again, report it at {repo}/issues · "
        "강의 패키지 설치에 실패했습니다(위는 pip의 출력입니다). 런타임이 연결되어 있는지 확인하고 "
        f"이 셀을 다시 실행하세요. 다시 실패하면 {repo}/issues 에 알려 주세요.")

if importlib.util.find_spec("google") and importlib.util.find_spec("google.colab"):
    _colab_setup()

# %% [markdown]
# # Exercises 10 · Neural networks · 연습 문제 10 · 신경망
#
# Five exercises on lesson 10: a `Linear` module initialised for ReLU networks, a numerically stable
# `log_softmax`, counting the parameters of an MLP, the Huber loss with its gradient, and a bug hunt
# in a module that hides its layers. Write your code where a cell says `NotImplementedError`, then run
# the check cell below it.
#
# 10강 내용으로 연습 문제(exercise) 다섯 개를 풉니다. ReLU 신경망에 맞게 초기화하는 `Linear` 모듈, 수치적으로 안정적인
# `log_softmax`, MLP의 매개변수(parameter) 수 세기, 휴버 손실(Huber loss)과 그 변화도(gradient), 그리고 계층(layer)을
# 숨기는 모듈의 버그 찾기입니다. `NotImplementedError`가 있는 셀에 코드를 작성하고 바로 아래의 확인(check) 셀을
# 실행하세요.

# %%
import math

import numpy as np

import minigrad as torch
import minigrad.nn.functional as F
from minigrad import nn

_ = torch.manual_seed(0)

# %% [markdown]
# ## Exercise 10.1 · A Linear module for ReLU networks · 연습 문제 10.1 · ReLU 신경망을 위한 Linear 모듈
#
# PyTorch's default initialisation of `nn.Linear` (lesson 10) keeps the weights in
# $\pm 1/\sqrt{\text{in\_features}}$. For networks of ReLUs, He initialisation
# (`nn.init.kaiming_uniform_(w, nonlinearity="relu")`) draws the weights uniformly from
# $[-\sqrt{6/\text{in\_features}}, \sqrt{6/\text{in\_features}}]$, so that the signal keeps its size
# through the layers, and starts the bias at 0. Write `HeLinear(in_features, out_features, bias=True)`,
# a subclass of minigrad's `nn.Module`:
#
# - a registered parameter `weight` of shape `(out_features, in_features)`, He-uniform;
# - with `bias=True`, a registered parameter `bias` of shape `(out_features,)`, all zeros; with
#   `bias=False`, **no** bias parameter (set `self.bias = None`);
# - `forward(x)` returns $x W^\top$, plus the bias if there is one.
#
# *Hint:* `torch.rand(*shape)` is uniform in $[0, 1)$: scale and shift it, then wrap it in
# `nn.Parameter` and assign it to `self`.
#
# PyTorch가 `nn.Linear`를 초기화하는 기본 방식(10강)은 가중치를 $\pm 1/\sqrt{\text{in\_features}}$ 안에 둡니다. ReLU로 된
# 신경망에는 He 초기화(`nn.init.kaiming_uniform_(w, nonlinearity="relu")`)를 씁니다. 신호의 크기가 계층을 지나도 유지되도록
# 가중치를 $[-\sqrt{6/\text{in\_features}}, \sqrt{6/\text{in\_features}}]$에서 균등하게 뽑고, 편향은 0에서 시작합니다.
# minigrad의 `nn.Module`을 상속한 `HeLinear(in_features, out_features, bias=True)`를 작성하세요.
#
# - 등록된 매개변수 `weight`: 모양 `(out_features, in_features)`, He 균등 분포
# - `bias=True`이면 등록된 매개변수 `bias`: 모양 `(out_features,)`, 모두 0. `bias=False`이면 편향 매개변수가 **없어야**
#   합니다(`self.bias = None`으로 두세요).
# - `forward(x)`는 $x W^\top$에 편향이 있으면 편향을 더해 돌려줍니다.
#
# *힌트:* `torch.rand(*shape)`는 $[0, 1)$에서 균등하게 뽑습니다. 늘리고 옮긴 다음 `nn.Parameter`로 감싸 `self`에 대입하세요.

# %%
class HeLinear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super().__init__()
        ### BEGIN SOLUTION
        bound = math.sqrt(6 / in_features)
        self.weight = nn.Parameter(torch.rand(out_features, in_features) * (2 * bound) - bound)
        self.bias = nn.Parameter(torch.zeros(out_features)) if bias else None
        ### END SOLUTION

    def forward(self, x):
        ### BEGIN SOLUTION
        out = x @ self.weight.t()
        return out + self.bias if self.bias is not None else out
        ### END SOLUTION

# %% exercise="10.1" points=2
from minigrad_course.checks import expect_close, expect_equal, expect_true, passed

register = ("wrap each tensor in nn.Parameter and assign it to self, so that the module registers it.",
            "텐서를 nn.Parameter로 감싸 self에 대입해야 모듈이 등록합니다.")
layer = HeLinear(600, 300)
names = [name for name, _ in layer.named_parameters()]
expect_equal(names, ["weight", "bias"], what="HeLinear(600, 300).named_parameters()", hint=register)
expect_equal(tuple(layer.weight.shape), (300, 600), what="weight.shape",
             hint=("PyTorch stores the weight as (out_features, in_features).", "PyTorch는 가중치를 (out_features, in_features)로 저장합니다."))
expect_equal(tuple(layer.bias.shape), (300,), what="bias.shape")
w = layer.weight.detach().numpy()
bound = math.sqrt(6 / 600)   # 0.1
expect_true(bool(np.abs(w).max() <= bound), what=(f"every |weight| <= sqrt(6/600) = {bound:.1f}",
                                                  f"모든 |weight| <= sqrt(6/600) = {bound:.1f}"),
            hint=("draw from a uniform distribution (torch.rand), not a normal one (torch.randn).",
                  "정규 분포(torch.randn)가 아니라 균등 분포(torch.rand)에서 뽑으세요."))
expect_close(float(np.abs(w).max()), bound, atol=2e-3, what=("largest |weight|", "가장 큰 |weight|"),
             mistakes=[(1 / math.sqrt(600), ("that is PyTorch's default bound 1/sqrt(in_features); He uses sqrt(6 / in_features).",
                                             "PyTorch의 기본 경계 1/sqrt(in_features)입니다. He 초기화는 sqrt(6 / in_features)를 씁니다."))],
             hint=("the weights must fill [-sqrt(6/in), sqrt(6/in)]: rand * 2 * bound - bound.",
                   "가중치가 [-sqrt(6/in), sqrt(6/in)]를 채워야 합니다: rand * 2 * bound - bound."))
expect_close(float(w.mean()), 0.0, atol=2e-3, what=("mean of the weights", "가중치의 평균"),
             hint=("centre the interval on 0: rand * 2 * bound - bound.", "구간의 가운데를 0에 두세요: rand * 2 * bound - bound."))
expect_close(float(w.var()), bound ** 2 / 3, rtol=0.05, what=("variance of the weights", "가중치의 분산"),
             hint=("a uniform distribution on [-bound, bound] has variance bound² / 3.",
                   "[-bound, bound]의 균등 분포는 분산이 bound² / 3입니다."))
expect_close(layer.bias, np.zeros(300), atol=0, what="bias",
             hint=("He initialisation starts the bias at 0: torch.zeros(out_features).",
                   "He 초기화는 편향을 0에서 시작합니다: torch.zeros(out_features)."))

plain = HeLinear(4, 3, bias=False)
expect_equal([name for name, _ in plain.named_parameters()], ["weight"],
             what="HeLinear(4, 3, bias=False).named_parameters()",
             hint=("with bias=False create no bias parameter: self.bias = None.", "bias=False이면 편향 매개변수를 만들지 마세요: self.bias = None."))
x = torch.tensor([[1.0, 2.0, 3.0, 4.0], [0.0, -1.0, 0.5, 2.0]])
expect_close(plain(x), x.numpy() @ plain.weight.detach().numpy().T, atol=1e-5, what="HeLinear(4, 3, bias=False)(x)")

small = HeLinear(3, 2)
with torch.no_grad():
    small.bias += torch.tensor([0.5, -1.0])   # a bias that is not 0, to see it in the output
x = torch.tensor([[1.0, 2.0, 3.0], [0.0, -1.0, 0.5]])
W = small.weight.detach().numpy()
expect_close(small(x), x.numpy() @ W.T + [0.5, -1.0], atol=1e-5, what="HeLinear(3, 2)(x)",
             hint=("forward returns x @ weight.t() + bias.", "forward는 x @ weight.t() + bias를 돌려줍니다."))
small(x).sum().backward()
expect_close(small.weight.grad, np.tile(x.numpy().sum(0), (2, 1)), what=("weight.grad of the summed output", "출력을 모두 더한 것의 weight.grad"))
expect_close(small.bias.grad, [2.0, 2.0], what=("bias.grad of the summed output", "출력을 모두 더한 것의 bias.grad"))
passed("10.1")

# %% [markdown]
# ## Exercise 10.2 · A stable log_softmax · 연습 문제 10.2 · 안정적인 log_softmax
#
# Write `stable_log_softmax(z)` for a 2-D tensor of logits `z` (one row per sample), computing
# $\log p_k = z_k - m - \log\sum_j e^{z_j - m}$ with $m$ the row maximum, using minigrad tensor
# operations only (so autograd can differentiate it). Do not call `F.log_softmax` or
# `F.softmax`. It must stay exact for logits like 1000.
#
# *Hint:* `z.max(dim=1, keepdim=True)` returns `(values, indices)`; `.exp()`,
# `.sum(dim=1, keepdim=True)` and `.log()` do the rest.
#
# 로짓 `z`(샘플마다 한 행)를 받는 `stable_log_softmax(z)`를 작성하세요. $m$을 행의 최댓값으로 두고
# $\log p_k = z_k - m - \log\sum_j e^{z_j - m}$을 계산하되, autograd가 미분할 수 있도록 minigrad 텐서 연산만 쓰세요.
# `F.log_softmax`나 `F.softmax`는 부르지 마세요. 1000 같은 로짓에도 정확해야 합니다.
#
# *힌트:* `z.max(dim=1, keepdim=True)`는 `(values, indices)`를 돌려줍니다. 나머지는 `.exp()`,
# `.sum(dim=1, keepdim=True)`, `.log()`로 합니다.

# %%
def stable_log_softmax(z):
    """log softmax of each row of z, without overflow."""
    ### BEGIN SOLUTION
    m = z.max(dim=1, keepdim=True)[0]
    shifted = z - m
    return shifted - shifted.exp().sum(dim=1, keepdim=True).log()
    ### END SOLUTION

# %% exercise="10.2" points=2
from minigrad_course.checks import expect_close, expect_true, forbidden, passed

# the library's own softmax functions fail while the check runs: the exercise is to write them
library = forbidden((F, "log_softmax", "F.log_softmax"), (F, "softmax", "F.softmax"),
                    (torch, "log_softmax", "torch.log_softmax"), (torch, "softmax", "torch.softmax"),
                    (torch.Tensor, "log_softmax", "Tensor.log_softmax"), (torch.Tensor, "softmax", "Tensor.softmax"))
shift = ("subtract each row's maximum before exp: z - z.max(dim=1, keepdim=True)[0]; e^1000 overflows to inf.",
         "exp 전에 각 행의 최댓값을 빼세요: z - z.max(dim=1, keepdim=True)[0]. e^1000은 inf로 넘칩니다.")
ln3, ln4 = math.log(3.0), math.log(4.0)
# softmax([0, ln 3]) = [1/4, 3/4], whatever constant is added to the row
z = torch.tensor([[0.0, ln3], [1000.0, 1000.0 + ln3], [-1000.0, -1000.0 + ln3]])
with library:
    result = stable_log_softmax(z)
expect_true(bool(np.isfinite(result.detach().numpy()).all()), what=("no inf or nan for large logits",
                                                                    "큰 로짓에도 inf나 nan이 없다"),
            hint=("subtract each row's own maximum (keepdim=True), not one maximum for the whole batch: a row far "
                  "below it underflows to -inf. " + shift[0],
                  "배치 전체의 최댓값 하나가 아니라 각 행의 최댓값(keepdim=True)을 빼세요. 그보다 훨씬 작은 행은 -inf로 "
                  "내려갑니다. " + shift[1]))
expect_close(result, [[-ln4, ln3 - ln4]] * 3, atol=1e-4, what=("log softmax of [c, c + ln 3]", "[c, c + ln 3]의 log softmax"),
             hint=shift)
with library:
    big = stable_log_softmax(torch.tensor([[1000.0, 0.0, -1000.0]]))
expect_close(big, [[0.0, -1000.0, -2000.0]], what=("log softmax of [1000, 0, -1000]", "[1000, 0, -1000]의 log softmax"),
             hint=shift)

# gradient of sum_k v_k log p_k is v - p * sum(v): compare with central differences in float64
zz = torch.tensor([[0.3, -1.2, 2.0], [0.5, 0.5, -0.5]], dtype=torch.float64, requires_grad=True)
v = np.array([[1.0, 0.0, -2.0], [0.5, 1.5, 0.0]])
with library:
    (stable_log_softmax(zz) * torch.tensor(v)).sum().backward()

def objective(a):
    shifted = a - a.max(axis=1, keepdims=True)
    return float((v * (shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True)))).sum())

base, h, numeric = zz.detach().numpy(), 1e-6, np.zeros((2, 3))
for i in range(2):
    for j in range(3):
        up, down = base.copy(), base.copy()
        up[i, j] += h
        down[i, j] -= h
        numeric[i, j] = (objective(up) - objective(down)) / (2 * h)
expect_close(zz.grad, numeric, atol=1e-6, what=("gradient of sum(v * log_softmax(z))", "sum(v * log_softmax(z))의 변화도"),
             hint=("use minigrad operations only (no .numpy(), no .detach() on the way), so that autograd sees every step.",
                   "중간에 .numpy()나 .detach() 없이 minigrad 연산만 쓰세요. 그래야 autograd가 모든 단계를 봅니다."))
passed("10.2")

# %% [markdown]
# ## Exercise 10.3 · Count the parameters · 연습 문제 10.3 · 매개변수 세기
#
# An MLP with layer sizes `sizes = [n0, n1, ..., nk]` is `Linear(n0, n1)`, an activation,
# `Linear(n1, n2)`, ..., `Linear(n_{k-1}, nk)`. Write `mlp_parameter_count(sizes)` that returns how
# many numbers its parameters hold, **without building the model**: a formula.
#
# *Hint:* `Linear(a, b)` has a weight of `a * b` numbers and a bias of `b`.
#
# 계층 크기가 `sizes = [n0, n1, ..., nk]`인 MLP는 `Linear(n0, n1)`, 활성화 함수(activation function), `Linear(n1, n2)`, ...,
# `Linear(n_{k-1}, nk)`입니다. **모델을 만들지 말고** 식으로, 매개변수에 든 수의 개수를 돌려주는
# `mlp_parameter_count(sizes)`를 작성하세요.
#
# *힌트:* `Linear(a, b)`의 가중치(weight)에는 수가 `a * b`개, 편향(bias)에는 `b`개 있습니다.

# %%
def mlp_parameter_count(sizes):
    """Number of parameters of an MLP with these layer sizes."""
    ### BEGIN SOLUTION
    return sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))
    ### END SOLUTION

# %% exercise="10.3" points=1
from minigrad_course.checks import expect_equal, passed

def count_hints(sizes):
    pairs = list(zip(sizes[:-1], sizes[1:]))
    return [(sum(a * b for a, b in pairs), ("the biases are missing: Linear(a, b) has b of them.",
                                            "편향이 빠졌습니다. Linear(a, b)에는 편향이 b개 있습니다.")),
            (sum(a * b + a for a, b in pairs), ("one bias per output, not per input: Linear(a, b) has b biases.",
                                                "편향은 입력이 아니라 출력마다 하나입니다. Linear(a, b)의 편향은 b개입니다."))]


every_pair = ("sum a * b + b over consecutive pairs (a, b) of sizes.", "sizes의 이웃한 쌍 (a, b)마다 a * b + b를 더하세요.")
for sizes, count in [([2, 16, 16, 2], 354), ([784, 128, 10], 101770)]:
    expect_equal(mlp_parameter_count(sizes), count, what=f"mlp_parameter_count({sizes})", mistakes=count_hints(sizes),
                 hint=every_pair)
expect_equal(mlp_parameter_count([5, 1]), 6, what="mlp_parameter_count([5, 1])", mistakes=count_hints([5, 1]),
             hint=every_pair)

sizes = [3, 7, 4, 9, 2]
layers = []
for a, b in zip(sizes[:-1], sizes[1:]):
    layers += [nn.Linear(a, b), nn.ReLU()]
model = nn.Sequential(*layers[:-1])
expect_equal(mlp_parameter_count(sizes), sum(p.numel() for p in model.parameters()),
             what=("mlp_parameter_count([3, 7, 4, 9, 2]) against the real model", "실제 모델과 비교한 mlp_parameter_count([3, 7, 4, 9, 2])"))
### BEGIN HIDDEN TESTS
for sizes, count in [([10, 1], 11), ([4, 4, 4, 4, 4], 80), ([1, 100, 1], 301)]:
    expect_equal(mlp_parameter_count(sizes), count, what=f"mlp_parameter_count({sizes})", mistakes=count_hints(sizes),
                 hint=every_pair)
### END HIDDEN TESTS
passed("10.3")

# %% [markdown]
# ## Exercise 10.4 · The Huber loss · 연습 문제 10.4 · 휴버 손실
#
# The mean squared error of lesson 10 lets one outlier dominate: its error is squared. The Huber loss
# (`torch.nn.HuberLoss`) is quadratic near 0 and linear far away. For $d = \text{prediction} -
# \text{target}$ and a threshold $\delta$:
#
# $$\ell(d) = \begin{cases} \tfrac12 d^2 & |d| < \delta \\ \delta\,(|d| - \tfrac12 \delta) & \text{otherwise} \end{cases}$$
#
# and the loss is the **mean** of $\ell$ over all elements. Write `my_huber_loss(prediction, target,
# delta=1.0)` with minigrad operations, so that `backward()` works through it. Do not call
# `F.huber_loss`, `F.smooth_l1_loss` or `F.mse_loss`: they fail while the check runs.
#
# *Hint:* `torch.where(d.abs() < delta, quadratic, linear)` picks one of two tensors element by
# element. The gradient is then $d$ inside and $\pm\delta$ outside: an outlier pulls with a bounded force.
#
# 10강의 평균 제곱 오차는 오차를 제곱하기 때문에 이상치(outlier) 하나가 전체를 좌우합니다. 휴버 손실(`torch.nn.HuberLoss`)은
# 0 근처에서는 2차, 멀리서는 1차입니다. $d = \text{prediction} - \text{target}$과 문턱값 $\delta$에 대해 $\ell(d)$는 위와
# 같고, 손실은 모든 원소에 대한 $\ell$의 **평균**입니다. `backward()`가 통과할 수 있도록 minigrad 연산으로
# `my_huber_loss(prediction, target, delta=1.0)`을 작성하세요. `F.huber_loss`, `F.smooth_l1_loss`, `F.mse_loss`는 부르지
# 마세요. 확인 셀이 실행되는 동안에는 실패합니다.
#
# *힌트:* `torch.where(d.abs() < delta, quadratic, linear)`는 원소마다 두 텐서 중 하나를 고릅니다. 그러면 변화도는 안쪽에서
# $d$, 바깥에서 $\pm\delta$가 됩니다. 이상치가 당기는 힘에 상한이 생깁니다.

# %%
def my_huber_loss(prediction, target, delta=1.0):
    """mean over the elements of 0.5 d**2 if |d| < delta else delta * (|d| - 0.5 delta), d = prediction - target"""
    ### BEGIN SOLUTION
    d = prediction - target
    quadratic = 0.5 * d ** 2
    linear = delta * (d.abs() - 0.5 * delta)
    return torch.where(d.abs() < delta, quadratic, linear).mean()
    ### END SOLUTION

# %% exercise="10.4" points=2
from minigrad_course.checks import expect_close, forbidden, passed

library = forbidden((F, "huber_loss", "F.huber_loss"), (F, "smooth_l1_loss", "F.smooth_l1_loss"),
                    (F, "mse_loss", "F.mse_loss"), (F, "l1_loss", "F.l1_loss"))


def huber_np(d, delta):
    return np.where(np.abs(d) < delta, 0.5 * d ** 2, delta * (np.abs(d) - 0.5 * delta))


# by hand, delta = 1: d = [-0.5, 0, 3] gives 0.125, 0 and 1 * (3 - 0.5) = 2.5; the mean is 2.625 / 3
pred = torch.tensor([1.0, 2.0, 5.0], requires_grad=True)
target = torch.tensor([1.5, 2.0, 2.0])
d = np.array([-0.5, 0.0, 3.0])
with library:
    loss = my_huber_loss(pred, target)
expect_close(loss, 2.625 / 3, what="my_huber_loss([1, 2, 5], [1.5, 2, 2])",
             mistakes=[(2.625, ("the loss is the mean over the elements, not the sum.", "손실은 원소들의 합이 아니라 평균입니다.")),
                       ((0.25 + 0 + 9) / 3, ("that is the mean squared error: beyond delta the loss is linear, "
                                             "delta * (|d| - delta / 2).",
                                             "평균 제곱 오차입니다. delta 바깥에서 손실은 1차식 delta * (|d| - delta / 2)입니다.")),
                       ((0.25 + 0 + 2.5) / 3, ("inside delta the loss is d² / 2: the factor 1/2 is missing.",
                                               "delta 안쪽의 손실은 d² / 2입니다. 1/2이 빠졌습니다."))])
loss.backward()
expect_close(pred.grad, np.clip(d, -1, 1) / 3, what=("gradient: d inside delta, ±delta outside, divided by n",
                                                      "변화도: delta 안쪽은 d, 바깥은 ±delta, n으로 나눈 값"),
             hint=("build the loss from minigrad operations (abs, where, mean) so that backward sees every step.",
                   "backward가 모든 단계를 보도록 minigrad 연산(abs, where, mean)으로 손실을 만드세요."))

# another delta and a (4, 3) batch: the value and the gradient against central differences
rng = np.random.default_rng(1)
p_np, t_np = 2 * rng.standard_normal((4, 3)), rng.standard_normal((4, 3))
p = torch.tensor(p_np, requires_grad=True)
with library:
    loss = my_huber_loss(p, torch.tensor(t_np), delta=0.5)
expect_close(loss, huber_np(p_np - t_np, 0.5).mean(), what=("my_huber_loss of a (4, 3) batch with delta=0.5",
                                                           "delta=0.5일 때 (4, 3) 배치의 my_huber_loss"),
             hint=("use the delta you are given, in both branches.", "주어진 delta를 두 경우 모두에 쓰세요."))
loss.backward()
h, numeric = 1e-6, np.zeros_like(p_np)
for index in np.ndindex(*p_np.shape):
    up, down = p_np.copy(), p_np.copy()
    up[index] += h
    down[index] -= h
    numeric[index] = (huber_np(up - t_np, 0.5).mean() - huber_np(down - t_np, 0.5).mean()) / (2 * h)
expect_close(p.grad, numeric, atol=1e-7, what=("gradient of a (4, 3) Huber loss against central differences",
                                               "중앙 차분과 비교한 (4, 3) 휴버 손실의 변화도"))
passed("10.4")

# %% [markdown]
# ## Exercise 10.5 · The hidden layers · 연습 문제 10.5 · 숨은 계층
#
# A student wrote this deep MLP. It runs and its loss is computed, yet in training only the output
# layer learns. Run the cell and count what `parameters()` finds:
#
# 한 학생이 깊은 MLP를 이렇게 작성했습니다. 실행되고 손실(loss)도 계산되는데, 학습(training)해 보면 출력 계층만 배웁니다.
# 셀을 실행해서 `parameters()`가 무엇을 찾는지 세어 보세요.

# %%
class BuggyMLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.hidden = [nn.Linear(a, b) for a, b in zip(sizes[:-2], sizes[1:-1])]
        self.out = nn.Linear(sizes[-2], sizes[-1])

    def forward(self, x):
        for layer in self.hidden:
            x = layer(x).relu()
        return self.out(x)


buggy = BuggyMLP([2, 8, 8, 1])
print([name for name, _ in buggy.named_parameters()])

# %% [markdown]
# Find the bug, then write `FixedMLP(sizes)`: the same network, whose `named_parameters()` are
# `hidden.0.weight`, `hidden.0.bias`, `hidden.1.weight`, ..., then `out.weight`, `out.bias`.
#
# *Hint:* `Module.__setattr__` registers a value only if it **is** a `Parameter` or a `Module`. A
# Python list is neither; `nn.ModuleList` is a `Module` that holds a list of modules.
#
# 버그를 찾은 다음 `FixedMLP(sizes)`를 작성하세요. 같은 신경망이고, `named_parameters()`가 `hidden.0.weight`,
# `hidden.0.bias`, `hidden.1.weight`, ..., 그리고 `out.weight`, `out.bias`여야 합니다.
#
# *힌트:* `Module.__setattr__`는 값이 `Parameter`나 `Module` **자체일** 때만 등록합니다. 파이썬 리스트는 둘 다 아닙니다.
# `nn.ModuleList`는 모듈의 리스트를 담는 `Module`입니다.

# %%
class FixedMLP(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        ### BEGIN SOLUTION
        self.hidden = nn.ModuleList([nn.Linear(a, b) for a, b in zip(sizes[:-2], sizes[1:-1])])
        self.out = nn.Linear(sizes[-2], sizes[-1])
        ### END SOLUTION

    def forward(self, x):
        ### BEGIN SOLUTION
        for layer in self.hidden:
            x = layer(x).relu()
        return self.out(x)
        ### END SOLUTION

# %% exercise="10.5" points=2
from minigrad_course.checks import expect_close, expect_equal, expect_true, passed

fixed = FixedMLP([2, 8, 8, 1])
hidden_list = ("a plain Python list is not registered: hold the hidden layers in an nn.ModuleList.",
               "평범한 파이썬 리스트는 등록되지 않습니다. 은닉 계층들을 nn.ModuleList에 담으세요.")
expect_equal([name for name, _ in fixed.named_parameters()],
             ["hidden.0.weight", "hidden.0.bias", "hidden.1.weight", "hidden.1.bias", "out.weight", "out.bias"],
             what="FixedMLP([2, 8, 8, 1]).named_parameters()", hint=hidden_list)
expect_equal(sum(p.numel() for p in fixed.parameters()), 2 * 8 + 8 + 8 * 8 + 8 + 8 + 1,
             what=("number of parameters", "매개변수 수"), hint=hidden_list)
expect_equal(sorted(fixed.state_dict().keys()),
             sorted(["hidden.0.weight", "hidden.0.bias", "hidden.1.weight", "hidden.1.bias", "out.weight", "out.bias"]),
             what=("state_dict() keys", "state_dict()의 키"), hint=hidden_list)
# sizes that all differ: each layer maps sizes[i] to sizes[i + 1], and out maps the last hidden size to the output
shapes = [(name, tuple(p.shape)) for name, p in FixedMLP([3, 5, 4, 6, 2]).named_parameters()]
expect_equal(shapes, [("hidden.0.weight", (5, 3)), ("hidden.0.bias", (5,)), ("hidden.1.weight", (4, 5)),
                      ("hidden.1.bias", (4,)), ("hidden.2.weight", (6, 4)), ("hidden.2.bias", (6,)),
                      ("out.weight", (2, 6)), ("out.bias", (2,))],
             what=("parameter shapes of FixedMLP([3, 5, 4, 6, 2])", "FixedMLP([3, 5, 4, 6, 2])의 매개변수 모양"),
             hint=("one hidden Linear for each pair of neighbouring sizes except the last pair, which is out's: "
                   "mind the slice ends.",
                   "이웃한 크기 쌍마다 은닉 Linear가 하나씩이고, 마지막 쌍만 out의 것입니다. 슬라이스의 끝을 살펴보세요."))

# the forward pass is the same network: recompute it by hand from the parameters
x = torch.tensor([[0.5, -1.0], [2.0, 0.25]])
params = dict(fixed.named_parameters())
h = x.numpy()
for i in range(2):
    h = np.maximum(h @ params[f"hidden.{i}.weight"].detach().numpy().T + params[f"hidden.{i}.bias"].detach().numpy(), 0)
expected = h @ params["out.weight"].detach().numpy().T + params["out.bias"].detach().numpy()
expect_close(fixed(x), expected, atol=1e-5, what=("FixedMLP output", "FixedMLP의 출력"),
             hint=("the same forward as BuggyMLP: relu after every hidden layer, none after out.",
                   "BuggyMLP와 같은 forward입니다. 은닉 계층마다 relu를 쓰고, out 뒤에는 쓰지 않습니다."))

# and every layer gets a gradient, so every layer can learn
fixed(x).sum().backward()
expect_true(all(p.grad is not None for p in fixed.parameters()), what=("every parameter has a .grad",
                                                                       "모든 매개변수에 .grad가 있다"))
passed("10.5")

# %% [markdown]
# ## Done · 끝
#
# You wrote a layer initialised for ReLU networks, a log-softmax that survives large logits, a
# loss that outliers cannot dominate, and you know why a module must see its layers. Lesson 11 hands
# the weight updates to optimizers and trains on real data.
#
# ReLU 신경망에 맞게 초기화하는 계층, 큰 로짓에도 버티는 로그 소프트맥스, 이상치가 좌우하지 못하는 손실을 작성했고,
# 모듈이 왜 자기 계층을 볼 수 있어야 하는지 알게 되었습니다. 11강에서는 가중치 갱신을 옵티마이저(optimizer)에게 맡기고
# 실제 데이터로 학습합니다.
