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
# # Lesson 02 · Functions and the computational graph · 함수와 계산 그래프
#
# In lesson 01 a tensor computed from a tracked tensor came back with a `grad_fn`. This lesson
# explains that object. You will
#
# 1. see that every operation is a *function* with two halves, `forward` and `backward`;
# 2. build a small `Function` in PyTorch's form (`forward(ctx, ...)`, `backward(ctx, grad)`, `apply`)
#    that records where each result came from and saves what its backward needs;
# 3. follow those records through minigrad's graph: `grad_fn`, `next_functions`, `AccumulateGrad`;
# 4. watch the graph change from run to run (*define-by-run*) and draw it with `minigrad.viz`;
# 5. read minigrad's real `Function.apply` and its multiplication, and write a `Function` of your own
#    exactly as in PyTorch.
#
# 01강에서 추적되는 텐서로부터 계산한 텐서에는 `grad_fn`이 붙어 있었습니다. 이번 강의에서는 그 객체의 정체를
# 밝히면서 다음을 배웁니다.
#
# 1. 모든 연산이 `forward`와 `backward` 두 부분으로 된 *함수*라는 것을 봅니다.
# 2. 결과가 어디에서 왔는지 기록하고 역전파에 필요한 것을 저장하는 작은 `Function`을 PyTorch의 형식
#    (`forward(ctx, ...)`, `backward(ctx, grad)`, `apply`)으로 직접 만듭니다.
# 3. 그 기록을 따라 minigrad의 그래프를 탐색합니다. `grad_fn`, `next_functions`, `AccumulateGrad`를 다룹니다.
# 4. 실행할 때마다 그래프가 달라지는 모습(*실행-기반-정의(define-by-run)*)을 보고, `minigrad.viz`로 그래프를 그립니다.
# 5. minigrad의 실제 `Function.apply`와 곱셈 코드를 읽고, PyTorch와 똑같은 방식으로 `Function`을 직접 하나
#    작성합니다.

# %% [markdown]
# ## An operation has two halves · 연산은 두 부분으로 되어 있다
#
# Take multiplication, `y = a * b`. Computing `y` is the **forward** half. Later, during the backward
# pass, someone will hand us `grad`, the gradient of the final result with respect to `y`, and ask
# for the gradients with respect to `a` and `b`. Since ∂y/∂a = b and ∂y/∂b = a, the answer is
# `grad * b` and `grad * a`: that is the **backward** half. (Why multiplying by `grad` is right is the
# chain rule of lesson 03.)
#
# To run its backward half later, the multiplication must keep the values of `a` and `b`. So each call
# of an operation creates a small object, a *node* of the graph, that keeps what the backward half
# will need. The result keeps a link to it in `grad_fn`.
#
# 곱셈 `y = a * b`를 예로 들어 봅시다. `y`를 계산하는 것이 **순전파(forward)** 부분입니다. 나중에
# 역전파(backward pass) 때 누군가가 최종 결과의 `y`에 대한 변화도(gradient) `grad`를 건네주면서 `a`와 `b`에 대한
# 변화도를 물어볼 것입니다. ∂y/∂a = b, ∂y/∂b = a이므로 답은 `grad * b`와 `grad * a`입니다. 이것이
# **역전파(backward)** 부분입니다. (`grad`를 곱하는 것이 왜 맞는지는 03강의 연쇄 법칙(chain rule)에서
# 다룹니다.)
#
# 역전파 부분을 나중에 실행하려면 곱셈은 `a`와 `b`의 값을 간직해야 합니다. 그래서 연산을 호출할 때마다 역전파에
# 필요한 것을 간직하는 작은 객체가 만들어지는데, 이것이 그래프의 *노드*(node)입니다. 결과 텐서는 `grad_fn`에 이
# 노드를 가리키는 연결을 간직합니다.

