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
# # Lesson 06 · Vector-Jacobian products · 벡터-야코비안 곱
#
# So far every `backward()` started from a single number: a loss, or a `.sum()` we added to get
# one. Call it on a vector and minigrad, like PyTorch, refuses. This lesson explains why, and what
# `backward(gradient=v)` computes instead:
#
# 1. the **Jacobian**, the table of every partial derivative of a vector function, built two ways:
#    numerically with central differences, and row by row with one-hot gradients;
# 2. `backward(gradient=v)` computes the **vector-Jacobian product** $v^\top J$ without ever building
#    $J$, and why that is the cheap direction for training;
# 3. the rules that follow: `gradient` is a tensor with the output's shape, `Q.sum().backward()` is
#    `Q.backward(torch.ones_like(Q))`, `out.backward()` is `out.backward(torch.tensor(1.))`, and `v`
#    weights the outputs.
#
# Along the way we run the examples of the PyTorch tutorial and of a Korean blog post about it (whose
# comment records a wrong answer), and read the engine's code that starts the backward pass.
#
# 지금까지 `backward()`는 언제나 수 하나에서 출발했습니다. 손실(loss)이거나, 수 하나를 얻으려고 덧붙인 `.sum()`이었지요.
# 벡터에 대해 호출하면 minigrad는 PyTorch처럼 거부합니다. 이번 강의에서는 그 이유와, 대신 `backward(gradient=v)`가 무엇을
# 계산하는지 알아봅니다.
#
# 1. 벡터 함수의 모든 편미분을 모은 표인 **야코비안 행렬**(Jacobian)을 두 가지 방법으로 만듭니다. 한 번은 중앙 차분으로
#    수치적으로, 또 한 번은 원-핫 변화도로 한 행씩 만듭니다.
# 2. `backward(gradient=v)`는 $J$를 만들지 않고 **벡터-야코비안 곱**(vector-Jacobian product) $v^\top J$를 계산합니다.
#    이것이 왜 학습에 유리한 방향인지 살펴봅니다.
# 3. 여기서 따라 나오는 규칙들: `gradient`는 출력과 모양(shape)이 같은 텐서여야 하고, `Q.sum().backward()`는
#    `Q.backward(torch.ones_like(Q))`와, `out.backward()`는 `out.backward(torch.tensor(1.))`과 같으며, `v`는 출력마다
#    가중치를 줍니다.
#
# 그 과정에서 PyTorch 튜토리얼의 예제와, 이를 다룬 한국어 블로그 글의 예제(주석에 틀린 답이 적혀 있습니다)를 실행하고,
# 역전파를 시작하는 엔진 코드를 읽습니다.

# %%
import importlib
import inspect

import numpy as np

import minigrad
import minigrad as torch  # the same API as PyTorch
from minigrad.viz import draw_graph, show_backward
from minigrad_course.errors import shows_error

np.set_printoptions(precision=4, suppress=True)

# %% [markdown]
# ## backward() wants a scalar · backward()는 스칼라를 원한다
#
# Here is the example of PyTorch's autograd tutorial: two leaf tensors `a` and `b`, and
# $Q = 3a^3 - b^2$, computed elementwise. `Q` has two elements.
#
# PyTorch autograd 튜토리얼의 예제입니다. 잎(leaf) 텐서 `a`와 `b`가 있고, $Q = 3a^3 - b^2$를 원소별로 계산합니다.
# `Q`에는 원소가 두 개 있습니다.

# %%
a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)
Q = 3*a**3 - b**2
print(Q)

# %% [markdown]
# Ask for its gradient the way lessons 03 and 04 did:
#
# 03강과 04강에서 하던 대로 변화도(gradient)를 구해 봅시다.

# %%
with shows_error(RuntimeError):
    Q.backward()

# %% [markdown]
# The error is PyTorch's, word for word. What would `a.grad` mean here? `.grad` has the shape of
# `a` and holds $\partial L / \partial a_j$ for **one** number $L$. But `Q` is two numbers, and
# each has its own derivatives with respect to `a`: $\partial Q_0 / \partial a_j$ and
# $\partial Q_1 / \partial a_j$. Four numbers, and only two places in `a.grad`. Should the engine
# add them? Keep only the first? It does not guess; it asks you to say which combination of the
# outputs you want. To see what the choices are, we first write down all the derivatives at once.
#
# (`shows_error`, as in lesson 04, prints the error the way Jupyter's last line would and lets the
# notebook go on.)
#
# 오류 메시지는 PyTorch와 한 글자도 다르지 않습니다. 여기서 `a.grad`는 무슨 뜻이어야 할까요? `.grad`는 `a`와 모양이 같고,
# **하나의** 수 $L$에 대한 $\partial L / \partial a_j$를 담습니다. 그런데 `Q`는 수 두 개이고, 각각 `a`에 대한 자기 편미분을
# 가집니다. $\partial Q_0 / \partial a_j$와 $\partial Q_1 / \partial a_j$, 모두 네 개인데 `a.grad`의 자리는 두 개뿐입니다.
# 더해야 할까요? 첫 번째만 남길까요? 엔진은 추측하지 않고, 출력을 어떻게 조합할지 여러분이 정하라고 요구합니다.
# 어떤 선택지가 있는지 보려고, 먼저 모든 편미분을 한꺼번에 적어 봅시다.
#
# (`shows_error`는 04강에서처럼 Jupyter가 마지막 줄에 보여 줄 오류를 출력하고 노트북이 계속 실행되게 합니다.)

