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
# # Exercises 01 · Tensors · 연습 문제 01 · 텐서
#
# Four exercises on lesson 01. Write your code where a cell says `raise NotImplementedError`, then run
# the check cell below it: it prints `✅ ... passed` when your answer is right, and explains what is
# wrong otherwise. Run the cells from the top.
#
# 01강에 대한 연습 문제 네 개입니다. `raise NotImplementedError`가 있는 자리에 코드를 작성한 뒤, 바로 아래의
# 확인(check) 셀을 실행하세요. 답이 맞으면 `✅ ... 통과`가 출력되고, 틀리면 무엇이 잘못되었는지 알려 줍니다.
# 셀은 위에서부터 차례로 실행하세요.

# %%
import numpy as np

import minigrad as torch

torch.manual_seed(0)
print("minigrad is ready · minigrad 준비 완료")

# %% [markdown]
# ## Exercise 01.1 · Make three tensors · 연습 문제 01.1 · 텐서 세 개 만들기
#
# Return, in this order:
#
# - `w`: a 2×3 tensor of zeros, float32, that requires grad;
# - `idx`: the int64 tensor `tensor([0, 1, 2, 3, 4])`;
# - `h`: the float64 tensor holding `0.5` and `1.5`.
#
# *Hint:* `torch.zeros(..., requires_grad=True)`, `torch.arange`, and `dtype=torch.float64`.
#
# 다음 세 텐서를 순서대로 돌려주세요.
#
# - `w`: 0으로 채운 2×3 float32 텐서로, 변화도를 요구해야 합니다.
# - `idx`: int64 텐서 `tensor([0, 1, 2, 3, 4])`
# - `h`: `0.5`와 `1.5`를 담은 float64 텐서
#
# *힌트:* `torch.zeros(..., requires_grad=True)`, `torch.arange`, `dtype=torch.float64`를 쓰세요.

# %%
def make_tensors():
    ### BEGIN SOLUTION
    w = torch.zeros(2, 3, requires_grad=True)
    idx = torch.arange(5)
    h = torch.tensor([0.5, 1.5], dtype=torch.float64)
    ### END SOLUTION
    return w, idx, h


# %% exercise="01.1" points=1
from minigrad_course.checks import expect_close, expect_equal, expect_true, passed

w, idx, h = make_tensors()
expect_equal(tuple(w.shape), (2, 3), what="w.shape")
expect_equal(repr(w.dtype), "torch.float32", what="w.dtype")
expect_equal(w.requires_grad, True, what="w.requires_grad",
             hint=("pass requires_grad=True to torch.zeros.", "torch.zeros에 requires_grad=True를 넘기세요."))
expect_close(w.detach(), np.zeros((2, 3)), what="w")
expect_equal(repr(idx.dtype), "torch.int64", what="idx.dtype",
             hint=("torch.arange(5) with an integer gives int64; torch.arange(5.0) gives float32.",
                   "torch.arange(5)처럼 정수를 주면 int64, torch.arange(5.0)처럼 실수를 주면 float32가 됩니다."))
expect_equal(idx.tolist(), [0, 1, 2, 3, 4], what="idx")
expect_equal(repr(h.dtype), "torch.float64", what="h.dtype",
             hint=("Python floats become float32 unless you pass dtype=torch.float64.",
                   "dtype=torch.float64를 넘기지 않으면 파이썬 실수는 float32가 됩니다."))
expect_equal(h.tolist(), [0.5, 1.5], what="h")
passed("01.1")

# %% [markdown]
# ## Exercise 01.2 · The two rules of `requires_grad_` · 연습 문제 01.2 · `requires_grad_`의 두 규칙
#
# `Box` below is the lesson's `MiniTensor`, except that it keeps the dtype of its data. Write
# `set_requires_grad(box, flag)` so that it behaves like PyTorch's `requires_grad_`:
#
# - if `box` is not a leaf, raise `RuntimeError("you can only change requires_grad flags of leaf variables.")`;
# - if `flag` is true and the data is not floating point, raise
#   `RuntimeError("only Tensors of floating point dtype can require gradients")`;
# - otherwise set `box.requires_grad = flag` and return `box` itself.
#
# *Hint:* a NumPy array's `dtype.kind` is `"f"` for floating point types.
#
# 아래의 `Box`는 강의의 `MiniTensor`와 같지만, 데이터의 자료형을 그대로 유지합니다. PyTorch의
# `requires_grad_`처럼 동작하는 `set_requires_grad(box, flag)`를 작성하세요.
#
# - `box`가 잎 텐서가 아니면 `RuntimeError("you can only change requires_grad flags of leaf variables.")`를 일으킵니다.
# - `flag`가 참인데 데이터가 실수가 아니면
#   `RuntimeError("only Tensors of floating point dtype can require gradients")`를 일으킵니다.
# - 그 밖에는 `box.requires_grad = flag`로 설정하고 `box` 자신을 돌려줍니다.
#
# *힌트:* NumPy 배열의 `dtype.kind`는 실수 자료형일 때 `"f"`입니다.

