"""Layer 3: a tensor and a number, the number part of the node (PyTorch's ``MulBackward1``, ``AddBackward1``,
``DivBackward1``).

In Python, ``t * 2`` wraps the 2 in a tensor: the node is ``MulBackward0`` with two edges, one of them
``None``. PyTorch's own derivative formulas are C++, where ``2 * t`` multiplies by a *Scalar*: the node is
``MulBackward1`` with one edge. The backward formulas of minigrad's operations use these functions where
PyTorch's multiply by a number, so that the graphs ``create_graph=True`` records are PyTorch's, node for node.
"""
import numpy as np

from ..autograd.function import NumpyFunction


def _number(x, c):
    """The number in the tensor's dtype (float32 stays float32, as PyTorch computes)."""
    return x.dtype.type(c) if x.dtype.kind == "f" else c


class MulScalar(NumpyFunction):
    node_name = "MulBackward1"

    @staticmethod
    def forward(ctx, x, number):
        ctx.number = number
        return np.multiply(x, _number(x, number))

    @staticmethod
    def backward(ctx, grad):  # d(c x)/dx = c
        return MulScalar.apply(grad, number=ctx.number)


class AddScalar(NumpyFunction):
    node_name = "AddBackward1"

    @staticmethod
    def forward(ctx, x, number):
        return np.add(x, _number(x, number))

    @staticmethod
    def backward(ctx, grad):  # d(x + c)/dx = 1
        return grad


class DivScalar(NumpyFunction):
    node_name = "DivBackward1"

    @staticmethod
    def forward(ctx, x, number):
        ctx.number = number
        return np.true_divide(x, _number(x, number))

    @staticmethod
    def backward(ctx, grad):  # d(x / c)/dx = 1 / c
        return DivScalar.apply(grad, number=ctx.number)


def mul_scalar(x, number):
    """``x * number`` recorded as PyTorch's formulas record it (``MulBackward1``, one edge)."""
    return MulScalar.apply(x, number=number)


def maybe_multiply(x, number):
    """``x * number``, or ``x`` itself when the number is 1 (no node then): PyTorch's ``maybe_multiply``."""
    return x if number == 1 else mul_scalar(x, number)


def add_scalar(x, number):
    """``x + number`` as ``AddBackward1``."""
    return AddScalar.apply(x, number=number)


def div_scalar(x, number):
    """``x / number`` as ``DivBackward1``."""
    return DivScalar.apply(x, number=number)
