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
# # 08 · Tensor operations · 텐서 연산
#
# Lesson 05 wrote the local derivatives of `+ - * / **` as if every value were one number. Real
# tensors have shapes, and operations that care about them: a bias vector is added to every row of
# a batch, a loss sums a whole matrix, an image is reshaped, a layer multiplies matrices. Each of
# these needs a backward that puts the gradient back **in the shape of the input**. This lesson:
#
# 1. **broadcasting**: NumPy's rules, PyTorch's error, and why the gradient of a stretched input must
#    be **summed back** to its shape (we build `sum_to`);
# 2. **reductions** `sum`, `mean`, `max` with `dim` and `keepdim`, and their backward: spread,
#    divide, send to the winner;
# 3. **shape operations**: `reshape`/`view`, `transpose`/`t`/`permute`, indexing, `cat`, `stack`,
#    `unsqueeze`/`squeeze`, `expand`: they move numbers, so backward moves gradients back;
# 4. **matrix multiplication**: $\partial L/\partial A = G B^\top$, $\partial L/\partial B = A^\top G$,
#    derived from the shapes alone, built as a `torch.autograd.Function` (PyTorch's API, with
#    `ctx`) and checked;
# 5. `gradcheck` on all of them, and a small linear model `x @ W.t() + b` drawn as a graph.
#
# 05강에서는 모든 값이 수 하나인 것처럼 `+ - * / **`의 국소 미분을 작성했습니다. 실제 텐서에는 모양(shape)이 있고, 모양을
# 다루는 연산도 있습니다. 편향(bias) 벡터는 배치(batch)의 모든 행에 더해지고, 손실(loss)은 행렬 전체를 더하고, 이미지는 모양이
# 바뀌고, 계층(layer)은 행렬을 곱합니다. 이 연산들은 모두 변화도(gradient)를 **입력의 모양대로** 되돌려 놓는 역전파(backward
# pass)가 필요합니다. 이번 강의에서는
#
# 1. **브로드캐스팅**(broadcasting): NumPy의 규칙과 PyTorch의 오류 메시지를 보고, 늘어난 입력의 변화도를 왜 원래 모양으로
#    **다시 더해야** 하는지 이해합니다(`sum_to`를 만듭니다).
# 2. `dim`, `keepdim`을 받는 **축소 연산**(reduction) `sum`, `mean`, `max`와 그 역전파를 봅니다. 역전파는 각각 변화도를
#    퍼뜨리고, 퍼뜨린 뒤 나누고, 최댓값을 낸 원소에게만 보냅니다.
# 3. **모양 연산** `reshape`/`view`, `transpose`/`t`/`permute`, 인덱싱, `cat`, `stack`, `unsqueeze`/`squeeze`,
#    `expand`를 다룹니다. 수를 옮기기만 하므로 역전파는 변화도를 원래 자리로 되돌려 옮깁니다.
# 4. **행렬 곱**(matrix multiplication): $\partial L/\partial A = G B^\top$, $\partial L/\partial B = A^\top G$를 모양만 보고 유도하고,
#    `torch.autograd.Function`(`ctx`를 쓰는 PyTorch의 API)으로 만들어 확인합니다.
# 5. 이 모든 연산을 `gradcheck`로 검사하고, 작은 선형 모델 `x @ W.t() + b`의 그래프를 그립니다.

# %%
import importlib
import inspect

import numpy as np

import minigrad as torch  # the same API as PyTorch
from minigrad.autograd import gradcheck
from minigrad.viz import draw_graph
from minigrad_course.errors import shows_error

_ = torch.manual_seed(0)

# %% [markdown]
# ## Broadcasting: the rules · 브로드캐스팅의 규칙
#
# Adding a vector of shape `(3,)` to a matrix of shape `(2, 3)` adds it to each row: the vector is
# **broadcast**, stretched to `(2, 3)` without being copied. NumPy and PyTorch share the rules. Line the
# shapes up **from the right**; then, dimension by dimension:
#
# * two sizes are compatible when they are **equal** or one of them is **1**; the result takes the
#   larger one (a size-1 dimension is repeated);
# * a shape with fewer dimensions is padded with 1s **on the left**.
#
# 모양이 `(3,)`인 벡터를 모양이 `(2, 3)`인 행렬에 더하면 각 행에 더해집니다. 벡터가 복사되지 않고 `(2, 3)`으로 늘어나는데,
# 이것이 **브로드캐스팅**입니다. NumPy와 PyTorch의 규칙은 같습니다. 두 모양을 **오른쪽부터** 맞춰 세운 다음, 차원마다
#
# * 두 크기가 **같거나** 한쪽이 **1**이면 호환됩니다. 결과는 큰 쪽을 따릅니다(크기 1인 차원이 반복됩니다).
# * 차원 수가 적은 모양은 **왼쪽에** 1을 채워 맞춥니다.
#
# | a | b | result · 결과 | |
# |---|---|---|---|
# | `(2, 3)` | `(3,)` | `(2, 3)` | `(3,)` → `(1, 3)` → `(2, 3)` |
# | `(2, 3)` | `(2, 1)` | `(2, 3)` | the column is repeated · 열이 반복됨 |
# | `(3, 1)` | `(4,)` | `(3, 4)` | both stretch · 둘 다 늘어남 |
# | `(2, 3)` | `(2, 4)` | error · 오류 | 3 ≠ 4, neither is 1 · 어느 쪽도 1이 아님 |
#
# `np.broadcast_shapes` applies the rules to shapes alone:
#
# `np.broadcast_shapes`는 모양만 가지고 규칙을 적용해 줍니다.

# %%
for a_shape, b_shape in [((2, 3), (3,)), ((2, 3), (2, 1)), ((3, 1), (4,)), ((5, 1, 3), (4, 1))]:
    print(f"{str(a_shape):10s} with {str(b_shape):7s} -> {np.broadcast_shapes(a_shape, b_shape)}")

# %% [markdown]
# minigrad follows them, with PyTorch's values and node names:
#
# minigrad도 같은 규칙을 따르고, 값과 노드(node) 이름도 PyTorch와 같습니다.

# %%
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
b = torch.tensor([10.0, 20.0, 30.0], requires_grad=True)
col = torch.tensor([[100.0], [200.0]])
print(x + b)
print(x + col)
print(col + b)

# %% [markdown]
# When the sizes clash, PyTorch names the two sizes and the dimension, counted in the broadcast
# result. NumPy's message would be different; minigrad prints PyTorch's:
#
# 크기가 맞지 않으면 PyTorch는 두 크기와, 브로드캐스팅 결과 기준으로 센 차원 번호를 알려 줍니다. NumPy의 메시지는 다르지만
# minigrad는 PyTorch의 메시지를 냅니다.

# %%
with shows_error(RuntimeError):
    torch.ones(2, 3) + torch.ones(2, 4)

