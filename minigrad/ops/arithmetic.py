"""Layer 3: arithmetic. Each forward sits beside its chain rule.

Every operation is written as PyTorch's custom Functions are (``forward(ctx, ...)`` and
``backward(ctx, grad)``); forward receives the NumPy arrays inside the tensors, backward receives
the gradient as a Tensor and ``ctx.saved_tensors`` as Tensors.

Inputs may have been broadcast to a common shape; ``sum_to`` sums each gradient back to the shape
of the input it belongs to.
"""
import numpy as np

from ..autograd.function import NumpyFunction
from ._util import check_broadcast, promote, sum_to


class Add(NumpyFunction):
    node_name = "AddBackward0"

    @staticmethod
    def forward(ctx, a, b):
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        ctx.shapes = a.shape, b.shape
        a, b = promote(a, b)
        return a + b

    @staticmethod
    def backward(ctx, grad):  # d(a+b)/da = 1, d(a+b)/db = 1
        a_shape, b_shape = ctx.shapes
        return sum_to(grad, a_shape), sum_to(grad, b_shape)


BOOL_SUBTRACTION = ("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
                    "invert a mask, use the `~` or `logical_not()` operator instead.")


class Sub(NumpyFunction):
    node_name = "SubBackward0"

    @staticmethod
    def forward(ctx, a, b):
        if a.dtype == np.bool_ and b.dtype == np.bool_:
            raise RuntimeError("Subtraction, the `-` operator, with two bool tensors is not supported. "
                               "Use the `^` or `logical_xor()` operator instead.")
        if a.dtype == np.bool_ or b.dtype == np.bool_:
            raise RuntimeError(BOOL_SUBTRACTION)
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        ctx.shapes = a.shape, b.shape
        a, b = promote(a, b)
        return a - b

    @staticmethod
    def backward(ctx, grad):  # d(a-b)/da = 1, d(a-b)/db = -1
        a_shape, b_shape = ctx.shapes
        return sum_to(grad, a_shape), sum_to(-grad, b_shape)


class RSub(NumpyFunction):
    """``5 - x``: the number is part of the node, not an input (so one edge, as in PyTorch)."""

    node_name = "RsubBackward1"

    @staticmethod
    def forward(ctx, x, number):
        if x.dtype == np.bool_ or isinstance(number, bool):
            raise RuntimeError(BOOL_SUBTRACTION)
        if x.dtype.kind != "f" and isinstance(number, float):
            x = x.astype(np.float32)
        return np.asarray(number, dtype=x.dtype) - x

    @staticmethod
    def backward(ctx, grad):  # d(c - x)/dx = -1
        return -grad


class Mul(NumpyFunction):
    node_name = "MulBackward0"
    saved_names = ("self", "other")

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        a, b = promote(a, b)
        return a * b

    @staticmethod
    def backward(ctx, grad):  # d(ab)/da = b, d(ab)/db = a
        a, b = ctx.saved_tensors
        grad_a = sum_to(grad * b, a.shape) if ctx.needs_input_grad[0] else None
        grad_b = sum_to(grad * a, b.shape) if ctx.needs_input_grad[1] else None
        return grad_a, grad_b


class Div(NumpyFunction):
    node_name = "DivBackward0"
    saved_names = ("self", "other")

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        a, b = promote(a, b)
        if a.dtype.kind in "iub" and b.dtype.kind in "iub":
            return np.true_divide(a, b, dtype=np.float32)
        return a / b  # x/0 = inf, 0/0 = nan, silently as in PyTorch

    @staticmethod
    def backward(ctx, grad):  # d(a/b)/da = 1/b, d(a/b)/db = -a/b^2
        a, b = ctx.saved_tensors
        grad_a = sum_to(grad / b, a.shape) if ctx.needs_input_grad[0] else None
        grad_b = sum_to(-grad * ((a / b) / b), b.shape) if ctx.needs_input_grad[1] else None
        return grad_a, grad_b


class Neg(NumpyFunction):
    node_name = "NegBackward0"

    @staticmethod
    def forward(ctx, a):
        if a.dtype == np.bool_:
            raise RuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If you are trying "
                               "to invert a mask, use the `~` or `logical_not()` operator instead.")
        return -a

    @staticmethod
    def backward(ctx, grad):
        return -grad


def _float_power(a, c):
    """a ** c for a float array. The common exponents are computed as PyTorch computes them, with
    multiplications and square roots: the general ``pow`` costs 10-100x more."""
    if c == 2:
        return a * a
    if c == 3:
        result = a * a
        result *= a  # in place: no second temporary
        return result
    if c == 0.5:
        return np.sqrt(a)
    if c == -1:
        return np.reciprocal(a)
    return np.power(a, a.dtype.type(c))


