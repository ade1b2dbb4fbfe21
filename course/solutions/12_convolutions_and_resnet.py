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
# # Exercises 12 · Convolutions and ResNet-18 · 연습 문제 12 · 합성곱과 ResNet-18
#
# Five exercises on lesson 12: output sizes with dilated kernels, a convolution written with loops, the backward of one
# max-pooling window, freezing a model except its last layer, and counting a convolution's
# parameters. Write your code where a cell says `NotImplementedError`, then run the check cell
# below it.
#
# 12강 내용으로 연습 문제(exercise) 다섯 개를 풉니다. 팽창(dilation)한 커널의 출력 크기, 반복문으로 쓴 합성곱(convolution), 최대 풀링(pooling) 창
# 하나의 역전파(backward pass), 마지막 계층(layer)만 빼고 모델 고정하기, 합성곱의 매개변수(parameter) 세기입니다.
# `NotImplementedError`가 있는 셀에 코드를 작성하고 바로 아래의 확인(check) 셀을 실행하세요.

# %%
import numpy as np

import minigrad as torch
import minigrad.nn.functional as F
from minigrad import nn

_ = torch.manual_seed(0)

# %% [markdown]
# ## Exercise 12.1 · Output size with a dilated kernel · 연습 문제 12.1 · 팽창한 커널의 출력 크기
#
# PyTorch's `nn.Conv2d` also takes `dilation`: the kernel's taps are `dilation` pixels apart, so a
# 3×3 kernel with `dilation=2` reads a 5×5 area (with holes) and sees farther for the same number of
# weights. Write `conv_output_size(n, kernel, stride=1, padding=0, dilation=1)`: the number of output
# pixels along one side, for an input with `n` pixels on that side.
#
# *Hint:* first the span of the dilated kernel, `dilation * (kernel - 1) + 1` pixels; then the lesson's
# formula with that span in place of `kernel`.
#
# PyTorch의 `nn.Conv2d`는 `dilation`도 받습니다. 커널의 탭(tap)이 `dilation` 픽셀씩 떨어져 있어서, `dilation=2`인 3×3
# 커널은 (구멍이 난) 5×5 영역을 읽고, 같은 가중치 수로 더 멀리 봅니다. 한 변에 픽셀이 `n`개인 입력에 대해 그 변을 따라
# 나오는 출력 픽셀 수를 돌려주는 `conv_output_size(n, kernel, stride=1, padding=0, dilation=1)`를 작성하세요.
#
# *힌트:* 먼저 팽창한 커널이 덮는 폭 `dilation * (kernel - 1) + 1`픽셀을 구하고, 강의의 공식에서 `kernel` 자리에 그 폭을
# 넣으세요.

# %%
def conv_output_size(n, kernel, stride=1, padding=0, dilation=1):
    """Output pixels along one side of a convolution (or pooling) with a dilated kernel."""
    ### BEGIN SOLUTION
    span = dilation * (kernel - 1) + 1
    return (n + 2 * padding - span) // stride + 1
    ### END SOLUTION

# %% exercise="12.1" points=2
from minigrad_course.checks import expect_equal, passed

span = ("a dilated kernel spans dilation * (kernel - 1) + 1 pixels: use that span in the lesson's formula.",
        "팽창한 커널은 dilation * (kernel - 1) + 1픽셀을 덮습니다. 강의의 공식에 그 폭을 넣으세요.")
formula = ("(n + 2 * padding - span) // stride + 1: padding on both sides, and + 1 for the first position.",
           "(n + 2 * padding - span) // stride + 1입니다. 패딩은 양쪽에 있고, 첫 위치 때문에 + 1을 합니다.")
# worked out by hand
expect_equal(conv_output_size(5, 3), 3, what="n=5, k=3", hint=formula)
expect_equal(conv_output_size(5, 3, padding=1), 5, what="n=5, k=3, p=1", hint=formula)
expect_equal(conv_output_size(224, 7, stride=2, padding=3), 112, what=("ResNet conv1 on 224 pixels", "224픽셀에서 ResNet의 conv1"),
             hint=formula)
