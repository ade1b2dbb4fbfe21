"""Layer 3: operations that move numbers around without changing them. Backward moves the
gradient back to where each number came from."""
import numpy as np

from ..autograd.function import Function
from ..tensor import Tensor
from ._util import sum_to


def _shape_arg(shape):
    """Accept ``view(2, 3)``, ``view((2, 3))`` and ``view(torch.Size([2, 3]))``."""
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = shape[0]
    return tuple(int(n) for n in shape)


class View(Function):
    node_name = "ViewBackward0"

    def forward(self, x, shape):
        self.input_shape = x.shape
        known = [n for n in shape if n != -1]
        size = int(np.prod(known)) if known else 1
        if shape.count(-1) > 1:
            raise RuntimeError("only one dimension can be inferred")
        if (-1 in shape and (size == 0 or x.size % size)) or (-1 not in shape and size != x.size):
            raise RuntimeError(f"shape '[{', '.join(map(str, shape))}]' is invalid for input of size {x.size}")
        return x.reshape(shape)

    def backward(self, grad):
        return grad.reshape(self.input_shape)


class Expand(Function):
    node_name = "ExpandBackward0"

    def forward(self, x, shape):
        self.input_shape = x.shape
        lead = len(shape) - x.ndim
        target = tuple(x.shape[i - lead] if n == -1 else n for i, n in enumerate(shape))
        try:
            return np.broadcast_to(x, target)
        except ValueError:
            raise RuntimeError(f"The expanded size of the tensor ({target[-1]}) must match the existing size "
                               f"({x.shape[-1] if x.ndim else 1}) at non-singleton dimension {len(target) - 1}.  "
                               f"Target sizes: [{', '.join(map(str, shape))}].  Tensor sizes: "
                               f"[{', '.join(map(str, x.shape))}]") from None

    def backward(self, grad):
        return sum_to(grad, self.input_shape)


class Transpose(Function):
    node_name = "TransposeBackward0"

    def forward(self, x, dim0, dim1):
        self.dims = dim0, dim1
        return np.swapaxes(x, dim0, dim1)

    def backward(self, grad):
        return grad.transpose(*self.dims)


class T(Transpose):
    node_name = "TBackward0"


class Permute(Function):
    node_name = "PermuteBackward0"

    def forward(self, x, dims):
        if len(dims) != x.ndim:
            raise RuntimeError(f"permute(sparse_coo): number of dimensions in the tensor input does not match "
                               f"the length of the desired ordering of dimensions i.e. input.dim() = {x.ndim} "
                               f"is not equal to len(dims) = {len(dims)}")
        self.dims = dims
        return np.transpose(x, dims)

    def backward(self, grad):
        return grad.permute(*np.argsort(self.dims).tolist())


class Unsqueeze(Function):
    node_name = "UnsqueezeBackward0"

    def forward(self, x, dim):
        self.dim = dim
        return np.expand_dims(x, dim)

    def backward(self, grad):
        return grad.squeeze(self.dim)


class Squeeze(Function):
    node_name = "SqueezeBackward0"

    def forward(self, x, dim=None):
        self.input_shape = x.shape
        if dim is None:
            return np.squeeze(x)
        return np.squeeze(x, dim) if x.ndim and x.shape[dim] == 1 else x.view()

    def backward(self, grad):
        return grad.reshape(self.input_shape)


class SqueezeDim(Squeeze):
    node_name = "SqueezeBackward1"


class Index(Function):
    """``x[key]``. Named as PyTorch names it: Select (an integer), Slice (slices only), Index (lists,
    tensors, masks)."""

    node_name = "IndexBackward0"

    def forward(self, x, key):
        self.input_shape, self.key = x.shape, key
        return x[key]

    def backward(self, grad):
        return IndexPut.apply(grad, key=self.key, shape=self.input_shape)


class Select(Index):
    node_name = "SelectBackward0"


class Slice(Index):
    node_name = "SliceBackward0"


class IndexPut(Function):
    """Zeros of ``shape`` with ``values`` added at ``key`` (repeated indices add up)."""

    node_name = "IndexPutBackward0"

    def forward(self, values, key, shape):
        self.key = key
        out = np.zeros(shape, dtype=values.dtype)
        np.add.at(out, key, values)
        return out

    def backward(self, grad):
        return Index.apply(grad, key=self.key)


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


class Cat(Function):
    node_name = "CatBackward0"

    def forward(self, *arrays, dim=0):
        first = arrays[0]
        dim = dim % first.ndim
        for i, a in enumerate(arrays[1:], start=1):
            for d in range(first.ndim):
                if d != dim and a.shape[d] != first.shape[d]:
                    raise RuntimeError(f"Sizes of tensors must match except in dimension {dim}. Expected size "
                                       f"{first.shape[d]} but got size {a.shape[d]} for tensor number {i} in the list.")
        self.dim = dim
        self.sizes = [a.shape[dim] for a in arrays]
        return np.concatenate(arrays, axis=dim)

    def backward(self, grad):
        grads, start = [], 0
        for size in self.sizes:
            key = (slice(None),) * self.dim + (slice(start, start + size),)
            grads.append(grad[key])
            start += size
        return tuple(grads)


class Stack(Function):
    node_name = "StackBackward0"

    def forward(self, *arrays, dim=0):
        for i, a in enumerate(arrays[1:], start=1):
            if a.shape != arrays[0].shape:
                raise RuntimeError(f"stack expects each tensor to be equal size, but got {list(arrays[0].shape)} "
                                   f"at entry 0 and {list(a.shape)} at entry {i}")
        self.dim = dim
        return np.stack(arrays, axis=dim)

    def backward(self, grad):
        return tuple(grad.select(self.dim, i) for i in range(grad.shape[self.dim]))


class Clone(Function):
    node_name = "CloneBackward0"

    def forward(self, x):
        return x.copy()

    def backward(self, grad):
        return grad


class ToCopy(Function):
    """A change of dtype: the gradient is converted back to the input's dtype."""

    node_name = "ToCopyBackward0"

    def forward(self, x, numpy_type):
        self.input_type = x.dtype
        return x.astype(numpy_type)

    def backward(self, grad):
        return ToCopy.apply(grad, numpy_type=self.input_type)
