"""minigrad-course grade on real fixture notebooks: good, wrong and hostile submissions."""

import csv
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from minigrad_course import cli, sandbox

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "course"
SUBMISSIONS = FIXTURES / "submissions"
SOLUTIONS = FIXTURES / "solutions"

# Kernels started by the grader must import minigrad_course even before `make` installs it.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

NOT_DONE = "not done yet (NotImplementedError) / 아직 작성하지 않았습니다 (NotImplementedError)"
INVALID = ("not a valid notebook file (Expecting value: line 1 column 13 (char 12)) / "
           "올바른 노트북 파일이 아닙니다 (Expecting value: line 1 column 13 (char 12))")
MISSING = "notebook not submitted / 노트북이 제출되지 않았습니다"
TAMPER = ("tampering detected: numpy.abs, numpy.all was replaced / "
          "변조가 감지되었습니다: numpy.abs, numpy.all이(가) 바뀌었습니다")

EXPECTED = [
    ("alwaystrue", "01.1", "0", "2", "fail",
     "square(3.0): expected a tensor, a NumPy array or a number, got an object of type "
     "__main__.Anything / square(3.0): 텐서, NumPy 배열 또는 수이어야 하는데 __main__.Anything 타입의 객체입니다"),
    ("alwaystrue", "01.2", "0", "1", "fail",
     "average([1, 2, 3, 4]): expected a tensor, a NumPy array or a number, got an object of type "
     "list / average([1, 2, 3, 4]): 텐서, NumPy 배열 또는 수이어야 하는데 list 타입의 객체입니다"),
    ("alwaystrue", "01.3", "0", "1", "fail",
     'first_word("hello world"): expected a number, string, tuple, list or dict, got an object '
     'of type __main__.Anything / first_word("hello world"): 수, 문자열, 튜플, 리스트 또는 '
     "딕셔너리이어야 하는데 __main__.Anything 타입의 객체입니다"),
    ("edited", "01.1", "0", "2", "fail",
     "check cell was edited: it must stay as shipped / 확인 셀이 수정되었습니다: 배포된 그대로 두어야 합니다"),
    ("edited", "01.2", "1", "1", "pass", ""),
    ("edited", "01.3", "0", "1", "missing",
     "check cell not found in the submission / 제출물에서 확인 셀을 찾을 수 없습니다"),
    ("invalid", "01.1", "0", "2", "error", INVALID),
    ("invalid", "01.2", "0", "1", "error", INVALID),
    ("invalid", "01.3", "0", "1", "error", INVALID),
    ("loop", "01.1", "0", "2", "timeout",
     "time limit of 2 s per cell exceeded / 셀당 제한 시간 2초를 넘었습니다"),
    ("loop", "01.2", "1", "1", "pass", ""),
    ("loop", "01.3", "1", "1", "pass", ""),
    ("missing", "01.1", "0", "2", "missing", MISSING),
    ("missing", "01.2", "0", "1", "missing", MISSING),
    ("missing", "01.3", "0", "1", "missing", MISSING),
    ("osexit", "01.1", "2", "2", "pass", ""),
    ("osexit", "01.2", "0", "1", "error",
     "the kernel died while running the check (crash, os._exit, exit() or a resource limit) / "
     "확인을 실행하는 동안 커널이 종료되었습니다 (충돌, os._exit, exit() 또는 자원 제한)"),
    ("osexit", "01.3", "1", "1", "pass", ""),
    ("partial", "01.1", "2", "2", "pass", ""),
    ("partial", "01.2", "0", "1", "fail",
     "average([1, 2, 3, 4]): expected 2.5 but got 10 / "
     "average([1, 2, 3, 4]): 기댓값은 2.5인데 실제 값은 10입니다"),
    ("partial", "01.3", "0", "1", "fail", NOT_DONE),
    ("patched", "01.1", "0", "2", "fail",
     "square(3.0): expected 9.0 but got 0 / square(3.0): 기댓값은 9.0인데 실제 값은 0입니다"),
    ("patched", "01.2", "0", "1", "fail",
     "average([1, 2, 3, 4]): expected 2.5 but got 0 / "
     "average([1, 2, 3, 4]): 기댓값은 2.5인데 실제 값은 0입니다"),
    ("patched", "01.3", "0", "1", "fail",
     'first_word("   "): expected ValueError to be raised, but nothing was raised / '
     'first_word("   "): ValueError이(가) 발생해야 하는데 아무 예외도 발생하지 않았습니다'),
    ("patched_numpy", "01.1", "0", "2", "fail", TAMPER),
    ("patched_numpy", "01.2", "0", "1", "fail", TAMPER),
    ("patched_numpy", "01.3", "0", "1", "fail", TAMPER),
    ("perfect", "01.1", "2", "2", "pass", ""),
    ("perfect", "01.2", "1", "1", "pass", ""),
    ("perfect", "01.3", "1", "1", "pass", ""),
    ("swallow", "01.1", "0", "2", "fail",
     "the check did not run to its end / 확인 셀이 끝까지 실행되지 않았습니다"),
    ("swallow", "01.2", "1", "1", "pass", ""),
    ("swallow", "01.3", "1", "1", "pass", ""),
    ("sysexit", "01.1", "2", "2", "pass", ""),
    ("sysexit", "01.2", "1", "1", "pass", ""),
    ("sysexit", "01.3", "0", "1", "error", "SystemExit: 0"),
]