# %% [markdown]
# ## The Jacobian · 야코비안 행렬
#
# A function $f$ from $n$ inputs to $m$ outputs has $m \cdot n$ partial derivatives. Arranged in a
# table with one row per output and one column per input, they form the **Jacobian**:
#
# $$J_{ij} = \frac{\partial y_i}{\partial x_j}, \qquad J \in \mathbb{R}^{m \times n}.$$
#
# Row $i$ is the gradient of the single output $y_i$; column $j$ says how every output reacts when
# $x_j$ moves. Our example takes $n = 3$ inputs to $m = 2$ outputs and mixes them:
#
# $$f(x) = \begin{pmatrix} x_0 x_1 \\ x_1 + x_2^2 \end{pmatrix}, \qquad
# J = \begin{pmatrix} x_1 & x_0 & 0 \\ 0 & 1 & 2x_2 \end{pmatrix}.$$
#
# At $x = (1, 2, 0.5)$ the Jacobian is $\begin{pmatrix} 2 & 1 & 0 \\ 0 & 1 & 1 \end{pmatrix}$.
# First numerically, with lesson 03's central difference applied to one input at a time, in
# `float64`. (In the code, `x[0]` is the first element of `x`, and `torch.stack` joins the two
# outputs into one vector; lesson 08 covers both.)
#
# 입력 $n$개를 받아 출력 $m$개를 내는 함수 $f$에는 편미분(partial derivative)이 $m \cdot n$개 있습니다. 출력마다 한 행,
# 입력마다 한 열로 표에 늘어놓은 것이 **야코비안 행렬**입니다.
#
# $$J_{ij} = \frac{\partial y_i}{\partial x_j}, \qquad J \in \mathbb{R}^{m \times n}.$$
#
# $i$번째 행은 출력 하나 $y_i$의 변화도이고, $j$번째 열은 $x_j$가 움직일 때 모든 출력이 어떻게 반응하는지를 알려 줍니다.
# 예제는 입력 $n = 3$개를 섞어 출력 $m = 2$개를 냅니다.
#
# $$f(x) = \begin{pmatrix} x_0 x_1 \\ x_1 + x_2^2 \end{pmatrix}, \qquad
# J = \begin{pmatrix} x_1 & x_0 & 0 \\ 0 & 1 & 2x_2 \end{pmatrix}.$$
#
# $x = (1, 2, 0.5)$에서 야코비안 행렬은 $\begin{pmatrix} 2 & 1 & 0 \\ 0 & 1 & 1 \end{pmatrix}$입니다.
# 먼저 03강의 중앙 차분(central difference)을 입력 하나씩에 적용해 `float64`로 수치적으로 구해 봅시다. (코드에서 `x[0]`은
# `x`의 첫 번째 원소이고, `torch.stack`은 두 출력을 벡터 하나로 묶습니다. 둘 다 08강에서 다룹니다.)

# %%
def f(x):  # R^3 -> R^2
    return torch.stack([x[0] * x[1], x[1] + x[2] ** 2])


def numerical_jacobian(f, x, h=1e-6):
    """J[i, j] = d f(x)[i] / d x[j] by central differences, in float64."""
    x = np.asarray(x, dtype=np.float64)
    m = f(torch.tensor(x)).numel()
    J = np.zeros((m, x.size))
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = h
        plus = f(torch.tensor(x + step)).numpy()
        minus = f(torch.tensor(x - step)).numpy()
        J[:, j] = (plus - minus) / (2 * h)  # column j: every output's reaction to x[j]
    return J


x0 = [1.0, 2.0, 0.5]
J_numerical = numerical_jacobian(f, x0)
print(J_numerical)

# %% [markdown]
# The predicted table. It took $2n = 6$ evaluations of $f$, two per input, and we will come back to
# that count.
#
# What about `Q`? Treat `a` and `b` as one input vector of 4 numbers: each $Q_i$ depends only on
# $a_i$ and $b_i$, so the two blocks of its $2 \times 4$ Jacobian are **diagonal**:
# $\mathrm{diag}(9a^2) = \mathrm{diag}(36, 81)$ and $\mathrm{diag}(-2b) = \mathrm{diag}(-12, -8)$.
# Every elementwise operation has a diagonal Jacobian.
#
# 예측한 표가 나왔습니다. 입력 하나에 두 번씩, $f$를 $2n = 6$번 계산했습니다. 이 횟수는 뒤에서 다시 봅니다.
#
# `Q`는 어떨까요? `a`와 `b`를 수 4개짜리 입력 벡터 하나로 보면, $Q_i$는 $a_i$와 $b_i$에만 의존하므로 $2 \times 4$ 야코비안
# 행렬의 두 블록은 **대각 행렬**입니다. $\mathrm{diag}(9a^2) = \mathrm{diag}(36, 81)$과
# $\mathrm{diag}(-2b) = \mathrm{diag}(-12, -8)$입니다. 원소별 연산의 야코비안 행렬은 언제나 대각 행렬입니다.

# %%
def Q_of(ab):  # ab = (a0, a1, b0, b1)
    return 3 * ab[:2] ** 3 - ab[2:] ** 2

print(numerical_jacobian(Q_of, [2.0, 3.0, 6.0, 4.0]))

# %% [markdown]
# ## Row by row: one-hot gradients · 한 행씩: 원-핫 변화도
#
# Row $i$ of $J$ is the gradient of $y_i$ alone. `backward()` can compute that if we tell it to count
# output $i$ with weight 1 and every other output with weight 0: pass the **one-hot** vector
# $e_i$ as `gradient`. Two rows, two backward passes through the same graph (so `retain_graph=True`,
# lesson 04), and `x.grad` cleared in between since gradients accumulate:
#
# $J$의 $i$번째 행은 $y_i$ 하나만의 변화도입니다. 출력 $i$는 가중치 1로, 나머지 출력은 가중치 0으로 세라고 알려 주면
# `backward()`가 이 값을 계산할 수 있습니다. **원-핫**(one-hot) 벡터 $e_i$를 `gradient`로 넘기면 됩니다. 행이 둘이니 같은
# 그래프로 역전파(backward pass)를 두 번 하고(그래서 04강의 `retain_graph=True`), 변화도는 누적되므로(accumulate) 그 사이에
# `x.grad`를 비웁니다.

# %%
x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
y = f(x)
print(y)

y.backward(gradient=torch.tensor([1., 0.], dtype=torch.float64), retain_graph=True)
print("row 0:", x.grad)
x.grad = None
y.backward(gradient=torch.tensor([0., 1.], dtype=torch.float64))
print("row 1:", x.grad)

