"""Layer 3, whole slices picked by a list of positions, and added back: ``index_select``, ``index_add``.
Each is the other's chain rule:

  index_select  IndexSelectBackward0  out = x's slices number index[0], index[1], ... along dim
                                      grad_x = zeros.index_add(dim, index, grad) (a slice picked twice
                                      gets both gradients)
  index_add     IndexAddBackward0     out = x with alpha * source's slices added at slices index[k]
                                      grad_x = grad;  grad_source = alpha * grad.index_select(dim, index)
"""
import numpy as np

from ..autograd.function import NumpyFunction
from .reductions import normalize_dims


def _check_index(name, index, x, dim):
    if index._data.dtype not in (np.int64, np.int32):
        raise RuntimeError(f"{name}(): Expected dtype int32 or int64 for index")
    if index.ndim > 1:
        raise IndexError(f"{name}(): Index is supposed to be a vector")
    size = x.shape[dim] if x.ndim else 1
    bad = index._data[(index._data < -size) | (index._data >= size)] if index.numel() else index._data
    if bad.size:
        raise IndexError("index out of range in self")


class IndexSelect(NumpyFunction):
    node_name = "IndexSelectBackward0"

    @staticmethod
    def forward(ctx, x, dim, index):
        ctx.dim, ctx.shape = dim, x.shape
        ctx.save_for_backward(index)
        return np.take(x, index.reshape(-1), axis=dim) if x.ndim else x.reshape(1)[index.reshape(-1)].reshape(index.shape)

    @staticmethod
    def backward(ctx, grad):
        index, = ctx.saved_tensors
        from .creation import zeros
        return IndexAdd.apply(zeros(*ctx.shape, dtype=grad.dtype), ctx.dim, index, grad, 1), None, None


def index_select(input, dim, index):
    dim = normalize_dims(dim, input.ndim)[0]
    _check_index("index_select", index, input, dim)
    return IndexSelect.apply(input, dim, index)


class IndexAdd(NumpyFunction):
    node_name = "IndexAddBackward0"

    @staticmethod
    def forward(ctx, x, dim, index, source, alpha):
        ctx.dim, ctx.alpha = dim, alpha
        ctx.save_for_backward(index)
        out = x.copy()
        moved = np.moveaxis(out, dim, 0) if out.ndim else out.reshape(1)
        np.add.at(moved, index.reshape(-1), np.moveaxis(source, dim, 0) * source.dtype.type(alpha)
                  if source.ndim else source.reshape(1) * source.dtype.type(alpha))
        return out

    @staticmethod
    def backward(ctx, grad):
        index, = ctx.saved_tensors
        grad_source = IndexSelect.apply(grad, ctx.dim, index)
        if ctx.alpha != 1:
            grad_source = grad_source * ctx.alpha
        return grad, None, None, grad_source, None


def index_add(input, dim, index, source, *, alpha=1):
    dim = normalize_dims(dim, input.ndim)[0]
    _check_index("index_add", index, input, dim)
    if source.ndim and source.shape[dim] != index.numel():
        raise RuntimeError(f"index_add_(): Number of indices ({index.numel()}) should be equal to source.size(dim): "
                           f"({source.shape[dim]}), for dim: {dim}")
    if source.ndim and (source.ndim != input.ndim or any(a != b for d, (a, b) in
                                                         enumerate(zip(source.shape, input.shape)) if d != dim)):
        raise RuntimeError(f"source tensor shape must match self tensor shape, excluding the specified dimension. "
                           f"Got self.shape = {list(input.shape)} source.shape = {list(source.shape)}")
    return IndexAdd.apply(input, dim, index, source, alpha)
