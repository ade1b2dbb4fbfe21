"""Layer 3: operations that move numbers around without changing them. Backward moves the
gradient back to where each number came from."""
import numpy as np

from ..autograd.function import NumpyFunction
from ..tensor import Tensor
from ._util import sum_to


def _shape_arg(shape):
    """Accept ``view(2, 3)``, ``view((2, 3))`` and ``view(torch.Size([2, 3]))``."""
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = shape[0]
    return tuple(int(n) for n in shape)


class View(NumpyFunction):
    node_name = "ViewBackward0"

    @staticmethod
    def forward(ctx, x, shape):
        ctx.input_shape = x.shape
        known = [n for n in shape if n != -1]
        size = int(np.prod(known)) if known else 1
        if shape.count(-1) > 1:
            raise RuntimeError("only one dimension can be inferred")
        if (-1 in shape and (size == 0 or x.size % size)) or (-1 not in shape and size != x.size):
            raise RuntimeError(f"shape '[{', '.join(map(str, shape))}]' is invalid for input of size {x.size}")
        return x.reshape(shape)

    @staticmethod
    def backward(ctx, grad):
        return grad.reshape(ctx.input_shape)


class Expand(NumpyFunction):
    node_name = "ExpandBackward0"

    @staticmethod
    def forward(ctx, x, shape):
        ctx.input_shape = x.shape
        lead = len(shape) - x.ndim
        target = tuple(x.shape[i - lead] if n == -1 else n for i, n in enumerate(shape))
        try:
            return np.broadcast_to(x, target)
        except ValueError:
            raise RuntimeError(f"The expanded size of the tensor ({target[-1]}) must match the existing size "
                               f"({x.shape[-1] if x.ndim else 1}) at non-singleton dimension {len(target) - 1}.  "
                               f"Target sizes: [{', '.join(map(str, shape))}].  Tensor sizes: "
                               f"[{', '.join(map(str, x.shape))}]") from None

    @staticmethod
    def backward(ctx, grad):
        return sum_to(grad, ctx.input_shape)


class Transpose(NumpyFunction):
    node_name = "TransposeBackward0"

    @staticmethod
    def forward(ctx, x, dim0, dim1):
        ctx.dims = dim0, dim1
        return np.swapaxes(x, dim0, dim1)

    @staticmethod
    def backward(ctx, grad):
        return grad.transpose(*ctx.dims)


class T(Transpose):
    node_name = "TBackward0"


class Permute(NumpyFunction):
    node_name = "PermuteBackward0"

    @staticmethod
    def forward(ctx, x, dims):
        if len(dims) != x.ndim:
            raise RuntimeError(f"permute(sparse_coo): number of dimensions in the tensor input does not match "
                               f"the length of the desired ordering of dimensions i.e. input.dim() = {x.ndim} "
                               f"is not equal to len(dims) = {len(dims)}")
        ctx.dims = dims
        return np.transpose(x, dims)

    @staticmethod
    def backward(ctx, grad):
        return grad.permute(*np.argsort(ctx.dims).tolist())


class Unsqueeze(NumpyFunction):
    node_name = "UnsqueezeBackward0"

    @staticmethod
    def forward(ctx, x, dim):
        ctx.dim = dim
        return np.expand_dims(x, dim)

    @staticmethod
    def backward(ctx, grad):
        return grad.squeeze(ctx.dim)


class Squeeze(NumpyFunction):
    node_name = "SqueezeBackward0"

    @staticmethod
    def forward(ctx, x, dim=None):
        ctx.input_shape = x.shape
        if dim is None:
            return np.squeeze(x)
        return np.squeeze(x, dim) if x.ndim and x.shape[dim] == 1 else x.view()

    @staticmethod
    def backward(ctx, grad):
        return grad.reshape(ctx.input_shape)


class SqueezeDim(Squeeze):
    node_name = "SqueezeBackward1"


class Index(NumpyFunction):
    """``x[key]``. Named as PyTorch names it: Select (an integer), Slice (slices only), Index (lists,
    tensors, masks)."""

    node_name = "IndexBackward0"

    @staticmethod
    def forward(ctx, x, key):
        ctx.input_shape, ctx.key = x.shape, key
        parts = key if isinstance(key, tuple) else (key,)
        ctx.save_for_backward(*[p for p in parts if isinstance(p, np.ndarray)])  # the indices, as PyTorch
        return np.asarray(x[key])

    @staticmethod
    def backward(ctx, grad):  # each picked element's gradient goes back where it was picked from
        ctx.saved_tensors  # noqa: B018  (raises after the graph was freed)
        return IndexPut.apply(grad, key=ctx.key, shape=ctx.input_shape)


