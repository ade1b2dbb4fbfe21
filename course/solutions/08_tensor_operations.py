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
# # Exercises 08 · Tensor operations · 연습 문제 08 · 텐서 연산
#
# Five exercises on lesson 08: the backward of a broadcasting multiplication, the backward of a
# batched matrix product, predicting gradients through `max` with ties and through broadcasting, and
# the gradients of a linear layer by hand. Write your code where a cell says `NotImplementedError`,
# then run the check cell below it.
#
# 08강 내용으로 연습 문제(exercise) 다섯 개를 풉니다. 브로드캐스팅(broadcasting)하는 곱셈의 역전파(backward pass),
# 배치 행렬 곱의 역전파 작성하기, 같은 값이 여러 개인 `max`와 브로드캐스팅을 지나는 변화도(gradient) 예측하기, 선형
# 계층(layer)의 변화도를 손으로 구하기입니다. `NotImplementedError`가 있는 셀에 코드를 작성하고 바로 아래의 확인(check)
# 셀을 실행하세요.

# %%
import numpy as np

import minigrad as torch

_ = torch.manual_seed(0)

# %% [markdown]
# ## Exercise 08.1 · The backward of a broadcasting multiplication · 연습 문제 08.1 · 브로드캐스팅하는 곱셈의 역전파
#
# `out = a * b` where `a` and `b` have different shapes that broadcast together (for example a batch
# `(4, 1, 3)` times a row `(2, 3)`). Write `mul_backward(grad, a, b)` on NumPy arrays: `grad` is
# $\partial L / \partial\,\text{out}$, with the broadcast shape; return the pair
# `(grad_a, grad_b)`, each with **exactly** the shape of its input. The lesson's `sum_to` is given
# below.
#
# *Hint:* two steps per input, in this order: the local derivative of `a * b` with respect to `a` is
# `b`, so `grad * b` is the gradient per element of `out`; then `sum_to` adds up the copies that
# broadcasting made of each element of `a`.
#
# `a`와 `b`의 모양이 달라도 함께 브로드캐스팅되는 `out = a * b`를 생각합시다(예를 들어 배치 `(4, 1, 3)`에 행 `(2, 3)`을
# 곱합니다). NumPy 배열로 `mul_backward(grad, a, b)`를 작성하세요. `grad`는 브로드캐스팅된 모양의
# $\partial L / \partial\,\text{out}$이고, 각 입력의 모양과 **정확히** 같은 `(grad_a, grad_b)` 쌍을 돌려줍니다. 강의의
# `sum_to`는 아래에 있습니다.
#
# *힌트:* 입력마다 두 단계를 이 순서로 하세요. `a * b`의 `a`에 대한 국소 미분은 `b`이므로 `grad * b`가 `out`의 원소마다의
# 변화도입니다. 그다음 `sum_to`가 브로드캐스팅이 만든 `a` 원소의 복사본들을 더합니다.

# %%
def sum_to(grad, shape):
    """The lesson's sum_to: grad (a NumPy array) summed down to shape, undoing broadcasting."""
    shape = tuple(shape)
    extra = grad.ndim - len(shape)
    grad = grad.sum(axis=tuple(range(extra)))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched, keepdims=True)


def mul_backward(grad, a, b):
    """(dL/da, dL/db) for out = a * b with broadcasting, given grad = dL/dout."""
    ### BEGIN SOLUTION
    return sum_to(grad * b, a.shape), sum_to(grad * a, b.shape)
    ### END SOLUTION

# %% exercise="08.1" points=2
from minigrad_course.checks import expect_close, expect_equal, passed

# against minigrad's backward through a broadcasting multiplication
rng = np.random.default_rng(1)
order = ("multiply first (grad * b has the broadcast shape), then sum_to the input's shape.",
         "먼저 곱하고(grad * b는 브로드캐스팅된 모양입니다), 그다음 입력의 모양으로 sum_to 하세요.")
