"""Layer 3: operations that move numbers around without changing them. Backward moves the
gradient back to where each number came from."""
import numpy as np

from ..autograd.function import NumpyFunction
from ..autograd.grad_mode import is_grad_enabled
from ..tensor import Tensor
from ._util import sum_to


def _shape_arg(shape):
    """Accept ``view(2, 3)``, ``view((2, 3))`` and ``view(torch.Size([2, 3]))``."""
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = shape[0]
    return tuple(int(n) for n in shape)


class View(NumpyFunction):
    node_name = "ViewBackward0"
    _is_view = True

    @staticmethod
    def forward(ctx, x, shape, copy_ok=False):
        ctx.input_shape = x.shape
        check_shape(x, shape)
        try:
            return _view(x, shape)
        except (ValueError, AttributeError):  # the numbers are not laid out so that a view can be made
            if copy_ok:
                return x.reshape(shape)  # reshape copies then
            raise RuntimeError("view size is not compatible with input tensor's size and stride (at least one "
                               "dimension spans across two contiguous subspaces). Use .reshape(...) instead.") from None

    @staticmethod
    def backward(ctx, grad):
        return grad.reshape(ctx.input_shape)


def check_shape(x, shape):
    """PyTorch's errors for a shape that does not fit the number of elements."""
    known = [n for n in shape if n != -1]
    size = int(np.prod(known)) if known else 1
    if shape.count(-1) > 1:
        raise RuntimeError("only one dimension can be inferred")
    if (-1 in shape and (size == 0 or x.size % size)) or (-1 not in shape and size != x.size):
        raise RuntimeError(f"shape '[{', '.join(map(str, shape))}]' is invalid for input of size {x.size}")


def _view(x, shape):
    """``x`` with a new shape, sharing its memory; raises if that needs a copy."""
    try:
        return np.reshape(x, shape, copy=False)
    except TypeError:  # NumPy < 2.1 has no copy argument
        view = x.view()
        view.shape = shape
        return view


def can_view(x, shape):
    """True if ``x`` can be seen with ``shape`` without copying (PyTorch's ``view`` would work)."""
    try:
        _view(x, shape)
        return True
    except (ValueError, AttributeError):
        return False


class ReshapeAlias(View):
    """What ``reshape`` records for a view of a tensor that is not contiguous (a transposed one, say)."""

    node_name = "ReshapeAliasBackward0"


class UnsafeView(NumpyFunction):
    """What ``reshape`` records after copying a tensor whose layout does not allow a view."""

    node_name = "UnsafeViewBackward0"

    @staticmethod
    def forward(ctx, x, shape):
        ctx.input_shape = x.shape
        return x.reshape(shape)

    @staticmethod
    def backward(ctx, grad):
        return grad.reshape(ctx.input_shape)


class Expand(NumpyFunction):
    node_name = "ExpandBackward0"
    _is_view = True

    @staticmethod
    def forward(ctx, x, shape):
        ctx.input_shape = x.shape
        lead = len(shape) - x.ndim
        if lead < 0:
            raise RuntimeError(f"expand(torch.{_type_name(x)}{{{list(x.shape)}}}, size={list(shape)}): the number of "
                               f"sizes provided ({len(shape)}) must be greater or equal to the number of dimensions "
                               f"in the tensor ({x.ndim})")
        target = tuple(x.shape[i - lead] if n == -1 else n for i, n in enumerate(shape))
        if target == x.shape:
            return x.view()
        try:
            spread = np.broadcast_to(x, target)  # read-only; the same strides, writable (in-place ops check overlap)
            return np.lib.stride_tricks.as_strided(x, spread.shape, spread.strides)
        except ValueError:
            bad = next(i for i in range(len(target) - 1, -1, -1) if i >= lead and x.shape[i - lead] not in (1, target[i]))
            raise RuntimeError(f"The expanded size of the tensor ({target[bad]}) must match the existing size "
                               f"({x.shape[bad - lead]}) at non-singleton dimension {bad}.  "
                               f"Target sizes: [{', '.join(map(str, shape))}].  Tensor sizes: "
                               f"[{', '.join(map(str, x.shape))}]") from None

    @staticmethod
    def backward(ctx, grad):
        return sum_to(grad, ctx.input_shape)