# %% [markdown]
# The two rows of the table: $(2, 1, 0)$ and $(0, 1, 1)$. Clearing `.grad` by hand is clumsy;
# `minigrad.autograd.grad(outputs, inputs, grad_outputs)`, like `torch.autograd.grad`, runs the same
# backward pass but **returns** the gradients instead of adding them to `.grad`. Here is the
# minimal version of this lesson's layer, a Jacobian from one backward pass per output:
#
# 표의 두 행 $(2, 1, 0)$과 $(0, 1, 1)$이 나왔습니다. `.grad`를 손으로 비우는 것은 번거롭습니다.
# `minigrad.autograd.grad(outputs, inputs, grad_outputs)`는 `torch.autograd.grad`처럼 같은 역전파를 하지만, 변화도를
# `.grad`에 더하지 않고 **돌려줍니다**. 이번 강의에서 만들 최소 버전, 출력마다 역전파를 한 번씩 해서 야코비안 행렬을 만드는
# 함수입니다.

# %%
def jacobian(f, x):
    """J[i, j] = d f(x)[i] / d x[j]: one backward pass per output, each from a one-hot gradient."""
    x = torch.tensor(np.asarray(x, dtype=np.float64), requires_grad=True)
    y = f(x)
    rows = []
    for i in range(y.numel()):
        one_hot = np.zeros(y.numel())
        one_hot[i] = 1.0
        (row,) = minigrad.autograd.grad(y, x, torch.tensor(one_hot), retain_graph=True)
        rows.append(row.numpy())
    return np.array(rows)


J = jacobian(f, x0)
print(J)
print("agrees with central differences to 1e-8:", np.abs(J - J_numerical).max() < 1e-8)

# %% [markdown]
# The two methods agree to better than $10^{-8}$ (central differences are good to about 10 digits in
# `float64`, lesson 03). This is exactly how `gradcheck` builds its analytic Jacobian, as lesson 03
# promised to explain:
#
# 두 방법의 차이가 $10^{-8}$보다 작습니다 (03강에서 보았듯 `float64` 중앙 차분은 유효 숫자 10자리 정도가 맞습니다).
# 03강에서 설명을 미뤄 둔 `gradcheck`의 해석적 야코비안 행렬도 정확히 이렇게 만듭니다.

# %%
gradcheck_module = importlib.import_module("minigrad.autograd.gradcheck")
print(inspect.getsource(gradcheck_module.analytical_jacobian))

# %% [markdown]
# ## backward(gradient=v) is vᵀJ · backward(gradient=v)는 vᵀJ
#
# With $e_i$ as `gradient`, the result was row $i$, that is $e_i^\top J$. The backward pass is
# linear in its starting gradient, so for any $v = \sum_i v_i e_i$ it gives
#
# $$v^\top J = \sum_i v_i \,(\text{row } i) = \Big(\sum_i v_i \frac{\partial y_i}{\partial x_j}\Big)_j,$$
#
# a vector with the shape of the input: the **vector-Jacobian product**. Check it with
# $v = (1, -2)$: $1 \cdot (2, 1, 0) - 2 \cdot (0, 1, 1) = (2, -1, -2)$.
#
# $e_i$를 `gradient`로 주면 결과는 $i$번째 행, 곧 $e_i^\top J$였습니다. 역전파는 출발 변화도에 대해 선형이므로, 임의의
# $v = \sum_i v_i e_i$에 대해서는 다음을 계산합니다.
#
# $$v^\top J = \sum_i v_i \,(i\text{번째 행}) = \Big(\sum_i v_i \frac{\partial y_i}{\partial x_j}\Big)_j$$
#
# 입력과 모양이 같은 벡터, 이것이 **벡터-야코비안 곱**입니다. $v = (1, -2)$로 확인해 봅시다.
# $1 \cdot (2, 1, 0) - 2 \cdot (0, 1, 1) = (2, -1, -2)$입니다.

# %%
v = np.array([1.0, -2.0])
print("v @ J:          ", v @ J)

x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
f(x).backward(gradient=torch.tensor(v))
print("backward(v):    ", x.grad)

# %% [markdown]
# There is a second way to read it. $v^\top J$ is the gradient of the **scalar**
# $L = \sum_i v_i y_i$, because $\partial L / \partial x_j = \sum_i v_i \, \partial y_i / \partial x_j$.
# So `y.backward(gradient=v)` means: "pretend the computation went on and ended in a loss $L$
# whose gradient with respect to `y` is `v`; now carry on from here." That is why the argument is
# called `gradient`: it is $\partial L / \partial y$. It is also what every node of lesson 04's
# backward pass does: it receives the gradient of the loss with respect to its output, a tensor of
# the output's shape, and sends on a vector-Jacobian product to its inputs. `gradient=v` simply
# lets you start that pass in the middle.
#
# 다르게 읽을 수도 있습니다. $\partial L / \partial x_j = \sum_i v_i \, \partial y_i / \partial x_j$이므로 $v^\top J$는
# **스칼라** $L = \sum_i v_i y_i$의 변화도입니다. 그러니 `y.backward(gradient=v)`의 뜻은 이렇습니다. "계산이 더 이어져서
# 어떤 손실 $L$로 끝났고, `y`에 대한 그 변화도가 `v`라고 치자. 이제 여기서부터 계속하라." 인자의 이름이 `gradient`인 것도
# 그래서입니다. `v`는 $\partial L / \partial y$입니다. 04강 역전파의 모든 노드(node)가 하는 일도 이것입니다. 노드는 자기 출력에
# 대한 손실의 변화도(출력과 모양이 같은 텐서)를 받아서, 입력 쪽으로 벡터-야코비안 곱을 보냅니다. `gradient=v`는 이 과정을
# 중간에서 시작하게 해 줄 뿐입니다.

# %%
x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
L = (torch.tensor(v) * f(x)).sum()
L.backward()
print("grad of L = sum(v * y):", x.grad)

