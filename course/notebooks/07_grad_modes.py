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
# # 07 · Grad modes · 변화도 모드
#
# Every operation on a tensor that requires grad adds a node to the graph and keeps the tensors its
# backward will need. That is the price of `backward()`, and most of the time it is worth paying.
# But some computations will never be differentiated:
#
# * **evaluation and inference**: computing a validation loss, or a model's predictions;
# * **updating the weights by hand**: `w - lr * w.grad` is a step of the optimizer, not part of the
#   model;
# * **bookkeeping**: adding up the losses of an epoch to print them.
#
# Recording those wastes memory and, worse, can change what `backward()` computes. This lesson:
#
# 1. builds a tiny **grad-mode switch** for the engine of lesson 04 and makes it safe against
#    exceptions, then reads minigrad's `no_grad`, `enable_grad` and `set_grad_enabled`;
# 2. cuts one tensor out of the graph: `detach()`, `.data`, and `requires_grad_()` with its
#    leaf-only rule;
# 3. updates a weight **in place** the right way, meets the legacy `Variable`, and measures how much
#    memory a recorded graph keeps alive.
#
# 변화도(gradient)를 요구하는 텐서로 연산을 할 때마다 그래프에 노드(node)가 하나 추가되고, 역전파(backward pass)에 필요한 텐서가
# 보관됩니다. `backward()`를 쓰려면 치러야 하는 비용이고, 대개는 치를 만한 값어치가 있습니다. 하지만 절대 미분하지 않을
# 계산도 있습니다.
#
# * **평가와 추론(inference)**: 검증 손실(loss)을 계산하거나 모델의 예측값을 구할 때
# * **가중치(weight)를 직접 갱신할 때**: `w - lr * w.grad`는 옵티마이저(optimizer)의 한 걸음이지 모델의 일부가 아닙니다.
# * **기록용 계산**: 한 에폭(epoch)의 손실을 더해 출력할 때
#
# 이런 계산까지 기록하면 메모리를 낭비하고, 더 나쁘게는 `backward()`가 계산하는 값이 달라질 수도 있습니다. 이번 강의에서는
#
# 1. 04강의 엔진에 작은 **변화도 모드 스위치**를 달고 예외가 나도 안전하게 만든 다음, minigrad의 `no_grad`,
#    `enable_grad`, `set_grad_enabled`를 읽습니다.
# 2. 텐서 하나를 그래프에서 떼어 냅니다. `detach()`, `.data`, 그리고 잎(leaf) 텐서에만 쓸 수 있는 `requires_grad_()`를 다룹니다.
# 3. 가중치를 제자리 연산(in-place)으로 올바르게 갱신하고, 옛 `Variable`을 만나 보고, 기록된 그래프가 메모리를 얼마나 붙잡아 두는지
#    재어 봅니다.

# %%
import contextlib
import gc
import importlib
import inspect
import weakref

import minigrad as torch  # the same API as PyTorch
from minigrad.viz import draw_graph
from minigrad_course.errors import shows_error

_ = torch.manual_seed(0)

# %% [markdown]
# ## The switch from the outside · 바깥에서 본 스위치
#
# A tensor created with `requires_grad=True` requires grad, and so does everything computed from
# it: `x ** 2` has a `grad_fn`. Inside `with torch.no_grad():` the same expression gives a plain
# tensor, with no history:
#
# `requires_grad=True`로 만든 텐서는 변화도를 요구하고, 그 텐서로 계산한 모든 결과도 마찬가지입니다. `x ** 2`에는
# `grad_fn`이 있습니다. 그런데 `with torch.no_grad():` 안에서는 같은 식이 이력 없는 평범한 텐서를 만듭니다.

# %%
x = torch.ones(2, 2, requires_grad=True)
print(x.requires_grad)
print((x ** 2).requires_grad)
with torch.no_grad():
    print((x ** 2).requires_grad)

# %% [markdown]
# `x` itself did not change: it still requires grad. The mode only decides whether **new**
# operations are recorded. The same with an assignment, before and inside the block:
#
# `x` 자체는 바뀌지 않았고 여전히 변화도를 요구합니다. 모드는 **새로 하는** 연산을 기록할지 말지만 정합니다. 대입문으로
# 블록 앞과 안을 비교해 봅시다.

# %%
y = x * 2
print(y.requires_grad)

with torch.no_grad():
    y = x * 2
    print(y.requires_grad)

print(y)

# %% [markdown]
# The second `y` holds the same numbers but is a leaf with no `grad_fn`: drawn, it is one box with
# nothing behind it, compared with the recorded `y_recorded`:
#
# 두 번째 `y`는 같은 수를 담고 있지만 `grad_fn`이 없는 잎 텐서입니다. 그려 보면 뒤에 아무것도 없는 상자 하나뿐입니다.
# 기록된 `y_recorded`와 비교해 보세요.

# %%
y_recorded = x * 2
draw_graph(y_recorded)

# %%
draw_graph(y)

