"""Layer 3: ``t[key]`` and ``t[key] = value``, as PyTorch does them.

PyTorch reads an index from left to right and applies one view operation per item, so the graph of
``t[1, None, 2:]`` is a chain of nodes, the last item's on top:

    int      -> select    (SelectBackward0; the dimension disappears)
    slice    -> slice     (SliceBackward0; skipped inside a tuple when it is the whole range ``:``)
    None     -> unsqueeze (UnsqueezeBackward0; a new dimension of size 1)
    ...      -> skips the dimensions the other items do not name
    True/False -> unsqueeze, then an index with ``[0]`` / ``[]`` (an empty or one-element result)

Lists, tensors and masks are collected on the way and applied last, all at once, by one ``index``
(IndexBackward0): that result is a copy, the others are views. A lone ``t[:]`` is always a slice; a
tuple that changes nothing (``t[:, :]``) is an alias (AliasBackward0).

Assignment picks out the same view and writes into it: ``t[1:] = v`` is ``t[1:].copy_(v)`` (a
0-d value fills: ``fill_``), so the write goes to ``t`` through its view (CopySlices). With lists,
tensors or masks it is ``index_put_`` on what the basic items picked out.
"""
import warnings

import numpy as np

from ..autograd.inplace import _overlaps, apply_in_place
from ..tensor import Tensor
from . import shape as shape_ops
from ._util import as_tensor_like

_SEQUENCE_AS_TUPLE = (
    "Using a non-tuple sequence for multidimensional indexing is deprecated and will be changed in pytorch "
    "2.9; use x[tuple(seq)] instead of x[seq]. In pytorch 2.9 this will be interpreted as tensor index, "
    "x[torch.tensor(seq)], which will result either in an error or a different result")



def warn_if_expanded(t, operation, example):
    """PyTorch still lets index_put_ and masked_fill_ write into a tensor whose elements share memory
    (after ``expand``), with a deprecation warning. True if ``t`` is such a tensor."""
    if not _overlaps(t._data):
        return False
    warnings.warn(f"Use of {operation} on expanded tensors is deprecated. Please clone() the tensor before "
                  f"performing this operation. This also applies to advanced indexing e.g. {example}",
                  UserWarning, stacklevel=4)
    return True


# ----- reading: t[key] ---------------------------------------------------------------------------
def getitem(x, key):
    if key is None:
        return shape_ops.Unsqueeze.apply(x, dim=0)
    if key is Ellipsis:
        return shape_ops.Alias.apply(x)
    if _is_int(key):
        return _select_single(x, key)
    if isinstance(key, slice):
        return _slice(_no_slice_of_0d(x), 0, key, skip_full=False)  # a lone slice always slices
    result, indices = _apply_basic(x, _as_tuple(key))
    if indices:
        return shape_ops.Index.apply(result, key=_advanced_key(result, indices))
    return shape_ops.Alias.apply(x) if result is x else result


def _apply_basic(x, items):
    """Apply the items that make views (ints, slices, None, ..., bools) in turn; return the view and
    the lists/tensors/masks met on the way, as (dimension of the view, array)."""
    items = [_as_index(item) for item in items]
    specified = sum(_dims_named(item) for item in items)
    if specified > x.ndim:
        raise IndexError(f"too many indices for tensor of dimension {x.ndim}")
    result, dim, indices = x, 0, []  # dim: where the next item applies in the view made so far
    for position, item in enumerate(items):  # (an error names the item's position in the index)
        if item is None:
            result = shape_ops.Unsqueeze.apply(result, dim=dim)
            dim += 1
        elif item is Ellipsis:
            dim += x.ndim - specified
        elif _is_bool(item):  # True keeps everything, False nothing: an index over a new dimension of size 1
            result = shape_ops.Unsqueeze.apply(result, dim=dim)
            indices.append((dim, np.zeros(1 if item else 0, dtype=np.int64)))
            dim += 1
        elif _is_int(item):
            result = _select(result, dim, int(item), position)
        elif isinstance(item, slice):
            result = _slice(result, dim, item, skip_full=True)
            dim += 1
        elif isinstance(item, np.ndarray):
            indices.append((dim, item))
            dim += item.ndim if item.dtype == np.bool_ else 1
        else:
            _bad_index(item)
    return result, indices


