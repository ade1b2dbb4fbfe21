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
# # Exercises 03 · Derivatives · 연습 문제 03 · 미분
#
# Five exercises on lesson 03: numerical differentiation, the chain rule and a backward pass by hand.
# Write your code where a cell says `NotImplementedError`, then run the check cell below it. A check
# prints ✅ when your answer is right and explains what is wrong when it is not.
#
# 03강 내용으로 연습 문제(exercise) 다섯 개를 풉니다. 수치 미분(numerical differentiation), 연쇄 법칙(chain rule), 손으로 하는 역전파(backpropagation)입니다.
# `NotImplementedError`가 있는 셀에 코드를 작성하고 바로 아래의 확인(check) 셀을 실행하세요. 답이 맞으면 ✅가 출력되고,
# 틀리면 무엇이 틀렸는지 알려 줍니다.

# %%
import numpy as np

import minigrad as torch

# %% [markdown]
# ## Exercise 03.1 · The central difference · 연습 문제 03.1 · 중앙 차분
#
# Write `central_difference(f, x, h)`, the numerical derivative of `f` at `x`:
# $\frac{f(x+h) - f(x-h)}{2h}$. It must work for a number `x` and, elementwise, for a NumPy array `x`.
#
# *Hint:* one line. The check also makes sure you did not write the forward difference
# $\frac{f(x+h) - f(x)}{h}$: for $f(x) = x^3$ at $x = 2$ with $h = 0.01$, the central difference is
# exactly $12 + h^2 = 12.0001$.
#
# `f`의 `x`에서의 중앙 차분(central difference) $\frac{f(x+h) - f(x-h)}{2h}$를 계산하는 `central_difference(f, x, h)`를 작성하세요.
# `x`가 수일 때도, NumPy 배열일 때도(원소별로) 동작해야 합니다.
#
# *힌트:* 한 줄이면 됩니다. 확인 셀은 전진 차분 $\frac{f(x+h) - f(x)}{h}$을 쓰지 않았는지도 봅니다. $f(x) = x^3$,
# $x = 2$, $h = 0.01$이면 중앙 차분은 정확히 $12 + h^2 = 12.0001$입니다.

# %%
def central_difference(f, x, h=1e-5):
    """(f(x + h) - f(x - h)) / (2h)"""
    ### BEGIN SOLUTION
    return (f(x + h) - f(x - h)) / (2 * h)
    ### END SOLUTION

# %% exercise="03.1" points=2
from minigrad_course.checks import expect_close, passed

def known_mistakes(f, x, h=1e-5):
    """The values that the two usual slips give."""
    return [((f(x + h) - f(x)) / h, ("that is the forward difference (f(x + h) - f(x)) / h: use f(x + h) and f(x - h).",
                                      "전진 차분 (f(x + h) - f(x)) / h입니다. f(x + h)와 f(x - h)를 쓰세요.")),
            ((f(x + h) - f(x - h)) / h, ("the two points are 2h apart: divide by 2 * h.",
                                         "두 점은 2h만큼 떨어져 있습니다. 2 * h로 나누세요."))]


expect_close(central_difference(np.sin, 0.3), np.cos(0.3), atol=1e-9, what=("d/dx sin(x) at 0.3", "0.3에서 d/dx sin(x)"),
             mistakes=known_mistakes(np.sin, 0.3))
expect_close(central_difference(np.exp, 1.0), np.e, atol=1e-8, what=("d/dx exp(x) at 1", "1에서 d/dx exp(x)"),
             mistakes=known_mistakes(np.exp, 1.0))
cube = lambda x: x**3
expect_close(central_difference(cube, 2.0, h=0.01), 12.0001, atol=1e-9,
             what=("d/dx x**3 at 2 with h=0.01", "h=0.01일 때 2에서 d/dx x**3"), mistakes=known_mistakes(cube, 2.0, 0.01),
             hint=("use the h you are given, not a fixed one.", "고정된 값이 아니라 주어진 h를 쓰세요."))