# %% [markdown]
# Now the tutorial's example. With $v = (1, 1)$, $v^\top J$ adds the rows of each diagonal block:
# $9a^2 = (36, 81)$ for `a` and $-2b = (-12, -8)$ for `b`. The output is what PyTorch prints:
#
# 이제 튜토리얼의 예제입니다. $v = (1, 1)$이면 $v^\top J$는 각 대각 블록의 행을 더합니다. `a`에는
# $9a^2 = (36, 81)$, `b`에는 $-2b = (-12, -8)$입니다. 출력은 PyTorch와 같습니다.

# %%
a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)

Q = 3*a**3 - b**2
external_grad = torch.tensor([1., 1.])
Q.backward(gradient=external_grad)

print(a.grad)
print(b.grad)
print(9*a**2 == a.grad)
print(-2*b == b.grad)

# %% [markdown]
# ## Never building J · J를 만들지 않는다
#
# Nothing in that pass built a $2 \times 2$ matrix. Follow the graph of $Q = 3a^3 - b^2$
# backwards by hand, with NumPy, starting from $v$: every step is an **elementwise** product with a
# local derivative (the rules of lesson 05).
#
# 방금의 역전파에서는 $2 \times 2$ 행렬을 하나도 만들지 않았습니다. $Q = 3a^3 - b^2$의 그래프를 $v$에서 출발해
# NumPy로 손으로 거슬러 가 봅시다. 모든 단계는 국소 미분과의 **원소별** 곱입니다(05강의 규칙).

# %%
a_np, b_np = np.array([2., 3.]), np.array([6., 4.])
v = np.array([1., 1.])
# forward: p = a**3, s = 3*p, t = b**2, Q = s - t
grad_s, grad_t = v, -v            # Q = s - t
grad_p = 3 * grad_s               # s = 3 * p
grad_a = grad_p * 3 * a_np**2     # p = a**3: local derivative 3a^2
grad_b = grad_t * 2 * b_np        # t = b**2: local derivative 2b
print("by hand:", grad_a, grad_b)

J_a, J_b = np.diag(9 * a_np**2), np.diag(-2 * b_np)  # the Jacobian blocks, built on purpose
print("v @ J:  ", v @ J_a, v @ J_b)

# %% [markdown]
# Same numbers; the hand version touched vectors of length 2 only. minigrad's power operation does
# the same: its backward receives `grad` (the $v$ arriving from above) and returns
# `grad * mul_scalar(a ** (c - 1), c)`, the product of $v$ with the diagonal of $J$, $c\,a^{c-1}$
# (`mul_scalar` multiplies a tensor by the number $c$), never the matrix.
#
# 결과가 같고, 손 계산은 길이 2짜리 벡터만 다뤘습니다. minigrad의 거듭제곱 연산도 똑같습니다. 역전파에서 `grad`(위에서
# 내려온 $v$)를 받아 `grad * mul_scalar(a ** (c - 1), c)`, 곧 $v$와 $J$의 대각 원소 $c\,a^{c-1}$의 곱을 돌려줄 뿐, 행렬은
# 만들지 않습니다(`mul_scalar`는 텐서에 수 $c$를 곱합니다).

# %%
arithmetic = importlib.import_module("minigrad.ops.arithmetic")
print(inspect.getsource(arithmetic.Pow.backward))

# %% [markdown]
# This matters for size. `tanh` of a million numbers has a $10^6 \times 10^6$ Jacobian: $10^{12}$
# entries, 4 TB in `float32`. Its vector-Jacobian product needs one vector of $10^6$ numbers,
# $v \odot (1 - \tanh^2 x)$:
#
# 크기를 생각하면 이 차이는 결정적입니다. 백만 개의 수에 적용한 `tanh`는 $10^6 \times 10^6$ 야코비안 행렬을 가집니다. 원소가
# $10^{12}$개, `float32`로 4 TB입니다. 그런데 벡터-야코비안 곱에는 수 $10^6$개짜리 벡터 하나,
# $v \odot (1 - \tanh^2 x)$면 충분합니다.

# %%
torch.manual_seed(0)
x = torch.randn(1_000_000, requires_grad=True)
y = torch.tanh(x)
y.backward(torch.ones_like(y))

print(x.grad.shape)
print(torch.allclose(x.grad, 1 - y.detach() ** 2, atol=1e-6))
print(f"the Jacobian would hold {y.numel() * x.numel():.0e} numbers, {y.numel() * x.numel() * 4 / 1e12:.0f} TB")

# %% [markdown]
# ## The cost: n inputs, m outputs · 비용: 입력 n개, 출력 m개
#
# Take a function with $n$ inputs and $m$ outputs. One backward pass costs a small multiple of one
# forward pass (each node does about as much work as it did going forward). Then:
#
# | what you get | how | cost |
# |---|---|---|
# | all of $J$ | central differences | $2n$ forward passes |
# | all of $J$ | one-hot gradients, one row at a time | $m$ backward passes |
# | $v^\top J$ | `backward(gradient=v)` | **1** backward pass |
#
# Training is the extreme case: the loss is one number ($m = 1$) and the parameters are many
# (ResNet-18 of lesson 12 has $n = 11{,}689{,}512$). The gradient of the loss *is* a
# vector-Jacobian product with $v = 1$: one backward pass, where central differences would need
# over 23 million forward passes. This direction, from the output back to the inputs, is called
# **reverse mode**, and it is why autograd engines work backwards. (The mirror image, forward
# mode, computes $J u$ for one input direction $u$ per pass and wins when $n$ is small and $m$ large;
# PyTorch offers it in `torch.func.jvp`, minigrad does not.)
#
# We count the evaluations for the sum of squares of $n = 1000$ numbers:
#
# 입력이 $n$개, 출력이 $m$개인 함수를 생각해 봅시다. 역전파 한 번의 비용은 순전파(forward pass) 한 번의 몇 배 정도입니다(각 노드가
# 순전파 때와 비슷한 양의 일을 합니다). 그러면 다음과 같습니다.
#
# | 얻는 것 | 방법 | 비용 |
# |---|---|---|
# | $J$ 전체 | 중앙 차분 | 순전파 $2n$번 |
# | $J$ 전체 | 원-핫 변화도로 한 행씩 | 역전파 $m$번 |
# | $v^\top J$ | `backward(gradient=v)` | 역전파 **1**번 |
#
# 학습은 그 극단적인 경우입니다. 손실은 수 하나($m = 1$)이고 매개변수(parameter)는 아주 많습니다(12강의 ResNet-18은
# $n = 11{,}689{,}512$). 손실의 변화도는 $v = 1$인 벡터-야코비안 곱 *그 자체*입니다. 역전파 한 번이면 되는 일을 중앙
# 차분으로 하려면 순전파를 2천3백만 번 넘게 해야 합니다. 출력에서 입력 쪽으로 거슬러 가는 이 방향을 **역방향 모드**(reverse
# mode)라고 하며, autograd(자동 미분 엔진)가 거꾸로 계산하는 이유가 바로 이것입니다. (거울상인 순방향 모드는 한 번에 입력 방향
# $u$ 하나에 대한 $J u$를 계산하며, $n$이 작고 $m$이 클 때 유리합니다. PyTorch는 `torch.func.jvp`로 제공하지만 minigrad에는
# 없습니다.)
#
# 수 $n = 1000$개의 제곱합으로 계산 횟수를 세어 봅시다.

