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
# # Exercises 02 · Functions and the computational graph · 연습 문제 02 · 함수와 계산 그래프
#
# Five exercises on lesson 02: write two operations of your own, walk a graph, and check a derivative
# with central differences. Write your code where a cell says `raise NotImplementedError`, then run the
# check cell below it. Run the cells from the top.
#
# 02강에 대한 연습 문제 다섯 개입니다. 연산 두 개를 직접 만들고, 그래프를 탐색하고, 중앙 차분(central
# difference)으로 도함수를 확인합니다. `raise NotImplementedError`가 있는 자리에 코드를 작성한 뒤, 바로 아래의
# 확인 셀을 실행하세요. 셀은 위에서부터 차례로 실행하세요.

# %%
import numpy as np

import minigrad as torch
from minigrad.autograd import Function
from minigrad.viz import draw_graph

torch.manual_seed(0)
print("minigrad is ready · minigrad 준비 완료")

# %% [markdown]
# ## Exercise 02.1 · A `Square` function · 연습 문제 02.1 · `Square` 함수
#
# Complete `Square`, the operation y = x². `forward` gets a NumPy array and returns one; `backward`
# gets `grad` (a tensor: the gradient of the final result with respect to y) and returns the gradient
# with respect to x, that is `grad` times the local derivative dy/dx = 2x. `Square` subclasses minigrad's
# own `Function` (not the lesson's `MiniFunction`) and sets no `node_name`, so its nodes are called
# `SquareBackward`, as in PyTorch; the check looks for that name.
#
# *Hint:* in `backward`, `(x,) = self.saved_inputs` gives the input tensor. Do not forget to multiply
# by `grad`.
#
# 연산 y = x²을 나타내는 `Square`를 완성하세요. `forward`는 NumPy 배열을 받아 배열을 돌려주고, `backward`는
# 최종 결과의 y에 대한 변화도(gradient)인 텐서 `grad`를 받아 x에 대한 변화도, 곧 `grad`에 국소 도함수
# dy/dx = 2x를 곱한 값을 돌려줍니다. `Square`는 강의의 `MiniFunction`이 아니라 minigrad의 진짜 `Function`을 상속하고
# `node_name`을 정하지 않으므로, PyTorch처럼 노드 이름이 `SquareBackward`가 됩니다. 확인 셀도 이 이름을 봅니다.
#
# *힌트:* `backward`에서 `(x,) = self.saved_inputs`로 입력 텐서를 얻을 수 있습니다. `grad`를 곱하는 것을
# 잊지 마세요.

# %%
class Square(Function):
    def forward(self, x):
        ### BEGIN SOLUTION
        return x * x
        ### END SOLUTION

    def backward(self, grad):
        ### BEGIN SOLUTION
        (x,) = self.saved_inputs
        return grad * 2 * x
        ### END SOLUTION


# %% exercise="02.1" points=2
from minigrad_course.checks import expect_close, expect_equal, passed

x = torch.tensor([1., -2., 3.], requires_grad=True)
y = Square.apply(x)
expect_close(y.detach(), [1., 4., 9.], what="Square.apply(x)")
expect_equal(y.grad_fn.name(), "SquareBackward", what="y.grad_fn.name()")
weights = torch.tensor([1., 10., 100.])
(y * weights).sum().backward()
# d/dx of sum(w * x^2) = 2 * x * w, by hand: [2, -40, 600]
expect_close(x.grad, [2., -40., 600.], what="x.grad")
passed("02.1")

# %% [markdown]
# ## Exercise 02.2 · Count the nodes · 연습 문제 02.2 · 노드 세기
#
# Write `count_nodes(t)`: the number of distinct nodes reachable from `t.grad_fn` by following
# `next_functions` (count `AccumulateGrad` nodes, skip `None` entries; a leaf has 0). Each node must be
# counted once even when several paths lead to it: for `b = a + a; c = b + b; d = c + c` the answer is
# 4 (three `AddBackward0` and one `AccumulateGrad`), not the number of paths.
#
# *Hint:* keep a `set` of the nodes already seen (nodes can be put in a set) and a list of nodes still
# to visit.
#
# `t.grad_fn`에서 출발해 `next_functions`를 따라가며 닿을 수 있는 서로 다른 노드의 개수를 돌려주는
# `count_nodes(t)`를 작성하세요(`AccumulateGrad` 노드는 세고 `None` 항목은 건너뜁니다. 잎 텐서는 0입니다).
# 여러 경로로 닿는 노드도 한 번만 세야 합니다. `b = a + a; c = b + b; d = c + c`라면 경로의 개수가 아니라
# 4(`AddBackward0` 셋과 `AccumulateGrad` 하나)가 답입니다.
#
# *힌트:* 이미 본 노드를 담는 `set`(노드는 집합에 넣을 수 있습니다)과 아직 방문할 노드의 리스트를 쓰세요.

