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
# # 10 · Neural networks · 신경망
#
# A neural network is a function with many numbers inside it, the **weights**, that we tune until
# the function does what we want. Autograd already gives us the gradient of a loss with respect to
# every one of them. What is missing is bookkeeping: with a dozen weight tensors, who creates them,
# with what scale, and how does a training loop find them all? PyTorch's answer is `nn.Module`. This
# lesson:
#
# 1. writes a network as a plain function and feels the bookkeeping pain;
# 2. builds a tiny `Module` that **registers parameters by attribute assignment**, and a `Linear`
#    layer with PyTorch's default initialization, and shows why the scale of that initialization
#    matters;
# 3. reads and uses minigrad's real `nn`: `Parameter`, `Module`, `Linear`, `Sequential`, `ModuleList`,
#    `state_dict()`, the activation functions, `MSELoss` and `CrossEntropyLoss` (stable for large
#    scores);
# 4. trains a small network on a 2-D toy problem with a hand-written loop and draws what it learned.
#
# 신경망은 안에 수가 아주 많이 들어 있는 함수입니다. 그 수, 곧 **가중치**(weight)를 함수가 원하는 일을 할 때까지
# 조정합니다. 모든 가중치에 대한 손실(loss)의 변화도(gradient)는 이미 autograd가 구해 줍니다. 부족한 것은 관리입니다.
# 가중치 텐서가 열 개가 넘으면 누가 만들고, 어떤 크기로 초기화하고, 학습(training) 반복문은 그것들을 어떻게 다 찾을까요?
# PyTorch의 답이 `nn.Module`입니다. 이번 강의에서는
#
# 1. 신경망을 평범한 함수로 써 보고 관리가 얼마나 번거로운지 느껴 봅니다.
# 2. **속성 대입으로 매개변수(parameter)를 등록하는** 작은 `Module`과, PyTorch의 기본 초기화를 쓰는 `Linear`
#    계층(layer)을 만들고, 초기화 크기가 왜 중요한지 봅니다.
# 3. minigrad의 진짜 `nn`을 읽고 씁니다. `Parameter`, `Module`, `Linear`, `Sequential`, `ModuleList`,
#    `state_dict()`, 활성화 함수(activation function), `MSELoss`, 그리고 큰 점수에도 안정적인 `CrossEntropyLoss`입니다.
# 4. 손으로 쓴 반복문으로 2차원 장난감 문제에 작은 신경망을 학습시키고, 학습한 결과를 그려 봅니다.

# %%
import importlib
import inspect
import math

import matplotlib.pyplot as plt
import numpy as np

import minigrad as torch  # the same API as PyTorch
import minigrad.nn.functional as F
from minigrad import nn
from minigrad.viz import draw_graph
from minigrad_course.fonts import use_korean_font
from minigrad_course.errors import shows_error

use_korean_font()
_ = torch.manual_seed(0)

# %% [markdown]
# ## A function with weights · 가중치가 있는 함수
#
# A two-layer network, written with what we already have: multiply by a weight matrix, add a bias,
# squash with `tanh`, and once more. Four tensors that require grad, created by hand:
#
# 지금까지 배운 것만으로 2층 신경망을 써 봅시다. 가중치 행렬을 곱하고 편향(bias)을 더한 뒤 `tanh`를 적용하고, 한 번 더
# 반복합니다. 변화도를 요구하는 텐서 네 개를 손으로 만듭니다.

# %%
w1 = (torch.randn(2, 4) * 0.5).requires_grad_()
b1 = torch.zeros(4, requires_grad=True)
w2 = (torch.randn(4, 1) * 0.5).requires_grad_()
b2 = torch.zeros(1, requires_grad=True)


def net(x):
    h = (x @ w1 + b1).tanh()
    return h @ w2 + b2


x = torch.tensor([[0.5, -1.0], [2.0, 0.0], [-1.0, 1.5]])
target = torch.tensor([[1.0], [0.0], [-1.0]])
loss = ((net(x) - target) ** 2).mean()
loss.backward()
print(loss)
print(w1.grad.shape, b1.grad.shape, w2.grad.shape, b2.grad.shape)

# %% [markdown]
# It works, and the graph is what autograd always draws. But look at what is left to us: the
# network's weights are global variables that `net` reads; a training loop must list
# `[w1, b1, w2, b2]` by hand (and a forgotten one is silently never trained); the scale `0.5` was a
# guess; and a second network needs a second set of names. Everything the `Module` class does is to
# make these four things automatic.
#
# 잘 동작하고, 그래프도 autograd가 늘 그리던 모습입니다. 하지만 남은 일을 보세요. 신경망의 가중치는 `net`이 읽는 전역
# 변수입니다. 학습 반복문은 `[w1, b1, w2, b2]`를 손으로 나열해야 하고, 하나를 빠뜨리면 그 가중치는 조용히 학습되지
# 않습니다. 크기 `0.5`는 어림짐작이었고, 신경망을 하나 더 만들려면 이름도 한 벌 더 필요합니다. `Module` 클래스가 하는 일은
# 모두 이 네 가지를 자동으로 만드는 것입니다.

# %%
draw_graph(loss)

# %% [markdown]
# ## A marker type: Parameter · 표시용 타입: Parameter
#
# How can an object tell, among its attributes, which tensors are weights to be trained? By their
# **type**. `nn.Parameter` is a `Tensor` subclass that adds nothing but its type: a leaf that requires
# grad by default, printed with a `Parameter containing:` line on top. A tensor computed inside
# `forward` (an input, an intermediate result) is a plain `Tensor`, so it is never mistaken for a
# weight.
#
# 객체는 자기 속성 가운데 어떤 텐서가 학습할 가중치인지 어떻게 알까요? **타입**으로 압니다. `nn.Parameter`는 타입 말고는
# 아무것도 더하지 않는 `Tensor`의 하위 클래스입니다. 기본으로 변화도를 요구하는 잎(leaf) 텐서이고, 출력할 때 맨 위에
# `Parameter containing:` 줄이 붙습니다. `forward` 안에서 계산한 텐서(입력, 중간 결과)는 평범한 `Tensor`이므로 가중치로
# 오해받을 일이 없습니다.

# %%
p = nn.Parameter(torch.ones(2, 3))
print(p)
print(isinstance(p, torch.Tensor), p.is_leaf, p.requires_grad)
print(type(p * 2).__name__)  # results of operations are plain tensors

