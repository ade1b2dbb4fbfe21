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
# Five exercises on lesson 02: write two operations of your own, walk a graph twice (counting its
# nodes, then finding the leaves it will fill), and predict the length of a define-by-run chain. Write your code where a cell says `raise NotImplementedError`, then run the
# check cell below it. Run the cells from the top.
#
# 02강에 대한 연습 문제 다섯 개입니다. 연산 두 개를 직접 만들고, 그래프를 두 번 탐색하고(노드를 세고, 변화도가
# 채워질 잎 텐서를 찾습니다), 실행-기반-정의 사슬의 길이를 예측합니다. `raise NotImplementedError`가 있는 자리에 코드를 작성한 뒤, 바로 아래의
# 확인 셀을 실행하세요. 셀은 위에서부터 차례로 실행하세요.

# %%
import numpy as np

import minigrad as torch
from minigrad.viz import draw_graph

torch.manual_seed(0)
print("minigrad is ready · minigrad 준비 완료")

# %% [markdown]
# ## Exercise 02.1 · A `Square` function · 연습 문제 02.1 · `Square` 함수
#
# Complete `Square`, the operation y = x², written as PyTorch writes an operation of its own: a
# subclass of `torch.autograd.Function` with two static methods.
#
# - `forward(ctx, x)` gets the input tensor, keeps what `backward` will need with
#   `ctx.save_for_backward(x)`, and returns x².
# - `backward(ctx, grad)` gets `grad` (the gradient of the final result with respect to y), reads
#   the saved input back with `(x,) = ctx.saved_tensors`, and returns the gradient with respect to x:
#   `grad` times the local derivative dy/dx = 2x.
#
# `Square.apply(x)` runs it and records a node called `SquareBackward`, as in PyTorch; the check
# looks for that name. The same class runs unchanged under `import torch`.
#
# *Hint:* three short lines in all. Do not forget to multiply by `grad`.
#
# 연산 y = x²을 나타내는 `Square`를 PyTorch가 자기 연산을 쓰는 방식으로 완성하세요. 정적 메서드 두 개를 가진
# `torch.autograd.Function`의 하위 클래스입니다.
#
# - `forward(ctx, x)`는 입력 텐서를 받아 `backward`에 필요한 것을 `ctx.save_for_backward(x)`로 남겨 두고 x²을
#   돌려줍니다.
# - `backward(ctx, grad)`는 최종 결과의 y에 대한 변화도(gradient)인 `grad`를 받아, `(x,) = ctx.saved_tensors`로 저장한
#   입력을 다시 읽고, x에 대한 변화도, 곧 `grad`에 국소 미분 dy/dx = 2x를 곱한 값을 돌려줍니다.
#
# `Square.apply(x)`로 실행하면 PyTorch처럼 `SquareBackward`라는 노드가 기록됩니다. 확인 셀도 이 이름을 봅니다. 같은
# 클래스가 `import torch`에서도 그대로 돌아갑니다.
#
# *힌트:* 모두 합쳐 짧은 세 줄입니다. `grad`를 곱하는 것을 잊지 마세요.

# %%
class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ### BEGIN SOLUTION
        ctx.save_for_backward(x)
        return x * x
        ### END SOLUTION

    @staticmethod
    def backward(ctx, grad):
        ### BEGIN SOLUTION
        (x,) = ctx.saved_tensors
        return grad * 2 * x
        ### END SOLUTION


# %% exercise="02.1" points=2
from minigrad_course.checks import expect_close, expect_equal, fail, passed

x = torch.tensor([1., -2., 3.], requires_grad=True)
y = Square.apply(x)
expect_close(y.detach(), [1., 4., 9.], what="Square.apply(x)")
expect_equal(y.grad_fn.name(), "SquareBackward", what="y.grad_fn.name()")
weights = torch.tensor([1., 10., 100.])
saved = ("forward must keep the input for backward: ctx.save_for_backward(x) in forward, "
         "(x,) = ctx.saved_tensors in backward.",
         "forward는 backward를 위해 입력을 남겨 두어야 합니다. forward에서 ctx.save_for_backward(x)를, backward에서 "
         "(x,) = ctx.saved_tensors를 쓰세요.")
try:
    (y * weights).sum().backward()
except NotImplementedError:  # not written yet: let it through as it is
    raise
