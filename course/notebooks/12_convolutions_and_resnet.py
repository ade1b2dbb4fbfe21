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
# # 12 · Convolutions and ResNet-18 · 합성곱과 ResNet-18
#
# A `Linear` layer connects every input pixel to every output: it does not know that pixels have
# neighbors, and a digit moved by one pixel looks like a brand-new input to it. A **convolution**
# slides one small filter over the whole image instead: the same few weights look at every
# neighborhood, so a stroke is recognized wherever it is. Stacked with pooling and batch
# normalization, convolutions make the networks that classify images, ResNet-18 among them.
#
# This lesson:
#
# 1. writes a convolution as a **sliding dot product** with loops, then as **im2col + one matrix
#    product**, the way minigrad computes it, with padding, stride and the output-size formula;
# 2. derives its **backward pass** (col2im: gradients add up where windows overlap) and checks it
#    with `gradcheck`; then `MaxPool2d` and `BatchNorm2d`;
# 3. trains a small CNN on the 8x8 digits, builds **ResNet-18** (11,689,512 parameters) and runs the
#    training step of the PyTorch tutorial on it, and ends with **fine-tuning** by freezing.
#
# `Linear` 계층(layer)은 모든 입력 픽셀을 모든 출력에 연결합니다. 픽셀에 이웃이 있다는 것을 모르므로, 한 픽셀만 옮겨진
# 숫자도 완전히 새로운 입력으로 봅니다. **합성곱**(convolution)은 대신 작은 필터 하나를 이미지 전체에 미끄러뜨립니다. 같은
# 가중치(weight) 몇 개가 모든 이웃 영역을 살피므로, 획이 어디에 있든 알아봅니다. 합성곱을 풀링(pooling), 배치 정규화(batch normalization)와 함께
# 쌓으면 이미지를 분류하는 신경망이 되고, ResNet-18도 그중 하나입니다.
#
# 이번 강의에서는
#
# 1. 합성곱을 반복문으로 쓴 **미끄러지는 내적**으로 만든 다음, minigrad가 계산하는 방식인 **im2col + 행렬 곱 한 번**으로
#    다시 만듭니다. 패딩, 스트라이드, 출력 크기 공식도 다룹니다.
# 2. 합성곱의 **역전파**(backward pass)를 유도하고(col2im: 창이 겹치는 곳에서 변화도(gradient)가 더해집니다) `gradcheck`로
#    확인합니다. 이어서 `MaxPool2d`와 `BatchNorm2d`를 봅니다.
# 3. 8x8 숫자 이미지로 작은 CNN을 학습(training)시키고, **ResNet-18**(매개변수(parameter) 11,689,512개)을 만들어 PyTorch
#    튜토리얼의 학습 단계를 실행한 뒤, 매개변수를 고정하는(freeze) **미세 조정**(fine-tuning)으로 마칩니다.

# %%
import importlib
import inspect
import os
import tempfile

import matplotlib.pyplot as plt
import numpy as np

import minigrad as torch  # the same API as PyTorch
import minigrad.nn.functional as F
from minigrad import nn
from minigrad.datasets import load_digits  # PyTorch: torchvision.datasets, or your own files
from minigrad.models import load_weights, resnet18  # PyTorch: torch.load; torchvision.models.resnet18
from minigrad.viz import draw_graph
from minigrad_course.fonts import use_korean_font
from minigrad_course.errors import shows_error

_ = torch.manual_seed(0)
np.set_printoptions(precision=3, suppress=True)

# %% [markdown]
# ## A filter that slides · 미끄러지는 필터
#
# Take a 5x5 image with a bright vertical bar and a 3x3 filter whose left column is $+1$ and right
# column $-1$. Put the filter on a 3x3 patch of the image, multiply the numbers that overlap and add
# them up: that **dot product** is one output pixel. Slide the filter one pixel right and do it again,
# then down, until every position is covered:
#
# $$y[i, j] = \sum_{u=0}^{k-1} \sum_{v=0}^{k-1} w[u, v]\, x[i + u,\, j + v]$$
#
# 밝은 세로 막대가 있는 5x5 이미지와, 왼쪽 열이 $+1$이고 오른쪽 열이 $-1$인 3x3 필터를 생각해 봅시다. 필터를 이미지의 3x3
# 조각 위에 올려놓고 겹치는 수끼리 곱해 모두 더하면, 그 **내적**이 출력 픽셀 하나입니다. 필터를 오른쪽으로 한 픽셀 옮겨
# 다시 하고, 아래로도 옮기며 모든 위치를 채웁니다.

# %%
image = np.zeros((5, 5), dtype=np.float32)
image[:, 2] = 1.0  # a vertical bar in the middle column
kernel = np.array([[1.0, 0.0, -1.0],
                   [1.0, 0.0, -1.0],
                   [1.0, 0.0, -1.0]], dtype=np.float32)


def conv2d_loops(x, w):
    """One channel, one filter, stride 1, no padding: a dot product at every position."""
    k = w.shape[0]
    out_h, out_w = x.shape[0] - k + 1, x.shape[1] - k + 1
    y = np.zeros((out_h, out_w), dtype=x.dtype)
    for i in range(out_h):
        for j in range(out_w):
            y[i, j] = (w * x[i:i + k, j:j + k]).sum()
    return y


print(image)
print(conv2d_loops(image, kernel))

# %% [markdown]
# The output is 3x3: a 3x3 filter fits in 3 positions along each side of a 5x5 image. Its values
# say where the filter found its pattern: $-3$ where the bar is on the filter's right edge, $+3$
# where it is on its left edge, $0$ where the bar sits under the middle column. An edge detector
# in nine numbers; a convolutional network *learns* such numbers.
#
# (Strictly, a mathematician's convolution flips the filter first; what deep learning calls a
# convolution, here and in PyTorch, is this unflipped sliding dot product, a *cross-correlation*.
# Since the filter is learned, the difference does not matter.)
#
# 출력은 3x3입니다. 5x5 이미지의 각 변을 따라 3x3 필터가 들어갈 자리가 3곳이기 때문입니다. 출력 값은 필터가 자기 무늬를
# 어디서 찾았는지 알려 줍니다. 막대가 필터의 오른쪽 끝에 걸리면 $-3$, 왼쪽 끝에 걸리면 $+3$, 가운데 열 아래에 있으면
# $0$입니다. 수 아홉 개로 만든 경계 검출기입니다. 합성곱 신경망은 이런 수를 *학습*합니다.
#
# (엄밀히 말하면 수학의 합성곱은 필터를 먼저 뒤집습니다. 딥러닝에서, 그리고 PyTorch에서 합성곱이라고 부르는 것은 뒤집지
# 않은 이 미끄러지는 내적, 곧 *교차 상관*(cross-correlation)입니다. 필터는 어차피 학습하는 값이라 차이가 없습니다.)

