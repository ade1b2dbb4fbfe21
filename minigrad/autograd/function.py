"""Layer 2: functions and the graph they record, in PyTorch's own form.

An operation is a ``Function`` with two static methods:

* ``forward(ctx, *inputs)`` computes the result and stores on ``ctx`` what backward will need
  (``ctx.save_for_backward(x)`` for tensors, ``ctx.dim = dim`` for anything else);
* ``backward(ctx, *grad_outputs)`` gets the gradient of the final result with respect to each output
  and returns one gradient per input of forward (the chain rule: upstream gradient times local
  derivative), ``None`` for an input that needs none.

``F.apply(*inputs)`` runs forward and, when grad mode is on and some input requires grad, records a
node (the ``ctx`` that forward filled in) as the output's ``grad_fn``. Its ``next_functions`` point at
the nodes of the inputs: following them from a result leads back to the leaves. That is the graph.

minigrad's built-in operations are written the same way, as ``NumpyFunction``\\ s: their forward
receives the NumPy arrays inside the tensors (the numbers), their backward receives and returns
Tensors. Backward is written with tensor operations, so with ``create_graph=True`` it records a graph
of its own: that is what makes higher-order derivatives possible.
"""
import re
import sys
import weakref

import numpy as np

from .. import _dtype
from ..tensor import Tensor, is_no_grad_view, made_by_multi_output, mark_no_grad_view, remember_view
from .grad_mode import _GradMode, no_grad


class silent_numpy:
    """``with silent_numpy():`` computes x/0 = inf, log(0) = -inf, e^1000 = inf without NumPy's
    RuntimeWarnings, as PyTorch does. It is ``np.errstate(all="ignore")``, made cheap enough to run
    around every operation."""

    __slots__ = ("token",)

    def __enter__(self):
        self.token = None if numpy_errors.get() is SILENT else numpy_errors.set(SILENT)

    def __exit__(self, *exc_info):
        if self.token is not None:
            numpy_errors.reset(self.token)


try:  # NumPy 2 keeps its error state in a context variable: setting it costs ~0.2 microseconds
    from numpy._core._ufunc_config import _extobj_contextvar as numpy_errors

    with np.errstate(all="ignore"):
        SILENT = numpy_errors.get()
except ImportError:  # NumPy 1.x: the same three calls through np.seterr
    class _NumpyErrors:
        def get(self):
            return None

        def set(self, state):
            return np.seterr(**state)

        def reset(self, token):
            np.seterr(**token)

    numpy_errors, SILENT = _NumpyErrors(), {"all": "ignore"}


SECOND_BACKWARD = (
    "Trying to backward through the graph a second time (or directly access saved tensors after they "
    "have already been freed). Saved intermediate values of the graph are freed when you call "
    ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph "
    "a second time or if you need to access saved tensors after calling backward."
)


class Node:
    """A vertex of the backward graph. ``next_functions`` lead towards the inputs."""

    next_functions = ()
    _output_ref = None
    _pre_hooks = None
    _post_hooks = None
    _num_outputs = 1

    def name(self):
        # PyTorch's hand-written C++ nodes carry their namespace: torch::autograd::AccumulateGrad
        kind = type(self).__name__
        return f"torch::autograd::{kind}" if kind in _CPP_NODES else kind

    def __repr__(self):
        return f"<{type(self).__name__} object at {hex(id(self))}>"

    def __call__(self, *grad_outputs):
        """Run this node's backward on the given gradients, as ``y.grad_fn(g)`` does in PyTorch."""
        return self._backward(tuple(_as_tensor_grad(g) for g in grad_outputs))

    def _output(self):
        """The tensor this node produced, if it is still alive."""
        return self._output_ref() if self._output_ref is not None else None

    def release(self):
        """Free what was saved for backward (called after backward unless retain_graph)."""

    def register_prehook(self, hook):
        """``hook(grad_outputs)`` runs before this node's backward; it may return new gradients."""
        if self._pre_hooks is None:
            self._pre_hooks = []
        self._pre_hooks.append(hook)
        return _RemovableHandle(self._pre_hooks, hook)

    def register_hook(self, hook):
        """``hook(grad_inputs, grad_outputs)`` runs after this node's backward; it may return new grad_inputs."""
        if self._post_hooks is None:
            self._post_hooks = []
        self._post_hooks.append(hook)
        return _RemovableHandle(self._post_hooks, hook)


