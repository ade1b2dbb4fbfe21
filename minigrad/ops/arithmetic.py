"""Layer 3: arithmetic. Each forward sits beside its chain rule.

Inputs may have been broadcast to a common shape; ``sum_to`` sums each gradient back to the shape
of the input it belongs to.
"""
import numpy as np

from ..autograd.function import Function
from ._util import check_broadcast, promote, sum_to


class Add(Function):
    node_name = "AddBackward0"

    def forward(self, a, b):
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        self.shapes = a.shape, b.shape
        a, b = promote(a, b)
        return a + b

    def backward(self, grad):  # d(a+b)/da = 1, d(a+b)/db = 1
        a_shape, b_shape = self.shapes
        return sum_to(grad, a_shape), sum_to(grad, b_shape)


BOOL_SUBTRACTION = ("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
                    "invert a mask, use the `~` or `logical_not()` operator instead.")


class Sub(Function):
    node_name = "SubBackward0"

    def forward(self, a, b):
        if a.dtype == np.bool_ and b.dtype == np.bool_:
            raise RuntimeError("Subtraction, the `-` operator, with two bool tensors is not supported. "
                               "Use the `^` or `logical_xor()` operator instead.")
        if a.dtype == np.bool_ or b.dtype == np.bool_:
            raise RuntimeError(BOOL_SUBTRACTION)
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        self.shapes = a.shape, b.shape
        a, b = promote(a, b)
        return a - b

    def backward(self, grad):  # d(a-b)/da = 1, d(a-b)/db = -1
        a_shape, b_shape = self.shapes
        return sum_to(grad, a_shape), sum_to(-grad, b_shape)


class RSub(Function):
    """``5 - x``: the number is part of the node, not an input (so one edge, as in PyTorch)."""

    node_name = "RsubBackward1"

    def forward(self, x, number):
        if x.dtype == np.bool_ or isinstance(number, bool):
            raise RuntimeError(BOOL_SUBTRACTION)
        if x.dtype.kind != "f" and isinstance(number, float):
            x = x.astype(np.float32)
        return np.asarray(number, dtype=x.dtype) - x

    def backward(self, grad):  # d(c - x)/dx = -1
        return -grad


class Mul(Function):
    node_name = "MulBackward0"

    def forward(self, a, b):
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        a, b = promote(a, b)
        return a * b

    def backward(self, grad):  # d(ab)/da = b, d(ab)/db = a
        a, b = self.saved_inputs
        grad_a = sum_to(grad * b, a.shape) if self.needs_input_grad[0] else None
        grad_b = sum_to(grad * a, b.shape) if self.needs_input_grad[1] else None
        return grad_a, grad_b


class Div(Function):
    node_name = "DivBackward0"

    def forward(self, a, b):
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        a, b = promote(a, b)
        with np.errstate(divide="ignore", invalid="ignore"):  # x/0 = inf, 0/0 = nan, silently as in PyTorch
            if a.dtype.kind in "iub" and b.dtype.kind in "iub":
                return np.true_divide(a, b, dtype=np.float32)
            return a / b

    def backward(self, grad):  # d(a/b)/da = 1/b, d(a/b)/db = -a/b^2
        a, b = self.saved_inputs
        grad_a = sum_to(grad / b, a.shape) if self.needs_input_grad[0] else None
        grad_b = sum_to(-grad * a / (b * b), b.shape) if self.needs_input_grad[1] else None
        return grad_a, grad_b


class Neg(Function):
    node_name = "NegBackward0"

    def forward(self, a):
        if a.dtype == np.bool_:
            raise RuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If you are trying "
                               "to invert a mask, use the `~` or `logical_not()` operator instead.")
        return -a

    def backward(self, grad):
        return -grad


class Pow(Function):
    """``x ** c`` with a constant exponent c."""

    node_name = "PowBackward0"

    def forward(self, a, exponent):
        if a.dtype.kind in "iu" and isinstance(exponent, int) and exponent < 0:
            raise RuntimeError("Integers to negative integer powers are not allowed.")
        self.exponent = exponent
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.power(a, a.dtype.type(exponent)) if a.dtype.kind == "f" else np.power(a, exponent)

    def backward(self, grad):  # d(x^c)/dx = c x^(c-1)
        (a,) = self.saved_inputs
        c = self.exponent
        if c == 0:
            return grad * 0
        return grad * c * a ** (c - 1)


class PowTensor(Function):
    """``a ** b`` where the exponent is a tensor too."""

    node_name = "PowBackward1"

    def forward(self, a, b):
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.power(a, b)

    def backward(self, grad):  # d(a^b)/da = b a^(b-1), d(a^b)/db = a^b ln a
        a, b = self.saved_inputs
        grad_a = sum_to(grad * b * a ** (b - 1), a.shape) if self.needs_input_grad[0] else None
        grad_b = None
        if self.needs_input_grad[1]:
            grad_b = sum_to(grad * self.saved_output * _log_where_positive(a), b.shape)
        return grad_a, grad_b


class RPow(Function):
    """``2 ** x``: a number raised to a tensor; the number is part of the node."""

    node_name = "PowBackward2"

    def forward(self, x, base):
        self.log_base = np.log(base) if base > 0 else (0.0 if base == 0 else np.nan)
        if x.dtype.kind != "f" and isinstance(base, float):
            x = x.astype(np.float32)  # 2.5 ** int tensor is float32
        base = np.asarray(base, dtype=x.dtype if x.dtype.kind == "f" else np.int64)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            return np.power(base, x)

    def backward(self, grad):  # d(c^x)/dx = c^x ln c
        return grad * self.saved_output * self.log_base


def _log_where_positive(a):
    # where a == 0 the term a^b ln a is taken as 0 (PyTorch's convention; avoids 0 * -inf = nan)
    from .elementwise import where
    return where(a != 0, a, 1.0).log()


class Reciprocal(Function):
    node_name = "ReciprocalBackward0"

    def forward(self, a):
        if a.dtype.kind != "f":
            a = a.astype(np.float32)
        with np.errstate(divide="ignore"):
            return 1 / a

    def backward(self, grad):  # d(1/x)/dx = -1/x^2
        y = self.saved_output
        return -grad * y * y