# %% [markdown]
# ## Padding, stride and the output size · 패딩, 스트라이드, 출력 크기
#
# Two options change where the filter goes:
#
# * **padding** $p$ adds $p$ rows and columns of zeros around the image, so the filter can also sit
#   over the border (with $p = (k-1)/2$ the output keeps the input's size);
# * **stride** $s$ moves the filter $s$ pixels at a time instead of 1, which shrinks the output.
#
# The padded image has $n + 2p$ pixels per side; the filter's first position starts at 0 and the
# last must start at most $n + 2p - k$; positions are $s$ apart. So the output has
#
# $$n_{\text{out}} = \left\lfloor \frac{n + 2p - k}{s} \right\rfloor + 1$$
#
# pixels per side. Checked against what minigrad's `F.conv2d` returns:
#
# 필터가 놓이는 위치를 바꾸는 옵션이 두 가지 있습니다.
#
# * **패딩(padding)** $p$는 이미지 둘레에 0으로 된 행과 열을 $p$개씩 덧붙여, 필터가 가장자리 위에도 놓일 수 있게 합니다
#   ($p = (k-1)/2$이면 출력 크기가 입력과 같습니다).
# * **스트라이드(stride)** $s$는 필터를 한 번에 1픽셀이 아니라 $s$픽셀씩 옮기며, 출력이 작아집니다.
#
# 패딩한 이미지의 한 변은 $n + 2p$픽셀이고, 필터의 첫 위치는 0에서 시작하며 마지막 위치는 $n + 2p - k$를 넘을 수 없고,
# 위치 사이 간격은 $s$입니다. 그래서 출력의 한 변은 위 식만큼의 픽셀입니다. minigrad의 `F.conv2d`가 돌려주는 모양(shape)과
# 비교해 봅시다.

# %%
def out_size(n, k, s=1, p=0):
    return (n + 2 * p - k) // s + 1


print(" n  k  s  p   formula   F.conv2d")
for n, k, s, p in [(5, 3, 1, 0), (5, 3, 1, 1), (5, 3, 2, 1), (8, 3, 2, 0), (64, 7, 2, 3), (7, 2, 2, 0)]:
    y = F.conv2d(torch.zeros(1, 1, n, n), torch.zeros(1, 1, k, k), stride=s, padding=p)
    print(f"{n:2d} {k:2d} {s:2d} {p:2d}   {out_size(n, k, s, p):7d}   {tuple(y.shape[2:])}")

# %% [markdown]
# The row `64 7 2 3` is the first layer of ResNet-18 on the 64x64 images we use below: a 7x7 filter,
# stride 2, padding 3 halves the size to 32. The last row shows the floor: with stride 2 a 2-wide
# window fits 3 times in 7 pixels, and the 7th pixel is never read.
#
# `64 7 2 3` 행은 아래에서 쓸 64x64 이미지에 대한 ResNet-18의 첫 계층입니다. 7x7 필터, 스트라이드 2, 패딩 3이면 크기가
# 절반인 32가 됩니다. 마지막 행은 내림(floor)을 보여 줍니다. 스트라이드 2로 폭 2인 창은 7픽셀 안에 3번 들어가고, 7번째
# 픽셀은 한 번도 읽히지 않습니다.

# %% [markdown]
# ## im2col: one matrix product · im2col: 행렬 곱 한 번
#
# The loops do $n_{\text{out}}^2$ small dot products in Python, far too slow for real images. The
# trick used by minigrad (and by many libraries) is to copy every patch the filter visits into one
# **column** of a matrix `cols`. Then every output pixel is a row of weights times a column, so
# all of them together are one matrix product, which NumPy hands to fast BLAS code. For our image
# the 9 patches of 9 pixels give a 9x9 matrix:
#
# 반복문은 파이썬에서 $n_{\text{out}}^2$번의 작은 내적을 계산하므로 실제 이미지에는 너무 느립니다. minigrad(그리고 많은
# 라이브러리)가 쓰는 요령은 필터가 들르는 조각을 하나씩 행렬 `cols`의 **열**로 복사하는 것입니다. 그러면 출력 픽셀 하나는
# 가중치 행 하나와 열 하나의 곱이고, 모두 합쳐 행렬 곱 한 번이 됩니다. NumPy는 이를 빠른 BLAS 코드에 넘깁니다. 우리
# 이미지에서는 9픽셀짜리 조각 9개가 9x9 행렬이 됩니다.

# %%
def im2col_loops(x, k):
    """Column j holds the k*k pixels of the j-th patch (patches in row-major order)."""
    out_h, out_w = x.shape[0] - k + 1, x.shape[1] - k + 1
    columns = [x[i:i + k, j:j + k].reshape(-1) for i in range(out_h) for j in range(out_w)]
    return np.stack(columns, axis=1)


cols = im2col_loops(image, 3)
print(cols.shape)
print(cols)

# %%
y_matmul = (kernel.reshape(1, -1) @ cols).reshape(3, 3)
print(y_matmul)
print(np.array_equal(y_matmul, conv2d_loops(image, kernel)))

# %% [markdown]
# The same numbers. With many images, channels and filters nothing changes in kind: a filter has
# shape `(C, k, k)` (one 2-D filter per input channel, summed), a patch is the `C*k*k` pixels under
# it, `cols` has one column per (image, output pixel), and `O` filters are the `O` rows of one weight
# matrix:
#
# $$\underbrace{Y}_{O \times (N \cdot OH \cdot OW)} = \underbrace{W}_{O \times (C k k)}\;
# \underbrace{\text{cols}}_{(C k k) \times (N \cdot OH \cdot OW)}$$
#
# 결과가 같습니다. 이미지, 채널, 필터가 여러 개여도 본질은 같습니다. 필터 하나는 `(C, k, k)` 모양(입력 채널마다 2차원
# 필터가 하나씩 있고 결과를 더합니다)이고, 조각은 그 아래의 `C*k*k`개 픽셀이며, `cols`는 (이미지, 출력 픽셀)마다 열이
# 하나이고, 필터 `O`개는 가중치 행렬 하나의 행 `O`개입니다.

# %% [markdown]
# ## The backward pass: col2im · 역전파: col2im
#
# Since $Y = W\,\text{cols}$ is a matrix product, lesson 08's rule gives two of the gradients at
# once, for an upstream gradient $G = \partial L / \partial Y$:
#
# * $\partial L / \partial W = G\,\text{cols}^\top$: each weight collects, over every patch, the
#   pixel it was multiplied with times that output's gradient;
# * $\partial L / \partial\,\text{cols} = W^\top G$: the gradient of every entry of every patch.
#
# The last step goes from patches back to pixels. A pixel is copied into **several** patches (up to
# $k^2$ of them), so its gradient is the **sum** of the gradients of all its copies, the accumulation
# rule of lesson 04. Putting each column back where it came from and adding is called **col2im**. On
# a matrix of ones it counts how many windows cover each pixel:
#
# $Y = W\,\text{cols}$는 행렬 곱이므로, 위에서 온 변화도 $G = \partial L / \partial Y$가 있으면 08강의 규칙으로 변화도 두
# 개가 바로 나옵니다.
#
# * $\partial L / \partial W = G\,\text{cols}^\top$: 가중치 하나는 모든 조각에 걸쳐, 자기와 곱해졌던 픽셀에 그 출력의
#   변화도를 곱한 값을 모읍니다.
# * $\partial L / \partial\,\text{cols} = W^\top G$: 모든 조각의 모든 칸의 변화도입니다.
#
# 마지막 단계는 조각에서 픽셀로 돌아가는 것입니다. 픽셀 하나는 조각 **여러 개**(많게는 $k^2$개)에 복사되었으므로, 그 변화도는
# 모든 복사본의 변화도의 **합**입니다. 04강의 누적 규칙 그대로입니다. 각 열을 원래 자리에 되돌려 놓으며 더하는 것을
# **col2im**이라고 합니다. 1로 채운 행렬에 적용하면 픽셀마다 몇 개의 창이 덮는지 세어 줍니다.

