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
# # Lesson 03 · Derivatives · 도함수
#
# Lessons 01 and 02 built tensors and the graph that records how a result was computed. An
# autograd engine exists to answer one question about that graph: *if I nudge an input, how much
# does the output move?* That number is the derivative. In this lesson we compute it three ways:
#
# 1. **numerically**, by actually nudging the input and measuring (simple, slow, a little inaccurate);
# 2. **analytically**, with the rules from calculus (exact, fast);
# 3. **with the chain rule**, through a chain of operations, by hand, exactly as `backward()` does.
#
# We end by checking the engine's derivatives against numerical ones with `gradcheck`, the tool every
# later lesson uses to test a new operation. An optional last section measures how small the step of
# a numerical derivative should be.
#
# 01·02강에서는 텐서와, 결과가 어떻게 계산되었는지 기록하는 그래프를 만들었습니다. autograd(자동 미분 엔진)가
# 하는 일은 결국 이 그래프에 대한 질문 하나에 답하는 것입니다. *입력을 살짝 바꾸면 출력은 얼마나 움직이는가?*
# 이 값이 바로 미분값입니다. 이번 강의에서는 이 값을 세 가지 방법으로 구합니다.
#
# 1. **수치적으로**: 입력을 실제로 조금 움직여 보고 출력의 변화를 잽니다 (간단하지만 느리고, 조금 부정확합니다).
# 2. **해석적으로**: 미적분의 규칙을 써서 구합니다 (정확하고 빠릅니다).
# 3. **연쇄 법칙으로**: 여러 연산이 이어진 계산을 손으로 따라가며 구합니다. `backward()`가 하는 일과 똑같습니다.
#
# 마지막에는 `gradcheck`로 엔진이 낸 미분값을 수치 미분(numerical differentiation)과 비교합니다. 앞으로 새 연산을 만들 때마다
# 쓰게 될 도구입니다. 끝의 선택 절에서는 수치 미분의 간격을 얼마나 작게 잡아야 하는지 직접 재 봅니다.

# %%
import inspect
import warnings

import matplotlib.pyplot as plt
import numpy as np

import minigrad
import minigrad as torch  # the same API as PyTorch
from minigrad.viz import draw_graph
from minigrad_course.fonts import use_korean_font

use_korean_font()
np.set_printoptions(precision=6, suppress=False)

# %% [markdown]
# ## What a derivative is · 도함수란
#
# The derivative of $f$ at $x$ is the limit of the slope between two nearby points:
#
# $$f'(x) = \lim_{h \to 0} \frac{f(x + h) - f(x)}{h}.$$
#
# Read it as a rate: near $x$, moving the input by a small $h$ moves the output by about $f'(x)\,h$.
# The function $x \mapsto f'(x)$ is the derivative function; its value at one point is one number.
# Take $f(x) = x^3 - 2x$ at $x = 1.5$ and shrink $h$:
#
# $x$에서 $f$의 미분값은 가까운 두 점 사이 평균 변화율(두 점을 잇는 직선이 얼마나 가파른지)의 극한입니다.
#
# $$f'(x) = \lim_{h \to 0} \frac{f(x + h) - f(x)}{h}.$$
#
# 변화율로 읽으면 됩니다. $x$ 근처에서 입력을 작은 $h$만큼 움직이면 출력은 대략 $f'(x)\,h$만큼 움직입니다.
# $x \mapsto f'(x)$라는 함수를 도함수(derivative)라 하고, 한 점에서의 값은 미분값이라고 부릅니다.
# $f(x) = x^3 - 2x$를 $x = 1.5$에서 살펴보며 $h$를 줄여 봅시다.

# %%
def f(x):
    return x**3 - 2 * x

x0 = 1.5
for h in [1e-1, 1e-2, 1e-3, 1e-4]:
    slope = (f(x0 + h) - f(x0)) / h
    print(f"h = {h:.0e}   (f(x+h) - f(x)) / h = {slope:.6f}")

# %% [markdown]
# The slopes settle towards 4.75. Calculus says why: the derivative of $x^3 - 2x$ is $3x^2 - 2$,
# and $3 \cdot 1.5^2 - 2 = 4.75$. Each printed slope is too big by roughly $4.5\,h$: the error
# shrinks in proportion to $h$.
#
# 평균 변화율이 4.75에 가까워집니다. 미적분으로 이유를 알 수 있습니다. $x^3 - 2x$의 도함수는 $3x^2 - 2$이고,
# $3 \cdot 1.5^2 - 2 = 4.75$입니다. 출력된 값은 각각 대략 $4.5\,h$만큼 큽니다. 즉 오차가 $h$에 비례해 줄어듭니다.