# %% [markdown]
# ## Build it: Function, ctx and apply · 직접 만들기: Function, ctx, apply
#
# We write operations the way PyTorch lets you write your own (`torch.autograd.Function`), which is
# also how every operation inside minigrad is written:
#
# - a subclass has two **static methods**, `forward(ctx, ...)` and `backward(ctx, grad)`;
# - `ctx` (the *context*) is the node of this call. `forward` stores on it what `backward` will need,
#   with `ctx.save_for_backward(...)`; `backward` reads it back from `ctx.saved_tensors`;
# - you never call `forward` yourself: `Mul.apply(a, b)` does, and records the node.
#
# `MiniFunction.apply` does four things:
#
# 1. create a fresh node, `ctx = cls()`: one node per call;
# 2. run `forward(ctx, ...)` on the arrays inside the tensors;
# 3. if no input requires grad, return a plain leaf: nothing needs to be remembered;
# 4. otherwise remember the inputs (the *edges*: where gradients go next) and return a result whose
#    `grad_fn` is the node.
#
# A node is also callable: `node(grad)` runs its backward half, as PyTorch's nodes do. Two
# simplifications: our `forward` computes on the arrays and saves arrays (as minigrad's built-in
# operations do; a `Function` you write for PyTorch receives and saves tensors), and our nodes are
# named like a Function you write yourself, `MulBackward` (PyTorch's built-in nodes add a number,
# `MulBackward0`).
#
# 연산은 PyTorch에서 사용자가 직접 연산을 정의할 때(`torch.autograd.Function`)와 같은 방식으로 작성합니다. minigrad
# 내부의 모든 연산도 이 방식으로 작성되어 있습니다.
#
# - 서브클래스는 **정적 메서드**(static method) 두 개, `forward(ctx, ...)`와 `backward(ctx, grad)`를 가집니다.
# - `ctx`(*컨텍스트*, context)는 이번 호출의 노드입니다. `forward`는 `backward`에 필요한 것을
#   `ctx.save_for_backward(...)`로 여기에 저장하고, `backward`는 `ctx.saved_tensors`에서 다시 꺼냅니다.
# - `forward`를 직접 부르지는 않습니다. `Mul.apply(a, b)`가 부르고 노드를 기록합니다.
#
# `MiniFunction.apply`가 하는 일은 네 가지입니다.
#
# 1. 새 노드를 만듭니다(`ctx = cls()`). 호출할 때마다 노드가 하나씩 생깁니다.
# 2. 텐서에 담긴 배열로 `forward(ctx, ...)`를 실행합니다.
# 3. 변화도를 요구하는 입력이 없으면 평범한 잎(leaf) 텐서를 돌려줍니다. 기억할 것이 없기 때문입니다.
# 4. 그렇지 않으면 입력(변화도가 다음에 갈 곳, 곧 *간선*)을 기억하고, `grad_fn`이 그 노드인 결과를 돌려줍니다.
#
# 노드는 호출할 수도 있습니다. PyTorch의 노드처럼 `node(grad)`가 역전파 부분을 실행합니다. 단순하게 만든 점이 두 가지
# 있습니다. 우리의 `forward`는 배열로 계산하고 배열을 저장합니다(minigrad의 내장 연산도 그렇습니다. PyTorch용으로 직접
# 작성하는 `Function`은 텐서를 받아 텐서를 저장합니다). 그리고 노드 이름은 직접 작성한 `Function`처럼 `MulBackward`입니다
# (PyTorch의 내장 노드에는 `MulBackward0`처럼 번호가 붙습니다).

# %%
import numpy as np


class MiniTensor:
    def __init__(self, data, requires_grad=False, grad_fn=None):
        self.data = np.asarray(data, dtype=np.float32)
        self.requires_grad = requires_grad
        self.grad_fn = grad_fn          # the node that made me, or None for a leaf
        self.grad = None

    @property
    def is_leaf(self):
        return self.grad_fn is None

    def __repr__(self):
        extra = f", grad_fn=<{self.grad_fn.name()}>" if self.grad_fn else ""
        return f"tensor({self.data.tolist()}{extra})"


class MiniFunction:
    @classmethod
    def apply(cls, *inputs):
        ctx = cls()                                            # 1. a new node for this call
        result = cls.forward(ctx, *[t.data for t in inputs])   # 2. compute on arrays
        if not any(t.requires_grad for t in inputs):           # 3. nothing to track
            return MiniTensor(result)
        ctx.inputs = inputs                                    # 4. the edges: where gradients go
        return MiniTensor(result, requires_grad=True, grad_fn=ctx)

    def save_for_backward(self, *values):   # called on ctx, in forward
        self.saved_tensors = values

    def __call__(self, grad):               # node(grad): run the backward half
        return self.backward(self, grad)

    def name(self):                         # PyTorch's rule: class Mul -> MulBackward
        return type(self).__name__ + "Backward"


class Mul(MiniFunction):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)         # backward needs both values
        return a * b

    @staticmethod
    def backward(ctx, grad):                # d(ab)/da = b, d(ab)/db = a
        a, b = ctx.saved_tensors
        return grad * b, grad * a


class Add(MiniFunction):
    @staticmethod
    def forward(ctx, a, b):
        return a + b                        # saves nothing: its backward needs no values

    @staticmethod
    def backward(ctx, grad):                # d(a+b)/da = 1, d(a+b)/db = 1
        return grad, grad


