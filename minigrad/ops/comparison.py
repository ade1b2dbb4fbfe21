"""Layer 3: comparisons. They give bool tensors and are not differentiable."""
import numpy as np

from ..tensor import Tensor
from ._util import as_tensor_like, check_broadcast


def _compare(numpy_op):
    def compare(a, b):
        b = as_tensor_like(b, a)
        if a._data.shape != b._data.shape:
            check_broadcast(a._data.shape, b._data.shape)
        return Tensor._make(np.asarray(numpy_op(a._data, b._data)))  # 0-d stays an array
    compare.__name__ = numpy_op.__name__
    return compare


eq = _compare(np.equal)
ne = _compare(np.not_equal)
gt = _compare(np.greater)
ge = _compare(np.greater_equal)
lt = _compare(np.less)
le = _compare(np.less_equal)


def all(x, dim=None, keepdim=False):
    _check_dim(dim, x.ndim)
    return Tensor._make(np.asarray(np.all(x._data, axis=dim if x.ndim else None, keepdims=keepdim)))


def any(x, dim=None, keepdim=False):
    _check_dim(dim, x.ndim)
    return Tensor._make(np.asarray(np.any(x._data, axis=dim if x.ndim else None, keepdims=keepdim)))


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    b = as_tensor_like(b, a)
    return bool(np.allclose(a._data, b._data, rtol=rtol, atol=atol, equal_nan=equal_nan))


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    b = as_tensor_like(b, a)
    return Tensor._make(np.asarray(np.isclose(a._data, b._data, rtol=rtol, atol=atol, equal_nan=equal_nan)))


def equal(a, b):
    return a.shape == b.shape and bool(np.array_equal(a._data, b._data))


def _check_dim(dim, ndim):
    bound = max(ndim, 1)
    if dim is not None and not -bound <= dim < bound:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-bound}, {bound - 1}], but got {dim})")


def _arg_extreme(name, pick, x, dim, keepdim):
    """``argmax`` / ``argmin``: the index of the first largest (smallest) element, a NaN counting as the
    largest and the smallest, as NumPy's and PyTorch's both do."""
    if x._data.dtype == np.bool_:
        raise RuntimeError(f"{name}(): does not support bool input")
    _check_dim(dim, x.ndim)
    if dim is None:
        if x._data.size == 0:
            raise IndexError(f"{name}(): Expected reduction dim to be specified for input.numel() == 0.")
        result = pick(x._data)
        return Tensor._make(np.asarray(result, dtype=np.int64).reshape((1,) * x.ndim if keepdim else ()))
    if x.ndim == 0:
        return Tensor._make(np.zeros((), np.int64))
    if x._data.shape[dim] == 0:
        raise IndexError(f"{name}(): Expected reduction dim {dim % x.ndim} to have non-zero size.")
    return Tensor._make(np.asarray(pick(x._data, axis=dim, keepdims=keepdim), dtype=np.int64))


def argmax(x, dim=None, keepdim=False, *, axis=None, keepdims=None):  # NumPy's names accepted, as by PyTorch
    return _arg_extreme("argmax", np.argmax, x, dim if axis is None else axis, keepdim or bool(keepdims))


def argmin(x, dim=None, keepdim=False, *, axis=None, keepdims=None):
    return _arg_extreme("argmin", np.argmin, x, dim if axis is None else axis, keepdim or bool(keepdims))
