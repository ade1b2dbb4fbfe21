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
# # 11 · Optimizers and training on real data · 옵티마이저와 실제 데이터로 학습하기
#
# In lesson 07 we trained one number, `w`, with a hand-written loop: forward pass, `backward()`,
# `w -= lr * w.grad` under `no_grad()`, clear `.grad`. A network has thousands of numbers, and the
# plain update is not the best one. This lesson:
#
# 1. loads a **real data set**, 1,797 handwritten digits, and cuts it into shuffled **batches**
#    with `TensorDataset` and `DataLoader`;
# 2. builds **plain SGD** in the notebook, writes the training loop and the evaluation under
#    `no_grad()` with `model.eval()`, and sees why forgetting `zero_grad()` is a bug;
# 3. adds **momentum** (a velocity), matches **PyTorch's exact SGD rule**, builds **Adam** with its
#    bias correction, and checks each against `minigrad.optim`;
# 4. compares SGD, SGD with momentum 0.9 and Adam: paths on a 2-D function, loss curves and test
#    accuracy on the digits, and what a too small or too large learning rate does.
#
# 07강에서는 손으로 쓴 반복문으로 수 하나, `w`를 학습했습니다. 순전파(forward pass), `backward()`, `no_grad()` 안에서
# `w -= lr * w.grad`, 그리고 `.grad` 비우기였습니다. 신경망에는 수가 수천 개 있고, 이 단순한 갱신이 최선도 아닙니다.
# 이번 강의에서는
#
# 1. 손글씨 숫자 1,797개라는 **실제 데이터셋**을 불러와 `TensorDataset`과 `DataLoader`로 섞인 **배치**(batch)로 자릅니다.
# 2. 노트북에서 **기본 SGD**를 만들고, 학습 반복문과 `no_grad()`·`model.eval()`을 쓰는 평가 코드를 작성하고,
#    `zero_grad()`를 잊으면 왜 버그인지 봅니다.
# 3. **모멘텀(momentum)**(속도)을 더하고, **PyTorch의 SGD 규칙**을 그대로 맞추고, 편향 보정이 들어간 **Adam**을 만들어
#    각각 `minigrad.optim`과 비교합니다.
# 4. SGD, 모멘텀 0.9의 SGD, Adam을 비교합니다. 2차원 함수 위의 경로, 숫자 데이터의 손실 곡선과 시험 정확도, 그리고
#    학습률(learning rate)이 너무 작거나 클 때 일어나는 일을 봅니다.

# %%
import importlib
import inspect

import matplotlib.pyplot as plt
import numpy as np

import minigrad as torch  # the same API as PyTorch
import minigrad.nn.functional as F
from minigrad import nn, optim
from minigrad.datasets import load_digits
from minigrad.utils.data import DataLoader, TensorDataset
from minigrad_course.fonts import use_korean_font

_ = torch.manual_seed(0)
_ = use_korean_font()

# %% [markdown]
# ## The digits · 손글씨 숫자 데이터
#
# scikit-learn ships a small data set inside its package: 1,797 grey images of handwritten digits,
# 8×8 pixels each, with values 0 to 16, and their labels 0 to 9. Nothing is downloaded.
# `minigrad.datasets.load_digits` turns it into tensors, scales the pixels to [0, 1] and, with
# `test_size=0.2`, shuffles with a fixed `seed` and keeps 20% aside as a **test set**: images the
# model never trains on, so their accuracy tells how well it generalizes.
#
# scikit-learn은 패키지 안에 작은 데이터셋을 함께 담아 배포합니다. 8×8 픽셀, 값이 0부터 16까지인 손글씨 숫자 회색조 이미지
# 1,797장과 그 정답 0~9입니다. 아무것도 내려받지 않습니다. `minigrad.datasets.load_digits`는 이 데이터를 텐서로 바꾸고,
# 픽셀 값을 [0, 1]로 맞추고, `test_size=0.2`를 주면 고정된 `seed`로 섞은 뒤 20%를 **시험 데이터**로 떼어 둡니다. 모델이
# 한 번도 학습하지 않는 이미지이므로, 여기서의 정확도가 처음 보는 데이터에 얼마나 잘 통하는지 알려 줍니다.

# %%
print(inspect.getsource(load_digits))

# %%
x_train, y_train, x_test, y_test = load_digits(test_size=0.2, seed=0)
print(x_train.shape, x_train.dtype, y_train.shape, y_train.dtype)
print(x_test.shape, y_test.shape)
print(x_train.min().item(), x_train.max().item())
print("images per label (train):", np.bincount(y_train.numpy()).tolist())

# %% [markdown]
# Each row is one image, its 64 pixels in reading order; `reshape(8, 8)` gives the picture back.
# The first ten training images with their labels:
#
# 한 행이 이미지 한 장이고, 64개 픽셀이 읽는 순서대로 놓여 있습니다. `reshape(8, 8)`을 하면 그림으로 돌아옵니다. 학습
# 데이터의 처음 열 장과 정답입니다.

# %%
fig, axes = plt.subplots(2, 5, figsize=(7, 3.4))
for ax, image, label in zip(axes.flat, x_train[:10], y_train[:10]):
    ax.imshow(image.reshape(8, 8).numpy(), cmap="gray_r")
    ax.set_title(f"label · 정답 {label.item()}", fontsize=9)
    ax.axis("off")
fig.suptitle("Digits, 8×8 pixels · 8×8 픽셀 손글씨 숫자")
plt.tight_layout()
plt.show()

# %% [markdown]
# ## Batches: TensorDataset and DataLoader · 배치: TensorDataset과 DataLoader
#
# One gradient from all 1,438 training images per step is accurate but slow; one image per step
# is noisy. The usual compromise is a **mini-batch**: a few dozen images per step, in a new random
# order every **epoch** (one pass over the data). That is the "stochastic" in *stochastic gradient
# descent*.
#
# A `TensorDataset(x, y)` pairs the rows of its tensors: `ds[i]` is `(x[i], y[i])`. A
# `DataLoader` walks a data set in batches of `batch_size` and stacks each batch into tensors; with
# `shuffle=True` it draws a new order for every epoch.
#
# 한 걸음마다 학습 이미지 1,438장 전체로 변화도(gradient)를 구하면 정확하지만 느리고, 한 장씩 쓰면 잡음이 큽니다. 흔히
# 쓰는 타협이 **미니배치**입니다. 한 걸음에 이미지 수십 장을 쓰고, **에폭(epoch)**(데이터를 한 바퀴 도는 것)마다 순서를
# 새로 섞습니다. *확률적 경사 하강법*(stochastic gradient descent)의 "확률적"이 바로 이것입니다.
#
# `TensorDataset(x, y)`는 두 텐서의 행을 짝지어 `ds[i]`가 `(x[i], y[i])`가 되게 합니다. `DataLoader`는 데이터셋을
# `batch_size`개씩 돌면서 각 배치를 텐서로 쌓아 주고, `shuffle=True`이면 에폭마다 순서를 새로 뽑습니다.

