"""Run a program under one library (PyTorch or minigrad) and record what a learner would see.

A program calls ``show(value)`` to record a value. Besides what ``show`` records, every statement's
warnings and its exception (type and message) are recorded. A failing statement does not stop the
program: the next statements run (and usually fail alike with NameError on both sides).
"""
import ast
import re
import sys
import warnings
from dataclasses import dataclass, field

import numpy as np

_NODE_NAME = re.compile(r"<([\w.]+) object at 0x[0-9a-fA-F]+>")
_CPP_SOURCE = re.compile(r" \(Triggered internally at [^)]*\.\)$")  # PyTorch's C++ file and line
# Warnings PyTorch gives once per process (TORCH_WARN_ONCE). Which program sees one depends on what ran
# before in the process, and the generator runs every program under PyTorch first, which uses it up: PyTorch's
# side can never show it. Not an observation of the program, so neither side records it (tested elsewhere:
# tests/test_double_backward.py).
_ONCE_PER_PROCESS = ("Using backward() with create_graph=True will create a reference cycle",)


@dataclass
class Observation:
    statement: int          # index of the statement that produced it
    kind: str               # tensor, node, value, seq, none, error, warning
    fields: dict = field(default_factory=dict)


def split_statements(text):
    """Top-level statements of a program, each as its source text (a ``with`` block is one)."""
    lines = text.splitlines()
    return ["\n".join(lines[node.lineno - 1:node.end_lineno]) for node in ast.parse(text).body]


def node_name(fn):
    """The name a learner sees for a graph node: ``<MulBackward0 object at 0x...>`` gives MulBackward0."""
    if fn is None:
        return None
    match = _NODE_NAME.match(repr(fn))
    return match.group(1) if match else repr(fn)


def _next_names(fn):
    try:
        return tuple(node_name(f) for f, _ in fn.next_functions)
    except Exception as e:  # a node without next_functions is itself a finding
        return f"<{type(e).__name__}>"


def _as_array(t):
    data = t.detach()
    if hasattr(data, "cpu"):
        data = data.cpu()
    return np.array(data.numpy(), copy=True)


def _attr(obj, name):
    try:
        return getattr(obj, name)
    except Exception as e:
        return f"<{type(e).__name__}: {e}>"


class Recorder:
    def __init__(self, lib):
        self.lib = lib
        self.observations = []
        self.statement = 0

    def snapshot(self, value):
        """The observation of one value, taken now (later in-place changes do not alter it)."""
        if value is None:
            return Observation(self.statement, "none")
        if isinstance(value, self.lib.Tensor):
            fn = _attr(value, "grad_fn")
            return Observation(self.statement, "tensor", {
                "repr": repr(value),
                "dtype": str(value.dtype),
                "shape": tuple(value.shape),
                "values": _as_array(value),
                "requires_grad": _attr(value, "requires_grad"),
                "is_leaf": _attr(value, "is_leaf"),
                "grad_fn": node_name(fn) if not isinstance(fn, str) else fn,
                "next_functions": _next_names(fn) if fn is not None and not isinstance(fn, str) else (),
            })
        if hasattr(value, "next_functions"):
            return Observation(self.statement, "node", {"grad_fn": node_name(value),
                                                        "next_functions": _next_names(value)})
        if isinstance(value, (tuple, list)) and not hasattr(value, "numel"):
            items = [self.snapshot(v) for v in value]
            return Observation(self.statement, "seq", {"repr": repr(value), "type": type(value).__name__,
                                                       "items": items})
        if isinstance(value, np.ndarray):
            return Observation(self.statement, "value", {"type": "ndarray", "repr": repr(value),
                                                         "dtype": str(value.dtype), "values": value.copy()})
        return Observation(self.statement, "value", {"type": type(value).__name__, "repr": repr(value)})

    def show(self, value):
        self.observations.append(self.snapshot(value))


def namespace(lib, recorder):
    """The names a program sees: ``torch``, ``nn``, ``F``, ``np`` and ``show``."""
    return {"torch": lib, "nn": lib.nn, "F": lib.nn.functional, "np": np, "show": recorder.show,
            "__name__": "__difftest__"}


def run_program(text, lib):
    """Run ``text`` with ``torch`` bound to ``lib``; return its list of observations."""
    recorder = Recorder(lib)
    env = namespace(lib, recorder)
    try:
        for index, source in enumerate(split_statements(text)):
            recorder.statement = index
            code = compile(source, f"<statement {index}>", "exec")
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    exec(code, env)
                except Exception as e:  # the program's own error is an observation
                    recorder.observations.append(Observation(index, "error", {
                        "type": type(e).__name__, "message": str(e)}))
            for w in caught:
                if str(w.message).startswith(_ONCE_PER_PROCESS):
                    continue
                recorder.observations.append(Observation(index, "warning", {
                    "type": w.category.__name__, "message": _CPP_SOURCE.sub("", str(w.message))}))
    finally:
        _reset_global_state(lib)
    return recorder.observations


def _reset_global_state(lib):
    """Undo what a program may change globally (grad mode, print options)."""
    lib.set_grad_enabled(True)
    try:
        lib.set_printoptions(profile="default")
    except Exception:
        pass


def import_minigrad(path=None):
    """Import minigrad, from ``path`` (another worktree) when given."""
    if path:
        sys.path.insert(0, path)
        for name in [m for m in sys.modules if m == "minigrad" or m.startswith("minigrad.")]:
            del sys.modules[name]
    import minigrad
    return minigrad