# %% [markdown]
# ## Forward and central differences · 전진 차분과 중앙 차분
#
# Computing a derivative from function values is called numerical differentiation. The formula
# above, with a small but finite $h$, is the **forward difference**. Taylor's theorem tells us its
# error:
#
# $$\frac{f(x+h) - f(x)}{h} = f'(x) + \tfrac{h}{2} f''(x) + O(h^2).$$
#
# Stepping to both sides and dividing by $2h$ gives the **central difference**. The $f''$ terms of
# the two sides cancel, so the error is one order smaller:
#
# $$\frac{f(x+h) - f(x-h)}{2h} = f'(x) + \tfrac{h^2}{6} f'''(x) + O(h^4).$$
#
# 함숫값만으로 미분을 계산하는 것을 수치 미분이라고 합니다. 위 식에서 $h$를 0으로 보내지 않고
# 작은 값으로 고정한 것이 **전진 차분**(forward difference)입니다. 테일러 정리로 오차를 알 수 있습니다.
#
# $$\frac{f(x+h) - f(x)}{h} = f'(x) + \tfrac{h}{2} f''(x) + O(h^2).$$
#
# 양쪽으로 한 걸음씩 가서 $2h$로 나누면 **중앙 차분**(central difference)이 됩니다. 양쪽의 $f''$ 항이 서로 상쇄되어
# 오차가 한 차수 작아집니다.
#
# $$\frac{f(x+h) - f(x-h)}{2h} = f'(x) + \tfrac{h^2}{6} f'''(x) + O(h^4).$$

# %%
def forward_difference(f, x, h):
    return (f(x + h) - f(x)) / h

def central_difference(f, x, h):
    return (f(x + h) - f(x - h)) / (2 * h)

exact = 3 * x0**2 - 2
print("   h      forward error   central error")
for h in [1e-1, 1e-2, 1e-3]:
    fwd = abs(forward_difference(f, x0, h) - exact)
    cen = abs(central_difference(f, x0, h) - exact)
    print(f"{h:.0e}   {fwd:.3e}       {cen:.3e}")

# %% [markdown]
# Dividing $h$ by 10 divides the forward error by 10 and the central error by 100. For this cubic,
# $f''' = 6$, so the central error is exactly $h^2$ (1e-2, 1e-4, 1e-6 above, up to rounding).
#
# $h$를 10으로 나누면 전진 차분의 오차는 10분의 1로, 중앙 차분의 오차는 100분의 1로 줄어듭니다. 이 3차 함수는
# $f''' = 6$이어서 중앙 차분의 오차가 정확히 $h^2$입니다 (위의 1e-2, 1e-4, 1e-6, 반올림 오차 범위 안에서).

# %% [markdown]
# In practice: use the central difference, in `float64`, with $h$ around $10^{-6}$. Smaller is *not*
# better, because the computer rounds every number it stores; the optional section at the end of this
# lesson measures why. `gradcheck`, later in this lesson, follows that rule.
#
# Numerical differentiation has a second problem: cost. It needs two evaluations of the loss per
# input, so a network with a million parameters would need two million evaluations to get its
# million derivatives once. Autograd gets all of them at once, with analytic derivatives, for the
# cost of a few evaluations.
#
# 실전에서는 중앙 차분을 `float64`로, $h$는 $10^{-6}$ 근처로 두고 쓰세요. $h$는 작을수록 좋은 것이 *아닙니다*.
# 컴퓨터는 저장하는 수를 모두 반올림하기 때문인데, 그 이유는 이 강의 끝의 선택 절에서 직접 재 봅니다. 뒤에서 볼
# `gradcheck`도 이 규칙을 따릅니다.
#
# 수치 미분에는 두 번째 문제도 있습니다. 바로 비용입니다. 입력 하나마다 손실(loss)을 두 번씩 계산해야 하므로,
# 매개변수(parameter)가 백만 개인 신경망이라면 백만 개의 미분값을 한 번 구하는 데 손실을 이백만 번 계산해야 합니다.
# autograd는 해석적 도함수를 써서 이 미분값을 한꺼번에, 손실을 몇 번 계산하는 정도의 비용으로 모두 구합니다.

# %% [markdown]
# ## Analytic derivatives · 해석적 도함수
#
# A handful of rules cover most elementwise operations; the backward of each operator in lesson 05 is
# one line of this table (matrix products, maximum and convolution get their own rules later):
#
# | $f(x)$ | $f'(x)$ | | $f(x)$ | $f'(x)$ |
# |---|---|---|---|---|
# | $c$ | $0$ | | $e^x$ | $e^x$ |
# | $x^n$ | $n x^{n-1}$ | | $\ln x$ | $1/x$ |
# | $\sin x$ | $\cos x$ | | $\tanh x$ | $1 - \tanh^2 x$ |
# | $u + v$ | $u' + v'$ | | $u \cdot v$ | $u'v + uv'$ |
# | $u / v$ | $(u'v - uv') / v^2$ | | $a^x$ | $a^x \ln a$ |
#
# Let us check three of them against central differences in `float64`, at several points at once
# (NumPy applies the formulas elementwise).
#
# 몇 가지 규칙만 알면 원소별 연산 대부분을 미분할 수 있습니다. 05강에서 만드는 연산자마다 역전파가 이 표의 한 줄입니다
# (행렬 곱, 최댓값, 합성곱의 규칙은 뒤에서 따로 다룹니다).
#
# (표는 위와 같습니다.)
#
# 이 중 세 가지를 `float64` 중앙 차분과 비교해 봅시다. NumPy가 원소별로 계산하므로 여러 점에서 한꺼번에 확인할 수 있습니다.

