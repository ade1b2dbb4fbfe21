"""2-D convolution as one matrix product (im2col).

A convolution slides a (C, kh, kw) filter over the image. Lay every patch the filter sees out as one
column of a matrix ``cols`` (shape ``(C*kh*kw, N*OH*OW)``): then the convolution of all filters with
all patches is a single matrix product ``W.reshape(O, -1) @ cols``, which BLAS runs fast.
``sliding_window_view`` makes the patches without copying; one ``reshape`` copies them into columns.

The backward pass uses the same two pieces the other way round:
  dW = dY @ cols^T          (how much each weight contributed, summed over all patches)
  dx = col2im(W^T @ dY)     (each patch's gradient added back to the pixels it came from)
``Im2col`` and ``Col2im`` are each other's adjoint, so each is the other's backward.

Memory layout. The columns run over the output pixels of every image, in the order (N, OH, OW); the
arrays are laid out channels first, (C, N, H, W), so that copying a patch row moves whole image
rows. On small images (an 8x8 digit pools to 4x4) an image row is only a few numbers long, and
col2im's shifted adds would crawl along 4-number runs; so when the input needs a gradient the batch
goes last instead, (C, H, W, N), and every run is a whole batch long. The numbers are the same.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ...autograd.function import NumpyFunction
from ...tensor import Tensor
from . import recording_backward


class Geometry:
    """Sizes of one convolution: input shape, kernel, stride, padding and the output size, and the
    memory layout of its columns: ``layout`` orders the (N, C, H, W) axes, ``spatial`` says where
    H and W went."""

    def __init__(self, x_shape, kernel, stride, padding, batch_last=False):
        self.x_shape = tuple(x_shape)
        (self.kh, self.kw), (self.sh, self.sw), (self.ph, self.pw) = kernel, stride, padding
        n, c, h, w = self.x_shape
        self.oh = (h + 2 * self.ph - self.kh) // self.sh + 1
        self.ow = (w + 2 * self.pw - self.kw) // self.sw + 1
        self.layout, self.spatial = ((1, 2, 3, 0), (1, 2)) if batch_last else ((1, 0, 2, 3), (2, 3))

    def arranged(self, shape):
        """An (N, C, H, W) shape in the layout's order."""
        return tuple(shape[axis] for axis in self.layout)

    def padded(self, x):
        """x (N, C, H, W) copied into the layout, with ``padding`` zeros around each image."""
        n, c, h, w = x.shape
        out = np.zeros(self.arranged((n, c, h + 2 * self.ph, w + 2 * self.pw)), dtype=x.dtype)
        out[self.window(self.ph, self.pw, h, w, 1, 1)] = x.transpose(self.layout)
        return out

    def window(self, i, j, rows, cols, row_step, col_step):
        """The index that picks ``rows`` x ``cols`` pixels from row i, column j on, every step-th."""
        index = [slice(None)] * 4
        index[self.spatial[0]] = slice(i, i + (rows - 1) * row_step + 1, row_step)
        index[self.spatial[1]] = slice(j, j + (cols - 1) * col_step + 1, col_step)
        return tuple(index)

    def to_nchw(self, array):
        """An array in the layout (channels first) back to (N, C, H, W), contiguous as PyTorch's."""
        return np.ascontiguousarray(array.transpose(np.argsort(self.layout)))


def im2col(x, g):
    """(N, C, H, W) -> (C*kh*kw, N*OH*OW): column j holds the patch under output pixel j."""
    padded = g.padded(x)
    windows = sliding_window_view(padded, (g.kh, g.kw), axis=g.spatial)  # + (kh, kw) axes, no copy
    windows = windows[g.window(0, 0, g.oh, g.ow, g.sh, g.sw)]  # every stride-th window
    windows = np.moveaxis(windows, (4, 5), (1, 2))  # (C, kh, kw, then the pixels of every image)
    return windows.reshape(x.shape[1] * g.kh * g.kw, -1)  # the one copy


def col2im(cols, g):
    """The adjoint of im2col: add every patch value back onto the pixel it was read from."""
    n, c, h, w = g.x_shape
    cols = cols.reshape((c, g.kh, g.kw) + g.arranged((n, c, g.oh, g.ow))[1:])
    padded = np.zeros(g.arranged((n, c, h + 2 * g.ph, w + 2 * g.pw)), dtype=cols.dtype)
    for i in range(g.kh):  # one vectorised add per kernel offset (9 for a 3x3 kernel)
        for j in range(g.kw):
            padded[g.window(i, j, g.oh, g.ow, g.sh, g.sw)] += cols[:, i, j]
    return g.to_nchw(padded[g.window(g.ph, g.pw, h, w, 1, 1)])


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
        g = ctx.geometry = Geometry(x.shape, w.shape[2:], stride, padding, batch_last)
        cols = im2col(x, g)
        out = w.reshape(w.shape[0], -1) @ cols  # (O, N*OH*OW), in the layout's order
        if b is not None:
            out += b[:, None]
        ctx.save_for_backward(x, w, cols)  # the columns are kept for dW in backward
        return g.to_nchw(out.reshape(g.arranged((x.shape[0], w.shape[0], g.oh, g.ow))))

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
            grad_rows = grad._data.transpose(g.layout).reshape(out_channels, -1)
            grad_x = Tensor._make(col2im(w_rows.T @ grad_rows, g)) if need_x else None
            grad_w = Tensor._make((grad_rows @ cols._data.T).reshape(w.shape)) if need_w else None
            grad_b = Tensor._make(grad_rows.sum(1)) if need_b else None
        return (grad_x, grad_w, grad_b)[:len(ctx.needs_input_grad)]
