"""Build ``exercises/`` from ``solutions/`` (the single source of every exercise).

In a solution notebook:

* a *check cell* is a code cell whose metadata has ``exercise`` (``"NN.k"``) and ``points``;
* a *solution region* is the lines from ``### BEGIN SOLUTION`` to ``### END SOLUTION``, in a code
  cell (usually inside a function body) or a markdown cell; it belongs to the exercise of the next
  check cell;
* a *hidden tests* region (``### BEGIN HIDDEN TESTS`` ... ``### END HIDDEN TESTS``) inside a check
  cell is run by the grader only.

The student version replaces each code solution region by a stub that raises
``NotImplementedError`` with a bilingual "not done yet" message (same indentation): Colab's
"Run all" stops there, at the first exercise the learner has not solved; each markdown region by an invitation to answer,
removes hidden tests, and clears the outputs of solution and check cells. Everything else,
metadata included, is kept.
"""

import copy
import re
from pathlib import Path

BEGIN_SOLUTION = "### BEGIN SOLUTION"
END_SOLUTION = "### END SOLUTION"
BEGIN_HIDDEN = "### BEGIN HIDDEN TESTS"
END_HIDDEN = "### END HIDDEN TESTS"
MARKERS = (BEGIN_SOLUTION, END_SOLUTION, BEGIN_HIDDEN, END_HIDDEN)

# The stub is where "Run all" stops in an exercise notebook as shipped: at the first exercise not done.
STUB = ('raise NotImplementedError("Exercise {id} is not done yet: write your code here'
        ' · 연습 문제 {id}: 아직 풀지 않았습니다. 여기에 코드를 작성하세요")')
MARKDOWN_STUB = "_Exercise {id}: write your answer here · 연습 문제 {id}: 여기에 답을 쓰세요_"

EXERCISE_ID_RE = re.compile(r"^\d\d\.\d+$")


class BuildError(Exception):
    """A solution notebook that cannot be turned into an exercise notebook."""


def is_check_cell(cell):
    return cell.cell_type == "code" and "exercise" in cell.get("metadata", {})


def check_cells(nb):
    """{exercise id: (index, cell)} of a notebook's check cells, in order."""
    return {str(c.metadata["exercise"]): (i, c) for i, c in enumerate(nb.cells) if is_check_cell(c)}


def _replace_regions(source, begin, end, replacement, where):
    """Replace each begin..end line block; ``replacement(indent)`` gives the new line or None."""
    out, inside, indent = [], False, ""
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped.startswith(begin):
            if inside:
                raise BuildError(f"{where}: nested {begin!r}")
            inside, indent = True, line[: len(line) - len(line.lstrip())]
            continue
        if stripped.startswith(end):
            if not inside:
                raise BuildError(f"{where}: {end!r} without {begin!r}")
            inside = False
            new = replacement(indent)
            if new is not None:
                out.append(new)
            continue
        if not inside:
            out.append(line)
    if inside:
        raise BuildError(f"{where}: {begin!r} without {end!r}")
    return "\n".join(out)


def has_solution(cell):
    return BEGIN_SOLUTION in cell.source


def strip_hidden_tests(source, where="cell"):
    return _replace_regions(source, BEGIN_HIDDEN, END_HIDDEN, lambda indent: None, where)


def student_version(nb, name="notebook"):
    """The exercise notebook built from solution notebook ``nb`` (``nb`` is not changed)."""
    nb = copy.deepcopy(nb)
    next_id, seen = [None] * len(nb.cells), set()
    upcoming = None
    for i in range(len(nb.cells) - 1, -1, -1):
        cell = nb.cells[i]
        if is_check_cell(cell):
            upcoming = str(cell.metadata["exercise"])
        next_id[i] = upcoming
    for i, cell in enumerate(nb.cells):
        where = f"{name} cell {i}"
        if is_check_cell(cell):
            ex = str(cell.metadata["exercise"])
            if not EXERCISE_ID_RE.match(ex):
                raise BuildError(f"{where}: exercise id {ex!r} is not of the form 'NN.k'")
            if ex in seen:
                raise BuildError(f"{where}: exercise {ex} has two check cells")
            seen.add(ex)
            if has_solution(cell):
                raise BuildError(f"{where}: a check cell cannot hold a solution region")
            cell.source = strip_hidden_tests(cell.source, where)
            _clear(cell)
        elif has_solution(cell) or END_SOLUTION in cell.source:
            ex = next_id[i]
            if ex is None:
                raise BuildError(f"{where}: solution region with no check cell after it")
            if cell.cell_type == "code":
                stub = lambda indent: indent + STUB.format(id=ex)  # noqa: E731
            else:
                stub = lambda indent: indent + MARKDOWN_STUB.format(id=ex)  # noqa: E731
            cell.source = _replace_regions(cell.source, BEGIN_SOLUTION, END_SOLUTION, stub, where)
            _clear(cell)
        elif BEGIN_HIDDEN in cell.source or END_HIDDEN in cell.source:
            raise BuildError(f"{where}: hidden tests outside a check cell")
    return nb


def _clear(cell):
    if cell.cell_type == "code":
        cell.outputs = []
        cell.execution_count = None


def render(nb):
    import nbformat

    text = nbformat.writes(nb, version=4)
    return text if text.endswith("\n") else text + "\n"


def build(root, names=None, log=print):
    """Write ``exercises/NN_topic.ipynb`` for every ``solutions/NN_topic.ipynb``; remove exercise
    notebooks that no longer have a solution. Returns the written paths."""
    import nbformat

    root = Path(root)
    sol_dir, ex_dir = root / "solutions", root / "exercises"
    ex_dir.mkdir(exist_ok=True)
    written = []
    solutions = sorted(sol_dir.glob("*.ipynb"))
    for sol in solutions:
        if names and not any(sol.stem == Path(n).stem or sol.stem.startswith(Path(n).stem + "_")
                             for n in names):
            continue
        nb = nbformat.read(str(sol), as_version=4)
        target = ex_dir / sol.name
        text = render(student_version(nb, sol.name))
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            log(f"wrote {target.relative_to(root)}")
        written.append(target)
    if not names:
        keep = {s.name for s in solutions}
        for stale in sorted(ex_dir.glob("*.ipynb")):
            if stale.name not in keep:
                stale.unlink()
                log(f"removed {stale.relative_to(root)} (no solution)")
    return written


def out_of_date(root):
    """Problems that make ``exercises/`` differ from what ``build`` would write."""
    import nbformat

    root = Path(root)
    problems = []
    solutions = sorted((root / "solutions").glob("*.ipynb"))
    for sol in solutions:
        target = root / "exercises" / sol.name
        want = render(student_version(nbformat.read(str(sol), as_version=4), sol.name))
        if not target.exists():
            problems.append(f"exercises/{sol.name} is missing")
        elif target.read_text(encoding="utf-8") != want:
            problems.append(f"exercises/{sol.name} is out of date with solutions/{sol.name}")
    names = {s.name for s in solutions}
    for ex in sorted((root / "exercises").glob("*.ipynb")):
        if ex.name not in names:
            problems.append(f"exercises/{ex.name} has no solutions/{ex.name}")
    return problems
