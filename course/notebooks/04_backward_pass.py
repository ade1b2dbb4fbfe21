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
# # Lesson 04 · The backward pass · 역전파
#
# In lesson 03 we walked a chain `a -> b -> c -> out` backwards by hand, multiplying local
# derivatives. `out.backward()` does that walk for any graph. This lesson builds it:
#
# 1. on lesson 02's engine, two natural but flawed ways to run the backward pass: one gives a
#    **wrong answer**, the other does **exponential work**;
# 2. the fix, **topological order**, which visits every node once;
# 3. what follows from the design: gradients **accumulate** in `.grad`, only leaves keep them
#    (`retain_grad()` for the others), and the graph is **freed** after `backward()`.
#
# We watch minigrad's backward pass step by step and read its real code at the end.
#
# 03강에서는 `a -> b -> c -> out` 사슬을 손으로 거슬러 올라가며 국소 미분을 곱했습니다. `out.backward()`는 어떤
# 그래프에서든 이 일을 대신 해 줍니다. 이번 강의에서 그것을 만듭니다.
#
# 1. 02강의 엔진 위에서, 자연스러워 보이지만 결함이 있는 역전파(backward pass) 방법 두 가지를 시도합니다. 하나는 **틀린 답**을,
#    다른 하나는 **지수적으로 많은 일**을 합니다.
# 2. 해결책인 **위상 순서**(topological order)는 모든 노드(node)를 한 번씩만 방문합니다.
# 3. 이 설계에서 따라 나오는 성질을 살펴봅니다. 변화도(gradient)는 `.grad`에 **누적**(accumulate)되고, 잎(leaf) 텐서만 변화도를 보관하며(나머지는
#    `retain_grad()`로), `backward()` 뒤에는 그래프가 **해제**됩니다.
#
# minigrad의 역전파를 한 단계씩 지켜보고, 마지막에 실제 코드를 읽습니다.

# %%
import importlib
import inspect
import warnings

import matplotlib.pyplot as plt

import minigrad as torch  # the same API as PyTorch
from minigrad.viz import backward_steps, draw_graph, show_backward
from minigrad_course.errors import shows_error
from minigrad_course.fonts import use_korean_font

_ = use_korean_font()

# %% [markdown]
# ## Lesson 02's engine · 02강의 엔진
#
# We build the backward pass on the engine of lesson 02, repeated here so that this notebook runs on its
# own: the `MiniTensor` box, `MiniFunction.apply`, which records a node (`ctx`) per call, and `Add` and
# `Mul` in PyTorch's form. Two additions: the box gets `+` and `*` (so `a + a` calls `Add.apply(a, a)`;
# lesson 05 covers operators in full), and `grad` starts at `None`, as in PyTorch. Each node knows its
# inputs (`ctx.inputs`), and calling it, `node(grad)`, returns one gradient per input: that is all the
# information the backward pass needs.
#
# 02강의 엔진 위에 역전파를 만듭니다. 이 노트북만으로 실행되도록 여기에 다시 적었습니다. `MiniTensor` 상자,
# 호출마다 노드(`ctx`)를 기록하는 `MiniFunction.apply`, 그리고 PyTorch 형식의 `Add`와 `Mul`입니다. 달라진 점은 두
# 가지입니다. 상자에 `+`와 `*`를 붙였고(`a + a`는 `Add.apply(a, a)`를 부릅니다. 연산자 전체는 05강에서 다룹니다),
# PyTorch처럼 `grad`는 `None`에서 시작합니다. 노드는 자기 입력(`ctx.inputs`)을 알고, 노드를 호출하면(`node(grad)`)
# 입력마다 변화도를 하나씩 돌려줍니다. 역전파에 필요한 정보는 이것이 전부입니다.

# %%
import numpy as np


class MiniTensor:
    def __init__(self, data, requires_grad=False, grad_fn=None):
        self.data = np.asarray(data, dtype=np.float32)
        self.requires_grad = requires_grad
        self.grad_fn = grad_fn
        self.grad = None

    def __add__(self, other):
        return Add.apply(self, other)

    def __mul__(self, other):
        return Mul.apply(self, other)

    def __repr__(self):
        return f"MiniTensor({self.data.tolist()}, grad={self.grad})"