# %% [markdown]
# ## Build it: a tiny Module · 직접 만들기: 작은 Module
#
# The idea fits in one method. Python calls `__setattr__` on every `self.name = value`; ours files
# a `Parameter` into a `_params` dictionary and a `Module` into a `_children` dictionary, then stores
# the attribute as usual. `named_parameters()` then walks the tree: its own parameters first, then
# each child's, with the child's name as a dotted prefix. `__call__` forwards to `forward`, so a
# module is used like a function.
#
# 아이디어는 메서드 하나에 들어갑니다. 파이썬은 `self.name = value`를 할 때마다 `__setattr__`를 부릅니다. 우리 것은
# `Parameter`는 `_params` 사전에, `Module`은 `_children` 사전에 넣은 다음 평소처럼 속성을 저장합니다. 그러면
# `named_parameters()`는 트리를 따라 내려가기만 하면 됩니다. 자기 매개변수를 먼저, 그다음 자식의 매개변수를 자식 이름을
# 점으로 이은 접두사와 함께 내놓습니다. `__call__`은 `forward`로 넘겨 주므로 모듈을 함수처럼 쓸 수 있습니다.

# %%
class Module:
    def __init__(self):
        # object.__setattr__: our own __setattr__ needs these two dictionaries to exist
        object.__setattr__(self, "_params", {})
        object.__setattr__(self, "_children", {})

    def __setattr__(self, name, value):
        if isinstance(value, nn.Parameter):
            self._params[name] = value
        elif isinstance(value, Module):
            self._children[name] = value
        object.__setattr__(self, name, value)

    def named_parameters(self, prefix=""):
        for name, param in self._params.items():
            yield prefix + name, param
        for name, child in self._children.items():
            yield from child.named_parameters(prefix + name + ".")

    def parameters(self):
        for _, param in self.named_parameters():
            yield param

    def __call__(self, *args):
        return self.forward(*args)

# %% [markdown]
# ## A Linear layer, and its initialization · Linear 계층과 그 초기화
#
# A fully connected layer maps `in_features` numbers to `out_features` numbers:
# $y = x W^\top + b$. PyTorch stores `weight` as `(out_features, in_features)`, one row per output.
#
# How big should the initial weights be? Each output sums `in_features` products
# $w_{j} x_{j}$. With independent weights of variance $\sigma_w^2$ and inputs of variance
# $\sigma_x^2$, the sum has variance $n_{in}\, \sigma_w^2 \sigma_x^2$: it grows with the number of
# inputs. To keep outputs on the scale of the inputs, $\sigma_w$ must shrink like
# $1/\sqrt{n_{in}}$. PyTorch's default, `kaiming_uniform_(weight, a=math.sqrt(5))`, draws from
# $U(-\text{bound}, \text{bound})$ with
#
# $$\text{gain} = \sqrt{\frac{2}{1 + a^2}} = \sqrt{\frac{1}{3}}, \qquad
#   \text{bound} = \sqrt{3}\,\frac{\text{gain}}{\sqrt{n_{in}}} = \frac{1}{\sqrt{n_{in}}},$$
#
# and the bias from the same interval, $\pm 1/\sqrt{n_{in}}$. (The odd `a=math.sqrt(5)` is a
# historical choice that reproduces the older rule "uniform in $\pm 1/\sqrt{n_{in}}$".) A uniform
# variable on $\pm\text{bound}$ has variance $\text{bound}^2/3$, so one layer multiplies the variance
# by $n_{in} \cdot \frac{1}{3 n_{in}} = \frac{1}{3}$, whatever the width.
#
# 완전 연결 계층은 `in_features`개의 수를 `out_features`개의 수로 보냅니다. $y = x W^\top + b$입니다. PyTorch는
# `weight`를 출력마다 한 행씩 `(out_features, in_features)` 모양으로 저장합니다.
#
# 처음 가중치는 얼마나 커야 할까요? 출력 하나는 `in_features`개의 곱 $w_{j} x_{j}$를 더한 값입니다. 가중치의 분산이
# $\sigma_w^2$, 입력의 분산이 $\sigma_x^2$이고 서로 독립이면, 합의 분산은 $n_{in}\, \sigma_w^2 \sigma_x^2$로 입력 개수에
# 비례해 커집니다. 출력을 입력과 비슷한 크기로 유지하려면 $\sigma_w$가 $1/\sqrt{n_{in}}$처럼 작아져야 합니다. PyTorch의
# 기본값인 `kaiming_uniform_(weight, a=math.sqrt(5))`는 위 식의 bound로 $U(-\text{bound}, \text{bound})$에서 뽑고,
# 편향도 같은 구간 $\pm 1/\sqrt{n_{in}}$에서 뽑습니다. (`a=math.sqrt(5)`라는 이상한 값은 예전 규칙 "$\pm 1/\sqrt{n_{in}}$
# 안에서 균등 분포"를 재현하려고 고른 역사적 선택입니다.) $\pm\text{bound}$ 위의 균등 분포는 분산이
# $\text{bound}^2/3$이므로, 한 계층을 지날 때 분산은 폭과 상관없이 $n_{in} \cdot \frac{1}{3 n_{in}} = \frac{1}{3}$배가
# 됩니다.

# %%
def uniform(shape, bound):
    """Numbers drawn uniformly from [-bound, bound)."""
    return torch.rand(*shape) * (2 * bound) - bound