# %% [markdown]
# ## Why the gradient must be summed back · 변화도를 다시 더해야 하는 이유
#
# In `y = x + b` with `x` of shape `(2, 3)` and `b` of shape `(3,)`, each `b[j]` is used **twice**,
# once per row: $y_{0j} = x_{0j} + b_j$ and $y_{1j} = x_{1j} + b_j$. By lesson 04's rule, a value used
# along several paths receives the **sum** of their gradients:
#
# $$\frac{\partial L}{\partial b_j} = \sum_i \frac{\partial L}{\partial y_{ij}} \cdot \frac{\partial y_{ij}}{\partial b_j} = \sum_i G_{ij}.$$
#
# The gradient arriving at `AddBackward0` has the output's shape `(2, 3)`; for `b` it must be
# summed over the rows, down to `(3,)`. Let us send a gradient $G$ with distinct numbers so we can
# see where each goes:
#
# `x`의 모양이 `(2, 3)`, `b`의 모양이 `(3,)`인 `y = x + b`에서 각 `b[j]`는 행마다 한 번씩, **두 번** 쓰입니다.
# $y_{0j} = x_{0j} + b_j$이고 $y_{1j} = x_{1j} + b_j$입니다. 04강의 규칙대로, 여러 경로로 쓰인 값은 경로별 변화도의
# **합**을 받습니다(위 식). `AddBackward0`에 도착하는 변화도는 출력의 모양 `(2, 3)`이므로, `b`의 변화도는 행 방향으로 더해서
# `(3,)`으로 줄여야 합니다. 어디로 가는지 보이도록 서로 다른 수로 된 변화도 $G$를 보내 봅시다.

# %%
y = x + b
G = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
y.backward(G)
print(b.grad)  # [1 + 4, 2 + 5, 3 + 6]

# %% [markdown]
# ## Build it: sum_to · 직접 만들기: sum_to
#
# A dimension of size 1 that was stretched is summed too, but **kept** with size 1: a column
# `(2, 1)` added to `(2, 3)` gets the sum of each row. In general, to bring a gradient back to an
# input's `shape`:
#
# 1. sum over the **extra leading dimensions** that the padding on the left added;
# 2. sum, keeping the dimension, over every dimension where `shape` has **1** and the gradient does not.
#
# 늘어난 크기 1짜리 차원도 더하지만, 크기 1로 **남겨 둡니다**. `(2, 3)`에 더해진 `(2, 1)` 열은 각 행의 합을 받습니다.
# 일반적으로 변화도를 입력의 `shape`로 되돌리려면
#
# 1. 왼쪽에 1을 채우면서 생긴 **앞쪽의 여분 차원**을 모두 더하고,
# 2. `shape`에서는 **1**인데 변화도에서는 1이 아닌 차원마다 차원을 유지한 채 더합니다.

# %%
def sum_to(grad, shape):
    """Sum the NumPy array grad down to shape, undoing broadcasting."""
    shape = tuple(shape)
    extra = grad.ndim - len(shape)
    grad = grad.sum(axis=tuple(range(extra)))  # 1. the dimensions added on the left
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched, keepdims=True)  # 2. size-1 dimensions that were repeated


g = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(sum_to(g, (3,)))
print(sum_to(g, (2, 1)))
print(sum_to(g, (1, 3)))
print(sum_to(g, ()))
print(sum_to(g, (2, 3)) is g)

# %% [markdown]
# Tests: against minigrad's own backward for the broadcasts of the table, and the key property that
# the result has exactly the input's shape. (The last `is g` above printed `False`: ours returns a
# new array even when nothing is summed; minigrad's `sum_to` below returns its argument untouched.)
#
# 시험해 봅시다. 위 표의 브로드캐스팅에 대해 minigrad의 역전파 결과와 비교하고, 결과의 모양이 입력의 모양과 정확히 같은지
# 확인합니다. (위의 마지막 `is g`는 `False`였습니다. 우리 버전은 더할 것이 없어도 새 배열을 돌려주지만, 아래에서 볼
# minigrad의 `sum_to`는 인자를 그대로 돌려줍니다.)

# %%
rng = np.random.default_rng(0)
for a_shape, b_shape in [((2, 3), (3,)), ((2, 3), (2, 1)), ((3, 1), (4,)), ((5, 1, 3), (4, 1)), ((2, 3), ())]:
    a_t = torch.tensor(rng.normal(size=a_shape), requires_grad=True)
    b_t = torch.tensor(rng.normal(size=b_shape), requires_grad=True)
    out = a_t + b_t
    g = rng.normal(size=out.shape)
    out.backward(torch.tensor(g))
    for t in (a_t, b_t):
        mine = sum_to(g, t.shape)
        assert mine.shape == tuple(t.shape)
        assert np.allclose(mine, t.grad.numpy())
print("all tests passed")

# %% [markdown]
# In the graph, `b` (shape `(3,)`) and `col` (shape `(2, 1)`) enter `AddBackward0` nodes whose outputs
# are `(2, 3)`: the broadcast is not a separate node, it happens inside the addition, and so does
# the summing back. Their `.grad` boxes have the leaves' own shapes:
#
# 그래프에서 `b`(모양 `(3,)`)와 `col`(모양 `(2, 1)`)은 출력이 `(2, 3)`인 `AddBackward0` 노드로 들어갑니다. 브로드캐스팅은
# 별도의 노드가 아니라 덧셈 안에서 일어나고, 다시 더하는 일도 그 안에서 일어납니다. `.grad` 칸은 잎(leaf) 텐서 자신의 모양입니다.

# %%
b = torch.tensor([10.0, 20.0, 30.0], requires_grad=True)
col = torch.tensor([[100.0], [200.0]], requires_grad=True)
out = (x + b + col).sum()
out.backward()
draw_graph(out)

# %% [markdown]
# `b.grad` is 2 everywhere (two rows), `col.grad` is 3 everywhere (three columns). minigrad's
# `sum_to` is in `minigrad/ops/_util.py`. It returns the gradient untouched when the shapes already
# agree, and otherwise applies a `Function`, `SumToShape`, whose `forward` is our two steps and whose
# `backward` expands back. In an ordinary backward nothing is recorded, and that one node does it all.
# When a graph of the backward is built (`create_graph=True`, lesson 09), `sum_to` records the nodes
# PyTorch records instead: a `sum()` for a 0-d shape, otherwise a sum that keeps the dimensions
# (`SumBackward1`) followed by a `view` that drops the leading ones.
#
# `b.grad`는 모두 2(행이 둘), `col.grad`는 모두 3(열이 셋)입니다. minigrad의 `sum_to`는 `minigrad/ops/_util.py`에
# 있습니다. 모양이 이미 같으면 변화도를 그대로 돌려주고, 아니면 `Function`인 `SumToShape`를 적용합니다. 그 `forward`는 우리의
# 두 단계이고, `backward`는 다시 늘립니다. 보통의 역전파에서는 아무것도 기록되지 않으므로 이 노드 하나로 끝납니다. 역전파의
# 그래프를 만들 때(`create_graph=True`, 09강)는 `sum_to`가 PyTorch가 기록하는 노드를 그대로 기록합니다. 0차원 모양이면
# `sum()`, 아니면 차원을 유지하는 합(`SumBackward1`)에 이어 앞쪽 차원을 없애는 `view`입니다.

