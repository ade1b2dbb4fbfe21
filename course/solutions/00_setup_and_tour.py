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
# # Exercises 00 · Warm-up · 연습 문제 00 · 몸풀기
#
# Three short exercises to get used to how exercise notebooks work. In each, replace the line
# `raise NotImplementedError(...)` with your code, then run the check cell below it. A correct answer
# prints `✅ 00.k passed · 통과`; a wrong one raises an error that says, in English and Korean, what
# was expected. Run the cells from the top.
#
# 연습 문제 노트북에 익숙해지기 위한 짧은 문제 세 개입니다. 각 문제에서 `raise NotImplementedError(...)` 줄을
# 여러분의 코드로 바꾸고, 바로 아래의 확인 셀을 실행하세요. 답이 맞으면 `✅ 00.k passed · 통과`가 출력되고,
# 틀리면 무엇을 기대했는지 영어와 한국어로 알려 주는 오류가 납니다. 셀은 위에서부터 차례로 실행하세요.

# %%
import minigrad as torch

torch.manual_seed(0)
print("minigrad is ready · minigrad 준비 완료")

# %% [markdown]
# ## Exercise 00.1 · Your first gradient · 연습 문제 00.1 · 첫 번째 변화도
#
# Write `gradient_at(value)` that uses minigrad to compute the derivative of f(x) = x² + 3x at
# `x = value`: create `x` as a tensor that requires grad, compute `f`, call `backward()`, and return
# `x.grad`.
#
# *Hint:* `x = torch.tensor(value, requires_grad=True)`, then `f = x ** 2 + 3 * x`.
#
# minigrad로 f(x) = x² + 3x의 `x = value`에서의 미분값을 계산하는 `gradient_at(value)`를 작성하세요. 변화도를
# 요구하는 텐서 `x`를 만들고, `f`를 계산하고, `backward()`를 호출한 뒤 `x.grad`를 돌려주면 됩니다.
#
# *힌트:* `x = torch.tensor(value, requires_grad=True)`로 만들고 `f = x ** 2 + 3 * x`를 계산하세요.

# %%
def gradient_at(value):
    ### BEGIN SOLUTION
    x = torch.tensor(value, requires_grad=True)
    f = x ** 2 + 3 * x
    f.backward()
    return x.grad
    ### END SOLUTION


# %% exercise="00.1" points=1
from minigrad_course.checks import expect_close, expect_true, passed

for value in [2.0, -1.5, 0.0, 10.0]:
    result = gradient_at(value)
    expect_true(isinstance(result, torch.Tensor),
                what=(f"gradient_at({value}) returns a tensor", f"gradient_at({value})이 텐서를 돌려준다"),
                hint=("return x.grad itself (a tensor), not a number such as x.grad.item().",
                      "x.grad.item() 같은 수가 아니라 텐서인 x.grad 자체를 돌려주세요."))
    expect_close(result, 2 * value + 3, what=f"gradient_at({value})",   # f'(x) = 2x + 3, by hand
                 mistakes=[(value ** 2 + 3 * value,
                            ("that is f(x) itself: call f.backward(), then return x.grad.",
                             "f(x)의 값 자체입니다. f.backward()를 부른 다음 x.grad를 돌려주세요.")),
                           (2 * value,
                            ("that is the derivative of x² alone: f(x) = x² + 3x also has the term 3x.",
                             "x²만의 미분입니다. f(x) = x² + 3x에는 3x 항도 있습니다."))])
passed("00.1")

# %% [markdown]
# ## Exercise 00.2 · Predict the output · 연습 문제 00.2 · 출력 예측하기
#
# Read this example from the PyTorch autograd tutorial **without running it**:
#
# PyTorch autograd 튜토리얼의 이 예제를 **실행하지 말고** 읽어 보세요.
#
# ```python
# x = torch.ones(3, 3, requires_grad=True)
# y = x + 5
# z = y * y
# out = z.mean()
# out.backward()
# ```
#
# Return two numbers from `predict()`: the value of `out`, and the value of every entry of `x.grad`
# (they are all equal). Work them out by hand; the check runs the code and compares (to 4 decimals).
#
# *Hint:* out is the mean of 9 equal numbers (1 + 5)². Each xᵢ appears in one of them:
# ∂out/∂xᵢ = (1/9) · 2(xᵢ + 5).
#
# `predict()`에서 두 수를 돌려주세요. `out`의 값과, `x.grad`의 각 원소의 값(모두 같습니다)입니다. 손으로
# 계산해 보세요. 확인 셀이 코드를 실행해서 소수점 아래 네 자리까지 비교합니다.
#
# *힌트:* out은 똑같은 수 (1 + 5)² 아홉 개의 평균입니다. 각 xᵢ는 그중 하나에만 들어 있으므로
# ∂out/∂xᵢ = (1/9) · 2(xᵢ + 5)입니다.

