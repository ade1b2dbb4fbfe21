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
# # Lesson 01 · Tensors · 텐서
#
# Everything autograd does starts from one object: the tensor. In this lesson you will
#
# 1. see why a tensor is more than an array: it is a *box* around a NumPy array that also carries
#    the bookkeeping autograd needs;
# 2. build that box yourself in about twenty lines;
# 3. meet minigrad's real `Tensor`: how to create one, its dtype and shape, how it prints;
# 4. learn what `requires_grad` means, what a *leaf* is, and which tensors may ask for gradients.
#
# autograd가 하는 모든 일은 텐서(tensor)라는 객체 하나에서 시작합니다. 이번 강의에서는 다음을 배웁니다.
#
# 1. 텐서가 왜 단순한 배열이 아닌지 알아봅니다. 텐서는 NumPy 배열을 감싼 *상자*이고, 그 안에 autograd에
#    필요한 기록 정보를 함께 담습니다.
# 2. 그 상자를 스무 줄 남짓한 코드로 직접 만들어 봅니다.
# 3. minigrad의 진짜 `Tensor`를 만나 봅니다. 만드는 방법, 자료형(dtype)과 모양(shape), 출력 형식을 살펴봅니다.
# 4. `requires_grad`가 무슨 뜻인지, *잎(leaf)* 텐서가 무엇인지, 어떤 텐서가 변화도(gradient)를 요구할 수
#    있는지 배웁니다.

# %% [markdown]
# ## Why not just an array? · 그냥 배열이면 안 될까?
#
# A NumPy array already stores numbers and does fast arithmetic on them. What it cannot tell you is
# *where those numbers came from*. To compute a gradient later, autograd must remember, for every
# result, which operation produced it and from which inputs. So a tensor is an array plus four
# pieces of bookkeeping:
#
# | attribute | meaning | filled in by |
# |---|---|---|
# | `data` | the numbers (a NumPy array) | you, when you create the tensor |
# | `requires_grad` | should autograd track what is computed from this tensor? | you |
# | `grad_fn` | the operation that produced this tensor (`None` if you made it yourself) | every operation (lesson 02) |
# | `grad` | the gradient collected here by the backward pass | `backward()` (lesson 04) |
#
# NumPy 배열은 이미 수를 저장하고 빠르게 계산합니다. 하지만 *그 수가 어디에서 왔는지*는 알려 주지 못합니다.
# 나중에 변화도를 계산하려면 autograd는 모든 결과에 대해 어떤 연산이 어떤 입력으로 그 결과를 만들었는지
# 기억해야 합니다. 그래서 텐서는 배열에 네 가지 기록 정보를 더한 것입니다.
#
# | 속성 | 뜻 | 누가 채우나 |
# |---|---|---|
# | `data` | 수 자체 (NumPy 배열) | 텐서를 만들 때 여러분이 |
# | `requires_grad` | 이 텐서로부터 계산되는 것을 autograd가 추적할까? | 여러분이 |
# | `grad_fn` | 이 텐서를 만든 연산 (직접 만든 텐서라면 `None`) | 모든 연산이 (02강) |
# | `grad` | 역전파(backward pass)가 여기에 모아 두는 변화도 | `backward()`가 (04강) |

# %% [markdown]
# ## Build it: a tensor in twenty lines · 직접 만들기: 스무 줄짜리 텐서
#
# Here is the whole idea as a small class. `is_leaf` is not stored: a tensor is a leaf exactly when
# no operation made it, that is when `grad_fn` is `None`. The `repr` borrows NumPy's printer and adds
# `requires_grad=True` the way PyTorch does.
#
# 아이디어 전체를 작은 클래스 하나로 옮겨 봅시다. `is_leaf`는 따로 저장하지 않습니다. 어떤 연산도 만들지
# 않은 텐서, 즉 `grad_fn`이 `None`인 텐서가 바로 잎 텐서이기 때문입니다. `repr`은 NumPy의 출력 기능을
# 빌려 쓰고, PyTorch처럼 `requires_grad=True`를 덧붙입니다.

# %%
import numpy as np


