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
# # 06 · Vector-Jacobian products: exercises · 벡터-야코비안 곱: 연습 문제
#
# Four exercises on lesson 06: a Jacobian from one-hot backward passes, a vector-Jacobian product
# derived by hand, predicting `.grad` for a weighted `gradient`, and repairing a `gradient` of the
# wrong shape. Write your code where a cell says `NotImplementedError`, then run the check cell
# below it.
#
# 06강 내용으로 연습 문제(exercise) 네 개를 풉니다. 원-핫 역전파(backward pass)로 야코비안 행렬(Jacobian) 만들기, 손으로
# 유도한 벡터-야코비안 곱(vector-Jacobian product), 가중치를 준 `gradient`로 `.grad` 예측하기, 모양(shape)이 틀린
# `gradient` 고치기입니다. `NotImplementedError`가 있는 셀에 코드를 작성하고 바로 아래의 확인(check) 셀을 실행하세요.

# %%
import numpy as np

import minigrad
import minigrad as torch

# %% [markdown]
# ## Exercise 06.1: a Jacobian, one row per backward pass · 연습 문제 06.1: 역전파 한 번에 한 행씩 만드는 야코비안 행렬
#
# Write `jacobian(f, x)`. `x` is a list or 1-D NumPy array of $n$ numbers and `f` maps a 1-D
# `float64` tensor to a 1-D tensor of $m$ numbers. Return the $m \times n$ NumPy array
# $J_{ij} = \partial f(x)_i / \partial x_j$, built with **one backward pass per output**, each
# starting from a one-hot `gradient` $e_i$.
#
# *Hint:* make `x` a `float64` tensor with `requires_grad=True`, compute `y = f(x)` once, and for
# each `i` call `minigrad.autograd.grad(y, x, e_i, retain_graph=True)` (it returns a tuple). Or use
# `y.backward(e_i, retain_graph=True)` and clear `x.grad` between rows.
#
# `jacobian(f, x)`를 작성하세요. `x`는 수 $n$개의 리스트나 1차원 NumPy 배열이고, `f`는 1차원 `float64` 텐서를 받아 수 $m$개의
# 1차원 텐서를 돌려줍니다. $J_{ij} = \partial f(x)_i / \partial x_j$인 $m \times n$ NumPy 배열을 돌려주되, **출력마다 역전파를
# 한 번씩** 하고, 매번 원-핫 `gradient` $e_i$에서 출발해야 합니다.
#
# *힌트:* `x`를 `requires_grad=True`인 `float64` 텐서로 만들고 `y = f(x)`를 한 번 계산한 다음, `i`마다
# `minigrad.autograd.grad(y, x, e_i, retain_graph=True)`를 호출하세요(튜플을 돌려줍니다). 아니면
# `y.backward(e_i, retain_graph=True)`를 쓰고 행 사이에 `x.grad`를 비워도 됩니다.

# %%
def jacobian(f, x):
    """The m x n Jacobian of f at x, one backward pass per output."""
    ### BEGIN SOLUTION
    x = torch.tensor(np.asarray(x, dtype=np.float64), requires_grad=True)
    y = f(x)
    rows = []
    for i in range(y.numel()):
        one_hot = np.zeros(y.numel())
        one_hot[i] = 1.0
        (row,) = minigrad.autograd.grad(y, x, torch.tensor(one_hot), retain_graph=True)
        rows.append(row.numpy())
    return np.array(rows)
    ### END SOLUTION

# %% exercise="06.1" points=2
from minigrad_course.checks import expect_close, expect_equal, passed

def central_jacobian(f, x, h=1e-6):
    x = np.asarray(x, dtype=np.float64)
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = h
        columns.append((f(torch.tensor(x + step)).numpy() - f(torch.tensor(x - step)).numpy()) / (2 * h))
    return np.stack(columns, axis=1)

def f1(t):  # R^3 -> R^2, by hand: [[x1, x0, 0], [0, 1, 2 x2]]
    return torch.stack([t[0] * t[1], t[1] + t[2] ** 2])

