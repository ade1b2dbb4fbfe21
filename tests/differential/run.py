"""Run random programs and the learner-mistake corpus under PyTorch and minigrad; report by cause.

    python -m tests.differential.run --programs 3000 --report out.md
    python -m tests.differential.run --programs 300 --minigrad-path /work/wt-engine
    python -m tests.differential.run --seed 1234             # one program and all its disagreements
    python -m tests.differential.run --mistake "views/0-d zero_"

Every random program is named by its seed, every corpus program by its name, so a failure reproduces.
"""
import argparse
import collections
import re
import sys
import time
from dataclasses import dataclass, field

from .compare import CATEGORIES, compare, silent_wrong_grad
from .recorder import import_minigrad, run_program, split_statements


@dataclass
class Result:
    name: str
    text: str
    disagreements: list = field(default_factory=list)

    @property
    def agrees(self):
        return not self.disagreements

    @property
    def cause(self):
        return self.disagreements[0].category if self.disagreements else None


def check(name, text, torch, minigrad):
    statements = split_statements(text)
    found = compare(run_program(text, torch), run_program(text, minigrad), statements)
    return Result(name, text, found)


def random_programs(seeds, torch, minigrad):
    from .generator import generate
    return [check(f"seed {s}", generate(s, torch), torch, minigrad) for s in seeds]


def mistake_programs(torch, minigrad):
    from .corpus import mistakes
    return [check(name, text, torch, minigrad) for name, text in mistakes()]


def summary(results):
    """{category: (programs whose first disagreement it is, programs where it shows at all)}."""
    first = collections.Counter(r.cause for r in results if r.cause)
    anywhere = collections.Counter(c for r in results for c in {d.category for d in r.disagreements})
    return {c: (first[c], anywhere[c]) for c in CATEGORIES if anywhere[c]}


def agreement(results):
    return sum(r.agrees for r in results) / len(results) if results else 1.0


def table(title, results):
    silent = sum(bool(silent_wrong_grad(r.disagreements)) for r in results)
    lines = [f"{title}: {sum(r.agrees for r in results)}/{len(results)} agree ({agreement(results):.1%}); "
             f"silent wrong gradients in {silent}",
             "", "| cause (first disagreement) | programs | shows anywhere in |", "|---|---:|---:|"]
    for category, (first, anywhere) in summary(results).items():
        lines.append(f"| {category} | {first} | {anywhere} |")
    return "\n".join(lines)


_CALL = re.compile(r"(?:\.|\bF\.|\btorch\.)([a-z_][\w]*)\(|(\*\*|//|[-+*/%@]=?|\[)")
_SHOWN_NAME = re.compile(r"^show\((\w+)")


def _operations(statements, index):
    """The operations of the statement that made a shown value (``show(t4)`` looks up ``t4 = ...``)."""
    source = statements[index]
    shown = _SHOWN_NAME.match(source)
    if shown:
        for earlier in reversed(statements[:index]):
            if re.match(rf"^{shown.group(1)}\b[^=]*=[^=]", earlier):
                source = earlier
                break
    names = [a or b for a, b in _CALL.findall(source) if (a or b) not in ("tensor", "show", "[")]
    return " ".join(dict.fromkeys(names)) or "?"


def _cause_key(result):
    """Programs grouped by cause: category plus the gist of the first disagreement."""
    d = result.disagreements[0]
    if d.category in ("error type", "error text", "spurious error", "missing API"):
        gist = d.detail.split("  vs  ")[-1][:90]
    elif d.category == "missing error":
        gist = d.detail.split("  vs  ")[0][:90]
    elif d.category == "graph":
        gist = d.detail[:90]
    elif d.category == "dtype":
        gist = f"{d.detail} after {_operations(split_statements(result.text), d.statement)}"
    elif d.category in ("wrong value", "repr"):
        gist = f"after {_operations(split_statements(result.text), d.statement)}"
    else:
        gist = ""
    return d.category, gist


