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
# # Exercises 04 · The backward pass · 연습 문제 04 · 역전파
#
# Four exercises on lesson 04: a topological sort, a backward pass that accumulates, predicting
# `.grad` after several backward calls, and a bug hunt. Write your code where a cell says
# `NotImplementedError`, then run the check cell below it.
#
# 04강 내용으로 연습 문제(exercise) 네 개를 풉니다. 위상 정렬(topological sort), 누적하는(accumulate) 역전파(backward pass),
# 여러 번의 backward 뒤 `.grad` 예측하기, 버그 찾기입니다.
# `NotImplementedError`가 있는 셀에 코드를 작성하고 바로 아래의 확인(check) 셀을 실행하세요.

# %%
import minigrad as torch

# %% [markdown]
# The tiny engine of the lesson, used by all exercises. A `Var` keeps its parents, each paired with
# the local derivative $\partial\,\text{self} / \partial\,\text{parent}$.
#
# 모든 연습 문제에서 쓰는 강의의 작은 엔진입니다. `Var`는 부모를 국소 미분 $\partial\,\text{self} / \partial\,\text{parent}$와
# 짝지어 보관합니다.

# %%
class Var:
    def __init__(self, value, parents=(), name=""):
        self.value = value
        self.parents = parents  # ((parent, d self / d parent), ...)
        self.grad = 0.0
        self.name = name

    def __add__(self, other):
        return Var(self.value + other.value, ((self, 1.0), (other, 1.0)))

    def __mul__(self, other):
        return Var(self.value * other.value, ((self, other.value), (other, self.value)))

    def __repr__(self):
        return f"Var({self.name or self.value}, grad={self.grad})"

# %% [markdown]
# ## Exercise 04.1 · Topological sort · 연습 문제 04.1 · 위상 정렬
#
# Write `topological_sort(root)`: a list of every `Var` reachable from `root` through `parents`,
# each exactly once, `root` first, and every node **before all of its parents**.
#
# *Hint:* a depth-first search with a `visited` set of `id(node)`s: visit the parents, then append
# the node; reverse at the end.
#
# `topological_sort(root)`를 작성하세요. `root`에서 `parents`를 따라 닿을 수 있는 모든 `Var`를 정확히 한 번씩 담은 리스트를
# 돌려줍니다. `root`가 맨 앞이고, 모든 노드(node)는 **자기 부모들보다 앞에** 와야 합니다.
#
# *힌트:* `id(node)`를 담는 `visited` 집합을 쓰는 깊이 우선 탐색입니다. 부모를 먼저 방문하고 노드를 추가한 뒤, 마지막에
# 뒤집으세요.

# %%
def topological_sort(root):
    """Every node reachable from root, root first, each node before its parents."""
    ### BEGIN SOLUTION
    order, visited = [], set()

    def visit(node):
        if id(node) in visited:
            return
        visited.add(id(node))
        for parent, _ in node.parents:
            visit(parent)
        order.append(node)

    visit(root)
    return order[::-1]
    ### END SOLUTION

# %% exercise="04.1" points=2
from minigrad_course.checks import expect_equal, expect_true, passed

def check_order(order, root, nodes, label):
    once = ("each node once: remember the visited nodes in a set of id(node).",
            "노드마다 한 번씩만 넣으세요. 방문한 노드의 id(node)를 set에 기억하세요.")
    for node in nodes:
        expect_equal(sum(n is node for n in order), 1,
                     what=(f"{label}: times {node.name} appears", f"{label}: {node.name}이(가) 나오는 횟수"), hint=once)
    expect_equal(len(order), len(nodes), what=(f"{label}: number of nodes", f"{label}: 노드 수"), hint=once)
    expect_true(order[0] is root, what=(f"{label}: root first", f"{label}: 뿌리가 맨 앞에 온다"),
                hint=("the depth-first search appends a node after its parents: reverse the list at the end.",
                      "깊이 우선 탐색은 부모 다음에 노드를 추가합니다. 마지막에 리스트를 뒤집으세요."))
    position = {id(n): i for i, n in enumerate(order)}
    for node in nodes:
        for parent, _ in node.parents:
            expect_true(position[id(node)] < position[id(parent)],
                        what=(f"{label}: {node.name} comes before its parent {parent.name}",
                              f"{label}: {node.name}이(가) 부모 {parent.name}보다 앞에 온다"),
                        hint=("a breadth-first order is not enough when an edge skips a level: append a node only "
                              "after all its parents (depth-first), then reverse.",
                              "간선이 단계를 건너뛰면 너비 우선 순서로는 부족합니다. 부모를 모두 추가한 뒤에 노드를 "
                              "추가하고(깊이 우선), 마지막에 뒤집으세요."))