_CPP_NODES = {"AccumulateGrad", "CopyBackwards", "CopySlices", "NotImplemented"}


class _RemovableHandle:
    def __init__(self, hooks, hook):
        self._hooks, self._hook = hooks, hook

    def remove(self):
        if self._hook in self._hooks:
            self._hooks.remove(self._hook)


class AccumulateGrad(Node):
    """The node of a leaf that requires grad: backward adds the incoming gradient to ``leaf.grad``."""

    def __init__(self, variable):
        self._variable_ref = weakref.ref(variable)  # weak: the leaf owns its accumulator, not the reverse

    @property
    def variable(self):
        return self._variable_ref()

    def _backward(self, grads):
        self.accumulate(grads[0])
        return ()

    def accumulate(self, grad, keep_graph=False):
        leaf = self._variable_ref()
        if leaf is None or grad is None:  # the leaf is gone (nobody can read its gradient), or no gradient came
            return
        if grad._data.dtype != leaf._data.dtype:
            grad = Tensor._make(grad._data.astype(leaf._data.dtype))
        if leaf._grad is None:
            # A copy, unless nothing else holds these numbers (the same gradient may also have been sent
            # to another leaf). With create_graph the copy is recorded, as PyTorch does (CopyBackwards).
            if keep_graph:
                from ..ops.shape import Copy
                leaf._grad = Copy.apply(Tensor._make(np.empty_like(grad._data)), grad)
            elif _unshared(grad):
                leaf._grad = Tensor._make(grad._data)
            else:
                leaf._grad = Tensor._make(np.array(grad._data))
        elif keep_graph:
            leaf._grad = leaf._grad + grad
        else:
            leaf._grad._data += grad._data


def _unshared(grad):
    """True if only the backward pass holds ``grad`` and its memory: then the leaf may keep the array
    instead of a copy, as PyTorch's AccumulateGrad does (it checks the tensor's use count). Here the
    count is CPython's reference count. The tensor: the engine's list of gradients, ``accumulate``'s
    argument, ours and ``getrefcount``'s; its array: the tensor, our variable and ``getrefcount``; a base
    array it views: the view, our variable and ``getrefcount``. Anything more (another leaf, a hook, a
    saved tensor, the caller's own gradient) means a copy."""
    data = grad._data
    if not (_STEALING and grad._base is None and data.flags.c_contiguous and data.flags.writeable):
        return False  # (a view, a broadcast or a read-only gradient is always copied)
    if sys.getrefcount(grad) > 4 or sys.getrefcount(data) > 3:
        return False
    base = data.base
    while base is not None:
        if not isinstance(base, np.ndarray) or sys.getrefcount(base) > 3:
            return False
        base = base.base
    return True


# Python 3.14 counts references differently (borrowed references on the stack): copy there.
_STEALING = sys.implementation.name == "cpython" and sys.version_info < (3, 14)


class _SavedTensor:
    """What ``save_for_backward`` keeps of one tensor: the tensor (an input) or, for an output, only its
    numbers, so that the node does not keep its own output alive (no reference cycle); and the version
    the tensor had, to detect in-place changes made after saving."""

    __slots__ = ("tensor", "data", "vc", "version", "requires_grad", "is_output", "ref", "named_by")

    def __init__(self, tensor, is_output):
        self.is_output = is_output
        self.named_by = None  # (a result changed in place on a view: a weak reference to the view's new node)
        self.vc = tensor._vc
        self.version = tensor._vc[0]
        if is_output:
            self.tensor = None
            self.data = tensor._data
            self.requires_grad = tensor._requires_grad
            self.ref = weakref.ref(tensor)  # only to name it in the error message
        else:
            self.tensor = tensor

    def unpack(self, node):
        if self.vc[0] != self.version:
            _raise_version_error(self, node)
        if not self.is_output:
            return self.tensor
        t = Tensor._make(self.data, self.requires_grad, node if self.requires_grad else None)
        t._vc = self.vc
        return t


