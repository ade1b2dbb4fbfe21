"""Compare two recordings of one program (PyTorch's and minigrad's) and classify each disagreement.

Categories, most severe first (a program's *cause* is the category of its first disagreement):

  missing API     minigrad lacks a name or an argument PyTorch accepts (AttributeError, unexpected keyword, ...)
  spurious error  minigrad raises where PyTorch runs
  missing error   PyTorch raises where minigrad runs on
  error type      both raise, different exception types
  error text      both raise the same type, different messages
  wrong grad      a ``.grad`` or ``autograd.grad`` result differs in value or shape (silent!)
  wrong value     any other value or shape differs
  dtype           same values, different dtype
  graph           grad_fn / next_functions names, is_leaf or requires_grad differ
  repr            printed text differs while the values are bit for bit the same
  warning         a warning is given by one side only, or with another text
"""
import re
from dataclasses import dataclass

import numpy as np

CATEGORIES = ("missing API", "spurious error", "missing error", "error type", "error text", "wrong grad",
              "wrong value", "dtype", "graph", "repr", "warning")

# (rtol, atol) by dtype; integers and bools compare exactly. float64 allows float32 rounding (1e-6)
# because a float64 result often went through a float32 cast in the program (PyTorch's 0.375 vs 0.37499998).
_TOLERANCE = {"float16": (1e-2, 1e-3), "float32": (1e-4, 1e-5), "float64": (1e-6, 1e-9)}
_GRAD_STATEMENT = re.compile(r"\.grad\b|autograd\.grad\(")
_NUMBER = re.compile(r"-?(?:\d+\.?\d*(?:e[+-]?\d+)?|inf|nan)")
_MISSING_API = re.compile(r"has no attribute|unexpected keyword|positional argument|takes \d+|"
                          r"missing \d+ required|is not callable")
ERROR_CATEGORIES = CATEGORIES[:5]


@dataclass
class Disagreement:
    category: str
    statement: int      # index of the statement where it shows
    detail: str         # what PyTorch gave versus what minigrad gave


def compare(torch_obs, mini_obs, statements):
    """All disagreements between two recordings, in program order."""
    found = []
    for index, source in enumerate(statements):
        expected = [o for o in torch_obs if o.statement == index]
        actual = [o for o in mini_obs if o.statement == index]
        found.extend(_compare_statement(index, source, expected, actual))
    return found


def _split(observations):
    errors = [o for o in observations if o.kind == "error"]
    warns = [o for o in observations if o.kind == "warning"]
    shown = [o for o in observations if o.kind not in ("error", "warning")]
    return (errors[0] if errors else None), warns, shown


def _compare_statement(index, source, expected, actual):
    t_err, t_warn, t_shown = _split(expected)
    m_err, m_warn, m_shown = _split(actual)
    found = []

    def add(category, detail):
        found.append(Disagreement(category, index, detail))

    for t, m in zip(t_shown, m_shown):  # what was shown before any error
        for category, detail in _compare_values(t, m, grad=bool(_GRAD_STATEMENT.search(source))):
            add(category, detail)
    if _name_error(t_err) != _name_error(m_err) or (_name_error(t_err) and t_err.fields != m_err.fields):
        pass  # a name one side failed to define earlier: that earlier difference is already counted
    elif t_err and m_err:
        if t_err.fields["type"] != m_err.fields["type"]:
            add("error type", f"{_error(t_err)}  vs  {_error(m_err)}")
        elif t_err.fields["message"] != m_err.fields["message"]:
            add("error text", f"{t_err.fields['type']}: " + _differ(t_err.fields["message"], m_err.fields["message"]))
    elif m_err:
        missing = m_err.fields["type"] in ("AttributeError", "NotImplementedError") or (
            m_err.fields["type"] == "TypeError" and _MISSING_API.search(m_err.fields["message"]))
        add("missing API" if missing else "spurious error", f"runs  vs  {_error(m_err)}")
    elif t_err:
        add("missing error", f"{_error(t_err)}  vs  runs")
    elif len(t_shown) != len(m_shown):
        add("wrong value", f"{len(t_shown)} values shown vs {len(m_shown)}")
    t_w = [(w.fields["type"], w.fields["message"]) for w in t_warn]
    m_w = [(w.fields["type"], w.fields["message"]) for w in m_warn]
    if t_w != m_w:
        add("warning", _differ(t_w, m_w))
    return found


def _name_error(obs):
    return obs is not None and obs.fields["type"] == "NameError"


def _error(obs):
    return _short(f"{obs.fields['type']}: {obs.fields['message']}")


def _differ(a, b, context=60):
    """Two long texts, shown from a little before where they start to differ."""
    a, b = str(a), str(b)
    start = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(0, start - context)
    cut = "..." if start else ""
    return f"{cut}{_short(a[start:], 200)}  vs  {cut}{_short(b[start:], 200)}"


def _short(value, limit=300):
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "..."