# %%
def col2im_loops(cols, shape, k):
    """The reverse of im2col_loops: add each column back onto the pixels of its patch."""
    x = np.zeros(shape, dtype=cols.dtype)
    out_h, out_w = shape[0] - k + 1, shape[1] - k + 1
    for index in range(cols.shape[1]):
        i, j = divmod(index, out_w)
        x[i:i + k, j:j + k] += cols[:, index].reshape(k, k)
    return x


print(col2im_loops(np.ones((9, 9), dtype=np.float32), (5, 5), 3))

# %% [markdown]
# The center pixel lies under all 9 windows, a corner under 1. Now let autograd do it: for
# $L = \sum Y$ the upstream gradient is all ones, so $\partial L / \partial x = \text{col2im}(W^\top
# \mathbf{1})$. We compare minigrad's `x.grad` with our NumPy version, and `w.grad` with
# $G\,\text{cols}^\top$:
#
# 가운데 픽셀은 창 9개 모두의 아래에 있고, 모서리 픽셀은 1개의 아래에만 있습니다. 이제 autograd에게 맡겨 봅시다.
# $L = \sum Y$이면 위에서 오는 변화도가 모두 1이므로 $\partial L / \partial x = \text{col2im}(W^\top \mathbf{1})$입니다.
# minigrad의 `x.grad`를 NumPy로 만든 값과, `w.grad`를 $G\,\text{cols}^\top$와 비교합니다.

# %%
x = torch.tensor(image.reshape(1, 1, 5, 5), requires_grad=True)
w = torch.tensor(kernel.reshape(1, 1, 3, 3), requires_grad=True)
y = F.conv2d(x, w)
y.sum().backward()

upstream = np.ones((1, 9), dtype=np.float32)
grad_x_by_hand = col2im_loops(kernel.reshape(1, -1).T @ upstream, (5, 5), 3)
grad_w_by_hand = (upstream @ cols.T).reshape(3, 3)
print(x.grad[0, 0])
print(np.allclose(x.grad.numpy()[0, 0], grad_x_by_hand), np.allclose(w.grad.numpy()[0, 0], grad_w_by_hand))

# %% [markdown]
# Each pixel's gradient is the sum of the filter weights that touched it: the columns of `kernel`
# add up to $3, 0, -3$, and the borders see only part of the filter. Finally a strict test on a tiny
# case with everything switched on (2 images, 2 channels, 3 filters, stride 2, padding 1, a bias),
# in float64, against central differences:
#
# 픽셀마다 변화도는 그 픽셀에 닿았던 필터 가중치의 합입니다. `kernel`의 열 합은 $3, 0, -3$이고, 가장자리는 필터의 일부만
# 봅니다. 마지막으로 모든 옵션을 켠 작은 경우(이미지 2개, 채널 2개, 필터 3개, 스트라이드 2, 패딩 1, 편향(bias))를 float64로
# 중앙 차분(central difference)과 비교하는 엄격한 시험을 해 봅시다.

# %%
xs = torch.randn(2, 2, 5, 5, dtype=torch.float64, requires_grad=True)
ws = torch.randn(3, 2, 3, 3, dtype=torch.float64, requires_grad=True)
bs = torch.randn(3, dtype=torch.float64, requires_grad=True)
print(F.conv2d(xs, ws, bs, stride=2, padding=1).shape)
print(torch.autograd.gradcheck(lambda x, w, b: F.conv2d(x, w, b, stride=2, padding=1), (xs, ws, bs)))

# %% [markdown]
# ## minigrad's convolution · minigrad의 합성곱
#
# `minigrad/nn/_ops/conv.py` is the loops above without the loops. `im2col` takes all windows at once
# with NumPy's `sliding_window_view` (a view, no copy), keeps the ones the filter visits (every
# `stride`-th), and reshapes them into columns: that reshape is the one copy. `col2im` adds back with
# one vectorised `+=` per position inside the kernel (9 for 3x3) instead of one per patch: the entry
# `(i, j)` of the kernel touched one pixel per output pixel, and `g.touched_by(i, j)` picks them all.
#
# `g` is a `ConvGeometry` (in `conv_geometry.py`, not printed here): the kernel size `g.kh`, `g.kw`,
# the output size `g.oh`, `g.ow`, and small index helpers. It also chooses the memory layout of the
# columns: channels first, or with the batch last when `col2im` will run in the backward pass (each
# of its additions then runs along long stretches of adjacent numbers). `g.padded` copies the image
# into that layout with its border of zeros, `g.image_axes` says where the image's height and width
# went, and `g.to_nchw` copies a result back to the usual (N, C, H, W). The layout changes where the
# numbers sit in memory, not the formulas. The two functions:
#
# `minigrad/nn/_ops/conv.py`는 위의 반복문에서 반복문을 뺀 것입니다. `im2col`은 NumPy의 `sliding_window_view`(복사 없는
# 뷰)로 모든 창을 한 번에 잡고, 필터가 들르는 창(`stride`마다 하나)만 남겨 열로 바꿉니다. 이때의 `reshape`가 유일한
# 복사입니다. `col2im`은 조각마다가 아니라 커널 안의 위치마다(3x3이면 9번) 벡터화된 `+=`를 한 번씩 해서 되돌려 더합니다.
# 커널의 `(i, j)` 칸은 출력 픽셀마다 픽셀 하나씩에 닿았고, `g.touched_by(i, j)`가 그 픽셀들을 한꺼번에 고릅니다.
#
# `g`는 `ConvGeometry` 객체입니다(`conv_geometry.py`에 있고 여기서는 출력하지 않습니다). 커널 크기 `g.kh`, `g.kw`, 출력
# 크기 `g.oh`, `g.ow`와 작은 인덱스 도우미들을 가집니다. 열의 메모리 레이아웃(memory layout)도 정합니다. 보통은 채널이
# 먼저 오고, 역전파에서 `col2im`이 실행될 때는 배치가 마지막에 옵니다(그러면 덧셈 한 번 한 번이 메모리에 길게 이어진
# 수들을 따라 진행됩니다). `g.padded`는 이미지를 0으로 된 테두리와 함께 그 레이아웃으로 복사하고, `g.image_axes`는
# 이미지의 높이와 너비 축이 어디로 갔는지 알려 주며, `g.to_nchw`는 결과를 보통의 (N, C, H, W)로 돌려 복사합니다.
# 레이아웃은 수가 메모리의 어디에 놓이는지만 바꿀 뿐, 식은 바꾸지 않습니다. 두 함수입니다.

# %%
conv_ops = importlib.import_module("minigrad.nn._ops.conv")
print(inspect.getsource(conv_ops.im2col))
print(inspect.getsource(conv_ops.col2im))

