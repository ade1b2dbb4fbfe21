"""The course's own notebooks: sources, exercises, checks (parametrized over what exists)."""

import os
from pathlib import Path

import nbformat
import pytest

from minigrad_course import build, check, notebooks

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "course"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

LEARNER = notebooks.learner_notebooks(ROOT)
WITH_SOURCE = [p for p in LEARNER if p.parent.name in notebooks.SOURCE_DIRS]
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb"))


def ids(paths):
    return [f"{p.parent.name}/{p.name}" for p in paths]


def test_exercises_up_to_date_with_solutions():
    assert build.out_of_date(ROOT) == []


@pytest.mark.parametrize("path", WITH_SOURCE, ids=ids(WITH_SOURCE))
def test_notebook_matches_its_jupytext_source(path):
    src = notebooks.source_for(ROOT, path)
    assert src is not None, f"no source course/{path.parent.name}/{path.stem}.py"
    assert notebooks.source_mismatch(src, path) is None


def test_every_source_has_its_notebook():
    missing = [str(t.relative_to(ROOT)) for _, t in notebooks.source_pairs(ROOT) if not t.exists()]
    assert missing == []


@pytest.mark.parametrize("path", LEARNER, ids=ids(LEARNER))
def test_notebook_follows_conventions(path):
    assert [str(p) for p in check.check_notebook(path, ROOT)] == []


def run(path):
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def errors(cell):
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def assert_exercise_fails_only_its_checks(path):
    nb = run(path)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if build.is_check_cell(cell):
            assert errors(cell), f"cell {i}: check {cell.metadata['exercise']} passes as shipped"
            assert "passed ·" not in "".join(o.get("text", "") for o in cell.outputs)
        elif "raises-exception" not in cell.metadata.get("tags", []):
            assert not errors(cell), f"cell {i} errors as shipped: {errors(cell)[0]['ename']}"


def assert_solution_passes(path):
    nb = run(path)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "raises-exception" in cell.metadata.get("tags", []):
            continue
        assert not errors(cell), f"cell {i}: {errors(cell)[0]['ename']}: {errors(cell)[0]['evalue']}"
        if build.is_check_cell(cell):
            ex = cell.metadata["exercise"]
            assert f"✅ {ex} passed · 통과" in "".join(o.get("text", "") for o in cell.outputs)


EXERCISE_CASES = EXERCISES + [FIXTURES / "exercises" / "01_square.ipynb"]
SOLUTION_CASES = SOLUTIONS + [FIXTURES / "solutions" / "01_square.ipynb"]


@pytest.mark.parametrize("path", EXERCISE_CASES, ids=ids(EXERCISE_CASES))
def test_exercise_notebook_fails_every_check_and_nothing_else(path):
    assert_exercise_fails_only_its_checks(path)


@pytest.mark.parametrize("path", SOLUTION_CASES, ids=ids(SOLUTION_CASES))
def test_solution_notebook_passes(path):
    assert_solution_passes(path)


def test_fixture_exercises_built_from_fixture_solutions():
    sol = nbformat.read(str(FIXTURES / "solutions" / "01_square.ipynb"), as_version=4)
    want = build.render(build.student_version(sol, "01_square.ipynb"))
    assert (FIXTURES / "exercises" / "01_square.ipynb").read_text(encoding="utf-8") == want
