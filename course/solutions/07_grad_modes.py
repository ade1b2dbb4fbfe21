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
# # Exercises 07 · Grad modes · 연습 문제 07 · 변화도 모드
#
# Four exercises on lesson 07: a hand-written SGD step that updates leaves in place, a `no_grad`
# for the tiny engine that also works as a decorator, predicting `requires_grad` and `is_leaf`, and
# a training loop whose graph keeps growing. Write your code where a cell says
# `NotImplementedError`, then run the check cell below it.
#
# 07강 내용으로 연습 문제(exercise) 네 개를 풉니다. 잎(leaf) 텐서를 제자리 연산(in-place)으로 갱신하는 SGD 한 걸음 직접 쓰기, 데코레이터로도
# 쓰이는 작은 엔진용 `no_grad` 만들기, `requires_grad`와 `is_leaf` 예측하기, 그래프가 계속 자라는 학습(training) 반복문 고치기입니다.
# `NotImplementedError`가 있는 셀에 코드를 작성하고 바로 아래의 확인(check) 셀을 실행하세요.

# %%
import functools

import minigrad as torch

# %% [markdown]
# ## Exercise 07.1 · An SGD step by hand · 연습 문제 07.1 · 손으로 쓰는 SGD 한 걸음
#
# Write `sgd_step(params, lr)`: for every tensor `p` in `params` (leaves that require grad, whose
# `.grad` a `backward()` has just filled), set $p \leftarrow p - \text{lr} \cdot p.\text{grad}$
# **in place**, then set `p.grad = None` for the next step. After the call every `p` must still be
# the same leaf, still require grad, and grad mode must be on again.
#
# *Hint:* the update is not part of the model: do it under `torch.no_grad()`, with an in-place
# operation (`p -= ...` or `p.copy_(...)`) so that the caller's tensor changes, not just your local
# name `p`.
#
# `sgd_step(params, lr)`를 작성하세요. `params`에는 변화도(gradient)를 요구하는 잎 텐서들이 들어 있고, 방금 `backward()`가
# 각 텐서의 `.grad`를 채웠습니다. 모든 텐서 `p`에 대해 $p \leftarrow p - \text{lr} \cdot p.\text{grad}$를 **제자리에서**
# 계산한 뒤, 다음 걸음을 위해 `p.grad = None`으로 둡니다. 호출이 끝나면 모든 `p`가 여전히 같은 잎 텐서이고 변화도를
# 요구해야 하며, 변화도 모드는 다시 켜져 있어야 합니다.
#
# *힌트:* 갱신은 모델의 일부가 아니므로 `torch.no_grad()` 안에서 합니다. 지역 이름 `p`만 바뀌지 않고 호출한 쪽의
# 텐서가 바뀌도록 제자리 연산(`p -= ...` 또는 `p.copy_(...)`)을 쓰세요.

# %%
def sgd_step(params, lr):
    """p <- p - lr * p.grad in place for every p, then p.grad = None."""
    ### BEGIN SOLUTION
    with torch.no_grad():
        for p in params:
            p -= lr * p.grad
    for p in params:
        p.grad = None
    ### END SOLUTION

# %% exercise="07.1" points=2
from minigrad_course.checks import expect_close, expect_true, fail, passed

