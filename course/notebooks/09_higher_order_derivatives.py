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
# # 09 · Higher-order derivatives · 고차 미분
#
# For $y = x^4 - 3x^2$, the derivative $dy/dx = 4x^3 - 6x$ is itself a function of $x$, with a
# derivative of its own, $12x^2 - 6$. Can autograd give us that one too? Only if the backward pass
# that computed $4x^3 - 6x$ was **recorded**, just like a forward pass. This lesson:
#
# 1. takes second and third derivatives with `torch.autograd.grad(..., create_graph=True)` and checks
#    them against the analytic ones;
# 2. builds a tiny engine whose gradients are made of recorded values, then reads why minigrad's
#    `backward` methods are written with tensor operations and how `create_graph` switches the
#    recording on;
# 3. draws the graph of a derivative (bigger than the function's!), plots $f$, $f'$ and $f''$;
# 4. uses second derivatives: **Newton's method**, the **Hessian** and Hessian-vector products;
# 5. ends with the pitfalls: a forgotten `create_graph`, `retain_graph`, `allow_unused`.
#
# $y = x^4 - 3x^2$의 도함수(derivative) $dy/dx = 4x^3 - 6x$도 $x$의 함수이고, 그 자신의 도함수 $12x^2 - 6$을 가집니다.
# autograd로 이것도 구할 수 있을까요? $4x^3 - 6x$를 계산한 역전파(backward pass)가 순전파(forward pass)처럼 **기록**되어
# 있다면 가능합니다. 이번 강의에서는
#
# 1. `torch.autograd.grad(..., create_graph=True)`로 2차, 3차 도함수를 구하고 해석적으로 구한 값과 비교합니다.
# 2. 변화도(gradient)가 기록된 값으로 이루어진 작은 엔진을 만들고, minigrad의 `backward` 메서드가 왜 텐서 연산으로 쓰였는지,
#    `create_graph`가 어떻게 기록을 켜는지 읽어 봅니다.
# 3. 도함수의 계산 그래프(computational graph)를 그려 보고 (함수의 그래프보다 큽니다!), $f$, $f'$, $f''$을 그래프로 그립니다.
# 4. 2차 도함수를 활용합니다. **뉴턴 방법**(Newton's method), **헤세 행렬**(Hessian), 헤세 행렬-벡터 곱을 다룹니다.
# 5. 마지막으로 자주 하는 실수를 봅니다. 빠뜨린 `create_graph`, `retain_graph`, `allow_unused`입니다.

# %%
import importlib
import inspect
import warnings

import matplotlib.pyplot as plt
import numpy as np

import minigrad as torch  # the same API as PyTorch
from minigrad.viz import draw_graph
from minigrad_course.fonts import use_korean_font
from minigrad_course.errors import shows_error

_ = torch.manual_seed(0)
_ = use_korean_font()

# %% [markdown]
# ## The gradient is a function · 변화도도 함수다
#
# `torch.autograd.grad(y, x)` returns $dy/dx$ as a tuple (one entry per input) without touching
# `x.grad`. With `create_graph=True` the backward pass is recorded, so the result has a `grad_fn`:
#
# `torch.autograd.grad(y, x)`는 `x.grad`를 건드리지 않고 $dy/dx$를 튜플로 (입력마다 하나씩) 돌려줍니다.
# `create_graph=True`를 주면 역전파가 기록되므로 결과에 `grad_fn`이 있습니다.

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x**4 - 3 * x**2

dy, = torch.autograd.grad(y, x, create_graph=True)
print(dy)

# %% [markdown]
# $4 \cdot 2^3 - 6 \cdot 2 = 20$, and `grad_fn=<AddBackward0>` says that `dy` was computed by
# recorded operations, like any other tensor. So we can differentiate it, again and again:
#
# $4 \cdot 2^3 - 6 \cdot 2 = 20$이고, `grad_fn=<AddBackward0>`은 `dy`가 여느 텐서처럼 기록된 연산으로 계산되었다는
# 뜻입니다. 그러니 이것을 다시, 또 다시 미분할 수 있습니다.

# %%
d2y, = torch.autograd.grad(dy, x, create_graph=True)
d3y, = torch.autograd.grad(d2y, x, create_graph=True)
d4y, = torch.autograd.grad(d3y, x, create_graph=True)
d5y, = torch.autograd.grad(d4y, x)
print(d2y)
print(d3y)
print(d4y)
print(d5y)

# %% [markdown]
# By hand: $y'' = 12x^2 - 6 = 42$, $y''' = 24x = 48$, $y'''' = 24$ and the fifth derivative is 0.
# The fourth, $24$, no longer depends on $x$, so the fifth is a plain `tensor(0.)` with no
# `grad_fn`. Let us compare with the analytic derivatives at several points:
#
# 손으로 계산하면 $y'' = 12x^2 - 6 = 42$, $y''' = 24x = 48$, $y'''' = 24$이고 5차 도함수는 0입니다. 4차 도함수 $24$는
# 더 이상 $x$에 의존하지 않으므로, 5차 도함수는 `grad_fn`이 없는 평범한 `tensor(0.)`입니다. 여러 점에서 해석적 도함수와
# 비교해 봅시다.

# %%
def derivatives(f, x0, n):
    """[f(x0), f'(x0), ..., f^(n)(x0)] with autograd."""
    x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    values = [f(x)]
    for _ in range(n):
        d, = torch.autograd.grad(values[-1], x, create_graph=True)
        values.append(d)
    return [v.item() for v in values]


def f(x):
    return x**4 - 3 * x**2

