"""Shrink a disagreeing program to the statements that matter.

Greedy, one statement at a time: cut everything after the disagreeing statement, then drop each other
statement in turn while the disagreement stays the same (same category at the same statement text, same
detail). The disagreement followed is the program's first one, or the first of a given category (to
isolate, say, a silent wrong gradient behind an earlier difference).
"""
from .compare import compare
from .recorder import run_program, split_statements


def _target(text, torch, minigrad, category):
    """(disagreement, statements) for the first disagreement (of ``category`` when given)."""
    statements = split_statements(text)
    found = compare(run_program(text, torch), run_program(text, minigrad), statements)
    found = [d for d in found if category in (None, d.category)]
    return (found[0], statements) if found else (None, statements)


def signature(text, torch, minigrad, category=None):
    """(category, statement text, detail) of the disagreement followed, or None if there is none."""
    first, statements = _target(text, torch, minigrad, category)
    return (first.category, statements[first.statement], first.detail) if first else None


def minimize(text, torch, minigrad, category=None, budget=60):
    """The shortest program found (within ``budget`` runs) that keeps ``text``'s disagreement."""
    first, statements = _target(text, torch, minigrad, category)
    if first is None:
        return text
    target = (first.category, statements[first.statement], first.detail)
    statements = statements[:first.statement + 1]
    i = len(statements) - 2
    while i >= 0 and budget > 0:
        trial = statements[:i] + statements[i + 1:]
        budget -= 1
        if signature("\n".join(trial) + "\n", torch, minigrad, category) == target:
            statements = trial
        i -= 1
    return "\n".join(statements) + "\n"
