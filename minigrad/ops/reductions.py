"""Layer 3: reductions. Backward spreads the gradient of each reduced value back over the
elements it came from: ``sum`` copies it to all, ``mean`` divides it evenly, ``max`` sends it to
the winner."""
import math
from collections import namedtuple

import numpy as np

from .. import _dtype
from ..autograd.function import NumpyFunction
from ..tensor import Tensor
from .linalg_checks import scalar_type
from .scalar_arithmetic import div_scalar
from .shape import Clone


def normalize_dims(dim, ndim):
    """``dim`` as a sorted tuple of non-negative axes (``None``, or an empty list, means all)."""
    if dim is None:
        return None
    dims = (dim,) if isinstance(dim, int) else tuple(dim)
    if not dims:
        return None
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


def restore_reduced_dims(t, input_shape, dims, keepdim):
    """The reduced result (or its gradient) reshaped with size-1 dimensions where the reduced ones were,
    so that it broadcasts against the input."""
    if keepdim or not input_shape:
        return t
    kept = [1 if dims is None or d in dims else n for d, n in enumerate(input_shape)]
    return t.reshape(kept)


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
            raise RuntimeError("mean(): could not infer output dtype. Input dtype must be either a floating "
                               f"point or complex dtype. Got: {_dtype.scalar_type_name(x.dtype)}")
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


def check_reduction_size(op, x, dims):
    """PyTorch's errors for a max/min over nothing (there is no value to give)."""
    if dims is None and x.size == 0:
        raise RuntimeError(f"{op}(): Expected reduction dim to be specified for input.numel() == 0. "
                           "Specify the reduction dim with the 'dim' argument.")
    for d in dims or ():
        if x.ndim and x.shape[d] == 0:
            raise IndexError(f"{op}(): Expected reduction dim {d} to have non-zero size.")


class Max(NumpyFunction):
    """``x.max()``: the largest element. Ties share the gradient evenly; a NaN result came from the NaNs."""

    node_name = "MaxBackward1"

    @staticmethod
    def forward(ctx, x, op="max"):
        check_reduction_size(op, x, None)
        result = np.asarray(np.min(x) if op == "min" else np.max(x))
        ctx.save_for_backward(x, result)
        return result

    @staticmethod
    def backward(ctx, grad):  # zeros with grad / (number of winners) written at the winners, as PyTorch does
        x, result = ctx.saved_tensors
        winners = (x != x) if result.item() != result.item() else (x == result)
        zeros = Tensor._make(np.zeros(x.shape, dtype=x._data.dtype))
        return zeros.masked_fill_(winners, grad / winners.sum())


class Min(Max):
    node_name = "MinBackward1"


class Amax(NumpyFunction):
    """``x.amax(dim)``: the largest elements along ``dim``; ties share the gradient evenly."""

    node_name = "AmaxBackward0"

    @staticmethod
    def forward(ctx, x, dim=None, keepdim=False, op="amax"):
        ctx.input_shape, ctx.dims, ctx.keepdim = x.shape, normalize_dims(dim, x.ndim), keepdim
        check_reduction_size(op, x, ctx.dims)
        reduce = np.min if op == "amin" else np.max
        result = reduce(x, axis=ctx.dims if x.ndim else None, keepdims=keepdim)
        ctx.save_for_backward(x, result)
        return result

    @staticmethod
    def backward(ctx, grad):  # (grad / number of winners) at each winner; a NaN result has no winner
        x, result = ctx.saved_tensors
        winners = restore_reduced_dims(result, ctx.input_shape, ctx.dims, ctx.keepdim) == x
        count = winners.sum(ctx.dims, keepdim=True) if ctx.dims is not None else winners.sum()
        return (restore_reduced_dims(grad, ctx.input_shape, ctx.dims, ctx.keepdim) / count) * winners


class Amin(Amax):
    node_name = "AminBackward0"


class MaxDim(NumpyFunction):
    """``x.max(dim)``: the values at ``indices`` (chosen beforehand); the gradient goes back there."""

    node_name = "MaxBackward0"

    @staticmethod
    def forward(ctx, x, indices, dim, keepdim=False):
        ctx.input_shape, ctx.dim, ctx.keepdim = x.shape, dim, keepdim
        ctx.save_for_backward(indices)  # the indices returned beside the values: changing them in place is an error
        values = np.take_along_axis(x, indices if keepdim else np.expand_dims(indices, dim), axis=dim)
        return values if keepdim else values.squeeze(dim)

    @staticmethod
    def backward(ctx, grad):  # the gradient goes back to where each maximum was
        (indices,) = ctx.saved_tensors
        indices = indices._data
        if not ctx.keepdim:
            grad, indices = grad.unsqueeze(ctx.dim), np.expand_dims(indices, ctx.dim)
        zeros = Tensor._make(np.zeros(ctx.input_shape, grad._data.dtype))
        return ScatterAlong.apply(zeros, grad, indices=indices, dim=ctx.dim)