print("  x0    autograd: y'   y''    y'''     analytic: y'   y''    y'''")
for x0 in [-1.5, 0.0, 0.5, 2.0]:
    _, d1, d2, d3 = derivatives(f, x0, 3)
    exact = (4 * x0**3 - 6 * x0, 12 * x0**2 - 6, 24 * x0)
    print(f"{x0:5.1f}   {d1:9.3f} {d2:6.2f} {d3:7.1f}   {exact[0]:13.3f} {exact[1]:6.2f} {exact[2]:7.1f}")

# %% [markdown]
# They agree. Nothing in autograd is special about the second derivative: it is the first
# derivative of a function that happens to be a derivative.
#
# 모두 일치합니다. autograd에게 2차 도함수라고 특별할 것은 없습니다. 2차 도함수는 그저 "도함수라는 함수"의 1차
# 도함수일 뿐입니다.

# %% [markdown]
# ## Build it: gradients made of recorded values · 직접 만들기: 기록된 값으로 만든 변화도
#
# In lesson 04 our `Var` stored local derivatives as plain floats, so a gradient was a float: a
# number with no history, a dead end. The fix is small. Store each local derivative as a `Var`
# (for $p = a \cdot b$ the local derivatives *are* the `Var`s `b` and `a`; for a sum, the constant 1),
# and compute the backward pass with `Var` operations. Then the gradient is a `Var` with parents,
# and the backward pass can be differentiated like any other computation.
#
# A class attribute `Var.recording` is the grad mode of lesson 07: while it is off, new `Var`s keep
# no parents. Our `grad(y, x, create_graph)` runs the backward pass with recording switched to
# `create_graph`.
#
# 04강의 `Var`는 국소 미분을 그냥 float로 저장했기 때문에 변화도도 float였습니다. 이력이 없는 수, 막다른 길입니다.
# 고치는 방법은 간단합니다. 국소 미분을 `Var`로 저장하고 (곱 $p = a \cdot b$의 국소 미분은 바로 `Var` `b`와 `a`이고, 합은
# 상수 1입니다) 역전파를 `Var` 연산으로 계산합니다. 그러면 변화도는 부모가 있는 `Var`가 되고, 역전파도 여느 계산처럼 미분할
# 수 있습니다.
#
# 클래스 속성 `Var.recording`은 07강의 변화도 모드입니다. 꺼져 있는 동안 새로 만든 `Var`는 부모를 보관하지 않습니다.
# 우리의 `grad(y, x, create_graph)`는 기록 여부를 `create_graph`로 바꿔 놓고 역전파를 실행합니다.

# %%
class Var:
    recording = True  # the grad mode

    def __init__(self, value, parents=()):
        self.value = value
        self.parents = parents if Var.recording else ()  # ((parent, local derivative as a Var), ...)

    def __add__(self, other):
        other = other if isinstance(other, Var) else Var(other)
        return Var(self.value + other.value, ((self, Var(1.0)), (other, Var(1.0))))

    def __mul__(self, other):
        other = other if isinstance(other, Var) else Var(other)
        return Var(self.value * other.value, ((self, other), (other, self)))  # d(ab)/da = b: a Var

    __radd__ = __add__
    __rmul__ = __mul__

    def __repr__(self):
        return f"Var({self.value:g}, parents={len(self.parents)})"


def topological_order(root):  # lesson 04
    order, visited = [], set()

    def visit(node):
        if id(node) not in visited:
            visited.add(id(node))
            for parent, _ in node.parents:
                visit(parent)
            order.append(node)

    visit(root)
    return order[::-1]


def grad(y, x, create_graph=False):
    """dy/dx as a Var; recorded (it has parents) only if create_graph."""
    grads = {id(y): Var(1.0)}
    old, Var.recording = Var.recording, create_graph
    try:
        for node in topological_order(y):
            g = grads.get(id(node))
            if g is None:
                continue
            for parent, local in node.parents:
                contribution = g * local  # a Var operation: recorded when create_graph
                key = id(parent)
                grads[key] = grads[key] + contribution if key in grads else contribution
    finally:
        Var.recording = old
    return grads.get(id(x), Var(0.0))

# %% [markdown]
# Test on $y = x^3$ at $x = 2$: $y' = 3x^2 = 12$, $y'' = 6x = 12$, $y''' = 6$, $y'''' = 0$:
#
# $x = 2$에서 $y = x^3$으로 시험해 봅시다. $y' = 3x^2 = 12$, $y'' = 6x = 12$, $y''' = 6$, $y'''' = 0$입니다.

# %%
x = Var(2.0)
y = x * x * x
d1 = grad(y, x, create_graph=True)
d2 = grad(d1, x, create_graph=True)
d3 = grad(d2, x, create_graph=True)
d4 = grad(d3, x)
print(d1, d2, d3, d4)
assert (d1.value, d2.value, d3.value, d4.value) == (12.0, 12.0, 6.0, 0.0)

# %% [markdown]
# And without `create_graph` the gradient is right, but it has no parents, so the next derivative
# finds no path back to `x`:
#
# `create_graph` 없이 구한 변화도는 값은 맞지만 부모가 없어서, 다음 미분은 `x`로 돌아가는 길을 찾지 못합니다.

# %%
d1_plain = grad(y, x)
print(d1_plain, grad(d1_plain, x))

# %% [markdown]
# Our toy says 0, which is **wrong**: $y'' = 12$. It treated the unrecorded gradient as a constant.
# minigrad and PyTorch refuse loudly instead (the error is in the "Pitfalls" section below).
#
# 우리 장난감 엔진은 0이라고 답하는데, 이것은 **틀렸습니다**. $y'' = 12$입니다. 기록되지 않은 변화도를 상수로 취급한
# 것입니다. minigrad와 PyTorch는 대신 오류를 내며 분명하게 거부합니다 (아래 "자주 하는 실수" 절에서 봅니다).