# %%
calls = 0

def sum_of_squares(x):
    global calls
    calls += 1
    return (x ** 2).sum().reshape(1)  # one output, as a vector of length 1

x_np = np.linspace(-1.0, 1.0, 1000)

calls = 0
J_num = numerical_jacobian(sum_of_squares, x_np)
print(f"central differences: {calls} evaluations of f, J has shape {J_num.shape}")

calls = 0
x = torch.tensor(x_np, requires_grad=True)
sum_of_squares(x).backward(torch.ones(1, dtype=torch.float64))
print(f"backward:            {calls} evaluation of f and 1 backward pass")
print("same gradient:", np.allclose(x.grad.numpy(), J_num[0], atol=1e-6))

# %% [markdown]
# (`numerical_jacobian` made one extra call to learn the number of outputs: $2n + 1 = 2001$.)
#
# (`numerical_jacobian`은 출력 개수를 알아내려고 한 번 더 호출했습니다. $2n + 1 = 2001$번입니다.)

# %% [markdown]
# ## gradient must have the output's shape · gradient는 출력과 모양이 같아야 한다
#
# `gradient` is $\partial L / \partial Q$: one number per element of `Q`, so it must have `Q`'s
# shape exactly. Give `Q`, which has 2 elements, a `gradient` of 3:
#
# `gradient`는 $\partial L / \partial Q$입니다. `Q`의 원소마다 수 하나씩이므로 모양이 `Q`와 정확히 같아야 합니다. 원소가 2개인
# `Q`에 원소 3개짜리 `gradient`를 줘 봅시다.

# %%
a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)
Q = 3*a**3 - b**2
with shows_error(RuntimeError):
    Q.backward(gradient=torch.tensor([1., 1., 1.]))

# %% [markdown]
# PyTorch's message again, with both shapes. There is no broadcasting here: even `torch.tensor(1.)`
# (shape `[]`) is refused for `Q` (shape `[2]`), and `torch.tensor([1.])` is refused for a scalar
# output. If you want one weight per column of a matrix output, build the full-shape tensor
# yourself, for example `torch.ones_like(y) * w` (exercise 06.4).
#
# 역시 PyTorch와 같은 메시지이며, 두 모양이 모두 나옵니다. 여기서는 브로드캐스팅(broadcasting)이 없습니다.
# `torch.tensor(1.)`(모양 `[]`)도 `Q`(모양 `[2]`)에는 거부되고, 스칼라 출력에 `torch.tensor([1.])`을 주어도 거부됩니다.
# 행렬 출력의 열마다 가중치 하나씩을 주고 싶다면 `torch.ones_like(y) * w`처럼 전체 모양의 텐서를 직접 만드세요
# (연습 문제 06.4).

# %% [markdown]
# ## sum().backward() is backward(ones) · sum().backward()는 backward(ones)
#
# Lesson 03 wrote `z.sum().backward()` to get a scalar. Why does that work? The sum
# $s = \sum_i Q_i$ has a $1 \times m$ Jacobian of ones. Starting from $ds/ds = 1$, its backward sends
# $1 \cdot (1, \dots, 1)$ to `Q`: exactly `torch.ones_like(Q)`. So the two calls compute the same
# thing:
#
# 03강에서는 스칼라를 얻으려고 `z.sum().backward()`를 썼습니다. 왜 이렇게 해도 될까요? 합 $s = \sum_i Q_i$의 야코비안 행렬은
# 모두 1인 $1 \times m$ 행렬입니다. $ds/ds = 1$에서 출발한 역전파는 `Q`에 $1 \cdot (1, \dots, 1)$, 곧 `torch.ones_like(Q)`를
# 보냅니다. 그러니 두 호출은 같은 것을 계산합니다.

# %%
a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)
Q = 3*a**3 - b**2
Q.sum().backward()
print("Q.sum().backward():             ", a.grad, b.grad)

a.grad, b.grad = None, None
Q = 3*a**3 - b**2
Q.backward(torch.ones_like(Q))
print("Q.backward(torch.ones_like(Q)): ", a.grad, b.grad)

# %% [markdown]
# The graphs differ by one node. Here are both, drawn before any `backward()` (which would free what
# the nodes saved): `Q.sum()` ends in a `SumBackward0`, the scalar root whose backward makes the vector
# of ones; `Q.backward(v)` starts at `SubBackward0` with `v` itself.
#
# 두 그래프는 노드 하나만 다릅니다. `backward()`가 노드가 저장한 것을 해제하기 전에 둘 다 그려 봅시다. `Q.sum()`은
# `SumBackward0`으로 끝나며, 이 스칼라 뿌리(root)의 역전파가 1로 된 벡터를 만듭니다. `Q.backward(v)`는 `v`를 가지고
# `SubBackward0`에서 바로 시작합니다.

