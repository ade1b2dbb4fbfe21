"""Helpers for exercise check cells · 연습 문제 확인 셀에서 쓰는 도우미.

A check cell imports what it needs and ends with ``passed("NN.k")``::

    from minigrad_course.checks import expect_close, passed
    expect_close(square(3.0), 9.0, what="square(3.0)")
    passed("02.1")

Every failure raises ``AssertionError`` whose message has an English line and a Korean line.

The helpers only accept plain values: numbers, strings, tuples, NumPy arrays, minigrad tensors and
torch tensors (converted to NumPy first). Anything else is refused, so an object whose ``__eq__``
always returns ``True`` cannot pass a check.

This file must stay self-contained (it imports only ``sys``, ``re`` and ``numpy``): the grader
executes its source afresh inside the student's kernel before every check cell (see
``docs/authoring.md``).
"""

import re
import sys

import numpy as np

__all__ = ["expect_close", "expect_equal", "expect_true", "expect_raises", "passed"]

# Set by the grader in its private copy of this module; None when a learner runs a notebook.
_GRADING = None

# Objects whose identity the grader records before any student code runs and verifies before and
# after each check cell (a student cell that replaces one of them is caught).
_WATCHED = (
    "builtins.print", "builtins.isinstance", "builtins.type", "builtins.exec", "builtins.compile",
    "builtins.__import__", "builtins.id", "builtins.getattr", "builtins.len", "builtins.repr",
    "builtins.str", "builtins.float", "builtins.int", "builtins.bool", "builtins.tuple",
    "builtins.list", "builtins.abs", "builtins.AssertionError", "builtins.Exception",
    "sys.modules", "numpy.asarray", "numpy.array", "numpy.abs", "numpy.all", "numpy.isnan",
    "numpy.ndarray", "numpy.generic", "numpy.float64", "numpy.array2string", "numpy.broadcast_to",
)

_NUMBER_TYPES = (int, float, complex)


def _resolve(dotted):
    module, _, attr = dotted.partition(".")
    mod = sys.modules[module] if module != "sys" else sys
    return getattr(mod, attr)


def _integrity_snapshot():
    """Identity of each watched object (the grader prints this before student code runs)."""
    out = {}
    for name in _WATCHED:
        try:
            out[name] = id(_resolve(name))
        except Exception:  # pragma: no cover - a module missing from the kernel
            out[name] = None
    return out


def _verify_integrity(expected):
    changed = [name for name, ident in expected.items()
               if ident is not None and id(_resolve(name)) != ident]
    if changed:
        raise AssertionError(
            "tampering detected: " + ", ".join(changed) + " was replaced\n"
            "변조가 감지되었습니다: " + ", ".join(changed) + "이(가) 바뀌었습니다")


def _fail(english, korean):
    raise AssertionError(english + "\n" + korean)


def _short(x, limit=200):
    if isinstance(x, np.ndarray) and x.ndim == 0:
        text = repr(x.item())
    elif isinstance(x, np.ndarray):
        text = np.array2string(x, precision=6, threshold=20, separator=", ")
    else:
        text = repr(x)
    return text if len(text) <= limit else text[:limit] + "..."


def _typename(x):
    t = type(x)
    return t.__module__ + "." + t.__qualname__ if t.__module__ != "builtins" else t.__qualname__


def _refuse(x, what, wanted, wanted_ko):
    _fail(f"{what}: expected {wanted}, got an object of type {_typename(x)}",
          f"{what}: {wanted_ko}이어야 하는데 {_typename(x)} 타입의 객체입니다")


def _numeric_list(x):
    """A nested list/tuple of plain numbers, read without calling any overridable method."""
    if type(x) in (list, tuple):
        items = list.__iter__(x) if type(x) is list else tuple.__iter__(x)
        return [_numeric_list(v) for v in items]
    if type(x) in _NUMBER_TYPES or type(x) is bool:
        return x
    if isinstance(x, np.generic) and np.dtype(type(x)).kind in "biufc":
        return x.item()
    raise TypeError


def _tensor_classes():
    classes = []
    for name in ("minigrad", "torch"):
        mod = sys.modules.get(name)
        cls = getattr(mod, "Tensor", None) if mod is not None else None
        if isinstance(cls, type):
            classes.append(cls)
    return tuple(classes)


def _as_array(x, what):
    """Convert a tensor, array or number to a plain numeric ndarray; refuse anything else."""
    wanted = "a tensor, a NumPy array or a number"
    wanted_ko = "텐서, NumPy 배열 또는 수"
    tensor_types = _tensor_classes()
    if tensor_types and isinstance(x, tensor_types):
        y = x.detach()
        if hasattr(y, "cpu") and type(y).__module__.startswith("torch"):
            y = y.cpu()
        x = y.numpy()
    if isinstance(x, np.ndarray):
        arr = np.array(x, copy=True, subok=False)
    elif isinstance(x, np.generic) or type(x) in _NUMBER_TYPES or type(x) is bool:
        arr = np.array(x)
    elif type(x) in (list, tuple):
        try:
            arr = np.array(_numeric_list(x))
        except (TypeError, ValueError):
            _refuse(x, what, wanted, wanted_ko)
    else:
        _refuse(x, what, wanted, wanted_ko)
    if type(arr) is not np.ndarray or arr.dtype.kind not in "biufc":
        _refuse(x, what, wanted, wanted_ko)
    return arr