class MinDim(MaxDim):
    node_name = "MinBackward0"


class MaxDim0d(Clone):
    """``x.max(0)`` of a 0-d tensor: the value itself (a copy), under max's node name."""

    node_name = "MaxBackward0"

    @staticmethod
    def forward(ctx, x, indices):
        ctx.save_for_backward(indices)  # kept, as PyTorch keeps them: changing them in place is an error
        return x.copy()

    @staticmethod
    def backward(ctx, grad):
        ctx.saved_tensors  # (checks the indices' version)
        return grad


class MinDim0d(MaxDim0d):
    node_name = "MinBackward0"


class ScatterAlong(NumpyFunction):
    """``zeros.scatter(dim, indices, values)``: the values put at ``indices`` along ``dim`` (the backward of
    max along dim). The zeros are an input, with no gradient, as in PyTorch."""

    node_name = "ScatterBackward0"

    @staticmethod
    def forward(ctx, zeros, values, indices, dim):
        ctx.indices, ctx.dim = indices, dim
        out = zeros.copy()
        np.put_along_axis(out, indices, values, axis=dim)
        return out

    @staticmethod
    def backward(ctx, grad):
        return None, GatherAlong.apply(grad, indices=ctx.indices, dim=ctx.dim)


class GatherAlong(NumpyFunction):
    node_name = "GatherBackward0"

    @staticmethod
    def forward(ctx, x, indices, dim):
        ctx.indices, ctx.dim, ctx.shape = indices, dim, x.shape
        return np.take_along_axis(x, indices, axis=dim)

    @staticmethod
    def backward(ctx, grad):
        zeros = Tensor._make(np.zeros(ctx.shape, grad._data.dtype))
        return ScatterAlong.apply(zeros, grad, indices=ctx.indices, dim=ctx.dim)


class VectorNorm(NumpyFunction):
    """The p-norm over ``dim`` (all elements by default): (sum |x|^p)^(1/p). p = inf gives the largest
    |x|, p = -inf the smallest, p = 0 the number of non-zero elements."""

    node_name = "LinalgVectorNormBackward0"
    saved_names = ("self", "result")

    @staticmethod
    def forward(ctx, x, ord, dim, keepdim, dtype=None):
        if dtype is not None:
            x = x.astype(dtype)  # the norm is computed in ``dtype``; the gradient comes back as x's dtype
        ctx.ord, ctx.dims, ctx.keepdim, ctx.ndim = ord, dim, keepdim, x.ndim
        axis = dim if x.ndim else None
        size = np.abs(x)
        if ord == math.inf:
            result = size.max(axis=axis, keepdims=keepdim)
        elif ord == -math.inf:
            result = size.min(axis=axis, keepdims=keepdim)
        elif ord == 0:
            result = (x != 0).sum(axis=axis, keepdims=keepdim).astype(x.dtype)
        elif ord == 1:
            result = size.sum(axis=axis, keepdims=keepdim)
        elif ord == 2:
            result = np.sqrt((size * size).sum(axis=axis, keepdims=keepdim))
        else:
            result = (size ** ord).sum(axis=axis, keepdims=keepdim) ** (1 / ord)
        result = np.asarray(result, dtype=x.dtype)
        ctx.save_for_backward(x, result)
        return result

    @staticmethod
    def backward(ctx, grad):
        """d|x|_p / dx_i = sgn(x_i) |x_i|^(p-1) / |x|_p^(p-1), written per p as PyTorch writes it, so that
        the special points agree: where the norm is 0 the gradient is 0 (not 0/0), p = inf shares the
        gradient among the elements tied for the largest |x|, and p = 0 (a count) has no gradient."""
        x, norm = ctx.saved_tensors
        p = ctx.ord
        if p == 0:
            return None
        if not ctx.keepdim and ctx.dims is not None:  # give the reduced dimensions back (size 1)
            for d in ctx.dims:
                grad, norm = grad.unsqueeze(d), norm.unsqueeze(d)
        if p == 1:
            return _sgn(x) * grad
        if p == 2:
            return grad * (x / norm).masked_fill(norm == 0, 0)
        if math.isinf(p):
            size = x.abs()
            winners = (size == norm) | (size != size)  # NaN wins: it made the norm NaN
            count = winners.sum(ctx.dims, keepdim=True) if ctx.dims is not None else winners.sum()
            return _sgn(x) * ((grad / count) * winners)
        if p < 1:
            scaled = _sgn(x) * x.abs().pow(p - 1).masked_fill(x == 0, 0)
            return scaled * grad * norm.pow(1 - p)
        scaled = _sgn(x) * x.abs().pow(p - 1) if p < 2 else x * x.abs().pow(p - 2)
        return scaled * (grad / norm.pow(p - 1)).masked_fill(norm == 0, 0)


