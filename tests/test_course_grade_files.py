"""Grading a real class: renamed files, one assignment at a time, the totals CSV, shards and merge."""

import csv
import os
import shutil
from pathlib import Path

import pytest

from minigrad_course import cli, grade_files, gradebook, sandbox

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "course"
PERFECT = FIXTURES / "submissions" / "perfect" / "01_square.ipynb"
PARTIAL = FIXTURES / "submissions" / "partial" / "01_square.ipynb"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
NO_SANDBOX = ["--no-sandbox"] if sandbox.probe() is not None else []

KIM = "김민준"

# student -> {file inside the student's folder: source notebook}
CLASS = {
    KIM: {"Copy of 01_square.ipynb": PERFECT, "02_twice (1).ipynb": PERFECT,
          "notes.ipynb": PERFECT, "__MACOSX/._01_square.ipynb": PERFECT},
    "lee": {".ipynb_checkpoints/01_square-checkpoint.ipynb": PARTIAL, "01_Square.ipynb": PERFECT,
            "homework.ipynb": PARTIAL},
    "park": {"01_square.ipynb": PERFECT, "01_square (1).ipynb": PARTIAL,
             "02-Twice - Copy.ipynb": PARTIAL},
}


@pytest.mark.parametrize("name, stem", [
    ("01_square", "01_square"), ("Copy of 01_square", "01_square"),
    ("Copy of Copy of 01_square (2)", "01_square"), ("01_square (1)", "01_square"),
    ("01_square-checkpoint", "01_square"), ("01_Square", "01_square"),
    ("01 square - Copy", "01_square"), ("01_square-Copy1", "01_square"),
    ("01_square의 사본", "01_square"), ("01_squares", "01_squares"), ("notes", "notes")])
def test_normal_stem(name, stem):
    assert grade_files.normal_stem(name) == stem


def _make_class(tmp):
    solutions, subs = tmp / "solutions", tmp / "subs"
    solutions.mkdir()
    shutil.copyfile(FIXTURES / "solutions" / "01_square.ipynb", solutions / "01_square.ipynb")
    shutil.copyfile(FIXTURES / "solutions" / "01_square.ipynb", solutions / "02_twice.ipynb")
    for student, files in CLASS.items():
        for name, source in files.items():
            (subs / student / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, subs / student / name)
    secret = tmp / "instructor-only.ipynb"
    secret.write_text("instructor's file")
    (subs / "park" / "02_twice.ipynb").symlink_to(secret)  # an archive may unpack a link
    return solutions, subs


def _grade(*args):
    return cli.main(["grade", *map(str, args), "--jobs", "2", "--timeout", "20", "--no-progress",
                     *NO_SANDBOX])


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("class")
    solutions, subs = _make_class(tmp)
    full = tmp / "full" / "grades.csv"
    assert _grade(subs, "--out", full, "--solutions", solutions) == 0
    one = tmp / "one" / "grades.csv"
    assert _grade(subs, "--out", one, "--solutions", solutions / "01_square.ipynb", "--excel") == 0
    for k in (1, 2):
        assert _grade(subs, "--out", tmp / f"shard{k}" / "grades.csv", "--solutions", solutions,
                      "--shard", f"{k}/2") == 0
    merged = tmp / "merged" / "grades.csv"
    assert cli.main(["merge", str(tmp / "shard1" / "grades.csv"), str(tmp / "shard2" / "grades.csv"),
                     "--out", str(merged)]) == 0
    return {"tmp": tmp, "full": full, "one": one, "merged": merged, "subs": subs}


def _by(rows):
    return {(r["student"], r["notebook"], r["exercise"]): r for r in rows}


def test_renamed_files_are_graded_as_their_notebook(graded):
    rows = _by(gradebook.read_csv(graded["full"]))
    for student in (KIM, "lee", "park"):  # every graded 01 file is the perfect one
        assert [rows[(student, "01_square", e)]["status"] for e in ("01.1", "01.2", "01.3")] == \
            ["pass"] * 3, student
    assert rows[(KIM, "02_twice", "01.1")]["status"] == "pass"  # "02_twice (1).ipynb"
    assert rows[("park", "02_twice", "01.2")]["status"] == "fail"  # "02-Twice - Copy.ipynb"
    missing = rows[("lee", "02_twice", "01.1")]
    assert missing["status"] == "missing"
    assert missing["message"] == (
        "notebook not submitted (files that match no notebook: homework.ipynb) / "
        "노트북이 제출되지 않았습니다 (어느 노트북과도 맞지 않는 파일: homework.ipynb)")


def test_files_not_graded_are_reported(graded):
    rows = gradebook.read_csv(graded["full"])
    ignored = {(r["student"], r["notebook"]): r["message"] for r in rows if r["status"] == "ignored"}
    assert set(ignored) == {(KIM, "notes.ipynb"), ("lee", ".ipynb_checkpoints/01_square-checkpoint.ipynb"),
                            ("lee", "homework.ipynb"), ("park", "01_square (1).ipynb"),
                            ("park", "02_twice.ipynb")}
    assert ignored[("park", "02_twice.ipynb")].startswith("'02_twice.ipynb' is a symbolic link")
    assert ignored[(KIM, "notes.ipynb")].startswith(
        "'notes.ipynb' matches no notebook of this assignment (expected 01_square.ipynb, "
        "02_twice.ipynb)")
    assert "'01_square.ipynb' was graded instead" in ignored[("park", "01_square (1).ipynb")]
    assert all(r["points"] == "0" and r["max_points"] == "0" for r in rows if r["status"] == "ignored")
    feedback = (graded["full"].parent / "feedback" / f"{KIM}.md").read_text(encoding="utf-8")
    assert "## Files not graded · 채점하지 않은 파일" in feedback
    assert "- `notes.ipynb`: 'notes.ipynb' matches no notebook" in feedback
    assert "__MACOSX" not in feedback
    for path in graded["full"].parent.rglob("*"):
        if path.is_file():
            assert "instructor's file" not in path.read_text(encoding="utf-8-sig")


