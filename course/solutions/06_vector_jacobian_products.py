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
# # Exercises 06 · Vector-Jacobian products · 연습 문제 06 · 벡터-야코비안 곱
#
# Four exercises on lesson 06: the two Jacobians of a function of two inputs from one-hot backward
# passes, a vector-Jacobian product derived by hand, predicting `.grad` for a weighted `gradient`,
# and repairing a `gradient` of the wrong shape. Write your code where a cell says
# `NotImplementedError`, then run the check cell below it.
#
# 06강 내용으로 연습 문제(exercise) 네 개를 풉니다. 원-핫 역전파(backward pass)로 입력이 둘인 함수의 야코비안
# 행렬(Jacobian) 두 개 만들기, 손으로 유도한 벡터-야코비안 곱(vector-Jacobian product), 가중치를 준 `gradient`로
# `.grad` 예측하기, 모양(shape)이 틀린 `gradient` 고치기입니다. `NotImplementedError`가 있는 셀에 코드를 작성하고
# 바로 아래의 확인(check) 셀을 실행하세요.

# %%
import numpy as np

import minigrad
import minigrad as torch

# %% [markdown]
# ## Exercise 06.1 · Two Jacobians from one set of backward passes · 연습 문제 06.1 · 한 번의 역전파들로 구하는 야코비안 행렬 두 개
#
# The lesson's `jacobian` handles one input. Here `f(a, b)` takes **two** 1-D `float64` tensors
# (`a` of $n_a$ numbers, `b` of $n_b$) and returns a 1-D tensor of $m$ numbers. Write
# `jacobians(f, a, b)` that returns the pair `(J_a, J_b)` of NumPy arrays, shapes $m \times n_a$ and
# $m \times n_b$, with $(J_a)_{ij} = \partial f_i / \partial a_j$ and $(J_b)_{ij} = \partial f_i / \partial b_j$.
# Call `f` **once**, then run **one backward pass per output** $i$, starting from the one-hot
# `gradient` $e_i$: each pass gives row $i$ of both matrices at once.
#
# *Hint:* make `a` and `b` leaves with `requires_grad=True`. With `y.backward(e_i, retain_graph=True)`,
# read row $i$ from `a.grad` and `b.grad` and then set both back to `None`, or the next row adds to
# them (lesson 04). Or call `minigrad.autograd.grad(y, (a, b), e_i, retain_graph=True)`, which
# returns both rows and leaves `.grad` alone.
#
# 강의의 `jacobian`은 입력이 하나입니다. 여기서 `f(a, b)`는 1차원 `float64` 텐서 **두 개**(수 $n_a$개인 `a`, $n_b$개인
# `b`)를 받아 수 $m$개의 1차원 텐서를 돌려줍니다. $(J_a)_{ij} = \partial f_i / \partial a_j$, $(J_b)_{ij} = \partial f_i /
# \partial b_j$인 NumPy 배열 쌍 `(J_a, J_b)`(모양은 $m \times n_a$와 $m \times n_b$)를 돌려주는 `jacobians(f, a, b)`를
# 작성하세요. `f`는 **한 번만** 부르고, 출력 $i$마다 원-핫 `gradient` $e_i$에서 출발하는 **역전파를 한 번씩** 하세요. 역전파
# 한 번으로 두 행렬의 $i$번째 행을 함께 얻습니다.
#
# *힌트:* `a`와 `b`를 `requires_grad=True`인 잎 텐서로 만드세요. `y.backward(e_i, retain_graph=True)`를 쓴다면
# `a.grad`와 `b.grad`에서 $i$번째 행을 읽은 뒤 둘 다 `None`으로 되돌리세요. 그러지 않으면 다음 행이 거기에 더해집니다(04강).
# 아니면 두 행을 돌려주고 `.grad`는 건드리지 않는 `minigrad.autograd.grad(y, (a, b), e_i, retain_graph=True)`를 쓰세요.

# %%
def jacobians(f, a, b):
    """(J_a, J_b) of f(a, b): one call of f, one backward pass per output."""
    ### BEGIN SOLUTION
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
    return np.array(rows_a), np.array(rows_b)
    ### END SOLUTION

# %% exercise="06.1" points=2
from minigrad_course.checks import counted, expect_close, expect_equal, passed