# %% [markdown]
# The `Function` itself: `forward` is `W.reshape(O, -1) @ cols` plus the bias; `backward` is the two
# formulas above, $G\,\text{cols}^\top$ and $\text{col2im}(W^\top G)$, and the bias gradient, the
# sum of $G$ over images and pixels. There $G$ is `grad_rows`, the upstream gradient as one row per
# filter, its pixels in the same order as the columns. The backward has two branches with the same
# formulas. When a graph of the backward is recorded (lesson 09's `create_graph=True`) they are tensor
# operations, and `Im2col` and `Col2im`, each other's backward, let a convolution be differentiated
# twice. Otherwise nothing needs recording, and the same formulas run straight on the NumPy arrays,
# with fewer steps (`g.rows` is the array version of `permute(...).reshape(...)`).
#
# `Function` 자체입니다. `forward`는 `W.reshape(O, -1) @ cols`에 편향을 더한 것이고, `backward`는 위의 두 식
# $G\,\text{cols}^\top$와 $\text{col2im}(W^\top G)$, 그리고 $G$를 이미지와 픽셀에 걸쳐 더한 편향의 변화도입니다.
# 여기서 $G$는 `grad_rows`, 곧 위에서 온 변화도를 필터마다 한 행으로, 픽셀은 열과 같은 순서로 놓은 것입니다.
# 역전파에는 같은 식을 쓰는 갈래가 둘 있습니다. 역전파의 그래프를 기록할 때(09강의 `create_graph=True`)는 텐서 연산으로
# 계산하고, 서로의 역전파인 `Im2col`과 `Col2im` 덕분에 합성곱을 두 번 미분할 수 있습니다. 그렇지 않으면 기록할 것이
# 없으므로 같은 식을 NumPy 배열에서 곧바로, 더 적은 단계로 계산합니다(`g.rows`는 `permute(...).reshape(...)`의 배열
# 버전입니다).

# %%
print(inspect.getsource(conv_ops.Conv2d))

# %% [markdown]
# The layer `nn.Conv2d` owns the parameters: a weight of shape `(out_channels, in_channels, k, k)`
# and one bias per output channel, initialized as PyTorch does. So a convolution has
# $O \cdot C \cdot k^2 + O$ parameters, **whatever the image size**, where a `Linear` layer on a
# 28x28 image needs 784 weights for every output:
#
# 계층 `nn.Conv2d`가 매개변수를 가집니다. `(out_channels, in_channels, k, k)` 모양의 가중치와 출력 채널마다 하나씩인
# 편향이며, PyTorch와 같은 방식으로 초기화합니다. 그래서 합성곱의 매개변수는 **이미지 크기와 상관없이**
# $O \cdot C \cdot k^2 + O$개입니다. 28x28 이미지에 쓰는 `Linear` 계층은 출력 하나마다 가중치가 784개 필요한 것과 대조적입니다.

# %%
conv_module = importlib.import_module("minigrad.nn.conv")
print(inspect.getsource(conv_module.Conv2d.__init__))

conv = nn.Conv2d(3, 16, kernel_size=3, padding=1)
print(conv)
print(conv.weight.shape, conv.bias.shape, sum(p.numel() for p in conv.parameters()), 16 * 3 * 3 * 3 + 16)

# %% [markdown]
# ## Max pooling: the gradient goes to the winner · 최대 풀링: 변화도는 이긴 픽셀로
#
# `MaxPool2d(2)` cuts the image into 2x2 windows and keeps the largest value of each: half the size,
# and a little tolerance to small shifts. Its backward follows from $\partial \max / \partial x_i$,
# which is 1 for the winner and 0 for the others: each output's gradient goes **to the one pixel
# that won** its window (the first one on a tie, as in PyTorch), and the other pixels get 0.
#
# `MaxPool2d(2)`는 이미지를 2x2 창으로 나누고 창마다 가장 큰 값을 남깁니다. 크기가 절반이 되고, 작은 이동에 조금 덜
# 민감해집니다. 역전파는 $\partial \max / \partial x_i$에서 나옵니다. 이긴 값에 대해서는 1, 나머지에 대해서는 0입니다.
# 그래서 출력마다 변화도는 자기 창에서 **이긴 픽셀 하나로** 가고(동점이면 PyTorch처럼 첫 번째), 나머지 픽셀은 0을 받습니다.

# %%
a = torch.tensor([[[[1.0, 3.0, 2.0, 0.0],
                    [4.0, 2.0, 1.0, 5.0],
                    [0.0, 1.0, 3.0, 3.0],
                    [2.0, 2.0, 1.0, 0.0]]]], requires_grad=True)
pooled = nn.MaxPool2d(2)(a)
print(pooled)
pooled.backward(torch.tensor([[[[10.0, 20.0], [30.0, 40.0]]]]))
print(a.grad)

# %% [markdown]
# 4 won the top-left window and received 10; 5 received 20; in the bottom-right window the two 3s
# tie and the first (the left one) takes 40; the bottom-left window has two 2s side by side in the
# bottom row, and again the left one takes 30.
# minigrad records which position won during the forward pass and scatters the gradient there. Its
# forward keeps the running maximum with `np.maximum` over one strided view per position inside the
# window, then `first_winner` finds, for each window, the first position that holds the maximum:
#
# 왼쪽 위 창에서는 4가 이겨 10을 받았고, 5는 20을 받았습니다. 오른쪽 아래 창에서는 3 두 개가 동점이라 첫 번째가 40을
# 받고(왼쪽 것), 왼쪽 아래 창은 맨 아래 행에 2가 나란히 두 개라 이번에도 왼쪽 것이 30을 받습니다. minigrad는 순전파(forward pass) 때 어느 위치가 이겼는지
# 기록해 두었다가 그 자리로 변화도를 흩뿌립니다. 순전파는 창 안의 위치마다 하나씩인 스트라이드 뷰에 `np.maximum`을 적용해
# 최댓값을 구하고, 이어서 `first_winner`가 창마다 최댓값을 가진 첫 위치를 찾습니다.

# %%
pool_ops = importlib.import_module("minigrad.nn._ops.pool")
print(inspect.getsource(pool_ops.MaxPool2d))
print(inspect.getsource(pool_ops.first_winner))

# %% [markdown]
# ## Batch normalization: training and evaluation · 배치 정규화: 학습과 평가
#
# `BatchNorm2d(C)` normalizes each channel to mean 0 and variance 1, using the mean and variance of
# the **current batch** (over images and pixels), then scales and shifts it with two learned
# parameters per channel, `weight` (starts at 1) and `bias` (starts at 0). Deep networks train much
# better with it. But at inference an image's output should not depend on the other images in the
# batch, so the layer also keeps **running** averages of the statistics (buffers, not parameters),
# and in `eval()` mode uses those instead:
#
# `BatchNorm2d(C)`는 **현재 배치**의 (이미지와 픽셀에 걸친) 평균과 분산으로 채널마다 평균 0, 분산 1이 되게 정규화한 뒤,
# 채널마다 학습하는 매개변수 두 개 `weight`(1에서 시작)와 `bias`(0에서 시작)로 크기를 바꾸고 옮깁니다. 깊은 신경망이 이것
# 덕분에 훨씬 잘 학습됩니다. 하지만 추론(inference) 때는 이미지 하나의 출력이 배치의 다른 이미지에 따라 달라지면 안
# 되므로, 이 계층은 통계의 **이동** 평균(매개변수가 아니라 버퍼)도 보관하다가 `eval()` 모드에서는 그 값을 씁니다.