J = jacobian(f1, [1.0, 2.0, 0.5])
expect_equal(type(J).__name__, "ndarray", what="type of jacobian(...)")
expect_close(J, [[2.0, 1.0, 0.0], [0.0, 1.0, 1.0]], what="Jacobian of f1 at (1, 2, 0.5)")

def f2(t):  # R^2 -> R^3
    return torch.stack([t[0] ** 2, t[0] * t[1], torch.sin(t[1])])

point = [0.7, -1.3]
expect_close(jacobian(f2, point), central_jacobian(f2, point), atol=1e-7, what="Jacobian of f2")

point = [-1.0, 0.0, 0.5, 2.0]  # elementwise: a diagonal Jacobian
expect_close(jacobian(torch.tanh, point), np.diag(1 - np.tanh(point) ** 2), what="Jacobian of tanh")
### BEGIN HIDDEN TESTS
W = np.array([[1.0, -2.0, 0.5], [3.0, 0.0, 4.0]])
expect_close(jacobian(lambda t: torch.tensor(W) @ t, [0.3, 0.1, -0.2]), W, what="Jacobian of W @ x")
### END HIDDEN TESTS
passed("06.1")

# %% [markdown]
# ## Exercise 06.2: a vector-Jacobian product by hand · 연습 문제 06.2: 손으로 구하는 벡터-야코비안 곱
#
# For $x \in \mathbb{R}^n$ let $S = \sum_k x_k$ and $y = f(x) = x \cdot S$, that is $y_i = x_i S$.
#
# 1. Derive $J_{ij} = \partial y_i / \partial x_j$ (product rule).
# 2. Simplify $(v^\top J)_j = \sum_i v_i J_{ij}$ into a formula that needs only vectors of length $n$.
# 3. Write `vjp_by_hand(x, v)` with NumPy only: return $v^\top J$ as an array of length $n$,
#    **without building an $n \times n$ matrix**.
#
# The check compares your function with `y.backward(gradient=v)` and with central differences.
#
# *Hint:* $\partial y_i / \partial x_j = S\,\delta_{ij} + x_i$, where $\delta_{ij}$ is 1 when
# $i = j$ and 0 otherwise. Summing against $v_i$, the first term gives $S\,v_j$; the second gives
# the same number for every $j$.
#
# $x \in \mathbb{R}^n$에 대해 $S = \sum_k x_k$, $y = f(x) = x \cdot S$, 곧 $y_i = x_i S$라고 합시다.
#
# 1. $J_{ij} = \partial y_i / \partial x_j$를 유도하세요(곱의 미분법).
# 2. $(v^\top J)_j = \sum_i v_i J_{ij}$를 길이 $n$인 벡터만으로 계산할 수 있는 식으로 정리하세요.
# 3. NumPy만 써서 `vjp_by_hand(x, v)`를 작성하세요. $v^\top J$를 길이 $n$인 배열로 돌려주되, **$n \times n$ 행렬은 만들지
#    마세요**.
#
# 확인 셀은 여러분의 함수를 `y.backward(gradient=v)`, 그리고 중앙 차분(central difference)과 비교합니다.
#
# *힌트:* $\partial y_i / \partial x_j = S\,\delta_{ij} + x_i$입니다. $\delta_{ij}$는 $i = j$이면 1, 아니면 0입니다. $v_i$를
# 곱해 더하면 첫 항은 $S\,v_j$가 되고, 둘째 항은 모든 $j$에 대해 같은 수가 됩니다.

# %%
def vjp_by_hand(x, v):
    """v^T J for y = x * x.sum(), with NumPy and vectors of length n only."""
    x, v = np.asarray(x, dtype=np.float64), np.asarray(v, dtype=np.float64)
    ### BEGIN SOLUTION
    S = x.sum()
    return S * v + np.dot(v, x)
    ### END SOLUTION

# %% exercise="06.2" points=2
from minigrad_course.checks import expect_close, expect_equal, passed

def f(t):
    return t * t.sum()