xs = np.array([0.5, 1.0, 2.0])
expect_close(central_difference(np.log, xs), 1 / xs, atol=1e-8, what=("d/dx log(x) at [0.5, 1, 2]", "[0.5, 1, 2]에서 d/dx log(x)"),
             mistakes=known_mistakes(np.log, xs))
### BEGIN HIDDEN TESTS
expect_close(central_difference(np.cos, 2.0), -np.sin(2.0), atol=1e-9, what=("d/dx cos(x) at 2", "2에서 d/dx cos(x)"),
             mistakes=known_mistakes(np.cos, 2.0))
expect_close(central_difference(lambda x: x**3, np.array([1.0, -2.0]), h=0.1), [3.01, 12.01], atol=1e-9,
             what=("d/dx x**3 at [1, -2] with h=0.1", "h=0.1일 때 [1, -2]에서 d/dx x**3"))
### END HIDDEN TESTS
passed("03.1")

# %% [markdown]
# ## Exercise 03.2 · A numerical gradient · 연습 문제 03.2 · 수치 변화도
#
# A loss takes many inputs. Write `numerical_gradient(f, x, h)`: `f` takes a NumPy array `x` (any
# shape) and returns a number; return an array of the same shape as `x` whose element `i` is the
# partial derivative $\partial f / \partial x_i$, computed by central differences.
#
# *Hint:* loop over the elements with `np.ndindex(x.shape)`; for each, make two copies of `x`
# (`x.copy()`), add `h` to the element in one and subtract it in the other. Do not change `x` itself.
#
# 손실(loss)은 입력이 많습니다. `numerical_gradient(f, x, h)`를 작성하세요. `f`는 (모양이 무엇이든) NumPy 배열 `x`를 받아 수
# 하나를 돌려줍니다. `x`와 같은 모양(shape)의 배열, 곧 변화도(gradient)를 돌려주되, `i`번째 원소는 중앙 차분으로 구한
# 편미분(partial derivative) $\partial f / \partial x_i$여야 합니다.
#
# *힌트:* `np.ndindex(x.shape)`로 원소를 하나씩 돌면서, `x`의 복사본(`x.copy()`) 두 개를 만들어 한쪽은 그 원소에 `h`를
# 더하고 다른 쪽은 빼세요. `x` 자체는 바꾸지 마세요.

# %%
def numerical_gradient(f, x, h=1e-6):
    """Array of df/dx_i, same shape as x, by central differences."""
    ### BEGIN SOLUTION
    grad = np.zeros_like(x, dtype=np.float64)
    for i in np.ndindex(x.shape):
        plus, minus = x.copy(), x.copy()
        plus[i] += h
        minus[i] -= h
        grad[i] = (f(plus) - f(minus)) / (2 * h)
    return grad
    ### END SOLUTION

# %% exercise="03.2" points=2
from minigrad_course.checks import expect_close, expect_equal, passed

# f(x) = x0**2 * x1 + sin(x2): gradient [2 x0 x1, x0**2, cos x2]
x = np.array([1.0, 2.0, 3.0])
f = lambda v: v[0]**2 * v[1] + np.sin(v[2])
h = 1e-6
forward = [(f(x + h * e) - f(x)) / h for e in np.eye(3)]
result = numerical_gradient(f, x)
expect_equal(x.tolist(), [1.0, 2.0, 3.0], what=("x after the call", "호출한 뒤의 x"),
             hint=("numerical_gradient changed the caller's x: add and subtract h on copies (x.copy()).",
                   "numerical_gradient가 호출한 쪽의 x를 바꾸었습니다. 복사본(x.copy())에서 h를 더하고 빼세요."))
