"""Every exercise's check fails realistic wrong answers, in both languages; the solution passes.

The wrong answers are data in ``tests/exercise_wrong_answers/exNN.py``. Each test runs, in a fresh
namespace, the code cells of ``course/solutions/NN_*.py`` up to the exercise's check cell, with the
wrong answer in place of the solution region(s) and the check cell as the grader runs it (hidden
tests included). The other exercises' check cells are skipped (they only check). Each test runs on
its own, so ``pytest -n 2`` spreads them.
"""

import contextlib
import functools
import importlib
import io
import re
import textwrap
from pathlib import Path

import pytest

from minigrad_course import build, notebooks

ROOT = Path(__file__).resolve().parents[1]
SOURCES = {p.name[:2]: p for p in sorted((ROOT / "course" / "solutions").glob("[0-9][0-9]_*.py"))}
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def wrong_answers(nn):
    try:
        return importlib.import_module(f"exercise_wrong_answers.ex{nn}").WRONG
    except ModuleNotFoundError:
        return {}


@functools.lru_cache(maxsize=None)
def _cells(nn):
    return notebooks.read_source(SOURCES[nn]).cells


def _exercise_of_regions(cells):
    """For each cell index holding solution regions, the exercise they belong to."""
    owner, upcoming = {}, None
    for i in range(len(cells) - 1, -1, -1):
        if build.is_check_cell(cells[i]):
            upcoming = str(cells[i].metadata["exercise"])
        elif build.has_solution(cells[i]):
            owner[i] = upcoming
    return owner


def _fill_regions(source, replacements):
    """Replace the solution regions in ``source`` (keep them when ``replacements`` is None)."""
    out, inside, region = [], False, 0
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped.startswith(build.BEGIN_SOLUTION):
            inside, indent, kept = True, line[: len(line) - len(line.lstrip())], []
            continue
        if stripped.startswith(build.END_SOLUTION):
            inside = False
            new = replacements[region] if replacements is not None else None
            region += 1
            if new is None:
                out.extend(kept)
            else:
                out.extend(indent + l if l else l for l in textwrap.dedent(new).strip("\n").split("\n"))
            continue
        if inside:
            kept.append(line)
        else:
            out.append(line)
    return "\n".join(out)


def program(nn, exercise, code=None):
    """The code the learner's kernel runs up to the check cell of ``exercise`` (and that cell)."""
    cells = _cells(nn)
    owner = _exercise_of_regions(cells)
    cells_code, replacements = [], None
    if code is not None:
        replacements = list(code) if isinstance(code, tuple) else [code]
    for i, cell in enumerate(cells):
        if cell.cell_type != "code" or "bootstrap" in cell.metadata.get("tags", []):
            continue
        if build.is_check_cell(cell):
            if str(cell.metadata["exercise"]) == exercise:
                cells_code.append(cell.source.replace(build.BEGIN_HIDDEN, "").replace(build.END_HIDDEN, ""))
                return cells_code
            continue
        if owner.get(i) == exercise and replacements is not None:
            n = cell.source.count(build.BEGIN_SOLUTION)
            mine, replacements = replacements[:n], replacements[n:]
            cells_code.append(_fill_regions(cell.source, mine))
        else:
            cells_code.append(_fill_regions(cell.source, None))
    raise AssertionError(f"no check cell for {exercise}")


def run(nn, exercise, code=None):
    """Run the program; return (exception or None, printed text)."""
    namespace = {"__name__": "__main__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            for n, source in enumerate(program(nn, exercise, code)):
                exec(compile(source, f"<{nn} cell {n}>", "exec"), namespace)
        except Exception as exc:  # noqa: BLE001 - the test looks at what was raised
            return exc, out.getvalue()
        finally:
            _reset_global_state()
    return None, out.getvalue()


def _reset_global_state():
    """Undo what a wrong answer may leave behind for the next test in this process."""
    import minigrad

    minigrad.set_grad_enabled(True)


def exercises_of(nn):
    return [str(c.metadata["exercise"]) for c in _cells(nn) if build.is_check_cell(c)]


SOLUTION_CASES = [(nn, ex) for nn in SOURCES for ex in exercises_of(nn)]
WRONG_CASES = [pytest.param(nn, ex, w, id=f"{ex}-{w.mistake}")
               for nn in SOURCES for ex, ws in wrong_answers(nn).items() for w in ws]


@pytest.mark.parametrize("nn, exercise", SOLUTION_CASES, ids=[ex for _, ex in SOLUTION_CASES])
def test_solution_passes(nn, exercise):
    error, printed = run(nn, exercise)
    assert error is None, f"{type(error).__name__}: {error}"
    assert f"✅ {exercise} passed · 통과" in printed


@pytest.mark.parametrize("nn, exercise", SOLUTION_CASES, ids=[ex for _, ex in SOLUTION_CASES])
def test_stub_fails_as_not_done(nn, exercise):
    """The exercise notebook's stubs reach the check as NotImplementedError (the grader's "not done yet"),
    not turned into a check failure."""
    owner = _exercise_of_regions(_cells(nn))
    regions = sum(c.source.count(build.BEGIN_SOLUTION) for i, c in enumerate(_cells(nn)) if owner.get(i) == exercise)
    stub = build.STUB.format(id=exercise)
    error, printed = run(nn, exercise, tuple([stub] * regions))
    assert isinstance(error, NotImplementedError), f"{type(error).__name__}: {error}"
    assert "passed" not in printed


@pytest.mark.parametrize("nn, exercise", SOLUTION_CASES, ids=[ex for _, ex in SOLUTION_CASES])
def test_every_exercise_has_two_wrong_answers(nn, exercise):
    assert len(wrong_answers(nn).get(exercise, [])) >= 2


@pytest.mark.parametrize("nn, exercise, wrong", WRONG_CASES)
def test_wrong_answer_fails_with_a_bilingual_targeted_message(nn, exercise, wrong):
    error, printed = run(nn, exercise, wrong.code)
    assert f"✅ {exercise} passed" not in printed, f"the check passes {wrong.mistake!r}"
    assert isinstance(error, AssertionError), f"{type(error).__name__}: {error}"
    message = str(error)
    assert HANGUL.search(message), message
    assert wrong.en in message, message
    assert wrong.ko in message, message
