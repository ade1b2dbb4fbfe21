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
# # Exercises 09 · Higher-order derivatives · 연습 문제 09 · 고차 미분
#
# Four exercises on lesson 09: a second derivative with autograd, the Hessian of a function of any
# number of variables, a Newton step in several dimensions, and a bug hunt. Write your code where a
# cell says `NotImplementedError`, then run the check cell below it. Work in `float64`
# (`dtype=torch.float64`) so that the checks can be strict.
#
# 09강 내용으로 연습 문제(exercise) 네 개를 풉니다. autograd로 구하는 2차 도함수(derivative), 변수가 몇 개든 되는 함수의
# 헤세 행렬(Hessian), 여러 차원에서 뉴턴 방법의 한 걸음, 그리고 버그 찾기입니다. `NotImplementedError`가 있는 셀에 코드를
# 작성하고 바로 아래의 확인(check) 셀을 실행하세요. 확인을 엄격하게 할 수 있도록 `float64`(`dtype=torch.float64`)로
# 계산하세요.

# %%
import math

import minigrad as torch

# %% [markdown]
# ## Exercise 09.1 · A second derivative · 연습 문제 09.1 · 2차 도함수
#
# Write `second_derivative(f, x0)`: the value of $f''(x_0)$ as a Python float, computed with
# `torch.autograd.grad` (no finite differences). `f` takes and returns a minigrad tensor.
#
# *Hint:* make `x0` a `float64` tensor that requires grad; the first `grad` call needs
# `create_graph=True`.
#
# `second_derivative(f, x0)`를 작성하세요. $f''(x_0)$의 값을 파이썬 float로 돌려주며, 유한 차분이 아니라
# `torch.autograd.grad`로 계산해야 합니다. `f`는 minigrad 텐서를 받아 텐서를 돌려줍니다.
#
# *힌트:* `x0`을 변화도(gradient)를 요구하는 `float64` 텐서로 만드세요. 첫 번째 `grad` 호출에는 `create_graph=True`가
# 필요합니다.

# %%
def second_derivative(f, x0):
    """f''(x0) as a float, with autograd."""
    ### BEGIN SOLUTION
    x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    d1, = torch.autograd.grad(f(x), x, create_graph=True)
    d2, = torch.autograd.grad(d1, x)
    return d2.item()
    ### END SOLUTION

# %% exercise="09.1" points=2
from minigrad_course.checks import counted, expect_close, expect_equal, expect_true, fail, passed

create_graph = ("the first grad must record its own computation: pass create_graph=True, or the derivative has no "
                "grad_fn to differentiate again.",
                "첫 번째 grad는 자기 계산을 기록해야 합니다. create_graph=True를 넘기세요. 그러지 않으면 도함수에 다시 미분할 "
                "grad_fn이 없습니다.")
no_differences = ("call f once, on a float64 tensor that requires grad, and differentiate twice with "
                  "torch.autograd.grad: finite differences are not what is asked.",
                  "requires_grad인 float64 텐서로 f를 한 번만 부르고 torch.autograd.grad로 두 번 미분하세요. 유한 차분은 "
                  "요구한 방법이 아닙니다.")


def checked(f, x0, label):
    """second_derivative(f, x0), with f called once on a tensor that requires grad."""
    counting = counted(f)
    try:
        result = second_derivative(counting, x0)
    except NotImplementedError:  # not written yet: let it through as it is
        raise
    except RuntimeError as error:
        fail((f"second_derivative raised RuntimeError: {error}", f"second_derivative에서 RuntimeError가 났습니다: {error}"),
             create_graph)
    expect_equal(counting.calls, 1, what=(f"calls of f for {label}", f"{label}에서 f를 부른 횟수"), hint=no_differences)
    argument = counting.arguments[0]
    expect_true(isinstance(argument, torch.Tensor) and argument.requires_grad,
                what=(f"f received a tensor that requires grad for {label}", f"{label}에서 f가 requires_grad인 텐서를 받았다"),
                hint=no_differences)
    expect_true(counting.arguments[0].dtype == torch.float64,
                what=(f"f received a float64 tensor for {label}", f"{label}에서 f가 float64 텐서를 받았다"),
                hint=("make the tensor with dtype=torch.float64: float32 keeps about 7 digits, too few for these checks.",
                      "dtype=torch.float64로 텐서를 만드세요. float32는 7자리 정도만 지켜서 이 확인에는 부족합니다."))
    expect_true(isinstance(result, float), what=("second_derivative returns a float", "second_derivative가 float을 돌려준다"),
                hint=("return d2.item(), a Python float.", "파이썬 float인 d2.item()을 돌려주세요."))
    return result