# %% [markdown]
# ## Why backward is written with tensor operations · backward를 텐서 연산으로 쓰는 이유
#
# minigrad does the same thing. Each `Function.forward` works on NumPy arrays, but each `backward`
# works on **tensors**, with ordinary tensor operations. Here are `Tanh` and `Mul`:
#
# minigrad도 같은 일을 합니다. `Function.forward`는 NumPy 배열로 계산하지만, `backward`는 모두 **텐서**를 받아 평범한 텐서
# 연산으로 계산합니다. `Tanh`와 `Mul`을 봅시다.

# %%
elementwise = importlib.import_module("minigrad.ops.elementwise")
arithmetic = importlib.import_module("minigrad.ops.arithmetic")
print(inspect.getsource(elementwise.Tanh.backward))
print(inspect.getsource(elementwise.TanhBackward))
print(inspect.getsource(arithmetic.Mul.backward))

# %% [markdown]
# `Tanh.backward` hands its chain rule, `grad * (1 - y * y)`, to `TanhBackward`, a small Function
# of its own. Its `forward` computes the formula with NumPy; its `backward` is the derivative of that
# formula (by `grad`: $1 - y^2$ again; by `y`: $-2y \cdot$ `grad`), written with tensor operations
# (`mul_scalar(y, -2)` is `y * -2` with the number kept inside the node, as PyTorch records it).
# `Mul.backward` is tensor operations directly: `grad * b` is one more `Mul`. Each of them goes
# through `Function.apply`, which records it if grad mode is on. So whether a backward pass is
# recorded is decided by one line of `run_backward` (lesson 04), which runs the whole pass inside
# `set_grad_enabled(create_graph)` (next to `silent_numpy()`, which keeps NumPy's overflow warnings
# quiet, as PyTorch is):
#
# `Tanh.backward`는 자신의 연쇄 법칙 `grad * (1 - y * y)`를 별도의 작은 Function인 `TanhBackward`에 맡깁니다. 그
# `forward`는 이 공식을 NumPy로 계산하고, `backward`는 그 공식의 도함수(`grad`에 대해서는 다시 $1 - y^2$, `y`에
# 대해서는 $-2y \cdot$ `grad`)를 텐서 연산으로 계산합니다(`mul_scalar(y, -2)`는 수를 노드 안에 담아 두는 `y * -2`로,
# PyTorch가 기록하는 방식과 같습니다). `Mul.backward`는 곧바로 텐서 연산이고, `grad * b`도 `Mul` 하나입니다. 이 연산들은
# 모두 `Function.apply`를 거치며, 변화도 모드가 켜져 있으면 기록됩니다. 그래서 역전파를 기록할지는
# `run_backward`(04강)의 한 줄이 정합니다. 역전파 전체를 `set_grad_enabled(create_graph)` 안에서 실행하는
# 줄입니다(옆의 `silent_numpy()`는 PyTorch처럼 NumPy의 오버플로 경고를 내지 않게 합니다).

# %%
import textwrap

engine = importlib.import_module("minigrad.autograd.engine")
source = inspect.getsource(engine.run_backward).splitlines()
start = next(i for i, line in enumerate(source) if "set_grad_enabled" in line)
print(textwrap.dedent("\n".join(source[start:start + 2])))

# %% [markdown]
# With `create_graph=False` (the default) the pass runs in no-grad mode: nothing is recorded, no
# memory is spent on a graph of the gradient. With `create_graph=True` every operation of the chain
# rule becomes a node. That is all "higher-order autograd" is.
#
# (PyTorch writes its derivative formulas in C++. Most are plain tensor operations, like `grad * b`;
# some are a function of their own, like `tanh_backward`, recorded as one node named after it:
# `TanhBackwardBackward0`. minigrad records the same nodes, so its graphs of derivatives are PyTorch's.)
#
# `create_graph=False`(기본값)이면 역전파는 기록을 끈 채(no-grad 모드로) 실행됩니다. 아무것도 기록되지 않고, 변화도의 그래프에 메모리를
# 쓰지도 않습니다. `create_graph=True`이면 연쇄 법칙(chain rule)의 연산 하나하나가 노드(node)가 됩니다. "고차
# autograd"는 이것이 전부입니다.
#
# (PyTorch는 미분 공식을 C++로 작성합니다. 대부분은 `grad * b`처럼 평범한 텐서 연산이고, 일부는 `tanh_backward`처럼
# 별도의 함수여서 그 이름을 딴 노드 하나, `TanhBackwardBackward0`으로 기록됩니다. minigrad도 같은 노드를 기록하므로
# 도함수의 그래프가 PyTorch와 같습니다.)

# %% [markdown]
# ## The graph of a derivative · 도함수의 그래프
#
# Draw $y = \tanh(x)$ and its recorded derivative. The function's graph is one node:
#
# $y = \tanh(x)$와 기록된 도함수를 그려 봅시다. 함수의 그래프는 노드 하나입니다.

# %%
x = torch.tensor(0.5, requires_grad=True)
y = torch.tanh(x)
draw_graph(y)

# %%
dy, = torch.autograd.grad(y, x, create_graph=True)
print(dy)
draw_graph(dy)