# %%
train_set = TensorDataset(x_train, y_train)
print(len(train_set))
image, label = train_set[0]
print(image.shape, label)

loader = DataLoader(train_set, batch_size=64, shuffle=True)
full = len(train_set) // 64
print(len(loader), "batches per epoch:", full, "× 64 +", len(train_set) - full * 64)
xb, yb = next(iter(loader))
print(xb.shape, yb.shape)
print(yb[:12])

# %% [markdown]
# The order comes from a random generator, so it is seeded like everything else. A loader can get
# its own `generator`: then the order of the batches does not depend on how many random numbers
# other code has drawn. Two loaders with generators seeded alike give the same batches, and a new
# epoch gives a new order:
#
# 순서는 난수 생성기에서 나오므로 다른 모든 것처럼 시드를 정합니다. 로더에 전용 `generator`를 줄 수도 있습니다. 그러면
# 다른 코드가 난수를 몇 개 뽑았는지와 상관없이 배치 순서가 정해집니다. 같은 시드의 생성기를 받은 두 로더는 같은 배치를
# 내놓고, 에폭이 바뀌면 순서도 바뀝니다.

# %%
def first_labels(loader):
    return next(iter(loader))[1][:8].tolist()

loader_a = DataLoader(train_set, batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(1))
loader_b = DataLoader(train_set, batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(1))
print("loader a, epoch 1:", first_labels(loader_a))
print("loader b, epoch 1:", first_labels(loader_b))
print("loader a, epoch 2:", first_labels(loader_a))

# %% [markdown]
# ## The model and one step by hand · 모델과 손으로 해 보는 한 걸음
#
# The network of lesson 10: `Linear(64, 128)`, `Tanh`, `Linear(128, 10)`, giving ten scores
# (logits), one per digit, and the cross-entropy loss. `make_model()` seeds before creating it, so
# every optimizer below starts from **the same weights**:
#
# 10강의 신경망입니다. `Linear(64, 128)`, `Tanh`, `Linear(128, 10)`을 거쳐 숫자마다 점수(로짓) 하나씩, 모두 열 개를
# 내놓고, 손실(loss)은 교차 엔트로피입니다. `make_model()`은 만들기 전에 시드를 정하므로, 아래의 모든 옵티마이저(optimizer)가
# **같은 가중치**(weight)에서 출발합니다.

# %%
def make_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(64, 128), nn.Tanh(), nn.Linear(128, 10))


model = make_model()
print(model)
print(sum(p.numel() for p in model.parameters()), "parameters")
loss = F.cross_entropy(model(xb), yb)
print(loss)

# %% [markdown]
# Before training, the loss is close to $\ln 10 \approx 2.303$: the model spreads its belief over
# ten digits almost evenly. One step of gradient descent by hand, exactly as in lesson 07 but over
# every parameter, lowers the loss on this batch:
#
# 학습 전 손실은 $\ln 10 \approx 2.303$에 가깝습니다. 모델이 열 숫자에 확신을 거의 고르게 나누어 주고 있다는 뜻입니다.
# 07강과 똑같이 하되 모든 매개변수(parameter)에 대해 경사 하강법(gradient descent)을 손으로 한 걸음 밟으면, 이 배치의
# 손실이 줄어듭니다.

# %%
loss.backward()
with torch.no_grad():
    for p in model.parameters():
        p -= 0.5 * p.grad
print(F.cross_entropy(model(xb), yb))

# %% [markdown]
# ## Plain SGD as an object · 객체로 만든 기본 SGD
#
# An optimizer packages that loop. It receives the parameters once, when it is created, and offers
# two methods: `step()` updates every parameter from its `.grad`, and `zero_grad()` clears the
# gradients before the next backward pass. Ours, in ten lines:
#
# 옵티마이저는 이 반복문을 하나로 묶은 것입니다. 만들 때 매개변수를 한 번 받고, 메서드 두 개를 제공합니다. `step()`은
# 모든 매개변수를 `.grad`로 갱신하고, `zero_grad()`는 다음 역전파(backward pass) 전에 변화도를 비웁니다. 열 줄짜리 우리
# 버전입니다.

# %%
class PlainSGD:
    def __init__(self, params, lr):
        self.params = list(params)  # a generator would be used up after one pass
        self.lr = lr

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        for p in self.params:
            if p.grad is not None:  # a parameter the loss did not reach has no gradient
                p -= self.lr * p.grad

# %% [markdown]
# Test: two models with the same start, one trained with `PlainSGD`, one with `optim.SGD`, on the
# same five batches. The parameters must come out the same. In minigrad they are identical bit for
# bit; PyTorch's `SGD` does the multiply and the subtraction in one fused `add_`, so there they may
# differ by a float32 rounding (about $10^{-8}$). The test therefore asks for a difference below
# $10^{-6}$, which holds on every machine:
#
# 시험해 봅시다. 같은 값에서 출발한 두 모델을 같은 배치 다섯 개로 하나는 `PlainSGD`로, 하나는 `optim.SGD`로 학습합니다.
# 매개변수가 같게 나와야 합니다. minigrad에서는 비트 하나까지 똑같고, PyTorch의 `SGD`는 곱셈과 뺄셈을 `add_` 하나로 합쳐
# 계산하므로 float32 반올림 한 번(약 $10^{-8}$)만큼 다를 수 있습니다. 그래서 차이가 $10^{-6}$보다 작은지 확인합니다. 이
# 조건은 어느 컴퓨터에서나 성립합니다.

