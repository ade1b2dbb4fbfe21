"""Gradient clipping, applied between ``loss.backward()`` and ``optimizer.step()``.

``clip_grad_norm_`` scales all gradients together so that their joint norm (the norm of the norms) is
at most ``max_norm``: the direction of the step is kept, only its length is capped. ``clip_grad_value_``
clamps each gradient element to [-clip_value, clip_value] instead.
"""
import math

from ...autograd.grad_mode import no_grad
from ...tensor import Tensor


def _with_grads(parameters):
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    return [p for p in parameters if p.grad is not None]


@no_grad()
def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """Scale the gradients in place so their total norm is at most ``max_norm``; return the total norm
    they had before (a 0-d tensor)."""
    from ...ops import creation
    from ..._functions import stack
    grads = [p.grad for p in _with_grads(parameters)]
    max_norm, norm_type = float(max_norm), float(norm_type)
    if not grads:
        return creation.tensor(0.0)
    norms = [g.norm(norm_type) for g in grads]
    total_norm = stack(norms).norm(norm_type) if len(norms) > 1 else norms[0]
    if error_if_nonfinite and not math.isfinite(total_norm.item()):
        raise RuntimeError(f"The total norm of order {norm_type} for gradients from `parameters` is non-finite, so "
                           "it cannot be clipped. To disable this error and scale the gradients by the non-finite "
                           "norm anyway, set `error_if_nonfinite=False`")
    # 1e-6 keeps a zero norm from dividing by zero; the factor is capped at 1 (never scale gradients up)
    clip_coef = (max_norm / (total_norm + 1e-6)).clamp(max=1.0)
    for g in grads:
        g.mul_(clip_coef.to(g.dtype))
    return total_norm


def clip_grad_norm(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    import warnings
    warnings.warn("`torch.nn.utils.clip_grad_norm` is now deprecated in favor of `torch.nn.utils.clip_grad_norm_`.",
                  FutureWarning, stacklevel=2)
    return clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite, foreach)


@no_grad()
def clip_grad_value_(parameters, clip_value, foreach=None):
    """Clamp every gradient element to [-clip_value, clip_value], in place."""
    clip_value = float(clip_value)
    for p in _with_grads(parameters):
        p.grad.clamp_(min=-clip_value, max=clip_value)