# %% [markdown]
# Read it from left to right: `x` goes through `TanhBackward0` to `y` (the forward pass is inside
# the derivative's graph, because `Tanh.backward` uses the saved output `y`). Then `y` and the
# incoming gradient, the constant `1.` that `autograd.grad` starts from, go into
# `TanhBackwardBackward0`: the one node that computed `1. * (1 - y * y)`. The constant needs no
# gradient, so it is drawn dashed and its entry in `next_functions` is `None`. Differentiating `dy`
# runs `TanhBackward.backward`, whose tensor operations are recorded in turn. Counting nodes (the
# lesson 07 helper), each derivative's graph grows:
#
# 왼쪽에서 오른쪽으로 읽어 보세요. `x`가 `TanhBackward0`을 거쳐 `y`가 됩니다 (`Tanh.backward`가 저장된 출력 `y`를 쓰므로
# 순전파가 도함수의 그래프 안에 들어 있습니다). 이어서 `y`와 들어온 변화도가 `TanhBackwardBackward0`으로 들어가는데, 이
# 변화도는 `autograd.grad`가 출발점으로 쓰는 상수 `1.`입니다. `TanhBackwardBackward0`은 `1. * (1 - y * y)`를 계산한
# 노드 하나입니다. 상수에는 변화도가 필요 없으므로 점선으로 그려지고 `next_functions`에서는 `None`입니다. `dy`를 미분하면
# `TanhBackward.backward`가 실행되고, 그 안의 텐서 연산들이 다시 기록됩니다. (07강의 도우미 함수로) 노드를 세어 보면
# 미분할 때마다 그래프가 커집니다.

# %%
def count_nodes(t):
    """Graph nodes reachable from t.grad_fn (AccumulateGrad nodes of leaves included)."""
    seen, stack = set(), [t.grad_fn]
    while stack:
        node = stack.pop()
        if node is not None and id(node) not in seen:
            seen.add(id(node))
            stack.extend(next_node for next_node, _ in node.next_functions)
    return len(seen)


d = torch.tanh(x)
for order in range(5):
    print(f"derivative {order}: {count_nodes(d):3d} nodes, value {d.item():8.4f}")
    d, = torch.autograd.grad(d, x, create_graph=True)

# %% [markdown]
# 2, 3, 6, 14, 34 nodes, the same counts as in PyTorch: each derivative's graph contains the
# previous one and adds the chain rule applied to all of it. That is the memory cost of
# `create_graph=True`, and a reason to use it only when you will differentiate again.
#
# 노드가 2, 3, 6, 14, 34개로 늘어납니다. PyTorch와 같은 수입니다. 각 도함수의 그래프는 이전 그래프를 품고, 그 전체에
# 연쇄 법칙을 적용한 부분을 덧붙입니다. 이것이 `create_graph=True`의 메모리 비용이고, 다시 미분할 때만 쓰는 이유입니다.

# %% [markdown]
# ## A function and its derivatives, drawn · 함수와 도함수 그리기
#
# For an elementwise function, `y.sum()` has gradient $f'(x_i)$ at every $x_i$ (lesson 06: summing
# is backward with a vector of ones). So one call gives $f'$ on a whole grid of points, and a
# second, on $f'$, gives $f''$:
#
# 원소별 함수라면 `y.sum()`의 변화도는 각 $x_i$에서 $f'(x_i)$입니다 (06강: 합을 역전파하는 것은 1로 채운 벡터로 역전파하는
# 것과 같습니다). 그래서 호출 한 번으로 격자 전체에서 $f'$을 얻고, $f'$에 한 번 더 호출하면 $f''$을 얻습니다.

# %%
xs = torch.linspace(-2.0, 2.0, 201, requires_grad=True)
ys = f(xs)
d1s, = torch.autograd.grad(ys.sum(), xs, create_graph=True)
d2s, = torch.autograd.grad(d1s.sum(), xs)

fig, ax = plt.subplots(figsize=(7, 4))
grid = xs.detach().numpy()
ax.plot(grid, ys.detach().numpy(), label="function · 함수 f(x) = x⁴ - 3x²", linewidth=2.5)
ax.plot(grid, d1s.detach().numpy(), "--", label="first derivative · 1차 도함수 f'(x)")
ax.plot(grid, d2s.numpy(), ":", label="second derivative · 2차 도함수 f''(x)")
ax.axhline(0, color="grey", linewidth=0.8)
ax.set_ylim(-10, 12)
ax.set_xlabel("x")
ax.set_title("A function and its derivatives, by autograd · 함수와 도함수 (autograd로 계산)")
ax.grid(True, alpha=0.3)
ax.legend()
plt.show()

# %% [markdown]
# Where $f'$ crosses zero, $f$ has a flat point (a minimum at $x = \pm\sqrt{1.5}$, a maximum at 0);
# where $f''$ crosses zero, $f$ switches between curving up and curving down. That curvature, $f''$,
# is the extra information Newton's method uses.
#
# $f'$이 0을 지나는 곳에서 $f$는 평평합니다 ($x = \pm\sqrt{1.5}$에서 최솟값, 0에서 최댓값). $f''$이 0을 지나는 곳에서 $f$의
# 볼록한 방향이 바뀝니다 (아래로 볼록 ↔ 위로 볼록). 뉴턴 방법이 추가로 쓰는 정보가 바로 이 곡률, $f''$입니다.

# %% [markdown]
# ## x.grad with create_graph=True · create_graph=True일 때의 x.grad
#
# `backward` takes `create_graph` too. Then the gradient stored in `x.grad` is itself a recorded
# tensor: it requires grad and has a `grad_fn`:
#
# `backward`도 `create_graph`를 받습니다. 그러면 `x.grad`에 저장되는 변화도 자체가 기록된 텐서가 됩니다. 변화도를
# 요구하고 `grad_fn`도 있습니다.

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x**4 - 3 * x**2
with warnings.catch_warnings(record=True) as caught:  # caught, to print it below
    warnings.simplefilter("always")
    y.backward(create_graph=True)
print(x.grad.item(), x.grad.requires_grad, x.grad.grad_fn is not None)
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")

