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
# # Exercises 05 · Operators · 연습 문제 05 · 연산자
#
# Five exercises on lesson 05: a division `Function` with its backward, reversed operators for a
# scalar class, the node names of expressions with Python numbers, predicting the gradients of a
# mixed expression, and a sign bug in a subtraction. Write your code where a cell says
# `NotImplementedError`, then run the check cell below it.
#
# 05강 내용으로 연습 문제(exercise) 다섯 개를 풉니다. 역전파(backward)까지 갖춘 나눗셈 `Function`, 스칼라 클래스의 뒤집힌 연산자,
# 파이썬 수가 섞인 식의 노드 이름, 연산자가 섞인 식의 변화도(gradient) 예측, 뺄셈의 부호 버그입니다.
# `NotImplementedError`가 있는 셀에 코드를 작성하고 바로 아래의 확인(check) 셀을 실행하세요.

# %%
import math

import numpy as np

import minigrad as torch
from minigrad.autograd import gradcheck

# %% [markdown]
# ## Exercise 05.1 · A division Function · 연습 문제 05.1 · 나눗셈 Function
#
# Write `MyDiv`, a `torch.autograd.Function` for $a / b$ (same shapes, no broadcasting), in the form
# of exercise 02.1: `forward(ctx, a, b)` saves the inputs with `ctx.save_for_backward(a, b)` and
# returns `a / b`; `backward(ctx, grad)` reads them back with `a, b = ctx.saved_tensors` and returns
# one gradient per input, the upstream `grad` times the local derivative:
# $\partial (a/b) / \partial a = 1/b$ and $\partial (a/b) / \partial b = -a/b^2$.
#
# *Hint:* `backward` returns a tuple of two tensors, in the order of `forward`'s inputs.
#
# $a / b$를 계산하는 `torch.autograd.Function`인 `MyDiv`를 연습 문제 02.1의 형태로 작성하세요(두 입력의 모양(shape)은
# 같고, 브로드캐스팅(broadcasting)은 없습니다). `forward(ctx, a, b)`는 `ctx.save_for_backward(a, b)`로 입력을 저장하고
# `a / b`를 돌려줍니다. `backward(ctx, grad)`는 `a, b = ctx.saved_tensors`로 입력을 다시 읽고, 입력마다 변화도를 하나씩,
# 곧 위에서 온 `grad`에 국소 미분을 곱한 값을 돌려줍니다. $\partial (a/b) / \partial a = 1/b$,
# $\partial (a/b) / \partial b = -a/b^2$입니다.
#
# *힌트:* `backward`는 `forward`의 입력 순서대로 텐서 두 개의 튜플을 돌려줍니다.

