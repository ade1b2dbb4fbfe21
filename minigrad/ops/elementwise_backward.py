"""Layer 3: backward passes that PyTorch records as one node of their own.

PyTorch writes the backward of tanh, sigmoid and relu as named functions (``tanh_backward``,
``sigmoid_backward``, ``threshold_backward``). With ``create_graph=True`` each one becomes a single node
of the new graph, named after the function: ``TanhBackwardBackward0``, ``SigmoidBackwardBackward0``,
``ThresholdBackwardBackward0``. Here each is a small Function: forward computes the first derivative's
chain rule with NumPy, backward differentiates that formula once more (with tensor operations, so third
derivatives work too). ``Sgn`` is the sign that the derivative of ``abs`` multiplies by.
"""
import numpy as np

from ..autograd.function import NumpyFunction
from ..tensor import Tensor
from ._util import select
from .scalar_arithmetic import add_scalar, mul_scalar


def _zeros_like(t):
    return Tensor._make(np.zeros_like(t._data))


class TanhBackward(NumpyFunction):
    """``grad * (1 - y^2)`` for y = tanh(x): tanh's derivative written with its output."""

    node_name = "TanhBackwardBackward0"

    @staticmethod
    def forward(ctx, grad, y):
        ctx.save_for_backward(grad, y)
        if grad.dtype != y.dtype or grad.shape != y.shape:
            return grad * (1 - y * y)
        result = 1 - y * y
        result *= grad  # in place: one temporary array fewer
        return result

    @staticmethod
    def backward(ctx, gg):
        grad, y = ctx.saved_tensors
        d_grad = TanhBackward.apply(gg, y) if ctx.needs_input_grad[0] else None  # linear in grad
        d_y = gg * (mul_scalar(y, -2) * grad) if ctx.needs_input_grad[1] else None  # d/dy = -2 y grad
        return d_grad, d_y


class SigmoidBackward(NumpyFunction):
    """``grad * (1 - y) * y`` for y = sigmoid(x)."""

    node_name = "SigmoidBackwardBackward0"

    @staticmethod
    def forward(ctx, grad, y):
        ctx.save_for_backward(grad, y)
        if grad.dtype != y.dtype or grad.shape != y.shape:
            return grad * (1 - y) * y
        result = 1 - y  # the same product, written into one new array instead of three
        result *= grad
        result *= y
        return result

    @staticmethod
    def backward(ctx, gg):
        grad, y = ctx.saved_tensors
        d_grad = SigmoidBackward.apply(gg, y) if ctx.needs_input_grad[0] else None
        d_y = gg * grad * add_scalar(mul_scalar(y, -2), 1) if ctx.needs_input_grad[1] else None  # (1 - 2y) grad
        return d_grad, d_y


class ThresholdBackward(NumpyFunction):
    """``grad`` where ``x > threshold``, else 0: the backward of relu (x is relu's output, threshold 0).
    It selects, it never multiplies: a 0 there stays 0 even if grad is inf."""

    node_name = "ThresholdBackwardBackward0"

    @staticmethod
    def forward(ctx, grad, x, threshold):
        ctx.save_for_backward(x)
        ctx.threshold = threshold
        return select(~(x <= threshold), grad)  # nan in x lets grad pass: nan <= 0 is False, as in PyTorch

    @staticmethod
    def backward(ctx, gg):  # linear in grad; a step in x, whose derivative is 0
        (x,) = ctx.saved_tensors
        d_grad = ThresholdBackward.apply(gg, x, threshold=ctx.threshold) if ctx.needs_input_grad[0] else None
        return d_grad, _zeros_like(gg) if ctx.needs_input_grad[1] else None


class Sgn(NumpyFunction):
    """The sign of x (-1, 0 or 1; 0 for nan, as in PyTorch): the derivative of ``abs``. A step function:
    its own derivative is 0."""

    node_name = "SgnBackward0"

    @staticmethod
    def forward(ctx, x):
        sign = (x > 0).view(np.int8)  # 1 where x > 0 (the masks as 1-byte integers: a fast subtraction)
        sign -= (x < 0).view(np.int8)  # -1 where x < 0
        return sign.astype(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        return _zeros_like(grad)
