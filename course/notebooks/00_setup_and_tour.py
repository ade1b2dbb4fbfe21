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
# # Lesson 00 · Setup and a tour · 준비와 둘러보기
#
# In this course you build **minigrad**, an automatic differentiation engine that looks, prints and
# fails like PyTorch's autograd, one layer at a time: tensors, the graph of functions, derivatives,
# the backward pass, operators, vector-Jacobian products, grad modes, higher-order derivatives, and
# finally neural networks trained with it. Every computational graph you make can be drawn.
#
# This first notebook does two things: it gets the course running on your machine, and it takes a tour
# of the *finished* engine, running the classic PyTorch autograd examples on it. Everything in the
# tour is what you will build, and understand, in the lessons that follow.
#
# 이 강의에서는 자동 미분(automatic differentiation) 엔진 **minigrad**를 한 계층씩 직접 만듭니다. minigrad는
# PyTorch의 autograd(자동 미분 엔진)와 똑같이 생겼고, 똑같이 출력하고, 오류도 똑같이 냅니다. 텐서(tensor),
# 함수의 그래프, 도함수(derivative), 역전파(backpropagation), 연산자, 벡터-야코비안 곱(vector-Jacobian
# product), 변화도(gradient) 모드, 고차 미분(higher-order derivative)을 차례로 만들고, 마지막에는 그 엔진으로
# 신경망을 학습합니다. 여러분이 만드는 계산 그래프(computational graph)는 모두 그림으로 그려 볼 수 있습니다.
#
# 이 첫 노트북에서는 두 가지를 합니다. 강의를 여러분의 컴퓨터에서 실행할 수 있게 준비하고, *완성된* 엔진
# 위에서 PyTorch autograd의 대표적인 예제들을 실행하며 둘러봅니다. 둘러보는 모든 것이 앞으로 여러분이 직접
# 만들고 이해하게 될 내용입니다.

# %% [markdown]
# ## Running the course · 강의 실행하기
#
# Pick one of these. All of them give you the same notebooks.
#
# - **JupyterLab on your machine (recommended).** In the repository folder run `make lab`. It creates a
#   virtual environment `.venv`, installs minigrad with the course tools, and opens this notebook; the
#   file browser on the left shows the whole repository, `exercises/` included. Only Python 3.10+
#   and pip are needed.
# - **conda.** `conda env create -f environment.yml`, then `conda activate minigrad-course` and
#   `jupyter lab`. This also installs Graphviz's `dot` program.
# - **Google Colab.** Open a notebook from the repository in Colab. The first cell of every notebook
#   (the one above) installs the course when it runs in Colab, and does nothing anywhere else.
# - **pip by hand.** `python -m venv .venv`, then `.venv/bin/pip install -e '.[course]'`.
#
# 아래 방법 중 하나를 고르세요. 어느 방법이든 같은 노트북을 쓰게 됩니다.
#
# - **내 컴퓨터의 JupyterLab (추천).** 저장소 폴더에서 `make lab`을 실행하세요. 가상 환경 `.venv`를 만들고,
#   minigrad와 강의 도구를 설치한 뒤 이 노트북을 엽니다. 왼쪽 파일 탐색기에는 `exercises/`를 포함한 저장소 전체가
#   보입니다. Python 3.10 이상과 pip만 있으면 됩니다.
# - **conda.** `conda env create -f environment.yml`을 실행한 뒤 `conda activate minigrad-course`와
#   `jupyter lab`을 실행하세요. Graphviz의 `dot` 프로그램도 함께 설치됩니다.
# - **Google Colab.** 저장소의 노트북을 Colab에서 여세요. 모든 노트북의 첫 셀(위의 셀)이 Colab에서 실행될 때만
#   강의 패키지를 설치하고, 다른 곳에서는 아무것도 하지 않습니다.
# - **pip로 직접 설치.** `python -m venv .venv`를 실행한 뒤 `.venv/bin/pip install -e '.[course]'`를 실행하세요.
#
# ```bash
# make lab                                   # JupyterLab
# conda env create -f environment.yml        # conda
# ```

