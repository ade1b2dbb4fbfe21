"""Attach the operations to Tensor, so ``a + b``, ``a.sum()`` and ``loss.backward()`` work.

Tensor (layer 1) cannot import the operations (layer 3) without an import cycle; this module sits
on top of both and wires them together, as DeZero's ``setup_variable`` does.
"""
import numpy as np

from . import _dtype
from .autograd import engine
from .autograd.function import _RemovableHandle
from .autograd.grad_mode import is_grad_enabled
from .autograd.inplace import apply_in_place, bump_version, check_in_place
from .ops import arithmetic, comparison, elementwise, linalg, reductions
from .ops import indexing
from .ops import shape as shape_ops
from .ops._util import as_tensor_like, check_broadcast, number_array, result_dtype
from .tensor import Tensor
from .ops.wrapped_number import WrappedNumber


def _binary(op):
    """``t + [1, 2]`` or ``w - None``: not a number or a tensor, so Python raises its TypeError
    ("unsupported operand type(s) for +: 'Tensor' and 'list'"), as with PyTorch."""
    def method(self, other):
        if other is None or isinstance(other, (list, tuple, str)):
            return NotImplemented
        return op(self, other)
    method.__name__ = op.__name__
    return method


# ----- arithmetic ------------------------------------------------------------------------------
def _other(name, other, position=1, argument="other"):
    """The tensor method's second operand: a tensor or a number (PyTorch's argument check)."""
    if other is None or isinstance(other, (list, tuple, str, dict, set)):
        raise TypeError(f"{name}(): argument '{argument}' (position {position}) must be Tensor, not "
                        f"{type(other).__name__}")
    return other


def __add__(self, other):
    return arithmetic.Add.apply(self, as_tensor_like(other, self))


def __radd__(self, other):
    return arithmetic.Add.apply(self, as_tensor_like(other, self))  # 5 + x is x + 5, as in PyTorch


def __sub__(self, other):
    return arithmetic.Sub.apply(self, as_tensor_like(other, self))


def __rsub__(self, other):
    if isinstance(other, (int, float, np.number, np.bool_)):
        return arithmetic.RSub.apply(self, number=other)
    return arithmetic.Sub.apply(as_tensor_like(other, self), self)


def __mul__(self, other):
    return arithmetic.Mul.apply(self, as_tensor_like(other, self))


def __rmul__(self, other):
    return arithmetic.Mul.apply(self, as_tensor_like(other, self))  # 2 * x is x * 2, as in PyTorch


def __truediv__(self, other):
    if not isinstance(other, Tensor) and not self.is_floating_point():
        # integers are divided as floats: the number joins as a float too (uint8 / -1 is -x, not x / 255)
        return arithmetic.Div.apply(self, WrappedNumber.of(other, number_array(other, np.float32)))
    return arithmetic.Div.apply(self, as_tensor_like(other, self))


def div(self, other, *, rounding_mode=None):
    other = _other("div", other)
    if rounding_mode is None:
        return __truediv__(self, other)
    if rounding_mode not in ("floor", "trunc"):
        raise RuntimeError(f"div expected rounding_mode to be one of None, 'trunc', or 'floor' but found "
                           f"'{rounding_mode}'")
    return arithmetic.DivRounded.apply(self, as_tensor_like(other, self), rounding_mode=rounding_mode)


def __floordiv__(self, other):  # PyTorch has no derivative for it: a NotImplemented node
    return arithmetic.without_derivative("floor_divide", arithmetic.floor_divide, self, as_tensor_like(other, self))


def __rfloordiv__(self, other):
    return arithmetic.without_derivative("floor_divide", arithmetic.floor_divide, as_tensor_like(other, self), self)


def __mod__(self, other):
    if isinstance(other, (int, float, np.number, np.bool_)):
        return arithmetic.RemainderScalar.apply(self, number=other)
    return arithmetic.Remainder.apply(self, as_tensor_like(other, self))


