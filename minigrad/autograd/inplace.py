"""Layer 2: in-place changes, recorded as PyTorch records them.

``y.exp_()`` computes ``exp(y)`` out of place (recording an ``ExpBackward0`` node as usual), writes the
numbers back into ``y``'s memory and bumps ``y``'s version; ``y`` then stands where the result would
have been in the graph. Nodes that saved ``y`` before the change see the new version and refuse to
run backward with the wrong numbers.

When ``y`` is a *view* (``v = b[:2]``, ``b.t()``, ``b.view(...)``), the numbers change in the base ``b``
too, so the graph of ``b`` changes: ``b.grad_fn`` becomes ``CopySlices``, which sends the gradient of
the changed region through the in-place node and the rest of it to ``b``'s old history. ``t[i] = v``
is exactly this: ``t[i].copy_(v)``.

After any in-place change, every other view of the same memory has stale history too (its numbers
may have changed under it). PyTorch then gives such a view a new ``grad_fn``, ``AsStridedBackward0``:
"my numbers are this region of the base, whatever the base's history is now". It does so lazily, when the
view's ``grad_fn`` is next asked for (printed, used by an operation or by backward): a view remembers the
version of the memory its history was made at. So does minigrad (``Tensor.grad_fn``, ``renew_history``):
an in-place change costs the same however many views of the memory are alive.
"""
import warnings
import weakref
from functools import cached_property

import numpy as np

from .. import _dtype
from .._printing import tensor_repr
from ..tensor import (IN_PLACE_ON_LEAF, NON_LEAF_GRAD_WARNING, Tensor, inherit_requires_grad, is_no_grad_view,
                      live_views, made_by_multi_output, no_grad_view_version, set_own_requires_grad)
from .function import SECOND_BACKWARD, Node, _op_name
from .grad_mode import is_grad_enabled, no_grad

_NO_GRAD_VIEW_FORBIDDEN = (
    " Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving "
    "both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked)"
    " or both outside (if you want the inplace to be tracked).")
_MULTI_OUTPUT_FORBIDDEN = (
    " This view is the output of a function that returns multiple views. Such functions do not allow the output "
    "views to be modified inplace. You should replace the inplace operation by an out-of-place one.")


def no_grad_view_error(view, history, indirect=False):
    """PyTorch's refusal for a view made under no_grad (or made from one: it then has a history of its own), or
    a piece of split/chunk/unbind, that is changed in place (``indirect``: through its base or another view) with
    grad mode on."""
    changed = "its base or another view of its base has been" if indirect else "is being"
    if made_by_multi_output(view):
        made = ("A view was created in no_grad mode and" if history is None else
                f"Output {view._output_nr} of {_op_name(history)} is a view and")
        tail = " with grad mode enabled." if history is None else "."
        return RuntimeError(f"{made} {changed} modified inplace{tail}" + _MULTI_OUTPUT_FORBIDDEN)
    made = ("A view was created in" if history is None else
            f"Output {view._output_nr} of {_op_name(history)} is a view of a view which was created in")
    return RuntimeError(f"{made} no_grad mode and {changed} modified inplace with grad mode enabled."
                        + _NO_GRAD_VIEW_FORBIDDEN)


def renew_history(view):
    """The view's new history after its memory changed: AsStridedBackward0, from its base's current node.
    A view without history whose base needs no gradient keeps having none (and is looked at again later:
    its base may require grad by then). A view with a history of its own whose base needs no gradient
    gets a None edge."""
    if type(view) is NoGradView:
        return  # its history is refused from now on, not renewed (NoGradView.grad_fn)
    base = view._base
    if view._grad_fn is None and not base._requires_grad:
        return
    view._view_version = view._vc[0]
    base_node = None
    if base._requires_grad:
        base_node = base.grad_fn if base.grad_fn is not None else base._grad_accumulator()
    node = AsStridedBackward0(base_node, base, view, base._output_nr)
    node._output_ref = weakref.ref(view)  # (retain_grad() keeps working)
    view._grad_fn = node
    view._requires_grad, view._output_nr = True, 0


