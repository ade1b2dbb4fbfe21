"""Layer 3: reductions. Backward spreads the gradient of each reduced value back over the
elements it came from: ``sum`` copies it to all, ``mean`` divides it evenly, ``max`` sends it to
the winner."""
from collections import namedtuple

import numpy as np

from ..autograd.function import NumpyFunction
from ..tensor import Tensor
from .scalar_arithmetic import div_scalar
from .shape import Clone


def normalize_dims(dim, ndim):
    """``dim`` as a sorted tuple of non-negative axes (``None`` means all)."""
    if dim is None:
        return None
    dims = (dim,) if isinstance(dim, int) else tuple(dim)
    bound = max(ndim, 1)
    result = []
    for d in dims:
        if not -bound <= d < bound:
            raise IndexError(f"Dimension out of range (expected to be in range of [{-bound}, {bound - 1}], "
                             f"but got {d})")
        if d % bound in result:
            raise RuntimeError(f"dim {d % bound} appears multiple times in the list of dims")
        result.append(d % bound)
    return tuple(sorted(result))


def expand_back(grad, input_shape, dims, keepdim):
    """Give the reduced gradient back its reduced dimensions (size 1), then broadcast it to the input's
    shape: the backward of a sum. (A full reduction's 0-d gradient broadcasts as it is.)"""
    if dims is not None and not keepdim and input_shape:
        for d in dims:
            grad = grad.unsqueeze(d)
    return grad.expand(input_shape)


class Sum(NumpyFunction):
    node_name = "SumBackward0"

    @staticmethod
    def forward(ctx, x, dim=None, keepdim=False):
        ctx.input_shape = x.shape
        ctx.dims = normalize_dims(dim, x.ndim)
        ctx.keepdim = keepdim
        if x.dtype.kind in "bui" and x.dtype != np.int64:
            x = x.astype(np.int64)  # PyTorch sums integers and bools as int64
        return x.sum(axis=ctx.dims if x.ndim else None, keepdims=keepdim)

    @staticmethod
    def backward(ctx, grad):
        return expand_back(grad, ctx.input_shape, ctx.dims, ctx.keepdim)


class SumDim(Sum):
    node_name = "SumBackward1"


class SumToShape(NumpyFunction):
    """Sum a broadcast gradient back to the input's shape (used by every broadcasting op)."""

    node_name = "SumBackward1"

    @staticmethod
    def forward(ctx, x, shape):
        ctx.input_shape = x.shape
        extra = x.ndim - len(shape)
        stretched = tuple(i + extra for i, n in enumerate(shape) if n == 1 and x.shape[i + extra] != 1)
        summed = x.sum(axis=tuple(range(extra)) + stretched, keepdims=True) if extra or stretched else x
        return summed.reshape(shape)

    @staticmethod
    def backward(ctx, grad):
        return grad.expand(ctx.input_shape)


class Mean(NumpyFunction):
    node_name = "MeanBackward0"

    @staticmethod
    def forward(ctx, x, dim=None, keepdim=False):
        if x.dtype.kind != "f":
            names = {"i": "Long", "b": "Bool", "u": "Byte"}
            raise RuntimeError("mean(): could not infer output dtype. Input dtype must be either a floating "
                               f"point or complex dtype. Got: {names.get(x.dtype.kind, str(x.dtype))}")
        ctx.input_shape = x.shape
        ctx.dims = normalize_dims(dim, x.ndim)
        ctx.keepdim = keepdim
        ctx.count = x.size if ctx.dims is None or not x.ndim else int(np.prod([x.shape[d] for d in ctx.dims]))
        return x.mean(axis=ctx.dims if x.ndim else None, keepdims=keepdim)

    @staticmethod
    def backward(ctx, grad):
        return div_scalar(expand_back(grad, ctx.input_shape, ctx.dims, ctx.keepdim), ctx.count)  # DivBackward1


class MeanDim(Mean):
    node_name = "MeanBackward1"


class Max(NumpyFunction):
    """The largest element. Ties share the gradient evenly (as PyTorch does for a full max)."""

    node_name = "MaxBackward1"

    @staticmethod
    def forward(ctx, x, dim=None, keepdim=False, take_min=False):
        if x.size == 0:
            raise RuntimeError("max(): Expected reduction dim to be specified for input.numel() == 0. "
                               "Specify the reduction dim with the 'dim' argument.")
        ctx.input_shape = x.shape
        ctx.dims = normalize_dims(dim, x.ndim)
        ctx.keepdim = keepdim
        reduce = np.min if take_min else np.max
        result = reduce(x, axis=ctx.dims if x.ndim else None, keepdims=keepdim)
        ctx.save_for_backward(x, result)
        return result

    @staticmethod
    def backward(ctx, grad):  # the gradient goes to the elements equal to the result, shared evenly
        x, result = ctx.saved_tensors
        y = expand_back(result, ctx.input_shape, ctx.dims, ctx.keepdim)
        winners = (x == y) | ((x != x) & (y != y))  # a NaN result came from the NaNs
        count = winners.sum(dim=ctx.dims, keepdim=True)
        return expand_back(grad, ctx.input_shape, ctx.dims, ctx.keepdim) * winners / count