def __rmod__(self, other):  # 2.5 % x: PyTorch has no derivative for it either
    return arithmetic.without_derivative("remainder", arithmetic.remainder, as_tensor_like(other, self), self)


def add(self, other, *, alpha=1):
    return arithmetic.Add.apply(self, as_tensor_like(_other("add", other), self), alpha=alpha)


def sub(self, other, *, alpha=1):
    return arithmetic.Sub.apply(self, as_tensor_like(_other("sub", other), self), alpha=alpha)


def mul(self, other):
    return __mul__(self, _other("mul", other))


def __rtruediv__(self, other):
    # PyTorch computes ``5 / x`` as ``5 * x.reciprocal()``, so the node shown is MulBackward0.
    reciprocal = arithmetic.Reciprocal.apply(self)
    return reciprocal * as_tensor_like(other, reciprocal)


def __pow__(self, exponent):
    if isinstance(exponent, Tensor):
        return arithmetic.PowTensor.apply(self, exponent)
    return arithmetic.Pow.apply(self, exponent=exponent)


def __rpow__(self, base):
    if isinstance(base, (int, float, np.number, np.bool_)):
        return arithmetic.RPow.apply(self, base=base)
    return arithmetic.PowTensor.apply(as_tensor_like(base, self), self)


def __neg__(self):
    return arithmetic.Neg.apply(self)


def __matmul__(self, other):
    return linalg.matmul(self, as_tensor_like(other, self))


def __rmatmul__(self, other):
    return linalg.matmul(as_tensor_like(other, self), self)


def mm(self, other):
    return linalg.mm(self, other)


def bmm(self, other):
    return linalg.bmm(self, other)


def dot(self, other):
    return linalg.dot(self, other)


def mv(self, vec):
    return linalg.mv(self, vec)


def pow(self, exponent):
    return __pow__(self, exponent)


# ----- in-place operations: x += y, x.add_(y), x.zero_(), x[i] = v ------------------------------
def _cast_into(result, target, names=_dtype.scalar_type_name):
    """An in-place result must fit the tensor it is written into (PyTorch's "result type Float can't be
    cast to the desired output type Long"): the dtype of ``x`` never changes in ``x += y``. Nor does its
    shape (checked first, as PyTorch does)."""
    _check_writable(target)
    _check_output_shape(result._data.shape, target._data.shape)
    _dtype.check_cast(result._data.dtype, target._data.dtype, names)
    return result


def _check_writable(t):
    """An expanded tensor (a dimension longer than 1 with stride 0) cannot be written to."""
    data = t._data
    if any(n > 1 and stride == 0 for n, stride in zip(data.shape, data.strides)):
        raise RuntimeError("unsupported operation: more than one element of the written-to tensor refers to a "
                           "single memory location. Please clone() the tensor before performing the operation.")


def _check_output_shape(shape, target_shape):
    if shape != target_shape and (len(shape) > len(target_shape) or np.broadcast_shapes(shape, target_shape) != target_shape):
        raise RuntimeError(f"output with shape {list(target_shape)} doesn't match the broadcast shape "
                           f"{list(np.broadcast_shapes(shape, target_shape))}")


def _in_place(out_of_place, name=None, first_check=None):
    """Make ``x op= y`` from ``x op y``: the result is written back into x's memory (views of x see it)
    and, when recording, x takes the result's place in the graph (see ``autograd/inplace.py``)."""
    def method(self, other, **kwargs):
        if name is None and (other is None or isinstance(other, (list, tuple, str))):
            return NotImplemented  # Python then raises PyTorch's TypeError: unsupported operand type(s)
        if name is not None:
            _other(name, other)
        others = (other,) if isinstance(other, Tensor) else ()
        check_in_place(self, *others)  # a leaf that requires grad, before any other complaint
        if first_check is not None:
            first_check(self, other)
        _check_writable(self)
        if others and other._data.shape != self._data.shape:  # the shapes before anything else
            check_broadcast(self._data.shape, other._data.shape)
            _check_output_shape(np.broadcast_shapes(self._data.shape, other._data.shape), self._data.shape)
        return apply_in_place(self, lambda before: _cast_into(out_of_place(before, other, **kwargs), self), *others)
    return method


