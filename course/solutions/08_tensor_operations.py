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
# # 08 · Tensor operations: exercises · 텐서 연산: 연습 문제
#
# Five exercises on lesson 08: undo broadcasting with `sum_to`, write the backward of a matrix
# product, predict gradients through `max` with ties, predict the shapes and values of gradients
# through broadcasting, and compute the gradients of a linear layer by hand. Write your code where a
# cell says `NotImplementedError`, then run the check cell below it.
#
# 08강 내용으로 연습 문제(exercise) 다섯 개를 풉니다. `sum_to`로 브로드캐스팅(broadcasting) 되돌리기, 행렬 곱의 역전파(backward
# pass) 작성하기, 같은 값이 여러 개인 `max`를 지나는 변화도(gradient) 예측하기, 브로드캐스팅을 지나는 변화도의 모양(shape)과 값
# 예측하기, 선형 계층(layer)의 변화도를 손으로 구하기입니다. `NotImplementedError`가 있는 셀에 코드를 작성하고 바로 아래의
# 확인(check) 셀을 실행하세요.

# %%
import numpy as np

import minigrad as torch
from minigrad.autograd import Function

_ = torch.manual_seed(0)

# %% [markdown]
# ## Exercise 08.1: sum_to · 연습 문제 08.1: sum_to
#
# Write `sum_to(grad, shape)` on NumPy arrays: the gradient `grad` arrived with the broadcast shape;
# return it summed down to `shape`, the shape of the input before broadcasting. The result must
# have **exactly** the shape `shape` (a tuple, possibly `()`).
#
# *Hint:* two steps. Sum over the extra dimensions on the left (`grad.ndim - len(shape)` of them);
# then sum with `keepdims=True` over each dimension where `shape` has 1 and `grad` does not.
#
# NumPy 배열에 대해 `sum_to(grad, shape)`를 작성하세요. 변화도 `grad`는 브로드캐스팅된 모양으로 도착했습니다. 이를 브로드캐스팅
# 전 입력의 모양인 `shape`까지 더해서 줄인 값을 돌려주세요. 결과의 모양은 **정확히** `shape`여야 합니다(튜플이며 `()`일 수도
# 있습니다).
#
# *힌트:* 두 단계입니다. 왼쪽의 여분 차원(`grad.ndim - len(shape)`개)을 모두 더한 다음, `shape`에서는 1인데 `grad`에서는 1이
# 아닌 차원마다 `keepdims=True`로 더하세요.

# %%
def sum_to(grad, shape):
    """grad (a NumPy array) summed down to shape, undoing broadcasting."""
    ### BEGIN SOLUTION
    shape = tuple(shape)
    extra = grad.ndim - len(shape)
    grad = grad.sum(axis=tuple(range(extra)))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched, keepdims=True)
    ### END SOLUTION

# %% exercise="08.1" points=2
from minigrad_course.checks import expect_close, expect_equal, passed

g = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
expect_close(sum_to(g, (3,)), [5.0, 7.0, 9.0], what="sum_to(g, (3,))")
expect_close(sum_to(g, (2, 1)), [[6.0], [15.0]], what="sum_to(g, (2, 1))")
expect_close(sum_to(g, (1, 3)), [[5.0, 7.0, 9.0]], what="sum_to(g, (1, 3))")
expect_close(sum_to(g, ()), 21.0, what="sum_to(g, ())")
expect_close(sum_to(g, (2, 3)), g, what="sum_to(g, (2, 3))")

# against minigrad's backward through a broadcasting addition
rng = np.random.default_rng(1)
for a_shape, b_shape in [((4, 1, 3), (2, 3)), ((2, 1), (1, 5)), ((3, 1, 1), (2, 4))]:
    a = torch.tensor(rng.normal(size=a_shape), requires_grad=True)
    b = torch.tensor(rng.normal(size=b_shape), requires_grad=True)
    out = a + b
    upstream = rng.normal(size=out.shape)
    out.backward(torch.tensor(upstream))
    for name, t in [("a", a), ("b", b)]:
        mine = sum_to(upstream, t.shape)
        expect_equal(tuple(np.shape(mine)), tuple(t.shape), what=f"shape of sum_to(grad, {tuple(t.shape)})")
        expect_close(mine, t.grad, what=f"{name}.grad for {a_shape} + {b_shape}")