class Min(Max):
    node_name = "MinBackward1"


class Amax(Max):
    node_name = "AmaxBackward0"


class Amin(Max):
    node_name = "AminBackward0"


class MaxDim(NumpyFunction):
    """``x.max(dim)``: the values at ``indices`` (chosen beforehand); the gradient goes back there."""

    node_name = "MaxBackward0"

    @staticmethod
    def forward(ctx, x, indices, dim, keepdim=False):
        ctx.input_shape, ctx.dim, ctx.keepdim = x.shape, dim, keepdim
        ctx.save_for_backward(indices)
        values = np.take_along_axis(x, indices, axis=dim)
        return values if keepdim else values.squeeze(dim)

    @staticmethod
    def backward(ctx, grad):  # the gradient goes back to where each maximum was
        (indices,) = ctx.saved_tensors
        if not ctx.keepdim:
            grad = grad.unsqueeze(ctx.dim)
        return ScatterAlong.apply(grad, indices=indices._data, dim=ctx.dim, shape=ctx.input_shape)


class MinDim(MaxDim):
    node_name = "MinBackward0"


class MaxDim0d(Clone):
    """``x.max(0)`` of a 0-d tensor: the value itself (a copy), under max's node name."""

    node_name = "MaxBackward0"


class MinDim0d(MaxDim0d):
    node_name = "MinBackward0"


class ScatterAlong(NumpyFunction):
    """Put values into a zero tensor at ``indices`` along ``dim`` (the backward of max along dim)."""

    node_name = "ScatterBackward0"

    @staticmethod
    def forward(ctx, values, indices, dim, shape):
        ctx.indices, ctx.dim = indices, dim
        out = np.zeros(shape, dtype=values.dtype)
        np.put_along_axis(out, indices, values, axis=dim)
        return out

    @staticmethod
    def backward(ctx, grad):
        return GatherAlong.apply(grad, indices=ctx.indices, dim=ctx.dim)


class GatherAlong(NumpyFunction):
    node_name = "GatherBackward0"

    @staticmethod
    def forward(ctx, x, indices, dim):
        ctx.indices, ctx.dim, ctx.shape = indices, dim, x.shape
        return np.take_along_axis(x, indices, axis=dim)

    @staticmethod
    def backward(ctx, grad):
        return ScatterAlong.apply(grad, indices=ctx.indices, dim=ctx.dim, shape=ctx.shape)


class Norm(NumpyFunction):
    """The Euclidean norm sqrt(sum x^2)."""

    node_name = "LinalgVectorNormBackward0"

    @staticmethod
    def forward(ctx, x, dim=None, keepdim=False):
        ctx.input_shape = x.shape
        ctx.dims = normalize_dims(dim, x.ndim)
        ctx.keepdim = keepdim
        result = np.sqrt(np.sum(x * x, axis=ctx.dims if x.ndim else None, keepdims=keepdim))
        ctx.save_for_backward(x, result)
        return result

    @staticmethod
    def backward(ctx, grad):  # d|x|/dx = x / |x|  (0 where |x| = 0)
        from .elementwise import where
        x, result = ctx.saved_tensors
        norm = expand_back(result, ctx.input_shape, ctx.dims, ctx.keepdim)
        scale = expand_back(grad, ctx.input_shape, ctx.dims, ctx.keepdim) / norm
        return x * where(norm == 0, 0.0, scale)


return_types_max = namedtuple("max", ["values", "indices"])
return_types_min = namedtuple("min", ["values", "indices"])


def _return_type_repr(self):
    return f"torch.return_types.{type(self).__name__}(\nvalues={self.values!r},\nindices={self.indices!r})"


return_types_max.__repr__ = return_types_min.__repr__ = _return_type_repr


def reduce_max(x, dim=None, keepdim=False, take_min=False):
    """``x.max()`` / ``x.max(dim)`` (and ``min`` with take_min)."""
    if dim is None:
        return (Min if take_min else Max).apply(x, take_min=take_min)
    if x.ndim == 0:  # a 0-d tensor is its own max along dim 0
        normalize_dims(dim, 0)
        values = (MinDim0d if take_min else MaxDim0d).apply(x)
        return (return_types_min if take_min else return_types_max)(values, Tensor._make(np.zeros((), np.int64)))
    axis = normalize_dims(dim, x.ndim)[0]
    pick = np.argmin if take_min else np.argmax
    indices = np.expand_dims(pick(x._data, axis=axis), axis)
    values = (MinDim if take_min else MaxDim).apply(x, indices=indices, dim=axis, keepdim=keepdim)
    if not keepdim:
        indices = indices.squeeze(axis)
    return (return_types_min if take_min else return_types_max)(values, Tensor._make(indices.astype(np.int64)))