# %%
util = importlib.import_module("minigrad.ops._util")
reductions = importlib.import_module("minigrad.ops.reductions")
print(inspect.getsource(util.sum_to))
print(inspect.getsource(reductions.SumToShape))

# %% [markdown]
# Every broadcasting operation calls it in its backward, once per input. Lesson 05's `Mul`, read
# again: `sum_to(grad * b, a_shape)`, `sum_to(grad * a, b_shape)`. (The input shapes are kept in
# `ctx.shapes` by `forward`, because a tensor is saved only when the other input's gradient needs it.)
#
# 브로드캐스팅하는 연산은 모두 역전파에서 입력마다 한 번씩 이 함수를 부릅니다. 05강의 `Mul`을 다시 읽어 보면
# `sum_to(grad * b, a_shape)`, `sum_to(grad * a, b_shape)`입니다. (입력의 모양은 `forward`가 `ctx.shapes`에 남겨 둡니다.
# 텐서는 다른 입력의 변화도에 필요할 때만 저장되기 때문입니다.)

# %%
arithmetic = importlib.import_module("minigrad.ops.arithmetic")
print(inspect.getsource(arithmetic.Mul.backward))

# %% [markdown]
# ## Reductions: sum, mean, max · 축소 연산: sum, mean, max
#
# A reduction combines many numbers into fewer. Without `dim` it reduces everything to one number;
# with `dim` it reduces along that dimension only, which disappears from the shape unless
# `keepdim=True` keeps it with size 1. A reduction along one dimension is a different node:
# `SumBackward1` rather than `SumBackward0`.
#
# 축소 연산은 여러 수를 더 적은 수로 합칩니다. `dim`이 없으면 전체를 수 하나로 줄이고, `dim`이 있으면 그 차원을 따라서만
# 줄입니다. 줄어든 차원은 모양에서 사라지는데, `keepdim=True`를 주면 크기 1로 남습니다. 한 차원을 따라 줄이는 연산은 다른
# 노드입니다. `SumBackward0`이 아니라 `SumBackward1`입니다.

# %%
t = torch.tensor([[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]], requires_grad=True)
print(t.sum())
print(t.sum(dim=0))
print(t.sum(dim=1, keepdim=True))
print(t.mean(dim=0))
print(t.max())
print(t.max(dim=1))

# %% [markdown]
# `t.max(dim=1)` returns two tensors, `values` and `indices` (where each maximum was found), like
# PyTorch's `torch.return_types.max`. Only `values` is differentiable.
#
# Mind the numbers at the end of the node names: they only tell apart the variants of one operation,
# in the order PyTorch happens to list them. For `sum` the full reduction is `SumBackward0` and the
# `dim` one `SumBackward1`; for `max` it is the other way round, `MaxBackward1` for the full `max()`
# and `MaxBackward0` for `max(dim=1)`.
#
# The backward of each, for an incoming gradient $g$ of the reduced shape:
#
# * **sum**: every element contributed with local derivative 1, so each receives $g$: the gradient is
#   **spread** (copied) over the reduced dimension;
# * **mean**: the sum divided by the count $n$, so each receives $g / n$: spread and **divided**;
# * **max**: only the winner affected the output, so it receives $g$ and the others 0: **sent to the
#   winner**.
#
# To spread, the reduced gradient first gets its reduced dimensions back with size 1 (unless
# `keepdim` kept them), then is expanded to the input's shape: broadcasting, this time forwards.
#
# `t.max(dim=1)`은 PyTorch의 `torch.return_types.max`처럼 `values`와 `indices`(각 최댓값을 찾은 위치) 두 텐서를 돌려줍니다.
# 미분할 수 있는 것은 `values`뿐입니다.
#
# 노드 이름 끝의 숫자는 한 연산의 여러 형태를 PyTorch가 정의한 순서대로 구별하는 번호일 뿐, 따로 뜻이 있지는 않습니다. `sum`은
# 전체 축소가 `SumBackward0`, `dim`을 준 축소가 `SumBackward1`이지만, `max`는 거꾸로 전체 `max()`가 `MaxBackward1`,
# `max(dim=1)`이 `MaxBackward0`입니다.
#
# 줄어든 모양의 변화도 $g$가 들어올 때 각 연산의 역전파는 다음과 같습니다.
#
# * **sum**: 모든 원소가 국소 미분 1로 기여했으므로 모두 $g$를 받습니다. 변화도가 줄어든 차원을 따라 **퍼집니다**(복사됩니다).
# * **mean**: 합을 개수 $n$으로 나눈 것이므로 각 원소는 $g / n$을 받습니다. 퍼진 다음 **나뉩니다**.
# * **max**: 출력에 영향을 준 것은 최댓값을 낸 원소뿐이므로 그 원소가 $g$를 받고 나머지는 0을 받습니다. **최댓값을 낸 원소에게
#   보냅니다**.
#
# 퍼뜨리려면 먼저 줄어든 변화도에 줄어든 차원을 크기 1로 되돌려 주고(`keepdim`으로 남아 있지 않았다면), 입력의 모양으로
# 늘립니다. 이번에는 순방향으로 브로드캐스팅합니다.

# %%
def expand_back(grad, input_shape, dim, keepdim):
    """Give a reduced gradient its reduced dimension back (size 1), then broadcast it."""
    if dim is not None and not keepdim:
        grad = np.expand_dims(grad, dim)
    return np.broadcast_to(grad, input_shape)


def sum_backward(grad, x, dim=None, keepdim=False):
    return expand_back(grad, x.shape, dim, keepdim)


def mean_backward(grad, x, dim=None, keepdim=False):
    n = x.size if dim is None else x.shape[dim]
    return expand_back(grad, x.shape, dim, keepdim) / n


def max_backward(grad, x, dim=None, keepdim=False):
    """Send the gradient to the winners; ties share it evenly (the rule of a full max)."""
    winners = x == expand_back(x.max(axis=dim, keepdims=keepdim), x.shape, dim, keepdim)
    count = winners.sum(axis=dim, keepdims=True)
    return expand_back(grad, x.shape, dim, keepdim) * winners / count


tn = t.detach().numpy()
print(sum_backward(np.array([1.0, 10.0]), tn, dim=1))
print(mean_backward(np.array([1.0, 10.0, 100.0]), tn, dim=0))
print(max_backward(np.array(1.0), tn))