class NoGradView(Tensor):
    """A view made under no_grad (``with torch.no_grad(): v = x[:2]``), or made from such a view.

    Like PyTorch, minigrad records no history for it (it requires grad if its base does). Once its memory
    changes in place (through the base, another view, a detached alias or itself, in either grad mode),
    PyTorch cannot tell which history it should have, and refuses to guess: asking for its ``grad_fn``,
    directly or by using it in a recorded operation, raises, and printing it shows ``grad_fn=<Invalid>``.
    A view made from it in grad mode has a history, with the same refusal. Checks that read the history
    slot itself (``.grad``, ``retain_grad()``, ``requires_grad_()``) still see it, as PyTorch's C++ does."""

    __slots__ = ()

    @property
    def grad_fn(self):
        fn = self._grad_fn
        if (fn is not None or self._base._requires_grad) and self._vc[0] != no_grad_view_version(self):
            raise no_grad_view_error(self, fn, indirect=True)
        return fn

    @grad_fn.setter
    def grad_fn(self, fn):
        self._grad_fn = fn

    def __repr__(self):
        try:
            fn = self.grad_fn
        except RuntimeError:
            return tensor_repr(self._data, grad_fn_name="Invalid")
        return Tensor.__repr__(self) if fn is None else tensor_repr(self._data, grad_fn_name=type(fn).__name__)

    @property
    def grad(self):  # the leaf check reads the history slot: grad_fn may refuse to answer
        if self._grad_fn is not None and not self._retains_grad:
            warnings.warn(NON_LEAF_GRAD_WARNING, UserWarning, stacklevel=2)
        return self._grad

    grad = grad.setter(Tensor.grad.fset)

    @property
    def requires_grad(self):
        return self._requires_grad

    @requires_grad.setter
    def requires_grad(self, flag):
        if self._grad_fn is not None:
            Tensor.requires_grad.fset(self, flag)  # a history: the non-leaf error
        elif flag and not self.is_floating_point():
            raise RuntimeError("only Tensors of floating point and complex dtype can require gradients")
        else:
            set_own_requires_grad(self, bool(flag))

    def requires_grad_(self, requires_grad=True):
        if requires_grad and self._grad_fn is not None:
            return self
        self.requires_grad = requires_grad
        return self

    def retain_grad(self):
        if not self._requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if self._grad_fn is not None:
            self._retains_grad = True


def check_in_place(t, *others):
    """PyTorch refuses, while recording, to change a leaf that requires grad, a view of one, or a view made
    under no_grad (``others``: the operation's other tensor inputs)."""
    if not is_grad_enabled():
        return
    base = t._base
    if base is not None and is_no_grad_view(t) and (t._requires_grad or any(o._requires_grad for o in others)):
        raise no_grad_view_error(t, t._grad_fn)
    if base is not None and base.grad_fn is None and (t._requires_grad or base._requires_grad):
        raise RuntimeError("a view of " + IN_PLACE_ON_LEAF)  # (a view told requires_grad_() too)
    if t._requires_grad and t.grad_fn is None and base is None:
        raise RuntimeError(IN_PLACE_ON_LEAF)


def apply_in_place(t, compute, *others, cpp_type_names=False, allow_overlap=False):
    """Change ``t`` in place to ``compute(t)``; ``others`` are the other tensor inputs of the operation.
    ``cpp_type_names``: name t's dtype as C++ does in a casting error ("long int"), as clamp_ does.
    ``allow_overlap``: t may have elements sharing memory (PyTorch still lets index_put_ write there)."""
    check_in_place(t, *others)
    recording = is_grad_enabled() and (t._requires_grad or any(o._requires_grad for o in others))
    if not recording:
        with no_grad():
            result = compute(t)
        _write(t, result, cpp_type_names, allow_overlap)
        bump_version(t)
        return t
    # The old values as a tensor of their own (a copy: the numbers in t are about to change).
    before = Tensor._make(t._data.copy(), t._requires_grad, t.grad_fn)
    before._output_nr = t._output_nr
    if t.grad_fn is None and t._requires_grad:
        before._accumulator = t._grad_accumulator()
    result = compute(before)
    _write(t, result, cpp_type_names, allow_overlap)
    t._version += 1
    node = result.grad_fn
    base = t if t._base is None else t._base
    base_required_grad = base._requires_grad
    if t._base is None:
        t.grad_fn, t._requires_grad, t._output_nr = node, True, result._output_nr
        node._output_ref = weakref.ref(t)
    else:
        copy_slices = CopySlices(base, t, node)
        base.grad_fn, base._requires_grad, base._output_nr = copy_slices, True, 0
        copy_slices._output_ref = weakref.ref(base)
        renew_history(t)  # the changed view's new history at once, as PyTorch; the other views' when asked
    for saved in node._saved or ():  # a saved result is now t itself, at its new version
        if saved is not None and saved.is_output:
            saved.vc, saved.version, saved.ref = t._vc, t._vc[0], weakref.ref(t)
            if t._base is not None:  # PyTorch names the view's new node in a version error
                saved.named_by = weakref.ref(t._grad_fn)
    if not base_required_grad:
        views_require_grad(base)
    return t