# %% [markdown]
# Here is that graph. Each `AddBackward0` receives two arrows from the same box, so the number of paths
# from `d` back to `a` doubles at every step, while the number of nodes grows by one.
#
# 그 그래프를 그려 보면 다음과 같습니다. `AddBackward0`마다 같은 상자에서 화살표 두 개가 들어오므로, `d`에서
# `a`로 돌아가는 경로의 수는 단계마다 두 배가 되지만 노드 수는 하나씩만 늘어납니다.

# %%
a = torch.tensor([1.], requires_grad=True)
b = a + a
c = b + b
d = c + c
draw_graph(d, params={"a": a, "b": b, "c": c, "d": d})

# %%
def count_nodes(t):
    ### BEGIN SOLUTION
    seen = set()
    todo = [t.grad_fn] if t.grad_fn is not None else []
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(n for n, _ in node.next_functions if n is not None)
    return len(seen)
    ### END SOLUTION


# %% exercise="02.2" points=2
from minigrad_course.checks import expect_equal, passed

x = torch.ones(2, 2, requires_grad=True)
out = ((x + 2) * (x + 2) * 3).mean()
# Mean, Mul (* 3), Mul (the product), two Add (x + 2 was computed twice), AccumulateGrad
expect_equal(count_nodes(out), 6, what="count_nodes(((x + 2) * (x + 2) * 3).mean())")
y = x + 2
out = (y * y * 3).mean()
expect_equal(count_nodes(out), 5, what="count_nodes((y * y * 3).mean()) with y = x + 2")

a = torch.tensor([1.], requires_grad=True)
e = a
for _ in range(20):
    e = e + e                       # 20 AddBackward0 nodes, 2**20 paths
expect_equal(count_nodes(e), 21, what="count_nodes after 20 doublings e = e + e")

p = torch.tensor([2.], requires_grad=True)
q = torch.tensor([3.], requires_grad=True)
expect_equal(count_nodes(p * q + p), 4, what="count_nodes(p * q + p)")
expect_equal(count_nodes(p * torch.tensor([5.])), 2, what="count_nodes(p * constant)")
expect_equal(count_nodes(p), 0, what="count_nodes(leaf)")
passed("02.2")

# %% [markdown]
# ## Exercise 02.3 · Central differences · 연습 문제 02.3 · 중앙 차분
#
# Before writing another backward, write the tool that checks it. For a function `f` that takes a
# NumPy array and returns a number, the partial derivative in coordinate i is approximately
#
# $$\frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}$$
#
# where $e_i$ is the i-th unit vector. Write `central_difference(f, x, h=1e-5)` that returns the array
# of these approximations (same shape as `x`). Work in float64.
#
# *Hint:* `x = np.array(x, dtype=np.float64)`, then for each `i` copy `x`, add or subtract `h` at
# position `i`, and call `f`. (Lesson 03 explains why this formula is accurate.)
#
# 역전파 코드를 하나 더 쓰기 전에, 그것을 확인할 도구부터 만듭시다. NumPy 배열을 받아 수 하나를 돌려주는
# 함수 `f`의 i번째 좌표에 대한 편미분(partial derivative)은 대략 위의 식과 같습니다. 여기서 $e_i$는 i번째
# 단위 벡터입니다. 이 근삿값들의 배열(`x`와 같은 모양)을 돌려주는 `central_difference(f, x, h=1e-5)`를
# 작성하세요. 계산은 float64로 합니다.
#
# *힌트:* `x = np.array(x, dtype=np.float64)`로 시작하고, 각 `i`마다 `x`를 복사해서 `i`번째 위치에 `h`를 더하거나
# 빼고 `f`를 호출하세요. (이 식이 왜 정확한지는 03강에서 설명합니다.)

# %%
def central_difference(f, x, h=1e-5):
    ### BEGIN SOLUTION
    x = np.array(x, dtype=np.float64)
    result = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step.flat[i] = h
        result.flat[i] = (f(x + step) - f(x - step)) / (2 * h)
    return result
    ### END SOLUTION


# %% exercise="02.3" points=1
from minigrad_course.checks import expect_close, passed

points = np.array([0.3, -1.2, 2.5])
expect_close(central_difference(lambda v: np.sin(v).sum(), points), np.cos(points), atol=1e-7,
             what="central_difference of sum(sin(x))")
expect_close(central_difference(lambda v: v[0] * v[1] ** 2, [3.0, 2.0]), [4.0, 12.0], atol=1e-6,
             what="central_difference of x0 * x1**2 at (3, 2)")