d2y, = torch.autograd.grad(x.grad, x)
print(d2y)

# %% [markdown]
# This works, but prefer `autograd.grad` for higher derivatives. `x.grad` now refers to a graph
# that leads back to `x`: a reference cycle, and later `backward` calls would **add** to a recorded
# tensor. That is the warning minigrad gives here, word for word PyTorch's (both give it once per
# session, the first time): it suggests `autograd.grad`, or setting `x.grad = None` after use.
#
# 동작은 하지만 고차 미분에는 `autograd.grad`를 쓰세요. 이제 `x.grad`는 `x`로 돌아가는 그래프를 가리킵니다. 참조
# 순환이 생기고, 이후의 `backward` 호출은 기록된 텐서에 **더하게** 됩니다. minigrad가 여기서 내는 경고가 바로 이
# 내용이고, PyTorch의 경고와 글자 하나까지 같습니다(둘 다 세션에서 처음 한 번만 냅니다). `autograd.grad`를 쓰거나 사용 후
# `x.grad = None`으로 비우라고 권합니다.

# %%
x.grad = None  # done: break the cycle

# %% [markdown]
# ## retain_graph defaults to create_graph · retain_graph의 기본값은 create_graph
#
# Lesson 04: a backward pass frees the graph's saved tensors. But differentiating the derivative
# walks the original graph again (the `y` inside the derivative's graph above), so with
# `create_graph=True` the graph is kept: `retain_graph` defaults to the value of `create_graph`.
# Below, the first call keeps the graph; the second, with both `False`, frees it; a third fails:
#
# 04강에서 본 대로 역전파는 그래프에 저장된 텐서를 해제합니다. 그런데 도함수를 미분하면 원래 그래프를 다시 지나가므로
# (위의 도함수 그래프 안에 있던 `y`처럼) `create_graph=True`일 때는 그래프를 유지합니다. `retain_graph`의 기본값이
# `create_graph`의 값이기 때문입니다. 아래에서 첫 번째 호출은 그래프를 유지하고, 둘 다 `False`인 두 번째 호출은 그래프를
# 해제하며, 세 번째 호출은 실패합니다.

# %%
x = torch.tensor(1.5, requires_grad=True)
y = torch.tanh(x)
first, = torch.autograd.grad(y, x, create_graph=True)  # retain_graph=True by default
second, = torch.autograd.grad(y, x)                    # retain_graph=False: frees the graph
print(f"{first.item():.6f} {second.item():.6f}")
try:
    torch.autograd.grad(y, x)
except RuntimeError as error:
    print("RuntimeError:", str(error).split(". ")[0])

# %% [markdown]
# ## Newton's method · 뉴턴 방법
#
# Gradient descent steps downhill by a fixed fraction of $f'$. Newton's method fits a parabola to
# $f$ at the current point, using $f'$ and $f''$, and jumps to the parabola's lowest point:
#
# $$x \leftarrow x - \frac{f'(x)}{f''(x)}.$$
#
# Two `grad` calls give both derivatives. We take the step on detached values (lesson 07): the
# iterates are plain numbers, not part of any graph.
#
# 경사 하강법(gradient descent)은 $f'$에 고정된 비율을 곱한 만큼 내려갑니다. 뉴턴 방법은 현재 점에서 $f'$과 $f''$으로
# $f$에 포물선을 맞추고, 그 포물선의 가장 낮은 점으로 뛰어갑니다.
#
# $$x \leftarrow x - \frac{f'(x)}{f''(x)}.$$
#
# `grad`를 두 번 호출하면 두 도함수를 모두 얻습니다. 한 걸음은 떼어 낸(detach) 값으로 계산합니다(07강). 반복하며 얻는 점들은
# 어떤 그래프에도 속하지 않는 평범한 수입니다.

# %%
def newton_step(f, x):
    x = x.detach().requires_grad_()
    d1, = torch.autograd.grad(f(x), x, create_graph=True)
    d2, = torch.autograd.grad(d1, x)
    return (x - d1 / d2).detach()


def g(x):
    return x**4 - 2 * x**2 + x


paths = {}
for x0 in [-2.0, 2.0, 0.3]:
    x = torch.tensor(x0, dtype=torch.float64)
    path = [x.item()]
    for _ in range(6):
        x = newton_step(g, x)
        path.append(x.item())
    paths[x0] = path
    print(f"start {x0:4.1f}:", "  ".join(f"{v:9.6f}" for v in path))

# %% [markdown]
# Each run settles in a few steps, and the number of correct digits roughly doubles per step once
# it is close. But the three starts end at three different points. Plotted on $g$:
#
# 세 번 모두 몇 걸음 만에 자리를 잡고, 가까워진 뒤에는 걸음마다 맞는 자릿수가 대략 두 배가 됩니다. 그런데 세 출발점은 서로
# 다른 세 점에 도착합니다. $g$ 위에 그려 봅시다.

# %%
grid = np.linspace(-2.1, 2.1, 300)
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(grid, grid**4 - 2 * grid**2 + grid, color="black", linewidth=1.5, label="g(x) = x⁴ - 2x² + x")
for (x0, path), marker in zip(paths.items(), ["o", "s", "^"]):
    p = np.array(path)
    ax.plot(p, p**4 - 2 * p**2 + p, marker + "-", alpha=0.8, label=f"start · 출발점 {x0}")
for x_end, text, dy_text in [(-1.107, "global minimum · 전역 최솟값", -20), (0.838, "local minimum · 극솟값", -20),
                             (0.270, "local maximum · 극댓값", 10)]:
    ax.annotate(text, (x_end, x_end**4 - 2 * x_end**2 + x_end), xytext=(0, dy_text),
                textcoords="offset points", ha="center", fontsize=9)