class Linear(Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        bound = 1 / math.sqrt(in_features)  # kaiming_uniform_ with a = sqrt(5)
        self.weight = nn.Parameter(uniform((out_features, in_features), bound))
        self.bias = nn.Parameter(uniform((out_features,), bound))

    def forward(self, x):
        return x @ self.weight.t() + self.bias


class MLP(Module):
    def __init__(self):
        super().__init__()
        self.hidden = Linear(2, 4)
        self.out = Linear(4, 1)
        self.note = "a plain attribute"  # neither a Parameter nor a Module: not registered

    def forward(self, x):
        return self.out(self.hidden(x).tanh())

# %% [markdown]
# Tests: the parameters are found, named by their path, in creation order; their shapes are right;
# the weights stay inside their bounds ($\pm 1/\sqrt{2}$ and $\pm 1/2$); and one `backward()` fills
# the gradient of every parameter:
#
# 시험해 봅시다. 매개변수를 만든 순서대로, 경로 이름과 함께 찾는지, 모양(shape)이 맞는지, 가중치가 범위
# ($\pm 1/\sqrt{2}$와 $\pm 1/2$) 안에 있는지, 그리고 `backward()` 한 번으로 모든 매개변수의 변화도가 채워지는지
# 확인합니다.

# %%
mlp = MLP()
for name, param in mlp.named_parameters():
    print(f"{name:14s} {str(tuple(param.shape)):8s} max |value| {param.abs().max().item():.3f}")

assert [n for n, _ in mlp.named_parameters()] == ["hidden.weight", "hidden.bias", "out.weight", "out.bias"]
assert mlp.hidden.weight.abs().max().item() <= 1 / math.sqrt(2)
assert mlp.out.weight.abs().max().item() <= 1 / 2
assert mlp(x).shape == (3, 1)

loss = ((mlp(x) - target) ** 2).mean()
loss.backward()
assert all(p.grad is not None and p.grad.shape == p.shape for p in mlp.parameters())
print("all tests passed")

# %% [markdown]
# The same graph as the function version, but now `draw_graph` can name every box after the
# parameter it holds: `params=dict(mlp.named_parameters())` passes the names.
#
# 함수로 쓴 버전과 같은 그래프이지만, 이제 `draw_graph`가 상자마다 그 안의 매개변수 이름을 붙일 수 있습니다.
# `params=dict(mlp.named_parameters())`로 이름을 넘겨 줍니다.

# %%
draw_graph(loss, params=dict(mlp.named_parameters()))

# %% [markdown]
# ## Why the scale matters · 크기가 왜 중요할까
#
# An experiment: ten layers of width 256, each a `Linear` followed by ReLU, on 512 random inputs.
# We measure the standard deviation of the activations after each layer for four weight bounds: a
# fixed 1 and a fixed 0.01, PyTorch's default $1/\sqrt{n_{in}}$, and $\sqrt{6/n_{in}}$, which is
# `kaiming_uniform_` with `a=0`, the bound derived for ReLU (ReLU zeroes half of its inputs, so the
# weights make up with twice the variance, $2/n_{in}$).
#
# 실험을 해 봅시다. 폭이 256인 계층 열 개를 쌓는데, 각 계층은 `Linear` 다음에 ReLU입니다. 무작위 입력 512개를 넣고
# 계층마다 활성값의 표준편차를 잽니다. 가중치 범위는 네 가지입니다. 고정값 1과 0.01, PyTorch의 기본값
# $1/\sqrt{n_{in}}$, 그리고 `a=0`인 `kaiming_uniform_`, 곧 ReLU에 맞춰 유도한 범위 $\sqrt{6/n_{in}}$입니다(ReLU가 입력의
# 절반을 0으로 만들므로 가중치가 두 배의 분산 $2/n_{in}$으로 그만큼을 메웁니다).

# %%
def activation_stds(bound, n_layers=10, width=256):
    h = torch.randn(512, width)
    stds = []
    with torch.no_grad():
        for _ in range(n_layers):
            h = (h @ uniform((width, width), bound)).relu()
            stds.append(float(h.numpy().std()))
    return stds


bounds = {"1": 1.0, "0.01": 0.01, "1/√n (PyTorch default · PyTorch 기본값)": 1 / math.sqrt(256),
          "√(6/n) (Kaiming for ReLU · ReLU용 Kaiming)": math.sqrt(6 / 256)}
curves = {label: activation_stds(bound) for label, bound in bounds.items()}
for bound, stds in zip(bounds.values(), curves.values()):
    print(f"bound {bound:.4f}   std after layer 1: {stds[0]:9.2g}   after layer 10: {stds[-1]:9.2g}")

fig, ax = plt.subplots(figsize=(7, 4))
for label, stds in curves.items():
    ax.semilogy(range(1, 11), stds, "o-", label=f"bound · 범위 {label}")
ax.set_xlabel("layer · 계층")
ax.set_ylabel("std of activations (log) · 활성값의 표준편차 (로그)", fontsize=9)
ax.set_title("Activation size by init bound · 초기화 크기에 따른 활성값의 크기")
ax.grid(True, alpha=0.3)
ax.legend(fontsize=9)
plt.show()

# %% [markdown]
# A fixed bound of 1 multiplies the scale by about $\sqrt{256/6} \approx 6.5$ per layer: after ten
# layers the numbers are astronomically large (with `tanh` instead of ReLU they would all sit at
# $\pm 1$, where the derivative is 0). A fixed 0.01 shrinks them to nothing, and the gradients with
# them. Bounds that scale with $1/\sqrt{n_{in}}$ do not depend on the width: the ReLU bound keeps the
# scale flat, and PyTorch's default shrinks it by about $1/\sqrt{6} \approx 0.4$ per ReLU layer,
# harmless in the shallow networks of this course (deep ReLU networks call
# `nn.init.kaiming_uniform_(w, a=0)` or normalize their activations, lesson 12). Either way the
# right scale depends on the layer's shape, which is why `Linear` initializes itself instead of
# asking you for a number.
#
# 고정 범위 1은 계층마다 크기를 약 $\sqrt{256/6} \approx 6.5$배씩 키웁니다. 열 계층을 지나면 수가 천문학적으로
# 커집니다(ReLU 대신 `tanh`였다면 모두 도함수가 0인 $\pm 1$에 붙어 버립니다). 고정값 0.01은 수를 거의 0으로 줄이고,
# 변화도도 함께 사라집니다. $1/\sqrt{n_{in}}$에 비례하는 범위는 폭에 좌우되지 않습니다. ReLU용 범위는 크기를 평평하게
# 유지하고, PyTorch의 기본값은 ReLU 계층마다 약 $1/\sqrt{6} \approx 0.4$배씩 줄이는데, 이 강의의 얕은 신경망에서는 문제가
# 되지 않습니다(깊은 ReLU 신경망은 `nn.init.kaiming_uniform_(w, a=0)`을 부르거나 활성값을 정규화합니다, 12강). 어느 쪽이든
# 알맞은 크기는 계층의 모양에 달려 있습니다. 그래서 `Linear`는 수를 묻지 않고 스스로 초기화합니다.

# %% [markdown]
# ## minigrad's nn: the real code · minigrad의 nn: 실제 코드
#
# `minigrad/nn/parameter.py` holds `Parameter`: a `Tensor` made in `__new__` that shares memory with
# the tensor it wraps, with the extra line in its `repr`:
#
# `minigrad/nn/parameter.py`에 `Parameter`가 있습니다. 감싸는 텐서와 메모리를 공유하도록 `__new__`에서 만드는 `Tensor`이고,
# `repr`에 한 줄이 더 붙습니다.

# %%
print(inspect.getsource(nn.Parameter))

# %% [markdown]
# `minigrad/nn/module.py` holds `Module`. Its `__setattr__` is ours with the corner cases handled:
# a name keeps one meaning (assigning a `Module` where a `Parameter` was removes the old entry),
# and assigning a plain tensor to a parameter's name is an error rather than a silent
# unregistration. Buffers (state that is saved but not trained, such as BatchNorm's running mean,
# lesson 12) have a third dictionary.
#
# `minigrad/nn/module.py`에 `Module`이 있습니다. `__setattr__`는 우리 것과 같되 예외적인 경우를 처리합니다. 한 이름은 한
# 가지 뜻만 가지고(`Parameter`가 있던 자리에 `Module`을 대입하면 옛 항목을 지웁니다), 매개변수 이름에 평범한 텐서를
# 대입하면 조용히 등록을 풀지 않고 오류를 냅니다. 버퍼(저장은 하지만 학습하지 않는 상태, 예를 들어 BatchNorm의 이동
# 평균, 12강)는 세 번째 사전에 들어갑니다.

# %%
print(inspect.getsource(nn.Module.__setattr__))

# %% [markdown]
# `named_parameters()` walks `named_modules()`, the whole tree depth first, and lists each
# parameter **once**, even when two layers share it (a `seen` set of ids, as in the topological sort
# of lesson 04):
#
# `named_parameters()`는 트리 전체를 깊이 우선으로 도는 `named_modules()`를 따라가며, 두 계층이 공유하는 매개변수라도
# **한 번만** 내놓습니다(04강의 위상 정렬처럼 id를 담는 `seen` 집합을 씁니다).

# %%
print(inspect.getsource(nn.Module.named_modules))
print(inspect.getsource(nn.Module._named_members))

# %% [markdown]
# `Linear` (`minigrad/nn/linear.py`) creates its two parameters and calls `reset_parameters()`,
# which is exactly the initialization derived above; `init.kaiming_uniform_` computes the bound from
# the gain:
#
# `Linear`(`minigrad/nn/linear.py`)는 매개변수 두 개를 만들고 `reset_parameters()`를 부르는데, 이것이 바로 위에서 유도한
# 초기화입니다. `init.kaiming_uniform_`는 gain으로 범위를 계산합니다.

# %%
print(inspect.getsource(nn.Linear.reset_parameters))
print(inspect.getsource(nn.init.kaiming_uniform_))
print(nn.init.calculate_gain("leaky_relu", math.sqrt(5)) ** 2)  # 2 / (1 + 5) = 1/3

# %% [markdown]
# Its `forward` calls `F.linear`, which lives in `minigrad/nn/_ops/linear.py`. For a 2-D input it
# records what PyTorch records: `W.t()` (a `TBackward0` node), then one fused node, `Addmm`, for
# $b + X W^\top$: the product and the sum in one step. Its backward uses the gradients of a matrix
# product (lesson 08) with $M = W^\top$: $dX = dY\,M^\top = dY\,W$, $dM = X^\top dY$ (which the
# `TBackward0` node turns into $dW = dY^\top X$), and $db$ the column sums of $dY$. PyTorch calls
# this node `AddmmBackward0` ("add matrix-matrix product"):
#
# `forward`는 `F.linear`를 부르고, `F.linear`는 `minigrad/nn/_ops/linear.py`에 있습니다. 2차원 입력이면 PyTorch와 같은
# 것을 기록합니다. `W.t()`(`TBackward0` 노드)를 만들고, $b + X W^\top$을 융합 노드 `Addmm` 하나로 계산합니다. 곱과 합을 한
# 단계에 처리하는 노드입니다. 역전파는 $M = W^\top$에 대한 행렬 곱의 변화도(08강)를 씁니다. $dX = dY\,M^\top = dY\,W$,
# $dM = X^\top dY$(`TBackward0` 노드가 이것을 $dW = dY^\top X$로 바꿉니다), 그리고 $dY$의 열 합인 $db$입니다. PyTorch는 이
# 노드를 `AddmmBackward0`("행렬 곱에 더하기")라고 부릅니다.

# %%
linear_ops = importlib.import_module("minigrad.nn._ops.linear")
print(inspect.getsource(linear_ops.linear))
print(inspect.getsource(linear_ops.Addmm))

# %% [markdown]
# ## Using nn.Linear · nn.Linear 사용하기
#
# From now on we use the package. A module prints its configuration, its weight prints as a
# `Parameter`, and its output carries `grad_fn=<AddmmBackward0>`:
#
# 이제부터는 패키지를 씁니다. 모듈은 자기 설정을 출력하고, 가중치는 `Parameter`로 출력되며, 출력 텐서에는
# `grad_fn=<AddmmBackward0>`가 붙습니다.

# %%
layer = nn.Linear(3, 2)
print(layer)
print(layer.weight)
print(layer.bias)
out = layer(torch.ones(4, 3))
print(out)

# %% [markdown]
# `F.linear` also accepts extra leading dimensions (a batch of sequences, say) and a single vector.
# The size that must match is the **last** one, `in_features`. When it does not, the message comes
# from the matrix product, in PyTorch's words: `mat1` is the input `(16, 63)`, `mat2` is
# `weight.T`, `(64, 128)`:
#
# `F.linear`는 앞쪽에 차원이 더 있는 입력(예를 들어 시퀀스의 배치)이나 벡터 하나도 받습니다. 맞아야 하는 것은 **마지막**
# 크기인 `in_features`입니다. 맞지 않으면 행렬 곱이 PyTorch와 같은 말로 알려 줍니다. `mat1`은 입력 `(16, 63)`, `mat2`는
# `weight.T`인 `(64, 128)`입니다.

# %%
print(nn.Linear(3, 2)(torch.ones(5, 7, 3)).shape)
print(nn.Linear(3, 2)(torch.ones(3)).shape)

# %%
layer = nn.Linear(64, 128)
with shows_error(RuntimeError):
    layer(torch.ones(16, 63))

# %% [markdown]
# ## Sequential, names and state_dict · Sequential, 이름, state_dict
#
# `nn.Sequential(a, b, c)` is a module whose `forward` is `c(b(a(x)))`. Its children are named
# `"0"`, `"1"`, `"2"`, so the parameters are `0.weight`, `0.bias`, ... (the ReLU at index 1 has
# none). The printed tree shows the structure:
#
# `nn.Sequential(a, b, c)`는 `forward`가 `c(b(a(x)))`인 모듈입니다. 자식의 이름은 `"0"`, `"1"`, `"2"`이므로 매개변수는
# `0.weight`, `0.bias`, ... 가 됩니다(1번의 ReLU는 매개변수가 없습니다). 출력된 트리가 구조를 보여 줍니다.

# %%
model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 3))
print(model)
for name, param in model.named_parameters():
    print(f"{name:9s} {tuple(param.shape)}")

