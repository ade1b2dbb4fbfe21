"""The error function ``erf`` (GELU is built on it), and log1p, expm1, rsqrt: each forward beside its
chain rule.

  erf(x) = 2/sqrt(pi) * integral from 0 to x of e^(-t^2) dt      ErfBackward0
  d erf(x)/dx = 2/sqrt(pi) * e^(-x^2)

NumPy has no erf, so each element goes through Python's ``math.erf`` (computed in float64, then
rounded to the input's dtype): exact, and fast enough for the sizes a learner uses.
"""
import math

import numpy as np

from ..autograd.function import NumpyFunction
from .elementwise import _float

_erf_elements = np.frompyfunc(math.erf, 1, 1)
TWO_OVER_SQRT_PI = 2 / math.sqrt(math.pi)


def erf_array(x):
    x = _float(x)
    return np.asarray(_erf_elements(x.astype(np.float64)), dtype=np.float64).astype(x.dtype, copy=False)


class Erf(NumpyFunction):
    node_name = "ErfBackward0"
    saved_names = ("self",)

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return erf_array(x)

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        return grad * ((-(x * x)).exp() * TWO_OVER_SQRT_PI)


def erf(input):
    return Erf.apply(input)


# ----- log1p, expm1, rsqrt: accurate near 0 (log1p, expm1) or one node instead of two (rsqrt) -------
#   log1p  Log1PBackward0   log(1 + x)     d = 1 / (1 + x)
#   expm1  Expm1Backward0   e^x - 1        d = e^x = result + 1
#   rsqrt  RsqrtBackward0   1 / sqrt(x)    d = -1/2 x^(-3/2) = -0.5 * result^3
class Log1p(NumpyFunction):
    node_name = "Log1PBackward0"

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return np.log1p(_float(x))

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        return grad / (x + 1)


class Expm1(NumpyFunction):
    node_name = "Expm1Backward0"

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return np.expm1(_float(x))

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        return grad * x.exp()


class Rsqrt(NumpyFunction):
    node_name = "RsqrtBackward0"

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        x = _float(x)
        return 1 / np.sqrt(x)

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        return grad * (-0.5 * x ** -1.5)


def log1p(input):
    return Log1p.apply(input)


def expm1(input):
    return Expm1.apply(input)


def rsqrt(input):
    return Rsqrt.apply(input)
