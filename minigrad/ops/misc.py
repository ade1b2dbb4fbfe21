"""Layer 3, small operations programs often reach for, each forward beside its chain rule where it has one:

  square         x * x, recorded as PyTorch does: x.pow(2) (PowBackward0)
  clamp_min/max  ops/elementwise.py's Clamp with one bound (ClampMinBackward0 / ClampMaxBackward0)
  trace          TraceBackward0: the sum of the diagonal; its gradient is grad on the diagonal, 0 elsewhere
  masked_select  MaskedSelectBackward0: the elements where mask is True, as a 1-d tensor; backward puts
                 each gradient back at its place (masked_scatter), and masked_scatter's backward selects
  diff           x[1:] - x[:-1] along a dim (SubBackward0, as in PyTorch)
and, without gradients: unique, tril_indices / triu_indices, meshgrid, logical_and / or / xor,
count_nonzero, argwhere, isin.
"""
import warnings

import numpy as np

from ..autograd.function import NumpyFunction
from ..tensor import Tensor
from .elementwise import ClampMax, ClampMin, clamp
from .reductions import normalize_dims


def square(input):
    return input.pow(2)


def clamp_min(input, min):
    if isinstance(min, Tensor):
        return clamp(input, min=min)
    return ClampMin.apply(input, min=min)


def clamp_max(input, max):
    if isinstance(max, Tensor):
        return clamp(input, max=max)
    return ClampMax.apply(input, max=max)


class Trace(NumpyFunction):
    node_name = "TraceBackward0"

    @staticmethod
    def forward(ctx, x):
        ctx.shape = x.shape
        return np.asarray(np.trace(x), dtype=x.dtype)

    @staticmethod
    def backward(ctx, grad):
        from .creation import eye
        return grad * eye(*ctx.shape, dtype=grad.dtype)


def trace(input):
    if input.ndim != 2:
        raise RuntimeError(f"trace: expected a matrix, but got tensor with dim {input.ndim}")
    return Trace.apply(input)


class MaskedSelect(NumpyFunction):
    node_name = "MaskedSelectBackward0"

    @staticmethod
    def forward(ctx, x, mask):
        ctx.shape = x.shape
        ctx.save_for_backward(mask)
        return x[np.broadcast_to(mask, x.shape)]

    @staticmethod
    def backward(ctx, grad):
        mask, = ctx.saved_tensors
        from .creation import zeros
        return MaskedScatter.apply(zeros(*ctx.shape, dtype=grad.dtype), mask, grad), None


class MaskedScatter(NumpyFunction):
    node_name = "MaskedScatterBackward0"

    @staticmethod
    def forward(ctx, x, mask, source):
        ctx.save_for_backward(mask)
        ctx.count = int(np.broadcast_to(mask, x.shape).sum())
        out = x.copy()
        out[np.broadcast_to(mask, x.shape)] = source.reshape(-1)[:ctx.count]
        return out

    @staticmethod
    def backward(ctx, grad):
        mask, = ctx.saved_tensors
        kept = Tensor._make(~np.broadcast_to(mask._data, tuple(grad.shape)))
        return grad * kept, None, MaskedSelect.apply(grad, mask)


def masked_select(input, mask):
    if mask._data.dtype != np.bool_:
        raise RuntimeError("masked_select: expected BoolTensor for mask")
    return MaskedSelect.apply(input, mask)


def diff(input, n=1, dim=-1):
    dim = normalize_dims(dim, input.ndim)[0]
    for _ in range(n):
        size = input.shape[dim]
        input = input.narrow(dim, 1, size - 1) - input.narrow(dim, 0, size - 1)
    return input


# ----- without gradients -------------------------------------------------------------------------
def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):
    values, inverse, counts = np.unique(input._data, return_inverse=True, return_counts=True, axis=dim)
    result = [Tensor._make(values)]
    if return_inverse:
        result.append(Tensor._make(inverse.reshape(input._data.shape if dim is None else -1).astype(np.int64)))
    if return_counts:
        result.append(Tensor._make(counts.astype(np.int64)))
    return result[0] if len(result) == 1 else tuple(result)


def tril_indices(row, col, offset=0, *, dtype=None, device=None, layout=None):
    return Tensor._make(np.stack(np.tril_indices(row, offset, col)).astype(np.int64))


def triu_indices(row, col, offset=0, *, dtype=None, device=None, layout=None):
    return Tensor._make(np.stack(np.triu_indices(row, offset, col)).astype(np.int64))


def meshgrid(*tensors, indexing=None):
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    if indexing is None:
        warnings.warn("torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument.",
                      UserWarning, stacklevel=2)
        indexing = "ij"
    if indexing not in ("ij", "xy"):
        raise RuntimeError(f"torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: {indexing}")
    swap = indexing == "xy" and len(tensors) >= 2
    ordered = list(tensors)
    if swap:
        ordered[0], ordered[1] = ordered[1], ordered[0]
    shape = tuple(t.numel() for t in ordered)
    grids = []
    for k, t in enumerate(ordered):
        view = [1] * len(ordered)
        view[k] = -1
        grids.append(t.reshape(view).expand(shape))
    if swap:  # "xy": built as "ij" of (y, x, ...), so the first two output dims are swapped; back in order
        grids[0], grids[1] = grids[1], grids[0]
    return tuple(grids)


def _logical(numpy_op):
    def op(input, other):
        return Tensor._make(numpy_op(input._data.astype(bool), np.asarray(getattr(other, "_data", other)).astype(bool)))
    return op


logical_and, logical_or, logical_xor = _logical(np.logical_and), _logical(np.logical_or), _logical(np.logical_xor)


def count_nonzero(input, dim=None):
    dims = normalize_dims(dim, input.ndim) if dim is not None else None
    return Tensor._make(np.asarray(np.count_nonzero(input._data, axis=dims), dtype=np.int64))


def argwhere(input):
    return Tensor._make(np.argwhere(input._data).astype(np.int64))


def isin(elements, test_elements, *, assume_unique=False, invert=False):
    values = elements._data if isinstance(elements, Tensor) else np.asarray(elements)
    tests = test_elements._data if isinstance(test_elements, Tensor) else np.asarray(test_elements)
    return Tensor._make(np.isin(values, tests, invert=invert))