# %% [markdown]
# ## A switch for our tiny engine · 작은 엔진에 스위치 달기
#
# Here is the `Var` engine of lesson 04, with one change: a `Var` stores its parents only when the
# class attribute `Config.recording` is true. One attribute on a class, not on each value, is
# the whole switch: every `Var` created while it is off is a leaf. (DeZero, the teaching framework of
# the book *Deep Learning from Scratch 3*, is built the same way, with a `Config` class (its switch
# is called `enable_backprop`) and a `using_config` context manager; we write ours below.)
#
# 04강의 `Var` 엔진을 한 군데만 바꿔서 가져왔습니다. `Var`는 클래스 속성 `Config.recording`이 참일 때만 부모를
# 저장합니다. 값마다 따로 두지 않고 클래스에 둔 속성 하나, 이것이 스위치의 전부입니다. 스위치가 꺼진 동안 만든 `Var`는 모두 잎이 됩니다.
# (『밑바닥부터 시작하는 딥러닝 3』의 교육용 프레임워크 DeZero도 `Config` 클래스(스위치 이름은 `enable_backprop`)와
# `using_config` 컨텍스트 관리자로 같은 설계를 씁니다. 아래에서 우리 것을 만듭니다.)

# %%
class Config:
    recording = True


class Var:
    def __init__(self, value, parents=()):
        self.value = value
        self.parents = parents if Config.recording else ()  # ((parent, local derivative), ...)
        self.grad = 0.0

    def __add__(self, other):
        return Var(self.value + other.value, ((self, 1.0), (other, 1.0)))

    def __mul__(self, other):
        return Var(self.value * other.value, ((self, other.value), (other, self.value)))

    def __repr__(self):
        return f"Var({self.value}, parents={len(self.parents)})"


def graph_size(root):
    """How many Vars the graph behind root holds (root included)."""
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(parent for parent, _ in node.parents)
    return len(seen)

# %% [markdown]
# Flipping the attribute by hand works, but a forgotten reset would silently switch recording off
# for the rest of the program. A context manager pairs the two assignments. A first version with
# `contextlib.contextmanager` (the code before `yield` runs on entering the `with` block, the code
# after it on leaving):
#
# 속성을 손으로 바꿔도 동작은 하지만, 되돌리는 것을 잊으면 프로그램의 나머지 부분 내내 기록이 조용히 꺼져 버립니다.
# 컨텍스트 관리자는 두 대입을 한 쌍으로 묶어 줍니다. `contextlib.contextmanager`로 만든 첫 번째 버전입니다(`yield` 앞의
# 코드는 `with` 블록에 들어갈 때, 뒤의 코드는 나올 때 실행됩니다).

# %%
@contextlib.contextmanager
def using_config_naive(name, value):
    old = getattr(Config, name)
    setattr(Config, name, value)
    yield
    setattr(Config, name, old)


a = Var(3.0)
b = a * a + a
with using_config_naive("recording", False):
    c = a * a + a
print("recorded:    ", b, " graph size", graph_size(b))
print("not recorded:", c, " graph size", graph_size(c))
print("after the block:", Config.recording)

# %% [markdown]
# Same value, 12, but `c` has no parents: nothing to backpropagate through. Now let an error happen
# inside the block, as in an evaluation loop that meets a bad batch:
#
# 값은 12로 같지만 `c`에는 부모가 없어서 역전파할 길이 없습니다. 이번에는 블록 안에서 오류가 나게 해 봅시다. 평가
# 반복문이 잘못된 배치(batch)를 만난 상황입니다.

# %%
try:
    with using_config_naive("recording", False):
        raise ValueError("bad batch")
except ValueError as error:
    print("caught:", error)
print("after the block:", Config.recording)

d = a * a
print(d, "  <- no parents: recording is still off")
Config.recording = True  # repair by hand

# %% [markdown]
# The exception left the generator at `yield`, so the line after it never ran: recording stayed
# off, and every later `Var` silently had no graph. Put the reset in a `finally` clause, which runs
# however the block ends. `no_grad()` is then a one-liner:
#
# 예외 때문에 제너레이터가 `yield`에서 빠져나갔고, 그 뒤의 줄은 실행되지 않았습니다. 기록이 꺼진 채 남았고, 그 뒤로 만든
# `Var`는 모두 조용히 그래프를 잃었습니다. 되돌리는 코드를 `finally` 절에 넣으면 블록이 어떻게 끝나든 실행됩니다. 그러면
# `no_grad()`는 한 줄입니다.

# %%
@contextlib.contextmanager
def using_config(name, value):
    old = getattr(Config, name)
    setattr(Config, name, value)
    try:
        yield
    finally:
        setattr(Config, name, old)  # runs on a normal exit and on an exception


def no_grad():
    return using_config("recording", False)


# %% [markdown]
# Tests: recording is off inside and back on after, also after an exception; and nesting restores
# the *previous* value, not simply `True`:
#
# 시험해 봅시다. 블록 안에서는 기록이 꺼지고 나오면 다시 켜지는지, 예외가 난 뒤에도 그런지, 그리고 중첩했을 때 그냥
# `True`가 아니라 *이전* 값으로 돌아가는지 확인합니다.

# %%
a = Var(3.0)
with no_grad():
    assert graph_size(a * a + a) == 1  # the sum alone: no parents
assert graph_size(a * a + a) == 3      # a, a * a and the sum

try:
    with no_grad():
        raise ValueError("bad batch")
except ValueError:
    pass
assert Config.recording is True

