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
# # 10 · Neural networks: exercises · 신경망: 연습 문제
#
# Five exercises on lesson 10: a `Linear` module with the right initialisation, a numerically
# stable `log_softmax`, counting the parameters of an MLP, a mean squared error with its gradient,
# and a bug hunt in a module that hides its layers. Write your code where a cell says
# `NotImplementedError`, then run the check cell below it.
#
# 10강 내용으로 연습 문제(exercise) 다섯 개를 풉니다. 올바르게 초기화하는 `Linear` 모듈, 수치적으로 안정적인
# `log_softmax`, MLP의 매개변수(parameter) 수 세기, 평균 제곱 오차와 그 변화도(gradient), 그리고 계층(layer)을 숨기는
# 모듈의 버그 찾기입니다. `NotImplementedError`가 있는 셀에 코드를 작성하고 바로 아래의 확인(check) 셀을 실행하세요.

# %%
import math

import numpy as np

import minigrad as torch
import minigrad.nn.functional as F
from minigrad import nn

_ = torch.manual_seed(0)

# %% [markdown]
# ## Exercise 10.1: a Linear module · 연습 문제 10.1: Linear 모듈
#
# Write `MyLinear(in_features, out_features)`, a subclass of minigrad's `nn.Module`, with two
# registered parameters: `weight` of shape `(out_features, in_features)` and `bias` of shape
# `(out_features,)`, both drawn uniformly from $[-1/\sqrt{\text{in\_features}},
# 1/\sqrt{\text{in\_features}}]$, PyTorch's default. `forward(x)` returns $x W^\top + b$.
#
# *Hint:* `torch.rand(*shape)` is uniform in $[0, 1)$; scale and shift it, then wrap it in
# `nn.Parameter` and assign it to `self`.
#
# minigrad의 `nn.Module`을 상속한 `MyLinear(in_features, out_features)`를 작성하세요. 등록된 매개변수가 두 개 있어야 합니다.
# 모양(shape)이 `(out_features, in_features)`인 `weight`와 `(out_features,)`인 `bias`이고, 둘 다 PyTorch의 기본값대로
# $[-1/\sqrt{\text{in\_features}}, 1/\sqrt{\text{in\_features}}]$에서 균등하게 뽑습니다. `forward(x)`는 $x W^\top + b$를 돌려줍니다.
#
# *힌트:* `torch.rand(*shape)`는 $[0, 1)$에서 균등하게 뽑습니다. 늘리고 옮긴 다음 `nn.Parameter`로 감싸 `self`에 대입하세요.

# %%
class MyLinear(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        ### BEGIN SOLUTION
        bound = 1 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.rand(out_features, in_features) * (2 * bound) - bound)
        self.bias = nn.Parameter(torch.rand(out_features) * (2 * bound) - bound)
        ### END SOLUTION

    def forward(self, x):
        ### BEGIN SOLUTION
        return x @ self.weight.t() + self.bias
        ### END SOLUTION

# %% exercise="10.1" points=2
from minigrad_course.checks import expect_close, expect_equal, expect_true, passed

layer = MyLinear(400, 300)
names = [name for name, _ in layer.named_parameters()]
expect_equal(names, ["weight", "bias"], what="named parameters of MyLinear(400, 300)")
expect_equal(tuple(layer.weight.shape), (300, 400), what="weight shape")
expect_equal(tuple(layer.bias.shape), (300,), what="bias shape")
w = layer.weight.detach().numpy()
b = layer.bias.detach().numpy()
# uniform in +-0.05: every value inside, the extremes close to it, and the variance 0.05^2 / 3
expect_true(bool(np.abs(w).max() <= 0.05), what="every |weight| <= 1/sqrt(400) = 0.05")
expect_true(bool(np.abs(w).max() > 0.049), what="weights fill the interval (max |weight| > 0.049)")
expect_close(float(w.var()), 0.05 ** 2 / 3, rtol=0.05, atol=0, what="variance of the weights")
expect_close(float(w.mean()), 0.0, atol=1e-3, what="mean of the weights")
expect_true(bool(np.abs(b).max() <= 0.05 and np.abs(b).max() > 0.045), what="bias inside +-0.05, filling it")