def bump_version(t):
    """Count an in-place change of ``t``'s numbers made outside the graph (no_grad, or nothing requires grad).
    The views of the memory renew their history when next asked for it (``Tensor.grad_fn``)."""
    t._version += 1


def views_require_grad(base):
    """The base now requires grad (an in-place change with an input that does): so do its views without
    history (their history comes when asked for). Once per base, not at each in-place change."""
    for view in live_views(base):
        if view._grad_fn is None:
            inherit_requires_grad(view)


OVERLAPPING_WRITE = ("unsupported operation: more than one element of the written-to tensor refers to a single "
                     "memory location. Please clone() the tensor before performing the operation.")


def _write(t, result, cpp_type_names=False, allow_overlap=False):
    if result._data.shape != t._data.shape:
        if result._data.ndim > t._data.ndim or not _broadcasts(result._data.shape, t._data.shape):
            raise RuntimeError(f"output with shape {list(t._data.shape)} doesn't match the broadcast shape "
                               f"{list(np.broadcast_shapes(result._data.shape, t._data.shape))}")
    names = _dtype.c_type_name if cpp_type_names else _dtype.scalar_type_name
    _dtype.check_cast(result._data.dtype, t._data.dtype, names)
    overlaps = _overlaps(t._data)
    if (overlaps and not allow_overlap) or not t._data.flags.writeable:
        raise RuntimeError(OVERLAPPING_WRITE)
    if overlaps:  # write only the elements that change: the others share their memory with them
        changed = np.broadcast_to(result._data != t._data, t._data.shape)
        t._data[changed] = np.broadcast_to(result._data, t._data.shape)[changed]
        return
    np.copyto(t._data, result._data, casting="unsafe")


def _overlaps(array):
    """True if two elements share one memory location (a dimension of stride 0, as after ``expand``)."""
    return any(stride == 0 and n > 1 for n, stride in zip(array.shape, array.strides))


def _broadcasts(shape, target):
    return all(n == m or n == 1 for n, m in zip(reversed(shape), reversed(target)))


class _Region:
    """Where a view's elements sit inside its base: for each element of the view, the position (in C
    order) of the base element at the same memory address. Works for any layout of base and view."""

    def __init__(self, b, v):  # the base's array and the view's
        self.base_shape, self.dtype = b.shape, b.dtype
        start = v.__array_interface__["data"][0] - b.__array_interface__["data"][0]
        self._geometry = (b.shape, b.strides, b.itemsize, b.flags.c_contiguous, start, v.shape, v.strides)
        self._positions = None

    @property
    def positions(self):
        """Computed on first use (backward), not each time a view gets a new history."""
        if self._positions is None:
            base_shape, base_strides, itemsize, c_order, start, shape, strides = self._geometry
            addresses = start + _offsets(shape, strides)  # in bytes, from the base's first element
            if c_order:
                self._positions = addresses // itemsize
            else:
                base_addresses = _offsets(base_shape, base_strides).reshape(-1)
                order = np.argsort(base_addresses, kind="stable")
                self._positions = order[np.searchsorted(base_addresses[order], addresses)]
        return self._positions

    @cached_property
    def inside(self):
        """A mask of the base's shape: True in the region."""
        inside = np.zeros(self.base_shape, dtype=bool)
        inside.reshape(-1)[self.positions] = True
        return inside


def _offsets(shape, strides):
    """The byte offset of every element of an array with these shape and strides."""
    offsets = np.zeros(shape, dtype=np.int64)
    for dim, (n, stride) in enumerate(zip(shape, strides)):
        offsets += (np.arange(n, dtype=np.int64) * stride).reshape((-1,) + (1,) * (len(shape) - dim - 1))
    return offsets