# %% [markdown]
# Now compute `z = x * w + x` with it, where only `x` requires grad:
#
# 이제 이것으로 `z = x * w + x`를 계산해 봅시다. 변화도를 요구하는 것은 `x`뿐입니다.

# %%
x = MiniTensor([1.0, 2.0], requires_grad=True)
w = MiniTensor([3.0, 4.0])
y = Mul.apply(x, w)
z = Add.apply(y, x)
print(y)
print(z)
print(z.grad_fn.inputs[0] is y, z.grad_fn.inputs[1] is x)
print("saved by Mul:", [v.tolist() for v in y.grad_fn.saved_tensors],
      "| Add saved something:", hasattr(z.grad_fn, "saved_tensors"))

# %% [markdown]
# `z` knows its node, the node knows its inputs `y` and `x`, and `y` knows *its* node: following the
# links from `z` we can reach every tensor that took part. A node keeps two different things:
#
# - its **edges** (here `ctx.inputs`), which say where gradients go next: every node has them;
# - its **saved tensors**, the values its backward needs: `Mul` saved `x` and `w`, `Add` saved
#   nothing. PyTorch saves exactly what each backward needs, no more; lesson 04 shows that
#   `backward()` frees them once used.
#
# The node can already do its backward half. Say the final result is the sum of `z`'s entries: then
# the gradient arriving at `z` is all ones (each entry counts once in the sum):
#
# `z`는 자신의 노드를 알고, 노드는 입력 `y`와 `x`를 알며, `y`는 또 *자신의* 노드를 압니다. 그러니 `z`에서
# 연결을 따라가면 계산에 참여한 모든 텐서에 닿을 수 있습니다. 노드는 성격이 다른 두 가지를 간직합니다.
#
# - **간선**(여기서는 `ctx.inputs`)은 변화도가 다음에 어디로 갈지 알려 줍니다. 모든 노드에 있습니다.
# - **저장된 텐서**는 역전파에 필요한 값입니다. `Mul`은 `x`와 `w`를 저장했고 `Add`는 아무것도 저장하지
#   않았습니다. PyTorch도 역전파마다 꼭 필요한 것만 저장하며, `backward()`가 다 쓴 뒤 해제한다는 것은 04강에서
#   봅니다.
#
# 노드는 벌써 역전파 부분도 실행할 수 있습니다. 최종 결과가 `z`의 원소를 모두 더한 값이라고 해 봅시다. 각 원소가
# 합에 한 번씩 들어가므로 `z`에 도착하는 변화도는 모두 1입니다.

# %%
grad_y, grad_x = z.grad_fn(np.ones(2, dtype=np.float32))
print("to y:", grad_y, "| to x:", grad_x)
print("from y to x:", y.grad_fn(grad_y)[0])

# %% [markdown]
# `x` receives a gradient along two paths: `1` directly from the addition and `w = [3, 4]` through
# `y`. Adding them gives ∂z/∂x = w + 1 = [4, 5]. Walking the links in the right order and adding up
# what arrives is exactly the backward pass of lesson 04, which runs on this very engine; here we only
# need the links.
#
# `x`는 두 경로로 변화도를 받습니다. 덧셈에서 바로 오는 `1`과 `y`를 거쳐 오는 `w = [3, 4]`입니다. 둘을
# 더하면 ∂z/∂x = w + 1 = [4, 5]가 됩니다. 연결을 올바른 순서로 따라가며 도착하는 변화도를 더하는 것이 바로
# 04강의 역전파이고, 04강은 바로 이 엔진 위에서 역전파를 만듭니다. 지금은 연결 자체만 있으면 됩니다.

# %% [markdown]
# ### Draw it · 그려 보기
#
# The links form the computational graph. To draw it we visit each tensor once, starting from the
# result, and emit a box for the tensor, an oval for its node, and arrows in the direction the data
# flowed. `Graph` is the `graphviz.Digraph` that `minigrad.viz` uses (it renders even without the
# Graphviz program).
#
# 연결들은 계산 그래프(computational graph)를 이룹니다. 그래프를 그리려면 결과에서 출발해 텐서를 한 번씩
# 방문하면서, 텐서는 상자로, 노드는 타원으로, 화살표는 데이터가 흘러간 방향으로 그립니다. `Graph`는
# `minigrad.viz`가 쓰는 `graphviz.Digraph`입니다(Graphviz 프로그램이 없어도 그림을 그립니다).

# %%
from minigrad.viz import Graph


