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
# # Exercises 11 · Optimizers and training · 연습 문제 11 · 옵티마이저와 학습
#
# Four exercises on lesson 11: PyTorch's momentum SGD step, Adam's bias-corrected step, a training
# loop that reaches 95% on the digits, and a bug hunt. Write your code where a cell says
# `NotImplementedError`, then run the check cell below it.
#
# 11강 내용으로 연습 문제(exercise) 네 개를 풉니다. PyTorch의 모멘텀(momentum) SGD 한 걸음, 편향 보정이 들어간 Adam
# 한 걸음, 숫자 데이터에서 95%에 이르는 학습 반복문, 버그 찾기입니다. `NotImplementedError`가 있는 셀에 코드를 작성하고
# 바로 아래의 확인(check) 셀을 실행하세요.

# %%
import numpy as np

import minigrad as torch
import minigrad.nn.functional as F
from minigrad import nn, optim
from minigrad.datasets import load_digits
from minigrad.utils.data import DataLoader, TensorDataset

_ = torch.manual_seed(0)

# %% [markdown]
# ## Exercise 11.1 · PyTorch's SGD step · 연습 문제 11.1 · PyTorch의 SGD 한 걸음
#
# Write `sgd_step(p, g, buf, lr, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False)`
# on NumPy arrays: `p` is a parameter, `g` its gradient, `buf` the momentum buffer (`None` before
# the first step). Return `(new_p, new_buf)` following PyTorch's rule from the lesson, with
# $\eta$ = `lr`, $\mu$ = `momentum`, $\tau$ = `dampening`, $\lambda$ = `weight_decay`:
#
# 1. $g \leftarrow g + \lambda p$ (weight decay);
# 2. if `momentum` is not 0: $b \leftarrow g$ on the first step, else
#    $b \leftarrow \mu b + (1 - \tau) g$; then $g \leftarrow g + \mu b$ (Nesterov) or $g \leftarrow b$;
# 3. $p \leftarrow p - \eta g$.
#
# Without momentum, return `buf` unchanged. Do not change the arrays you are given.
#
# *Hint:* about ten lines; `np.array(g)` is a copy of `g`.
#
# NumPy 배열로 `sgd_step(p, g, buf, lr, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False)`를 작성하세요.
# `p`는 매개변수(parameter), `g`는 그 변화도(gradient), `buf`는 모멘텀 버퍼(첫 걸음 전에는 `None`)입니다. 강의에서 본
# PyTorch의 규칙대로 `(new_p, new_buf)`를 돌려주세요. $\eta$는 `lr`, $\mu$는 `momentum`, $\tau$는 `dampening`,
# $\lambda$는 `weight_decay`입니다.
#
# 1. $g \leftarrow g + \lambda p$ (가중치 감쇠)
# 2. `momentum`이 0이 아니면: 첫 걸음에는 $b \leftarrow g$, 그 뒤로는 $b \leftarrow \mu b + (1 - \tau) g$. 이어서
#    Nesterov이면 $g \leftarrow g + \mu b$, 아니면 $g \leftarrow b$
# 3. $p \leftarrow p - \eta g$
#
# 모멘텀이 0이면 `buf`를 그대로 돌려줍니다. 받은 배열은 바꾸지 마세요.
#
# *힌트:* 열 줄 안팎입니다. `np.array(g)`는 `g`의 복사본입니다.

# %%
def sgd_step(p, g, buf, lr, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False):
    """One step of PyTorch's SGD on NumPy arrays: returns (new_p, new_buf)."""
    ### BEGIN SOLUTION
    if weight_decay:
        g = g + weight_decay * p
    if momentum:
        buf = np.array(g) if buf is None else momentum * buf + (1 - dampening) * g
        g = g + momentum * buf if nesterov else buf
    return p - lr * g, buf
    ### END SOLUTION

# %% exercise="11.1" points=3
from minigrad_course.checks import expect_close, passed

# by hand: f(p) = p^2, g = 2p, p = 1, lr = 0.1, momentum = 0.9
# step 1: b = 2, p = 1 - 0.2 = 0.8;  step 2: g = 1.6, b = 0.9 * 2 + 1.6 = 3.4, p = 0.8 - 0.34 = 0.46
first_step = ("on the first step the buffer is g itself: b = g, with no dampening and no μ b.",
              "첫 걸음에서 버퍼는 g 자체입니다: b = g이며, dampening도 μ b도 없습니다.")
later_steps = ("after the first step: b = μ b + (1 - τ) g, then the step uses b (or g + μ b with Nesterov).",
               "첫 걸음 뒤로는 b = μ b + (1 - τ) g이고, 걸음에는 b를 씁니다(Nesterov이면 g + μ b).")