expect_equal(conv_output_size(7, 3, dilation=2), 3, what=("n=7, k=3, d=2 (the kernel spans 5 pixels)", "n=7, k=3, d=2 (커널이 5픽셀을 덮습니다)"), hint=span)
expect_equal(conv_output_size(10, 3, stride=2, padding=2, dilation=2), 5, what="n=10, k=3, s=2, p=2, d=2", hint=span)
# a dilated kernel is a bigger kernel with holes: the same output size as minigrad's conv2d with the
# span-sized kernel
for n, k, s, p, d in [(8, 3, 1, 1, 1), (9, 3, 2, 0, 1), (11, 4, 3, 1, 1), (12, 3, 1, 2, 2), (16, 3, 2, 1, 3),
                      (20, 2, 1, 0, 4)]:
    width = d * (k - 1) + 1
    conv_side = F.conv2d(torch.zeros(1, 1, n, n), torch.zeros(1, 1, width, width), stride=s, padding=p).shape[2]
    expect_equal(conv_output_size(n, k, s, p, d), conv_side, what=(f"conv n={n}, k={k}, s={s}, p={p}, d={d}", f"합성곱 n={n}, k={k}, s={s}, p={p}, d={d}"),
                 hint=span if d > 1 else formula)
pool_side = nn.MaxPool2d(3, stride=2, padding=1)(torch.zeros(1, 1, 16, 16)).shape[2]
expect_equal(conv_output_size(16, 3, 2, 1), pool_side, what=("max pool n=16, k=3, s=2, p=1", "최대 풀링 n=16, k=3, s=2, p=1"), hint=formula)
### BEGIN HIDDEN TESTS
expect_equal(conv_output_size(32, 3, stride=1, padding=4, dilation=4), 32, what="n=32, k=3, p=4, d=4", hint=span)
expect_equal(conv_output_size(15, 5, stride=3, padding=0, dilation=2), 3, what="n=15, k=5, s=3, d=2", hint=span)
### END HIDDEN TESTS
passed("12.1")

# %% [markdown]
# ## Exercise 12.2 · A convolution with loops · 연습 문제 12.2 · 반복문으로 쓴 합성곱
#
# Write `conv2d_naive(x, w, b, stride, padding)` in NumPy: `x` has shape `(N, C, H, W)`, `w` has
# shape `(O, C, k, k)`, `b` has shape `(O,)`. Output `y` of shape `(N, O, OH, OW)` with
#
# $$y[n, o, i, j] = b[o] + \sum_{c, u, v} w[o, c, u, v]\; x_{\text{padded}}[n, c,\; i \cdot s + u,\; j \cdot s + v]$$
#
# The check compares it with minigrad's `F.conv2d` (im2col) on several sizes.
#
# *Hint:* `np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))` pads with zeros. Loop over `i` and `j`; for
# each, the patch `xp[:, :, i*s:i*s+k, j*s:j*s+k]` has shape `(N, C, k, k)`, and
# `np.einsum("nchw,ochw->no", patch, w)` multiplies it with every filter at once.
#
# NumPy로 `conv2d_naive(x, w, b, stride, padding)`를 작성하세요. `x`는 `(N, C, H, W)`, `w`는 `(O, C, k, k)`, `b`는
# `(O,)` 모양(shape)입니다. 출력 `y`의 모양은 `(N, O, OH, OW)`이고 값은 위 식과 같습니다. 확인 셀은 여러 크기에서 minigrad의
# `F.conv2d`(im2col)와 비교합니다.
#
# *힌트:* `np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))`는 0으로 패딩합니다. `i`와 `j`에 대해 반복하세요. 각 위치에서 조각
# `xp[:, :, i*s:i*s+k, j*s:j*s+k]`는 `(N, C, k, k)` 모양이고, `np.einsum("nchw,ochw->no", patch, w)`는 이 조각을 모든
# 필터와 한 번에 곱합니다.

# %%
def conv2d_naive(x, w, b, stride=1, padding=0):
    """A 2-D convolution of NumPy arrays, written with loops over the output pixels."""
    ### BEGIN SOLUTION
    n, c, h, width = x.shape
    o, _, k, _ = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    oh = (h + 2 * padding - k) // stride + 1
    ow = (width + 2 * padding - k) // stride + 1
    y = np.zeros((n, o, oh, ow), dtype=x.dtype)
    for i in range(oh):
        for j in range(ow):
            patch = xp[:, :, i * stride:i * stride + k, j * stride:j * stride + k]
            y[:, :, i, j] = np.einsum("nchw,ochw->no", patch, w) + b
    return y
    ### END SOLUTION