# analytic second derivatives, derived by hand
expect_close(checked(lambda x: x**5 - 2 * x**3 + x, 1.5, "x^5 - 2x^3 + x"), 20 * 1.5**3 - 12 * 1.5,
             what=("(x^5 - 2x^3 + x)'' at 1.5", "1.5에서 (x^5 - 2x^3 + x)''"))
# (x e^{-x})'' = (x - 2) e^{-x}
expect_close(checked(lambda x: x * torch.exp(-x), 0.7, "x e^-x"), (0.7 - 2) * math.exp(-0.7),
             what=("(x e^-x)'' at 0.7", "0.7에서 (x e^-x)''"))
# tanh'' = -2 tanh (1 - tanh^2)
t = math.tanh(-0.4)
expect_close(checked(torch.tanh, -0.4, "tanh"), -2 * t * (1 - t * t), what=("tanh'' at -0.4", "-0.4에서 tanh''"))
passed("09.1")

# %% [markdown]
# ## Exercise 09.2 · The Hessian in n dimensions · 연습 문제 09.2 · n차원 헤세 행렬
#
# The lesson built a 2×2 Hessian. Write `hessian(f, w_values)` for any number $n$ of variables: `f`
# takes a 1-D tensor `w` of $n$ numbers and returns a scalar; return the $n \times n$ Hessian
# $H_{ij} = \partial^2 f / \partial w_i \partial w_j$ at `w_values` as a `float64` tensor. Call `f`
# **once**: every row comes from the same recorded gradient.
#
# *Hint:* one `grad` with `create_graph=True` gives the gradient vector; row $i$ is the gradient of
# its entry $i$, for `i in range(len(w))`, each with `retain_graph=True`; `torch.stack` the rows.
#
# 강의에서는 2×2 헤세 행렬을 만들었습니다. 변수가 몇 개($n$)든 되는 `hessian(f, w_values)`를 작성하세요. `f`는 수 $n$개로
# 된 1차원 텐서 `w`를 받아 스칼라를 돌려줍니다. `w_values`에서의 $n \times n$ 헤세 행렬
# $H_{ij} = \partial^2 f / \partial w_i \partial w_j$를 `float64` 텐서로 돌려주세요. `f`는 **한 번만** 부르세요. 모든 행은 같은
# 기록된 변화도에서 나옵니다.
#
# *힌트:* `create_graph=True`로 `grad`를 한 번 호출하면 변화도 벡터를 얻습니다. $i$번째 행은 그 $i$번째 원소의 변화도이고,
# `i in range(len(w))`마다 `retain_graph=True`로 구합니다. 행들은 `torch.stack`으로 쌓으세요.

# %%
def hessian(f, w_values):
    """The n x n Hessian of f at w_values, as a float64 tensor."""
    ### BEGIN SOLUTION
    w = torch.tensor(w_values, dtype=torch.float64, requires_grad=True)
    gradient, = torch.autograd.grad(f(w), w, create_graph=True)
    rows = [torch.autograd.grad(gradient[i], w, retain_graph=True)[0] for i in range(len(w))]
    return torch.stack(rows)
    ### END SOLUTION

# %% exercise="09.2" points=3
import numpy as np

from minigrad_course.checks import counted, expect_close, expect_equal, expect_true, fail, passed


