"""Pooling: max pooling and adaptive average pooling, vectorised with NumPy."""
import numpy as np

from ...autograd.function import NumpyFunction


class PoolGeometry:
    """Kernel, stride, padding and output size of a pooling window, and the strided views it needs."""

    def __init__(self, input_shape, kernel, stride, padding, out_size):
        self.input_shape = tuple(input_shape)
        (self.kh, self.kw), (self.sh, self.sw), (self.ph, self.pw), (self.oh, self.ow) = \
            kernel, stride, padding, out_size

    def offsets(self):
        """Each position (i, j) inside the window, with the slices that pick, for every output pixel,
        the input pixel at that position of its window."""
        for i in range(self.kh):
            for j in range(self.kw):
                yield (i * self.kw + j, (slice(None), slice(None), slice(i, i + (self.oh - 1) * self.sh + 1, self.sh),
                                         slice(j, j + (self.ow - 1) * self.sw + 1, self.sw)))

    def pad(self, x, value):
        if not (self.ph or self.pw):
            return x
        return np.pad(x, ((0, 0), (0, 0), (self.ph, self.ph), (self.pw, self.pw)), constant_values=value)

    def unpad(self, x):
        n, c, h, w = self.input_shape
        return x[:, :, self.ph:self.ph + h, self.pw:self.pw + w]


class MaxPool2d(NumpyFunction):
    """The largest value of each window. Backward sends each output's gradient to the one input pixel
    that won; where windows overlap, a pixel can win several times and its gradients add up.

    Rather than copying every window out, the loop runs over the kh*kw positions inside a window: at
    each, one strided view holds that position's pixel for all windows at once. ``winner`` records
    which position won (the first maximum on ties, as in PyTorch).
    """

    node_name = "MaxPool2DWithIndicesBackward0"

    @staticmethod
    def forward(ctx, x, kernel, stride, padding, out_size):
        g = ctx.geometry = PoolGeometry(x.shape, kernel, stride, padding, out_size)
        x = g.pad(x, -np.inf)  # padding never wins
        out = winner = None
        for k, view in g.offsets():
            candidate = x[view]
            if out is None:
                out, winner = candidate.copy(), np.zeros(candidate.shape, dtype=np.uint8)
                continue
            better = candidate > out  # strictly greater: ties keep the earlier position
            np.copyto(out, candidate, where=better)
            winner[better] = k
        ctx.save_for_backward(winner)
        return out

    @staticmethod
    def backward(ctx, grad):
        (winner,) = ctx.saved_tensors
        return MaxPoolScatter.apply(grad, winner=winner._data, geometry=ctx.geometry)


class MaxPoolScatter(NumpyFunction):
    """Zeros of the input's shape, with each gradient added at the pixel that won its window.
    Linear in the gradient; its backward picks the winners' values again (``MaxPoolGather``)."""

    node_name = "MaxPool2DWithIndicesBackwardBackward0"

    @staticmethod
    def forward(ctx, grad, winner, geometry):
        ctx.winner, ctx.geometry = winner, geometry
        n, c, h, w = geometry.input_shape
        g = geometry
        out = np.zeros((n, c, h + 2 * g.ph, w + 2 * g.pw), dtype=grad.dtype)
        for k, view in g.offsets():
            out[view] += np.where(winner == k, grad, 0)
        return g.unpad(out)

    @staticmethod
    def backward(ctx, grad):
        return MaxPoolGather.apply(grad, winner=ctx.winner, geometry=ctx.geometry)


class MaxPoolGather(NumpyFunction):
    """For each window, the value at its winning pixel (the adjoint of ``MaxPoolScatter``)."""

    node_name = "MaxPool2DWithIndicesBackward0"

    @staticmethod
    def forward(ctx, x, winner, geometry):
        ctx.winner, ctx.geometry = winner, geometry
        x = geometry.pad(x, 0)
        out = np.zeros(winner.shape, dtype=x.dtype)
        for k, view in geometry.offsets():
            np.copyto(out, x[view], where=winner == k)
        return out

    @staticmethod
    def backward(ctx, grad):
        return MaxPoolScatter.apply(grad, winner=ctx.winner, geometry=ctx.geometry)


def _bins(size, out):
    """PyTorch's adaptive bins: output i averages inputs floor(i*size/out) .. ceil((i+1)*size/out)-1.
    Returned as an (out, size) matrix whose rows average the bins."""
    matrix = np.zeros((out, size), dtype=np.float64)
    for i in range(out):
        start, end = (i * size) // out, -((-(i + 1) * size) // out)
        matrix[i, start:end] = 1.0 / (end - start)
    return matrix


class AdaptiveAvgPool2d(NumpyFunction):
    """Average over bins chosen so that the output has a fixed size. Averaging is linear, so it is two
    matrix products: ``out = A @ x @ B^T`` (A averages rows, B averages columns); backward is
    ``A^T @ g @ B``, the same operation with transposed matrices."""

    node_name = "AdaptiveAvgPool2DBackward0"

    @classmethod
    def pool(cls, x, output_size):
        h, w = x.shape[-2:]
        a, b = _bins(h, output_size[0]), _bins(w, output_size[1])
        return cls.apply(x, rows=a, cols=b)

    @staticmethod
    def forward(ctx, x, rows, cols):
        ctx.rows, ctx.cols = rows, cols
        return rows.astype(x.dtype) @ x @ cols.T.astype(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        return AdaptiveAvgPool2dBackward.apply(grad, rows=ctx.rows.T, cols=ctx.cols.T)


class AdaptiveAvgPool2dBackward(AdaptiveAvgPool2d):
    node_name = "AdaptiveAvgPool2DBackwardBackward0"

    @staticmethod
    def backward(ctx, grad):
        return AdaptiveAvgPool2d.apply(grad, rows=ctx.rows.T, cols=ctx.cols.T)
