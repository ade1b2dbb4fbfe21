"""Mutation test of the exercise checks, on a fixed seeded sample (the full run: ``python -m tests.mutation.run``).

Every mutant drawn (``PER_EXERCISE`` per exercise, seed ``SEED``) must be killed by its exercise's check
or be equivalent to the solution (see ``runner.py``), and every mutant in ``once_survived.py`` (the wrong
answers the checks of session 5 let through) must be killed. When this fails, the message names the mutant: make
the check catch that slip (better inputs, a targeted hint) rather than dropping it from the sample.
"""

import pytest

from .mutants import Mutant, mutants
from .once_survived import ONCE_SURVIVED
from .run import run, survivors
from .runner import all_exercises, prepare, run_mutant

PER_EXERCISE = 2
SEED = 0
LESSONS = sorted({nn for nn, _ in all_exercises()})


@pytest.mark.parametrize("lesson", LESSONS)
def test_sampled_mutants_are_killed_or_equivalent(lesson):
    results = run([(nn, ex) for nn, ex in all_exercises() if nn == lesson], PER_EXERCISE, SEED)
    assert results, f"no mutants for lesson {lesson}"
    assert not [r for r in results if r.status == "survived"], "\n" + survivors(results)


def test_every_exercise_with_code_has_mutants():
    from .runner import regions
    for nn, exercise in all_exercises():
        sources = [source for source, _ in regions(nn, exercise)]
        if sources:
            assert sum(len(mutants(s)) for s in sources) >= 1, exercise


def test_classifier_tells_the_solution_from_a_wrong_answer():
    """The solution's own text is judged equivalent; a plainly wrong body is killed."""
    ex = prepare("03", "03.3")
    same = run_mutant(ex, 0, Mutant(0, "the solution itself", "u = 3 * x + 1\nreturn 2 * u * 3"))
    assert same.status == "equivalent", same
    wrong = run_mutant(ex, 0, Mutant(1, "forgets du/dx", "u = 3 * x + 1\nreturn 2 * u"))
    assert wrong.status == "killed", wrong


def test_generator_makes_the_usual_slips():
    descriptions = [m.description for m in mutants("grad += a * b\nreturn x.detach().sum(dim=0, keepdim=True)")]
    assert "`grad += a * b` -> plain `=`" in descriptions
    assert "Mult -> Div in `a * b`" in descriptions
    assert any("drop `.detach()`" in d for d in descriptions)
    assert any("`dim=0` -> `dim=1`" in d for d in descriptions)
    assert any("drop `keepdim=`" in d for d in descriptions)


@pytest.mark.parametrize("lesson", sorted({ex[:2] for ex, _ in ONCE_SURVIVED}))
def test_mutants_that_once_survived_stay_killed(lesson):
    from .runner import KILLED
    wanted = [(ex, d) for ex, d in ONCE_SURVIVED if ex.startswith(lesson + ".")]
    results, missing = [], []
    for exercise in sorted({ex for ex, _ in wanted}):
        ex = prepare(lesson, exercise)
        chosen = [(r, m) for r, m in ex.mutants() if (exercise, m.description) in wanted]
        missing += [d for e, d in wanted if e == exercise and d not in {m.description for _, m in chosen}]
        results += [run_mutant(ex, r, m) for r, m in chosen]
    assert not missing, f"no such mutant any more (solution changed? update once_survived.py): {missing}"
    assert all(r.status in KILLED for r in results), "\n" + "\n".join(
        f"{r.ident}: {r.description}: {r.status} ({r.detail})" for r in results if r.status not in KILLED)
