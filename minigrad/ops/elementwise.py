"""Layer 3: elementwise math. Where the derivative is easiest in terms of the output
(exp, tanh, sigmoid, sqrt), backward uses the saved output instead of recomputing."""
import numpy as np

from ..autograd.function import NumpyFunction
from ..tensor import Tensor
from ._util import as_tensor_like, check_broadcast, in_blocks, promote
from .elementwise_backward import Sgn, SigmoidBackward, TanhBackward, ThresholdBackward
from .scalar_arithmetic import div_scalar, mul_scalar


def _float(x):
    """Integer and bool inputs give float32 results, as in PyTorch (``torch.tensor([1, 2]).exp()``)."""
    return x if x.dtype.kind == "f" else x.astype(np.float32)


class Exp(NumpyFunction):
    node_name = "ExpBackward0"
    saved_names = ("result",)

    @staticmethod
    def forward(ctx, x):
        result = np.exp(_float(x))  # e^1000 = inf, silently as in PyTorch
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad):  # d(e^x)/dx = e^x
        (result,) = ctx.saved_tensors
        return grad * result


class Log(NumpyFunction):
    node_name = "LogBackward0"
    saved_names = ("self",)

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return np.log(_float(x))  # log(0) = -inf, log(-1) = nan, as in PyTorch

    @staticmethod
    def backward(ctx, grad):  # d(ln x)/dx = 1/x
        (x,) = ctx.saved_tensors
        return grad / x


class Sqrt(NumpyFunction):
    node_name = "SqrtBackward0"
    saved_names = ("result",)

    @staticmethod
    def forward(ctx, x):
        result = np.sqrt(_float(x))
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad):  # d(sqrt x)/dx = 1 / (2 sqrt x)
        (result,) = ctx.saved_tensors
        return grad / mul_scalar(result, 2)


class Tanh(NumpyFunction):
    node_name = "TanhBackward0"
    saved_names = ("result",)

    @staticmethod
    def forward(ctx, x):
        result = np.tanh(_float(x))
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad):  # d(tanh x)/dx = 1 - tanh^2 x
        (y,) = ctx.saved_tensors
        return TanhBackward.apply(grad, y)  # grad * (1 - y * y), one node (PyTorch's tanh_backward)


class Sigmoid(NumpyFunction):
    node_name = "SigmoidBackward0"
    saved_names = ("result",)

    @staticmethod
    def forward(ctx, x):
        # 1 / (1 + e^-x), as PyTorch computes it: below x = -88.7 e^-x overflows float32 to inf and the
        # result is 0, as in PyTorch. Each step works in place in one new array, block by block.
        x = _float(x)
        result = np.empty(x.shape, x.dtype)
        for x_part, part in in_blocks(x, result):
            np.negative(x_part, out=part)
            np.exp(part, out=part)
            part += 1
            np.reciprocal(part, out=part)
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad):  # d(sigma)/dx = sigma (1 - sigma)
        (y,) = ctx.saved_tensors
        return SigmoidBackward.apply(grad, y)  # grad * (1 - y) * y, one node (PyTorch's sigmoid_backward)


class Relu(NumpyFunction):
    node_name = "ReluBackward0"
    saved_names = ("result",)

    @staticmethod
    def forward(ctx, x):
        if x.dtype == np.bool_:
            raise RuntimeError("Boolean inputs not supported for relu")
        # max(0, x) taken against an array of zeros: NumPy's fast loop (against a scalar 0 it is ~2x
        # slower). nan stays nan and -0.0 stays -0.0, as in PyTorch.
        result = np.empty_like(x)
        result.fill(0)
        np.maximum(result, x, out=result)
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad):  # the gradient passes where the input was positive, else 0
        (result,) = ctx.saved_tensors
        return ThresholdBackward.apply(grad, result, threshold=0)  # select, never multiply: 0 * inf would be nan


class Clamp(NumpyFunction):
    node_name = "ClampBackward1"
    saved_names = ("self",)

    @staticmethod
    def forward(ctx, x, min=None, max=None):
        if min is None and max is None:
            raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
        ctx.save_for_backward(x)
        ctx.min, ctx.max = min, max
        if x.dtype.kind != "f" and (isinstance(min, float) or isinstance(max, float)):
            x = x.astype(np.float32)  # a bool or int tensor clamped to float bounds is float32
        return np.clip(x, min, max)

    @staticmethod
    def backward(ctx, grad):  # the gradient passes inside [min, max], 0 where clipped
        (x,) = ctx.saved_tensors
        inside = x == x  # all True (False at nan)
        if ctx.min is not None:
            inside = inside & (x >= ctx.min)
        if ctx.max is not None:
            inside = inside & (x <= ctx.max)
        return where(inside, grad, 0.0)


class ClampMin(Clamp):
    """``x.clamp_min(min)``: Clamp with a lower bound only, under PyTorch's name for it."""

    node_name = "ClampMinBackward0"


class ClampMax(Clamp):
    """``x.clamp_max(max)``: Clamp with an upper bound only, under PyTorch's name for it."""

    node_name = "ClampMaxBackward0"