# %%
class MyDiv(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ### BEGIN SOLUTION
        ctx.save_for_backward(a, b)
        return a / b
        ### END SOLUTION

    @staticmethod
    def backward(ctx, grad):
        ### BEGIN SOLUTION
        a, b = ctx.saved_tensors
        return grad / b, -grad * a / (b * b)
        ### END SOLUTION

# %% exercise="05.1" points=2
from minigrad_course.checks import expect_close, expect_equal, expect_true, fail, passed

a_np = np.array([[1.5, -2.0, 3.0], [0.5, 4.0, -1.0]])
b_np = np.array([[2.0, 0.5, -3.0], [1.5, -0.25, 4.0]])
a = torch.tensor(a_np, requires_grad=True)
b = torch.tensor(b_np, requires_grad=True)
w_np = np.array([[1.0, 2.0, -1.0], [0.5, 3.0, -2.0]])   # upstream weights, so that grad is not all ones
q = MyDiv.apply(a, b)
expect_close(q, a_np / b_np, what=("MyDiv forward", "MyDiv의 forward"))
expect_equal(q.grad_fn.name(), "MyDivBackward", what=("node name", "노드 이름"))
try:
    (q * torch.tensor(w_np)).sum().backward()
except NotImplementedError:  # not written yet: let it through as it is
    raise
except (ValueError, RuntimeError, AttributeError) as error:
    fail((f"backward failed: {type(error).__name__}: {error}", f"backward가 실패했습니다: {type(error).__name__}: {error}"),
         ("save both inputs in forward with ctx.save_for_backward(a, b), read them with a, b = ctx.saved_tensors, "
          "and return one gradient per input.",
          "forward에서 ctx.save_for_backward(a, b)로 두 입력을 저장하고, a, b = ctx.saved_tensors로 읽고, 입력마다 "
          "변화도를 하나씩 돌려주세요."))

# central differences of sum(w * a / b), element by element, in NumPy
h = 1e-6
num_a, num_b = np.zeros_like(a_np), np.zeros_like(b_np)
for idx in np.ndindex(a_np.shape):
    e = np.zeros_like(a_np)
    e[idx] = h
    num_a[idx] = ((w_np * (a_np + e) / b_np).sum() - (w_np * (a_np - e) / b_np).sum()) / (2 * h)
    num_b[idx] = ((w_np * a_np / (b_np + e)).sum() - (w_np * a_np / (b_np - e)).sum()) / (2 * h)
forgot_grad = ("backward must multiply each local derivative by grad, the gradient that arrived at a / b.",
               "backward는 각 국소 미분에 a / b에 도착한 변화도 grad를 곱해야 합니다.")
expect_close(a.grad, num_a, atol=1e-6, what="d sum(w * a/b) / da",
             mistakes=[(1 / b_np, forgot_grad),
                       (-w_np * a_np / b_np**2, ("the two gradients are swapped: the first belongs to a.",
                                                 "두 변화도의 순서가 바뀌었습니다. 첫 번째가 a의 것입니다."))])
expect_close(b.grad, num_b, atol=1e-6, what="d sum(w * a/b) / db",
             mistakes=[(-a_np / b_np**2, forgot_grad),
                       (w_np * a_np / b_np**2, ("∂(a/b)/∂b = -a/b²: mind the minus sign.",
                                                "∂(a/b)/∂b = -a/b²입니다. 음수 부호를 보세요.")),
                       (-w_np / b_np**2, ("∂(a/b)/∂b = -a/b²: the factor a is missing.",
                                          "∂(a/b)/∂b = -a/b²입니다. 인수 a가 빠졌습니다."))])
expect_true(gradcheck(MyDiv.apply, (a, b), raise_exception=False), what="gradcheck(MyDiv.apply, (a, b))")
# other inputs, of another shape and under other names
n = torch.tensor([3.0, -1.0], dtype=torch.float64, requires_grad=True)
d = torch.tensor([0.5, 2.0], dtype=torch.float64, requires_grad=True)
MyDiv.apply(n, d).sum().backward()
expect_close(n.grad, [2.0, 0.5], what=("n.grad for MyDiv.apply(n, d) on other inputs", "다른 입력에서 MyDiv.apply(n, d)의 n.grad"),
             hint=("backward must use the inputs saved by forward (ctx.saved_tensors), not variables of the notebook.",
                   "backward는 노트북의 변수가 아니라 forward가 저장한 입력(ctx.saved_tensors)을 써야 합니다."))
expect_close(d.grad, [-12.0, 0.25], what=("d.grad for MyDiv.apply(n, d) on other inputs", "다른 입력에서 MyDiv.apply(n, d)의 d.grad"),
             hint=("backward must use the inputs saved by forward (ctx.saved_tensors), not variables of the notebook.",
                   "backward는 노트북의 변수가 아니라 forward가 저장한 입력(ctx.saved_tensors)을 써야 합니다."))
passed("05.1")

# %% [markdown]
# ## Exercise 05.2 · Reversed operators · 연습 문제 05.2 · 뒤집힌 연산자
#
# `Num` below is a scalar class like the lesson's `Scalar`, with the ordinary operators and a
# `backward`, but no reversed ones: `5 - x` fails. Complete `RNum` with `__radd__`, `__rsub__`,
# `__rmul__`, `__rtruediv__` and `__rpow__`, so that `5 - x`, `1 / x`, `2 ** x` and `sum([...])`
# compute the right values **and** the right gradients.
#
# *Hint:* in a reversed method, `other` is the number on the **left**. Wrap it with `self.lift` and use
# the ordinary operator, keeping the order.
#
# 아래의 `Num`은 강의의 `Scalar` 같은 스칼라 클래스로, 보통 연산자와 `backward`는 있지만 뒤집힌 연산자가 없어서 `5 - x`가
# 실패합니다. `RNum`에 `__radd__`, `__rsub__`, `__rmul__`, `__rtruediv__`, `__rpow__`를 채워 `5 - x`, `1 / x`, `2 ** x`,
# `sum([...])`이 올바른 값**과** 올바른 변화도를 내게 하세요.
#
# *힌트:* 뒤집힌 메서드에서 `other`는 **왼쪽**에 있던 수입니다. `self.lift`로 감싼 다음 순서를 지켜 보통 연산자를 쓰세요.

# %%
class Num:
    def __init__(self, value, parents=()):
        self.value = float(value)
        self.parents = parents  # ((parent, d self / d parent), ...)
        self.grad = 0.0

    def __repr__(self):
        return f"{type(self).__name__}({self.value:.6g}, grad={self.grad:.6g})"

    def lift(self, v):
        """A plain number becomes a constant of the same class."""
        return v if isinstance(v, Num) else type(self)(v)

    def make(self, value, parents):
        return type(self)(value, parents)

    def __add__(self, other):
        a, b = self, self.lift(other)
        return self.make(a.value + b.value, ((a, 1.0), (b, 1.0)))

    def __sub__(self, other):
        a, b = self, self.lift(other)
        return self.make(a.value - b.value, ((a, 1.0), (b, -1.0)))

    def __mul__(self, other):
        a, b = self, self.lift(other)
        return self.make(a.value * b.value, ((a, b.value), (b, a.value)))

    def __truediv__(self, other):
        a, b = self, self.lift(other)
        return self.make(a.value / b.value, ((a, 1 / b.value), (b, -a.value / b.value**2)))

    def __pow__(self, other):
        a, b = self, self.lift(other)
        out = a.value**b.value
        d_b = out * math.log(a.value) if a.value > 0 else 0.0
        return self.make(out, ((a, b.value * a.value ** (b.value - 1)), (b, d_b)))

    def backward(self):
        order, visited = [], set()

        def visit(node):
            if id(node) not in visited:
                visited.add(id(node))
                for parent, _ in node.parents:
                    visit(parent)
                order.append(node)

        visit(self)
        self.grad = 1.0
        for node in reversed(order):
            for parent, local in node.parents:
                parent.grad += node.grad * local


x = Num(2.0)
print(x - 5)
try:
    5 - x
except TypeError as err:
    print("TypeError:", err)

# %%
class RNum(Num):
    def __radd__(self, other):
        ### BEGIN SOLUTION
        return self.lift(other) + self
        ### END SOLUTION

    def __rsub__(self, other):
        ### BEGIN SOLUTION
        return self.lift(other) - self
        ### END SOLUTION

    def __rmul__(self, other):
        ### BEGIN SOLUTION
        return self.lift(other) * self
        ### END SOLUTION

    def __rtruediv__(self, other):
        ### BEGIN SOLUTION
        return self.lift(other) / self
        ### END SOLUTION

    def __rpow__(self, other):
        ### BEGIN SOLUTION
        return self.lift(other) ** self
        ### END SOLUTION

# %% exercise="05.2" points=2
from minigrad_course.checks import expect_close, expect_true, passed

def value_and_grad(f, v):
    x = RNum(v)
    y = f(x)
    expect_true(isinstance(y, Num), what=("the result is a Num", "결과가 Num이다"),
                hint=("build the result with Num operators (self.lift(other) - self), not with .value: a plain "
                      "number has no gradient.",
                      ".value가 아니라 Num의 연산자로(self.lift(other) - self) 결과를 만드세요. 평범한 수에는 변화도가 없습니다."))
    y.backward()
    return y.value, x.grad

def central(f, v, h=1e-6):
    return (f(v + h) - f(v - h)) / (2 * h)

left = ("in a reversed method `other` is the number on the left: `self.lift(other) - self`, not `self - other`.",
        "뒤집힌 메서드에서 `other`는 왼쪽에 있던 수입니다. `self - other`가 아니라 `self.lift(other) - self`입니다.")
for label, f, swapped in [("5 - x", lambda x: 5 - x, lambda v: v - 5), ("3 + x", lambda x: 3 + x, None),
                          ("4 * x", lambda x: 4 * x, None), ("1 / x", lambda x: 1 / x, lambda v: v / 1),
                          ("2 ** x", lambda x: 2**x, lambda v: v**2),
                          ("10 - 6 / x + 3 ** x", lambda x: 10 - 6 / x + 3**x, None),
                          ("sum([x, x * x, 2 * x])", lambda x: sum([x, x * x, 2 * x]), None)]:
    for v in [1.5, -0.75]:
        value, grad = value_and_grad(f, v)
        expect_close(value, f(v), what=(f"{label} at x = {v}", f"x = {v}에서 {label}"), hint=left,
                     mistakes=[(swapped(v), left)] if swapped else [])
        expect_close(grad, central(f, v), atol=1e-5, what=(f"d({label})/dx at x = {v}", f"x = {v}에서 d({label})/dx"), hint=left)
passed("05.2")

# %% [markdown]
# ## Exercise 05.3 · Name the node · 연습 문제 05.3 · 노드 이름 맞히기
#
# Without running anything, give the `grad_fn` name of each result, for
# `x = torch.tensor(2.0, requires_grad=True)`. Return a dict from expression to name, such as
# `"x + 5": "AddBackward0"`.
#
# *Hint:* the lesson's table. Two of them are not what the operator alone suggests.
#
# `x = torch.tensor(2.0, requires_grad=True)`일 때, 아무것도 실행하지 말고 각 결과의 `grad_fn` 이름을 맞혀 보세요.
# `"x + 5": "AddBackward0"`처럼 식에서 이름으로 가는 dict를 돌려주면 됩니다.
#
# *힌트:* 강의의 표를 보세요. 두 개는 연산자만 보고 떠올리는 이름과 다릅니다.

# %%
def node_names():
    """{expression: grad_fn name} for "5 - x", "1 / x", "x / 2", "3 ** x", "x ** 0.5", "x ** x", "-x"."""
    ### BEGIN SOLUTION
    return {
        "5 - x": "RsubBackward1",
        "1 / x": "MulBackward0",
        "x / 2": "DivBackward0",
        "3 ** x": "PowBackward2",
        "x ** 0.5": "PowBackward0",
        "x ** x": "PowBackward1",
        "-x": "NegBackward0",
    }
    ### END SOLUTION

# %% exercise="05.3" points=1
from minigrad_course.checks import expect_equal, passed

x = torch.tensor(2.0, requires_grad=True)
actual = {"5 - x": 5 - x, "1 / x": 1 / x, "x / 2": x / 2, "3 ** x": 3**x,
          "x ** 0.5": x**0.5, "x ** x": x**x, "-x": -x}
guess = node_names()
expect_equal(sorted(guess), sorted(actual), what=("expressions in your dict", "딕셔너리의 식"))
why = {"5 - x": ("a number minus a tensor is its own operation, rsub, with variant 1.",
                 "수에서 텐서를 빼는 것은 별도의 연산 rsub이고, 변형 번호는 1입니다."),
       "1 / x": ("PyTorch records a number divided by a tensor as a reciprocal times the number: a multiplication.",
                 "PyTorch는 수를 텐서로 나누는 것을 역수에 그 수를 곱하는 것으로 기록합니다. 곱셈입니다."),
       "3 ** x": ("a number to a tensor power is variant 2 of pow.", "수의 텐서 거듭제곱은 pow의 변형 2입니다."),
       "x ** 0.5": ("a tensor to a number power is variant 0 of pow.", "텐서의 수 거듭제곱은 pow의 변형 0입니다."),
       "x ** x": ("a tensor to a tensor power is variant 1 of pow.", "텐서의 텐서 거듭제곱은 pow의 변형 1입니다.")}
for label, result in actual.items():
    expect_equal(guess[label], result.grad_fn.name(), what=(f"grad_fn name of {label}", f"{label}의 grad_fn 이름"),
                 hint=why.get(label, ("see the lesson's table of node names.", "강의의 노드 이름 표를 보세요.")))
passed("05.3")

# %% [markdown]
# ## Exercise 05.4 · Predict the gradients · 연습 문제 05.4 · 변화도 예측하기
#
# By hand, with the rules of the lesson, find $\partial f / \partial x$ and $\partial f / \partial y$
# at $x = 3$, $y = 2$ for
#
# $$f(x, y) = \frac{(x - 2y)^2}{y} + \frac{6}{x} - 2^y.$$
#
# Return the two numbers; you may write them as expressions such as `1 / 3 - math.log(2)`.
#
# *Hint:* take the three terms one at a time. For the first, the quotient rule, or the product of
# $(x - 2y)^2$ and $y^{-1}$.
#
# 강의의 규칙을 써서 손으로 $x = 3$, $y = 2$에서 위 함수 $f$의 $\partial f / \partial x$와 $\partial f / \partial y$를 구하세요.
# 두 수를 돌려주면 되며, `1 / 3 - math.log(2)`처럼 식으로 써도 됩니다.
#
# *힌트:* 세 항을 하나씩 다루세요. 첫 항에는 몫의 미분법을 쓰거나, $(x - 2y)^2$과 $y^{-1}$의 곱으로 보면 됩니다.

# %%
def predicted_gradients():
    """(df/dx, df/dy) at x = 3, y = 2."""
    ### BEGIN SOLUTION
    # (x - 2y) = -1: d/dx of (x-2y)^2/y = 2(x-2y)/y = -1; d/dy = (-4(x-2y)y - (x-2y)^2)/y^2 = 7/4
    # 6/x: -6/x^2 = -2/3;  -2^y: -2^y ln 2 = -4 ln 2
    return (-1 - 2 / 3, 7 / 4 - 4 * math.log(2))
    ### END SOLUTION

# %% exercise="05.4" points=2
from minigrad_course.checks import expect_close, expect_equal, passed

x = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)
y = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
f = (x - 2 * y) ** 2 / y + 6 / x - 2**y
f.backward()

