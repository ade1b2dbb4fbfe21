"""Layer 3: a Python number inside an operation, as a node shows it.

In ``x * 3`` PyTorch wraps the 3 in a 0-d tensor of the number's own type, a *wrapped number*:
``tensor(3)`` (int64; a float is float64, a bool is bool). Type promotion treats it as a number, so it
never widens ``x``. minigrad computes with the number already in the dtype promotion gives it
(``number_array``: 3 next to float32 is float32 3.0) and keeps the number itself beside it, so that a
node that saved it shows what PyTorch shows: ``(x * 3).grad_fn._saved_other`` is ``tensor(3)``.

Numbers a node keeps that are not tensors (``alpha``, a constant exponent, a rounding mode) PyTorch
shows as they were given: ``(x + 3).grad_fn._saved_alpha`` is ``1``. ``show_saved_numbers`` names them.
"""
import numpy as np

from ..tensor import Tensor


def own_dtype(number):
    """The dtype PyTorch wraps a Python (or NumPy) number in: bool, int64 or float64."""
    if isinstance(number, (bool, np.bool_)):
        return np.dtype(np.bool_)
    if isinstance(number, (int, np.integer)):
        return np.dtype(np.int64)
    return np.dtype(np.float64)


class WrappedNumber(Tensor):
    """A constant tensor made from a Python number: computes with ``_data`` (the number in the dtype of
    the operation), and looks like PyTorch's wrapped number (the number in its own type)."""

    __slots__ = ("number",)

    @classmethod
    def of(cls, number, data):
        t = cls._make(data)
        t.number = number
        return t

    def as_pytorch_wraps_it(self):
        return Tensor._make(np.asarray(self.number, dtype=own_dtype(self.number)))

    def __repr__(self):
        return repr(self.as_pytorch_wraps_it())

    @property
    def dtype(self):
        return self.as_pytorch_wraps_it().dtype

    def item(self):
        return self.as_pytorch_wraps_it().item()

    def tolist(self):
        return self.item()


def show_saved_numbers(function, **attributes):
    """Let the nodes ``function`` records show numbers they keep as PyTorch names them:
    ``show_saved_numbers(Add, alpha="alpha")`` makes ``grad_fn._saved_alpha`` read ``ctx.alpha``;
    a callable gives the number from the node."""
    for name, attribute in attributes.items():
        read = attribute if callable(attribute) else (lambda node, attribute=attribute: getattr(node, attribute))
        setattr(function._backward_cls, "_saved_" + name, property(read))
