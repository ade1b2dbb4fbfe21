"""Mutants that passed the exercise checks of main b5ab72a (session 6) and that the strengthened checks kill.

``test_mutation.py`` runs every one of them: a check that lets one through again has lost what was added.
Keyed by exercise and the mutant's description (as ``python -m tests.mutation.run`` prints it); every mutant
of the exercise with that description counts.
"""

ONCE_SURVIVED = [
    ('01.4', 'drop `dtype=` in `np.asarray(values, dtype=np.float32)`'),
    ('01.4', 'Gt -> GtE in `largest / smallest > 1000`'),
    ('01.4', 'Div -> Mult in `largest / smallest`'),
    ('01.4', '`largest / smallest` -> its left operand'),
    ('01.4', 'constant 1000 -> 1001'),
    ('01.4', 'constant 1000 -> 999'),
    ('01.4', 'Gt -> GtE in `largest > 100000000.0`'),
    ('01.4', 'constant 100000000.0 -> 99999999.0'),
    ('01.4', 'constant 100000000.0 -> 200000000.0'),
    ('01.4', 'constant 0.0001 -> -0.9999'),
    ('01.4', 'constant 0.0001 -> 0.0'),
    ('01.4', 'constant 0.0001 -> -0.0001'),
    ('02.1', '`return x * x` transposed'),
    ('02.1', 'drop the statement `x, = ctx.saved_tensors`'),
    ('02.1', '`return grad * 2 * x` transposed'),
    ('02.2', 'continue -> break'),
    ('02.4', '`return x * x * x` transposed'),
    ('02.4', 'drop the statement `x, = ctx.saved_tensors`'),
    ('02.4', '`return grad * 3 * x * x` transposed'),
    ('02.5', 'constant 1000 -> 999'),
    ('03.3', '`return 2 * u * 3` transposed'),
    ('03.3', '`return np.cos(x ** 2) * 2 * x` transposed'),
    ('03.4', '`return (1 - x) * np.exp(-x)` transposed'),
    ('05.1', 'drop the statement `a, b = ctx.saved_tensors`'),
    ('09.1', 'drop `dtype=` in `torch.tensor(x0, dtype=torch.float64, requires_grad=True)`'),
    ('09.2', 'drop `dtype=` in `torch.tensor(w_values, dtype=torch.float64, requires_grad...`'),
    ('09.4', 'drop `dtype=` in `torch.tensor(x0, dtype=torch.float64, requires_grad=True)`'),
    ('10.5', 'drop the `-` of `-2`'),
    ('10.5', 'constant 2 -> -2'),
    ('10.5', 'constant 2 -> 3'),
    ('11.2', 'Add -> Sub in `np.sqrt(v_hat) + eps`'),
    ('11.2', '`np.sqrt(v_hat) + eps` -> its left operand'),
    ('11.3', 'drop the statement `model.train()`'),
    ('11.3', 'constant 0.0 -> 1.0'),
    ('11.3', 'constant 0.0 -> -1.0'),
    ('12.4', '`return []` negated'),
    ('12.4', 'drop the statement `return []`'),
]