def central_jacobians(f, a, b, h=1e-6):
    """The check's own central differences, column by column."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    value = lambda u, v: f(torch.tensor(u), torch.tensor(v)).numpy()
    J_a = np.stack([(value(a + h * e, b) - value(a - h * e, b)) / (2 * h) for e in np.eye(a.size)], axis=1)
    J_b = np.stack([(value(a, b + h * e) - value(a, b - h * e)) / (2 * h) for e in np.eye(b.size)], axis=1)
    return J_a, J_b


def check_jacobians(f, a, b, label, expected):
    en, ko = label if isinstance(label, tuple) else (label, label)
    counting = counted(f)
    result = jacobians(counting, a, b)
    expect_equal(counting.calls, 1, what=(f"calls of f in jacobians(f, ...) for {en}", f"{ko}에서 jacobians(f, ...)가 f를 부른 횟수"),
                 hint=("compute y = f(a, b) once and keep its graph for every row with retain_graph=True; central "
                       "differences are not allowed here.",
                       "y = f(a, b)를 한 번만 계산하고 retain_graph=True로 그래프를 모든 행에 쓰세요. 여기서는 중앙 차분을 쓰면 "
                       "안 됩니다."))
    expect_equal(len(result), 2, what=("number of matrices returned", "돌려준 행렬의 개수"))
    for name, J, want in [("J_a", result[0], expected[0]), ("J_b", result[1], expected[1])]:
        expect_equal(type(J).__name__, "ndarray", what=(f"type of {name}", f"{name}의 타입"))
        expect_close(J, want, atol=1e-7, what=(f"{name} of {en}", f"{ko}의 {name}"),
                     mistakes=[(np.cumsum(want, axis=0),
                                ("each row also holds the rows before it: clear a.grad and b.grad after reading a row.",
                                 "각 행에 앞의 행들이 더해져 있습니다. 행을 읽은 뒤 a.grad와 b.grad를 비우세요."))],
                     hint=("row i is the gradient of output i: J has one row per output, one column per input.",
                           "i번째 행은 출력 i의 변화도입니다. J는 출력마다 한 행, 입력마다 한 열입니다."))


def f1(a, b):   # by hand: y0 = a0 * sum(b), y1 = a1**2 + b2
    return torch.stack([a[0] * b.sum(), a[1] ** 2 + b[2]])


check_jacobians(f1, [2.0, -1.0], [0.5, 1.0, 1.5],
                ("f1 at a = (2, -1), b = (0.5, 1, 1.5)", "a = (2, -1), b = (0.5, 1, 1.5)에서 f1"),
                ([[3.0, 0.0], [0.0, -2.0]], [[2.0, 2.0, 2.0], [0.0, 0.0, 1.0]]))


def f2(a, b):   # R^3 x R^2 -> R^3
    return torch.stack([(a[:2] * b).sum(), torch.sin(a[2]) * b[1], a[1] / b[0] + a[0] ** 3])


a2, b2 = [0.3, -1.2, 0.8], [1.5, -0.5]
check_jacobians(f2, a2, b2, "f2", central_jacobians(f2, a2, b2))
### BEGIN HIDDEN TESTS
W = np.array([[1.0, -2.0], [3.0, 0.0], [0.5, 4.0]])
check_jacobians(lambda a, b: torch.tensor(W) @ a + b * 2, [0.3, 0.1], [1.0, 2.0, 3.0], "W a + 2 b",
                (W, 2 * np.eye(3)))
### END HIDDEN TESTS
passed("06.1")

# %% [markdown]
# ## Exercise 06.2 · A vector-Jacobian product by hand · 연습 문제 06.2 · 손으로 구하는 벡터-야코비안 곱
#
# For $x \in \mathbb{R}^n$ let $S = \sum_k x_k$ and $y = f(x) = x \cdot S$, that is $y_i = x_i S$.
#
# 1. Derive $J_{ij} = \partial y_i / \partial x_j$ (product rule).
# 2. Simplify $(v^\top J)_j = \sum_i v_i J_{ij}$ into a formula that needs only vectors of length $n$.
# 3. Write `vjp_by_hand(x, v)` with NumPy only: return $v^\top J$ as an array of length $n$,
#    **without building an $n \times n$ matrix**.
#
# The check compares your function with `y.backward(gradient=v)` and with central differences. It
# cannot see whether you built the matrix: that part is up to you.
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
# 확인 셀은 여러분의 함수를 `y.backward(gradient=v)`, 그리고 중앙 차분(central difference)과 비교합니다. 행렬을
# 만들었는지는 확인 셀이 알 수 없으니, 그 부분은 스스로 지키세요.
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
    expect_equal(np.shape(ours), (len(x_np),), what=("shape of vjp_by_hand(x, v)", "vjp_by_hand(x, v)의 모양"))
    x = torch.tensor(x_np, dtype=torch.float64, requires_grad=True)
    f(x).backward(gradient=torch.tensor(v_np, dtype=torch.float64))
    x64, v64 = np.array(x_np), np.array(v_np)
    expect_close(ours, x.grad, what=(f"v^T J at x = {x_np} (vs backward)", f"x = {x_np}에서 v^T J (backward와 비교)"),
                 mistakes=[(x64.sum() * v64, ("that is the first term S·v only: the term x_i of J adds v·x to every entry.",
                                              "첫째 항 S·v뿐입니다. J의 x_i 항이 모든 원소에 v·x를 더합니다.")),
                           (x64.sum() * v64 + x64 * v64.sum(), ("that is J v, not vᵀ J: sum over i, the output index.",
                                                                "J v입니다. vᵀ J가 아닙니다. 출력 인덱스 i에 대해 더하세요."))])
    # central differences of the scalar v . f(x): its gradient is v^T J
    h = 1e-6
    numeric = [(v64 @ (x64 + h * e) * (x64 + h * e).sum() - v64 @ (x64 - h * e) * (x64 - h * e).sum()) / (2 * h)
               for e in np.eye(len(x_np))]
    expect_close(ours, numeric, atol=1e-6, what=(f"v^T J at x = {x_np} (vs central differences)",
                                                 f"x = {x_np}에서 v^T J (중앙 차분과 비교)"))
### BEGIN HIDDEN TESTS
expect_close(vjp_by_hand([1.0, 1.0], [1.0, 1.0]), [4.0, 4.0], what=("v^T J at x = (1, 1), v = (1, 1)", "x = (1, 1), v = (1, 1)에서 v^T J"))
### END HIDDEN TESTS
passed("06.2")

# %% [markdown]
# ## Exercise 06.3 · Predict a weighted gradient · 연습 문제 06.3 · 가중치를 준 변화도 예측하기
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
expect_equal(len(guess), 3, what=("number of predicted vectors", "예측한 벡터의 개수"))
weights = ("the gradient multiplies element i by v_i: 2·a·b times [1, 0.5].",
           "gradient는 원소 i에 v_i를 곱합니다. 2·a·b에 [1, 0.5]를 곱하세요.")
hints = [weights, ("∂Q_i/∂b_i = a_i², times v_i.", "∂Q_i/∂b_i = a_i²에 v_i를 곱합니다."),
         ("gradients accumulate: the second backward adds 3 · 2 = 6 to the first a.grad.",
          "변화도는 누적됩니다. 두 번째 backward는 첫 번째 a.grad에 3 · 2 = 6을 더합니다.")]
for label, g, value, hint in zip([("first (a.grad)", "첫 번째 (a.grad)"), ("second (b.grad)", "두 번째 (b.grad)"),
                                  ("third (a.grad)", "세 번째 (a.grad)")], guess, actual, hints):
    expect_close(g, value, what=label, hint=hint)
passed("06.3")

# %% [markdown]
# ## Exercise 06.4 · A gradient of the wrong shape · 연습 문제 06.4 · 모양이 틀린 gradient
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
mistakes = lambda x_np, w_np: [
    (2 * x_np, ("the weights are missing: the gradient you pass must hold w_j in every row.",
                "가중치가 빠졌습니다. 넘기는 gradient의 모든 행에 w_j가 있어야 합니다.")),
    (np.ones_like(x_np) * w_np, ("that is the gradient you passed, dL/dy: return x.grad, that is dL/dx.",
                                 "넘긴 gradient, 곧 dL/dy입니다. dL/dx인 x.grad를 돌려주세요."))]
expect_close(column_weighted_grad(x_batch, w_cols), 2 * x_batch * w_cols,
             what=("column-weighted gradient", "열마다 가중치를 준 변화도"), mistakes=mistakes(x_batch, w_cols))
expect_close(column_weighted_grad(x_batch, np.zeros(3)), np.zeros((2, 3)), what=("all weights 0", "가중치가 모두 0"))
x_other = np.array([[0.5, -2.0], [1.5, 3.0], [-0.25, 1.0]])
w_other = np.array([2.0, -1.0])
expect_close(column_weighted_grad(x_other, w_other), 2 * x_other * w_other, what=("a 3 x 2 batch", "3 x 2 배치"),
             mistakes=mistakes(x_other, w_other))
### BEGIN HIDDEN TESTS
expect_close(column_weighted_grad(np.ones((4, 1)), np.array([0.5])), np.ones((4, 1)), what=("a 4 x 1 batch", "4 x 1 배치"))
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