# %%
def run_steps(model, optimizer, n_steps=5):
    batches = DataLoader(train_set, batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(2))
    for _, (xb, yb) in zip(range(n_steps), batches):
        loss = F.cross_entropy(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return [p.detach().clone() for p in model.parameters()]


def max_difference(params_a, params_b):
    return max((a - b).abs().max().item() for a, b in zip(params_a, params_b))


model_ours, model_ref = make_model(), make_model()
ours = run_steps(model_ours, PlainSGD(model_ours.parameters(), lr=0.1))
ref = run_steps(model_ref, optim.SGD(model_ref.parameters(), lr=0.1))
print("same parameters (largest difference < 1e-6):", max_difference(ours, ref) < 1e-6)

# %% [markdown]
# ## The training loop and evaluation · 학습 반복문과 평가
#
# Every training loop in PyTorch has the same five lines in its heart: **forward** (`model(xb)`),
# **loss**, `optimizer.zero_grad()`, `loss.backward()`, `optimizer.step()`. Around them: an outer
# loop over epochs, and logging with `loss.item()`, a plain number, so no graph is kept (lesson 07).
#
# Evaluation is different: no gradient is needed, so run it under `no_grad()` (no graph, less
# memory), and switch the model to evaluation mode with `model.eval()`. This MLP behaves the same in
# both modes, but layers such as dropout and batch normalization (lesson 12) do not, so make it a
# habit; `model.train()` switches back.
#
# PyTorch의 학습 반복문은 모두 한가운데에 같은 다섯 줄이 있습니다. **순전파**(`model(xb)`), **손실**,
# `optimizer.zero_grad()`, `loss.backward()`, `optimizer.step()`입니다. 그 둘레에 에폭을 도는 바깥 반복문이 있고, 기록은
# `loss.item()`으로 합니다. 평범한 수라서 그래프를 붙잡아 두지 않습니다(07강).
#
# 평가는 다릅니다. 변화도가 필요 없으니 `no_grad()` 안에서 실행하고(그래프가 없으니 메모리도 덜 씁니다), `model.eval()`로
# 모델을 평가 모드로 바꿉니다. 이 MLP는 두 모드에서 똑같이 동작하지만, 드롭아웃이나 배치 정규화(12강) 같은 계층(layer)은
# 다르게 동작하므로 습관을 들여 두세요. `model.train()`으로 다시 학습 모드로 돌아옵니다.

# %%
@torch.no_grad()
def evaluate(model, x, y):
    """(loss, accuracy) on x, y, without recording a graph."""
    model.eval()
    logits = model(x)
    loss = F.cross_entropy(logits, y).item()
    accuracy = (logits.argmax(dim=1) == y).float().mean().item()
    model.train()
    return loss, accuracy


def train(model, optimizer, epochs, batch_size=32, zero_grad=True):
    """Train on the digits; return the loss of every step and the test accuracy after every epoch."""
    loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, generator=torch.Generator().manual_seed(1))
    losses, accuracies = [], []
    model.train()
    for epoch in range(epochs):
        for xb, yb in loader:
            loss = F.cross_entropy(model(xb), yb)  # forward pass and loss
            if zero_grad:
                optimizer.zero_grad()              # forget the last step's gradients
            loss.backward()                        # fill p.grad
            optimizer.step()                       # update the parameters
            losses.append(loss.item())
        accuracies.append(evaluate(model, x_test, y_test)[1])
    return losses, accuracies

# %% [markdown]
# The results below are printed coarsely on purpose. Each CPU family has its own matrix-multiplication
# kernels (the BLAS library under NumPy), which add up products in their own order, so the last bits
# of a float32 result differ from one machine to another. After hundreds of steps those bits can
# move a loss in its third decimal or flip a test image that sits on the border between two digits.
# "At least 90%" is true on every machine, and the curves show the details:
#
# 아래 결과는 일부러 거칠게 출력합니다. CPU 계열마다 NumPy 밑에서 행렬 곱을 계산하는 커널(BLAS 라이브러리)이 따로 있고,
# 곱을 더하는 순서가 저마다 달라서 float32 결과의 마지막 비트가 컴퓨터마다 다릅니다. 수백 걸음을 지나면 이 비트가 손실의
# 셋째 자리를 바꾸거나, 두 숫자의 경계에 걸친 시험 이미지 하나의 답을 뒤집을 수 있습니다. "90% 이상"은 어느 컴퓨터에서나
# 참이고, 자세한 모습은 곡선이 보여 줍니다.

# %%
def accuracy_band(accuracy):
    """Round an accuracy down to a multiple of 5%, or say "≈ chance": the same text on every CPU."""
    return "≈ chance" if accuracy < 0.2 else f"≥ {int(accuracy * 20) * 5}%"


def loss_text(loss):
    """Two decimals, or "diverged" for a loss that blew up."""
    return "> 100 (diverged)" if loss > 100 else f"{loss:.2f}"

# %% [markdown]
# Our `PlainSGD` with a learning rate of 0.1, five epochs:
#
# 우리 `PlainSGD`를 학습률 0.1로 다섯 에폭 돌립니다.

# %%
model = make_model()
loss_before, accuracy_before = evaluate(model, x_test, y_test)
print(f"before: loss {loss_before:.2f}, test accuracy {accuracy_band(accuracy_before)}")
losses, accuracies = train(model, PlainSGD(model.parameters(), lr=0.1), epochs=5)
loss_after, accuracy_after = evaluate(model, x_test, y_test)
print(f"after:  loss {loss_after:.2f}, test accuracy {accuracy_band(accuracy_after)}")

fig, ax = plt.subplots(figsize=(5, 2.8))
ax.plot(range(0, 6), [accuracy_before] + accuracies, "o-")
ax.set_xlabel("epoch · 에폭")
ax.set_ylabel("test accuracy · 시험 정확도")
ax.set_title("PlainSGD, lr = 0.1 · 학습률 0.1의 PlainSGD")
ax.set_ylim(0, 1)
plt.tight_layout()
plt.show()

# %% [markdown]
# From 10% (guessing) to above 90% of test images right. Which ones are still wrong? The first
# twelve test images with the model's answers; a red title marks a mistake:
#
# 10%(찍기)에서 시험 이미지의 90% 이상을 맞히게 되었습니다. 아직 틀리는 것은 무엇일까요? 시험 이미지 처음 열두 장과 모델의
# 답입니다. 제목이 빨간색이면 틀린 것입니다.

# %%
model.eval()
with torch.no_grad():
    predictions = model(x_test[:12]).argmax(dim=1)
model.train()

fig, axes = plt.subplots(2, 6, figsize=(8, 4.4))
for ax, image, label, guess in zip(axes.flat, x_test[:12], y_test[:12], predictions):
    ax.imshow(image.reshape(8, 8).numpy(), cmap="gray_r")
    right = guess.item() == label.item()
    ax.set_title(f"guess · 예측 {guess.item()}\nlabel · 정답 {label.item()}", fontsize=8, color="black" if right else "red")
    ax.axis("off")
fig.suptitle("Predictions on test images · 시험 이미지에 대한 예측")
plt.tight_layout()
plt.show()

# %% [markdown]
# ## Why zero_grad() · 왜 zero_grad()인가
#
# `backward()` **adds** to `.grad` (lesson 04): that is what makes a tensor used twice get both
# contributions. Between training steps it is a trap. Two backward passes on the same batch, without
# clearing, and the last layer's bias gradient is exactly doubled:
#
# `backward()`는 `.grad`에 **더합니다**(04강). 그래서 두 번 쓰인 텐서가 양쪽 기여를 모두 받습니다. 하지만 학습 걸음
# 사이에서는 함정이 됩니다. 같은 배치로 비우지 않고 역전파를 두 번 하면 마지막 계층 편향(bias)의 변화도가 정확히 두 배가
# 됩니다.

# %%
model = make_model()
optimizer = optim.SGD(model.parameters(), lr=0.1)
bias = model[2].bias

F.cross_entropy(model(xb), yb).backward()
print(bias.grad[:4])
F.cross_entropy(model(xb), yb).backward()
print(bias.grad[:4])

