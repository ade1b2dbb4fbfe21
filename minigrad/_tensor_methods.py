"""Attach the operations to Tensor, so ``a + b``, ``a.sum()`` and ``loss.backward()`` work.

Tensor (layer 1) cannot import the operations (layer 3) without an import cycle; this module sits
on top of both and wires them together, as DeZero's ``setup_variable`` does.
"""
import weakref

import numpy as np

from . import _dtype
from .autograd import engine
from .autograd.grad_mode import is_grad_enabled, no_grad
from .ops import arithmetic, comparison, elementwise, linalg, reductions
from .ops import shape as shape_ops
from .ops._util import as_tensor_like
from .tensor import Tensor


# ----- arithmetic ------------------------------------------------------------------------------
def __add__(self, other):
    return arithmetic.Add.apply(self, as_tensor_like(other, self))


def __radd__(self, other):
    return arithmetic.Add.apply(self, as_tensor_like(other, self))  # 5 + x is x + 5, as in PyTorch


def __sub__(self, other):
    return arithmetic.Sub.apply(self, as_tensor_like(other, self))


def __rsub__(self, other):
    if isinstance(other, (int, float)):
        return arithmetic.RSub.apply(self, number=other)
    return arithmetic.Sub.apply(as_tensor_like(other, self), self)


def __mul__(self, other):
    return arithmetic.Mul.apply(self, as_tensor_like(other, self))


def __rmul__(self, other):
    return arithmetic.Mul.apply(self, as_tensor_like(other, self))  # 2 * x is x * 2, as in PyTorch


def __truediv__(self, other):
    return arithmetic.Div.apply(self, as_tensor_like(other, self))


def __rtruediv__(self, other):
    # PyTorch computes ``5 / x`` as ``5 * x.reciprocal()``, so the node shown is MulBackward0.
    return arithmetic.Reciprocal.apply(self) * as_tensor_like(other, self)


def __pow__(self, exponent):
    if isinstance(exponent, Tensor):
        return arithmetic.PowTensor.apply(self, exponent)
    return arithmetic.Pow.apply(self, exponent=exponent)


def __rpow__(self, base):
    if isinstance(base, (int, float)):
        return arithmetic.RPow.apply(self, base=base)
    return arithmetic.PowTensor.apply(as_tensor_like(base, self), self)


def __neg__(self):
    return arithmetic.Neg.apply(self)


def __matmul__(self, other):
    return linalg.matmul(self, as_tensor_like(other, self))


def __rmatmul__(self, other):
    return linalg.matmul(as_tensor_like(other, self), self)


def mm(self, other):
    linalg.check_mm_args("mm", self, other)
    return linalg.matmul(self, other)


def dot(self, other):
    linalg.check_mm_args("dot", self, other)
    return linalg.matmul(self, other)


def pow(self, exponent):
    return __pow__(self, exponent)


# ----- in-place arithmetic: x += y, x.add_(y, alpha=...) ---------------------------------------
def _in_place(out_of_place):
    """Make ``x op= y`` from ``x op y``.

    Outside the graph (``no_grad``, or nothing requires grad) the numbers change in place, so every
    tensor sharing the memory (``p.data``, ``p.detach()``) sees it: this is how optimizers update
    weights. Inside the graph the result is recorded and this tensor takes its place in the graph.
    """
    def method(self, other):
        other = as_tensor_like(other, self)
        recording = is_grad_enabled() and (self._requires_grad or other._requires_grad)
        self._check_in_place()
        if recording:
            before = Tensor._make(self._data, self._requires_grad, self.grad_fn)  # the old graph position
            result = out_of_place(before, other)
            _check_in_place_result(self, result)
            self._data, self.grad_fn, self._requires_grad = result._data, result.grad_fn, True
            result.grad_fn._output_ref = weakref.ref(self)
        else:
            with no_grad():
                result = out_of_place(self, other)
            _check_in_place_result(self, result)
            self._data[...] = result._data
        return self
    return method


def _check_in_place_result(self, result):
    if result._data.shape != self._data.shape:
        raise RuntimeError(f"output with shape {list(self._data.shape)} doesn't match the broadcast shape "
                           f"{list(result._data.shape)}")
    if not np.can_cast(result._data.dtype, self._data.dtype, casting="same_kind"):
        names = {"f": "Float", "i": "Long", "b": "Bool", "u": "Byte"}
        raise RuntimeError(f"result type {names[result._data.dtype.kind]} can't be cast to the desired output "
                           f"type {names[self._data.dtype.kind]}")


__iadd__ = _in_place(__add__)
__isub__ = _in_place(__sub__)
__imul__ = _in_place(__mul__)
__itruediv__ = _in_place(__truediv__)


def add_(self, other, *, alpha=1):
    return __iadd__(self, other if alpha == 1 else other * alpha)


