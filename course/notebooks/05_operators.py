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
# # Lesson 05 · Operators · 연산자
#
# Lesson 04's backward pass relied on one thing: every node knew its local derivatives. In this
# lesson we write them, for the operators you actually type: `+ - * / **`, unary `-`, and `@`.
# Along the way:
#
# 1. how Python turns `x + 5` and `5 + x` into method calls (`__add__`, `__radd__`), and why the
#    *reversed* methods matter for an autograd engine;
# 2. our engine of lessons 02 and 04 with every operator, each a `Function` whose backward sits
#    beside its forward, tested against central differences;
# 3. the two examples from the PyTorch tutorial, `y * y * 3` and `x + 5`, with their gradients
#    4.5 and 1.3333 derived by hand;
# 4. the node names minigrad and PyTorch give each operator (`RsubBackward1`, `PowBackward2`, ...),
#    `gradcheck` on every one, the real code, and type promotion in brief.
#
# 04강의 역전파(backward pass)는 한 가지에 기대고 있었습니다. 모든 노드(node)가 자기 국소 미분을 알고 있다는 것입니다. 이번 강의에서는
# 우리가 실제로 입력하는 연산자 `+ - * / **`, 단항 `-`, `@`의 국소 미분을 작성합니다. 다루는 내용은 다음과 같습니다.
#
# 1. 파이썬이 `x + 5`와 `5 + x`를 어떻게 메서드 호출(`__add__`, `__radd__`)로 바꾸는지, 그리고 autograd 엔진에 *뒤집힌*
#    메서드가 왜 중요한지 살펴봅니다.
# 2. 02강과 04강의 엔진에 모든 연산자를 붙입니다. 연산자마다 순전파(forward pass) 바로 옆에 역전파가 있는 `Function`을
#    만들고, 중앙 차분(central difference)으로 검사합니다.
# 3. PyTorch 튜토리얼의 두 예제 `y * y * 3`과 `x + 5`의 변화도(gradient) 4.5와 1.3333을 손으로 유도합니다.
# 4. minigrad와 PyTorch가 연산자마다 붙이는 노드 이름(`RsubBackward1`, `PowBackward2`, ...)을 보고, 모든 연산자를
#    `gradcheck`로 검사하고, 실제 코드를 읽고, 자료형 승격(type promotion)을 간단히 살펴봅니다.

# %%
import importlib
import inspect
import math

import minigrad as torch  # the same API as PyTorch
from minigrad.autograd import gradcheck
from minigrad.viz import draw_graph, show_backward

# %% [markdown]
# ## How Python reads `a + b` · 파이썬이 `a + b`를 읽는 방법
#
# Python has no built-in idea of adding tensors. `a + b` is a method call, `a.__add__(b)`. If `a`
# does not know how to add `b`, its method returns the special value `NotImplemented`, and Python
# then tries the **reversed** method of the right operand, `b.__radd__(a)` (Python's documentation
# calls them *reflected* methods). A class that prints
# which method ran shows the protocol:
#
# 파이썬은 텐서를 더하는 법을 따로 알지 못합니다. `a + b`는 메서드 호출 `a.__add__(b)`입니다. `a`가 `b`를 더할 줄 모르면
# 이 메서드는 특별한 값 `NotImplemented`를 돌려주고, 그러면 파이썬은 오른쪽 피연산자의 **뒤집힌**(reflected) 메서드
# `b.__radd__(a)`를 시도합니다. 어떤 메서드가 불렸는지 알려 주는 클래스로 이 규약을 확인해 봅시다.

# %%
class Shout:
    def __add__(self, other):
        return f"Shout.__add__(self, {other!r})"

    def __radd__(self, other):
        return f"Shout.__radd__(self, {other!r})"


s = Shout()
print(s + 5)
print(5 + s)
print((5).__add__(s))  # what Python tried first for 5 + s

# %% [markdown]
# `5 + s` first asked the integer `5`, which answered `NotImplemented`; then Python called
# `s.__radd__(5)`. Note the argument order: in a reversed method, `self` is the **right** operand
# and `other` the left one. Every binary operator has such a pair:
#
# `5 + s`는 먼저 정수 `5`에게 물었고, `5`는 `NotImplemented`라고 답했습니다. 그다음 파이썬이 `s.__radd__(5)`를
# 호출했습니다. 인자의 순서에 주의하세요. 뒤집힌 메서드에서 `self`는 **오른쪽** 피연산자이고 `other`가 왼쪽입니다.
# 모든 이항 연산자에는 이런 짝이 있습니다.
#
# | expression · 식 | tried first · 먼저 | then · 그다음 |
# |---|---|---|
# | `a + b` | `a.__add__(b)` | `b.__radd__(a)` |
# | `a - b` | `a.__sub__(b)` | `b.__rsub__(a)` |
# | `a * b` | `a.__mul__(b)` | `b.__rmul__(a)` |
# | `a / b` | `a.__truediv__(b)` | `b.__rtruediv__(a)` |
# | `a ** b` | `a.__pow__(b)` | `b.__rpow__(a)` |
# | `a @ b` | `a.__matmul__(b)` | `b.__rmatmul__(a)` |
# | `-a` | `a.__neg__()` | (unary · 단항) |

# %% [markdown]
# Without the reversed method, `5 - x` is simply an error, even though `x - 5` works. And since
# subtraction is not symmetric, a reversed method that forgets to swap its operands gives a wrong
# answer without any error, which is worse:
#
# 뒤집힌 메서드가 없으면 `x - 5`는 되는데 `5 - x`는 그냥 오류가 납니다. 그리고 뺄셈은 교환 법칙이 성립하지 않으므로,
# 피연산자를 바꾸는 것을 잊은 뒤집힌 메서드는 오류도 없이 틀린 답을 냅니다. 이쪽이 더 나쁩니다.

# %%
class OnlySub:
    def __init__(self, value):
        self.value = value

    def __sub__(self, other):
        return self.value - other


class CarelessRsub(OnlySub):
    def __rsub__(self, other):
        return self.value - other  # wrong: other - self was asked for


print("OnlySub(2) - 5       =", OnlySub(2) - 5)
try:
    5 - OnlySub(2)
except TypeError as err:
    print("5 - OnlySub(2)       -> TypeError:", err)
print("5 - CarelessRsub(2)  =", 5 - CarelessRsub(2), "  (should be 3)")