except (ValueError, RuntimeError, AttributeError) as error:
    fail((f"backward failed: {type(error).__name__}: {error}", f"backward가 실패했습니다: {type(error).__name__}: {error}"),
         saved)
# d/dx of sum(w * x^2) = 2 * x * w, by hand: [2, -40, 600]
expect_close(x.grad, [2., -40., 600.], what="x.grad",
             mistakes=[([2., -4., 6.], ("that is 2x alone: backward must multiply the local derivative by grad.",
                                        "2x만 돌려주었습니다. backward는 국소 미분에 grad를 곱해야 합니다.")),
                       ([1., -20., 300.], ("dy/dx of x² is 2x: the factor 2 is missing.",
                                           "x²의 dy/dx는 2x입니다. 인수 2가 빠졌습니다."))])
# a second input, of another shape and under another name
u = torch.tensor([[0.5, -4.0], [2.5, 1.5]], requires_grad=True)
y_u = Square.apply(u)
expect_close(y_u.detach(), [[0.25, 16.], [6.25, 2.25]], what="Square.apply(u), u of shape (2, 2)",
             hint=("forward returns x * x, element by element, in x's own layout.",
                   "forward는 x * x를 원소별로, x와 같은 배치로 돌려줍니다."))
(y_u * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
expect_close(u.grad, [[1., -16.], [15., 12.]], what=("u.grad for a second input u of shape (2, 2)",
                                                     "모양 (2, 2)인 두 번째 입력 u의 u.grad"),
             hint=("backward must use the input saved by forward (ctx.saved_tensors), not a variable of the notebook.",
                   "backward는 노트북의 변수가 아니라 forward가 저장한 입력(ctx.saved_tensors)을 써야 합니다."))
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
from minigrad_course.checks import expect_equal, fail, passed

x = torch.ones(2, 2, requires_grad=True)
out = ((x + 2) * (x + 2) * 3).mean()
# Mean, Mul (* 3), Mul (the product), two Add (x + 2 was computed twice), AccumulateGrad
skipped_leaf = ("count the AccumulateGrad node of the leaf too.", "잎 텐서의 AccumulateGrad 노드도 세세요.")
expect_equal(count_nodes(out), 6, what="count_nodes(((x + 2) * (x + 2) * 3).mean())",
             mistakes=[(5, skipped_leaf),
                       (7, ("x's AccumulateGrad node was counted twice (two paths lead to it): keep a set of the "
                            "nodes already seen.",
                            "x의 AccumulateGrad 노드를 두 번 셌습니다(두 경로로 닿습니다). 이미 본 노드를 set에 담아 두세요."))])
y = x + 2
out = (y * y * 3).mean()
expect_equal(count_nodes(out), 5, what=("count_nodes((y * y * 3).mean()) with y = x + 2",
                                        "y = x + 2일 때 count_nodes((y * y * 3).mean())"),
             mistakes=[(6, ("y's node was counted twice (y * y reaches it by two paths): keep a set of the "
                            "nodes already seen.",
                            "y의 노드를 두 번 셌습니다(y * y에서 두 경로로 닿습니다). 이미 본 노드를 set에 담아 두세요.")),
                       (4, skipped_leaf)])

a = torch.tensor([1.], requires_grad=True)
e = a
for _ in range(20):
    e = e + e                       # 20 AddBackward0 nodes, 2**20 paths
revisits = ("a node seen before must not be expanded again: skip it before adding its next_functions.",
            "이미 본 노드는 다시 펼치면 안 됩니다. next_functions를 더하기 전에 건너뛰세요.")


class CountedReads(type(e.grad_fn)):
    """The chain's nodes, with the reads of next_functions counted (and stopped when they explode)."""
    reads = 0
    limit = 10 * 20

    @property
    def next_functions(self):
        CountedReads.reads += 1
        if CountedReads.reads > CountedReads.limit:
            fail((f"count_nodes read next_functions more than {CountedReads.limit} times for a chain of 20 nodes: "
                  f"it follows every path (2**20 of them) instead of visiting each node once",
                  f"count_nodes가 노드 20개짜리 사슬에서 next_functions를 {CountedReads.limit}번 넘게 읽었습니다. "
                  f"노드마다 한 번씩이 아니라 모든 경로(2**20개)를 따라갑니다"), revisits)
        return self.__dict__["next_functions"]


chain, node = [], e.grad_fn
while type(node) is type(e.grad_fn):
    chain.append(node)
    node = node.next_functions[0][0]
for node in chain:
    node.__class__ = CountedReads
try:
    counted_nodes = count_nodes(e)
finally:
    for node in chain:
        node.__class__ = CountedReads.__mro__[1]
expect_equal(counted_nodes, 21, what=("count_nodes after 20 doublings e = e + e", "e = e + e를 20번 한 뒤의 count_nodes"))

p = torch.tensor([2.], requires_grad=True)
q = torch.tensor([3.], requires_grad=True)
expect_equal(count_nodes(p * q + p), 4, what="count_nodes(p * q + p)")
b = p * 2
expect_equal(count_nodes(p.sin() + b * b), 5, what=("count_nodes(p.sin() + b * b) with b = p * 2",
                                                    "b = p * 2일 때 count_nodes(p.sin() + b * b)"),
             hint=("a node seen before is skipped, and the walk goes on: other branches may still be waiting.",
                   "이미 본 노드는 건너뛰고 탐색은 계속합니다. 아직 기다리는 다른 가지가 있을 수 있습니다."))
expect_equal(count_nodes(p * torch.tensor([5.])), 2, what=("count_nodes(p * constant)", "count_nodes(p * 상수)"),
             hint=("the constant's entry in next_functions is None: skip it.",
                   "상수의 next_functions 항목은 None입니다. 건너뛰세요."))
expect_equal(count_nodes(p), 0, what=("count_nodes(leaf)", "count_nodes(잎 텐서)"),
             hint=("a leaf has no grad_fn, so there is nothing to walk: return 0.",
                   "잎 텐서에는 grad_fn이 없으니 탐색할 것이 없습니다. 0을 돌려주세요."))
passed("02.2")

# %% [markdown]
# ## Exercise 02.3 · Which leaves will get a gradient? · 연습 문제 02.3 · 어느 잎 텐서가 변화도를 받을까?
#
# `t.backward()` fills `.grad` of the leaves it reaches: the tensors held by the `AccumulateGrad`
# nodes of `t`'s graph (`node.variable`). Write `leaves_of(t)`: the list of those tensors, each
# **once** even if the graph uses it several times, in any order (`[]` when `t` has no `grad_fn`). Find
# them by walking the graph, without calling `backward()`.
#
# *Hint:* the same walk as in 02.2. A node is an `AccumulateGrad` when its `name()` ends with
# `"AccumulateGrad"`; collect its `.variable`. Tensors cannot go in a `set` as keys of "already seen"
# (their `==` compares values), but nodes can.
#
# `t.backward()`는 자신이 닿는 잎 텐서, 곧 `t`의 그래프에 있는 `AccumulateGrad` 노드가 담고 있는 텐서(`node.variable`)의
# `.grad`를 채웁니다. 그 텐서들의 리스트를 돌려주는 `leaves_of(t)`를 작성하세요. 그래프가 여러 번 쓰는 텐서도 **한 번만**
# 담고, 순서는 상관없습니다(`t`에 `grad_fn`이 없으면 `[]`입니다). `backward()`를 부르지 말고 그래프를 탐색해서 찾으세요.
#
# *힌트:* 02.2와 같은 탐색입니다. `name()`이 `"AccumulateGrad"`로 끝나는 노드가 `AccumulateGrad`이고, 그 노드의
# `.variable`을 모으면 됩니다. 텐서는 "이미 본 것"을 담는 `set`에 넣을 수 없지만(`==`가 값을 비교합니다), 노드는 넣을 수
# 있습니다.

# %%
def leaves_of(t):
    ### BEGIN SOLUTION
    seen, found = set(), []
    todo = [t.grad_fn] if t.grad_fn is not None else []
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        if node.name().endswith("AccumulateGrad"):
            found.append(node.variable)
        todo.extend(n for n, _ in node.next_functions if n is not None)
    return found
    ### END SOLUTION


# %% exercise="02.3" points=2
from minigrad_course.checks import expect_equal, expect_true, passed


def names_of(result, tensors):
    """The names of the tensors in result (by identity), sorted; '?' for anything else."""
    return sorted(next((name for name, t in tensors.items() if r is t), "?") for r in result)


a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3., 4.], requires_grad=True)
c = torch.tensor([5., 6.])                      # a constant: no gradient for it
w = torch.tensor(2., requires_grad=True)
tensors = {"a": a, "b": b, "c": c, "w": w}
for label, out, names in [("(a * b).sum()", (a * b).sum(), ["a", "b"]),
                          ("(a * a + c).sum()", (a * a + c).sum(), ["a"]),
                          ("((a + c) * w).sum() + (b * w).mean()", ((a + c) * w).sum() + (b * w).mean(), ["a", "b", "w"]),
                          ("((a + 1) * 2 + 3).exp().sum()", ((a + 1) * 2 + 3).exp().sum(), ["a"])]:
    result = leaves_of(out)
    expect_true(all(isinstance(r, torch.Tensor) for r in result),
                what=(f"leaves_of({label}) holds tensors", f"leaves_of({label})에 텐서만 들어 있다"),
                hint=("collect node.variable, the tensor of an AccumulateGrad node, not the node itself.",
                      "노드 자체가 아니라 AccumulateGrad 노드의 텐서인 node.variable을 모으세요."))
    found = names_of(result, tensors)
    expect_equal(found, names, what=f"leaves_of({label})",
                 mistakes=[(sorted(names + names), ("each leaf must appear once: keep a set of the nodes "
                                                    "already seen.",
                                                    "잎 텐서는 한 번씩만 나와야 합니다. 이미 본 노드를 set에 담아 두세요."))],
                 hint=("follow next_functions all the way down, skipping None entries.",
                       "None 항목은 건너뛰면서 next_functions를 끝까지 따라가세요."))