expect_close(result, [4.0, 1.0, np.cos(3.0)], atol=1e-8, what=("gradient of x0²·x1 + sin(x2) at [1, 2, 3]",
                                                               "[1, 2, 3]에서 x0²·x1 + sin(x2)의 변화도"),
             mistakes=[(forward, ("that is the forward difference: evaluate f at x + h·eᵢ and x - h·eᵢ, divide by 2h.",
                                  "전진 차분입니다. x + h·eᵢ와 x - h·eᵢ에서 f를 계산하고 2h로 나누세요."))])
# a 2x2 input: f(W) = sum(W**2) has gradient 2W
W = np.array([[1.0, -2.0], [0.5, 3.0]])
expect_close(numerical_gradient(lambda m: (m**2).sum(), W), 2 * W, atol=1e-8,
             what=("gradient of sum(W**2) for a 2x2 W", "2x2 W에 대한 sum(W**2)의 변화도"),
             hint=("return an array of x's shape: loop over np.ndindex(x.shape), not range(len(x)).",
                   "x와 같은 모양의 배열을 돌려주세요. range(len(x))가 아니라 np.ndindex(x.shape)로 도세요."))
passed("03.2")

# %% [markdown]
# ## Exercise 03.3 · Predict the gradient · 연습 문제 03.3 · 변화도 예측하기
#
# Use the chain rule by hand (no `backward()`, no numerical differences) to write the derivative of
# each function below, as NumPy code that works elementwise on an array `x`:
#
# 1. $u = 3x + 1$, $v = u^2$, `out = v.sum()`. Write `grad_square_chain(x)` $= \partial out / \partial x$.
# 2. $out = \sum \sin(x^2)$. Write `grad_sin_square(x)` $= \partial out / \partial x$.
#
# *Hint:* multiply the local derivatives along the chain. For 1: $\frac{\partial out}{\partial v} = 1$,
# $\frac{dv}{du} = 2u$, $\frac{du}{dx} = 3$. For 2, name the steps $u = x^2$, $s = \sin u$:
# $\frac{ds}{du} = \cos u$, $\frac{du}{dx} = 2x$. The check compares your formulas with what
# minigrad's `backward()` computes.
#
# 연쇄 법칙을 손으로 적용해서 (`backward()`도 수치 차분도 쓰지 말고) 아래 함수들의 미분을 배열 `x`에 원소별로 동작하는
# NumPy 코드로 작성하세요.
#
# 1. $u = 3x + 1$, $v = u^2$, `out = v.sum()`일 때 `grad_square_chain(x)` $= \partial out / \partial x$.
# 2. $out = \sum \sin(x^2)$일 때 `grad_sin_square(x)` $= \partial out / \partial x$.
#
# *힌트:* 사슬을 따라 국소 미분을 곱하세요. 1번은 $\frac{\partial out}{\partial v} = 1$, $\frac{dv}{du} = 2u$,
# $\frac{du}{dx} = 3$입니다. 2번은 단계를 $u = x^2$, $s = \sin u$로 나누면 $\frac{ds}{du} = \cos u$,
# $\frac{du}{dx} = 2x$입니다. 확인 셀은 여러분의 식을 minigrad의 `backward()`가 계산한 값과 비교합니다.

# %%
def grad_square_chain(x):
    """d/dx of sum((3x + 1)**2), by the chain rule."""
    ### BEGIN SOLUTION
    u = 3 * x + 1
    return 2 * u * 3
    ### END SOLUTION


def grad_sin_square(x):
    """d/dx of sum(sin(x**2)), by the chain rule."""
    ### BEGIN SOLUTION
    return np.cos(x**2) * 2 * x
    ### END SOLUTION

# %% exercise="03.3" points=2
from minigrad_course.checks import expect_close, passed

