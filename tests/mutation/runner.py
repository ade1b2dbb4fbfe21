"""Run the mutants of an exercise's solution regions against its check cell, as the grader runs it.

For each exercise the solution program (the notebook's code cells up to the exercise's check cell,
hidden tests included: see ``tests/test_exercise_wrong_answers.py``) runs once in this process, which
records

* the values the check cell hands to ``expect_close`` / ``expect_equal`` / ``expect_true``;
* the arguments of the first calls of each function (or method) that holds a solution region.

Each mutant then runs in a forked child with a time limit. It is

* ``killed`` when the check fails (``AssertionError``), ``crashed`` when the program raises anything
  else, ``timeout`` when it runs past the limit: the grader gives no points to any of these;
* ``equivalent`` when it passes and is no wrong answer: the check saw exactly the solution's values,
  and the function holding the region returns the same results (and leaves its arguments in the same
  state) as the solution's on the recorded inputs and on ``PROBES`` random perturbations of them;
* ``survived`` when it passes but differs from the solution somewhere: a wrong answer the check lets
  through.
"""

import contextlib
import copy
import io
import json
import os
import random
import select
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

import test_exercise_wrong_answers as machinery  # noqa: E402

from minigrad_course import build  # noqa: E402

from .judged import JUDGED_EQUIVALENT  # noqa: E402
from .mutants import mutants  # noqa: E402

PROBES = 9          # random changes of each recorded call's float inputs
RECORDED_CALLS = 8  # calls recorded per function
RTOL, ATOL = 1e-9, 1e-12
KILLED = ("killed", "crashed", "timeout")


# --------------------------------------------------------------------------------------------
# The exercise's regions and the functions that hold them


def regions(nn, exercise):
    """[(source, holder)] for the code solution regions of ``exercise``, in order; holder is
    ``(name,)``, ``(class, method)`` or ``None`` (a region at the top of a cell)."""
    cells = machinery._cells(nn)
    owner = machinery._exercise_of_regions(cells)
    out = []
    for i, cell in enumerate(cells):
        if cell.cell_type != "code" or owner.get(i) != exercise:
            continue
        lines = cell.source.split("\n")
        starts = [k for k, line in enumerate(lines) if line.strip().startswith(build.BEGIN_SOLUTION)]
        for start in starts:
            end = next(k for k in range(start, len(lines)) if lines[k].strip().startswith(build.END_SOLUTION))
            out.append(("\n".join(lines[start + 1:end]), _holder(cell.source, start + 1)))
    return out


def _holder(source, line):
    import ast
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in tree.body:
        if node.lineno <= line <= node.end_lineno:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return (node.name,)
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.lineno <= line <= item.end_lineno:
                        return (node.name, item.name)
    return None


def _resolve(namespace, holder):
    obj = namespace.get(holder[0])
    if obj is not None and len(holder) == 2:
        obj = obj.__dict__.get(holder[1]) if isinstance(obj, type) else None
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    return getattr(obj, "__wrapped__", obj) if callable(obj) else None


# --------------------------------------------------------------------------------------------
# Running a program with recorders


def _tensor_types():
    return tuple(t for t in (getattr(sys.modules.get(m), "Tensor", None) for m in ("minigrad", "torch"))
                 if isinstance(t, type))


class _CheckRecorder:
    """Wraps the check helpers so that the values a check cell looks at are kept."""

    NAMES = ("expect_close", "expect_equal", "expect_true")

    def __init__(self):
        from minigrad_course import checks
        self.checks, self.values, self.saved = checks, [], {}

    def __enter__(self):
        for name in self.NAMES:
            original = getattr(self.checks, name)
            self.saved[name] = original

            def wrapper(actual, *args, _original=original, **kwargs):
                __tracebackhide__ = True
                self.values.append(_fingerprint(actual))
                return _original(actual, *args, **kwargs)
            setattr(self.checks, name, wrapper)
        return self

    def __exit__(self, *exc):
        for name, original in self.saved.items():
            setattr(self.checks, name, original)
        return False