__iadd__ = _in_place(lambda a, b: __add__(a, b))
def _check_subtraction(a, b):
    arithmetic.check_subtraction(a._data.dtype, as_tensor_like(b, a)._data.dtype)


__isub__ = _in_place(lambda a, b: __sub__(a, b), first_check=_check_subtraction)
__imul__ = _in_place(lambda a, b: __mul__(a, b))
__itruediv__ = _in_place(lambda a, b: __truediv__(a, b))
add_ = _in_place(add, "add_")
sub_ = _in_place(sub, "sub_", _check_subtraction)
mul_ = _in_place(mul, "mul_")
div_ = _in_place(div, "div_")
pow_ = _in_place(lambda a, b: __pow__(a, b), "pow_")


def _unary_in_place(out_of_place):
    def method(self, *args, **kwargs):
        return apply_in_place(self, lambda before: _cast_into(out_of_place(before, *args, **kwargs), self))
    return method


def _clamp_(self, min=None, max=None):
    """``x.clamp_(lo, hi)``; with number bounds its cast error names the C++ type (``... output type long int``)."""
    if not isinstance(min, Tensor) and not isinstance(max, Tensor):  # PyTorch's message differs with tensors
        dtype = self._data.dtype
        for bound in (min, max):
            if bound is not None:
                dtype = result_dtype(np.empty(1, dtype), number_array(bound, dtype))
        _dtype.check_cast(dtype, self._data.dtype, _dtype.c_type_name)
    return apply_in_place(self, lambda before: elementwise.clamp(before, min, max))


def zero_(self):
    if not is_grad_enabled() or not self._requires_grad:  # the common case (optimizers): just write
        check_in_place(self)
        self._data.fill(0)
        bump_version(self)
        return self
    return apply_in_place(self, lambda before: shape_ops.Zero.apply(before, value=0), allow_overlap=True)  # as fill_


def fill_(self, value):
    if isinstance(value, Tensor):  # a 0-d tensor: its gradient is the sum of the filled elements'
        return apply_in_place(self, lambda before: shape_ops.FillTensor.apply(before, value), value)
    # one number everywhere: PyTorch lets it write to elements sharing memory (an expanded tensor)
    return apply_in_place(self, lambda before: shape_ops.Fill.apply(before, value=value), allow_overlap=True)


def copy_(self, src):
    src = src if isinstance(src, Tensor) else as_tensor_like(src, self)
    return apply_in_place(self, lambda before: shape_ops.Copy.apply(before, src), src)


def masked_fill_(self, mask, value):
    check_in_place(self)  # autograd's checks come before the kernel's warning, as in PyTorch
    expanded = indexing.warn_if_expanded(self, "masked_fill_", "tensor[mask] = scalar")
    others = (value,) if isinstance(value, Tensor) else ()
    return apply_in_place(self, lambda before: masked_fill(before, mask, value), *others, allow_overlap=expanded)


