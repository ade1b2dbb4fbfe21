"""``optim.SGD``: stochastic gradient descent, with momentum, dampening, Nesterov and weight decay.

PyTorch's update rule, for gradient g of parameter p::

    g = g + weight_decay * p                      (L2 penalty)
    b = g (first step), else b = momentum * b + (1 - dampening) * g
    g = g + momentum * b (nesterov) or g = b
    p = p - lr * g

Note that PyTorch's momentum buffer accumulates the raw gradient and ``lr`` multiplies afterwards,
unlike the textbook ``v = mu * v - lr * g``; the two differ when ``lr`` changes during training.
"""
import numpy as np

from .optimizer import Optimizer


class SGD(Optimizer):
    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
                 maximize=False, foreach=None, differentiable=False, fused=None):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                        nesterov=nesterov, maximize=maximize, foreach=foreach, differentiable=differentiable,
                        fused=fused)
        super().__init__(params, defaults)

    def _update(self, param, grad, group, state):
        p = param._data
        if group["maximize"]:
            grad = -grad
        if group["weight_decay"]:
            grad = grad + group["weight_decay"] * p
        momentum = group["momentum"]
        if momentum:
            buf = state.get("momentum_buffer")
            if buf is None:
                buf = state["momentum_buffer"] = np.array(grad)  # a copy: grad will be reused
            else:
                buf *= momentum
                dampening = group["dampening"]
                buf += grad if dampening == 0 else (1 - dampening) * grad
            grad = grad + momentum * buf if group["nesterov"] else buf
        p -= p.dtype.type(group["lr"]) * grad