p, buf = np.array([1.0]), None
p, buf = sgd_step(p, 2 * p, buf, lr=0.1, momentum=0.9)
expect_close(p, [0.8], what=("p after step 1", "1번째 걸음 뒤의 p"), hint=first_step)
expect_close(buf, [2.0], what=("buffer after step 1", "1번째 걸음 뒤의 버퍼"), hint=first_step)
p, buf = sgd_step(p, 2 * p, buf, lr=0.1, momentum=0.9)
expect_close(p, [0.46], what=("p after step 2", "2번째 걸음 뒤의 p"), hint=later_steps)
expect_close(buf, [3.4], what=("buffer after step 2", "2번째 걸음 뒤의 버퍼"), hint=later_steps)

# against minigrad.optim.SGD, 8 steps on f(p) = sum(c * p^2)
c = np.array([1.0, 3.0, -0.5, 2.0])
setting_hints = [("without momentum the step is p - lr * g.", "모멘텀이 없으면 걸음은 p - lr * g입니다."),
                 later_steps,
                 ("with Nesterov the step uses g + μ b, where b is the updated buffer.",
                  "Nesterov이면 걸음에 g + μ b를 씁니다. b는 갱신된 버퍼입니다."),
                 ("weight decay comes first (g + λ p, with the p before the step); on the first step b = g, with no "
                  "dampening.",
                  "가중치 감쇠가 먼저입니다(걸음 전의 p로 g + λ p). 첫 걸음에서는 dampening 없이 b = g입니다.")]
for setting, hint in zip([dict(lr=0.1), dict(lr=0.05, momentum=0.9), dict(lr=0.05, momentum=0.9, nesterov=True),
                          dict(lr=0.1, momentum=0.8, dampening=0.3, weight_decay=0.2)], setting_hints):
    start = np.array([1.0, -2.0, 0.5, 3.0])
    p, buf = start.copy(), None
    t = torch.tensor(start, requires_grad=True)
    reference = optim.SGD([t], **setting)
    for step in range(8):
        given_p, given_buf = p.copy(), None if buf is None else buf.copy()
        new_p, new_buf = sgd_step(p, 2 * c * p, buf, **setting)
        unchanged = ("sgd_step changed an array it was given: compute new arrays (p - lr * g, momentum * buf + ...) "
                     "instead of -= or += on them.",
                     "sgd_step이 받은 배열을 바꾸었습니다. -=나 +=로 바꾸지 말고 새 배열(p - lr * g, momentum * buf + ...)을 "
                     "계산하세요.")
        expect_close(p, given_p, atol=0, what=("the p given to sgd_step", "sgd_step에 준 p"), hint=unchanged)
        if given_buf is not None:
            expect_close(buf, given_buf, atol=0, what=("the buf given to sgd_step", "sgd_step에 준 buf"), hint=unchanged)
        p, buf = new_p, new_buf
        reference.zero_grad()
        (torch.tensor(c) * t * t).sum().backward()
        reference.step()
        expect_close(p, t.detach().numpy(), what=(f"p after step {step + 1} with {setting}",
                                                  f"{setting}일 때 {step + 1}번째 걸음 뒤의 p"), hint=hint)
passed("11.1")

# %% [markdown]
# ## Exercise 11.2 · Adam's step · 연습 문제 11.2 · Adam 한 걸음
#
# Write `adam_step(p, g, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8)` on NumPy arrays:
# `m` and `v` are the running means (zeros before the first step) and `t` is the number of this
# step, starting at 1. Return `(new_p, new_m, new_v)`:
#
# $$m \leftarrow \beta_1 m + (1 - \beta_1) g, \quad v \leftarrow \beta_2 v + (1 - \beta_2) g^2, \quad
# p \leftarrow p - \eta \frac{m / (1 - \beta_1^t)}{\sqrt{v / (1 - \beta_2^t)} + \epsilon}.$$
#
# *Hint:* on the first step the corrected means are exactly $g$ and $g^2$, so every number moves by
# almost exactly `lr`.
#
# NumPy 배열로 `adam_step(p, g, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8)`를 작성하세요. `m`과 `v`는 이동
# 평균(첫 걸음 전에는 0)이고, `t`는 1부터 세는 이번 걸음의 번호입니다. 위 식대로 `(new_p, new_m, new_v)`를 돌려주세요.
#
# *힌트:* 첫 걸음에서 보정된 평균은 정확히 $g$와 $g^2$이므로, 모든 수가 거의 정확히 `lr`만큼 움직입니다.

