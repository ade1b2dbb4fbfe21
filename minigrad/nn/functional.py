"""``nn.functional``: the layers as plain functions of tensors (no parameters stored).

``F.linear(x, W, b)`` is what ``nn.Linear`` calls; ``F.cross_entropy(logits, target)`` is what
``nn.CrossEntropyLoss`` calls. The heavy lifting happens in the fused nodes of ``nn/_ops/``; this file
checks arguments, reports bad input the way PyTorch does, and picks the right node.
"""
import math
import warnings

import numpy as np

from .. import _dtype
from ..autograd.grad_mode import is_grad_enabled
from ..ops._util import check_broadcast
from ..ops.creation import default_generator
from ..tensor import Tensor
from ._ops.batchnorm import BatchNorm
from ._ops.conv import Conv2d
from ._ops.linear import linear as _linear
from ._ops.loss import (LogSoftmax, MseLoss, NllLoss, Softmax, check_reduction,
                        warn_size_mismatch)
from ._ops.pool import AdaptiveAvgPool2d, MaxPool2d
from ._layer_ops import BinaryCrossEntropyWithLogits
from ._layer_ops import Embedding as EmbeddingNode
from ._activation_ops import Elu, Gelu, Hardtanh, LeakyRelu, LogSigmoid, Mish, Prelu, Silu, Softplus
from ._avg_pool import AvgPool2d as AvgPool2dNode, divisor as avg_pool_divisor
from ._layer_norm import LayerNorm as LayerNormNode
from . import _resample
from ._robust_losses import HuberLoss as HuberLossNode, SmoothL1Loss as SmoothL1LossNode
from ._conv1d import Conv1d as Conv1dNode


def _pair(value):
    return tuple(value) if isinstance(value, (tuple, list)) else (value, value)


# ----- linear layers and activations ------------------------------------------------------------
def linear(input, weight, bias=None):
    """``input @ weight.T + bias``; ``input`` is (*, in_features), ``weight`` is (out_features, in_features)."""
    return _linear(input, weight, bias)


def relu(input, inplace=False):
    return input.relu()


def tanh(input):
    return input.tanh()


def sigmoid(input):
    return input.sigmoid()


def _softmax_dim(input, dim, name):
    if dim is None:  # PyTorch's legacy choice when no dim is given, with its warning
        warnings.warn(f"Implicit dimension choice for {name} has been deprecated. Change the call to include "
                      "dim=X as an argument.", UserWarning, stacklevel=3)
        dim = 0 if input.ndim in (0, 1, 3) else 1
    bound = max(input.ndim, 1)
    if not -bound <= dim < bound:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-bound}, {bound - 1}], but got {dim})")
    return dim % bound


def softmax(input, dim=None, dtype=None):
    """``exp(x) / sum(exp(x))`` along ``dim``, computed after subtracting the maximum (no overflow)."""
    if dtype is not None:
        input = input.to(dtype)
    return Softmax.apply(input, dim=_softmax_dim(input, dim, "softmax"))


def log_softmax(input, dim=None, dtype=None):
    """``log(softmax(x))`` computed as ``x - max - log(sum(exp(x - max)))``: exact for large logits."""
    if dtype is not None:
        input = input.to(dtype)
    return LogSoftmax.apply(input, dim=_softmax_dim(input, dim, "log_softmax"))


