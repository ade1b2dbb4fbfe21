"""Layer 1: the Tensor, a box around a NumPy array.

A tensor holds
  * ``_data``: the NumPy array with the numbers,
  * ``requires_grad``: whether autograd should track what is computed from it,
  * ``grad_fn``: the graph node that made it (``None`` for tensors you create: leaves),
  * ``grad``: the gradient that ``backward()`` accumulates into leaves.

This file knows nothing of operations. The operators (``+``, ``*``, ``@``, ``sum`` ...) and
``backward()`` are attached by ``minigrad/_tensor_methods.py`` once the layers above exist.
"""
import warnings
import weakref

import numpy as np

from . import _dtype
from ._printing import tensor_repr
from ._size import Size


class device:
    """Everything lives on the CPU here; printed the way PyTorch prints it."""

    def __init__(self, type="cpu"):
        self.type = type

    def __repr__(self):
        return f"device(type='{self.type}')"

    def __eq__(self, other):
        return str(other) == self.type or (isinstance(other, device) and other.type == self.type)

    def __hash__(self):
        return hash(self.type)

    def __str__(self):
        return self.type


CPU = device("cpu")

NON_LEAF_GRAD_WARNING = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't "
    "be populated during autograd.backward(). If you indeed want the .grad field to be populated for a "
    "non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by "
    "mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for "
    "more information."
)
DETACH_VIEW_IN_PLACE = (
    "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for "
    "training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence "
    "detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() "
    "function in torch/optim/optimizer.py as the solution.")
IN_PLACE_ON_LEAF = "a leaf Variable that requires grad is being used in an in-place operation."