# %%
bn = nn.BatchNorm2d(2)
batch = torch.randn(8, 2, 4, 4) * 3 + 5  # mean about 5, standard deviation about 3
print(bn)
print([name for name, _ in bn.named_parameters()], [name for name, _ in bn.named_buffers()])

bn.train()
out = bn(batch)
o = out.detach().numpy()
print("train: channel means near 0:", bool(np.all(np.abs(o.mean(axis=(0, 2, 3))) < 1e-5)),
      " channel standard deviations:", o.std(axis=(0, 2, 3)))
print("running_mean", bn.running_mean, " running_var", bn.running_var)

# %% [markdown]
# In training mode the output is normalized (mean 0, standard deviation 1) whatever the input, and
# one batch moved the running statistics 10% of the way (`momentum=0.1`) from 0 and 1 towards the
# batch's about 5 and 9. In evaluation mode the same input is normalized with the running values,
# which have not caught up yet, so the output is far from mean 0; and one image now gives the same
# output alone as inside the batch:
#
# 학습 모드에서는 입력이 무엇이든 출력이 정규화되고(평균 0, 표준편차 1), 배치 하나가 이동 통계를 0과 1에서 배치의 약 5와
# 9 쪽으로 10%(`momentum=0.1`)만큼 옮겼습니다. 평가 모드에서는 같은 입력을 아직 따라잡지 못한 이동 통계로 정규화하므로
# 출력이 평균 0과 거리가 멉니다. 그리고 이제 이미지 하나는 혼자 넣어도 배치 안에서와 같은 출력을 냅니다.

# %%
bn.eval()
out_eval = bn(batch)
print("eval: channel means", out_eval.detach().numpy().mean(axis=(0, 2, 3)))
print("alone == in the batch:", torch.allclose(bn(batch[:1]), out_eval[:1]))
bn.train()
print("train, alone == in the batch:", torch.allclose(bn(batch[:1]), bn(batch)[:1]))

# %% [markdown]
# The switch is `self.training`, set by `model.train()` and `model.eval()` (lesson 10), read in
# `forward`:
#
# 스위치는 `model.train()`과 `model.eval()`이 설정하는 `self.training`(10강)이고, `forward`에서 읽습니다.

# %%
batchnorm_module = importlib.import_module("minigrad.nn.batchnorm")
print(inspect.getsource(batchnorm_module.BatchNorm2d.forward))

# %% [markdown]
# ## Feature maps of a digit · 숫자의 특징 맵
#
# What does a filter see? Take one 8x8 digit from the data set and four hand-made 3x3 filters:
# vertical edges, horizontal edges, a diagonal, and a blur. Each output image, a **feature map**,
# is bright where the digit has the filter's pattern. Four filters in one `Conv2d`-shaped weight
# `(4, 1, 3, 3)` give the four maps in one call (padding 1 keeps 8x8):
#
# 필터는 무엇을 볼까요? 데이터셋에서 8x8 숫자 하나를 꺼내고, 직접 만든 3x3 필터 네 개를 씁니다. 세로 경계, 가로 경계,
# 대각선, 흐리기입니다. 출력 이미지 하나하나가 **특징 맵**(feature map)이고, 숫자에 필터의 무늬가 있는 곳에서 밝습니다.
# 필터 네 개를 `Conv2d` 모양의 가중치 `(4, 1, 3, 3)` 하나에 담으면 한 번의 호출로 특징 맵 네 개가 나옵니다(패딩 1이면
# 8x8이 유지됩니다).

# %%
images, labels = load_digits(as_images=True)
digit = images[0:1]  # shape (1, 1, 8, 8)
print(images.shape, labels[0].item())

filters = torch.tensor([
    [[1.0, 0.0, -1.0], [1.0, 0.0, -1.0], [1.0, 0.0, -1.0]],   # vertical edges
    [[1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [-1.0, -1.0, -1.0]],   # horizontal edges
    [[0.0, 1.0, 1.0], [-1.0, 0.0, 1.0], [-1.0, -1.0, 0.0]],   # a diagonal
    [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]],      # blur (a sum)
]).reshape(4, 1, 3, 3) / 3
maps = F.conv2d(digit, filters, padding=1)
print(maps.shape)

# %%
use_korean_font()
def show_map(ax, picture):
    """Red positive, blue negative, white zero."""
    values = picture.numpy()
    limit = np.abs(values).max()
    ax.imshow(values, cmap="RdBu_r", vmin=-limit, vmax=limit)


titles = ["input · 입력", "vertical · 세로 경계", "horizontal · 가로 경계", "diagonal · 대각선", "blur · 흐리기"]
fig, axes = plt.subplots(1, 5, figsize=(12, 2.8))
for ax, picture, title in zip(axes, [digit[0, 0]] + [maps[0, i] for i in range(4)], titles):
    if ax is axes[0]:
        ax.imshow(picture.numpy(), cmap="gray_r")
    else:
        show_map(ax, picture)
    ax.set_title(title)
    ax.axis("off")
fig.suptitle("Feature maps of a 0 · 숫자 0의 특징 맵")
plt.tight_layout()
plt.show()

# %% [markdown]
# Red is positive, blue negative: the vertical filter lights up on the left and right sides of the 0
# with opposite signs, the horizontal one on its top and bottom. A convolutional network starts with
# random filters and learns the ones that help it classify.
#
# 빨간색은 양수, 파란색은 음수입니다. 세로 필터는 0의 왼쪽과 오른쪽 변에서 서로 반대 부호로 밝아지고, 가로 필터는 위와
# 아래에서 밝아집니다. 합성곱 신경망은 무작위 필터에서 시작해 분류에 도움이 되는 필터를 학습합니다.

# %% [markdown]
# ## A small CNN on the digits · 숫자 이미지용 작은 CNN
#
# Two blocks of convolution, batch norm, ReLU and 2x2 max pooling take the image from 1x8x8 to
# 8x4x4 to 16x2x2; a `Linear` layer maps those 64 numbers to 10 classes. Sizes by the formula:
# padding 1 keeps 8, each pool halves it. About 2,000 parameters, fewer than a network of two `Linear`
# layers with 32 hidden units (2,410):
#
# 합성곱, 배치 정규화, ReLU, 2x2 최대 풀링으로 된 블록 두 개가 이미지를 1x8x8에서 8x4x4, 16x2x2로 바꾸고, `Linear` 계층이
# 그 64개의 수를 10개 분류로 옮깁니다. 크기는 공식대로 패딩 1이 8을 유지하고, 풀링마다 절반이 됩니다. 매개변수는 약
# 2,000개로, 은닉 유닛 32개짜리 `Linear` 계층 두 개로 된 신경망(2,410개)보다 적습니다.

# %%
_ = torch.manual_seed(0)
x_train, y_train, x_test, y_test = load_digits(as_images=True, test_size=0.2)
cnn = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(8, 16, kernel_size=3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(16 * 2 * 2, 10),
)
print(cnn)
print("parameters:", sum(p.numel() for p in cnn.parameters()))
print(x_train.shape, x_test.shape)