# %% [markdown]
# It indexes like a list: `model[0]` is the first layer, a slice is a new `Sequential` (which keeps
# the original names), and item assignment replaces a layer, the usual way to put a new "head" on a
# network, here two outputs instead of three:
#
# 리스트처럼 인덱싱할 수 있습니다. `model[0]`은 첫 번째 계층이고, 슬라이스는 원래 이름을 유지한 새 `Sequential`이며, 항목
# 대입은 계층을 바꿉니다. 신경망에 새 "머리"를 다는 흔한 방법으로, 여기서는 출력 세 개를 두 개로 바꿉니다.

# %%
print(model[0])
print(model[1:])
model[2] = nn.Linear(8, 2)
print(model)

# %% [markdown]
# `state_dict()` is the module's memory: an ordered dictionary from each dotted name to a tensor,
# the thing you save to disk and load back with `load_state_dict()`. The tensors are detached from
# the graph but share memory with the parameters. Counting parameters is one line:
#
# `state_dict()`는 모듈의 기억입니다. 점으로 이은 이름마다 텐서를 대응시킨 순서 있는 사전이고, 디스크에 저장했다가
# `load_state_dict()`로 다시 불러오는 바로 그것입니다. 텐서는 그래프에서 떨어져 있지만 매개변수와 메모리를 공유합니다.
# 매개변수 수를 세는 것은 한 줄이면 됩니다.

