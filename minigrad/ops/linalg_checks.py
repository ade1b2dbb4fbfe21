"""PyTorch's checks of matrix-product arguments, with its messages. Each kernel checks its own
arguments, in its own order (dimensions, sizes, dtypes), so ``a @ b`` fails with the message of the
kernel it reached: a (2, 2, 3) batch @ a (4,) vector is folded into a (4, 3) matrix for ``mv``, hence
"size mismatch, got input (4), mat (4x3), vec (4)"."""
import numpy as np

from .._dtype import c_type_name, scalar_type_name


def scalar_type(t):
    """PyTorch's name of a tensor's dtype in messages: Float, Double, Long, Bool ..."""
    return scalar_type_name(t._data.dtype)


def _c_type(t):
    """The C++ type name some messages use instead: float, double, long int, bool ..."""
    return c_type_name(t._data.dtype)


def _not_implemented_for_bool(kernel, t):
    if t._data.dtype == np.bool_:
        raise NotImplementedError(f"\"{kernel}\" not implemented for 'Bool'")


def check_matmul(a, b):
    if a.ndim == 0 or b.ndim == 0:
        raise RuntimeError(f"both arguments to matmul need to be at least 1D, but they are {a.ndim}D and {b.ndim}D")


def check_dot(a, b):
    if a.ndim != 1 or b.ndim != 1:
        raise RuntimeError(f"1D tensors expected, but got {a.ndim}D and {b.ndim}D tensors")
    if a.dtype != b.dtype:
        raise RuntimeError(f"dot : expected both vectors to have same dtype, but found {scalar_type(a)} and "
                           f"{scalar_type(b)}")
    if a.shape != b.shape:
        n, m = a.shape[0], b.shape[0]
        raise RuntimeError(f"inconsistent tensor size, expected tensor [{n}] and src [{m}] to have the same number "
                           f"of elements, but got {n} and {m} elements respectively")
    _not_implemented_for_bool("dot", a)


def check_mv(matrix, vector):
    if matrix.ndim != 2 or vector.ndim != 1:
        raise RuntimeError(f"vector + matrix @ vector expected, got 1, {matrix.ndim}, {vector.ndim}")
    n, k = matrix.shape
    if vector.shape[0] != k:
        raise RuntimeError(f"size mismatch, got input ({n}), mat ({n}x{k}), vec ({vector.shape[0]})")
    if matrix.dtype != vector.dtype:  # mv is addmv into a result of the vector's dtype
        v, m = scalar_type(vector), scalar_type(matrix)
        raise RuntimeError(f"addmv input tensors must have the same dtype, but got {v}, {m}, and {v}")
    _not_implemented_for_bool("addmv_impl_cpu", matrix)


def check_mm(a, b):
    if a.ndim != 2:
        raise RuntimeError("self must be a matrix")
    if b.ndim != 2:
        raise RuntimeError("mat2 must be a matrix")
    if a.shape[1] != b.shape[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({a.shape[0]}x{a.shape[1]} and "
                           f"{b.shape[0]}x{b.shape[1]})")
    if a.dtype != b.dtype:
        raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: {_c_type(a)} != {_c_type(b)}")
    _not_implemented_for_bool("addmm_impl_cpu_", a)


def check_bmm(a, b):
    if a.ndim != 3:
        raise RuntimeError("batch1 must be a 3D tensor")
    if b.ndim != 3:
        raise RuntimeError("batch2 must be a 3D tensor")
    if b.shape[:2] != (a.shape[0], a.shape[2]):
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: [{a.shape[0]}, "
                           f"{a.shape[2]}] but got: [{b.shape[0]}, {b.shape[1]}].")
    _not_implemented_for_bool("bmm", a)
    if a.dtype != b.dtype:
        raise RuntimeError(f"expected scalar type {scalar_type(a)} but found {scalar_type(b)}")