# %% [markdown]
# `optimizer.zero_grad()` clears them. Since PyTorch 2.0 its default is `set_to_none=True`: the
# gradients become `None` instead of zero tensors. That frees their memory between steps, skips a
# pass that writes zeros, and the next `backward()` simply stores its result instead of adding it to
# zeros. The cost: code that reads `p.grad` must accept `None` (as `step()` does, by skipping such
# parameters). `set_to_none=False` keeps zero tensors:
#
# `optimizer.zero_grad()`가 변화도를 비웁니다. PyTorch 2.0부터 기본값은 `set_to_none=True`라서, 변화도가 0 텐서가 아니라
# `None`이 됩니다. 걸음 사이에 그 메모리를 풀어 주고, 0을 써 넣는 작업을 건너뛰며, 다음 `backward()`는 0에 더하는 대신
# 결과를 그냥 저장합니다. 대가는 `p.grad`를 읽는 코드가 `None`을 받아들여야 한다는 점입니다(`step()`은 그런 매개변수를
# 건너뜁니다). `set_to_none=False`를 주면 0 텐서를 남깁니다.

# %%
optimizer.zero_grad()
print(bias.grad)
F.cross_entropy(model(xb), yb).backward()
optimizer.zero_grad(set_to_none=False)
print(bias.grad)

# %% [markdown]
# minigrad's `zero_grad` and `step`, shared by every optimizer (`minigrad/optim/optimizer.py`).
# `step` calls each optimizer's `_update` with the gradient as a NumPy array: the update never
# enters a graph, which is what `no_grad()` gave our `PlainSGD`:
#
# 모든 옵티마이저가 함께 쓰는 minigrad의 `zero_grad`와 `step`입니다(`minigrad/optim/optimizer.py`). `step`은 옵티마이저마다
# 다른 `_update`를 변화도의 NumPy 배열로 호출합니다. 그래서 갱신은 그래프에 들어가지 않습니다. 우리 `PlainSGD`에서는
# `no_grad()`가 해 준 일입니다.

# %%
print(inspect.getsource(optim.Optimizer.zero_grad))
print(inspect.getsource(optim.Optimizer.step))

# %% [markdown]
# Forget `zero_grad()` in the loop and every step uses the sum of **all** gradients so far: the
# steps grow and the training falls apart. SGD with momentum 0.9, three epochs, with and without it:
#
# 반복문에서 `zero_grad()`를 잊으면 걸음마다 지금까지의 **모든** 변화도의 합을 쓰게 됩니다. 걸음이 점점 커지고 학습이
# 무너집니다. 모멘텀 0.9의 SGD로 세 에폭, 있을 때와 없을 때를 비교합니다.

# %%
curves = {}
for zero_grad in [True, False]:
    model = make_model()
    optimizer = optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)
    losses, accuracies = train(model, optimizer, epochs=3, zero_grad=zero_grad)
    curves[zero_grad] = losses
    print(f"zero_grad={zero_grad!s:5}  last loss {loss_text(losses[-1]):16}  test accuracy {accuracy_band(accuracies[-1])}")

fig, ax = plt.subplots(figsize=(7, 3.4))
ax.plot(curves[True], label="with zero_grad() · zero_grad() 호출")
ax.plot(curves[False], label="without · zero_grad() 빠뜨림", color="tab:red")
ax.set_yscale("log")
ax.set_xlabel("step · 학습 단계")
ax.set_ylabel("loss · 손실 (log)")
ax.set_title("Forgetting zero_grad() · zero_grad()를 잊으면")
ax.legend()
plt.show()

# %% [markdown]
# ## Momentum: a velocity · 모멘텀: 속도
#
# Plain SGD moves by $-\eta\, g$, with learning rate $\eta$ and gradient $g$. In a long narrow
# valley the gradient points mostly **across** the valley: with a large $\eta$, SGD zig-zags
# between the walls; with an $\eta$ small enough not to, it crawls along the floor. Either way it
# is slow. Momentum keeps a running **velocity** $b$: each step adds the new gradient
# to the old velocity multiplied by $\mu$ (typically 0.9), and moves along the velocity:
#
# $$b \leftarrow \mu\, b + g, \qquad p \leftarrow p - \eta\, b.$$
#
# Across the valley the gradients change sign and cancel in $b$; along it they agree and add up, up
# to $1 / (1 - \mu) = 10$ times one gradient for $\mu = 0.9$.
#
# 기본 SGD는 학습률 $\eta$와 변화도 $g$로 $-\eta\, g$만큼 움직입니다. 길고 좁은 골짜기에서는 변화도가 주로 골짜기를
# **가로지르는** 쪽을 가리킵니다. $\eta$가 크면 SGD는 양쪽 벽 사이를 지그재그로 오가고, 그러지 않을 만큼 $\eta$가 작으면
# 바닥을 따라 느릿느릿 기어갑니다. 어느 쪽이든 느립니다. 모멘텀은
# **속도** $b$를 계속 유지합니다. 걸음마다 이전 속도에 $\mu$(보통 0.9)를 곱해 새 변화도에 더하고, 그 속도를 따라
# 움직입니다.
#
# $$b \leftarrow \mu\, b + g, \qquad p \leftarrow p - \eta\, b.$$
#
# 골짜기를 가로지르는 변화도는 부호가 바뀌며 $b$ 안에서 서로 상쇄되고, 골짜기를 따르는 변화도는 방향이 같아 쌓입니다.
# $\mu = 0.9$이면 변화도 하나의 최대 $1 / (1 - \mu) = 10$배까지 커집니다.

# %% [markdown]
# PyTorch's `SGD` adds three options to that rule. For gradient $g$ of parameter $p$, one step is:
#
# 1. **weight decay** $\lambda$: $g \leftarrow g + \lambda\, p$ (the gradient of an L2 penalty
#    $\tfrac{\lambda}{2} \lVert p \rVert^2$, which pulls weights towards zero);
# 2. the **buffer**: $b \leftarrow g$ on the first step (not $(1 - \tau)\, g$), then
#    $b \leftarrow \mu\, b + (1 - \tau)\, g$ with **dampening** $\tau$ (default 0);
# 3. **Nesterov**: $g \leftarrow g + \mu\, b$, otherwise $g \leftarrow b$;
# 4. $p \leftarrow p - \eta\, g$.
#
# PyTorch의 `SGD`는 이 규칙에 선택지 세 가지를 더합니다. 매개변수 $p$의 변화도 $g$에 대해 한 걸음은 다음과 같습니다.
#
# 1. **가중치 감쇠** $\lambda$: $g \leftarrow g + \lambda\, p$(가중치를 0 쪽으로 끌어당기는 L2 벌점
#    $\tfrac{\lambda}{2} \lVert p \rVert^2$의 변화도입니다)
# 2. **버퍼**: 첫 걸음에는 ($(1 - \tau)\, g$가 아니라) $b \leftarrow g$, 그 뒤로는 **감쇠율**(dampening) $\tau$(기본값 0)로
#    $b \leftarrow \mu\, b + (1 - \tau)\, g$
# 3. **Nesterov**: $g \leftarrow g + \mu\, b$, 아니면 $g \leftarrow b$
# 4. $p \leftarrow p - \eta\, g$

