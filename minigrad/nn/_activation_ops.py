"""Graph nodes of two more activations, each forward beside its chain rule.

  leaky_relu   LeakyReluBackward0     x if x > 0 else slope * x: the slope is 1 or ``slope``
  prelu        PreluKernelBackward0   the same with a learned slope per channel (dim 1), so the slope
                                      also gets a gradient: the sum of grad * x where x <= 0
                                      (an input of fewer than 2 dims has one channel)
  gelu         GeluBackward0          x * Phi(x), exact (erf) or with the tanh approximation
  silu, elu (selu), softplus, mish, hardtanh (relu6), logsigmoid: see their section below
"""
import math

import numpy as np

from ..autograd.function import NumpyFunction
from ..ops.special import Erf, erf_array
from ..tensor import Tensor


def _positive(x):
    """1 where x > 0, else 0, as a constant tensor of x's dtype."""
    return Tensor._make((x._data > 0).astype(x._data.dtype))


class LeakyRelu(NumpyFunction):
    node_name = "LeakyReluBackward0"

    @staticmethod
    def forward(ctx, x, negative_slope):
        ctx.negative_slope = negative_slope
        ctx.save_for_backward(x)
        return np.where(x > 0, x, x * x.dtype.type(negative_slope))

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        positive = _positive(x)
        return grad * (positive + (1 - positive) * ctx.negative_slope), None


def _channel_shape(x_ndim, weight_size):
    """The shape that lines a per-channel weight up with dim 1 of the input."""
    return (1, weight_size) + (1,) * (x_ndim - 2)


class Prelu(NumpyFunction):
    node_name = "PreluKernelBackward0"

    @staticmethod
    def forward(ctx, x, weight):
        ctx.save_for_backward(x, weight)
        slope = weight.reshape(_channel_shape(x.ndim, weight.size)) if weight.size > 1 else weight.reshape(())
        return np.where(x > 0, x, slope * x)

    @staticmethod
    def backward(ctx, grad):
        x, weight = ctx.saved_tensors
        positive = _positive(x)
        shape = _channel_shape(x.ndim, weight.numel()) if weight.numel() > 1 else ()
        slope = weight.reshape(shape)
        grad_x = grad * (positive + (1 - positive) * slope)
        grad_slope = grad * x * (1 - positive)
        if weight.numel() > 1 and x.ndim >= 2:
            grad_slope = grad_slope.sum(dim=tuple(d for d in range(x.ndim) if d != 1))
        else:
            grad_slope = grad_slope.sum()
        return grad_x, grad_slope.reshape(weight.shape)


# ----- GELU: x * Phi(x), Phi the standard normal CDF (transformers' activation) ---------------------
#   exact   y = x/2 * (1 + erf(x / sqrt 2))            dy/dx = Phi(x) + x * phi(x),  phi = e^(-x^2/2) / sqrt(2 pi)
#   tanh    y = x/2 * (1 + tanh(u)), u = sqrt(2/pi) * (x + 0.044715 x^3)
#           dy/dx = (1 + tanh u)/2 + x/2 * (1 - tanh^2 u) * sqrt(2/pi) * (1 + 3 * 0.044715 x^2)
_SQRT_2_OVER_PI = math.sqrt(2 / math.pi)
_INV_SQRT_2PI = 1 / math.sqrt(2 * math.pi)
_CUBIC = 0.044715


class Gelu(NumpyFunction):
    node_name = "GeluBackward0"
    saved_names = ("self",)

    @staticmethod
    def forward(ctx, x, approximate):
        ctx.approximate = approximate
        ctx.save_for_backward(x)
        half = x.dtype.type(0.5)
        if approximate == "tanh":
            u = x.dtype.type(_SQRT_2_OVER_PI) * (x + x.dtype.type(_CUBIC) * x * x * x)
            return half * x * (1 + np.tanh(u))
        return half * x * (1 + erf_array(x * x.dtype.type(math.sqrt(0.5))))

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        if ctx.approximate == "tanh":
            t = (_SQRT_2_OVER_PI * (x + _CUBIC * x * x * x)).tanh()
            slope = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * _SQRT_2_OVER_PI * (1 + 3 * _CUBIC * x * x)
        else:
            cdf = 0.5 * (1 + Erf.apply(x * math.sqrt(0.5)))
            slope = cdf + x * ((-0.5 * x * x).exp() * _INV_SQRT_2PI)
        return grad * slope, None


