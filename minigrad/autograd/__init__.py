"""``minigrad.autograd``: grad mode, the graph of Functions, the backward engine, gradcheck."""
from . import functional  # noqa: F401  (torch.autograd.functional)
from .engine import backward, grad
from .function import AccumulateGrad, Function, Node, NumpyFunction
from .grad_mode import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from .gradcheck import GradcheckError, gradcheck
from .variable import Variable

__all__ = ["backward", "grad", "Function", "NumpyFunction", "Node", "AccumulateGrad", "no_grad", "enable_grad",
           "set_grad_enabled", "is_grad_enabled", "gradcheck", "GradcheckError", "Variable"]
