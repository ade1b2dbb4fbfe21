"""Batch normalisation over the channels of (N, C, H, W) input.

Training: each channel is normalised with the mean and variance of the current batch,
``x_hat = (x - mean) / sqrt(var + eps)``, then scaled and shifted, ``y = weight * x_hat + bias``; the
running statistics move towards the batch statistics. Evaluation: the running statistics are used
instead, so the output of one sample no longer depends on the rest of the batch.
"""
import numpy as np

from ...autograd.function import NumpyFunction
from ...tensor import Tensor
from . import recording_backward

AXES = (0, 2, 3)  # every axis but the channel axis


def _per_channel(v):
    return v.reshape(1, -1, 1, 1)


class BatchNorm(NumpyFunction):
    """In training, the mean and variance depend on x, which gives the backward its extra terms:

    dx = weight / sqrt(var + eps) * (g - mean(g) - x_hat * mean(g * x_hat))   (means over N, H, W)
    """

    node_name = "NativeBatchNormBackward0"

    @staticmethod
    def forward(ctx, x, weight=None, bias=None, running_mean=None, running_var=None, training=True,
                momentum=0.1, eps=1e-5):
        ctx.training, ctx.eps = training, eps
        if training:
            count = x.size // x.shape[1]
            mean = x.mean(axis=AXES)
            centred = x - _per_channel(mean)
            var = np.einsum("nchw,nchw->c", centred, centred) / count  # biased, as used to normalise
            if running_mean is not None:
                running_mean *= 1 - momentum
                running_mean += momentum * mean
                running_var *= 1 - momentum
                running_var += momentum * var * (count / max(count - 1, 1))  # unbiased for the running value
        else:
            mean, var = running_mean, running_var
            centred = x - _per_channel(mean)
        ctx.mean = mean.copy()
        invstd = (1.0 / np.sqrt(var + eps)).astype(x.dtype)
        x_hat = centred
        x_hat *= _per_channel(invstd)  # in place: centred is ours
        ctx.invstd = invstd
        ctx.save_for_backward(x, weight, x_hat)
        if weight is None:
            return x_hat.copy()
        return x_hat * _per_channel(weight) + _per_channel(bias)

    @staticmethod
    def backward(ctx, grad):
        x, weight, x_hat = ctx.saved_tensors
        if recording_backward():
            return _backward_graph(ctx, grad, x, weight)
        g, x_hat = grad._data, x_hat._data
        grad_sum = g.sum(axis=AXES)
        grad_dot = np.einsum("nchw,nchw->c", g, x_hat)  # sum of g * x_hat per channel, no temporary
        grad_x = grad_w = grad_b = None
        if ctx.needs_input_grad[0]:
            scale = ctx.invstd if weight is None else ctx.invstd * weight._data
            if ctx.training:
                count = g.size // g.shape[1]
                gx = g - _per_channel(grad_sum / count)
                gx -= x_hat * _per_channel(grad_dot / count)
                gx *= _per_channel(scale)
            else:
                gx = g * _per_channel(scale)
            grad_x = Tensor._make(gx)
        if weight is not None:
            grad_w = Tensor._make(grad_dot) if ctx.needs_input_grad[1] else None
            grad_b = Tensor._make(grad_sum) if ctx.needs_input_grad[2] else None
            return grad_x, grad_w, grad_b
        return (grad_x,)


def _backward_graph(ctx, grad, x, weight):
    """The same formulas as tensor operations, with the statistics recomputed from x, so that
    the gradient can be differentiated again."""
    if ctx.training:
        mean = x.mean(AXES, keepdim=True)
        centred = x - mean
        invstd = ((centred * centred).mean(AXES, keepdim=True) + ctx.eps) ** -0.5
    else:
        centred = x - Tensor._make(_per_channel(ctx.mean))
        invstd = Tensor._make(_per_channel(ctx.invstd))
    x_hat = centred * invstd
    grad_sum = grad.sum(AXES, keepdim=True)
    grad_dot = (grad * x_hat).sum(AXES, keepdim=True)
    scale = invstd if weight is None else invstd * weight.reshape(1, -1, 1, 1)
    if ctx.training:
        count = x.numel() // x.shape[1]
        grad_x = scale * (grad - grad_sum / count - x_hat * grad_dot / count)
    else:
        grad_x = scale * grad
    if weight is None:
        return (grad_x,)
    return grad_x, grad_dot.reshape(-1), grad_sum.reshape(-1)

