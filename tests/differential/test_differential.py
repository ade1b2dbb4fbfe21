"""Differential test: a fixed sample of random programs and the whole learner-mistake corpus, run under
PyTorch and minigrad; the share of programs that agree on every observation must not fall below
``MIN_AGREEMENT`` (issue 10 asks for 0.95; the floors sit just under today's figures, so a regression fails).

Reproduce one failure with ``python -m tests.differential.run --seed N`` or ``--mistake NAME``;
``python -m tests.differential.run --programs 3000 --report out.md`` runs more and writes minimal repros.
"""
import pytest

torch = pytest.importorskip("torch")

import minigrad  # noqa: E402

from .run import agreement, mistake_programs, random_programs, table  # noqa: E402

RANDOM_PROGRAMS = 300  # seeds 0..299
# Measured on 2026-12-01: main 00475ae 48/300 random, 186/285 mistakes; after the engine rewrite 243/300, 279/285;
# session 3 (views, arithmetic, linalg, double backward) 298/300, 283/285 (3,000 programs: 99.0%; seeds 50000+: 99.3%).
MIN_AGREEMENT = {"random programs": 0.97, "learner mistakes": 0.98}


@pytest.fixture(scope="module")
def results():
    return {"random programs": random_programs(range(RANDOM_PROGRAMS), torch, minigrad),
            "learner mistakes": mistake_programs(torch, minigrad)}


@pytest.mark.parametrize("kind", sorted(MIN_AGREEMENT))
def test_agreement_with_pytorch(results, kind):
    print("\n" + table(kind, results[kind]))
    failing = [r.name for r in results[kind] if not r.agrees]
    print("failing:", ", ".join(failing[:40]), "..." if len(failing) > 40 else "")
    assert agreement(results[kind]) >= MIN_AGREEMENT[kind] - 1e-9


def test_an_identical_program_agrees_and_a_difference_is_caught():
    """The instrument itself: the same library on both sides agrees; a changed value is a disagreement."""
    from .compare import compare
    from .recorder import run_program, split_statements
    text = "x = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * x).sum()\ny.backward()\nshow(x.grad)\n"
    statements = split_statements(text)
    assert compare(run_program(text, torch), run_program(text, torch), statements) == []
    changed = text.replace("show(x.grad)", "show(x.grad * 1.01)")
    found = compare(run_program(text, torch), run_program(changed, torch), statements)
    assert [d.category for d in found] == ["wrong grad"]


def test_disagreements_are_classified():
    """Printed text, error type and error text are told apart; a NameError cascade is not counted twice."""
    import copy
    from .compare import compare
    from .recorder import run_program, split_statements
    text = "x = torch.tensor([1.0, 2.0])\nshow(x)\ny = x[5]\nshow(y)\n"
    statements = split_statements(text)
    expected = run_program(text, torch)
    printed, typed, worded = copy.deepcopy(expected), copy.deepcopy(expected), copy.deepcopy(expected)
    printed[0].fields["repr"] = "tensor([1.0000, 2.0000])"
    typed[1].fields["type"] = "ValueError"
    worded[1].fields["message"] = "index 5 is out of bounds for axis 0 with size 2"
    assert [d.category for d in compare(expected, printed, statements)] == ["repr"]
    assert [d.category for d in compare(expected, typed, statements)] == ["error type"]
    assert [d.category for d in compare(expected, worded, statements)] == ["error text"]
    cascade = run_program(text.replace("x[5]", "x[0]"), torch)  # y exists only on one side
    assert [d.category for d in compare(expected, cascade, statements)] == ["missing error"]
