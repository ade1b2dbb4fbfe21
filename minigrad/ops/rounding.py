"""Layer 3, rounding: ``round`` (to ``decimals`` places), ``floor``, ``ceil``, ``trunc`` and ``frac``.

A rounded value is a staircase of its input: flat between the steps, so its gradient is zero
everywhere PyTorch defines it (``RoundBackward0`` passes back zeros). ``frac = x - trunc(x)`` has
slope 1. Integer tensors are already whole: round, floor, ceil and trunc give a copy.
"""
import numpy as np

from .._dtype import scalar_type_name
from ..autograd.function import NumpyFunction


def _zeros_like(grad):
    return grad * 0


def _round_to(x, decimals):
    """PyTorch's rule: scale by 10^decimals in the tensor's own dtype, round half to even, scale back."""
    if decimals == 0:
        return np.round(x)
    scale = x.dtype.type(10.0 ** abs(decimals))
    if decimals > 0:
        return np.round(x * scale) / scale
    return np.round(x / scale) * scale


class Round(NumpyFunction):
    node_name = "RoundBackward0"

    @staticmethod
    def forward(ctx, x):
        return np.round(x) if x.dtype.kind == "f" else x.copy()

    @staticmethod
    def backward(ctx, grad):
        return _zeros_like(grad)


class RoundDecimals(NumpyFunction):
    node_name = "RoundBackward1"

    @staticmethod
    def forward(ctx, x, decimals):
        if x.dtype.kind != "f":
            raise NotImplementedError(f"\"round_cpu\" not implemented for '{_type_name(x)}'")
        return _round_to(x, decimals)

    @staticmethod
    def backward(ctx, grad):
        return _zeros_like(grad)


def _stepping(name, numpy_function):
    """A Function for floor / ceil / trunc: whole numbers stay as they are, the gradient is zero."""

    def forward(ctx, x):
        return numpy_function(x) if x.dtype.kind == "f" else x.copy()

    def backward(ctx, grad):
        return _zeros_like(grad)

    return type(name, (NumpyFunction,), {"node_name": f"{name}Backward0", "forward": staticmethod(forward),
                                         "backward": staticmethod(backward)})


Floor = _stepping("Floor", np.floor)
Ceil = _stepping("Ceil", np.ceil)
Trunc = _stepping("Trunc", np.trunc)


class Frac(NumpyFunction):
    node_name = "FracBackward0"

    @staticmethod
    def forward(ctx, x):
        if x.dtype.kind != "f":
            raise NotImplementedError(f"\"frac_cpu\" not implemented for '{_type_name(x)}'")
        return x - np.trunc(x)

    @staticmethod
    def backward(ctx, grad):  # x - trunc(x): trunc is flat, so the slope is 1
        return grad


def _type_name(x):
    return scalar_type_name(x.dtype)


def round(input, *, decimals=0):
    if decimals == 0:
        return Round.apply(input)
    return RoundDecimals.apply(input, decimals=decimals)


def floor(input):
    return Floor.apply(input)


def ceil(input):
    return Ceil.apply(input)


def trunc(input):
    return Trunc.apply(input)


def frac(input):
    return Frac.apply(input)