with no_grad():
    with using_config("recording", True):  # switched back on inside
        assert graph_size(a * a) == 2
    assert graph_size(a * a) == 1                # back to False, the value before
assert graph_size(a * a) == 2
print("all tests passed")

# %% [markdown]
# ## minigrad's grad mode · minigrad의 변화도 모드
#
# minigrad keeps the same switch, `_GradMode.enabled`, a class attribute, in
# `minigrad/autograd/grad_mode.py`. Its context managers are classes rather than generators,
# because PyTorch's can do two more things:
#
# * each works as a **decorator** too: `@torch.no_grad()` above a function runs every call of it
#   without recording (`_decorate`, with the same `try`/`finally`);
# * `set_grad_enabled(mode)` takes a flag, so one line serves both training and evaluation, and it
#   acts **as soon as it is called**: `torch.set_grad_enabled(False)` on its own line switches
#   recording off until you switch it back.
#
# `__exit__` returns `False`, which means "do not swallow the exception": the mode is restored and
# the error goes on to the caller.
#
# minigrad도 같은 스위치를 클래스 속성 `_GradMode.enabled`로 `minigrad/autograd/grad_mode.py`에 둡니다. 다만 컨텍스트
# 관리자를 제너레이터가 아니라 클래스로 만들었는데, PyTorch의 것이 두 가지 일을 더 하기 때문입니다.
#
# * 모두 **데코레이터**로도 쓸 수 있습니다. 함수 위에 `@torch.no_grad()`를 붙이면 그 함수는 호출될 때마다 기록 없이
#   실행됩니다(`_decorate`, 역시 `try`/`finally`를 씁니다).
# * `set_grad_enabled(mode)`는 플래그를 받으므로 한 줄로 학습(training)과 평가를 모두 처리할 수 있고, **호출하는 즉시**
#   동작합니다. `torch.set_grad_enabled(False)`를 한 줄로 쓰면 다시 켤 때까지 기록이 꺼집니다.
#
# `__exit__`이 `False`를 돌려주는 것은 "예외를 삼키지 말라"는 뜻입니다. 모드는 되돌리고, 오류는 호출한 쪽으로 그대로
# 전달됩니다.

# %%
grad_mode = importlib.import_module("minigrad.autograd.grad_mode")
print(inspect.getsource(grad_mode))

# %% [markdown]
# Where is the switch read? In `Function.apply`, the one place every operation goes through
# (lesson 02). It runs `forward` first, then, in its last two lines, records the node only if the
# mode is on **and** some input requires grad (`needs_input_grad`). Otherwise the result is a plain
# tensor, and the `ctx` with whatever `forward` saved is simply dropped:
#
# 스위치는 어디서 읽을까요? 모든 연산이 거쳐 가는 단 한 곳, `Function.apply`입니다(02강). 먼저 `forward`를 실행하고,
# 마지막 두 줄에서 모드가 켜져 있고 **동시에** 입력 중 하나라도 변화도를 요구할 때(`needs_input_grad`)만 노드를
# 기록합니다. 아니면 결과는 평범한 텐서이고, `forward`가 저장한 것을 담은 `ctx`는 그냥 버려집니다.

# %%
function = importlib.import_module("minigrad.autograd.function")
print(inspect.getsource(function.Function.apply))

# %% [markdown]
# ## Using the modes · 모드 사용하기
#
# `enable_grad()` switches recording back on inside a `no_grad()` block, and `is_grad_enabled()`
# tells the current mode:
#
# `enable_grad()`는 `no_grad()` 블록 안에서 기록을 다시 켜고, `is_grad_enabled()`는 현재 모드를 알려 줍니다.

# %%
w = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    print("in no_grad:        ", torch.is_grad_enabled())
    with torch.enable_grad():
        z = w * 2
        print("in enable_grad:    ", torch.is_grad_enabled(), z)
    print("back in no_grad:   ", torch.is_grad_enabled())
print("outside:           ", torch.is_grad_enabled())

# %% [markdown]
# `set_grad_enabled(is_training)` is the usual way to share one function between training and
# evaluation. Called on its own line, it changes the mode until the next call:
#
# 학습과 평가에 함수 하나를 같이 쓸 때는 보통 `set_grad_enabled(is_training)`를 씁니다. 한 줄로 호출하면 다음 호출 때까지
# 모드가 바뀝니다.

# %%
def loss_of(w, is_training):
    with torch.set_grad_enabled(is_training):
        return ((w - 3) ** 2).sum()

print(loss_of(w, True))
print(loss_of(w, False))

torch.set_grad_enabled(False)
print((w * 2).requires_grad)
torch.set_grad_enabled(True)
print((w * 2).requires_grad)

# %% [markdown]
# As a decorator, `no_grad` turns a whole function into evaluation code, with or without
# parentheses. And an exception inside the block leaves the mode as it found it:
#
# 데코레이터로 쓰면 `no_grad`는 괄호가 있든 없든 함수 전체를 평가용 코드로 만듭니다. 그리고 블록 안에서 예외가 나도
# 모드는 원래대로 돌아갑니다.

# %%
@torch.no_grad()
def predict(w, x):
    return w * x

@torch.no_grad
def predict_too(w, x):
    return w * x

print(predict(w, 10.0), predict_too(w, 10.0))