# %% [markdown]
# ## Our engine, with every operator · 모든 연산자를 갖춘 우리 엔진
#
# Now the engine of lessons 02 and 04 grows up. Each operator is a `MiniFunction` in PyTorch's form:
# `forward(ctx, a, b)` computes the result and saves what the backward needs, and
# `backward(ctx, grad)` returns the upstream gradient times each local derivative
# $\partial\,\text{out} / \partial\,\text{input}$, the rules of calculus, one per operator:
#
# | forward · 순전파 | $\partial / \partial a$ | $\partial / \partial b$ | saves · 저장 |
# |---|---|---|---|
# | $a + b$ | $1$ | $1$ | nothing · 없음 |
# | $a - b$ | $1$ | $-1$ | nothing · 없음 |
# | $a \cdot b$ | $b$ | $a$ | $a, b$ |
# | $a / b$ | $1/b$ | $-a/b^2$ | $a, b$ |
# | $a^b$ | $b\,a^{b-1}$ | $a^b \ln a$ | $a, b, a^b$ |
# | $-a$ | $-1$ | | nothing · 없음 |
#
# A Python number taking part (`x + 5`) is wrapped into a constant `MiniTensor` (one that does not
# require grad) by `lift`. The reversed methods wrap the number and then apply the same `Function`
# **with the operands in their original order**: `5 - x` becomes `Sub.apply(lift(5), x)`, never
# `x - 5`. Two more details from PyTorch: `apply` records `ctx.needs_input_grad`, and a backward may
# return `None` for an input that needs no gradient (`Pow` does, so that `x ** 3` never computes
# $\ln 3$ for nothing). We store `float64` this time, so that our checks below can be exact.
#
# 이제 02강과 04강의 엔진을 키워 봅시다. 연산자마다 PyTorch 형식의 `MiniFunction`이 하나씩 있습니다.
# `forward(ctx, a, b)`는 결과를 계산하고 역전파에 필요한 것을 저장하며, `backward(ctx, grad)`는 위에서 온 변화도에
# 입력별 국소 미분 $\partial\,\text{out} / \partial\,\text{input}$을 곱해 돌려줍니다. 연산자 하나에 미적분 규칙
# 하나입니다(표는 위와 같습니다).
#
# 파이썬 수가 끼어들면(`x + 5`) `lift`가 상수 `MiniTensor`(변화도를 요구하지 않는 텐서)로 감쌉니다. 뒤집힌 메서드는
# 수를 감싼 다음 **피연산자를 원래 순서 그대로** 같은 `Function`을 적용합니다. `5 - x`는 `Sub.apply(lift(5), x)`가
# 되며, 절대 `x - 5`가 아닙니다. PyTorch에서 가져온 것이 두 가지 더 있습니다. `apply`는 `ctx.needs_input_grad`를
# 기록하고, 역전파는 변화도가 필요 없는 입력에 대해 `None`을 돌려줄 수 있습니다(`Pow`가 그렇게 해서 `x ** 3`이 쓸데없이
# $\ln 3$을 계산하지 않습니다). 이번에는 아래의 검사가 정확하도록 `float64`로 저장합니다.

# %%
import numpy as np


class MiniTensor:
    def __init__(self, data, requires_grad=False, grad_fn=None):
        self.data = np.asarray(data, dtype=np.float64)
        self.requires_grad = requires_grad
        self.grad_fn = grad_fn
        self.grad = None

    def __repr__(self):
        grad = "None" if self.grad is None else f"{float(self.grad):.6g}"
        return f"MiniTensor({float(self.data):.6g}, grad={grad})"

    def __add__(self, other):
        return Add.apply(self, lift(other))

    def __sub__(self, other):
        return Sub.apply(self, lift(other))

    def __mul__(self, other):
        return Mul.apply(self, lift(other))

    def __truediv__(self, other):
        return Div.apply(self, lift(other))

    def __pow__(self, other):
        return Pow.apply(self, lift(other))

    def __neg__(self):
        return Neg.apply(self)

    # reversed: `other` is the number on the LEFT, self on the right
    def __radd__(self, other):
        return Add.apply(lift(other), self)

    def __rsub__(self, other):
        return Sub.apply(lift(other), self)

    def __rmul__(self, other):
        return Mul.apply(lift(other), self)

    def __rtruediv__(self, other):
        return Div.apply(lift(other), self)

    def __rpow__(self, other):
        return Pow.apply(lift(other), self)


def lift(v):
    """A Python number becomes a constant MiniTensor."""
    return v if isinstance(v, MiniTensor) else MiniTensor(v)


class MiniFunction:
    @classmethod
    def apply(cls, *inputs):
        ctx = cls()
        ctx.needs_input_grad = tuple(t.requires_grad for t in inputs)
        result = cls.forward(ctx, *[t.data for t in inputs])
        if not any(ctx.needs_input_grad):
            return MiniTensor(result)
        ctx.inputs = inputs
        return MiniTensor(result, requires_grad=True, grad_fn=ctx)

    def save_for_backward(self, *values):
        self.saved_tensors = values

    def __call__(self, grad):
        return self.backward(self, grad)


class Add(MiniFunction):
    @staticmethod
    def forward(ctx, a, b):
        return a + b

    @staticmethod
    def backward(ctx, grad):
        return grad, grad                       # 1, 1


class Sub(MiniFunction):
    @staticmethod
    def forward(ctx, a, b):
        return a - b

    @staticmethod
    def backward(ctx, grad):
        return grad, -grad                      # 1, -1


class Mul(MiniFunction):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        return grad * b, grad * a               # b, a


class Div(MiniFunction):
    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a / b

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        return grad / b, -grad * a / b**2       # 1/b, -a/b^2


class Pow(MiniFunction):
    @staticmethod
    def forward(ctx, a, b):
        out = a**b
        ctx.save_for_backward(a, b, out)
        return out

    @staticmethod
    def backward(ctx, grad):
        a, b, out = ctx.saved_tensors
        grad_a = grad * b * a ** (b - 1)                                      # b a^(b-1)
        grad_b = grad * out * np.log(a) if ctx.needs_input_grad[1] else None  # a^b ln a
        return grad_a, grad_b


class Neg(MiniFunction):
    @staticmethod
    def forward(ctx, a):
        return -a

    @staticmethod
    def backward(ctx, grad):
        return (-grad,)                         # -1

# %% [markdown]
# And lesson 04's backward pass, with one more line: skip the `None`s.
#
# 04강의 역전파도 가져옵니다. 한 줄만 늘었습니다. `None`은 건너뜁니다.