# %% [markdown]
# The last line is the interesting one: in `t`, the maximum 3 appears **twice**. Which element
# "won"? For a full `max()`, PyTorch lets the tied elements **share** the gradient evenly, 0.5 each,
# and our function does the same. minigrad agrees:
#
# 마지막 줄이 흥미롭습니다. `t`에서 최댓값 3이 **두 번** 나옵니다. 어느 원소가 "이긴" 걸까요? 전체 `max()`에서 PyTorch는
# 같은 값의 원소들이 변화도를 똑같이 **나눠 갖게** 하므로 각각 0.5를 받고, 우리 함수도 그렇게 합니다. minigrad도 같습니다.

# %%
t.max().backward()
print(t.grad)

# %% [markdown]
# With `dim`, it is different. `max(dim=1)` has chosen one **index** per row (the `indices` printed
# above: 1 for the row `[1, 3, 3]`, the first of the tied positions here, and 0 for `[2, 2, 0]`), and
# its backward, `MaxBackward0`, sends the whole gradient to that index. No sharing:
#
# `dim`이 있으면 다릅니다. `max(dim=1)`은 행마다 **인덱스** 하나를 골랐고(위에 출력된 `indices`: 행 `[1, 3, 3]`에서는 같은
# 값 중 첫 위치인 1, `[2, 2, 0]`에서는 0), 그 역전파 `MaxBackward0`은 변화도 전체를 그 인덱스로 보냅니다. 나눠 갖지
# 않습니다.

# %%
t.grad = None
t.max(dim=1).values.sum().backward()
print(t.grad)

# %% [markdown]
# Our `max_backward` would have shared here too, 0.5 and 0.5 in each row. That is the rule of
# another reduction, `amax(dim)` (the largest values, without indices), which minigrad and PyTorch
# also have:
#
# 우리의 `max_backward`였다면 여기서도 행마다 0.5씩 나눠 주었을 것입니다. 그것은 다른 축소 연산인 `amax(dim)`(인덱스 없이
# 최댓값만 돌려줌)의 규칙이며, minigrad와 PyTorch에 모두 있습니다.

# %%
print(max_backward(np.ones(2), tn, dim=1))
t.grad = None
t.amax(dim=1).sum().backward()
print(t.grad)

# %% [markdown]
# Which of the tied positions does `max(dim)` pick? PyTorch's documentation says the first one, as
# here, and minigrad does the same (`np.argmax` also returns the first). Either way the rule is: the
# gradient follows `indices`. Exercise 08.3 asks you to predict such gradients.
#
# `max(dim)`은 같은 값들 중 어느 위치를 고를까요? PyTorch 문서에 따르면 여기서처럼 첫 위치이고, minigrad도 그렇습니다
# (`np.argmax`도 첫 위치를 돌려줍니다). 어느 경우든 규칙은 같습니다. 변화도는 `indices`를 따라갑니다. 연습 문제(exercise)
# 08.3에서 이런 변화도를 예측해 봅니다.
#
# minigrad's reductions, in `minigrad/ops/reductions.py`: `expand_back` (ours, for several
# dimensions: one `unsqueeze` per reduced dimension, then `expand`), then `Sum`, `Mean` and the full
# `Max`. `Max` reduces the whole tensor, so its backward is our `max_backward` written with tensors
# and without dimensions: zeros with `grad / count` written at the winners (`masked_fill_`, as PyTorch
# does).
#
# minigrad의 축소 연산은 `minigrad/ops/reductions.py`에 있습니다. `expand_back`(여러 차원을 다루는 우리 함수로, 줄어든
# 차원마다 `unsqueeze`를 한 번 한 뒤 `expand`합니다), 그리고 `Sum`, `Mean`, 전체 `Max`입니다. `Max`는 텐서 전체를 줄이므로
# 그 역전파는 우리의 `max_backward`를 차원 없이 텐서로 쓴 것, 곧 0으로 채운 텐서의 승자 위치에 `grad / count`를 써 넣는
# 것입니다(PyTorch와 같은 `masked_fill_`).

# %%
for obj in [reductions.expand_back, reductions.Sum, reductions.Mean, reductions.Max]:
    print(inspect.getsource(obj))

# %% [markdown]
# `max(dim)` is `MaxDim`: the indices are chosen with `np.argmax` before the node is made, and its
# backward scatters the gradient to them, into a tensor of zeros:
#
# `max(dim)`은 `MaxDim`입니다. 노드를 만들기 전에 `np.argmax`로 인덱스를 고르고, 역전파는 0으로 채운 텐서의 그 위치에
# 변화도를 흩어 놓습니다(scatter).

# %%
for obj in [reductions.reduce_max, reductions.MaxDim]:
    print(inspect.getsource(obj))

# %% [markdown]
# ## Shape operations · 모양 연산
#
# A shape operation changes **where** numbers are, never their values. Each output element is a copy
# of one input element, so its local derivative is 1 along that one connection, and the backward puts
# each gradient back **where its number came from**, adding up when one number was copied to several
# places (`expand`, repeated indices):
#
# 모양 연산은 수의 **위치**만 바꾸고 값은 바꾸지 않습니다. 출력의 원소 하나는 입력의 원소 하나를 복사한 것이므로 그 연결
# 하나를 따라 국소 미분이 1이고, 역전파는 각 변화도를 **그 수가 온 자리로** 되돌려 놓습니다. 수 하나가 여러 자리로 복사되었다면
# (`expand`, 반복된 인덱스) 변화도를 더합니다.
#
# | forward · 순전파 | node · 노드 | backward · 역전파 |
# |---|---|---|
# | `x.reshape(s)`, `x.view(s)` | `ViewBackward0` | reshape back · 원래 모양으로 |
# | `x.transpose(0, 1)`, `x.t()` | `TransposeBackward0`, `TBackward0` | transpose back · 다시 전치 |
# | `x.permute(p)` | `PermuteBackward0` | inverse permutation · 역순열 |
# | `x.unsqueeze(d)` / `x.squeeze()` | `UnsqueezeBackward0` / `SqueezeBackward0` | squeeze / reshape back · 원래 모양으로 |
# | `x[0]`, `x[:, 1:]`, `x[[0, 0, 2]]` | `SelectBackward0`, `SliceBackward0`, `IndexBackward0` | zeros, gradient **added** at the positions · 0에 위치별로 **더함** |
# | `torch.cat`, `torch.stack` | `CatBackward0`, `StackBackward0` | cut into pieces · 조각으로 나눔 |
# | `x.expand(s)` | `ExpandBackward0` | `sum_to` |
#
# The names, as minigrad (and PyTorch) print them:
#
# minigrad(그리고 PyTorch)가 출력하는 이름입니다.