# %% exercise="12.2" points=3
from minigrad_course.checks import expect_close, passed

# by hand: a 1-channel 4x4 image of ones, a 2x2 filter of ones, bias 0.5, padding 1, stride 2
windows = ("each output pixel (i, j) reads xp[:, :, i*s:i*s+k, j*s:j*s+k] of the padded input, OH = (H + 2p - k) // s + 1.",
           "출력 픽셀 (i, j)는 패딩한 입력의 xp[:, :, i*s:i*s+k, j*s:j*s+k]를 읽고, OH = (H + 2p - k) // s + 1입니다.")
by_hand = conv2d_naive(np.ones((1, 1, 4, 4)), np.ones((1, 1, 2, 2)), np.array([0.5]), stride=2, padding=1)
expect_close(by_hand, np.array([[[[1.5, 2.5, 1.5], [2.5, 4.5, 2.5], [1.5, 2.5, 1.5]]]]),
             what=("ones, k=2, s=2, p=1", "모두 1, k=2, s=2, p=1"),
             mistakes=[(np.array([[[[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]]]]),
                        ("the bias is missing: add b[o] to every pixel of output channel o.",
                         "편향이 빠졌습니다. 출력 채널 o의 모든 픽셀에 b[o]를 더하세요."))],
             hint=windows)

rng = np.random.default_rng(12)
for n, c, o, h, k, s, p in [(1, 1, 1, 5, 3, 1, 0), (2, 3, 4, 6, 3, 1, 1), (2, 2, 3, 7, 3, 2, 1), (1, 3, 2, 8, 5, 3, 2)]:
    x = rng.standard_normal((n, c, h, h))
    w = rng.standard_normal((o, c, k, k))
    b = rng.standard_normal(o)
    expected = F.conv2d(torch.tensor(x), torch.tensor(w), torch.tensor(b), stride=s, padding=p)
    expect_close(conv2d_naive(x, w, b, stride=s, padding=p), expected,
                 what=(f"conv2d_naive for x {x.shape}, w {w.shape}, stride {s}, padding {p}",
                       f"x {x.shape}, w {w.shape}, stride {s}, padding {p}일 때 conv2d_naive"), hint=windows)
passed("12.2")

# %% [markdown]
# ## Exercise 12.3 · The backward of one max-pool window · 연습 문제 12.3 · 최대 풀링 창 하나의 역전파
#
# One window of a max pool produces `out = window.max()`. Write `maxpool_window_backward(window,
# grad)`: given the window (a 2-D NumPy array) and the gradient `grad` (a number) that arrived at
# `out`, return the gradient of every pixel of the window, an array of the window's shape. Follow
# PyTorch on a tie: only the **first** maximum (in row-major order) gets the gradient.
#
# *Hint:* `np.argmax` on the flattened window returns the first maximum; `np.unravel_index` turns it
# back into a row and a column.
#
# 최대 풀링의 창 하나는 `out = window.max()`를 만듭니다. `maxpool_window_backward(window, grad)`를 작성하세요. 창(2차원
# NumPy 배열)과 `out`에 도착한 변화도(gradient) `grad`(수 하나)를 받아, 창의 모든 픽셀의 변화도를 창과 같은 모양의 배열로
# 돌려줍니다. 동점이면 PyTorch처럼 (행 우선 순서로) **첫 번째** 최댓값만 변화도를 받습니다.
#
# *힌트:* 펼친 창에 `np.argmax`를 쓰면 첫 번째 최댓값의 위치가 나오고, `np.unravel_index`가 그것을 행과 열로 되돌립니다.

# %%
def maxpool_window_backward(window, grad):
    """Gradient of every pixel of one max-pool window, given the gradient of its output."""
    ### BEGIN SOLUTION
    result = np.zeros_like(window, dtype=float)
    result[np.unravel_index(np.argmax(window), window.shape)] = grad
    return result
    ### END SOLUTION

# %% exercise="12.3" points=2
from minigrad_course.checks import expect_close, passed