class ClampTensor(NumpyFunction):
    """``clamp`` with tensor bounds: ``min`` and ``max`` are inputs too (broadcast against x) and get a
    gradient where they won. Where min > max the result is max, so max wins there (as PyTorch)."""

    node_name = "ClampBackward0"
    saved_names = ("self", "min", "max")

    @staticmethod
    def forward(ctx, x, min, max):
        ctx.save_for_backward(x, min, max)
        for bound in (min, max):
            if bound is not None:
                check_broadcast(x.shape, bound.shape)
                x = promote(x, bound)[0]  # an int x with float bounds becomes float, as in PyTorch
        if min is not None:
            x = np.maximum(x, min.astype(x.dtype, copy=False))
        if max is not None:
            x = np.minimum(x, max.astype(x.dtype, copy=False))
        return x

    @staticmethod
    def backward(ctx, grad):
        x, low, high = ctx.saved_tensors
        need_x, need_low, need_high = ctx.needs_input_grad
        if low is not None and high is not None:
            d_x = where((x >= low) & (x <= high), grad, 0.0) if need_x else None
            d_low = where((x < low) & (low < high), grad, 0.0) if need_low else None
            d_high = where((x > high) | (high < low), grad, 0.0) if need_high else None
        elif low is not None:
            d_x = where(x >= low, grad, 0.0) if need_x else None
            d_low, d_high = (where(x < low, grad, 0.0) if need_low else None), None
        else:
            d_x = where(x <= high, grad, 0.0) if need_x else None
            d_low, d_high = None, (where(x > high, grad, 0.0) if need_high else None)
        return d_x, d_low, d_high  # (a broadcast bound's gradient is summed back to its shape)


def clamp(x, min=None, max=None):
    """``x.clamp(min, max)``: number bounds give ClampBackward1, tensor bounds ClampBackward0 (as PyTorch)."""
    tensor_min, tensor_max = isinstance(min, Tensor), isinstance(max, Tensor)
    if tensor_min or tensor_max:
        if (min is not None and not tensor_min) or (max is not None and not tensor_max):
            raise TypeError("clamp() received an invalid combination of arguments: min and max must be both "
                            "numbers or both tensors (or None)")
        if min is None and max is None:
            raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
        return ClampTensor.apply(x, min, max)
    return Clamp.apply(x, min=min, max=max)


class Abs(NumpyFunction):
    node_name = "AbsBackward0"
    saved_names = ("self",)

    @staticmethod
    def forward(ctx, x):
        if x.dtype == np.bool_:
            raise NotImplementedError('"abs_cpu" not implemented for \'Bool\'')
        ctx.save_for_backward(x)
        return np.abs(x)

    @staticmethod
    def backward(ctx, grad):  # d|x|/dx = sign(x), taken as 0 at x = 0
        (x,) = ctx.saved_tensors
        return grad * Sgn.apply(x)


class Sin(NumpyFunction):
    node_name = "SinBackward0"
    saved_names = ("self",)

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return np.sin(_float(x))

    @staticmethod
    def backward(ctx, grad):  # d(sin x)/dx = cos x
        (x,) = ctx.saved_tensors
        return grad * x.cos()


class Cos(NumpyFunction):
    node_name = "CosBackward0"
    saved_names = ("self",)

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return np.cos(_float(x))

    @staticmethod
    def backward(ctx, grad):  # d(cos x)/dx = -sin x
        (x,) = ctx.saved_tensors
        return grad * -x.sin()


class Where(NumpyFunction):
    node_name = "WhereBackward0"
    saved_names = ("condition",)

    @staticmethod
    def forward(ctx, a, b, condition):  # the condition is an option, not an input: it has no gradient
        check_broadcast(a.shape, b.shape)
        ctx.save_for_backward(condition)
        a, b = promote(a, b)
        return np.where(condition, a, b)

    @staticmethod
    def backward(ctx, grad):  # the gradient goes to whichever input was picked
        (condition,) = ctx.saved_tensors
        return (where(condition, grad, 0.0) if ctx.needs_input_grad[0] else None,
                where(condition, 0.0, grad) if ctx.needs_input_grad[1] else None)


class Maximum(NumpyFunction):
    node_name = "MaximumBackward0"
    saved_names = ("self", "other")

    @staticmethod
    def forward(ctx, a, b):
        check_broadcast(a.shape, b.shape)
        ctx.save_for_backward(a, b)
        a, b = promote(a, b)
        return np.maximum(a, b)

    @staticmethod
    def backward(ctx, grad):  # the larger input gets the gradient; ties share it (nan: both get it)
        a, b = ctx.saved_tensors
        return (_tie_halved(grad, a, b).masked_fill(a < b, 0) if ctx.needs_input_grad[0] else None,
                _tie_halved(grad, a, b).masked_fill(a > b, 0) if ctx.needs_input_grad[1] else None)


class Minimum(NumpyFunction):
    node_name = "MinimumBackward0"
    saved_names = ("self", "other")

    @staticmethod
    def forward(ctx, a, b):
        check_broadcast(a.shape, b.shape)
        ctx.save_for_backward(a, b)
        a, b = promote(a, b)
        return np.minimum(a, b)

    @staticmethod
    def backward(ctx, grad):  # the smaller input gets the gradient; ties share it (nan: both get it)
        a, b = ctx.saved_tensors
        return (_tie_halved(grad, a, b).masked_fill(a > b, 0) if ctx.needs_input_grad[0] else None,
                _tie_halved(grad, a, b).masked_fill(a < b, 0) if ctx.needs_input_grad[1] else None)


def _tie_halved(grad, a, b):
    """The gradient, halved where a == b: a tie shares it. Each input's loser positions are then filled
    with 0 (selected, not multiplied), as PyTorch writes it."""
    return where(a == b, div_scalar(grad, 2), grad)


def sign(x):
    return Tensor._make(np.asarray(np.sign(x._data)))


def where(condition, a, b):
    """Elements of ``a`` where ``condition`` holds, else of ``b`` (numbers allowed for a or b)."""
    like = a if isinstance(a, Tensor) else b
    return Where.apply(as_tensor_like(a, like), as_tensor_like(b, like), condition=as_tensor_like(condition, like))


def maximum(a, b):
    return Maximum.apply(a, as_tensor_like(b, a))


def minimum(a, b):
    return Minimum.apply(a, as_tensor_like(b, a))