def masked_fill(self, mask, value):
    if isinstance(value, Tensor):  # a 0-d tensor, which gets a gradient of its own
        if value.dim() != 0:
            raise RuntimeError("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                               f"{value.dim()} dimension(s).")
        return shape_ops.MaskedFillTensor.apply(self, value, mask=mask._data)
    return shape_ops.MaskedFill.apply(self, mask=mask._data, value=value)


def __setitem__(self, key, value):
    """``t[key] = value``: a write into the view ``t[key]`` (see ``ops/indexing.py``)."""
    indexing.setitem(self, key, value)


# ----- reductions ------------------------------------------------------------------------------
def _dim_args(dim, axis, keepdim, keepdims):
    """PyTorch also accepts NumPy's names ``axis`` and ``keepdims``."""
    return (axis if dim is None else dim), (keepdims if keepdims is not None else keepdim)


def sum(self, dim=None, keepdim=False, *, axis=None, keepdims=None, dtype=None):
    dim, keepdim = _dim_args(dim, axis, keepdim, keepdims)
    node = reductions.Sum if dim is None else reductions.SumDim
    result = node.apply(self, dim=dim, keepdim=keepdim)
    return result if dtype is None else result.to(dtype)


def mean(self, dim=None, keepdim=False, *, axis=None, keepdims=None):
    dim, keepdim = _dim_args(dim, axis, keepdim, keepdims)
    node = reductions.Mean if dim is None else reductions.MeanDim
    return node.apply(self, dim=dim, keepdim=keepdim)


def max(self, dim=None, keepdim=False):
    if isinstance(dim, Tensor):  # x.max(other): elementwise
        return elementwise.maximum(self, dim)
    return reductions.reduce_max(self, dim, keepdim)


def min(self, dim=None, keepdim=False):
    if isinstance(dim, Tensor):
        return elementwise.minimum(self, dim)
    return reductions.reduce_max(self, dim, keepdim, take_min=True)


def amax(self, dim=(), keepdim=False):
    return reductions.Amax.apply(self, dim=dim, keepdim=keepdim, op="amax")


def amin(self, dim=(), keepdim=False):
    return reductions.Amin.apply(self, dim=dim, keepdim=keepdim, op="amin")


def norm(self, p="fro", dim=None, keepdim=False, dtype=None):
    return reductions.norm(self, p, dim, keepdim, dtype=dtype)


# ----- arguments, checked as PyTorch's argument parser checks them ------------------------------
def _is_int(value):
    """An int argument: a Python or NumPy integer (not a bool), or a one-element integer tensor."""
    if isinstance(value, Tensor):
        return value._data.size == 1 and value._data.dtype.kind in "iu"
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _int_arg(method, name, position, value):
    """``transpose(0, 0.5)``: "transpose(): argument 'dim1' (position 2) must be int, not float"."""
    if not _is_int(value):
        raise TypeError(f"{method}(): argument '{name}' (position {position}) must be int, not {type(value).__name__}")
    return int(value)


_MISSING = object()  # the default of a required argument, so that an explicit None is reported as a type


def _missing(method, *names):
    """``permute()``: 'permute() missing 1 required positional arguments: "dims"' (PyTorch's grammar)."""
    plural = "s" if len(names) == 1 else ""  # (sic: PyTorch says "1 ... arguments", "2 ... argument")
    raise TypeError(f"{method}() missing {len(names)} required positional argument{plural}: "
                    + ", ".join(f'"{n}"' for n in names))


def _ints_arg(method, name, values):
    """A ``*dims`` parameter given as ``permute(1, 0)`` or ``permute((1, 0))``: a tuple of ints."""
    if not values:
        _missing(method, name)
    if len(values) == 1 and isinstance(values[0], (tuple, list)):
        for i, v in enumerate(values[0]):
            if not _is_int(v):
                raise TypeError(f"{method}(): argument '{name}' (position 1) must be tuple of ints, but found "
                                f"element of type {type(v).__name__} at pos {i}")
        return tuple(int(v) for v in values[0])
    if len(values) == 1 and not _is_int(values[0]):
        raise TypeError(f"{method}(): argument '{name}' (position 1) must be tuple of ints, not "
                        f"{type(values[0]).__name__}")
    for i, v in enumerate(values):
        if not _is_int(v):
            raise TypeError(f"{method}(): argument '{name}' failed to unpack the object at pos {i + 1} with error "
                            f"\"type must be tuple of ints,but got {type(v).__name__}\"")
    return tuple(int(v) for v in values)


def size(self, dim=None):
    """``x.size()`` is the shape; ``x.size(d)`` one length (PyTorch's errors for a bad ``d``)."""
    if dim is None:
        return self.shape
    dim = _int_arg("size", "dim", 1, dim)
    if self.ndim == 0:
        raise IndexError(f"Dimension specified as {dim} but tensor has no dimensions")
    return self._data.shape[_check_dim(dim, self.ndim)]


# ----- shapes ----------------------------------------------------------------------------------
def view(self, *shape):
    if not shape:
        raise TypeError("view() received an invalid combination of arguments - got (), but expected one of:\n"
                        " * (torch.dtype dtype)\n * (tuple of ints size)\n")
    shape = _ints_arg("view", "size", shape)
    return shape_ops.View.apply(self, shape=shape_ops._shape_arg(shape))


def reshape(self, *shape):
    """As ``view`` when the numbers' layout allows it (the result shares memory), else a copy."""
    shape = shape_ops._shape_arg(_ints_arg("reshape", "shape", shape))
    shape_ops.check_shape(self._data, shape)
    if shape_ops.can_view(self._data, shape):
        node = shape_ops.View if self._data.flags.c_contiguous else shape_ops.ReshapeAlias
        return node.apply(self, shape=shape)
    return shape_ops.UnsafeView.apply(shape_ops.Clone.apply(self, contiguous=True), shape=shape)  # copy, view


def is_contiguous(self):
    return self._data.flags.c_contiguous


def contiguous(self):
    return self if self._data.flags.c_contiguous else shape_ops.Clone.apply(self, contiguous=True)


def register_hook(self, hook):
    """``hook(grad)`` runs when this tensor's gradient is computed; what it returns replaces it."""
    if not self._requires_grad:
        raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
    node = self.grad_fn if self.grad_fn is not None else self._grad_accumulator()
    if node is None:  # a view requiring grad only through its base: no gradient of its own, the hook never runs
        return _RemovableHandle([hook], hook)
    nr = self._output_nr

    def pre_hook(grads):
        result = hook(grads[nr])
        if result is None:
            return None
        grads = list(grads)
        grads[nr] = result
        return grads
    return node.register_prehook(pre_hook)


def _check_dim(dim, ndim):
    bound = ndim if ndim > 1 else 1  # (``max`` is the tensor method here)
    if not -bound <= dim < bound:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-bound}, {bound - 1}], but got {dim})")
    return dim % bound