class MiniTensor:
    """A box around a NumPy array, plus what autograd needs to know about it."""

    def __init__(self, data, requires_grad=False):
        self.data = np.asarray(data, dtype=np.float32)  # the numbers
        self.requires_grad = requires_grad              # track operations on me?
        self.grad = None                                # filled by backward (lesson 04)
        self.grad_fn = None                             # set by the operation that made me (lesson 02)

    @property
    def is_leaf(self):
        return self.grad_fn is None                     # nobody made me: I am a leaf

    @property
    def shape(self):
        return self.data.shape

    def __repr__(self):
        body = np.array2string(self.data, separator=", ", prefix="tensor(")
        suffix = ", requires_grad=True" if self.requires_grad else ""
        return f"tensor({body}{suffix})"


# %% [markdown]
# Let us try it. A box we create ourselves is a leaf, has no gradient yet and no `grad_fn`.
#
# 한번 써 봅시다. 직접 만든 상자는 잎 텐서이고, 아직 변화도도 `grad_fn`도 없습니다.

# %%
box = MiniTensor([[1, 1], [1, 1]], requires_grad=True)
print(box)
print("shape:", box.shape, "| is_leaf:", box.is_leaf, "| grad:", box.grad, "| grad_fn:", box.grad_fn)

# %% [markdown]
# That already looks like PyTorch's `tensor([[1., 1.], [1., 1.]], requires_grad=True)`. But NumPy's
# printer is not PyTorch's: with less round numbers the two disagree.
#
# 벌써 PyTorch의 `tensor([[1., 1.], [1., 1.]], requires_grad=True)`와 비슷해 보입니다. 하지만 NumPy의
# 출력 규칙은 PyTorch와 다릅니다. 딱 떨어지지 않는 수를 넣으면 차이가 드러납니다.

# %%
print(MiniTensor([1.5, 2.25, 3.0]))
print(MiniTensor([0.1, 1.0, 0.0001]))

# %% [markdown]
# PyTorch would print `tensor([1.5000, 2.2500, 3.0000])` and `tensor([1.0000e-01, 1.0000e+00, 1.0000e-04])`.
# minigrad promises to print *exactly* what PyTorch prints, so it carries its own printer
# (`minigrad/_printing.py`); we look at its rules below. From here on we use the real thing.
#
# PyTorch라면 `tensor([1.5000, 2.2500, 3.0000])`와 `tensor([1.0000e-01, 1.0000e+00, 1.0000e-04])`를
# 출력합니다. minigrad는 PyTorch와 *글자 하나까지 똑같이* 출력하기로 약속했기 때문에 자체 출력 모듈
# (`minigrad/_printing.py`)을 가지고 있습니다. 그 규칙은 아래에서 살펴보고, 이제부터는 진짜 텐서를 씁니다.

# %% [markdown]
# ## minigrad's Tensor · minigrad의 Tensor
#
# minigrad mirrors PyTorch's names, so we import it under PyTorch's usual name. Every line below would
# run unchanged with `import torch` and print the same text, with one exception: random numbers. We fix
# the random seed, so random tensors come out the same on every run, but minigrad draws them with
# NumPy's generator, so `torch.rand` and `torch.randn` in PyTorch give other numbers for the same seed.
#
# minigrad는 PyTorch와 이름이 같으므로, PyTorch를 쓸 때처럼 `torch`라는 이름으로 가져옵니다. 아래 코드는
# `import torch`로 바꿔도 그대로 실행되고 같은 내용을 출력합니다. 단 하나의 예외는 난수입니다. 난수
# 시드(seed)를 고정하므로 무작위 텐서는 실행할 때마다 똑같이 나옵니다. 하지만 minigrad는 NumPy의 난수
# 생성기를 쓰기 때문에, 시드가 같아도 PyTorch의 `torch.rand`와 `torch.randn`은 다른 수를 돌려줍니다.

# %%
import minigrad as torch

torch.manual_seed(0)

x = torch.tensor([[1., 2.], [3., 4.]])
print(x)