# %%
xs = np.array([-2.0, -0.5, 0.3, 1.0, 2.5])
rules = {
    "x**3 - 2x": (f, lambda x: 3 * x**2 - 2),
    "sin x": (np.sin, np.cos),
    "tanh x": (np.tanh, lambda x: 1 - np.tanh(x)**2),
}
for name, (fn, dfn) in rules.items():
    gap = np.max(np.abs(dfn(xs) - central_difference(fn, xs, 1e-5)))
    print(f"{name:10s} largest gap to the central difference: {gap:.1e}")

# %% [markdown]
# Gaps of $10^{-10}$ or less: the rules are right (and $h = 10^{-5}$, near the best $h$ for `float64`
# central differences, gives about 10 correct digits).
#
# 차이가 $10^{-10}$ 이하입니다. 규칙이 맞습니다 (`float64` 중앙 차분에서 최적에 가까운 $h = 10^{-5}$를 쓰면
# 유효 숫자 10자리 정도가 맞습니다).

# %% [markdown] tags=["glossary-exempt"]
# ## The tangent line · 접선
#
# The derivative has a picture: the line through $(a, f(a))$ with slope $f'(a)$,
#
# $$y = f(a) + f'(a)\,(x - a),$$
#
# is the tangent line, the straight line that best matches $f$ near $a$. "Moving $x$ by $h$ moves
# $f$ by about $f'(a)\,h$" is the statement that $f$ and its tangent line agree near $a$.
#
# 미분값은 그림으로도 볼 수 있습니다. 점 $(a, f(a))$를 지나고 기울기(slope)가 $f'(a)$인 직선을 접선이라고 합니다.
#
# $$y = f(a) + f'(a)\,(x - a)$$
#
# 접선은 $a$ 근처에서 $f$와 가장 잘 맞는 직선입니다. "$x$를 $h$만큼 움직이면 $f$는 대략 $f'(a)\,h$만큼 움직인다"는
# 말은 $a$ 근처에서 $f$와 접선이 거의 같다는 뜻입니다.

# %% tags=["glossary-exempt"]
def df(x):
    return 3 * x**2 - 2

grid = np.linspace(-2.2, 2.2, 200)
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(grid, f(grid), color="black", label=r"$f(x) = x^3 - 2x$")
for a, color in [(-1.5, "tab:red"), (0.0, "tab:green"), (1.5, "tab:blue")]:
    near = np.linspace(a - 0.8, a + 0.8, 2)
    ax.plot(near, f(a) + df(a) * (near - a), color=color,
            label=f"tangent at a = {a}, slope {df(a):.2f} · 접선, 기울기 {df(a):.2f}")
    ax.plot([a], [f(a)], "o", color=color)
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_title("A function and its tangent lines · 함수와 접선")
ax.set_ylim(-6, 6)
ax.grid(True, alpha=0.3)
ax.legend(loc="lower right", fontsize=8)
plt.show()

# %% [markdown] tags=["glossary-exempt"]
# At $a = 0$ the function falls (slope −2); at $a = \pm 1.5$ it rises steeply (slope 4.75). Near
# each point, the curve and its line are hard to tell apart.
#
# $a = 0$에서 함수는 내려가고(기울기 −2), $a = \pm 1.5$에서는 가파르게 올라갑니다(기울기 4.75). 각 점 근처에서는
# 곡선과 직선을 거의 구별할 수 없습니다.

# %% [markdown] tags=["glossary-exempt"]
# ## Many inputs: the gradient · 입력이 여러 개일 때: 변화도
#
# A loss depends on many inputs. Nudging one input while holding the others fixed gives a
# partial derivative, $\partial f / \partial x_i$. All of them together, arranged in the shape of
# the input, form the **gradient**. Korean texts use two words for it; this course, like the Korean
# PyTorch tutorials, uses one: 변화도. (The slope of a line or a tangent, above, stays 기울기 in
# Korean: for a single input the gradient is that slope, but in general it is a whole tensor of them.)
#
# For $g(x, y) = x^2 y + \sin y$: $\partial g / \partial x = 2xy$ and
# $\partial g / \partial y = x^2 + \cos y$. minigrad computes both with one `backward()` call and
# stores them in `.grad` (lesson 04 shows how):
#
# 손실은 많은 입력에 의존합니다. 다른 입력은 고정하고 하나만 움직였을 때의 미분을 편미분(partial derivative)
# $\partial f / \partial x_i$라고 합니다. 편미분을 입력과 같은 모양으로 모두 모아 놓은 것이 **변화도(gradient)** 입니다.
# 한국어 자료에서는 기울기라는 말도 많이 쓰지만, 이 강의는 한국어 PyTorch 튜토리얼처럼 앞으로 변화도라고만 부릅니다.
# (위에서 본 직선이나 접선의 slope는 그대로 "기울기"라고 부릅니다. 입력이 하나라면 변화도가 곧 그 기울기이지만, 일반적으로
# 변화도는 그런 값들을 모은 텐서 전체입니다.)
#
# $g(x, y) = x^2 y + \sin y$라면 $\partial g / \partial x = 2xy$, $\partial g / \partial y = x^2 + \cos y$입니다.
# minigrad는 `backward()` 한 번으로 둘 다 계산해 `.grad`에 넣습니다 (어떻게 하는지는 04강에서 봅니다).

