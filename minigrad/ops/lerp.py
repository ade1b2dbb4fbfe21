"""``torch.lerp(start, end, weight)``: the point ``start + weight * (end - start)`` between two tensors.

Computed as PyTorch computes it: from ``start`` when the weight is small, from ``end`` when it is large
(``end - (end - start) * (1 - weight)``), so that weight 0 gives exactly ``start`` and weight 1 exactly ``end``.
A number weight records ``LerpBackward0``; a tensor weight is an input too and records ``LerpBackward1``.
"""
import numpy as np

from .._dtype import c_type_name, scalar_type_name
from ..autograd.function import NumpyFunction
from ..tensor import Tensor
from ._util import check_broadcast
from .scalar_arithmetic import mul_scalar


def _interpolate(start, end, weight):
    gap = end - start
    return np.where(np.abs(weight) < 0.5, start + weight * gap, end - gap * (1 - weight))


def _check(start, end, weight, kernel):
    if start.dtype.kind != "f":
        raise NotImplementedError(f'"{kernel}" not implemented for \'{scalar_type_name(start.dtype)}\'')
    for name, other in (("end", end), ("weight", weight)):
        if isinstance(other, np.ndarray):
            if other.dtype != start.dtype:
                raise RuntimeError(f"expected dtype {c_type_name(start.dtype)} for `{name}` but got dtype "
                                   f"{c_type_name(other.dtype)}")
            check_broadcast(start.shape, other.shape)


class LerpScalar(NumpyFunction):
    """d start = grad * (1 - w), d end = grad * w."""

    node_name = "LerpBackward0"

    @staticmethod
    def forward(ctx, start, end, weight):
        _check(start, end, None, "lerp_kernel_scalar")
        ctx._saved_weight = weight
        return _interpolate(start, end, start.dtype.type(weight))

    @staticmethod
    def backward(ctx, grad):
        w = ctx._saved_weight
        need_start, need_end, _ = ctx.needs_input_grad
        return (mul_scalar(grad, 1 - w) if need_start else None,
                mul_scalar(grad, w) if need_end else None, None)


class LerpTensor(NumpyFunction):
    """d start = grad * (1 - w), d end = grad * w, d w = grad * (end - start) (each summed to its input's shape)."""

    node_name = "LerpBackward1"
    saved_names = ("end", "self", "weight")

    @staticmethod
    def forward(ctx, start, end, weight):
        _check(start, end, weight, "lerp_kernel_tensor")
        ctx.save_for_backward(end, start, weight)
        return _interpolate(start, end, weight)

    @staticmethod
    def backward(ctx, grad):
        end, start, weight = ctx.saved_tensors
        need_start, need_end, need_weight = ctx.needs_input_grad
        return (grad * (1 - weight) if need_start else None,
                grad * weight if need_end else None,
                grad * (end - start) if need_weight else None)


def lerp(input, end, weight):
    """``torch.lerp(input, end, weight)``, ``input.lerp(end, weight)``."""
    if isinstance(weight, Tensor):
        return LerpTensor.apply(input, end, weight)
    return LerpScalar.apply(input, end, float(weight))