class _CallRecorder:
    """After each cell, wraps the functions holding a region so their first calls are kept."""

    def __init__(self, holders):
        self.holders = [h for h in holders if h is not None]
        self.calls = {h: [] for h in self.holders}

    def after_cell(self, namespace):
        for holder in self.holders:
            owner = namespace if len(holder) == 1 else getattr(namespace.get(holder[0]), "__dict__", None)
            if owner is None or holder[-1] not in owner:
                continue
            target = owner[holder[-1]]
            if getattr(target, "_mutation_recorder", False) or not callable(target):
                continue
            setattr_target = namespace if len(holder) == 1 else namespace[holder[0]]
            wrapper = self._wrap(holder, target)
            if len(holder) == 1:
                setattr_target[holder[0]] = wrapper
            else:
                setattr(setattr_target, holder[1], wrapper)

    def _wrap(self, holder, function):
        calls = self.calls[holder]

        def wrapper(*args, **kwargs):
            if len(calls) < RECORDED_CALLS:
                try:
                    calls.append(copy.deepcopy((args, kwargs)))
                except Exception:  # noqa: BLE001 - arguments that cannot be copied are not probed
                    pass
            return function(*args, **kwargs)
        wrapper.__wrapped__ = function
        wrapper._mutation_recorder = True
        for name in ("__name__", "__qualname__", "__doc__", "__module__"):
            try:
                setattr(wrapper, name, getattr(function, name))
            except (AttributeError, TypeError):
                pass
        return wrapper


def execute(nn, exercise, code=None, after_cell=None):
    """Run the program as ``tests/test_exercise_wrong_answers.run`` does; return (error, printed, namespace)."""
    namespace = {"__name__": "__main__"}
    out = io.StringIO()
    _seed_everything(0)  # the same random state for the solution and each mutant
    with contextlib.redirect_stdout(out):
        try:
            for n, source in enumerate(machinery.program(nn, exercise, code)):
                exec(compile(source, f"<{nn} cell {n}>", "exec"), namespace)
                if after_cell is not None:
                    after_cell(namespace)
        except Exception as exc:  # noqa: BLE001 - the caller looks at what was raised
            return exc, out.getvalue(), namespace
        finally:
            machinery._reset_global_state()
    return None, out.getvalue(), namespace


def passes(exercise, error, printed):
    return error is None and f"✅ {exercise} passed" in printed


# --------------------------------------------------------------------------------------------
# Comparing results


def _fingerprint(x, depth=0, seen=None):
    """A plain, comparable picture of a value (tensors with their grad, requires_grad and grad_fn)."""
    seen = set() if seen is None else seen
    if depth > 6:
        return ("deep",)
    if x is None or type(x) in (bool, str, bytes):
        return ("lit", x)
    # numbers, arrays and tensors compare by value (a float and a 0-d tensor holding it are alike);
    # a tensor's requires_grad, grad and grad_fn count when both sides are tensors
    if type(x) in (int, float, complex):
        return ("value", np.array(x), None)
    if isinstance(x, np.generic):
        return ("value", np.array(x), None) if x.dtype.kind in "biufc" else ("lit", repr(x))
    if isinstance(x, np.ndarray):
        return ("value", x.copy(), None) if x.dtype.kind in "biufc" else ("lit", repr(x))
    tensors = _tensor_types()
    if tensors and isinstance(x, tensors):
        grad_fn = getattr(x, "grad_fn", None)
        try:
            values = x.detach().numpy().copy()
        except Exception:  # noqa: BLE001
            values = repr(x)
        grad = x.grad if getattr(x, "is_leaf", True) or getattr(x, "retains_grad", False) else None
        return ("value", values, (str(x.dtype), bool(x.requires_grad), _fingerprint(grad, depth + 1, seen),
                                  None if grad_fn is None else type(grad_fn).__name__))
    if id(x) in seen:
        return ("seen",)
    if isinstance(x, (list, tuple)):
        seen.add(id(x))
        return (type(x).__name__, [_fingerprint(v, depth + 1, seen) for v in x])
    if isinstance(x, dict):
        seen.add(id(x))
        return ("dict", [(repr(k), _fingerprint(v, depth + 1, seen)) for k, v in sorted(x.items(), key=lambda kv: repr(kv[0]))])
    if isinstance(x, (set, frozenset)):
        return ("set", sorted(repr(v) for v in x))
    if callable(x) or isinstance(x, type) or type(x).__name__ == "module":
        return ("object", type(x).__name__)
    if hasattr(x, "__dict__"):
        seen.add(id(x))
        return ("instance", type(x).__name__, _fingerprint(dict(vars(x)), depth + 1, seen))
    return ("object", type(x).__name__)