# %%
x = torch.tensor(1.5, requires_grad=True)
y = torch.tensor(2.0, requires_grad=True)
g = x**2 * y + torch.sin(y)
g.backward()
print("autograd:", x.grad, y.grad)
print("by hand: ", 2 * 1.5 * 2.0, 1.5**2 + np.cos(2.0))

# %% [markdown]
# The same numbers. A tensor prints 4 decimal places, as in PyTorch; the value itself is a
# `float32`, good to about 7 significant digits.
#
# 같은 값입니다. 텐서는 PyTorch처럼 소수점 아래 네 자리까지만 출력하며, 값 자체는 유효 숫자 7자리 정도인 `float32`입니다.

# %% [markdown]
# ## The chain rule · 연쇄 법칙
#
# Real computations are chains of simple steps. If $y$ depends on $x$ and $z$ depends on $y$, the
# rates multiply:
#
# $$\frac{dz}{dx} = \frac{dz}{dy}\,\frac{dy}{dx}.$$
#
# Think of gears: if $y$ turns twice as fast as $x$ and $z$ three times as fast as $y$, then $z$
# turns six times as fast as $x$. This is the chain rule, and it is all that backpropagation is.
#
# Example: $y = 2x$, $z = y^2$. Then $dy/dx = 2$ and $dz/dy = 2y$, so
# $dz/dx = 2y \cdot 2 = 4y = 8x$. At $x = 1$ that is 8. First by hand, on plain NumPy arrays:
#
# 실제 계산은 간단한 단계가 사슬처럼 이어진 것입니다. $y$가 $x$에 의존하고 $z$가 $y$에 의존하면 변화율은 곱해집니다.
#
# $$\frac{dz}{dx} = \frac{dz}{dy}\,\frac{dy}{dx}.$$
#
# 톱니바퀴를 떠올려 보세요. $y$가 $x$보다 두 배 빨리 돌고 $z$가 $y$보다 세 배 빨리 돌면, $z$는 $x$보다 여섯 배 빨리 돕니다.
# 이것이 연쇄 법칙(chain rule)이고, 역전파도 결국 이것이 전부입니다.
#
# 예: $y = 2x$, $z = y^2$. $dy/dx = 2$, $dz/dy = 2y$이므로 $dz/dx = 2y \cdot 2 = 4y = 8x$이고, $x = 1$에서는 8입니다.
# 먼저 평범한 NumPy 배열로 손으로 계산해 봅시다.

# %%
x_np = np.ones((2, 2))
y_np = x_np * 2
dz_dy = 2 * y_np  # local derivative of y**2
dy_dx = 2.0       # local derivative of 2*x
print(dz_dy * dy_dx)

# %% [markdown]
# Now the engine. Here is the chain-rule example of a Korean blog post on PyTorch autograd, run on minigrad; the
# output is what PyTorch prints. `z` has four elements, and `backward()` needs a single number to start from,
# so we sum first: the sum passes a derivative of 1 back to each element (lesson 06 explains
# backward on non-scalars).
#
# 이제 엔진으로 계산해 봅시다. 아래는 PyTorch autograd를 다룬 한국어 블로그 글의 연쇄 법칙 예제를 minigrad로 실행한 것으로,
# 출력도 PyTorch와 똑같습니다. `z`는 원소가 네 개인데 `backward()`는 하나의 수에서 시작해야 하므로 먼저 더합니다. 합은 각 원소에 미분값 1을 돌려보냅니다
# (스칼라가 아닌 텐서의 역전파는 06강에서 다룹니다).

# %%
x = torch.ones(2, 2, requires_grad=True)
print(x)
y = x * 2
z = y * y

# dz/dx = dz/dy * dy/dx = 2y * 2 = 8x
z.sum().backward()
print(x.grad)

