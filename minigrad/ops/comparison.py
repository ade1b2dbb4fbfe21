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
    return Tensor._make(np.asarray(np.all(x._data, axis=dim, keepdims=keepdim)))


def any(x, dim=None, keepdim=False):
    return Tensor._make(np.asarray(np.any(x._data, axis=dim, keepdims=keepdim)))


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


def argmax(x, dim=None, keepdim=False):
    _check_dim(dim, x.ndim)
    if dim is None and x._data.size == 0:
        raise IndexError("argmax(): Expected reduction dim to be specified for input.numel() == 0.")
    result = np.argmax(x._data, axis=dim, keepdims=keepdim) if dim is not None else np.argmax(x._data)
    return Tensor._make(np.asarray(result, dtype=np.int64))


def argmin(x, dim=None, keepdim=False):
    _check_dim(dim, x.ndim)
    if dim is None and x._data.size == 0:
        raise IndexError("argmin(): Expected reduction dim to be specified for input.numel() == 0.")
    result = np.argmin(x._data, axis=dim, keepdims=keepdim) if dim is not None else np.argmin(x._data)
    return Tensor._make(np.asarray(result, dtype=np.int64))