def sub_(self, other, *, alpha=1):
    return __isub__(self, other if alpha == 1 else other * alpha)


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


def amax(self, dim=None, keepdim=False):
    return reductions.Amax.apply(self, dim=dim, keepdim=keepdim)


def amin(self, dim=None, keepdim=False):
    return reductions.Amin.apply(self, dim=dim, keepdim=keepdim, take_min=True)


def norm(self, p="fro", dim=None, keepdim=False):
    if p not in ("fro", 2, 2.0):
        raise NotImplementedError("minigrad's norm supports the Euclidean norm (p=2) only")
    return reductions.Norm.apply(self, dim=dim, keepdim=keepdim)


# ----- shapes ----------------------------------------------------------------------------------
def view(self, *shape):
    return shape_ops.View.apply(self, shape=shape_ops._shape_arg(shape))


def expand(self, *shape):
    shape = shape_ops._shape_arg(shape)
    if shape == self._data.shape:
        return self
    return shape_ops.Expand.apply(self, shape=shape)


def expand_as(self, other):
    return expand(self, tuple(other.shape))


def flatten(self, start_dim=0, end_dim=-1):
    if self.ndim == 0:
        return view(self, 1)
    start, end = start_dim % self.ndim, end_dim % self.ndim
    dims = self.shape
    middle = 1
    for n in dims[start:end + 1]:
        middle *= n
    return view(self, tuple(dims[:start]) + (middle,) + tuple(dims[end + 1:]))


def transpose(self, dim0, dim1):
    return shape_ops.Transpose.apply(self, dim0=dim0, dim1=dim1)


def t(self):
    if self.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {self.ndim}D")
    return shape_ops.T.apply(self, dim0=0, dim1=-1) if self.ndim == 2 else self


def permute(self, *dims):
    return shape_ops.Permute.apply(self, dims=shape_ops._shape_arg(dims))


def _T(self):
    return permute(self, *reversed(range(self.ndim)))


def unsqueeze(self, dim):
    return shape_ops.Unsqueeze.apply(self, dim=dim if dim >= 0 else dim + self.ndim + 1)


def squeeze(self, dim=None):
    if dim is None:
        return shape_ops.Squeeze.apply(self)
    return shape_ops.SqueezeDim.apply(self, dim=dim)


def select(self, dim, index):
    key = (slice(None),) * (dim % self.ndim) + (index,)
    return shape_ops.index(self, key)


def __getitem__(self, key):
    return shape_ops.index(self, key)


def __setitem__(self, key, value):
    self._check_in_place(through_view=True)
    self._data[shape_ops._index_key(key, self)] = value._data if isinstance(value, Tensor) else value


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
            return Tensor._make(numpy_op(self._data))
        other = as_tensor_like(other, self)
        return Tensor._make(numpy_op(self._data, other._data))
    return op


# ----- autograd --------------------------------------------------------------------------------
def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
    """Compute the gradient of this tensor with respect to every leaf and add it to ``leaf.grad``."""
    engine.backward(self, gradient, retain_graph, create_graph, inputs)


def _install():
    methods = {
        "__add__": __add__, "__radd__": __radd__, "__sub__": __sub__, "__rsub__": __rsub__,
        "__mul__": __mul__, "__rmul__": __rmul__, "__truediv__": __truediv__, "__rtruediv__": __rtruediv__,
        "__pow__": __pow__, "__rpow__": __rpow__, "__neg__": __neg__, "__matmul__": __matmul__,
        "__rmatmul__": __rmatmul__, "__eq__": __eq__, "__ne__": __ne__,
        "__lt__": comparison.lt, "__le__": comparison.le, "__gt__": comparison.gt, "__ge__": comparison.ge,
        "__getitem__": __getitem__, "__setitem__": __setitem__, "__iter__": __iter__,
        "__iadd__": __iadd__, "__isub__": __isub__, "__imul__": __imul__, "__itruediv__": __itruediv__,
        "add_": add_, "sub_": sub_, "mul_": __imul__, "div_": __itruediv__,
        "add": __add__, "sub": __sub__, "mul": __mul__, "div": __truediv__, "pow": pow, "neg": __neg__,
        "matmul": __matmul__, "mm": mm, "dot": dot, "mv": __matmul__,
        "reciprocal": lambda self: arithmetic.Reciprocal.apply(self),
        "sum": sum, "mean": mean, "max": max, "min": min, "amax": amax, "amin": amin, "norm": norm,
        "argmax": comparison.argmax, "argmin": comparison.argmin,
        "view": view, "reshape": view, "view_as": lambda self, other: view(self, tuple(other.shape)),
        "reshape_as": lambda self, other: view(self, tuple(other.shape)),
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
        "clamp": lambda self, min=None, max=None: elementwise.Clamp.apply(self, min=min, max=max),
        "clip": lambda self, min=None, max=None: elementwise.Clamp.apply(self, min=min, max=max),
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
