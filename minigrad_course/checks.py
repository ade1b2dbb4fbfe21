"""Helpers for exercise check cells · 연습 문제 확인 셀에서 쓰는 도우미.

A check cell imports what it needs and ends with ``passed("NN.k")``::

    from minigrad_course.checks import expect_close, passed
    expect_close(square(3.0), 9.0, what="square(3.0)")
    passed("02.1")

Every failure raises ``AssertionError`` whose message has an English part and a Korean part::

    d/dx x**3 at 2: expected 12.0001 but got 12.0601
    Hint: that is the forward difference (f(x + h) - f(x)) / h; use f(x - h) as well.
    d/dx x**3 at 2: 기댓값은 12.0001인데 실제 값은 12.0601입니다
    힌트: 전진 차분 (f(x + h) - f(x)) / h입니다. f(x - h)도 쓰세요.

Labels (``what=``) and hints (``hint=``) are a plain string when the same text serves both languages
(code such as ``"x.grad"``) and an ``("English", "한국어")`` pair otherwise. ``mistakes=`` lists the
values that common wrong answers produce, each with its own hint: when the learner's value is one
of them, that hint is shown. Values print as PyTorch prints them (with minigrad's printer).

In IPython (Jupyter, Colab) the learner sees only the check cell's line and the message: the
helpers' own frames are left out of the traceback.

The helpers only accept plain values: numbers, strings, tuples, NumPy arrays, minigrad tensors and
torch tensors (converted to NumPy first). Anything else is refused, so an object whose ``__eq__``
always returns ``True`` cannot pass a check.

``forbidden(...)`` swaps library functions for stand-ins that fail when called, and
``counted(f)`` counts the calls of a function: checks use them to enforce what an exercise forbids.

This file must stay self-contained (it imports only ``sys``, ``re``, ``types`` and ``numpy``): the grader
executes its source afresh inside the student's kernel before every check cell (see
``docs/authoring.md``).
"""

import re
import sys
import types

import numpy as np

__all__ = ["expect_close", "expect_equal", "expect_true", "expect_raises", "passed", "fail",
           "forbidden", "counted"]

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
_DEFAULT_ATOL, _DEFAULT_RTOL = 1e-6, 1e-5


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
        fail(("tampering detected: " + ", ".join(changed) + " was replaced",
              "변조가 감지되었습니다: " + ", ".join(changed) + "이(가) 바뀌었습니다"))


# --------------------------------------------------------------------------------------------
# Messages


def _both(text):
    """(English, Korean) for a label or hint given as one string or as a pair."""
    if text is None:
        return None
    if type(text) is tuple and len(text) == 2:
        return str(text[0]), str(text[1])
    return str(text), str(text)


