"""Grade submitted exercise notebooks: ``minigrad-course grade SUBMISSIONS --out grades.csv``.

``SUBMISSIONS/<student>/<NN_topic>.ipynb`` holds each student's completed copy of an
``exercises/`` notebook. For each (student, notebook) the grader, in a worker process:

1. copies the submission into a fresh temporary folder (the submission itself is only read);
2. parses it (a file that is not a notebook scores ``error`` for each of its exercises);
3. finds each check cell by its ``exercise`` metadata, compares it with the shipped check cell (an
   edited check cell scores 0, ``fail``) and replaces it with the solution's check cell, hidden
   tests included (a deleted check cell scores ``missing``);
4. starts a fresh kernel (cwd = the temporary folder; by default inside the bubblewrap sandbox of
   ``sandbox.py``, where that folder is all it can see of the user's files), records the identity
   of the objects the checks rely on before any student code runs, and executes the cells one by
   one with a time limit per cell;
5. prefixes each check cell with a preamble that loads a private copy of the checks from the
   grader's own source text, rebinds the helper names, verifies that nothing the checks rely on was
   replaced, and gives ``passed`` a random per-cell nonce to print;
6. scores a check cell ``pass`` only when it completed without an error *and* printed its nonce.
   A timeout or a dead kernel restarts the kernel, replays the earlier code cells (not the one that
   failed) and carries on, so one crash costs only the exercise it happened in.

Which file is which notebook: ``grade_files.py``; the CSVs, feedback and merging of shards:
``gradebook.py``. See docs/grading.md for running it on a class, docs/authoring.md for the threat
model.
"""

import concurrent.futures as cf
import json
import multiprocessing
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import build, grade_files, gradebook, sandbox
from .grade_files import JUNK_DIRS
from .gradebook import COLUMNS, STATUS_KO, STATUSES, feedback_markdown, summary_table  # noqa: F401
MAX_RESTARTS = 3
MESSAGE_LIMIT = 400

MESSAGES = {
    "missing_notebook": ("notebook not submitted", "노트북이 제출되지 않았습니다"),
    "invalid": ("not a valid notebook file ({detail})", "올바른 노트북 파일이 아닙니다 ({detail})"),
    "missing_check": ("check cell not found in the submission",
                      "제출물에서 확인 셀을 찾을 수 없습니다"),
    "edited": ("check cell was edited: it must stay as shipped",
               "확인 셀이 수정되었습니다: 배포된 그대로 두어야 합니다"),
    "timeout": ("time limit of {timeout:g} s per cell exceeded",
                "셀당 제한 시간 {timeout:g}초를 넘었습니다"),
    "timeout_before": ("an earlier cell exceeded the time limit", "앞선 셀이 제한 시간을 넘었습니다"),
    "died": ("the kernel died while running the check (crash, os._exit, exit() or a resource limit)",
             "확인을 실행하는 동안 커널이 종료되었습니다 (충돌, os._exit, exit() 또는 자원 제한)"),
    "incomplete": ("the check did not run to its end",
                   "확인 셀이 끝까지 실행되지 않았습니다"),
    "not_done": ("not done yet (NotImplementedError)", "아직 작성하지 않았습니다 (NotImplementedError)"),
    "not_run": ("not run: the kernel crashed too often", "커널이 너무 자주 종료되어 실행하지 못했습니다"),
    "internal": ("grader error: {detail}", "채점 도구 오류: {detail}"),
    "unknown_file": ("'{file}' matches no notebook of this assignment (expected {expected}): "
                     "rename it and hand it in again",
                     "'{file}'은(는) 이 과제의 어느 노트북과도 맞지 않습니다 ({expected} 중 하나여야 "
                     "합니다): 이름을 고쳐 다시 제출하세요"),
    "duplicate_file": ("'{file}' is another copy of {notebook}: '{chosen}' was graded instead",
                       "'{file}'은(는) {notebook}의 또 다른 사본입니다: 대신 '{chosen}'을(를) "
                       "채점했습니다"),
    "link_file": ("'{file}' is a symbolic link: not read, not graded",
                  "'{file}'은(는) 심볼릭 링크라서 읽지도 채점하지도 않았습니다"),
    "missing_notebook_files": ("notebook not submitted (files that match no notebook: {files})",
                               "노트북이 제출되지 않았습니다 (어느 노트북과도 맞지 않는 파일: {files})"),
}


