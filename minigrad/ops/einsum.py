"""Layer 3, ``torch.einsum``: products and sums named by letters (``"ij,jk->ik"`` is a matrix product).

Like PyTorch, einsum is not an operation of its own but a recipe of existing ones, so its gradient
(and its ``grad_fn``) comes from them. PyTorch's recipe, step by step:
  1. each operand gets size-1 dimensions for the letters it lacks (``unsqueeze``) and is permuted to one
     shared letter order: the output's letters, then the summed ones (``permute``, even if nothing moves);
     a letter repeated in one operand (``"ii"``) first takes the diagonal (``Diagonal``, then ``permute``);
  2. a summed letter that only one operand has is summed away in it at once (``sum``, keeping the dim);
  3. the operands are combined left to right: multiplied if no letter is summed between them, else
     contracted with a batched matrix product (``_contract``: ``permute``, ``reshape``, ``bmm``, ``view``,
     ``permute``);
  4. the summed dims, size 1 by now, are dropped (``view``).
"""
import string

import numpy as np

from .linalg import bmm

_ELLIPSIS_LETTERS = string.ascii_uppercase[::-1]  # stand-ins for "..." dims (never in a user equation)


def einsum(equation, *operands):
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    inputs, output = _parse(equation.replace(" ", ""), operands)
    sizes = _letter_sizes(inputs, operands)
    for letter in output:
        if letter not in sizes:
            raise RuntimeError(f"einsum(): output subscript {letter} does not appear in the equation for any "
                               "input operand")
    order = list(output) + sorted({letter for s in inputs for letter in s} - set(output))
    ops = [_align(*_take_diagonals(subscripts, operand), order) for subscripts, operand in zip(inputs, operands)]
    summed = range(len(output), len(order))
    if len(ops) == 1:
        return ops[0].sum(dim=tuple(summed)) if summed else ops[0]
    has = [[op.shape[d] != 1 for d in range(len(order))] for op in ops]
    for i, op in enumerate(ops):  # 2. summed letters only this operand has
        alone = tuple(d for d in summed if has[i][d] and sum(h[d] for h in has) == 1)
        if alone:
            ops[i] = op.sum(dim=alone, keepdim=True)
    last = {d: max([i for i, h in enumerate(has) if h[d]], default=0) for d in summed}
    result = ops[0]
    for i, op in enumerate(ops[1:], 1):  # 3. left to right: a letter is summed with the last operand having it
        dims = [d for d in summed if last[d] == i and result.shape[d] != 1 and op.shape[d] != 1]
        result = _contract(result, op, dims) if dims else result * op
    return result.view(tuple(result.shape[:len(output)])) if summed else result  # 4.


def _contract(a, b, summed):
    """``(a * b).sum(summed, keepdim=True)`` as one batched matrix product: the dims both have are the
    batch, ``a``'s own dims the rows, ``b``'s own dims the columns, the summed dims the inner one."""
    both = [d for d in range(a.ndim) if d not in summed and a.shape[d] != 1 and b.shape[d] != 1]
    left = [d for d in range(a.ndim) if d not in summed and a.shape[d] != 1 and b.shape[d] == 1]
    right = [d for d in range(a.ndim) if d not in summed + both + left]
    if left and right and max(right) < min(left):  # PyTorch then takes b as the left operand (found by trying)
        return _contract(b, a, summed)

    def size(t, dims):
        return int(np.prod([t.shape[d] for d in dims]))
    rows = a.permute(*both, *left, *summed, *right).reshape(size(a, both), size(a, left), size(a, summed))
    columns = b.permute(*both, *summed, *right, *left).reshape(size(a, both), size(b, summed), size(b, right))
    out = [a.shape[d] for d in both + left] + [1] * len(summed) + [b.shape[d] for d in right]
    placed = both + left + summed + right
    return bmm(rows, columns).view(tuple(out)).permute(*[placed.index(d) for d in range(a.ndim)])


def _parse(equation, operands):
    """Subscripts per operand and for the output, with "..." spelt out as one letter per dimension."""
    left, arrow, right = equation.partition("->")
    terms = left.split(",")
    if len(terms) != len(operands):
        raise ValueError("einsum(): more operands were provided than specified in the equation"
                         if len(operands) > len(terms) else
                         "einsum(): fewer operands were provided than specified in the equation")
    ellipsis_dims = 0
    inputs = []
    for position, (term, operand) in enumerate(zip(terms, operands)):
        named = len(term.replace("...", ""))
        if "..." in term:
            spelt = _ELLIPSIS_LETTERS[:operand.ndim - named][::-1]
            ellipsis_dims = max(ellipsis_dims, len(spelt))
            term = term.replace("...", spelt)
        elif named != operand.ndim:
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({named}) does not match the "
                               f"number of dimensions ({operand.ndim}) for operand {position} and no ellipsis "
                               "was given")
        inputs.append(term)
    broadcast = _ELLIPSIS_LETTERS[:ellipsis_dims][::-1]
    if arrow:
        return inputs, right.replace("...", broadcast)
    # Implicit output: the "..." dims, then the letters used once, in alphabetical order.
    counts = {}
    for term in terms:
        for letter in term.replace("...", ""):
            counts[letter] = counts.get(letter, 0) + 1
    return inputs, broadcast + "".join(sorted(letter for letter, n in counts.items() if n == 1))


def _letter_sizes(inputs, operands):
    sizes = {}
    for position, (subscripts, operand) in enumerate(zip(inputs, operands)):
        for letter, size in zip(subscripts, operand.shape):
            seen = sizes.get(letter, 1)
            if size != seen and seen != 1 and size != 1:
                raise RuntimeError(f"einsum(): subscript {letter} has size {size} for operand {position} which "
                                   f"does not broadcast with previously seen size {seen}")
            sizes[letter] = max(seen, size)
    return sizes


def _take_diagonals(subscripts, operand):
    """``"ii"`` -> ``"i"``: a repeated letter takes the diagonal, which stays where the letter first was."""
    from .shape import Diagonal
    kept = ""
    for letter in subscripts:
        if letter in kept:
            dim = kept.index(letter)
            diagonal = Diagonal.apply(operand, dim1=dim, dim2=len(kept))
            last = diagonal.ndim - 1  # PyTorch's movedim(-1, dim): a permute
            operand = diagonal.permute(tuple(range(dim)) + (last,) + tuple(range(dim, last)))
        else:
            kept += letter
    return kept, operand


def _align(subscripts, operand, order):
    """The operand with a size-1 dim for each letter it lacks, permuted to ``order``'s order."""
    permutation = []
    for letter in order:
        if letter in subscripts:
            permutation.append(subscripts.index(letter))
        else:
            operand = operand.unsqueeze(-1)
            permutation.append(operand.ndim - 1)
    return operand.permute(tuple(permutation))  # (a 0-d operand: permute(()))
