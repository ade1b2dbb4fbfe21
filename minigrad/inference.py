"""``torch.inference_mode()``: no_grad for code that will never need gradients, and the results say so.

Inside the block nothing is recorded (as under ``no_grad``) and every tensor made there is an
*inference tensor*: ``t.is_inference()`` is True. minigrad marks new tensors only while a block is
open, so code outside pays nothing. An inference tensor stays one: autograd refuses to save it for a
backward pass. (PyTorch also refuses ``requires_grad_()`` on it outside a block; minigrad does not.)
"""
import functools
import weakref

from .autograd.function import inference_tensors
from .autograd.grad_mode import _GradMode
from .tensor import Tensor

_inference = inference_tensors  # id(tensor) -> weak reference, for tensors made in inference mode (the engine
                                # reads it too: an inference tensor may not be saved for backward)
_depth = [0]         # how many inference_mode blocks are open
_plain_make = Tensor.__dict__["_make"]


def _marking_make(cls, *args, **kwargs):
    t = _plain_make.__func__(cls, *args, **kwargs)
    key = id(t)
    _inference[key] = weakref.ref(t, lambda _ref, key=key: _inference.pop(key, None))
    return t


def is_inference(self):
    ref = _inference.get(id(self))
    return ref is not None and ref() is self


def is_inference_mode_enabled():
    return _depth[0] > 0



class inference_mode:
    """``with torch.inference_mode():`` or ``@torch.inference_mode()``; ``mode=False`` does nothing."""

    def __init__(self, mode=True):
        self.mode = bool(mode)

    def __new__(cls, mode=True):
        if callable(mode):  # ``@torch.inference_mode`` without parentheses
            return cls()(mode)
        return super().__new__(cls)

    def __enter__(self):
        self.previous = _GradMode.enabled, _depth[0]
        if self.mode:
            _GradMode.enabled = False
            _depth[0] += 1
        else:
            _depth[0] = 0
        Tensor._make = classmethod(_marking_make) if _depth[0] else _plain_make

    def __exit__(self, *exc_info):
        _GradMode.enabled, _depth[0] = self.previous
        Tensor._make = classmethod(_marking_make) if _depth[0] else _plain_make
        return False

    def __call__(self, function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            with inference_mode(self.mode):
                return function(*args, **kwargs)
        return wrapper