# %%
class MomentumSGD:
    """PyTorch's SGD rule, written with tensor operations."""

    def __init__(self, params, lr, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False):
        self.params = list(params)
        self.lr, self.momentum, self.dampening = lr, momentum, dampening
        self.weight_decay, self.nesterov = weight_decay, nesterov
        self.buffers = [None] * len(self.params)  # one velocity per parameter

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            g = p.grad
            if self.weight_decay:
                g = g + self.weight_decay * p
            if self.momentum:
                if self.buffers[i] is None:
                    self.buffers[i] = g.clone()  # first step: the gradient itself
                else:
                    self.buffers[i] = self.momentum * self.buffers[i] + (1 - self.dampening) * g
                b = self.buffers[i]
                g = g + self.momentum * b if self.nesterov else b
            p -= self.lr * g

# %% [markdown]
# Tests against `optim.SGD`, ten steps on the digits, for the seed's setting
# `SGD(model.parameters(), lr=1e-2, momentum=0.9)` and for every option together. The
# differences are zero or a few float32 roundings (about $10^{-8}$), from doing the same arithmetic
# in another order:
#
# `optim.SGD`와 비교합니다. 숫자 데이터로 열 걸음씩, 원본 노트의 설정 `SGD(model.parameters(), lr=1e-2, momentum=0.9)`와
# 모든 선택지를 켠 설정을 시험합니다. 차이는 0이거나, 같은 산술을 다른 순서로 한 데서 오는 float32 반올림 몇 번(약
# $10^{-8}$)입니다.

# %%
settings = [
    dict(lr=1e-2, momentum=0.9),
    dict(lr=1e-2, momentum=0.9, nesterov=True, weight_decay=1e-3),
    dict(lr=5e-2, momentum=0.8, dampening=0.3, weight_decay=1e-2),
]
for setting in settings:
    model_ours, model_ref = make_model(), make_model()
    ours = run_steps(model_ours, MomentumSGD(model_ours.parameters(), **setting), n_steps=10)
    ref = run_steps(model_ref, optim.SGD(model_ref.parameters(), **setting), n_steps=10)
    print(f"{setting}: largest difference < 1e-6:", max_difference(ours, ref) < 1e-6)

# %% [markdown]
# Many textbooks write momentum as $v \leftarrow \mu\, v - \eta\, g$, $p \leftarrow p + v$, with
# the learning rate **inside** the velocity. PyTorch keeps the learning rate outside: its buffer
# holds $v / (-\eta)$. With a constant $\eta$ the two give the same steps, but when the learning
# rate changes during training (a schedule), the textbook velocity still carries the old $\eta$
# for a while and PyTorch's does not. The real code, `minigrad/optim/sgd.py`:
#
# 많은 교과서는 모멘텀을 $v \leftarrow \mu\, v - \eta\, g$, $p \leftarrow p + v$로, 학습률을 속도 **안에** 넣어 씁니다.
# PyTorch는 학습률을 바깥에 두므로, 버퍼에는 $v / (-\eta)$가 들어 있습니다. $\eta$가 일정하면 두 방식의 걸음은 같지만,
# 학습 도중 학습률을 바꾸면(스케줄) 교과서 방식의 속도에는 한동안 옛 $\eta$가 남아 있고 PyTorch 방식에는 남지 않습니다.
# 실제 코드 `minigrad/optim/sgd.py`입니다.

# %%
print(inspect.getsource(importlib.import_module("minigrad.optim.sgd")))

# %% [markdown]
# ## Adam: a step size per number · Adam: 수마다 다른 걸음 크기
#
# Momentum fixes the direction; it does not fix the **scale**. One weight may get gradients of
# size 100, another of size 0.001, and one learning rate cannot suit both. Adam keeps, for every
# number, a momentum $m$ (a running mean of $g$) and a running mean $v$ of $g^2$, and divides one by
# the square root of the other, so each number moves by roughly $\eta$, whatever its gradient's
# size. With $\beta_1 = 0.9$, $\beta_2 = 0.999$ and step count $t$:
#
# $$m \leftarrow \beta_1 m + (1 - \beta_1)\, g, \qquad v \leftarrow \beta_2 v + (1 - \beta_2)\, g^2,$$
#
# $$\hat m = \frac{m}{1 - \beta_1^t}, \qquad \hat v = \frac{v}{1 - \beta_2^t}, \qquad
# p \leftarrow p - \eta\, \frac{\hat m}{\sqrt{\hat v} + \epsilon}.$$
#
# The hats are the **bias correction**. $m$ and $v$ start at zero, so early on they are too small:
# after the first step $m = 0.1\, g$ and $v = 0.001\, g^2$. Dividing by $1 - \beta^t$ undoes exactly
# that, so the first step is $\hat m = g$, $\hat v = g^2$, a move of $\eta$ per number; as $t$ grows,
# $\beta^t \to 0$ and the correction fades.
#
# 모멘텀은 방향을 바로잡아 주지만 **크기**는 바로잡지 못합니다. 어떤 가중치는 크기 100의 변화도를, 다른 가중치는 0.001의
# 변화도를 받을 수 있는데, 학습률 하나로는 둘 다 맞출 수 없습니다. Adam은 수마다 모멘텀 $m$($g$의 이동 평균)과 $g^2$의
# 이동 평균 $v$를 두고, 하나를 다른 하나의 제곱근으로 나눕니다. 그래서 변화도의 크기와 상관없이 각 수가 대략 $\eta$만큼
# 움직입니다. $\beta_1 = 0.9$, $\beta_2 = 0.999$, 걸음 수 $t$에 대해 위의 식과 같습니다.
#
# 모자(^)를 씌운 값이 **편향 보정**입니다. $m$과 $v$는 0에서 시작하므로 초반에는 너무 작습니다. 첫 걸음 뒤에는
# $m = 0.1\, g$, $v = 0.001\, g^2$입니다. $1 - \beta^t$로 나누면 정확히 이만큼이 되돌려져서, 첫 걸음은 $\hat m = g$,
# $\hat v = g^2$, 즉 수마다 $\eta$만큼 움직입니다. $t$가 커지면 $\beta^t \to 0$이 되어 보정은 사라집니다.

# %%
class OurAdam:
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        self.params = list(params)
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = [torch.zeros_like(p) for p in self.params]
        self.v = [torch.zeros_like(p) for p in self.params]
        self.t = 0

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        self.t += 1
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            g = p.grad
            self.m[i] = self.beta1 * self.m[i] + (1 - self.beta1) * g
            self.v[i] = self.beta2 * self.v[i] + (1 - self.beta2) * g * g
            m_hat = self.m[i] / (1 - self.beta1 ** self.t)
            v_hat = self.v[i] / (1 - self.beta2 ** self.t)
            p -= self.lr * m_hat / (v_hat.sqrt() + self.eps)