ax.set_ylim(-3.5, 11)
ax.set_xlabel("x")
ax.set_title("Newton's method, step by step · 뉴턴 방법의 반복 경로")
ax.grid(True, alpha=0.3)
ax.legend()
plt.show()

# %% [markdown]
# From $-2$ Newton finds the global minimum ($-1.107$), from $2$ the local minimum ($0.838$), and
# from $0.3$ the local **maximum** ($0.270$): Newton's method looks for $g'(x) = 0$ and does not
# care which kind of critical point (a point where $g' = 0$) it finds. Where $g'' < 0$ the parabola opens downwards and the
# "lowest point" is its top. Practical versions check the sign of $g''$ (or of the Hessian's
# eigenvalues) and fall back to a gradient step.
#
# $-2$에서 출발하면 전역 최솟값($-1.107$)을, $2$에서는 극솟값($0.838$)을, $0.3$에서는 **극댓값**($0.270$)을 찾습니다.
# 뉴턴 방법은 $g'(x) = 0$인 점을 찾을 뿐 어떤 종류의 임계점(critical point)인지는 따지지 않습니다. $g'' < 0$인 곳에서는 포물선이 아래로
# 열려 있어서 "가장 낮은 점"이 사실은 꼭대기입니다. 실용적인 구현은 $g''$의 부호(또는 헤세 행렬의 고윳값)를 확인하고, 음수면
# 경사 하강법의 한 걸음으로 대신합니다.

# %% [markdown]
# ## √2: Newton against gradient descent · √2: 뉴턴 방법 대 경사 하강법
#
# $h(x) = x^3/3 - 2x$ has $h'(x) = x^2 - 2$ and $h''(x) = 2x$, so for $x > 0$ its minimum is at
# $\sqrt 2$. Newton's step becomes $x - (x^2 - 2)/(2x) = (x + 2/x)/2$: the Babylonian (or Heron's)
# square root method. How many steps to reach $\sqrt 2$ within $10^{-10}$ from $x = 1$,
# against gradient descent with learning rate 0.1?
#
# $h(x) = x^3/3 - 2x$는 $h'(x) = x^2 - 2$, $h''(x) = 2x$이므로 $x > 0$에서 최솟값이 $\sqrt 2$에 있습니다. 뉴턴 방법의 한
# 걸음은 $x - (x^2 - 2)/(2x) = (x + 2/x)/2$가 되는데, 바빌로니아 방법(또는 헤론의 방법)이라 불리는 오래된 제곱근 계산법입니다. $x = 1$에서 출발해
# $\sqrt 2$와의 차이가 $10^{-10}$ 안에 들기까지 몇 걸음이 걸릴까요? 학습률(learning rate) 0.1의 경사 하강법과 비교합니다.

# %%
def h(x):
    return x**3 / 3 - 2 * x


target = 2**0.5

x = torch.tensor(1.0, dtype=torch.float64)
newton_steps = 0
while abs(x.item() - target) > 1e-10:
    x = newton_step(h, x)
    newton_steps += 1
    print(f"Newton step {newton_steps}: {x.item():.12f}")

x = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
descent_steps = 0
while abs(x.item() - target) > 1e-10:
    d1, = torch.autograd.grad(h(x), x)
    with torch.no_grad():
        x -= 0.1 * d1
    descent_steps += 1

print(f"\nNewton: {newton_steps} steps, gradient descent: {descent_steps} steps")
print(f"sqrt(2) = {target:.12f}")

# %% [markdown]
# Four steps against 68. Gradient descent gains a fixed factor per step (here the error shrinks by
# about $|1 - 0.1 \cdot 2\sqrt 2| \approx 0.72$); Newton squares the error. The price: a second
# derivative per step. For $n$ parameters that is an $n \times n$ Hessian, which is why neural
# networks (millions of parameters) train with first-order methods (lesson 11), and why the next
# sections matter.
#
# 4걸음 대 68걸음입니다. 경사 하강법은 걸음마다 일정한 비율만큼 나아지고 (여기서는 오차가 약
# $|1 - 0.1 \cdot 2\sqrt 2| \approx 0.72$배로 줄어듭니다), 뉴턴 방법은 오차를 제곱합니다. 대가는 걸음마다 2차 도함수가
# 필요하다는 것입니다. 매개변수(parameter)가 $n$개이면 $n \times n$ 헤세 행렬이 필요합니다. 매개변수가 수백만 개인 신경망을
# 1차 방법으로 학습(training)하는 이유이고(11강), 다음 절들이 중요한 이유입니다.

# %% [markdown]
# ## The Hessian · 헤세 행렬
#
# For a function of several variables, the second derivatives form the Hessian matrix
# $H_{ij} = \partial^2 f / \partial w_i \partial w_j$. Take
# $f(w) = w_0^3 w_1 + w_0 w_1^2$. By hand:
#
# $$\nabla f = \begin{pmatrix} 3w_0^2 w_1 + w_1^2 \\ w_0^3 + 2 w_0 w_1 \end{pmatrix},\qquad
# H = \begin{pmatrix} 6 w_0 w_1 & 3 w_0^2 + 2 w_1 \\ 3 w_0^2 + 2 w_1 & 2 w_0 \end{pmatrix},$$
#
# so at $w = (1, 2)$: $\nabla f = (10, 5)$ and $H = \begin{pmatrix} 12 & 7 \\ 7 & 2 \end{pmatrix}$.
# Autograd builds $H$ row by row: the recorded gradient $\nabla f$ is a vector, and row $i$ is the
# gradient of its entry $i$. Each row walks the gradient's graph once, so all but the last keep it
# (`retain_graph=True`):
#
# 변수가 여러 개인 함수에서는 2차 편미분(partial derivative)들이 헤세 행렬 $H_{ij} = \partial^2 f / \partial w_i \partial w_j$를
# 이룹니다. $f(w) = w_0^3 w_1 + w_0 w_1^2$를 예로 들면 손으로 구한 결과는 위와 같고, $w = (1, 2)$에서
# $\nabla f = (10, 5)$, $H = \begin{pmatrix} 12 & 7 \\ 7 & 2 \end{pmatrix}$입니다. autograd로는 $H$를 한 행씩 만듭니다.
# 기록된 변화도 $\nabla f$는 벡터이고, $i$번째 행은 그 $i$번째 원소의 변화도입니다. 행마다 변화도의 그래프를 한 번씩
# 지나가므로, 마지막 행 전까지는 그래프를 유지합니다(`retain_graph=True`).