# %%
def backward(root):
    order, visited = [], set()

    def visit(t):
        if id(t) not in visited:
            visited.add(id(t))
            if t.grad_fn is not None:
                for parent in t.grad_fn.inputs:
                    visit(parent)
            order.append(t)

    visit(root)
    root.grad = 1.0
    for t in reversed(order):  # root first
        if t.grad_fn is not None:
            for parent, g in zip(t.grad_fn.inputs, t.grad_fn(t.grad)):
                if g is not None:  # no gradient needed there
                    parent.grad = g if parent.grad is None else parent.grad + g  # accumulate


def grad_at(f, value):
    """d f / d x at x = value, by our engine."""
    x = MiniTensor(value, requires_grad=True)
    backward(f(x))
    return float(x.grad)

# %% [markdown]
# ## Test: central differences · 검사: 중앙 차분
#
# Each expression below is a plain Python function, so it runs on ordinary floats as well as on
# our tensors. On floats we take lesson 03's central difference $\frac{f(x+h) - f(x-h)}{2h}$; on a
# `MiniTensor` we run `backward`. The column "by hand" is the rule from the table.
#
# 아래 식들은 평범한 파이썬 함수라서 우리 텐서뿐 아니라 일반 float에서도 실행됩니다. float에서는 03강의 중앙 차분
# $\frac{f(x+h) - f(x-h)}{2h}$를 계산하고, `MiniTensor`에서는 `backward`를 실행합니다. "by hand" 열은 표의 규칙으로 손으로 구한 값입니다.