# %%
def predict():
    ### BEGIN SOLUTION
    out_value = 36.0
    grad_entry = 2 * 6 / 9
    ### END SOLUTION
    return out_value, grad_entry


# %% exercise="00.2" points=1
from minigrad_course.checks import expect_close, passed

out_value, grad_entry = predict()
x = torch.ones(3, 3, requires_grad=True)
y = x + 5
z = y * y
out = z.mean()
out.backward()
expect_close(out_value, out.item(), atol=1e-4, what=("your value of out", "여러분이 구한 out의 값"),
             mistakes=[(324.0, ("that is the sum of the 9 numbers; mean() divides it by 9.",
                                "숫자 9개의 합입니다. mean()은 합을 9로 나눕니다.")),
                       (6.0, ("that is y = x + 5; z = y * y squares it before the mean.",
                              "y = x + 5의 값입니다. 평균을 내기 전에 z = y * y가 제곱합니다."))])
expect_close(grad_entry, x.grad[0, 0].item(), atol=1e-4,
             what=("your value of each entry of x.grad", "여러분이 구한 x.grad 각 원소의 값"),
             mistakes=[(12.0, ("that is d(y*y)/dx = 2(x + 5); the mean also divides by 9.",
                               "d(y*y)/dx = 2(x + 5)까지만 구했습니다. 평균이 9로도 나눕니다.")),
                       (2 / 9, ("you left out the factor 2(x + 5) = 12 of the square.",
                                "제곱에서 나오는 인수 2(x + 5) = 12를 빠뜨렸습니다."))])
passed("00.2")

# %% [markdown]
# ## Exercise 00.3 · Evaluate without a graph · 연습 문제 00.3 · 그래프 없이 평가하기
#
# `w` is a parameter that requires grad. Write `evaluate(w, inputs)` that returns `(w * inputs).sum()`
# **without recording a graph**: the result must not require grad and must have no `grad_fn`. `w`
# itself must still require grad afterwards.
#
# *Hint:* compute inside `with torch.no_grad():`.
#
# `w`는 변화도를 요구하는 매개변수(parameter)입니다. `(w * inputs).sum()`을 **그래프를 기록하지 않고** 돌려주는
# `evaluate(w, inputs)`를 작성하세요. 결과는 변화도를 요구하지 않아야 하고 `grad_fn`도 없어야 합니다. 그 뒤에도
# `w` 자신은 여전히 변화도를 요구해야 합니다.
#
# *힌트:* `with torch.no_grad():` 블록 안에서 계산하세요.

# %%
def evaluate(w, inputs):
    ### BEGIN SOLUTION
    with torch.no_grad():
        return (w * inputs).sum()
    ### END SOLUTION


# %% exercise="00.3" points=1
from minigrad_course.checks import expect_close, expect_equal, passed

w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
inputs = torch.tensor([3.0, 1.0, 4.0])
result = evaluate(w, inputs)
expect_close(result.detach(), 3.0, what="evaluate(w, inputs)")   # 1*3 - 2*1 + 0.5*4 = 3
no_graph = ("compute the sum inside `with torch.no_grad():`.", "`with torch.no_grad():` 블록 안에서 합을 계산하세요.")
expect_equal(result.requires_grad, False, what="result.requires_grad", hint=no_graph)
expect_equal(result.grad_fn is None, True, what="result.grad_fn is None", hint=no_graph)
expect_equal(w.requires_grad, True, what=("w.requires_grad after evaluate", "evaluate 뒤의 w.requires_grad"),
             hint=("leave w alone: switching off its requires_grad would stop it from learning; use no_grad.",
                   "w는 그대로 두세요. requires_grad를 끄면 w가 더는 학습되지 않습니다. no_grad를 쓰세요."))
expect_equal(torch.is_grad_enabled(), True, what=("grad mode after evaluate", "evaluate 뒤의 변화도 모드"),
             hint=("torch.set_grad_enabled(False) stays off for every later cell: a `with torch.no_grad():` "
                   "block switches grad mode back on when it ends.",
                   "torch.set_grad_enabled(False)는 뒤의 모든 셀에서도 꺼진 채로 남습니다. "
                   "`with torch.no_grad():` 블록은 끝날 때 변화도 모드를 다시 켭니다."))
passed("00.3")

# %% [markdown]
# ## Done · 끝
#
# That is how every exercise notebook works. On to lesson 01: tensors.
#
# 모든 연습 문제 노트북이 이런 식으로 진행됩니다. 이제 01강, 텐서로 넘어가세요.