# %%
class Box:
    def __init__(self, data, requires_grad=False):
        self.data = np.asarray(data)
        self.requires_grad = requires_grad
        self.grad = None
        self.grad_fn = None

    @property
    def is_leaf(self):
        return self.grad_fn is None


def set_requires_grad(box, flag=True):
    ### BEGIN SOLUTION
    if not box.is_leaf:
        raise RuntimeError("you can only change requires_grad flags of leaf variables.")
    if flag and box.data.dtype.kind != "f":
        raise RuntimeError("only Tensors of floating point dtype can require gradients")
    box.requires_grad = bool(flag)
    return box
    ### END SOLUTION


# %% exercise="01.2" points=2
from minigrad_course.checks import expect_equal, expect_raises, expect_true, passed

floats = Box(np.array([1.0, 2.0], dtype=np.float32))
result = set_requires_grad(floats, True)
expect_true(result is floats, what=("set_requires_grad returns the box itself", "set_requires_grad가 box 자신을 돌려준다"),
            hint=("end with `return box`, as PyTorch's requires_grad_ returns the tensor itself.",
                  "PyTorch의 requires_grad_가 텐서 자신을 돌려주듯이 `return box`로 끝내세요."))
expect_equal(floats.requires_grad, True, what=("requires_grad after set_requires_grad(box, True)",
                                               "set_requires_grad(box, True) 뒤의 requires_grad"))
set_requires_grad(floats, False)
expect_equal(floats.requires_grad, False, what=("requires_grad after set_requires_grad(box, False)",
                                                "set_requires_grad(box, False) 뒤의 requires_grad"))

ints = Box(np.array([1, 2], dtype=np.int64))
expect_raises(RuntimeError, lambda: set_requires_grad(ints, True), match="floating point",
              what=("set_requires_grad(integer box, True)", "set_requires_grad(정수 box, True)"),
              hint=("check box.data.dtype.kind == 'f' before switching on.",
                    "켜기 전에 box.data.dtype.kind == 'f'인지 확인하세요."))
expect_equal(ints.requires_grad, False, what=("requires_grad of the integer box", "정수 box의 requires_grad"),
             hint=("raise before changing anything.", "아무것도 바꾸기 전에 예외를 일으키세요."))
set_requires_grad(ints, False)  # switching off is always allowed on a leaf

made = Box(np.array([3.0], dtype=np.float32), requires_grad=True)
made.grad_fn = "an operation made me"
expect_raises(RuntimeError, lambda: set_requires_grad(made, False), match="leaf variables",
              what=("set_requires_grad(non-leaf box, False)", "set_requires_grad(잎이 아닌 box, False)"),
              hint=("check box.is_leaf first: a box that an operation made cannot change its flag.",
                    "먼저 box.is_leaf를 확인하세요. 연산이 만든 box는 플래그를 바꿀 수 없습니다."))
expect_equal(made.requires_grad, True, what=("requires_grad of the non-leaf box", "잎이 아닌 box의 requires_grad"))
passed("01.2")

