"""The error function ``erf``, forward beside its chain rule (GELU is built on it).

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
