"""Softmax, log-softmax and the losses, computed so that large logits cannot overflow.

The trick: ``softmax(x) = softmax(x - max(x))``. After subtracting the row maximum, the largest
exponent is ``e^0 = 1``, so ``exp`` never overflows and ``log(sum(exp))`` is at least ``log(1) = 0``.
"""
import warnings

import numpy as np

from ...autograd.function import NumpyFunction
from ...ops._util import check_broadcast, promote
from .linear import type_name
from .loss_backward import LogSoftmaxBackwardData, MseLossBackward, NllLossBackward, SoftmaxBackwardData
from .rows import row_max, row_sum


def _shifted_exp(x, axis):
    """``x - max(x)`` and its exponential: the largest exponent is 0, so nothing overflows."""
    shifted = x - row_max(x, axis)
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
        sums = row_sum(exp, dim)
        result = shifted
        result -= np.log(sums)  # in place: log softmax = shifted - log(sum(exp))
        ctx.save_for_backward(result)
        if ctx.needs_input_grad[0]:  # backward needs softmax(x) = exp / sum(exp): one division now, no exp then
            exp /= sums
            ctx.softmax = exp
        return result

    @staticmethod
    def backward(ctx, grad):
        (result,) = ctx.saved_tensors
        return LogSoftmaxBackwardData.apply(grad, result, dim=ctx.dim, softmax=ctx.softmax)  # one node, as PyTorch


class Softmax(NumpyFunction):
    """softmax(x). Backward: dx = y * (g - sum(g * y))."""

    node_name = "SoftmaxBackward0"
    saved_names = ("result",)

    @staticmethod
    def forward(ctx, x, dim):
        _check_float(x, dim, "softmax")
        ctx.dim = dim
        result = _shifted_exp(x, dim)[1]
        result /= row_sum(result, dim)  # in place: softmax = exp / sum(exp)
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad):
        (y,) = ctx.saved_tensors
        return SoftmaxBackwardData.apply(grad, y, dim=ctx.dim)  # one node, as PyTorch


def check_reduction(reduction):
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")


def check_class_target(x, target, ignore_index):
    """PyTorch's checks on (N, C) scores and (N,) class indices, in PyTorch's order. Returns the mask of the
    samples that count, or None when all do (then no mask is needed to compute the loss)."""
    if target.ndim != 1:
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    if target.dtype not in (np.int64, np.uint8):
        raise RuntimeError(f"expected target dtype to be Long or Byte, but got {type_name(target)}")
    if x.shape[0] != target.shape[0]:
        raise ValueError(f"Expected input batch_size ({x.shape[0]}) to match target batch_size ({target.shape[0]}).")
    classes = x.shape[1]
    if _all_classes(target, classes):  # the usual case
        if not 0 <= ignore_index < classes:
            return None
        counted = target != ignore_index
        return None if counted.all() else counted
    counted = target != ignore_index
    bad = counted & ((target < 0) | (target >= classes))
    if bad.any():
        raise IndexError(f"Target {target[bad][0]} is out of bounds.")
    return counted


def _all_classes(target, classes):
    """Is every target in [0, classes)? Read as unsigned, a negative index is huge: one maximum checks both ends."""
    return target.size == 0 or target.view(f"u{target.itemsize}").max() < classes


def _reduce(losses, reduction, count):
    """The per-sample losses, their sum, or their mean over the ``count`` samples that count."""
    if reduction == "none":
        return losses
    total = losses.sum()
    if reduction == "sum":
        return np.asarray(total)
    return np.asarray(total / count if count else np.nan, dtype=losses.dtype)


class NllLoss(NumpyFunction):
    """loss_i = -x_i[t_i] for log-probabilities x (cross-entropy is this after log_softmax).
    Its gradient is -onehot(t_i) times the upstream gradient (divided by N for the mean), whatever x is."""

    node_name = "NllLossBackward0"
    saved_names = ("self", "target")

    @staticmethod
    def forward(ctx, x, target, reduction="mean", ignore_index=-100):
        ctx.save_for_backward(x, target)  # as PyTorch does (so a second backward raises)
        one_sample = x.ndim == 1  # scores (C,) and a class (): a batch of one, whose "none" loss has shape ()
        if one_sample:
            x, target = x[None], target.reshape(1)
        counted = check_class_target(x, target, ignore_index)  # None: no sample is ignored
        ctx.reduction, ctx.ignore_index, ctx.counted = reduction, ignore_index, counted
        rows = np.arange(len(target))
        if counted is None:
            losses, count = -x[rows, target], len(target)
        else:  # an ignored sample's loss is 0, and its target need not be a class
            losses = np.where(counted, -x[rows, np.where(counted, target, 0)], x.dtype.type(0))
            count = int(np.count_nonzero(counted))
        loss = _reduce(losses, reduction, count)
        return loss.reshape(()) if one_sample else loss

    @staticmethod
    def backward(ctx, grad):  # -grad at each sample's target class (divided by N for the mean), one node
        x, target = ctx.saved_tensors
        return NllLossBackward.apply(grad, x, target=target, reduction=ctx.reduction, ignore_index=ctx.ignore_index,
                                     counted=ctx.counted)


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
        total = squared.sum()  # the mean as total / n: NumPy's mean() would warn about an empty tensor
        return np.asarray(total if reduction == "sum" else total / squared.dtype.type(squared.size), dtype=squared.dtype)

    @staticmethod
    def backward(ctx, grad):  # d/da = 2 (a - b) grad / n as one node (PyTorch's mse_loss_backward); d/db = -d/da
        a, b = ctx.saved_tensors
        d_a = MseLossBackward.apply(grad, a, b, reduction=ctx.reduction) if ctx.needs_input_grad[0] else None
        d_b = MseLossBackward.apply(grad, b, a, reduction=ctx.reduction) if ctx.needs_input_grad[1] else None
        return d_a, d_b


def warn_size_mismatch(input, target):
    if input.shape != target.shape:
        warnings.warn(f"Using a target size ({target.shape}) that is different to the input size ({input.shape}). "
                      "This will likely lead to incorrect results due to broadcasting. Please ensure they have the "
                      "same size.", UserWarning, stacklevel=3)