# %%
state = model.state_dict()
print(type(state).__name__, list(state.keys()))
print(state["2.bias"])
print(sum(p.numel() for p in model.parameters()))  # 2*8 + 8 + 8*2 + 2

# %% [markdown]
# ## Layers in a list: ModuleList · 리스트에 담은 계층: ModuleList
#
# `Module.__setattr__` registers a value only when it is a `Parameter` or a `Module`. A plain Python
# list of layers is neither: the layers in it still compute, but `parameters()` never sees them, so
# a training loop never updates them and `state_dict()` does not save them. `nn.ModuleList` is a
# `Module` that holds a list of modules: it indexes, iterates and `append`s like a list, registers
# each entry under its index, and has no `forward` of its own (your `forward` loops over it). Below,
# `plain` appears neither in the printed tree nor among the parameter names:
#
# `Module.__setattr__`는 값이 `Parameter`나 `Module`일 때만 등록합니다. 계층을 담은 평범한 파이썬 리스트는 둘 다 아닙니다.
# 리스트 안의 계층도 계산은 하지만 `parameters()`에는 나타나지 않으므로, 학습 반복문은 그 계층을 갱신하지 않고
# `state_dict()`도 저장하지 않습니다. `nn.ModuleList`는 모듈의 리스트를 담는 `Module`입니다. 리스트처럼 인덱싱하고, 순회하고,
# `append`할 수 있으며, 항목마다 번호를 이름으로 붙여 등록합니다. 자기 `forward`는 없으므로 여러분의 `forward`에서 반복문으로
# 돌면 됩니다. 아래에서 `plain`은 출력된 트리에도, 매개변수 이름에도 나타나지 않습니다.

# %%
class TwoLists(nn.Module):
    def __init__(self):
        super().__init__()
        self.plain = [nn.Linear(2, 3)]                             # a Python list: not registered
        self.blocks = nn.ModuleList([nn.Linear(2, 3), nn.Tanh()])  # a Module: registered


two = TwoLists()
print(two)
print([name for name, _ in two.named_parameters()])

# %% [markdown]
# ## Activation functions · 활성화 함수
#
# Without a nonlinearity between them, two `Linear` layers collapse into one:
# $(xW_1^\top + b_1)W_2^\top + b_2$ is again $x W^\top + b$. The activation function bends the
# function. The three classic ones, as modules so that they fit in a `Sequential`:
#
# * `ReLU`: $\max(x, 0)$, derivative 0 or 1; cheap, and its derivative does not fade for large $x$.
# * `Tanh`: $\tanh x$, values in $(-1, 1)$, derivative $1 - \tanh^2 x$, at most 1.
# * `Sigmoid`: $\sigma(x) = 1/(1 + e^{-x})$, values in $(0, 1)$, derivative $\sigma(1-\sigma)$, at most
#   $1/4$.
#
# We let autograd compute the derivatives: `y.sum().backward()` on 200 points gives $f'(x)$ at each.
#
# 사이에 비선형 함수가 없으면 두 `Linear` 계층은 하나로 합쳐집니다. $(xW_1^\top + b_1)W_2^\top + b_2$도 결국
# $x W^\top + b$입니다. 활성화 함수가 함수를 구부립니다. 대표적인 세 가지를 `Sequential`에 넣을 수 있도록 모듈로
# 제공합니다.
#
# * `ReLU`: $\max(x, 0)$, 도함수(derivative)는 0 또는 1입니다. 계산이 싸고, $x$가 커져도 도함수가 줄지 않습니다.
# * `Tanh`: $\tanh x$, 값은 $(-1, 1)$ 안이고 도함수는 $1 - \tanh^2 x$로 최대 1입니다.
# * `Sigmoid`: $\sigma(x) = 1/(1 + e^{-x})$, 값은 $(0, 1)$ 안이고 도함수는 $\sigma(1-\sigma)$로 최대 $1/4$입니다.
#
# 도함수는 autograd에게 맡깁니다. 점 200개에서 `y.sum().backward()`를 하면 각 점의 $f'(x)$가 나옵니다.

# %%
grid = torch.linspace(-4, 4, 200)
activations = {"ReLU": nn.ReLU(), "Tanh": nn.Tanh(), "Sigmoid": nn.Sigmoid()}
print(activations["ReLU"](torch.tensor([-1.0, 0.5, 2.0])))

fig, axes = plt.subplots(1, 3, figsize=(11, 3.2), sharey=True)
for ax, (name, act) in zip(axes, activations.items()):
    xs = grid.clone().requires_grad_()
    ys = act(xs)
    ys.sum().backward()
    ax.plot(grid.numpy(), ys.detach().numpy(), label="function · 함수")
    ax.plot(grid.numpy(), xs.grad.numpy(), "--", label="derivative · 도함수")
    ax.set_title(f"{name}")
    ax.set_xlabel("input · 입력 x")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=9)
axes[0].set_ylabel("output · 출력")
fig.suptitle("Activation functions and their derivatives, by autograd · 활성화 함수와 그 도함수 (autograd로 계산)")
fig.tight_layout()
plt.show()

# %% [markdown]
# The flat tails of `tanh` and `sigmoid` are where their derivatives vanish: a unit pushed there by
# large weights stops learning, which is the saturation the initialization experiment warned about.
#
# `tanh`와 `sigmoid`의 평평한 꼬리에서는 도함수가 사라집니다. 큰 가중치 때문에 그곳으로 밀려난 뉴런은 학습을 멈추는데,
# 초기화 실험에서 경고한 포화(saturation)가 바로 이것입니다.