def _type_name(array):
    kinds = {"float32": "Float", "float64": "Double", "int64": "Long", "int32": "Int", "bool": "Bool"}
    return kinds.get(array.dtype.name, array.dtype.name.capitalize()) + "Tensor"


class Transpose(NumpyFunction):
    node_name = "TransposeBackward0"
    _is_view = True

    @staticmethod
    def forward(ctx, x, dim0, dim1):
        ctx.dims = dim0, dim1
        return x.swapaxes(dim0, dim1) if x.ndim else x.view()

    @staticmethod
    def backward(ctx, grad):
        return grad.transpose(*ctx.dims)


class T(Transpose):
    node_name = "TBackward0"

    @staticmethod
    def backward(ctx, grad):
        if not is_grad_enabled():  # nothing is recorded: the numbers transposed, no view to track (a weight's
            return Tensor._make(grad._data.T)  # gradient arrives here from Addmm, and its leaf may keep it)
        return grad.t()


class Permute(NumpyFunction):
    node_name = "PermuteBackward0"
    _is_view = True

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
        return Permute.apply(grad, dims=tuple(np.argsort(ctx.dims).tolist()))  # (0-d: permute(()))


class Unsqueeze(NumpyFunction):
    node_name = "UnsqueezeBackward0"
    _is_view = True

    @staticmethod
    def forward(ctx, x, dim):
        ctx.dim = dim
        return np.expand_dims(x, dim)

    @staticmethod
    def backward(ctx, grad):
        return grad.squeeze(ctx.dim)


class Squeeze(NumpyFunction):
    node_name = "SqueezeBackward0"
    _is_view = True

    @staticmethod
    def forward(ctx, x, dim=None):
        ctx.input_shape, ctx.dim = x.shape, (None if dim is None else dim % max(x.ndim, 1))
        if dim is None:
            return np.squeeze(x)
        return np.squeeze(x, dim) if x.ndim and x.shape[dim] == 1 else x.view()

    @staticmethod
    def backward(ctx, grad):  # each removed dimension of size 1 comes back (one unsqueeze each, as in PyTorch)
        for dim, n in enumerate(ctx.input_shape):
            if n == 1 and ctx.dim in (None, dim):
                grad = grad.unsqueeze(dim)
        return grad


class SqueezeDim(Squeeze):
    node_name = "SqueezeBackward1"


class SqueezeMatmul(Squeeze):
    """The squeeze PyTorch records after multiplying a vector by a matrix. PyTorch squeezes its own
    fresh product in place (``squeeze_``), so the result is not a view of anything."""

    node_name = "SqueezeBackward4"
    _is_view = False


class Index(NumpyFunction):
    """``x[key]``. Named as PyTorch names it: Select (an integer), Slice (slices only), Index (lists,
    tensors, masks). ``ops/indexing.py`` picks which, one index item at a time."""

    node_name = "IndexBackward0"
    _is_view = True

    @staticmethod
    def forward(ctx, x, key):
        ctx.input_shape, ctx.key = x.shape, key
        parts = key if isinstance(key, tuple) else (key,)
        indices = [p for p in parts if isinstance(p, np.ndarray)]
        ctx.save_for_backward(*indices)  # the indices, as PyTorch does
        ctx.advanced = bool(indices)
        return np.asarray(x[key])

    @staticmethod
    def backward(ctx, grad):  # each picked element's gradient goes back where it was picked from
        if ctx.advanced:  # indices were saved (lists, tensors, masks): they are gone after a backward
            ctx.saved_tensors  # noqa: B018  (raises after the graph was freed)
            zeros = Tensor._make(np.zeros(ctx.input_shape, dtype=grad._data.dtype))
            return IndexPutImpl.apply(zeros, grad, key=ctx.key)
        return ctx._forward_cls.scatter.apply(grad, key=ctx.key, shape=ctx.input_shape)


class Select(Index):
    node_name = "SelectBackward0"


class Slice(Index):
    node_name = "SliceBackward0"


