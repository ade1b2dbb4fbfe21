"""Layer 3, picking and placing along one dimension: ``gather``, ``scatter`` and ``scatter_add``.

``out = x.gather(dim, index)`` reads ``out[i][j] = x[index[i][j]][j]`` (for ``dim=0``; the index
replaces the coordinate of ``dim``, the other coordinates are the output's own). ``scatter`` writes the
other way: ``out[index[i][j]][j] = src[i][j]``. So each is the other's chain rule:

  gather       GatherBackward0       grad_x = zeros.scatter_add(dim, index, grad)  (an element read twice
                                     gets both gradients)
  scatter      ScatterBackward0/1    grad_self = grad with the overwritten places zeroed;
                                     grad_src = grad.gather(dim, index)
  scatter_add  ScatterAddBackward0   grad_self = grad; grad_src = grad.gather(dim, index)
"""
import numpy as np

from ..autograd.function import NumpyFunction
from ..tensor import Tensor
from .reductions import normalize_dims


def _positions(index, dim):
    """The full coordinates ``index`` points at: its own coordinates, with ``dim``'s replaced by it."""
    coordinates = list(np.indices(index.shape, sparse=True))
    coordinates[dim] = index
    return tuple(coordinates)


def _check(name, x, dim, index, other=None):
    if index.dtype not in (np.int64, np.int32):
        raise RuntimeError(f"{name}(): Expected dtype int32/int64 for index")
    if index.ndim != x.ndim and not (index.ndim <= 1 and x.ndim <= 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as input tensor")
    size = x.shape[dim] if x.ndim else 1
    bad = index[(index < 0) | (index >= size)] if index.size else index
    if bad.size:
        raise RuntimeError(f"index {bad.flat[0]} is out of bounds for dimension {dim} with size {size}")
    if other is not None and other.ndim != index.ndim and not (other.ndim <= 1 and index.ndim <= 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as src tensor")
    _check_sizes(name, x, dim, index, other)


def _check_sizes(name, x, dim, index, src):
    """The index may be no larger than the input along every dimension but ``dim`` (and, for scatter, no
    larger than src anywhere): it names positions in both."""
    too_big = [d for d in range(index.ndim) if d != dim and index.shape[d] > x.shape[d]]
    too_big_for_src = src is not None and any(i > s for i, s in zip(index.shape, src.shape))
    if name == "gather" and too_big:
        raise RuntimeError(f"Size does not match at dimension {too_big[0]} expected index {list(index.shape)} to be no "
                           f"larger than self {list(x.shape)} apart from dimension {dim}")
    if name != "gather" and (too_big or too_big_for_src):
        message = (f"Expected index {list(index.shape)} to be no larger than self {list(x.shape)} apart from "
                   f"dimension {dim}")
        if src is not None:
            message += f" and to be no larger size than src {list(src.shape)}"
        raise RuntimeError(message)


def _at_least_1d(*arrays):
    return [a.reshape(1) if a.ndim == 0 else a for a in arrays]


class Gather(NumpyFunction):
    node_name = "GatherBackward0"

    @staticmethod
    def forward(ctx, x, dim, index):
        ctx.dim, ctx.index, ctx.shape = dim, index, x.shape
        x1, index1 = _at_least_1d(x, index)
        return x1[_positions(index1, dim)].reshape(index.shape)

    @staticmethod
    def backward(ctx, grad):
        zeros = Tensor._make(np.zeros(ctx.shape, grad._data.dtype))
        return ScatterAdd.apply(zeros, ctx.dim, ctx.index, grad), None, None


class Scatter(NumpyFunction):
    node_name = "ScatterBackward0"

    @staticmethod
    def forward(ctx, x, dim, index, src, reduce=None):
        ctx.dim, ctx.index = dim, index
        out = x.copy()
        out1, index1 = _at_least_1d(out, index)
        places = _positions(index1, dim)
        values = np.asarray(src, dtype=x.dtype)
        if isinstance(src, np.ndarray):  # a src tensor may be larger than index: its leading corner is used
            values = _at_least_1d(values)[0][tuple(slice(0, n) for n in index1.shape)]
        if reduce is None:
            out1[places] = values
        elif reduce == "add":
            np.add.at(out1, places, values)
        else:  # "multiply"
            np.multiply.at(out1, places, values)
        return out1.reshape(x.shape)

    @staticmethod
    def backward(ctx, grad):
        # Overwritten places lose their old value, so no gradient flows back to it there.
        grad_self = ScatterValue.apply(grad, ctx.dim, ctx.index, 0.0)
        return grad_self, None, None, Gather.apply(grad, ctx.dim, ctx.index)


class ScatterValue(Scatter):
    node_name = "ScatterBackward1"

    @staticmethod
    def backward(ctx, grad):
        return ScatterValue.apply(grad, ctx.dim, ctx.index, 0.0), None, None, None


class ScatterAdd(NumpyFunction):
    node_name = "ScatterAddBackward0"

    @staticmethod
    def forward(ctx, x, dim, index, src):
        ctx.dim, ctx.index = dim, index
        return Scatter.forward(ctx, x, dim, index, src, reduce="add")

    @staticmethod
    def backward(ctx, grad):
        return grad, None, None, Gather.apply(grad, ctx.dim, ctx.index)


def _dim(dim, x):
    return normalize_dims(dim, max(x.ndim, 1))[0]


def gather(input, dim, index, *, sparse_grad=False):
    dim = _dim(dim, input._data)
    _check("gather", input._data, dim, index._data)
    return Gather.apply(input, dim, index._data)


def scatter(input, dim, index, src=None, *, value=None, reduce=None):
    src = value if src is None else src
    dim = _dim(dim, input._data)
    _check("scatter", input._data, dim, index._data, src._data if isinstance(src, Tensor) else None)
    if reduce is not None and reduce not in ("add", "multiply"):
        raise RuntimeError(f"reduce argument must be either add or multiply, got {reduce}")
    if isinstance(src, Tensor):
        return Scatter.apply(input, dim, index._data, src, reduce=reduce)
    return ScatterValue.apply(input, dim, index._data, src, reduce=reduce)


def scatter_add(input, dim, index, src):
    dim = _dim(dim, input._data)
    _check("scatter_add", input._data, dim, index._data, src._data)
    return ScatterAdd.apply(input, dim, index._data, src)