def expand(self, *shape):
    return shape_ops.Expand.apply(self, shape=_ints_arg("expand", "size", shape))


def expand_as(self, other):
    return expand(self, tuple(other.shape))


def flatten(self, start_dim=0, end_dim=-1):
    start = _check_dim(_int_arg("flatten", "start_dim", 1, start_dim), self.ndim)
    end = _check_dim(_int_arg("flatten", "end_dim", 2, end_dim), self.ndim)
    if self.ndim == 0:
        return view(self, 1)
    if start > end:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if start == end:
        return self  # nothing to flatten: PyTorch returns the tensor itself
    dims = self.shape
    middle = 1
    for n in dims[start:end + 1]:
        middle *= n
    return reshape(self, tuple(dims[:start]) + (middle,) + tuple(dims[end + 1:]))


def transpose(self, dim0=_MISSING, dim1=_MISSING):
    if dim0 is _MISSING:
        _missing("transpose", "dim0", "dim1")
    if dim1 is _MISSING:
        _missing("transpose", "dim1")
    dim0, dim1 = _int_arg("transpose", "dim0", 1, dim0), _int_arg("transpose", "dim1", 2, dim1)
    return shape_ops.Transpose.apply(self, dim0=_check_dim(dim0, self.ndim), dim1=_check_dim(dim1, self.ndim))


def t(self):
    if self._data.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {self._data.ndim}D")
    return shape_ops.T.apply(self, dim0=0, dim1=-1)


def permute(self, *dims, **kwargs):
    dims = _ints_arg("permute", "dims", dims or tuple(kwargs.values())[:1])
    if len(dims) != self.ndim:
        raise RuntimeError(f"permute(sparse_coo): number of dimensions in the tensor input does not match the length "
                           f"of the desired ordering of dimensions i.e. input.dim() = {self.ndim} is not equal to "
                           f"len(dims) = {len(dims)}")
    dims = tuple(_check_dim(d, self.ndim) for d in dims)
    if len(set(dims)) != len(dims):
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    return shape_ops.Permute.apply(self, dims=dims)