# %% [markdown]
# Eight everywhere, as derived. The graph of `z` shows the chain the gradient flowed back through,
# right to left: `z = y * y` (two arrows, because `y` is used twice), then `y = x * 2`, then the leaf
# `x` (blue), which now shows its `grad`. The intermediate tensors (green) show no `grad`: more on
# that in the next example.
#
# 유도한 대로 모두 8입니다. `z`의 그래프에서 변화도가 거슬러 흐른 사슬을 오른쪽에서 왼쪽으로 따라가 보세요.
# `z = y * y`(`y`를 두 번 쓰므로 화살표가 두 개), `y = x * 2`를 지나 잎(leaf) 텐서 `x`(파란색)에 도착하며, `x`에는 이제
# `grad`가 표시됩니다. 중간 텐서(초록색)에는 `grad`가 없습니다. 이유는 다음 예제에서 봅니다.

# %%
draw_graph(z, params={"x": x, "y": y, "z": z})

# %% [markdown]
# ## A backward pass by hand · 손으로 하는 역전파
#
# Another example from the Korean notes this course grew from follows a longer chain, `a -> b -> c -> out`:
#
# $$b = a + 2, \qquad c = b^2, \qquad out = \textstyle\sum c.$$
#
# With $a$ a 2×2 tensor of ones, the forward pass gives $b = 3$, $c = 9$, $out = 36$. The backward
# pass walks the chain from the end, multiplying by one local derivative per step:
#
# | step | local derivative | gradient so far |
# |---|---|---|
# | start | | $\partial out / \partial out = 1$ |
# | $out = \sum c$ | $\partial out / \partial c = 1$ | $\partial out / \partial c = 1$ |
# | $c = b^2$ | $\partial c / \partial b = 2b = 6$ | $\partial out / \partial b = 1 \cdot 6 = 6$ |
# | $b = a + 2$ | $\partial b / \partial a = 1$ | $\partial out / \partial a = 6 \cdot 1 = 6$ |
#
# 이 강의의 바탕이 된 한국어 자료의 또 다른 예제는 더 긴 사슬 `a -> b -> c -> out`입니다.
#
# $$b = a + 2, \qquad c = b^2, \qquad out = \textstyle\sum c.$$
#
# $a$가 1로 채운 2×2 텐서라면 순전파(forward pass) 결과는 $b = 3$, $c = 9$, $out = 36$입니다. 역전파는 사슬의 끝에서부터
# 거슬러 올라가며 단계마다 국소 미분을 하나씩 곱합니다.
#
# | 단계 | 국소 미분 | 지금까지의 변화도 |
# |---|---|---|
# | 시작 | | $\partial out / \partial out = 1$ |
# | $out = \sum c$ | $\partial out / \partial c = 1$ | $\partial out / \partial c = 1$ |
# | $c = b^2$ | $\partial c / \partial b = 2b = 6$ | $\partial out / \partial b = 1 \cdot 6 = 6$ |
# | $b = a + 2$ | $\partial b / \partial a = 1$ | $\partial out / \partial a = 6 \cdot 1 = 6$ |

# %%
a_np = np.ones((2, 2))
b_np = a_np + 2
c_np = b_np**2
out_np = c_np.sum()

grad_out = 1.0                      # d out / d out
grad_c = grad_out * np.ones((2, 2))  # sum: every element gets the same gradient
grad_b = grad_c * 2 * b_np           # c = b**2
grad_a = grad_b * 1                  # b = a + 2
print("out =", out_np)
print("d out / d a =\n", grad_a)

# %% [markdown]
# Now the same chain in minigrad, printing each tensor along the way:
#
# 이제 같은 사슬을 minigrad로 계산하면서 텐서를 하나씩 출력해 봅시다.

# %%
a = torch.ones(2, 2, requires_grad=True)

b = a + 2
print(b)

c = b**2
print(c)

out = c.sum()
print(out)

out.backward()

# %% [markdown]
# After `out.backward()`, we print `.data`, `.grad` and `.grad_fn` of every tensor. Reading
# `.grad` of `b`, `c` or `out` makes the engine (and PyTorch) issue a `UserWarning`, because those
# are not leaves. We catch the warnings to read them below instead of letting them spill into the
# output.
#
# `out.backward()` 뒤에 모든 텐서의 `.data`, `.grad`, `.grad_fn`을 출력합니다. `b`, `c`, `out`의 `.grad`를
# 읽으면 엔진이 (PyTorch도) `UserWarning`을 냅니다. 이 텐서들은 잎 텐서가 아니기 때문입니다. 경고가 출력에 섞이지 않도록
# 붙잡아 두었다가 아래에서 읽어 봅니다.

# %%
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for name, t in [("a", a), ("b", b), ("c", c), ("out", out)]:
        print(f"============ {name} ==============")
        print(t.data)
        print(t.grad)
        print(t.grad_fn)

