"""Tensor methods beyond the engine's: devices, legacy types, ``new_*``, formatting, inference mode.

They need no new graph node (each is made of existing operations or touches no gradient), so they
sit here, on top of the engine, and are attached to Tensor as ``_tensor_methods.py`` attaches the
operators.
"""
import numpy as np

from . import _dtype
from .devices import CPU, NO_CUDA, check_device
from .inference import is_inference
from .ops import creation
from .tensor import Tensor

_plain_to = Tensor.to


# ----- devices ------------------------------------------------------------------------------------
def to(self, *args, **kwargs):
    """``x.to(device)``, ``x.to(dtype)``, ``x.to(device, dtype)``, ``x.to(other)``: only the CPU exists."""
    check_device(kwargs.pop("device", None))
    kwargs.pop("non_blocking", None)
    kwargs.pop("copy", None)
    rest = []
    for arg in args:
        if isinstance(arg, (str, CPU.__class__)):
            check_device(arg)
        else:
            rest.append(arg)
    return _plain_to(self, *rest, **kwargs)


def cuda(self, device=None, non_blocking=False):
    raise AssertionError(NO_CUDA)


# ----- legacy type names: x.type(), torch.FloatTensor ----------------------------------------------
_TYPE_NAMES = {"float32": "FloatTensor", "float64": "DoubleTensor", "float16": "HalfTensor",
               "int64": "LongTensor", "int32": "IntTensor", "int16": "ShortTensor", "int8": "CharTensor",
               "uint8": "ByteTensor", "bool": "BoolTensor"}
_BY_TYPE_NAME = {f"torch.{name}": getattr(_dtype, dtype_name) for dtype_name, name in _TYPE_NAMES.items()}


def type_(self, dtype=None, non_blocking=False, **kwargs):
    """``x.type()`` is the legacy type name (``'torch.FloatTensor'``); ``x.type(torch.float64)`` converts."""
    if dtype is None:
        return "torch." + _TYPE_NAMES[self.dtype.name]
    if isinstance(dtype, str):
        if dtype not in _BY_TYPE_NAME:
            raise ValueError(f"invalid type: '{dtype}'")
        dtype = _BY_TYPE_NAME[dtype]
    elif isinstance(dtype, _LegacyTensorType):
        dtype = dtype.dtype
    return self.to(dtype)


class _LegacyTensorType(type):
    """``torch.FloatTensor([1, 2])``, ``torch.LongTensor(3)``; ``isinstance(x, torch.FloatTensor)``."""

    def __call__(cls, *args):
        if len(args) == 1 and not isinstance(args[0], (int, np.integer)):
            return creation.tensor(args[0], dtype=cls.dtype)
        return creation.zeros(*args, dtype=cls.dtype)

    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor) and obj.dtype is cls.dtype

    def __repr__(cls):
        return f"<class 'torch.{cls.__name__}'>"


def _legacy_types():
    return {name: _LegacyTensorType(name, (), {"dtype": getattr(_dtype, dtype_name)})
            for dtype_name, name in _TYPE_NAMES.items()}


LEGACY_TYPES = _legacy_types()


# ----- new_* : same dtype as self, new values ----------------------------------------------------
def _new(maker):
    def method(self, *size, dtype=None, device=None, requires_grad=False, **kwargs):
        check_device(device)
        return maker(*size, dtype=dtype or self.dtype, requires_grad=requires_grad, **kwargs)
    method.__name__ = "new_" + maker.__name__
    return method


def new_tensor(self, data, dtype=None, device=None, requires_grad=False):
    check_device(device)
    return creation.tensor(data, dtype=dtype or self.dtype, requires_grad=requires_grad)


def new_full(self, size, fill_value, dtype=None, device=None, requires_grad=False):
    check_device(device)
    return creation.full(size, fill_value, dtype=dtype or self.dtype, requires_grad=requires_grad)


# ----- printing: f"{loss}" and f"{loss:>7f}" -----------------------------------------------------
def __format__(self, spec):
    """A 0-d tensor formats as its number (``f"{loss:>7f}"``, and ``f"{loss}"`` prints ``2.5``), as in
    PyTorch; other tensors take no format spec and print as ``str``."""
    if self._data.ndim == 0:
        return self.item().__format__(spec)
    if spec:
        raise TypeError("unsupported format string passed to Tensor.__format__")
    return repr(self)


def _install():
    methods = {
        "to": to, "cuda": cuda, "cpu": lambda self, memory_format=None: self,
        "is_cuda": property(lambda self: False), "is_cpu": property(lambda self: True),
        "device": property(lambda self: CPU), "get_device": lambda self: -1,
        "type": type_, "nelement": Tensor.numel,
        "new_zeros": _new(creation.zeros), "new_ones": _new(creation.ones), "new_empty": _new(creation.empty),
        "new_tensor": new_tensor, "new_full": new_full,
        "__format__": __format__, "is_inference": is_inference,
    }
    for name, method in methods.items():
        setattr(Tensor, name, method)


_install()