try:
    with torch.no_grad():
        raise ValueError("bad batch")
except ValueError:
    pass
print(torch.is_grad_enabled())

# %% [markdown]
# ## detach(): one tensor out of the graph · detach(): 텐서 하나를 그래프에서 떼어 내기
#
# `no_grad` switches recording off for a block of code. To take one tensor out of the graph, use
# `t.detach()`: a new tensor with **the same numbers, in the same memory**, and no history. It is a
# leaf, does not require grad, and compares equal to the original:
#
# `no_grad`는 코드 한 블록 동안 기록을 끕니다. 텐서 하나만 그래프에서 떼어 내려면 `t.detach()`를 씁니다. **같은 수를 같은
# 메모리에** 담고 이력은 없는 새 텐서를 돌려줍니다. 잎 텐서이고, 변화도를 요구하지 않으며, 원래 텐서와 값이 같습니다.

# %%
x = torch.ones(2, 2, requires_grad=True)
y = x.detach()
print(y.requires_grad)
print(y.is_leaf, y.grad_fn)
print(x.eq(y).all())

# %% [markdown]
# Same memory means a change through one is seen through the other. The detached `y` may be
# changed in place (it does not require grad), and `x` changes with it:
#
# 메모리가 같으므로 한쪽을 바꾸면 다른 쪽에서도 보입니다. 떼어 낸 `y`는 변화도를 요구하지 않으므로 제자리에서 바꿀 수
# 있고, 그러면 `x`도 함께 바뀝니다.

# %%
y[0, 0] = 7.0
print(x)

# %% [markdown]
# The classic use is to **stop a gradient**. In $y = x \cdot \operatorname{detach}(x)$ the second
# factor is a constant for autograd, so $dy/dx$ is $3$ at $x = 3$, not $2x = 6$. The graph shows it:
# `x` is a leaf that requires grad (blue), `x_const` a grey dashed box, like any constant, with no
# path for a gradient:
#
# 대표적인 쓰임새는 **변화도 끊기**입니다. $y = x \cdot \operatorname{detach}(x)$에서 두 번째 인수는 autograd에게
# 상수이므로, $x = 3$에서 $dy/dx$는 $2x = 6$이 아니라 $3$입니다. 그래프에서 `x`는 변화도를 요구하는 잎 텐서(파란색)이고,
# `x_const`는 여느 상수처럼 회색 점선 상자로, 변화도가 지나갈 길이 없습니다.

# %%
x = torch.tensor(3.0, requires_grad=True)
x_const = x.detach()
y = x * x_const
draw_graph(y)

# %%
y.backward()
print(x.grad)

# %% [markdown]
# `.data` is the older way to the same thing: `x.data` also gives the numbers without history,
# sharing memory. Prefer `detach()` and `no_grad()` in new code: in PyTorch, a change made through
# `.data` is hidden from autograd's checks, so a wrong gradient can go unnoticed. You will still meet
# `.data` in old tutorials, like the `Variable` example below.
#
# `.data`는 같은 일을 하는 예전 방법입니다. `x.data`도 이력 없이 수만 담은 텐서를 메모리를 공유하며 돌려줍니다. 새 코드에서는
# `detach()`와 `no_grad()`를 쓰세요. PyTorch에서 `.data`를 통해 바꾼 값은 autograd의 검사를 피해 가므로 틀린 변화도를
# 알아채지 못할 수 있습니다. 그래도 아래의 `Variable` 예제처럼 옛 튜토리얼에서는 `.data`를 자주 만나게 됩니다.

# %%
print(x.data)
print(x.data.requires_grad, x.data.is_leaf)

# %% [markdown]
# Here is the danger. `sigmoid`'s backward uses its own **output** $y$: $\sigma'(x) = y\,(1 - y)$, so
# the node saves `y`. Every tensor has a **version counter** that each in-place operation increases;
# the node notes `y`'s version when it saves it and checks it in the backward pass. Change `y` in
# place after the forward pass, and backward refuses to use the changed numbers:
#
# 위험한 예를 봅시다. `sigmoid`의 역전파는 자기 **출력** $y$를 씁니다. $\sigma'(x) = y\,(1 - y)$이므로 노드는 `y`를 저장해
# 둡니다. 모든 텐서에는 제자리 연산을 할 때마다 하나씩 늘어나는 **버전 카운터**(version counter)가 있습니다. 노드는 `y`를
# 저장할 때 그 버전을 적어 두고, 역전파에서 다시 확인합니다. 순전파가 끝난 뒤 `y`를 제자리에서 바꾸면, 역전파는 바뀐 수를
# 쓰기를 거부합니다.

# %%
x = torch.tensor([1.0, -2.0], requires_grad=True)
y = x.sigmoid()
y.mul_(2)  # recorded: y's version goes from 0 to 1
with shows_error(RuntimeError):
    y.sum().backward()

# %% [markdown]
# The same change through `.data` does not count as a version: autograd never sees it, and the
# backward pass quietly computes $2y\,(1 - 2y)$ with the doubled numbers. No error, and a gradient
# that is wrong, here even in sign:
#
# 같은 변경을 `.data`로 하면 버전이 늘지 않습니다. autograd는 이 변경을 전혀 보지 못하고, 역전파는 두 배가 된 수로
# $2y\,(1 - 2y)$를 조용히 계산합니다. 오류는 없고 변화도는 틀립니다. 여기서는 부호까지 틀립니다.