def _same(a, b):
    if type(a) is tuple and type(b) is tuple and a[:1] == b[:1] == ("value",):
        return _same(a[1], b[1]) and (a[2] is None or b[2] is None or _same(a[2], b[2]))
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        if a.shape != b.shape or (a.dtype.kind == "b") != (b.dtype.kind == "b"):
            return False
        if a.dtype.kind in "biu":
            return bool(np.array_equal(a, b))
        with np.errstate(invalid="ignore"):
            return bool(np.allclose(a, b, rtol=RTOL, atol=ATOL, equal_nan=True))
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        return _same(np.array(a, dtype=float), np.array(b, dtype=float))
    return a == b


# --------------------------------------------------------------------------------------------
# Probing a surviving mutant on random inputs


def _jitter(arr, rng, kind):
    """Near the recorded values (kind 0), over many orders of magnitude (1), or standard normal (2)."""
    shape = np.shape(arr)
    if kind == 0:
        return arr * (1 + 0.25 * rng.standard_normal(shape)) + 0.1 * rng.standard_normal(shape)
    if kind == 1:
        return arr * 10.0 ** rng.uniform(-4, 4, shape) * rng.choice([-1.0, 1.0], shape)
    return rng.standard_normal(shape)


def _perturb(x, rng, kind, depth=0, seen=None):
    """A random neighbour of ``x`` (floats, float arrays, leaf float tensors changed; the rest kept)."""
    seen = set() if seen is None else seen
    if depth > 6 or id(x) in seen:
        return x
    if type(x) is float:
        return float(_jitter(np.array(x), rng, kind))
    if isinstance(x, np.ndarray):
        if x.dtype.kind == "f" and x.flags.writeable:
            x[...] = _jitter(x, rng, kind)
        return x
    tensors = _tensor_types()
    if tensors and isinstance(x, tensors):
        if getattr(x, "grad_fn", None) is None and "float" in str(x.dtype):
            with contextlib.suppress(Exception):
                arr = x.detach().numpy()
                arr[...] = _jitter(arr, rng, kind)
        return x
    seen.add(id(x))
    if isinstance(x, list):
        x[:] = [_perturb(v, rng, kind, depth + 1, seen) for v in x]
        return x
    if isinstance(x, tuple):
        return type(x)(_perturb(v, rng, kind, depth + 1, seen) for v in x) if type(x) is tuple else x
    if isinstance(x, dict):
        for k in list(x):
            x[k] = _perturb(x[k], rng, kind, depth + 1, seen)
        return x
    if hasattr(x, "__dict__") and not callable(x) and not isinstance(x, type):
        for k, v in list(vars(x).items()):
            with contextlib.suppress(Exception):
                setattr(x, k, _perturb(v, rng, kind, depth + 1, seen))
    return x


def _seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    for name in ("minigrad", "torch"):
        mod = sys.modules.get(name)
        if mod is not None and hasattr(mod, "manual_seed"):
            with contextlib.suppress(Exception):
                mod.manual_seed(seed)


