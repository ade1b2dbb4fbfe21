"""Layer 3: matrix products. For C = A @ B, dL/dA = dL/dC @ B^T and dL/dB = A^T @ dL/dC."""
import numpy as np

from ..autograd.function import Function
from ._util import sum_to


class MatMul(Function):
    node_name = "MmBackward0"

    def forward(self, a, b):
        if a.ndim == 0 or b.ndim == 0:
            raise RuntimeError(f"both arguments to matmul need to be at least 1D, but they are {a.ndim}D and {b.ndim}D")
        _check_shapes(a, b)
        self.node_name = _node_name(a.ndim, b.ndim)
        return np.matmul(a, b)

    def backward(self, grad):
        a, b = self.saved_inputs
        grad_a = grad_b = None
        if a.ndim == 1 and b.ndim == 1:  # dot product: a scalar result
            return (grad * b if self.needs_input_grad[0] else None,
                    grad * a if self.needs_input_grad[1] else None)
        # Treat vectors as matrices (a row for a, a column for b), then undo it.
        a2 = a.unsqueeze(0) if a.ndim == 1 else a
        b2 = b.unsqueeze(-1) if b.ndim == 1 else b
        g2 = grad
        if a.ndim == 1:
            g2 = g2.unsqueeze(-2)
        if b.ndim == 1:
            g2 = g2.unsqueeze(-1)
        if self.needs_input_grad[0]:
            grad_a = sum_to(g2 @ b2.transpose(-1, -2), a2.shape)
            grad_a = grad_a.squeeze(0) if a.ndim == 1 else grad_a
        if self.needs_input_grad[1]:
            grad_b = sum_to(a2.transpose(-1, -2) @ g2, b2.shape)
            grad_b = grad_b.squeeze(-1) if b.ndim == 1 else grad_b
        return grad_a, grad_b


def _node_name(a_dims, b_dims):
    if a_dims == 1 and b_dims == 1:
        return "DotBackward0"
    if a_dims == 2 and b_dims == 1:
        return "MvBackward0"
    if a_dims == 2 and b_dims == 2:
        return "MmBackward0"
    if a_dims == 1:
        return "SqueezeBackward4"
    return "UnsafeViewBackward0"


def _check_shapes(a, b):
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
        k_a = a.shape[-1]
        k_b = b.shape[0] if b.ndim == 1 else b.shape[-2]
        if k_a != k_b:
            rows = int(np.prod(a.shape[:-1])) if a.ndim > 1 else 1
            cols = b.shape[-1] if b.ndim > 1 else 1
            raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({rows}x{k_a} and {k_b}x{cols})")