a = Var(2.0, name="a")
b = a + a; b.name = "b"
c = b + b; c.name = "c"
check_order(topological_sort(c), c, [a, b, c], "b = a + a; c = b + b")

# a diamond: x -> (p, q) -> r, with edges that skip a level (x -> q, x -> s)
x = Var(1.0, name="x")
p = x * x; p.name = "p"
q = x + p; q.name = "q"
r = p * q; r.name = "r"
s = r + x; s.name = "s"
check_order(topological_sort(s), s, [x, p, q, r, s], "diamond")
passed("04.1")

# %% [markdown]
# ## Exercise 04.2 · Backward with accumulation · 연습 문제 04.2 · 누적하는 역전파
#
# Write `backward(root)`: set `root.grad = 1.0`, then walk the nodes in topological order (use your
# `topological_sort`) and send each node's gradient to its parents, multiplied by the local
# derivative and **added** to what the parent already has. Assume every `grad` starts at 0.
#
# *Hint:* four lines. The check tries `b = a + a; c = b + b` ($dc/da = 4$), `d = a * a`
# ($2a$), and a bigger graph compared with minigrad.
#
# `backward(root)`를 작성하세요. `root.grad = 1.0`으로 두고, 노드를 위상 순서로(여러분의 `topological_sort`를 쓰세요)
# 돌면서 각 노드의 변화도(gradient)에 국소 미분을 곱해 부모에게 보내되, 부모가 이미 가진 값에 **더해야** 합니다. 모든 `grad`는 0에서
# 시작한다고 가정합니다.
#
# *힌트:* 네 줄이면 됩니다. 확인 셀은 `b = a + a; c = b + b` ($dc/da = 4$), `d = a * a` ($2a$), 그리고 minigrad와 비교하는
# 더 큰 그래프를 시험합니다.

# %%
def backward(root):
    """Fill .grad of every node reachable from root with d root / d node."""
    ### BEGIN SOLUTION
    root.grad = 1.0
    for node in topological_sort(root):
        for parent, local in node.parents:
            parent.grad += node.grad * local
    ### END SOLUTION

# %% exercise="04.2" points=2
from minigrad_course.checks import expect_close, fail, passed

accumulate = ("a parent reached through several edges gets the sum of what they bring: `parent.grad += ...`, "
              "not `=`.",
              "여러 간선으로 닿는 부모는 그 간선들이 가져오는 값의 합을 받습니다. `=`가 아니라 `parent.grad += ...`입니다.")
order = ("send a node's gradient only once it is complete: walk the nodes in topological order, root first.",
         "노드의 변화도가 다 모인 다음에만 보내세요. 뿌리부터 위상 순서로 노드를 도세요.")
a = Var(3.0)
b = a + a
c = b + b
backward(c)
expect_close(a.grad, 4.0, what=("dc/da for b = a + a; c = b + b", "b = a + a; c = b + b일 때 dc/da"),
             mistakes=[(1.0, accumulate), (2.0, accumulate), (0.0, order)])
expect_close(b.grad, 2.0, what=("dc/db for b = a + a; c = b + b", "b = a + a; c = b + b일 때 dc/db"),
             mistakes=[(1.0, accumulate), (0.0, order)])

a = Var(3.0)
d = a * a
backward(d)
expect_close(a.grad, 6.0, what=("d(a*a)/da at a = 3", "a = 3에서 d(a*a)/da"), mistakes=[(3.0, accumulate)])

# a chain of 30 doublings: 31 nodes, but 2**30 paths from the root to x0. Visiting each node once
# reads .parents a few times per node; following every path would read it about 2**31 times.
n = 30
x0 = Var(1.0, name="x0")
chain = [x0]
for _ in range(n):
    chain.append(chain[-1] + chain[-1])
budget = 4 * (n + 1)