# %% [markdown]
# * `a` is the leaf: `a.grad` is 6 everywhere, our hand result, and `a.grad_fn` is `None` because
#   nobody computed `a`.
# * `b`, `c`, `out` were computed, so each has a `grad_fn` (the node that made it: `AddBackward0`,
#   `PowBackward0`, `SumBackward0`), but their `.grad` is `None`. The engine passed gradients
#   *through* them without storing them: only leaves keep `.grad`, since those are the parameters we
#   want to update. This saves memory in large networks.
#
# That is what the three warnings say:
#
# * `a`는 잎 텐서입니다. `a.grad`는 손으로 구한 대로 모두 6이고, `a`를 계산한 연산이 없으므로 `a.grad_fn`은 `None`입니다.
# * `b`, `c`, `out`은 계산된 텐서이므로 자신을 만든 노드(node)를 `grad_fn`으로 가집니다 (`AddBackward0`, `PowBackward0`,
#   `SumBackward0`). 하지만 `.grad`는 `None`입니다. 엔진은 변화도를 이 텐서들을 *거쳐* 전달할 뿐 저장하지 않습니다.
#   `.grad`는 잎 텐서에만 남습니다. 우리가 갱신하려는 매개변수가 잎 텐서이기 때문이며, 큰 신경망에서는 메모리도 아낍니다.
#
# 세 개의 경고가 말하는 내용이 바로 이것입니다.

# %%
print(len(caught), "warnings, all", {w.category.__name__ for w in caught})
print(str(caught[0].message).split(". ")[0] + ".")

# %% [markdown]
# That is the warning's first sentence. The rest of it names the way out, `.retain_grad()`, which
# lesson 04 uses (PyTorch also appends the C++ file that raised it).
#
# 경고의 첫 문장입니다. 나머지 부분에는 해결 방법인 `.retain_grad()`가 나와 있으며, 04강에서 사용합니다(PyTorch는 경고를
# 낸 C++ 파일 위치도 덧붙입니다).

# %% [markdown]
# ## Checking gradients: gradcheck · 변화도 검사: gradcheck
#
# Every backward rule we write from now on will be tested the same way: compare what autograd
# computes with central differences. `minigrad.autograd.gradcheck` does that for every element of
# every input that requires grad. Here is its source, straight from the package:
#
# 앞으로 만드는 모든 역전파 규칙은 같은 방법으로 검사합니다. autograd가 계산한 값을 중앙 차분과 비교하는 것입니다.
# `minigrad.autograd.gradcheck`는 `requires_grad`인 모든 입력의 모든 원소에 대해 이 비교를 합니다. 패키지의 소스를 그대로
# 보여 드립니다.

# %%
import importlib

# (minigrad.autograd.gradcheck is also the name of the function, so we ask importlib for the module)
gradcheck_module = importlib.import_module("minigrad.autograd.gradcheck")

print(inspect.getsource(gradcheck_module))

# %% [markdown]
# Three things to notice:
#
# * `numerical_jacobian` nudges one element at a time by `eps = 1e-6` in both directions: our
#   `central_difference`, applied to each element.
# * `analytical_jacobian` runs backward once per output element, each time starting from a one-hot
#   gradient (lesson 06 explains this `backward(gradient=...)` form).
# * `gradcheck` warns when an input is not `float64` (the optional section at the end shows why).
#
# Let us check some functions in `float64`, including the two chains above:
#
# 눈여겨볼 점이 세 가지 있습니다.
#
# * `numerical_jacobian`은 원소를 하나씩 `eps = 1e-6`만큼 양쪽으로 움직입니다. 원소마다 적용한 `central_difference`입니다.
# * `analytical_jacobian`은 출력 원소마다 한 번씩 역전파를 하며, 그때마다 원-핫 변화도에서 시작합니다
#   (`backward(gradient=...)` 형태는 06강에서 설명합니다).
# * `gradcheck`는 입력이 `float64`가 아니면 경고합니다(이유는 끝의 선택 절에서 봅니다).
#
# 위의 두 사슬을 포함해 몇 가지 함수를 `float64`로 검사해 봅시다.

# %%
from minigrad.autograd import gradcheck

torch.manual_seed(0)
x64 = torch.randn(2, 2, dtype=torch.float64, requires_grad=True)
y64 = torch.randn(2, 2, dtype=torch.float64, requires_grad=True)

print(gradcheck(lambda t: (t * 2) * (t * 2), (x64,)))        # z = y*y, y = 2x
print(gradcheck(lambda t: ((t + 2) ** 2).sum(), (x64,)))     # out = sum((a + 2)**2)
print(gradcheck(lambda s, t: s**2 * t + torch.sin(t), (x64, y64)))  # g(x, y)