# %%
Q = 3*a**3 - b**2
draw_graph(Q.sum(), params={"a": a, "b": b, "Q": Q}, show_grad=False)  # a.grad is from above

# %%
draw_graph(Q, params={"a": a, "b": b, "Q": Q}, show_grad=False)

# %% [markdown]
# ## Weighting the outputs · 출력에 가중치 주기
#
# A `v` other than ones weights the outputs: with `gradient=[1., 2.]` the second element of `Q`
# counts twice, as if the loss were $Q_0 + 2Q_1$. Predict before running: `a.grad` should be
# $(1 \cdot 36, 2 \cdot 81) = (36, 162)$ and `b.grad` $(1 \cdot (-12), 2 \cdot (-8)) = (-12, -16)$.
# Watch the vector travel through the graph, step by step (`show_backward` takes the same
# `gradient`):
#
# 1이 아닌 `v`는 출력마다 가중치를 줍니다. `gradient=[1., 2.]`이면 `Q`의 두 번째 원소가 두 번 세어지며, 손실이
# $Q_0 + 2Q_1$인 것과 같습니다. 실행하기 전에 예측해 보세요. `a.grad`는 $(1 \cdot 36, 2 \cdot 81) = (36, 162)$,
# `b.grad`는 $(1 \cdot (-12), 2 \cdot (-8)) = (-12, -16)$이어야 합니다. 벡터가 그래프를 따라 흘러가는 모습을 단계별로
# 봅시다(`show_backward`도 같은 `gradient`를 받습니다).

# %%
a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)
Q = 3*a**3 - b**2
weights = torch.tensor([1., 2.])
show_backward(Q, gradient=weights, widget=False)

# %% [markdown]
# Every arrow carries a vector of length 2, never a matrix. `SubBackward0` starts from
# `[1., 2.]` and sends it on to $3a^3$ and its negative, `[-1., -2.]`, to $b^2$; `MulBackward0`
# multiplies by 3, giving `[3., 6.]`; the last `PowBackward0` multiplies elementwise by
# $3a^2 = (12, 27)$, giving `[36., 162.]`. `show_backward` only replays the pass; now run it for
# real:
#
# 모든 화살표는 길이 2인 벡터를 나를 뿐, 행렬은 나르지 않습니다. `SubBackward0`은 `[1., 2.]`에서 출발해 $3a^3$ 쪽으로는
# 그대로, $b^2$ 쪽으로는 부호를 바꾼 `[-1., -2.]`를 보냅니다. `MulBackward0`은 3을 곱해 `[3., 6.]`을, 마지막
# `PowBackward0`은 $3a^2 = (12, 27)$을 원소별로 곱해 `[36., 162.]`를 만듭니다. `show_backward`는 역전파를 재연할
# 뿐이니, 이제 실제로 실행합니다.

# %%
Q.backward(gradient=weights)
print(a.grad)
print(b.grad)

# %% [markdown]
# The tutorial's next example weights three equal outputs very differently. With $a = (10, 10, 10)$ and
# $y = a^2$, the Jacobian is $\mathrm{diag}(2a) = 20\,I$, so $v^\top J = 20\,v$:
#
# 튜토리얼의 다음 예제는 똑같은 출력 세 개에 아주 다른 가중치를 줍니다. $a = (10, 10, 10)$, $y = a^2$이면 야코비안 행렬은
# $\mathrm{diag}(2a) = 20\,I$이므로 $v^\top J = 20\,v$입니다.

# %%
a = torch.tensor([10., 10., 10.], requires_grad=True)
y = a**2
print(y)

v = torch.tensor([0.1, 1.0, 0.0001])
y.backward(v)
print(a.grad)

# %% [markdown]
# $20 \cdot (0.1, 1, 0.0001) = (2, 20, 0.002)$. The values are ordinary; the **printing** is
# scientific because the largest value is more than 1000 times the smallest ($20 / 0.002 = 10^4$),
# lesson 01's rule 2. With 4 decimals in fixed notation, 0.002 would show as `0.0020` and lose its
# digits, so PyTorch switches every element to `d.dddde±XX`.
#
# $20 \cdot (0.1, 1, 0.0001) = (2, 20, 0.002)$입니다. 값은 평범하지만 **출력**이 지수 표기인 이유는 가장 큰 값이 가장 작은
# 값의 1000배를 넘기 때문입니다($20 / 0.002 = 10^4$). 01강의 규칙 2입니다. 소수점 아래 네 자리 고정 표기라면 0.002가
# `0.0020`으로 보여 유효 숫자를 잃으므로, PyTorch는 모든 원소를 `d.dddde±XX` 꼴로 바꿉니다.

# %% [markdown]
# ## The doubling loop · 두 배로 키우는 반복문
#
# Lesson 02 drew this loop's graph: it doubles a random vector until its norm reaches 1000, and the
# number of doublings depends on the vector. If the loop multiplied by 2 a total of $k$ times, then
# $y = 2^k x$, the Jacobian is $2^k I$, and `y.backward(v)` gives $2^k v$. We count $k$ as we go:
#
# 02강에서 이 반복문의 그래프를 그렸습니다. 무작위 벡터의 노름(norm)이 1000에 이를 때까지 두 배로 키우며, 몇 번 키울지는
# 벡터에 따라 다릅니다. 반복문이 모두 $k$번 2를 곱했다면 $y = 2^k x$이고, 야코비안 행렬은 $2^k I$이며, `y.backward(v)`는
# $2^k v$를 줍니다. 반복하면서 $k$를 세어 봅시다.

# %%
torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)

y = x * 2
k = 1
while y.data.norm() < 1000:
    y = y * 2
    k += 1
print(y)

v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
y.backward(v)
print(x.grad)
print(f"k = {k}:", 2**k * v)