# %% [markdown]
# ## Losses: MSELoss · 손실: MSELoss
#
# A loss function turns predictions and targets into one number to minimize. For regression, the
# mean squared error $\frac{1}{n}\sum_i (\hat y_i - y_i)^2$, with gradient
# $\frac{2}{n}(\hat y_i - y_i)$. `nn.MSELoss()` is a module; `F.mse_loss` the same as a function.
# One fused node, `MseLossBackward0`:
#
# 손실 함수(loss function)는 예측과 목표를 받아, 최소화할 수 하나를 내놓습니다. 회귀에는 평균 제곱 오차
# $\frac{1}{n}\sum_i (\hat y_i - y_i)^2$를 쓰고, 변화도는 $\frac{2}{n}(\hat y_i - y_i)$입니다. `nn.MSELoss()`는 모듈이고
# `F.mse_loss`는 같은 것을 함수로 제공합니다. 융합 노드 하나, `MseLossBackward0`입니다.

# %%
criterion = nn.MSELoss()
print(criterion)
prediction = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
loss = criterion(prediction, torch.tensor([1.5, 2.0, 2.0]))
print(loss)  # (0.25 + 0 + 1) / 3
loss.backward()
print(prediction.grad)  # 2/3 * (-0.5, 0, 1)

# %% [markdown]
# ## Losses: cross-entropy, derived · 손실: 교차 엔트로피 유도하기
#
# For classification into $C$ classes the network outputs $C$ raw scores (**logits**) $z$ per
# sample. Softmax turns them into probabilities, and the loss is the negative log-probability of the
# correct class $t$:
#
# $$p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}, \qquad
#   \ell = -\log p_t = -z_t + \log \sum_j e^{z_j}.$$
#
# The right-hand form splits the loss in two steps: **log-softmax**
# $\log p_k = z_k - \log\sum_j e^{z_j}$, then the **negative log-likelihood** (NLL), which picks
# $-\log p_t$. Its gradient is the neatest in deep learning: $\partial \ell / \partial z_k = p_k -
# [k = t]$, the probabilities minus the one-hot target.
#
# The formula is also the key to computing it safely. $e^{1000}$ overflows `float32`
# (its largest number is about $3.4 \times 10^{38} \approx e^{88.7}$), so the naive softmax computes
# $\infty / \infty$ = `nan`. But subtracting the row's maximum $m$ changes nothing,
# $\log\sum_j e^{z_j} = m + \log\sum_j e^{z_j - m}$, and after it every exponent is at most 0:
#
# $C$개 클래스로 분류할 때 신경망은 샘플마다 가공하지 않은 점수(**로짓**, logit) $C$개를 내놓습니다. 소프트맥스가 이것을 확률로
# 바꾸고, 손실은 정답 클래스 $t$의 음의 로그 확률입니다(위 식).
#
# 오른쪽 형태는 손실을 두 단계로 나눕니다. 먼저 **로그 소프트맥스** $\log p_k = z_k - \log\sum_j e^{z_j}$, 그다음
# $-\log p_t$를 골라내는 **음의 로그 우도**(negative log-likelihood, NLL)입니다. 그 변화도는 딥러닝에서 가장 깔끔한 식입니다.
# $\partial \ell / \partial z_k = p_k - [k = t]$, 곧 확률에서 원-핫 목표를 뺀 값입니다.
#
# 이 식은 안전하게 계산하는 열쇠이기도 합니다. $e^{1000}$은 `float32`를 넘칩니다(가장 큰 수가 약
# $3.4 \times 10^{38} \approx e^{88.7}$입니다). 그래서 단순한 소프트맥스는 $\infty / \infty$ = `nan`을 계산합니다. 하지만 행의
# 최댓값 $m$을 빼도 아무것도 바뀌지 않습니다. $\log\sum_j e^{z_j} = m + \log\sum_j e^{z_j - m}$이고, 빼고 나면 모든 지수가
# 0 이하입니다.

# %%
big = torch.tensor([[1000.0, 0.0, -1000.0]])
naive = big.exp() / big.exp().sum(1, keepdim=True)
print(naive)
print(F.softmax(big, dim=1))
print(F.log_softmax(big, dim=1))

# %% [markdown]
# The naive version gives `nan` where the answer is 1; the fused one is exact, even for a
# log-probability of $-2000$ whose probability $e^{-2000}$ no `float32` can hold. This is why
# `CrossEntropyLoss` takes **logits**, not probabilities: it never forms $p$ and then takes its log.
# minigrad's implementation, in `minigrad/nn/_ops/loss.py`: the shift by the maximum (`_shifted_exp`), and the
# `LogSoftmax` node built on it (the cross-entropy is an `NllLoss` node on top of it, as in PyTorch).
# Its backward, $g - \mathrm{softmax}(x) \sum g$, is one small Function of its own,
# `LogSoftmaxBackwardData`, as in PyTorch and as `Tanh` in lesson 09: `forward` computes the formula
# with NumPy, and `backward`, needed only to differentiate twice, is written with tensor operations.
# `LogSoftmax`'s forward divides the exponentials it already has by their sum and keeps that softmax
# for the backward, which then needs no second `exp`:
#
# 단순한 버전은 답이 1인 자리에 `nan`을 내고, 융합된 버전은 정확합니다. 확률 $e^{-2000}$은 어떤 `float32`도 담을 수 없는데도
# 로그 확률 $-2000$을 정확히 냅니다. 그래서 `CrossEntropyLoss`는 확률이 아니라 **로짓**을 받습니다. $p$를 만든 다음 로그를
# 취하는 일을 절대 하지 않습니다. `minigrad/nn/_ops/loss.py`에 있는 minigrad의 구현입니다. 최댓값을 빼는 `_shifted_exp`와,
# 그 위에 만든 `LogSoftmax` 노드입니다(교차 엔트로피는 PyTorch처럼 그 위에 얹은 `NllLoss` 노드입니다). 그 역전파
# $g - \mathrm{softmax}(x) \sum g$는 PyTorch에서처럼, 그리고 09강의 `Tanh`처럼 별도의 작은 Function인
# `LogSoftmaxBackwardData`입니다. `forward`는 이 공식을 NumPy로 계산하고, 두 번 미분할 때만 필요한 `backward`는 텐서
# 연산으로 씁니다. `LogSoftmax`의 순전파는 이미 구한 지수들을 그 합으로 나눈 소프트맥스를 역전파를 위해 보관하므로, 역전파는
# `exp`를 다시 계산하지 않습니다.

# %%
loss_ops = importlib.import_module("minigrad.nn._ops.loss")
print(inspect.getsource(loss_ops._shifted_exp))
print(inspect.getsource(loss_ops.LogSoftmax))
print(inspect.getsource(loss_ops.LogSoftmaxBackwardData))

