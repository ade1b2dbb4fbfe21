"""Graph nodes of the two robust regression losses: quadratic near zero (smooth, like MSE) and linear
far away (so outliers pull no harder than a constant, like L1). With d = input - target:

  smooth_l1 (beta)   |d| < beta: 0.5 d^2 / beta      else |d| - 0.5 beta      SmoothL1LossBackward0
                     slope: d / beta inside,  sign(d) outside
  huber (delta)      |d| < delta: 0.5 d^2            else delta (|d| - 0.5 delta)   HuberLossBackward0
                     slope: d inside,  delta * sign(d) outside   (huber = delta * smooth_l1 with beta = delta)
Then summed or averaged; the target's gradient is minus the input's.
"""
import numpy as np

from ..autograd.function import NumpyFunction
from ..tensor import Tensor


def _reduce(values, reduction):
    if reduction == "none":
        return values
    total = values.sum(dtype=values.dtype)
    return np.asarray(total / values.dtype.type(values.size) if reduction == "mean" else total, dtype=values.dtype)


class _RobustLoss(NumpyFunction):
    huber = False

    @classmethod
    def forward(cls, ctx, input, target, reduction, width):
        ctx.reduction, ctx.width = reduction, width
        ctx.save_for_backward(input, target)
        d = np.abs(input - target)
        w = input.dtype.type(width)
        if cls.huber:
            values = np.where(d < w, 0.5 * d * d, w * (d - 0.5 * w))
        else:
            values = np.where(d < w, 0.5 * d * d / w, d - 0.5 * w)
        return _reduce(values.astype(input.dtype, copy=False), reduction)

    @classmethod
    def backward(cls, ctx, grad):
        input, target = ctx.saved_tensors
        diff = input - target
        inside = Tensor._make((np.abs(diff._data) < ctx.width).astype(diff._data.dtype))
        if cls.huber:
            slope = inside * diff + (1 - inside) * diff.sign() * ctx.width
        else:
            slope = inside * diff / ctx.width + (1 - inside) * diff.sign()
        if ctx.reduction == "mean":
            grad = grad / diff.numel()
        grad_input = slope * grad
        return grad_input, -grad_input if ctx.needs_input_grad[1] else None, None, None


class SmoothL1Loss(_RobustLoss):
    node_name = "SmoothL1LossBackward0"


class HuberLoss(_RobustLoss):
    node_name = "HuberLossBackward0"
    huber = True