def dropout(input, p=0.5, training=True, inplace=False):
    """Zero each element with probability ``p`` and scale the rest by ``1 / (1 - p)``, so the expected
    value is unchanged. In evaluation (``training=False``) it does nothing."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if not training or p == 0.0:
        return input
    keep = default_generator.rng.random(input.shape, dtype=np.float32) >= p
    scale = 0.0 if p == 1.0 else 1.0 / (1.0 - p)
    return input * Tensor._make(keep.astype(input._data.dtype) * input._data.dtype.type(scale))


def dropout2d(input, p=0.5, training=True, inplace=False):
    """Zero whole channels: each (sample, channel) feature map is kept or dropped together, because
    neighbouring pixels are so alike that dropping single ones barely regularises a convolution."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if input.ndim not in (3, 4):
        warnings.warn(f"dropout2d: Received a {input.ndim}-D input to dropout2d, which is deprecated and will "
                      "result in an error in a future release. To retain the behavior and silence this warning, "
                      "please use dropout instead. Note that dropout2d exists to provide channel-wise dropout on "
                      "inputs with 2 spatial dimensions, a channel dimension, and an optional batch dimension "
                      "(i.e. 3D or 4D inputs).")
    elif input.ndim == 3:
        warnings.warn("dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout "
                      "behavior is desired - input is interpreted as shape (N, C, L), where C is the channel dim. "
                      "This behavior will change in a future release to interpret the input as one without a batch "
                      "dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise dropout behavior, please "
                      "switch to using dropout1d instead.")
    if not training or p == 0.0:
        return input
    mask_shape = input.shape[:2] + (1,) * (input.ndim - 2)
    keep = default_generator.rng.random(mask_shape, dtype=np.float32) >= p
    scale = 0.0 if p == 1.0 else 1.0 / (1.0 - p)
    return input * Tensor._make(keep.astype(input._data.dtype) * input._data.dtype.type(scale))


def leaky_relu(input, negative_slope=0.01, inplace=False):
    return LeakyRelu.apply(input, negative_slope=negative_slope)


def prelu(input, weight):
    channels = input.shape[1] if input.ndim >= 2 else 1  # below 2 dims there is no channel dim
    if weight.numel() != 1 and weight.numel() != channels:
        raise RuntimeError(f"Mismatch of parameter numbers and input channel size. Found parameter numbers = "
                           f"{weight.numel()} and channel size = {channels}.")
    return Prelu.apply(input, weight)


def gelu(input, approximate="none"):
    """``x * Phi(x)`` (Phi: the standard normal CDF), smooth where ReLU has a kink; ``approximate="tanh"``
    is the cheaper formula GPT-2 used."""
    if approximate not in ("none", "tanh"):
        raise RuntimeError("approximate argument must be either none or tanh.")
    if input._data.dtype.kind != "f":
        raise NotImplementedError(f"\"GeluKernelImpl\" not implemented for '{_type_word(input)}'")
    return Gelu.apply(input, approximate=approximate)


def _floating(input, kernel):
    if input._data.dtype.kind != "f":
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{_type_word(input)}'")
    return input


def silu(input, inplace=False):
    """``x * sigmoid(x)`` (also called swish)."""
    return Silu.apply(_floating(input, "silu_cpu"))


def elu(input, alpha=1.0, inplace=False):
    """``x`` for x > 0, ``alpha * (e^x - 1)`` below: negative outputs that saturate at ``-alpha``."""
    return Elu.apply(_floating(input, "elu_cpu"), alpha, 1.0, 1.0)


_SELU_ALPHA, _SELU_SCALE = 1.6732632423543772848170429916717, 1.0507009873554804934193349852946


def selu(input, inplace=False):
    """ELU with the fixed alpha and scale that keep activations at mean 0, variance 1 (self-normalising)."""
    return Elu.apply(_floating(input, "elu_cpu"), _SELU_ALPHA, _SELU_SCALE, 1.0)


def softplus(input, beta=1.0, threshold=20.0):
    """``log(1 + e^(beta x)) / beta``, a smooth ReLU; linear past ``threshold`` (where they agree anyway)."""
    return Softplus.apply(_floating(input, "softplus_cpu"), beta, threshold)


def mish(input, inplace=False):
    """``x * tanh(softplus(x))``."""
    return Mish.apply(_floating(input, "mish_cpu"))


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    if min_val > max_val:
        raise ValueError("min_val cannot be greater than max_val")
    return Hardtanh.apply(input, min_val, max_val)


