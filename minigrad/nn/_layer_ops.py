"""Graph nodes of layers added for real programs: the embedding lookup and binary cross-entropy with
logits, named as PyTorch names them (``EmbeddingBackward0``, ``BinaryCrossEntropyWithLogitsBackward0``).
The engine's fused nodes (linear, conv, batch norm, cross-entropy) live in ``_ops/``."""
import numpy as np

from ..autograd.function import NumpyFunction


class Embedding(NumpyFunction):
    """``weight[indices]``. Backward adds each row's gradient into the rows it was read from
    (a row read twice gets both), except the ``padding_idx`` row."""

    node_name = "EmbeddingBackward0"

    @staticmethod
    def forward(ctx, weight, indices, padding_idx=None):
        ctx.indices, ctx.padding_idx, ctx.shape = indices, padding_idx, weight.shape
        return weight[indices]

    @staticmethod
    def backward(ctx, grad):
        return EmbeddingDenseBackward.apply(grad, indices=ctx.indices, shape=ctx.shape, padding_idx=ctx.padding_idx)


class EmbeddingDenseBackward(NumpyFunction):
    node_name = "EmbeddingDenseBackwardBackward0"

    @staticmethod
    def forward(ctx, grad, indices, shape, padding_idx=None):
        ctx.indices = indices
        out = np.zeros(shape, dtype=grad.dtype)
        np.add.at(out, indices.reshape(-1), grad.reshape(-1, shape[1]))
        if padding_idx is not None:
            out[padding_idx] = 0
        return out

    @staticmethod
    def backward(ctx, grad):
        return Embedding.apply(grad, indices=ctx.indices)


class BinaryCrossEntropyWithLogits(NumpyFunction):
    """``(1 - y) x + (1 + (pos_weight - 1) y) log(1 + e^-x)``, reduced; ``log(1 + e^-x)`` is computed as
    ``max(-x, 0) + log1p(e^-|x|)`` so large scores neither overflow nor lose digits.
    d/dx = ((1 + (pw - 1) y) sigmoid(x) - pw y) times the weight: ``sigmoid(x) - y`` without pos_weight."""

    node_name = "BinaryCrossEntropyWithLogitsBackward0"

    @staticmethod
    def forward(ctx, x, target, weight=None, pos_weight=None, reduction="mean"):
        ctx.reduction = reduction
        ctx.save_for_backward(x, target, weight, pos_weight)
        log_one_plus_exp = np.maximum(-x, 0) + np.log1p(np.exp(-np.abs(x)))
        scale = 1 if pos_weight is None else 1 + (pos_weight - 1) * target
        losses = (1 - target) * x + scale * log_one_plus_exp
        if weight is not None:
            losses = losses * weight
        losses = losses.astype(x.dtype, copy=False)
        if reduction == "mean":
            return np.asarray(losses.mean(), dtype=x.dtype)
        if reduction == "sum":
            return np.asarray(losses.sum(), dtype=x.dtype)
        return losses

    @staticmethod
    def backward(ctx, grad):
        x, target, weight, pos_weight = ctx.saved_tensors
        if pos_weight is None:
            local = x.sigmoid() - target
        else:
            local = (1 + (pos_weight - 1) * target) * x.sigmoid() - pos_weight * target
        if weight is not None:
            local = local * weight
        if ctx.reduction == "mean":
            grad = grad / x.numel()
        grad_target = None
        if ctx.needs_input_grad[1]:  # d/dy = -x + (pos_weight - 1) log(1 + e^-x)
            grad_target = -x
            if pos_weight is not None:
                grad_target = grad_target + (pos_weight - 1) * ((-x).relu() + ((-x.abs()).exp() + 1).log())
            if weight is not None:
                grad_target = grad_target * weight
            grad_target = grad_target * grad
        return local * grad, grad_target, None, None