for x_np, v_np in [([1.0, 2.0, 0.5], [1.0, 0.0, 2.0]),
                   ([0.3, -1.2, 2.0, 0.7], [0.5, -1.0, 0.25, 3.0])]:
    ours = vjp_by_hand(x_np, v_np)
    expect_equal(np.shape(ours), (len(x_np),), what="shape of vjp_by_hand(x, v)")
    x = torch.tensor(x_np, dtype=torch.float64, requires_grad=True)
    f(x).backward(gradient=torch.tensor(v_np, dtype=torch.float64))
    expect_close(ours, x.grad, what=f"v^T J at x = {x_np} (vs backward)")
    # central differences of the scalar v . f(x): its gradient is v^T J
    x64, v64, h = np.array(x_np), np.array(v_np), 1e-6
    numeric = [(v64 @ (x64 + h * e) * (x64 + h * e).sum() - v64 @ (x64 - h * e) * (x64 - h * e).sum()) / (2 * h)
               for e in np.eye(len(x_np))]
    expect_close(ours, numeric, atol=1e-6, what=f"v^T J at x = {x_np} (vs central differences)")
### BEGIN HIDDEN TESTS
expect_close(vjp_by_hand([1.0, 1.0], [1.0, 1.0]), [4.0, 4.0], what="v^T J at x = (1, 1), v = (1, 1)")
### END HIDDEN TESTS
passed("06.2")

# %% [markdown]
# ## Exercise 06.3: predict a weighted gradient · 연습 문제 06.3: 가중치를 준 변화도 예측하기
#
# Without running it, predict what this code prints, and make `predicted()` return the three
# printed vectors as lists of floats:
#
# 실행하지 말고 이 코드가 무엇을 출력할지 예측해서, `predicted()`가 출력되는 세 벡터를 float 리스트로 돌려주게 하세요.
#
# ```python
# a = torch.tensor([1., 2.], requires_grad=True)
# b = torch.tensor([3., -1.], requires_grad=True)
# Q = a**2 * b                                  # elementwise
# Q.backward(gradient=torch.tensor([1., 0.5]))
# print(a.grad)                                 # first
# print(b.grad)                                 # second
# (3 * a).backward(gradient=torch.tensor([2., 2.]))
# print(a.grad)                                 # third
# ```
#
# *Hint:* $\partial Q_i / \partial a_i = 2 a_i b_i$ and $\partial Q_i / \partial b_i = a_i^2$; the
# `gradient` multiplies element $i$ by $v_i$. Then remember lesson 04: gradients accumulate.
#
# *힌트:* $\partial Q_i / \partial a_i = 2 a_i b_i$, $\partial Q_i / \partial b_i = a_i^2$이고, `gradient`는 원소 $i$에
# $v_i$를 곱합니다. 그리고 04강을 떠올리세요. 변화도(gradient)는 누적됩니다(accumulate).

# %%
def predicted():
    """(first, second, third), each a list of two floats"""
    ### BEGIN SOLUTION
    return ([6.0, -2.0], [1.0, 2.0], [12.0, 4.0])
    ### END SOLUTION

# %% exercise="06.3" points=1
from minigrad_course.checks import expect_close, expect_equal, passed

a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., -1.], requires_grad=True)
Q = a**2 * b
Q.backward(gradient=torch.tensor([1., 0.5]))
actual = [a.grad.tolist(), b.grad.tolist()]
(3 * a).backward(gradient=torch.tensor([2., 2.]))
actual.append(a.grad.tolist())

guess = predicted()
expect_equal(len(guess), 3, what="number of predicted vectors")
for label, g, value in zip(["first (a.grad)", "second (b.grad)", "third (a.grad)"], guess, actual):
    expect_close(g, value, what=label)
passed("06.3")

# %% [markdown]
# ## Exercise 06.4: a gradient of the wrong shape · 연습 문제 06.4: 모양이 틀린 gradient
#
# A batch of 2 samples with 3 features each goes through $y = x^2$ (elementwise). We want the
# gradient of $L = \sum_{s,j} w_j\, y_{sj}$: every **column** $j$ weighted by $w_j$. A first attempt
# passes `w` itself as `gradient`, and fails:
#
# 샘플 2개, 특성 3개짜리 배치(batch)가 $y = x^2$(원소별)을 통과합니다. 구하려는 것은 $L = \sum_{s,j} w_j\, y_{sj}$, 곧 **열**
# $j$마다 가중치 $w_j$를 준 합의 변화도입니다. 처음 시도는 `w`를 그대로 `gradient`로 넘겼다가 실패합니다.