winner = ("the whole gradient goes to the maximum: grad itself, not 1.", "변화도 전체가 최댓값으로 갑니다. 1이 아니라 grad 자체입니다.")
first = ("on a tie only the first maximum in row-major order gets the gradient: np.argmax returns it.",
         "같은 값이 여럿이면 행 우선 순서로 첫 번째 최댓값만 변화도를 받습니다. np.argmax가 그 위치를 줍니다.")
expect_close(maxpool_window_backward(np.array([[1.0, 7.0], [3.0, 2.0]]), 5.0),
             np.array([[0.0, 5.0], [0.0, 0.0]]), what=("window [[1, 7], [3, 2]], grad 5", "창 [[1, 7], [3, 2]], grad 5"),
             mistakes=[(np.array([[0.0, 1.0], [0.0, 0.0]]), winner)], hint=winner)
expect_close(maxpool_window_backward(np.array([[2.0, 0.0], [2.0, -1.0]]), -3.0),
             np.array([[-3.0, 0.0], [0.0, 0.0]]), what=("a tie: window [[2, 0], [2, -1]], grad -3", "동점: 창 [[2, 0], [2, -1]], grad -3"),
             hint=first)
expect_close(maxpool_window_backward(np.array([[-4.0, -2.0, -9.0], [-2.0, -3.0, -5.0], [-8.0, -7.0, -6.0]]), 1.5),
             np.array([[0.0, 1.5, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]), what=("a 3x3 window with a tie", "동점이 있는 3x3 창"),
             hint=first)
# against minigrad's MaxPool2d on random windows
rng = np.random.default_rng(3)
for _ in range(5):
    window = rng.integers(0, 4, size=(3, 3)).astype(np.float64)  # small integers: ties happen
    x = torch.tensor(window.reshape(1, 1, 3, 3), requires_grad=True)
    nn.MaxPool2d(3)(x).backward(torch.tensor([[[[2.5]]]], dtype=torch.float64))
    expect_close(maxpool_window_backward(window, 2.5), x.grad[0, 0], what=(f"window {window.tolist()}", f"창 {window.tolist()}"),
                 hint=first)
passed("12.3")

# %% [markdown]
# ## Exercise 12.4 · Freeze all but the last layer · 연습 문제 12.4 · 마지막 계층만 빼고 고정하기
#
# Write `freeze_all_but_last(model)` for an `nn.Sequential`: set `requires_grad = False` on every
# parameter, then `True` on the parameters of the **last** module that has parameters (not
# necessarily the last module: a `ReLU` has none). Return the list of the parameters left
# trainable, ready for an optimizer.
#
# *Hint:* `list(model.children())` gives the modules in order; walk it backwards and stop at the
# first one whose `list(m.parameters())` is not empty.
#
# `nn.Sequential`에 쓰는 `freeze_all_but_last(model)`를 작성하세요. 모든 매개변수에 `requires_grad = False`를 한 다음,
# 매개변수가 있는 모듈 중 **마지막** 모듈의 매개변수에는 `True`를 합니다(꼭 마지막 모듈은 아닙니다. `ReLU`에는 매개변수가
# 없습니다). 학습할 수 있게 남은 매개변수의 리스트를 옵티마이저(optimizer)에 넘길 수 있도록 돌려주세요.
#
# *힌트:* `list(model.children())`는 모듈을 순서대로 줍니다. 뒤에서부터 돌면서 `list(m.parameters())`가 비어 있지 않은 첫
# 모듈에서 멈추세요.

# %%
def freeze_all_but_last(model):
    """Freeze every parameter except those of the last module that has parameters; return those."""
    ### BEGIN SOLUTION
    for p in model.parameters():
        p.requires_grad = False
    for module in reversed(list(model.children())):
        params = list(module.parameters())
        if params:
            for p in params:
                p.requires_grad = True
            return params
    return []
    ### END SOLUTION

# %% exercise="12.4" points=2
from minigrad_course.checks import expect_close, expect_equal, expect_true, passed

_ = torch.manual_seed(1)
cnn = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(),
                    nn.Linear(4 * 5 * 5, 3), nn.ReLU())
