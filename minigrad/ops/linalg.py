"""Layer 3: matrix products. For C = A @ B, dL/dA = dL/dC @ B^T and dL/dB = A^T @ dL/dC."""
import numpy as np

from ..autograd.function import NumpyFunction
from ._util import check_broadcast, sum_to


class MatMul(NumpyFunction):
    """``a @ b`` for batches of matrices (and vectors, treated as a row or a column)."""

    node_name = "UnsafeViewBackward0"
    saved_names = ("self", "other")

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return np.matmul(a, b)

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        grad_a = grad_b = None
        if a.ndim == 1 and b.ndim == 1:  # dot product: a scalar result
            return (grad * b if ctx.needs_input_grad[0] else None,
                    grad * a if ctx.needs_input_grad[1] else None)
        # Treat vectors as matrices (a row for a, a column for b), then undo it.
        a2 = a.unsqueeze(0) if a.ndim == 1 else a
        b2 = b.unsqueeze(-1) if b.ndim == 1 else b
        g2 = grad
        if a.ndim == 1:
            g2 = g2.unsqueeze(-2)
        if b.ndim == 1:
            g2 = g2.unsqueeze(-1)
        if ctx.needs_input_grad[0]:
            grad_a = sum_to(g2 @ b2.transpose(-1, -2), a2.shape)
            grad_a = grad_a.squeeze(0) if a.ndim == 1 else grad_a
        if ctx.needs_input_grad[1]:
            grad_b = sum_to(a2.transpose(-1, -2) @ g2, b2.shape)
            grad_b = grad_b.squeeze(-1) if b.ndim == 1 else grad_b
        return grad_a, grad_b


class Dot(MatMul):
    node_name = "DotBackward0"


class Mv(MatMul):
    node_name = "MvBackward0"


class Mm(MatMul):
    node_name = "MmBackward0"
    saved_names = ("self", "mat2")


class Bmm(MatMul):
    node_name = "BmmBackward0"


_NODES = {(1, 1): Dot, (2, 1): Mv, (2, 2): Mm}


def matmul(a, b):
    """``a @ b``: checked as PyTorch checks it, recorded under the name PyTorch gives it."""
    if a.ndim == 0 or b.ndim == 0:
        raise RuntimeError(f"both arguments to matmul need to be at least 1D, but they are {a.ndim}D and {b.ndim}D")
    _check_shapes(a._data, b._data)
    if a.ndim == 1 and b.ndim == 2:  # a row times a matrix, then the row dimension is dropped again
        from .shape import SqueezeMatmul
        return SqueezeMatmul.apply(Mm.apply(a.unsqueeze(0), b), dim=0)
    return _NODES.get((a.ndim, b.ndim), MatMul).apply(a, b)


_TYPE = {"float64": ("double", "Double"), "float32": ("float", "Float"), "int64": ("long int", "Long"),
         "float16": ("c10::Half", "Half"), "int32": ("int", "Int"), "bool": ("bool", "Bool")}


def _check_dtypes(a, b):
    if a.dtype == b.dtype:
        return
    (a_low, a_cap), (b_low, b_cap) = _TYPE.get(a.dtype.name, (a.dtype.name,) * 2), _TYPE.get(b.dtype.name, (b.dtype.name,) * 2)
    if a.ndim == 1 and b.ndim == 1:
        raise RuntimeError(f"dot : expected both vectors to have same dtype, but found {a_cap} and {b_cap}")
    if a.ndim == 2 and b.ndim == 1:
        raise RuntimeError(f"addmv input tensors must have the same dtype, but got {b_cap}, {a_cap}, and {b_cap}")
    raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: {a_low} != {b_low}")


def check_mm_args(name, a, b):
    """``torch.mm`` and ``torch.dot`` accept only matrices and only vectors."""
    if name == "mm" and (a.ndim != 2 or b.ndim != 2):
        raise RuntimeError("self must be a matrix" if a.ndim != 2 else "mat2 must be a matrix")
    if name == "dot" and (a.ndim != 1 or b.ndim != 1):
        raise RuntimeError(f"1D tensors expected, but got {a.ndim}D and {b.ndim}D tensors")


def _check_shapes(a, b):
    if a.ndim == 1 and b.ndim == 1 and a.dtype != b.dtype:  # dot checks dtypes first
        _check_dtypes(a, b)
    if a.ndim == 1 and b.ndim == 1:
        if a.shape != b.shape:
            raise RuntimeError(f"inconsistent tensor size, expected tensor [{a.shape[0]}] and src [{b.shape[0]}] to "
                               f"have the same number of elements, but got {a.shape[0]} and {b.shape[0]} elements "
                               "respectively")
    elif a.ndim == 2 and b.ndim == 1:
        if a.shape[1] != b.shape[0]:
            raise RuntimeError(f"size mismatch, got input ({a.shape[0]}), mat ({a.shape[0]}x{a.shape[1]}), "
                               f"vec ({b.shape[0]})")
    else:
        if a.ndim > 2 or b.ndim > 2:  # batch dimensions broadcast
            check_broadcast(a.shape[:-2], b.shape[:-2] if b.ndim > 1 else ())
        k_a = a.shape[-1]
        k_b = b.shape[0] if b.ndim == 1 else b.shape[-2]
        if k_a != k_b:
            rows = int(np.prod(a.shape[:-1])) if a.ndim > 1 else 1
            cols = b.shape[-1] if b.ndim > 1 else 1
            raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({rows}x{k_a} and {k_b}x{cols})")
    _check_dtypes(a, b)
    if a.dtype == np.bool_:
        kernel = {(1, 1): "dot", (2, 2): "addmm_impl_cpu_"}.get((a.ndim, b.ndim), "bmm" if a.ndim > 2 else None)
        if kernel:
            raise NotImplementedError(f'"{kernel}" not implemented for \'Bool\'')