class BackwardNode(Node):
    """The node ``F.apply`` records; it is also the ``ctx`` that forward and backward receive."""

    _forward_cls = None
    _saved = None          # list of _SavedTensor, or None once freed
    _to_save = ()
    _released = False
    _held = ()
    _non_differentiable = ()
    materialize_grads = True
    inputs = None          # the tensor inputs (for drawing graphs), until backward frees them
    _input_meta = ()       # (position, shape, dtype) of each tensor input
    _num_outputs = 1

    # ---- what forward may call -----------------------------------------------------------------
    def save_for_backward(self, *tensors):
        self._to_save = tensors

    def mark_non_differentiable(self, *outputs):
        self._non_differentiable = outputs

    def set_materialize_grads(self, value):
        self.materialize_grads = bool(value)

    def mark_dirty(self, *tensors):
        pass

    # ---- what backward may use -----------------------------------------------------------------
    @property
    def saved_tensors(self):
        """The saved tensors, checked against in-place changes and against a freed graph."""
        if self._released:
            raise RuntimeError(SECOND_BACKWARD)
        if self._saved is None:
            return tuple(self._to_save)  # forward did not run through apply (a direct call)
        return tuple([None if s is None else s.unpack(self) for s in self._saved])

    def __getattr__(self, name):
        # y.grad_fn._saved_self, _saved_other, _saved_result ...: the saved tensors by PyTorch's names
        if name.startswith("_saved_"):
            names = getattr(self._forward_cls, "saved_names", ())
            if name[7:] in names:
                position = names.index(name[7:])
                if self._released and position < len(self._held) and not self._held[position]:
                    return None  # nothing was saved there: PyTorch shows None even after backward
                return self.saved_tensors[position]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __dir__(self):
        names = getattr(self._forward_cls, "saved_names", ())
        return sorted(set(super().__dir__()) | {f"_saved_{name}" for name in names})

    def __repr__(self):
        if self._forward_cls.node_name is None:  # a Function written by the user
            return f"<torch.autograd.function.{self.name()} object at {hex(id(self))}>"
        return super().__repr__()

    def _backward(self, grad_outputs):
        if grad_outputs[0] is None or self._num_outputs > 1:  # a gradient may be missing (rare)
            grad_outputs = self._fill_missing(grad_outputs)
            if grad_outputs is None:
                return (None,) * len(self._input_meta)  # no gradient in, none out
        grads = self._forward_cls.backward(self, *grad_outputs)
        return self._check_grads(grads if isinstance(grads, tuple) else (grads,))

    def _fill_missing(self, grad_outputs):
        """No gradient reached some output. A built-in node that got none at all gives none (None); otherwise
        a missing gradient becomes zeros, unless the Function said ``set_materialize_grads(False)``."""
        if self._forward_cls.node_name is not None and all(g is None for g in grad_outputs):
            if self._released and any(self._held):  # PyTorch's nodes read their saved tensors first
                raise RuntimeError(SECOND_BACKWARD)
            return None
        if self.materialize_grads and any(g is None for g in grad_outputs):
            grad_outputs = tuple(Tensor._make(np.zeros(*meta)) if g is None and meta is not None else g
                                 for g, meta in zip(grad_outputs, self._output_meta))
        return grad_outputs

    def _check_grads(self, grads):
        """PyTorch's checks on what backward returned; a broadcast gradient is summed to the input's shape."""
        expected = len(self.needs_input_grad)
        if len(grads) != expected and not (len(grads) > expected and all(g is None for g in grads[expected:])):
            raise RuntimeError(f"function {self.name()} returned an incorrect number of gradients "
                               f"(expected {expected}, got {len(grads)})")
        result = []
        for position, shape, dtype in self._input_meta:
            g = grads[position]
            if g is not None:
                if not isinstance(g, Tensor):
                    raise TypeError(f"function {self.name()} returned a gradient of type {type(g).__name__} "
                                    f"at index {position}, expected a Tensor or None")
                if g._data.shape != shape or g._data.dtype != dtype:
                    g = self._conform(g, position, shape, dtype)
            result.append(g)
        return tuple(result)

    def _conform(self, g, position, shape, dtype):
        """A gradient broadcast to a bigger shape is summed back to the input's; its dtype becomes the input's."""
        if g._data.shape != shape:
            if not _expandable(shape, g._data.shape):
                raise RuntimeError(f"Function {self.name()} returned an invalid gradient at index {position} - "
                                   f"got {list(g._data.shape)} but expected shape compatible with {list(shape)}")
            from ..ops._util import sum_to
            g = sum_to(g, shape)
        if g._data.dtype != dtype:
            g = g.to(_dtype_of(dtype))
        return g

    def release(self):
        if self._saved:  # which slots held a tensor (an empty one still shows as None)
            self._held = [s is not None for s in self._saved]
        self._saved = None
        self._released = True
        self.inputs = None


