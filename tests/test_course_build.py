"""minigrad_course.build: exercises/ from solutions/."""

import nbformat
import pytest

from minigrad_course import build

STUB = ('raise NotImplementedError("Exercise 03.1 is not done yet: write your code here'
        ' · 연습 문제 03.1: 아직 풀지 않았습니다. 여기에 코드를 작성하세요")')


def solution_nb():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    sol = nbformat.v4.new_code_cell(
        "def f(x):\n    y = 1\n    ### BEGIN SOLUTION\n    return x + y\n    ### END SOLUTION\n",
        metadata={"tags": ["keep-me"]})
    sol.outputs = [nbformat.v4.new_output("stream", name="stdout", text="secret 42\n")]
    sol.execution_count = 2
    check = nbformat.v4.new_code_cell(
        "from minigrad_course.checks import expect_equal, passed\nexpect_equal(f(1), 2)\n"
        "### BEGIN HIDDEN TESTS\nexpect_equal(f(5), 6)\n### END HIDDEN TESTS\npassed(\"03.1\")",
        metadata={"exercise": "03.1", "points": 3})
    check.outputs = [nbformat.v4.new_output("stream", name="stdout", text="✅ 03.1 passed\n")]
    check.execution_count = 3
    other = nbformat.v4.new_code_cell("print('demo')")
    other.outputs = [nbformat.v4.new_output("stream", name="stdout", text="demo\n")]
    other.execution_count = 1
    md = nbformat.v4.new_markdown_cell("Answer · 답:\n### BEGIN SOLUTION\nBecause.\n### END SOLUTION")
    nb.cells = [other, sol, md, check]
    return nb


def test_stub_keeps_indentation_and_names_the_exercise():
    ex = build.student_version(solution_nb())
    assert ex.cells[1].source == "def f(x):\n    y = 1\n    " + STUB + "\n"


def test_markdown_solution_replaced():
    ex = build.student_version(solution_nb())
    assert "Because" not in ex.cells[2].source
    assert "03.1" in ex.cells[2].source and "여기에 답을 쓰세요" in ex.cells[2].source


def test_hidden_tests_removed_visible_checks_kept():
    ex = build.student_version(solution_nb())
    src = ex.cells[3].source
    assert "HIDDEN" not in src and "f(5)" not in src
    assert "expect_equal(f(1), 2)" in src and src.endswith('passed("03.1")')


def test_outputs_cleared_only_for_exercise_cells():
    ex = build.student_version(solution_nb())
    assert ex.cells[1].outputs == [] and ex.cells[1].execution_count is None
    assert ex.cells[3].outputs == [] and ex.cells[3].execution_count is None
    assert ex.cells[0].outputs[0]["text"] == "demo\n" and ex.cells[0].execution_count == 1


def test_metadata_kept_and_source_unchanged():
    nb = solution_nb()
    ex = build.student_version(nb)
    assert ex.cells[3].metadata == {"exercise": "03.1", "points": 3}
    assert ex.cells[1].metadata == {"tags": ["keep-me"]}
    assert ex.metadata == nb.metadata
    assert "return x + y" in nb.cells[1].source  # the solution notebook itself is untouched


@pytest.mark.parametrize("source, message", [
    ("### BEGIN SOLUTION\nx = 1\n", "without"),
    ("x = 1\n### END SOLUTION\n", "without"),
    ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION\n", "nested"),
])
def test_unbalanced_markers_rejected(source, message):
    nb = solution_nb()
    nb.cells[1].source = source
    with pytest.raises(build.BuildError, match=message):
        build.student_version(nb)


def test_solution_after_last_check_rejected():
    nb = solution_nb()
    nb.cells.append(nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 1\n### END SOLUTION"))
    with pytest.raises(build.BuildError, match="no check cell"):
        build.student_version(nb)


def test_duplicate_and_malformed_exercise_ids_rejected():
    nb = solution_nb()
    nb.cells.append(nbformat.v4.new_code_cell("passed('03.1')", metadata={"exercise": "03.1"}))
    with pytest.raises(build.BuildError, match="two check cells"):
        build.student_version(nb)
    nb = solution_nb()
    nb.cells[3].metadata["exercise"] = "3-1"
    with pytest.raises(build.BuildError, match="NN.k"):
        build.student_version(nb)


def test_build_writes_removes_stale_and_detects_out_of_date(tmp_path):
    (tmp_path / "solutions").mkdir()
    (tmp_path / "exercises").mkdir()
    nbformat.write(solution_nb(), str(tmp_path / "solutions" / "03_x.ipynb"))
    (tmp_path / "exercises" / "99_old.ipynb").write_text("{}")
    assert len(build.out_of_date(tmp_path)) == 2
    build.build(tmp_path, log=lambda *a: None)
    assert not (tmp_path / "exercises" / "99_old.ipynb").exists()
    assert build.out_of_date(tmp_path) == []
    written = nbformat.read(str(tmp_path / "exercises" / "03_x.ipynb"), as_version=4)
    assert STUB in written.cells[1].source
    text = (tmp_path / "exercises" / "03_x.ipynb").read_text()
    (tmp_path / "exercises" / "03_x.ipynb").write_text(text.replace("demo", "dema"))
    assert build.out_of_date(tmp_path) == ["exercises/03_x.ipynb is out of date with solutions/03_x.ipynb"]


def test_consecutive_stream_chunks_are_merged_before_saving():
    import nbformat

    from minigrad_course.notebooks import merge_streams

    outputs = [nbformat.v4.new_output("stream", name="stdout", text="torch.Size([2, 3])"),
               nbformat.v4.new_output("stream", name="stdout", text="\nnext line\n"),
               nbformat.v4.new_output("stream", name="stderr", text="warning\n"),
               nbformat.v4.new_output("stream", name="stdout", text="after\n")]
    merged = merge_streams(outputs)
    assert [(o["name"], o["text"]) for o in merged] == [
        ("stdout", "torch.Size([2, 3])\nnext line\n"), ("stderr", "warning\n"), ("stdout", "after\n")]