# %% [markdown]
# $2^{10} = 1024$, so the gradient is $1024\,v = (102.4, 1024, 0.1024)$, whatever `x` was: the
# Jacobian of this loop does not depend on `x`, only on how many times it ran. PyTorch draws a
# different `x` for the same seed (lesson 01), so it may loop a different number of times; the run
# shown in the PyTorch tutorial printed `tensor([2.0480e+02, 2.0480e+03, 2.0480e-01])`, that is
# $k = 11$. The rule $2^k v$ is the same.
#
# $2^{10} = 1024$이므로 변화도는 `x`가 무엇이었든 $1024\,v = (102.4, 1024, 0.1024)$입니다. 이 반복문의 야코비안 행렬은
# `x`가 아니라 반복 횟수에만 달려 있습니다. PyTorch는 같은 시드로도 다른 `x`를 뽑으므로(01강) 반복 횟수가 다를 수
# 있습니다. PyTorch 튜토리얼에 실린 실행 결과는 `tensor([2.0480e+02, 2.0480e+03, 2.0480e-01])`, 곧 $k = 11$이었습니다.
# $2^k v$라는 규칙은 같습니다.

# %% [markdown]
# ## A wrong answer in a blog post · 블로그 글에 적힌 틀린 답
#
# A Korean blog post on autograd runs this code (with the legacy `Variable` wrapper, lesson 07) and
# says in a comment that it prints `0.600, 6.000, 60.000`. Run it:
#
# autograd를 다룬 한국어 블로그 글 하나는 이 코드를 (07강에서 볼 옛 `Variable` 래퍼로) 실행하고, 주석에
# `0.600, 6.000, 60.000`이 출력된다고 적었습니다. 실행해 봅시다.

# %%
from minigrad.autograd import Variable

x = torch.ones(3)
x = Variable(x, requires_grad=True)
y = x**2
z = y + 3
grad = torch.Tensor([0.1, 1, 10])
z.backward(grad)
print(x.grad)

# %% [markdown]
# minigrad prints `tensor([ 0.2000,  2.0000, 20.0000])`, and so does PyTorch. PyTorch is our
# reference, and here the mathematics agrees with it: $z = x^2 + 3$ has derivative $2x$ (the
# constant 3 adds nothing), which is 2 at $x = 1$, so $v^\top J = 2v = (0.2, 2, 20)$. The post's
# numbers are $6v$, the answer for $z = 3x^2$ (derivative $6x$): the added 3 was read as a
# factor. When a comment and a run disagree, trust the run, and check it with a central difference.
# (The print is fixed-point this time: $20 / 0.2 = 100$ is under 1000.)
#
# minigrad는 `tensor([ 0.2000,  2.0000, 20.0000])`을 출력하며, PyTorch도 똑같습니다. PyTorch가 우리의 기준이고,
# 여기서는 수학도 PyTorch 편입니다. $z = x^2 + 3$의 도함수는 $2x$이고(상수 3은 아무것도 더하지 않습니다) $x = 1$에서 2이므로
# $v^\top J = 2v = (0.2, 2, 20)$입니다. 블로그 글의 값은 $6v$로, $z = 3x^2$(도함수 $6x$)의 답입니다. 더한 3을 곱한 3으로 읽은
# 것이지요. 주석과 실행 결과가 다르면 실행 결과를 믿고, 중앙 차분으로 확인하세요. (이번에는 고정 소수점 표기입니다.
# $20 / 0.2 = 100$이 1000보다 작기 때문입니다.)

# %%
v = np.array([0.1, 1, 10])
print("v @ J by central differences:", v @ numerical_jacobian(lambda t: t**2 + 3, [1.0, 1.0, 1.0]))

# %% [markdown]
# ## Where the pass starts: minigrad's code · 역전파의 출발점: minigrad의 코드
#
# Before reading the engine, our own version of the check that `backward()` makes first: no
# `gradient` means "the output must be a scalar, start from 1"; a `gradient` must be a tensor with
# the output's shape.
#
# 엔진을 읽기 전에, `backward()`가 맨 먼저 하는 검사를 직접 만들어 봅시다. `gradient`가 없으면 "출력이 스칼라여야 하고
# 1에서 시작한다"는 뜻이고, `gradient`가 있으면 출력과 모양이 같은 텐서여야 합니다.

# %%
def start_gradient(output, gradient=None):
    if gradient is None:
        if output.numel() != 1:
            raise RuntimeError("grad can be implicitly created only for scalar outputs")
        return torch.ones_like(output)
    if not isinstance(gradient, torch.Tensor):
        raise TypeError(f"gradients can be either Tensors or None, but got {type(gradient).__name__}")
    if gradient.shape != output.shape:
        raise RuntimeError(f"Mismatch in shape: grad_output[0] has a shape of {gradient.shape} and "
                           f"output[0] has a shape of {output.shape}.")
    return gradient


def error_of(fn):
    try:
        fn()
    except (RuntimeError, TypeError) as err:
        return f"{type(err).__name__}: {err}"


a = torch.tensor([2., 3.], requires_grad=True)
for gradient in [None, torch.tensor([1., 1., 1.]), torch.tensor(1.)]:
    Q = 3*a**3
    ours = error_of(lambda: start_gradient(Q, gradient))
    engine_says = error_of(lambda: Q.backward(gradient))
    print(ours == engine_says, "|", ours)

print(start_gradient(Q.sum()), start_gradient(Q, torch.tensor([1., 2.])))

# %% [markdown]
# Same messages as the engine, and as PyTorch. A plain list such as `[1., 1.]` is refused too, with a
# `TypeError`: wrap it in `torch.tensor(...)`. (PyTorch reads a list as one gradient per output, so it
# complains about the first entry, a `float`.)
#
# 엔진과, 그리고 PyTorch와 같은 메시지입니다. `[1., 1.]` 같은 평범한 리스트도 `TypeError`로 거부되니
# `torch.tensor(...)`로 감싸세요. (PyTorch는 리스트를 출력마다 변화도 하나씩으로 읽기 때문에 첫 항목인 `float`를
# 문제 삼습니다.)

# %%
with shows_error(TypeError):
    Q.backward([1., 1.])