# %%
def F(w):
    return w[0]**3 * w[1] + w[0] * w[1]**2


w = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
gradient, = torch.autograd.grad(F(w), w, create_graph=True)
print(gradient)

rows = [torch.autograd.grad(gradient[i], w, retain_graph=True)[0] for i in range(2)]
H = torch.stack(rows)
print(H)

# %% [markdown]
# The values match, and $H$ is symmetric: mixed partial derivatives do not depend on the order
# ($\partial^2 f / \partial w_0 \partial w_1 = \partial^2 f / \partial w_1 \partial w_0$) when they
# are continuous. An independent check, the lesson 03 way: row $i$ of $H$ is the derivative of
# $\nabla f$ along $w_i$, so central differences of the (first-order) gradient approximate it:
#
# 값이 일치하고, $H$는 대칭입니다. 혼합 편미분이 연속이면 미분 순서와 상관없이 같기 때문입니다
# ($\partial^2 f / \partial w_0 \partial w_1 = \partial^2 f / \partial w_1 \partial w_0$). 03강의 방법으로 독립적으로
# 확인해 봅시다. $H$의 $i$번째 행은 $\nabla f$를 $w_i$ 방향으로 미분한 것이므로, (1차) 변화도의 중앙 차분(central
# difference)으로 근사할 수 있습니다.

# %%
def gradient_at(w_values):
    w = torch.tensor(w_values, dtype=torch.float64, requires_grad=True)
    return torch.autograd.grad(F(w), w)[0].numpy()


eps = 1e-5
w0 = np.array([1.0, 2.0])
H_numeric = np.stack([
    (gradient_at(w0 + eps * e) - gradient_at(w0 - eps * e)) / (2 * eps) for e in np.eye(2)
])
print(H_numeric.round(6))
print("max difference below 1e-8:", np.abs(H_numeric - H.numpy()).max() < 1e-8)
print("symmetric:", torch.allclose(H, H.t()))

# %% [markdown]
# ## Hessian-vector products · 헤세 행렬-벡터 곱
#
# Newton's method needs $H^{-1}\nabla f$, and many methods that avoid forming $H$ (conjugate
# gradients, curvature estimates) only need products $Hv$. Lesson 06 gives them for the price of
# one more backward pass: `grad(gradient, w, grad_outputs=v)` is $v^\top \frac{\partial \nabla f}{\partial w} = v^\top H$,
# which is $Hv$ because $H$ is symmetric. Equivalently, differentiate the scalar
# $\nabla f \cdot v$. No $n \times n$ matrix is ever built:
#
# 뉴턴 방법에는 $H^{-1}\nabla f$가 필요하고, $H$를 만들지 않는 여러 방법(켤레 경사법, 곡률 추정)은 곱 $Hv$만 있으면
# 됩니다. 06강의 벡터-야코비안 곱(vector-Jacobian product) 덕분에 역전파 한 번이면 구할 수 있습니다.
# `grad(gradient, w, grad_outputs=v)`는 $v^\top \frac{\partial \nabla f}{\partial w} = v^\top H$이고, $H$가 대칭이므로
# $Hv$와 같습니다. 스칼라 $\nabla f \cdot v$를 미분해도 똑같습니다. $n \times n$ 행렬은 한 번도 만들지 않습니다.

# %%
v = torch.tensor([1.0, -1.0], dtype=torch.float64)
hv, = torch.autograd.grad(gradient, w, grad_outputs=v, retain_graph=True)
hv_dot, = torch.autograd.grad((gradient * v).sum(), w)
print(hv)
print(hv_dot)
print(H @ v)

# %% [markdown]
# $12 - 7 = 5$ and $7 - 2 = 5$. For a network with $n$ parameters, $Hv$ costs about as much as
# two gradients, while $H$ itself would take $n$ backward passes and $n^2$ numbers.
#
# $12 - 7 = 5$, $7 - 2 = 5$입니다. 매개변수가 $n$개인 신경망에서 $Hv$는 변화도 두 번 정도의 비용이지만, $H$ 전체는 역전파
# $n$번과 수 $n^2$개가 필요합니다.

# %% [markdown]
# ## Pitfalls · 자주 하는 실수
#
# **Forgetting `create_graph=True`.** The first derivative is computed in no-grad mode, so it is a
# plain tensor with no `grad_fn`, and the second `grad` has nothing to walk back through. Unlike
# our toy, which silently returned 0, minigrad raises PyTorch's error:
#
# **`create_graph=True`를 빠뜨리기.** 1차 도함수가 기록을 끈 채(no-grad 모드로) 계산되므로 `grad_fn`이 없는 평범한 텐서가 되고, 두
# 번째 `grad`는 거슬러 올라갈 길이 없습니다. 조용히 0을 돌려준 우리 장난감 엔진과 달리, minigrad는 PyTorch와 같은 오류를
# 냅니다.

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x**4 - 3 * x**2
dy, = torch.autograd.grad(y, x)  # create_graph forgotten
print(dy, dy.requires_grad)
with shows_error(RuntimeError):
    d2y, = torch.autograd.grad(dy, x)