expect_equal(leaves_of(a), [], what=("leaves_of(a leaf)", "leaves_of(잎 텐서)"),
             hint=("a leaf has no grad_fn: return [].", "잎 텐서에는 grad_fn이 없습니다. []를 돌려주세요."))

# a deep graph: ten doublings reuse one leaf 2**10 times
deep = w
for _ in range(10):
    deep = deep + deep
expect_equal(names_of(leaves_of(deep), tensors), ["w"], what=("leaves_of(10 doublings of w)", "leaves_of(w를 10번 두 배로)"),
             hint=("each leaf must appear once: keep a set of the nodes already seen.",
                   "잎 텐서는 한 번씩만 나와야 합니다. 이미 본 노드를 set에 담아 두세요."))

# the answer must agree with what backward really fills
loss = ((a + c) * w).sum() + (b * b).mean()
filled = leaves_of(loss)
loss.backward()
expect_equal(names_of(filled, tensors), sorted(name for name, t in tensors.items() if t.grad is not None),
             what=("leaves_of(loss) against the tensors backward() fills", "leaves_of(loss)와 backward()가 채우는 텐서"))
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
class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ### BEGIN SOLUTION
        ctx.save_for_backward(x)
        return x * x * x
        ### END SOLUTION

    @staticmethod
    def backward(ctx, grad):
        ### BEGIN SOLUTION
        (x,) = ctx.saved_tensors
        return grad * 3 * x * x
        ### END SOLUTION