def draw_mini(root, names):
    graph = Graph(graph_attr={"rankdir": "LR"})
    ids = {}                                   # id(tensor) -> "t0", "t1", ...

    def visit(t):
        if id(t) in ids:                       # already drawn: a DAG can reach a tensor twice
            return ids[id(t)]
        key = ids[id(t)] = f"t{len(ids)}"
        graph.node(key, f"{names.get(id(t), '')}\n{t.data.tolist()}", shape="box")
        if t.grad_fn is not None:
            graph.node(key + "_op", t.grad_fn.name(), shape="ellipse")
            graph.edge(key + "_op", key)
            for parent in t.grad_fn.inputs:
                graph.edge(visit(parent), key + "_op")
        return key

    visit(root)
    return graph


draw_mini(z, {id(x): "x", id(w): "w", id(y): "y", id(z): "z"})

# %% [markdown]
# The arrows point from inputs to results, the way the numbers flowed in the forward pass. `x` has two
# outgoing arrows because two operations used it. That is why the structure is a **graph** and not a
# tree: a **directed acyclic graph** (DAG), directed because every arrow has a direction, acyclic because
# a result can never be an input of its own past.
#
# 화살표는 순전파에서 수가 흘러간 방향, 곧 입력에서 결과로 향합니다. `x`에서 나가는 화살표가 두 개인 것은
# 두 연산이 `x`를 사용했기 때문입니다. 그래서 이 구조는 트리가 아니라 **그래프**이고, 정확히는
# **방향성 비순환 그래프**(directed acyclic graph, DAG)입니다. 화살표마다 방향이 있으니 방향성이 있고,
# 결과가 자기 과거의 입력이 될 수는 없으니 순환이 없습니다.

# %% [markdown]
# ## minigrad's graph · minigrad의 그래프
#
# Now the real engine, on the example of the PyTorch autograd tutorial. Its nodes, like PyTorch's,
# keep their edges differently from our `ctx.inputs`: not as the input *tensors* but as
# `next_functions`, for each input the node that the gradient should go to next, paired with an
# output index (always `0` here, since every operation has one output). Linking node to node means
# PyTorch's graph does not keep intermediate tensors alive: a tensor stays only if some backward saved
# it. (minigrad's nodes also keep their input tensors until `backward()`, only so that `draw_graph` can
# show them; `backward()` drops them together with the saved tensors.)
#
# 이제 실제 엔진으로 PyTorch autograd 튜토리얼의 예제를 봅시다. 실제 엔진의 노드는 PyTorch처럼 간선을 우리의
# `ctx.inputs`와 다르게 간직합니다. 입력 *텐서*가 아니라 `next_functions`, 곧 입력마다 변화도가 다음에 가야 할
# 노드를 출력 번호와 함께 짝지어 둡니다(모든 연산의 출력이 하나이므로 여기서는 번호가 언제나 `0`입니다). 노드가
# 노드를 가리키므로 PyTorch의 그래프는 중간 텐서를 붙잡아 두지 않습니다. 텐서는 어떤 역전파가 저장했을 때만 남습니다.
# (minigrad의 노드는 `draw_graph`가 그릴 수 있도록 `backward()` 전까지 입력 텐서도 간직하며, `backward()`가 저장된
# 텐서와 함께 놓아 줍니다.)

# %%
import minigrad as torch

torch.manual_seed(0)

x = torch.ones(2, 2, requires_grad=True)
y = x + 2
z = y * y * 3
out = z.mean()
print(y)
print(z, out)

# %%
print(out.grad_fn)
print(out.grad_fn.next_functions)
print(z.grad_fn.next_functions)
print(y.grad_fn.next_functions)

# %% [markdown]
# Reading from the root `out` towards the inputs:
#
# - `MeanBackward0` has one input, `z`, whose node is a `MulBackward0` (the `* 3`).
# - That node has two inputs: `y * y` (another `MulBackward0`) and the constant `3`. The constant does
#   not require grad, so its entry is `None`: no gradient goes there.
# - `y`'s node `AddBackward0` leads to `x`. `x` is a leaf, so it has no `grad_fn`; in its place stands
#   an **`AccumulateGrad`** node, whose job in the backward pass is to add the incoming gradient to
#   `x.grad`. It holds the leaf in `.variable` and has no `next_functions`: the walk ends there.
#
# 뿌리(root)인 `out`에서 입력 쪽으로 읽어 봅시다.
#
# - `MeanBackward0`의 입력은 `z` 하나이고, `z`의 노드는 `MulBackward0`(`* 3`)입니다.
# - 그 노드의 입력은 둘입니다. `y * y`(또 다른 `MulBackward0`)와 상수 `3`입니다. 상수는 변화도를 요구하지
#   않으므로 항목이 `None`이고, 그쪽으로는 변화도가 가지 않습니다.
# - `y`의 노드 `AddBackward0`은 `x`로 이어집니다. `x`는 잎 텐서라서 `grad_fn`이 없고, 그 자리에
#   **`AccumulateGrad`** 노드가 있습니다. 이 노드는 역전파 때 도착한 변화도를 `x.grad`에 더하는 일을 합니다.
#   잎 텐서를 `.variable`에 담고 있으며 `next_functions`가 없으므로 탐색은 여기서 끝납니다.