# %% [markdown]
# With no `gradient`, the start is a tensor of ones shaped like the scalar output: so, as the PyTorch
# tutorial puts it, `out.backward()` is the same as `out.backward(torch.tensor(1.))`. Lesson 00's
# first example shows it:
#
# `gradient`가 없으면 스칼라 출력과 모양이 같은, 1로 채운 텐서에서 출발합니다. 그래서 PyTorch 튜토리얼의 말처럼
# `out.backward()`는 `out.backward(torch.tensor(1.))`과 같습니다. 00강의 첫 예제로 확인해 봅시다.

# %%
def first_example():
    x = torch.ones(2, 2, requires_grad=True)
    out = ((x + 2) * (x + 2) * 3).mean()
    return x, out

x, out = first_example()
out.backward()
print(x.grad)
x, out = first_example()
out.backward(torch.tensor(1.))
print(x.grad)

# %% [markdown]
# The real check is `make_root_grads` in `minigrad/autograd/engine.py`. It handles a list of outputs
# (`torch.autograd.backward` and `autograd.grad` accept several, hence `grad_output[{i}]`) and refuses
# an output that does not require grad:
#
# 진짜 검사는 `minigrad/autograd/engine.py`의 `make_root_grads`입니다. 출력 여러 개의 목록을 다루고
# (`torch.autograd.backward`와 `autograd.grad`는 여러 출력을 받으므로 `grad_output[{i}]`처럼 번호가 붙습니다), 변화도가
# 필요 없는 출력을 거부합니다.

# %%
engine = importlib.import_module("minigrad.autograd.engine")
print(inspect.getsource(engine.make_root_grads))

# %% [markdown]
# `Tensor.backward(gradient)` hands over to `engine.backward`, which makes the root gradients and
# gives them to lesson 04's `run_backward`. There they fill the root's buffer, the first entry of
# `buffers`: from then on, a vector-Jacobian product travels the graph like any other gradient.
# (`inputs=` restricts where gradients are accumulated; `autograd.grad` uses the same start;
# `create_graph=True`, lesson 09, gives PyTorch's warning once.)
#
# `Tensor.backward(gradient)`는 `engine.backward`에 일을 넘기고, 이 함수는 뿌리의 변화도를 만들어 04강의 `run_backward`에
# 건넵니다. 거기서 뿌리의 버퍼, 곧 `buffers`의 첫 항목이 채워지고, 그다음부터 벡터-야코비안 곱은 다른 변화도와 똑같이
# 그래프를 따라 흘러갑니다. (`inputs=`는 변화도를 누적할 텐서를 제한하며, `autograd.grad`도 같은 방식으로 출발합니다.
# `create_graph=True`(09강)는 PyTorch와 같은 경고를 한 번 냅니다.)

# %%
print(inspect.getsource(torch.Tensor.backward))
print(inspect.getsource(engine.backward))

# %% [markdown]
# ## Summary · 정리
#
# * `backward()` with no argument needs a scalar output: for a vector, "the gradient" is not one
#   vector but a table, the Jacobian $J_{ij} = \partial y_i / \partial x_j$ ($m \times n$).
# * $J$ can be built numerically ($2n$ evaluations, central differences) or one row per backward
#   pass with one-hot gradients $e_i$ ($m$ passes; `autograd.grad`, `gradcheck`).
# * `y.backward(gradient=v)` computes $v^\top J$, the gradient of $\sum_i v_i y_i$, in **one** pass and
#   without building $J$: each node turns the vector it receives into vectors for its inputs (for
#   elementwise operations, a product with the local derivative). With a scalar
#   loss ($m = 1$) that is the whole gradient, whatever $n$ is: reverse mode.
# * `gradient` must be a tensor (`TypeError` for a list) with the output's shape (`Mismatch in shape`),
#   no broadcasting; `out.backward()` is `out.backward(torch.tensor(1.))`.
# * `Q.sum().backward()` = `Q.backward(torch.ones_like(Q))`; `gradient=[1., 2.]` weights the second
#   output twice.
# * Comments can be wrong: the run, PyTorch and a central difference agree on `0.2, 2, 20`.
#
# **Next, lesson 07:** when do we *not* want a graph? `no_grad`, `detach`, `requires_grad_`, the
# legacy `Variable` we just used, and the memory a graph costs.
#
# * 인자 없는 `backward()`는 스칼라 출력이 필요합니다. 벡터 출력이라면 "변화도"는 벡터 하나가 아니라 표, 곧 야코비안 행렬
#   $J_{ij} = \partial y_i / \partial x_j$ ($m \times n$)입니다.
# * $J$는 수치적으로(중앙 차분, $2n$번 계산) 만들 수도 있고, 원-핫 변화도 $e_i$로 역전파 한 번에 한 행씩 만들 수도 있습니다
#   (역전파 $m$번. `autograd.grad`, `gradcheck`).
# * `y.backward(gradient=v)`는 $\sum_i v_i y_i$의 변화도인 $v^\top J$를 역전파 **한 번**에, $J$를 만들지 않고 계산합니다.
#   각 노드는 받은 벡터를 입력 쪽 벡터로 바꿀 뿐입니다(원소별 연산이라면 국소 미분과의 곱). 손실이 스칼라이면($m = 1$) $n$이 얼마든 이것이 변화도 전체입니다.
#   역방향 모드입니다.
# * `gradient`는 출력과 모양이 같은 텐서여야 하며(리스트는 `TypeError`, 모양이 다르면 `Mismatch in shape`),
#   브로드캐스팅은 없습니다. `out.backward()`는 `out.backward(torch.tensor(1.))`과 같습니다.
# * `Q.sum().backward()`는 `Q.backward(torch.ones_like(Q))`와 같고, `gradient=[1., 2.]`는 두 번째 출력을 두 번 셉니다.
# * 주석은 틀릴 수 있습니다. 실행 결과, PyTorch, 중앙 차분 모두 `0.2, 2, 20`에 동의합니다.
#
# **다음 07강:** 그래프가 *필요 없을* 때는 언제일까요? `no_grad`, `detach`, `requires_grad_`, 방금 쓴 옛 `Variable`,
# 그리고 그래프가 차지하는 메모리를 다룹니다.