def msg(key, **kw):
    en, ko = MESSAGES[key]
    return en.format(**kw) + " / " + ko.format(**kw)


class GradeSetupError(Exception):
    """Grading cannot run at all (exit code 2)."""


# --------------------------------------------------------------------------------------------
# Solutions


def load_solutions(solutions, only=None):
    """({notebook stem: [exercise dict, ...]} for every selected solution notebook with check
    cells, {stem of every notebook of the course}). ``solutions``: folder(s) and/or notebooks."""
    import nbformat

    paths = [solutions] if isinstance(solutions, (str, os.PathLike)) else list(solutions)
    try:
        files, known = grade_files.solution_files(paths, only)
    except FileNotFoundError as exc:
        raise GradeSetupError(f"solutions folder or notebook not found: {exc}") from exc
    result = {}
    for path in files:
        nb = nbformat.read(str(path), as_version=4)
        exercises = []
        for ex_id, (_, cell) in build.check_cells(nb).items():
            exercises.append({
                "id": ex_id,
                "points": cell.metadata.get("points", 1),
                "check_source": cell.source,
                "student_source": build.strip_hidden_tests(cell.source, f"{path.name}"),
            })
        if exercises:
            result[path.stem] = exercises
    if not result:
        what = " ".join(map(str, paths)) + (f" (--notebooks {','.join(only)})" if only else "")
        raise GradeSetupError(f"no solution notebook with check cells in {what}")
    return result, known


def checks_source():
    return (Path(__file__).parent / "checks.py").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Kernel-side code


def setup_code(src):
    return (
        "import sys as _mgc_sys, json as _mgc_json\n"
        "_mgc_m = type(_mgc_sys)('_mgc_snapshot')\n"
        f"exec(compile({src!r}, 'minigrad_course/checks.py', 'exec'), _mgc_m.__dict__)\n"
        "print(_mgc_json.dumps(_mgc_m._integrity_snapshot()))\n"
        "del _mgc_m, _mgc_sys, _mgc_json\n"
    )


def preamble(src, integrity, marker):
    return (
        "import sys as _mgc_sys\n"
        "_mgc_m = type(_mgc_sys)('minigrad_course.checks')\n"
        f"exec(compile({src!r}, 'minigrad_course/checks.py', 'exec'), _mgc_m.__dict__)\n"
        f"_mgc_m._GRADING = {{'integrity': {integrity!r}, 'marker': {marker!r}}}\n"
        "_mgc_m._verify_integrity(_mgc_m._GRADING['integrity'])\n"
        "_mgc_sys.modules['minigrad_course.checks'] = _mgc_m\n"
        "if 'minigrad_course' in _mgc_sys.modules:\n"
        "    _mgc_sys.modules['minigrad_course'].checks = _mgc_m\n"
        "globals().update({_n: getattr(_mgc_m, _n) for _n in _mgc_m.__all__})\n"
        "del _mgc_m, _mgc_sys\n"
    )


def _normal(source):
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


def _stream_text(cell, name="stdout"):
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == name)


def _first_error(cell):
    for o in cell.get("outputs", []):
        if o.get("output_type") == "error":
            return o.get("ename", "Error"), o.get("evalue", "")
    return None


def _one_line(text):
    text = " / ".join(part.strip() for part in str(text).strip().splitlines() if part.strip())
    return text if len(text) <= MESSAGE_LIMIT else text[:MESSAGE_LIMIT] + "..."