trainable = freeze_all_but_last(cnn)
last = ("the last module is a ReLU, which has no parameters: walk backwards to the last module that has some "
        "(cnn[4], the Linear).",
        "마지막 모듈은 매개변수가 없는 ReLU입니다. 뒤에서부터 매개변수가 있는 마지막 모듈(cnn[4], Linear)까지 가세요.")
expect_equal(type(trainable).__name__, "list", what=("type of the returned value", "돌려준 값의 타입"),
             hint=("return the list of the parameters, list(module.parameters()), not the module.",
                   "모듈이 아니라 매개변수의 리스트 list(module.parameters())를 돌려주세요."))
expect_equal(len(trainable), 2, what=("number of trainable tensors", "학습할 수 있는 텐서의 수"), hint=last)
expect_true(trainable[0] is cnn[4].weight and trainable[1] is cnn[4].bias,
            what=("the trainable tensors are cnn[4]'s", "학습할 수 있는 텐서가 cnn[4]의 것이다"), hint=last)
expect_equal([name for name, p in cnn.named_parameters() if p.requires_grad], ["4.weight", "4.bias"],
             what=("parameters with requires_grad=True", "requires_grad=True인 매개변수"),
             hint=("first set requires_grad = False on every parameter of the model.",
                   "먼저 모델의 모든 매개변수에 requires_grad = False를 하세요."))

x = torch.rand(2, 1, 5, 5)
optimizer = torch.optim.SGD(trainable, lr=0.1)
before = {name: p.detach().numpy().copy() for name, p in cnn.named_parameters()}
out = cnn(x)
out.sum().backward()
expect_equal([name for name, p in cnn.named_parameters() if p.grad is not None], ["4.weight", "4.bias"],
             what=("parameters that received a gradient", "변화도를 받은 매개변수"))
# d sum(relu(z)) / d bias = 1 where z > 0, summed over the batch: computed from the output itself
expect_close(cnn[4].bias.grad, (out.detach().numpy() > 0).sum(axis=0).astype(np.float32), what="cnn[4].bias.grad")
optimizer.step()
changed = [name for name, p in cnn.named_parameters() if not np.array_equal(p.detach().numpy(), before[name])]
expect_true(set(changed) <= {"4.weight", "4.bias"}, what=("only the last layer changed", "마지막 계층만 바뀌었다"))
# a model without parameters leaves none trainable: an empty list, still ready for a loop or an optimizer
expect_equal(freeze_all_but_last(nn.Sequential(nn.ReLU(), nn.Flatten())), [],
             what="freeze_all_but_last(nn.Sequential(nn.ReLU(), nn.Flatten()))",
             hint=("when no module has parameters, return an empty list, not None.",
                   "매개변수가 있는 모듈이 없으면 None이 아니라 빈 리스트를 돌려주세요."))
passed("12.4")

# %% [markdown]
# ## Exercise 12.5 · Parameters of a convolution · 연습 문제 12.5 · 합성곱의 매개변수
#
# Write `conv_parameter_count(in_channels, out_channels, kernel_size, bias=True)`: how many numbers
# an `nn.Conv2d` with a square kernel learns. Then, with your function, make
# `resnet18_conv_parameters()` return the parameters of ResNet-18's **first** convolution,
# `Conv2d(3, 64, kernel_size=7, bias=False)`, and of one `Conv2d(256, 512, kernel_size=3,
# bias=False)` of its last stage, as a pair.
#
# *Hint:* one filter per output channel, each of shape `(in_channels, k, k)`; one bias per output
# channel. The size of the image does not appear.
#
# `conv_parameter_count(in_channels, out_channels, kernel_size, bias=True)`를 작성하세요. 정사각형 커널을 쓰는
# `nn.Conv2d`가 학습하는 수의 개수입니다. 그다음 여러분의 함수로 `resnet18_conv_parameters()`가 ResNet-18의 **첫**
# 합성곱 `Conv2d(3, 64, kernel_size=7, bias=False)`와 마지막 단계의 `Conv2d(256, 512, kernel_size=3, bias=False)` 하나의
# 매개변수 수를 쌍으로 돌려주게 하세요.
#
# *힌트:* 출력 채널마다 `(in_channels, k, k)` 모양의 필터가 하나 있고, 편향(bias)도 출력 채널마다 하나입니다. 이미지 크기는
# 나오지 않습니다.