def test_submissions_never_modified(graded):
    for student, files in CLASS.items():
        for name, source in files.items():
            assert (graded["subs"] / student / name).read_bytes() == source.read_bytes()
        assert sorted(p.relative_to(graded["subs"] / student).as_posix()
                      for p in (graded["subs"] / student).rglob("*")
                      if p.is_file() and not p.is_symlink()) == sorted(files)


def test_one_assignment_at_a_time(graded):
    rows = gradebook.read_csv(graded["one"])
    assert {r["notebook"] for r in rows if r["status"] != "ignored"} == {"01_square"}
    ignored = {(r["student"], r["notebook"]) for r in rows if r["status"] == "ignored"}
    # a file of another notebook of the course is neither graded nor reported as unknown
    assert (KIM, "02_twice (1).ipynb") not in ignored and (KIM, "notes.ipynb") in ignored
    totals = list(csv.reader(open(gradebook.totals_path(graded["one"]), encoding="utf-8-sig")))
    assert totals[0] == ["student", "points", "max_points", "01_square"]
    assert [row[:3] for row in totals[1:]] == [["lee", "4", "4"], ["park", "4", "4"], [KIM, "4", "4"]]
    assert graded["one"].read_bytes().startswith(b"\xef\xbb\xbf")  # --excel


def test_notebook_filter_and_files(tmp_path):
    solutions, _ = _make_class(tmp_path)
    files, known = grade_files.solution_files([solutions], ["02"])
    assert [f.name for f in files] == ["02_twice.ipynb"] and known == {"01_square", "02_twice"}
    files, known = grade_files.solution_files([solutions / "01_square.ipynb"])
    assert [f.name for f in files] == ["01_square.ipynb"] and known == {"01_square", "02_twice"}
    with pytest.raises(FileNotFoundError):
        grade_files.solution_files([tmp_path / "nope.ipynb"])


def test_totals_csv_for_people(graded):
    raw = gradebook.totals_path(graded["full"]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Korean Windows needs the mark for Hangul
    assert not graded["full"].read_bytes().startswith(b"\xef\xbb\xbf")  # scripts read grades.csv
    totals = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert totals == [["student", "points", "max_points", "01_square", "02_twice"],
                      ["lee", "4", "8", "4", "0"], ["park", "6", "8", "4", "2"],
                      [KIM, "8", "8", "4", "4"]]


def test_sharded_and_merged_is_byte_identical(graded):
    full, merged = graded["full"].parent, graded["merged"].parent
    names = sorted(p.relative_to(full).as_posix() for p in full.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(merged).as_posix() for p in merged.rglob("*") if p.is_file())
    assert len(names) == 5  # grades.csv, grades-totals.csv, three feedback files
    for name in names:
        assert (full / name).read_bytes() == (merged / name).read_bytes(), name
    shards = [gradebook.read_csv(graded["tmp"] / f"shard{k}" / "grades.csv") for k in (1, 2)]
    assert not {r["student"] for r in shards[0]} & {r["student"] for r in shards[1]}


def test_merge_refuses_an_incomplete_set(graded, capsys):
    assert cli.main(["merge", str(graded["tmp"] / "shard1" / "grades.csv"),
                     "--out", str(graded["tmp"] / "bad" / "grades.csv")]) == 2
    assert "need shards 1..2 once each, got [1]" in capsys.readouterr().err


def test_shard_assignment_is_deterministic_and_covers_everyone():
    students = [f"student{i:03d}" for i in range(200)]
    shards = [grade_files.shard_of(s, 4) for s in students]
    assert shards == [grade_files.shard_of(s, 4) for s in students]
    assert sorted(set(shards)) == [1, 2, 3, 4] and min(shards.count(k) for k in (1, 2, 3, 4)) > 30
    assert grade_files.parse_shard("2/5") == (2, 5)
    for bad in ("0/3", "4/3", "1", "a/b"):
        with pytest.raises(ValueError):
            grade_files.parse_shard(bad)


def test_terminal_table_aligns_hangul_names():
    rows = [{"student": s, "notebook": "01", "exercise": "01.1", "points": p, "max_points": 2,
             "status": "pass" if p else "fail", "message": ""}
            for s, p in ((KIM, 2), ("lee", 0), ("이서연-long", 2))]
    lines = gradebook.summary_table(rows, [KIM, "lee", "이서연-long"]).splitlines()
    widths = {gradebook.display_width(line) for line in lines}
    assert len(widths) == 1, lines  # every line as wide on screen
    assert gradebook.display_width(KIM) == 6 and gradebook.display_width("이서연-long") == 11
    assert lines[2].startswith(KIM + " " * 7 + "  ")  # padded to 11 columns, then the gap
    assert lines[3].startswith("lee" + " " * 10)
