"""Grad mode: one switch that says whether operations are recorded for backward.

``no_grad``, ``enable_grad`` and ``set_grad_enabled`` flip it for a ``with`` block or a decorated
function, and put it back afterwards, even if the block raises.
"""
import functools


class _GradMode:
    enabled = True


def is_grad_enabled():
    return _GradMode.enabled


class set_grad_enabled:
    """Turn recording on or off. Acts at once, and as a context manager or decorator."""

    def __init__(self, mode):
        self.previous = _GradMode.enabled
        self.mode = bool(mode)
        _GradMode.enabled = self.mode

    def __enter__(self):
        return None

    def __exit__(self, *exc_info):
        _GradMode.enabled = self.previous
        return False

    def __call__(self, function):
        _GradMode.enabled = self.previous  # as a decorator, nothing changes until the call
        return _decorate(function, self.mode)


class _ModeContext:
    """Base of no_grad / enable_grad: sets the mode on entering and restores it on leaving."""

    mode = True

    def __new__(cls, function=None):
        if function is not None:  # ``@no_grad`` written without parentheses
            return _decorate(function, cls.mode)
        return super().__new__(cls)

    def __enter__(self):
        self.previous = _GradMode.enabled
        _GradMode.enabled = self.mode

    def __exit__(self, *exc_info):
        _GradMode.enabled = self.previous
        return False

    def __call__(self, function):
        return _decorate(function, self.mode)


class no_grad(_ModeContext):
    """Operations inside do not record a graph: results have ``requires_grad=False``."""

    mode = False


class enable_grad(_ModeContext):
    """Record operations again, even inside ``no_grad``."""

    mode = True


def _decorate(function, mode):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        previous = _GradMode.enabled
        _GradMode.enabled = mode
        try:
            return function(*args, **kwargs)
        finally:
            _GradMode.enabled = previous

    return wrapper