# %%
accumulate = y.grad_fn.next_functions[0][0]
print(type(accumulate).__name__, accumulate.variable is x, accumulate.next_functions)

# %% [markdown]
# A short recursive walk prints the whole graph as an outline. Each line is a node; indentation shows
# which node it feeds.
#
# 짧은 재귀 함수로 그래프 전체를 개요처럼 출력할 수 있습니다. 한 줄이 노드 하나이고, 들여쓰기는 그 노드가
# 어느 노드로 이어지는지를 나타냅니다.

# %%
def outline(node, depth=0):
    label = "None (no gradient needed)" if node is None else node.name()
    print("    " * depth + label)
    if node is not None:
        for next_node, _ in node.next_functions:
            outline(next_node, depth + 1)


outline(out.grad_fn)

# %% [markdown]
# `AddBackward0` appears twice, because `y * y` uses `y` twice, but it is one node: both entries of the
# `y * y` node point at the same object. A walk that must visit each node once (counting nodes, or
# the backward pass) has to remember what it has already seen. (The leaf's node answers `name()` with
# its full name from PyTorch's C++ core, `torch::autograd::AccumulateGrad`, exactly as PyTorch does.)
#
# `AddBackward0`이 두 번 나오는 것은 `y * y`가 `y`를 두 번 쓰기 때문인데, 노드는 하나뿐입니다. `y * y`
# 노드의 두 항목이 같은 객체를 가리킵니다. 노드마다 한 번씩만 방문해야 하는 탐색(노드 세기나 역전파)은
# 이미 본 노드를 기억해야 합니다. (잎 텐서의 노드는 `name()`에 PyTorch의 C++ 코어에서 쓰는 전체 이름
# `torch::autograd::AccumulateGrad`를 돌려줍니다. PyTorch와 똑같습니다.)

# %%
first, second = z.grad_fn.next_functions[0][0].next_functions
print(first[0] is second[0])

# %% [markdown]
# ### Node names · 노드 이름
#
# Node names follow PyTorch: the operation, then `Backward` (the node's job is the backward half), then
# a number that tells apart variants of the same operation. `x - 1` and `1 - x` are different
# operations to PyTorch, and so are `x ** 2`, `2 ** x` and `x ** x`:
#
# 노드 이름은 PyTorch를 따릅니다. 연산 이름 뒤에 `Backward`(노드가 맡은 일이 역전파 부분이니까요)가 오고,
# 그 뒤의 숫자는 같은 연산의 변형을 구별합니다. PyTorch에게 `x - 1`과 `1 - x`는 서로 다른 연산이고,
# `x ** 2`, `2 ** x`, `x ** x`도 마찬가지입니다.

# %%
a = torch.tensor([1., 2.], requires_grad=True)
for text, result in [("a + 1", a + 1), ("a - 1", a - 1), ("1 - a", 1 - a), ("a * a", a * a),
                     ("a / 2", a / 2), ("a ** 2", a ** 2), ("2 ** a", 2 ** a), ("a ** a", a ** a),
                     ("-a", -a), ("a.sum()", a.sum()), ("a.mean()", a.mean()), ("a.exp()", a.exp())]:
    print(f"{text:10} {result.grad_fn.name()}")

# %% [markdown]
# ## Define-by-run · 실행-기반-정의
#
# Nobody declared this graph in advance: each operation appended its node *as the code ran*. That is
# what **define-by-run** means, and it has a striking consequence: ordinary Python control flow
# (`if`, `while`, function calls) decides the shape of the graph, and the graph may differ on every
# run. The PyTorch tutorial shows it with a loop that doubles a random vector until its norm reaches
# 1000:
#
# 이 그래프는 누구도 미리 선언하지 않았습니다. 각 연산이 *코드가 실행되는 동안* 자기 노드를 덧붙였을
# 뿐입니다. 이것이 **실행-기반-정의**(define-by-run)의 뜻이고, 여기서 눈여겨볼 결과가 하나 나옵니다. 평범한
# 파이썬 제어 흐름(`if`, `while`, 함수 호출)이 그래프의 모양을 정하므로, 실행할 때마다 그래프가 달라질 수
# 있습니다.
# PyTorch 튜토리얼은 무작위 벡터의 노름(norm)이 1000에 이를 때까지 두 배로 키우는 반복문으로 이를
# 보여 줍니다.