def f_plain(u, v):
    return (u - 2 * v) ** 2 / v + 6 / u - 2**v

h = 1e-6
numeric = ((f_plain(3 + h, 2) - f_plain(3 - h, 2)) / (2 * h),
           (f_plain(3, 2 + h) - f_plain(3, 2 - h)) / (2 * h))
guess = predicted_gradients()
expect_equal(len(guess), 2, what=("number of predicted values", "예측한 값의 개수"))
expect_close(guess[0], x.grad, atol=1e-6, what="df/dx",
             mistakes=[(-1 + 2 / 3, ("d(6/x)/dx = -6/x²: mind the minus sign.", "d(6/x)/dx = -6/x²입니다. 음수 부호를 보세요.")),
                       (-2 - 2 / 3, ("d/dx (x - 2y)²/y = 2(x - 2y)/y, and x - 2y = -1 at (3, 2).",
                                     "d/dx (x - 2y)²/y = 2(x - 2y)/y이고, (3, 2)에서 x - 2y = -1입니다."))],
             hint=("take the three terms one at a time and add their derivatives.", "세 항을 하나씩 미분해서 더하세요."))
expect_close(guess[1], y.grad, atol=1e-6, what="df/dy",
             mistakes=[(7 / 4 - 4, ("d(2^y)/dy = 2^y · ln 2: the factor ln 2 is missing.",
                                    "d(2^y)/dy = 2^y · ln 2입니다. 인수 ln 2가 빠졌습니다.")),
                       (7 / 4 + 4 * math.log(2), ("the term is -2^y: its derivative is -2^y · ln 2.",
                                                  "항이 -2^y이므로 도함수는 -2^y · ln 2입니다."))],
             hint=("for (x - 2y)²/y use the quotient rule: (-4(x - 2y)·y - (x - 2y)²) / y².",
                   "(x - 2y)²/y에는 몫의 미분법을 쓰세요: (-4(x - 2y)·y - (x - 2y)²) / y²."))