class IndexPutImpl(NumpyFunction):
    """``zeros`` with ``values`` added at ``key`` (repeated indices add up): the backward of ``x[key]``."""

    node_name = "IndexPutImplBackward0"

    @staticmethod
    def forward(ctx, zeros, values, key):
        ctx.key = key
        out = zeros.copy()
        np.add.at(out, key, values)
        return out

    @staticmethod
    def backward(ctx, grad):
        return None, Index.apply(grad, key=ctx.key)


def _diagonal(array, dim1, dim2):
    """The view of ``array``'s elements whose indices along dim1 and dim2 agree, as its last dimension."""
    kept = [d for d in range(array.ndim) if d not in (dim1, dim2)]
    shape = [array.shape[d] for d in kept] + [min(array.shape[dim1], array.shape[dim2])]
    strides = [array.strides[d] for d in kept] + [array.strides[dim1] + array.strides[dim2]]
    return np.lib.stride_tricks.as_strided(array, shape, strides)


class Diagonal(NumpyFunction):
    """``x.diagonal(0, dim1, dim2)`` (a view), as einsum takes it for a letter repeated in one operand."""

    node_name = "DiagonalBackward0"
    _is_view = True

    @staticmethod
    def forward(ctx, x, dim1, dim2):
        ctx.shape, ctx.dim1, ctx.dim2 = x.shape, dim1, dim2
        return _diagonal(x, dim1, dim2)

    @staticmethod
    def backward(ctx, grad):
        return DiagonalBackward.apply(grad, shape=ctx.shape, dim1=ctx.dim1, dim2=ctx.dim2)


class DiagonalBackward(NumpyFunction):
    """Zeros of ``shape`` with ``grad`` on the diagonal: the backward of ``Diagonal``; its own backward
    takes the diagonal again."""

    node_name = "DiagonalBackwardBackward0"

    @staticmethod
    def forward(ctx, grad, shape, dim1, dim2):
        ctx.dim1, ctx.dim2 = dim1, dim2
        out = np.zeros(shape, dtype=grad.dtype)
        _diagonal(out, dim1, dim2)[...] = grad
        return out

    @staticmethod
    def backward(ctx, grad):
        return Diagonal.apply(grad, dim1=ctx.dim1, dim2=ctx.dim2)


class SelectBackward(NumpyFunction):
    """Zeros of ``shape`` with ``values`` at ``key`` (one element per position): the backward of
    ``x[i]``; its own backward picks the same place again."""

    node_name = "SelectBackwardBackward0"
    gather = Select

    @staticmethod
    def forward(ctx, values, key, shape):
        ctx.key = key
        out = np.zeros(shape, dtype=values.dtype)
        out[key] = values
        return out

    @staticmethod
    def backward(ctx, grad):
        return ctx._forward_cls.gather.apply(grad, key=ctx.key)


class SliceBackward(SelectBackward):
    node_name = "SliceBackwardBackward0"
    gather = Slice


Select.scatter, Slice.scatter = SelectBackward, SliceBackward


class Alias(NumpyFunction):
    """``x[...]``: the same tensor seen through a new one."""

    node_name = "AliasBackward0"
    _is_view = True

    @staticmethod
    def forward(ctx, x):
        return x.view()

    @staticmethod
    def backward(ctx, grad):
        return grad


class Cat(NumpyFunction):
    node_name = "CatBackward0"

    @staticmethod
    def forward(ctx, *arrays, dim=0):
        first = arrays[0]
        for i, a in enumerate(arrays):
            if a.ndim == 0:
                raise RuntimeError(f"zero-dimensional tensor (at position {i}) cannot be concatenated")
            if a.ndim != first.ndim:
                raise RuntimeError(f"Tensors must have same number of dimensions: got {first.ndim} and {a.ndim}")
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
        bound = arrays[0].ndim + 1
        if not -bound <= dim < bound:
            raise IndexError(f"Dimension out of range (expected to be in range of [{-bound}, {bound - 1}], "
                             f"but got {dim})")
        ctx.dim = dim
        return np.stack(arrays, axis=dim, dtype=_result_type(arrays))

    @staticmethod
    def backward(ctx, grad):
        return tuple(grad.select(ctx.dim, i) for i in range(grad.shape[ctx.dim]))