class MiniFunction:
    @classmethod
    def apply(cls, *inputs):
        ctx = cls()
        result = cls.forward(ctx, *[t.data for t in inputs])
        if not any(t.requires_grad for t in inputs):
            return MiniTensor(result)
        ctx.inputs = inputs
        return MiniTensor(result, requires_grad=True, grad_fn=ctx)

    def save_for_backward(self, *values):
        self.saved_tensors = values

    def __call__(self, grad):
        return self.backward(self, grad)


class Add(MiniFunction):
    @staticmethod
    def forward(ctx, a, b):
        return a + b

    @staticmethod
    def backward(ctx, grad):
        return grad, grad


class Mul(MiniFunction):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        return grad * b, grad * a

# %% [markdown]
# Our test graph reuses values: `b = a + a; c = b + b`. Then $c = 4a$, so $dc/da = 4$.
#
# 시험용 그래프는 값을 재사용합니다. `b = a + a; c = b + b`이면 $c = 4a$이므로 $dc/da = 4$입니다.

# %% [markdown]
# ## First try: recursion that sets · 첫 번째 시도: 덮어쓰는 재귀
#
# The chain rule suggests a recursive function: give a tensor its gradient, ask its node for the
# gradients of its inputs, and hand each input its share.
#
# 연쇄 법칙(chain rule)을 보면 재귀 함수가 떠오릅니다. 텐서에 변화도를 주고, 그 노드에게 입력들의 변화도를 물어서,
# 각 입력에 제 몫을 넘겨줍니다.

# %%
def backward_set(t, grad=1.0):
    t.grad = grad  # overwrite
    if t.grad_fn is not None:
        for parent, g in zip(t.grad_fn.inputs, t.grad_fn(grad)):
            backward_set(parent, g)

a = MiniTensor(3.0, requires_grad=True)
b = a + a
c = b + b
backward_set(c)
print("a.grad =", a.grad, "  (should be 4)")

# %% [markdown]
# **Wrong.** `a` feeds `b` along two edges, and each edge brings a gradient; the second call
# overwrote the first instead of adding to it. The multivariable chain rule says: when a value
# reaches the output along several paths, its gradient is the **sum** over the paths. Here there are
# four paths from `c` back to `a` (2 edges `c <- b` times 2 edges `b <- a`), each worth $1$.
#
# **틀렸습니다.** `a`는 두 개의 간선(edge)으로 `b`에 들어가고, 간선마다 변화도가 하나씩 돌아옵니다. 두 번째 호출이 첫 번째 값에
# 더하지 않고 덮어썼습니다. 다변수 연쇄 법칙에 따르면, 어떤 값이 여러 경로를 거쳐 출력에 닿을 때 그 변화도는 경로별
# 변화도의 **합**입니다. 여기서는 `c`에서 `a`로 가는 경로가 네 개(`c <- b` 간선 2개 × `b <- a` 간선 2개)이고 각각 $1$입니다.

# %% [markdown]
# ## Second try: recursion that accumulates · 두 번째 시도: 누적하는 재귀
#
# So add instead of overwrite. We also count the calls.
#
# 그렇다면 덮어쓰지 말고 더하면 됩니다. 호출 횟수도 세어 봅시다.

# %%
calls = 0

def accumulate(t, g):
    t.grad = g if t.grad is None else t.grad + g

def backward_recursive(t, grad=1.0):
    global calls
    calls += 1
    accumulate(t, grad)
    if t.grad_fn is not None:
        for parent, g in zip(t.grad_fn.inputs, t.grad_fn(grad)):
            backward_recursive(parent, g)

a = MiniTensor(3.0, requires_grad=True)
b = a + a
c = b + b
calls = 0
backward_recursive(c)
print("a.grad =", a.grad, "  calls:", calls)

# %% [markdown]
# Right answer: 4. But 7 calls for 3 tensors. The recursion walks every *path*, not every node: `b`
# was visited twice and, each time, sent its gradient on to `a` again. Make the chain longer,
# `x1 = x0 + x0`, `x2 = x1 + x1`, ..., and the number of paths doubles with every step:
#
# 답은 4로 맞습니다. 그런데 텐서 3개에 호출이 7번입니다. 이 재귀는 모든 노드가 아니라 모든 *경로*를 따라갑니다. `b`를 두 번
# 방문했고, 그때마다 `a`에게 다시 변화도를 보냈습니다. 사슬을 `x1 = x0 + x0`, `x2 = x1 + x1`, ...로 늘리면 경로 수는
# 단계마다 두 배가 됩니다.