# %% [markdown]
# ## Exercise 01.3 · Predict the leaves · 연습 문제 01.3 · 잎 텐서 예측하기
#
# Read this code **without running it**:
#
# 다음 코드를 **실행하지 말고** 읽어 보세요.
#
# ```python
# a = torch.ones(3)
# b = torch.ones(3, requires_grad=True)
# c = a * 2
# d = a + b
# e = torch.zeros_like(d)
# f = (a * 3).requires_grad_()
# g = f.sum()
# ```
#
# For each of `c`, `d`, `e`, `f`, `g`, predict the pair `(is_leaf, requires_grad)` and return them in
# a dict, e.g. `{"c": (True, True), ...}`. The check runs the code and compares.
#
# *Hint:* a result is a non-leaf only when an input required grad; `*_like` functions do not copy
# `requires_grad`.
#
# `c`, `d`, `e`, `f`, `g` 각각에 대해 `(is_leaf, requires_grad)` 쌍을 예측해서 `{"c": (True, True), ...}`
# 같은 딕셔너리로 돌려주세요. 확인 셀이 코드를 실제로 실행해서 비교합니다.
#
# *힌트:* 입력 중 하나가 변화도를 요구할 때만 결과가 잎 텐서가 아니게 됩니다. `*_like` 함수는
# `requires_grad`를 복사하지 않습니다.

# %%
def predict_leaves():
    ### BEGIN SOLUTION
    return {
        "c": (True, False),
        "d": (False, True),
        "e": (True, False),
        "f": (True, True),
        "g": (False, True),
    }
    ### END SOLUTION


# %% exercise="01.3" points=1
from minigrad_course.checks import expect_equal, passed

prediction = predict_leaves()
a = torch.ones(3)
b = torch.ones(3, requires_grad=True)
c = a * 2
d = a + b
e = torch.zeros_like(d)
f = (a * 3).requires_grad_()
g = f.sum()
expect_equal(sorted(prediction), ["c", "d", "e", "f", "g"], what=("the keys of your dict", "딕셔너리의 키"))
why = {"c": ("a does not require grad, so a * 2 is not recorded.", "a가 변화도를 요구하지 않으므로 a * 2는 기록되지 않습니다."),
       "d": ("b requires grad, so a + b is recorded: a non-leaf.", "b가 변화도를 요구하므로 a + b는 기록됩니다. 잎이 아닙니다."),
       "e": ("*_like functions copy the shape and dtype, not requires_grad.",
             "*_like 함수는 모양과 자료형을 복사할 뿐 requires_grad는 복사하지 않습니다."),
       "f": ("a * 3 was not recorded, so it is a leaf; requires_grad_() switches it on and it stays a leaf.",
             "a * 3은 기록되지 않았으므로 잎 텐서입니다. requires_grad_()가 플래그를 켜도 여전히 잎입니다."),
       "g": ("f requires grad, so f.sum() is recorded.", "f가 변화도를 요구하므로 f.sum()은 기록됩니다.")}
for name, t in [("c", c), ("d", d), ("e", e), ("f", f), ("g", g)]:
    expect_equal(tuple(prediction[name]), (t.is_leaf, t.requires_grad),
                 what=(f"(is_leaf, requires_grad) of {name}", f"{name}의 (is_leaf, requires_grad)"), hint=why[name])
passed("01.3")

# %% [markdown]
# ## Exercise 01.4 · How will it print? · 연습 문제 01.4 · 어떻게 출력될까?
#
# Write `print_mode(values)` that returns the format PyTorch chooses for a float tensor holding
# `values`: `"integer"` (`1.`), `"fixed"` (`1.5000`) or `"scientific"` (`1.0000e-04`). The rules from
# the lesson, applied to the absolute values that are finite and non-zero:
#
# 1. no such value, or all of them whole numbers → `"integer"`, *unless* rule 2 applies;
# 2. largest / smallest > 1000, or largest > 1e8, or smallest < 1e-4 → `"scientific"`;
# 3. otherwise → `"fixed"`.
#
# (Rule 2 wins over rule 1: `tensor([1., 2000.])` prints as `tensor([1.0000e+00, 2.0000e+03])`.)
# The check compares your answer with what minigrad really prints.
#
# *Hint:* `np.isfinite`, `np.abs`, and `v == np.floor(v)` for whole numbers.
#
# `values`를 담은 실수 텐서를 PyTorch가 어떤 형식으로 출력할지 돌려주는 `print_mode(values)`를 작성하세요.
# 답은 `"integer"`(`1.`), `"fixed"`(`1.5000`), `"scientific"`(`1.0000e-04`) 중 하나입니다. 강의에서 본
# 규칙을 유한하고 0이 아닌 값들의 절댓값에 적용합니다.
#
# 1. 그런 값이 없거나 모두 정수 값이면 `"integer"`입니다. *단*, 규칙 2에 해당하면 그렇지 않습니다.
# 2. 가장 큰 값 / 가장 작은 값 > 1000, 또는 가장 큰 값 > 1e8, 또는 가장 작은 값 < 1e-4이면 `"scientific"`입니다.
# 3. 그 밖에는 `"fixed"`입니다.
#
# (규칙 2가 규칙 1보다 우선합니다. `tensor([1., 2000.])`은 `tensor([1.0000e+00, 2.0000e+03])`으로 출력됩니다.)
# 확인 셀은 여러분의 답을 minigrad가 실제로 출력하는 결과와 비교합니다.
#
# *힌트:* `np.isfinite`, `np.abs`를 쓰고, 정수 값인지는 `v == np.floor(v)`로 확인하세요.