def _expandable(shape, grad_shape):
    """True if ``shape`` broadcasts to ``grad_shape`` (so the gradient can be summed back to it)."""
    if len(shape) > len(grad_shape):
        return False
    return all(n == m or n == 1 for n, m in zip(reversed(shape), reversed(grad_shape)))


def _dtype_of(numpy_dtype):
    from .. import _dtype
    return _dtype.from_numpy_dtype(numpy_dtype)


class Function:
    """Base class of an operation with its own backward, as ``torch.autograd.Function``.

    ``node_name`` is the name PyTorch gives a built-in node (``MulBackward0``); a Function a user
    writes gets a node named ``<ClassName>Backward``, as in PyTorch. ``saved_names`` names the saved
    tensors (``("self", "other")`` makes ``grad_fn._saved_self`` work).
    """

    node_name = None
    saved_names = ()
    _forward_on_arrays = False
    _is_view = False  # True for operations whose result may share memory with their first input

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "node_name" not in cls.__dict__:
            cls.node_name = None
        name = cls.node_name or f"{cls.__name__}Backward"
        cls._backward_cls = type(name, (BackwardNode,), {"_forward_cls": cls, "__module__": cls.__module__})
        cls._uses_setup_context = cls.setup_context is not Function.setup_context

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom autograd.Function.")

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError("You must implement either the backward or vjp method for your custom "
                                  "autograd.Function to use it with backward mode AD.")

    @classmethod
    def apply(cls, *args, **kwargs):
        """Run forward on ``args`` and, if some input requires grad (and grad mode is on), record the node."""
        ctx = cls._backward_cls()
        needs_input_grad, arrays = [], []  # per input: does it require grad? what a NumpyFunction's forward gets
        for a in args:
            if isinstance(a, Tensor):
                needs_input_grad.append(a._requires_grad)
                arrays.append(a._data)
            else:
                needs_input_grad.append(False)
                arrays.append(a)
        ctx.needs_input_grad = needs_input_grad = tuple(needs_input_grad)
        # x/0 = inf, log(0) = -inf ... silently, as in PyTorch (unless already silent: inside backward)
        silent = None if numpy_errors.get() is SILENT else numpy_errors.set(SILENT)
        try:
            if cls._forward_on_arrays:
                options = kwargs  # never differentiated, but may be tensors (a loss's target): forward gets arrays
                for value in kwargs.values():
                    if isinstance(value, Tensor):
                        _check_not_differentiated(kwargs)
                        options = {k: v._data if isinstance(v, Tensor) else v for k, v in kwargs.items()}
                        break
                output = cls.forward(ctx, *arrays, **options)
            else:
                with no_grad():
                    if cls._uses_setup_context:
                        output = cls.forward(*args, **kwargs)
                        cls.setup_context(ctx, args, output)
                    else:
                        output = cls.forward(ctx, *args, **kwargs)
        finally:
            if silent is not None:
                numpy_errors.reset(silent)
        if type(output) is np.ndarray:  # the common case, one array: wrapped without the general path
            raw, outputs = (output,), (Tensor._make(output),)
        else:
            raw = output if type(output) is tuple else (output,)
            outputs = tuple([_wrap(o, args) for o in raw])
        if cls._is_view:
            _mark_view(outputs[0], args[0])
        if True in needs_input_grad and _GradMode.enabled:
            _record(ctx, args, outputs, raw, kwargs)
        return outputs if type(output) is tuple else outputs[0]