# L = sum((w - t)**2) + (b - 1)**2 has gradient 2 (w - t) and 2 (b - 1), so one step multiplies
# w - t and b - 1 by (1 - 2 lr): after k steps, w - t = (1 - 2 lr)**k (w0 - t).
t = [0.5, -1.0, 2.0]
w0, b0, lr, steps = [1.0, -2.0, 0.5], 3.0, 0.1, 10
w = torch.tensor(w0, requires_grad=True)
b = torch.tensor(b0, requires_grad=True)
target = torch.tensor(t)
for step in range(1, steps + 1):
    loss = ((w - target) ** 2).sum() + (b - 1) ** 2
    loss.backward()
    try:
        sgd_step([w, b], lr)
    except NotImplementedError:  # not written yet: let it through as it is
        raise
    except RuntimeError as error:
        fail((f"sgd_step raised RuntimeError: {error}", f"sgd_step에서 RuntimeError가 났습니다: {error}"),
             ("an in-place update of a leaf that requires grad must not be recorded: do it under torch.no_grad().",
              "변화도를 요구하는 잎 텐서를 제자리에서 갱신하는 것은 기록되면 안 됩니다. torch.no_grad() 안에서 하세요."))
    factor = (1 - 2 * lr) ** step
    expect_close(w, [ti + factor * (wi - ti) for wi, ti in zip(w0, t)], atol=1e-5,
                 what=(f"w after step {step}", f"{step}번째 걸음 뒤의 w"),
                 mistakes=[([ti + (1 - 2 * lr) ** (step - 1) * (wi - ti) for wi, ti in zip(w0, t)],
                            ("w did not change: `p = p - lr * p.grad` only rebinds your local name p. Update the "
                             "caller's tensor in place: `p -= lr * p.grad`.",
                             "w가 바뀌지 않았습니다. `p = p - lr * p.grad`는 지역 이름 p를 다시 묶을 뿐입니다. 호출한 쪽의 "
                             "텐서를 제자리에서 바꾸세요: `p -= lr * p.grad`."))],
                 hint=("did the gradient of the previous step stay in p.grad? Set p.grad = None after the update.",
                       "이전 걸음의 변화도가 p.grad에 남아 있지 않았나요? 갱신한 뒤 p.grad = None으로 두세요."))
    expect_close(b, 1 + factor * (b0 - 1), atol=1e-5, what=(f"b after step {step}", f"{step}번째 걸음 뒤의 b"))
    expect_true(w.is_leaf and b.is_leaf, what=("the parameters are still leaves", "매개변수가 여전히 잎 텐서이다"),
                hint=("update in place under torch.no_grad(), so that nothing is recorded.",
                      "torch.no_grad() 안에서 제자리 연산으로 갱신해야 아무것도 기록되지 않습니다."))
    expect_true(w.requires_grad and b.requires_grad, what=("the parameters still require grad",
                                                           "매개변수가 여전히 변화도를 요구한다"))
    expect_true(w.grad is None and b.grad is None, what=("p.grad is None after the step", "걸음 뒤에 p.grad가 None이다"),
                hint=("set p.grad = None for every p after the update.", "갱신한 뒤 모든 p에 대해 p.grad = None으로 두세요."))
    expect_true(torch.is_grad_enabled(), what=("grad mode is on after sgd_step", "sgd_step 뒤에 변화도 모드가 켜져 있다"),
                hint=("use `with torch.no_grad():`, which switches grad mode back on, not torch.set_grad_enabled(False).",
                      "torch.set_grad_enabled(False)가 아니라 끝날 때 변화도 모드를 다시 켜는 `with torch.no_grad():`를 쓰세요."))
passed("07.1")

# %% [markdown]
# ## Exercise 07.2 · `no_grad` for the tiny engine · 연습 문제 07.2 · 작은 엔진의 no_grad
#
# The tiny engine of the lesson, with its switch `Config.recording`. Write the class `no_record` so
# that
#
# * `with no_record():` switches recording off inside the block and restores the **previous** value
#   on leaving, also when the block raises (and the exception must still reach the caller);
# * `@no_record()` above a function runs every call of that function with recording off, restoring
#   the previous value after each call, also when the call raises.
#
# *Hint:* `__enter__` saves `Config.recording` on `self` and switches it off; `__exit__` puts it back
# and returns `False`; `__call__(function)` returns a wrapper that runs `function` inside
# `with no_record():` (`functools.wraps` keeps its name).
#
# 강의의 작은 엔진과 그 스위치 `Config.recording`입니다. 다음을 만족하는 클래스 `no_record`를 작성하세요.
#
# * `with no_record():`는 블록 안에서 기록을 끄고, 블록을 나올 때 **이전** 값으로 되돌립니다. 블록에서 예외가 나도 그래야
#   하고, 예외는 그대로 호출한 쪽까지 전달되어야 합니다.
# * 함수 위에 `@no_record()`를 붙이면 그 함수는 호출될 때마다 기록이 꺼진 채 실행되고, 호출이 끝나면(예외가 나도) 이전
#   값으로 돌아갑니다.
#
# *힌트:* `__enter__`는 `Config.recording`을 `self`에 저장하고 끕니다. `__exit__`는 값을 되돌리고 `False`를 돌려줍니다.
# `__call__(function)`은 `with no_record():` 안에서 `function`을 실행하는 감싼 함수를 돌려줍니다(`functools.wraps`로
# 이름을 유지하세요).

# %%
class Config:
    recording = True


class Var:
    def __init__(self, value, parents=()):
        self.value = value
        self.parents = parents if Config.recording else ()
        self.grad = 0.0

    def __add__(self, other):
        return Var(self.value + other.value, ((self, 1.0), (other, 1.0)))

    def __mul__(self, other):
        return Var(self.value * other.value, ((self, other.value), (other, self.value)))


