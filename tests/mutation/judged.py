"""Surviving mutants judged equivalent by hand: they differ from the solution, but in nothing the exercise
asks for. Keyed by exercise and the mutant's description (see ``python -m tests.mutation.run``); each with
the reason. Keep this list short and every reason checkable.
"""

JUDGED_EQUIVALENT = {
    ("07.2", "`return False` negated"):
        "__exit__ returns -False == 0: falsy, so the exception is not swallowed, as with False (the exercise "
        "says 'False (or None)')",
    ("07.2", "drop the statement `return False`"):
        "__exit__ returns None: falsy, as the exercise allows ('False (or None)')",
    ("10.1", "swap operands of `torch.rand(out_features, in_features) * (2 * bound) - bound`"):
        "bound - U(0, 2 bound) is U(-bound, bound) too: the same distribution the exercise asks for, other draws",
    ("10.4", "`return torch.where(d.abs() < delta, quadratic, linear).mean()` transposed"):
        "the transpose of a 0-d loss is the same number with the same gradient (only the grad_fn's name differs)",
}