class Tensor:
    __slots__ = ("_data", "_requires_grad", "_grad", "_grad_fn", "_retains_grad", "_vc", "_base",
                 "_output_nr", "_accumulator", "_hooks", "_view_version", "__weakref__")

    # Let NumPy hand `ndarray * tensor` to Tensor.__rmul__ instead of looping over elements.
    __array_priority__ = 1000

    def __init__(self, *args):
        """Legacy constructor, as ``torch.Tensor``: ``Tensor([1, 2])`` (float32) or ``Tensor(2, 3)``."""
        if len(args) == 1 and not isinstance(args[0], (int, np.integer)):
            data = np.array(_unwrap(args[0]), dtype=np.float32)
        else:
            data = np.empty(tuple(int(n) for n in args), dtype=np.float32)
        self._init(data, False)

    def _init(self, data, requires_grad, grad_fn=None):
        self._data = data
        self._requires_grad = requires_grad
        self._grad = None
        self.grad_fn = grad_fn
        self._retains_grad = False
        self._vc = [0]  # the version counter, a list so that views can share their base's
        self._base = None
        self._output_nr = 0
        self._accumulator = None
        self._hooks = None

    @classmethod
    def _make(cls, data, requires_grad=False, grad_fn=None):
        """Wrap an ndarray without copying: the one way every operation builds its result."""
        t = object.__new__(cls)  # skips __init__, the legacy constructor
        # the body of _init, inlined (one assignment a line is the fastest): this runs for every tensor made
        t._data = data
        t._requires_grad = requires_grad
        t._grad = None
        t._grad_fn = grad_fn
        t._retains_grad = False
        t._vc = [0]
        t._base = None
        t._output_nr = 0
        t._accumulator = None
        t._hooks = None
        return t

    # ----- what the tensor is ------------------------------------------------------------------
    @property
    def shape(self):
        return Size(self._data.shape)

    def size(self, dim=None):
        if dim is None:
            return self.shape
        ndim = self._data.ndim
        if ndim == 0:
            raise IndexError(f"Dimension specified as {dim} but tensor has no dimensions")
        if not -ndim <= dim < ndim:
            raise IndexError(f"Dimension out of range (expected to be in range of [{-ndim}, {ndim - 1}], but got {dim})")
        return self._data.shape[dim]

    def dim(self):
        return self._data.ndim

    ndim = property(dim)

    def numel(self):
        return self._data.size

    def __len__(self):
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._data.shape[0]

    @property
    def dtype(self):
        return _dtype.from_numpy_dtype(self._data.dtype)

    @property
    def device(self):
        return CPU

    def is_floating_point(self):
        return self._data.dtype.kind == "f"

    def element_size(self):
        return self._data.itemsize

    @property
    def _version(self):
        """How many times the numbers were changed in place (shared by a tensor and its views)."""
        return self._vc[0]

    @_version.setter
    def _version(self, value):
        self._vc[0] = value

    # ----- autograd state ----------------------------------------------------------------------
    @property
    def grad_fn(self):
        """The node that made this tensor (None for a tensor you made). A view whose memory was changed in place
        since its history was made gets a new history first, as in PyTorch (see the view section below)."""
        if self._base is not None and self._vc[0] != self._view_version:
            _renew_view_history(self)
        return self._grad_fn

    @grad_fn.setter
    def grad_fn(self, node):
        self._grad_fn = node

    @property
    def is_leaf(self):
        return self.grad_fn is None

    @property
    def requires_grad(self):
        return self._requires_grad

    @requires_grad.setter
    def requires_grad(self, flag):
        if not self.is_leaf:
            message = "you can only change requires_grad flags of leaf variables."
            if not flag:
                message += (" If you want to use a computed variable in a subgraph that doesn't require "
                            "differentiation use var_no_grad = var.detach().")
            raise RuntimeError(message)
        if flag and not self.is_floating_point():
            raise RuntimeError("only Tensors of floating point and complex dtype can require gradients")
        set_own_requires_grad(self, bool(flag))  # views follow their base's flag: see the view section below

    def requires_grad_(self, requires_grad=True):
        if requires_grad and not self.is_leaf:
            return self  # already requires grad: PyTorch lets this pass (only False raises)
        if requires_grad and not self.is_floating_point():
            raise RuntimeError("only Tensors of floating point dtype can require gradients")  # (sic: PyTorch's)
        self.requires_grad = requires_grad
        return self

    @property
    def grad(self):
        if not self.is_leaf and not self._retains_grad:
            warnings.warn(NON_LEAF_GRAD_WARNING, UserWarning, stacklevel=2)
        return self._grad

    @grad.setter
    def grad(self, value):
        if value is not None:
            if not isinstance(value, Tensor):
                raise TypeError(f"assigned grad expected to be a Tensor or None but got grad of type "
                                f"{type(value).__name__}")
            if value.shape != self.shape:
                raise RuntimeError("assigned grad has data of a different size")
        self._grad = value

    @property
    def retains_grad(self):
        return self._retains_grad

    def retain_grad(self):
        """Ask backward() to keep this non-leaf tensor's gradient in ``.grad``."""
        if not self._requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if not self.is_leaf:
            self._retains_grad = True

    def _grad_accumulator(self):
        """The AccumulateGrad node of a leaf, created on first use (it holds this tensor weakly)."""
        if self._accumulator is None:
            if requires_grad_through_base(self):
                return None  # it requires grad only because its base does: no gradient of its own (PyTorch)
            from .autograd.function import AccumulateGrad  # the graph layer, imported on first use only
            self._accumulator = AccumulateGrad(self)
        return self._accumulator

    # ----- leaving the graph ----------------------------------------------------------------------
    @property
    def data(self):
        """The same numbers, as a tensor outside the graph (shares memory)."""
        return Tensor._make(self._data)

    @data.setter
    def data(self, value):
        self._data = value._data if isinstance(value, Tensor) else np.asarray(value)

    def detach(self):
        """A new tensor with the same numbers (shared memory and version counter) and no history."""
        t = Tensor._make(self._data)
        t._vc = self._vc
        return t

    def detach_(self):
        if self._base is not None:
            raise RuntimeError(DETACH_VIEW_IN_PLACE)
        self.grad_fn = None
        set_own_requires_grad(self, False)
        return self

    def item(self):
        if self._data.size != 1:
            raise RuntimeError(f"a Tensor with {self._data.size} elements cannot be converted to Scalar")
        return self._data.item()

    def tolist(self):
        return self._data.tolist()

    def numpy(self):
        if self._requires_grad:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. "
                               "Use tensor.detach().numpy() instead.")
        return self._data

    def __array__(self, dtype=None, copy=None):
        if self._requires_grad:  # np.exp(t) would silently leave the graph
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. "
                               "Use tensor.detach().numpy() instead.")
        return self._data if dtype is None else self._data.astype(dtype)

    def __float__(self):
        if self._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return float(self.item())

    def __int__(self):
        if self._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return int(self.item())

    def __index__(self):
        if self._data.dtype.kind not in "iu" or self._data.size != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    def __bool__(self):
        if self._data.size != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return bool(self._data.item())

    __hash__ = object.__hash__  # identity, as in PyTorch (``==`` is elementwise)

    # ----- printing -------------------------------------------------------------------------------
    def __repr__(self):
        grad_fn_name = type(self.grad_fn).__name__ if self.grad_fn is not None else None
        return tensor_repr(self._data, requires_grad=self._requires_grad and self.grad_fn is None,
                           grad_fn_name=grad_fn_name)

    def __format__(self, spec):
        if self._data.ndim == 0 and spec:
            return format(self._data.item(), spec)
        if spec:
            raise TypeError("unsupported format string passed to Tensor.__format__")
        return repr(self)

    def __reduce__(self):  # pickling and copy.deepcopy
        return _rebuild, (self._data.copy(), self._requires_grad)