class no_record:
    """Switch Config.recording off: as `with no_record():` or as `@no_record()`."""

    def __enter__(self):
        ### BEGIN SOLUTION
        self.previous = Config.recording
        Config.recording = False
        ### END SOLUTION

    def __exit__(self, *exc_info):
        ### BEGIN SOLUTION
        Config.recording = self.previous
        return False
        ### END SOLUTION

    def __call__(self, function):
        ### BEGIN SOLUTION
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            with no_record():
                return function(*args, **kwargs)

        return wrapper
        ### END SOLUTION

# %% exercise="07.2" points=2
from minigrad_course.checks import expect_equal, expect_raises, expect_true, passed

Config.recording = True
a = Var(3.0)
with no_record():
    inside = Config.recording
    c = a * a + a
restore = ("__exit__ must put back the value that __enter__ saved, not always True.",
           "__exit__는 항상 True가 아니라 __enter__가 저장한 값을 되돌려 놓아야 합니다.")
expect_equal(inside, False, what=("Config.recording inside the block", "블록 안의 Config.recording"))
expect_equal(len(c.parents), 0, what=("parents of a Var made inside the block", "블록 안에서 만든 Var의 부모 수"))
expect_equal(Config.recording, True, what=("Config.recording after the block", "블록 뒤의 Config.recording"), hint=restore)
expect_equal(len((a * a).parents), 2, what=("parents of a Var made after the block", "블록 뒤에 만든 Var의 부모 수"))

Config.recording = False  # nested in an outer 'off': leaving must restore False, not True
with no_record():
    pass
expect_equal(Config.recording, False, what=("Config.recording restored to its previous value False",
                                            "이전 값 False로 되돌아간 Config.recording"), hint=restore)
Config.recording = True

def fails_inside():
    with no_record():
        raise KeyError("boom")

expect_raises(KeyError, fails_inside, what=("an exception inside the block reaches the caller",
                                            "블록 안의 예외가 호출한 쪽에 전달된다"),
              hint=("__exit__ must return False (or None): True swallows the exception.",
                    "__exit__는 False(또는 None)를 돌려주어야 합니다. True는 예외를 삼켜 버립니다."))
expect_equal(Config.recording, True, what=("Config.recording after an exception in the block",
                                           "블록 안에서 예외가 난 뒤의 Config.recording"), hint=restore)

seen = []

@no_record()
def square(v):
    seen.append(Config.recording)
    return v * v

s = square(a)
expect_equal(seen, [False], what=("Config.recording inside the decorated function", "데코레이터를 붙인 함수 안의 Config.recording"))
expect_equal(len(s.parents), 0, what=("parents of the decorated function's result", "데코레이터를 붙인 함수 결과의 부모 수"))
expect_equal(Config.recording, True, what=("Config.recording after the call", "호출 뒤의 Config.recording"), hint=restore)
expect_equal(square.__name__, "square", what=("the decorated function's name", "데코레이터를 붙인 함수의 이름"),
             hint=("decorate the wrapper with @functools.wraps(function).", "감싼 함수에 @functools.wraps(function)를 붙이세요."))

@no_record()
def broken(v):
    raise ValueError("bad input")

expect_raises(ValueError, lambda: broken(a), what=("an exception inside the decorated function",
                                                   "데코레이터를 붙인 함수 안의 예외"))
expect_equal(Config.recording, True, what=("Config.recording after the decorated function raised",
                                           "데코레이터를 붙인 함수가 예외를 일으킨 뒤의 Config.recording"),
             hint=("run the function inside `with no_record():` in the wrapper, so that leaving restores the value even "
                   "when it raises.",
                   "감싼 함수 안에서 `with no_record():` 블록으로 함수를 실행하세요. 그래야 예외가 나도 블록을 나갈 때 값이 "
                   "되돌아갑니다."))
passed("07.2")

# %% [markdown]
# ## Exercise 07.3 · Predict requires_grad and is_leaf · 연습 문제 07.3 · requires_grad와 is_leaf 예측하기
#
# Without running it, predict `requires_grad` and `is_leaf` of each tensor at the end of this code.
# Make `predicted()` return a dict from each name to the pair `(requires_grad, is_leaf)`, for
# example `"a": (True, True)`.
#
# 실행하지 말고, 이 코드가 끝났을 때 각 텐서의 `requires_grad`와 `is_leaf`를 예측하세요. `predicted()`가 이름마다
# `(requires_grad, is_leaf)` 쌍을 담은 딕셔너리를 돌려주게 하세요. 예를 들면 `"a": (True, True)`입니다.
#
# ```python
# a = torch.ones(2, requires_grad=True)
# b = a * 2
# with torch.no_grad():
#     c = a * 2
#     d = torch.ones(2, requires_grad=True)
#     e = d + 1
#     with torch.enable_grad():
#         f = a * 2
# g = b.detach()
# h = g * 3
# k = g * a
# ```
#
# *Hint:* a result requires grad when it was recorded: some input required grad **and** grad mode
# was on. A tensor is a leaf when no recorded operation made it. Creating a tensor is not an
# operation on other tensors.
#
# *힌트:* 결과가 변화도를 요구하는 것은 기록되었을 때, 즉 입력 중 하나가 변화도를 요구했고 **그리고** 변화도 모드가 켜져
# 있었을 때입니다. 기록된 연산이 만들지 않은 텐서는 잎 텐서입니다. 텐서를 새로 만드는 것은 다른 텐서에 대한 연산이
# 아닙니다.