# --------------------------------------------------------------------------------------------
# Grading one notebook (runs in a worker process; never raises)


def _rows(exercises, status, message):
    return [{"exercise": e["id"], "points": 0, "max_points": e["points"], "status": status,
             "message": message} for e in exercises]


def grade_notebook(submission, exercises, timeout=60.0, src=None, limits=None):
    """Rows (without student/notebook) for one submitted notebook path (None = not submitted).
    ``limits``: a ``sandbox.Limits`` runs the kernel in the sandbox; None runs it unconfined."""
    try:
        return _grade_notebook(submission, exercises, timeout, src or checks_source(), limits)
    except Exception as exc:  # the grader's own failure must not stop the others
        return _rows(exercises, "error", msg("internal", detail=_one_line(repr(exc))))


def _grade_notebook(submission, exercises, timeout, src, limits):
    import nbformat

    if submission is None or not Path(submission).is_file():
        return _rows(exercises, "missing", msg("missing_notebook"))
    workdir = Path(tempfile.mkdtemp(prefix="minigrad-grade-"))
    try:
        copy = workdir / "submission.ipynb"
        shutil.copyfile(submission, copy)
        try:
            raw = json.loads(copy.read_text(encoding="utf-8"))
            nb = nbformat.from_dict(raw)
            if not isinstance(nb.get("cells"), list):
                raise ValueError("no list of cells")
            for cell in nb.cells:
                if not isinstance(cell.get("source", ""), (str, list)):
                    raise ValueError("a cell has no source")
                if isinstance(cell.get("source"), list):
                    cell.source = "".join(cell.source)
                cell.setdefault("metadata", {})
        except Exception as exc:
            return _rows(exercises, "error", msg("invalid", detail=_one_line(str(exc))[:120]))
        return _run(nb, exercises, timeout, src, workdir, limits)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _plan(nb, exercises):
    """Cells to execute: [(source, exercise id or None)], plus {id: (status, message)} fixed
    before running (edited / missing check cells)."""
    by_id = {e["id"]: e for e in exercises}
    by_source = {_normal(e["student_source"]): e["id"] for e in exercises}
    plan, located, verdicts = [], set(), {}
    for cell in nb.cells:
        if cell.get("cell_type") != "code":
            continue
        source = cell.source
        ex_id = cell.metadata.get("exercise")
        ex_id = str(ex_id) if ex_id is not None else by_source.get(_normal(source))
        if ex_id in by_id and ex_id not in located:
            located.add(ex_id)
            if _normal(source) != _normal(by_id[ex_id]["student_source"]):
                verdicts[ex_id] = ("fail", msg("edited"))
            plan.append((by_id[ex_id]["check_source"], ex_id))
        else:
            plan.append((source, None))
    for e in exercises:
        if e["id"] not in located:
            verdicts[e["id"]] = ("missing", msg("missing_check"))
    return plan, verdicts