# %% [markdown]
# The training loop of lesson 11, unchanged: batches from a `DataLoader`, cross-entropy, Adam.
# `cnn.train()` before the epoch (batch statistics), `cnn.eval()` and `no_grad()` for the test
# accuracy (running statistics, no graph):
#
# 11강의 학습 반복문을 그대로 씁니다. `DataLoader`가 주는 배치, 교차 엔트로피, Adam입니다. 에폭(epoch) 전에는
# `cnn.train()`(배치 통계), 시험 정확도에는 `cnn.eval()`과 `no_grad()`(이동 통계, 그래프 없음)를 씁니다.

# %%
from minigrad.utils.data import DataLoader, TensorDataset

loader = DataLoader(TensorDataset(x_train, y_train), batch_size=64, shuffle=True,
                    generator=torch.Generator().manual_seed(1))  # its own seeded order (lesson 11)
optimizer = torch.optim.Adam(cnn.parameters(), lr=1e-2)


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        return (model(x).argmax(dim=1) == y).float().mean().item()


test_accuracies = []
for epoch in range(1, 6):
    cnn.train()
    total = 0.0
    for xb, yb in loader:
        loss = F.cross_entropy(cnn(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(yb)
    test_accuracies.append(accuracy(cnn, x_test, y_test))
    print(f"epoch {epoch}: train loss {total / len(y_train):.2f}")
print("test accuracy after 5 epochs at least 95%:", test_accuracies[-1] >= 0.95)

fig, ax = plt.subplots(figsize=(5, 2.8))
ax.plot(range(1, 6), test_accuracies, "o-")
ax.set_xlabel("epoch · 에폭")
ax.set_ylabel("test accuracy · 시험 정확도")
ax.set_title("The small CNN on the digits · 숫자 데이터에서 작은 CNN")
ax.set_xticks(range(1, 6))
plt.tight_layout()
plt.show()

# %% [markdown]
# About 98% of the 359 test digits after five short epochs (the exact count differs by an image or
# two from one CPU to another, lesson 11 tells why, hence the coarse check). The first layer's 8
# filters are no longer random; here are their feature maps on the same 0 (the output of the first convolution alone,
# before batch norm):
#
# 짧은 에폭 다섯 번 만에 시험 숫자 359개 중 98% 정도를 맞힙니다(정확히 몇 개인지는 CPU에 따라 한두 개씩 달라지므로
# 거칠게 확인합니다. 이유는 11강에서 보았습니다). 첫 계층의 필터 8개는 더 이상 무작위가 아닙니다. 같은 0에
# 대한 특징 맵을 봅시다(배치 정규화 전, 첫 합성곱만 거친 출력입니다).

# %%
with torch.no_grad():
    learned = cnn[0](digit)
fig, axes = plt.subplots(1, 8, figsize=(12, 1.9))
for i, ax in enumerate(axes):
    show_map(ax, learned[0, i])
    ax.set_title(f"filter · 필터 {i}", fontsize=9)
    ax.axis("off")
fig.suptitle("Learned feature maps, layer 1 · 학습한 첫 계층의 특징 맵")
plt.tight_layout()
plt.show()

# %% [markdown]
# ## The graph of a residual block · 잔차 블록의 그래프
#
# ResNet-18 is made of **basic blocks**: two 3x3 convolutions with batch norm, and a shortcut that
# adds the block's input to its output, $\text{relu}(x + F(x))$. In the backward pass the addition
# copies the gradient to both branches (lesson 05), so along the shortcuts the gradient reaches
# early layers without passing through the convolutions, only through the ReLU after each sum
# (which lets it through wherever the sum is positive), however deep the network; that is why
# networks of 18, 50 or 152 layers train. The whole ResNet-18 graph has 132 nodes, 62 of them the
# parameters' `AccumulateGrad`, so we draw one small block (2 channels,
# a 4x4 input), top to bottom. The long edge on the right is the shortcut: it carries `x_small`
# past both convolutions to the `AddBackward0` where it joins:
#
# ResNet-18은 **기본 블록**(basic block)으로 이루어집니다. 배치 정규화가 붙은 3x3 합성곱 두 개와, 블록의 입력을 출력에 더하는
# 지름길(shortcut)로, $\text{relu}(x + F(x))$입니다. 역전파에서 덧셈은 변화도를 두 갈래에 똑같이 복사하므로(05강), 신경망이
# 아무리 깊어도 변화도가 지름길을 따라 합성곱을 거치지 않고 앞쪽 계층까지 닿습니다. 거치는 것은 덧셈마다 뒤따르는 ReLU뿐이고,
# ReLU는 합이 양수인 곳에서 변화도를 그대로 통과시킵니다. 18층, 50층, 152층 신경망이 학습되는 이유입니다.
# ResNet-18 전체 그래프는 노드(node)가 132개이고 그중 62개가 매개변수의 `AccumulateGrad`이므로, 작은 블록 하나(채널 2개, 4x4 입력)만 위에서 아래로 그립니다. 오른쪽의
# 긴 간선(edge)이 지름길입니다. `x_small`을 두 합성곱 너머로 곧장 실어 날라 `AddBackward0`에서 합류합니다.

# %%
resnet_module = importlib.import_module("minigrad.models.resnet")
print(inspect.getsource(resnet_module.BasicBlock.forward))

block = resnet_module.BasicBlock(2, 2)
x_small = torch.rand(1, 2, 4, 4)
block_out = block(x_small).sum()
draw_graph(block_out, show_data=False, rankdir="TB")

# %% [markdown]
# ## ResNet-18 · ResNet-18
#
# `minigrad.models.resnet18()` builds torchvision's architecture from the layers of this lesson,
# with the same module names, so a torchvision state dict loads into it unchanged. A 7x7 stride-2
# convolution and a max pool shrink the image by 4; four stages of two basic blocks (64, 128, 256,
# 512 channels, stages 2-4 halving the size); a global average pool; a `Linear(512, 1000)`
# classifier. The beginning of its `repr`:
#
# `minigrad.models.resnet18()`은 이번 강의의 계층들로 torchvision과 같은 구조를, 같은 모듈 이름으로 만듭니다. 그래서
# torchvision의 state dict를 그대로 불러올 수 있습니다. 7x7 스트라이드 2 합성곱과 최대 풀링이 이미지를 1/4로 줄이고, 기본
# 블록 두 개씩으로 된 단계 네 개(채널 64, 128, 256, 512, 단계 2-4는 크기를 절반으로), 전역 평균 풀링, 그리고
# `Linear(512, 1000)` 분류기가 이어집니다. `repr`의 앞부분입니다.

# %%
_ = torch.manual_seed(0)
model = resnet18()
print("\n".join(repr(model).splitlines()[:20]))
print("  ...")
print("\n".join(repr(model).splitlines()[-4:]))

# %% [markdown]
# Counting the parameters, in total and by stage: almost all of them sit in the convolutions of the
# last stages, whose weights are `512 x 512 x 3 x 3` = 2,359,296 numbers each.
#
# 매개변수를 전체와 단계별로 세어 봅시다. 거의 모두가 마지막 단계들의 합성곱에 있고, 그 가중치 하나가 `512 x 512 x 3 x 3`
# = 2,359,296개의 수입니다.

# %%
print(f"total: {sum(p.numel() for p in model.parameters()):,}")
for name, child in model.named_children():
    count = sum(p.numel() for p in child.parameters())
    if count:
        print(f"  {name:8s} {count:>10,}")
print(f"layer4.1.conv2.weight: {model.layer4[1].conv2.weight.numel():,}")

# %% [markdown]
# ## The training step of the tutorial · 튜토리얼의 학습 단계
#
# The PyTorch tutorial this course grew from runs one training step on ResNet-18: a random image of
# 3 channels and 64x64 pixels, random labels of shape `(1, 1000)`, a forward pass, the loss
# `(prediction - labels).sum()`, `backward()`, and a step of SGD with learning rate 0.01 and momentum
# 0.9. Exactly that, on minigrad:
#
# 이 강의의 바탕이 된 PyTorch 튜토리얼은 ResNet-18로 학습 단계 하나를 실행합니다. 채널 3개, 64x64 픽셀의 무작위 이미지와
# `(1, 1000)` 모양의 무작위 정답을 만들고, 순전파, 손실(loss) `(prediction - labels).sum()`, `backward()`, 그리고 학습률(learning
# rate) 0.01, 모멘텀(momentum) 0.9인 SGD 한 걸음입니다. minigrad에서 그대로 실행합니다.

# %%
model = resnet18()
data = torch.rand(1, 3, 64, 64)
labels = torch.rand(1, 1000)

prediction = model(data)  # forward pass
loss = (prediction - labels).sum()
loss.backward()  # backward pass

optim = torch.optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)
before = model.fc.bias[:3].detach().numpy().copy()
optim.step()  # gradient descent

print(prediction.shape, loss.grad_fn)
print("every parameter has a gradient:", all(p.grad is not None for p in model.parameters()))
print("fc.bias[:3] moved by", before - model.fc.bias[:3].detach().numpy())

# %% [markdown]
# The loss is a plain sum, so $\partial L / \partial\,\text{prediction}$ is all ones and every
# `fc.bias` entry has gradient 1: the step moves each down by exactly $0.01$ (the first momentum
# step is the gradient itself, lesson 11).
#
# 손실이 단순한 합이므로 $\partial L / \partial\,\text{prediction}$은 모두 1이고, `fc.bias`의 모든 원소는 변화도가 1입니다.
# 그래서 한 걸음에 각각 정확히 $0.01$씩 내려갑니다(11강에서 보았듯 모멘텀의 첫 걸음은 변화도 자체입니다).

# %% [markdown]
# ## Pretrained weights · 미리 학습된 가중치
#
# The tutorial wrote `torchvision.models.resnet18(pretrained=True)`, which **downloads** 45 MB of
# weights trained on ImageNet. minigrad downloads nothing, and says so with a clear error that tells
# you what to do instead:
#
# 튜토리얼은 `torchvision.models.resnet18(pretrained=True)`라고 썼는데, 이는 ImageNet으로 학습된 45 MB의 가중치를
# **내려받습니다**. minigrad는 아무것도 내려받지 않으며, 대신 무엇을 하면 되는지 알려 주는 분명한 오류를 냅니다.

# %%
with shows_error(RuntimeError):
    resnet18(pretrained=True)

# %% [markdown]
# Weights you have locally load as a state dict, the PyTorch way: `model.load_state_dict(...)`. On a
# machine with torchvision, save them once as a NumPy `.npz` file (the command is in the message
# above); `minigrad.models.load_weights(path)` reads such a file into a state dict. (torchvision
# itself replaced `pretrained=True` by `weights=`, which takes the *name* of a weight set such as
# `"DEFAULT"` and downloads it; minigrad's `resnet18(weights=path)` takes a file instead, so use
# `load_state_dict` in code that should run on both.) To try the path here we save our own model's
# weights into a temporary folder and load them into a fresh model:
#
# | minigrad | PyTorch |
# |---|---|
# | `np.savez(path, **{k: v.numpy() for k, v in sd.items()})` | `torch.save(sd, path)` |
# | `model.load_state_dict(load_weights(path))` | `model.load_state_dict(torch.load(path))` |
#
# 가지고 있는 가중치는 PyTorch와 같은 방법, `model.load_state_dict(...)`로 불러옵니다. torchvision이 있는 컴퓨터에서 한 번
# NumPy `.npz` 파일로 저장해 두면(명령은 위 메시지에 있습니다) `minigrad.models.load_weights(path)`가 그 파일을 state dict로
# 읽습니다. (torchvision은 `pretrained=True`를 `weights=`로 바꾸었는데, 여기에는 `"DEFAULT"` 같은 가중치 *이름*을 주고
# 내려받습니다. minigrad의 `resnet18(weights=path)`는 파일을 받으므로, 양쪽에서 돌아가야 하는 코드에서는
# `load_state_dict`를 쓰세요.) 여기서는 그 과정을 시험하려고 우리 모델의 가중치를 임시 폴더에 저장했다가 새 모델에
# 불러옵니다.

# %%
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "resnet18.npz")
    np.savez(path, **{name: value.numpy() for name, value in model.state_dict().items()})
    loaded = resnet18()
    loaded.load_state_dict(load_weights(path))