def checked_hessian(f, w_values, label):
    counting = counted(f)
    try:
        H = hessian(counting, w_values)
    except NotImplementedError:  # not written yet: let it through as it is
        raise
    except RuntimeError as error:
        fail((f"hessian raised RuntimeError: {error}", f"hessian에서 RuntimeError가 났습니다: {error}"),
             ("the gradient must be recorded to be differentiated again: create_graph=True; and every row but the "
              "last walks the same graph, so keep it with retain_graph=True.",
              "변화도를 다시 미분하려면 기록되어 있어야 합니다: create_graph=True. 그리고 마지막 행 말고는 모두 같은 그래프를 "
              "지나므로 retain_graph=True로 그래프를 유지하세요."))
    expect_equal(counting.calls, 1, what=(f"calls of f for {label}", f"{label}에서 f를 부른 횟수"),
                 hint=("compute the gradient once with create_graph=True and take every row from it; no finite "
                       "differences.",
                       "create_graph=True로 변화도를 한 번만 계산하고 모든 행을 거기서 구하세요. 유한 차분은 쓰지 마세요."))
    expect_true(counting.arguments[0].dtype == torch.float64,
                what=(f"f received a float64 tensor for {label}", f"{label}에서 f가 float64 텐서를 받았다"),
                hint=("make the tensor with dtype=torch.float64: float32 keeps about 7 digits, too few for these checks.",
                      "dtype=torch.float64로 텐서를 만드세요. float32는 7자리 정도만 지켜서 이 확인에는 부족합니다."))
    n = len(w_values)
    expect_equal(tuple(H.shape), (n, n), what=(f"Hessian shape for {label}", f"{label}의 헤세 행렬 모양"),
                 hint=("one row per entry of w: range(len(w)), not range(2).", "w의 원소마다 한 행입니다. range(2)가 아니라 "
                       "range(len(w))입니다."))
    return H


# f = x^2 y + exp(x y) + y z^3: derived by hand
def f(w):
    return w[0]**2 * w[1] + torch.exp(w[0] * w[1]) + w[1] * w[2]**3

x, y, z = 0.5, -1.2, 0.8
e = math.exp(x * y)
expected = [[2 * y + y * y * e, 2 * x + (1 + x * y) * e, 0.0],
            [2 * x + (1 + x * y) * e, x * x * e, 3 * z * z],
            [0.0, 3 * z * z, 6 * y * z]]
H = checked_hessian(f, [x, y, z], "x^2 y + exp(xy) + y z^3")
expect_close(H, expected, what=("Hessian of x^2 y + exp(xy) + y z^3 at (0.5, -1.2, 0.8)",
                                "(0.5, -1.2, 0.8)에서 x^2 y + exp(xy) + y z^3의 헤세 행렬"))

# independent check: central differences of the first-order gradient, for n = 4
def g(w):
    return (w[0] * w[1] * w[2] * w[3]) + (w ** 2).sum() * w[0]

def first_gradient(values):
    w = torch.tensor(values, dtype=torch.float64, requires_grad=True)
    return torch.autograd.grad(g(w), w)[0].numpy()

point = np.array([0.3, -0.7, 1.1, 0.5])
eps = 1e-5
numeric = np.stack([(first_gradient(point + eps * d) - first_gradient(point - eps * d)) / (2 * eps)
                    for d in np.eye(4)])
H4 = checked_hessian(g, point.tolist(), "a function of 4 variables")
expect_close(H4, numeric, atol=1e-6, what=("Hessian of a function of 4 variables against central differences",
                                           "중앙 차분과 비교한 변수 4개 함수의 헤세 행렬"))
expect_close(H4, H4.t(), what=("the Hessian is symmetric", "헤세 행렬은 대칭이다"))
passed("09.2")

# %% [markdown]
# ## Exercise 09.3 · A Newton step in n dimensions · 연습 문제 09.3 · n차원에서 뉴턴 방법의 한 걸음
#
# In one dimension the lesson's Newton step is $x - f'(x)/f''(x)$. In $n$ dimensions the derivative
# is the gradient $g$ and the second derivative is the Hessian $H$: the step solves $H\,d = g$ and
# moves to $w - d$. Write `newton_step_nd(f, w_values)` that returns the new point as a NumPy array,
# using your `hessian` from 09.2 and one more `grad` for $g$.
#
# *Hint:* `np.linalg.solve(H, g)` solves $H d = g$ without inverting $H$. On a quadratic
# $\frac12 w^\top A w - b^\top w$ the step lands on the minimum $A^{-1} b$ from anywhere.
#
# 1차원에서 강의의 뉴턴 걸음은 $x - f'(x)/f''(x)$입니다. $n$차원에서는 도함수가 변화도 $g$이고 2차 도함수가 헤세 행렬
# $H$입니다. 한 걸음은 $H\,d = g$를 풀어 $w - d$로 갑니다. 09.2의 `hessian`과 $g$를 구하는 `grad` 한 번을 써서 새 점을 NumPy
# 배열로 돌려주는 `newton_step_nd(f, w_values)`를 작성하세요.
#
# *힌트:* `np.linalg.solve(H, g)`는 $H$의 역행렬을 구하지 않고 $H d = g$를 풉니다. 2차 함수
# $\frac12 w^\top A w - b^\top w$에서는 어디서 출발하든 한 걸음에 최솟점 $A^{-1} b$에 닿습니다.