class Pow(NumpyFunction):
    """``x ** c`` with a constant exponent c."""

    node_name = "PowBackward0"
    saved_names = ("self",)

    @staticmethod
    def forward(ctx, a, exponent):
        if a.dtype.kind in "iu" and isinstance(exponent, int) and exponent < 0:
            raise RuntimeError("Integers to negative integer powers are not allowed.")
        ctx.save_for_backward(a)
        ctx.exponent = exponent
        if a.dtype.kind in "iub" and isinstance(exponent, float):
            a = a.astype(np.float32)  # int tensor ** 0.5 is float32
        return _float_power(a, exponent) if a.dtype.kind == "f" else np.power(a, exponent)

    @staticmethod
    def backward(ctx, grad):  # d(x^c)/dx = c x^(c-1)
        (a,) = ctx.saved_tensors
        c = ctx.exponent
        if c == 0:
            return grad * 0
        return grad * c * a ** (c - 1)


class PowTensor(NumpyFunction):
    """``a ** b`` where the exponent is a tensor too."""

    node_name = "PowBackward1"
    saved_names = ("self", "exponent", "result")

    @staticmethod
    def forward(ctx, a, b):
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        a_, b_ = promote(a, b)
        result = np.power(a_, b_)
        ctx.save_for_backward(a, b, result)
        return result

    @staticmethod
    def backward(ctx, grad):  # d(a^b)/da = b a^(b-1), d(a^b)/db = a^b ln a
        a, b, result = ctx.saved_tensors
        grad_a = sum_to(grad * b * a ** (b - 1), a.shape) if ctx.needs_input_grad[0] else None
        grad_b = None
        if ctx.needs_input_grad[1]:
            grad_b = sum_to(grad * result * _log_where_positive(a), b.shape)
        return grad_a, grad_b


class RPow(NumpyFunction):
    """``2 ** x``: a number raised to a tensor; the number is part of the node."""

    node_name = "PowBackward2"
    saved_names = ("result",)

    @staticmethod
    def forward(ctx, x, base):
        ctx.log_base = np.log(base) if base > 0 else (0.0 if base == 0 else np.nan)
        if x.dtype.kind != "f" and isinstance(base, float):
            x = x.astype(np.float32)  # 2.5 ** int tensor is float32
        base = np.asarray(base, dtype=x.dtype if x.dtype.kind == "f" else np.int64)
        result = np.power(base, x)
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad):  # d(c^x)/dx = c^x ln c
        (result,) = ctx.saved_tensors
        return grad * result * ctx.log_base


def _log_where_positive(a):
    # where a == 0 the term a^b ln a is taken as 0 (PyTorch's convention; avoids 0 * -inf = nan)
    from .elementwise import where
    return where(a != 0, a, 1.0).log()


class Reciprocal(NumpyFunction):
    node_name = "ReciprocalBackward0"
    saved_names = ("result",)

    @staticmethod
    def forward(ctx, a):
        if a.dtype.kind != "f":
            a = a.astype(np.float32)
        result = 1 / a
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad):  # d(1/x)/dx = -1/x^2
        (y,) = ctx.saved_tensors
        return -grad * y * y


class DivRounded(NumpyFunction):
    """``a.div(b, rounding_mode="floor" | "trunc")`` (and ``a // b``): a step function, so its
    derivative is 0 wherever it exists."""

    node_name = "DivBackward2"

    @staticmethod
    def forward(ctx, a, b, rounding_mode):
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        a, b = promote(a, b)
        if a.dtype.kind in "iu" and b.dtype.kind in "iu":
            if (b == 0).any():
                raise RuntimeError("ZeroDivisionError")
            quotient = np.floor_divide(a, b)
            if rounding_mode == "trunc":
                quotient = np.where((quotient < 0) & (quotient * b != a), quotient + 1, quotient)
            return quotient
        rounded = np.floor if rounding_mode == "floor" else np.trunc
        return rounded(a / b)

    @staticmethod
    def backward(ctx, grad):
        return grad * 0, grad * 0


class FloorDivide(DivRounded):
    """``a // b``: PyTorch records no derivative for it (backward raises)."""

    node_name = "NotImplemented"

    @staticmethod
    def backward(ctx, grad):
        raise RuntimeError("derivative for floor_divide is not implemented")


class Remainder(NumpyFunction):
    """``a % b`` = a - floor(a / b) * b, with the sign of b as in Python. d/da = 1, d/db = -floor(a / b)."""

    node_name = "RemainderBackward1"

    @staticmethod
    def forward(ctx, a, b):
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        ctx.save_for_backward(a, b)
        a, b = promote(a, b)
        return np.mod(a, b)

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        grad_b = None
        if ctx.needs_input_grad[1]:
            grad_b = -grad * DivRounded.apply(a, b, rounding_mode="floor")
        return grad, grad_b


class RemainderScalar(NumpyFunction):
    """``x % c`` for a number c: d/dx = 1."""

    node_name = "RemainderBackward0"

    @staticmethod
    def forward(ctx, x, number):
        if x.dtype.kind != "f" and isinstance(number, float):
            x = x.astype(np.float32)
        return np.mod(x, np.asarray(number, dtype=x.dtype))

    @staticmethod
    def backward(ctx, grad):
        return grad
