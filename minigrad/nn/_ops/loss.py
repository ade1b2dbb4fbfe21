"""Softmax, log-softmax and the losses, computed so that large logits cannot overflow.

The trick: ``softmax(x) = softmax(x - max(x))``. After subtracting the row maximum, the largest
exponent is ``e^0 = 1``, so ``exp`` never overflows and ``log(sum(exp))`` is at least ``log(1) = 0``.
"""
import warnings

import numpy as np

from ...autograd.function import NumpyFunction
from ...ops._util import check_broadcast, promote, sum_to
from ...tensor import Tensor
from . import recording_backward
from .linear import type_name


def _shifted_exp(x, axis):
    """``x - max(x)`` and its exponential: the largest exponent is 0, so nothing overflows."""
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted, np.exp(shifted)


def _check_float(x, dim, name):
    if x.dtype.kind != "f":
        kernel = f"{name}_lastdim_kernel_impl" if dim in (-1, x.ndim - 1) else f"{name}_kernel_impl"
        raise NotImplementedError(f'"{kernel}" not implemented for \'{type_name(x)}\'')


class LogSoftmax(NumpyFunction):
    """log softmax(x). Backward: dx = g - softmax(x) * sum(g)."""

    node_name = "LogSoftmaxBackward0"
    saved_names = ("result",)

    @staticmethod
    def forward(ctx, x, dim):
        _check_float(x, dim, "log_softmax")
        ctx.dim = dim
        shifted, exp = _shifted_exp(x, dim)
        result = shifted
        result -= np.log(exp.sum(axis=dim, keepdims=True))  # in place: log softmax = shifted - log(sum(exp))
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad):
        (result,) = ctx.saved_tensors
        if not recording_backward():  # fast path: the same formula straight on the arrays
            g = grad._data
            return Tensor._make(g - np.exp(result._data) * g.sum(ctx.dim, keepdims=True))
        probs = result.exp()
        return grad - probs * grad.sum(ctx.dim, keepdim=True)


class Softmax(NumpyFunction):
    """softmax(x). Backward: dx = y * (g - sum(g * y))."""

    node_name = "SoftmaxBackward0"
    saved_names = ("result",)

    @staticmethod
    def forward(ctx, x, dim):
        _check_float(x, dim, "softmax")
        ctx.dim = dim
        result = _shifted_exp(x, dim)[1]
        result /= result.sum(axis=dim, keepdims=True)  # in place: softmax = exp / sum(exp)
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad):
        (y,) = ctx.saved_tensors
        return y * (grad - (grad * y).sum(ctx.dim, keepdim=True))


def check_reduction(reduction):
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")


def check_class_target(x, target, ignore_index):
    """PyTorch's checks on (N, C) scores and (N,) class indices, in PyTorch's order."""
    if target.ndim != 1:
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    if target.dtype not in (np.int64, np.uint8):
        raise RuntimeError(f"expected target dtype to be Long or Byte, but got {type_name(target)}")
    if x.shape[0] != target.shape[0]:
        raise ValueError(f"Expected input batch_size ({x.shape[0]}) to match target batch_size ({target.shape[0]}).")
    valid = target != ignore_index
    bad = valid & ((target < 0) | (target >= x.shape[1]))
    if bad.any():
        raise IndexError(f"Target {target[bad][0]} is out of bounds.")
    return valid


def _reduce(losses, valid, reduction):
    """Turn per-sample losses into the result and remember how to scale the gradient."""
    if reduction == "none":
        return losses, None
    total = losses.sum(dtype=losses.dtype)
    if reduction == "sum":
        return np.asarray(total), 1
    count = int(valid.sum())
    return np.asarray(total / count if count else np.float32(np.nan), dtype=losses.dtype), count


class NllLoss(NumpyFunction):
    """loss_i = -x_i[t_i] for log-probabilities x (cross-entropy is this after log_softmax).
    Its gradient is -onehot(t_i) times the upstream gradient (divided by N for the mean), whatever x is."""

    node_name = "NllLossBackward0"
    saved_names = ("target",)

    @staticmethod
    def forward(ctx, x, target, reduction="mean", ignore_index=-100):
        valid = check_class_target(x, target, ignore_index)
        ctx.save_for_backward(target)  # as PyTorch does (so a second backward raises)
        ctx.target, ctx.valid, ctx.x_like = np.where(valid, target, 0), valid, x[:0]
        losses = -x[np.arange(x.shape[0]), ctx.target] * valid
        result, ctx.count = _reduce(losses.astype(x.dtype, copy=False), valid, reduction)
        return result

    @staticmethod
    def backward(ctx, grad):
        ctx.saved_tensors  # noqa: B018  (raises after the graph was freed)
        n, c = len(ctx.target), ctx.x_like.shape[1]
        one_hot = np.zeros((n, c), dtype=ctx.x_like.dtype)
        rows = np.nonzero(ctx.valid)[0]
        one_hot[rows, ctx.target[rows]] = -1
        if not recording_backward():  # fast path: the same formula straight on the arrays
            g = grad._data
            scale = g[:, None] if ctx.count is None else (g / ctx.count if ctx.count != 1 else g)
            return Tensor._make((one_hot * scale).astype(one_hot.dtype, copy=False))
        direction = Tensor._make(one_hot)
        if ctx.count is None:  # reduction="none": one upstream value per sample
            return direction * grad.unsqueeze(1)
        return direction * (grad / ctx.count if ctx.count != 1 else grad)


class MseLoss(NumpyFunction):
    """mean((a - b)^2). Backward: da = 2 (a - b) g / n, db = -da."""

    node_name = "MseLossBackward0"

    @staticmethod
    def forward(ctx, a, b, reduction="mean"):
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        if a.dtype.kind != "f" and b.dtype.kind != "f":
            raise NotImplementedError(f'"mse_cpu" not implemented for \'{type_name(a)}\'')
        ctx.save_for_backward(a, b)
        a, b = promote(a, b)
        diff = a - b
        ctx.reduction, ctx.count = reduction, diff.size
        squared = diff * diff
        if reduction == "none":
            return squared
        return np.asarray(squared.sum() if reduction == "sum" else squared.mean(), dtype=squared.dtype)

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        scale = grad * (2.0 / ctx.count) if ctx.reduction == "mean" else grad * 2.0
        d = (a - b) * scale
        return (sum_to(d, a.shape) if ctx.needs_input_grad[0] else None,
                sum_to(-d, b.shape) if ctx.needs_input_grad[1] else None)


def warn_size_mismatch(input, target):
    if input.shape != target.shape:
        warnings.warn(f"Using a target size ({target.shape}) that is different to the input size ({input.shape}). "
                      "This will likely lead to incorrect results due to broadcasting. Please ensure they have the "
                      "same size.", UserWarning, stacklevel=3)
