"""Pooling: max pooling and adaptive average pooling, vectorised with NumPy."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ...autograd.function import Function


class MaxPool2d(Function):
    """The largest value of each window. Backward sends each output's gradient to the one input pixel
    that won (``argmax``); where windows overlap, a pixel can win several times and its gradients add up.
    """

    node_name = "MaxPool2DWithIndicesBackward0"

    def forward(self, x, kernel, stride, padding, out_size):
        (kh, kw), (sh, sw), (ph, pw), (oh, ow) = kernel, stride, padding, out_size
        n, c, h, w = x.shape
        if ph or pw:  # padding never wins: it is -inf
            x = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
        windows = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, :(oh - 1) * sh + 1:sh, :(ow - 1) * sw + 1:sw]
        windows = windows.reshape(n, c, oh, ow, kh * kw)  # copies the windows side by side
        winner = windows.argmax(axis=-1)  # the first maximum, as in PyTorch
        out = np.take_along_axis(windows, winner[..., None], axis=-1)[..., 0]
        # Where each winner sits in the flattened, unpadded input.
        row = np.arange(oh)[:, None] * sh + winner // kw - ph
        col = np.arange(ow)[None, :] * sw + winner % kw - pw
        plane = np.arange(n * c).reshape(n, c, 1, 1) * (h * w)
        self.winners = plane + row * w + col
        self.input_shape = (n, c, h, w)
        return out

    def backward(self, grad):
        return ScatterAdd.apply(grad, index=self.winners, shape=self.input_shape)


class ScatterAdd(Function):
    """Zeros of ``shape`` with each value added at its flat ``index``; backward gathers them again."""

    node_name = "MaxPool2DWithIndicesBackwardBackward0"

    def forward(self, values, index, shape):
        self.index = index
        total = np.bincount(index.ravel(), weights=values.ravel(), minlength=int(np.prod(shape)))
        return total.astype(values.dtype).reshape(shape)

    def backward(self, grad):
        return grad.reshape(-1)[self.index]


def _bins(size, out):
    """PyTorch's adaptive bins: output i averages inputs floor(i*size/out) .. ceil((i+1)*size/out)-1.
    Returned as an (out, size) matrix whose rows average the bins."""
    matrix = np.zeros((out, size), dtype=np.float64)
    for i in range(out):
        start, end = (i * size) // out, -((-(i + 1) * size) // out)
        matrix[i, start:end] = 1.0 / (end - start)
    return matrix


class AdaptiveAvgPool2d(Function):
    """Average over bins chosen so that the output has a fixed size. Averaging is linear, so it is two
    matrix products: ``out = A @ x @ B^T`` (A averages rows, B averages columns); backward is
    ``A^T @ g @ B``, the same operation with transposed matrices."""

    node_name = "AdaptiveAvgPool2DBackward0"

    @classmethod
    def pool(cls, x, output_size):
        h, w = x.shape[-2:]
        a, b = _bins(h, output_size[0]), _bins(w, output_size[1])
        return cls.apply(x, rows=a, cols=b)

    def forward(self, x, rows, cols):
        self.rows, self.cols = rows, cols
        return (rows.astype(x.dtype) @ x @ cols.T.astype(x.dtype))

    def backward(self, grad):
        return AdaptiveAvgPool2dBackward.apply(grad, rows=self.rows.T, cols=self.cols.T)


class AdaptiveAvgPool2dBackward(AdaptiveAvgPool2d):
    node_name = "AdaptiveAvgPool2DBackwardBackward0"

    def backward(self, grad):
        return AdaptiveAvgPool2d.apply(grad, rows=self.rows.T, cols=self.cols.T)