def tree_hash(folder):
    h = hashlib.sha256()
    for path in sorted(Path(folder).rglob("*")):
        h.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            h.update(path.read_bytes())
            h.update(str(path.stat().st_mtime_ns).encode())
    return h.hexdigest()


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    out = tmp_path_factory.mktemp("grades")
    before = tree_hash(SUBMISSIONS)
    # sandboxed where bubblewrap runs (the default), else as before
    no_sandbox = ["--no-sandbox"] if sandbox.probe() is not None else []
    code = cli.main(["grade", str(SUBMISSIONS), "--out", str(out / "grades.csv"),
                     "--solutions", str(SOLUTIONS), "--jobs", "2", "--timeout", "2", *no_sandbox])
    return {"code": code, "out": out, "before": before, "after": tree_hash(SUBMISSIONS)}


def test_exit_code_zero_when_grading_ran(graded):
    assert graded["code"] == 0


def test_csv_rows_exactly(graded):
    with open(graded["out"] / "grades.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["student", "notebook", "exercise", "points", "max_points", "status", "message"]
    got = [(r[0], r[2], r[3], r[4], r[5], r[6]) for r in rows[1:]]
    assert all(r[1] == "01_square" for r in rows[1:])
    assert got == EXPECTED


def test_submissions_never_modified(graded):
    assert graded["before"] == graded["after"]


def test_feedback_files(graded):
    folder = graded["out"] / "feedback"
    assert sorted(p.stem for p in folder.glob("*.md")) == sorted({r[0] for r in EXPECTED})
    text = (folder / "partial.md").read_text(encoding="utf-8")
    assert "Score · 점수: **2 / 4**" in text
    assert "## What to fix · 고칠 점" in text
    assert "**01_square · 01.2** (fail · 실패): average([1, 2, 3, 4]): expected 2.5 but got 10" in text
    assert "All checks passed. · 모든 확인을 통과했습니다." in (folder / "perfect.md").read_text()


def test_summary_on_terminal(graded, capsys):
    # the summary was printed when the module fixture ran; re-render it from the CSV rows
    from minigrad_course import grade

    rows = [dict(zip(["student", "exercise", "points", "max_points", "status", "message"], r))
            for r in EXPECTED]
    table = grade.summary_table(rows, ["partial", "perfect"])
    assert table.splitlines()[0].split() == ["student", "points", "max", *grade.STATUSES]
    assert table.splitlines()[2].split() == ["partial", "2", "4", "1", "2", "0", "0", "0"]


def test_cannot_run_gives_nonzero_exit(tmp_path):
    assert cli.main(["grade", str(tmp_path / "nope"), "--out", str(tmp_path / "g.csv"),
                     "--solutions", str(SOLUTIONS)]) == 2
    assert cli.main(["grade", str(SUBMISSIONS), "--out", str(tmp_path / "g.csv"),
                     "--solutions", str(tmp_path)]) == 2


@pytest.mark.parametrize("sandboxed", [False, True], ids=["plain", "sandboxed"])
def test_grade_notebook_outside_the_pool(tmp_path, sandboxed):
    """The per-notebook entry point, without processes: a perfect copy passes everything."""
    from minigrad_course import grade

    if sandboxed and sandbox.probe() is not None:
        pytest.skip(f"bubblewrap cannot run here: {sandbox.probe()}")
    exercises = grade.load_solutions(SOLUTIONS)[0]["01_square"]
    copy = tmp_path / "01_square.ipynb"
    shutil.copyfile(SUBMISSIONS / "perfect" / "01_square.ipynb", copy)
    rows = grade.grade_notebook(str(copy), exercises, timeout=20,
                                limits=sandbox.Limits() if sandboxed else None)
    assert [(r["exercise"], r["status"], r["points"]) for r in rows] == [
        ("01.1", "pass", 2), ("01.2", "pass", 1), ("01.3", "pass", 1)]
