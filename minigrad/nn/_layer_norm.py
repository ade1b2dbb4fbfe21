"""Graph node of layer normalisation: each sample normalised over its last dimensions (the features),
then scaled by ``weight`` and shifted by ``bias``. Unlike batch norm it needs no batch statistics, so it
behaves the same in training and evaluation (transformers use it).

  forward   x_hat = (x - mean) / sqrt(var + eps)   over the normalised dims;  y = x_hat * weight + bias
  backward  with g = grad * weight and N the number of normalised elements,
            dx = (g - mean(g) - x_hat * mean(g * x_hat)) / sqrt(var + eps)
            dweight = sum of grad * x_hat over the other dims;  dbias = sum of grad over them
The backward is written with tensor operations, so it can itself be differentiated.
"""
import numpy as np

from ..autograd.function import NumpyFunction


def _statistics(x, axes, eps):
    mean = x.mean(axis=axes, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=axes, keepdims=True)
    return mean, 1 / np.sqrt(var + x.dtype.type(eps))


class LayerNorm(NumpyFunction):
    node_name = "NativeLayerNormBackward0"

    @staticmethod
    def forward(ctx, x, weight, bias, normalized_ndim, eps):
        ctx.axes = tuple(range(x.ndim - normalized_ndim, x.ndim))
        ctx.eps = eps
        mean, rstd = _statistics(x, ctx.axes, eps)
        out = (x - mean) * rstd
        if weight is not None:
            out = out * weight
        if bias is not None:
            out = out + bias
        ctx.save_for_backward(x, weight)
        return out.astype(x.dtype, copy=False)

    @staticmethod
    def backward(ctx, grad):
        x, weight = ctx.saved_tensors
        axes = ctx.axes
        mean = x.mean(dim=axes, keepdim=True)
        centred = x - mean
        rstd = ((centred * centred).mean(dim=axes, keepdim=True) + ctx.eps) ** -0.5
        x_hat = centred * rstd
        g = grad if weight is None else grad * weight
        grad_x = (g - g.mean(dim=axes, keepdim=True) - x_hat * (g * x_hat).mean(dim=axes, keepdim=True)) * rstd
        batch_dims = tuple(range(x.ndim - len(axes)))
        grad_w = grad_b = None
        if weight is not None:
            grad_w = (grad * x_hat).sum(dim=batch_dims) if batch_dims else grad * x_hat
        if ctx.needs_input_grad[2]:
            grad_b = grad.sum(dim=batch_dims) if batch_dims else grad
        return grad_x, grad_w, grad_b
