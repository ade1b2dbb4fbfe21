"""Graph nodes of average pooling: each output is the mean of one ``kernel`` window of the input.

Pooling is linear, so its chain rule is its adjoint: every window hands ``grad / divisor`` back to each
input element it covered (``spread``), and the adjoint of spreading is pooling again. The two nodes are
each other's backward, which gives derivatives of any order.

  AvgPool2DBackward0           forward: window means;   backward: spread the gradient over the windows
  AvgPool2DBackwardBackward0   forward: spread;         backward: window means again
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ..autograd.function import NumpyFunction


def _window_sums(padded, kernel, stride, out_size):
    windows = sliding_window_view(padded, kernel, axis=(2, 3))
    windows = windows[:, :, ::stride[0], ::stride[1]][:, :, :out_size[0], :out_size[1]]
    return windows.sum(axis=(4, 5))


def _pool(x, kernel, stride, padding, out_size, divisor):
    if x.ndim == 3:  # an unbatched (C, H, W) image: pooled as a batch of one, in the same node
        return _pool(x[None], kernel, stride, padding, out_size, divisor)[0]
    padded = np.pad(x, [(0, 0), (0, 0), (padding[0],) * 2, (padding[1],) * 2])
    return (_window_sums(padded, kernel, stride, out_size) / divisor).astype(x.dtype, copy=False)


def _spread(grad, in_shape, kernel, stride, padding, divisor):
    if grad.ndim == 3:
        return _spread(grad[None], (1,) + tuple(in_shape), kernel, stride, padding, divisor)[0]
    n, c, h, w = in_shape
    oh, ow = grad.shape[2:]
    share = (grad / divisor).astype(grad.dtype, copy=False)
    padded = np.zeros((n, c, h + 2 * padding[0], w + 2 * padding[1]), grad.dtype)
    for i in range(kernel[0]):  # one strided slab per kernel offset: every window gets its share
        for j in range(kernel[1]):
            padded[:, :, i:i + stride[0] * oh:stride[0], j:j + stride[1] * ow:stride[1]] += share
    return padded[:, :, padding[0]:padding[0] + h, padding[1]:padding[1] + w]


def divisor(shape_hw, kernel, stride, padding, out_size, count_include_pad, divisor_override, dtype):
    """What each window's sum is divided by: the window size, ``divisor_override``, or (with
    ``count_include_pad=False``) per output position the number of real, not padded, elements."""
    if divisor_override:
        return dtype.type(divisor_override)
    if count_include_pad:
        return dtype.type(kernel[0] * kernel[1])
    ones = np.pad(np.ones(shape_hw, dtype), [(padding[0],) * 2, (padding[1],) * 2])
    return _window_sums(ones[None, None], kernel, stride, out_size)[0, 0]


class AvgPool2d(NumpyFunction):
    node_name = "AvgPool2DBackward0"

    @staticmethod
    def forward(ctx, x, kernel, stride, padding, out_size, divisor):
        ctx.geometry = dict(kernel=kernel, stride=stride, padding=padding, divisor=divisor)
        ctx.in_shape = x.shape
        return _pool(x, kernel, stride, padding, out_size, divisor)

    @staticmethod
    def backward(ctx, grad):
        return AvgPool2dSpread.apply(grad, in_shape=ctx.in_shape, **ctx.geometry)


class AvgPool2dSpread(NumpyFunction):
    node_name = "AvgPool2DBackwardBackward0"

    @staticmethod
    def forward(ctx, grad, in_shape, kernel, stride, padding, divisor):
        ctx.geometry = dict(kernel=kernel, stride=stride, padding=padding, divisor=divisor)
        ctx.out_size = grad.shape[-2:]
        return _spread(grad, in_shape, kernel, stride, padding, divisor)

    @staticmethod
    def backward(ctx, grad):
        return AvgPool2d.apply(grad, out_size=ctx.out_size, **ctx.geometry)