# %%
def predicted():
    """{name: (requires_grad, is_leaf)} for a, b, c, d, e, f, g, h, k."""
    ### BEGIN SOLUTION
    return {
        "a": (True, True),
        "b": (True, False),
        "c": (False, True),
        "d": (True, True),
        "e": (False, True),
        "f": (True, False),
        "g": (False, True),
        "h": (False, True),
        "k": (True, False),
    }
    ### END SOLUTION

# %% exercise="07.3" points=2
from minigrad_course.checks import expect_equal, passed

a = torch.ones(2, requires_grad=True)
b = a * 2
with torch.no_grad():
    c = a * 2
    d = torch.ones(2, requires_grad=True)
    e = d + 1
    with torch.enable_grad():
        f = a * 2
g = b.detach()
h = g * 3
k = g * a
actual = {name: (t.requires_grad, t.is_leaf)
          for name, t in dict(a=a, b=b, c=c, d=d, e=e, f=f, g=g, h=h, k=k).items()}

guess = predicted()
expect_equal(sorted(guess), sorted(actual), what=("names in predicted()", "predicted()의 이름"))
recorded = ("recorded means: some input requires grad and grad mode is on; a recorded result is not a leaf.",
            "기록된다는 것은 입력 중 하나가 변화도를 요구하고 변화도 모드가 켜져 있다는 뜻입니다. 기록된 결과는 잎이 아닙니다.")
why = {"c": ("inside no_grad nothing is recorded: a * 2 is a leaf that does not require grad.",
             "no_grad 안에서는 아무것도 기록되지 않습니다. a * 2는 변화도를 요구하지 않는 잎 텐서입니다."),
       "d": ("creating a tensor is not an operation: requires_grad=True holds even under no_grad.",
             "텐서를 만드는 것은 연산이 아닙니다. no_grad 안에서도 requires_grad=True는 그대로입니다."),
       "f": ("enable_grad switches recording back on inside no_grad: a * 2 is recorded.",
             "enable_grad는 no_grad 안에서 기록을 다시 켭니다. a * 2는 기록됩니다."),
       "g": ("detach() returns a leaf that does not require grad.", "detach()는 변화도를 요구하지 않는 잎 텐서를 돌려줍니다."),
       "k": ("g does not require grad, but a does: g * a is recorded.",
             "g는 변화도를 요구하지 않지만 a는 요구합니다. g * a는 기록됩니다.")}
for name in actual:
    expect_equal(tuple(guess[name]), actual[name], what=(f"(requires_grad, is_leaf) of {name}",
                                                         f"{name}의 (requires_grad, is_leaf)"),
                 hint=why.get(name, recorded))
passed("07.3")

# %% [markdown]
# ## Exercise 07.4 · The graph that keeps growing · 연습 문제 07.4 · 계속 자라는 그래프
#
# This training loop fits $w$ in $2w = 6$ and adds up the losses of all steps to report them. It
# computes the right numbers, but something grows with every step. `graph_nodes(t)` counts the
# nodes of the graph behind `t`; run the cell and watch:
#
# 이 학습 반복문은 $2w = 6$에 맞춰 $w$를 찾고, 보고용으로 모든 걸음의 손실(loss)을 더합니다. 계산한 수는 맞지만 걸음마다
# 무언가가 자랍니다. `graph_nodes(t)`는 `t` 뒤에 있는 그래프의 노드(node) 수를 셉니다. 셀을 실행해서 지켜보세요.

# %%
def graph_nodes(t):
    """Graph nodes reachable from t.grad_fn; 0 for a tensor with no history or a plain number."""
    seen, stack = set(), [getattr(t, "grad_fn", None)]
    while stack:
        node = stack.pop()
        if node is not None and id(node) not in seen:
            seen.add(id(node))
            stack.extend(next_node for next_node, _ in node.next_functions)
    return len(seen)