# %% exercise="02.4" points=2
from minigrad_course.checks import expect_close, expect_equal, fail, passed

values = np.array([0.5, -1.5, 2.0, 0.0])
w = np.array([1.0, 2.0, -3.0, 4.0])
x = torch.tensor(values.tolist(), requires_grad=True)
y = Cube.apply(x)
expect_close(y.detach(), values ** 3, what="Cube.apply(x)")
expect_equal(y.grad_fn.name(), "CubeBackward", what="y.grad_fn.name()")
try:
    (y * torch.tensor(w.tolist())).sum().backward()
except NotImplementedError:  # not written yet: let it through as it is
    raise
except (ValueError, RuntimeError, AttributeError) as error:
    fail((f"backward failed: {type(error).__name__}: {error}", f"backward가 실패했습니다: {type(error).__name__}: {error}"),
         ("forward must keep the input for backward: ctx.save_for_backward(x) in forward, "
          "(x,) = ctx.saved_tensors in backward.",
          "forward는 backward를 위해 입력을 남겨 두어야 합니다. forward에서 ctx.save_for_backward(x)를, backward에서 "
          "(x,) = ctx.saved_tensors를 쓰세요."))

# The check's own central differences of f(v) = sum(w * v^3), in float64.
h = 1e-5
numeric = np.array([(np.sum(w * (values + h * e) ** 3) - np.sum(w * (values - h * e) ** 3)) / (2 * h)
                    for e in np.eye(len(values))])