# %%
def doubling_chain(n):
    """x0 -> x1 = x0 + x0 -> ... -> xn; returns (x0, xn). d xn / d x0 = 2**n."""
    x0 = MiniTensor(1.0, requires_grad=True)
    x = x0
    for _ in range(n):
        x = x + x
    return x0, x

print(" n   tensors   recursive calls   x0.grad")
recursive_calls = {}
for n in [1, 2, 4, 8, 12, 16]:
    x0, xn = doubling_chain(n)
    calls = 0
    backward_recursive(xn)
    recursive_calls[n] = calls
    print(f"{n:2d}   {n + 1:7d}   {calls:15d}   {x0.grad:g}")

# %% [markdown]
# $2^{n+1} - 1$ calls for $n + 1$ tensors. Sixteen additions already cost 131,071 calls. Real graphs
# are full of such diamonds, where a value reaches the output along several paths: a shortcut in a
# residual network adds a block's input to its output, a weight shared across the steps of a
# recurrent network is used at every step. Walking every path would never finish.
#
# 텐서 $n + 1$개에 호출이 $2^{n+1} - 1$번입니다. 덧셈 16번에 벌써 131,071번입니다. 실제 그래프에는 값 하나가 여러
# 경로로 출력에 닿는 이런 마름모꼴이 가득합니다. 잔차 신경망(residual network)의 지름길은 블록의 입력을 출력에 더하고,
# 순환 신경망에서 여러 단계가 공유하는 가중치(weight)는 단계마다 쓰입니다. 모든 경로를 따라가다가는 영영 끝나지 않습니다.

# %% [markdown]
# ## The fix: topological order · 해결책: 위상 순서
#
# Two problems, two causes, two fixes:
#
# * the **wrong answer** came from overwriting: fix it by **adding** what arrives (`accumulate`);
# * the **exponential work** came from passing a gradient on **before it was complete**: `b` sent
#   $1$ to `a`, then received another $1$ and sent again. Fix it by processing the tensors in an
#   order where each comes after all the tensors that use it. When we reach a tensor, every
#   contribution has arrived; we pass the sum on once and never visit the tensor again.
#
# The fix needs both: in that order, overwriting would still lose a contribution (`b = a + a` sends
# two to `a`). Such an order of a directed acyclic graph is a topological order, and a depth-first
# search finds one:
#
# * visit a tensor's inputs first, then append the tensor (each once, thanks to `visited`);
# * this lists every tensor after its inputs (inputs first, output last); reversed, the output
#   comes first and every tensor precedes its inputs: exactly the order the backward pass needs.
#
# 문제가 둘이고, 원인도 둘이며, 해결책도 둘입니다.
#
# * **틀린 답**은 덮어써서 생겼습니다. 도착하는 변화도를 **더하면**(`accumulate`) 해결됩니다.
# * **지수적인 작업량**은 변화도가 **다 모이기 전에** 넘겨서 생겼습니다. `b`는 `a`에게 $1$을 보낸 뒤 $1$을 또 받아서
#   다시 보냈습니다. 각 텐서를, 그 텐서를 사용하는 모든 텐서보다 뒤에 오도록 순서를 정해 처리하면 해결됩니다. 어떤
#   텐서에 도착했을 때는 모든 기여가 이미 와 있으므로, 합을 한 번만 넘겨주고 다시는 방문하지 않습니다.
#
# 둘 다 필요합니다. 이 순서로 처리해도 덮어쓰면 기여 하나를 잃습니다(`b = a + a`는 `a`에게 두 번 보냅니다). 방향성
# 비순환 그래프(directed acyclic graph)에서 이런 순서를 위상 순서라고 하며, 깊이 우선 탐색으로 찾을 수 있습니다.
#
# * 텐서의 입력을 먼저 방문하고 나서 텐서를 목록에 넣습니다 (`visited` 덕분에 한 번씩).
# * 그러면 모든 텐서가 자기 입력보다 뒤에 나열됩니다 (입력이 먼저, 출력이 마지막). 이를 뒤집으면 출력이 맨 앞에 오고
#   모든 텐서가 자기 입력보다 앞에 옵니다. 역전파에 필요한 바로 그 순서입니다.

