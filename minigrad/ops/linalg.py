"""Layer 3: matrix products.

PyTorch multiplies matrices with four kernels, and each is a node with its own chain rule
(for C = A B an upstream gradient G gives dL/dA = G B^T and dL/dB = A^T G):

  dot(a, b)   vector . vector        DotBackward0
  mv(A, b)    matrix @ vector        MvBackward0
  mm(A, B)    matrix @ matrix        MmBackward0
  bmm(A, B)   batch of matrix products, (b, n, k) @ (b, k, m)   BmmBackward0

``a @ b`` (``matmul``) is not a node of its own: it reshapes its operands so that one of the kernels
can do the work, and those reshapes are recorded too. A (4, 2, 3) batch times a (3, 5) matrix, for
example, is one (8, 3) @ (3, 5) ``mm`` between two reshapes, so its graph reads
UnsafeViewBackward0 <- MmBackward0 <- ViewBackward0, exactly as PyTorch's does.
"""
import math

import numpy as np

from ..autograd.function import NumpyFunction
from ._util import check_broadcast
from .linalg_checks import check_bmm, check_dot, check_matmul, check_mm, check_mv
from .shape import SqueezeMatmul, UnsafeView


# ----- the four kernels ---------------------------------------------------------------------------
def save_partners(ctx, a, b, swapped=False):
    """Each input's gradient is made with the other input: keep ``a`` only if ``b`` needs a gradient and
    ``b`` only if ``a`` does, as PyTorch does (so changing an unneeded one in place later is no error).
    ``swapped``: a and b are the second and first inputs (saved in that order)."""
    b_needed, a_needed = ctx.needs_input_grad[::-1] if swapped else ctx.needs_input_grad  # (the partners')
    ctx.save_for_backward(a if a_needed else None, b if b_needed else None)


class Dot(NumpyFunction):
    node_name = "DotBackward0"
    saved_names = ("self", "tensor")

    @staticmethod
    def forward(ctx, a, b):
        save_partners(ctx, a, b)
        return np.asarray(np.dot(a, b))

    @staticmethod
    def backward(ctx, grad):  # d(a . b)/da = b: each element of a is scaled by its partner in b
        a, b = ctx.saved_tensors
        return (grad * b if ctx.needs_input_grad[0] else None,
                grad * a if ctx.needs_input_grad[1] else None)


class Mv(NumpyFunction):
    node_name = "MvBackward0"
    saved_names = ("self", "vec")

    @staticmethod
    def forward(ctx, matrix, vector):
        save_partners(ctx, matrix, vector)
        return matrix @ vector

    @staticmethod
    def backward(ctx, grad):
        matrix, vector = ctx.saved_tensors
        grad_matrix = grad_vector = None
        if ctx.needs_input_grad[0]:  # the outer product G v^T (PyTorch's ``ger``)
            grad_matrix = grad.reshape(-1, 1) * vector
        if ctx.needs_input_grad[1]:
            grad_vector = matrix.t().mv(grad)
        return grad_matrix, grad_vector


class Mm(NumpyFunction):
    node_name = "MmBackward0"
    saved_names = ("mat2", "self")  # in PyTorch's order: its nodes check their saved tensors by name

    @staticmethod
    def forward(ctx, a, b):
        save_partners(ctx, b, a, swapped=True)
        ctx.column_major = _column_major(a), _column_major(b)
        return a @ b

    @staticmethod
    def backward(ctx, grad):
        b, a = ctx.saved_tensors
        grad_a = grad_b = None
        # For an input stored column by column (the .t() of a matrix), PyTorch computes the transposed
        # product and transposes it back: the same numbers, and the graph of a double backward shows it.
        if ctx.needs_input_grad[0]:
            grad_a = b.mm(grad.t()).t() if ctx.column_major[0] else grad.mm(b.t())
        if ctx.needs_input_grad[1]:
            grad_b = grad.t().mm(a).t() if ctx.column_major[1] else a.t().mm(grad)
        return grad_a, grad_b


def _column_major(matrix):
    rows = matrix.shape[0]
    step = matrix.itemsize
    return matrix.strides[0] == step and matrix.strides[1] == rows * step


class Bmm(NumpyFunction):
    node_name = "BmmBackward0"
    saved_names = ("mat2", "self")  # in PyTorch's order: its nodes check their saved tensors by name

    @staticmethod
    def forward(ctx, a, b):
        save_partners(ctx, b, a, swapped=True)
        return np.matmul(a, b)

    @staticmethod
    def backward(ctx, grad):  # the matrix rule, for each matrix of the batch
        b, a = ctx.saved_tensors
        return (grad.bmm(b.transpose(1, 2)) if ctx.needs_input_grad[0] else None,
                a.transpose(1, 2).bmm(grad) if ctx.needs_input_grad[1] else None)