class CopySlices(Node):
    """The base's node after an in-place change of one of its views. Backward: the changed region's
    gradient goes through the in-place node ``fn`` (its first input is the region's old values,
    whose gradient goes back into the region); everything else goes to the base's old history.
    Written with tensor operations, so that ``create_graph=True`` can differentiate it again."""

    def __init__(self, base, view, fn):
        self.fn = fn
        self.region = _Region(base._data, view._data)
        self.geometry = _geometries(base._data, view._data)
        self.view_overlaps = _overlaps(view._data)
        old = base.grad_fn or (base._grad_accumulator() if base._requires_grad else None)
        self.next_functions = ((old, base._output_nr),) + tuple(fn.next_functions[1:])

    def _backward(self, grad_outputs):
        from ..ops.elementwise import where
        if self.fn is None:  # freed by an earlier backward, even if fn itself saved nothing (as PyTorch)
            raise RuntimeError(SECOND_BACKWARD)
        if grad_outputs[0] is None:  # no gradient reached it (the engine still calls it, as PyTorch's)
            return (None,) * len(self.next_functions)
        if self.view_overlaps:  # PyTorch writes fn's gradient back through the view: into shared elements
            raise RuntimeError(OVERLAPPING_WRITE)
        grad, region = grad_outputs[0], self.region
        if grad._data.dtype != region.dtype:
            grad = grad.to(_dtype_of(region.dtype))
        if grad._requires_grad and self.geometry is not None:  # create_graph: the nodes PyTorch records
            return self._recorded_backward(grad)
        if not is_grad_enabled():  # nothing is recorded: the same steps as below, on arrays
            fn_grads = self.fn._backward((Tensor._make(_gather_array(grad._data, region)),))
            kept = grad._data if fn_grads[0] is None else _scatter_array(fn_grads[0]._data, region)
            return (Tensor._make(np.where(region.inside, kept, grad._data)),) + tuple(fn_grads[1:])
        fn_grads = self.fn._backward((_gather(grad, region),))
        if fn_grads[0] is None:
            grad_base = where(region.inside, 0.0, grad)
        else:  # the region's old values get fn's gradient for them; exact, no arithmetic with the rest
            grad_base = where(region.inside, _scatter(fn_grads[0], region), grad)
        return (grad_base,) + tuple(fn_grads[1:])

    def _recorded_backward(self, grad):
        """PyTorch's steps: copy the gradient into a new tensor laid out as the base (CopyBackwards), take
        the region through the view's geometry (AsStridedBackward0), run ``fn`` on a contiguous clone of it,
        write fn's gradient back into the region (CopySlices)."""
        from ..ops.shape import AsStrided, Clone
        (base_shape, base_strides, _), (shape, strides, offset) = self.geometry
        size = _storage_size(base_shape, base_strides, 0)
        memory = np.lib.stride_tricks.as_strided(np.empty(size, dtype=self.region.dtype), base_shape,
                                                 [s * self.region.dtype.itemsize for s in base_strides])
        result = Tensor._make(memory)
        result.copy_(grad)
        grad_slice = AsStrided.apply(result, size=shape, stride=strides, offset=offset)
        fn_grads = self.fn._backward((Clone.apply(grad_slice, contiguous=True),))
        first = fn_grads[0] if fn_grads[0] is not None else Tensor._make(np.zeros(shape, dtype=self.region.dtype))
        grad_slice.copy_(first)
        return (result,) + tuple(fn_grads[1:])

    def release(self):
        if self.fn is not None:
            self.fn.release()
        self.fn = None


class AsStridedBackward0(Node):
    """The node of a view after an in-place change of its memory: its gradient lands in its region of
    a zero gradient for the base."""

    def __init__(self, base_node, base, view, output_nr=0):
        # Where the view sits in its base is worked out on first use (backward), not each time the memory
        # changes: a tensor with many live views would otherwise pay for all of them at every in-place change.
        self._arrays = (base._data, view._data)
        self.next_functions = ((base_node, output_nr),)

    @cached_property
    def region(self):
        return _Region(*self._arrays)

    @cached_property
    def geometry(self):
        return _geometries(*self._arrays)

    def _backward(self, grad_outputs):
        grad = grad_outputs[0]
        if grad is None:  # no gradient reached it (the engine still calls it, as PyTorch's)
            return (None,)
        if grad._requires_grad and self.geometry is not None:  # create_graph: the nodes PyTorch records
            return (as_strided_backward(grad, *self.geometry),)
        if not is_grad_enabled():  # nothing is recorded: on arrays
            return (Tensor._make(_scatter_array(grad._data, self.region)),)
        return (_scatter(grad, self.region),)


