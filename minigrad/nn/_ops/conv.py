"""2-D convolution as one matrix product (im2col).

A convolution slides a (C, kh, kw) filter over the image. Lay every patch the filter sees out as one
column of a matrix ``cols`` (shape ``(C*kh*kw, N*OH*OW)``): then the convolution of all filters with
all patches is a single matrix product ``W.reshape(O, -1) @ cols``, which BLAS runs fast.
``sliding_window_view`` makes the patches without copying; one ``reshape`` copies them into columns.

The backward pass uses the same two pieces the other way round:
  dW = dY @ cols^T          (how much each weight contributed, summed over all patches)
  dx = col2im(W^T @ dY)     (each patch's gradient added back to the pixels it came from)
``Im2col`` and ``Col2im`` are each other's adjoint, so each is the other's backward.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ...autograd.function import NumpyFunction
from . import recording_backward


class Geometry:
    """Sizes of one convolution: input shape, kernel, stride, padding and the output size."""

    def __init__(self, x_shape, kernel, stride, padding):
        self.x_shape = tuple(x_shape)
        (self.kh, self.kw), (self.sh, self.sw), (self.ph, self.pw) = kernel, stride, padding
        n, c, h, w = self.x_shape
        self.oh = (h + 2 * self.ph - self.kh) // self.sh + 1
        self.ow = (w + 2 * self.pw - self.kw) // self.sw + 1


def im2col(x, g):
    """(N, C, H, W) -> (C*kh*kw, N*OH*OW): column j holds the patch under output pixel j."""
    if g.ph or g.pw:
        x = np.pad(x, ((0, 0), (0, 0), (g.ph, g.ph), (g.pw, g.pw)))
    windows = sliding_window_view(x, (g.kh, g.kw), axis=(2, 3))  # (N, C, H', W', kh, kw), no copy
    windows = windows[:, :, :(g.oh - 1) * g.sh + 1:g.sh, :(g.ow - 1) * g.sw + 1:g.sw]
    n, c = x.shape[:2]
    return windows.transpose(1, 4, 5, 0, 2, 3).reshape(c * g.kh * g.kw, n * g.oh * g.ow)


def col2im(cols, g):
    """The adjoint of im2col: add every patch value back onto the pixel it was read from."""
    n, c, h, w = g.x_shape
    cols = cols.reshape(c, g.kh, g.kw, n, g.oh, g.ow)
    # Accumulate in (C, N, H, W) order, the order of the columns: far fewer cache misses.
    padded = np.zeros((c, n, h + 2 * g.ph, w + 2 * g.pw), dtype=cols.dtype)
    for i in range(g.kh):  # one vectorised add per kernel offset (9 for a 3x3 kernel)
        for j in range(g.kw):
            padded[:, :, i:i + (g.oh - 1) * g.sh + 1:g.sh, j:j + (g.ow - 1) * g.sw + 1:g.sw] += cols[:, i, j]
    return padded[:, :, g.ph:g.ph + h, g.pw:g.pw + w].transpose(1, 0, 2, 3)


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
        g = ctx.geometry = Geometry(x.shape, w.shape[2:], stride, padding)
        cols = im2col(x, g)
        out = w.reshape(w.shape[0], -1) @ cols  # (O, N*OH*OW)
        if b is not None:
            out += b[:, None]
        ctx.save_for_backward(x, w, cols)  # the columns are kept for dW in backward
        return out.reshape(w.shape[0], g.x_shape[0], g.oh, g.ow).transpose(1, 0, 2, 3)

    @staticmethod
    def backward(ctx, grad):
        x, w, cols = ctx.saved_tensors
        g = ctx.geometry
        out_channels = w.shape[0]
        need_x, need_w = ctx.needs_input_grad[:2]
        grad_rows = grad.transpose(0, 1).reshape(out_channels, -1)  # (O, N*OH*OW)
        grad_x = grad_w = grad_b = None
        if need_x:
            grad_x = Col2im.apply(w.reshape(out_channels, -1).t() @ grad_rows, geometry=g)
        if need_w:
            if recording_backward():  # the columns as a graph node, so that dW can be differentiated
                cols = Im2col.apply(x, geometry=g)
            grad_w = (grad_rows @ cols.t()).reshape(w.shape)
        if len(ctx.needs_input_grad) == 3 and ctx.needs_input_grad[2]:
            grad_b = grad.sum((0, 2, 3))
        return (grad_x, grad_w, grad_b)[:len(ctx.needs_input_grad)]

