"""Pooling: max pooling and adaptive average pooling, vectorised with NumPy."""
import numpy as np

from ...autograd.function import NumpyFunction
from ...ops._util import select


class PoolGeometry:
    """Kernel, stride, padding and output size of a pooling window, and the strided views it needs."""

    def __init__(self, input_shape, kernel, stride, padding, out_size):
        self.input_shape = tuple(input_shape)
        (self.kh, self.kw), (self.sh, self.sw), (self.ph, self.pw), (self.oh, self.ow) = \
            kernel, stride, padding, out_size
        self.overlapping = self.sh < self.kh or self.sw < self.kw

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
    which position won (the first maximum on ties, as in PyTorch; a NaN always wins, the last NaN if several).
    """

    node_name = "MaxPool2DWithIndicesBackward0"

    @staticmethod
    def forward(ctx, x, kernel, stride, padding, out_size):
        g = ctx.geometry = PoolGeometry(x.shape, kernel, stride, padding, out_size)
        x = g.pad(x, -np.inf)  # padding never wins
        candidates = [x[view] for _, view in g.offsets()]
        out = candidates[0].copy()
        for candidate in candidates[1:]:
            np.maximum(out, candidate, out=out)  # NaN propagates, as in PyTorch
        ctx.save_for_backward(first_winner(candidates, out))
        return out

    @staticmethod
    def backward(ctx, grad):
        (winner,) = ctx.saved_tensors
        return MaxPoolScatter.apply(grad, winner=winner._data, geometry=ctx.geometry)


def first_winner(candidates, out):
    """For each window, the first position k whose value equals the maximum ``out`` (uint8)."""
    winner = np.full(out.shape, len(candidates) - 1, dtype=np.uint8)
    for k in range(len(candidates) - 2, -1, -1):  # backwards, so that the first match is written last
        # winner = where(candidates[k] == out, k, winner), as arithmetic: np.where branches on every
        # element, which on a random mask is ~10x slower than this multiply
        winner -= (candidates[k] == out) * (winner - k)
    if np.isnan(out).any():  # PyTorch's scan keeps the last NaN of a window
        for k, candidate in enumerate(candidates):
            winner[np.isnan(candidate)] = k
    return winner


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
        finite = np.isfinite(grad).all()
        for k, view in g.offsets():
            if g.overlapping:
                out[view] += select(winner == k, grad, finite)
            else:  # each pixel is in one window at most: write, no need to add
                out[view] = select(winner == k, grad, finite)
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
        finite = np.isfinite(x).all()
        for k, view in geometry.offsets():
            out += select(winner == k, x[view], finite)
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