class Select(Index):
    node_name = "SelectBackward0"


class Slice(Index):
    node_name = "SliceBackward0"


class IndexPut(NumpyFunction):
    """Zeros of ``shape`` with ``values`` added at ``key`` (repeated indices add up)."""

    node_name = "IndexPutBackward0"

    @staticmethod
    def forward(ctx, values, key, shape):
        ctx.key = key
        out = np.zeros(shape, dtype=values.dtype)
        np.add.at(out, key, values)
        return out

    @staticmethod
    def backward(ctx, grad):
        return Index.apply(grad, key=ctx.key)


def index(x, key):
    key = _index_key(key, x)
    parts = key if isinstance(key, tuple) else (key,)
    if any(isinstance(p, (np.ndarray, list)) for p in parts):
        node = Index
    elif any(isinstance(p, (int, np.integer)) for p in parts):
        node = Select
    else:
        node = Slice
    return node.apply(x, key=key)


def _index_key(key, x):
    """Tensors inside an index become arrays; out-of-range integers raise PyTorch's IndexError."""
    converted = tuple(_as_index(k) for k in key) if isinstance(key, tuple) else _as_index(key)
    dim = 0
    for part in (converted if isinstance(converted, tuple) else (converted,)):
        if isinstance(part, (int, np.integer)) and not isinstance(part, bool):
            if dim >= x.ndim:
                raise IndexError(f"too many indices for tensor of dimension {x.ndim}")
            size = x.shape[dim]
            if not -size <= part < size:
                raise IndexError(f"index {part} is out of bounds for dimension {dim} with size {size}")
        if part is not None and part is not Ellipsis:
            dim += 1
    return converted


def _as_index(part):
    if isinstance(part, Tensor):
        return part._data if part._data.ndim else part._data.item()
    return part


class Cat(NumpyFunction):
    node_name = "CatBackward0"

    @staticmethod
    def forward(ctx, *arrays, dim=0):
        first = arrays[0]
        for i, a in enumerate(arrays):
            if a.ndim == 0:
                raise RuntimeError(f"zero-dimensional tensor (at position {i}) cannot be concatenated")
        if not -first.ndim <= dim < first.ndim:
            raise IndexError(f"Dimension out of range (expected to be in range of [{-first.ndim}, "
                             f"{first.ndim - 1}], but got {dim})")
        dim = dim % first.ndim
        for i, a in enumerate(arrays[1:], start=1):
            for d in range(first.ndim):
                if d != dim and a.shape[d] != first.shape[d]:
                    raise RuntimeError(f"Sizes of tensors must match except in dimension {dim}. Expected size "
                                       f"{first.shape[d]} but got size {a.shape[d]} for tensor number {i} in the list.")
        ctx.dim = dim
        ctx.sizes = [a.shape[dim] for a in arrays]
        return np.concatenate(arrays, axis=dim, dtype=_result_type(arrays))

    @staticmethod
    def backward(ctx, grad):
        grads, start = [], 0
        for size in ctx.sizes:
            key = (slice(None),) * ctx.dim + (slice(start, start + size),)
            grads.append(grad[key])
            start += size
        return tuple(grads)


def _result_type(arrays):
    """PyTorch's dtype for joining tensors: the highest category (bool < int < float) wins."""
    return max((a.dtype for a in arrays), key=lambda d: ("buif".index(d.kind), d.itemsize))


class Stack(NumpyFunction):
    node_name = "StackBackward0"

    @staticmethod
    def forward(ctx, *arrays, dim=0):
        for i, a in enumerate(arrays[1:], start=1):
            if a.shape != arrays[0].shape:
                raise RuntimeError(f"stack expects each tensor to be equal size, but got {list(arrays[0].shape)} "
                                   f"at entry 0 and {list(a.shape)} at entry {i}")
        ctx.dim = dim
        return np.stack(arrays, axis=dim, dtype=_result_type(arrays))

    @staticmethod
    def backward(ctx, grad):
        return tuple(grad.select(ctx.dim, i) for i in range(grad.shape[ctx.dim]))


class Clone(NumpyFunction):
    node_name = "CloneBackward0"

    @staticmethod
    def forward(ctx, x):
        return x.copy()

    @staticmethod
    def backward(ctx, grad):
        return grad


class ToCopy(NumpyFunction):
    """A change of dtype: the gradient is converted back to the input's dtype."""

    node_name = "ToCopyBackward0"

    @staticmethod
    def forward(ctx, x, numpy_type):
        ctx.input_type = x.dtype
        return x.astype(numpy_type)

    @staticmethod
    def backward(ctx, grad):
        return ToCopy.apply(grad, numpy_type=ctx.input_type)
