"""The gradebook: the detailed CSV, the totals CSV, the terminal table, feedback, and merging shards.

Everything here is a pure function of the rows, so a gradebook merged from shards is byte for byte
the one a single machine writes.

Encodings. ``grades.csv`` (one row per exercise) is read by scripts: plain UTF-8, as Python's csv
module and pandas expect. ``grades-totals.csv`` (one row per student) is the file people open in a
spreadsheet: UTF-8 *with* a byte-order mark, without which Excel on Korean Windows reads it as
CP949 and garbles Hangul names; LibreOffice, Google Sheets and pandas read it as well.
``--excel`` puts the mark on ``grades.csv`` too.
"""

import csv
import json
import unicodedata
from pathlib import Path

COLUMNS = ["student", "notebook", "exercise", "points", "max_points", "status", "message"]
STATUSES = ("pass", "fail", "error", "timeout", "missing")
STATUS_KO = {"pass": "통과", "fail": "실패", "error": "오류", "timeout": "시간 초과", "missing": "없음",
             "ignored": "채점 안 함"}
IGNORED = "ignored"  # a submitted file that was not graded (rows with 0 / 0 points)


def fmt_points(p):
    p = float(p)
    return str(int(p)) if p.is_integer() else f"{p:g}"


def totals(rows):
    return (sum(float(r["points"]) for r in rows), sum(float(r["max_points"]) for r in rows))


def notebooks_of(rows):
    """Graded notebooks in the order they appear."""
    return list(dict.fromkeys(r["notebook"] for r in rows if r["status"] != IGNORED))


def students_of(rows):
    return list(dict.fromkeys(r["student"] for r in rows))


# --------------------------------------------------------------------------------------------
# CSV files


def write_csv(rows, out, bom=False):
    with open(out, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "points": fmt_points(row["points"]),
                             "max_points": fmt_points(row["max_points"])})


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def totals_path(out):
    out = Path(out)
    return out.with_name(out.stem + "-totals.csv")


def write_totals(rows, out, students=None, notebooks=None):
    """One row per student: points, max_points, then the points of each notebook."""
    students = students if students is not None else students_of(rows)
    notebooks = notebooks if notebooks is not None else notebooks_of(rows)
    with open(out, "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["student", "points", "max_points", *notebooks])
        for student in students:
            mine = [r for r in rows if r["student"] == student]
            got, total = totals(mine)
            per = [fmt_points(totals([r for r in mine if r["notebook"] == n])[0]) for n in notebooks]
            writer.writerow([student, fmt_points(got), fmt_points(total), *per])


# --------------------------------------------------------------------------------------------
# Terminal table


def display_width(text):
    """Columns a terminal uses: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def _pad(text, width, right=False):
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def summary_table(rows, students):
    header = ["student", "points", "max", *STATUSES]
    lines = [header]
    for student in students:
        mine = [r for r in rows if r["student"] == student]
        got, total = totals(mine)
        counts = [str(sum(r["status"] == s for r in mine)) for s in STATUSES]
        lines.append([student, fmt_points(got), fmt_points(total), *counts])
    widths = [max(display_width(line[i]) for line in lines) for i in range(len(header))]
    text = []
    for n, line in enumerate(lines):
        text.append("  ".join(_pad(v, w, right=i > 0) for i, (v, w) in enumerate(zip(line, widths))))
        if n == 0:
            text.append("  ".join("-" * w for w in widths))
    return "\n".join(text)


# --------------------------------------------------------------------------------------------
# Feedback


def feedback_markdown(student, rows):
    graded = [r for r in rows if r["status"] != IGNORED]
    ignored = [r for r in rows if r["status"] == IGNORED]
    got, total = totals(graded)
    out = [f"# Feedback · 피드백: {student}", "",
           f"Score · 점수: **{fmt_points(got)} / {fmt_points(total)}**", "",
           "| notebook · 노트북 | exercise · 연습 문제 | points · 점수 | status · 상태 |",
           "|---|---|---|---|"]
    for r in graded:
        out.append(f"| {r['notebook']} | {r['exercise']} | {fmt_points(r['points'])} / "
                   f"{fmt_points(r['max_points'])} | {r['status']} · {STATUS_KO[r['status']]} |")
    problems = [r for r in graded if r["status"] != "pass"]
    out.append("")
    if problems:
        out += ["## What to fix · 고칠 점", ""]
        for r in problems:
            text = r["message"].replace("|", "\\|")
            out.append(f"- **{r['notebook']} · {r['exercise']}** ({r['status']} · "
                       f"{STATUS_KO[r['status']]}): {text}")
    else:
        out.append("All checks passed. · 모든 확인을 통과했습니다.")
    if ignored:
        out += ["", "## Files not graded · 채점하지 않은 파일", ""]
        out += [f"- `{r['notebook']}`: {r['message']}" for r in ignored]
    return "\n".join(out) + "\n"


def write_feedback(rows, folder):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for student in sorted(students_of(rows)):
        mine = [r for r in rows if r["student"] == student]
        (folder / f"{student}.md").write_text(feedback_markdown(student, mine), encoding="utf-8")


def write_all(rows, out, feedback_dir, students, notebooks, bom=False):
    """grades.csv, grades-totals.csv and feedback/ for these rows."""
    write_csv(rows, out, bom=bom)
    write_totals(rows, totals_path(out), students, notebooks)
    write_feedback(rows, feedback_dir)


# --------------------------------------------------------------------------------------------
# Shards


def manifest_path(out):
    out = Path(out)
    return out.with_name(out.stem + "-shard.json")


def write_manifest(out, shard, of, students, notebooks, bom):
    manifest_path(out).write_text(json.dumps(
        {"shard": shard, "of": of, "students": students, "notebooks": notebooks, "excel": bom},
        ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


class MergeError(Exception):
    pass


def merge(shard_csvs, out, feedback_dir=None):
    """Combine the CSVs of ``grade --shard K/N`` runs (one per K) into one gradebook."""
    manifests, rows = [], []
    for path in map(Path, shard_csvs):
        mpath = manifest_path(path)
        if not mpath.is_file():
            raise MergeError(f"{mpath} not found: merge takes the CSVs written by grade --shard")
        manifests.append(json.loads(mpath.read_text(encoding="utf-8")))
        rows += read_csv(path)
    ofs = {m["of"] for m in manifests}
    if len(ofs) != 1:
        raise MergeError(f"shards of different splits: N = {sorted(ofs)}")
    (of,) = ofs
    have = sorted(m["shard"] for m in manifests)
    if have != list(range(1, of + 1)):
        raise MergeError(f"need shards 1..{of} once each, got {have}")
    notebooks = {tuple(m["notebooks"]) for m in manifests}
    if len(notebooks) != 1:
        raise MergeError("shards graded different notebooks")
    students = sorted(s for m in manifests for s in m["students"])
    order = {s: i for i, s in enumerate(students)}
    rows.sort(key=lambda r: order[r["student"]])  # stable: each student's rows keep their order
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    feedback_dir = Path(feedback_dir) if feedback_dir else out.parent / "feedback"
    write_all(rows, out, feedback_dir, students, list(notebooks.pop()),
              bom=any(m.get("excel") for m in manifests))
    return rows, students