for a_shape, b_shape in [((4, 1, 3), (2, 3)), ((2, 1), (1, 5)), ((3, 1, 1), (2, 4)), ((), (2, 3))]:
    a_np, b_np = rng.normal(size=a_shape), rng.normal(size=b_shape)
    a = torch.tensor(a_np, requires_grad=True)
    b = torch.tensor(b_np, requires_grad=True)
    out = a * b
    upstream = rng.normal(size=out.shape)
    out.backward(torch.tensor(upstream))
    grads = mul_backward(upstream, a_np, b_np)
    expect_equal(len(grads), 2, what=("number of gradients returned", "돌려준 변화도의 개수"))
    for name, mine, t, other in [("a", grads[0], a, b_np), ("b", grads[1], b, a_np)]:
        expect_equal(tuple(np.shape(mine)), tuple(t.shape),
                     what=(f"shape of grad_{name} for {a_shape} * {b_shape}", f"{a_shape} * {b_shape}에서 grad_{name}의 모양"),
                     hint=(f"undo the broadcasting last: multiply first, then sum_to(..., {name}.shape).",
                           f"브로드캐스팅은 마지막에 되돌리세요. 먼저 곱하고, 그다음 sum_to(..., {name}.shape) 하세요."))
        expect_close(mine, t.grad, what=(f"grad_{name} for {a_shape} * {b_shape}", f"{a_shape} * {b_shape}에서 grad_{name}"),
                     mistakes=[(sum_to(upstream * t.detach().numpy(), t.shape),
                                (f"the local derivative of a * b with respect to {name} is the other factor, not {name}.",
                                 f"a * b의 {name}에 대한 국소 미분은 {name}이(가) 아니라 다른 인수입니다.")),
                               (sum_to(upstream, t.shape), ("the local derivative is missing: multiply grad by the "
                                                            "other factor.",
                                                            "국소 미분이 빠졌습니다. grad에 다른 인수를 곱하세요."))],
                     hint=order)

# by hand: a column times a row, grad of ones: dL/da_i = sum_j b_j, dL/db_j = sum_i a_i
ga, gb = mul_backward(np.ones((2, 3)), np.array([[1.0], [2.0]]), np.array([1.0, 10.0, 100.0]))
expect_close(ga, [[111.0], [111.0]], what=("grad_a for (2, 1) * (3,)", "(2, 1) * (3,)에서 grad_a"), hint=order)
expect_close(gb, [3.0, 3.0, 3.0], what=("grad_b for (2, 1) * (3,)", "(2, 1) * (3,)에서 grad_b"), hint=order)
passed("08.1")

# %% [markdown]
# ## Exercise 08.2 · The backward of a batched matrix product · 연습 문제 08.2 · 배치 행렬 곱의 역전파
#
# A linear layer applied to a batch of sequences multiplies a 3-D tensor by a matrix:
# $C_s = A_s B$ for every sample $s$, with `A` of shape $(S, n, k)$ and `B` of shape $(k, m)$, shared
# by all samples; `C` has shape $(S, n, m)$ (`@` broadcasts `B` over the batch). `BatchedMatMul`'s
# `forward` is written and saves both inputs. Write its `backward(ctx, grad)`: `grad` is
# $G = \partial L/\partial C$, shape $(S, n, m)$; return $(\partial L/\partial A, \partial L/\partial B)$
# as tensors of the shapes of `A` and `B`.
#
# *Hint:* sample by sample it is the lesson's `MatMul`: $G_s B^\top$ and $A_s^\top G_s$. `@` does every
# sample at once, and `a.transpose(1, 2)` transposes each sample. But `B` was used by every sample:
# like a broadcast input, it gets the **sum** over the batch. (PyTorch's engine would sum a gradient
# of shape $(S, k, m)$ down to `B`'s shape for you, and so does minigrad's; the check calls your
# `backward` directly and asks for the exact shape, as the built-in matrix product returns it.)
#
# 시퀀스의 배치에 선형 계층을 적용하면 3차원 텐서에 행렬을 곱하게 됩니다. 모양이 $(S, n, k)$인 `A`와 모든 샘플이 함께 쓰는
# 모양 $(k, m)$의 `B`에 대해 샘플 $s$마다 $C_s = A_s B$이고, `C`의 모양은 $(S, n, m)$입니다(`@`가 `B`를 배치에 걸쳐
# 브로드캐스팅합니다). `BatchedMatMul`의 `forward`는 작성되어 있고 두 입력을 저장합니다. `backward(ctx, grad)`를
# 작성하세요. `grad`는 모양이 $(S, n, m)$인 $G = \partial L/\partial C$이고, $(\partial L/\partial A, \partial L/\partial B)$를
# `A`, `B`와 같은 모양의 텐서로 돌려주면 됩니다.
#
# *힌트:* 샘플 하나씩 보면 강의의 `MatMul`과 같습니다: $G_s B^\top$, $A_s^\top G_s$. `@`는 모든 샘플을 한꺼번에
# 계산하고, `a.transpose(1, 2)`는 샘플마다 전치합니다. 하지만 `B`는 모든 샘플이 썼으므로, 브로드캐스팅된 입력처럼 배치에
# 걸친 **합**을 받습니다. (PyTorch의 엔진은 모양이 $(S, k, m)$인 변화도를 `B`의 모양으로 알아서 더해 주고, minigrad의
# 엔진도 그렇습니다. 확인 셀은 여러분의 `backward`를 직접 불러, 내장 행렬 곱이 돌려주는 것과 같은 정확한 모양을
# 요구합니다.)