# %% [markdown]
# ## Checking your setup · 설치 상태 확인하기
#
# `minigrad-course doctor` lists what the course needs (Python, NumPy, JupyterLab, matplotlib, a
# Graphviz renderer, a Korean font, minigrad) and, for anything missing, the command that fixes it with
# conda, pip, apt or in Colab. Run it in a terminal:
#
# `minigrad-course doctor`는 강의에 필요한 것(Python, NumPy, JupyterLab, matplotlib, Graphviz 렌더러, 한글
# 글꼴, minigrad)을 점검하고, 빠진 것이 있으면 conda, pip, apt, Colab에서 각각 어떻게 고치는지 알려 줍니다.
# 터미널에서 실행하세요.
#
# ```bash
# .venv/bin/minigrad-course doctor           # or just `minigrad-course doctor` in conda / Colab
# ```
#
# The same checks are available from Python. The cell below prints one line per item (the full report
# from the command also shows versions and fixes). Its output depends on your machine, so yours may
# differ from the stored one.
#
# 같은 점검을 파이썬에서도 할 수 있습니다. 아래 셀은 항목마다 한 줄씩 출력합니다(명령으로 실행하면 버전과
# 해결 방법까지 보여 줍니다). 결과는 컴퓨터마다 다르므로 저장된 출력과 다를 수 있습니다.

# %% tags=["nbval-ignore-output"]
from minigrad_course.doctor import diagnose

for label, status, detail, fixes in diagnose():
    print(f"{label:12} {status}")

# %% [markdown]
# Every item should say `ok`. `warn` means the course runs but something looks worse (for example
# Korean labels in plots); `fail` means a notebook cannot run: run the doctor in a terminal and apply
# the fix it prints.
#
# 모든 항목이 `ok`여야 합니다. `warn`은 강의는 실행되지만 무언가가 제대로 보이지 않는다는 뜻이고(예를 들어
# 그림 속 한글 글자), `fail`은 노트북을 실행할 수 없다는 뜻입니다. 그럴 때는 터미널에서 doctor를 실행하고
# 출력된 해결 방법을 따르세요.

# %% [markdown]
# ## How the course is organised · 강의 구성
#
# | folder | what | how to use it |
# |---|---|---|
# | `notebooks/` | the lessons, `00` to `12` | read and run top to bottom; outputs are already stored |
# | `exercises/` | 3 to 6 exercises per lesson | write code where a cell raises `NotImplementedError`, then run the check cell below it: it prints `✅ NN.k passed · 통과` |
# | `solutions/` | the same exercises, solved | look only after trying |
#
# | 폴더 | 내용 | 쓰는 법 |
# |---|---|---|
# | `notebooks/` | `00`강부터 `12`강까지의 본 강의 | 위에서 아래로 읽으며 실행합니다. 출력은 이미 저장되어 있습니다 |
# | `exercises/` | 강마다 연습 문제 3~6개 | `NotImplementedError`를 일으키는 셀에 코드를 쓰고, 바로 아래의 확인 셀을 실행하면 `✅ NN.k passed · 통과`가 출력됩니다 |
# | `solutions/` | 같은 연습 문제의 풀이 | 먼저 직접 풀어 본 뒤에 보세요 |
#
# Each lesson builds a small version of one layer in the notebook itself, tests it, draws its graph,
# then shows minigrad's real code for that layer and uses it from then on.
#
# 각 강에서는 계층 하나의 작은 버전을 노트북 안에서 직접 만들고, 시험해 보고, 그래프를 그린 다음, minigrad의
# 실제 코드를 보여 주고 그 뒤로는 실제 코드를 사용합니다.

