"""Mutation test of the exercise checks: ``python -m tests.mutation.run`` (see ``runner.py``).

    python -m tests.mutation.run                     # every mutant of every exercise (minutes)
    python -m tests.mutation.run --exercise 03.1     # one exercise, survivors listed
    python -m tests.mutation.run --lesson 05 --json out.json --report out.md
    python -m tests.mutation.run --sample 4 --seed 0 # a seeded sample of 4 mutants per exercise
"""

import argparse
import collections
import json
import random
import sys
import time

from .runner import KILLED, all_exercises, prepare, run_mutant


def sample(items, per_exercise, seed):
    """``per_exercise`` mutants of one exercise, drawn with a fixed seed."""
    rng = random.Random(seed)
    return items if len(items) <= per_exercise else rng.sample(items, per_exercise)


def run(exercises, per_exercise=None, seed=0, timeout=None, progress=None):
    results = []
    for nn, exercise in exercises:
        ex = prepare(nn, exercise)
        chosen = ex.mutants()
        if per_exercise is not None:
            chosen = sample(chosen, per_exercise, f"{seed}-{exercise}")
        for region, mutant in chosen:
            results.append(run_mutant(ex, region, mutant, None if timeout is None else min(timeout, ex.time_limit())))
        if progress:
            progress(exercise, [r for r in results if r.exercise == exercise])
    return results


def counts(results):
    c = collections.Counter("killed" if r.status in KILLED else r.status for r in results)
    return len(results), c["killed"], c["equivalent"], c["survived"]


def errors(results):
    """How many of the killed mutants failed by an error or a timeout rather than a failed check."""
    return sum(r.status in ("crashed", "timeout") for r in results)


def table(results):
    by_exercise = collections.defaultdict(list)
    for r in results:
        by_exercise[r.exercise].append(r)
    lines = ["| exercise | mutants | killed (of which by an error or timeout) | survived, equivalent | survived, wrong |",
             "|---|---:|---:|---:|---:|"]
    for exercise in sorted(by_exercise):
        n, k, e, s = counts(by_exercise[exercise])
        lines.append(f"| {exercise} | {n} | {k} ({errors(by_exercise[exercise])}) | {e} | {s} |")
    lines += ["", "| lesson | mutants | killed | equivalent | survived, wrong | survival rate (wrong / non-equivalent) |",
              "|---|---:|---:|---:|---:|---:|"]
    by_lesson = collections.defaultdict(list)
    for r in results:
        by_lesson[r.exercise[:2]].append(r)
    for lesson in sorted(by_lesson) + ["all"]:
        rs = results if lesson == "all" else by_lesson[lesson]
        n, k, e, s = counts(rs)
        lines.append(f"| {lesson} | {n} | {k} | {e} | {s} | {100 * s / max(n - e, 1):.1f}% |")
    return "\n".join(lines)


def survivors(results, status="survived"):
    out = []
    for r in results:
        if r.status == status:
            code = r.source if len(r.source) < 400 else r.source[:400] + " ..."
            out.append(f"### {r.ident}: {r.description}\n{r.detail}\n```python\n{code}\n```")
    return "\n\n".join(out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lesson", action="append", help="NN (repeatable)")
    parser.add_argument("--exercise", action="append", help="NN.k (repeatable)")
    parser.add_argument("--sample", type=int, help="mutants per exercise (seeded)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, help="at most this many seconds per mutant "
                        "(default: ten times the solution's run, at least 3 s)")
    parser.add_argument("--json", help="write every result here")
    parser.add_argument("--report", help="write the tables and the surviving mutants here (markdown)")
    parser.add_argument("--equivalent", action="store_true", help="list the equivalent mutants too")
    parser.add_argument("--solutions", help="read the solution sources NN_*.py from this folder instead "
                        "(e.g. an older version, to compare figures)")
    args = parser.parse_args(argv)
    if args.solutions:
        from pathlib import Path
        from .runner import machinery
        machinery.SOURCES.clear()
        machinery.SOURCES.update({p.name[:2]: p for p in sorted(Path(args.solutions).glob("[0-9][0-9]_*.py"))})
        machinery._cells.cache_clear()
    exercises = [(nn, ex) for nn, ex in all_exercises()
                 if (not args.lesson or nn in args.lesson) and (not args.exercise or ex in args.exercise)]
    start = time.monotonic()

    def progress(exercise, rs):
        n, k, e, s = counts(rs)
        print(f"{exercise}: {n} mutants, {k} killed, {e} equivalent, {s} survived "
              f"({time.monotonic() - start:.0f} s)", file=sys.stderr, flush=True)

    results = run(exercises, args.sample, args.seed, args.timeout, progress)
    text = table(results) + "\n\n## Surviving wrong mutants\n\n" + (survivors(results) or "none")
    if args.equivalent:
        text += "\n\n## Equivalent mutants\n\n" + (survivors(results, "equivalent") or "none")
    print(text)
    if args.report:
        with open(args.report, "w") as f:
            f.write(text + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump([r.__dict__ | {"ident": r.ident} for r in results], f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