expect_close(guess[0], numeric[0], atol=1e-5, what=("df/dx (central difference)", "df/dx (중앙 차분)"))
expect_close(guess[1], numeric[1], atol=1e-5, what=("df/dy (central difference)", "df/dy (중앙 차분)"))
passed("05.4")

# %% [markdown]
# ## Exercise 05.5 · The sign bug · 연습 문제 05.5 · 부호 버그
#
# `BuggySub` computes $a - b$ correctly, but its gradients are wrong. Run the cell: `gradcheck`
# catches it, and a simple loss shows which input suffers. Then write `FixedSub`, with a correct
# `backward`.
#
# *Hint:* $\partial (a - b) / \partial a = 1$ and $\partial (a - b) / \partial b = -1$. Which input got
# which sign?
#
# `BuggySub`는 $a - b$를 올바르게 계산하지만 변화도가 틀렸습니다. 셀을 실행해 보세요. `gradcheck`가 이를 잡아내고, 간단한
# 손실(loss)로 어느 입력이 피해를 보는지 알 수 있습니다. 그다음 올바른 `backward`를 가진 `FixedSub`를 작성하세요.
#
# *힌트:* $\partial (a - b) / \partial a = 1$, $\partial (a - b) / \partial b = -1$입니다. 어느 입력이 어느 부호를 받았나요?