def relu6(input, inplace=False):
    return hardtanh(input, 0.0, 6.0)


def logsigmoid(input):
    """``log(sigmoid(x))``, computed as ``-softplus(-x)`` so it stays finite for very negative x."""
    return LogSigmoid.apply(_floating(input, "log_sigmoid_cpu"))


def softsign(input):
    return input / (input.abs() + 1)


def _type_word(t):
    from .._dtype import scalar_type_name
    return scalar_type_name(t._data.dtype)


def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None,
                                 enable_gqa=False):
    """``softmax(Q K^T * scale + mask) V``, the attention of a transformer, written out with tensor ops
    (PyTorch fuses it into one node; the numbers are the same). ``is_causal`` lets position i see only
    positions <= i; a boolean ``attn_mask`` says which positions may be seen, a float one is added."""
    from ..ops.creation import ones
    if attn_mask is not None and is_causal:
        raise RuntimeError("_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True")
    L, S = query.shape[-2], key.shape[-2]
    scale_factor = 1 / math.sqrt(query.shape[-1]) if scale is None else scale
    scores = query @ key.transpose(-2, -1) * scale_factor
    if is_causal:
        attn_mask = ones(L, S, dtype=_dtype.bool).tril()
    if attn_mask is not None:
        if attn_mask.dtype == _dtype.bool:
            scores = scores.masked_fill(attn_mask.logical_not(), float("-inf"))
        else:
            scores = scores + attn_mask
    weights = softmax(scores, dim=-1)
    if dropout_p > 0.0:
        weights = dropout(weights, dropout_p, True)
    return weights @ value


# ----- padding, nearest upsampling, 1-D convolution (nodes in _resample.py, _conv1d.py) ---------------
def pad(input, pad, mode="constant", value=None):
    """Pad the last ``len(pad) // 2`` dims: ``pad = (left, right)`` for the last dim, then (top, bottom) for
    the one before... ``constant`` fills with ``value`` (negative amounts crop); ``reflect`` mirrors the
    border, ``replicate`` repeats it."""
    if len(pad) % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    n = len(pad) // 2
    if n > input.ndim:
        raise RuntimeError(f"Padding length should be less than or equal to two times the input dimension but got "
                           f"padding length {len(pad)} and input of dimension {input.ndim}")
    amounts = [(pad[2 * k], pad[2 * k + 1]) for k in range(n)]  # last dim first
    if mode == "constant":
        pads = ((0, 0),) * (input.ndim - n) + tuple(reversed(amounts))
        return _resample.ConstantPad.apply(input, pads, 0.0 if value is None else value)
    if mode not in ("reflect", "replicate"):
        raise NotImplementedError(f"Unrecognised padding mode {mode}" if mode != "circular" else
                                  "minigrad's pad has no circular mode")
    if input.ndim not in (n + 1, n + 2):
        raise NotImplementedError(
            f"Padding size {len(pad)} is not supported for {input.ndim}D input tensor.\nSupported combinations for "
            "non-constant padding:\n  - 2D or 3D input: padding size = 2 (pads last dimension)\n  - 3D or 4D input: "
            "padding size = 4 (pads last 2 dimensions)\n  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)")
    picks = []
    for k, (before, after) in enumerate(amounts):
        dim = input.ndim - 1 - k
        size = input.shape[dim]
        if mode == "reflect":
            if before >= size or after >= size:
                raise RuntimeError(f"Argument #4: Padding size should be less than the corresponding input dimension, "
                                   f"but got: padding ({before}, {after}) at dimension {dim} of input "
                                   f"{list(input.shape)}")
            picks.append((dim, _resample.reflect_positions(size, before, after)))
        else:
            picks.append((dim, _resample.replicate_positions(size, before, after)))
    name = ("ReflectionPad" if mode == "reflect" else "ReplicationPad") + f"{n}D"
    return _resample.pick(name, input, picks)