grid = np.array([[1.0, 2.0], [3.0, 4.0]])
expect_close(central_difference(lambda m: (m ** 2).sum(), grid), 2 * grid, atol=1e-6,
             what="central_difference of sum(m**2) for a 2x2 m")
passed("02.3")

# %% [markdown]
# ## Exercise 02.4 · A `Cube` function, checked numerically · 연습 문제 02.4 · 수치로 확인하는 `Cube` 함수
#
# Complete `Cube`, the operation y = x³, in the same way as `Square`. The check compares your
# gradient with central differences.
#
# *Hint:* dy/dx = 3x².
#
# `Square`와 같은 방식으로 연산 y = x³을 나타내는 `Cube`를 완성하세요. 확인 셀은 여러분의 변화도를 중앙 차분과
# 비교합니다.
#
# *힌트:* dy/dx = 3x²입니다.

# %%
class Cube(Function):
    def forward(self, x):
        ### BEGIN SOLUTION
        return x * x * x
        ### END SOLUTION

    def backward(self, grad):
        ### BEGIN SOLUTION
        (x,) = self.saved_inputs
        return grad * 3 * x * x
        ### END SOLUTION


# %% exercise="02.4" points=2
from minigrad_course.checks import expect_close, expect_equal, passed

values = np.array([0.5, -1.5, 2.0, 0.0])
w = np.array([1.0, 2.0, -3.0, 4.0])
x = torch.tensor(values.tolist(), requires_grad=True)
y = Cube.apply(x)
expect_close(y.detach(), values ** 3, what="Cube.apply(x)")
expect_equal(y.grad_fn.name(), "CubeBackward", what="y.grad_fn.name()")
(y * torch.tensor(w.tolist())).sum().backward()

# The check's own central differences of f(v) = sum(w * v^3), in float64.
h = 1e-5
numeric = np.array([(np.sum(w * (values + h * e) ** 3) - np.sum(w * (values - h * e) ** 3)) / (2 * h)
                    for e in np.eye(len(values))])
expect_close(x.grad, numeric, atol=1e-4, rtol=1e-4, what="x.grad against central differences")
passed("02.4")

# %% [markdown]
# ## Exercise 02.5 · How long is the chain? · 연습 문제 02.5 · 사슬은 얼마나 길까?
#
# The lesson's define-by-run loop
#
# ```python
# y = x * 2
# while y.data.norm() < 1000:
#     y = y * 2
# ```
#
# records one `MulBackward0` node per multiplication. Write `doublings(values)` that predicts how many,
# for `x = torch.tensor(values)`, **without running the loop on tensors**: use the norm of `values`
# and a little arithmetic. The check builds the real graphs and counts their nodes.
#
# *Hint:* after k multiplications the norm is 2ᵏ·|x|; the first multiplication always happens.
#
# 강의의 실행-기반-정의 반복문은 곱셈마다 `MulBackward0` 노드를 하나씩 기록합니다. `x = torch.tensor(values)`일
# 때 노드가 몇 개 기록될지 예측하는 `doublings(values)`를 작성하세요. 단, **텐서로 반복문을 실행하지 말고**
# `values`의 노름과 간단한 계산만 쓰세요. 확인 셀이 실제 그래프를 만들어 노드를 셉니다.
#
# *힌트:* k번 곱한 뒤의 노름은 2ᵏ·|x|입니다. 첫 번째 곱셈은 언제나 일어납니다.

# %%
def doublings(values):
    ### BEGIN SOLUTION
    norm = float(np.linalg.norm(np.asarray(values, dtype=np.float64)))
    k = 1
    while norm * 2 ** k < 1000:
        k += 1
    return k
    ### END SOLUTION


# %% exercise="02.5" points=1
from minigrad_course.checks import expect_equal, passed


def recorded_chain(values):
    x = torch.tensor(values, requires_grad=True)
    y = x * 2
    while y.data.norm() < 1000:
        y = y * 2
    count, node = 0, y.grad_fn
    while node is not None and node.name() == "MulBackward0":
        count, node = count + 1, node.next_functions[0][0]
    return count


for values in [[1., 2., 3.], [-3., 4.], [600., 0., 0.], [0.001, 0., 0.], [10., 10., 10., 10.]]:
    expect_equal(doublings(values), recorded_chain(values), what=f"doublings({values})")
passed("02.5")

# %% [markdown]
# ## Done · 끝
#
# You have written operations that plug into the engine, walked its graph, and checked a derivative
# numerically. Lesson 03 looks at derivatives themselves: numerical and analytic, and the chain rule.
#
# 엔진에 끼워 넣을 수 있는 연산을 직접 만들고, 그래프를 탐색하고, 도함수를 수치로 확인해 보았습니다. 03강에서는
# 도함수 자체를 다룹니다. 수치 미분과 해석적 미분, 그리고 연쇄 법칙입니다.