# %% [markdown]
# In use: logits of shape `(N, C)`, targets of shape `(N,)` holding class **indices** of dtype
# `int64` (`long`). `F.cross_entropy` equals `F.nll_loss(F.log_softmax(z, 1), t)`, and PyTorch
# names its node `NllLossBackward0` either way:
#
# 사용법입니다. 로짓은 `(N, C)` 모양이고, 목표는 `int64`(`long`) 자료형의 클래스 **번호**를 담은 `(N,)` 모양입니다.
# `F.cross_entropy`는 `F.nll_loss(F.log_softmax(z, 1), t)`와 같고, PyTorch는 어느 쪽이든 노드 이름을 `NllLossBackward0`로
# 붙입니다.

# %%
logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]], requires_grad=True)
labels = torch.tensor([0, 1])
criterion = nn.CrossEntropyLoss()
loss = criterion(logits, labels)
print(loss)
print(F.nll_loss(F.log_softmax(logits, dim=1), labels))
print(F.log_softmax(logits, dim=1))

# %% [markdown]
# Check the gradient formula: `logits.grad` should be (softmax minus one-hot) divided by $N = 2$,
# because the loss is a mean. And large logits are no problem: a confident, correct score of 1000
# costs 0, a confident wrong one costs exactly 1000:
#
# 변화도 공식을 확인합시다. 손실이 평균이므로 `logits.grad`는 (소프트맥스 빼기 원-핫)을 $N = 2$로 나눈 값이어야 합니다.
# 그리고 큰 로짓도 문제없습니다. 자신 있게 맞힌 점수 1000은 손실이 0이고, 자신 있게 틀리면 손실이 정확히 1000입니다.

# %%
loss.backward()
one_hot = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
print(logits.grad)
print((F.softmax(logits.detach(), dim=1) - one_hot) / 2)
print(F.cross_entropy(big, torch.tensor([0])), F.cross_entropy(big, torch.tensor([1])))

# %% [markdown]
# The targets are indices, so they must be integers. Class labels stored as floats (a common
# result of loading them with NumPy) give this error; `labels.long()` fixes it:
#
# 목표는 번호이므로 정수여야 합니다. 클래스 레이블을 실수로 저장하면(NumPy로 읽어 올 때 흔히 생깁니다) 이런 오류가 납니다.
# `labels.long()`으로 고칩니다.

# %%
float_labels = torch.tensor([0.0, 1.0])
with shows_error(RuntimeError):
    F.cross_entropy(logits, float_labels)

# %%
print(F.cross_entropy(logits, float_labels.long()))

# %% [markdown]
# ## A small MLP's loss, drawn · 작은 MLP의 손실 그리기
#
# Put together: a `Sequential` MLP, cross-entropy on a batch of four points, and the graph named by
# `named_parameters()`. Each `Linear` is one `AddmmBackward0` node ($b + x W^\top$ in one call),
# fed by its `bias`, its input and a `TBackward0` of its `weight`; the loss is an `NllLossBackward0`
# on top of a `LogSoftmaxBackward0`. PyTorch records the same nodes.
#
# 모두 합쳐 봅시다. `Sequential`로 만든 MLP, 점 네 개짜리 배치에 대한 교차 엔트로피, 그리고 `named_parameters()`로
# 이름을 붙인 그래프입니다. `Linear`마다 `AddmmBackward0` 노드 하나($b + x W^\top$을 한 번에 계산)이고, 여기에 `bias`,
# 입력, 그리고 `weight`의 `TBackward0`가 들어옵니다. 손실은 `LogSoftmaxBackward0` 위의 `NllLossBackward0`입니다.
# PyTorch도 같은 노드를 기록합니다.

# %%
_ = torch.manual_seed(0)
small = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 2))
points = torch.tensor([[0.0, 1.0], [1.0, 0.0], [-1.0, 0.5], [0.5, -0.5]])
classes = torch.tensor([0, 1, 0, 1])
loss = F.cross_entropy(small(points), classes)
print(loss)
draw_graph(loss, params=dict(small.named_parameters()))

# %% [markdown]
# ## Training on two moons · 두 개의 달 학습하기
#
# A classic toy problem: two interleaving half circles ("moons"), 200 points with a little noise,
# which no straight line can separate. We generate them with a seeded NumPy generator (no download):
#
# 고전적인 장난감 문제입니다. 서로 맞물린 반원 두 개("달")에 잡음을 조금 섞은 점 200개로, 어떤 직선으로도 나눌 수 없습니다.
# 시드를 정한 NumPy 생성기로 만듭니다(내려받을 것이 없습니다).

# %%
def make_moons(n, noise, rng):
    """n points on two interleaving half circles, labels 0 and 1."""
    angle = rng.uniform(0, np.pi, n)
    label = rng.integers(0, 2, n)
    upper = np.stack([np.cos(angle), np.sin(angle)], axis=1)
    lower = np.stack([1 - np.cos(angle), 0.5 - np.sin(angle)], axis=1)
    points = np.where(label[:, None] == 0, upper, lower) + noise * rng.standard_normal((n, 2))
    return points.astype(np.float32), label.astype(np.int64)


X_np, y_np = make_moons(200, noise=0.15, rng=np.random.default_rng(0))
X, y = torch.tensor(X_np), torch.tensor(y_np)
print(X.shape, X.dtype, y.shape, y.dtype)

# %% [markdown]
# The model: 2 inputs, two hidden layers of 16 `tanh` units, 2 logits. The loop is the one of
# lesson 07, now over `model.parameters()`: forward pass, loss, clear the old gradients with
# `model.zero_grad()`, `backward()`, then a step of gradient descent on every parameter under
# `no_grad()`. We record `loss.item()`, a number, not the tensor, so no graph is kept (lesson 07):
#
# 모델은 입력 2개, `tanh` 뉴런 16개짜리 은닉 계층 두 개, 로짓 2개입니다. 반복문은 07강의 것인데 이제 `model.parameters()`를
# 돕니다. 순전파(forward pass), 손실, `model.zero_grad()`로 이전 변화도 지우기, `backward()`, 그리고 `no_grad()` 안에서 모든
# 매개변수에 경사 하강법(gradient descent) 한 걸음입니다. 기록은 텐서가 아니라 수인 `loss.item()`으로 하므로 그래프가
# 남지 않습니다(07강).

# %%
_ = torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 2))
print(model)
print(sum(p.numel() for p in model.parameters()), "parameters")

lr = 0.3
losses = []
for step in range(400):
    loss = F.cross_entropy(model(X), y)
    model.zero_grad()
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            p -= lr * p.grad
    losses.append(loss.item())
    if step % 50 == 0 or step == 399:
        print(f"step {step:3d}   loss {loss.item():.3f}")

with torch.no_grad():
    accuracy = (model(X).argmax(1) == y).float().mean().item()
print(f"training accuracy {accuracy:.1%}")

