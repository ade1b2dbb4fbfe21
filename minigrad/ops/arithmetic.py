"""Layer 3: arithmetic. Each forward sits beside its chain rule.

Every operation is written as PyTorch's custom Functions are (``forward(ctx, ...)`` and
``backward(ctx, grad)``); forward receives the NumPy arrays inside the tensors, backward receives
the gradient as a Tensor and ``ctx.saved_tensors`` as Tensors.

Inputs may have been broadcast to a common shape; ``sum_to`` sums each gradient back to the shape
of the input it belongs to. The result's dtype is PyTorch's (``result_dtype`` in ``_util.py``).
Forwards run with NumPy's warnings off (``Function.apply`` sees to it): x/0 = inf silently, as in PyTorch.
"""
import numpy as np

from ..autograd.function import NumpyFunction
from ..tensor import Tensor
from ._util import check_broadcast, number_array, promote, result_dtype, sum_to, unary
from .elementwise import where
from .scalar_arithmetic import maybe_multiply, mul_scalar
from .wrapped_number import show_saved_numbers


def _common(a, b):
    """Check that the shapes broadcast, then bring both arrays to the result dtype."""
    if a.shape != b.shape:
        check_broadcast(a.shape, b.shape)
    return promote(a, b)


def _scaled(b, alpha):
    """``alpha * b`` for ``a.add(b, alpha=...)`` and ``sub``, with PyTorch's rules for alpha (b is
    already in the result's dtype). For bools NumPy's ``*`` is "and", as PyTorch's."""
    if isinstance(alpha, (bool, np.bool_)) and b.dtype != np.bool_:
        raise RuntimeError("Boolean alpha only supported for Boolean results.")
    if isinstance(alpha, (float, np.floating)) and b.dtype.kind in "iub":
        raise RuntimeError("For integral input tensors, argument alpha must not be a floating point number.")
    if alpha == 1:
        return b
    return b * np.asarray(alpha).astype(b.dtype)


class Add(NumpyFunction):
    """``a + b`` and ``a.add(b, alpha=c)`` (that is a + c * b, one node)."""

    node_name = "AddBackward0"

    @staticmethod
    def forward(ctx, a, b, alpha=1):
        ctx.shapes, ctx.alpha = (a.shape, b.shape), alpha
        a, b = _common(a, b)
        return a + _scaled(b, alpha)  # (for bools NumPy's + is "or", as PyTorch's)

    @staticmethod
    def backward(ctx, grad):  # d(a + c b)/da = 1, d(a + c b)/db = c
        a_shape, b_shape = ctx.shapes
        grad_b = sum_to(maybe_multiply(grad, ctx.alpha), b_shape) if ctx.needs_input_grad[1] else None
        return sum_to(grad, a_shape), grad_b


BOOL_SUBTRACTION = ("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
                    "invert a mask, use the `~` or `logical_not()` operator instead.")
TWO_BOOLS_SUBTRACTION = ("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
                         "`logical_xor()` operator instead.")


def check_subtraction(a_dtype, b_dtype):
    """PyTorch refuses ``-`` on bools (Python's True and False count as bool tensors here)."""
    if a_dtype == np.bool_ and b_dtype == np.bool_:
        raise RuntimeError(TWO_BOOLS_SUBTRACTION)
    if a_dtype == np.bool_ or b_dtype == np.bool_:
        raise RuntimeError(BOOL_SUBTRACTION)


class Sub(NumpyFunction):
    """``a - b`` and ``a.sub(b, alpha=c)`` (a - c * b)."""

    node_name = "SubBackward0"

    @staticmethod
    def forward(ctx, a, b, alpha=1):
        check_subtraction(a.dtype, b.dtype)
        ctx.shapes, ctx.alpha = (a.shape, b.shape), alpha
        a, b = _common(a, b)
        return a - _scaled(b, alpha)

    @staticmethod
    def backward(ctx, grad):  # d(a - c b)/da = 1, d(a - c b)/db = -c
        a_shape, b_shape = ctx.shapes
        grad_b = sum_to(maybe_multiply(-grad, ctx.alpha), b_shape) if ctx.needs_input_grad[1] else None
        return sum_to(grad, a_shape), grad_b


class RSub(NumpyFunction):
    """``5 - x``: the number is part of the node, not an input (so one edge, as in PyTorch)."""

    node_name = "RsubBackward1"

    @staticmethod
    def forward(ctx, x, number):
        number = number_array(number, x.dtype)
        check_subtraction(number.dtype, x.dtype)
        number, x = promote(number, x)
        return number - x

    @staticmethod
    def backward(ctx, grad):  # d(c - x)/dx = -1
        return -grad