# %% [markdown]
# ### Creating tensors · 텐서 만들기
#
# - `torch.tensor(data)` copies numbers, nested lists or an array into a new tensor; it infers the
#   dtype from the data.
# - `torch.ones`, `torch.zeros` fill a given shape; `torch.rand` (uniform on [0, 1)) and
#   `torch.randn` (standard normal) fill it with random numbers from the seeded generator.
# - `torch.arange(start, end, step)` and `torch.linspace(start, end, steps)` make ranges.
# - `torch.zeros_like(t)`, `torch.ones_like(t)`, `torch.randn_like(t)` copy the shape and dtype of `t`.
# - `torch.Tensor(...)` is the old constructor: it always gives float32.
#
# - `torch.tensor(data)`는 수, 중첩 리스트, 배열을 복사해 새 텐서를 만들고, 자료형은 데이터를 보고 정합니다.
# - `torch.ones`, `torch.zeros`는 주어진 모양을 1이나 0으로 채우고, `torch.rand`(0 이상 1 미만 균등분포)와
#   `torch.randn`(표준정규분포)은 시드가 고정된 생성기에서 뽑은 난수로 채웁니다.
# - `torch.arange(start, end, step)`과 `torch.linspace(start, end, steps)`는 등간격 수열을 만듭니다.
# - `torch.zeros_like(t)`, `torch.ones_like(t)`, `torch.randn_like(t)`는 `t`의 모양과 자료형을 그대로 따릅니다.
# - `torch.Tensor(...)`는 예전 방식의 생성자로, 언제나 float32 텐서를 만듭니다.

# %%
print(torch.ones(2, 3))
print(torch.zeros(3))
print(torch.rand(2, 2))
print(torch.randn(3))

# %%
print(torch.arange(5))
print(torch.arange(0., 1., 0.25))
print(torch.linspace(0, 1, 5))
print(torch.zeros_like(x))
print(torch.Tensor([1, 2]))

# %% [markdown]
# ### dtype · 자료형
#
# Each tensor has one element type. The rules are PyTorch's:
#
# - Python floats become **float32** (not float64 as in NumPy): 32 bits are plenty for deep learning,
#   take half the memory and usually compute faster.
# - Python ints become **int64**, Python bools become **bool**.
# - Ask for another type with `dtype=` or convert with `.float()`, `.double()`, `.long()`.
#
# The `repr` names the dtype only when it is not one of these three defaults.
#
# 텐서 하나의 원소는 모두 같은 자료형입니다. 규칙은 PyTorch와 같습니다.
#
# - 파이썬 실수는 **float32**가 됩니다(NumPy처럼 float64가 아닙니다). 딥러닝에는 32비트로 충분하고,
#   메모리는 절반만 쓰며, 계산도 대개 더 빠릅니다.
# - 파이썬 정수는 **int64**, 파이썬 불리언은 **bool**이 됩니다.
# - 다른 자료형이 필요하면 `dtype=`으로 지정하거나 `.float()`, `.double()`, `.long()`으로 바꿉니다.
#
# `repr`은 자료형이 이 세 가지 기본형이 아닐 때만 `dtype=...`을 표시합니다.

# %%
print(torch.tensor([1.5, 2.0]).dtype)
print(torch.tensor([1, 2]).dtype)
print(torch.tensor([True, False]).dtype)
print(torch.tensor([1, 2], dtype=torch.float64))
print(torch.tensor([1, 2]).float(), torch.tensor([1.7, 2.2]).long())

# %% [markdown]
# ### Shape · 모양
#
# `shape` (or `size()`) is a `torch.Size`: a tuple that prints with its type name. You can index it,
# compare it with a plain tuple and unpack it. `dim()` counts the dimensions, `numel()` the elements.
#
# `shape`(또는 `size()`)는 `torch.Size`입니다. 출력할 때 이름이 함께 보이는 튜플이라서 인덱싱도 되고,
# 일반 튜플과 비교하거나 풀어 쓸 수도 있습니다. `dim()`은 차원 수를, `numel()`은 원소 개수를 알려 줍니다.

# %%
m = torch.zeros(2, 3)
print(m.shape)
print(m.size(), m.size(1))
print(m.shape == (2, 3), isinstance(m.shape, tuple))
rows, cols = m.shape
print(rows, cols, m.dim(), m.numel())