# %%
class BuggySub(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        return a - b

    @staticmethod
    def backward(ctx, grad):
        return -grad, grad


a = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
b = torch.tensor([0.5, 4.0], dtype=torch.float64, requires_grad=True)
print("gradcheck:", gradcheck(BuggySub.apply, (a, b), raise_exception=False))
BuggySub.apply(a, b).sum().backward()
print("a.grad:", a.grad, "  b.grad:", b.grad)

# %%
class FixedSub(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        return a - b

    @staticmethod
    def backward(ctx, grad):
        ### BEGIN SOLUTION
        return grad, -grad
        ### END SOLUTION

# %% exercise="05.5" points=2
from minigrad_course.checks import expect_close, expect_true, passed

a = torch.tensor([[1.0, -2.0], [0.5, 3.0]], dtype=torch.float64, requires_grad=True)
b = torch.tensor([[4.0, 0.25], [-1.0, 2.0]], dtype=torch.float64, requires_grad=True)
expect_close(FixedSub.apply(a, b), [[-3.0, -2.25], [1.5, 1.0]], what=("FixedSub forward", "FixedSub의 forward"))

# loss = sum((a - b)^2): d/da = 2(a - b), d/db = -2(a - b), by hand
d = FixedSub.apply(a, b)
(d * d).sum().backward()
diff = np.array([[-3.0, -2.25], [1.5, 1.0]])
signs = ("∂(a - b)/∂a = 1 and ∂(a - b)/∂b = -1: return (grad, -grad), in the order of the inputs.",
         "∂(a - b)/∂a = 1, ∂(a - b)/∂b = -1입니다. 입력 순서대로 (grad, -grad)를 돌려주세요.")
expect_close(a.grad, 2 * diff, what="d sum((a-b)^2) / da", hint=signs)
expect_close(b.grad, -2 * diff, what="d sum((a-b)^2) / db", hint=signs)

# a constant on the left, as in 5 - x
five = torch.tensor(5.0, dtype=torch.float64)
x = torch.tensor(1.5, dtype=torch.float64, requires_grad=True)
FixedSub.apply(five, x).backward()
expect_close(x.grad, -1.0, what="d(5 - x)/dx", hint=signs)
expect_true(gradcheck(FixedSub.apply, (a, b), raise_exception=False), what="gradcheck(FixedSub.apply, (a, b))")
passed("05.5")

# %% [markdown]
# ## Done · 끝
#
# You wrote the local derivatives behind `+ - * / **`, gave a class its reversed operators, and
# caught a sign bug with `gradcheck`. Lesson 06 starts `backward` from a vector: `y.backward(v)`.
#
# `+ - * / **` 뒤에 있는 국소 미분을 작성하고, 클래스에 뒤집힌 연산자를 달고, `gradcheck`로 부호 버그를 잡았습니다.
# 06강에서는 벡터에서 `backward`를 시작합니다. `y.backward(v)`입니다.