# %% [markdown]
# The first step, on three numbers whose gradients differ by a factor of $10^5$: each moves by
# almost exactly $\eta = 0.1$ against its gradient's sign. Then ten steps on the digits against
# `optim.Adam`:
#
# 변화도가 $10^5$배씩 차이 나는 세 수로 첫 걸음을 밟아 봅시다. 모두 변화도 부호의 반대쪽으로 거의 정확히 $\eta = 0.1$만큼
# 움직입니다. 그다음 숫자 데이터로 열 걸음을 `optim.Adam`과 비교합니다.

# %%
w = torch.tensor([0.0, 0.0, 0.0], requires_grad=True)
adam = OurAdam([w], lr=0.1)
(w * torch.tensor([100.0, -0.01, 0.001])).sum().backward()
adam.step()
print(w)

model_ours, model_ref = make_model(), make_model()
ours = run_steps(model_ours, OurAdam(model_ours.parameters(), lr=1e-3), n_steps=10)
ref = run_steps(model_ref, optim.Adam(model_ref.parameters(), lr=1e-3), n_steps=10)
print("same as optim.Adam (largest difference < 1e-6):", max_difference(ours, ref) < 1e-6)

# %% [markdown]
# minigrad's `Adam` (`minigrad/optim/adam.py`) updates the moments in place and arranges the same
# formula the way PyTorch does, folding $1 - \beta_1^t$ into the step size and
# $\sqrt{1 - \beta_2^t}$ into the denominator, so its float32 roundings match PyTorch's rather than
# ours. It also has weight decay, AMSGrad and AdamW:
#
# minigrad의 `Adam`(`minigrad/optim/adam.py`)은 모멘트를 제자리에서 갱신하고, 같은 식을 PyTorch와 같은 모양으로
# 정리합니다. $1 - \beta_1^t$는 걸음 크기에, $\sqrt{1 - \beta_2^t}$는 분모에 넣습니다. 그래서 float32 반올림이 우리 것이
# 아니라 PyTorch의 것과 같습니다. 가중치 감쇠, AMSGrad, AdamW도 들어 있습니다.

# %%
print(inspect.getsource(importlib.import_module("minigrad.optim.adam")))

# %% [markdown]
# ## Paths on a narrow valley · 좁은 골짜기 위의 경로
#
# To see the three rules move, give them two numbers instead of 100,000: minimize
# $f(x, y) = 0.05\, x^2 + y^2$, a valley 20 times steeper across ($y$) than along ($x$), starting at
# $(-9, 2)$, 40 steps each. The parameter is one tensor `xy`, and the optimizers are minigrad's; the
# loop is the training loop, with `f(xy)` as the loss:
#
# 세 규칙이 어떻게 움직이는지 보려고 수 10만 개 대신 두 개만 줍니다. $f(x, y) = 0.05\, x^2 + y^2$를 최소화합니다.
# 골짜기를 가로지르는 방향($y$)이 골짜기를 따라가는 방향($x$)보다 20배 가파릅니다. $(-9, 2)$에서 출발해 각각 40걸음을 갑니다. 매개변수는
# 텐서 `xy` 하나이고 옵티마이저는 minigrad의 것입니다. 반복문은 `f(xy)`를 손실로 쓰는 학습 반복문 그대로입니다.

# %%
def valley(xy):
    return 0.05 * xy[0] ** 2 + xy[1] ** 2


def path(make_optimizer, steps=40, start=(-9.0, 2.0)):
    xy = torch.tensor(start, requires_grad=True)
    optimizer = make_optimizer([xy])
    points = [xy.tolist()]
    for _ in range(steps):
        optimizer.zero_grad()
        valley(xy).backward()
        optimizer.step()
        points.append(xy.tolist())
    return np.array(points)


paths = {
    "SGD, lr=0.1": path(lambda ps: optim.SGD(ps, lr=0.1)),
    "SGD, lr=0.1, momentum=0.9": path(lambda ps: optim.SGD(ps, lr=0.1, momentum=0.9)),
    "Adam, lr=0.5": path(lambda ps: optim.Adam(ps, lr=0.5)),
}
for name, points in paths.items():
    x_end, y_end = points[-1]
    print(f"{name:27}  end ({x_end:7.3f}, {y_end:7.3f})   f = {valley(torch.tensor(points[-1])).item():.4f}")

# %%
grid_x, grid_y = np.meshgrid(np.linspace(-10, 4, 200), np.linspace(-2.6, 2.6, 200))
fig, ax = plt.subplots(figsize=(8, 3.8))
ax.contour(grid_x, grid_y, 0.05 * grid_x ** 2 + grid_y ** 2, levels=np.linspace(0.1, 6, 14), colors="lightgray")
for (name, points), color in zip(paths.items(), ["tab:blue", "tab:orange", "tab:green"]):
    ax.plot(points[:, 0], points[:, 1], "o-", markersize=3, color=color, label=name)
ax.plot(0, 0, "k*", markersize=12, label="minimum · 최솟값 (0, 0)")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_title("40 steps on f(x, y) = 0.05x² + y² · 골짜기에서 40걸음")
ax.legend(loc="upper right", fontsize=8)
plt.show()

# %% [markdown]
# SGD slides down the steep wall at once, then creeps along the floor: each step shrinks $x$ by only
# $1\%$ ($1 - 0.1 \cdot 0.1$), so after 40 steps it has covered a third of the way. A larger learning
# rate would speed $x$ up, but above $\eta = 1$ the $y$ direction diverges (we will see that
# below). Momentum, with the same $\eta$, builds up speed along the floor and gets close in the
# same 40 steps, but a velocity also carries it past the minimum: it swings across the valley,
# overshoots $x = 0$ by more than 1, and is on its way back when the 40 steps end. Adam takes steps
# of about $\eta$ in both coordinates from the start, so the shape of the valley barely slows it.
#
# SGD는 가파른 벽을 단숨에 내려온 뒤 바닥을 따라 기어갑니다. 걸음마다 $x$가 겨우 $1\%$($1 - 0.1 \cdot 0.1$)씩 줄어서,
# 40걸음 뒤에도 3분의 1쯤밖에 못 갑니다. 학습률을 키우면 $x$는 빨라지지만, $\eta = 1$을 넘으면 $y$ 방향이 발산합니다(아래에서
# 봅니다). 같은 $\eta$의 모멘텀은 바닥을 따라 속도를 붙여 같은 40걸음 안에 가까이 다가가지만, 속도 때문에 최솟값을
# 지나치기도 합니다. 골짜기를 가로질러 흔들리고, $x = 0$을 1 넘게 지나쳤다가 40걸음이 끝날 때는 되돌아오는 중입니다.
# Adam은 처음부터 두 좌표 모두 대략 $\eta$씩 움직이므로 골짜기 모양 때문에 거의 느려지지 않습니다.