xs = np.array([-1.0, 0.0, 0.5, 2.0])
t = torch.tensor(xs, requires_grad=True)
((3 * t + 1) ** 2).sum().backward()
expect_close(grad_square_chain(xs), t.grad, atol=1e-9, what="grad_square_chain([-1, 0, 0.5, 2])",
             mistakes=[(2 * (3 * xs + 1), ("that is dv/du = 2u only: multiply by du/dx = 3 as well.",
                                          "dv/du = 2u까지만 구했습니다. du/dx = 3도 곱하세요.")),
                       (6 * xs, ("u = 3x + 1, so dv/du = 2u = 2(3x + 1), not 2x.",
                                 "u = 3x + 1이므로 dv/du = 2u = 2(3x + 1)입니다. 2x가 아닙니다."))],
             hint=("multiply the local derivatives along the chain: 2u · 3.", "사슬을 따라 국소 미분을 곱하세요: 2u · 3."))

t = torch.tensor(xs, requires_grad=True)
torch.sin(t**2).sum().backward()
expect_close(grad_sin_square(xs), t.grad, atol=1e-9, what="grad_sin_square([-1, 0, 0.5, 2])",
             mistakes=[(np.cos(xs**2), ("that is ds/du = cos u only: multiply by du/dx = 2x as well.",
                                       "ds/du = cos u까지만 구했습니다. du/dx = 2x도 곱하세요.")),
                       (np.cos(2 * xs) * 2 * xs, ("ds/du is cos u at u = x², that is cos(x**2), not cos(2x).",
                                                  "ds/du는 u = x²에서의 cos u, 곧 cos(x**2)입니다. cos(2x)가 아닙니다."))])

# a 2x3 array: the formulas work element by element, whatever x's shape
x23 = np.array([[-1.2, 0.4, 2.0], [0.3, -0.7, 1.5]])
elementwise = ("work element by element: the gradient has x's shape and each entry depends on its own x only.",
               "원소별로 계산하세요. 변화도는 x와 모양이 같고, 각 원소는 자기 x에만 의존합니다.")
t = torch.tensor(x23, requires_grad=True)
((3 * t + 1) ** 2).sum().backward()
expect_close(grad_square_chain(x23), t.grad, atol=1e-9, what=("grad_square_chain on a 2x3 array", "2x3 배열에서 grad_square_chain"),
             hint=elementwise)
t = torch.tensor(x23, requires_grad=True)
torch.sin(t**2).sum().backward()
expect_close(grad_sin_square(x23), t.grad, atol=1e-9, what=("grad_sin_square on a 2x3 array", "2x3 배열에서 grad_sin_square"),
             hint=elementwise)
passed("03.3")

# %% [markdown]
# ## Exercise 03.4 · Find the broken derivative · 연습 문제 03.4 · 틀린 도함수 찾기
#
# Someone wrote derivatives for three functions, and one of them is wrong. Test each against your
# `central_difference` from 03.1 at a few points, then:
#
# * make `broken_one()` return the name of the wrong one (`"sigmoid"`, `"x_exp"` or `"log1p"`);
# * write the correct derivative in `d_fixed(x)`.
#
# *Hint:* for the suspect, remember the product rule $(uv)' = u'v + uv'$.
#
# 누군가 세 함수의 도함수(derivative)를 작성했는데 그중 하나가 틀렸습니다. 03.1의 `central_difference`로 몇몇 점에서 각각 검사한 뒤,
#
# * `broken_one()`이 틀린 함수의 이름(`"sigmoid"`, `"x_exp"`, `"log1p"` 중 하나)을 돌려주게 하고,
# * `d_fixed(x)`에 올바른 도함수를 작성하세요.
#
# *힌트:* 의심되는 함수에는 곱의 미분법 $(uv)' = u'v + uv'$를 떠올려 보세요.

# %%
functions = {
    "sigmoid": (lambda x: 1 / (1 + np.exp(-x)),
                lambda x: np.exp(-x) / (1 + np.exp(-x))**2),
    "x_exp": (lambda x: x * np.exp(-x),
              lambda x: -x * np.exp(-x)),
    "log1p": (lambda x: np.log(1 + x**2),
              lambda x: 2 * x / (1 + x**2)),
}

points = np.array([-1.5, 0.2, 1.0, 3.0])
for name, (fn, dfn) in functions.items():
    print(f"{name:8s}", dfn(points))