# %%
class BatchedMatMul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a @ b

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        ### BEGIN SOLUTION
        return grad @ b.t(), (a.transpose(1, 2) @ grad).sum(dim=0)
        ### END SOLUTION

# %% exercise="08.2" points=3
from minigrad_course.checks import expect_close, expect_equal, fail, passed

rng = np.random.default_rng(2)
a_np, b_np = rng.normal(size=(3, 4, 2)), rng.normal(size=(2, 5))
weights = rng.normal(size=(3, 4, 5))


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


shapes = ("the gradient of an input has that input's shape: (S, n, k) for A from G and B, (k, m) for B from A "
          "and G, summed over the batch.",
          "입력의 변화도는 그 입력과 모양이 같습니다. A의 것은 G와 B로 만든 (S, n, k), B의 것은 A와 G로 만들어 배치에 걸쳐 "
          "더한 (k, m)입니다.")
class Saved:
    """Stands in for ctx: the check calls backward directly, outside the engine."""
    def __init__(self, *tensors):
        self.saved_tensors = tensors


A = torch.tensor(a_np, requires_grad=True)
B = torch.tensor(b_np, requires_grad=True)
try:
    direct = BatchedMatMul.backward(Saved(A.detach(), B.detach()), torch.tensor(weights))
except NotImplementedError:  # not written yet: let it through as it is
    raise
except (RuntimeError, ValueError) as error:
    fail((f"backward failed: {type(error).__name__}: {error}", f"backward가 실패했습니다: {type(error).__name__}: {error}"),
         shapes)
expect_equal(len(direct), 2, what=("number of gradients returned by backward", "backward가 돌려준 변화도의 개수"))
expect_equal(tuple(direct[0].shape), (3, 4, 2), what=("shape of the first gradient (for A)", "첫 번째 변화도(A의 것)의 모양"),
             hint=shapes)
expect_equal(tuple(direct[1].shape), (2, 5), what=("shape of the second gradient (for B)", "두 번째 변화도(B의 것)의 모양"),
             mistakes=[((3, 2, 5), ("B is shared by every sample: sum the samples' gradients over dim 0.",
                                    "B는 모든 샘플이 함께 씁니다. 샘플들의 변화도를 0번 차원을 따라 더하세요."))],
             hint=shapes)
try:
    (torch.tensor(weights) * BatchedMatMul.apply(A, B).tanh()).sum().backward()
except NotImplementedError:  # not written yet: let it through as it is
    raise
except (RuntimeError, ValueError) as error:
    fail((f"backward failed: {type(error).__name__}: {error}", f"backward가 실패했습니다: {type(error).__name__}: {error}"),
         shapes)
expect_close(A.grad, central(lambda v: loss_np(v, b_np), a_np), atol=1e-6, what="A.grad")
expect_close(B.grad, central(lambda v: loss_np(a_np, v), b_np), atol=1e-6, what="B.grad",
             hint=("B's gradient is the sum over the batch of A_s^T G_s.", "B의 변화도는 A_s^T G_s를 배치에 걸쳐 더한 것입니다."))