# %%
torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)

y = x * 2
while y.data.norm() < 1000:
    y = y * 2

print(y)

# %% [markdown]
# (PyTorch prints other numbers here: with the same seed it draws a different random `x`, lesson 01.)
#
# How many `MulBackward0` nodes did this run record? It depends on the random `x`: a shorter `x`
# needs more doublings. Let us count the chain for a few seeds.
#
# (PyTorch에서는 여기에 다른 수가 출력됩니다. 시드가 같아도 다른 무작위 `x`를 뽑기 때문입니다. 01강 참고.)
#
# 이번 실행에서는 `MulBackward0` 노드가 몇 개 기록되었을까요? 무작위 `x`에 따라 다릅니다. `x`가 짧을수록 더
# 여러 번 두 배로 키워야 합니다. 몇 가지 시드에 대해 사슬의 길이를 세어 봅시다.

# %%
def grow(x, limit):
    y = x * 2
    while y.data.norm() < limit:
        y = y * 2
    return y


def chain_length(t):
    count, node = 0, t.grad_fn
    while node is not None and node.name() == "MulBackward0":
        count, node = count + 1, node.next_functions[0][0]
    return count


for seed in [0, 13, 34]:
    torch.manual_seed(seed)
    x = torch.randn(3, requires_grad=True)
    print(f"seed {seed:2}: |x| = {x.norm().item():.4f}, nodes: {chain_length(grow(x, 1000))}")

# %% [markdown]
# Same code, three different graphs. To see them, we lower the limit to 10 so the chains fit on the
# screen, and draw the runs for seeds 13 and 34 (the longer one top to bottom, with `rankdir="TB"`):
#
# 같은 코드인데 그래프는 셋 다 다릅니다. 화면에 들어오도록 한계를 10으로 낮추고, 시드 13과 34의 실행을
# 그려 봅시다(더 긴 쪽은 `rankdir="TB"`로 위에서 아래로 그립니다).

# %%
from minigrad.viz import draw_graph

torch.manual_seed(13)
x = torch.randn(3, requires_grad=True)
y = grow(x, 10)
draw_graph(y, params={"x": x, "y": y})

# %%
torch.manual_seed(34)
x = torch.randn(3, requires_grad=True)
y = grow(x, 10)
draw_graph(y, params={"x": x, "y": y}, rankdir="TB")

# %% [markdown]
# Two doublings for one vector, six for the other. A framework that compiles the graph before running
# it would need a special loop construct for this; here it is just a `while`. The price: the graph is
# built anew on every run, which is why building it must be cheap.
#
# 한 벡터는 두 번, 다른 벡터는 여섯 번 두 배가 되었습니다. 실행 전에 그래프를 미리 만들어 두는
# 프레임워크라면 이런 반복을 위한 특별한 구문이 필요하겠지만, 여기서는 평범한 `while`일 뿐입니다. 대신
# 매번 실행할 때마다 그래프를 새로 만들기 때문에 그래프를 만드는 비용이 작아야 합니다.

# %% [markdown]
# ## Drawing graphs · 그래프 그리기
#
# `draw_graph(root, ...)` draws everything that led to `root`:
#
# - **blue** boxes are leaves that require grad, **green** boxes are computed tensors (non-leaves),
#   **dashed grey** boxes are constants that need no gradient, **ovals** are the nodes (`grad_fn` names);
# - `params={"x": x, ...}` names the boxes (without it, names are looked up among your variables);
# - `show_data=False` hides the values, `show_grad=False` hides gradients, `rankdir="TB"` draws top
#   to bottom, `legend=True` adds a key.
#
# Here is the tutorial example from above, with the key (`legend=True`). Note the two arrows from `y`
# into the same `MulBackward0`: that is `y * y`. The box between the two multiplications has no name
# because no variable holds it. The tensor boxes are drawn for reading: autograd itself records only
# the nodes and their `next_functions`.
#
# `draw_graph(root, ...)`는 `root`에 이르기까지의 모든 것을 그립니다.
#
# - **파란** 상자는 변화도를 요구하는 잎 텐서, **초록** 상자는 계산된 텐서(잎이 아닌 텐서), **회색 점선** 상자는
#   변화도가 필요 없는 상수, **타원**은 노드(`grad_fn` 이름)입니다.
# - `params={"x": x, ...}`로 상자에 이름을 붙입니다(생략하면 여러분의 변수 중에서 이름을 찾습니다).
# - `show_data=False`는 값을, `show_grad=False`는 변화도를 숨기고, `rankdir="TB"`는 위에서 아래로 그리며,
#   `legend=True`는 범례를 덧붙입니다.
#
# 위의 튜토리얼 예제를 범례(`legend=True`)와 함께 그려 봅시다. `y`에서 같은 `MulBackward0`으로 들어가는 화살표
# 두 개가 바로 `y * y`입니다. 두 곱셈 사이의 상자에 이름이 없는 것은 그 텐서를 담은 변수가 없기 때문입니다. 텐서
# 상자는 읽기 쉽게 하려고 그린 것이고, autograd가 실제로 기록하는 것은 노드와 그 `next_functions`뿐입니다.