# %% [markdown]
# ### How a tensor prints · 텐서의 출력 형식
#
# PyTorch picks **one format for the whole tensor**, so the columns line up. For a floating-point
# tensor it looks at the absolute values of the finite, non-zero entries:
#
# 1. all whole numbers → no decimals, but a trailing dot (`1.`) so you can still see it is a float;
# 2. values spread over a wide range (largest / smallest > 1000, or largest > 1e8, or smallest < 1e-4)
#    → scientific notation with 4 decimals (`2.0000e-03`);
# 3. otherwise → fixed notation with 4 decimals (`4.5000`).
#
# Rule 2 is checked before rule 1: whole numbers spread over a wide range, like `[1., 2000.]`, print
# in scientific notation. Every value is then padded on the left to the width of the longest one.
# Integer and bool tensors print each value as Python would, right-aligned.
#
# PyTorch는 열이 가지런히 맞도록 **텐서 전체에 하나의 형식**을 고릅니다. 실수 텐서라면 유한하고 0이 아닌
# 원소들의 절댓값을 보고 다음과 같이 정합니다.
#
# 1. 모두 정수 값이면 소수점 아래를 쓰지 않되, 실수라는 표시로 끝에 점을 찍습니다(`1.`).
# 2. 값의 범위가 넓으면(가장 큰 값 / 가장 작은 값 > 1000, 또는 가장 큰 값 > 1e8, 또는 가장 작은 값 < 1e-4)
#    소수점 아래 네 자리의 지수 표기(`2.0000e-03`)를 씁니다.
# 3. 그 밖에는 소수점 아래 네 자리의 고정 소수점 표기(`4.5000`)를 씁니다.
#
# 규칙 2를 규칙 1보다 먼저 봅니다. `[1., 2000.]`처럼 정수 값이라도 범위가 넓으면 지수 표기로 출력합니다. 그런 다음
# 모든 값을 가장 긴 값의 너비에 맞춰 왼쪽을 공백으로 채웁니다. 정수와 bool 텐서는 파이썬이 출력하는 그대로 오른쪽
# 정렬합니다.

# %%
print(torch.tensor([1., 2., 3.]))           # rule 1: whole numbers
print(torch.tensor([1.5, 2.25, 3.0]))       # rule 3: fixed, 4 decimals
print(torch.tensor([0.1, 1.0, 0.0001]))     # rule 2: 1.0 / 0.0001 > 1000
print(torch.tensor([1., 2000.]))            # rule 2 comes first, even for whole numbers
print(torch.tensor([-1.5, 10.25, 100.0]))   # padded to the widest value
print(torch.tensor([[1, -20], [300, 4]]))   # int64, right-aligned
print(torch.tensor([True, False]))

# %% [markdown]
# The third line is the vector `v` of the PyTorch tutorial's `y.backward(v)` example (lesson 06); now
# you know why PyTorch prints it in scientific notation. `torch.set_printoptions(precision=2)` changes the
# number of decimals; `profile="default"` restores the defaults.
#
# 세 번째 줄은 PyTorch 튜토리얼의 `y.backward(v)` 예제(06강)에 나오는 벡터 `v`입니다. 이제 PyTorch가 왜
# 이 벡터를 지수 표기로 출력하는지 알 수 있습니다. `torch.set_printoptions(precision=2)`로 소수점 아래 자릿수를 바꿀 수 있고,
# `profile="default"`로 기본값을 되돌립니다.

# %%
torch.set_printoptions(precision=2)
print(torch.tensor([3.14159, 2.71828]))
torch.set_printoptions(profile="default")
print(torch.tensor([3.14159, 2.71828]))

# %% [markdown]
# ## requires_grad: asking autograd to watch · requires_grad: autograd에게 지켜봐 달라고 하기
#
# By default autograd ignores a tensor. Create it with `requires_grad=True` and autograd records every
# operation computed from it: the result then carries a `grad_fn`, the node that made it. The `repr`
# shows both flags.
#
# 기본적으로 autograd는 텐서를 지켜보지 않습니다. `requires_grad=True`로 텐서를 만들면 autograd는 그
# 텐서로부터 계산되는 모든 연산을 기록하고, 결과 텐서는 자신을 만든 노드(node)인 `grad_fn`을 갖게 됩니다.
# `repr`에도 두 표시가 모두 나타납니다.

# %%
x = torch.ones(2, 2, requires_grad=True)
print(x)
y = x + 2
print(y)
print(x.requires_grad, y.requires_grad)

# %% [markdown]
# `y` requires grad too, without being asked: anything computed from a tracked tensor is tracked.
# Its `repr` shows `grad_fn=<AddBackward0>` instead of `requires_grad=True`; lesson 02 is all about
# that object.
#
# `y`는 따로 요청하지 않았는데도 변화도를 요구합니다. 추적되는 텐서로부터 계산된 것은 모두 추적되기
# 때문입니다. `y`의 `repr`에는 `requires_grad=True` 대신 `grad_fn=<AddBackward0>`가 보이는데, 02강에서
# 이 객체를 자세히 다룹니다.