small = MyLinear(3, 2)
x = torch.tensor([[1.0, 2.0, 3.0], [0.0, -1.0, 0.5]])
W = small.weight.detach().numpy()
B = small.bias.detach().numpy()
expected = np.array([[W[i] @ row + B[i] for i in range(2)] for row in x.numpy()])
expect_close(small(x), expected, atol=1e-5, what="MyLinear(3, 2) output")
small(x).sum().backward()
expect_close(small.weight.grad, np.tile(x.numpy().sum(0), (2, 1)), what="weight.grad of the summed output")
expect_close(small.bias.grad, [2.0, 2.0], what="bias.grad of the summed output")
passed("10.1")

# %% [markdown]
# ## Exercise 10.2: a stable log_softmax · 연습 문제 10.2: 안정적인 log_softmax
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
from minigrad_course.checks import expect_close, expect_true, passed

ln3, ln4 = math.log(3.0), math.log(4.0)
# softmax([0, ln 3]) = [1/4, 3/4], whatever constant is added to the row
z = torch.tensor([[0.0, ln3], [1000.0, 1000.0 + ln3], [-1000.0, -1000.0 + ln3]])
expect_close(stable_log_softmax(z), [[-ln4, ln3 - ln4]] * 3, atol=1e-4, what="log softmax of [c, c + ln 3]")
big = stable_log_softmax(torch.tensor([[1000.0, 0.0, -1000.0]]))
expect_close(big, [[0.0, -1000.0, -2000.0]], what="log softmax of [1000, 0, -1000]")
expect_true(bool(np.isfinite(big.detach().numpy()).all()), what="no inf or nan for large logits")

# gradient of sum_k v_k log p_k is v - p * sum(v): compare with central differences in float64
zz = torch.tensor([[0.3, -1.2, 2.0], [0.5, 0.5, -0.5]], dtype=torch.float64, requires_grad=True)
v = np.array([[1.0, 0.0, -2.0], [0.5, 1.5, 0.0]])
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
expect_close(zz.grad, numeric, atol=1e-6, what="gradient of sum(v * log_softmax(z))")
passed("10.2")

# %% [markdown]
# ## Exercise 10.3: count the parameters · 연습 문제 10.3: 매개변수 세기
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

expect_equal(mlp_parameter_count([2, 16, 16, 2]), 354, what="mlp_parameter_count([2, 16, 16, 2])")
expect_equal(mlp_parameter_count([784, 128, 10]), 101770, what="mlp_parameter_count([784, 128, 10])")
expect_equal(mlp_parameter_count([5, 1]), 6, what="mlp_parameter_count([5, 1])")

sizes = [3, 7, 4, 9, 2]
layers = []
for a, b in zip(sizes[:-1], sizes[1:]):
    layers += [nn.Linear(a, b), nn.ReLU()]
model = nn.Sequential(*layers[:-1])
expect_equal(mlp_parameter_count(sizes), sum(p.numel() for p in model.parameters()),
             what="mlp_parameter_count([3, 7, 4, 9, 2]) against the real model")
passed("10.3")

# %% [markdown]
# ## Exercise 10.4: mean squared error · 연습 문제 10.4: 평균 제곱 오차
#
# Write `my_mse_loss(prediction, target)` that returns the mean of the squared differences as a
# minigrad tensor, with minigrad operations (not `F.mse_loss`), so that `backward()` works through
# it. The check compares the value with a hand computation and the gradient with central
# differences.
#
# 차이의 제곱의 평균을 minigrad 텐서로 돌려주는 `my_mse_loss(prediction, target)`을 `F.mse_loss` 없이 minigrad 연산으로
# 작성하세요. 그래야 `backward()`가 통과할 수 있습니다. 확인 셀은 값을 손 계산과, 변화도를 중앙 차분(central difference)과
# 비교합니다.