def _as_tuple(key):
    """PyTorch's rule (from NumPy) for a sequence as an index: a list (or a string) of fewer than 32 items
    holding a sequence (a list, a tensor, a string ...), a slice, None or ... is read as a tuple of indices,
    with a deprecation warning; otherwise it is one index tensor. (So ``x['a']`` warns, then fails.)"""
    if isinstance(key, tuple):
        return key
    if isinstance(key, (list, str)) and len(key) < 32 and any(
            isinstance(k, (list, tuple, str, bytes, range, Tensor, np.ndarray, slice)) or k is None or k is Ellipsis
            for k in key):
        warnings.warn(_SEQUENCE_AS_TUPLE, UserWarning, stacklevel=3)
        return tuple(key)
    return (key,)


def _as_index(item):
    """Tensors and lists become arrays; a 0-d integer tensor is a number, a 0-d mask a bool."""
    if isinstance(item, Tensor):
        item = item._data
    if isinstance(item, (list, tuple, range)):
        item = np.asarray(item) if len(item) else np.zeros(0, dtype=np.int64)
    if isinstance(item, np.ndarray):
        if item.ndim == 0 and item.dtype.kind in "iub":
            return item.item() if item.dtype != np.bool_ else bool(item)
        if item.dtype.kind == "f":
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
    return item


def _dims_named(item):
    """How many of the tensor's dimensions an index item uses up."""
    if item is None or item is Ellipsis or _is_bool(item):
        return 0
    if isinstance(item, np.ndarray) and item.dtype == np.bool_:
        return item.ndim
    return 1


def _is_bool(item):
    return isinstance(item, (bool, np.bool_))


def _is_int(item):
    return isinstance(item, (int, np.integer)) and not _is_bool(item)


def _bad_index(item):
    if isinstance(item, (str, bytes)):
        raise TypeError(f"new(): invalid data type '{type(item).__name__}'")
    raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid "
                     f"indices (got {type(item).__name__})")


