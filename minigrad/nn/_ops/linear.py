"""``y = x @ W.T + b`` as one node, named as PyTorch names it (``AddmmBackward0``, or ``MmBackward0``
without a bias)."""

from ..._dtype import scalar_type_name
from ...autograd.function import NumpyFunction
from ...tensor import Tensor
from . import recording_backward


def type_name(array):
    return scalar_type_name(array.dtype)


def check_mm(x, w):
    """x is (n, in), w is (out, in): PyTorch reports the product as mat1 (n x in) @ mat2 (in' x out)."""
    if x.shape[1] != w.shape[1]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({x.shape[0]}x{x.shape[1]} and "
                           f"{w.shape[1]}x{w.shape[0]})")
    if x.dtype != w.dtype:
        raise RuntimeError(f"mat1 and mat2 must have the same dtype, but got {type_name(x)} and {type_name(w)}")


class Addmm(NumpyFunction):
    """``bias + mat1 @ mat2`` in one node, as PyTorch records ``nn.Linear``: mat1 is the input x,
    mat2 is ``W.t()`` (a TBackward0 node), so for Y = X W^T + b:
    d bias = sum of dY's rows, d mat1 = dY @ mat2^T, d mat2 = mat1^T @ dY."""

    node_name = "AddmmBackward0"
    saved_names = ("mat1", "mat2")

    @staticmethod
    def forward(ctx, bias, mat1, mat2):
        _, need_mat1, need_mat2 = ctx.needs_input_grad  # each matrix is kept for the other's gradient only
        ctx.save_for_backward(mat1 if need_mat2 else None, mat2 if need_mat1 else None)
        ctx._saved_alpha = ctx._saved_beta = 1
        out = mat1 @ mat2
        out += bias  # in place: no second temporary array
        return out

    @staticmethod
    def backward(ctx, grad):
        mat1, mat2 = ctx.saved_tensors
        need_bias, need_mat1, need_mat2 = ctx.needs_input_grad
        if not recording_backward():  # fast path: the same three formulas straight on the arrays
            g = grad._data
            return (Tensor._make(g.sum(0)) if need_bias else None,
                    Tensor._make(g @ mat2._data.T) if need_mat1 else None,
                    # (g^T mat1)^T: the same numbers, laid out so that W's gradient (after TBackward0) is contiguous
                    Tensor._make((g.T @ mat1._data).T) if need_mat2 else None)
        return (grad.sum(0) if need_bias else None,
                grad @ mat2.t() if need_mat1 else None,
                mat1.t() @ grad if need_mat2 else None)


def linear(x, weight, bias=None):
    """``x @ weight.t() + bias``, recorded with PyTorch's nodes: AddmmBackward0 (MmBackward0 without a
    bias) fed by TBackward0 for the weight; other input shapes are flattened to rows and viewed back."""
    if x.ndim not in (1, 2):
        rows = x.reshape(-1, x.shape[-1]) if x.ndim else x.reshape(1, 1)
        return linear(rows, weight, bias).view(tuple(x.shape[:-1]) + (weight.shape[0],))
    check_mm(x._data if x.ndim == 2 else x._data[None], weight._data)
    if bias is None:
        return x @ weight.t()
    if x.ndim == 1:  # PyTorch records a row: AddmmBackward0, then a view back to a vector
        return Addmm.apply(bias, x.unsqueeze(0), weight.t()).view(weight.shape[0])
    return Addmm.apply(bias, x, weight.t())