# %%
def topological_order(root):
    order, visited = [], set()

    def visit(t):
        if id(t) in visited:
            return
        visited.add(id(t))
        if t.grad_fn is not None:
            for parent in t.grad_fn.inputs:
                visit(parent)
        order.append(t)  # after all its inputs

    visit(root)
    return order[::-1]  # root first


def backward(root):
    global calls
    root.grad = 1.0
    for t in topological_order(root):
        calls += 1
        if t.grad_fn is not None:
            for parent, g in zip(t.grad_fn.inputs, t.grad_fn(t.grad)):
                accumulate(parent, g)  # a tensor may hear from several nodes


a = MiniTensor(3.0, requires_grad=True)
b = a + a
c = b + b
calls = 0
backward(c)
print("a.grad =", a.grad, "  b.grad =", b.grad, "  tensors processed:", calls)

# %% [markdown]
# Right, and each tensor processed once. (Our `visit` is recursive, which is fine for small
# graphs; minigrad's version below uses an explicit stack so that a chain of 100,000 operations
# does not hit Python's recursion limit.) On the doubling chains:
#
# 맞는 답이고, 텐서마다 한 번씩만 처리했습니다. (여기의 `visit`은 재귀 함수라 작은 그래프에서는 괜찮지만, 아래에서 볼
# minigrad의 버전은 연산 100,000개짜리 사슬에서도 파이썬의 재귀 한도에 걸리지 않도록 명시적인 스택을 씁니다.)
# 두 배씩 늘어나는 사슬에서 비교해 봅시다.

# %%
topo_calls = {}
print(" n   recursive calls   topological steps   x0.grad")
for n in recursive_calls:
    x0, xn = doubling_chain(n)
    calls = 0
    backward(xn)
    topo_calls[n] = calls
    print(f"{n:2d}   {recursive_calls[n]:15d}   {calls:17d}   {x0.grad:g}")

fig, ax = plt.subplots(figsize=(6, 3.5))
ns = list(recursive_calls)
ax.semilogy(ns, [recursive_calls[n] for n in ns], "o-", label="recursion, every path · 재귀 (모든 경로를 방문)")
ax.semilogy(ns, [topo_calls[n] for n in ns], "s-", label="topological order, once each · 위상 순서 (한 번씩)")
ax.set_xlabel("doublings n · 두 배로 키운 횟수 n")
ax.set_ylabel("steps, log scale · 처리 횟수 (로그 축)")
ax.set_title("Work of the backward pass · 역전파의 작업량")
ax.grid(True, alpha=0.3)
ax.legend()
plt.show()

# %% [markdown]
# Same gradients; linear work instead of exponential. Multiplication works too: for `d = a * a`
# the node `Mul` sends $a$ along each of its two edges, so $\partial d / \partial a = a + a = 2a$ (the
# product rule, found by accumulation):
#
# 변화도는 같고, 작업량은 지수적이 아니라 선형으로 늘어납니다. 곱셈도 됩니다. `d = a * a`에서는 노드 `Mul`이 두 간선에
# 각각 $a$를 보내므로 $\partial d / \partial a = a + a = 2a$입니다 (누적이 곱의 미분법을 대신해 줍니다).

# %%
a = MiniTensor(3.0, requires_grad=True)
d = a * a
backward(d)
print("d(a*a)/da at 3:", a.grad)

# %% [markdown]
# ## The same graph in minigrad · minigrad에서 같은 그래프
#
# minigrad gives the same answer for `b = a + a; c = b + b`. Its graph has the same shape: two
# arrows from `a` into the first `AddBackward0`, two from `b` into the second.
#
# minigrad도 `b = a + a; c = b + b`에 같은 답을 냅니다. 그래프 모양도 같습니다. `a`에서 첫 번째 `AddBackward0`으로
# 화살표 두 개, `b`에서 두 번째 `AddBackward0`으로 두 개가 들어갑니다.

# %%
a = torch.tensor(3.0, requires_grad=True)
b = a + a
c = b + b
draw_graph(c)

# %% [markdown]
# ## The backward pass, step by step · 역전파를 한 단계씩
#
# `backward_steps(c)` replays minigrad's backward pass in topological order without changing
# anything (no `.grad` is written, the graph is kept) and returns one frame per node: the node, the
# gradient it received (summed over all its incoming edges) and what it sends to each input.
#
# `backward_steps(c)`는 아무것도 바꾸지 않고 (`.grad`에 쓰지 않고 그래프도 유지한 채) minigrad의 역전파를 위상 순서대로
# 재연하며, 노드마다 프레임 하나를 돌려줍니다. 프레임에는 노드, 그 노드가 받은 변화도(들어오는 모든 간선의 합), 각 입력으로
# 보내는 변화도가 들어 있습니다.

