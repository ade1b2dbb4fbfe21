"""Layer 3, ``tril`` and ``triu``: keep the lower (upper) triangle of the last two dimensions, zero the
rest. A GPT's causal mask is ``torch.tril(torch.ones(T, T))``: position t may look at 0..t only.

Both are a multiplication by a fixed 0/1 mask, so the chain rule applies the same mask to the gradient:
``TrilBackward0`` gives ``grad.tril(diagonal)``.
"""
import numpy as np

from ..autograd.function import NumpyFunction


def _check(name, x):
    if x.ndim < 2:
        raise RuntimeError(f"{name}: input tensor must have at least 2 dimensions")


class Tril(NumpyFunction):
    node_name = "TrilBackward0"

    @staticmethod
    def forward(ctx, x, diagonal):
        ctx.diagonal = diagonal
        return np.tril(x, diagonal)

    @staticmethod
    def backward(ctx, grad):
        return Tril.apply(grad, diagonal=ctx.diagonal)


class Triu(NumpyFunction):
    node_name = "TriuBackward0"

    @staticmethod
    def forward(ctx, x, diagonal):
        ctx.diagonal = diagonal
        return np.triu(x, diagonal)

    @staticmethod
    def backward(ctx, grad):
        return Triu.apply(grad, diagonal=ctx.diagonal)


def tril(input, diagonal=0):
    _check("tril", input._data)
    return Tril.apply(input, diagonal=diagonal)


def triu(input, diagonal=0):
    _check("triu", input._data)
    return Triu.apply(input, diagonal=diagonal)