# %%
x = torch.tensor([1.0, -2.0], requires_grad=True)
y = x.sigmoid()
y.data.mul_(2)  # hidden from autograd
y.sum().backward()
print("gradient after y.data.mul_(2):", x.grad)
s = torch.tensor([1.0, -2.0]).sigmoid()
print("true gradient of sigmoid:     ", s * (1 - s))

# %% [markdown]
# ## requires_grad_() and the leaf-only rule · requires_grad_()와 잎 텐서 규칙
#
# `requires_grad_()` switches tracking on (or off, with `False`) **in place** and returns the
# tensor. Only new operations are affected: `m` was computed before, `n` after:
#
# `requires_grad_()`는 추적을 **제자리에서** 켜고(`False`를 주면 끄고) 그 텐서를 돌려줍니다. 영향을 받는 것은 새 연산뿐입니다.
# `m`은 켜기 전에, `n`은 켠 뒤에 계산했습니다.

# %%
k = torch.ones(3)
print(k.requires_grad, k.is_leaf)
m = k * 2
k.requires_grad_()
n = k * 2
print(m.requires_grad, n.requires_grad)
print(n)

# %% [markdown]
# The flag can be changed on a **leaf** only. A non-leaf's `requires_grad` is a fact about its
# history (it was computed from something that requires grad), not a setting. Asking for it anyway
# is an error, with a hint to use `detach()`. (`with shows_error(RuntimeError):` runs the line, prints
# the error as Jupyter's last line would, and lets the notebook go on; the cell fails if no error
# comes.)
#
# 이 플래그는 **잎 텐서**에서만 바꿀 수 있습니다. 잎이 아닌 텐서의 `requires_grad`는 설정이 아니라 이력에 관한
# 사실(변화도를 요구하는 무언가로 계산되었다는 것)이기 때문입니다. 그래도 바꾸려 하면 `detach()`를 쓰라는 힌트와 함께 오류가
# 납니다. (`with shows_error(RuntimeError):`는 그 줄을 실행하고, Jupyter가 보여 주는 마지막 줄처럼 오류를 출력한 뒤
# 노트북을 계속 진행합니다. 오류가 나지 않으면 셀이 실패합니다.)

# %%
b = n * 3
with shows_error(RuntimeError):
    b.requires_grad_(False)

# %% [markdown]
# On a leaf, `requires_grad_(False)` is how you **freeze** a parameter, for instance when
# fine-tuning only the last layer of a network (lesson 12): no gradient is computed for it.
#
# 잎 텐서에서 `requires_grad_(False)`는 매개변수(parameter)를 **고정하는**(freeze) 방법입니다. 예를 들어 신경망의 마지막
# 계층(layer)만 미세 조정(fine-tuning)할 때 씁니다(12강). 그 매개변수의 변화도는 계산되지 않습니다.

# %%
frozen = torch.tensor(2.0, requires_grad=True).requires_grad_(False)
trained = torch.tensor(5.0, requires_grad=True)
(frozen * trained).backward()
print(frozen.grad, trained.grad)

# %% [markdown]
# ## Updating a weight in place · 가중치를 제자리에서 갱신하기
#
# One step of gradient descent is $w \leftarrow w - \eta\, \nabla_w L$, with learning rate
# $\eta$. Written as an ordinary expression, the update **joins the graph**: its result (`w_new`
# below) is a non-leaf with a `grad_fn`, so its `.grad` would stay `None`, and the next step's graph
# would reach back through every earlier update:
#
# 경사 하강법(gradient descent)의 한 걸음은 학습률(learning rate) $\eta$에 대해 $w \leftarrow w - \eta\, \nabla_w L$입니다.
# 이 갱신을 평범한 식으로 쓰면 **그래프에 끼어듭니다**. 그 결과(아래의 `w_new`)는 `grad_fn`이 있는 잎이 아닌 텐서라서
# `.grad`가 계속 `None`이고, 다음 걸음의 그래프는 이전의 모든 갱신을 거슬러 올라가게 됩니다.

# %%
w = torch.tensor([1.0, 2.0], requires_grad=True)
(w * w).sum().backward()
w_new = w - 0.1 * w.grad
print(w_new)
print(w_new.is_leaf)

# %% [markdown]
# So the update must change `w` itself, in place: `w -= lr * w.grad` subtracts into `w`'s own
# numbers. But a leaf that requires grad refuses an in-place operation while recording is on: a leaf
# is where gradients are collected, and a recorded change would give it a history, so it would no
# longer be a leaf:
#
# 그러니 갱신은 `w` 자체를 제자리에서 바꿔야 합니다. `w -= lr * w.grad`는 `w`가 가진 수에서 직접 뺍니다.
# 그런데 변화도를 요구하는 잎 텐서는 기록이 켜져 있는 동안 제자리 연산을 거부합니다. 잎 텐서는 변화도가 모이는
# 곳인데, 기록된 변경은 잎 텐서에 이력을 만들어 더 이상 잎이 아니게 만들기 때문입니다.

