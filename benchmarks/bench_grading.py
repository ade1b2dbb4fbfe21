"""Grading throughput: notebooks per minute per core, sandboxed and not.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_grading.py --students 2 --jobs 2

Builds a class of perfect students from solutions/ (each check cell as the student sees it, so
every cell runs and every check passes), grades it with and without the sandbox, and reports wall
time and the CPU seconds of the whole process tree (grader, workers, bubblewrap, kernels). CPU
seconds per notebook do not depend on what else the machine runs; wall time does. Not a test:
it takes minutes.
"""

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minigrad_course import build, grade  # noqa: E402


def perfect_student(solution_path):
    nb = nbformat.read(str(solution_path), as_version=4)
    for _, (_, cell) in build.check_cells(nb).items():
        cell.source = build.strip_hidden_tests(cell.source, solution_path.name)
    return nb


def make_class(folder, students, only):
    files, _ = grade.grade_files.solution_files([ROOT / "solutions"], only)
    for s in range(students):
        for path in files:
            target = folder / f"student{s:03d}" / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(perfect_student(path), str(target))
    return len(files)


class CpuMeter:
    """CPU seconds of this process and all its descendants.

    A cgroup-v1 cpuacct group (Linux, root) counts every descendant, also the kernels that
    bubblewrap's PID namespace reaps; elsewhere getrusage(RUSAGE_CHILDREN) counts only the
    processes that were waited for (it misses sandboxed kernels: compare modes only with the
    cgroup)."""

    def __init__(self):
        self.group = Path(f"/sys/fs/cgroup/cpuacct/bench-grading-{os.getpid()}")
        try:
            self.group.mkdir()
            (self.group / "cgroup.procs").write_text(str(os.getpid()))
            self.how = "cgroup cpuacct"
        except OSError:
            self.group = None
            self.how = "getrusage (misses sandboxed kernels)"

    def seconds(self):
        if self.group is not None:
            return int((self.group / "cpuacct.usage").read_text()) / 1e9
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    def close(self):
        if self.group is not None:
            (self.group.parent / "cgroup.procs").write_text(str(os.getpid()))
            try:
                self.group.rmdir()
            except OSError:
                pass


def run(meter, subs, out, jobs, sandboxed, only):
    cpu, wall = meter.seconds(), time.monotonic()
    rows = grade.grade(subs, out, solutions=[ROOT / "solutions"], jobs=jobs, timeout=600,
                       progress=False, echo=lambda *a: None, notebooks=only, sandboxed=sandboxed)
    wall, cpu = time.monotonic() - wall, meter.seconds() - cpu
    bad = [r for r in rows if r["status"] != "pass"]
    return wall, cpu, bad


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--students", type=int, default=2)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--notebooks", help="e.g. 03,04 (default: all)")
    p.add_argument("--modes", default="sandbox,no-sandbox")
    args = p.parse_args()
    only = args.notebooks.split(",") if args.notebooks else None
    tmp = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    meter = CpuMeter()
    try:
        per_student = make_class(tmp / "subs", args.students, only)
        n = per_student * args.students
        print(f"{args.students} student(s) x {per_student} notebook(s) = {n}, --jobs {args.jobs}, "
              f"CPU measured with {meter.how}")
        for mode in args.modes.split(","):
            wall, cpu, bad = run(meter, tmp / "subs", tmp / mode / "grades.csv", args.jobs,
                                 mode == "sandbox", only)
            per_core = n / (cpu / 60)
            hours = 200 * 13 / per_core / 60
            print(f"{mode:10}  wall {wall:7.1f} s  cpu {cpu:7.1f} s  "
                  f"{cpu / n:5.2f} cpu-s/notebook  {per_core:5.1f} notebooks/min/core  "
                  f"200x13: {hours:4.2f} core-hours  not passing: {len(bad)}")
            for r in bad[:5]:
                print("   ", r["student"], r["notebook"], r["exercise"], r["status"], r["message"][:150])
    finally:
        meter.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
