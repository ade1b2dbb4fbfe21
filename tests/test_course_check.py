"""minigrad-course check: each rule, with a notebook that breaks it."""

from pathlib import Path

import jupytext
import nbformat
import pytest

from minigrad_course import build, check, cli

FIXTURES = Path(__file__).parent / "fixtures" / "course"
NAME = "01_square.ipynb"


def good_nb():
    return nbformat.read(str(FIXTURES / "solutions" / NAME), as_version=4)


def make_repo(tmp_path, nb, folder="solutions", source_nb=None):
    """A minimal repository holding ``nb`` in ``folder`` with its jupytext source and exercises."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / folder).mkdir(exist_ok=True)
    path = tmp_path / folder / NAME
    nbformat.write(nb, str(path))
    src = tmp_path / "course" / folder / "01_square.py"
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_text(jupytext.writes(source_nb or nb, fmt="py:percent"), encoding="utf-8")
    if folder == "solutions":
        build.build(tmp_path, log=lambda *a: None)
    return path


def rules(tmp_path, nb, **kw):
    path = make_repo(tmp_path, nb, **kw)
    return [(p[1], p[2]) for p in check.check_notebook(path, tmp_path)]


def test_good_notebook_has_no_problem(tmp_path):
    make_repo(tmp_path, good_nb())
    assert [str(p) for p in check.check([], tmp_path)] == []


def test_kernelspec(tmp_path):
    nb = good_nb()
    nb.metadata["kernelspec"]["name"] = "python2"
    assert (None, "kernelspec") in rules(tmp_path, nb)


def test_bootstrap_source_and_tags(tmp_path):
    nb = good_nb()
    nb.cells[0].source += "\nprint('hi')"
    assert (0, "bootstrap") in rules(tmp_path, nb)
    nb = good_nb()
    nb.cells[0].metadata["tags"] = ["bootstrap"]
    assert (0, "bootstrap") in rules(tmp_path / "b", nb)


@pytest.mark.parametrize("text, ok", [
    ("## Leaves · 잎\n\nA leaf.\n\n잎 텐서입니다.", True),
    ("## Leaves\n\nOnly English here.", False),
    ("한국어만 있습니다.", False),
    ("잎 텐서입니다.\n\nA leaf tensor.", False),
    ("Use `x.grad` here.\n\n`x.grad`를 쓰세요. ![plot](a.png)", True),
])
def test_bilingual(tmp_path, text, ok):
    nb = good_nb()
    nb.cells[1].source = text
    assert ((1, "bilingual") not in rules(tmp_path, nb)) == ok


@pytest.mark.parametrize("text, ok", [
    ("A **DAG**.\n\n**방향성 비순환 그래프(directed acyclic graph)**입니다.", False),
    ("A **DAG**.\n\n**방향성 비순환 그래프**(directed acyclic graph)입니다.", True),
    ("Code `x**2` stays code.\n\n코드 `x**2`는 그대로입니다.", True),
])
def test_emphasis_that_would_print_literal_asterisks(tmp_path, text, ok):
    nb = good_nb()
    nb.cells[1].source = text
    assert ((1, "markdown") not in rules(tmp_path, nb)) == ok


def test_figure_only_is_exempt(tmp_path):
    nb = good_nb()
    nb.cells[1].source = "![graph](graph.svg)\n\nFigure"
    nb.cells[1].metadata["tags"] = ["figure-only"]
    assert (1, "bilingual") not in rules(tmp_path, nb)


def test_glossary_forbidden_term(tmp_path):
    nb = good_nb()
    nb.cells[1].source += "\n\n자동 차별화를 봅니다."
    assert (1, "glossary") in rules(tmp_path, nb)


def test_glossary_gradient_mixing(tmp_path):
    nb = good_nb()
    nb.cells[1].source += "\n\n변화도(gradient)는 기울기라고도 합니다."
    assert not any(r == "glossary" for _, r in rules(tmp_path, nb))
    nb.cells[1].source += " 그래디언트도 있습니다."
    assert (1, "glossary") in rules(tmp_path / "b", nb)
    nb.cells[1].metadata["tags"] = ["glossary-exempt"]
    assert not any(r == "glossary" for _, r in rules(tmp_path / "c", nb))


def test_executed(tmp_path):
    nb = good_nb()
    nb.cells[2].execution_count = None
    assert (2, "executed") in rules(tmp_path, nb)
    nb = good_nb()
    nb.cells[4].execution_count = 1
    assert (4, "executed") in rules(tmp_path / "b", nb)


def test_seeded(tmp_path):
    nb = good_nb()
    nb.cells[2].source += "\nimport numpy as np\nnoise = np.random.randn(3)"
    assert (2, "seeded") in rules(tmp_path, nb, source_nb=nb)
    nb.cells[2].source = "import minigrad\nminigrad.manual_seed(0)\n" + nb.cells[2].source
    assert not any(r == "seeded" for _, r in rules(tmp_path / "b", nb, source_nb=nb))


@pytest.mark.parametrize("text", ["/home/alice/minigrad/x.py", "C:\\Users\\bob\\x", "/Users/carol/a",
                                  "/tmp/tmpab12/data.npy"])
def test_local_paths_in_outputs(tmp_path, text):
    nb = good_nb()
    nb.cells[3].outputs.append(nbformat.v4.new_output("stream", name="stdout", text=text + "\n"))
    assert (3, "local-path") in rules(tmp_path, nb)


@pytest.mark.parametrize("folder", ["solutions", "notebooks"])
def test_error_outputs_and_raises_exception_tags_are_rejected(tmp_path, folder):
    """Colab's Run all ignores the raises-exception tag: neither an error nor the tag may remain."""
    nb = good_nb()
    assert (2, "error-output") not in rules(tmp_path / "a", nb, folder=folder)
    nb.cells[2].outputs = [nbformat.v4.new_output("error", ename="ValueError", evalue="x",
                                                   traceback=[])]
    assert (2, "error-output") in rules(tmp_path / "b", nb, folder=folder)
    nb.cells[2].outputs = []
    nb.cells[2].metadata["tags"] = ["raises-exception"]
    assert (2, "error-output") in rules(tmp_path / "c", nb, folder=folder, source_nb=nb)