passed("08.2")

# %% [markdown]
# ## Exercise 08.3 · Max with ties · 연습 문제 08.3 · 같은 값이 여러 개인 max
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
expect_equal(len(guess), 2, what=("number of predicted gradients", "예측한 변화도의 개수"))
expect_close(guess[0], first_actual, what=("x.grad after x.max(dim=1).values.sum().backward()",
                                           "x.max(dim=1).values.sum().backward() 뒤의 x.grad"),
             hint=("max(dim=1) picks one index per row, even on a tie, and only that element gets the gradient.",
                   "max(dim=1)은 같은 값이 여럿이어도 행마다 인덱스 하나만 고르고, 그 원소만 변화도를 받습니다."))
expect_close(guess[1], second_actual, what=("x.grad after x.max().backward()", "x.max().backward() 뒤의 x.grad"),
             hint=("a full max() shares the gradient evenly among all the elements equal to the maximum.",
                   "전체 max()는 최댓값과 같은 모든 원소가 변화도를 똑같이 나눠 갖습니다."))
passed("08.3")

# %% [markdown]
# ## Exercise 08.4 · Gradients through broadcasting · 연습 문제 08.4 · 브로드캐스팅을 지나는 변화도
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
expect_equal(len(shapes), 3, what=("number of predicted shapes", "예측한 모양의 개수"))
own_shape = ("a gradient always has the shape of its tensor.", "변화도는 언제나 그 텐서와 모양이 같습니다.")
for label, guess, actual, hint in zip(["c.shape", "a.grad.shape", "b.grad.shape"], shapes,
                                      [c.shape, a.grad.shape, b.grad.shape],
                                      [("(3, 1) and (4,) broadcast to (3, 4).", "(3, 1)과 (4,)는 (3, 4)로 브로드캐스팅됩니다."),
                                       own_shape, own_shape]):
    expect_equal(tuple(guess), tuple(actual), what=label, hint=hint)
a_guess, b_guess = predicted_grads()
expect_close(a_guess, a.grad, what="a.grad",
             hint=("a[i] multiplies the whole row i of c: sum b_j over the row, 1 + 2 + 3 + 4.",
                   "a[i]는 c의 i번째 행 전체에 곱해집니다. 그 행을 따라 b_j를 더하세요: 1 + 2 + 3 + 4."))
expect_close(b_guess, b.grad, what="b.grad",
             hint=("b[j] multiplies the whole column j of c: sum a_i down the column, 1 + 2 + 3.",
                   "b[j]는 c의 j번째 열 전체에 곱해집니다. 그 열을 따라 a_i를 더하세요: 1 + 2 + 3."))
passed("08.4")

# %% [markdown]
# ## Exercise 08.5 · A linear layer by hand · 연습 문제 08.5 · 손으로 구하는 선형 계층
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
expect_close(dx, x.grad, what="dx", hint=("dx = G W: shapes (N, O)(O, I).", "dx = G W입니다. 모양은 (N, O)(O, I)입니다."))
expect_close(dW, W.grad, what="dW",
             mistakes=[(x_np.T @ G_np, ("that is the gradient of W^T, shape (I, O): transpose it, dW = G^T x.",
                                        "W^T의 변화도(모양 (I, O))입니다. 전치하세요: dW = G^T x."))],
             hint=("dW has W's shape (O, I): G^T x.", "dW는 W와 같은 모양 (O, I)입니다: G^T x."))
expect_close(db, b.grad, what="db",
             mistakes=[(G_np.mean(axis=0), ("the bias is added to every row: its gradient is the sum of G's rows, not the "
                                            "mean.",
                                            "편향은 모든 행에 더해집니다. 변화도는 G의 행들의 평균이 아니라 합입니다."))],
             hint=("the bias was broadcast over the batch: sum G over the rows, db = G.sum(axis=0).",
                   "편향은 배치에 걸쳐 브로드캐스팅되었습니다. G를 행 방향으로 더하세요: db = G.sum(axis=0)."))
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