# %%
def newton_step_nd(f, w_values):
    """w - H^{-1} g at w_values, as a NumPy array."""
    ### BEGIN SOLUTION
    w = torch.tensor(w_values, dtype=torch.float64, requires_grad=True)
    g, = torch.autograd.grad(f(w), w)
    H = hessian(f, w_values)
    return np.asarray(w_values, dtype=np.float64) - np.linalg.solve(H.numpy(), g.numpy())
    ### END SOLUTION

# %% exercise="09.3" points=2
import numpy as np

from minigrad_course.checks import expect_close, passed

# a quadratic: one step from anywhere reaches A^{-1} b
A = np.array([[4.0, 1.0, 0.0], [1.0, 3.0, -1.0], [0.0, -1.0, 2.0]])
b = np.array([1.0, -2.0, 0.5])
quadratic = lambda w: 0.5 * (w * (torch.tensor(A) @ w)).sum() - (torch.tensor(b) * w).sum()
start = [5.0, -3.0, 2.0]
g0 = A @ np.array(start) - b
step_mistakes = [
    (np.array(start) + np.linalg.solve(A, g0), ("the step goes against the gradient: w - d, not w + d.",
                                                "걸음은 변화도의 반대쪽으로 갑니다. w + d가 아니라 w - d입니다.")),
    (np.array(start) - g0, ("that is a gradient-descent step w - g: solve H d = g and use d instead.",
                            "경사 하강법의 걸음 w - g입니다. H d = g를 풀고 d를 쓰세요.")),
    (np.array(start) - g0 / np.diag(A), ("dividing by the diagonal of H ignores the mixed derivatives: solve the "
                                         "system H d = g.",
                                         "H의 대각 원소로 나누면 혼합 미분을 무시하게 됩니다. 연립방정식 H d = g를 푸세요.")),
]
expect_close(newton_step_nd(quadratic, start), np.linalg.solve(A, b),
             what=("Newton step on a quadratic (its minimum A^-1 b)", "2차 함수에서의 뉴턴 걸음 (최솟점 A^-1 b)"),
             mistakes=step_mistakes)

# not a quadratic: f = w0^4 + w0 w1 + (1 + w1)^2, gradient and Hessian by hand
quartic = lambda w: w[0]**4 + w[0] * w[1] + (1 + w[1])**2
w0, w1 = 1.0, -0.5
g = np.array([4 * w0**3 + w1, w0 + 2 * (1 + w1)])
H = np.array([[12 * w0**2, 1.0], [1.0, 2.0]])
expect_close(newton_step_nd(quartic, [w0, w1]), np.array([w0, w1]) - np.linalg.solve(H, g),
             what=("Newton step on w0^4 + w0 w1 + (1 + w1)^2 from (1, -0.5)", "(1, -0.5)에서 w0^4 + w0 w1 + (1 + w1)^2의 뉴턴 걸음"))
passed("09.3")

# %% [markdown]
# ## Exercise 09.4 · A curvature that will not run · 연습 문제 09.4 · 실행되지 않는 곡률 계산
#
# The curvature of the curve $y = f(x)$ is $\kappa = |f''| / (1 + f'^2)^{3/2}$. A colleague wrote
# `buggy_curvature`. It does not even run. Read the error, find the bug, and write
# `curvature(f, x0)` that returns $\kappa$ at $x_0$ as a float.
#
# 곡선 $y = f(x)$의 곡률은 $\kappa = |f''| / (1 + f'^2)^{3/2}$입니다. 동료가 `buggy_curvature`를 작성했는데, 실행조차
# 되지 않습니다. 오류 메시지를 읽고 버그를 찾은 다음, $x_0$에서의 $\kappa$를 float로 돌려주는 `curvature(f, x0)`를
# 작성하세요.