# %% [markdown]
# `True` three times. A check is only worth something if it can fail, so here is a deliberately wrong
# backward: a square function whose backward forgets the factor 2 (writing a `Function` was lesson
# 02). With `raise_exception=False`, `gradcheck` returns `False`; by default it raises a
# `GradcheckError` that prints both Jacobians (the tables of partial derivatives, numerical and
# analytic); we show its first line.
#
# 세 번 모두 `True`입니다. 검사는 실패할 수 있어야 의미가 있으니, 일부러 틀린 역전파를 만들어 봅시다. 역전파에서
# 2를 곱하는 것을 잊은 제곱 함수입니다 (`Function` 작성은 02강에서 다뤘습니다). `raise_exception=False`를 주면
# `gradcheck`가 `False`를 돌려주고, 주지 않으면 `GradcheckError`를 일으킵니다. 이 오류의 메시지에는 수치 미분과
# 해석적 미분으로 구한 편미분 표, 곧 두 야코비안 행렬(Jacobian)이 담기는데, 여기서는 첫 줄만 출력합니다.

# %%
class BadSquare(minigrad.autograd.Function):  # written exactly as for torch.autograd.Function
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * x  # wrong: d(x*x)/dx is 2x

print(gradcheck(BadSquare.apply, (x64,), raise_exception=False))
try:
    gradcheck(BadSquare.apply, (x64,))
except RuntimeError as err:  # GradcheckError is a RuntimeError, in PyTorch too
    print(f"{type(err).__name__}: {str(err).splitlines()[0]}")

# %% [markdown]
# ## Going deeper (optional): how small should h be? · 더 깊이 (선택): h는 얼마나 작아야 할까
#
# This section can be skipped on a first reading. The formulas suggest making $h$ as small as possible. But a computer stores numbers with a fixed
# number of digits: about 7 significant digits in `float32` (the default dtype of minigrad and
# PyTorch) and about 16 in `float64`. $f(x+h)$ and $f(x)$ are then each off by about
# $\varepsilon\,|f(x)|$, where $\varepsilon$ is the machine epsilon of the dtype, and their
# difference, divided by a tiny $h$, magnifies that **rounding error** as $\varepsilon / h$.
# Two errors pull in opposite directions:
#
# * truncation error (the Taylor terms we dropped) grows with $h$: like $h$ (forward) or $h^2$ (central);
# * rounding error grows as $h$ shrinks: like $\varepsilon / h$.
#
# Let us measure both for $f = \sin$ at $x = 1$ (exact derivative $\cos 1$), over $h$ from $10^{-15}$
# to $1$, in both dtypes.
#
# 처음 읽을 때는 이 절을 건너뛰어도 됩니다. 식만 보면 $h$를 최대한 작게 하면 될 것 같습니다. 하지만 컴퓨터는 정해진 자릿수로만 수를 저장합니다.
# `float32`(minigrad와 PyTorch의 기본 dtype)는 유효 숫자 약 7자리, `float64`는 약 16자리입니다.
# 그래서 $f(x+h)$와 $f(x)$는 각각 $\varepsilon\,|f(x)|$ 정도씩 틀려 있고($\varepsilon$은 그 dtype의 머신 엡실론),
# 두 값의 차를 아주 작은 $h$로 나누면 이 **반올림 오차**가 $\varepsilon / h$ 정도로 커집니다. 두 오차는 서로 반대 방향으로 움직입니다.
#
# * 절단 오차(테일러 전개에서 버린 항)는 $h$가 커질수록 커집니다. 전진 차분은 $h$에, 중앙 차분은 $h^2$에 비례합니다.
# * 반올림 오차는 $h$가 작아질수록 커집니다. $\varepsilon / h$에 비례합니다.
#
# $f = \sin$, $x = 1$ (정확한 미분값은 $\cos 1$)에서 $h$를 $10^{-15}$부터 $1$까지 바꿔 가며 두 dtype 모두로 재 봅시다.

# %%
hs = np.logspace(-15, 0, 61)  # 61 step sizes, 4 per decade
exact = np.cos(1.0)

def errors(difference, dtype):
    x = dtype(1.0)
    return np.array([abs(float(difference(np.sin, x, dtype(h))) - exact) for h in hs])

curves = {(name, dtype): errors(diff, dtype)
          for name, diff in [("forward", forward_difference), ("central", central_difference)]
          for dtype in (np.float32, np.float64)}

fig, ax = plt.subplots(figsize=(7, 4.5))
styles = {np.float32: "--", np.float64: "-"}
colors = {"forward": "tab:orange", "central": "tab:blue"}
labels = {"forward": "forward · 전진 차분", "central": "central · 중앙 차분"}
for (name, dtype), err in curves.items():
    ax.loglog(hs, np.maximum(err, 1e-17), styles[dtype], color=colors[name],
              label=f"{labels[name]}, {np.dtype(dtype).name}")
ax.set_xlabel("step h · 간격 h")
ax.set_ylabel("error |estimate - cos 1| · 오차 |근삿값 - cos 1|")
ax.set_title("Truncation vs rounding error · 절단 오차 대 반올림 오차")
ax.set_ylim(1e-17, 10)
ax.grid(True, which="major", alpha=0.3)
ax.legend(loc="lower right", fontsize=9)
plt.show()