def _visible_traceback(tb):
    """The traceback without the frames of these helpers (they set ``__tracebackhide__``)."""
    kept = []
    while tb is not None:
        if not tb.tb_frame.f_locals.get("__tracebackhide__", False):
            kept.append(tb)
        tb = tb.tb_next
    out = None
    for entry in reversed(kept):
        out = types.TracebackType(out, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return out


def _short_render(exc):
    """What IPython shows for a failed check: the check cell's frame and the message only."""
    def render():
        try:
            shell = sys.modules["IPython"].get_ipython()
            return shell.InteractiveTB.structured_traceback(
                type(exc), exc, _visible_traceback(exc.__traceback__))
        except Exception:
            return [f"AssertionError: {exc}"]
    return render


def fail(message, hint=None):
    """Raise the check's ``AssertionError``: English (with its hint), then Korean (with its hint)."""
    __tracebackhide__ = True
    en, ko = _both(message)
    hint = _both(hint)
    text = en + ("\nHint: " + hint[0] if hint else "") + "\n" + ko + ("\n힌트: " + hint[1] if hint else "")
    error = AssertionError(text)
    error._render_traceback_ = _short_render(error)  # IPython calls this to show the error
    raise error


def _label(what, suffix_en="", suffix_ko=""):
    en, ko = _both(what)
    return en + suffix_en, ko + suffix_ko


def _printer():
    printing = sys.modules.get("minigrad._printing")
    return printing if hasattr(printing, "tensor_str_body") else None


def _one_line(text):
    return re.sub(r"\s*\n\s*", " ", text)


def _format_array(arr, precision=None):
    """Values as PyTorch prints them (minigrad's printer), on one line."""
    printing = _printer()
    if printing is not None and arr.dtype.kind in "fiub":
        try:
            if precision is None:
                return _one_line(printing.tensor_str_body(arr))
            with printing.printoptions(precision=precision):
                return _one_line(printing.tensor_str_body(arr))
        except Exception:  # pragma: no cover - an unusual array: fall back to NumPy
            pass
    if arr.ndim == 0:
        return repr(arr.item())
    return _one_line(np.array2string(arr, precision=precision or 4, threshold=20, separator=", "))


def _format_pair(e, a):
    """Expected and actual, with enough digits to tell them apart."""
    for precision in (None, 6, 8, 10, 12, 16):
        fe, fa = _format_array(e, precision), _format_array(a, precision)
        if fe != fa:
            break
    return _clip(fe), _clip(fa)


def _clip(text, limit=200):
    return text if len(text) <= limit else text[:limit] + " ..."


def _show(x):
    if isinstance(x, np.ndarray):
        return _clip(_format_array(x))
    if type(x) is float:
        return _clip(_format_array(np.array(x)))
    return _clip(repr(x))


def _typename(x):
    t = type(x)
    return t.__module__ + "." + t.__qualname__ if t.__module__ != "builtins" else t.__qualname__


def _refuse(x, what, wanted, wanted_ko):
    __tracebackhide__ = True
    en, ko = _label(what)
    fail((f"{en}: expected {wanted}, got an object of type {_typename(x)}",
          f"{ko}: {wanted_ko}이어야 하는데 {_typename(x)} 타입의 객체입니다"))


# --------------------------------------------------------------------------------------------
# Values


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
    __tracebackhide__ = True
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


def _tolerances(atol, rtol):
    """A tolerance given alone means what it says: the other one is then 0."""
    if atol is None and rtol is None:
        return _DEFAULT_ATOL, _DEFAULT_RTOL
    return (0.0 if atol is None else atol), (0.0 if rtol is None else rtol)


def _close_mask(a, e, atol, rtol):
    kind = np.complex128 if a.dtype.kind == "c" or e.dtype.kind == "c" else np.float64
    a64, e64 = a.astype(kind), e.astype(kind)
    both_nan = np.isnan(a64) & np.isnan(e64)
    same_inf = np.isinf(a64) & (a64 == e64)
    with np.errstate(invalid="ignore"):
        return (np.abs(a64 - e64) <= atol + rtol * np.abs(e64)) | both_nan | same_inf


def _matches(a, value, atol, rtol):
    try:
        v = _as_array(value, "mistake")
    except AssertionError:
        return False
    return v.shape == a.shape and bool(np.all(_close_mask(a, v, atol, rtol)))


def _mistake_hint(a, mistakes, atol, rtol, default):
    for value, hint in mistakes:
        if _matches(a, value, atol, rtol):
            return hint
    return default


def expect_close(actual, expected, atol=None, rtol=None, what="value", hint=None, mistakes=()):
    """Check shape and values of ``actual`` against ``expected`` within a tolerance.

    With neither tolerance given: ``atol=1e-6, rtol=1e-5``. A tolerance given alone is the only one
    (``atol=1e-9`` means within 1e-9). ``mistakes`` is a list of ``(wrong_value, hint)``: when
    ``actual`` equals one of them, its hint replaces ``hint``.
    """
    __tracebackhide__ = True
    a = _as_array(actual, what)
    e = _as_array(expected, _label(what, " (expected)", " (기댓값)"))
    en, ko = _label(what)
    atol, rtol = _tolerances(atol, rtol)
    if a.shape != e.shape:
        fail((f"{en}: expected shape {tuple(e.shape)} but got shape {tuple(a.shape)}",
              f"{ko}: 모양(shape)은 {tuple(e.shape)}이어야 하는데 실제 모양은 {tuple(a.shape)}입니다"),
             _mistake_hint(a, mistakes, atol, rtol, hint))
    ok = _close_mask(a, e, atol, rtol)
    if bool(np.all(ok)):
        return
    hint = _mistake_hint(a, mistakes, atol, rtol, hint)
    if a.size <= 12:
        fe, fa = _format_pair(e, a)
        fail((f"{en}: expected {fe} but got {fa}", f"{ko}: 기댓값은 {fe}인데 실제 값은 {fa}입니다"), hint)
    bad = np.argwhere(~ok)
    index = tuple(int(i) for i in bad[0])
    fe, fa = _format_pair(e[index], a[index])
    n, total = len(bad), a.size
    fail((f"{en}: {n} of {total} values differ; at index {index} expected {fe} but got {fa}",
          f"{ko}: 값 {total}개 중 {n}개가 다릅니다. 인덱스 {index}에서 기댓값은 {fe}인데 실제 값은 {fa}입니다"),
         hint)


def _plain(x, what):
    """A plain Python value equal to ``x``, built without calling ``x``'s own methods."""
    __tracebackhide__ = True
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


def expect_equal(actual, expected, what="value", hint=None, mistakes=()):
    """Check that ``actual`` equals ``expected`` exactly (ints, strings, shapes, tuples, ...)."""
    __tracebackhide__ = True
    a = _plain(actual, what)
    e = _plain(expected, _label(what, " (expected)", " (기댓값)"))
    if _same(a, e):
        return
    for value, mistake_hint in mistakes:
        if _same(a, _plain(value, what)):
            hint = mistake_hint
            break
    en, ko = _label(what)
    fe, fa = _show(e), _show(a)
    fail((f"{en}: expected {fe} but got {fa}", f"{ko}: 기댓값은 {fe}인데 실제 값은 {fa}입니다"), hint)


def expect_true(cond, what="condition", hint=None):
    """Check that ``cond`` is ``True`` (a real bool: truthy objects are refused).

    Phrase ``what`` as the statement that must hold: "the loss fell below a fifth" ·
    "손실이 5분의 1 아래로 떨어졌다"; a failure reads "Not true: …" · "성립하지 않습니다: …".
    """
    __tracebackhide__ = True
    if type(cond) is not bool and not isinstance(cond, np.bool_):
        _refuse(cond, what, "True or False", "True 또는 False")
    if not bool(cond):
        en, ko = _label(what)
        fail((f"Not true: {en}", f"성립하지 않습니다: {ko}"), hint)


def expect_raises(exc_type, fn, match=None, what=None, hint=None):
    """Check that calling ``fn()`` raises ``exc_type`` (and its message matches ``match``)."""
    __tracebackhide__ = True
    en, ko = _label(what or getattr(fn, "__name__", "call"))
    name = exc_type.__name__
    try:
        fn()
    except exc_type as exc:
        message = str(exc)
        if match is not None and re.search(match, message) is None:
            fail((f"{en}: {name} was raised but its message {message!r} does not match {match!r}",
                  f"{ko}: {name}이(가) 발생했지만 메시지 {message!r}이(가) {match!r}와 맞지 않습니다"), hint)
        return exc
    except Exception as exc:
        fail((f"{en}: expected {name} but {type(exc).__name__} was raised: {exc}",
              f"{ko}: {name}이(가) 발생해야 하는데 {type(exc).__name__}이(가) 발생했습니다: {exc}"), hint)
    fail((f"{en}: expected {name} to be raised, but nothing was raised",
          f"{ko}: {name}이(가) 발생해야 하는데 아무 예외도 발생하지 않았습니다"), hint)


# --------------------------------------------------------------------------------------------
# Enforcing what an exercise forbids


class forbidden:
    """``with forbidden((F, "log_softmax", "F.log_softmax"), ...):`` swaps each function for a
    stand-in that fails the check when called, and puts the originals back on leaving.

    Each entry is ``(owner, attribute)`` or ``(owner, attribute, name shown to the learner)``.
    """

    def __init__(self, *entries, exercise=""):
        self.entries = [(e[0], e[1], e[2] if len(e) > 2 else e[1]) for e in entries]
        self.exercise = exercise
        self.saved = []

    def _stand_in(self, shown):
        def stand_in(*args, **kwargs):
            __tracebackhide__ = True
            fail((f"your code called {shown}, which this exercise asks you to write yourself",
                  f"여러분의 코드가 {shown} 함수를 불렀습니다. 이 연습 문제에서는 그 함수를 직접 작성해야 합니다"),
                 ("build it from the elementary operations of the lesson.",
                  "강의에서 본 기본 연산으로 만드세요."))
        return stand_in

    def __enter__(self):
        for owner, attr, shown in self.entries:
            self.saved.append((owner, attr, owner.__dict__.get(attr, _MISSING) if isinstance(owner, type)
                               else getattr(owner, attr, _MISSING)))
            setattr(owner, attr, self._stand_in(shown))
        return self

    def __exit__(self, *exc_info):
        for owner, attr, original in reversed(self.saved):
            if original is _MISSING:
                delattr(owner, attr)
            else:
                setattr(owner, attr, original)
        self.saved = []
        return False


_MISSING = object()


class counted:
    """``g = counted(f)``: a function that calls ``f`` and counts its calls in ``g.calls``;
    ``g.arguments`` keeps the first positional argument of each call."""

    def __init__(self, function):
        self.function = function
        self.calls = 0
        self.arguments = []

    def __call__(self, *args, **kwargs):
        self.calls += 1
        self.arguments.append(args[0] if args else None)
        return self.function(*args, **kwargs)


def passed(exercise):
    """Print the success line; the last statement of every check cell."""
    __tracebackhide__ = True
    grading = _GRADING
    if grading is not None:
        _verify_integrity(grading["integrity"])
    print(f"✅ {exercise} passed · 통과")
    if grading is not None:
        print(grading["marker"].format(exercise=exercise))