# %%
def first_attempt(x_np, w_np):
    x = torch.tensor(x_np, requires_grad=True)
    y = x**2
    y.backward(gradient=torch.tensor(w_np))
    return x.grad.numpy()


x_batch = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]])
w_cols = np.array([1.0, 0.0, 10.0])
try:
    first_attempt(x_batch, w_cols)
except RuntimeError as err:
    print("RuntimeError:", err)

# %% [markdown]
# Write `column_weighted_grad(x_np, w_np)`: the same computation, but with a `gradient` of the right
# shape, returning $\partial L / \partial x$ as a NumPy array of `x`'s shape. In one sentence (as a
# comment), say why `w` alone was refused.
#
# *Hint:* the `gradient` of `y.backward` is $\partial L / \partial y$, one number per element of
# `y`. Here $\partial L / \partial y_{sj} = w_j$ for every row $s$: `torch.ones_like(y) * w` has
# that shape (broadcasting happens in the multiplication, not inside `backward`).
#
# `column_weighted_grad(x_np, w_np)`를 작성하세요. 같은 계산을 하되 모양이 맞는 `gradient`를 써서, $\partial L / \partial x$를
# `x`와 모양이 같은 NumPy 배열로 돌려줍니다. `w`만으로는 왜 거부되었는지 한 문장으로 (주석으로) 적어 보세요.
#
# *힌트:* `y.backward`의 `gradient`는 $\partial L / \partial y$, 곧 `y`의 원소마다 수 하나입니다. 여기서는 모든 행 $s$에서
# $\partial L / \partial y_{sj} = w_j$입니다. `torch.ones_like(y) * w`가 그 모양입니다(브로드캐스팅은 곱셈에서 일어나고,
# `backward` 안에서는 일어나지 않습니다).

# %%
def column_weighted_grad(x_np, w_np):
    """dL/dx for L = sum over rows s and columns j of w[j] * x[s, j]**2."""
    x = torch.tensor(x_np, requires_grad=True)
    y = x**2
    ### BEGIN SOLUTION
    # w has shape (3,) but y has shape (2, 3): backward needs one weight per element of y.
    gradient = torch.ones_like(y) * torch.tensor(w_np)
    y.backward(gradient=gradient)
    return x.grad.numpy()
    ### END SOLUTION

# %% exercise="06.4" points=2
from minigrad_course.checks import expect_close, expect_raises, passed

expect_raises(RuntimeError, lambda: first_attempt(x_batch, w_cols), match="Mismatch in shape",
              what="first_attempt")
# by hand: dL/dx[s, j] = w[j] * 2 x[s, j]
expect_close(column_weighted_grad(x_batch, w_cols), 2 * x_batch * w_cols, what="column-weighted gradient")
expect_close(column_weighted_grad(x_batch, np.zeros(3)), np.zeros((2, 3)), what="all weights 0")
x_other = np.array([[0.5, -2.0], [1.5, 3.0], [-0.25, 1.0]])
w_other = np.array([2.0, -1.0])
expect_close(column_weighted_grad(x_other, w_other), 2 * x_other * w_other, what="a 3 x 2 batch")
### BEGIN HIDDEN TESTS
expect_close(column_weighted_grad(np.ones((4, 1)), np.array([0.5])), np.ones((4, 1)), what="a 4 x 1 batch")
### END HIDDEN TESTS
passed("06.4")

# %% [markdown]
# ## Done · 끝
#
# You built Jacobians from one-hot backward passes, derived a vector-Jacobian product that never
# needs the matrix, and used `gradient=` with the right shape. Lesson 07 turns the graph off:
# `no_grad`, `detach` and friends.
#
# 원-핫 역전파로 야코비안 행렬을 만들고, 행렬 없이 계산하는 벡터-야코비안 곱을 유도하고, 모양이 맞는 `gradient=`를
# 썼습니다. 07강에서는 그래프를 끄는 방법, `no_grad`와 `detach` 등을 다룹니다.