def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None,
                recompute_scale_factor=None, antialias=False):
    """Resize the spatial dims (all dims after the first two). Only ``mode="nearest"``: output position i
    copies input position floor(i * in / out)."""
    spatial = input.ndim - 2
    if spatial not in (1, 2, 3):
        raise NotImplementedError(f"Input Error: Only 3D, 4D and 5D input Tensors supported (got {input.ndim}D) for the "
                                  f"modes: nearest | linear | bilinear | bicubic | trilinear | lanczos | area | "
                                  f"nearest-exact (got {mode})")
    if mode != "nearest":
        raise NotImplementedError(f"minigrad's interpolate supports mode='nearest' only (got {mode})")
    if size is None and scale_factor is None:
        raise ValueError("either size or scale_factor should be defined")
    if size is not None and scale_factor is not None:
        raise ValueError("only one of size or scale_factor should be defined")
    sizes_in = tuple(input.shape[2:])
    if size is not None:
        sizes_out = tuple(size) if isinstance(size, (tuple, list)) else (size,) * spatial
        scales = (None,) * spatial
    else:
        scales = tuple(scale_factor) if isinstance(scale_factor, (tuple, list)) else (scale_factor,) * spatial
        sizes_out = tuple(int(math.floor(n * s)) for n, s in zip(sizes_in, scales))
        if recompute_scale_factor:
            scales = (None,) * spatial
    picks = [(2 + k, _resample.nearest_positions(n_in, n_out, s))
             for k, (n_in, n_out, s) in enumerate(zip(sizes_in, sizes_out, scales))]
    return _resample.pick(f"UpsampleNearest{spatial}D", input, picks)


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """1-D cross-correlation over (N, C, L) signals: the 2-D one on signals one pixel high."""
    single = lambda v: v[0] if isinstance(v, (tuple, list)) else v  # noqa: E731
    if single(dilation) != 1 or groups != 1:
        raise NotImplementedError("minigrad's conv1d supports dilation=1 and groups=1 only")
    if input.ndim not in (2, 3):
        raise RuntimeError("Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: "
                           f"{list(input.shape)}")
    x = input if input.ndim == 3 else input.unsqueeze(0)
    out_channels, in_channels, k = weight.shape
    if x.shape[1] != in_channels:
        raise RuntimeError(f"Given groups=1, weight of size {list(weight.shape)}, expected input{list(input.shape)} to "
                           f"have {in_channels} channels, but got {x.shape[1]} channels instead")
    padding = single(padding)
    if padding == "valid":
        padding = 0
    elif padding == "same":
        if k % 2 == 0 or single(stride) != 1:
            raise NotImplementedError("minigrad supports padding='same' for odd kernels and stride 1 only")
        padding = k // 2
    if x.shape[2] + 2 * padding < k:
        raise RuntimeError(f"Calculated padded input size per channel: ({x.shape[2] + 2 * padding}). Kernel size: "
                           f"({k}). Kernel size can't be greater than actual input size")
    args = (x, weight) if bias is None else (x, weight, bias)
    out = Conv1dNode.apply(*args, stride=single(stride), padding=padding)
    return out if input.ndim == 3 else out.squeeze(0)


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    """Each slice along ``dim`` divided by its p-norm (at least ``eps``): unit-length rows."""
    return input / input.norm(p, dim, keepdim=True).clamp(min=eps).expand_as(input)


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    """The cosine of the angle between x1 and x2 along ``dim``."""
    n1 = (x1 * x1).sum(dim, keepdim=True).sqrt().clamp(min=eps)
    n2 = (x2 * x2).sum(dim, keepdim=True).sqrt().clamp(min=eps)
    return ((x1 / n1) * (x2 / n2)).sum(dim)


def flatten(input, start_dim=0, end_dim=-1):
    return input.flatten(start_dim, end_dim)