class AsStrided(NumpyFunction):
    """``x.as_strided(size, stride, offset)``: a view of any geometry (in elements, from x's first element in
    memory) of a tensor ``x`` whose strides are positive. PyTorch's backwards through views changed in place
    record it (see ``autograd/inplace.py``)."""

    node_name = "AsStridedBackward0"
    _is_view = True

    @staticmethod
    def forward(ctx, x, size, stride, offset):
        ctx.geometry = (x.shape, tuple(s // x.itemsize for s in x.strides), 0), (tuple(size), tuple(stride), offset)
        start = np.lib.stride_tricks.as_strided(x, (offset + 1,), (x.itemsize,))[offset:]
        return np.lib.stride_tricks.as_strided(start, size, [s * x.itemsize for s in stride])

    @staticmethod
    def backward(ctx, grad):
        from ..autograd.inplace import as_strided_backward
        return as_strided_backward(grad, *ctx.geometry)


def dense_strides(array):
    """The strides in elements if the array's elements fill one block of memory, no gap and no element
    twice, in any order of dimensions (PyTorch's "non-overlapping and dense", e.g. a transposed matrix);
    else None (a slice with a step, an expanded tensor)."""
    strides = [s // array.itemsize for s in array.strides]
    expected = 1
    for stride, n in sorted((stride, n) for stride, n in zip(strides, array.shape) if n > 1):
        if stride != expected:
            return None
        expected *= n
    return strides


def _dense_strides_in_order_of(shape, strides):
    """Strides of a dense tensor whose dimensions lie in memory in the order of ``strides`` (PyTorch's
    ``infer_dense_strides``: an insertion sort from the innermost dimension in which a dimension of
    stride 0 never moves, and equal strides put the smaller dimension inside)."""
    def should_swap(d0, d1):
        if strides[d0] == 0 or strides[d1] == 0:
            return 0
        if strides[d0] != strides[d1]:
            return 1 if strides[d0] > strides[d1] else -1
        return 1 if shape[d0] > shape[d1] else 0
    order = list(range(len(shape)))[::-1]  # innermost first
    for i in range(1, len(order)):
        d1 = i
        for d0 in range(i - 1, -1, -1):
            comparison = should_swap(order[d0], order[d1])
            if comparison > 0:
                order[d0], order[d1] = order[d1], order[d0]
                d1 = d0
            elif comparison < 0:
                break
    result, step = [0] * len(shape), 1
    for dim in order:
        result[dim] = step
        step *= max(shape[dim], 1)
    return result


def copy_with_layout(values, like):
    """A copy of ``values`` laid out in memory as ``like`` is (PyTorch's ``preserve_format``, by which
    ``clone()`` and ``zeros_like()`` keep a transposed tensor transposed): the same strides if ``like`` is
    dense, else dense strides in the order of its dimensions in memory."""
    if like.flags.c_contiguous or like.ndim < 2 or like.size == 0 or any(s < 0 for s in like.strides):
        return np.array(values, order="C")
    strides = dense_strides(like) or _dense_strides_in_order_of(like.shape, like.strides)
    buffer = np.empty(like.size, dtype=values.dtype)
    out = np.lib.stride_tricks.as_strided(buffer, like.shape, [s * buffer.itemsize for s in strides])
    out[...] = values
    return out


class Clone(NumpyFunction):
    """A copy. ``x.clone()`` keeps x's layout (PyTorch's ``preserve_format``); ``contiguous()`` and
    ``reshape`` clone into C order."""

    node_name = "CloneBackward0"

    @staticmethod
    def forward(ctx, x, contiguous=False):
        return np.array(x, order="C") if contiguous else copy_with_layout(x, x)

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


# ----- the out-of-place halves of in-place operations (``autograd/inplace.py`` writes them back) -----
class Fill(NumpyFunction):
    """``x.fill_(value)``: every element becomes ``value``, so no gradient flows back to x."""

    node_name = "FillBackward2"

    @staticmethod
    def forward(ctx, x, value, zero=False):
        return np.full_like(x, value)

    @staticmethod
    def backward(ctx, grad):
        return Tensor._make(np.zeros_like(grad._data))  # zeros (not grad * 0, which is nan where grad is inf)


class Zero(Fill):
    node_name = "ZeroBackward0"


class FillTensor(NumpyFunction):
    """``x.fill_(value)`` with a 0-d tensor ``value`` (also ``x[i] = value``): every element's gradient
    goes to the one value."""

    node_name = "FillBackward3"

    @staticmethod
    def forward(ctx, x, value):
        if value.ndim:
            raise RuntimeError(f"fill_ only supports 0-dimension value tensor but got tensor with {value.ndim} "
                               "dimensions.")
        return np.full_like(x, value)

    @staticmethod
    def backward(ctx, grad):
        grad_x = Tensor._make(np.zeros_like(grad._data)) if ctx.needs_input_grad[0] else None
        return grad_x, (grad.sum() if ctx.needs_input_grad[1] else None)


class Copy(NumpyFunction):
    """``x.copy_(src)``: x's old values are gone (no gradient); src's gradient is the incoming one."""

    node_name = "CopyBackwards"

    @staticmethod
    def forward(ctx, x, src):
        if src.shape != x.shape:
            _check_expand(src.shape, x.shape)
        return np.broadcast_to(src.astype(x.dtype, copy=False), x.shape).copy()

    @staticmethod
    def backward(ctx, grad):  # src's gradient is summed to its shape (and cast to its dtype) by the engine
        return (Tensor._make(np.zeros_like(grad._data)) if ctx.needs_input_grad[0] else None), grad


def _check_expand(shape, target):
    for i in range(1, len(shape) + 1):
        n, m = shape[-i], target[-i] if i <= len(target) else None
        if m is None or (n != m and n != 1):
            raise RuntimeError(f"The size of tensor a ({target[-i] if i <= len(target) else 1}) must match the "
                               f"size of tensor b ({n}) at non-singleton dimension {max(len(target) - i, 0)}")


class MaskedFill(NumpyFunction):
    """``x.masked_fill(mask, value)``: ``value`` where mask is True; the gradient passes elsewhere."""

    node_name = "MaskedFillBackward0"
    saved_names = ("mask",)

    @staticmethod
    def forward(ctx, x, mask, value):
        ctx.save_for_backward(mask)
        return np.where(mask, np.asarray(value, dtype=x.dtype), x)

    @staticmethod
    def backward(ctx, grad):
        (mask,) = ctx.saved_tensors
        return grad.masked_fill(mask, 0)  # as PyTorch: MaskedFillBackward0 again when recorded


class MaskedFillTensor(NumpyFunction):
    """``x.masked_fill(mask, value)`` with a 0-d tensor ``value``: it gets the gradient of every element it filled."""

    node_name = "MaskedFillBackward1"
    saved_names = ("mask",)

    @staticmethod
    def forward(ctx, x, value, mask):
        ctx.save_for_backward(mask)
        return np.where(mask, value.astype(x.dtype), x)

    @staticmethod
    def backward(ctx, grad):
        (mask,) = ctx.saved_tensors
        grad_x = grad.masked_fill(mask, 0) if ctx.needs_input_grad[0] else None
        grad_value = grad[mask.expand(grad.shape)].sum() if ctx.needs_input_grad[1] else None
        return grad_x, grad_value


class IndexPutValues(NumpyFunction):
    """``x[indices] = values`` with lists, tensors or masks as indices (PyTorch's ``index_put_``)."""

    node_name = "IndexPutBackward0"

    @staticmethod
    def forward(ctx, x, values, key):
        ctx.key = key
        out = x.copy()
        out[key] = values
        written = np.zeros(x.shape, dtype=bool)
        written[key] = True
        ctx.save_for_backward(written)
        return out

    @staticmethod
    def backward(ctx, grad):  # overwritten elements get no gradient; the values get theirs
        (written,) = ctx.saved_tensors
        grad_x = MaskedFill.apply(grad, mask=written._data, value=0) if ctx.needs_input_grad[0] else None
        grad_values = Index.apply(grad, key=ctx.key) if ctx.needs_input_grad[1] else None
        return grad_x, grad_values
