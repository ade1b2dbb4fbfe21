"""Realistic wrong answers to every exercise, kept as data.

``exNN.py`` holds ``WRONG = {"NN.k": [Wrong(...), ...]}`` for the exercises of ``course/solutions/NN_*.py``.
``tests/test_exercise_wrong_answers.py`` puts each wrong answer in place of the exercise's solution
region(s), runs the notebook's cells up to the exercise's check cell (hidden tests included, as the
grader runs them) and asserts that the check fails with an ``AssertionError`` whose message says,
in English and in Korean, what is wrong.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Wrong:
    """One wrong answer.

    ``code`` replaces the solution region of the exercise; an exercise with several regions takes a
    tuple, one entry per region in order, ``None`` keeping the solution's. Write it without the
    region's indentation. ``en`` and ``ko`` must both appear in the failure message: the words that
    tell the learner what is wrong (usually the hint).
    """

    mistake: str
    code: object
    en: str
    ko: str