# %% [markdown] tags=["glossary-exempt"]
# Every curve is a **V**. Right of the bottom, truncation error dominates: straight lines of slope 1
# (forward) and slope 2 (central) on log-log axes. Left of the bottom, rounding error dominates: a
# ragged line of slope −1, the same for both formulas. On the far left of the `float32` curves,
# $x + h$ rounds to $x$, the difference is 0 and the error stays at $\cos 1 \approx 0.54$.
#
# Balancing the two errors predicts the best $h$: about $\sqrt{\varepsilon}$ for the forward
# difference and about $\sqrt[3]{\varepsilon}$ for the central one. The measurements agree:
#
# 모든 곡선이 **V** 모양입니다. 바닥의 오른쪽은 절단 오차가 지배합니다. 로그-로그 축에서 기울기가 1(전진 차분)과
# 2(중앙 차분)인 직선입니다. 바닥의 왼쪽은 반올림 오차가 지배합니다. 두 공식 모두 기울기가 −1인 들쭉날쭉한 선입니다.
# `float32` 곡선의 맨 왼쪽에서는 $x + h$가 반올림되어 $x$와 같아지므로 차가 0이 되고, 오차는 $\cos 1 \approx 0.54$에 머뭅니다.
#
# 두 오차가 같아지는 곳을 계산하면 가장 좋은 $h$를 예측할 수 있습니다. 전진 차분은 약 $\sqrt{\varepsilon}$,
# 중앙 차분은 약 $\sqrt[3]{\varepsilon}$입니다. 측정값도 그렇게 나옵니다.

# %%
for (name, dtype), err in curves.items():
    eps = np.finfo(dtype).eps
    predicted = np.sqrt(eps) if name == "forward" else np.cbrt(eps)
    best = np.argmin(err)
    print(f"{name:8s} {np.dtype(dtype).name}:  best h = {hs[best]:.0e} "
          f"(predicted {predicted:.0e}),  smallest error = {err[best]:.0e}")

# %% [markdown]
# Hence the rule of thumb used above. Prefer the central difference. And check derivatives in
# `float64`: in `float32` even the best central difference is only good to about 6 digits, too coarse
# to catch a small mistake in a backward rule.
#
# 앞에서 쓴 경험칙은 여기서 나옵니다. 중앙 차분을 쓰세요. 그리고 도함수를 검사할 때는 `float64`를 쓰세요. `float32`에서는
# 가장 좋은 중앙 차분도 유효 숫자 6자리 정도밖에 맞지 않아서, 역전파(backpropagation) 규칙의 작은 실수를 잡아내기에는
# 너무 거칩니다.

# %% [markdown] tags=["glossary-exempt"]
# ## Summary · 정리
#
# * The derivative is the rate at which the output moves when the input moves; geometrically, the
#   slope of the tangent line.
# * Numerical differentiation: the central difference $\frac{f(x+h)-f(x-h)}{2h}$ has error $O(h^2)$,
#   the forward difference $O(h)$. Check in `float64` with $h$ near $10^{-6}$ (too small an $h$
#   brings rounding error back: the V of the optional section).
# * Analytic derivatives come from a few rules; the chain rule multiplies local derivatives along a
#   chain (`dz/dx = 2y · 2 = 8x`).
# * `backward()` does the same walk from the output back to the leaves; only leaves keep `.grad`.
# * `gradcheck` compares autograd with central differences: the test for every new operation.
#
# **Next, lesson 04:** we automate the backward pass. What if a tensor is used twice, as `y` was in
# `y * y`? In which order must the nodes be visited? Why does a second `backward()` sometimes fail?
#
# * 미분값은 입력이 움직일 때 출력이 움직이는 비율이며, 그림으로는 접선의 기울기입니다.
# * 수치 미분: 중앙 차분 $\frac{f(x+h)-f(x-h)}{2h}$의 오차는 $O(h^2)$, 전진 차분은 $O(h)$입니다. $h$가 너무 작으면
#   반올림 오차가 다시 커집니다(선택 절의 V 모양). 검사는 `float64`에서 $h$를 $10^{-6}$ 근처로 두고 합니다.
# * 해석적 도함수는 몇 가지 규칙으로 구하고, 연쇄 법칙은 사슬을 따라 국소 미분을 곱합니다 (`dz/dx = 2y · 2 = 8x`).
# * `backward()`도 출력에서 잎 텐서까지 같은 길을 거슬러 갑니다. `.grad`는 잎 텐서에만 남습니다.
# * `gradcheck`는 autograd를 중앙 차분과 비교합니다. 새 연산을 만들 때마다 쓰는 검사입니다.
#
# **다음 04강:** 역전파를 자동화합니다. `y * y`의 `y`처럼 한 텐서가 두 번 쓰이면 어떻게 될까요? 노드는 어떤 순서로
# 방문해야 할까요? 두 번째 `backward()`는 왜 가끔 실패할까요?