# %% [markdown]
# ## A tour of the finished engine · 완성된 엔진 둘러보기
#
# minigrad uses PyTorch's names, so we import it as `torch`. The examples below come from PyTorch's
# autograd tutorial; on minigrad they print exactly what they print on PyTorch. Do not worry if some of
# it is new: each piece has its own lesson.
#
# minigrad는 PyTorch와 같은 이름을 쓰므로 `torch`라는 이름으로 가져옵니다. 아래 예제들은 PyTorch의 autograd
# 튜토리얼에서 가져왔고, minigrad에서 실행해도 PyTorch와 글자 하나 다르지 않게 출력됩니다. 처음 보는 내용이
# 있어도 걱정하지 마세요. 하나하나 따로 다루는 강이 있습니다.

# %%
import minigrad as torch
from minigrad.viz import draw_graph

torch.manual_seed(0)

x = torch.ones(2, 2, requires_grad=True)
print(x)

# %% [markdown]
# ### Tracking operations · 연산 추적하기
#
# `requires_grad=True` asks autograd to record every operation computed from `x`. The result of an
# operation remembers the node that made it in `grad_fn` (lessons 01 and 02).
#
# `requires_grad=True`는 autograd에게 `x`로부터 계산되는 모든 연산을 기록하라고 요청합니다. 연산의 결과는
# 자신을 만든 노드(node)를 `grad_fn`에 기억합니다(01강, 02강).

# %%
y = x + 2
print(y)
print(y.grad_fn)

# %%
z = y * y * 3
out = z.mean()
print(z, out)

# %% [markdown]
# Here is the **computational graph** behind `out`: blue is the leaf `x` that we created, green boxes
# are computed tensors, ovals are the operations, dashed boxes are constants. (Autograd itself records
# only the operation nodes and their links; the picture adds the tensors so you can read it. Lesson 02
# looks inside.)
#
# 다음은 `out` 뒤에 있는 **계산 그래프**입니다. 파란색은 우리가 만든 잎(leaf) 텐서 `x`, 초록 상자는 계산된 텐서,
# 타원은 연산, 점선 상자는 상수입니다. (autograd가 실제로 기록하는 것은 연산 노드와 그 연결뿐이고, 그림은 읽기 쉽도록
# 텐서를 함께 그린 것입니다. 02강에서 속을 들여다봅니다.)

# %%
draw_graph(out, params={"x": x, "y": y, "z": z, "out": out})

# %% [markdown]
# ### The backward pass · 역전파
#
# `out.backward()` walks this graph from `out` back to `x` and stores d(out)/dx in `x.grad`
# (lessons 03 and 04). By hand: out = ¼ Σ 3(xᵢ + 2)², so ∂out/∂xᵢ = (3/2)(xᵢ + 2) = 4.5 at xᵢ = 1.
# (`retain_graph=True` keeps the graph after the pass, so that we can draw it again.)
#
# `out.backward()`는 이 그래프를 `out`에서 `x`까지 거꾸로 따라가며 d(out)/dx를 `x.grad`에 저장합니다(03강,
# 04강). 손으로 계산하면 out = ¼ Σ 3(xᵢ + 2)²이므로 ∂out/∂xᵢ = (3/2)(xᵢ + 2)이고, xᵢ = 1에서 4.5입니다.
# (`retain_graph=True`는 역전파가 끝난 뒤에도 그래프를 남겨 두어 다시 그릴 수 있게 합니다.)

# %%
out.backward(retain_graph=True)
print(x.grad)

# %%
draw_graph(out, params={"x": x, "y": y, "z": z, "out": out})

# %% [markdown]
# The leaf now shows its gradient. Only leaves keep one: `y` and `z` were needed on the way, but their
# gradients are not stored (lesson 04 says why and how to keep them).
#
# 이제 잎 텐서에 변화도가 표시됩니다. 변화도는 잎 텐서만 간직합니다. `y`와 `z`도 계산 도중에
# 필요했지만 그 변화도는 저장되지 않습니다(그 이유와 저장하는 방법은 04강에서 다룹니다).

