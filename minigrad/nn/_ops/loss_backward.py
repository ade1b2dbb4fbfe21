"""The backward passes of softmax, log-softmax and the losses, each one node as in PyTorch.

PyTorch computes these backwards with named functions (``_softmax_backward_data``,
``_log_softmax_backward_data``, ``mse_loss_backward``, ``nll_loss_backward``). With ``create_graph=True``
each becomes a single node of the new graph: ``SoftmaxBackwardDataBackward0``,
``LogSoftmaxBackwardDataBackward0``, ``MseLossBackwardBackward0``, ``NllLossBackwardBackward0``. Each
forward below is the first derivative's formula on NumPy arrays; each backward differentiates that formula
once more with tensor operations, in PyTorch's order, so third derivatives work and draw as in PyTorch.
"""
import numpy as np

from ...autograd.function import NumpyFunction
from ...ops._util import promote
from ...ops.scalar_arithmetic import div_scalar, mul_scalar
from ...tensor import Tensor
from .rows import row_sum


class SoftmaxBackwardData(NumpyFunction):
    """dx = y * (g - sum(g * y)) for y = softmax(x) along ``dim``."""

    node_name = "SoftmaxBackwardDataBackward0"

    @staticmethod
    def forward(ctx, grad, y, dim):
        ctx.save_for_backward(grad, y)
        ctx.dim = dim
        result = grad * y
        np.subtract(grad, row_sum(result, dim), out=result)  # one new array, reused: y * (g - sum(g * y))
        result *= y
        return result

    @staticmethod
    def backward(ctx, gg):
        grad, y = ctx.saved_tensors
        dim = ctx.dim
        d_grad = SoftmaxBackwardData.apply(gg, y, dim=dim) if ctx.needs_input_grad[0] else None  # linear in g
        d_y = None
        if ctx.needs_input_grad[1]:  # the product rule on y * g - y * sum(g * y)
            d_y = grad * gg - (y * grad).sum(dim, keepdim=True) * gg - grad * (y * gg).sum(dim, keepdim=True)
        return d_grad, d_y


class LogSoftmaxBackwardData(NumpyFunction):
    """dx = g - exp(y) * sum(g) for y = log_softmax(x) along ``dim``. exp(y) is the softmax, which the forward
    of log_softmax computed on the way and passes on."""

    node_name = "LogSoftmaxBackwardDataBackward0"

    @staticmethod
    def forward(ctx, grad, y, dim, softmax):
        ctx.save_for_backward(grad, y)
        ctx.dim = dim
        result = softmax * row_sum(grad, dim)
        np.subtract(grad, result, out=result)  # in place: one new array for the whole formula
        return result

    @staticmethod
    def backward(ctx, gg):
        grad, y = ctx.saved_tensors
        dim = ctx.dim
        d_grad = gg - (gg * y.exp()).sum(dim, keepdim=True) if ctx.needs_input_grad[0] else None
        d_y = (-grad.sum(dim, keepdim=True) * y.exp()) * gg if ctx.needs_input_grad[1] else None
        return d_grad, d_y


class MseLossBackward(NumpyFunction):
    """da = 2 (a - b) g / n (n = a.numel() for the mean, 1 for a sum), and db = -da."""

    node_name = "MseLossBackwardBackward0"

    @staticmethod
    def forward(ctx, grad, a, b, reduction):
        ctx.save_for_backward(grad, a, b)
        ctx.reduction = reduction
        a, b = promote(a, b)
        diff = a - b
        ctx.count = diff.size
        scale = 2.0 / max(diff.size, 1) if reduction == "mean" else 2.0  # (an empty mean has an empty gradient)
        return diff * diff.dtype.type(scale) * grad

    @staticmethod
    def backward(ctx, gg):
        grad, a, b = ctx.saved_tensors
        reduction = ctx.reduction
        d_grad = MseLossBackward.apply(gg, a, b, reduction=reduction) if ctx.needs_input_grad[0] else None
        d_a = None  # d/da of 2 (a - b) g / n is 2 g / n, and d/db is minus that
        if ctx.needs_input_grad[1] or ctx.needs_input_grad[2]:
            d_a = mul_scalar(gg * grad, 2)
            if reduction == "mean":
                d_a = div_scalar(d_a, ctx.count)
        return (d_grad, d_a if ctx.needs_input_grad[1] else None,
                -d_a if ctx.needs_input_grad[2] else None)


class NllLossBackward(NumpyFunction):
    """dx[i, t_i] = -g_i (divided by the number of counted samples for the mean), 0 elsewhere. ``counted`` is
    the mask of the samples that count, None when all do (as NllLoss's forward found)."""

    node_name = "NllLossBackwardBackward0"

    @staticmethod
    def forward(ctx, grad, x, target, reduction, ignore_index, counted=None):
        ctx.target, ctx.reduction, ctx.ignore_index = target, reduction, ignore_index
        result = np.zeros(x.shape, dtype=x.dtype)
        classes = target.reshape(-1)  # (a single sample is one row)
        rows = np.arange(len(classes)) if counted is None else np.flatnonzero(counted)  # the samples that count
        scale = grad.reshape(-1)[rows] if reduction == "none" else grad
        if reduction == "mean":
            scale = scale / x.dtype.type(len(rows))
        targets = rows * x.shape[-1] + (classes if counted is None else classes[rows])  # [row, class] in flat terms
        result.reshape(-1)[targets] = -scale
        return result

    @staticmethod
    def backward(ctx, gg):
        from .loss import NllLoss
        d_grad = None
        if ctx.needs_input_grad[0]:  # linear in g: the loss of gg itself
            d_grad = NllLoss.apply(gg, target=Tensor._make(ctx.target), reduction=ctx.reduction,
                                   ignore_index=ctx.ignore_index)
        return d_grad, Tensor._make(np.zeros_like(gg._data)) if ctx.needs_input_grad[1] else None
