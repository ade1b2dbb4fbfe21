"""Graph nodes that build their output by picking input positions along some dims: padding that
reflects or replicates the border, and nearest-neighbour upsampling. Along each dim the output is
``x.index_select(dim, positions)``, so the backward adds each gradient back to the position it came
from (``index_add``, which is differentiable again); constant padding is undone by cropping.

  ReflectionPad{1,2,3}D    positions -a .. n-1+b mirrored at the border (without repeating it)
  ReplicationPad{1,2,3}D   positions clipped to 0 .. n-1 (the border repeated)
  UpsampleNearest{1,2,3}D  output position i reads input floor(i * in / out) (PyTorch's float32 rule)
  ConstantPadNd            the input placed inside a block of ``value``; negative padding crops
"""
import numpy as np

from ..autograd.function import NumpyFunction
from ..ops.index_select import IndexAdd
from ..tensor import Tensor


class _PickAlongDims(NumpyFunction):
    """out = x with ``positions[d]`` picked along each dim d in turn."""

    @staticmethod
    def forward(ctx, x, picks):
        ctx.picks, ctx.shape = picks, x.shape
        for dim, positions in picks:
            x = np.take(x, positions, axis=dim)
        return x

    @staticmethod
    def backward(ctx, grad):
        from ..ops.creation import zeros
        shape = list(ctx.shape)
        for dim, positions in reversed(ctx.picks):
            sizes = list(grad.shape)
            sizes[dim] = shape[dim]
            grad = IndexAdd.apply(zeros(*sizes, dtype=grad.dtype), dim, Tensor._make(positions), grad, 1)
        return grad, None


def _node(name):
    return type(name, (_PickAlongDims,), {"node_name": name + "Backward0", "__module__": __name__})


NODES = {name: _node(name) for name in [f"{kind}{n}D" for kind in ("ReflectionPad", "ReplicationPad", "UpsampleNearest")
                                        for n in (1, 2, 3)]}


def reflect_positions(n, before, after):
    i = np.arange(-before, n + after)
    i = np.abs(i)
    return np.where(i > n - 1, 2 * (n - 1) - i, i).astype(np.int64)


def replicate_positions(n, before, after):
    return np.clip(np.arange(-before, n + after), 0, n - 1).astype(np.int64)


def nearest_positions(n_in, n_out, scale_factor=None):
    if n_out == n_in:
        return np.arange(n_out, dtype=np.int64)
    scale = np.float32(1.0 / scale_factor if scale_factor else n_in / n_out)
    return np.minimum(np.floor(np.arange(n_out, dtype=np.float32) * scale).astype(np.int64), n_in - 1)


def pick(name, x, picks):
    return NODES[name].apply(x, tuple(picks))


class ConstantPad(NumpyFunction):
    node_name = "ConstantPadNdBackward0"

    @staticmethod
    def forward(ctx, x, pads, value):
        """``pads`` as (before, after) per dim, first dim first; negative values crop."""
        ctx.pads = pads
        grown = np.pad(x, [(max(a, 0), max(b, 0)) for a, b in pads], constant_values=value)
        crop = tuple(slice(max(-a, 0), grown.shape[d] - max(-b, 0)) for d, (a, b) in enumerate(pads))
        return np.ascontiguousarray(grown[crop])

    @staticmethod
    def backward(ctx, grad):
        return ConstantPad.apply(grad, tuple((-a, -b) for a, b in ctx.pads), 0), None, None