# %% [markdown]
# ### Turning it on later: `requires_grad_()` · 나중에 켜기: `requires_grad_()`
#
# `requires_grad_(True)` switches the flag on an existing tensor, in place (the trailing
# underscore marks in-place methods in PyTorch). Here is an example from the PyTorch autograd tutorial. `a` is
# computed from a random tensor, but nothing was tracked, so `a` does not require grad. After
# `a.requires_grad_(True)`, computing from `a` records a graph again.
#
# `requires_grad_(True)`는 이미 있는 텐서의 표시를 그 자리에서 바꿉니다. PyTorch에서 이름이 밑줄로
# 끝나는 메서드는 텐서 자신을 바꾸는 제자리 연산(in-place)입니다. PyTorch autograd 튜토리얼의 예제를 봅시다. `a`는 무작위 텐서로부터
# 계산되었지만 아무것도 추적되지 않았으므로 변화도를 요구하지 않습니다. `a.requires_grad_(True)`를 호출한
# 뒤에는 `a`로부터 계산할 때 다시 그래프가 기록됩니다.

# %%
torch.manual_seed(0)
a = torch.randn(2, 2)
a = (a * 3) / (a - 1)
print(a.requires_grad)
a.requires_grad_(True)
print(a.requires_grad)
b = (a * a).sum()
print(b.grad_fn)

# %% [markdown]
# The last line prints the node that computed `b`: a `SumBackward0` object (the hexadecimal number is
# its memory address and differs from run to run).
#
# 마지막 줄은 `b`를 계산한 노드, 곧 `SumBackward0` 객체를 출력합니다(16진수는 메모리 주소라서 실행할
# 때마다 달라집니다).

# %% [markdown]
# ## Leaves · 잎 텐서
#
# A tensor is a **leaf** when no recorded operation produced it: `grad_fn is None`. That covers
#
# - every tensor you create yourself (`torch.tensor`, `torch.ones`, ...), and
# - every result computed *without tracking*, like `a` above: its inputs did not require grad, so no
#   node was recorded.
#
# Only a result computed from a tensor that requires grad is a non-leaf. Why care? `backward()`
# stores gradients in the `.grad` of leaves only (the parameters you train are leaves), and only a
# leaf may have its tracking switched off.
#
# 기록된 연산이 만들지 않은 텐서, 곧 `grad_fn is None`인 텐서가 **잎(leaf) 텐서**입니다. 여기에는
#
# - 여러분이 직접 만든 모든 텐서(`torch.tensor`, `torch.ones`, ...)와
# - 위의 `a`처럼 *추적 없이* 계산된 모든 결과가 들어갑니다. 입력이 변화도를 요구하지 않았으니 노드가
#   기록되지 않았기 때문입니다.
#
# 변화도를 요구하는 텐서로부터 계산된 결과만 잎 텐서가 아닙니다. 이것이 왜 중요할까요? `backward()`는 잎
# 텐서의 `.grad`에만 변화도를 저장하고(학습하는 매개변수(parameter)가 바로 잎 텐서입니다), 추적을 끌 수 있는 것도
# 잎 텐서뿐입니다.

# %%
p = torch.ones(2, requires_grad=True)   # made by us
q = p * 2                               # computed from p, tracked
r = torch.ones(2) * 2                   # computed, but nothing tracked
for name, t in [("p", p), ("q", q), ("r", r)]:
    print(name, "is_leaf:", t.is_leaf, "| requires_grad:", t.requires_grad, "| grad_fn is None:", t.grad_fn is None)

# %% [markdown]
# Trying to switch tracking off on the non-leaf `q` fails with PyTorch's message, which also tells
# you the fix (`detach()`, lesson 07). `shows_error` prints the error the way Jupyter's last line
# would, and lets the notebook go on. Switching it *on* is harmless: `q` already requires grad, so
# `q.requires_grad_(True)` changes nothing and returns `q`, in PyTorch too.
#
# 잎 텐서가 아닌 `q`의 추적을 끄려고 하면 PyTorch와 같은 메시지로 실패합니다. 메시지가 해결책
# (`detach()`, 07강)까지 알려 줍니다. `shows_error`는 Jupyter가 마지막 줄에 보여 줄 오류를 출력하고 노트북이 계속
# 실행되게 합니다. 반대로 추적을 *켜는* 것은 문제가 없습니다. `q`는 이미 변화도를 요구하므로
# `q.requires_grad_(True)`는 아무것도 바꾸지 않고 `q`를 돌려줍니다. PyTorch도 그렇습니다.

# %%
from minigrad_course.errors import shows_error

