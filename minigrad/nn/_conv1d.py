"""The 1-D convolution node: the 2-D one (``_ops/conv.py``) run on signals seen as images one pixel
high, so the same im2col forward and the same backward formulas serve both. PyTorch names both
nodes ``ConvolutionBackward0``."""
from ._ops.conv import Conv2d


class _AsImages:
    """The node's context as the 2-D backward expects it: the saved signal and filters one pixel high
    (``unsqueeze``, so a gradient of the gradient still reaches the real inputs)."""

    def __init__(self, ctx):
        self._ctx = ctx

    def __getattr__(self, name):
        return getattr(self._ctx, name)

    @property
    def saved_tensors(self):
        x, w, cols = self._ctx.saved_tensors
        return x.unsqueeze(2), w.unsqueeze(2), cols


class Conv1d(Conv2d):
    node_name = "ConvolutionBackward0"

    @staticmethod
    def forward(ctx, x, w, b=None, stride=1, padding=0):
        y = Conv2d.forward(ctx, x[:, :, None, :], w[:, :, None, :], b, (1, stride), (0, padding))
        cols = ctx._to_save[2]
        ctx.save_for_backward(x, w, cols)  # the inputs themselves (not 4-d copies): their gradients stay connected
        return y[:, :, 0, :]

    @staticmethod
    def backward(ctx, grad):
        grads = Conv2d.backward(_AsImages(ctx), grad.unsqueeze(2))
        return tuple(g.squeeze(2) if g is not None and g.ndim == 4 else g for g in grads)