# %% [markdown]
# ### Several inputs, and `gradient=` · 여러 입력과 `gradient=`
#
# With Q = 3a³ − b², autograd computes ∂Q/∂a = 9a² and ∂Q/∂b = −2b. `Q` is a vector, not a number, so
# `backward` needs a vector to start from: `gradient=external_grad` (lesson 06 explains it as a
# vector-Jacobian product).
#
# Q = 3a³ − b²이면 autograd는 ∂Q/∂a = 9a², ∂Q/∂b = −2b를 계산합니다. `Q`는 수 하나가 아니라 벡터이므로
# `backward`에 출발점이 될 벡터 `gradient=external_grad`를 주어야 합니다(06강에서 벡터-야코비안 곱으로
# 설명합니다).

# %%
a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)

Q = 3*a**3 - b**2
external_grad = torch.tensor([1., 1.])
Q.backward(gradient=external_grad)

print(a.grad)
print(b.grad)
print(9*a**2 == a.grad)
print(-2*b == b.grad)

# %% [markdown]
# The same idea with a weighting vector: each entry of `v` scales how much the corresponding output
# counts. The result prints in scientific notation because its values span a wide range (lesson 01).
#
# 가중치 벡터로 같은 일을 해 봅시다. `v`의 각 원소는 대응하는 출력을 얼마나 비중 있게 반영할지 정합니다. 값의
# 범위가 넓어서 결과가 지수 표기로 출력됩니다(01강).

# %%
a = torch.tensor([10., 10., 10.], requires_grad=True)
y = a**2
print(y)

v = torch.tensor([0.1, 1.0, 0.0001])
y.backward(v)
print(a.grad)

# %% [markdown]
# ### Stopping the tracking: `no_grad` and `detach` · 추적 멈추기: `no_grad`와 `detach`
#
# When you only evaluate (say, a trained model on test data) no graph is needed. Inside
# `with torch.no_grad():` nothing is recorded; `x.detach()` gives a tensor with the same numbers that is
# cut off from the graph (lesson 07).
#
# 평가만 할 때(예를 들어 학습된 모델을 시험 데이터에 적용할 때)는 그래프가 필요 없습니다.
# `with torch.no_grad():` 블록 안에서는 아무것도 기록되지 않고, `x.detach()`는 수는 같지만 그래프에서 떨어져
# 나온 텐서를 돌려줍니다(07강).

# %%
x = torch.randn(3, requires_grad=True)

print(x.requires_grad)
print((x ** 2).requires_grad)

with torch.no_grad():
    print((x ** 2).requires_grad)

# %%
y = x.detach()
print(y.requires_grad)
print(x.eq(y).all())

# %% [markdown]
# ### Where it leads: training · 도착점: 학습
#
# The same engine trains neural networks (lessons 10 to 12). A preview: fit a line y = 2x + 1 with a
# linear layer, a loss function and gradient descent. Each step builds a graph, runs the backward pass
# and moves the parameters against their gradients.
#
# 같은 엔진으로 신경망도 학습합니다(10~12강). 미리 보기로, 선형 계층(layer), 손실 함수(loss function),
# 경사 하강법(gradient descent)으로 직선 y = 2x + 1을 맞춰 봅시다. 매 단계마다 그래프를 만들고, 역전파를
# 실행하고, 매개변수(parameter)를 변화도의 반대 방향으로 움직입니다.

# %%
from minigrad import nn, optim

torch.manual_seed(0)
inputs = torch.linspace(-1, 1, 20).reshape(20, 1)
targets = 2 * inputs + 1

model = nn.Linear(1, 1)
optimizer = optim.SGD(model.parameters(), lr=0.1)
losses = []
for step in range(100):
    loss = nn.functional.mse_loss(model(inputs), targets)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())

print(f"loss: {losses[0]:.4f} at the start, {losses[-1]:.4f} after 100 steps")
print(f"weight {model.weight.item():.3f}, bias {model.bias.item():.3f}")

# %% [markdown]
# The loss falls to zero, and the learned weight and bias are 2 and 1: the line the data came from.
# (The starting weight and bias are random. minigrad draws its random numbers with NumPy's generator,
# so with the same seed PyTorch starts from other values and prints another first loss; the fitted
# line is the same.)
#
# 손실은 0까지 줄어들고, 학습된 가중치(weight)와 편향(bias)은 데이터를 만든 직선의 값인 2와 1이 됩니다.
# (처음 가중치와 편향은 무작위로 정해집니다. minigrad는 NumPy의 난수 생성기를 쓰기 때문에, 시드가 같아도
# PyTorch는 다른 값에서 출발하고 첫 손실도 다르게 출력합니다. 학습으로 찾아낸 직선은 같습니다.)