with shows_error(RuntimeError):
    q.requires_grad_(False)
print(q.requires_grad_(True) is q, q.requires_grad)

# %% [markdown]
# ## Only floating point tensors can require gradients · 변화도는 실수 텐서만 요구할 수 있다
#
# A gradient says how the output changes when an input moves a *little*. Integers cannot move a
# little, so an integer tensor cannot require grad:
#
# 변화도는 입력이 *아주 조금* 움직일 때 출력이 얼마나 변하는지를 나타냅니다. 정수는 조금만 움직일 수가
# 없으므로 정수 텐서는 변화도를 요구할 수 없습니다.

# %%
with shows_error(RuntimeError):
    counts = torch.tensor([1, 2, 3], requires_grad=True)

# %% [markdown]
# Use a float literal (`[1., 2., 3.]`) or `dtype=torch.float32` instead.
#
# 대신 실수 리터럴(`[1., 2., 3.]`)을 쓰거나 `dtype=torch.float32`를 지정하세요.

# %%
counts = torch.tensor([1, 2, 3], dtype=torch.float32, requires_grad=True)
print(counts)

# %% [markdown]
# ## The real code · 실제 코드
#
# Now open the box we have been using. `minigrad/tensor.py` starts like our `MiniTensor`: a
# constructor that stores the array and the autograd fields. The array lives in `_data` (the public
# `data` property returns it wrapped in a fresh tensor outside the graph, as PyTorch does).
#
# 이제 지금까지 써 온 상자를 열어 봅시다. `minigrad/tensor.py`도 `MiniTensor`처럼 배열과 autograd 필드를
# 저장하는 생성자로 시작합니다. 배열은 `_data`에 들어 있습니다(공개 속성 `data`는 PyTorch처럼 그 배열을
# 그래프 밖의 새 텐서로 감싸서 돌려줍니다).

# %%
import inspect

from minigrad.tensor import Tensor

print(inspect.getsource(Tensor._init))

# %% [markdown]
# The other fields serve later lessons: `_retains_grad` for `retain_grad()` (lesson 04); `_vc`, the
# version counter that catches in-place changes (lesson 07), and `_base`, the tensor a *view* shares
# its memory with; `_output_nr`, which output of its node the tensor is, and `_accumulator`, a leaf's
# `AccumulateGrad` node (both in lesson 02's `next_functions`); `_hooks`, functions to run on the
# tensor's gradient.
#
# `is_leaf` is the same one-liner as ours. The `requires_grad` setter holds both rules you met above:
# a non-leaf's flag cannot be changed (the message adds the `detach()` hint when you switch it off),
# and only floating-point tensors may turn it on. `requires_grad_()` lets one case through before
# calling the setter: on a non-leaf, `requires_grad_(True)` leaves the tensor as it is, as PyTorch
# does (on a non-leaf, switching tracking *on* is refused only in the attribute form
# `q.requires_grad = True`). It returns the tensor itself, so calls can be chained. (The three
# messages for an integer tensor differ slightly because PyTorch's do: `torch.tensor(...,
# requires_grad=True)` says "Only Tensors of floating point and complex dtype", the setter the same
# with a lower-case "only", and `requires_grad_()` "only Tensors of floating point dtype". minigrad
# copies all three.)
#
# 나머지 필드는 뒤의 강의에서 쓰입니다. `_retains_grad`는 `retain_grad()`(04강)에 쓰입니다. 버전 번호 `_vc`는 제자리
# 변경을 잡아내고(07강), `_base`는 *뷰*(view)가 메모리를 함께 쓰는 원래 텐서입니다. `_output_nr`는 이 텐서가 자기 노드의
# 몇 번째 출력인지, `_accumulator`는 잎 텐서의 `AccumulateGrad` 노드입니다(둘 다 02강의 `next_functions`에 나옵니다).
# `_hooks`는 텐서의 변화도에 실행할 함수들입니다.
#
# `is_leaf`는 우리 것과 똑같은 한 줄입니다. `requires_grad`의 setter에는 위에서 본 두 규칙이 모두 들어
# 있습니다. 잎 텐서가 아니면 표시를 바꿀 수 없고(끌 때는 메시지에 `detach()` 도움말이 붙습니다), 실수 텐서만
# 표시를 켤 수 있습니다. `requires_grad_()`는 setter를 부르기 전에 한 경우를 통과시킵니다. 잎 텐서가 아닌 텐서에
# `requires_grad_(True)`를 호출하면 PyTorch처럼 텐서를 그대로 둡니다(그래서 잎 텐서가 아닐 때 추적을 *켜는* 것은
# 속성에 대입하는 `q.requires_grad = True` 형태만 거부됩니다). 텐서 자신을 돌려주므로 메서드를 이어서 호출할 수 있습니다.
# (정수 텐서에 대한 세 메시지가 조금씩 다른 것은 PyTorch도 그렇기 때문입니다. `torch.tensor(..., requires_grad=True)`는
# "Only Tensors of floating point and complex dtype", setter는 같은 말을 소문자 "only"로, `requires_grad_()`는
# "only Tensors of floating point dtype"이라고 말합니다. minigrad는 셋 다 그대로 따릅니다.)