def report(sections, torch, minigrad, per_cause=1, max_causes=60):
    """Markdown: the tables, then failing programs grouped by cause with one minimal program each."""
    from .minimize import minimize
    out = ["# Differential test: minigrad vs PyTorch", ""]
    for title, results in sections:
        out += [table(title, results), ""]
    for title, results in sections:
        groups = collections.defaultdict(list)
        for r in results:
            if not r.agrees:
                groups[_cause_key(r)].append(r)
        out += [f"## {title}: failing programs by cause", ""]
        ranked = sorted(groups.items(), key=lambda kv: -len(kv[1]))
        shown = ranked[:max_causes]
        for category in CATEGORIES:  # the two largest causes of every category, even small ones
            shown += [kv for kv in ranked if kv[0][0] == category and kv not in shown][:max(
                0, 2 - sum(kv[0][0] == category for kv in shown))]
        for (category, gist), members in shown:
            names = ", ".join(m.name for m in members[:8]) + (" ..." if len(members) > 8 else "")
            out += [f"### {category} ({len(members)} programs): {gist}".rstrip(": "), "", f"Programs: {names}", ""]
            for m in members[:per_cause]:
                small = minimize(m.text, torch, minigrad)
                d = check(m.name, small, torch, minigrad).disagreements
                detail = d[0].detail if d else m.disagreements[0].detail
                out += ["```python", small.rstrip(), "```", f"PyTorch vs minigrad: `{detail}`", ""]
        if len(ranked) > len(shown):
            out += [f"({len(ranked) - len(shown)} more causes not listed)", ""]
        out += _silent_wrong_grads(title, results, torch, minigrad)
    return "\n".join(out)


def _silent_wrong_grads(title, results, torch, minigrad, limit=15):
    """Programs whose gradient differs with no error difference before it, each minimized to it."""
    from .minimize import minimize, signature
    anywhere = sum(any(d.category == "wrong grad" for d in r.disagreements) for r in results)
    members = [r for r in results if silent_wrong_grad(r.disagreements)]
    out = [f"## {title}: silent wrong gradients ({len(members)} programs; {anywhere} show a wrong "
           "gradient anywhere, the others after an error difference)", ""]
    seen = set()
    for m in members:
        small = minimize(m.text, torch, minigrad, category="wrong grad")
        found = signature(small, torch, minigrad, category="wrong grad")
        if small in seen or found is None:
            continue
        seen.add(small)
        out += [f"{m.name}:", "```python", small.rstrip(), "```", f"PyTorch vs minigrad: `{found[2]}`", ""]
        if len(seen) >= limit:
            break
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--programs", type=int, default=300, help="random programs to run (seeds start..)")
    parser.add_argument("--start", type=int, default=0, help="first seed")
    parser.add_argument("--no-mistakes", action="store_true", help="skip the learner-mistake corpus")
    parser.add_argument("--minigrad-path", help="import minigrad from this directory (another worktree)")
    parser.add_argument("--report", help="write a Markdown report with minimal failing programs here")
    parser.add_argument("--max-causes", type=int, default=60,
                        help="list at most this many causes in the report (0: all of them)")
    parser.add_argument("--seed", type=int, help="print one random program and its disagreements")
    parser.add_argument("--mistake", help="print one corpus program (by name) and its disagreements")
    args = parser.parse_args(argv)

    import torch
    minigrad = import_minigrad(args.minigrad_path)
    print(f"minigrad from {minigrad.__file__}", file=sys.stderr)

    if args.seed is not None or args.mistake:
        if args.seed is not None:
            from .generator import generate
            name, text = f"seed {args.seed}", generate(args.seed, torch)
        else:
            from .corpus import mistakes
            name, text = args.mistake, dict(mistakes())[args.mistake]
        result = check(name, text, torch, minigrad)
        statements = split_statements(text)
        print(text)
        for d in result.disagreements:
            print(f"[{d.category}] statement {d.statement}: {statements[d.statement]!r}\n    {d.detail}")
        print("agrees" if result.agrees else f"cause: {result.cause}")
        return 0

    start = time.time()
    sections = [("Random programs", random_programs(range(args.start, args.start + args.programs),
                                                     torch, minigrad))]
    if not args.no_mistakes:
        sections.append(("Learner mistakes", mistake_programs(torch, minigrad)))
    for title, results in sections:
        print(table(title, results), end="\n\n")
    print(f"({time.time() - start:.0f} s)")
    if args.report:
        with open(args.report, "w") as f:
            f.write(report(sections, torch, minigrad, max_causes=args.max_causes or 10**6))
        print(f"report written to {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
