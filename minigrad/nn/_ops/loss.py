"""Softmax, log-softmax and the losses, computed so that large logits cannot overflow.

The trick: ``softmax(x) = softmax(x - max(x))``. After subtracting the row maximum, the largest
exponent is ``e^0 = 1``, so ``exp`` never overflows and ``log(sum(exp))`` is at least ``log(1) = 0``.
"""
import warnings

import numpy as np

from ...autograd.function import Function
from ...ops._util import check_broadcast, sum_to
from ...tensor import Tensor
from . import recording_backward
from .linear import type_name


def _log_softmax(x, axis):
    shifted = x - x.max(axis=axis, keepdims=True)
    exp = np.exp(shifted)
    sum_exp = exp.sum(axis=axis, keepdims=True)
    return shifted - np.log(sum_exp), exp / sum_exp


class LogSoftmax(Function):
    """log softmax(x). Backward: dx = g - softmax(x) * sum(g)."""

    node_name = "LogSoftmaxBackward0"

    def forward(self, x, dim):
        self.dim = dim
        return _log_softmax(x, dim)[0]

    def backward(self, grad):
        probs = self.saved_output.exp()
        return grad - probs * grad.sum(self.dim, keepdim=True)


class Softmax(Function):
    """softmax(x). Backward: dx = y * (g - sum(g * y))."""

    node_name = "SoftmaxBackward0"

    def forward(self, x, dim):
        self.dim = dim
        return _log_softmax(x, dim)[1]

    def backward(self, grad):
        y = self.saved_output
        return y * (grad - (grad * y).sum(self.dim, keepdim=True))


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


class _ClassLoss(Function):
    """Shared backward of cross-entropy and NLL: the gradient of the loss with respect to the scores is
    ``direction * scale``, where scale is the upstream gradient divided by the number of samples."""

    node_name = "NllLossBackward0"

    def _scaled(self, direction, grad):
        if self.count is None:  # reduction="none": one upstream value per sample
            return direction * grad.unsqueeze(1)
        return direction * (grad / self.count if self.count != 1 else grad)

    def _one_hot(self, x, target, valid):
        one_hot = np.zeros_like(x)
        rows = np.nonzero(valid)[0]
        one_hot[rows, target[rows]] = 1
        return one_hot


class CrossEntropy(_ClassLoss):
    """log-softmax and negative log-likelihood in one node.

    loss_i = -log softmax(x_i)[t_i] = logsumexp(x_i) - x_i[t_i]; d loss_i / d x_i = softmax(x_i) - onehot(t_i).
    """

    def forward(self, x, target, reduction="mean", ignore_index=-100):
        valid = check_class_target(x, target, ignore_index)
        log_probs, probs = _log_softmax(x, 1)
        rows = np.arange(x.shape[0])
        safe_target = np.where(valid, target, 0)
        losses = -log_probs[rows, safe_target] * valid
        self.target, self.valid, self.probs = safe_target, valid, probs
        result, self.count = _reduce(losses.astype(x.dtype, copy=False), valid, reduction)
        return result

    def backward(self, grad):
        if recording_backward():  # differentiable version: softmax as a graph node
            (x, _) = self.saved_inputs
            one_hot = Tensor._make(self._one_hot(x._data, self.target, self.valid))
            mask = Tensor._make(self.valid[:, None].astype(x._data.dtype))
            direction = (Softmax.apply(x, dim=1) - one_hot) * mask
        else:  # fast path: reuse the softmax from the forward pass, in place
            direction = self.probs.copy()  # a copy: retain_graph may run this backward again
            direction[np.arange(len(self.target)), self.target] -= 1
            if not self.valid.all():
                direction[~self.valid] = 0
            direction = Tensor._make(direction)
        return self._scaled(direction, grad), None

    def release(self):
        super().release()
        self.probs = None


class NllLoss(_ClassLoss):
    """loss_i = -x_i[t_i] for log-probabilities x. Its gradient is -onehot(t_i), whatever x is."""

    def forward(self, x, target, reduction="mean", ignore_index=-100):
        valid = check_class_target(x, target, ignore_index)
        self.target, self.valid = np.where(valid, target, 0), valid
        losses = -x[np.arange(x.shape[0]), self.target] * valid
        result, self.count = _reduce(losses.astype(x.dtype, copy=False), valid, reduction)
        return result

    def backward(self, grad):
        (x, _) = self.saved_inputs
        direction = Tensor._make(-self._one_hot(x._data, self.target, self.valid))
        return self._scaled(direction, grad), None


class MseLoss(Function):
    """mean((a - b)^2). Backward: da = 2 (a - b) g / n, db = -da."""

    node_name = "MseLossBackward0"

    def forward(self, a, b, reduction="mean"):
        if a.shape != b.shape:
            check_broadcast(a.shape, b.shape)
        diff = a - b
        self.reduction, self.count = reduction, diff.size
        squared = diff * diff
        if reduction == "none":
            return squared
        return np.asarray(squared.sum() if reduction == "sum" else squared.mean(), dtype=squared.dtype)

    def backward(self, grad):
        a, b = self.saved_inputs
        scale = grad * (2.0 / self.count) if self.reduction == "mean" else grad * 2.0
        d = (a - b) * scale
        return (sum_to(d, a.shape) if self.needs_input_grad[0] else None,
                sum_to(-d, b.shape) if self.needs_input_grad[1] else None)


def warn_size_mismatch(input, target):
    if input.shape != target.shape:
        warnings.warn(f"Using a target size ({target.shape}) that is different to the input size ({input.shape}). "
                      "This will likely lead to incorrect results due to broadcasting. Please ensure they have the "
                      "same size.", UserWarning, stacklevel=3)