def _call(function, args, kwargs, seed):
    _seed_everything(seed)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            result = function(*args, **kwargs)
        return ("returned", _fingerprint(result), _fingerprint((args, kwargs)))
    except Exception as exc:  # noqa: BLE001
        return ("raised", type(exc).__name__)
    finally:
        machinery._reset_global_state()


def _probe(solution_fn, mutant_fn, calls, budget, mutant_class=None):
    """Where the two functions first differ: on a recorded call as recorded, or on one of ``PROBES``
    random changes of its float inputs (near, far, standard normal); None when they never do, or
    when ``budget`` seconds ran out first (the second value says whether every probe ran)."""
    deadline = time.monotonic() + budget
    for probe in range(PROBES + 1):
        for number, (args, kwargs) in enumerate(calls):
            if time.monotonic() > deadline:
                return None, False
            try:
                a1 = copy.deepcopy((args, kwargs))
                a2 = copy.deepcopy((args, kwargs))
            except Exception:  # noqa: BLE001
                break
            if probe:
                a1 = _perturb(a1, np.random.default_rng(1000 * number + probe), probe % 3)
                a2 = _perturb(a2, np.random.default_rng(1000 * number + probe), probe % 3)
            if mutant_class is not None and a2[0]:  # a method: self becomes an instance of the mutant's class
                with contextlib.suppress(Exception):
                    object.__setattr__(a2[0][0], "__class__", mutant_class)
            r1 = _call(solution_fn, a1[0], a1[1], probe)
            r2 = _call(mutant_fn, a2[0], a2[1], probe)
            if not _same(r1, r2):
                return f"call {number}" + (f", random change {probe}" if probe else ", as recorded"), True
    return None, True


# --------------------------------------------------------------------------------------------
# One exercise


@dataclass
class Result:
    exercise: str
    region: int
    index: int
    description: str
    source: str
    status: str          # killed, crashed, timeout, equivalent, survived
    detail: str = ""

    @property
    def ident(self):
        return f"{self.exercise}/r{self.region}/m{self.index}"


@dataclass
class Exercise:
    nn: str
    exercise: str
    regions: list = field(default_factory=list)
    solution_values: list = field(default_factory=list)
    calls: dict = field(default_factory=dict)
    namespace: dict = field(default_factory=dict)
    seconds: float = 0.0

    def time_limit(self, ceiling=30.0):
        """Ten times the solution's run (probes included), at least 3 s: a mutant that loops forever."""
        return min(ceiling, max(3.0, 10 * self.seconds))

    def mutants(self):
        """[(region number, Mutant)] for every region."""
        return [(r, m) for r, (source, _) in enumerate(self.regions) for m in mutants(source)]

    def code(self, region, text):
        return tuple(text if r == region else None for r in range(len(self.regions)))


def prepare(nn, exercise):
    """Run the solution once with the recorders; fail loudly if it does not pass."""
    ex = Exercise(nn, exercise, regions(nn, exercise))
    calls = _CallRecorder([holder for _, holder in ex.regions])
    start = time.monotonic()
    with _CheckRecorder() as values:
        error, printed, namespace = execute(nn, exercise, after_cell=calls.after_cell)
    ex.seconds = time.monotonic() - start
    if not passes(exercise, error, printed):
        raise AssertionError(f"the solution of {exercise} does not pass: {error!r}")
    ex.solution_values, ex.calls, ex.namespace = values.values, calls.calls, namespace
    return ex