class CountingVar(Var):
    """A Var that counts the reads of .parents and stops a walk that reads too many."""
    reads = 0

    @property
    def parents(self):
        CountingVar.reads += 1
        if CountingVar.reads > budget:
            fail((f"backward read .parents more than {budget} times on a chain of {n} doublings (31 nodes): it "
                  f"follows every path (2**{n} of them) instead of visiting each node once",
                  f"backward가 {n}번 두 배로 만든 사슬(노드 31개)에서 .parents를 {budget}번 넘게 읽었습니다. 노드를 한 "
                  f"번씩 방문하지 않고 모든 경로(2**{n}개)를 따라갑니다"),
                 ("walk topological_sort(root) once, sending each node's gradient to its parents.",
                  "topological_sort(root)를 한 번 돌면서 각 노드의 변화도를 부모에게 보내세요."))
        return self.__dict__["parents"]


for node in chain:
    node.__class__ = CountingVar
backward(chain[-1])
expect_close(x0.grad, 2.0 ** n, what=(f"d/dx0 after {n} doublings", f"{n}번 두 배로 만든 뒤의 d/dx0"))

# the same bigger graph in Var and in minigrad
def big(x, y):
    p = x * y
    q = p + x
    return (q * q + p) * y

xv, yv = Var(1.5), Var(-2.0)
backward(big(xv, yv))
xt = torch.tensor(1.5, dtype=torch.float64, requires_grad=True)
yt = torch.tensor(-2.0, dtype=torch.float64, requires_grad=True)
big(xt, yt).backward()
expect_close(xv.grad, xt.grad, what="d big / dx", hint=order)
expect_close(yv.grad, yt.grad, what="d big / dy", hint=order)
passed("04.2")

# %% [markdown]
# ## Exercise 04.3 · Predict .grad · 연습 문제 04.3 · .grad 예측하기
#
# Without running it, predict what this code prints, and make `predicted()` return the three
# numbers (as floats):
#
# 실행하지 말고 이 코드가 무엇을 출력할지 예측해서, `predicted()`가 세 수를 (float으로) 돌려주게 하세요.
#
# ```python
# x = torch.tensor(3.0, requires_grad=True)
# (x * x).backward()
# print(x.grad)          # first
# (4 * x).backward()
# print(x.grad)          # second
# x.grad.zero_()
# (x ** 3).backward()
# print(x.grad)          # third
# ```
#
# *Hint:* gradients accumulate across backward calls until you clear them.
#
# *힌트:* 변화도는 비우기 전까지 여러 번의 backward 호출에 걸쳐 누적됩니다.

# %%
def predicted():
    """(first, second, third)"""
    ### BEGIN SOLUTION
    return (6.0, 10.0, 27.0)
    ### END SOLUTION

# %% exercise="04.3" points=1
from minigrad_course.checks import expect_close, expect_equal, passed

x = torch.tensor(3.0, requires_grad=True)
actual = []
(x * x).backward()
actual.append(x.grad.item())
(4 * x).backward()
actual.append(x.grad.item())
x.grad.zero_()
(x ** 3).backward()
actual.append(x.grad.item())

guess = predicted()
expect_equal(len(guess), 3, what=("number of predicted values", "예측한 값의 개수"))
hints = [("d(x*x)/dx = 2x at x = 3.", "x = 3에서 d(x*x)/dx = 2x입니다."),
         ("gradients accumulate: the second backward adds d(4x)/dx = 4 to the 6 already in x.grad.",
          "변화도는 누적됩니다. 두 번째 backward는 x.grad에 이미 있는 6에 d(4x)/dx = 4를 더합니다."),
         ("x.grad.zero_() cleared x.grad before the third backward: only d(x³)/dx = 3x² remains.",
          "세 번째 backward 전에 x.grad.zero_()가 x.grad를 비웠습니다. d(x³)/dx = 3x²만 남습니다.")]
for label, g, v, hint in zip([("first x.grad", "첫 번째 x.grad"), ("second x.grad", "두 번째 x.grad"),
                              ("third x.grad", "세 번째 x.grad")], guess, actual, hints):
    expect_close(g, v, what=label, hint=hint)
passed("04.3")