# %%
def broken_one():
    """The name of the function whose derivative is wrong."""
    ### BEGIN SOLUTION
    for name, (fn, dfn) in functions.items():
        if not np.allclose(dfn(points), central_difference(fn, points), atol=1e-6):
            return name
    ### END SOLUTION


def d_fixed(x):
    """The correct derivative of the broken function."""
    ### BEGIN SOLUTION
    return (1 - x) * np.exp(-x)
    ### END SOLUTION

# %% exercise="03.4" points=2
from minigrad_course.checks import expect_close, expect_equal, expect_true, fail, passed

name = broken_one()
expect_true(name in ("sigmoid", "x_exp", "log1p"), what=("broken_one() is one of the three names",
                                                         "broken_one()이 세 이름 중 하나이다"))
# the named derivative must disagree with a central difference (computed here, h = 1e-6)
fn, dfn = {"sigmoid": (lambda x: 1 / (1 + np.exp(-x)), lambda x: np.exp(-x) / (1 + np.exp(-x))**2),
           "x_exp": (lambda x: x * np.exp(-x), lambda x: -x * np.exp(-x)),
           "log1p": (lambda x: np.log(1 + x**2), lambda x: 2 * x / (1 + x**2))}[name]
xs = np.linspace(-2, 4, 13)
numeric = (fn(xs + 1e-6) - fn(xs - 1e-6)) / 2e-6
if np.allclose(dfn(xs), numeric, atol=1e-6):
    fail((f"broken_one() names {name!r}, but its derivative agrees with a central difference: that one is right",
          f"broken_one()이 {name!r}을(를) 골랐지만, 그 도함수는 중앙 차분과 일치합니다. 그 함수는 맞습니다"),
         ("compare each derivative with central_difference(fn, points) and return the one that disagrees.",
          "각 도함수를 central_difference(fn, points)와 비교해서 일치하지 않는 것을 돌려주세요."))
# d_fixed must agree with a central difference of that same function
expect_close(d_fixed(xs), numeric, atol=1e-8, what=(f"d_fixed on [-2, 4] (derivative of {name!r})",
                                                    f"[-2, 4]에서의 d_fixed ({name!r}의 도함수)"),
             mistakes=[(np.exp(-xs), ("you kept only u'v: the product rule adds uv' = x · (-e^(-x)).",
                                      "u'v만 남았습니다. 곱의 미분법은 uv' = x · (-e^(-x))를 더합니다.")),
                       ((1 + xs) * np.exp(-xs), ("the derivative of e^(-x) is -e^(-x): mind the sign.",
                                                 "e^(-x)의 도함수는 -e^(-x)입니다. 부호를 보세요."))],
             hint=("use the product rule (uv)' = u'v + uv' with u = x and v = e^(-x).",
                   "u = x, v = e^(-x)로 두고 곱의 미분법 (uv)' = u'v + uv'를 쓰세요."))
x23 = np.array([[-1.2, 0.4, 2.0], [0.3, -0.7, 1.5]])
expect_close(d_fixed(x23), (fn(x23 + 1e-6) - fn(x23 - 1e-6)) / 2e-6, atol=1e-8,
             what=("d_fixed on a 2x3 array", "2x3 배열에서 d_fixed"),
             hint=("work element by element: the derivative has x's shape.", "원소별로 계산하세요. 도함수는 x와 모양이 같습니다."))
### BEGIN HIDDEN TESTS
expect_equal(name, "x_exp", what="broken_one()")
### END HIDDEN TESTS
passed("03.4")

