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
# # 09 · Higher-order derivatives: exercises · 고차 미분: 연습 문제
#
# Four exercises on lesson 09: a second derivative with autograd, one step of Newton's method, a
# 2×2 Hessian, and a bug hunt. Write your code where a cell says `NotImplementedError`, then run the
# check cell below it. Work in `float64` (`dtype=torch.float64`) so that the checks can be strict.
#
# 09강 내용으로 연습 문제(exercise) 네 개를 풉니다. autograd로 구하는 2차 도함수(derivative), 뉴턴 방법의 한 걸음,
# 2×2 헤세 행렬(Hessian), 그리고 버그 찾기입니다. `NotImplementedError`가 있는 셀에 코드를 작성하고 바로 아래의
# 확인(check) 셀을 실행하세요. 확인을 엄격하게 할 수 있도록 `float64`(`dtype=torch.float64`)로 계산하세요.

# %%
import math

import minigrad as torch

# %% [markdown]
# ## Exercise 09.1: a second derivative · 연습 문제 09.1: 2차 도함수
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
from minigrad_course.checks import expect_close, expect_true, passed

# analytic second derivatives, derived by hand
result = second_derivative(lambda x: x**5 - 2 * x**3 + x, 1.5)
expect_true(isinstance(result, float), what="second_derivative returns a float")
expect_close(result, 20 * 1.5**3 - 12 * 1.5, what="(x^5 - 2x^3 + x)'' at 1.5")
# (x e^{-x})'' = (x - 2) e^{-x}
expect_close(second_derivative(lambda x: x * torch.exp(-x), 0.7), (0.7 - 2) * math.exp(-0.7),
             what="(x e^-x)'' at 0.7")
# tanh'' = -2 tanh (1 - tanh^2)
t = math.tanh(-0.4)
expect_close(second_derivative(torch.tanh, -0.4), -2 * t * (1 - t * t), what="tanh'' at -0.4")
passed("09.1")

# %% [markdown]
# ## Exercise 09.2: one Newton step · 연습 문제 09.2: 뉴턴 방법의 한 걸음
#
# Write `newton_step(f, x)`: given a scalar tensor `x`, return $x - f'(x)/f''(x)$ as a new tensor
# that does **not** require grad (the next step must not be part of any graph).
#
# *Hint:* start from `x.detach().requires_grad_()`, and `detach()` the result.
#
# `newton_step(f, x)`를 작성하세요. 스칼라 텐서 `x`를 받아 $x - f'(x)/f''(x)$를 새 텐서로 돌려주되, 그 텐서는 변화도를
# 요구하지 **않아야** 합니다 (다음 걸음이 어떤 그래프에도 속하면 안 됩니다).
#
# *힌트:* `x.detach().requires_grad_()`에서 시작하고, 결과를 `detach()`하세요.

# %%
def newton_step(f, x):
    """One step of Newton's method for minimising f, starting from the scalar tensor x."""
    ### BEGIN SOLUTION
    x = x.detach().requires_grad_()
    d1, = torch.autograd.grad(f(x), x, create_graph=True)
    d2, = torch.autograd.grad(d1, x)
    return (x - d1 / d2).detach()
    ### END SOLUTION

# %% exercise="09.2" points=2
from minigrad_course.checks import expect_close, expect_true, passed

# g = x^4 - 2x^2 + x at -2: g' = -23, g'' = 44, so the step goes to -2 + 23/44
g = lambda x: x**4 - 2 * x**2 + x
x1 = newton_step(g, torch.tensor(-2.0, dtype=torch.float64))
expect_close(x1, -2 + 23 / 44, what="Newton step on x^4 - 2x^2 + x from -2")
expect_true(x1.requires_grad is False, what="the new point does not require grad")

# a parabola is minimised in one step: 3(x - 1.25)^2 + 7 from 10
x1 = newton_step(lambda x: 3 * (x - 1.25)**2 + 7, torch.tensor(10.0, dtype=torch.float64))
expect_close(x1, 1.25, what="Newton step on a parabola")

# a starting point that requires grad is fine too; x^3/3 - 2x from 1 gives (1 + 2/1)/2
start = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
x1 = newton_step(lambda x: x**3 / 3 - 2 * x, start)
expect_close(x1, 1.5, what="Newton step on x^3/3 - 2x from 1")
expect_true(x1.requires_grad is False, what="the new point does not require grad")
passed("09.2")

