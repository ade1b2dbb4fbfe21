"""2-D convolution as one matrix product (im2col).

A convolution slides a (C, kh, kw) filter over the image. Lay every patch the filter sees out as one
column of a matrix ``cols`` (shape ``(C*kh*kw, N*OH*OW)``): then the convolution of all filters with
all patches is a single matrix product ``W.reshape(O, -1) @ cols``, which BLAS runs fast.
``sliding_window_view`` makes the patches without copying; one ``reshape`` copies them into columns.

The backward pass uses the same two pieces the other way round:
  dW = dY @ cols^T          (how much each weight contributed, summed over all patches)
  dx = col2im(W^T @ dY)     (each patch's gradient added back to the pixels it came from)
``Im2col`` and ``Col2im`` are each other's adjoint, so each is the other's backward.

Sizes and the memory layout of the columns (channels first, or batch last when col2im will run) are
kept by a ``ConvGeometry`` (``conv_geometry.py``); the formulas do not depend on the layout.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ...autograd.function import NumpyFunction
from ...tensor import Tensor
from . import recording_backward
from .conv_geometry import ConvGeometry


def im2col(x, g):
    """(N, C, H, W) -> (C*kh*kw, N*OH*OW): column j holds the patch under output pixel j."""
    windows = sliding_window_view(g.padded(x), (g.kh, g.kw), axis=g.image_axes)  # + (kh, kw) axes, no copy
    windows = windows[g.every_stride]  # the windows the filter visits
    windows = np.moveaxis(windows, (4, 5), (1, 2))  # (C, kh, kw, then the pixels of every image)
    return windows.reshape(x.shape[1] * g.kh * g.kw, -1)  # the one copy


def col2im(cols, g):
    """The adjoint of im2col: add every patch value back onto the pixel it was read from."""
    patches = g.as_patches(cols)  # (C, kh, kw, then the pixels of every image)
    padded = g.zeros_like_padded(cols.dtype)
    for i in range(g.kh):  # one vectorised add per kernel position (9 for a 3x3 kernel)
        for j in range(g.kw):
            padded[g.touched_by(i, j)] += patches[:, i, j]
    return g.to_nchw(g.unpadded(padded), g.x_shape)


class Im2col(NumpyFunction):
    node_name = "Im2colBackward0"

    @staticmethod
    def forward(ctx, x, geometry):
        ctx.geometry = geometry
        return im2col(x, geometry)

    @staticmethod
    def backward(ctx, grad):
        return Col2im.apply(grad, geometry=ctx.geometry)


class Col2im(NumpyFunction):
    node_name = "Col2imBackward0"

    @staticmethod
    def forward(ctx, cols, geometry):
        ctx.geometry = geometry
        return col2im(cols, geometry)

    @staticmethod
    def backward(ctx, grad):
        return Im2col.apply(grad, geometry=ctx.geometry)


class Conv2d(NumpyFunction):
    """y[n, o] = sum over c, i, j of W[o, c, i, j] * x[n, c, patch] + b[o], for every output pixel."""

    node_name = "ConvolutionBackward0"

    @staticmethod
    def forward(ctx, x, w, b=None, stride=(1, 1), padding=(0, 0)):
        batch_last = ctx.needs_input_grad[0]  # col2im will run in backward: the layout it prefers
        g = ctx.geometry = ConvGeometry(x.shape, w.shape[2:], stride, padding, batch_last)
        cols = im2col(x, g)  # (C*kh*kw, N*OH*OW)
        y = w.reshape(len(w), -1) @ cols  # (O, N*OH*OW): every filter times every patch
        if b is not None:
            y += b[:, None]
        ctx.save_for_backward(x, w, cols)  # the columns are kept for dW in backward
        return g.to_nchw(y, (len(x), len(w), g.oh, g.ow))  # (N, O, OH, OW), as PyTorch lays it out

    @staticmethod
    def backward(ctx, grad):
        x, w, cols = ctx.saved_tensors
        g, out_channels = ctx.geometry, w.shape[0]
        need_x, need_w = ctx.needs_input_grad[:2]
        need_b = len(ctx.needs_input_grad) == 3 and ctx.needs_input_grad[2]
        if recording_backward():  # as tensor operations, so that the gradient can be differentiated again
            w_rows = w.reshape(out_channels, -1)  # (O, C*kh*kw)
            grad_rows = grad.permute(g.layout).reshape(out_channels, -1)  # (O, N*OH*OW), ordered as the columns
            grad_x = Col2im.apply(w_rows.t() @ grad_rows, geometry=g) if need_x else None
            grad_w = (grad_rows @ Im2col.apply(x, geometry=g).t()).reshape(w.shape) if need_w else None
            grad_b = grad_rows.sum(1) if need_b else None
        else:  # the same formulas straight on the arrays: no graph to record, fewer Python steps
            w_rows = w._data.reshape(out_channels, -1)
            grad_rows = g.rows(grad._data)
            grad_x = Tensor._make(col2im(w_rows.T @ grad_rows, g)) if need_x else None
            grad_w = Tensor._make((grad_rows @ cols._data.T).reshape(w.shape)) if need_w else None
            grad_b = Tensor._make(grad_rows.sum(1)) if need_b else None
        return (grad_x, grad_w, grad_b)[:len(ctx.needs_input_grad)]