# %%
def central_difference(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


x0 = 1.5
cases = [  # (expression, f, derivative by hand at x0)
    ("x + 5", lambda x: x + 5, 1.0),
    ("5 + x", lambda x: 5 + x, 1.0),
    ("x - 5", lambda x: x - 5, 1.0),
    ("5 - x", lambda x: 5 - x, -1.0),
    ("3 * x", lambda x: 3 * x, 3.0),
    ("x / 4", lambda x: x / 4, 1 / 4),
    ("5 / x", lambda x: 5 / x, -5 / x0**2),
    ("x ** 3", lambda x: x**3, 3 * x0**2),
    ("2 ** x", lambda x: 2**x, 2**x0 * math.log(2)),
    ("x ** x", lambda x: x**x, x0**x0 * (1 + math.log(x0))),
    ("-x", lambda x: -x, -1.0),
    ("x * x * 3", lambda x: x * x * 3, 6 * x0),
]
print(f"{'expression':10s} {'ours':>10s} {'numeric':>10s} {'by hand':>10s}")
for label, f, by_hand in cases:
    ours, numeric = grad_at(f, x0), central_difference(f, x0)
    assert abs(ours - numeric) < 1e-6 and abs(ours - by_hand) < 1e-12, label
    print(f"{label:10s} {ours:10.6f} {numeric:10.6f} {by_hand:10.6f}")

# %% [markdown]
# All three columns agree for every operator, on either side of a Python number. Two rows deserve a
# second look:
#
# * `x ** x`: `x` is **both** the base and the exponent, so the node has two edges to `x`, and the
#   engine adds their contributions, $x \cdot x^{x-1} + x^x \ln x = x^x (1 + \ln x)$. This is the
#   same accumulation that made `b = a + a` work in lesson 04.
# * `x * x * 3` is `(x * x) * 3`, left to right: two multiplications, and the first one receives `x`
#   twice. Its derivative $2x \cdot 3 = 6x$ comes from the same accumulation.
#
# 모든 연산자에서, 파이썬 수가 어느 쪽에 있든 세 열이 일치합니다. 두 줄은 다시 볼 만합니다.
#
# * `x ** x`: `x`가 밑이자 지수**이기도** 하므로 노드에서 `x`로 가는 간선(edge)이 두 개이고, 엔진은 두 기여를 더합니다.
#   $x \cdot x^{x-1} + x^x \ln x = x^x (1 + \ln x)$입니다. 04강에서 `b = a + a`를 맞게 만든 바로 그 누적(accumulation)입니다.
# * `x * x * 3`은 왼쪽부터 계산하는 `(x * x) * 3`입니다. 곱셈이 두 번이고, 첫 번째 곱셈은 `x`를 두 번 받습니다.
#   도함수 $2x \cdot 3 = 6x$도 같은 누적에서 나옵니다.

# %% [markdown]
# Reversed operators also make Python's built-in `sum` work: `sum([a, b, c])` starts from the integer
# `0`, so its first step is `0 + a`, which is `a.__radd__(0)`. Below, `total` $= a^2 + bc + c = 10$,
# so we expect $2a = 2$ for `a`, $c = 3$ for `b`, and $b + 1 = 3$ for `c`, which is used twice.
#
# 뒤집힌 연산자 덕분에 파이썬 내장 함수 `sum`도 동작합니다. `sum([a, b, c])`는 정수 `0`에서 시작하므로 첫 단계가
# `0 + a`, 곧 `a.__radd__(0)`입니다. 아래에서 `total` $= a^2 + bc + c = 10$이므로 `a`는 $2a = 2$, `b`는 $c = 3$,
# 두 번 쓰인 `c`는 $b + 1 = 3$을 받아야 합니다.

# %%
a, b, c = (MiniTensor(v, requires_grad=True) for v in (1.0, 2.0, 3.0))
total = sum([a * a, b * c, c])
backward(total)
print(total)
print(a, b, c, sep="\n")

# %% [markdown]
# ## The tutorial's first example, by hand · 튜토리얼의 첫 번째 예제를 손으로
#
# ```python
# x = torch.ones(2, 2, requires_grad=True)
# y = x + 2
# z = y * y * 3
# out = z.mean()
# ```
#
# Every element is independent until `mean`, so follow one element $x_i = 1$:
#
# * $y_i = x_i + 2 = 3$, and $\partial y_i / \partial x_i = 1$ (the `+` rule);
# * $z_i = y_i \cdot y_i \cdot 3 = 27$, and $\partial z_i / \partial y_i = 6 y_i = 18$ (the `*` rule, with
#   accumulation as above);
# * $\text{out} = \frac{1}{4} \sum_j z_j = 27$, and $\partial\,\text{out} / \partial z_i = \frac{1}{4}$ (four
#   elements).
#
# Multiply along the chain: $\frac{\partial\,\text{out}}{\partial x_i} = \frac{1}{4} \cdot 18 \cdot 1 = 4.5$.
# The same calculation with four of our tensors, then with minigrad:
#
# `mean` 전까지는 원소끼리 서로 영향을 주지 않으므로 원소 하나 $x_i = 1$만 따라가면 됩니다.
#
# * $y_i = x_i + 2 = 3$이고 $\partial y_i / \partial x_i = 1$입니다 (`+` 규칙).
# * $z_i = y_i \cdot y_i \cdot 3 = 27$이고 $\partial z_i / \partial y_i = 6 y_i = 18$입니다 (`*` 규칙과 앞에서 본 누적).
# * $\text{out} = \frac{1}{4} \sum_j z_j = 27$이고 $\partial\,\text{out} / \partial z_i = \frac{1}{4}$입니다 (원소가 네 개).
#
# 사슬을 따라 곱하면 $\frac{\partial\,\text{out}}{\partial x_i} = \frac{1}{4} \cdot 18 \cdot 1 = 4.5$입니다.
# 같은 계산을 우리 텐서 네 개로 해 보고, 이어서 minigrad로 해 봅시다.

# %%
xs = [MiniTensor(1.0, requires_grad=True) for _ in range(4)]
zs = [(x + 2) * (x + 2) * 3 for x in xs]
out_ours = sum(zs) / 4
backward(out_ours)
print("out =", float(out_ours.data), "  grads:", [float(x.grad) for x in xs])

# %%
x = torch.ones(2, 2, requires_grad=True)
y = x + 2
z = y * y * 3
out = z.mean()
print(z, out)
draw_graph(out)

# %% [markdown]
# In the graph, drawn before `backward()`, `y` sends **two** arrows into the first `MulBackward0` (it
# is both operands of `y * y`), and the constants `2` and `3` are grey dashed boxes: inputs that
# receive no gradient. (Draw before `backward()`: it frees what the nodes saved, lesson 04, and a
# drawing made afterwards has less to show.) Now the backward pass:
#
# `backward()`를 호출하기 전에 그린 그래프에서 `y`는 첫 번째 `MulBackward0`으로 화살표 **두 개**를 보내고(`y * y`의 두
# 피연산자 모두이므로), 상수 `2`와 `3`은 회색 점선 상자입니다. 변화도를 받지 않는 입력이라는 뜻입니다. (그래프는
# `backward()` 전에 그리세요. `backward()`는 노드가 저장한 것을 해제하므로(04강) 그 뒤에 그리면 보여 줄 것이 줄어듭니다.)
# 이제 역전파를 실행합니다.

# %%
out.backward()
print(x.grad)

# %% [markdown]
# The same 4.5 everywhere, printed as PyTorch prints it.
#
# 모두 4.5이고, PyTorch와 똑같이 출력됩니다.

# %% [markdown]
# ## The second example: `x + 5` · 두 번째 예제: `x + 5`
#
# ```python
# x = torch.ones(3, 3, requires_grad=True)
# y = x + 5
# z = y * y
# out = z.mean()
# ```
#
# Now $y_i = 6$, $z_i = y_i^2 = 36$, $\text{out} = \frac{1}{9} \sum_j z_j = 36$, and
#
# $$\frac{\partial\,\text{out}}{\partial x_i} = \frac{1}{9} \cdot 2 y_i \cdot 1 = \frac{12}{9} = \frac{4}{3} \approx 1.3333.$$
#
# 이번에는 $y_i = 6$, $z_i = y_i^2 = 36$, $\text{out} = \frac{1}{9} \sum_j z_j = 36$이고, 따라서
# $\frac{\partial\,\text{out}}{\partial x_i} = \frac{1}{9} \cdot 2 y_i \cdot 1 = \frac{12}{9} = \frac{4}{3} \approx 1.3333$입니다.

# %%
x = torch.ones(3, 3, requires_grad=True)
y = x + 5
print(y)
z = y * y
out = z.mean()
print(z, out)

# %% [markdown]
# Before calling `backward()`, watch it step by step with lesson 04's `show_backward` (which changes
# nothing): `mean` sends $\frac{1}{9}$ to every element of `z`; `MulBackward0` turns that into
# $2 \cdot 6 \cdot \frac{1}{9} = 1.3333$ for `y`, as the sum of its two edges ($6 \cdot \frac{1}{9}$
# each); `AddBackward0` passes it to `x` unchanged. Nothing goes to the dashed `5`.
# (The frames are drawn top to bottom, `rankdir="TB"`, so that the 3×3 values stay readable.)
#
# `backward()`를 호출하기 전에, 04강의 `show_backward`로 (아무것도 바꾸지 않고) 한 단계씩 지켜봅시다. `mean`이 `z`의
# 모든 원소에 $\frac{1}{9}$을 보냅니다. `MulBackward0`은 두 간선(각각 $6 \cdot \frac{1}{9}$)의 합으로 `y`에
# $2 \cdot 6 \cdot \frac{1}{9} = 1.3333$을 보내고, `AddBackward0`은 이 값을 그대로 `x`에 넘깁니다. 점선 상자의 `5`에는
# 아무것도 가지 않습니다.
# (3×3 값이 읽히도록 프레임을 위에서 아래로 그립니다. `rankdir="TB"`)

# %%
show_backward(out, widget=False, rankdir="TB")  # top to bottom: 3×3 values fit the page

# %%
out.backward()
print(x.grad)

# %% [markdown]
# ## minigrad with Python numbers · minigrad에서 파이썬 수와 함께
#
# minigrad's tensors implement all the methods of the table, so a Python number can sit on either
# side. The node each expression makes is the one PyTorch makes, with the same inputs. We print
# its name and how many inputs it has, that is the length of its `next_functions` (lesson 02):
#
# minigrad의 텐서는 표의 메서드를 모두 구현하므로 파이썬 수가 어느 쪽에 와도 됩니다. 식마다 만들어지는 노드는 PyTorch가
# 만드는 노드와 같고, 입력도 같습니다. 노드의 이름과 입력 개수, 곧 `next_functions`의 길이(02강)를 출력해 봅시다.

# %%
x = torch.tensor(2.0, requires_grad=True)
w = torch.ones(2, 2, requires_grad=True)
expressions = {
    "x + 5": x + 5, "5 + x": 5 + x, "x - 5": x - 5, "5 - x": 5 - x,
    "2 * x": 2 * x, "x / 2": x / 2, "5 / x": 5 / x, "-x": -x,
    "x ** 2": x**2, "2 ** x": 2**x, "x ** x": x**x, "w @ w": w @ w,
}
for label, result in expressions.items():
    node = result.grad_fn
    print(f"{label:7s} -> {node.name():14s} inputs: {len(node.next_functions)}")

# %% [markdown]
# Some names tell a story:
#
# * `5 + x` and `2 * x` make the same nodes as `x + 5` and `x * 2`: addition and multiplication do not
#   care about order, so PyTorch simply computes `x + 5`. The number becomes a constant input, and
#   its entry in `next_functions` is `None`: no gradient goes there.
# * `5 - x` is `RsubBackward1`, "reversed subtraction": PyTorch has a separate operation for a number
#   minus a tensor. The `5` is stored inside the node rather than passed as an input, so `x` is its
#   only input. Its derivative is that of subtraction: $-1$ for `x`.
# * `x ** 2`, `x ** x` and `2 ** x` are three different nodes, `PowBackward0/1/2`: a constant
#   exponent ($c\,x^{c-1}$), a tensor exponent (both rules), and a number raised to a tensor ($2^x \ln 2$).
#   As in `5 - x`, the plain number of `x ** 2` and `2 ** x` lives inside the node: one input.
# * `5 / x` is **not** `DivBackward0` but `MulBackward0`: PyTorch computes it as `5 * x.reciprocal()`,
#   and the reciprocal $1/x$ has its own node with derivative $-1/x^2$. The graph shows it:
#
# 몇몇 이름에는 사연이 있습니다.
#
# * `5 + x`와 `2 * x`는 `x + 5`, `x * 2`와 같은 노드를 만듭니다. 덧셈과 곱셈은 순서를 가리지 않으므로 PyTorch는 그냥
#   `x + 5`를 계산합니다. 수는 상수 입력이 되고, `next_functions`에서 그 자리는 `None`입니다. 그쪽으로는 변화도가 가지 않습니다.
# * `5 - x`는 "뒤집힌 뺄셈" `RsubBackward1`입니다. PyTorch에는 수에서 텐서를 빼는 연산이 따로 있습니다. `5`는 입력으로
#   넘기지 않고 노드 안에 저장하므로 입력은 `x` 하나뿐입니다. 도함수는 뺄셈과 같아서 `x`에 대해 $-1$입니다.
# * `x ** 2`, `x ** x`, `2 ** x`는 서로 다른 세 노드 `PowBackward0/1/2`입니다. 지수가 상수인 경우($c\,x^{c-1}$), 지수가
#   텐서인 경우(두 규칙 모두), 수를 텐서만큼 거듭제곱하는 경우($2^x \ln 2$)입니다. `5 - x`처럼 `x ** 2`와 `2 ** x`의
#   수도 노드 안에 있으므로 입력은 하나입니다.
# * `5 / x`는 `DivBackward0`이 **아니라** `MulBackward0`입니다. PyTorch는 이를 `5 * x.reciprocal()`로 계산하고, 역수
#   $1/x$는 도함수가 $-1/x^2$인 자기 노드를 가집니다. 그래프로 확인해 봅시다.

# %%
q = 5 / x
print(q, [fn.name() for fn, _ in q.grad_fn.next_functions if fn is not None])
draw_graph(q)

# %% [markdown]
# The gradients follow the rules of the table. At $x = 2$:
#
# 변화도는 표의 규칙을 따릅니다. $x = 2$에서 확인해 봅시다.

# %%
by_hand = {
    "5 - x": -1.0, "5 / x": -5 / 2**2, "2 ** x": 2**2 * math.log(2),
    "x ** x": 2**2 * (1 + math.log(2)), "x ** 2": 2 * 2.0, "-x": -1.0,
}
for label, expected in by_hand.items():
    x.grad = None
    expressions[label].backward()
    print(f"{label:7s} x.grad = {x.grad.item():8.4f}   by hand {expected:8.4f}")

# %% [markdown]
# ## gradcheck on every operator · 모든 연산자에 gradcheck
#
# Lesson 03's `gradcheck` compares each backward with central differences, element by element, in
# `float64`. Both operands are tensors here, so both sides of every rule are checked (the inputs are
# positive so that $\ln a$ exists):
#
# 03강의 `gradcheck`는 역전파 결과를 원소마다 `float64`에서 중앙 차분과 비교합니다. 여기서는 두 피연산자가 모두 텐서이므로
# 규칙의 양쪽이 모두 검사됩니다 (입력을 양수로 두어 $\ln a$가 존재하게 합니다).

# %%
torch.manual_seed(0)
a = (torch.rand(2, 3, dtype=torch.float64) + 0.5).requires_grad_()
b = (torch.rand(2, 3, dtype=torch.float64) + 0.5).requires_grad_()
m = torch.rand(3, 2, dtype=torch.float64, requires_grad=True)

checks = {
    "a + b": (lambda a, b: a + b, (a, b)),
    "a - b": (lambda a, b: a - b, (a, b)),
    "5 - a": (lambda a: 5 - a, (a,)),
    "a * b": (lambda a, b: a * b, (a, b)),
    "a / b": (lambda a, b: a / b, (a, b)),
    "5 / a": (lambda a: 5 / a, (a,)),
    "a ** 3": (lambda a: a**3, (a,)),
    "a ** b": (lambda a, b: a**b, (a, b)),
    "2 ** a": (lambda a: 2**a, (a,)),
    "-a": (lambda a: -a, (a,)),
    "a @ m": (lambda a, m: a @ m, (a, m)),
}
for label, (fn, inputs) in checks.items():
    print(f"{label:7s} {gradcheck(fn, inputs)}")

# %% [markdown]
# `a @ m` is matrix multiplication, `MmBackward0`. Its rule, $\partial / \partial a = g\,m^\top$ and
# $\partial / \partial m = a^\top g$ for an upstream gradient $g$, belongs with the other tensor
# operations in lesson 08; here it is enough that `@` is one more operator with a reversed twin
# (`__rmatmul__`).
#
# `a @ m`은 행렬 곱 `MmBackward0`입니다. 위에서 온 변화도가 $g$일 때 규칙은 $\partial / \partial a = g\,m^\top$,
# $\partial / \partial m = a^\top g$이며, 자세한 내용은 다른 텐서 연산과 함께 08강에서 다룹니다. 여기서는 `@`도 뒤집힌 짝
# (`__rmatmul__`)을 가진 연산자 하나라는 것만 알면 충분합니다.

# %% [markdown]
# ## The real code · 실제 코드
#
# minigrad's operators live in `minigrad/ops/arithmetic.py`, one `Function` per node name, the
# local derivatives in a comment beside each `backward`. Addition and subtraction:
#
# minigrad의 연산자는 `minigrad/ops/arithmetic.py`에 있습니다. 노드 이름마다 `Function`이 하나씩 있고, 각 `backward` 옆
# 주석에 국소 미분이 적혀 있습니다. 덧셈과 뺄셈부터 봅시다.

# %%
arithmetic = importlib.import_module("minigrad.ops.arithmetic")
for cls in [arithmetic.Add, arithmetic.Sub, arithmetic.RSub]:
    print(inspect.getsource(cls))

# %% [markdown]
# What is new compared with our engine:
#
# * The same form as ours, `forward(ctx, ...)` and `backward(ctx, grad)`, but `forward` works on
#   NumPy arrays of any shape, and `backward` on tensors; `_common` checks that the shapes broadcast
#   (with PyTorch's error message) and brings both arrays to the result dtype (`promote`, below).
#   `Add` and `Sub` save no values: only the shapes, for `sum_to`.
# * `alpha` is PyTorch's `a.add(b, alpha=2)`, which computes $a + 2b$ in one node: `_scaled(b, alpha)`
#   is $2b$ (it also checks `alpha` as PyTorch does), and backward multiplies the gradient of `b` by 2
#   with `maybe_multiply`, PyTorch's own name for "times alpha, unless alpha is 1" (then it adds no
#   node). `a + b` is the case `alpha=1`. Bool tensors follow PyTorch too: NumPy's `+` of two bools is
#   already a logical or, as PyTorch's, and `check_subtraction` refuses `-` with PyTorch's error.
# * `sum_to` undoes broadcasting: if `b` had shape `(3,)` and was stretched to `(2, 3)`, its gradient
#   is summed back to `(3,)`. Lesson 08 explains it.
# * `RSub` is where minigrad parts from our engine. The number of `5 - x` is passed to `forward` as a
#   plain Python number, not as a tensor, so it is not an input of the node (as the exponent of `Pow`
#   is not): one input, `x`, as in PyTorch,
#   and one gradient returned, $-g$ for an upstream gradient $g$. Our engine made the `5` an input,
#   which received a gradient nobody used.
#
# Multiplication and division need input values for their derivatives, but, like PyTorch, they save
# (`ctx.save_for_backward`) only the values a needed gradient uses, and skip the gradients nobody
# asked for (`ctx.needs_input_grad`). The gradient of `a` in `a * b` uses only `b`, so `x * 3` saves
# the `3` and not `x`; `a / b` always saves `b`, and `a` only for `b`'s gradient:
#
# 우리 엔진과 비교해 새로운 점은 다음과 같습니다.
#
# * 우리 것과 같은 형식(`forward(ctx, ...)`, `backward(ctx, grad)`)이지만, `forward`는 모양(shape)에 상관없이 NumPy
#   배열로, `backward`는 텐서로 계산합니다. `_common`은 두 모양이 브로드캐스팅되는지 확인하고(PyTorch의 오류 메시지로)
#   두 배열을 결과 자료형으로 맞춥니다(`promote`, 아래에서 봅니다). `Add`와 `Sub`는 값을 저장하지 않고, `sum_to`에 쓸
#   모양만 기억합니다.
# * `alpha`는 PyTorch의 `a.add(b, alpha=2)`로, 노드 하나에서 $a + 2b$를 계산합니다. `_scaled(b, alpha)`가 $2b$이고
#   (PyTorch처럼 `alpha`도 검사합니다), 역전파는 `maybe_multiply`로 `b`의 변화도에 2를 곱합니다. `maybe_multiply`는
#   "alpha가 1이 아니면 곱한다"를 뜻하는 PyTorch의 이름 그대로이며, alpha가 1이면 노드를 더하지 않습니다. `a + b`는
#   `alpha=1`인 경우입니다. bool 텐서도 PyTorch를 따릅니다. bool 둘에 대한 NumPy의 `+`는 PyTorch처럼 이미 논리합이고,
#   `check_subtraction`은 `-`를 PyTorch와 같은 오류로 거부합니다.
# * `sum_to`는 브로드캐스팅(broadcasting)을 되돌립니다. 모양이 `(3,)`인 `b`가 `(2, 3)`으로 늘어났다면 그 변화도를 다시 `(3,)`으로
#   합칩니다. 08강에서 설명합니다.
# * `RSub`에서 minigrad는 우리 엔진과 갈라집니다. `5 - x`의 수는 텐서가 아닌 평범한 파이썬 수로 `forward`에 넘어가므로,
#   `Pow`의 지수처럼 노드의 입력이 아닙니다. 그래서 PyTorch처럼 입력은 `x` 하나이고, 위에서 온 변화도가 $g$일 때 변화도 $-g$ 하나를
#   돌려줍니다. 우리 엔진은 `5`를 입력으로 만들었고, 그 입력은 아무도 쓰지 않을 변화도를 받았습니다.
#
# 곱셈과 나눗셈의 도함수에는 입력값이 필요합니다. 다만 PyTorch처럼 필요한 변화도가 쓰는 값만 저장하고
# (`ctx.save_for_backward`), 아무도 요청하지 않은 변화도는 계산하지 않습니다(`ctx.needs_input_grad`). `a * b`에서
# `a`의 변화도는 `b`만 쓰므로 `x * 3`은 `x`가 아니라 `3`을 저장합니다. `a / b`는 `b`를 늘 저장하고, `a`는 `b`의
# 변화도가 필요할 때만 저장합니다.

# %%
for cls in [arithmetic.Mul, arithmetic.Div, arithmetic.Reciprocal]:
    print(inspect.getsource(cls))

# %% [markdown]
# `Reciprocal` saves its **output** $y = 1/x$ rather than its input, since $-1/x^2 = -y^2$.
# As in PyTorch, a node shows what it saved as `_saved_self` and `_saved_other` (`None` for a value
# not saved). Only `x` requires grad here:
#
# `Reciprocal`은 입력 대신 **출력** $y = 1/x$를 저장합니다. $-1/x^2 = -y^2$이기 때문입니다.
# PyTorch처럼 노드는 저장한 값을 `_saved_self`와 `_saved_other`로 보여 줍니다(저장하지 않은 값은 `None`).
# 여기서는 `x`만 변화도를 요구합니다.

# %%
x = torch.tensor([1.0, 2.0], requires_grad=True)
c = torch.tensor([3.0, 4.0])
for name, y in [("x * c", x * c), ("x / c", x / c), ("c / x", c / x)]:
    print(f"{name}: {y.grad_fn.name()}  self = {y.grad_fn._saved_self}  other = {y.grad_fn._saved_other}")

# %% [markdown]
# `c / x` is `DivBackward0` and keeps both: the gradient of `x`, the divisor, is $-c/x^2$. The three
# powers, one per node name. `Pow.forward` leaves the dtype rules to `_power_by_number` (the
# number's dtype is the subject of "Type promotion" below; $x^2$ and $\sqrt{x}$ are computed as PyTorch
# computes them, with a multiplication and a square root), so each backward is a rule of the table
# times `grad`. Where a rule would give $0 \cdot \infty$, they take PyTorch's value, 0, instead: $x^0$
# is flat, even at $x = 0$; the derivative of `a ** b` in $a$ is 0 where $b = 0$; its derivative in
# $b$ is 0 where $a = 0$ and $b \ge 0$, and so is the derivative of `0 ** x` where $x \ge 0$ ($\ln 0 =
# -\infty$ is never used there; `_ln` is the natural log of a Python number):
#
# `c / x`는 `DivBackward0`이고 둘 다 저장합니다. 나누는 수 `x`의 변화도가 $-c/x^2$이기 때문입니다. 노드 이름마다
# 하나씩, 세 가지 거듭제곱입니다. `Pow.forward`는 자료형 규칙을 `_power_by_number`에 맡기므로(수의 자료형은 아래
# '자료형 승격'에서 다룹니다. $x^2$와 $\sqrt{x}$는 PyTorch처럼 곱셈과 제곱근으로 계산합니다), 각 역전파는 표의 규칙에
# `grad`를 곱한 것입니다. 규칙이 $0 \cdot \infty$가 되는 곳에서는 PyTorch처럼 그 대신 0을 씁니다. $x^0$은 $x = 0$에서도
# 평평하고, `a ** b`의 $a$에 대한 미분은 $b = 0$인 곳에서 0이며, $b$에 대한 미분은 $a = 0$이고 $b \ge 0$인 곳에서 0입니다.
# `0 ** x`의 미분도 $x \ge 0$인 곳에서 0입니다(거기서는 $\ln 0 = -\infty$를 쓰지 않습니다. `_ln`은 파이썬 수의 자연로그입니다).

# %%
for cls in [arithmetic.Pow, arithmetic.PowTensor, arithmetic.RPow]:
    print(inspect.getsource(cls))

# %% [markdown]
# And the wiring, in `minigrad/_tensor_methods.py`. `as_tensor_like` (our `lift`) turns a Python
# number into a constant tensor, and each reversed method does what PyTorch does:
#
# * `__radd__` and `__rmul__` compute `x + 5` and `x * 5`, which give the same result;
# * `__rsub__` and `__rpow__` keep a Python number inside the node (`RSub`, `RPow`); anything else
#   (a NumPy array, say) becomes a constant tensor and goes through `Sub` or `PowTensor` in the
#   original order, so `5 - x` never turns into `x - 5`;
# * `__rtruediv__` computes `5 / x` as `5 * x.reciprocal()`.
#
# `__pow__` picks `Pow` or `PowTensor` by the type of the exponent:
#
# 연결은 `minigrad/_tensor_methods.py`에 있습니다. `as_tensor_like`(우리의 `lift`)가 파이썬 수를 상수 텐서로 바꾸고,
# 뒤집힌 메서드는 저마다 PyTorch와 같은 일을 합니다.
#
# * `__radd__`와 `__rmul__`은 결과가 같은 `x + 5`, `x * 5`를 계산합니다.
# * `__rsub__`와 `__rpow__`는 파이썬 수를 노드 안에 둡니다(`RSub`, `RPow`). 그 밖의 값(예를 들어 NumPy 배열)은 상수 텐서로
#   바꿔 원래 순서 그대로 `Sub`나 `PowTensor`에 넘기므로, `5 - x`가 `x - 5`로 바뀌는 일은 없습니다.
# * `__rtruediv__`는 `5 / x`를 `5 * x.reciprocal()`로 계산합니다.
#
# `__pow__`는 지수의 자료형에 따라 `Pow`와 `PowTensor` 중 하나를 고릅니다.

# %%
methods = importlib.import_module("minigrad._tensor_methods")
for fn in [methods.__radd__, methods.__rmul__, methods.__rsub__, methods.__rpow__,
           methods.__rtruediv__, methods.__pow__]:
    print(inspect.getsource(fn))

# %% [markdown]
# ## Type promotion, in brief · 자료형 승격 간단히
#
# When the operands have different dtypes, the result gets one dtype by PyTorch's rules. The ones
# you meet most often:
#
# * a Python `float` with an **integer** tensor gives `float32` (the default float type), not
#   `float64`;
# * a Python number never widens a float tensor: `float32 + 2.5` stays `float32`, `float64 + 2.5`
#   stays `float64`;
# * `/` always gives a float, even on integers; `+ - *` with a Python `int` keep integers integers;
# * two float tensors give the wider type, unless one of them is 0-dimensional (`torch.tensor(1.)`):
#   a 0-dimensional tensor counts like a Python number and never widens a dimensioned one of the same
#   kind (float32 `[2]` + float64 `[]` stays float32).
#
# 피연산자의 자료형(dtype)이 다르면 결과의 자료형은 PyTorch의 규칙으로 정해집니다. 자주 만나는 경우는 다음과 같습니다.
#
# * **정수** 텐서와 파이썬 `float`는 `float64`가 아니라 기본 실수형인 `float32`가 됩니다.
# * 파이썬 수는 실수 텐서의 자료형을 넓히지 않습니다. `float32 + 2.5`는 `float32`, `float64 + 2.5`는 `float64` 그대로입니다.
# * `/`는 정수끼리도 항상 실수를 냅니다. `+ - *`는 파이썬 `int`와 계산하면 정수를 유지합니다.
# * 실수 텐서 두 개는 더 넓은 자료형이 됩니다. 단, 한쪽이 0차원 텐서(`torch.tensor(1.)`)라면 파이썬 수처럼 취급되어
#   차원이 있는 같은 종류의 텐서를 넓히지 않습니다(float32 `[2]` + float64 `[]`는 float32).

# %%
i = torch.tensor([1, 2, 3])
print(i.dtype, "   ", i + 2.5, (i + 2.5).dtype)
print(i + 2, (i + 2).dtype, "   ", i / 2, (i / 2).dtype)
print(torch.tensor([1.0, 2.0], dtype=torch.float64) + 2.5)
print(torch.tensor([1.0, 2.0]) + torch.tensor([1.0, 2.0], dtype=torch.float64))
print((torch.tensor([1.0, 2.0]) + torch.tensor(1.0, dtype=torch.float64)).dtype)

# %% [markdown]
# This matters for autograd because only floating-point tensors can require gradients. The rule
# for Python numbers is `number_array` in `minigrad/ops/_util.py`: it turns the number into a
# 0-dimensional array of the dtype PyTorch gives it. `as_tensor_like` (our `lift`) uses it, and so do
# the operators that keep the number inside the node (`RSub`, `Pow`, `RPow` above):
#
# autograd에서 이것이 중요한 이유는 실수 텐서만 변화도를 요구할 수 있기 때문입니다. 파이썬 수에 대한 규칙은
# `minigrad/ops/_util.py`의 `number_array`입니다. 수를 PyTorch가 정하는 자료형의 0차원 배열로 바꿉니다.
# `as_tensor_like`(우리의 `lift`)가 이것을 쓰고, 수를 노드 안에 두는 연산자(위의 `RSub`, `Pow`, `RPow`)도 씁니다.

# %%
util = importlib.import_module("minigrad.ops._util")
print(inspect.getsource(util.number_array))
print(inspect.getsource(util.as_tensor_like))

# %% [markdown]
# ## A mixed expression · 연산자가 섞인 식
#
# One last example uses most operators at once. At $x = 2$:
#
# 마지막 예제는 대부분의 연산자를 한꺼번에 씁니다. $x = 2$에서,
#
# $$y = \frac{3x - 1}{x + 1} + 2^x - x^2, \qquad
# \frac{dy}{dx} = \frac{3(x+1) - (3x-1)}{(x+1)^2} + 2^x \ln 2 - 2x = \frac{4}{9} + 4 \ln 2 - 4 \approx -0.7830.$$

# %%
x = torch.tensor(2.0, requires_grad=True)
y = (3 * x - 1) / (x + 1) + 2**x - x**2
draw_graph(y)

# %%
y.backward()
print(y, x.grad)
by_hand = 4 / 9 + 4 * math.log(2) - 4
ours = grad_at(lambda x: (3 * x - 1) / (x + 1) + 2**x - x**2, 2.0)
print(f"by hand: {by_hand:.4f}   ours: {ours:.4f}")

# %% [markdown]
# ## Summary · 정리
#
# * `a + b` calls `a.__add__(b)`; when that returns `NotImplemented` (as an `int` does for a tensor),
#   Python calls `b.__radd__(a)`. In a reversed method `self` is the right operand: keep the order,
#   or `5 - x` silently becomes `x - 5`.
# * Every operator is a `Function`: a forward, and a backward that multiplies by its local derivatives: $1, 1$ for `+`; $1, -1$ for `-`; $b, a$
#   for `*`; $1/b, -a/b^2$ for `/`; $c\,a^{c-1}$ or $a^b \ln a$ for `**`; $-1$ for unary `-`.
# * A value used twice (`y * y`, `x ** x`) gets the sum of its edges' contributions.
# * The tutorial's gradients by hand: $\frac{1}{4} \cdot 6 \cdot 3 = 4.5$ and
#   $\frac{1}{9} \cdot 2 \cdot 6 = 1.3333$.
# * Node names follow PyTorch: `5 - x` → `RsubBackward1`, `5 / x` → `MulBackward0` (via
#   `ReciprocalBackward0`), `x ** 2` / `x ** x` / `2 ** x` → `PowBackward0/1/2`. So do their inputs:
#   `5 + x` is computed as `x + 5`, and the number of `5 - x`, `x ** 2` and `2 ** x` is kept inside
#   the node.
# * Type promotion: an integer tensor with a Python float gives `float32`; Python numbers, and
#   0-dimensional tensors, never widen a float tensor.
#
# **Next, lesson 06:** so far `backward()` started from a single number. What does it mean to call
# `y.backward(v)` on a vector `y`? Vector-Jacobian products.
#
# * `a + b`는 `a.__add__(b)`를 호출하고, 그 결과가 `NotImplemented`이면 (텐서를 만난 `int`처럼) `b.__radd__(a)`를
#   호출합니다. 뒤집힌 메서드에서 `self`는 오른쪽 피연산자이니 순서를 지켜야 합니다. 그러지 않으면 `5 - x`가 조용히
#   `x - 5`가 됩니다.
# * 모든 연산자는 순전파와, 국소 미분을 곱하는 역전파를 가진 `Function`입니다. `+`는 $1, 1$, `-`는 $1, -1$, `*`는 $b, a$, `/`는 $1/b, -a/b^2$,
#   `**`는 $c\,a^{c-1}$ 또는 $a^b \ln a$, 단항 `-`는 $-1$입니다.
# * 두 번 쓰인 값(`y * y`, `x ** x`)은 간선마다 온 기여의 합을 받습니다.
# * 튜토리얼의 변화도를 손으로 구하면 $\frac{1}{4} \cdot 6 \cdot 3 = 4.5$와 $\frac{1}{9} \cdot 2 \cdot 6 = 1.3333$입니다.
# * 노드 이름은 PyTorch를 따릅니다. `5 - x`는 `RsubBackward1`, `5 / x`는 (`ReciprocalBackward0`을 거쳐) `MulBackward0`,
#   `x ** 2` / `x ** x` / `2 ** x`는 `PowBackward0/1/2`입니다. 입력도 같습니다. `5 + x`는 `x + 5`로 계산하고, `5 - x`,
#   `x ** 2`, `2 ** x`의 수는 노드 안에 둡니다.
# * 자료형 승격: 정수 텐서와 파이썬 float는 `float32`가 되고, 파이썬 수와 0차원 텐서는 실수 텐서의 자료형을 넓히지
#   않습니다.
#
# **다음 06강:** 지금까지 `backward()`는 수 하나에서 출발했습니다. 벡터 `y`에 `y.backward(v)`를 호출한다는 것은 무슨
# 뜻일까요? 벡터-야코비안 곱(vector-Jacobian product)을 배웁니다.