class NumpyFunction(Function):
    """A built-in operation: ``apply`` hands forward the NumPy arrays inside the tensors, so forward
    computes with NumPy; whatever forward saves comes back to backward as Tensors. Everything else is
    as in ``Function``."""

    _forward_on_arrays = True


def _check_not_differentiated(options):
    """An option that is a tensor requiring grad would silently get no gradient: refuse, as PyTorch does for
    an input whose derivative it does not implement."""
    if _GradMode.enabled:
        for name, value in options.items():
            if isinstance(value, Tensor) and value._requires_grad:
                raise RuntimeError(f"the derivative for '{name}' is not implemented.")


def _mark_view(out, base):
    """A view shares its base's memory and version counter, and remembers the base (``out._base``)."""
    view, data = out._data, base._data
    owner = view.base  # NumPy gives a view the array that owns the memory as its base
    if view is data or (owner is not None and (owner is data or owner is data.base or np.may_share_memory(view, data))):
        out._base = base._base if base._base is not None else base
        out._vc = base._vc
        remember_view(out)
        if is_no_grad_view(base):  # made from a view made under no_grad (or a piece of split): the same
            mark_no_grad_view(out, made_by_multi_output(base))  # (PyTorch's creation_meta)
        elif not _GradMode.enabled and view.dtype.kind == "f":
            mark_no_grad_view(out)  # made under no_grad


def _wrap(value, args):
    """An output of forward as a Tensor. A 0-d result stays an array (NumPy would give a scalar)."""
    if type(value) is np.ndarray:
        return Tensor._make(value)
    if isinstance(value, Tensor):
        if any(value is a for a in args):  # forward returned an input: the output is a new tensor
            return Tensor._make(value._data)
        return value
    if value is None:
        return None
    if not isinstance(value, np.ndarray):
        value = np.asarray(value)
    return Tensor._make(value)


def _record(ctx, args, outputs, raw, options=None):
    """Make ``ctx`` the ``grad_fn`` of the outputs and point it at the inputs' nodes."""
    next_functions, meta, inputs = [], [], []
    for position, a in enumerate(args):
        if isinstance(a, Tensor):
            node = a._grad_fn if a._base is None else a.grad_fn  # (a view may first renew its history)
            if node is None and a._requires_grad:
                node = a._grad_accumulator()
            next_functions.append((node, a._output_nr))
            meta.append((position, a._data.shape, a._data.dtype))
            inputs.append(a)
    ctx.next_functions = tuple(next_functions)
    ctx._input_meta = meta
    ctx.inputs = tuple(inputs)
    if len(outputs) > 1:
        ctx._num_outputs = len(outputs)
    if len(outputs) > 1 or ctx._forward_cls.node_name is None:  # to give backward zeros for a missing gradient
        ctx._output_meta = [None if o is None else (o._data.shape, o._data.dtype) for o in outputs]
    non_diff = ctx._non_differentiable
    for nr, out in enumerate(outputs):
        if out is None or out._data.dtype.kind != "f":
            continue  # integer results (indices) are never differentiable
        if non_diff and any(out is n or out._data is getattr(n, "_data", n) for n in non_diff):
            continue
        out._requires_grad = True
        out._grad_fn = ctx
        out._output_nr = nr
    if outputs[0] is not None:
        ctx._output_ref = weakref.ref(outputs[0])
    if ctx._to_save:
        sources = args + tuple(options.values()) if options else args  # a saved target is version-checked too
        ctx._saved = [_save(x, sources, outputs, raw) for x in ctx._to_save]
        ctx._to_save = ()  # forward's references go: an output kept here would keep its own node alive
    else:
        ctx._saved = ()