# %% [markdown]
# ## SGD, momentum and Adam on the digits · 숫자 데이터에서 SGD, 모멘텀, Adam
#
# Now the real comparison: the 64-128-10 tanh network, the same starting weights and the same
# batches (32 images), five epochs each, with SGD at `lr=1e-2`, the seed's
# `optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)`, and Adam at its default `lr=1e-3`:
#
# 이제 진짜 비교입니다. 64-128-10 tanh 신경망을 같은 처음 가중치, 같은 배치(이미지 32장)로 각각 다섯 에폭씩 학습합니다.
# `lr=1e-2`의 SGD, 원본 노트의 `optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)`, 그리고 기본값 `lr=1e-3`의 Adam입니다.

# %%
optimizers = {
    "SGD (lr=1e-2)": lambda ps: optim.SGD(ps, lr=1e-2),
    "SGD + momentum 0.9 (lr=1e-2)": lambda ps: optim.SGD(ps, lr=1e-2, momentum=0.9),
    "Adam (lr=1e-3)": lambda ps: optim.Adam(ps, lr=1e-3),
}
results = {}
for name, make_optimizer in optimizers.items():
    model = make_model()
    results[name] = train(model, make_optimizer(model.parameters()), epochs=5)
    accuracies = results[name][1]
    print(f"{name:30} test accuracy after epoch 1: {accuracy_band(accuracies[0]):6} after epoch 5: {accuracy_band(accuracies[-1])}")

sgd, momentum = results["SGD (lr=1e-2)"][1], results["SGD + momentum 0.9 (lr=1e-2)"][1]
print("momentum after 1 epoch ahead of plain SGD after 5:", momentum[0] > sgd[-1])

# %%
def smooth(values, width=20):
    """Moving average, so that the noise of single batches does not hide the trend."""
    return np.convolve(values, np.ones(width) / width, mode="valid")


fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 3.8))
for name, (losses, accuracies) in results.items():
    ax_loss.plot(smooth(losses), label=name)
    ax_acc.plot(range(1, len(accuracies) + 1), accuracies, "o-", label=name)
