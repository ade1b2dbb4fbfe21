"""Graph nodes of two more activations, each forward beside its chain rule.

  leaky_relu   LeakyReluBackward0     x if x > 0 else slope * x: the slope is 1 or ``slope``
  prelu        PreluKernelBackward0   the same with a learned slope per channel (dim 1), so the slope
                                      also gets a gradient: the sum of grad * x where x <= 0
                                      (an input of fewer than 2 dims has one channel)
"""
import numpy as np

from ..autograd.function import NumpyFunction
from ..tensor import Tensor


def _positive(x):
    """1 where x > 0, else 0, as a constant tensor of x's dtype."""
    return Tensor._make((x._data > 0).astype(x._data.dtype))


class LeakyRelu(NumpyFunction):
    node_name = "LeakyReluBackward0"

    @staticmethod
    def forward(ctx, x, negative_slope):
        ctx.negative_slope = negative_slope
        ctx.save_for_backward(x)
        return np.where(x > 0, x, x * x.dtype.type(negative_slope))

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        positive = _positive(x)
        return grad * (positive + (1 - positive) * ctx.negative_slope), None


def _channel_shape(x_ndim, weight_size):
    """The shape that lines a per-channel weight up with dim 1 of the input."""
    return (1, weight_size) + (1,) * (x_ndim - 2)


class Prelu(NumpyFunction):
    node_name = "PreluKernelBackward0"

    @staticmethod
    def forward(ctx, x, weight):
        ctx.save_for_backward(x, weight)
        slope = weight.reshape(_channel_shape(x.ndim, weight.size)) if weight.size > 1 else weight.reshape(())
        return np.where(x > 0, x, slope * x)

    @staticmethod
    def backward(ctx, grad):
        x, weight = ctx.saved_tensors
        positive = _positive(x)
        shape = _channel_shape(x.ndim, weight.numel()) if weight.numel() > 1 else ()
        slope = weight.reshape(shape)
        grad_x = grad * (positive + (1 - positive) * slope)
        grad_slope = grad * x * (1 - positive)
        if weight.numel() > 1 and x.ndim >= 2:
            grad_slope = grad_slope.sum(dim=tuple(d for d in range(x.ndim) if d != 1))
        else:
            grad_slope = grad_slope.sum()
        return grad_x, grad_slope.reshape(weight.shape)