class Mul(NumpyFunction):
    node_name = "MulBackward0"
    saved_names = ("self", "other")

    @staticmethod
    def forward(ctx, a, b):
        # Like PyTorch, save only what a needed gradient uses: changing ``a`` in place later is then
        # no error when only ``a`` needs a gradient (its gradient uses b alone).
        a_needed, b_needed = ctx.needs_input_grad
        ctx.save_for_backward(a if b_needed else None, b if a_needed else None)
        ctx.shapes = a.shape, b.shape
        a, b = _common(a, b)
        return a * b

    @staticmethod
    def backward(ctx, grad):  # d(ab)/da = b, d(ab)/db = a
        a, b = ctx.saved_tensors
        a_shape, b_shape = ctx.shapes
        grad_a = sum_to(grad * b, a_shape) if ctx.needs_input_grad[0] else None
        grad_b = sum_to(grad * a, b_shape) if ctx.needs_input_grad[1] else None
        return grad_a, grad_b


def _true_divide(a, b):
    """``a / b`` in floating point: integers and bools are first converted to float32 (the default)."""
    dtype = result_dtype(a, b)
    if dtype.kind != "f":
        dtype = np.dtype(np.float32)
    return np.true_divide(a.astype(dtype, copy=False), b.astype(dtype, copy=False))  # x/0 = inf, 0/0 = nan


class Div(NumpyFunction):
    node_name = "DivBackward0"
    saved_names = ("self", "other")

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a if ctx.needs_input_grad[1] else None, b)  # (a only for b's gradient)
        ctx.shapes = a.shape, b.shape
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        return _true_divide(a, b)

    @staticmethod
    def backward(ctx, grad):  # d(a/b)/da = 1/b, d(a/b)/db = -a/b^2
        a, b = ctx.saved_tensors
        a_shape, b_shape = ctx.shapes
        grad_a = sum_to(grad / b, a_shape) if ctx.needs_input_grad[0] else None
        grad_b = sum_to(-grad * ((a / b) / b), b_shape) if ctx.needs_input_grad[1] else None
        return grad_a, grad_b


class Neg(NumpyFunction):
    node_name = "NegBackward0"

    @staticmethod
    def forward(ctx, a):
        if a.dtype == np.bool_:
            raise RuntimeError("Negation, the `-` operator, on a bool tensor is not supported. If you are trying "
                               "to invert a mask, use the `~` or `logical_not()` operator instead.")
        return unary(np.negative, a)  # (fast on the broadcast gradient of a sum too)

    @staticmethod
    def backward(ctx, grad):
        return -grad


# ----- powers ------------------------------------------------------------------------------------
NEGATIVE_INTEGER_POWER = "Integers to negative integer powers are not allowed."


def _float_power(a, c):
    """a ** c for a float array. The common exponents are computed as PyTorch computes them, with
    multiplications, square roots and reciprocals: the general ``pow`` costs 10-100x more. As in
    PyTorch, float16 is computed in float32 and rounded once, its square roots with ``pow``."""
    if a.dtype == np.float16:
        single = a.astype(np.float32)
        result = np.power(single, np.float32(c)) if c in (0.5, -0.5) else _float_power(single, c)
        return result.astype(np.float16)
    if c == 2:
        return a * a
    if c == 3:
        result = a * a
        result *= a  # in place: no second temporary
        return result
    if c == 0.5:
        return np.sqrt(a)
    if c == -0.5:
        return np.reciprocal(np.sqrt(a))
    if c == -1:
        return np.reciprocal(a)
    if c == -2:
        return np.reciprocal(a * a)
    return np.power(a, a.dtype.type(c))


def _power(a, b):
    """a ** b elementwise in a's dtype (a and b already promoted). For integers a negative exponent
    gives 0, except 1 ** n = 1 and (-1) ** n = +-1, as in PyTorch (NumPy refuses)."""
    if a.dtype == np.bool_:
        raise NotImplementedError("\"pow\" not implemented for 'Bool'")
    if a.dtype.kind == "f":
        return np.power(a, b)
    negative = b < 0
    if not negative.any():
        return np.power(a, b)
    result = np.power(a, np.where(negative, 0, b))
    odd = (b % 2) != 0
    inverse = np.where(a == 1, 1, np.where(a == -1, np.where(odd, -1, 1), 0)).astype(a.dtype)
    return np.where(negative, inverse, result)


def _power_by_number(a, c):
    """a ** c for a Python number c, in PyTorch's result dtype (see ``number_array``)."""
    if a.dtype.kind == "f":  # a number never widens a float tensor
        return _float_power(a, c)
    exponent = number_array(c, a.dtype)
    dtype = result_dtype(a, exponent)
    if dtype.kind in "iu" and c < 0:
        raise RuntimeError(NEGATIVE_INTEGER_POWER)
    if dtype == np.bool_:  # bool ** True is x ** 1, bool ** False is x ** 0
        return a.copy() if c else np.ones_like(a)
    a = a.astype(dtype, copy=False)
    if dtype.kind == "f":
        return _float_power(a, c)
    return np.power(a, exponent.astype(dtype))