# ----- convolution and pooling ------------------------------------------------------------------
def _batched(input, name):
    """Accept (C, H, W) as a batch of one, as PyTorch does; complain about other shapes."""
    if input.ndim == 4:
        return input, False
    if input.ndim == 3:
        return input.unsqueeze(0), True
    if name == "conv2d":
        raise RuntimeError("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: "
                           f"{list(input.shape)}")
    raise RuntimeError("non-empty 3D or 4D (batch mode) tensor expected for input")


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """2-D cross-correlation (what deep learning calls convolution), via im2col and one matrix product."""
    if _pair(dilation) != (1, 1) or groups != 1:
        raise NotImplementedError("minigrad's conv2d supports dilation=1 and groups=1 only")
    x, unbatched = _batched(input, "conv2d")
    out_channels, in_channels, kh, kw = weight.shape
    if x.shape[1] != in_channels:
        raise RuntimeError(f"Given groups=1, weight of size {list(weight.shape)}, expected input"
                           f"{list(input.shape)} to have {in_channels} channels, but got {x.shape[1]} channels "
                           "instead")
    if padding == "valid":
        padding = 0
    elif padding == "same":
        if kh % 2 == 0 or kw % 2 == 0 or _pair(stride) != (1, 1):
            raise NotImplementedError("minigrad supports padding='same' for odd kernels and stride 1 only")
        padding = (kh // 2, kw // 2)
    ph, pw = _pair(padding)
    h, w = x.shape[2] + 2 * ph, x.shape[3] + 2 * pw
    if h < kh or w < kw:
        raise RuntimeError(f"Calculated padded input size per channel: ({h} x {w}). Kernel size: ({kh} x {kw}). "
                           "Kernel size can't be greater than actual input size")
    args = (x, weight) if bias is None else (x, weight, bias)
    out = Conv2d.apply(*args, stride=_pair(stride), padding=(ph, pw))
    return out.squeeze(0) if unbatched else out


def _pool_window(kernel_size, stride, padding):
    """A pooling window's (kernel, stride, padding) as pairs; the stride defaults to the kernel size."""
    kernel = _pair(kernel_size)
    stride = _pair(stride) if stride is not None and stride != [] else kernel
    padding = _pair(padding)
    if padding[0] > kernel[0] // 2 or padding[1] > kernel[1] // 2:
        raise RuntimeError(f"pad should be at most half of effective kernel size, but got pad={padding[0]}, "
                           f"kernel_size={kernel[0]} and dilation=1")
    return kernel, stride, padding


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """The maximum of each ``kernel_size`` window, windows ``stride`` apart (default: the kernel size)."""
    if _pair(dilation) != (1, 1) or ceil_mode or return_indices:
        raise NotImplementedError("minigrad's max_pool2d supports dilation=1, ceil_mode=False and no indices")
    x, unbatched = _batched(input, "max_pool2d")
    kernel, stride, padding = _pool_window(kernel_size, stride, padding)
    n, c, h, w = x.shape
    oh = (h + 2 * padding[0] - kernel[0]) // stride[0] + 1
    ow = (w + 2 * padding[1] - kernel[1]) // stride[1] + 1
    if oh < 1 or ow < 1:
        raise RuntimeError(f"Given input size: ({c}x{h}x{w}). Calculated output size: ({c}x{max(oh, 0)}x{max(ow, 0)}). "
                           "Output size is too small")
    out = MaxPool2d.apply(x, kernel=kernel, stride=stride, padding=padding, out_size=(oh, ow))
    return out.squeeze(0) if unbatched else out


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    """The mean of each ``kernel_size`` window, windows ``stride`` apart (default: the kernel size)."""
    if ceil_mode:
        raise NotImplementedError("minigrad's avg_pool2d supports ceil_mode=False only")
    if input.ndim not in (3, 4):
        _batched(input, "avg_pool2d")  # says what PyTorch says
    kernel, stride, padding = _pool_window(kernel_size, stride, padding)
    c, h, w = input.shape[-3:]
    out_size = ((h + 2 * padding[0] - kernel[0]) // stride[0] + 1, (w + 2 * padding[1] - kernel[1]) // stride[1] + 1)
    if min(out_size) < 1:
        raise RuntimeError(f"Given input size: ({c}x{h}x{w}). Calculated output size: "
                           f"({c}x{max(out_size[0], 0)}x{max(out_size[1], 0)}). Output size is too small")
    divide_by = avg_pool_divisor((h, w), kernel, stride, padding, out_size, count_include_pad, divisor_override,
                                 input._data.dtype)
    return AvgPool2dNode.apply(input, kernel=kernel, stride=stride, padding=padding, out_size=out_size,
                               divisor=divide_by)


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    """Normalise each sample over its last ``len(normalized_shape)`` dims (see nn/_layer_norm.py)."""
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    if tuple(input.shape[input.ndim - len(shape):]) != shape or len(shape) > input.ndim:
        raise RuntimeError(f"Given normalized_shape={list(shape)}, expected input with shape [*, "
                           f"{', '.join(str(n) for n in shape)}], but got input of size{list(input.shape)}")
    return LayerNormNode.apply(input, weight, bias, normalized_ndim=len(shape), eps=eps)


def adaptive_avg_pool2d(input, output_size):
    """Average pooling to a fixed output size, whatever the input size."""
    x, unbatched = _batched(input, "adaptive_avg_pool2d")
    size = _pair(output_size)
    size = tuple(x.shape[2 + i] if s is None else s for i, s in enumerate(size))
    if size == (1, 1):  # a plain mean over the pixels, as PyTorch computes it (MeanBackward1)
        out = x.mean((2, 3), keepdim=True)
    else:
        out = AdaptiveAvgPool2d.pool(x, size)
    return out.squeeze(0) if unbatched else out


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    """Normalise each channel (axis 1) with batch statistics in training, running statistics otherwise."""
    if input.ndim < 2:
        raise ValueError(f"Expected 2D or more input (got {input.ndim}D input)")
    if running_mean is not None and running_mean.shape[0] != input.shape[1]:
        raise RuntimeError(f"running_mean should contain {input.shape[1]} elements not {running_mean.shape[0]}")
    if training:
        count = input.numel() // input.shape[1]
        if count <= 1:
            raise ValueError(f"Expected more than 1 value per channel when training, got input size {input.shape}")
    affine = weight is not None
    if not affine:  # placeholders that need no gradient: PyTorch's node has (empty) edges for both
        weight = bias = _NO_PARAMETER
    return BatchNorm.apply(input, weight, bias, running_mean=None if running_mean is None else running_mean._data,
                           running_var=None if running_var is None else running_var._data,
                           training=training, momentum=momentum, eps=eps, affine=affine)


_NO_PARAMETER = Tensor._make(np.zeros(0, dtype=np.float32))


# ----- losses -----------------------------------------------------------------------------------
def _class_loss(node, input, target, reduction, ignore_index):
    check_reduction(reduction)
    if input.ndim == 1:  # a single sample: scores (C,) and a class index ()
        if target.ndim != 0:
            raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
        return node.apply(input, target=target, reduction=reduction, ignore_index=ignore_index)
    if input.ndim != 2:
        raise NotImplementedError("minigrad's losses take (N, C) scores (no extra dimensions)")
    scores, classes = input._data, target._data
    if classes.ndim >= 1 and classes.shape[0] != scores.shape[0] and (classes.ndim > 1 or classes.dtype.kind in "iu"):
        raise ValueError(f"Expected input batch_size ({scores.shape[0]}) to match target batch_size "
                         f"({classes.shape[0]}).")
    return node.apply(input, target=target, reduction=reduction, ignore_index=ignore_index)


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                  reduction="mean", label_smoothing=0.0):
    """The loss of scores (logits) ``input`` (N, C) for classes ``target`` (N,) of dtype long:
    ``-log softmax(input)[target]``, averaged, stable for large logits. Recorded as PyTorch records it: an
    ``NllLossBackward0`` node on a ``LogSoftmaxBackward0`` node.

    A float ``target`` of the same shape as ``input`` is read as class probabilities."""
    if weight is not None or label_smoothing:
        raise NotImplementedError("minigrad's cross_entropy has no class weights or label smoothing")
    if target._data.dtype.kind == "f" and target._data.shape == input._data.shape:
        check_reduction(reduction)
        losses = -(target * log_softmax(input, 1)).sum(1)
        return {"mean": lambda: losses.sum() / input.shape[0], "sum": losses.sum, "none": lambda: losses}[reduction]()
    # PyTorch's graph: NllLossBackward0 <- LogSoftmaxBackward0
    log_probs = LogSoftmax.apply(input, dim=1 if input._data.ndim > 1 else 0)
    return _class_loss(NllLoss, log_probs, target, reduction, ignore_index)


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"):
    """``-input[target]`` averaged: the loss for log-probabilities (the output of ``log_softmax``)."""
    if weight is not None:
        raise NotImplementedError("minigrad's nll_loss has no class weights")
    return _class_loss(NllLoss, input, target, reduction, ignore_index)


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """Mean squared error ``mean((input - target)^2)``."""
    check_reduction(reduction)
    warn_size_mismatch(input, target)
    if input.shape != target.shape:  # broadcast first, as PyTorch: an ExpandBackward0 for each stretched operand
        check_broadcast(input.shape, target.shape)
        shape = np.broadcast_shapes(input.shape, target.shape)
        input, target = (t if t.shape == shape else t.expand(shape) for t in (input, target))
    return MseLoss.apply(input, target, reduction=reduction)


def _same_shape(input, target):
    warn_size_mismatch(input, target)
    if input.shape != target.shape:  # broadcast first, as PyTorch does
        check_broadcast(input.shape, target.shape)
        shape = np.broadcast_shapes(input.shape, target.shape)
        input, target = (t if t.shape == shape else t.expand(shape) for t in (input, target))
    return input, target


def _reduced(values, reduction):
    return values if reduction == "none" else values.sum() if reduction == "sum" else values.mean()


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """Mean absolute error ``mean(|input - target|)``."""
    check_reduction(reduction)
    input, target = _same_shape(input, target)
    return _reduced((input - target).abs(), reduction)


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    """Quadratic for errors below ``beta``, linear above (see nn/_robust_losses.py)."""
    check_reduction(reduction)
    if beta < 0:
        raise RuntimeError("smooth_l1_loss does not support negative values for beta.")
    if beta == 0:
        return l1_loss(input, target, reduction=reduction)
    input, target = _same_shape(input, target)
    return SmoothL1LossNode.apply(input, target, reduction, beta)


def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    """Quadratic for errors below ``delta``, ``delta``-sloped linear above (see nn/_robust_losses.py)."""
    check_reduction(reduction)
    if delta <= 0:
        raise RuntimeError("huber_loss does not support non-positive values for delta.")
    input, target = _same_shape(input, target)
    return HuberLossNode.apply(input, target, reduction, delta)


def kl_div(input, target, size_average=None, reduce=None, reduction="mean", log_target=False):
    """KL(target || model) with ``input`` the model's log-probabilities: sum of target * (log target - input).
    ``reduction="batchmean"`` divides by the batch size (the mathematical KL divergence per sample)."""
    if reduction == "mean":
        warnings.warn("reduction: 'mean' divides the total loss by both the batch size and the support size."
                      "'batchmean' divides only by the batch size, and aligns with the KL div math definition."
                      "'mean' will be changed to behave the same as 'batchmean' in the next major release.",
                      UserWarning, stacklevel=2)
    if reduction not in ("mean", "sum", "none", "batchmean"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    if log_target:
        pointwise = target.exp() * (target - input)
    else:  # target * log(target), taken as 0 where the target is 0 (PyTorch's xlogy)
        zero = Tensor._make(target._data == 0)
        pointwise = target * target.masked_fill(zero, 1).log() - target * input
    if reduction == "batchmean":
        return pointwise.sum() / (input.shape[0] if input.ndim else 1)
    return _reduced(pointwise, reduction)


# ----- lookups and encodings -----------------------------------------------------------------------
def one_hot(tensor, num_classes=-1):
    """Class indices (int64) to rows of zeros with a one at the index: shape ``tensor.shape + (C,)``."""
    indices = tensor._data
    if indices.dtype != np.int64:
        raise RuntimeError("one_hot is only applicable to index tensor of type LongTensor.")
    if indices.size and indices.min() < 0:
        raise RuntimeError("Class values must be non-negative.")
    if num_classes == -1:
        num_classes = int(indices.max()) + 1 if indices.size else 0
    elif indices.size and indices.max() >= num_classes:
        raise RuntimeError("Class values must be smaller than num_classes.")
    return Tensor._make((indices[..., None] == np.arange(num_classes)).astype(np.int64))


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False,
              sparse=False):
    """Rows of ``weight`` picked by the integer ``input``: ``weight[input]``. The ``padding_idx`` row
    gets no gradient."""
    kind = input._data.dtype
    if kind.kind not in "iu":
        raise RuntimeError("Expected tensor for argument #1 'indices' to have one of the following scalar types: "
                           f"Long, Int; but got torch.{input.type().split('.')[-1]} instead (while checking "
                           "arguments for embedding)")
    if input._data.size and (input._data.max() >= weight.shape[0] or input._data.min() < 0):
        raise IndexError("index out of range in self")
    return EmbeddingNode.apply(weight, indices=input, padding_idx=padding_idx)


# ----- binary classification losses ------------------------------------------------------------
def _reduce(losses, reduction):
    check_reduction(reduction)
    return {"mean": losses.mean, "sum": losses.sum, "none": lambda: losses}[reduction]()


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None,
                                     reduction="mean", pos_weight=None):
    """The loss of a score (logit) x for a 0/1 target y: ``-[y log sigmoid(x) + (1-y) log(1 - sigmoid(x))]``,
    computed as ``(1-y) x + log(1 + e^-x)`` with ``log(1 + e^-x) = relu(-x) + log(1 + e^-|x|)`` so that
    large scores neither overflow nor lose precision. ``pos_weight`` weighs the positive term."""
    if target.shape != input.shape:
        raise ValueError(f"Target size ({target.shape}) must be the same as input size ({input.shape})")
    check_reduction(reduction)
    _refuse_grad("binary_cross_entropy_with_logits", weight=weight, pos_weight=pos_weight)
    return BinaryCrossEntropyWithLogits.apply(input, target, weight, pos_weight, reduction=reduction)


def _refuse_grad(function, **options):
    """PyTorch's losses take no gradient for their weights: a weight that requires grad is refused."""
    for name, value in options.items():
        if isinstance(value, Tensor) and value.requires_grad and is_grad_enabled():
            raise RuntimeError(f"The function '{function}' is not differentiable with respect to argument "
                               f"'{name}'. This input cannot have requires_grad True.")


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    """The loss of probabilities ``input`` in [0, 1] for 0/1 targets; logs are clamped at -100 as in PyTorch."""
    if target.shape != input.shape:
        raise ValueError(f"Using a target size ({target.shape}) that is different to the input size "
                         f"({input.shape}) is deprecated. Please ensure they have the same size.")
    _refuse_grad("binary_cross_entropy", weight=weight)
    if ((input._data < 0) | (input._data > 1)).any():
        raise RuntimeError("all elements of input should be between 0 and 1")
    losses = -(target * input.log().clamp(min=-100) + (1 - target) * (1 - input).log().clamp(min=-100))
    if weight is not None:
        losses = losses * weight
    return _reduce(losses, reduction)