# %%
import matplotlib.pyplot as plt

from minigrad_course.fonts import use_korean_font

use_korean_font()
fig, ax = plt.subplots(figsize=(6, 3.2))
ax.plot(losses)
ax.set_xlabel("step · 학습 단계")
ax.set_ylabel("loss · 손실")
ax.set_title("Fitting a line: the loss falls · 직선 맞추기: 손실이 줄어든다")
plt.show()

# %% [markdown]
# ### The tutorial's training step: ResNet-18 · 튜토리얼의 학습 단계: ResNet-18
#
# PyTorch's autograd tutorial shows training with one step of ResNet-18, an image classifier with
# 11.7 million parameters (lesson 12 builds it): a random 64×64 colour image and random labels for
# its 1000 classes, a forward pass, a loss, `loss.backward()`, and one step of gradient descent with
# momentum. The tutorial loads trained weights from torchvision, which needs a download; here the
# weights are random, which changes nothing about the step. Each line that differs from PyTorch shows
# the PyTorch line in a comment. (The tutorial's text says learning rate 0.1 while its code uses
# `lr=1e-2`; we follow the code.)
#
# PyTorch autograd 튜토리얼은 ResNet-18의 학습 한 단계로 학습을 보여 줍니다. ResNet-18은 매개변수가 1,170만 개인 이미지
# 분류기입니다(12강에서 만듭니다). 무작위 64×64 컬러 이미지와 1000개 부류의 무작위 정답을 만들고, 순전파, 손실,
# `loss.backward()`, 모멘텀(momentum)을 쓴 경사 하강법 한 단계를 실행합니다. 튜토리얼은 torchvision에서 학습된 가중치를
# 내려받지만, 여기서는 가중치가 무작위입니다. 학습 단계 자체는 달라지지 않습니다. PyTorch와 다른 줄에는 PyTorch의 코드를
# 주석으로 적었습니다. (튜토리얼 본문은 학습률(learning rate)을 0.1이라고 하지만 코드는 `lr=1e-2`를 씁니다. 여기서는
# 코드를 따릅니다.)

# %%
from minigrad import models  # PyTorch: from torchvision import models

torch.manual_seed(0)
model = models.resnet18()  # PyTorch: models.resnet18(weights="DEFAULT") downloads trained weights
data = torch.rand(1, 3, 64, 64)
labels = torch.rand(1, 1000)

prediction = model(data)  # forward pass
loss = (prediction - labels).sum()
loss.backward()  # backward pass

optim = torch.optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)
bias_before = model.fc.bias.detach().clone()
optim.step()  # gradient descent

params = list(model.parameters())
print(prediction.shape, loss.grad_fn)
print(f"{len(params)} parameter tensors, {sum(p.numel() for p in params):,} numbers,",
      "all with a gradient:", all(p.grad is not None for p in params))
print("the last layer's bias moved by -lr * grad:",
      torch.allclose(model.fc.bias, bias_before - 1e-2 * model.fc.bias.grad))

# %% [markdown]
# One `backward()` filled the `.grad` of all 62 parameter tensors, 11,689,512 numbers, and
# `optim.step()` moved each parameter against its gradient (on the first step, momentum has nothing
# to remember yet, so the move is exactly `-lr * grad`). Every lesson from here on builds one piece
# of what just ran.
#
# `backward()` 한 번으로 매개변수 텐서 62개, 수 11,689,512개의 `.grad`가 모두 채워졌고, `optim.step()`은 각 매개변수를
# 변화도의 반대 방향으로 움직였습니다(첫 단계에서는 모멘텀이 기억할 것이 아직 없으므로 움직인 양이 정확히
# `-lr * grad`입니다). 이제부터 각 강에서 방금 실행된 것을 한 조각씩 만듭니다.