def _judge(ex, region, text, on_pass=lambda: None):
    """In the child: run one mutant and say what became of it."""
    with _CheckRecorder() as values:
        error, printed, namespace = execute(ex.nn, ex.exercise, ex.code(region, text))
    if not passes(ex.exercise, error, printed):
        if isinstance(error, AssertionError):
            return "killed", str(error).split("\n")[0][:200]
        return "crashed", f"{type(error).__name__}: {str(error)[:200]}" if error else "no passed line"
    on_pass()
    try:
        return _compare(ex, region, values, namespace)
    except Exception as exc:  # noqa: BLE001 - the mutant passed; only the comparison failed
        return "survived", f"passes; comparing it with the solution raised {type(exc).__name__}: {exc}"[:200]


def _compare(ex, region, values, namespace):
    """A mutant that passes: equivalent to the solution, or a wrong answer that survived?"""
    if len(values.values) != len(ex.solution_values) or not all(
            _same(a, b) for a, b in zip(values.values, ex.solution_values)):
        return "survived", "the check saw other values than the solution's"
    holder = ex.regions[region][1]
    if holder is None:
        return "equivalent", "same values in every check (region outside a function)"
    solution_fn, mutant_fn = _resolve(ex.namespace, holder), _resolve(namespace, holder)
    if solution_fn is None or mutant_fn is None:
        return "equivalent", "same values in every check (function not found for probing)"
    if not ex.calls.get(holder):
        return "equivalent", "same values in every check (function not called directly: not probed)"
    mutant_class = None
    if len(holder) == 2 and isinstance(namespace.get(holder[0]), type):
        raw = namespace[holder[0]].__dict__.get(holder[1])
        if not isinstance(raw, (staticmethod, classmethod)):  # a plain method: its first argument is self
            mutant_class = namespace[holder[0]]
    where, complete = _probe(solution_fn, mutant_fn, ex.calls[holder], budget=0.5 * ex.time_limit(),
                             mutant_class=mutant_class)
    if where is not None:
        return "survived", f"{'.'.join(holder)} differs from the solution's on {where}"
    if not complete:
        return "equivalent", "same values in every check and on the random changes of its inputs tried in time"
    return "equivalent", f"same values in every check and on {PROBES} random changes of each recorded call's inputs"


def run_mutant(ex, region, mutant, timeout=None):
    """Judge one mutant in a forked child (killed after ``timeout`` seconds, by default ``ex.time_limit()``)."""
    timeout = ex.time_limit() if timeout is None else timeout
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_end)
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
            status, detail = _judge(ex, region, mutant.source, lambda: os.write(write_end, b"P"))
        except BaseException as exc:  # noqa: BLE001 - anything the mutant does counts against it
            status, detail = "crashed", f"{type(exc).__name__}: {exc}"[:200]
        data = json.dumps([status, detail]).encode()
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        os._exit(0)
    os.close(write_end)
    chunks, deadline = [], time.monotonic() + timeout
    with os.fdopen(read_end, "rb") as pipe:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                if b"".join(chunks).startswith(b"P"):  # the check passed; comparing with the solution took too long
                    return Result(ex.exercise, region, mutant.index, mutant.description, mutant.source,
                                  "survived", f"passes; the comparison with the solution ran past {timeout:g} s")
                return Result(ex.exercise, region, mutant.index, mutant.description, mutant.source,
                              "timeout", f"ran past {timeout:g} s")
            ready, _, _ = select.select([pipe], [], [], left)
            if ready:
                chunk = os.read(pipe.fileno(), 65536)
                if not chunk:
                    break
                chunks.append(chunk)
    os.waitpid(pid, 0)
    try:
        status, detail = json.loads(b"".join(chunks).decode().removeprefix("P"))
    except ValueError:
        status, detail = "crashed", "the child died"
    reason = JUDGED_EQUIVALENT.get((ex.exercise, mutant.description))
    if status == "survived" and reason is not None:
        status, detail = "equivalent", f"judged by hand: {reason}"
    return Result(ex.exercise, region, mutant.index, mutant.description, mutant.source, status, detail)


def all_exercises():
    return [(nn, ex) for nn in machinery.SOURCES for ex in machinery.exercises_of(nn)]
