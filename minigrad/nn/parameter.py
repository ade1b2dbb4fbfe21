"""``nn.Parameter``: a tensor that a ``Module`` treats as one of its learnable weights.

A Parameter is an ordinary leaf tensor with ``requires_grad=True`` by default. What makes it special
is only its type: assigning one to a module attribute (``self.weight = Parameter(...)``) registers it,
so ``module.parameters()`` finds it and an optimizer can update it.
"""
import numpy as np

from ..tensor import Tensor


class Parameter(Tensor):
    """A learnable tensor. Shares memory with the tensor it is made from, as in PyTorch."""

    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            array = np.empty((0,), dtype=np.float32)
        elif isinstance(data, Tensor):
            array = data._data
        else:
            array = np.asarray(data)
        if requires_grad and array.dtype.kind != "f":
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        return cls._make(array, bool(requires_grad))

    def __init__(self, data=None, requires_grad=True):
        pass  # everything happened in __new__ (Tensor.__init__ would start a new array)

    def __repr__(self):
        return "Parameter containing:\n" + super().__repr__()

    def __reduce__(self):  # copy.deepcopy(model) and pickling keep the type
        return _rebuild_parameter, (self._data.copy(), self._requires_grad)


def _rebuild_parameter(data, requires_grad):
    return Parameter(data, requires_grad)


UNINITIALIZED = ("Can't access the shape of an uninitialized parameter or buffer. This error usually happens in "
                 "`load_state_dict` when trying to load an uninitialized parameter into an initialized one. Call "
                 "`forward` to initialize the parameters before accessing their attributes.")


class UninitializedParameter(Parameter):
    """The weight of a lazy layer (``nn.LazyLinear``) before its first call: no shape yet.
    ``materialize(shape)`` gives it one and turns it into an ordinary Parameter."""

    def __new__(cls, requires_grad=True, device=None, dtype=None):
        return super().__new__(cls, None, requires_grad)

    def __init__(self, requires_grad=True, device=None, dtype=None):
        pass

    @property
    def shape(self):
        raise RuntimeError(UNINITIALIZED)

    def size(self, dim=None):
        raise RuntimeError(UNINITIALIZED)

    def materialize(self, shape, device=None, dtype=None):
        self._data = np.empty(tuple(shape), dtype=np.float32)
        self.__class__ = Parameter

    def __repr__(self):
        return "<UninitializedParameter>"