def train_buggy(steps, lr=0.05):
    w = torch.tensor(0.0, requires_grad=True)
    total = 0.0
    for step in range(steps):
        loss = (w * 2 - 6) ** 2
        loss.backward()
        with torch.no_grad():
            w.copy_(w - lr * w.grad)
        w.grad.zero_()
        total = total + loss
        print(f"step {step}: graph nodes behind total: {graph_nodes(total)}")
    return w, total


w, total = train_buggy(5)
print(w, total)

# %% [markdown]
# `total` is a tensor with a `grad_fn`, so it holds every step's graph: after 1,000 steps, a graph of
# thousands of nodes that nobody will ever backpropagate through. Write `train(steps, lr)`: the same
# loop, returning `(w, total)` where `total` is a plain Python `float` (and `w` the trained leaf).
#
# *Hint:* one line changes. Which method turns a one-element tensor into a Python number?
#
# `total`은 `grad_fn`이 있는 텐서라서 모든 걸음의 그래프를 붙잡고 있습니다. 1,000걸음이면 아무도 역전파하지 않을 노드
# 수천 개짜리 그래프가 됩니다. 같은 반복문으로 `(w, total)`을 돌려주되 `total`이 평범한 파이썬 `float`인(그리고 `w`는
# 학습된 잎 텐서인) `train(steps, lr)`를 작성하세요.
#
# *힌트:* 한 줄만 바뀝니다. 원소가 하나인 텐서를 파이썬 수로 바꾸는 메서드는 무엇일까요?

# %%
def train(steps, lr=0.05):
    """Like train_buggy, without printing; total is a Python float."""
    ### BEGIN SOLUTION
    w = torch.tensor(0.0, requires_grad=True)
    total = 0.0
    for step in range(steps):
        loss = (w * 2 - 6) ** 2
        loss.backward()
        with torch.no_grad():
            w.copy_(w - lr * w.grad)
        w.grad.zero_()
        total = total + loss.item()
    return w, total
    ### END SOLUTION

# %% exercise="07.4" points=2
from minigrad_course.checks import expect_close, expect_equal, expect_true, passed

for steps, lr in [(5, 0.05), (40, 0.1)]:
    w, total = train(steps, lr)
    expect_equal(type(total).__name__, "float", what=("type of total", "total의 타입"),
                 hint=("add loss.item(), a Python float: a tensor (even a detached one) is not what was asked.",
                       "파이썬 float인 loss.item()을 더하세요. 텐서는 (detach한 것이라도) 요구한 것이 아닙니다."))
    expect_equal(graph_nodes(w), 0, what=("graph nodes behind w", "w 뒤의 그래프 노드 수"))
    expect_true(w.is_leaf and w.requires_grad, what=("w is still a leaf that requires grad",
                                                     "w가 여전히 변화도를 요구하는 잎 텐서이다"))
    # by hand: loss = (2w - 6)**2, d loss / dw = 4 (2w - 6)
    w_ref, total_ref = 0.0, 0.0
    for _ in range(steps):
        total_ref += (2 * w_ref - 6) ** 2
        w_ref -= lr * 4 * (2 * w_ref - 6)
    expect_close(w, w_ref, atol=1e-5, what=(f"w after {steps} steps", f"{steps}걸음 뒤의 w"),
                 hint=("keep the loop as it was: w.grad.zero_() after each update.",
                       "반복문은 그대로 두세요. 갱신할 때마다 w.grad.zero_()를 합니다."))
    expect_close(total, total_ref, atol=1e-4, what=(f"total loss of {steps} steps", f"{steps}걸음 손실의 합"),
                 hint=("add every step's loss to total: total = total + loss.item().",
                       "걸음마다 손실을 total에 더하세요: total = total + loss.item()."))
passed("07.4")

# %% [markdown]
# ## Done · 끝
#
# You updated leaves in place under `no_grad`, built a grad-mode switch that survives exceptions and
# works as a decorator, and fixed a loop that kept its graphs alive. Lesson 08 adds the tensor
# operations: broadcasting, reductions, reshaping and matrix products.
#
# `no_grad` 안에서 잎 텐서를 제자리에서 갱신했고, 예외가 나도 살아남고 데코레이터로도 쓰이는 변화도 모드 스위치를
# 만들었고, 그래프를 붙잡아 두던 반복문을 고쳤습니다. 08강에서는 브로드캐스팅(broadcasting), 축소 연산, 모양(shape) 바꾸기, 행렬 곱 같은
# 텐서 연산을 더합니다.
