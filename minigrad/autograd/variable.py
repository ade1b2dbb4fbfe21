"""``Variable``: PyTorch's old wrapper, kept so old tutorials still run.

Since PyTorch 0.4 tensors track gradients themselves; ``Variable(t, requires_grad=True)`` simply
returns a tensor, as it does in PyTorch today.
"""
from ..tensor import Tensor


class _VariableMeta(type):
    def __instancecheck__(cls, instance):
        return isinstance(instance, Tensor)


class Variable(metaclass=_VariableMeta):
    """Deprecated: ``Variable(t, requires_grad=True)`` is ``t.requires_grad_(True)`` on a new tensor."""

    def __new__(cls, data, requires_grad=False, volatile=False):
        if not isinstance(data, Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {type(data).__name__}")
        result = Tensor._make(data._data, False)
        if requires_grad:
            result.requires_grad_(True)
        return result