# %% [markdown]
# ## Exercise 09.3: a 2×2 Hessian · 연습 문제 09.3: 2×2 헤세 행렬
#
# Write `hessian2(f, w_values)`: `f` takes a tensor `w` of 2 numbers and returns a scalar;
# return the 2×2 Hessian $H_{ij} = \partial^2 f / \partial w_i \partial w_j$ at `w_values` as a
# `float64` tensor, built row by row from the recorded gradient.
#
# *Hint:* one `grad` with `create_graph=True` gives the gradient vector; row $i$ is the gradient of
# its entry $i$ (keep the graph for the next row with `retain_graph=True`); `torch.stack` the rows.
#
# `hessian2(f, w_values)`를 작성하세요. `f`는 수 2개로 된 텐서 `w`를 받아 스칼라를 돌려줍니다. `w_values`에서의 2×2 헤세
# 행렬 $H_{ij} = \partial^2 f / \partial w_i \partial w_j$를 기록된 변화도로부터 한 행씩 만들어 `float64` 텐서로
# 돌려주세요.
#
# *힌트:* `create_graph=True`로 `grad`를 한 번 호출하면 변화도 벡터를 얻습니다. $i$번째 행은 그 $i$번째 원소의
# 변화도입니다 (다음 행을 위해 `retain_graph=True`로 그래프를 유지하세요). 행들은 `torch.stack`으로 쌓으세요.

# %%
def hessian2(f, w_values):
    """The 2x2 Hessian of f at w_values, as a float64 tensor."""
    ### BEGIN SOLUTION
    w = torch.tensor(w_values, dtype=torch.float64, requires_grad=True)
    gradient, = torch.autograd.grad(f(w), w, create_graph=True)
    rows = [torch.autograd.grad(gradient[i], w, retain_graph=True)[0] for i in range(2)]
    return torch.stack(rows)
    ### END SOLUTION

# %% exercise="09.3" points=3
import numpy as np

from minigrad_course.checks import expect_close, expect_equal, passed

# f = x^2 y + exp(x y): derived by hand
#   f_xx = 2y + y^2 e^{xy},  f_xy = 2x + (1 + xy) e^{xy},  f_yy = x^2 e^{xy}
def f(w):
    return w[0]**2 * w[1] + torch.exp(w[0] * w[1])

x, y = 0.5, -1.2
e = math.exp(x * y)
expected = [[2 * y + y * y * e, 2 * x + (1 + x * y) * e],
            [2 * x + (1 + x * y) * e, x * x * e]]
H = hessian2(f, [x, y])
expect_equal(tuple(H.shape), (2, 2), what="Hessian shape")
expect_close(H, expected, what="Hessian of x^2 y + exp(xy) at (0.5, -1.2)")
expect_close(H, H.t(), what="Hessian is symmetric")

# independent check: central differences of the first-order gradient
def first_gradient(values):
    w = torch.tensor(values, dtype=torch.float64, requires_grad=True)
    return torch.autograd.grad(f(w), w)[0].numpy()

eps = 1e-5
point = np.array([x, y])
numeric = np.stack([(first_gradient(point + eps * d) - first_gradient(point - eps * d)) / (2 * eps)
                    for d in np.eye(2)])
expect_close(H, numeric, atol=1e-6, what="Hessian against central differences")

# a quadratic form: the Hessian of w^T A w is A + A^T
expect_close(hessian2(lambda w: 3 * w[0]**2 + 4 * w[0] * w[1] - w[1]**2, [2.0, 5.0]),
             [[6.0, 4.0], [4.0, -2.0]], what="Hessian of 3x^2 + 4xy - y^2")
passed("09.3")

# %% [markdown]
# ## Exercise 09.4: a curvature that will not run · 연습 문제 09.4: 실행되지 않는 곡률 계산
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
from minigrad_course.checks import expect_close, passed

# the parabola x^2 at x: f' = 2x, f'' = 2
expect_close(curvature(lambda x: x**2, 1.0), 2 / 5**1.5, what="curvature of x^2 at 1")
expect_close(curvature(lambda x: x**2, 0.0), 2.0, what="curvature of x^2 at 0")
# a circle of radius 2, upper half: curvature 1/2 everywhere
expect_close(curvature(lambda x: (4 - x**2) ** 0.5, 0.8), 0.5, what="curvature of a circle of radius 2")
# a cubic: f = x^3 - x at 0.5, f' = 3x^2 - 1 = -0.25, f'' = 6x = 3
expect_close(curvature(lambda x: x**3 - x, 0.5), 3 / (1 + 0.25**2) ** 1.5, what="curvature of x^3 - x at 0.5")
passed("09.4")

# %% [markdown]
# ## Done · 끝
#
# You took second derivatives with autograd, stepped with Newton's method, built a Hessian and
# fixed the most common higher-order bug. Lesson 10 builds neural networks on this engine.
#
# autograd로 2차 도함수를 구하고, 뉴턴 방법으로 한 걸음을 내딛고, 헤세 행렬을 만들고, 고차 미분에서 가장 흔한 버그를
# 고쳤습니다. 10강에서는 이 엔진 위에 신경망을 만듭니다.