# %%
x = torch.arange(6.0).reshape(2, 3).requires_grad_()
print(x)
examples = {
    "x.reshape(3, 2)": x.reshape(3, 2),
    "x.view(6)": x.view(6),
    "x.transpose(0, 1)": x.transpose(0, 1),
    "x.t()": x.t(),
    "x.permute(1, 0)": x.permute(1, 0),
    "x.unsqueeze(0)": x.unsqueeze(0),
    "x.unsqueeze(0).squeeze()": x.unsqueeze(0).squeeze(),
    "x.unsqueeze(0).squeeze(0)": x.unsqueeze(0).squeeze(0),
    "x[0]": x[0],
    "x[:, 0]": x[:, 0],
    "x[:, 1:]": x[:, 1:],
    "x[[0, 0, 1]]": x[[0, 0, 1]],
    "torch.cat([x, x])": torch.cat([x, x]),
    "torch.stack([x, x])": torch.stack([x, x]),
    "x[0].expand(4, 3)": x[0].expand(4, 3),
}
for code, result in examples.items():
    print(f"{code:27s} {str(tuple(result.shape)):10s} {result.grad_fn.name()}")

# %% [markdown]
# To see the backward of each, send a gradient that numbers the output's positions, `arange`, and
# look at where the numbers land in `x.grad`. A transpose puts them back transposed; a reshape
# back in order; a slice leaves zeros where nothing was taken:
#
# 각각의 역전파를 보려면 출력의 위치마다 번호를 매긴 변화도(`arange`)를 보내고, 그 번호가 `x.grad`의 어디에 도착하는지
# 보면 됩니다. 전치는 다시 전치해서, 모양 바꾸기는 순서대로 돌려놓고, 슬라이스는 가져가지 않은 자리에 0을 남깁니다.

# %%
def grad_through(fn):
    """x.grad after sending 1, 2, 3, ... back through fn(x)."""
    x = torch.arange(6.0).reshape(2, 3).requires_grad_()
    out = fn(x)
    out.backward(torch.arange(1.0, out.numel() + 1).reshape(out.shape))
    return x.grad

print(grad_through(lambda x: x.t()))
print(grad_through(lambda x: x.reshape(3, 2)))
print(grad_through(lambda x: x[:, 1:]))

# %% [markdown]
# Indexing with a list may pick the same element more than once. Then, as always for a value used
# several times, its gradients **add up**. `y[[0, 2, 2, 2]]` uses `y[2]` three times:
#
# 리스트로 인덱싱하면 같은 원소를 여러 번 고를 수 있습니다. 그러면 여러 번 쓰인 값이 늘 그렇듯 변화도가 **더해집니다**.
# `y[[0, 2, 2, 2]]`는 `y[2]`를 세 번 씁니다.

# %%
y = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
z = y[[0, 2, 2, 2]]
print(z)
z.sum().backward()
print(y.grad)

# %% [markdown]
# A plain `grad[key] = g` would **overwrite** (NumPy assigns each repeated position once, so `y[2]`
# would get 1, not 3). minigrad's `IndexPutImpl` (the backward of indexing with a list, a tensor or a
# mask; PyTorch's name) uses `np.add.at`, which adds for every occurrence:
#
# 그냥 `grad[key] = g`라고 쓰면 **덮어씁니다**(NumPy는 반복된 위치에 한 번만 대입하므로 `y[2]`는 3이 아니라 1을 받게
# 됩니다). minigrad의 `IndexPutImpl`(리스트, 텐서, 마스크로 인덱싱한 것의 역전파로, 이름은 PyTorch를 따릅니다)은 나올
# 때마다 더하는 `np.add.at`을 씁니다.

# %%
key = [0, 2, 2, 2]
overwrite = np.zeros(3)
overwrite[key] = 1.0
added = np.zeros(3)
np.add.at(added, key, 1.0)
print(overwrite, added)

# %% [markdown]
# `cat` and `stack` are the opposite of indexing: several inputs, one output. The backward cuts the
# gradient into pieces, one per input: `cat` along the joined dimension, `stack` by selecting along
# the new one. `expand` is broadcasting made explicit, so its backward is `sum_to`:
#
# `cat`과 `stack`은 인덱싱의 반대로, 입력이 여러 개이고 출력이 하나입니다. 역전파는 변화도를 입력마다 한 조각씩 자릅니다.
# `cat`은 이어 붙인 차원을 따라, `stack`은 새로 생긴 차원을 따라 골라냅니다. `expand`는 브로드캐스팅을 명시적으로 쓴
# 것이므로 역전파가 `sum_to`입니다.

# %%
e = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
f = torch.tensor([4.0, 5.0], requires_grad=True)
joined = torch.cat([e, f])
joined.backward(torch.tensor([10.0, 20.0, 30.0, 40.0, 50.0]))
print(e.grad, f.grad)

e.grad = None
stacked = torch.stack([e, 2 * e], dim=1)
print(stacked)
stacked.backward(torch.ones(3, 2))
print(e.grad)  # 1 from the first column, 2 from the second

e.grad = None
e.expand(4, 3).sum().backward()
print(e.grad)

# %% [markdown]
# minigrad's shape operations are in `minigrad/ops/shape.py`. `View`, `Permute` (whose backward
# applies the inverse permutation, `np.argsort(dims)`), the three indexing nodes, their backwards
# (`IndexPutImpl` for lists, tensors and masks; `SelectBackward` and `SliceBackward`, which place each
# element once, for an integer and for slices), `Cat`, and `Expand`:
#
# minigrad의 모양 연산은 `minigrad/ops/shape.py`에 있습니다. `View`, `Permute`(역전파가 역순열 `np.argsort(dims)`를 적용),
# 인덱싱 노드 셋과 그 역전파(리스트, 텐서, 마스크에는 `IndexPutImpl`, 정수와 슬라이스에는 원소마다 한 번씩 놓는
# `SelectBackward`와 `SliceBackward`), `Cat`, 그리고 `Expand`입니다.

# %%
shape_ops = importlib.import_module("minigrad.ops.shape")
for cls in [shape_ops.View, shape_ops.Permute, shape_ops.Index, shape_ops.Select, shape_ops.Slice,
            shape_ops.IndexPutImpl, shape_ops.SelectBackward, shape_ops.SliceBackward, shape_ops.Cat,
            shape_ops.Expand]:
    print(inspect.getsource(cls))