# %% [markdown]
# ## The road ahead · 앞으로의 길
#
# | lesson | you build | 만드는 것 |
# |---|---|---|
# | 01 | tensors: the box around an array, printing, `requires_grad`, leaves | 텐서: 배열을 감싼 상자, 출력, `requires_grad`, 잎 텐서 |
# | 02 | functions and the computational graph, define-by-run | 함수와 계산 그래프, 실행-기반-정의 |
# | 03 | derivatives: numerical and analytic, the chain rule | 도함수: 수치 미분과 해석적 미분, 연쇄 법칙 |
# | 04 | the backward pass: topological order, accumulation | 역전파: 위상 순서, 누적 |
# | 05 | operators `+ - * / **` | 연산자 `+ - * / **` |
# | 06 | vector-Jacobian products, `backward(gradient=v)` | 벡터-야코비안 곱, `backward(gradient=v)` |
# | 07 | grad modes: `no_grad`, `detach`, `requires_grad_` | 변화도 모드: `no_grad`, `detach`, `requires_grad_` |
# | 08 | tensor operations: broadcasting, reductions, matmul | 텐서 연산: 브로드캐스팅, 축소 연산, 행렬 곱 |
# | 09 | higher-order derivatives | 고차 미분 |
# | 10 | neural networks: `Module`, `Linear`, losses | 신경망: `Module`, `Linear`, 손실 함수 |
# | 11 | optimizers and training on real data (digits): SGD, momentum, Adam | 옵티마이저와 실제 데이터(숫자 손글씨) 학습: SGD, 모멘텀, Adam |
# | 12 | convolutions and ResNet-18; freezing parameters for fine-tuning | 합성곱과 ResNet-18, 미세 조정을 위한 매개변수 고정 |
#
# Every lesson has an exercise notebook with the same number in `exercises/`.
#
# 모든 강에는 같은 번호의 연습 문제 노트북이 `exercises/`에 있습니다.

# %% [markdown]
# ## Summary · 정리
#
# - Run the course with `make lab`, conda, Colab or pip; check it with `minigrad-course doctor`.
# - `import minigrad as torch` runs the PyTorch autograd examples and prints the same results:
#   `4.5` for the first example, `tensor([36., 81.])` and `tensor([-12.,  -8.])` for Q = 3a³ − b²,
#   `tensor([2.0000e+00, 2.0000e+01, 2.0000e-03])` for `y.backward(v)`.
# - `draw_graph` shows the graph behind any result.
# - The tutorial's ResNet-18 training step (forward, loss, `backward()`, `SGD(lr=1e-2, momentum=0.9)`,
#   `step()`) runs on minigrad as on PyTorch.
#
# **Next:** lesson 01 builds the first layer: the tensor. Warm up first with `exercises/00_setup_and_tour.ipynb`.
#
# - `make lab`, conda, Colab, pip 중 하나로 강의를 실행하고, `minigrad-course doctor`로 설치 상태를 확인합니다.
# - `import minigrad as torch`로 PyTorch autograd 예제를 실행하면 같은 결과가 출력됩니다. 첫 예제는 `4.5`,
#   Q = 3a³ − b²는 `tensor([36., 81.])`와 `tensor([-12.,  -8.])`, `y.backward(v)`는
#   `tensor([2.0000e+00, 2.0000e+01, 2.0000e-03])`입니다.
# - `draw_graph`로 어떤 결과든 그 뒤에 있는 그래프를 볼 수 있습니다.
# - 튜토리얼의 ResNet-18 학습 단계(순전파, 손실, `backward()`, `SGD(lr=1e-2, momentum=0.9)`, `step()`)가 PyTorch에서처럼
#   minigrad에서도 실행됩니다.
#
# **다음 강의:** 01강에서는 첫 번째 계층인 텐서를 만듭니다. 그 전에 `exercises/00_setup_and_tour.ipynb`로 몸을
# 풀어 보세요.
