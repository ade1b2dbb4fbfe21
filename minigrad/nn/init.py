"""``nn.init``: fill a tensor in place with starting values.

Why the scale matters: a layer with ``fan_in`` inputs sums ``fan_in`` products, so weights of a fixed
size make activations grow (or shrink) layer after layer. Dividing by ``sqrt(fan_in)`` keeps the
variance steady. PyTorch's default for ``Linear`` and ``Conv2d`` is ``kaiming_uniform_(w, a=sqrt(5))``,
which works out to ``uniform(-1/sqrt(fan_in), 1/sqrt(fan_in))``.

All randomness comes from minigrad's generator, so ``minigrad.manual_seed`` makes models reproducible.
"""
import math

import numpy as np

from ..ops.creation import default_generator


def _rng(generator):
    return (generator or default_generator).rng


def _fill(tensor, values):
    """Write into the tensor's own array (no graph, like PyTorch's ``with torch.no_grad()`` in init)."""
    tensor._data[...] = values
    tensor._version += 1
    return tensor


def calculate_gain(nonlinearity, param=None):
    """The factor that keeps the variance steady through a given nonlinearity."""
    linear = ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
              "conv_transpose3d", "sigmoid")
    if nonlinearity in linear:
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"Unsupported nonlinearity {nonlinearity}")


def _calculate_fan_in_and_fan_out(tensor):
    if tensor.dim() < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    receptive_field = int(np.prod(tensor.shape[2:])) if tensor.dim() > 2 else 1
    return tensor.shape[1] * receptive_field, tensor.shape[0] * receptive_field


def _fan(tensor, mode):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"Mode {mode} not supported, please use one of fan_in, fan_out")
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    return fan_in if mode == "fan_in" else fan_out


def uniform_(tensor, a=0.0, b=1.0, generator=None):
    values = _rng(generator).random(tuple(tensor.shape), dtype=np.float32)  # float32: half the work
    return _fill(tensor, values * np.float32(b - a) + np.float32(a))


def normal_(tensor, mean=0.0, std=1.0, generator=None):
    values = _rng(generator).standard_normal(tuple(tensor.shape), dtype=np.float32)
    return _fill(tensor, values * np.float32(std) + np.float32(mean))


def constant_(tensor, val):
    return _fill(tensor, val)


def zeros_(tensor):
    return _fill(tensor, 0)


def ones_(tensor):
    return _fill(tensor, 1)


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    """He initialisation, uniform: bound = gain * sqrt(3 / fan)."""
    std = calculate_gain(nonlinearity, a) / math.sqrt(_fan(tensor, mode))
    bound = math.sqrt(3.0) * std
    return uniform_(tensor, -bound, bound, generator)


def kaiming_normal_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    """He initialisation, normal: std = gain / sqrt(fan)."""
    std = calculate_gain(nonlinearity, a) / math.sqrt(_fan(tensor, mode))
    return normal_(tensor, 0.0, std, generator)


def xavier_uniform_(tensor, gain=1.0, generator=None):
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return uniform_(tensor, -bound, bound, generator)


def xavier_normal_(tensor, gain=1.0, generator=None):
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    return normal_(tensor, 0.0, gain * math.sqrt(2.0 / (fan_in + fan_out)), generator)


def trunc_normal_(tensor, mean=0.0, std=1.0, a=-2.0, b=2.0, generator=None):
    """Normal values, redrawn until they fall in [a, b] (so no outlier is ever drawn)."""
    rng = _rng(generator)
    values = rng.normal(mean, std, size=tuple(tensor.shape))
    outside = (values < a) | (values > b)
    while outside.any():
        values[outside] = rng.normal(mean, std, size=int(outside.sum()))
        outside = (values < a) | (values > b)
    return _fill(tensor, values.astype(np.float32))


def orthogonal_(tensor, gain=1, generator=None):
    """A (semi-)orthogonal matrix: the rows (or columns) are orthonormal, so the layer keeps lengths.
    Made from the QR decomposition of a normal matrix, with signs fixed so the result is uniform."""
    if tensor.ndim < 2:
        raise ValueError("Only tensors with 2 or more dimensions are supported")
    rows = tensor.shape[0]
    cols = tensor.numel() // rows
    flat = _rng(generator).standard_normal((rows, cols))
    if rows < cols:
        flat = flat.T
    q, r = np.linalg.qr(flat)
    q *= np.sign(np.diag(r))
    if rows < cols:
        q = q.T
    return _fill(tensor, (gain * q).reshape(tuple(tensor.shape)).astype(np.float32))


def eye_(tensor):
    if tensor.ndim != 2:
        raise ValueError("Only tensors with 2 dimensions are supported")
    return _fill(tensor, np.eye(*tensor.shape, dtype=np.float32))