# %%
x = torch.ones(2, 2, requires_grad=True)
y = x + 2
z = y * y * 3
out = z.mean()
draw_graph(out, params={"x": x, "y": y, "z": z, "out": out}, legend=True)

# %% [markdown]
# ## The real code · 실제 코드
#
# minigrad's `Function` (in `minigrad/autograd/function.py`) has the form we just built, which is
# PyTorch's: static `forward(ctx, ...)` and `backward(ctx, ...)`, `ctx.save_for_backward`,
# `ctx.saved_tensors`, `ctx.needs_input_grad` and `apply`. Its `apply` does what `MiniFunction.apply`
# did, plus what later lessons need:
#
# - it checks grad mode, so that `torch.no_grad()` can switch recording off (lesson 07);
# - it records `needs_input_grad`, so that a backward can skip gradients nobody wants;
# - it marks *views*, results that share memory with their input (`reshape`, indexing);
# - its helper `_record` makes the node the result's `grad_fn` and stores `next_functions` (for each
#   input its `grad_fn`, the `AccumulateGrad` node of a leaf that requires grad, or `None`),
#   `ctx.inputs` (kept only so that graphs can be drawn) and the saved tensors, with their version
#   counters to detect in-place changes that would spoil them (lesson 07), until `backward()` frees
#   them (lesson 04).
#
# minigrad의 `Function`(`minigrad/autograd/function.py`)은 방금 만든 형식, 곧 PyTorch의 형식을 그대로 따릅니다. 정적
# 메서드 `forward(ctx, ...)`와 `backward(ctx, ...)`, `ctx.save_for_backward`, `ctx.saved_tensors`,
# `ctx.needs_input_grad`, 그리고 `apply`입니다. `apply`는 `MiniFunction.apply`가 한 일에 더해 뒤의 강의에 필요한 일을
# 합니다.
#
# - 변화도 모드를 확인해서 `torch.no_grad()`로 기록을 끌 수 있게 합니다(07강).
# - 아무도 원하지 않는 변화도 계산을 역전파가 건너뛸 수 있도록 `needs_input_grad`를 기록합니다.
# - 입력과 메모리를 공유하는 결과, 곧 *뷰*(view)를 표시합니다(`reshape`, 인덱싱).
# - 도우미 함수 `_record`가 노드를 결과의 `grad_fn`으로 만들고, `next_functions`(입력마다 그 `grad_fn`, 변화도를 요구하는
#   잎 텐서라면 그 `AccumulateGrad` 노드, 아니면 `None`), `ctx.inputs`(그래프를 그리려고만 간직합니다), 그리고 저장된
#   텐서를 기록합니다. 저장된 텐서는 버전 번호와 함께 간직해서 저장된 값을 망가뜨리는 제자리 변경을 잡아내고(07강),
#   `backward()`가 해제할 때까지 보관합니다(04강).

# %%
import inspect

from minigrad.autograd import function

print(inspect.getsource(function.Function.apply))
print(inspect.getsource(function._record))

# %% [markdown]
# And here is multiplication from `minigrad/ops/arithmetic.py`. `node_name` is the name you saw
# printed. It derives from `NumpyFunction`: `forward` receives the NumPy arrays inside the tensors, as
# ours did, `_common` checks that the shapes broadcast and brings both arrays to one dtype (lesson
# 05), and `sum_to` undoes broadcasting (lesson 08). Like PyTorch, it saves only what a needed gradient
# uses: `a`'s gradient uses `b` and `b`'s uses `a`, so when only `a` requires grad, only `b` is saved
# (`None` takes `a`'s place). What forward saves comes back to `backward` as tensors, and `backward`
# receives and returns tensors: that way a backward pass can itself be recorded as a graph, which is
# how higher-order derivatives work (lesson 09).
#
# 다음은 `minigrad/ops/arithmetic.py`의 곱셈입니다. `node_name`이 앞에서 출력된 이름입니다. `NumpyFunction`을
# 상속하므로 우리 것처럼 `forward`가 텐서 안의 NumPy 배열을 받습니다. `_common`은 두 모양이
# 브로드캐스팅(broadcasting)되는지 확인하고 두 배열을 한 자료형(dtype)으로 맞추며(05강), `sum_to`는 브로드캐스팅을
# 되돌립니다(08강). PyTorch처럼 필요한 변화도가 쓰는 것만 저장합니다. `a`의 변화도는 `b`를, `b`의 변화도는 `a`를
# 쓰므로, `a`만 변화도를 요구하면 `b`만 저장합니다(`a` 자리에는 `None`). `forward`가 저장한 것은 `backward`에 텐서로
# 돌아오고, `backward`는 텐서를 받아 텐서를 돌려줍니다. 그래야 역전파 자체도 그래프로 기록할 수 있고, 이것이 고차
# 미분(higher-order derivative)이 동작하는 원리입니다(09강).