def expect_close(actual, expected, atol=1e-6, rtol=1e-5, what="value"):
    """Check shape and values of ``actual`` against ``expected`` within a tolerance."""
    a = _as_array(actual, what)
    e = _as_array(expected, what + " (expected)")
    if a.shape != e.shape:
        _fail(f"{what}: expected shape {tuple(e.shape)} but got shape {tuple(a.shape)}",
              f"{what}: 모양(shape)이 {tuple(e.shape)}이어야 하는데 {tuple(a.shape)}입니다")
    a64 = a.astype(np.complex128 if a.dtype.kind == "c" or e.dtype.kind == "c" else np.float64)
    e64 = e.astype(a64.dtype)
    both_nan = np.isnan(a64) & np.isnan(e64)
    ok = (np.abs(a64 - e64) <= atol + rtol * np.abs(e64)) | both_nan
    if not bool(np.all(ok)):
        _fail(f"{what}: expected {_short(e)} but got {_short(a)}",
              f"{what}: 기댓값은 {_short(e)}인데 {_short(a)}을(를) 얻었습니다")


def _plain(x, what):
    """A plain Python value equal to ``x``, built without calling ``x``'s own methods."""
    t = type(x)
    if x is None or t in (bool, int, float, complex, str, bytes):
        return x
    if isinstance(x, np.generic):
        return x.item()
    if isinstance(x, tuple):  # tuple and its subclasses (shapes such as torch.Size)
        return tuple(_plain(v, what) for v in tuple.__iter__(x))
    if isinstance(x, list):
        return [_plain(v, what) for v in list.__iter__(x)]
    if t is dict:
        return {_plain(k, what): _plain(v, what) for k, v in dict.items(x)}
    if t is np.ndarray:
        return ("ndarray", x.shape, x.tolist())
    _refuse(x, what, "a number, string, tuple, list or dict", "수, 문자열, 튜플, 리스트 또는 딕셔너리")


def _same(a, e):
    if isinstance(e, bool) or isinstance(a, bool):
        return type(a) is type(e) and a == e
    if type(e) in _NUMBER_TYPES and type(a) in _NUMBER_TYPES:
        return a == e
    if type(a) is not type(e):
        return False
    if type(e) in (tuple, list):
        return len(a) == len(e) and all(_same(x, y) for x, y in zip(a, e))
    if type(e) is dict:
        return a.keys() == e.keys() and all(_same(a[k], e[k]) for k in e)
    return a == e


def expect_equal(actual, expected, what="value"):
    """Check that ``actual`` equals ``expected`` exactly (ints, strings, shapes, tuples, ...)."""
    a = _plain(actual, what)
    e = _plain(expected, what + " (expected)")
    if not _same(a, e):
        _fail(f"{what}: expected {_short(e)} but got {_short(a)}",
              f"{what}: 기댓값은 {_short(e)}인데 {_short(a)}을(를) 얻었습니다")


def expect_true(cond, what="condition"):
    """Check that ``cond`` is ``True`` (a real bool: truthy objects are refused)."""
    if type(cond) is not bool and not isinstance(cond, np.bool_):
        _refuse(cond, what, "True or False", "True 또는 False")
    if not bool(cond):
        _fail(f"{what}: expected True but got False",
              f"{what}: 참(True)이어야 하는데 거짓(False)입니다")


def expect_raises(exc_type, fn, match=None, what=None):
    """Check that calling ``fn()`` raises ``exc_type`` (and its message matches ``match``)."""
    label = what or getattr(fn, "__name__", "call")
    name = exc_type.__name__
    try:
        fn()
    except exc_type as exc:
        message = str(exc)
        if match is not None and re.search(match, message) is None:
            _fail(f"{label}: {name} was raised but its message {message!r} does not match {match!r}",
                  f"{label}: {name}이(가) 발생했지만 메시지 {message!r}이(가) {match!r}와 맞지 않습니다")
        return exc
    except Exception as exc:
        _fail(f"{label}: expected {name} but {type(exc).__name__} was raised: {exc}",
              f"{label}: {name}이(가) 발생해야 하는데 {type(exc).__name__}이(가) 발생했습니다: {exc}")
    _fail(f"{label}: expected {name} to be raised, but nothing was raised",
          f"{label}: {name}이(가) 발생해야 하는데 아무 예외도 발생하지 않았습니다")


def passed(exercise):
    """Print the success line; the last statement of every check cell."""
    grading = _GRADING
    if grading is not None:
        _verify_integrity(grading["integrity"])
    print(f"✅ {exercise} passed · 통과")
    if grading is not None:
        print(grading["marker"].format(exercise=exercise))