def _sgn(x):
    """-1, 0 or 1 by the sign of each element (0 for NaN, as PyTorch's sgn), a constant."""
    data = x._data
    return Tensor._make(((data > 0).astype(data.dtype) - (data < 0).astype(data.dtype)))


_FLOATING = (np.float16, np.float32, np.float64)


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None):
    """``torch.linalg.vector_norm``: what ``x.norm(p, dim)`` and ``torch.norm`` compute for vectors."""
    if x._data.dtype not in _FLOATING:
        raise RuntimeError("linalg.vector_norm: Expected a floating point or complex tensor as input. "
                           f"Got {scalar_type(x)}")
    ord = float(ord)
    dims = normalize_dims(dim, x.ndim) if dim is not None and (isinstance(dim, int) or len(dim)) else None
    if x._data.size == 0 and (ord < 0 or ord == math.inf):  # a max/min of nothing: no value to give
        no_identity = f"linalg.vector_norm cannot compute the {ord:g} norm on "
        if dims is None:
            raise RuntimeError(no_identity + "an empty tensor because the operation does not have an identity")
        for d in dims:
            if x.shape[d] == 0:
                raise RuntimeError(no_identity + f"the dimension {d}because this dimension is empty and the "
                                   "operation does not have an identity")
    numpy_dtype = None if dtype is None else _dtype.to_numpy_dtype(dtype)
    return VectorNorm.apply(x, ord=ord, dim=dims, keepdim=keepdim, dtype=numpy_dtype)


def norm(x, p="fro", dim=None, keepdim=False, dtype=None):
    """``x.norm(p, dim, keepdim)`` / ``torch.norm``: a vector norm (p a number, or "fro" over at most
    two dimensions, which is the 2-norm of all their elements)."""
    if not isinstance(p, str):
        return vector_norm(x, 2 if p is None else p, dim, keepdim, dtype=dtype)
    if p == "fro" and (dim is None or isinstance(dim, int) or len(dim) <= 2):
        return vector_norm(x, 2, dim, keepdim, dtype=dtype)
    if p not in ("fro", "nuc"):
        raise RuntimeError(f"linalg.matrix_norm: Order {p} not supported.")
    dims = tuple(range(x.ndim)) if dim is None else tuple(dim)
    if len(dims) != 2:
        raise RuntimeError(f"linalg.matrix_norm: dim must be a 2-tuple. Got {' '.join(map(str, dims))}")
    raise NotImplementedError("minigrad's norm supports vector norms; the nuclear norm ('nuc') is not implemented")


return_types_max = namedtuple("max", ["values", "indices"])
return_types_min = namedtuple("min", ["values", "indices"])


def _return_type_repr(self):
    return f"torch.return_types.{type(self).__name__}(\nvalues={self.values!r},\nindices={self.indices!r})"


return_types_max.__repr__ = return_types_min.__repr__ = _return_type_repr


def reduce_max(x, dim=None, keepdim=False, take_min=False):
    """``x.max()`` / ``x.max(dim)`` (and ``min`` with take_min)."""
    op = "min" if take_min else "max"
    if dim is None:
        return (Min if take_min else Max).apply(x, op=op)
    if x.ndim == 0:  # a 0-d tensor is its own max along dim 0
        normalize_dims(dim, 0)
        indices = Tensor._make(np.zeros((), np.int64))
        values = (MinDim0d if take_min else MaxDim0d).apply(x, indices=indices)
        return (return_types_min if take_min else return_types_max)(values, indices)
    axis = normalize_dims(dim, x.ndim)[0]
    check_reduction_size(op, x, (axis,))
    pick = np.argmin if take_min else np.argmax
    positions = np.asarray(pick(x._data, axis=axis), dtype=np.int64)  # (a 1-D input gives a NumPy scalar)
    indices = Tensor._make(np.expand_dims(positions, axis) if keepdim else positions)
    values = (MinDim if take_min else MaxDim).apply(x, indices=indices, dim=axis, keepdim=keepdim)
    return (return_types_min if take_min else return_types_max)(values, indices)