print(len(model.state_dict()), "tensors in the state dict")
print(torch.equal(loaded.layer3[0].conv1.weight, model.layer3[0].conv1.weight))

# %% [markdown]
# ## Fine-tuning: freeze, replace, train the head · 미세 조정: 고정하고, 바꾸고, 마지막 계층만 학습하기
#
# With pretrained weights you rarely train all 11.7 million numbers. To use ResNet-18 on a new task
# with 10 classes, **freeze** every parameter (`requires_grad = False`, lesson 07), replace the last
# layer with a fresh `nn.Linear(512, 10)` (new parameters require grad by default), and give the
# optimizer only that layer's parameters. (The PyTorch tutorial passes all of them,
# `optim.SGD(model.parameters(), ...)`; that works too, because a frozen parameter keeps
# `grad = None` and `step()` skips it, like our `PlainSGD` in lesson 11.)
#
# 미리 학습된 가중치가 있으면 1,170만 개의 수를 모두 학습시키는 일은 드뭅니다. 분류가 10개인 새 과제에 ResNet-18을 쓰려면
# 모든 매개변수를 **고정하고**(`requires_grad = False`, 07강), 마지막 계층을 새 `nn.Linear(512, 10)`로 바꾼 다음(새
# 매개변수는 기본으로 변화도를 요구합니다), 옵티마이저(optimizer)에는 그 계층의 매개변수만 넘깁니다. (PyTorch 튜토리얼은
# `optim.SGD(model.parameters(), ...)`로 전부 넘기는데, 그래도 됩니다. 고정된 매개변수는 `grad`가 `None`으로 남고,
# 11강의 `PlainSGD`처럼 `step()`이 그런 매개변수를 건너뛰기 때문입니다.)

# %%
_ = torch.manual_seed(0)
model = resnet18()
for p in model.parameters():
    p.requires_grad = False

model.fc = nn.Linear(512, 10)
optimizer = torch.optim.SGD(model.fc.parameters(), lr=1e-2, momentum=0.9)

trainable = [name for name, p in model.named_parameters() if p.requires_grad]
print(trainable)
print(f"{sum(p.numel() for p in model.parameters() if p.requires_grad):,} of "
      f"{sum(p.numel() for p in model.parameters()):,} parameters will train")