# %% [markdown]
# ## Matrix multiplication · 행렬 곱
#
# For $C = AB$ with $A$ of shape $(n, k)$ and $B$ of shape $(k, m)$, $C$ has shape $(n, m)$ and
# $C_{ij} = \sum_p A_{ip} B_{pj}$. The gradient arriving from above, $G = \partial L / \partial C$,
# has $C$'s shape $(n, m)$. We want $\partial L/\partial A$, of shape $(n, k)$, built from $G$ and $B$.
# **The shapes leave one choice**: to get $(n, k)$ out of an $(n, m)$ and a $(k, m)$, multiply
# $G$ by $B^\top$, $(n, m)(m, k)$. In the same way $\partial L/\partial B$, of shape $(k, m)$, can
# only be $A^\top G$, $(k, n)(n, m)$:
#
# $$\frac{\partial L}{\partial A} = G\,B^\top, \qquad \frac{\partial L}{\partial B} = A^\top G.$$
#
# The element-wise chain rule confirms it: $A_{ip}$ appears in $C_{ij}$ for every $j$, with local
# derivative $B_{pj}$, so $\partial L/\partial A_{ip} = \sum_j G_{ij} B_{pj} = (G B^\top)_{ip}$.
#
# 모양이 $(n, k)$인 $A$와 $(k, m)$인 $B$의 곱 $C = AB$는 모양이 $(n, m)$이고 $C_{ij} = \sum_p A_{ip} B_{pj}$입니다. 위에서
# 오는 변화도 $G = \partial L / \partial C$는 $C$와 같은 모양 $(n, m)$입니다. 구하려는 $\partial L/\partial A$는 모양이
# $(n, k)$이고 $G$와 $B$로 만들어야 합니다. **모양을 보면 방법이 하나뿐입니다.** $(n, m)$과 $(k, m)$으로 $(n, k)$를 얻으려면
# $G$에 $B^\top$를 곱해야 합니다. $(n, m)(m, k)$입니다. 같은 방식으로 모양이 $(k, m)$인 $\partial L/\partial B$는
# $A^\top G$, 곧 $(k, n)(n, m)$일 수밖에 없습니다(위 식).
#
# 원소별 연쇄 법칙(chain rule)으로도 확인됩니다. $A_{ip}$는 모든 $j$에 대해 $C_{ij}$에 국소 미분 $B_{pj}$로 나타나므로
# $\partial L/\partial A_{ip} = \sum_j G_{ij} B_{pj} = (G B^\top)_{ip}$입니다.

# %% [markdown]
# ## Build it: a MatMul Function · 직접 만들기: MatMul Function
#
# A new operation with its own backward is a subclass of `torch.autograd.Function`, written exactly
# as in PyTorch, with two **static** methods that share a context object `ctx`:
#
# * `forward(ctx, a, b)` computes the result (on tensors, with recording switched off) and keeps what
#   the backward will need with `ctx.save_for_backward(a, b)`;
# * `backward(ctx, grad)` receives $G = \partial L / \partial C$, reads the saved tensors back from
#   `ctx.saved_tensors` and returns one gradient per input of `forward`, in the same order.
#
# You call it with `MatMul.apply(A, B)`, never `MatMul()(A, B)`: `apply` runs `forward` and records
# the node, named `MatMulBackward` after the class. In the backward, `@` and `.t()` are ordinary
# tensor operations:
#
# 자기만의 역전파를 가진 새 연산은 `torch.autograd.Function`의 하위 클래스로, PyTorch와 똑같이 씁니다. 문맥 객체 `ctx`를
# 함께 쓰는 **정적** 메서드 두 개가 있습니다.
#
# * `forward(ctx, a, b)`는 (기록을 끈 채 텐서로) 결과를 계산하고, 역전파에 필요한 것을
#   `ctx.save_for_backward(a, b)`로 보관합니다.
# * `backward(ctx, grad)`는 $G = \partial L / \partial C$를 받아 `ctx.saved_tensors`에서 저장한 텐서를 다시 꺼내고,
#   `forward`의 입력마다 변화도를 하나씩, 같은 순서로 돌려줍니다.
#
# 호출은 `MatMul()(A, B)`가 아니라 `MatMul.apply(A, B)`로 합니다. `apply`가 `forward`를 실행하고 노드를 기록하며, 노드
# 이름은 클래스 이름을 딴 `MatMulBackward`입니다. 역전파 안의 `@`와 `.t()`는 평범한 텐서 연산입니다.

# %%
class MatMul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a @ b

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        return grad @ b.t(), a.t() @ grad  # (n, m)(m, k) and (k, n)(n, m)


A = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
B = torch.randn(3, 2, dtype=torch.float64, requires_grad=True)
C = MatMul.apply(A, B)
print(C.shape, C.grad_fn)
print(gradcheck(MatMul.apply, (A, B)))

# %% [markdown]
# The most common mistake is to swap the two formulas. The shapes give it away at once: autograd
# checks every returned gradient against its input's shape and refuses the wrong one, with
# PyTorch's message:
#
# 가장 흔한 실수는 두 공식을 서로 바꿔 쓰는 것입니다. 모양을 보면 바로 드러납니다. autograd는 돌려받은 변화도마다 입력의
# 모양과 맞는지 확인하고, 틀리면 PyTorch와 같은 메시지로 거부합니다.