# %% [markdown]
# "element 0 of tensors" is `dy`, the first (and only) output we asked to differentiate. Whenever
# you see this message in higher-order code, look for the `grad` or `backward` call that produced
# that tensor and add `create_graph=True` there.
#
# "element 0 of tensors"는 미분해 달라고 넘긴 첫 번째 (그리고 유일한) 출력인 `dy`를 가리킵니다. 고차 미분 코드에서 이
# 메시지를 보면, 그 텐서를 만든 `grad`나 `backward` 호출을 찾아 `create_graph=True`를 추가하세요.

# %% [markdown]
# **Inputs that were not used.** A derivative can stop depending on an input: $d/dx\,(x^2 + 3z) = 2x$
# has no $z$ in it. Asking for the gradient with respect to an input that is not in the graph is an
# error, and the message names the input by its index. With `allow_unused=True` you get `None` for
# it, and with `materialize_grads=True` a tensor of zeros:
#
# **쓰이지 않은 입력.** 도함수는 어떤 입력에 더는 의존하지 않을 수 있습니다. $d/dx\,(x^2 + 3z) = 2x$에는 $z$가 없습니다.
# 그래프에 없는 입력에 대해 변화도를 구하면 오류이고, 메시지는 그 입력을 번호로 알려 줍니다. `allow_unused=True`를 주면
# 그 입력에 `None`을, `materialize_grads=True`를 주면 0으로 채운 텐서를 돌려줍니다.

# %%
x = torch.tensor(2.0, requires_grad=True)
z = torch.tensor(1.0, requires_grad=True)
y = x**2 + 3 * z
dx, = torch.autograd.grad(y, x, create_graph=True)
print(dx)

try:
    torch.autograd.grad(dx, [x, z], retain_graph=True)
except RuntimeError as error:
    print("RuntimeError:", error)

print(torch.autograd.grad(dx, [x, z], retain_graph=True, allow_unused=True))
print(torch.autograd.grad(dx, [x, z], materialize_grads=True))

# %% [markdown]
# `None` is the honest answer ("no path"), and code that adds gradients must handle it; zeros are
# convenient when you only want numbers.
#
# `None`은 "경로가 없다"는 정직한 답이므로 변화도를 더하는 코드는 이것을 처리해야 합니다. 수만 필요할 때는 0이 편리합니다.

# %% [markdown]
# ## Summary · 정리
#
# * A derivative is a function too. If the backward pass is recorded, its result is a tensor with a
#   `grad_fn`, and autograd can differentiate it again: `torch.autograd.grad(y, x, create_graph=True)`.
# * minigrad's `backward` methods are written with tensor operations, and `run_backward` runs under
#   `set_grad_enabled(create_graph)`: the switch that turns the chain rule into a recorded graph.
# * A derivative's graph contains the function's (saved values) and is bigger; it grows with each
#   order.
# * `retain_graph` defaults to `create_graph`; `backward(create_graph=True)` leaves a recorded
#   `x.grad` (prefer `autograd.grad`).
# * Newton's method $x \leftarrow x - f'(x)/f''(x)$ converges in a few steps (4 against 68 for
#   $\sqrt 2$) but finds any critical point, maxima included.
# * The Hessian is built row by row from the recorded gradient and is symmetric; a Hessian-vector
#   product costs one more backward pass and never builds $H$.
# * Pitfalls: without `create_graph`, the second `grad` says "element 0 of tensors does not require
#   grad and does not have a grad_fn"; unused inputs need `allow_unused=True` (or
#   `materialize_grads=True`).
#
# **Next, lesson 10:** neural networks. `Module`, `Linear` and loss functions, built on the engine
# we now have.
#
# * 도함수도 함수입니다. 역전파가 기록되면 결과는 `grad_fn`이 있는 텐서이고, autograd는 그것을 다시 미분할 수 있습니다.
#   `torch.autograd.grad(y, x, create_graph=True)`.
# * minigrad의 `backward` 메서드는 텐서 연산으로 작성되어 있고, `run_backward`는 `set_grad_enabled(create_graph)` 안에서
#   실행됩니다. 연쇄 법칙을 기록된 그래프로 바꾸는 스위치입니다.
# * 도함수의 그래프는 함수의 그래프를 (저장된 값을 통해) 품고 있고 더 큽니다. 미분 차수가 올라갈수록 커집니다.
# * `retain_graph`의 기본값은 `create_graph`입니다. `backward(create_graph=True)`는 기록된 `x.grad`를 남깁니다
#   (`autograd.grad`를 권합니다).
# * 뉴턴 방법 $x \leftarrow x - f'(x)/f''(x)$는 몇 걸음 만에 수렴하지만 ($\sqrt 2$에서 4걸음 대 68걸음), 극댓값을 포함해
#   임계점이면 무엇이든 찾습니다.
# * 헤세 행렬은 기록된 변화도로부터 한 행씩 만들며 대칭입니다. 헤세 행렬-벡터 곱은 역전파 한 번이면 되고 $H$를 만들지
#   않습니다.
# * 자주 하는 실수: `create_graph`가 없으면 두 번째 `grad`가 "element 0 of tensors does not require grad and does not
#   have a grad_fn"이라고 합니다. 쓰이지 않은 입력에는 `allow_unused=True`(또는 `materialize_grads=True`)가 필요합니다.
#
# **다음 10강:** 신경망입니다. 지금 가진 엔진 위에 `Module`, `Linear`, 손실 함수(loss function)를 만듭니다.
