"""Layer 3, moving elements around without changing them: ``flip``, ``roll``, ``repeat`` (``tile``) and
``repeat_interleave``. Each backward moves the gradient back to where its element came from:

  flip    FlipBackward0     out = x reversed along dims        grad_x = grad flipped along the same dims
  roll    RollBackward0     out = x shifted cyclically         grad_x = grad rolled back (-shifts)
  repeat  RepeatBackward0   out = x tiled r_d times along d    grad_x = the r_d copies' gradients summed:
                            grad viewed as (r_0, s_0, r_1, s_1, ...) and summed over the r axes
  repeat_interleave         each element repeated in place (a, a, b, b): an expand then a reshape with an
                            int count (PyTorch's ViewBackward0), an index_select with a tensor of counts
"""
import numpy as np

from ..autograd.function import NumpyFunction
from ..tensor import Tensor
from .reductions import normalize_dims


def _ints(values):
    return tuple(values[0]) if len(values) == 1 and isinstance(values[0], (tuple, list)) else tuple(values)


class Flip(NumpyFunction):
    node_name = "FlipBackward0"

    @staticmethod
    def forward(ctx, x, dims):
        ctx.dims = dims
        return np.flip(x, dims).copy() if x.ndim else x.copy()

    @staticmethod
    def backward(ctx, grad):
        return Flip.apply(grad, ctx.dims), None


def flip(input, *dims):
    dims = _ints(dims)
    return Flip.apply(input, tuple(normalize_dims(dims, input.ndim) or ()))


def fliplr(input):
    if input.ndim < 2:
        raise RuntimeError("Input must be >= 2-d.")
    return flip(input, 1)


def flipud(input):
    if input.ndim < 1:
        raise RuntimeError("Input must be >= 1-d.")
    return flip(input, 0)


class Roll(NumpyFunction):
    node_name = "RollBackward0"

    @staticmethod
    def forward(ctx, x, shifts, dims):
        ctx.shifts, ctx.dims = shifts, dims
        return np.roll(x, shifts if dims else shifts[0], dims if dims else None)  # no dims: the flat order

    @staticmethod
    def backward(ctx, grad):
        return Roll.apply(grad, tuple(-s for s in ctx.shifts), ctx.dims), None, None


def roll(input, shifts, dims=None):
    shifts = (shifts,) if isinstance(shifts, int) else tuple(shifts)
    dims = () if dims is None else ((dims,) if isinstance(dims, int) else tuple(dims))
    if dims and len(shifts) != len(dims):
        raise RuntimeError(f"shifts and dimensions must align. shifts: {len(shifts)}, dims:{len(dims)}")
    if not dims and len(shifts) != 1:
        raise RuntimeError(f"shifts and dimensions must align. shifts: {len(shifts)}, dims:0")
    bound = max(input.ndim, 1)
    for d in dims:
        if not -bound <= d < bound:
            raise IndexError(f"Dimension out of range (expected to be in range of [{-bound}, {bound - 1}], but got {d})")
    return Roll.apply(input, shifts, tuple(d % bound for d in dims))


class Repeat(NumpyFunction):
    node_name = "RepeatBackward0"

    @staticmethod
    def forward(ctx, x, repeats):
        ctx.repeats, ctx.shape = repeats, x.shape
        padded = (1,) * (len(repeats) - x.ndim) + x.shape  # fewer dims than repeats: ones in front
        return np.tile(x.reshape(padded), repeats)

    @staticmethod
    def backward(ctx, grad):
        padded = (1,) * (len(ctx.repeats) - len(ctx.shape)) + ctx.shape
        split = tuple(n for pair in zip(ctx.repeats, padded) for n in pair)  # (r_0, s_0, r_1, s_1, ...)
        summed = grad.reshape(split).sum(dim=tuple(range(0, len(split), 2))) if split else grad
        return summed.reshape(ctx.shape), None


def repeat(input, *repeats):
    repeats = _ints(repeats)
    if len(repeats) < input.ndim:
        raise RuntimeError("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
    if any(r < 0 for r in repeats):
        raise RuntimeError(f"Trying to create tensor with negative dimension {min(repeats)}: {list(repeats)}")
    return Repeat.apply(input, repeats)


def tile(input, *dims):
    dims = _ints(dims)
    dims = (1,) * (input.ndim - len(dims)) + dims  # fewer dims than the tensor: ones in front
    return repeat(input, dims)


def repeat_interleave(input, repeats=None, dim=None, *, output_size=None):
    if repeats is None:  # torch.repeat_interleave(counts): each index i repeated counts[i] times
        counts = input._data
        return Tensor._make(np.repeat(np.arange(len(counts)), counts).astype(np.int64))
    if dim is None:
        input, dim = input.reshape(-1), 0
    dim = normalize_dims(dim, input.ndim)[0]
    if isinstance(repeats, Tensor) and repeats.numel() != 1:
        counts = repeats._data
        if counts.ndim != 1 or len(counts) != input.shape[dim]:
            raise RuntimeError(f"repeats must have the same size as input along dim, but got repeats.size(0) = "
                               f"{len(counts)} and input.size({dim}) = {input.shape[dim]}")
        if (counts < 0).any():
            raise RuntimeError("repeats can not be negative")
        index = Tensor._make(np.repeat(np.arange(len(counts)), counts).astype(np.int64))
        from .index_select import index_select
        return index_select(input, dim, index)
    count = int(repeats.item() if isinstance(repeats, Tensor) else repeats)
    if count < 0:
        raise RuntimeError("repeats can not be negative")
    shape = tuple(input.shape)
    expanded = input.unsqueeze(dim + 1).expand(shape[:dim + 1] + (count,) + shape[dim + 1:])
    return expanded.contiguous().view(shape[:dim] + (shape[dim] * count,) + shape[dim + 1:])
