"""Shrink a disagreeing program to the statements that matter.

Greedy, one statement at a time: cut everything after the first disagreeing statement, then drop each
other statement in turn while the first disagreement stays the same (same category at the same
statement text, same detail).
"""
from .compare import compare
from .recorder import run_program, split_statements


def first_disagreement(text, torch, minigrad):
    statements = split_statements(text)
    found = compare(run_program(text, torch), run_program(text, minigrad), statements)
    return (found[0], statements) if found else (None, statements)


def signature(text, torch, minigrad):
    """(category, statement text, detail) of a program's first disagreement, or None if it agrees."""
    first, statements = first_disagreement(text, torch, minigrad)
    return (first.category, statements[first.statement], first.detail) if first else None


def minimize(text, torch, minigrad, budget=60):
    """The shortest program found (within ``budget`` runs) that keeps ``text``'s first disagreement."""
    first, statements = first_disagreement(text, torch, minigrad)
    if first is None:
        return text
    target = (first.category, statements[first.statement], first.detail)
    statements = statements[:first.statement + 1]
    i = len(statements) - 2
    while i >= 0 and budget > 0:
        trial = statements[:i] + statements[i + 1:]
        budget -= 1
        if signature("\n".join(trial) + "\n", torch, minigrad) == target:
            statements = trial
        i -= 1
    return "\n".join(statements) + "\n"