def test_warning_on_stderr(tmp_path):
    nb = good_nb()
    nb.cells[2].outputs = [nbformat.v4.new_output(
        "stream", name="stderr", text="UserWarning: Glyph 44032 (\\N{HANGUL SYLLABLE GA}) missing\n")]
    assert (2, "stderr") in rules(tmp_path, nb)
    nb.cells[2].outputs = [nbformat.v4.new_output(  # matplotlib's math-text message has no "Warning"
        "stream", name="stderr", text="Font 'default' does not have a glyph for '\\u2212' [U+2212]\n")]
    assert (2, "stderr") in rules(tmp_path / "b", nb)


def test_exercise_cells(tmp_path):
    nb = good_nb()
    nb.cells[3].source = nb.cells[3].source.replace('passed("01.1")', "print('done')")
    del nb.cells[5].metadata["points"]
    nb.cells[7].metadata["exercise"] = "02.3"
    found = rules(tmp_path, nb)
    assert (3, "exercise") in found and (5, "exercise") in found and (7, "exercise") in found


def test_markers_not_in_lessons(tmp_path):
    nb = good_nb()
    for cell in nb.cells:
        cell.metadata.pop("exercise", None)
    assert (2, "exercise") in rules(tmp_path, nb, folder="notebooks")


def test_source_mismatch_and_missing_source(tmp_path):
    nb = good_nb()
    src = good_nb()
    src.cells[2].source = src.cells[2].source.replace("x * x", "x ** 2")
    assert (None, "source") in rules(tmp_path, nb, source_nb=src)
    path = make_repo(tmp_path / "b", nb)
    (tmp_path / "b" / "course" / "solutions" / "01_square.py").unlink()
    assert (None, "source") in [(p[1], p[2]) for p in check.check_notebook(path, tmp_path / "b")]


def test_exercises_out_of_date_and_cli_exit_code(tmp_path, capsys):
    make_repo(tmp_path, good_nb())
    assert cli.main(["check", "--root", str(tmp_path)]) == 0
    ex = tmp_path / "exercises" / NAME
    ex.write_text(ex.read_text().replace("Tiny", "Small"))
    assert cli.main(["check", "--root", str(tmp_path)]) == 1
    assert "[exercises] exercises/01_square.ipynb is out of date" in capsys.readouterr().out


def test_exercise_notebooks_may_have_cleared_cells(tmp_path):
    make_repo(tmp_path, good_nb())
    problems = check.check_notebook(tmp_path / "exercises" / NAME, tmp_path)
    assert [str(p) for p in problems] == []
