"""Batch normalisation over the channels (axis 1) of (N, C), (N, C, L) or (N, C, H, W) input.

Training: each channel is normalised with the mean and variance of the current batch,
``x_hat = (x - mean) / sqrt(var + eps)``, then scaled and shifted, ``y = weight * x_hat + bias``; the
running statistics move towards the batch statistics. Evaluation: the running statistics are used
instead, so the output of one sample no longer depends on the rest of the batch.
"""
import numpy as np

from ...autograd.function import NumpyFunction
from ...tensor import Tensor
from . import recording_backward


def _axes(ndim):
    """Every axis but the channel axis: (0,) for (N, C), (0, 2, 3) for (N, C, H, W)."""
    return (0,) + tuple(range(2, ndim))


def _per_channel(v, ndim):
    """A vector of C values shaped to broadcast along axis 1 of an ndim-D input."""
    return v.reshape((1, -1) + (1,) * (ndim - 2))


def _channel_dot(a, b):
    """sum of a * b per channel (axis 1), without the temporary array a * b."""
    n, c = a.shape[:2]
    return np.einsum("ncl,ncl->c", a.reshape(n, c, -1), b.reshape(n, c, -1))


class BatchNorm(NumpyFunction):
    """In training, the mean and variance depend on x, which gives the backward its extra terms:

    dx = weight / sqrt(var + eps) * (g - mean(g) - x_hat * mean(g * x_hat))   (means over all but C)

    Without ``affine`` there is no weight or bias (``affine=False``): the node still has their two
    edges, empty, as in PyTorch, because ``batch_norm`` passes placeholders that need no gradient.
    """

    node_name = "NativeBatchNormBackward0"

    @staticmethod
    def forward(ctx, x, weight, bias, running_mean=None, running_var=None, training=True,
                momentum=0.1, eps=1e-5, affine=True):
        if not affine:
            weight = bias = None
        ctx.training, ctx.eps = training, eps
        ndim = x.ndim
        if training:
            count = x.size // x.shape[1]
            mean = x.mean(axis=_axes(ndim))
            centred = x - _per_channel(mean, ndim)
            var = _channel_dot(centred, centred) / count  # biased, as used to normalise
            if running_mean is not None:
                running_mean *= 1 - momentum
                running_mean += momentum * mean
                running_var *= 1 - momentum
                running_var += momentum * var * (count / max(count - 1, 1))  # unbiased for the running value
        else:
            mean, var = running_mean, running_var
            centred = x - _per_channel(mean, ndim)
        ctx.mean = mean.copy()
        invstd = (1.0 / np.sqrt(var + eps)).astype(x.dtype)
        x_hat = centred
        x_hat *= _per_channel(invstd, ndim)  # in place: centred is ours
        ctx.invstd = invstd
        ctx.save_for_backward(x, weight, x_hat)
        if weight is None:
            return x_hat.copy()
        return x_hat * _per_channel(weight, ndim) + _per_channel(bias, ndim)

    @staticmethod
    def backward(ctx, grad):
        x, weight, x_hat = ctx.saved_tensors
        if recording_backward():
            return _backward_graph(ctx, grad, x, weight)
        g, x_hat, ndim = grad._data, x_hat._data, grad.ndim
        grad_sum = g.sum(axis=_axes(ndim))
        grad_dot = _channel_dot(g, x_hat)  # sum of g * x_hat per channel
        grad_x = grad_w = grad_b = None
        if ctx.needs_input_grad[0]:
            scale = ctx.invstd if weight is None else ctx.invstd * weight._data
            if ctx.training:
                count = g.size // g.shape[1]
                gx = g - _per_channel(grad_sum / count, ndim)
                gx -= x_hat * _per_channel(grad_dot / count, ndim)
                gx *= _per_channel(scale, ndim)
            else:
                gx = g * _per_channel(scale, ndim)
            grad_x = Tensor._make(gx)
        if weight is not None:
            grad_w = Tensor._make(grad_dot) if ctx.needs_input_grad[1] else None
            grad_b = Tensor._make(grad_sum) if ctx.needs_input_grad[2] else None
        return grad_x, grad_w, grad_b


def _backward_graph(ctx, grad, x, weight):
    """The same formulas as tensor operations, with the statistics recomputed from x, so that
    the gradient can be differentiated again."""
    axes, ndim = _axes(x.ndim), x.ndim
    if ctx.training:
        mean = x.mean(axes, keepdim=True)
        centred = x - mean
        invstd = ((centred * centred).mean(axes, keepdim=True) + ctx.eps) ** -0.5
    else:
        centred = x - Tensor._make(_per_channel(ctx.mean, ndim))
        invstd = Tensor._make(_per_channel(ctx.invstd, ndim))
    x_hat = centred * invstd
    grad_sum = grad.sum(axes, keepdim=True)
    grad_dot = (grad * x_hat).sum(axes, keepdim=True)
    scale = invstd if weight is None else invstd * _per_channel(weight, ndim)
    if ctx.training:
        count = x.numel() // x.shape[1]
        grad_x = scale * (grad - grad_sum / count - x_hat * grad_dot / count)
    else:
        grad_x = scale * grad
    if weight is None:
        return grad_x, None, None
    return grad_x, grad_dot.reshape(-1), grad_sum.reshape(-1)