# %%
frames = backward_steps(c)
for frame in frames:
    sent = [None if g is None else g.item() for g in frame.grads_out]
    print(f"step {frame.step + 1}: {frame.name:15s} received {frame.grad_in.item():g}, sends {sent}")

# %% [markdown]
# Step 1: the root's node starts from $dc/dc = 1$ and sends 1 to each of its two inputs, both `b`.
# Step 2: `b`'s node has received $1 + 1 = 2$ and sends 2 along each edge to `a`. Step 3: `a`'s
# `AccumulateGrad` node has received $2 + 2 = 4$, which becomes `a.grad`.
#
# Each frame also has a picture of that moment (`frame.graph`): the node being processed in red,
# tensors whose gradient has arrived but not yet been passed on in orange, and each arrow used so
# far labelled with the gradient it carried. The `grad` line of a tensor is the gradient it has
# received so far, for non-leaves too: the pictures show the engine's private buffers, which
# `backward()` itself does not keep. A leaf's `AccumulateGrad` node is drawn as the leaf's own box.
# `show_backward(c, widget=False)` draws the three frames one below the other:
#
# 1단계: 뿌리(root)의 노드는 $dc/dc = 1$에서 시작해 두 입력(둘 다 `b`)에 1씩 보냅니다. 2단계: `b`의 노드는
# $1 + 1 = 2$를 받았고 `a`로 가는 간선마다 2를 보냅니다. 3단계: `a`의 `AccumulateGrad` 노드는 $2 + 2 = 4$를 받았고, 이
# 값이 `a.grad`가 됩니다.
#
# 프레임마다 그 순간을 그린 그림(`frame.graph`)도 있습니다. 처리 중인 노드는 빨간색, 변화도가 도착했지만 아직 넘겨주지
# 않은 텐서는 주황색이며, 지금까지 사용된 화살표에는 실어 나른 변화도가 적혀 있습니다. 텐서 아래의 `grad` 줄은 그 텐서가
# 지금까지 받은 변화도로, 잎 텐서가 아니어도 표시됩니다. 그림은 엔진의 내부 버퍼를 보여 주는 것이고, `backward()` 자체는
# 이 값을 남기지 않습니다. 잎 텐서의 `AccumulateGrad` 노드는 그 잎 텐서의 상자로 그립니다.
# `show_backward(c, widget=False)`는 세 프레임을 차례로 아래에 그립니다.

# %%
show_backward(c, widget=False)

# %% [markdown]
# In a running notebook, `show_backward(c)` without `widget=False` puts the same frames behind a
# slider: drag it to step through the pass. A stored copy of the notebook (on GitHub, for instance)
# cannot run the slider, which is why the frames are also drawn above.
#
# 노트북을 실행 중이라면 `widget=False` 없이 `show_backward(c)`를 호출해 보세요. 같은 프레임을 슬라이더 하나로
# 보여 주며, 슬라이더를 움직이면 역전파를 한 단계씩 넘겨 볼 수 있습니다. 저장된 노트북(예를 들어 GitHub에서 보는
# 노트북)에서는 슬라이더가 동작하지 않기 때문에 위에 프레임을 따로 그려 두었습니다.

# %%
show_backward(c)

# %% [markdown]
# A richer graph, lesson 03's `a -> b -> c -> out`, with every step drawn one below the other
# (`widget=False`). Watch the gradient 6 of lesson 03 arrive at `a`:
#
# 조금 더 큰 그래프로 03강의 `a -> b -> c -> out`을 단계별 그림으로 차례로 그려 봅니다(`widget=False`).
# 03강에서 구한 변화도 6이 `a`에 도착하는 과정을 보세요.

# %%
a = torch.ones(2, 2, requires_grad=True)
b = a + 2
c = b**2
out = c.sum()
show_backward(out, widget=False)