expect_close(x.grad, numeric, atol=1e-4, rtol=1e-4,
             what=("x.grad against central differences", "중앙 차분과 비교한 x.grad"),
             mistakes=[(3 * values ** 2, ("that is 3x² alone: backward must multiply the local derivative by grad.",
                                           "3x²만 돌려주었습니다. backward는 국소 미분에 grad를 곱해야 합니다.")),
                       (w * 2 * values, ("that is Square's derivative 2x: the derivative of x³ is 3x².",
                                         "Square의 도함수 2x입니다. x³의 도함수는 3x²입니다."))])
# a second input, of another shape and under another name
u_np = np.array([[0.5, -4.0], [2.5, 1.5]])
u = torch.tensor(u_np.tolist(), requires_grad=True)
y_u = Cube.apply(u)
expect_close(y_u.detach(), u_np ** 3, what="Cube.apply(u), u of shape (2, 2)",
             hint=("forward returns x * x * x, element by element, in x's own layout.",
                   "forward는 x * x * x를 원소별로, x와 같은 배치로 돌려줍니다."))
(y_u * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
expect_close(u.grad, 3 * u_np ** 2 * np.array([[1., 2.], [3., 4.]]),
             what=("u.grad for a second input u of shape (2, 2)", "모양 (2, 2)인 두 번째 입력 u의 u.grad"),
             hint=("backward must use the input saved by forward (ctx.saved_tensors), not a variable of the notebook.",
                   "backward는 노트북의 변수가 아니라 forward가 저장한 입력(ctx.saved_tensors)을 써야 합니다."))
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


for values in [[1., 2., 3.], [-3., 4.], [600., 0., 0.], [0.001, 0., 0.], [10., 10., 10., 10.],
               [2000., 0., 0.], [500., 0., 0.], [249.875, 0.]]:
    expected = recorded_chain(values)
    expect_equal(doublings(values), expected, what=f"doublings({values})",
                 hint=("the first multiplication always happens (k >= 1); then k grows while 2**k * |x| < 1000.",
                       "첫 번째 곱셈은 언제나 일어납니다(k >= 1). 그 뒤로 2**k * |x| < 1000인 동안 k가 늘어납니다."),
                 mistakes=[(expected - 1, ("y = x * 2 happens before the loop: the first multiplication always "
                                           "happens, even when |x| is already 1000 or more.",
                                           "y = x * 2는 반복문 전에 실행됩니다. |x|가 이미 1000 이상이어도 첫 번째 곱셈은 "
                                           "언제나 일어납니다.")),
                           (expected + 1, ("the loop runs while the norm is below 1000: a norm of exactly 1000 "
                                           "stops it.",
                                           "반복문은 노름이 1000보다 작은 동안만 돕니다. 노름이 정확히 1000이면 멈춥니다."))])
### BEGIN HIDDEN TESTS
for values in [[0.3, -0.4], [999.0, 0.0], [62.5, 0.0, 0.0], [1e-6]]:
    expected = recorded_chain(values)
    expect_equal(doublings(values), expected, what=f"doublings({values})",
                 hint=("the first multiplication always happens (k >= 1); then k grows while 2**k * |x| < 1000.",
                       "첫 번째 곱셈은 언제나 일어납니다(k >= 1). 그 뒤로 2**k * |x| < 1000인 동안 k가 늘어납니다."))
### END HIDDEN TESTS
passed("02.5")

# %% [markdown]
# ## Done · 끝
#
# You have written operations that plug into the engine, walked its graph, and checked a derivative
# numerically. Lesson 03 looks at derivatives themselves: numerical and analytic, and the chain rule.
#
# 엔진에 끼워 넣을 수 있는 연산을 직접 만들고, 그래프를 탐색하고, 도함수를 수치로 확인해 보았습니다. 03강에서는
# 도함수 자체를 다룹니다. 수치 미분과 해석적 미분, 그리고 연쇄 법칙입니다.