# id -> (weak reference, version when made, made by a function returning several views), for views made under
# no_grad and for the pieces of split/chunk/unbind
_NO_GRAD_VIEWS = {}
_THROUGH_BASE = {}  # id -> weak reference, for views without history that require grad because their base does


def mark_no_grad_view(view, multi_output=False):
    """A view made under no_grad, or made later from such a view. PyTorch remembers this of the view: its
    history can't be trusted once its memory changes, so changing it in place while recording, or asking for
    its ``grad_fn`` after its memory changed, raises. Its class becomes ``autograd.inplace.NoGradView``, which
    does those checks. PyTorch refuses the same for a piece of split/chunk/unbind (``multi_output``: one node
    made all the pieces, and could not take back one changed piece), with another message."""
    key = id(view)
    _NO_GRAD_VIEWS[key] = (weakref.ref(view, lambda _, key=key: _NO_GRAD_VIEWS.pop(key, None)), view._vc[0],
                           multi_output)
    if view.grad_fn is None and view._base._requires_grad:
        inherit_requires_grad(view)
    if type(view) is Tensor:
        view.__class__ = _no_grad_view_class()


def _no_grad_view_class():
    global _NoGradView
    if _NoGradView is None:
        from .autograd.inplace import NoGradView  # the layer above, imported on first use only
        _NoGradView = NoGradView
    return _NoGradView


_NoGradView = None


def is_no_grad_view(t):
    entry = _NO_GRAD_VIEWS.get(id(t))
    return entry is not None and entry[0]() is t


def made_by_multi_output(t):
    """Is the no_grad view ``t`` a piece of split/chunk/unbind, or made from one?"""
    return _NO_GRAD_VIEWS[id(t)][2]


def no_grad_view_version(t):
    """The version of its memory when the no_grad view ``t`` was made."""
    return _NO_GRAD_VIEWS[id(t)][1]


# PyTorch reads a view's requires_grad as "its own flag, or its base's": a view without history requires grad
# as soon as its base does, even if the base was told so after the view was made. Such a view gets no gradient
# of its own (no AccumulateGrad: operations on it record a None edge) unless it was told requires_grad_() itself.
def inherit_requires_grad(view):
    if view._requires_grad:
        return  # its own flag already says so
    key = id(view)
    view._requires_grad = True
    _THROUGH_BASE[key] = weakref.ref(view, lambda _, key=key: _THROUGH_BASE.pop(key, None))


def requires_grad_through_base(t):
    ref = _THROUGH_BASE.get(id(t))
    return ref is not None and ref() is t


def set_own_requires_grad(t, flag):
    """``t.requires_grad = flag`` for a tensor without history. A view keeps requiring grad while its base
    does; the views (without history) of a base follow the base's new flag."""
    if requires_grad_through_base(t):
        del _THROUGH_BASE[id(t)]
    t._requires_grad = flag
    if t._base is not None:
        if not flag and t._base._requires_grad:
            inherit_requires_grad(t)
        return
    for view in live_views(t):
        if view._base is not t or view._grad_fn is not None:  # the slot: a NoGradView may refuse
            continue
        if flag:
            inherit_requires_grad(view)
        elif requires_grad_through_base(view):
            del _THROUGH_BASE[id(view)]
            view._requires_grad = False


def live_views(t):
    """The views of ``t``'s memory that are still alive (see ``remember_view``)."""
    refs = t._vc[1] if len(t._vc) > 1 else ()
    return [view for view in (ref() for ref in refs) if view is not None]


def remember_view(view):
    """Note ``view`` (weakly) beside the version counter it shares with its base, so that a base's new
    requires_grad reaches its views (``set_own_requires_grad``), and the version its history was made at:
    after an in-place change of the memory, its history is renewed when next asked for (``Tensor.grad_fn``).
    The counter is the list ``[version]``; its second item, once a view exists, lists the views."""
    vc = view._vc
    if len(vc) == 1:
        vc.append([])
    views = vc[1]
    if len(views) >= 32 and len(views) & (len(views) - 1) == 0:  # now and then, forget views that are gone
        views[:] = [ref for ref in views if ref() is not None]
    views.append(weakref.ref(view))
    view._view_version = vc[0]


def _renew_view_history(view):
    """PyTorch renews a view's history lazily, when it is next asked for after its memory changed in place:
    an in-place change costs the same however many views of the memory are alive."""
    from .autograd.inplace import renew_history  # the layer above, imported on first use only
    renew_history(view)


def _rebuild(data, requires_grad):
    return Tensor._make(data, requires_grad)


def _unwrap(value):
    """Turn tensors (possibly nested in lists) into arrays or numbers NumPy understands."""
    if isinstance(value, Tensor):
        return value._data
    if isinstance(value, (list, tuple)) and value and any(isinstance(v, (Tensor, list, tuple)) for v in value):
        return [_unwrap(v) for v in value]
    return value