# %% [markdown]
# One step on a batch of 4 random images. Autograd records an operation only when one of its inputs
# requires grad (lesson 07), and nothing before `fc` does, so the recorded graph is tiny: the whole
# backbone ran as plain computation. Drawn, it is the classifier and the loss only:
#
# 무작위 이미지 4개로 된 배치로 한 걸음 갑니다. autograd는 입력 중 하나라도 변화도를 요구할 때만 연산을 기록하고(07강),
# `fc` 앞에는 그런 것이 없으므로 기록된 그래프는 아주 작습니다. 몸통 전체가 평범한 계산으로 실행된 것입니다. 그려 보면
# 분류기와 손실뿐입니다.

# %%
images4 = torch.rand(4, 3, 64, 64)
targets4 = torch.tensor([3, 1, 4, 1])
snapshot = {name: p.detach().numpy().copy() for name, p in model.named_parameters()}

loss = F.cross_entropy(model(images4), targets4)
loss.backward()
draw_graph(loss, show_data=False)

# %% [markdown]
# Which parameters received a gradient, and which changed after the step? Only `fc`'s. (Batch norm's
# running statistics did move in this forward pass, because the model is in training mode; they are
# buffers, not parameters. To keep a frozen backbone's statistics fixed, call `model.eval()`, so batch
# norm uses and keeps its running statistics; `model.fc.train()` would switch the head back, which
# matters only for a head that has dropout or batch norm of its own.)
#
# 어떤 매개변수가 변화도를 받았고, 한 걸음 뒤 어떤 매개변수가 바뀌었을까요? `fc`의 것뿐입니다. (배치 정규화의 이동 통계는
# 모델이 학습 모드라서 이번 순전파에서 움직였습니다. 이들은 매개변수가 아니라 버퍼입니다. 고정한 몸통의 통계도 그대로
# 두려면 `model.eval()`을 부르세요. 그러면 배치 정규화가 이동 통계를 쓰고 바꾸지 않습니다. `model.fc.train()`으로 마지막
# 계층만 학습 모드로 되돌릴 수도 있지만, 그 계층에 드롭아웃이나 배치 정규화가 있을 때만 차이가 납니다.)

# %%
optimizer.step()
with_grad = [name for name, p in model.named_parameters() if p.grad is not None]
changed = [name for name, p in model.named_parameters() if not np.array_equal(p.detach().numpy(), snapshot[name])]
print("with a gradient:", with_grad)
print("changed:        ", changed)
print("layer4.1.conv2.weight.grad:", model.layer4[1].conv2.weight.grad)

# %% [markdown]
# ## Summary · 정리
#
# * A convolution slides a small filter over the image and takes a dot product at every position;
#   the same weights everywhere. Output size per side: $\lfloor (n + 2p - k) / s \rfloor + 1$.
# * im2col lays every patch out as a column, so the whole convolution is one matrix product
#   $W\,\text{cols}$. Backward: $\partial L/\partial W = G\,\text{cols}^\top$ and
#   $\partial L/\partial x = \text{col2im}(W^\top G)$, where col2im **adds** the gradients of a
#   pixel's copies in overlapping windows. `gradcheck` agrees.
# * `MaxPool2d` sends each output's gradient to the pixel that won its window. `BatchNorm2d` uses
#   batch statistics in `train()` mode and running statistics in `eval()` mode.
# * A small CNN (about 2,000 parameters) classifies the 8x8 digits with about 98% test accuracy
#   after five epochs.
# * `resnet18()` has torchvision's architecture and 11,689,512 parameters; the tutorial's training
#   step runs on it unchanged. Nothing is downloaded: load local weights with
#   `model.load_state_dict(...)`.
# * Fine-tuning: set `requires_grad = False` on every parameter, replace `model.fc`, optimize
#   `model.fc.parameters()`; only `fc` gets gradients and changes, and the recorded graph is small.
#
# **Where next:** this is the last lesson. You have built, piece by piece, the engine you just used
# to train a CNN and run ResNet-18: tensors, graphs, the backward pass, operators, vector-Jacobian
# products, grad modes, tensor operations, higher-order derivatives, modules and optimizers. With
# `import torch` instead of `import minigrad as torch`, the model, training and autograd code of
# these lessons runs on PyTorch. What differs is what lies around it: the data
# (`minigrad.datasets.load_digits` → `torchvision.datasets` or your own files), the models
# (`minigrad.models.resnet18` → `torchvision.models.resnet18`), saved weights (`load_weights` →
# `torch.load`) and the viewer `minigrad.viz.draw_graph`. Go on with the PyTorch tutorials, and
# whenever autograd surprises you, read minigrad's source to see why.
#
# * 합성곱은 작은 필터를 이미지 위로 미끄러뜨리며 위치마다 내적을 계산합니다. 어디서나 같은 가중치를 씁니다. 출력의 한
#   변은 $\lfloor (n + 2p - k) / s \rfloor + 1$입니다.
# * im2col은 조각을 하나씩 열로 펼쳐, 합성곱 전체를 행렬 곱 한 번 $W\,\text{cols}$로 만듭니다. 역전파는
#   $\partial L/\partial W = G\,\text{cols}^\top$와 $\partial L/\partial x = \text{col2im}(W^\top G)$이고, col2im은 겹치는
#   창 속 픽셀 복사본들의 변화도를 **더합니다**. `gradcheck`로 확인했습니다.
# * `MaxPool2d`는 출력마다 변화도를 자기 창에서 이긴 픽셀로 보냅니다. `BatchNorm2d`는 `train()` 모드에서 배치 통계를,
#   `eval()` 모드에서 이동 통계를 씁니다.
# * 작은 CNN(매개변수 약 2,000개)이 에폭 다섯 번 만에 8x8 숫자를 시험 정확도 98% 정도로 분류합니다.
# * `resnet18()`은 torchvision과 같은 구조에 매개변수가 11,689,512개이고, 튜토리얼의 학습 단계가 그대로 실행됩니다.
#   아무것도 내려받지 않으므로 가지고 있는 가중치는 `model.load_state_dict(...)`로 불러옵니다.
# * 미세 조정: 모든 매개변수에 `requires_grad = False`를 하고, `model.fc`를 바꾸고, `model.fc.parameters()`만 최적화합니다.
#   `fc`만 변화도를 받아 바뀌고, 기록된 그래프도 작습니다.
#
# **이제 어디로:** 이번이 마지막 강의입니다. 방금 CNN을 학습시키고 ResNet-18을 실행한 엔진을 여러분이 한 조각씩 만들었습니다.
# 텐서, 그래프, 역전파, 연산자, 벡터-야코비안 곱, 변화도 모드, 텐서 연산, 고차 미분, 모듈, 옵티마이저입니다.
# `import minigrad as torch` 대신 `import torch`라고 쓰면 이 강의들의 모델, 학습, autograd 코드가 PyTorch에서 돌아갑니다.
# 달라지는 것은 그 둘레입니다. 데이터(`minigrad.datasets.load_digits` → `torchvision.datasets`나 직접 가진 파일), 모델
# (`minigrad.models.resnet18` → `torchvision.models.resnet18`), 저장된 가중치(`load_weights` → `torch.load`), 그리고 그래프를
# 그리는 `minigrad.viz.draw_graph`입니다. PyTorch 튜토리얼로 나아가고, autograd가 뜻밖의 일을 하면 minigrad의 소스를 읽어
# 이유를 찾아보세요.