def dot(a, b):
    check_dot(a, b)
    return Dot.apply(a, b)


def mv(matrix, vector):
    check_mv(matrix, vector)
    return Mv.apply(matrix, vector)


def mm(a, b):
    check_mm(a, b)
    return Mm.apply(a, b)


def bmm(a, b):
    check_bmm(a, b)
    return Bmm.apply(a, b)


# ----- matmul: how ``a @ b`` reaches a kernel -----------------------------------------------------
def matmul(a, b):
    """``a @ b`` for vectors, matrices and batches of them, recorded as PyTorch records it."""
    check_matmul(a, b)
    if a.ndim == 1 and b.ndim == 1:
        return dot(a, b)
    if a.ndim == 2 and b.ndim == 1:
        return mv(a, b)
    if a.ndim == 1 and b.ndim == 2:
        result = SqueezeMatmul.apply(mm(a.unsqueeze(0), b), dim=0)  # PyTorch's squeeze_(0) of the (1, m) product
        result._version += 1  # (an in-place op: the product is at version 1, as PyTorch counts)
        return result
    if a.ndim == 2 and b.ndim == 2:
        return mm(a, b)
    if _should_fold(a, b):
        return _folded_matmul(a, b)
    return _batched_matmul(a, b)


def _should_fold(a, b):
    """A batch times a plain matrix or vector needs no ``bmm``: the batch can be folded into the rows
    of one big matrix. PyTorch does so when the small operand requires grad (its gradient is then one
    product, not a batch of them to sum) or when the folding needs no copy."""
    large, small = (a, b) if a.ndim >= b.ndim else (b, a)
    if large.ndim < 3 or small.ndim > 2:
        return False
    if small.requires_grad:
        return True
    if a.ndim == 2:  # matrix @ batch: folding would need a transposed copy of the result
        return False
    rows = large._data if large is a else np.swapaxes(large._data, -1, -2)
    if rows.size == 0:
        return True
    return all(rows.strides[i] == rows.strides[i + 1] * rows.shape[i + 1] for i in range(rows.ndim - 2))


def _folded_matmul(a, b):
    """(..., n, k) @ (k, m) as one (N, k) @ (k, m) ``mm`` (or ``mv`` for a vector), then reshaped back.
    A batch on the right is transposed first: (n, k) @ (..., k, m) is the transpose of (..., m, k) @ (k, n)."""
    transpose = b.ndim > a.ndim
    large = b.mT if transpose else a
    small = (a.t() if a.ndim == 2 else a) if transpose else b
    shape = large.shape[:-1] + ((small.shape[1],) if small.ndim == 2 else ())
    rows = large.reshape(math.prod(large.shape[:-1]), large.shape[-1])
    if small.ndim == 1:
        return UnsafeView.apply(mv(rows, small), shape=shape)
    result = UnsafeView.apply(mm(rows, small), shape=shape)
    return result.mT.contiguous() if transpose else result


def _batched_matmul(a, b):
    """Both operands broadcast to one batch shape, flattened to (B, n, k) and (B, k, m) for ``bmm``.
    (A batch of one matrix that requires grad, against a longer batch, is squeezed to a plain matrix
    first, so that its gradient is one product rather than a batch to sum.)"""
    if a.ndim == 3 and b.ndim == 3 and a.shape[0] != b.shape[0]:
        if a.shape[0] == 1 and a.requires_grad:
            return matmul(a.squeeze(0), b)
        if b.shape[0] == 1 and b.requires_grad:
            return matmul(a, b.squeeze(0))
    n, k = (a.shape[-2] if a.ndim > 1 else 1), a.shape[-1]
    k2, m = (b.shape[-2], b.shape[-1]) if b.ndim > 1 else (b.shape[0], 1)
    batch_a, batch_b = a.shape[:-2], b.shape[:-2]
    check_broadcast(batch_a, batch_b)
    batch = tuple(np.broadcast_shapes(batch_a, batch_b))
    count = math.prod(batch)
    left = a.expand(batch + (n, k)).reshape(count, n, k)
    right = (b.unsqueeze(-1) if b.ndim == 1 else b).expand(batch + (k2, m)).reshape(count, k2, m)
    result = bmm(left, right)
    if b.ndim == 1:
        result = result.squeeze(-1)
    shape = batch + ((n,) if a.ndim > 1 else ()) + ((m,) if b.ndim > 1 else ())
    return UnsafeView.apply(result, shape=shape)