# %%
with shows_error(RuntimeError):
    w -= 0.1 * w.grad

# %% [markdown]
# The fix is the one this lesson is about: the update is not part of the model, so do it under
# `no_grad()`. `w` stays the same leaf, still requires grad, and holds the new values. Then clear
# the gradient for the next step (lesson 04):
#
# 해결책이 바로 이번 강의의 주제입니다. 갱신은 모델의 일부가 아니므로 `no_grad()` 안에서 합니다. `w`는 같은 잎
# 텐서로 남고, 여전히 변화도를 요구하며, 새 값을 담습니다. 그다음 다음 걸음을 위해 변화도를 비웁니다(04강).

# %%
with torch.no_grad():
    w -= 0.1 * w.grad
print(w, w.is_leaf)
w.grad.zero_()
print(w.grad)

# %% [markdown]
# `w.copy_(w - lr * w.grad)`, also inside `no_grad()`, does the same: `copy_(src)` writes `src`
# into `w`. Both change the numbers in place, so every tensor sharing them (`w.data`,
# `w.detach()`) sees the new values. (On a tensor that is not a leaf, outside `no_grad()`, `-=` is
# allowed and recorded like any other operation: `h -= 1` gives `h` a `SubBackward0`.)
#
# Put together, a hand-written training loop: fit $w$ in $y = w x$ to data made with $w = 2$.
# Each step: forward pass, `backward()`, update under `no_grad()`, clear `.grad`:
#
# 역시 `no_grad()` 안에서 쓰는 `w.copy_(w - lr * w.grad)`도 같은 일을 합니다. `copy_(src)`는 `src`를 `w`에 써 넣습니다.
# 둘 다 수를 제자리에서 바꾸므로, 그 수를 함께 쓰는 모든 텐서(`w.data`, `w.detach()`)가 새 값을 봅니다. (잎이 아닌
# 텐서라면 `no_grad()` 밖에서도 `-=`를 쓸 수 있고, 다른 연산처럼 기록됩니다. `h -= 1`을 하면 `h`에 `SubBackward0`이
# 생깁니다.)
#
# 모두 합치면 손으로 쓴 학습 반복문이 됩니다. $w = 2$로 만든 데이터에 맞춰 $y = w x$의 $w$를 찾습니다. 매 걸음마다
# 순전파(forward pass), `backward()`, `no_grad()` 안에서 갱신, `.grad` 비우기를 합니다.

# %%
xs = torch.tensor([1.0, 2.0, 3.0])
ys = 2 * xs
w = torch.tensor(0.0, requires_grad=True)
lr = 0.05