class Pow(NumpyFunction):
    """``x ** c`` with a constant exponent c."""

    node_name = "PowBackward0"
    saved_names = ("self",)

    @staticmethod
    def forward(ctx, a, exponent):
        ctx.save_for_backward(a)
        ctx.exponent = exponent
        return _power_by_number(a, exponent)

    @staticmethod
    def backward(ctx, grad):  # d(x^c)/dx = c x^(c-1)
        (a,) = ctx.saved_tensors
        c = ctx.exponent
        if c == 0:  # x^0 = 1 is flat: 0 everywhere (at x = 0, c x^(c-1) would be 0 * inf)
            return zeros_like(grad)
        return grad * mul_scalar(a ** (c - 1), c)


class PowTensor(NumpyFunction):
    """``a ** b`` where the exponent is a tensor too."""

    node_name = "PowBackward1"
    saved_names = ("self", "exponent", "result")

    @staticmethod
    def forward(ctx, a, b):
        result = _power(*_common(a, b))  # a ** b
        ctx.save_for_backward(a, b, result)  # (PyTorch saves the result even when b needs no gradient)
        return result

    @staticmethod
    def backward(ctx, grad):
        # d(a^b)/da = b a^(b-1), taken as 0 where b = 0 (PyTorch's rule: no 0 * inf there);
        # d(a^b)/db = a^b ln a, taken as 0 where a = 0 and b >= 0 (0 ** b is flat there).
        a, b, result = ctx.saved_tensors
        grad_a = grad_b = None
        if ctx.needs_input_grad[0]:
            grad_a = sum_to(where(b == 0, 0.0, grad * (b * a ** (b - 1))), a.shape)
        if ctx.needs_input_grad[1]:
            ln_a = a.to(result.dtype).log()  # (in the result's dtype, as PyTorch computes it)
            grad_b = sum_to(grad * where((a == 0) & (b >= 0), 0.0, result * ln_a), b.shape)
        return grad_a, grad_b


class RPow(NumpyFunction):
    """``2 ** x``: a number raised to a tensor; the number is part of the node."""

    node_name = "PowBackward2"
    saved_names = ("exponent", "result")

    @staticmethod
    def forward(ctx, x, base):
        result = _power(*promote(number_array(base, x.dtype), x))  # c ** x, in PyTorch's result dtype
        ctx.base = base
        ctx.save_for_backward(x, result)
        return result

    @staticmethod
    def backward(ctx, grad):  # d(c^x)/dx = c^x ln c
        x, result = ctx.saved_tensors
        local = mul_scalar(result, _ln(ctx.base))
        if ctx.base == 0:  # 0^x is flat where x >= 0: 0 there, not 0 * (-inf)
            local = where(x >= 0, 0.0, local)
        return grad * local


def _ln(number):
    """ln of a Python number: -inf for 0 and nan for a negative number, as in PyTorch (no warning)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.log(np.float64(number)))


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
        return -grad * (y * y)


# ----- rounded division and remainder --------------------------------------------------------------
def _integer_divisor(a, b, kernel):
    """PyTorch's checks before an integer division: no bools, no zero divisors."""
    if a.dtype == np.bool_:
        raise NotImplementedError(f"\"{kernel}\" not implemented for 'Bool'")
    if a.dtype.kind in "iu" and not b.all():
        raise RuntimeError("ZeroDivisionError")


def _sign_of_a(mod, b):
    """Where ``fmod``'s non-zero remainder has a's sign and Python's (b's) differs: there Python's floor
    division is one lower and its remainder is ``mod + b``."""
    return (mod != 0) & ((b < 0) != (mod < 0))


def floor_divide(a, b):
    """Python's ``a // b`` on arrays, rounding as Python does: for floats the quotient is computed from
    ``fmod`` so that ``1.249 // 0.001`` is 1248, not ``floor(1.249 / 0.001)`` = 1249."""
    a, b = _common(a, b)
    _integer_divisor(a, b, "div_floor_cpu")
    if a.dtype.kind in "iu":
        return np.floor_divide(a, b)
    with np.errstate(all="ignore"):
        remainder = np.fmod(a, b)
        quotient = (a - remainder) / b
        quotient = np.where(_sign_of_a(remainder, b), quotient - 1, quotient)
        rounded = np.floor(quotient)
        rounded = np.where(quotient - rounded > 0.5, rounded + 1, rounded)
        rounded = np.where(quotient == 0, np.copysign(np.zeros_like(quotient), a / b), rounded)
        return np.where(b == 0, a / b, rounded).astype(a.dtype, copy=False)