# %% [markdown]
# The loss curve, and the decision boundary: we evaluate the model on a grid of points (under
# `no_grad()`, it is inference) and color each by the probability of class 1:
#
# 손실 곡선과 결정 경계를 그려 봅시다. 격자 위의 점들에서 모델을 계산하고(추론이므로 `no_grad()` 안에서) 각 점을 클래스 1일
# 확률로 색칠합니다.

# %%
xx, yy = np.meshgrid(np.linspace(-1.6, 2.6, 200), np.linspace(-1.1, 1.6, 150))
grid_points = torch.tensor(np.stack([xx.ravel(), yy.ravel()], axis=1).astype(np.float32))
with torch.no_grad():
    prob = F.softmax(model(grid_points), dim=1)[:, 1].numpy().reshape(xx.shape)

fig, (ax_loss, ax_map) = plt.subplots(1, 2, figsize=(12, 4.2))
ax_loss.plot(losses)
ax_loss.set_yscale("log")
ax_loss.set_xlabel("step · 걸음")
ax_loss.set_ylabel("cross-entropy loss (log) · 교차 엔트로피 손실 (로그)")
ax_loss.set_title("Loss curve · 손실 곡선")
ax_loss.grid(True, alpha=0.3)

ax_map.contourf(xx, yy, prob, levels=20, cmap="RdBu_r", alpha=0.6)
ax_map.contour(xx, yy, prob, levels=[0.5], colors="black", linewidths=1.5)
for label, color in [(0, "tab:blue"), (1, "tab:red")]:
    ax_map.scatter(*X_np[y_np == label].T, s=18, color=color, edgecolors="white", linewidths=0.4,
                   label=f"class · 클래스 {label}")
ax_map.set_title("Decision boundary (black: probability 0.5) · 결정 경계 (검은 선: 확률 0.5)", fontsize=10)
ax_map.legend(fontsize=9)
fig.tight_layout()
plt.show()

# %% [markdown]
# The network bent a boundary around both moons. On the way, the loss sat on a plateau near 0.3:
# that is where an almost straight boundary classifies most points and the network only slowly
# learns to bend it; the optimizers of lesson 11 cross such plateaus faster. Everything in the loop
# is what you built:
# `Module` found the parameters, `Linear` set their scale, cross-entropy measured the error stably,
# autograd computed 354 partial derivatives per step, and `no_grad()` kept the updates out of the
# graph. Lesson 11 replaces the hand-written update with `torch.optim`.
#
# 신경망이 두 달을 감싸는 경계를 구부려 냈습니다. 도중에 손실이 0.3 근처의 평탄한 구간에 머물렀는데, 거의 직선인 경계로
# 대부분의 점을 맞힌 상태에서 경계를 구부리는 법을 천천히 배우는 구간입니다. 11강의 옵티마이저는 이런 구간을 더 빨리
# 지나갑니다. 반복문 안의 모든 것이 여러분이 만든 것입니다. `Module`이 매개변수를
# 찾았고, `Linear`가 그 크기를 정했고, 교차 엔트로피가 오차를 안정적으로 재었고, autograd가 걸음마다 편미분 354개를
# 계산했고, `no_grad()`가 갱신을 그래프 밖에 두었습니다. 11강에서는 손으로 쓴 갱신을 `torch.optim`으로 바꿉니다.

# %% [markdown]
# ## Summary · 정리
#
# * `nn.Parameter` is a `Tensor` subclass that marks a weight; it prints as `Parameter containing:`.
# * `Module.__setattr__` registers parameters and submodules on assignment; `named_parameters()`
#   walks the tree with dotted names, each parameter once. Layers kept in a plain Python list are
#   **not** registered: use `nn.ModuleList`.
# * `Linear` computes $xW^\top + b$ in one `AddmmBackward0` node, `weight` shaped
#   `(out_features, in_features)`, initialized uniform in $\pm 1/\sqrt{n_{in}}$
#   (`kaiming_uniform_` with `a=math.sqrt(5)`): a scale that adapts to the width, so activations
#   neither explode nor vanish.
# * `Sequential` chains modules, indexes like a list, and `model[i] = ...` replaces a layer;
#   `state_dict()` maps names to tensors.
# * `ReLU`, `Tanh`, `Sigmoid` bend the function; saturated `tanh`/`sigmoid` units stop learning.
# * `MSELoss` for regression; `CrossEntropyLoss` = log-softmax + NLL on **logits** and **long**
#   targets, computed after subtracting the maximum, so large logits are exact
#   (`grad_fn=<NllLossBackward0>`, gradient softmax minus one-hot).
#
# **Next, lesson 11:** optimizers and training on real data: `optim.SGD` with momentum, `Adam`,
# mini-batches from a `DataLoader`, and the digits data set.
#
# * `nn.Parameter`는 가중치를 표시하는 `Tensor`의 하위 클래스이고, `Parameter containing:`으로 출력됩니다.
# * `Module.__setattr__`는 대입할 때 매개변수와 하위 모듈을 등록하고, `named_parameters()`는 점으로 이은 이름과 함께 트리를
#   돌며 매개변수를 한 번씩 내놓습니다. 평범한 파이썬 리스트에 넣은 계층은 등록되지 **않습니다**. `nn.ModuleList`를 쓰세요.
# * `Linear`는 $xW^\top + b$를 `AddmmBackward0` 노드 하나로 계산합니다. `weight`의 모양은 `(out_features, in_features)`이고,
#   $\pm 1/\sqrt{n_{in}}$ 안에서 균등하게 초기화됩니다(`a=math.sqrt(5)`인 `kaiming_uniform_`). 폭에 맞춰지는 크기라서
#   활성값이 폭발하지도 사라지지도 않습니다.
# * `Sequential`은 모듈을 이어 붙이고, 리스트처럼 인덱싱하며, `model[i] = ...`로 계층을 바꿉니다. `state_dict()`는 이름을
#   텐서에 대응시킵니다.
# * `ReLU`, `Tanh`, `Sigmoid`는 함수를 구부립니다. 포화된 `tanh`/`sigmoid` 뉴런은 학습을 멈춥니다.
# * 회귀에는 `MSELoss`를 씁니다. `CrossEntropyLoss`는 **로짓**과 **long** 목표를 받는 로그 소프트맥스 + NLL이고, 최댓값을
#   뺀 뒤 계산하므로 큰 로짓에도 정확합니다(`grad_fn=<NllLossBackward0>`, 변화도는 소프트맥스 빼기 원-핫).
#
# **다음 11강:** 옵티마이저(optimizer)와 실제 데이터로 학습하기입니다. 모멘텀(momentum)을 쓰는 `optim.SGD`, `Adam`,
# `DataLoader`의 미니배치, 그리고 digits 데이터셋를 다룹니다.