passed("08.1")

# %% [markdown]
# ## Exercise 08.2: the backward of a matrix product · 연습 문제 08.2: 행렬 곱의 역전파
#
# `MatMul2D` multiplies two matrices, $C = AB$ with $A$ of shape $(n, k)$ and $B$ of shape $(k, m)$.
# Its `forward` is written. Write its `backward(grad)`: `grad` is $G = \partial L/\partial C$, shape
# $(n, m)$; return $(\partial L/\partial A, \partial L/\partial B)$ as minigrad tensors. The check
# compares with central differences computed independently, on matrices that are not square.
#
# *Hint:* the shapes decide: $(n, k)$ from $G$ and $B$, $(k, m)$ from $A$ and $G$. `self.saved_inputs`
# gives $A$ and $B$; `.t()` transposes.
#
# `MatMul2D`는 모양이 $(n, k)$인 $A$와 $(k, m)$인 $B$를 곱해 $C = AB$를 만듭니다. `forward`는 작성되어 있습니다.
# `backward(grad)`를 작성하세요. `grad`는 모양이 $(n, m)$인 $G = \partial L/\partial C$이고,
# $(\partial L/\partial A, \partial L/\partial B)$를 minigrad 텐서로 돌려주면 됩니다. 확인 셀은 정사각 행렬이 아닌 행렬에서
# 따로 계산한 중앙 차분(central difference)과 비교합니다.
#
# *힌트:* 모양이 답을 정합니다. $G$와 $B$로 $(n, k)$를, $A$와 $G$로 $(k, m)$을 만드세요. `self.saved_inputs`가 $A$와 $B$를
# 주고, `.t()`는 전치입니다.

# %%
class MatMul2D(Function):
    def forward(self, a, b):
        return a @ b

    def backward(self, grad):
        a, b = self.saved_inputs
        ### BEGIN SOLUTION
        return grad @ b.t(), a.t() @ grad
        ### END SOLUTION

# %% exercise="08.2" points=3
from minigrad_course.checks import expect_close, passed

rng = np.random.default_rng(2)
a_np, b_np = rng.normal(size=(4, 3)), rng.normal(size=(3, 5))
weights = rng.normal(size=(4, 5))


def loss_np(a_values, b_values):
    return float(np.sum(weights * np.tanh(a_values @ b_values)))


def central(f, values, h=1e-6):
    grad = np.zeros_like(values)
    for idx in np.ndindex(values.shape):
        plus, minus = values.copy(), values.copy()
        plus[idx] += h
        minus[idx] -= h
        grad[idx] = (f(plus) - f(minus)) / (2 * h)
    return grad


A = torch.tensor(a_np, requires_grad=True)
B = torch.tensor(b_np, requires_grad=True)
(torch.tensor(weights) * MatMul2D.apply(A, B).tanh()).sum().backward()
expect_close(A.grad, central(lambda v: loss_np(v, b_np), a_np), atol=1e-6, what="A.grad")
expect_close(B.grad, central(lambda v: loss_np(a_np, v), b_np), atol=1e-6, what="B.grad")
passed("08.2")

