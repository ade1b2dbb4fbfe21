"""The ``minigrad-course`` command · 강의 도구 명령."""

import argparse
import sys
from pathlib import Path


def _cmd_doctor(args):
    from . import doctor

    return doctor.main()


def _cmd_notebooks(args):
    from . import build, notebooks

    root = Path(args.root) if args.root else notebooks.find_root()
    pairs = notebooks.source_pairs(root, args.names)
    if args.names and not pairs:
        print(f"no source under {root / 'course'} matches {' '.join(args.names)}", file=sys.stderr)
        return 1
    for src, target in pairs:
        print(f"{src.relative_to(root)} → {target.relative_to(root)}"
              + ("" if args.no_execute else " (executing)"), flush=True)
        try:
            notebooks.convert_and_execute(src, target, timeout=args.timeout,
                                          run=not args.no_execute)
        except Exception as exc:
            print(f"failed: {target.relative_to(root)}: {exc}", file=sys.stderr)
            return 1
    build.build(root, args.names)
    return 0


def _cmd_build(args):
    from . import build, notebooks

    root = Path(args.root) if args.root else notebooks.find_root()
    try:
        written = build.build(root, args.names)
    except build.BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    print(f"{len(written)} exercise notebook(s) up to date in {root / 'exercises'}")
    return 0


def _cmd_check(args):
    from . import check, notebooks

    root = Path(args.root) if args.root else notebooks.find_root()
    problems = check.check(args.paths, root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) · 문제 {len(problems)}개", file=sys.stderr)
        return 1
    count = len(check.collect(args.paths, root))
    print(f"{count} notebook(s) follow the conventions · 노트북 {count}개가 규칙을 지킵니다")
    return 0


def _cmd_grade(args):
    from . import grade, grade_files, sandbox

    try:
        shard = grade_files.parse_shard(args.shard) if args.shard else None
    except ValueError as exc:
        print(f"cannot grade: {exc}", file=sys.stderr)
        return 2
    limits = sandbox.Limits(memory_mb=args.memory_mb, processes=args.max_processes,
                            cpu_seconds=args.cpu_seconds, file_size_mb=args.file_size_mb)
    only = [n for part in (args.notebooks or []) for n in part.split(",") if n.strip()]
    try:
        grade.grade(args.submissions, args.out, solutions=args.solutions or ["solutions"],
                    jobs=args.jobs, timeout=args.timeout, feedback_dir=args.feedback,
                    progress=not args.no_progress, notebooks=only or None,
                    sandboxed=not args.no_sandbox, limits=limits, shard=shard, excel=args.excel)
    except grade.GradeSetupError as exc:
        print(f"cannot grade: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"cannot grade: {exc}", file=sys.stderr)
        return 2
    return 0


def _cmd_merge(args):
    from . import gradebook

    try:
        rows, students = gradebook.merge(args.csvs, args.out, args.feedback)
    except (gradebook.MergeError, OSError, ValueError, KeyError) as exc:
        print(f"cannot merge: {exc}", file=sys.stderr)
        return 2
    print(gradebook.summary_table(rows, students))
    print(f"merged {len(args.csvs)} shard(s), {len(students)} student(s) → {args.out}")
    return 0


def parser():
    p = argparse.ArgumentParser(prog="minigrad-course",
                                description="Tools for the minigrad course · minigrad 강의 도구")
    sub = p.add_subparsers(dest="command", required=True)

    d = sub.add_parser("doctor", help="check the environment and tell how to fix it")
    d.set_defaults(func=_cmd_doctor)

    n = sub.add_parser("notebooks", help="course/*/NN_topic.py → executed .ipynb, then build")
    n.add_argument("names", nargs="*", help="NN or NN_topic (default: all)")
    n.add_argument("--timeout", type=float, default=600, help="seconds per cell (default 600)")
    n.add_argument("--no-execute", action="store_true", help="convert only, do not execute")
    n.add_argument("--root", help="repository root (default: found from the current folder)")
    n.set_defaults(func=_cmd_notebooks)

    b = sub.add_parser("build", help="regenerate exercises/ from solutions/")
    b.add_argument("names", nargs="*", help="NN or NN_topic (default: all)")
    b.add_argument("--root")
    b.set_defaults(func=_cmd_build)

    c = sub.add_parser("check", help="lint notebooks against the course conventions")
    c.add_argument("paths", nargs="*", help="notebooks or folders (default: the whole course)")
    c.add_argument("--root")
    c.set_defaults(func=_cmd_check)

    g = sub.add_parser("grade", help="grade submitted exercise notebooks")
    g.add_argument("submissions", help="folder with one sub-folder per student")
    g.add_argument("--out", default="grades.csv", help="CSV gradebook (default grades.csv)")
    g.add_argument("--solutions", nargs="+", metavar="PATH",
                   help="solution folder(s) and/or notebook(s): what is graded, with hidden tests "
                        "and points (default solutions/)")
    g.add_argument("--notebooks", action="append", metavar="NN,...",
                   help="grade only these notebooks, e.g. 03,04 (only they count as missing)")
    g.add_argument("--jobs", type=int, default=None, help="notebooks graded in parallel")
    g.add_argument("--timeout", type=float, default=60, help="seconds per cell (default 60)")
    g.add_argument("--feedback", help="folder for per-student feedback (default: next to --out)")
    g.add_argument("--no-progress", action="store_true", help="no progress bar")
    g.add_argument("--no-sandbox", action="store_true",
                   help="run student code unconfined, with your rights (default: bubblewrap)")
    g.add_argument("--memory-mb", type=int, default=2048, help="memory per kernel (default 2048; 0 = no limit, as for the other limits)")
    g.add_argument("--max-processes", type=int, default=64,
                   help="processes and threads per kernel (default 64)")
    g.add_argument("--cpu-seconds", type=int, default=900,
                   help="CPU seconds per kernel (default 900)")
    g.add_argument("--file-size-mb", type=int, default=256,
                   help="largest file a kernel may write (default 256)")
    g.add_argument("--shard", metavar="K/N", help="grade only shard K of N (see merge)")
    g.add_argument("--excel", action="store_true",
                   help="write grades.csv with a UTF-8 byte-order mark too (the totals always have one)")
    g.set_defaults(func=_cmd_grade)

    m = sub.add_parser("merge", help="combine the CSVs of grade --shard runs into one gradebook")
    m.add_argument("csvs", nargs="+", help="the grades.csv of each shard")
    m.add_argument("--out", default="grades.csv", help="merged CSV gradebook (default grades.csv)")
    m.add_argument("--feedback", help="folder for feedback (default: next to --out)")
    m.set_defaults(func=_cmd_merge)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
