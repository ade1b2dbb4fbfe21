"""Layer 3, cutting a tensor into pieces along one dimension: ``chunk``, ``split``, ``unbind``; and
gluing 1-d or 2-d pieces: ``hstack``, ``vstack``.

Every piece is a slice of the input, so a view: it shares the input's memory, and its gradient flows
back through slicing. (PyTorch's pieces are views too; their ``grad_fn`` is one ``SplitBackward0``
shared by all pieces, where minigrad gives each piece its own ``SliceBackward0``.)
"""
from .reductions import normalize_dims


def _piece(input, dim, start, stop):
    return input[(slice(None),) * dim + (slice(start, stop),)]


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
        return tuple(_piece(tensor, dim, start, start + step) for start in starts)
    sizes = list(split_size_or_sections)
    if sum(sizes) != size:
        raise RuntimeError(f"split_with_sizes expects split_sizes to sum exactly to {size} (input tensor's size at "
                           f"dimension {dim}), but got split_sizes={sizes}")
    pieces, start = [], 0
    for n in sizes:
        pieces.append(_piece(tensor, dim, start, start + n))
        start += n
    return tuple(pieces)


def chunk(input, chunks, dim=0):
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    size = input.shape[_dim(input, dim)]
    return split(input, -(-size // chunks), dim)  # pieces of ceil(size / chunks), the last one shorter


def unbind(input, dim=0):
    dim = _dim(input, dim)
    return tuple(input.select(dim, i) for i in range(input.shape[dim]))


def hstack(tensors):
    from .._functions import cat
    tensors = list(tensors)
    return cat(tensors, dim=0 if all(t.ndim <= 1 for t in tensors) else 1)


def vstack(tensors):
    from .._functions import cat
    return cat([t.reshape(1, -1) if t.ndim < 2 else t for t in tensors], dim=0)


__all__ = ["split", "chunk", "unbind", "hstack", "vstack"]