# Tensors made under torch.inference_mode (id -> weak reference), filled by minigrad/inference.py: the
# engine refuses to save one for backward, as PyTorch does. Empty (and so never consulted) until then.
inference_tensors = {}
INFERENCE_SAVED = ("Inference tensors cannot be saved for backward. Please do not use Tensors created in inference "
                   "mode in computation tracked by autograd. To work around this, you can make a clone to get a "
                   "normal tensor and use it in autograd, or use `torch.no_grad()` instead of "
                   "`torch.inference_mode()`.")


def _save_input(t):
    if inference_tensors:
        ref = inference_tensors.get(id(t))
        if ref is not None and ref() is t:
            raise RuntimeError(INFERENCE_SAVED)
    return _SavedTensor(t, False)


def _save(x, args, outputs, raw):
    """Find what ``x`` is (an input, an output, or a constant) and save it accordingly."""
    if x is None:
        return None
    for o, r in zip(outputs, raw):
        if o is not None and (x is o or x is r or x is o._data):
            return _SavedTensor(o, True)
    if isinstance(x, Tensor):
        return _save_input(x)
    for a in args:
        if isinstance(a, Tensor) and x is a._data:
            return _save_input(a)
    return _SavedTensor(Tensor._make(np.asarray(x)), False)  # a constant computed by forward


def _raise_version_error(saved, node):
    """A saved tensor changed in place since it was saved: backward would use wrong values."""
    saved = _first_changed(node) or saved
    t = saved.tensor if not saved.is_output else saved.ref()
    shape = list(saved.data.shape if t is None else t._data.shape)
    kind = _dtype.scalar_type_name((saved.data if t is None else t._data).dtype)
    if saved.is_output:  # a saved result is named by the node that made it, or by the view's node it became
        maker = (saved.named_by() if saved.named_by is not None else None) or node  # (once that node is gone: node)
    else:
        maker = t.grad_fn
    made_by = "" if maker is None else f", which is output 0 of {_op_name(maker)},"
    raise RuntimeError(
        "one of the variables needed for gradient computation has been modified by an inplace operation: "
        f"[torch.{kind}Tensor {shape}]{made_by} is at version {saved.vc[0]}; expected version {saved.version} "
        "instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
        "with torch.autograd.set_detect_anomaly(True, check_nan=False).")


def _first_changed(node):
    """Of the saved tensors changed in place, the one PyTorch names: it checks inputs by name, alphabetically
    (``other`` before ``self``), then outputs."""
    names = getattr(node._forward_cls, "saved_names", ())
    slots = node._saved or ()
    if len(names) != len(slots):
        return None
    changed = [(s.is_output, name, s) for name, s in zip(names, slots) if s is not None and s.vc[0] != s.version]
    return min(changed, key=lambda c: c[:2])[2] if changed else None


def _op_name(node):
    """PyTorch names the op by its node: PowBackward0 -> Pow, PowBackward1 -> Pow1."""
    return re.sub(r"Backward([0-9]+)$", lambda m: "" if m[1] == "0" else m[1], node.name())


def _as_tensor_grad(grad):
    return grad if isinstance(grad, Tensor) or grad is None else Tensor._make(np.asarray(grad))
