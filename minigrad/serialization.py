"""``torch.save`` / ``torch.load``: tensors, state dicts, checkpoints and whole models in a file.

The file is minigrad's own (not PyTorch's zip format): a short header, then a pickle in which every
tensor is stored as its dtype, shape and raw bytes. ``load`` follows PyTorch's safety rule: by
default (``weights_only=True``) it only rebuilds tensors, parameters, numbers, strings and the
containers around them (dicts, lists, tuples, ``OrderedDict``, ``torch.Size``, dtypes, devices); any
other object in the file (a class, a function: a pickle can run code while it loads) stops the load
with PyTorch's ``UnpicklingError``, and ``weights_only=False`` loads files you trust.
"""
import collections
import contextlib
import io
import os
import pickle

import numpy as np

from . import _dtype
from ._size import Size
from .devices import check_device, device
from .tensor import Tensor

MAGIC = b"MINIGRAD-SAVE\x01\n"


# ----- writing ----------------------------------------------------------------------------------
def _rebuild_tensor(dtype_name, shape, raw, requires_grad):
    array = np.frombuffer(raw, dtype=getattr(_dtype, dtype_name).numpy_type).reshape(shape).copy()
    return Tensor._make(array, requires_grad)


def _rebuild_parameter(dtype_name, shape, raw, requires_grad):
    from .nn.parameter import Parameter
    return Parameter(_rebuild_tensor(dtype_name, shape, raw, False), requires_grad)


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, Tensor):
            from .nn.parameter import Parameter
            rebuild = _rebuild_parameter if isinstance(obj, Parameter) else _rebuild_tensor
            array = obj._data.copy(order="C")  # (np.ascontiguousarray would make a 0-d array 1-d)
            return rebuild, (obj.dtype.name, array.shape, array.tobytes(), obj._requires_grad)
        return NotImplemented


def save(obj, f, pickle_module=None, pickle_protocol=2, **kwargs):
    """Write ``obj`` (a tensor, a state dict, a checkpoint dict, a model) to a path or a binary file."""
    with _open(f, "wb") as file:
        file.write(MAGIC)
        _Pickler(file, protocol=max(pickle_protocol, 4)).dump(obj)  # 4: bytes need no helper global


# ----- reading ----------------------------------------------------------------------------------
_SAFE = {
    ("minigrad.serialization", "_rebuild_tensor"): _rebuild_tensor,
    ("minigrad.serialization", "_rebuild_parameter"): _rebuild_parameter,
    ("collections", "OrderedDict"): collections.OrderedDict,
    ("minigrad._size", "Size"): Size,
    ("minigrad.devices", "device"): device,
    ("builtins", "set"): set, ("builtins", "frozenset"): frozenset, ("builtins", "complex"): complex,
    ("builtins", "slice"): slice, ("builtins", "bytearray"): bytearray,
}
_user_safe = {}

WEIGHTS_ONLY_FAILED = (
    "Weights only load failed. This file can still be loaded, to do so you have two options, do those steps "
    "only if you trust the source of the checkpoint. \n\t(1) In PyTorch 2.6, we changed the default value of "
    "the `weights_only` argument in `torch.load` from `False` to `True`. Re-running `torch.load` with "
    "`weights_only` set to `False` will likely succeed, but it can result in arbitrary code execution. Do it "
    "only if you got the file from a trusted source.\n\t(2) Alternatively, to load with `weights_only=True` "
    "please check the recommended steps in the following error message.\n\tWeightsUnpickler error: "
    "Unsupported global: GLOBAL {name} was not an allowed global by default. Please use "
    "`torch.serialization.add_safe_globals([{short}])` or the `torch.serialization.safe_globals([{short}])` "
    "context manager to allowlist this global if you trust this class/function.\n\nCheck the documentation "
    "of torch.load to learn more about types accepted by default with weights_only "
    "https://pytorch.org/docs/stable/generated/torch.load.html.")


class _WeightsUnpickler(pickle.Unpickler):
    """Rebuilds only what a file of weights needs; refuses every other global."""

    def find_class(self, module, name):
        if module == "minigrad._dtype" and isinstance(getattr(_dtype, name, None), _dtype.dtype):
            return getattr(_dtype, name)
        found = _SAFE.get((module, name)) or _user_safe.get((module, name))
        if found is None:
            shown = name if module == "builtins" else f"{module}.{name}"
            raise pickle.UnpicklingError(WEIGHTS_ONLY_FAILED.format(name=shown, short=shown))
        return found


def add_safe_globals(safe_globals):
    """Allow these classes or functions in ``load(weights_only=True)``: only for code you trust."""
    for obj in safe_globals:
        _user_safe[(obj.__module__, obj.__qualname__)] = obj


def get_safe_globals():
    return list(_user_safe.values())


def clear_safe_globals():
    _user_safe.clear()


@contextlib.contextmanager
def safe_globals(safe_globals):
    saved = dict(_user_safe)
    add_safe_globals(safe_globals)
    try:
        yield
    finally:
        _user_safe.clear()
        _user_safe.update(saved)


def load(f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None, **kwargs):
    """Read what ``save`` wrote. ``weights_only`` defaults to True, as in PyTorch 2.6 and later."""
    if map_location is not None and not callable(map_location) and not isinstance(map_location, dict):
        check_device(map_location)
    with _open(f, "rb") as file:
        header = file.read(len(MAGIC))
        if header != MAGIC:
            raise RuntimeError(_not_ours(header))
        unpickler = _WeightsUnpickler if weights_only in (None, True) else pickle.Unpickler
        return unpickler(file).load()


def _not_ours(header):
    if header.startswith(b"PK"):
        return ("this file was written by PyTorch (a zip archive): minigrad reads only files written by "
                "minigrad's save (load it in PyTorch and save its tensors' .tolist() or NumPy arrays)")
    return "not a file written by minigrad's save (its header is missing)"


@contextlib.contextmanager
def _open(f, mode):
    if isinstance(f, (str, os.PathLike)):
        with open(f, mode) as file:
            yield file
    elif isinstance(f, io.IOBase) or hasattr(f, "read" if "r" in mode else "write"):
        yield f
    else:
        raise AttributeError(f"'{type(f).__name__}' object has no attribute '{'read' if 'r' in mode else 'write'}'")