def _T(self):
    return permute(self, tuple(reversed(range(self.ndim))))


def unsqueeze(self, dim=_MISSING):
    if dim is _MISSING:
        _missing("unsqueeze", "dim")
    return shape_ops.Unsqueeze.apply(self, dim=_check_dim(_int_arg("unsqueeze", "dim", 1, dim), self.ndim + 1))


def squeeze(self, dim=None):
    if dim is None:
        return shape_ops.Squeeze.apply(self)
    return shape_ops.SqueezeDim.apply(self, dim=_check_dim(dim, self.ndim))


def select(self, dim, index):
    dim = _check_dim(dim, self.ndim)
    if not -self.shape[dim] <= index < self.shape[dim]:
        raise IndexError(f"select(): index {index} out of range for tensor of size {list(self.shape)} at dimension {dim}")
    key = (slice(None),) * dim + (index,)
    return indexing.getitem(self, key)


def __getitem__(self, key):
    return indexing.getitem(self, key)


def __iter__(self):
    if self.ndim == 0:
        raise TypeError("iteration over a 0-d tensor")
    return (self[i] for i in range(len(self)))


def clone(self):
    return shape_ops.Clone.apply(self)


def to(self, *args, dtype=None, **kwargs):
    """Change dtype (``x.to(torch.float64)``); devices other than the CPU are not supported."""
    for arg in args:
        if isinstance(arg, _dtype.dtype):
            dtype = arg
        elif isinstance(arg, Tensor):
            dtype = arg.dtype
        elif str(arg) != "cpu":
            raise RuntimeError(f"minigrad runs on the CPU only; cannot move a tensor to {arg!r}")
    if dtype is None or dtype.numpy_type == self._data.dtype:
        return self
    return shape_ops.ToCopy.apply(self, numpy_type=dtype.numpy_type)


def type_as(self, other):
    return to(self, other.dtype)


def _converter(target):
    def convert(self):
        return to(self, target)
    return convert


# ----- comparisons -----------------------------------------------------------------------------
def __eq__(self, other):
    return comparison.eq(self, other)


def __ne__(self, other):
    return comparison.ne(self, other)


def _logical(numpy_op):
    """``mask & other``, ``|``, ``^`` and ``~``: bitwise on integers, logical on bools; never differentiable."""
    def op(self, other=None):
        if other is None:
            return Tensor._make(np.asarray(numpy_op(self._data)))
        other = as_tensor_like(other, self)
        return Tensor._make(np.asarray(numpy_op(self._data, other._data)))
    return op


# ----- autograd --------------------------------------------------------------------------------
def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
    """Compute the gradient of this tensor with respect to every leaf and add it to ``leaf.grad``."""
    engine.backward(self, gradient, retain_graph, create_graph, inputs)