# %%
from minigrad.ops import arithmetic

print(inspect.getsource(arithmetic.Mul))

# %% [markdown]
# A `Function` you write yourself is written exactly as for `torch.autograd.Function`: `forward`
# receives tensors, and the node is named after the class (`class Square` makes `SquareBackward`).
# The same cell runs unchanged on PyTorch:
#
# 여러분이 직접 만드는 `Function`도 `torch.autograd.Function`과 똑같이 씁니다. `forward`는 텐서를 받고, 노드 이름은
# 클래스 이름을 따릅니다(`class Square`는 `SquareBackward`를 만듭니다). 아래 셀은 PyTorch에서도 그대로 실행됩니다.

# %%
class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * 2 * x


x = torch.tensor([1., 2., 3.], requires_grad=True)
y = Square.apply(x)
print(y)
y.sum().backward()
print(x.grad)

# %% [markdown]
# ## Summary · 정리
#
# - Every operation is a `Function` in PyTorch's form: a static `forward(ctx, ...)` that computes the
#   result and saves what the backward needs (`ctx.save_for_backward`), and a static
#   `backward(ctx, grad)` that reads it back (`ctx.saved_tensors`) and returns one gradient per input.
# - `Cls.apply(...)` runs `forward` and, when an input requires grad, records the node (`ctx` itself):
#   the result's `grad_fn`. A node keeps edges (where gradients go) and saved tensors (only what its
#   backward needs: `Mul` saves the inputs its needed gradients use, `Add` nothing).
# - Nodes link to the nodes of their inputs through `next_functions`; leaves that require grad are
#   represented by `AccumulateGrad`, constants by `None`. Together they form a DAG rooted at the result.
# - The graph is recorded while the code runs (define-by-run), so Python control flow shapes it.
# - `minigrad.viz.draw_graph` draws it: blue leaves, green results, grey constants, oval nodes.
#
# **Next:** lesson 03 derives the numbers that flow backwards through this graph: derivatives,
# numerical and analytic, and the chain rule. Before that, try `exercises/02_functions_and_graphs.ipynb`.
#
# - 모든 연산은 PyTorch 형식의 `Function`입니다. 정적 메서드 `forward(ctx, ...)`는 결과를 계산하고 역전파에
#   필요한 것을 저장하며(`ctx.save_for_backward`), 정적 메서드 `backward(ctx, grad)`는 저장한 것을 다시 꺼내
#   (`ctx.saved_tensors`) 입력마다 변화도를 하나씩 돌려줍니다.
# - `Cls.apply(...)`는 `forward`를 실행하고, 입력 중 하나가 변화도를 요구하면 노드(`ctx` 자신)를 기록합니다.
#   그 노드가 결과의 `grad_fn`입니다. 노드는 간선(변화도가 갈 곳)과 저장된 텐서(역전파에 꼭 필요한 것만.
#   `Mul`은 필요한 변화도가 쓰는 입력을, `Add`는 아무것도 저장하지 않습니다)를 간직합니다.
# - 노드는 `next_functions`로 입력의 노드와 연결됩니다. 변화도를 요구하는 잎 텐서는 `AccumulateGrad`로,
#   상수는 `None`으로 나타납니다. 이 노드들이 결과를 뿌리로 하는 DAG를 이룹니다.
# - 그래프는 코드가 실행되는 동안 기록되므로(실행-기반-정의) 파이썬 제어 흐름이 그 모양을 정합니다.
# - `minigrad.viz.draw_graph`로 그래프를 그립니다. 파란색은 잎 텐서, 초록색은 계산 결과, 회색은 상수,
#   타원은 노드입니다.
#
# **다음 강의:** 03강에서는 이 그래프를 거꾸로 흐르는 수, 곧 도함수(derivative)를 수치 미분과 해석적 방법으로
# 구하고 연쇄 법칙을 다룹니다. 그 전에 `exercises/02_functions_and_graphs.ipynb`를 풀어 보세요.