# %%
class SwappedMatMul(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a @ b

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        return a.t() @ grad, grad @ b.t()  # wrong: the formula for B first


with shows_error(RuntimeError):
    SwappedMatMul.apply(A, B).sum().backward()

# %% [markdown]
# `gradcheck` compares with central differences, element by element (lesson 03). The same test by
# hand for one element, $\partial L/\partial A_{21}$ with $L = \sum_{ij} C_{ij}^2$, so $G = 2C$:
#
# `gradcheck`는 원소마다 중앙 차분(central difference)과 비교합니다(03강). 원소 하나, $L = \sum_{ij} C_{ij}^2$일 때의
# $\partial L/\partial A_{21}$을 손으로 시험해 봅시다. 이때 $G = 2C$입니다.

# %%
def loss_of(a_values):
    return ((a_values @ B.detach().numpy()) ** 2).sum()

h = 1e-6
a_plus, a_minus = A.detach().numpy().copy(), A.detach().numpy().copy()
a_plus[2, 1] += h
a_minus[2, 1] -= h
numerical = (loss_of(a_plus) - loss_of(a_minus)) / (2 * h)

(MatMul.apply(A, B) ** 2).sum().backward()
print(f"central difference {numerical:.6f}   backward {A.grad[2, 1].item():.6f}")

# %% [markdown]
# ## minigrad's matmul · minigrad의 matmul
#
# `minigrad/ops/linalg.py` is our `MatMul` grown to every case of `@`. minigrad's built-in operations
# use the same API, as `NumpyFunction`s: their `forward` receives the NumPy arrays inside the
# tensors, their `backward` works on tensors as ours does, and `ctx.needs_input_grad` skips a gradient
# nobody asked for. As in PyTorch, the products are four kernels, each a node with the rule we derived:
# `dot` (vector·vector, `DotBackward0`), `mv` (matrix·vector, `MvBackward0`), `mm` (matrix·matrix,
# `MmBackward0`) and `bmm` (a batch of matrix products, `BmmBackward0`). `@` itself is not a node: it
# reshapes its operands so that one kernel can do the work, and those reshapes are recorded too. A
# batch times a matrix, for example, becomes one big `mm` between a `view` and an `_unsafe_view`.
# Below are the `mm` and `bmm` kernels and `matmul`, which picks one; the helpers that fold or batch
# the operands are in the same file. Each kernel keeps an operand only if the *other* operand needs a
# gradient (`save_partners`), as PyTorch does: the gradient of `a` is made with `b`, and the reverse.
#
# `minigrad/ops/linalg.py`는 우리의 `MatMul`을 `@`의 모든 경우로 키운 것입니다. minigrad의 내장 연산도 같은 API를
# `NumpyFunction`으로 씁니다. `forward`는 텐서 안의 NumPy 배열을 받고, `backward`는 우리 것처럼 텐서로 계산하며,
# `ctx.needs_input_grad`로 아무도 요구하지 않은 변화도는 건너뜁니다. PyTorch처럼 곱셈은 네 개의 커널이고, 각각이 우리가
# 유도한 규칙을 가진 노드입니다. `dot`(벡터·벡터, `DotBackward0`), `mv`(행렬·벡터, `MvBackward0`), `mm`(행렬·행렬,
# `MmBackward0`), `bmm`(행렬 곱의 배치, `BmmBackward0`)입니다. `@` 자체는 노드가 아닙니다. 커널 하나가 일을 할 수 있도록
# 피연산자의 모양을 바꾸고, 그 모양 바꾸기도 기록됩니다. 예를 들어 배치와 행렬의 곱은 `view`와 `_unsafe_view` 사이의
# 큰 `mm` 하나가 됩니다. 아래는 `mm`과 `bmm` 커널, 그리고 커널 하나를 고르는 `matmul`입니다. 피연산자를 접거나 배치로
# 묶는 도우미 함수는 같은 파일에 있습니다. 각 커널은 *다른* 피연산자에 변화도가 필요할 때만 피연산자를 저장합니다
# (`save_partners`). PyTorch도 그렇습니다. `a`의 변화도는 `b`로 만들고, 그 반대도 마찬가지이기 때문입니다.

# %%
linalg = importlib.import_module("minigrad.ops.linalg")
for obj in [linalg.save_partners, linalg.Mm, linalg.Bmm, linalg.matmul]:
    print(inspect.getsource(obj))

# %%
M = torch.ones(2, 3, requires_grad=True)
v = torch.ones(3, requires_grad=True)
print(v @ v)
print(M @ v)
print(M @ M.t())

# %% [markdown]
# The graph of a batch times a matrix, and of a batch times a batch, node by node from the result
# (PyTorch prints the same names):
#
# 배치와 행렬의 곱, 배치와 배치의 곱의 그래프를 결과에서부터 노드 하나씩 따라가 봅니다(PyTorch도 같은 이름을 출력합니다).

# %%
def node_names(t):
    """The first-input path from t.grad_fn down to a leaf."""
    names, node = [], t.grad_fn
    while node is not None:
        names.append(node.name())
        node = node.next_functions[0][0] if node.next_functions else None
    return " <- ".join(names)


batch = torch.ones(4, 2, 3, requires_grad=True)
print(node_names(batch @ torch.ones(3, 5)))
print(node_names(batch @ torch.ones(4, 3, 5)))

# %% [markdown]
# ## gradcheck on every operation · 모든 연산에 gradcheck
#
# Every backward of this lesson, checked against central differences in `float64`. The functions end
# in a `* weights` so that each output element gets a different gradient (a plain `.sum()` would
# send 1 everywhere and could hide a mix-up of positions):
#
# 이번 강의의 모든 역전파를 `float64`에서 중앙 차분과 비교합니다. 출력 원소마다 다른 변화도를 받도록 함수 끝에 `* weights`를
# 곱했습니다(그냥 `.sum()`이면 모두 1을 보내므로 위치가 뒤바뀐 실수를 놓칠 수 있습니다).

# %%
X = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
R = torch.randn(4, dtype=torch.float64, requires_grad=True)
Y = torch.randn(4, 2, dtype=torch.float64, requires_grad=True)
Z = torch.randn(3, 1, dtype=torch.float64, requires_grad=True)


def weighted(fn):
    """fn followed by a multiplication with fixed, distinct weights."""
    def wrapped(*inputs):
        out = fn(*inputs)
        weights = torch.arange(1.0, out.numel() + 1, dtype=torch.float64).reshape(out.shape)
        return out * weights
    return wrapped


checks = {
    "X + R       (broadcast)": (lambda x, r: x + r, (X, R)),
    "X * Z       (broadcast)": (lambda x, z: x * z, (X, Z)),
    "X.sum(dim=0)": (lambda x: x.sum(dim=0), (X,)),
    "X.mean(dim=1, keepdim)": (lambda x: x.mean(dim=1, keepdim=True), (X,)),
    "X.max(dim=1).values": (lambda x: x.max(dim=1).values, (X,)),
    "X.max()": (lambda x: x.max(), (X,)),
    "X.reshape(2, 6)": (lambda x: x.reshape(2, 6), (X,)),
    "X.t()": (lambda x: x.t(), (X,)),
    "X.unsqueeze(0).permute(2, 0, 1)": (lambda x: x.unsqueeze(0).permute(2, 0, 1), (X,)),
    "X[[0, 2, 2]]": (lambda x: x[[0, 2, 2]], (X,)),
    "X[:, 1:]": (lambda x: x[:, 1:], (X,)),
    "torch.cat([X, 2 * X])": (lambda x: torch.cat([x, 2 * x]), (X,)),
    "torch.stack([R, R * R])": (lambda r: torch.stack([r, r * r]), (R,)),
    "R.expand(3, 4)": (lambda r: r.expand(3, 4), (R,)),
    "R @ R       (DotBackward0)": (lambda r: r @ r, (R,)),
    "X @ R       (MvBackward0)": (lambda x, r: x @ r, (X, R)),
    "X @ Y       (MmBackward0)": (lambda x, y: x @ y, (X, Y)),
}
for label, (fn, inputs) in checks.items():
    print(f"{label:33s} {gradcheck(weighted(fn), inputs)}")

# %% [markdown]
# ## A small linear model · 작은 선형 모델
#
# All of it together in the layer every network is made of: a batch `x` of 4 examples with 3
# features, a weight matrix `W` of shape `(2, 3)` (one row per output, PyTorch's convention), a bias
# `b` of shape `(2,)`, and $y = x W^\top + b$: `x @ W.t() + b`. The bias is **broadcast** over the 4
# examples, so its gradient is summed over the batch.
#
# 이 모든 것을, 어느 신경망에나 있는 계층 하나에 모아 봅시다. 특성 3개짜리 예제 4개로 된 배치 `x`, 모양이 `(2, 3)`인
# 가중치(weight) 행렬 `W`(PyTorch의 관례대로 출력 하나에 한 행), 모양이 `(2,)`인 편향 `b`, 그리고 $y = x W^\top + b$,
# 곧 `x @ W.t() + b`입니다. 편향은 예제 4개에 걸쳐 **브로드캐스팅**되므로 그 변화도는 배치를 따라 더해집니다.

# %%
_ = torch.manual_seed(0)
x = torch.randn(4, 3)
target = torch.randn(4, 2)
W = torch.randn(2, 3, requires_grad=True)
b = torch.zeros(2, requires_grad=True)

y = x @ W.t() + b
loss = ((y - target) ** 2).mean()
mm_node = y.grad_fn.next_functions[0][0]
print(y.grad_fn, mm_node, mm_node.next_functions, sep="\n")
loss.backward()
draw_graph(loss)

# %% [markdown]
# Read the graph from `W`: `TBackward0` transposes it to `(3, 2)`, `MmBackward0` makes `(4, 2)`,
# and `b`, only `(2,)`, joins at `AddBackward0`, whose output is `(4, 2)`: that is the broadcast.
# (`x` requires no gradient: `MmBackward0` has `None` in its place, as printed above, and the
# drawing leaves it out.)
#
# Now the gradients by hand, with lesson 06's vector-Jacobian view: $G = \partial L / \partial y =
# \frac{2}{8}(y - \text{target})$ (the mean is over 8 numbers), then
#
# * `b.grad` $= $ `sum_to(G, (2,))`, the sum of $G$ over the batch;
# * `W.grad`: $y = x W^\top$ gives $\partial L/\partial W^\top = x^\top G$, so $\partial L/\partial W = G^\top x$, shape `(2, 3)`.
#
# `W`에서부터 그래프를 읽어 봅시다. `TBackward0`이 `W`를 `(3, 2)`로 전치하고, `MmBackward0`이 `(4, 2)`를 만들고,
# `(2,)`뿐인 `b`가 출력이 `(4, 2)`인 `AddBackward0`에서 합류합니다. 이것이 브로드캐스팅입니다. (`x`는 변화도가 필요
# 없으므로 `MmBackward0`에는 위에 출력된 것처럼 그 자리에 `None`이 있고, 그림에도 그려지지 않습니다.) 이제 06강의 벡터-야코비안
# 곱(vector-Jacobian product) 관점으로 변화도를 손으로 구해 봅시다. $G = \partial L / \partial y = \frac{2}{8}(y - \text{target})$
# (평균이 수 8개에 대한 것이므로)이고,
#
# * `b.grad` $= $ `sum_to(G, (2,))`, 곧 배치를 따라 더한 $G$이며,
# * `W.grad`는 $y = x W^\top$에서 $\partial L/\partial W^\top = x^\top G$이므로 $\partial L/\partial W = G^\top x$, 모양은 `(2, 3)`입니다.

# %%
G_np = 2 / 8 * (y - target).detach().numpy()
print(np.allclose(sum_to(G_np, (2,)), b.grad.numpy()))
print(np.allclose(G_np.T @ x.numpy(), W.grad.numpy()))
print(b.grad)
print(W.grad)

# %% [markdown]
# This is exactly `nn.Linear`, lesson 10's first layer: `weight` of shape `(out, in)`, `bias` of
# shape `(out,)`, and `x @ weight.t() + bias`.
#
# 이것이 바로 10강의 첫 계층 `nn.Linear`입니다. 모양이 `(out, in)`인 `weight`, 모양이 `(out,)`인 `bias`, 그리고
# `x @ weight.t() + bias`입니다.

# %% [markdown]
# ## Summary · 정리
#
# * Broadcasting lines shapes up from the right; sizes must be equal or 1; missing dimensions count
#   as 1. Otherwise: `The size of tensor a (3) must match the size of tensor b (4) at non-singleton
#   dimension 1`.
# * A broadcast input was used several times, so its gradient is the **sum**: `sum_to(grad, shape)`
#   sums the extra leading dimensions and, keeping them, the stretched size-1 ones. Every
#   broadcasting backward calls it (`SumToShape` in minigrad).
# * Reductions: `sum` spreads the gradient, `mean` spreads and divides by the count, `max` sends it to
#   the winner. A full `max()` shares it among ties; `max(dim)` sends it to the chosen `indices`.
#   `keepdim=True` keeps the reduced dimension with size 1. The number ending a node's name only tells
#   variants apart (`sum()` is `SumBackward0`, `sum(dim)` `SumBackward1`; `max()` is `MaxBackward1`).
# * Shape operations move numbers, so their backward moves gradients back: reshape, transpose back,
#   inverse permutation, zeros with the gradient **added** at indexed positions (repeated indices add
#   up), pieces for `cat`/`stack`, `sum_to` for `expand`.
# * Matrix product: $\partial L/\partial A = G B^\top$, $\partial L/\partial B = A^\top G$, the only
#   products with the right shapes. Nodes: `DotBackward0`, `MvBackward0`, `MmBackward0`.
# * A linear layer `x @ W.t() + b`: `W.grad` $= G^\top x$, `b.grad` $=$ $G$ summed over the batch.
#
# **Next, lesson 09:** the backward pass is itself made of tensor operations. Recording it
# (`create_graph=True`) gives derivatives of derivatives, and Newton's method.
#
# * 브로드캐스팅은 모양을 오른쪽부터 맞추고, 크기는 같거나 1이어야 하며, 없는 차원은 1로 칩니다. 아니면 `The size of tensor a
#   (3) must match the size of tensor b (4) at non-singleton dimension 1` 오류가 납니다.
# * 브로드캐스팅된 입력은 여러 번 쓰였으므로 그 변화도는 **합**입니다. `sum_to(grad, shape)`는 앞쪽의 여분 차원을 더하고,
#   늘어난 크기 1 차원은 유지한 채 더합니다. 브로드캐스팅하는 모든 역전파가 이 함수를 부릅니다(minigrad에서는 `SumToShape`).
# * 축소 연산: `sum`은 변화도를 퍼뜨리고, `mean`은 퍼뜨린 뒤 개수로 나누고, `max`는 최댓값을 낸 원소에게 보냅니다. 전체
#   `max()`는 같은 값들끼리 나눠 갖게 하고, `max(dim)`은 고른 `indices`로 보냅니다. `keepdim=True`는 줄어든 차원을 크기 1로
#   남깁니다. 노드 이름 끝의 숫자는 변형을 구별할 뿐입니다(`sum()`은 `SumBackward0`, `sum(dim)`은 `SumBackward1`,
#   `max()`는 `MaxBackward1`).
# * 모양 연산은 수를 옮기므로 역전파는 변화도를 되돌려 옮깁니다. 원래 모양으로, 다시 전치, 역순열, 인덱싱한 위치에 변화도를
#   **더한** 0 텐서(반복된 인덱스는 더해짐), `cat`/`stack`은 조각으로, `expand`는 `sum_to`로 되돌립니다.
# * 행렬 곱: $\partial L/\partial A = G B^\top$, $\partial L/\partial B = A^\top G$. 모양이 맞는 곱은 이것뿐입니다. 노드는
#   `DotBackward0`, `MvBackward0`, `MmBackward0`입니다.
# * 선형 계층 `x @ W.t() + b`: `W.grad` $= G^\top x$, `b.grad` $=$ 배치를 따라 더한 $G$입니다.
#
# **다음 09강:** 역전파 자체도 텐서 연산으로 이루어져 있습니다. 역전파를 기록하면(`create_graph=True`) 도함수의 도함수, 곧
# 고차 미분(higher-order derivative)을 얻고, 뉴턴 방법까지 갈 수 있습니다.