def _install():
    methods = {
        "__add__": _binary(__add__), "__radd__": _binary(__radd__), "__sub__": _binary(__sub__), "__rsub__": _binary(__rsub__),
        "__mul__": _binary(__mul__), "__rmul__": _binary(__rmul__), "__truediv__": _binary(__truediv__), "__rtruediv__": _binary(__rtruediv__),
        "__pow__": _binary(__pow__), "__rpow__": _binary(__rpow__), "__neg__": __neg__, "__matmul__": _binary(__matmul__),
        "__rmatmul__": _binary(__rmatmul__), "__eq__": __eq__, "__ne__": __ne__,
        "__lt__": comparison.lt, "__le__": comparison.le, "__gt__": comparison.gt, "__ge__": comparison.ge,
        "__getitem__": __getitem__, "__setitem__": __setitem__, "__iter__": __iter__,
        "__iadd__": __iadd__, "__isub__": __isub__, "__imul__": __imul__, "__itruediv__": __itruediv__,
        "add_": add_, "sub_": sub_, "mul_": mul_, "div_": div_,
        "add": add, "sub": sub, "mul": mul, "div": div, "__floordiv__": _binary(__floordiv__),
        "__rfloordiv__": _binary(__rfloordiv__), "__mod__": _binary(__mod__), "__rmod__": _binary(__rmod__),
        "floor_divide": __floordiv__, "remainder": __mod__, "bmm": lambda self, other: bmm(self, other), "pow": pow, "neg": __neg__,
        "matmul": __matmul__, "mm": mm, "dot": dot, "mv": mv,
        "reciprocal": lambda self: arithmetic.Reciprocal.apply(self),
        "sum": sum, "mean": mean, "max": max, "min": min, "amax": amax, "amin": amin, "norm": norm,
        "argmax": comparison.argmax, "argmin": comparison.argmin,
        "size": size, "view": view, "reshape": reshape, "view_as": lambda self, other: view(self, tuple(other.shape)),
        "reshape_as": lambda self, other: reshape(self, tuple(other.shape)),
        "is_contiguous": is_contiguous, "contiguous": contiguous, "register_hook": register_hook,
        "zero_": zero_, "fill_": fill_, "copy_": copy_, "masked_fill_": masked_fill_, "masked_fill": masked_fill,
        "clamp_": _clamp_, "clip_": _clamp_,
        "relu_": _unary_in_place(lambda t: elementwise.Relu.apply(t)),
        "exp_": _unary_in_place(lambda t: elementwise.Exp.apply(t)),
        "log_": _unary_in_place(lambda t: elementwise.Log.apply(t)),
        "sqrt_": _unary_in_place(lambda t: elementwise.Sqrt.apply(t)),
        "tanh_": _unary_in_place(lambda t: elementwise.Tanh.apply(t)),
        "sigmoid_": _unary_in_place(lambda t: elementwise.Sigmoid.apply(t)),
        "abs_": _unary_in_place(lambda t: elementwise.Abs.apply(t)),
        "neg_": _unary_in_place(lambda t: arithmetic.Neg.apply(t)),
        "pow_": pow_,
        "expand": expand, "expand_as": expand_as, "flatten": flatten, "transpose": transpose, "t": t,
        "permute": permute, "T": property(_T), "mT": property(lambda self: transpose(self, -2, -1)),
        "unsqueeze": unsqueeze, "squeeze": squeeze, "select": select, "clone": clone,
        "to": to, "type_as": type_as, "float": _converter(_dtype.float32), "double": _converter(_dtype.float64),
        "long": _converter(_dtype.int64), "int": _converter(_dtype.int32), "bool": _converter(_dtype.bool),
        "half": _converter(_dtype.float16), "cpu": lambda self: self,
        "exp": lambda self: elementwise.Exp.apply(self), "log": lambda self: elementwise.Log.apply(self),
        "sqrt": lambda self: elementwise.Sqrt.apply(self), "tanh": lambda self: elementwise.Tanh.apply(self),
        "sigmoid": lambda self: elementwise.Sigmoid.apply(self), "relu": lambda self: elementwise.Relu.apply(self),
        "abs": lambda self: elementwise.Abs.apply(self), "sin": lambda self: elementwise.Sin.apply(self),
        "cos": lambda self: elementwise.Cos.apply(self), "sign": elementwise.sign,
        "clamp": lambda self, min=None, max=None: elementwise.clamp(self, min, max),
        "clip": lambda self, min=None, max=None: elementwise.clamp(self, min, max),
        "maximum": elementwise.maximum, "minimum": elementwise.minimum,
        "where": lambda self, condition, other: elementwise.where(condition, self, other),
        "eq": comparison.eq, "ne": comparison.ne, "gt": comparison.gt, "ge": comparison.ge,
        "lt": comparison.lt, "le": comparison.le, "all": comparison.all, "any": comparison.any,
        "allclose": comparison.allclose, "isclose": comparison.isclose, "equal": comparison.equal,
        "backward": backward,
        "__and__": _logical(np.bitwise_and), "__or__": _logical(np.bitwise_or), "__xor__": _logical(np.bitwise_xor),
        "__invert__": _logical(np.invert), "logical_not": _logical(np.logical_not),
    }
    for name, method in methods.items():
        setattr(Tensor, name, method)


_install()