# %% [markdown]
# ## Exercise 08.3: max with ties · 연습 문제 08.3: 같은 값이 여러 개인 max
#
# Without running it, predict `x.grad` after each of these two backward passes, and make
# `predicted()` return the two gradients as nested lists of floats:
#
# 실행하지 말고 아래 두 번의 역전파 뒤의 `x.grad`를 각각 예측해서, `predicted()`가 두 변화도를 float로 된 중첩 리스트로
# 돌려주게 하세요.
#
# ```python
# x = torch.tensor([[2., 5., 5.],
#                   [1., 1., 1.],
#                   [0., 4., 3.]], requires_grad=True)
# x.max(dim=1).values.sum().backward()
# print(x.grad)          # first
# x.grad = None
# x.max().backward()
# print(x.grad)          # second
# ```
#
# *Hint:* `max(dim=1)` picks one index per row (on ties, the first here) and the gradient goes only
# there; a full `max()` shares the gradient evenly among all elements equal to the maximum.
#
# *힌트:* `max(dim=1)`은 행마다 인덱스 하나를 고르고(같은 값이 여럿이면 여기서는 첫 위치) 변화도는 그곳으로만 갑니다. 전체
# `max()`는 최댓값과 같은 모든 원소가 변화도를 똑같이 나눠 갖습니다.

# %%
def predicted():
    """(first, second): each a 3 x 3 nested list of floats."""
    ### BEGIN SOLUTION
    first = [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]
    second = [[0.0, 0.5, 0.5], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    return first, second
    ### END SOLUTION

# %% exercise="08.3" points=2
from minigrad_course.checks import expect_close, expect_equal, passed

x = torch.tensor([[2.0, 5.0, 5.0], [1.0, 1.0, 1.0], [0.0, 4.0, 3.0]], requires_grad=True)
x.max(dim=1).values.sum().backward()
first_actual = x.grad
x.grad = None
x.max().backward()
second_actual = x.grad

guess = predicted()
expect_equal(len(guess), 2, what="number of predicted gradients")
expect_close(guess[0], first_actual, what="x.grad after x.max(dim=1).values.sum().backward()")
expect_close(guess[1], second_actual, what="x.grad after x.max().backward()")
passed("08.3")

# %% [markdown]
# ## Exercise 08.4: gradients through broadcasting · 연습 문제 08.4: 브로드캐스팅을 지나는 변화도
#
# Without running it, predict the shapes and the values:
#
# 실행하지 말고 모양과 값을 예측하세요.
#
# ```python
# a = torch.tensor([[1.], [2.], [3.]], requires_grad=True)   # shape (3, 1)
# b = torch.tensor([1., 2., 3., 4.], requires_grad=True)     # shape (4,)
# c = a * b
# c.sum().backward()
# ```
#
# Make `predicted_shapes()` return the shapes of `c`, `a.grad` and `b.grad` as tuples of ints, and
# `predicted_grads()` return `a.grad` and `b.grad` as (nested) lists of floats.
#
# *Hint:* $\partial c_{ij} / \partial a_i = b_j$, and `a[i]` is used in a whole row of `c`: sum over that
# row. Likewise for `b[j]` down a column.
#
# `predicted_shapes()`는 `c`, `a.grad`, `b.grad`의 모양을 정수 튜플로, `predicted_grads()`는 `a.grad`와 `b.grad`를
# float로 된 (중첩) 리스트로 돌려주게 하세요.
#
# *힌트:* $\partial c_{ij} / \partial a_i = b_j$이고, `a[i]`는 `c`의 한 행 전체에 쓰이므로 그 행을 따라 더합니다. `b[j]`도
# 마찬가지로 한 열을 따라 더합니다.

# %%
def predicted_shapes():
    """(shape of c, shape of a.grad, shape of b.grad)"""
    ### BEGIN SOLUTION
    return (3, 4), (3, 1), (4,)
    ### END SOLUTION


def predicted_grads():
    """(a.grad, b.grad) as lists"""
    ### BEGIN SOLUTION
    return [[10.0], [10.0], [10.0]], [6.0, 6.0, 6.0, 6.0]
    ### END SOLUTION

# %% exercise="08.4" points=2
from minigrad_course.checks import expect_close, expect_equal, passed

a = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)
b = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
c = a * b
c.sum().backward()

shapes = predicted_shapes()
expect_equal(len(shapes), 3, what="number of predicted shapes")
for label, guess, actual in zip(["c.shape", "a.grad.shape", "b.grad.shape"], shapes,
                                [c.shape, a.grad.shape, b.grad.shape]):
    expect_equal(tuple(guess), tuple(actual), what=label)
