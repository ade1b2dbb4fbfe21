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
    from . import grade

    try:
        grade.grade(args.submissions, args.out, solutions=args.solutions, jobs=args.jobs,
                    timeout=args.timeout, feedback_dir=args.feedback,
                    progress=not args.no_progress)
    except grade.GradeSetupError as exc:
        print(f"cannot grade: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"cannot grade: {exc}", file=sys.stderr)
        return 2
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
    g.add_argument("--solutions", default="solutions",
                   help="solution notebooks: hidden tests and points (default solutions/)")
    g.add_argument("--jobs", type=int, default=None, help="notebooks graded in parallel")
    g.add_argument("--timeout", type=float, default=60, help="seconds per cell (default 60)")
    g.add_argument("--feedback", help="folder for per-student feedback (default: next to --out)")
    g.add_argument("--no-progress", action="store_true", help="no progress bar")
    g.set_defaults(func=_cmd_grade)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