# %%
def adam_step(p, g, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """One step of Adam on NumPy arrays: returns (new_p, new_m, new_v)."""
    ### BEGIN SOLUTION
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return p - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
    ### END SOLUTION

# %% exercise="11.2" points=2
from minigrad_course.checks import expect_close, passed

# first step: a move of lr against the sign of g, whatever its size
g = np.array([100.0, -0.01, 1e-3])
p, m, v = adam_step(np.zeros(3), g, np.zeros(3), np.zeros(3), t=1, lr=0.1)
expect_close(m, 0.1 * g, what=("m after the first step", "첫 걸음 뒤의 m"),
             hint=("m = beta1 * m + (1 - beta1) * g: the running means are returned without the correction.",
                   "m = beta1 * m + (1 - beta1) * g입니다. 이동 평균은 보정하지 않은 채 돌려줍니다."))
expect_close(v, 0.001 * g * g, what=("v after the first step", "첫 걸음 뒤의 v"),
             hint=("v averages the squares: (1 - beta2) * g * g.", "v는 제곱의 평균입니다: (1 - beta2) * g * g."))
expect_close(p, [-0.1, 0.1, -0.1], atol=1e-5, what=("p after the first step", "첫 걸음 뒤의 p"),
             mistakes=[(-0.1 * 0.1 * g / (np.sqrt(0.001 * g * g) + 1e-8),
                        ("the bias correction is missing: divide m by 1 - beta1**t and v by 1 - beta2**t.",
                         "편향 보정이 빠졌습니다. m을 1 - beta1**t로, v를 1 - beta2**t로 나누세요."))],
             hint=("eps is added after the square root: sqrt(v_hat) + eps.", "eps는 제곱근 뒤에 더합니다: sqrt(v_hat) + eps."))

# tiny gradients: there eps is as large as sqrt(v_hat), so where it goes shows
g = np.array([1e-8, -3e-9, 2e-7])
p, m, v = adam_step(np.zeros(3), g, np.zeros(3), np.zeros(3), t=1, lr=0.1)
expect_close(p, -0.1 * g / (np.abs(g) + 1e-8), atol=1e-9, what=("p after a first step with gradients near eps",
                                                                  "eps에 가까운 변화도로 한 첫 걸음 뒤의 p"),
             hint=("add eps (do not subtract it, do not leave it out) after the square root: sqrt(v_hat) + eps.",
                   "eps는 제곱근 뒤에 더합니다(빼거나 빠뜨리지 마세요): sqrt(v_hat) + eps."))

# against minigrad.optim.Adam, 10 steps on f(p) = sum(c * p^2)
c = np.array([1.0, 30.0, 0.01])
start = np.array([1.0, -2.0, 0.5])
p, m, v = start.copy(), np.zeros(3), np.zeros(3)
t = torch.tensor(start, requires_grad=True)
reference = optim.Adam([t], lr=0.05, betas=(0.8, 0.99))
for step in range(1, 11):
    p, m, v = adam_step(p, 2 * c * p, m, v, step, lr=0.05, beta1=0.8, beta2=0.99)
    reference.zero_grad()
    (torch.tensor(c) * t * t).sum().backward()
    reference.step()
    expect_close(p, t.detach().numpy(), what=(f"p after step {step}", f"{step}번째 걸음 뒤의 p"),
                 hint=("use the step number t in the bias correction: 1 - beta1**t and 1 - beta2**t.",
                       "편향 보정에는 걸음 번호 t를 쓰세요: 1 - beta1**t, 1 - beta2**t."))
passed("11.2")

# %% [markdown]
# ## Exercise 11.3 · 95% on the digits · 연습 문제 11.3 · 숫자 데이터에서 95%
#
# Write `train(model, loader, optimizer, epochs)`: the training loop of the lesson. For each epoch
# and each batch `(xb, yb)` of `loader`: forward pass, cross-entropy loss, `zero_grad()`,
# `backward()`, `step()`. Return a list with the **mean loss of each epoch** (plain floats). Start
# with `model.train()`: the model may come in evaluation mode.
#
# The check trains the lesson's 64-128-10 tanh network with Adam (`lr=1e-3`), batches of 32, for 10
# epochs, and measures the test accuracy itself, under `no_grad()` with `model.eval()`: it must
# reach 95%.
#
# *Hint:* `F.cross_entropy(model(xb), yb)`; collect `loss.item()`, not `loss`.
#
# 강의의 학습 반복문 `train(model, loader, optimizer, epochs)`를 작성하세요. 에폭(epoch)마다, `loader`의 배치(batch)
# `(xb, yb)`마다 순전파(forward pass), 교차 엔트로피 손실(loss), `zero_grad()`, `backward()`, `step()`을 합니다.
# **에폭마다의 평균 손실**을 (평범한 float으로) 담은 리스트를 돌려주세요. 모델이 평가 모드로 올 수 있으니
# `model.train()`으로 시작하세요.
#
# 확인 셀은 강의의 64-128-10 tanh 신경망을 Adam(`lr=1e-3`), 배치 32로 10에폭 학습한 뒤, `no_grad()`와 `model.eval()`로
# 시험 정확도를 직접 잽니다. 95%에 이르러야 합니다.
#
# *힌트:* `F.cross_entropy(model(xb), yb)`. `loss`가 아니라 `loss.item()`을 모으세요.

# %%
def train(model, loader, optimizer, epochs):
    """Train model; return the mean training loss of each epoch."""
    ### BEGIN SOLUTION
    history = []
    model.train()
    for _ in range(epochs):
        total, count = 0.0, 0
        for xb, yb in loader:
            loss = F.cross_entropy(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()
            count += 1
        history.append(total / count)
    return history
    ### END SOLUTION

# %% exercise="11.3" points=3
from minigrad_course.checks import expect_close, expect_equal, expect_true, passed

x_train, y_train, x_test, y_test = load_digits(test_size=0.2, seed=0)


def fresh():
    """The same model and the same batch order every time."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 128), nn.Tanh(), nn.Linear(128, 10))
    loader = DataLoader(TensorDataset(x_train, y_train), batch_size=32, shuffle=True,
                        generator=torch.Generator().manual_seed(1))
    return model, loader


steps = ("per batch: forward, loss, optimizer.zero_grad(), loss.backward(), optimizer.step(); then record "
         "loss.item(), and return each epoch's mean.",
         "배치마다 순전파, 손실, optimizer.zero_grad(), loss.backward(), optimizer.step()을 하고 loss.item()을 모은 "
         "다음, 에폭마다 평균을 돌려주세요.")

# one epoch against a reference loop on the same model and batches (same machine: the same numbers)
model, loader = fresh()
first = train(model, loader, optim.Adam(model.parameters(), lr=1e-3), epochs=1)
model, loader = fresh()
reference = optim.Adam(model.parameters(), lr=1e-3)
batch_losses = []
for xb, yb in loader:
    loss = F.cross_entropy(model(xb), yb)
    reference.zero_grad()
    loss.backward()
    reference.step()
    batch_losses.append(loss.item())
expect_equal(len(first), 1, what=("number of epoch losses after train(..., epochs=1)", "train(..., epochs=1) 뒤의 에폭 손실 개수"),
             hint=("append one number per epoch, after the loop over the batches.", "배치 반복이 끝난 뒤 에폭마다 수 하나를 추가하세요."))
expect_true(type(first[0]) is float, what=("epoch losses are plain floats", "에폭 손실이 평범한 float이다"),
            hint=("collect loss.item(), not loss.", "loss가 아니라 loss.item()을 모으세요."))
expect_close(first, [np.mean(batch_losses)], rtol=1e-9, what=("the mean loss of the first epoch", "첫 에폭의 평균 손실"),
             mistakes=[([sum(batch_losses)], ("that is the epoch's sum: divide by the number of batches.",
                                              "에폭의 합입니다. 배치 수로 나누세요.")),
                       ([batch_losses[-1]], ("that is the last batch's loss: average all the batches of the epoch.",
                                             "마지막 배치의 손실입니다. 에폭의 모든 배치를 평균하세요."))],
             hint=steps)

# a model handed over in eval mode: train() switches it to training mode
model, loader = fresh()
model.eval()
train(model, loader, optim.SGD(model.parameters(), lr=1e-3), epochs=1)
expect_true(model.training, what=("the model is in training mode after train(...)", "train(...) 뒤에 모델이 학습 모드이다"),
            hint=("start train() with model.train(): the model may come in eval mode, where dropout and batch norm "
                  "behave as at test time.",
                  "train()을 model.train()으로 시작하세요. 모델이 평가 모드로 올 수 있고, 그때 드롭아웃과 배치 정규화는 시험 때처럼 "
                  "동작합니다."))

# the real run: 10 epochs, then the test accuracy
model, loader = fresh()
history = train(model, loader, optim.Adam(model.parameters(), lr=1e-3), epochs=10)
expect_equal(len(history), 10, what=("number of epoch losses", "에폭 손실의 개수"))
expect_true(history[-1] < history[0] / 5, what=("the loss fell to less than a fifth", "손실이 5분의 1 아래로 떨어졌다"),
            hint=steps)
model.eval()
with torch.no_grad():
    accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
print("test accuracy at least 95%:", accuracy >= 0.95)
expect_true(accuracy >= 0.95, what=(f"test accuracy {accuracy:.4f} >= 0.95", f"시험 정확도 {accuracy:.4f} >= 0.95"),
            hint=steps)
passed("11.3")

# %% [markdown]
# ## Exercise 11.4 · The loop that forgets · 연습 문제 11.4 · 잊어버리는 반복문
#
# This loop trains, but badly: the loss falls at first, then climbs to several times where it
# started. Find the bug, then write `fixed_train_steps(model, optimizer, batches)` that does the
# same steps correctly and returns the list of losses.
#
# *Hint:* `backward()` adds to `.grad`. How many times are the gradients cleared here, and how many
# times should they be?
#
# 이 반복문은 학습을 하긴 하지만 엉망입니다. 손실이 처음에는 줄다가 곧 처음 값의 몇 배로 치솟습니다. 버그를 찾은 다음, 같은 걸음을 올바르게
# 하고 손실 리스트를 돌려주는 `fixed_train_steps(model, optimizer, batches)`를 작성하세요.
#
# *힌트:* `backward()`는 `.grad`에 더합니다. 여기서는 변화도를 몇 번 비우고, 몇 번 비워야 할까요?

# %%
def buggy_train_steps(model, optimizer, batches):
    losses = []
    optimizer.zero_grad()
    for xb, yb in batches:
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


def make_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(64, 128), nn.Tanh(), nn.Linear(128, 10))


x_train, y_train, _, _ = load_digits(test_size=0.2, seed=0)
batches = [(x_train[i:i + 32], y_train[i:i + 32]) for i in range(0, 32 * 20, 32)]
model = make_model()
losses = buggy_train_steps(model, optim.SGD(model.parameters(), lr=0.1, momentum=0.9), batches)
print(f"first loss {losses[0]:.1f}, lowest {min(losses):.1f}, last more than 3x the first: {losses[-1] > 3 * losses[0]}")

# %%
def fixed_train_steps(model, optimizer, batches):
    """The same steps as buggy_train_steps, correct: returns the losses."""
    ### BEGIN SOLUTION
    losses = []
    for xb, yb in batches:
        loss = F.cross_entropy(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
    ### END SOLUTION

# %% exercise="11.4" points=2
from minigrad_course.checks import expect_close, expect_equal, passed

# reference: plain SGD steps from torch.autograd.grad, which returns fresh gradients (nothing accumulates)
reference = make_model()
params = list(reference.parameters())
reference_losses = []
for xb, yb in batches[:6]:
    loss = F.cross_entropy(reference(xb), yb)
    grads = torch.autograd.grad(loss, params)
    reference_losses.append(loss.item())
    with torch.no_grad():
        for p, g in zip(params, grads):
            p -= 0.1 * g

accumulate = ("backward() adds to .grad: clear the gradients in every step, before backward (optimizer.zero_grad()), "
              "not once before the loop.",
              "backward()는 .grad에 더합니다. 반복문 전에 한 번이 아니라, 걸음마다 backward 전에 변화도를 비우세요"
              "(optimizer.zero_grad()).")
model = make_model()
losses = fixed_train_steps(model, optim.SGD(model.parameters(), lr=0.1), batches[:6])
expect_equal(len(losses), 6, what=("number of losses", "손실의 개수"))
expect_close(losses, reference_losses, atol=1e-5, what=("the losses of the 6 steps", "6걸음의 손실"), hint=accumulate)
for i, (p, q) in enumerate(zip(model.parameters(), params)):
    expect_close(p, q, atol=1e-6, what=(f"parameter {i} after 6 steps", f"6걸음 뒤의 매개변수 {i}"), hint=accumulate)

# with lr=0 nothing moves, so after 3 steps on one batch .grad must be that batch's gradient, once
model = make_model()
fixed_train_steps(model, optim.SGD(model.parameters(), lr=0.0), [batches[0]] * 3)
grads = torch.autograd.grad(F.cross_entropy(model(batches[0][0]), batches[0][1]), list(model.parameters()))
for i, (p, g) in enumerate(zip(model.parameters(), grads)):
    expect_close(p.grad, g, atol=1e-6, what=(f"parameter {i}: .grad after 3 steps on one batch",
                                             f"매개변수 {i}: 한 배치로 3걸음 뒤의 .grad"), hint=accumulate)
passed("11.4")

# %% [markdown]
# ## Done · 끝
#
# Next, lesson 12: convolutions and ResNet-18.
#
# 다음은 12강, 합성곱(convolution)과 ResNet-18입니다.