# %% [markdown]
# ## Gradients accumulate · 변화도는 누적된다
#
# minigrad, like PyTorch, **adds** each backward pass's result to `.grad`. It must add within one
# pass (the `b = a + a` lesson above); it also adds *across* passes, which lets you sum gradients of
# several losses, or of several mini-batches, before updating. The price: you must clear `.grad`
# yourself between independent steps. Watch:
#
# minigrad는 PyTorch처럼 역전파 결과를 `.grad`에 **더합니다**. 한 번의 역전파 안에서는 반드시 더해야 하고 (위의
# `b = a + a`에서 배운 것), 여러 번의 역전파 *사이에서도* 더합니다. 덕분에 여러 손실(loss)이나 여러 미니배치의 변화도를 합친 뒤
# 갱신할 수 있습니다. 대신 서로 독립적인 단계 사이에서는 `.grad`를 직접 비워야 합니다. 살펴봅시다.

# %%
x = torch.tensor(2.0, requires_grad=True)

(x**2).backward()  # d(x**2)/dx = 2x = 4
print(x.grad)
(x**2).backward()  # again: 4 + 4
print(x.grad)

# %% [markdown]
# The second call did not replace 4; it added another 4. Two ways to start over: zero the tensor in
# place, or drop it (the next backward then stores a fresh tensor). Optimizers offer both as
# `zero_grad()` (lesson 11).
#
# 두 번째 호출은 4를 바꾸지 않고 4를 더했습니다. 처음부터 다시 시작하는 방법은 두 가지입니다. 텐서를 제자리에서 0으로
# 만들거나, 버리는 것입니다(그러면 다음 역전파가 새 텐서를 저장합니다). 옵티마이저(optimizer)는 두 방법을 모두 `zero_grad()`로
# 제공합니다 (11강).

# %%
x.grad.zero_()
print(x.grad)
(x**2).backward()
print(x.grad)

x.grad = None
print(x.grad)
(x**2).backward()
print(x.grad)

# %% [markdown]
# ## Only leaves keep .grad: retain_grad() · .grad는 잎 텐서에만: retain_grad()
#
# In lesson 03, `b.grad` and `c.grad` were `None` with a warning. The engine computes those
# gradients (it has to, to reach `a`) but keeps them only in its private buffers. To keep one, call
# `retain_grad()` on that tensor before `backward()`:
#
# 03강에서 `b.grad`와 `c.grad`는 경고와 함께 `None`이었습니다. 엔진은 이 변화도를 계산하기는 하지만 (그래야 `a`까지
# 갈 수 있으니까요) 내부 버퍼에만 두고 버립니다. 보관하고 싶으면 `backward()` 전에 그 텐서의 `retain_grad()`를 호출합니다.

# %%
a = torch.ones(2, 2, requires_grad=True)
b = a + 2
b.retain_grad()
c = b**2
out = c.sum()
out.backward(retain_graph=True)  # keep the graph for the drawing below

print("b.grad:", b.grad, sep="\n")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("c.grad:", c.grad)
print("warning:", caught[0].category.__name__, "-", str(caught[0].message)[:60], "...")

# %% [markdown]
# `b.grad` is 6 everywhere ($\partial out / \partial b = 2b$), and reading it gave no warning;
# `c.grad` is still `None`, with the warning we caught. The graph draws a retained tensor with a
# double orange border (we passed `retain_graph=True` above so that the graph, freed otherwise, can
# still be drawn; more on freeing next):
#
# `b.grad`는 모두 6이고($\partial out / \partial b = 2b$) 읽을 때 경고도 없습니다. `c.grad`는 여전히 `None`이고, 붙잡아 둔
# 경고가 발생했습니다. 그래프에서 변화도를 보관하는 텐서는 주황색 이중 테두리로 그려집니다(그래프를 그릴 수 있도록 위에서
# `retain_graph=True`를 주었습니다. 그러지 않으면 그래프가 해제되는데, 바로 다음에 다룹니다).

# %%
draw_graph(out)