# %% [markdown]
# ## Exercise 04.4 · The backward that forgets · 연습 문제 04.4 · 잊어버리는 역전파
#
# PyTorch semantics: each `backward()` call **adds** to the leaves' `.grad`. Below is a backward for
# `Var` graphs that walks the right order and is right on a single call, yet breaks that rule. Run
# it, find the bug, then write `fixed_backward(root)` that behaves like PyTorch: leaves (nodes
# without parents) keep accumulating across calls; the other nodes' gradients start from 0 on every
# call, as minigrad's private buffers do.
#
# PyTorch의 규칙: `backward()`를 호출할 때마다 잎(leaf) 텐서의 `.grad`에 **더합니다**. 아래는 `Var` 그래프용 역전파로, 올바른
# 순서로 돌고 한 번만 호출하면 맞는 답을 내지만 이 규칙을 어깁니다. 실행해 보고 버그를 찾은 다음, PyTorch처럼 동작하는
# `fixed_backward(root)`를 작성하세요. 잎(부모가 없는 노드)은 호출이 거듭되어도 계속 누적하고, 나머지 노드의 변화도는
# minigrad의 내부 버퍼처럼 호출할 때마다 0에서 시작합니다.

# %%
def buggy_backward(root):
    order = topological_order_for_bug_hunt(root)
    for node in order:
        node.grad = 0.0
    root.grad = 1.0
    for node in order:
        for parent, local in node.parents:
            parent.grad += node.grad * local


def topological_order_for_bug_hunt(root):  # a working topological sort, so 04.4 does not need 04.1
    order, visited = [], set()

    def visit(node):
        if id(node) not in visited:
            visited.add(id(node))
            for parent, _ in node.parents:
                visit(parent)
            order.append(node)

    visit(root)
    return order[::-1]


w = Var(2.0)
loss = w * w
buggy_backward(loss)
print("after one call: ", w.grad)
buggy_backward(loss)
print("after two calls:", w.grad, "  (PyTorch would give 8.0)")

# %% [markdown]
# *Hint:* which line resets the leaves? Only the non-leaf nodes should start from 0.
#
# *힌트:* 어느 줄이 잎을 초기화하나요? 0에서 시작해야 하는 것은 잎이 아닌 노드뿐입니다.

# %%
def fixed_backward(root):
    """Like buggy_backward, but leaves accumulate across calls."""
    ### BEGIN SOLUTION
    order = topological_order_for_bug_hunt(root)
    for node in order:
        if node.parents:  # not a leaf
            node.grad = 0.0
    root.grad = 1.0
    for node in order:
        for parent, local in node.parents:
            parent.grad += node.grad * local
    ### END SOLUTION

# %% exercise="04.4" points=2
from minigrad_course.checks import expect_close, passed

w = Var(2.0)
loss = w * w
fixed_backward(loss)
expect_close(w.grad, 4.0, what=("w.grad after one call", "한 번 호출한 뒤의 w.grad"))
fixed_backward(loss)
expect_close(w.grad, 8.0, what=("w.grad after two calls", "두 번 호출한 뒤의 w.grad"),
             mistakes=[(4.0, ("the leaf w was reset to 0 by the second call: reset only the nodes that have parents.",
                              "두 번째 호출이 잎 w를 0으로 되돌렸습니다. 부모가 있는 노드만 0으로 되돌리세요."))])

# two losses sharing a weight, as in a training step: compare with minigrad
u, v = Var(1.5), Var(-0.5)
h = u * v
loss1 = h * h + u
loss2 = h + v * v
fixed_backward(loss1)
fixed_backward(loss2)
fixed_backward(loss2)  # non-leaf h must start from 0 each time
ut = torch.tensor(1.5, dtype=torch.float64, requires_grad=True)
vt = torch.tensor(-0.5, dtype=torch.float64, requires_grad=True)
ht = ut * vt
(ht * ht + ut).backward(retain_graph=True)
(ht + vt * vt).backward(retain_graph=True)
(ht + vt * vt).backward()
stale = ("the non-leaf h kept its gradient from the previous call: reset every node that has parents to 0 at the "
         "start of each call.",
         "잎이 아닌 h가 이전 호출의 변화도를 그대로 가지고 있었습니다. 호출할 때마다 처음에 부모가 있는 노드를 모두 0으로 "
         "되돌리세요.")
expect_close(u.grad, ut.grad, what=("u.grad after three calls", "세 번 호출한 뒤의 u.grad"), hint=stale)
expect_close(v.grad, vt.grad, what=("v.grad after three calls", "세 번 호출한 뒤의 v.grad"), hint=stale)
passed("04.4")

# %% [markdown]
# ## Done · 끝
#
# You built the heart of autograd: a topological sort and a backward pass that accumulates. Lesson 05
# writes the local derivatives of the operators `+ - * / **`.
#
# autograd의 핵심인 위상 정렬과 누적하는 역전파를 만들었습니다. 05강에서는 연산자 `+ - * / **`의 국소 미분을 작성합니다.