# %% [markdown]
# ## Exercise 03.5 · A backward pass by hand · 연습 문제 03.5 · 손으로 하는 역전파
#
# A chain like the lesson's `a -> b -> c -> out`, with different steps:
#
# $$b = 2a, \qquad c = \tanh(b), \qquad out = \textstyle\sum c^2.$$
#
# Write `manual_backward(a)`: run the forward pass in NumPy, then walk back from `out` and return a
# dict with the gradients of `out` with respect to `c`, `b` and `a` (arrays shaped like `a`), under
# the keys `"c"`, `"b"`, `"a"`.
#
# *Hint:* $\partial out / \partial c = 2c$, $\frac{dc}{db} = 1 - \tanh^2 b = 1 - c^2$, $\frac{db}{da} = 2$.
# Each gradient is the previous one times a local derivative.
#
# 강의의 `a -> b -> c -> out`과 비슷하지만 단계가 다른 사슬입니다.
#
# $$b = 2a, \qquad c = \tanh(b), \qquad out = \textstyle\sum c^2.$$
#
# `manual_backward(a)`를 작성하세요. NumPy로 순전파를 한 다음 `out`에서부터 거슬러 올라가, `out`의 `c`, `b`, `a`에 대한
# 변화도(`a`와 같은 모양의 배열)를 키 `"c"`, `"b"`, `"a"`로 담은 딕셔너리를 돌려주면 됩니다.
#
# *힌트:* $\partial out / \partial c = 2c$, $\frac{dc}{db} = 1 - \tanh^2 b = 1 - c^2$, $\frac{db}{da} = 2$입니다.
# 각 변화도는 바로 앞의 변화도에 국소 미분을 곱한 것입니다.

# %%
def manual_backward(a):
    """{"c": d out/dc, "b": d out/db, "a": d out/da} for out = sum(tanh(2a)**2)."""
    ### BEGIN SOLUTION
    b = 2 * a
    c = np.tanh(b)
    grad_c = 2 * c
    grad_b = grad_c * (1 - c**2)
    grad_a = grad_b * 2
    return {"c": grad_c, "b": grad_b, "a": grad_a}
    ### END SOLUTION

# %% exercise="03.5" points=3
from minigrad_course.checks import expect_close, expect_equal, passed

a_np = np.array([[-0.8, 0.1], [0.4, 1.2]])
grads = manual_backward(a_np)
expect_equal(sorted(grads), ["a", "b", "c"], what=("keys of manual_backward(a)", "manual_backward(a)의 키"))

a = torch.tensor(a_np, requires_grad=True)
b = 2 * a
b.retain_grad()  # keep the gradients of the non-leaf tensors too (lesson 04)
c = torch.tanh(b)
c.retain_grad()
(c**2).sum().backward()
c_np = np.tanh(2 * a_np)
expect_close(grads["c"], c.grad, atol=1e-9, what='manual_backward(a)["c"]',
             hint=("d(sum c²)/dc = 2c.", "d(sum c²)/dc = 2c입니다."))
expect_close(grads["b"], b.grad, atol=1e-9, what='manual_backward(a)["b"]',
             mistakes=[(1 - c_np**2, ("that is dc/db alone: multiply it by the gradient that arrived at c.",
                                     "dc/db만 구했습니다. c에 도착한 변화도를 곱하세요.")),
                       (2 * c_np * (1 - (2 * a_np)**2), ("tanh'(b) = 1 - tanh²(b) = 1 - c², not 1 - b².",
                                                          "tanh'(b) = 1 - tanh²(b) = 1 - c²입니다. 1 - b²가 아닙니다."))])
expect_close(grads["a"], a.grad, atol=1e-9, what='manual_backward(a)["a"]',
             mistakes=[(2 * c_np * (1 - c_np**2), ("b = 2a: multiply by db/da = 2 as well.",
                                                  "b = 2a입니다. db/da = 2도 곱하세요."))])
passed("03.5")

# %% [markdown]
# ## Done · 끝
#
# All five checks passed? Then you can compute derivatives three ways and check one against another.
# Lesson 04 makes the backward pass of 03.5 automatic.
#
# 다섯 개의 확인을 모두 통과했나요? 그렇다면 미분을 세 가지 방법으로 구하고 서로 검증할 수 있습니다. 04강에서는 03.5의
# 역전파를 자동으로 하게 만듭니다.