for step in range(6):
    loss = ((w * xs - ys) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
    w.grad.zero_()
    print(f"step {step}: loss {loss.item():8.4f}   w {w.item():.4f}")

print(w, w.is_leaf)

# %% [markdown]
# `w` approaches 2 and stays the leaf we created. The optimizers of lesson 11 do exactly this for
# every parameter, inside `no_grad()`.
#
# `w`는 2에 다가가고, 처음 만든 그 잎 텐서로 남아 있습니다. 11강의 옵티마이저는 모든 매개변수에 대해 `no_grad()` 안에서
# 정확히 이 일을 합니다.

# %% [markdown]
# ## The legacy Variable · 옛 Variable
#
# Before PyTorch 0.4 (2018), tensors could not track gradients: you wrapped one in
# `torch.autograd.Variable`, which held `data`, `grad` and `grad_fn`. Tensors then took over all of
# it, and `Variable(t, requires_grad=True)` now simply returns a tensor that requires grad. Old code
# still runs, and so does this example from an old tutorial:
#
# PyTorch 0.4(2018년) 이전에는 텐서가 변화도를 추적하지 못해서 `torch.autograd.Variable`로 감싸야 했고, `Variable`이
# `data`, `grad`, `grad_fn`을 가졌습니다. 그 뒤 텐서가 이 역할을 모두 맡았고, 이제 `Variable(t, requires_grad=True)`는 그냥
# 변화도를 요구하는 텐서를 돌려줍니다. 옛 코드도 그대로 돌아갑니다. 옛 튜토리얼의 예제를 실행해 봅시다.

# %%
from minigrad.autograd import Variable

a = torch.ones(2, 2)
a = Variable(a, requires_grad=True)
print(a)
print(isinstance(a, torch.Tensor))

b = a + 2
c = b ** 2
out = c.sum()
out.backward()

print(a.data)
print(a.grad)
print(a.grad_fn)
print(c.grad_fn)
print(out.grad_fn)

# %% [markdown]
# `a.grad` is $2(a + 2) = 6$ everywhere; `a` is a leaf, so its `grad_fn` is `None`; `c` and `out`
# were made by `**` and `sum`. The whole of minigrad's `Variable`:
#
# `a.grad`는 모든 원소가 $2(a + 2) = 6$입니다. `a`는 잎 텐서라 `grad_fn`이 `None`이고, `c`와 `out`은 `**`와 `sum`이
# 만들었습니다. minigrad의 `Variable` 전체입니다.

# %%
print(inspect.getsource(Variable))

# %% [markdown]
# ## What a graph keeps alive · 그래프가 붙잡아 두는 것
#
# A node keeps what its backward needs (`ctx.save_for_backward`): `MulBackward0` of `a * b` needs
# both factors, `TanhBackward0` needs its output. So the graph **keeps tensors** of the forward pass
# alive until `backward()` frees them (lesson 04) or the graph itself is dropped. Let us count. We run a small "network" of `n` layers,
# `h = tanh(1.5 h)`, on 1,000 numbers, hold a `weakref` to each intermediate tensor (a reference
# that does not keep it alive), drop our own names for them, run the garbage collector, and count
# the tensors still alive:
#
# 노드는 역전파에 필요한 것을 보관합니다(`ctx.save_for_backward`). `a * b`의 `MulBackward0`에는 두 인수가 모두 필요하고,
# `TanhBackward0`에는 자기 출력이 필요합니다. 그래서 그래프는 순전파의 텐서를 `backward()`가 해제할 때까지(04강), 또는
# 그래프 자체가 버려질 때까지 **붙잡아 둡니다**. 세어 봅시다. 수 1,000개에
# `h = tanh(1.5 h)`를 `n`층 쌓은 작은 "신경망"을 실행하면서 중간 텐서마다 `weakref`(대상을 살려 두지 않는 참조)를 하나씩
# 잡아 둡니다. 그런 다음 우리가 가진 이름을 지우고 가비지 컬렉터를 돌린 뒤, 아직 살아 있는 텐서를 셉니다.

# %%
def surviving(n_layers, record, backward=False):
    """(intermediate tensors, how many are still alive, their bytes) after the forward pass."""
    x = torch.randn(1000, requires_grad=True)
    refs = []
    h = x
    with torch.set_grad_enabled(record):
        for _ in range(n_layers):
            h = h * 1.5
            refs.append(weakref.ref(h))
            h = h.tanh()
            refs.append(weakref.ref(h))
        out = h.sum()
    if backward:
        out.backward()
    del h
    gc.collect()
    alive = [r() for r in refs if r() is not None]
    return len(refs), len(alive), sum(t.numel() * t.element_size() for t in alive)


print("layers   intermediates   alive: recorded   after backward   no_grad   (bytes when recorded)")
for n_layers in [1, 5, 20]:
    made, kept, size = surviving(n_layers, record=True)
    _, kept_after, _ = surviving(n_layers, record=True, backward=True)
    _, kept_no_grad, _ = surviving(n_layers, record=False)
    print(f"{n_layers:6d}   {made:13d}   {kept:15d}   {kept_after:14d}   {kept_no_grad:7d}   {size:,}")

# %% [markdown]
# While the graph is recorded, minigrad keeps **every** intermediate tensor alive, however many
# layers: each node holds on to all its inputs (`ctx.inputs`), not only what it saved for the
# backward pass, and the graph is a chain of references from `out` back to `x`. After `backward()`
# they are freed; under `no_grad()` they are never kept at all, because no node is made.
#
# PyTorch is thriftier: a node saves only what its own backward needs. `h * 1.5` multiplies by a
# plain number, so its derivative is the constant 1.5 and it saves no tensor; `tanh` saves its
# output, because $\tanh'(u) = 1 - \tanh^2(u)$. For 20 layers PyTorch keeps 20 of these 40 tensors
# (80,000 bytes instead of 160,000). It keeps them in C++, not as Python objects, so there a
# `weakref` test shows nothing alive; its own way to count is
# `torch.autograd.graph.saved_tensors_hooks`. The lesson is the same in both engines: recording costs
# memory until `backward()` runs or the graph is dropped, and `no_grad()` costs none.
#
# 그래프가 기록되는 동안 minigrad는 층이 몇 개든 중간 텐서를 **모두** 살려 둡니다. 노드마다 역전파용으로 저장한 것뿐 아니라
# 입력을 모두(`ctx.inputs`) 붙잡고 있고, 그래프는 `out`에서 `x`까지 이어지는 참조의 사슬이기 때문입니다. `backward()`
# 뒤에는 해제되고, `no_grad()` 안에서는 노드를 만들지 않으므로 처음부터 보관되지 않습니다.
#
# PyTorch는 더 아껴 씁니다. 노드는 자기 역전파에 필요한 것만 저장합니다. `h * 1.5`는 평범한 수를 곱하므로 도함수가 상수
# 1.5이고, 텐서를 하나도 저장하지 않습니다. `tanh`는 $\tanh'(u) = 1 - \tanh^2(u)$이므로 자기 출력을 저장합니다. 그래서
# 20층이면 PyTorch는 텐서 40개 중 20개(160,000바이트가 아니라 80,000바이트)만 붙잡아 둡니다. 이 텐서들은 파이썬 객체가
# 아니라 C++ 쪽에 있어서 PyTorch에서 `weakref`로 시험하면 살아 있는 것이 하나도 없게 나옵니다. PyTorch에서 세는 방법은
# `torch.autograd.graph.saved_tensors_hooks`입니다. 어느 엔진에서나 교훈은 같습니다. 기록은 `backward()`가 실행되거나
# 그래프가 버려질 때까지 메모리를 쓰고, `no_grad()`는 쓰지 않습니다.

# %% [markdown]
# The graph's own nodes count too. Walk `grad_fn.next_functions` (lesson 02) and count the nodes:
#
# 그래프의 노드 자체도 자리를 차지합니다. `grad_fn.next_functions`를 따라가며(02강) 노드를 세어 봅시다.

# %%
def count_nodes(t):
    """Graph nodes reachable from t.grad_fn (AccumulateGrad nodes of leaves included)."""
    seen, stack = set(), [t.grad_fn]
    while stack:
        node = stack.pop()
        if node is not None and id(node) not in seen:
            seen.add(id(node))
            stack.extend(next_node for next_node, _ in node.next_functions)
    return len(seen)


x = torch.randn(1000, requires_grad=True)
h = (x * 1.5).tanh()
print(count_nodes(h.sum()))
with torch.no_grad():
    print(count_nodes((x * 1.5).tanh().sum()))

# %% [markdown]
# Four nodes: `SumBackward0`, `TanhBackward0`, `MulBackward0` and `x`'s `AccumulateGrad`. Under
# `no_grad()`, none. The lesson for training loops: **a tensor you keep keeps its whole graph**.
# Keep numbers (`loss.item()`) for logging, not tensors; exercise 07.4 hunts such a bug.
#
# 노드 네 개입니다. `SumBackward0`, `TanhBackward0`, `MulBackward0`, 그리고 `x`의 `AccumulateGrad`입니다.
# `no_grad()` 안에서는 하나도 없습니다. 학습 반복문에 주는 교훈은 이것입니다. **텐서를 붙잡아 두면 그 텐서의 그래프 전체를
# 붙잡아 두게 됩니다.** 기록용으로는 텐서가 아니라 수(`loss.item()`)를 보관하세요. 연습 문제 07.4에서 이런 버그를 찾습니다.

# %% [markdown]
# ## Summary · 정리
#
# * A grad mode is one switch, read by every operation: with it off, results have no `grad_fn`,
#   `requires_grad=False`, and nothing is saved. Use it for evaluation, inference, weight updates
#   and logging.
# * A safe switch restores the previous value in a `finally` clause: after an exception, and when
#   nested. minigrad's `no_grad`, `enable_grad` and `set_grad_enabled` are context managers and
#   decorators; `set_grad_enabled(False)` also acts at once.
# * `detach()` gives the same memory without history (stops a gradient); `.data` is the old way.
#   A change through `.data` escapes the version check and can give a silently wrong gradient.
#   `requires_grad_()` works on leaves only; on a leaf, `requires_grad_(False)` freezes it.
# * A leaf that requires grad refuses in-place changes while recording; update weights as
#   `with torch.no_grad(): w -= lr * w.grad` (or `w.copy_(w - lr * w.grad)`, also under `no_grad()`).
# * `Variable(t, requires_grad=True)` is a legacy name that returns a tensor.
# * A recorded graph keeps tensors alive until `backward()` or until it is dropped: in minigrad
#   every intermediate, in PyTorch only what each backward needs (here half of them); under
#   `no_grad()` nothing is kept.
#
# **Next, lesson 08:** tensor operations beyond arithmetic: broadcasting, reductions, reshaping and
# matrix products, each with its backward, checked by `gradcheck`.
#
# * 변화도 모드는 모든 연산이 읽는 스위치 하나입니다. 꺼져 있으면 결과에 `grad_fn`이 없고 `requires_grad=False`이며,
#   아무것도 저장되지 않습니다. 평가, 추론, 가중치 갱신, 기록용 계산에 씁니다.
# * 안전한 스위치는 `finally` 절에서 이전 값을 되돌립니다. 예외가 나도, 중첩되어도 마찬가지입니다. minigrad의 `no_grad`,
#   `enable_grad`, `set_grad_enabled`는 컨텍스트 관리자이자 데코레이터이고, `set_grad_enabled(False)`는 호출 즉시 동작하기도
#   합니다.
# * `detach()`는 메모리는 같고 이력은 없는 텐서를 줍니다(변화도 끊기). `.data`는 예전 방법입니다. `.data`로 바꾼 값은
#   버전 검사를 피해 가서 조용히 틀린 변화도를 낼 수 있습니다. `requires_grad_()`는 잎 텐서에서만 쓸 수 있고, 잎 텐서에
#   `requires_grad_(False)`를 하면 고정됩니다.
# * 변화도를 요구하는 잎 텐서는 기록 중에 제자리 변경을 거부합니다. 가중치는
#   `with torch.no_grad(): w -= lr * w.grad`(또는 역시 `no_grad()` 안에서 `w.copy_(w - lr * w.grad)`)로 갱신합니다.
# * `Variable(t, requires_grad=True)`는 텐서를 돌려주는 옛 이름입니다.
# * 기록된 그래프는 `backward()` 때까지, 또는 그래프가 버려질 때까지 텐서를 살려 둡니다. minigrad는 중간 텐서를 모두,
#   PyTorch는 역전파마다 필요한 것만(여기서는 절반) 붙잡아 둡니다. `no_grad()` 안에서는 아무것도 보관하지 않습니다.
#
# **다음 08강:** 산술을 넘어서는 텐서 연산을 다룹니다. 브로드캐스팅(broadcasting), 축소 연산, 모양(shape) 바꾸기, 행렬 곱을
# 각각의 역전파와 함께 만들고 `gradcheck`로 확인합니다.