# %%
def buggy_curvature(f, x0):
    x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    d1, = torch.autograd.grad(f(x), x)
    d2, = torch.autograd.grad(d1, x)
    return (d2.abs() / (1 + d1**2) ** 1.5).item()


try:
    buggy_curvature(lambda x: x**2, 1.0)
except RuntimeError as error:
    print("RuntimeError:", error)

# %% [markdown]
# *Hint:* which tensor does "element 0 of tensors" refer to, and why has it no `grad_fn`?
#
# *힌트:* "element 0 of tensors"는 어느 텐서를 가리킬까요? 그 텐서에는 왜 `grad_fn`이 없을까요?

# %%
def curvature(f, x0):
    """The curvature |f''| / (1 + f'^2)^(3/2) of y = f(x) at x0, as a float."""
    ### BEGIN SOLUTION
    x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    d1, = torch.autograd.grad(f(x), x, create_graph=True)
    d2, = torch.autograd.grad(d1, x)
    return (d2.abs() / (1 + d1**2) ** 1.5).item()
    ### END SOLUTION

# %% exercise="09.4" points=2
from minigrad_course.checks import counted, expect_close, expect_equal, expect_true, fail, passed


def checked_curvature(f, x0, label):
    counting = counted(f)
    try:
        result = curvature(counting, x0)
    except NotImplementedError:  # not written yet: let it through as it is
        raise
    except RuntimeError as error:
        fail((f"curvature raised RuntimeError: {error}", f"curvature에서 RuntimeError가 났습니다: {error}"),
             ("d1 has no grad_fn because the first grad did not record itself: pass create_graph=True to it.",
              "첫 번째 grad가 자기 계산을 기록하지 않아서 d1에 grad_fn이 없습니다. 첫 번째 grad에 create_graph=True를 넘기세요."))
    expect_equal(counting.calls, 1, what=(f"calls of f for {label}", f"{label}에서 f를 부른 횟수"),
                 hint=("fix the autograd code: call f once and differentiate twice; finite differences are not the fix.",
                       "autograd 코드를 고치세요. f를 한 번 부르고 두 번 미분합니다. 유한 차분은 고친 것이 아닙니다."))
    expect_true(counting.arguments[0].dtype == torch.float64,
                what=(f"f received a float64 tensor for {label}", f"{label}에서 f가 float64 텐서를 받았다"),
                hint=("make the tensor with dtype=torch.float64: float32 keeps about 7 digits, too few for these checks.",
                      "dtype=torch.float64로 텐서를 만드세요. float32는 7자리 정도만 지켜서 이 확인에는 부족합니다."))
    return result


# the parabola x^2 at x: f' = 2x, f'' = 2
expect_close(checked_curvature(lambda x: x**2, 1.0, "x^2"), 2 / 5**1.5, what=("curvature of x^2 at 1", "1에서 x^2의 곡률"))
expect_close(checked_curvature(lambda x: x**2, 0.0, "x^2"), 2.0, what=("curvature of x^2 at 0", "0에서 x^2의 곡률"))
# a circle of radius 2, upper half: curvature 1/2 everywhere (f'' < 0 there)
expect_close(checked_curvature(lambda x: (4 - x**2) ** 0.5, 0.8, "a circle"), 0.5,
             what=("curvature of a circle of radius 2", "반지름 2인 원의 곡률"),
             mistakes=[(-0.5, ("the curvature uses |f''|: keep the .abs().", "곡률에는 |f''|가 들어갑니다. .abs()를 남겨 두세요."))])
# a cubic: f = x^3 - x at 0.5, f' = 3x^2 - 1 = -0.25, f'' = 6x = 3
expect_close(checked_curvature(lambda x: x**3 - x, 0.5, "x^3 - x"), 3 / (1 + 0.25**2) ** 1.5,
             what=("curvature of x^3 - x at 0.5", "0.5에서 x^3 - x의 곡률"))
passed("09.4")

# %% [markdown]
# ## Done · 끝
#
# You took second derivatives with autograd, stepped with Newton's method, built a Hessian and
# fixed the most common higher-order bug. Lesson 10 builds neural networks on this engine.
#
# autograd로 2차 도함수를 구하고, 뉴턴 방법으로 한 걸음을 내딛고, 헤세 행렬을 만들고, 고차 미분에서 가장 흔한 버그를
# 고쳤습니다. 10강에서는 이 엔진 위에 신경망을 만듭니다.