def trunc_divide(a, b):
    """``a / b`` rounded towards zero."""
    a, b = _common(a, b)
    _integer_divisor(a, b, "div_trunc_cpu")
    if a.dtype.kind in "iu":
        quotient = np.abs(a) // np.abs(b)
        return np.where((a < 0) != (b < 0), -quotient, quotient).astype(a.dtype, copy=False)
    with np.errstate(all="ignore"):
        return np.trunc(a / b)


def remainder(a, b):
    """``a % b`` with the sign of b, as in Python. A zero result keeps the sign ``fmod`` gives it (the
    sign of a), as PyTorch computes it: ``-1. % 1.`` is ``-0.`` (NumPy says ``0.``)."""
    a, b = _common(a, b)
    _integer_divisor(a, b, "remainder_cpu")
    if a.dtype.kind in "iu":
        return np.mod(a, b)
    with np.errstate(all="ignore"):
        mod = np.fmod(a, b)
        return np.where(_sign_of_a(mod, b), mod + b, mod)


class DivRounded(NumpyFunction):
    """``a.div(b, rounding_mode="floor" | "trunc")``: a step function, so its derivative is 0
    wherever it exists (PyTorch returns zeros, not ``grad * 0``: no nan from an inf gradient)."""

    node_name = "DivBackward2"
    saved_names = ("self", "other")

    @staticmethod
    def forward(ctx, a, b, rounding_mode):
        ctx.save_for_backward(a if ctx.needs_input_grad[1] else None, b if ctx.needs_input_grad[0] else None)
        ctx.rounding_mode = rounding_mode  # (saved as PyTorch saves them, though the gradients are zeros)
        return (floor_divide if rounding_mode == "floor" else trunc_divide)(a, b)

    @staticmethod
    def backward(ctx, grad):
        ctx.saved_tensors  # checked against in-place changes, as PyTorch's node does
        zeros = zeros_like(grad)
        return zeros, zeros


class NoDerivative(NumpyFunction):
    """An operation PyTorch defines no derivative for (``a // b``, ``2.5 % x``). Its node is named
    ``NotImplemented``, links only the inputs that require grad, and raises if backward reaches it."""

    node_name = "NotImplemented"

    @staticmethod
    def forward(ctx, *tracked, compute, aten_name):
        ctx.aten_name = aten_name
        return compute()

    @staticmethod
    def backward(ctx, *grads):
        raise RuntimeError(f"derivative for aten::{ctx.aten_name} is not implemented")


def without_derivative(aten_name, compute, *inputs):
    """``compute(*arrays)`` of the input tensors, recorded as PyTorch's NotImplemented node."""
    arrays = [t._data for t in inputs]
    tracked = [t for t in inputs if t._requires_grad]
    if not tracked:
        return Tensor._make(np.asarray(compute(*arrays)))
    return NoDerivative.apply(*tracked, compute=lambda: compute(*arrays), aten_name=aten_name)


class Remainder(NumpyFunction):
    """``a % b`` = a - floor(a / b) * b. d/da = 1, d/db = -floor(a / b)."""

    node_name = "RemainderBackward1"
    saved_names = ("self", "other")

    @staticmethod
    def forward(ctx, a, b):
        b_needed = ctx.needs_input_grad[1]  # (a's gradient needs neither)
        ctx.save_for_backward(a if b_needed else None, b if b_needed else None)
        ctx.shapes = a.shape, b.shape
        return remainder(a, b)

    @staticmethod
    def backward(ctx, grad):
        a_shape, b_shape = ctx.shapes
        grad_a = sum_to(grad, a_shape) if ctx.needs_input_grad[0] else None
        grad_b = None
        if ctx.needs_input_grad[1]:
            a, b = ctx.saved_tensors
            grad_b = sum_to(-grad * DivRounded.apply(a, b, rounding_mode="floor"), b_shape)
        return grad_a, grad_b


class RemainderScalar(NumpyFunction):
    """``x % c`` for a number c: d/dx = 1."""

    node_name = "RemainderBackward0"

    @staticmethod
    def forward(ctx, x, number):
        return remainder(x, number_array(number, x.dtype))

    @staticmethod
    def backward(ctx, grad):
        return grad


def zeros_like(t):
    return Tensor._make(np.zeros_like(t._data))


# The numbers these nodes keep, shown by PyTorch's names (grad_fn._saved_alpha ...).
show_saved_numbers(Add, alpha="alpha")
show_saved_numbers(Sub, alpha="alpha")
show_saved_numbers(RSub, alpha=lambda node: 1)
show_saved_numbers(Pow, exponent="exponent")
show_saved_numbers(RPow, self="base")
show_saved_numbers(DivRounded, rounding_mode="rounding_mode")