def _geometries(base, view):
    """(shape, strides, offset) of the base and of the view, in elements from the base's first element;
    None where PyTorch has no such geometry (negative strides) or where views overlap (not recorded)."""
    itemsize = base.itemsize
    offset = view.__array_interface__["data"][0] - base.__array_interface__["data"][0]
    strides = base.strides + view.strides + (offset,)
    if any(s < 0 or s % itemsize for s in strides) or _overlaps(base) or _may_overlap(view):
        return None
    return ((base.shape, tuple(s // itemsize for s in base.strides), 0),
            (view.shape, tuple(s // itemsize for s in view.strides), offset // itemsize))


def _may_overlap(array):
    """PyTorch's test: could two elements share memory, leaving out dimensions of size 1 or stride 0?"""
    dims = sorted((s, n) for s, n in zip(array.strides, array.shape) if n > 1 and s > 0)
    reach = 0
    for stride, n in dims:
        if stride <= reach:
            return True
        reach += (n - 1) * stride
    return False


def as_strided_backward(grad, base_geometry, view_geometry):
    """PyTorch's gradient of ``base.as_strided(view geometry)``, in its steps: drop the view's dimensions
    of size 1 and sum those of stride 0 (an expand), copy the gradient into a zero storage through the
    view's geometry, read the storage through the base's geometry. Tensor operations: recorded under
    create_graph as PyTorch records them (CopySlices, AsStridedBackward0)."""
    from ..ops.shape import AsStrided
    (base_shape, base_strides, base_offset), (shape, strides, offset) = base_geometry, view_geometry
    if 0 in shape or 0 in base_shape:
        return Tensor._make(np.zeros(base_shape, dtype=grad._data.dtype))
    kept = []
    for dim in reversed(range(len(shape))):
        if shape[dim] == 1:
            grad = grad.squeeze(dim)
        elif strides[dim] == 0:
            grad = grad.sum(dim)
        else:
            kept.insert(0, dim)
    shape, strides = tuple(shape[d] for d in kept), tuple(strides[d] for d in kept)
    shared = min(base_offset, offset)
    base_offset, offset = base_offset - shared, offset - shared
    size = max(_storage_size(base_shape, base_strides, base_offset), _storage_size(shape, strides, offset))
    storage = Tensor._make(np.zeros(size, dtype=grad._data.dtype))
    AsStrided.apply(storage, size=shape, stride=strides, offset=offset).copy_(grad)
    return AsStrided.apply(storage, size=base_shape, stride=base_strides, offset=base_offset)


def _storage_size(shape, strides, offset):
    """How many elements a geometry reaches, from the storage's start."""
    return offset + 1 + sum((n - 1) * s for n, s in zip(shape, strides))


def _gather(grad, region):
    """The region's part of a gradient of the base's shape (recorded: indexing the flattened gradient)."""
    return grad.reshape(-1)[region.positions]


def _gather_array(grad, region):
    return grad.reshape(-1)[region.positions]


def _scatter_array(grad, region):
    flat = np.zeros(int(np.prod(region.base_shape)), dtype=region.dtype)
    np.add.at(flat, region.positions.reshape(-1), grad.astype(region.dtype, copy=False).reshape(-1))
    return flat.reshape(region.base_shape)


def _scatter(grad, region):
    """Zeros of the base's shape with ``grad`` added at the region (overlapping elements add up)."""
    from ..ops.shape import IndexPutImpl
    zeros = Tensor._make(np.zeros(int(np.prod(region.base_shape)), dtype=region.dtype))
    values = grad if grad._data.dtype == region.dtype else grad.to(_dtype_of(region.dtype))
    flat = IndexPutImpl.apply(zeros, values.reshape(-1), key=(region.positions.reshape(-1),))
    return flat.reshape(region.base_shape)


def _dtype_of(numpy_dtype):
    from .. import _dtype
    return _dtype.from_numpy_dtype(numpy_dtype)