# %%
def my_mse_loss(prediction, target):
    """mean((prediction - target) ** 2)"""
    ### BEGIN SOLUTION
    return ((prediction - target) ** 2).mean()
    ### END SOLUTION

# %% exercise="10.4" points=2
from minigrad_course.checks import expect_close, passed

pred = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
loss = my_mse_loss(pred, torch.tensor([1.5, 2.0, 2.0]))
expect_close(loss, (0.25 + 0.0 + 1.0) / 3, what="my_mse_loss([1, 2, 3], [1.5, 2, 2])")
loss.backward()
expect_close(pred.grad, [2 / 3 * -0.5, 0.0, 2 / 3 * 1.0], what="gradient: 2 (prediction - target) / n")

rng = np.random.default_rng(1)
p_np, t_np = rng.standard_normal((4, 3)), rng.standard_normal((4, 3))
p = torch.tensor(p_np, requires_grad=True)
my_mse_loss(p, torch.tensor(t_np)).backward()
h, numeric = 1e-6, np.zeros_like(p_np)
for index in np.ndindex(*p_np.shape):
    up, down = p_np.copy(), p_np.copy()
    up[index] += h
    down[index] -= h
    numeric[index] = (((up - t_np) ** 2).mean() - ((down - t_np) ** 2).mean()) / (2 * h)
expect_close(p.grad, numeric, atol=1e-7, what="gradient of a (4, 3) mse against central differences")
passed("10.4")

# %% [markdown]
# ## Exercise 10.5: the hidden layers · 연습 문제 10.5: 숨은 계층
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
expect_equal([name for name, _ in fixed.named_parameters()],
             ["hidden.0.weight", "hidden.0.bias", "hidden.1.weight", "hidden.1.bias", "out.weight", "out.bias"],
             what="named_parameters() of FixedMLP([2, 8, 8, 1])")
expect_equal(sum(p.numel() for p in fixed.parameters()), 2 * 8 + 8 + 8 * 8 + 8 + 8 + 1,
             what="number of parameters")
expect_equal(sorted(fixed.state_dict().keys()),
             sorted(["hidden.0.weight", "hidden.0.bias", "hidden.1.weight", "hidden.1.bias", "out.weight", "out.bias"]),
             what="state_dict() keys")

# the forward pass is the same network: recompute it by hand from the parameters
x = torch.tensor([[0.5, -1.0], [2.0, 0.25]])
params = dict(fixed.named_parameters())
h = x.numpy()
for i in range(2):
    h = np.maximum(h @ params[f"hidden.{i}.weight"].detach().numpy().T + params[f"hidden.{i}.bias"].detach().numpy(), 0)
expected = h @ params["out.weight"].detach().numpy().T + params["out.bias"].detach().numpy()
expect_close(fixed(x), expected, atol=1e-5, what="FixedMLP output")

# and every layer gets a gradient, so every layer can learn
fixed(x).sum().backward()
expect_true(all(p.grad is not None for p in fixed.parameters()), what="every parameter has a .grad")
passed("10.5")

# %% [markdown]
# ## Done · 끝
#
# You wrote a layer with PyTorch's initialisation, a log-softmax that survives large logits, a
# loss with its gradient, and you know why a module must see its layers. Lesson 11 hands the weight
# updates to optimizers and trains on real data.
#
# PyTorch의 초기화를 쓰는 계층, 큰 로짓에도 버티는 로그 소프트맥스, 변화도까지 맞는 손실을 작성했고, 모듈이 왜 자기 계층을
# 볼 수 있어야 하는지 알게 되었습니다. 11강에서는 가중치 갱신을 옵티마이저(optimizer)에게 맡기고 실제 데이터로 학습합니다.