# %%
def print_mode(values):
    ### BEGIN SOLUTION
    v = np.abs(np.asarray(values, dtype=np.float32).astype(np.float64))
    v = v[np.isfinite(v) & (v != 0)]
    if v.size == 0:
        return "integer"
    largest, smallest = v.max(), v.min()
    if largest / smallest > 1000 or largest > 1e8 or smallest < 1e-4:
        return "scientific"
    if np.all(v == np.floor(v)):
        return "integer"
    return "fixed"
    ### END SOLUTION


# %% exercise="01.4" points=2
import re

from minigrad_course.checks import expect_equal, passed


def printed_mode(values):
    """Read the mode off minigrad's own printout."""
    text = repr(torch.tensor(values))
    if re.search(r"\de[+-]\d", text):
        return "scientific"
    if re.search(r"\.\d", text):
        return "fixed"
    return "integer"


cases = [[1., 2., 3.], [1.5, 2.25], [0.1, 1.0, 0.0001], [1., 2000.], [-3., 5.], [0.5, 0.], [0., 0.],
         [float("nan"), 1.5], [float("inf"), 2.], [3e8, 1e8], [0.00011, 0.1], [0.002, 1.5], [-12., 0.25],
         # on and near each threshold, and values that test one rule alone
         [1., 1000.], [1., 1000.5], [1., 999.5], [1500., 1600.5], [1e8, 2.5e7], [1.5e8, 1e8], [5e-5, 2e-4],
         [100000002., 1e6]]
def rule_hint(values):
    v = np.abs(np.array(values, dtype=np.float64))
    if not np.all(np.isfinite(v)):
        return ("leave out nan and inf before applying the rules.", "규칙을 적용하기 전에 nan과 inf를 빼세요.")
    if np.any(v == 0):
        return ("leave out zeros before applying the rules.", "규칙을 적용하기 전에 0을 빼세요.")
    if np.any(v.astype(np.float32) != v):
        return ("the tensor holds float32 values: apply the rules to the values rounded to float32.",
                "텐서는 float32 값을 담습니다. float32로 반올림한 값에 규칙을 적용하세요.")
    if v.max() / v.min() == 1000 or v.max() == 1e8:
        return ("on a threshold: the rules say more than 1000 and more than 1e8, not 'at least'.",
                "경계값입니다. 규칙은 '이상'이 아니라 1000보다 큰 경우, 1e8보다 큰 경우입니다.")
    if np.all(v == np.floor(v)):
        return ("whole numbers, but rule 2 is checked first and wins over rule 1.",
                "정수 값들이지만 규칙 2를 먼저 보며, 규칙 2가 규칙 1보다 우선합니다.")
    return ("compare largest / smallest with 1000, largest with 1e8 and smallest with 1e-4.",
            "가장 큰 값 / 가장 작은 값을 1000과, 가장 큰 값을 1e8과, 가장 작은 값을 1e-4와 비교하세요.")


for values in cases:
    expect_equal(print_mode(values), printed_mode(values), what=f"print_mode({values})", hint=rule_hint(values))
passed("01.4")

# %% [markdown]
# ## Done · 끝
#
# All four checks pass? Then you know what a tensor carries and how it behaves. Lesson 02 shows what
# `grad_fn` is and how operations build a graph.
#
# 네 확인 셀이 모두 통과했나요? 그렇다면 텐서가 무엇을 담고 어떻게 동작하는지 이해한 것입니다. 02강에서는
# `grad_fn`이 무엇이고 연산들이 어떻게 그래프를 만드는지 살펴봅니다.