# ----- smooth relatives of ReLU -------------------------------------------------------------------
#   silu      SiluBackward0       x * sigmoid(x)                      d = s (1 + x (1 - s)), s = sigmoid(x)
#   elu       EluBackward0        x > 0: scale x;  else scale alpha (e^(input_scale x) - 1)
#                                 d = scale, or scale alpha input_scale e^(input_scale x)   (SELU: fixed alpha, scale)
#   softplus  SoftplusBackward0   log(1 + e^(beta x)) / beta, x itself where beta x > threshold
#                                 d = sigmoid(beta x), or 1 past the threshold
#   mish      MishBackward0       x * tanh(softplus(x))               d = t + x (1 - t^2) sigmoid(x)
#   hardtanh  HardtanhBackward0   x clipped to [min_val, max_val]      d = 1 inside, 0 outside (ReLU6: [0, 6])
#   logsigmoid LogSigmoidBackward0  log(sigmoid(x)) = -softplus(-x)   d = sigmoid(-x)
def _mask(condition, dtype):
    return Tensor._make(condition.astype(dtype))


class Silu(NumpyFunction):
    node_name = "SiluBackward0"

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x / (1 + np.exp(-x))

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        s = x.sigmoid()
        return grad * (s * (1 + x * (1 - s)))


class Elu(NumpyFunction):
    node_name = "EluBackward0"

    @staticmethod
    def forward(ctx, x, alpha, scale, input_scale):
        ctx.constants = (alpha, scale, input_scale)
        ctx.save_for_backward(x)
        t = x.dtype.type
        return np.where(x > 0, t(scale) * x, t(scale * alpha) * np.expm1(t(input_scale) * x))

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        alpha, scale, input_scale = ctx.constants
        positive = _mask(x._data > 0, x._data.dtype)
        negative_slope = (x * input_scale).exp() * (scale * alpha * input_scale)
        return grad * (positive * scale + (1 - positive) * negative_slope), None, None, None


class Softplus(NumpyFunction):
    node_name = "SoftplusBackward0"

    @staticmethod
    def forward(ctx, x, beta, threshold):
        ctx.constants = (beta, threshold)
        ctx.save_for_backward(x)
        t = x.dtype.type
        scaled = x * t(beta)
        return np.where(scaled > threshold, x, np.log1p(np.exp(np.minimum(scaled, threshold))) / t(beta))

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        beta, threshold = ctx.constants
        linear = _mask(x._data * beta > threshold, x._data.dtype)
        return grad * (linear + (1 - linear) * (x * beta).sigmoid()), None, None


class Mish(NumpyFunction):
    node_name = "MishBackward0"

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * np.tanh(np.logaddexp(0, x).astype(x.dtype))

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        t = Softplus.apply(x, 1.0, 20.0).tanh()
        return grad * (t + x * (1 - t * t) * x.sigmoid())


class Hardtanh(NumpyFunction):
    node_name = "HardtanhBackward0"

    @staticmethod
    def forward(ctx, x, min_val, max_val):
        ctx.save_for_backward(x)
        ctx.bounds = (min_val, max_val)
        return np.clip(x, x.dtype.type(min_val), x.dtype.type(max_val))

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        low, high = ctx.bounds
        return grad * _mask((x._data > low) & (x._data < high), grad._data.dtype), None, None


class LogSigmoid(NumpyFunction):
    node_name = "LogSigmoidBackward0"

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return -np.logaddexp(0, -x).astype(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        return grad * (-x).sigmoid()