# %% [markdown]
# ## The graph is freed after backward · backward 뒤에는 그래프가 해제된다
#
# As in lesson 02, a node saves only what its backward needs: to compute
# $\partial (x \cdot x) / \partial x$, `MulBackward0` needs the value of `x`, so the forward pass saves
# it; `AddBackward0` saves nothing. Saved tensors take memory (in a network, every layer's
# activations), so once `backward()` has used them it frees them. A second `backward()` through the
# same graph then fails, with PyTorch's message (`shows_error` prints the error as Jupyter's last
# line would, and lets the notebook go on):
#
# 02강에서 본 것처럼 노드는 역전파에 꼭 필요한 것만 저장합니다. $\partial (x \cdot x) / \partial x$를 계산하려면
# `MulBackward0`에 `x`의 값이 필요하므로 순전파가 이를 저장해 두고, `AddBackward0`은 아무것도 저장하지 않습니다. 저장된
# 텐서는 메모리를 차지하므로 (신경망이라면 모든 계층(layer)의 활성값), `backward()`는 사용을 마치면 이를 해제합니다. 그래서
# 같은 그래프로 다시 `backward()`를 하면 PyTorch와 같은 메시지와 함께 실패합니다(`shows_error`는 Jupyter가 마지막 줄에
# 보여 줄 오류를 출력하고 노트북이 계속 실행되게 합니다).

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x * x
y.backward()
print(x.grad)
with shows_error(RuntimeError):
    y.backward()

# %% [markdown]
# If you do need a second pass, say so with `retain_graph=True`: the saved tensors are kept, and the
# second gradient is added to the first ($4 + 4$):
#
# 두 번째 역전파가 꼭 필요하다면 `retain_graph=True`로 알려 주세요. 저장된 텐서가 유지되고, 두 번째 변화도가 첫 번째에
# 더해집니다($4 + 4$).

# %%
x = torch.tensor(2.0, requires_grad=True)
y = x * x
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)

# %% [markdown]
# (`c = b + b` from the start of the lesson can be backpropagated twice without `retain_graph`:
# addition saves nothing, so there is nothing to free. PyTorch behaves the same way; do not rely
# on it.)
#
# (이 강의 앞부분의 `c = b + b`는 `retain_graph` 없이도 두 번 역전파할 수 있습니다. 덧셈은 아무것도 저장하지 않으므로
# 해제할 것도 없기 때문입니다. PyTorch도 똑같이 동작하지만, 여기에 기대지는 마세요.)

# %% [markdown]
# ## minigrad's backward engine · minigrad의 역전파 엔진
#
# Everything above is in `minigrad/autograd/engine.py`. First the topological order, the same
# depth-first search as ours, written with an explicit stack. It works on graph nodes
# (`grad_fn`s) rather than tensors: a node's `next_functions` point to the nodes of its inputs, where
# ours followed `ctx.inputs` to the input tensors. (PyTorch's C++ engine reaches a valid order another
# way: it counts, for each node, the gradients it still waits for, and runs the node as soon as that
# count reaches zero.)
#
# 지금까지 본 모든 것이 `minigrad/autograd/engine.py`에 있습니다. 먼저 위상 순서입니다. 우리와 같은 깊이 우선 탐색을
# 명시적인 스택으로 작성했습니다. 텐서가 아니라 그래프 노드(`grad_fn`)에 대해 동작합니다. 우리는 `ctx.inputs`를 따라 입력
# 텐서로 갔지만, 노드의 `next_functions`는 입력의 노드를 가리킵니다. (PyTorch의 C++ 엔진은 다른 방법으로 올바른 순서를
# 얻습니다. 노드마다 아직 기다리는 변화도의 수를 세고, 그 수가 0이 되는 즉시 그 노드를 실행합니다.)

# %%
engine = importlib.import_module("minigrad.autograd.engine")
print(inspect.getsource(engine.topological_order))