# %%
print(inspect.getsource(Tensor.is_leaf.fget))
print(inspect.getsource(Tensor.requires_grad.fset))
print(inspect.getsource(Tensor.requires_grad_))

# %% [markdown]
# ## A first picture · 첫 번째 그림
#
# `minigrad.viz.draw_graph` draws what autograd recorded. Here is `y = x * 2` for a leaf `x` that
# requires grad: the leaf `x` (blue), the operation node `MulBackward0` that made `y` (grey oval), and
# `y` itself (green: a non-leaf). The dashed box is the constant `2`: it needs no gradient, so it has no
# name and no colour. Each box shows name, shape, dtype and values. Reading and drawing these pictures
# is the subject of lesson 02.
#
# `minigrad.viz.draw_graph`는 autograd가 기록한 내용을 그림으로 그립니다. 변화도를 요구하는 잎 텐서 `x`에
# 대해 `y = x * 2`를 그려 보면 잎 텐서 `x`(파란색), `y`를 만든 연산 노드 `MulBackward0`(회색 타원), 그리고
# 잎 텐서가 아닌 `y`(초록색)가 보입니다. 점선 상자는 상수 `2`입니다. 변화도가 필요 없으므로 이름도 색도
# 없습니다. 상자마다 이름, 모양, 자료형, 값이 적혀 있습니다. 이런 그림을 읽고 그리는 법은 02강에서 다룹니다.

# %%
from minigrad.viz import draw_graph

x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
draw_graph(y, params={"x": x, "y": y})

# %% [markdown]
# ## Summary · 정리
#
# - A tensor is a box: a NumPy array plus `requires_grad`, `grad_fn` and `grad`.
# - Floats default to float32, ints to int64; `shape` is a `torch.Size`; printing picks one format
#   (whole, fixed with 4 decimals, or scientific) for the whole tensor.
# - `requires_grad=True` (or `requires_grad_()`) makes autograd track what is computed from a tensor;
#   results of tracked tensors track too.
# - A leaf has no `grad_fn`: you made it, or it was computed without tracking. Only leaves may switch
#   tracking off (`requires_grad_(False)`); only floating-point tensors may require grad.
#
# **Next:** lesson 02 looks inside `grad_fn`: functions, the nodes they record, and the computational
# graph they form. Before that, try `exercises/01_tensors.ipynb`.
#
# - 텐서는 상자입니다. NumPy 배열에 `requires_grad`, `grad_fn`, `grad`를 더한 것입니다.
# - 실수는 기본적으로 float32, 정수는 int64가 되고, `shape`는 `torch.Size`입니다. 출력할 때는 텐서 전체에
#   하나의 형식(소수점 없는 정수 표기, 소수점 네 자리 고정 소수점 표기, 지수 표기)을 고릅니다.
# - `requires_grad=True`(또는 `requires_grad_()`)를 쓰면 autograd가 그 텐서로부터 계산되는 것을 추적하고,
#   추적되는 텐서의 결과도 추적됩니다.
# - 잎 텐서에는 `grad_fn`이 없습니다. 여러분이 직접 만들었거나 추적 없이 계산된 텐서입니다. 추적을 끄는 것
#   (`requires_grad_(False)`)은 잎 텐서에서만 할 수 있고, 변화도는 실수 텐서만 요구할 수 있습니다.
#
# **다음 강의:** 02강에서는 `grad_fn`의 속을 들여다봅니다. 함수, 함수가 기록하는 노드, 그리고 노드들이
# 이루는 계산 그래프(computational graph)를 다룹니다. 그 전에 `exercises/01_tensors.ipynb`를 풀어 보세요.