def _run(nb, exercises, timeout, src, workdir, limits):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    plan, verdicts = _plan(nb, exercises)
    results = {}  # exercise id -> (status, message)
    cells = [nbformat.v4.new_code_cell(setup_code(src))]
    cells += [nbformat.v4.new_code_cell(source) for source, _ in plan]
    run_nb = nbformat.v4.new_notebook(cells=cells)
    extra = {}
    if limits is not None:
        extra["kernel_manager_class"] = sandbox.kernel_manager_class(workdir, limits)
    client = NotebookClient(
        run_nb, timeout=timeout, kernel_name="python3", allow_errors=True,
        interrupt_on_timeout=False, record_timing=False, shutdown_kernel="immediate",
        resources={"metadata": {"path": str(workdir)}}, startup_timeout=60, **extra,
    )
    pos, restarts, replay = 0, 0, []
    timed_out_before = False
    while pos < len(plan):
        if restarts > MAX_RESTARTS:
            for _, ex_id in plan[pos:]:
                if ex_id and ex_id not in results:
                    results[ex_id] = ("error", msg("not_run"))
            break
        with client.setup_kernel(cwd=str(workdir), stderr=subprocess.DEVNULL):
            setup = cells[0]
            setup.outputs = []
            client.execute_cell(setup, 0, store_history=False)
            integrity = json.loads(_stream_text(setup).strip().splitlines()[-1])
            for index in replay:  # state lost in a restart: rebuild it (results ignored)
                cells[index + 1].outputs = []
                client.execute_cell(cells[index + 1], index + 1)
            while pos < len(plan):
                source, ex_id = plan[pos]
                cell = cells[pos + 1]
                cell.outputs = []
                nonce = secrets.token_hex(16)
                marker = "[[minigrad-course-grader " + nonce + " {exercise}]]"
                if ex_id is not None:
                    cell.source = preamble(src, integrity, marker) + source
                try:
                    client.execute_cell(cell, pos + 1)
                except CellTimeoutError:
                    if ex_id is not None:
                        results[ex_id] = ("timeout", msg("timeout", timeout=timeout))
                    else:
                        timed_out_before = True
                    pos += 1
                    restarts += 1
                    break
                except DeadKernelError:
                    if ex_id is not None:
                        results[ex_id] = ("error", msg("died"))
                    pos += 1
                    restarts += 1
                    break
                if ex_id is not None:
                    results[ex_id] = _verdict(cell, ex_id, marker, timed_out_before, timeout)
                else:
                    replay.append(pos)
                pos += 1
    rows = []
    for e in exercises:
        status, message = verdicts.get(e["id"]) or results.get(e["id"]) or ("error", msg("not_run"))
        rows.append({"exercise": e["id"], "points": e["points"] if status == "pass" else 0,
                     "max_points": e["points"], "status": status, "message": message})
    return rows


def _verdict(cell, ex_id, marker, timed_out_before, timeout):
    error = _first_error(cell)
    if error is not None:
        ename, evalue = error
        if ename == "AssertionError":
            return "fail", _one_line(evalue)
        if ename == "NotImplementedError":
            return "fail", msg("not_done")
        if ename == "NameError" and timed_out_before:
            return "timeout", msg("timeout_before")
        return "error", _one_line(f"{ename}: {evalue}")
    if marker.format(exercise=ex_id) in _stream_text(cell):
        return "pass", ""
    return "fail", msg("incomplete")


# --------------------------------------------------------------------------------------------
# Whole run


def find_students(submissions):
    submissions = Path(submissions)
    if not submissions.is_dir():
        raise GradeSetupError(f"submissions folder not found: {submissions}")
    return sorted(p.name for p in submissions.iterdir()
                  if p.is_dir() and not p.name.startswith(".") and p.name not in JUNK_DIRS)


def _job(args):
    student, notebook, path, exercises, timeout, src, limits = args
    return student, notebook, grade_notebook(path, exercises, timeout, src, limits)


def _ignored_rows(student, ignored, notebooks):
    expected = ", ".join(n + ".ipynb" for n in notebooks)
    rows = []
    for rel, reason in ignored:
        if reason == "unknown":
            message = msg("unknown_file", file=rel.as_posix(), expected=expected)
        elif reason == "link":
            message = msg("link_file", file=rel.as_posix())
        else:
            _, notebook, chosen = reason.split(":", 2)
            message = msg("duplicate_file", file=rel.as_posix(), notebook=notebook, chosen=chosen)
        rows.append({"student": student, "notebook": rel.as_posix(), "exercise": "", "points": 0,
                     "max_points": 0, "status": gradebook.IGNORED, "message": message})
    return rows