ax_loss.set_xlabel("step · 학습 단계")
ax_loss.set_ylabel("training loss, 20-step mean · 학습 손실 (20걸음 평균)", fontsize=9)
ax_loss.set_title("Loss · 손실")
ax_acc.set_xlabel("epoch · 에폭")
ax_acc.set_ylabel("test accuracy · 시험 정확도")
ax_acc.set_xticks(range(1, 6))
ax_acc.set_title("Accuracy · 정확도")
ax_acc.legend(fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# With the same learning rate, momentum makes SGD several times faster: after one epoch it is where
# plain SGD is not after five. Adam, with a learning rate ten times smaller, is as fast. This is one
# small network and five epochs, not a verdict: a better-tuned plain SGD (we used 0.1 above) closes
# much of the gap. But it is the usual picture: momentum or Adam is the default choice.
#
# 학습률이 같을 때 모멘텀은 SGD를 몇 배나 빠르게 만듭니다. 한 에폭 뒤에 벌써 기본 SGD가 다섯 에폭 뒤에도 못 간 곳에
# 있습니다. Adam은 학습률이 10배 작은데도 그만큼 빠릅니다. 작은 신경망 하나에 다섯 에폭이니 이것만으로 단정할 수는 없습니다. 기본 SGD도
# 학습률을 잘 고르면(위에서는 0.1을 썼습니다) 격차가 많이 줄어듭니다. 그래도 흔히 보는 그림입니다. 모멘텀이나 Adam이 기본
# 선택입니다.

# %% [markdown]
# ## Progress bars with tqdm · tqdm으로 진행 막대 보기
#
# A long training run is easier to watch with a progress bar. `tqdm` wraps any iterable and draws a
# bar as it is consumed; `from tqdm.auto import tqdm` picks a widget in Jupyter and a text bar in a
# terminal. `set_postfix` shows the current loss next to the bar.
#
# Here an outer bar counts the epochs and an inner bar, with `leave=False`, the batches of the
# current epoch; it disappears when its epoch ends. (The bars show elapsed time and speed, which
# differ on every run: the course's nbval settings replace a bar by a placeholder before comparing.)
#
# 오래 걸리는 학습은 진행 막대가 있으면 지켜보기 쉽습니다. `tqdm`은 어떤 반복 가능 객체든 감싸서 소비되는 만큼 막대를
# 그립니다. `from tqdm.auto import tqdm`은 Jupyter에서는 위젯을, 터미널에서는 글자 막대를 고릅니다. `set_postfix`는 현재
# 손실을 막대 옆에 보여 줍니다.
#
# 여기서는 바깥 막대가 에폭을 세고, `leave=False`를 준 안쪽 막대가 지금 에폭의 배치를 셉니다. 안쪽 막대는 에폭이 끝나면
# 사라집니다. (막대에는 실행할 때마다 달라지는 경과 시간과 속도가 찍히므로, 이 강의의 nbval 설정은 비교하기 전에 막대를
# 자리표시 문자열로 바꿉니다.)

# %%
from tqdm.auto import tqdm

model = make_model()
optimizer = optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)
loader = DataLoader(train_set, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(1))
for epoch in tqdm(range(3), desc="epochs · 에폭"):
    batches = tqdm(loader, desc=f"epoch {epoch + 1}", leave=False)
    for xb, yb in batches:
        loss = F.cross_entropy(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        batches.set_postfix(loss=f"{loss.item():.3f}")
test_loss, test_accuracy = evaluate(model, x_test, y_test)
print(f"test loss {test_loss:.2f}, test accuracy {accuracy_band(test_accuracy)}")

# %% [markdown]
# ## The learning rate · 학습률
#
# The learning rate matters more than the choice of optimizer. Plain SGD, three epochs, learning
# rates from $10^{-4}$ to $10$:
#
# 학습률은 옵티마이저 선택보다 더 중요합니다. 기본 SGD로 세 에폭씩, 학습률을 $10^{-4}$부터 $10$까지 바꿔 봅니다.

# %%
print("     lr          last loss   test accuracy")
for lr in [1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0]:
    model = make_model()
    losses, accuracies = train(model, optim.SGD(model.parameters(), lr=lr), epochs=3)
    print(f"{lr:7g}   {loss_text(np.mean(losses[-20:])):>16}   {accuracy_band(accuracies[-1]):>13}")

# %% [markdown]
# Too small ($10^{-4}$): the weights hardly move and the loss stays near $\ln 10$. Too large
# ($10$): every step overshoots, the loss grows to hundreds and the accuracy is chance. In between,
# accuracy grows with the learning rate; here the best rate, 1, is just one step below the one that
# diverges, which is typical. (The cross-entropy of minigrad, like
# PyTorch's, is computed stably, so the loss here stays finite however large the logits get.)
#
# On the valley, the largest stable rate is exact: a step multiplies $y$ by $1 - 2\eta$, so for
# $\eta > 1$ the factor is below $-1$ and $y$ swings ever wider. With $\eta = 3$ the factor is
# $-5$. The loss $y^2$ overflows to `inf` first; $y$ itself passes the largest float32 (about
# $3.4 \times 10^{38}$) at step 55 and becomes `-inf`, and then $\infty - \infty$ gives `nan`
# (not a number), which spreads to everything computed from it. Like PyTorch, minigrad does this silently: no warning tells you.
#
# 너무 작으면($10^{-4}$) 가중치가 거의 움직이지 않아 손실이 $\ln 10$ 근처에 머뭅니다. 너무 크면($10$) 걸음마다 지나쳐서
# 손실이 수백까지 커지고 정확도는 찍기 수준입니다. 그 사이에서는 학습률이 클수록 정확도가 올라갑니다. 여기서 가장 좋은
# 학습률 1은 발산하는 학습률 바로 한 단계 아래인데, 흔히 있는 일입니다.
# (minigrad의 교차 엔트로피는 PyTorch처럼 안정적으로 계산되므로, 로짓이 아무리 커져도 여기서는 손실이 유한하게 남습니다.)
#
# 골짜기에서는 안정적인 최대 학습률을 정확히 알 수 있습니다. 한 걸음은 $y$에 $1 - 2\eta$를 곱하므로, $\eta > 1$이면 이
# 배율이 $-1$보다 작아 $y$가 점점 크게 흔들립니다. $\eta = 3$이면 배율이 $-5$입니다. 먼저 손실 $y^2$이 넘쳐서 `inf`가
# 되고, $y$ 자체는 55번째 걸음에서 float32의 최댓값(약 $3.4 \times 10^{38}$)을 넘어 `-inf`가 됩니다. 그다음
# $\infty - \infty$가 `nan`(수가 아님)을 만들고, `nan`은 그것으로 계산한 모든 값에 퍼집니다. PyTorch처럼 minigrad도 이 일을 조용히 합니다. 경고는 나오지 않습니다.

# %%
xy = torch.tensor([-9.0, 2.0], requires_grad=True)
optimizer = optim.SGD([xy], lr=3.0)
for step in range(1, 58):
    optimizer.zero_grad()
    loss = valley(xy)
    loss.backward()
    optimizer.step()
    if step % 10 == 0 or step >= 54:
        x, y = xy.tolist()
        print(f"step {step:2d}: loss {loss.item():10.4g}   x {x:10.4g}   y {y:10.4g}")

# %% [markdown]
# `x` is unharmed: its gradient $0.1\, x$ does not involve $y$, and each step multiplies it by
# $1 - 0.1 \cdot 3 = 0.7$. In a network nothing is that separate: every weight feeds the same loss,
# so one `nan` reaches every gradient and then every weight. In a real run, a loss that turns `nan`
# means: stop, lower the learning rate, and start again from a saved checkpoint.
#
# `x`는 멀쩡합니다. $x$의 변화도 $0.1\, x$에는 $y$가 들어 있지 않아서, 걸음마다 $1 - 0.1 \cdot 3 = 0.7$배가 될
# 뿐입니다. 신경망에서는 이렇게 따로 떨어진 것이 없습니다. 모든 가중치가 같은 손실로 이어지므로 `nan` 하나가 모든 변화도에,
# 이어서 모든 가중치에 닿습니다. 실제 학습에서 손실이 `nan`이 되면 멈추고, 학습률을 낮추고, 저장해 둔 체크포인트에서 다시
# 시작하세요.

# %% [markdown]
# ## Summary · 정리
#
# * `load_digits(test_size=0.2, seed=0)` gives 1,438 training and 359 test images of 8×8 pixels;
#   `TensorDataset` pairs rows, `DataLoader(batch_size=..., shuffle=True, generator=...)` gives a
#   new seeded order of batches every epoch.
# * The training loop: forward, loss, `optimizer.zero_grad()`, `loss.backward()`,
#   `optimizer.step()`; log `loss.item()`. Evaluate under `no_grad()` with `model.eval()`.
# * `backward()` adds to `.grad`; without `zero_grad()` each step uses the sum of all past
#   gradients and training diverges. `zero_grad()` sets gradients to `None` by default.
# * SGD: $p \leftarrow p - \eta g$. Momentum keeps a velocity $b \leftarrow \mu b + (1-\tau) g$
#   (first step $b = g$), with weight decay and Nesterov as options; PyTorch keeps $\eta$ outside the
#   buffer.
# * Adam divides a momentum by the root of a running mean of $g^2$, with bias correction
#   $1 / (1 - \beta^t)$, so every number moves by about $\eta$.
# * The learning rate decides most: too small crawls, too large diverges, possibly to `nan`.
#
# **Next, lesson 12:** convolutions and pooling for images, ResNet-18, and freezing parameters for
# fine-tuning.
#
# * `load_digits(test_size=0.2, seed=0)`는 8×8 픽셀 이미지를 학습용 1,438장, 시험용 359장으로 줍니다. `TensorDataset`은
#   행을 짝짓고, `DataLoader(batch_size=..., shuffle=True, generator=...)`는 에폭마다 시드로 정해진 새 순서로 배치를 줍니다.
# * 학습 반복문은 순전파, 손실, `optimizer.zero_grad()`, `loss.backward()`, `optimizer.step()`이고, 기록은
#   `loss.item()`으로 합니다. 평가는 `no_grad()` 안에서 `model.eval()`로 합니다.
# * `backward()`는 `.grad`에 더합니다. `zero_grad()`가 없으면 걸음마다 지난 변화도 전부의 합을 쓰게 되어 학습이 발산합니다.
#   `zero_grad()`는 기본적으로 변화도를 `None`으로 만듭니다.
# * SGD는 $p \leftarrow p - \eta g$입니다. 모멘텀은 속도 $b \leftarrow \mu b + (1-\tau) g$(첫 걸음은 $b = g$)를 유지하고,
#   가중치 감쇠와 Nesterov를 선택할 수 있습니다. PyTorch는 $\eta$를 버퍼 바깥에 둡니다.
# * Adam은 모멘텀을 $g^2$ 이동 평균의 제곱근으로 나누고 $1 / (1 - \beta^t)$로 편향을 보정하므로, 모든 수가 대략 $\eta$씩
#   움직입니다.
# * 가장 많은 것을 정하는 것은 학습률입니다. 너무 작으면 기어가고, 너무 크면 발산하며 `nan`까지 갈 수 있습니다.
#
# **다음 12강:** 이미지를 위한 합성곱(convolution)과 풀링(pooling), ResNet-18, 그리고 미세 조정(fine-tuning)을 위해
# 매개변수를 고정하는 방법을 다룹니다.