a_guess, b_guess = predicted_grads()
expect_close(a_guess, a.grad, what="a.grad")
expect_close(b_guess, b.grad, what="b.grad")
passed("08.4")

# %% [markdown]
# ## Exercise 08.5: a linear layer by hand · 연습 문제 08.5: 손으로 구하는 선형 계층
#
# For a linear layer $y = x W^\top + b$ with a batch `x` of shape `(N, I)`, weights `W` of shape
# `(O, I)` and bias `b` of shape `(O,)`, the gradient $G = \partial L/\partial y$ has shape `(N, O)`.
# Write `linear_grads(x, W, G)` on NumPy arrays, returning `(dx, dW, db)`: the gradients of $L$
# with respect to `x`, `W` and `b`, each with the shape of its tensor. No minigrad inside: matrix
# products, transposes (`.T`) and sums only.
#
# *Hint:* $y = x W^\top$ is a matrix product $C = AB$ with $A = x$, $B = W^\top$. Use lesson 08's two
# formulas, then transpose the one for $W^\top$. The bias was broadcast over the batch.
#
# 특성 `I`개인 배치 `x`(모양 `(N, I)`), 모양이 `(O, I)`인 가중치(weight) `W`, 모양이 `(O,)`인 편향(bias) `b`로 된 선형 계층
# $y = x W^\top + b$에서 변화도 $G = \partial L/\partial y$의 모양은 `(N, O)`입니다. NumPy 배열에 대해 `linear_grads(x, W, G)`를
# 작성해 `(dx, dW, db)`, 곧 `x`, `W`, `b`에 대한 $L$의 변화도를 각 텐서의 모양으로 돌려주세요. 안에서 minigrad는 쓰지 말고
# 행렬 곱, 전치(`.T`), 합만 쓰세요.
#
# *힌트:* $y = x W^\top$는 $A = x$, $B = W^\top$인 행렬 곱 $C = AB$입니다. 08강의 두 공식을 쓰고, $W^\top$에 대한 것은 다시
# 전치하세요. 편향은 배치에 걸쳐 브로드캐스팅되었습니다.

# %%
def linear_grads(x, W, G):
    """(dL/dx, dL/dW, dL/db) for y = x @ W.T + b, given G = dL/dy."""
    ### BEGIN SOLUTION
    dx = G @ W        # (N, O)(O, I)
    dW = G.T @ x      # (O, N)(N, I)
    db = G.sum(axis=0)
    return dx, dW, db
    ### END SOLUTION

# %% exercise="08.5" points=2
from minigrad_course.checks import expect_close, passed

rng = np.random.default_rng(3)
x_np, W_np, b_np = rng.normal(size=(5, 3)), rng.normal(size=(2, 3)), rng.normal(size=(2,))
G_np = rng.normal(size=(5, 2))

x = torch.tensor(x_np, requires_grad=True)
W = torch.tensor(W_np, requires_grad=True)
b = torch.tensor(b_np, requires_grad=True)
(x @ W.t() + b).backward(torch.tensor(G_np))

dx, dW, db = linear_grads(x_np, W_np, G_np)
expect_close(dx, x.grad, what="dx")
expect_close(dW, W.grad, what="dW")
expect_close(db, b.grad, what="db")
passed("08.5")

# %% [markdown]
# ## Done · 끝
#
# You undid broadcasting, wrote the backward of the matrix product, and followed gradients through
# `max`, broadcasting and a linear layer. Lesson 09 records the backward pass itself to take
# derivatives of derivatives.
#
# 브로드캐스팅을 되돌리고, 행렬 곱의 역전파를 작성하고, `max`와 브로드캐스팅과 선형 계층을 지나는 변화도를 따라가 보았습니다.
# 09강에서는 역전파 자체를 기록해서 도함수의 도함수를 구합니다.