# %%
def conv_parameter_count(in_channels, out_channels, kernel_size, bias=True):
    """Parameters of nn.Conv2d(in_channels, out_channels, kernel_size, bias=bias)."""
    ### BEGIN SOLUTION
    return out_channels * in_channels * kernel_size * kernel_size + (out_channels if bias else 0)
    ### END SOLUTION


def resnet18_conv_parameters():
    """(parameters of ResNet-18's conv1, parameters of a Conv2d(256, 512, 3, bias=False))"""
    ### BEGIN SOLUTION
    return conv_parameter_count(3, 64, 7, bias=False), conv_parameter_count(256, 512, 3, bias=False)
    ### END SOLUTION

# %% exercise="12.5" points=1
from minigrad_course.checks import expect_equal, passed

def count_hints(i, o, k, bias):
    return [(o * k * k + (o if bias else 0), ("each filter has in_channels × k × k weights: multiply by in_channels too.",
                                              "필터마다 가중치가 in_channels × k × k개입니다. in_channels도 곱하세요.")),
            (o * i * k * k + o, ("bias=False: no bias at all.", "bias=False이면 편향이 전혀 없습니다.")),
            (o * i * k * k + i, ("one bias per output channel, not per input channel.", "편향은 입력 채널이 아니라 출력 채널마다 하나입니다."))]


filters = ("out_channels filters of shape (in_channels, k, k), plus out_channels biases when bias=True.",
           "모양이 (in_channels, k, k)인 필터가 out_channels개, bias=True이면 편향이 out_channels개 더 있습니다.")
expect_equal(conv_parameter_count(1, 8, 3), 80, what="Conv2d(1, 8, 3)", mistakes=count_hints(1, 8, 3, True), hint=filters)
expect_equal(conv_parameter_count(3, 16, 3, bias=False), 432, what="Conv2d(3, 16, 3, bias=False)",
             mistakes=count_hints(3, 16, 3, False), hint=filters)
for args in [(2, 5, 1, True), (4, 6, 5, True), (7, 3, 2, False)]:
    layer = nn.Conv2d(args[0], args[1], args[2], bias=args[3])
    expect_equal(conv_parameter_count(*args), sum(p.numel() for p in layer.parameters()),
                 what=f"Conv2d{args}", mistakes=count_hints(*args), hint=filters)
model = torch.models.resnet18()
expect_equal(resnet18_conv_parameters(),
             (model.conv1.weight.numel(), model.layer4[0].conv1.weight.numel()),
             what=("(conv1, layer4.0.conv1) of ResNet-18", "ResNet-18의 (conv1, layer4.0.conv1)"),
             hint=("both convolutions have bias=False.", "두 합성곱 모두 bias=False입니다."))
### BEGIN HIDDEN TESTS
expect_equal(conv_parameter_count(64, 128, 1, bias=False), 8192, what="Conv2d(64, 128, 1, bias=False)",
             mistakes=count_hints(64, 128, 1, False), hint=filters)
expect_equal(conv_parameter_count(5, 2, 4), 162, what="Conv2d(5, 2, 4)", mistakes=count_hints(5, 2, 4, True), hint=filters)
### END HIDDEN TESTS
passed("12.5")

# %% [markdown]
# ## Done · 끝
#
# You computed output sizes with dilated kernels, wrote a convolution with loops that agrees with
# im2col, sent a max pool's gradient to its winner, froze a model for fine-tuning and counted a
# convolution's parameters. That completes the course: you have built every idea the engine under
# these layers rests on, and read how minigrad puts them together.
#
# 팽창한 커널의 출력 크기를 계산하고, im2col과 같은 답을 내는 합성곱을 반복문으로 쓰고, 최대 풀링의 변화도를 이긴
# 픽셀로 보내고, 미세 조정(fine-tuning)을 위해 모델을 고정하고, 합성곱의 매개변수를 세었습니다. 이것으로 강의를
# 마칩니다. 이 계층들 밑에 있는 엔진이 기대는 생각을 모두 직접 만들어 보았고, minigrad가 그것들을 어떻게 엮는지도 읽어
# 보았습니다.