def _compare_values(t, m, grad):
    """Disagreements between two shown values, most severe first."""
    if t.kind != m.kind:
        return [("wrong grad" if grad else "wrong value", f"{_describe(t)}  vs  {_describe(m)}")]
    if t.kind == "seq":
        found = []
        for a, b in zip(t.fields["items"], m.fields["items"]):
            found.extend(_compare_values(a, b, grad))
        if len(t.fields["items"]) != len(m.fields["items"]):
            found.append(("wrong value", f"{len(t.fields['items'])} items vs {len(m.fields['items'])}"))
        items_print_alike = all(_printed(a) == _printed(b) for a, b in zip(t.fields["items"], m.fields["items"]))
        if not found and items_print_alike and t.fields["repr"] != m.fields["repr"]:
            found.append(("repr", f"{t.fields['repr']!r}  vs  {m.fields['repr']!r}"))
        return found
    if t.kind == "node":
        return _compare_graph(t, m)
    if t.kind == "value":
        return _compare_plain(t, m)
    if t.kind == "tensor":
        return _compare_tensor(t, m, grad)
    return []


def _compare_plain(t, m):
    a, b = t.fields, m.fields
    if a["type"] == "ndarray" and b["type"] == "ndarray":
        if a["values"].shape != b["values"].shape or not _close(a["values"], b["values"], a["dtype"]):
            return [("wrong value", f"{_short(a['repr'])}  vs  {_short(b['repr'])}")]
        if a["dtype"] != b["dtype"]:
            return [("dtype", f"{a['dtype']}  vs  {b['dtype']}")]
        same = a["repr"] == b["repr"] or not _identical(a["values"], b["values"])
        return [] if same else [("repr", f"{a['repr']!r}  vs  {b['repr']!r}")]
    if not _same_type(a["type"], b["type"]):
        return [("dtype", f"{a['type']} {_short(a['repr'])}  vs  {b['type']} {_short(b['repr'])}")]
    if a["repr"] == b["repr"] or (a["type"] == "float" and _same_text(a["repr"], b["repr"])):
        return []
    return [("wrong value", f"{a['type']} {_short(a['repr'])}  vs  {b['type']} {_short(b['repr'])}")]


def _same_type(a, b):
    return a == b or {a, b} == {"Size", "Size"}


def _compare_tensor(t, m, grad):
    a, b = t.fields, m.fields
    found = []
    if a["shape"] != b["shape"] or not _close(a["values"], b["values"], a["dtype"]):
        found.append(("wrong grad" if grad else "wrong value",
                      f"{_short(a['repr'])}  vs  {_short(b['repr'])}"))
    if a["dtype"] != b["dtype"]:
        found.append(("dtype", f"{a['dtype']}  vs  {b['dtype']}"))
    for key in ("requires_grad", "is_leaf"):
        if a[key] != b[key]:
            found.append(("graph", f"{key} {a[key]}  vs  {b[key]}"))
    found.extend(_compare_graph(t, m))
    if not found and a["repr"] != b["repr"] and _identical(a["values"], b["values"]):
        found.append(("repr", f"{a['repr']!r}  vs  {b['repr']!r}"))
    return found


def _compare_graph(t, m):
    a, b = t.fields, m.fields
    if a["grad_fn"] != b["grad_fn"]:
        return [("graph", f"grad_fn {a['grad_fn']}  vs  {b['grad_fn']}")]
    if tuple(a["next_functions"]) != tuple(b["next_functions"]):
        return [("graph", f"{a['grad_fn']}.next_functions {a['next_functions']}  vs  {b['next_functions']}")]
    return []


def _close(x, y, dtype):
    if x.shape != y.shape:
        return False
    if dtype.replace("torch.", "") in _TOLERANCE and x.dtype.kind in "fc" and y.dtype.kind in "fc":
        rtol, atol = _TOLERANCE[dtype.replace("torch.", "")]
        return bool(np.allclose(x, y, rtol=rtol, atol=atol, equal_nan=True))
    try:
        return bool(np.array_equal(x, y, equal_nan=x.dtype.kind in "fc" and y.dtype.kind in "fc"))
    except TypeError:
        return bool(np.array_equal(x, y))


def _identical(x, y):
    """Bit for bit the same values. Printed text is compared only then: values that differ by rounding
    (summation order, 1 ulp, -0.0) may print differently (``1.4901e-08`` vs ``0.``) without a bug."""
    return x.dtype == y.dtype and x.shape == y.shape and x.tobytes() == y.tobytes()


def _printed(obs):
    return obs.fields.get("repr", obs.kind)


def _same_text(a, b):
    """Printed numbers agree: identical, or laid out alike with numbers within print rounding."""
    if a == b:
        return True
    if _layout(a) != _layout(b):
        return False
    xs, ys = _NUMBER.findall(a), _NUMBER.findall(b)
    try:
        return np.allclose([float(v) for v in xs], [float(v) for v in ys], rtol=1e-3, atol=1e-4,
                           equal_nan=True)
    except ValueError:
        return False


def _layout(text):
    return _NUMBER.sub(lambda m: re.sub(r"\d", "9", m.group()), text)


def _describe(obs):
    if obs.kind in ("tensor", "value", "seq"):
        return _short(obs.fields["repr"])
    if obs.kind == "node":
        return obs.fields["grad_fn"]
    return obs.kind


def first_cause(disagreements):
    """The category that names a program's disagreement: the one of its first disagreement."""
    return disagreements[0].category if disagreements else None


def silent_wrong_grad(disagreements):
    """The first wrong gradient that no earlier error difference explains, or None."""
    for d in disagreements:
        if d.category in ERROR_CATEGORIES:
            return None
        if d.category == "wrong grad":
            return d
    return None