def _select_single(x, index):
    """``t[i]``: on a 0-d tensor only ``t[0]`` gets its own message."""
    if x.ndim == 0:
        if index == 0:
            raise IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` "
                             "in C++ to convert a 0-dim tensor to a number")
        raise IndexError(f"index {index} is out of bounds for dimension 0 with size 0")
    return _select(x, 0, index, position=0)


def _select(x, dim, index, position):
    size = x.shape[dim]
    if not -size <= index < size:
        raise IndexError(f"index {index} is out of bounds for dimension {position} with size {size}")
    return shape_ops.Select.apply(x, key=(slice(None),) * dim + (index, Ellipsis))


def _no_slice_of_0d(x):
    if x.ndim == 0:
        raise IndexError("slice() cannot be applied to a 0-dim tensor.")
    return x


def _slice(x, dim, item, skip_full):
    if item.step is not None and item.step == 0:
        raise ValueError("slice step cannot be zero")
    if item.step is not None and item.step < 0:
        raise ValueError("step must be greater than zero")
    whole = (item.start is None or item.start == 0) and (item.stop is None or item.stop >= x.shape[dim]) and \
        (item.step is None or item.step == 1)
    if whole and skip_full:
        return x  # ``:`` inside a tuple changes nothing, and PyTorch records nothing for it
    return shape_ops.Slice.apply(x, key=(slice(None),) * dim + (item, Ellipsis))


def _advanced_key(x, indices):
    """One NumPy key for the collected lists/tensors/masks (``:`` elsewhere), with PyTorch's checks."""
    key = [slice(None)] * (indices[-1][0] + 1)
    for dim, array in indices:
        if array.dtype == np.bool_:
            mask_shape, target = list(array.shape), list(x.shape[dim:dim + array.ndim])
            if mask_shape != target:
                bad = next(i for i, (m, n) in enumerate(zip(mask_shape, target + [None] * array.ndim)) if m != n)
                raise IndexError(f"The shape of the mask {mask_shape} at index {bad} does not match the shape of "
                                 f"the indexed tensor {list(x.shape)} at index {dim + bad}")
        elif array.size:
            size = x.shape[dim]
            bad = array[(array >= size) | (array < -size)]
            if bad.size:
                raise IndexError(f"index {bad.flat[0]} is out of bounds for dimension {dim} with size {size}")
        key[dim] = array
    return tuple(key)


# ----- writing: t[key] = value -------------------------------------------------------------------
def setitem(x, key, value):
    value = _value_tensor(x, value)
    if key is False:
        return  # selects nothing: nothing to write
    if key is Ellipsis:
        return _copy_to(x, value)
    if key is None:
        return _copy_to(shape_ops.Unsqueeze.apply(x, dim=0), value)
    if _is_int(key):
        return _copy_to(_select_single(x, key), value)
    if isinstance(key, slice):
        return _copy_to(_slice(_no_slice_of_0d(x), 0, key, skip_full=True), value)
    target, indices = _apply_basic(x, _as_tuple(key))
    if not indices:
        return _copy_to(target, value)
    if value._data.dtype != target._data.dtype:
        raise RuntimeError(f"Index put requires the source and destination dtypes match, got {_kind(target)} for "
                           f"the destination and {_kind(value)} for the source.")
    value = _without_leading_ones(value)
    key = _advanced_key(target, indices)
    if warn_if_expanded(target, "index_put_", "tensor[indices] = tensor"):  # PyTorch's index_put_ calls
        if len(indices) == 1 and indices[0][1].dtype == np.bool_ and value.ndim == 0:  # masked_fill_ here
            warn_if_expanded(target, "masked_fill_", "tensor[mask] = scalar")
    picked = np.empty(target.shape, dtype=np.int8)[key].shape
    if not _broadcasts(value.shape, picked):
        raise RuntimeError(f"shape mismatch: value tensor of shape {list(value.shape)} cannot be broadcast to "
                           f"indexing result of shape {list(picked)}")
    apply_in_place(target, lambda before: shape_ops.IndexPutValues.apply(before, value, key=key), value,
                   allow_overlap=True)


def _value_tensor(x, value):
    """A number (or array) becomes a tensor of x's dtype; a tensor stays as it is."""
    if isinstance(value, (list, tuple)):
        raise TypeError(f"can't assign a {type(value).__name__} to a torch.{_kind(x)}Tensor")
    if isinstance(value, Tensor):
        return value
    value = as_tensor_like(value, x)
    return value if value._data.dtype == x._data.dtype else Tensor._make(value._data.astype(x._data.dtype))


def _copy_to(target, value):
    """PyTorch's ``copy_to``: copy when the shapes agree, fill with a 0-d value, else broadcast first."""
    if value._data.dtype != target._data.dtype and (value.ndim or value._requires_grad):
        value = value.to(target.dtype)  # recorded (ToCopyBackward0), as PyTorch does
    if target.shape == value.shape:
        apply_in_place(target, lambda before: shape_ops.Copy.apply(before, value), value)
    elif value.ndim == 0:
        apply_in_place(target, lambda before: shape_ops.FillTensor.apply(before, value), value)
    else:
        value = _without_leading_ones(value)
        if value.shape != target.shape:
            value = value.expand(*target.shape)
        apply_in_place(target, lambda before: shape_ops.Copy.apply(before, value), value)


def _without_leading_ones(value):
    """PyTorch first views a value of shape [1, 1, 3] as [3] (recorded: ViewBackward0)."""
    shape = tuple(value.shape)
    while shape and shape[0] == 1:
        shape = shape[1:]
    return value if shape == tuple(value.shape) else shape_ops.View.apply(value, shape=shape)


def _broadcasts(shape, target):
    return len(shape) <= len(target) and all(n in (1, m) for n, m in zip(reversed(shape), reversed(target)))


def _kind(t):
    names = {"float32": "Float", "float64": "Double", "int64": "Long", "int32": "Int", "bool": "Bool",
             "uint8": "Byte", "float16": "Half", "int16": "Short", "int8": "Char"}
    return names.get(t._data.dtype.name, t._data.dtype.name)
