"""Layer 2: in-place changes, recorded as PyTorch records them.

``y.exp_()`` computes ``exp(y)`` out of place (recording an ``ExpBackward0`` node as usual), writes the
numbers back into ``y``'s memory and bumps ``y``'s version; ``y`` then stands where the result would
have been in the graph. Nodes that saved ``y`` before the change see the new version and refuse to
run backward with the wrong numbers.

When ``y`` is a *view* (``v = b[:2]``, ``b.t()``, ``b.view(...)``), the numbers change in the base ``b``
too, so the graph of ``b`` changes: ``b.grad_fn`` becomes ``CopySlices``, which sends the gradient of
the changed region through the in-place node and the rest of it to ``b``'s old history. ``t[i] = v``
is exactly this: ``t[i].copy_(v)``.
"""
import weakref

import numpy as np
from numpy.lib.stride_tricks import as_strided

from .. import _dtype
from ..tensor import IN_PLACE_ON_LEAF, Tensor
from .function import Node
from .grad_mode import is_grad_enabled, no_grad


def check_in_place(t):
    """PyTorch refuses to change a leaf that requires grad (or a view of one) while recording."""
    if not is_grad_enabled():
        return
    if t._requires_grad and t.grad_fn is None and t._base is None:
        raise RuntimeError(IN_PLACE_ON_LEAF)
    base = t._base
    if base is not None and base._requires_grad and base.grad_fn is None:
        raise RuntimeError("a view of " + IN_PLACE_ON_LEAF)


def apply_in_place(t, compute, *others):
    """Change ``t`` in place to ``compute(t)``; ``others`` are the other tensor inputs of the operation."""
    check_in_place(t)
    recording = is_grad_enabled() and (t._requires_grad or any(o._requires_grad for o in others))
    if not recording:
        with no_grad():
            result = compute(t)
        _write(t, result)
        t._version += 1
        base = t._base
        if base is not None and t._requires_grad and base._requires_grad:
            # PyTorch regenerates the history of a view changed in place, even under no_grad
            t.grad_fn, t._output_nr = AsStridedBackward0(_node_of(base), base, t, base._output_nr), 0
        return t
    # The old values as a tensor of their own (a copy: the numbers in t are about to change).
    before = Tensor._make(t._data.copy(), t._requires_grad, t.grad_fn)
    before._output_nr = t._output_nr
    if t.grad_fn is None and t._requires_grad:
        before._accumulator = t._grad_accumulator()
    result = compute(before)
    _write(t, result)
    t._version += 1
    node = result.grad_fn
    for saved in node._saved or ():  # a saved result is now t itself, at its new version
        if saved is not None and saved.is_output:
            saved.vc, saved.version, saved.ref = t._vc, t._vc[0], weakref.ref(t)
    if t._base is None:
        t.grad_fn, t._requires_grad, t._output_nr = node, True, result._output_nr
        node._output_ref = weakref.ref(t)
        return t
    base = t._base
    copy_slices = CopySlices(base, t, node)
    base.grad_fn, base._requires_grad, base._output_nr = copy_slices, True, 0
    copy_slices._output_ref = weakref.ref(base)
    t.grad_fn, t._requires_grad, t._output_nr = AsStridedBackward0(copy_slices, base, t), True, 0
    return t


def _node_of(t):
    return t.grad_fn if t.grad_fn is not None else t._grad_accumulator()


def _write(t, result):
    if result._data.shape != t._data.shape:
        if result._data.ndim > t._data.ndim or not _broadcasts(result._data.shape, t._data.shape):
            raise RuntimeError(f"output with shape {list(t._data.shape)} doesn't match the broadcast shape "
                               f"{list(np.broadcast_shapes(result._data.shape, t._data.shape))}")
    _dtype.check_cast(result._data.dtype, t._data.dtype)
    if not t._data.flags.writeable:  # an expanded tensor: several elements share one memory location
        raise RuntimeError("unsupported operation: more than one element of the written-to tensor refers to a "
                           "single memory location. Please clone() the tensor before performing the operation.")
    np.copyto(t._data, result._data, casting="unsafe")


def _broadcasts(shape, target):
    return all(n == m or n == 1 for n, m in zip(reversed(shape), reversed(target)))


class _Region:
    """Where a view's elements sit inside its (contiguous) base: an offset and strides, so that the
    same region can be picked out of a gradient of the base's shape."""

    def __init__(self, base, view):
        b, v = base._data, view._data
        if not b.flags.c_contiguous:
            raise NotImplementedError("minigrad records in-place changes of views of contiguous tensors only")
        self.base_shape, self.dtype = b.shape, b.dtype
        self.offset = (v.__array_interface__["data"][0] - b.__array_interface__["data"][0]) // b.itemsize
        self.shape, self.strides = v.shape, tuple(s // v.itemsize * b.itemsize for s in v.strides)

    def of(self, array):
        """The region inside ``array`` (C-contiguous, of the base's shape and dtype), as a NumPy view."""
        return as_strided(array.reshape(-1)[self.offset:], self.shape, self.strides)


class CopySlices(Node):
    """The base's node after an in-place change of one of its views. Backward: the changed region's
    gradient goes through the in-place node ``fn`` (its first input is the region's old values,
    whose gradient goes back into the region); everything else goes to the base's old history."""

    def __init__(self, base, view, fn):
        self.fn = fn
        self.region = _Region(base, view)
        old = base.grad_fn or (base._grad_accumulator() if base._requires_grad else None)
        self.next_functions = ((old, base._output_nr),) + tuple(fn.next_functions[1:])

    def _backward(self, grad_outputs):
        grad = np.array(grad_outputs[0]._data, dtype=self.region.dtype, order="C")  # a copy we may change
        region = self.region.of(grad)
        fn_grads = self.fn._backward((Tensor._make(np.array(region)),))
        region[...] = 0 if fn_grads[0] is None else fn_grads[0]._data
        return (Tensor._make(grad),) + tuple(fn_grads[1:])

    def release(self):
        self.fn.release()


class AsStridedBackward0(Node):
    """The node of a view after an in-place change through it: its gradient lands in its region of
    a zero gradient for the base."""

    def __init__(self, base_node, base, view, output_nr=0):
        self.region = _Region(base, view)
        self.next_functions = ((base_node, output_nr),)

    def _backward(self, grad_outputs):
        grad = np.zeros(self.region.base_shape, dtype=self.region.dtype)
        self.region.of(grad)[...] = grad_outputs[0]._data
        return (Tensor._make(grad),)