# %% [markdown]
# Then the pass itself. Compare with our `backward`:
#
# * `buffers` holds, for each node, the sum of the gradients received so far: our `accumulate`,
#   kept outside the tensors so that non-leaves keep nothing;
# * a node's `_backward(grads)` (called by `_run_node`, which adds the hooks) calls its `Function`'s
#   `backward(ctx, grad)`, our `node(grad)`, and returns one gradient per input, which go to the nodes
#   in `next_functions`;
# * an `AccumulateGrad` node belongs to a leaf and adds into its `.grad`; a tensor that called
#   `retain_grad()` gets its gradient too, in its own `.grad`;
# * a node that no gradient reached is still called, with `None` (as in PyTorch: its hooks see `None`,
#   and a node whose saved tensors were already freed refuses to run);
# * without `retain_graph`, once the pass is over, `node.release()` frees what each node saved:
#   hence the error above. (PyTorch frees each node's saved tensors as soon as that node has run.
#   `capture` serves `autograd.grad`, lesson 09: it runs only the nodes that lead to the tensors asked
#   for (`leading`); `_pre_hooks` and `_post_hooks` serve gradient hooks, before and after a node runs.)
#
# 다음은 역전파 본체입니다. 우리의 `backward`와 비교해 보세요.
#
# * `buffers`는 노드마다 지금까지 받은 변화도의 합을 담습니다. 우리의 `accumulate`에 해당하며, 텐서 밖에 두기 때문에
#   잎이 아닌 텐서에는 아무것도 남지 않습니다.
# * 노드의 `_backward(grads)`는(훅을 더해 주는 `_run_node`가 부릅니다) 그 `Function`의 `backward(ctx, grad)`를 부르고(우리의 `node(grad)`), 입력마다 변화도를
#   하나씩 돌려줍니다. 이 변화도는 `next_functions`의 노드들로 갑니다.
# * `AccumulateGrad` 노드는 잎 텐서에 속하며 그 `.grad`에 더합니다. `retain_grad()`를 호출한 텐서도 자기 `.grad`에 변화도를 받습니다.
# * 변화도가 하나도 도착하지 않은 노드도 `None`을 받아 호출됩니다(PyTorch와 같습니다. 훅은 `None`을 보고, 저장한 텐서가
#   이미 해제된 노드는 실행을 거부합니다).
# * `retain_graph`가 없으면 역전파가 끝난 뒤 `node.release()`가 각 노드가 저장한 것을 해제합니다. 위의 오류가 여기서
#   나옵니다. (PyTorch는 노드를 실행하자마자 그 노드가 저장한 텐서를 해제합니다. `capture`는 09강의 `autograd.grad`를
#   위한 것으로, 요청한 텐서로 이어지는 노드(`leading`)만 실행합니다. `_pre_hooks`와 `_post_hooks`는 노드가 실행되기 전과 후에 부르는 변화도 훅(hook)을 위한 것입니다.)

# %%
print(inspect.getsource(engine.run_backward))

# %% [markdown]
# ## Summary · 정리
#
# * Naive recursion either overwrites (wrong answer when a value is reused) or walks every path
#   ($2^{n+1} - 1$ calls for $n$ reuses).
# * Two causes, two fixes: add what arrives instead of overwriting, and process the graph in
#   topological order (root first, each node before its inputs), so that each node has its complete
#   gradient before it passes it on: one visit per node, linear work.
# * Gradients accumulate: within a pass (a reused value sums its paths) and across passes (clear
#   with `x.grad.zero_()` or `x.grad = None`).
# * Only leaves keep `.grad`; `retain_grad()` keeps a non-leaf's.
# * `backward()` frees saved tensors; a second pass needs `retain_graph=True`.
# * `backward_steps` / `show_backward` show the pass step by step.
#
# **Next, lesson 05:** our engine knows only `+` and `*`. We give it every operator, `+ - * / **`,
# each a `Function` with its local derivatives, with Python numbers on either side (`2 * x`, `x + 5`).
#
# * 단순한 재귀는 덮어쓰거나 (값이 재사용되면 틀린 답) 모든 경로를 따라갑니다 (재사용 $n$번에 호출 $2^{n+1} - 1$번).
# * 원인이 둘이니 해결책도 둘입니다. 덮어쓰지 말고 도착하는 변화도를 더하고, 그래프를 위상 순서(뿌리가 먼저, 각 노드가
#   자기 입력보다 먼저)로 처리해서 노드가 변화도를 넘기기 전에 완전한 변화도를 받게 합니다. 노드마다 한 번 방문, 선형
#   작업량입니다.
# * 변화도는 누적됩니다. 한 번의 역전파 안에서 (재사용된 값은 경로별 변화도를 합침), 그리고 여러 번의 역전파 사이에서도
#   (`x.grad.zero_()`나 `x.grad = None`으로 비웁니다).
# * `.grad`는 잎 텐서에만 남고, 잎이 아닌 텐서는 `retain_grad()`로 보관합니다.
# * `backward()`는 저장된 텐서를 해제하므로, 두 번째 역전파에는 `retain_graph=True`가 필요합니다.
# * `backward_steps` / `show_backward`로 역전파를 한 단계씩 볼 수 있습니다.
#
# **다음 05강:** 우리 엔진은 아직 `+`와 `*`만 압니다. 연산자 `+ - * / **`를 모두, 각각 국소 미분을 가진 `Function`으로
# 만들고, 파이썬 수가 어느 쪽에 와도(`2 * x`, `x + 5`) 동작하게 합니다.