def grade(submissions, out, solutions="solutions", jobs=None, timeout=60.0, feedback_dir=None,
          progress=True, echo=print, notebooks=None, sandboxed=True, limits=None, shard=None,
          excel=False):
    """Grade every student (or one shard of them); write the gradebook; return the rows.

    ``solutions``: folders and/or solution notebooks (a str or a list); ``notebooks``: only
    these (["03", "04_backward"]); ``sandboxed``: run kernels in bubblewrap (refuse if it cannot
    run); ``shard``: (K, N) grades the students whose name hashes to K (see ``merge``)."""
    submissions, out = Path(submissions), Path(out)
    solutions_map, known = load_solutions(solutions, notebooks)
    students = find_students(submissions)
    if shard is not None:
        students = [s for s in students if grade_files.shard_of(s, shard[1]) == shard[0]]
    _check_kernel()
    if sandboxed:
        try:
            sandbox.require()
        except sandbox.SandboxUnavailable as exc:
            raise GradeSetupError(str(exc)) from exc
        limits = limits or sandbox.Limits()
    else:
        limits = None
    src = checks_source()
    tasks, ignored_rows, unmatched = [], {}, {}
    for student in students:
        chosen, ignored = grade_files.match(submissions / student, list(solutions_map), known)
        ignored_rows[student] = _ignored_rows(student, ignored, list(solutions_map))
        # named in the message of a missing notebook: a misnamed file is easy to spot
        unmatched[student] = ", ".join(rel.as_posix() for rel, why in ignored if why == "unknown")
        for notebook, exercises in solutions_map.items():
            path = chosen[notebook]
            tasks.append((student, notebook, str(path) if path else None, exercises,
                          float(timeout), src, limits))
    out.parent.mkdir(parents=True, exist_ok=True)
    if not os.access(out.parent, os.W_OK):
        raise GradeSetupError(f"cannot write {out}")
    jobs = max(1, int(jobs or os.cpu_count() or 1))
    results = {}
    bar = _progress(len(tasks), progress)
    started = time.monotonic()
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        futures = {pool.submit(_job, t): t for t in tasks}
        for fut in cf.as_completed(futures):
            student, notebook, path, exercises = futures[fut][:4]
            try:
                _, _, rows = fut.result()
            except Exception as exc:  # a worker process lost: score what it held as errors
                rows = _rows(exercises, "error", msg("internal", detail=_one_line(repr(exc))))
            results[(student, notebook)] = rows
            if bar is not None:
                bar.set_postfix_str(f"{student}/{notebook}", refresh=False)
                bar.update(1)
    if bar is not None:
        bar.close()
    all_rows = []
    for student in students:
        for notebook in solutions_map:
            for row in results.get((student, notebook), []):
                if row["message"] == msg("missing_notebook") and unmatched[student]:
                    row = {**row, "message": msg("missing_notebook_files", files=unmatched[student])}
                all_rows.append({"student": student, "notebook": notebook, **row})
        all_rows += ignored_rows[student]
    feedback_dir = Path(feedback_dir) if feedback_dir else out.parent / "feedback"
    gradebook.write_all(all_rows, out, feedback_dir, students, list(solutions_map), bom=excel)
    if shard is not None:
        gradebook.write_manifest(out, shard[0], shard[1], students, list(solutions_map), excel)
    echo(summary_table(all_rows, students))
    where = f" (shard {shard[0]}/{shard[1]})" if shard else ""
    echo(f"graded {len(students)} student(s){where}, {len(tasks)} notebook(s) in "
         f"{time.monotonic() - started:.1f} s, "
         f"{'sandboxed' if limits else 'NOT sandboxed'} → {out}, "
         f"{gradebook.totals_path(out).name}, feedback in {feedback_dir}")
    return all_rows


def _check_kernel():
    try:
        from jupyter_client.kernelspec import KernelSpecManager

        KernelSpecManager().get_kernel_spec("python3")
    except Exception as exc:
        raise GradeSetupError(f"no python3 Jupyter kernel: {exc} (pip install ipykernel)") from exc


def _progress(total, enabled):
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(total=total, desc="grading · 채점", unit="nb", file=sys.stderr)
