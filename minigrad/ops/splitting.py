"""Layer 3, cutting a tensor into pieces along one dimension: ``chunk``, ``split``, ``unbind``; and
gluing 1-d or 2-d pieces: ``hstack``, ``vstack``.

Every piece is a slice of the input, so a view: it shares the input's memory. As in PyTorch, all the pieces
share one node (``SplitBackward0``, ``SplitWithSizesBackward0``, ``UnbindBackward0``), whose backward glues
their gradients back together, with zeros for a piece no gradient reached.
"""
import numpy as np

from ..autograd.function import NumpyFunction, _mark_view
from ..autograd.grad_mode import is_grad_enabled
from ..tensor import is_no_grad_view, mark_no_grad_view
from .reductions import normalize_dims


class Split(NumpyFunction):
    """``split(n)`` and ``chunk``: the pieces ``[start, stop)`` of ``x`` along ``dim``."""

    node_name = "SplitBackward0"
    _is_view = True

    @staticmethod
    def forward(ctx, x, dim, bounds):
        ctx.dim = dim
        return tuple(x[(slice(None),) * dim + (slice(start, stop),)] for start, stop in bounds)

    @staticmethod
    def backward(ctx, *grads):
        from .._functions import cat
        return cat(grads, dim=ctx.dim), None, None


class SplitWithSizes(Split):
    """``split([sizes])``: the same pieces, named as PyTorch names them."""

    node_name = "SplitWithSizesBackward0"


class Unbind(NumpyFunction):
    """``unbind``: every index of ``dim``, that dimension removed."""

    node_name = "UnbindBackward0"
    _is_view = True

    @staticmethod
    def forward(ctx, x, dim):
        ctx.dim = dim
        shape = x.shape[:dim] + x.shape[dim + 1:]
        return tuple(x[(slice(None),) * dim + (slice(i, i + 1),)].reshape(shape) for i in range(x.shape[dim]))

    @staticmethod
    def backward(ctx, *grads):
        from .._functions import stack
        return stack(grads, dim=ctx.dim), None


def _pieces(function, input, *options):
    """Apply a function that returns several views of ``input`` (``apply`` marks the first one as a view).
    PyTorch refuses to let such a piece be changed in place while recording (the one node that made all
    the pieces could not take it back), and to renew its history after its memory changed."""
    pieces = function.apply(input, *options)
    for piece in pieces[1:]:
        _mark_view(piece, input)
    if is_grad_enabled():
        for piece in pieces:
            if piece.is_floating_point() and not is_no_grad_view(piece):
                mark_no_grad_view(piece, multi_output=True)
    return pieces


def _dim(input, dim):
    return normalize_dims(dim, input.ndim)[0]


def split(tensor, split_size_or_sections, dim=0):
    dim = _dim(tensor, dim)
    size = tensor.shape[dim]
    if isinstance(split_size_or_sections, int):
        step = split_size_or_sections
        if step == 0 and size != 0:
            raise RuntimeError(f"split_size can only be 0 if dimension size is 0, but got dimension size of {size}")
        if step < 0:
            raise RuntimeError(f"split expects split_size be non-negative, but got split_size={step}")
        starts = range(0, size, step) if size else [0]
        return _pieces(Split, tensor, dim, [(start, min(start + step, size)) for start in starts])
    sizes = list(split_size_or_sections)
    if sum(sizes) != size:
        raise RuntimeError(f"split_with_sizes expects split_sizes to sum exactly to {size} (input tensor's size at "
                           f"dimension {dim}), but got split_sizes={sizes}")
    ends = np.cumsum(sizes).tolist()
    return _pieces(SplitWithSizes, tensor, dim, [(end - n, end) for n, end in zip(sizes, ends)])


def chunk(input, chunks, dim=0):
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    size = input.shape[_dim(input, dim)]
    return split(input, -(-size // chunks), dim)  # pieces of ceil(size / chunks), the last one shorter


def unbind(input, dim=0):
    dim = _dim(input, dim)
    if input.shape[dim] == 0:
        return ()
    return _pieces(Unbind, input, dim)


def hstack(tensors):
    from .._functions import cat
    tensors = list(tensors)
    return cat(tensors, dim=0 if all(t.ndim <= 1 for t in tensors) else 1)


def vstack(tensors):
    from .._functions import cat
    return cat([t.reshape(1, -1) if t.ndim < 2 else t for t in tensors], dim=0)


__all__ = ["split", "chunk", "unbind", "hstack", "vstack"]
