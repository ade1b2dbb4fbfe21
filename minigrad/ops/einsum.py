"""Layer 3, ``torch.einsum``: products and sums named by letters (``"ij,jk->ik"`` is a matrix product).

Like PyTorch, einsum is not an operation of its own but a recipe of existing ones, so its gradient
(and its ``grad_fn``) comes from them:
  1. a letter repeated in one operand (``"ii"``) takes the diagonal: multiply by the identity, sum;
  2. each operand is permuted to one shared letter order and given size-1 dimensions for the letters
     it lacks, so that broadcasting lines them all up;
  3. the operands are multiplied, and the letters missing from the output are summed away.
(PyTorch's recipe contracts with ``bmm`` instead of multiply-and-sum, so the values agree but the
``grad_fn`` of a result can be named differently: ``SumBackward1`` where PyTorch shows ``ViewBackward0``.)
"""
import string

import numpy as np

from ..tensor import Tensor

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
    product = None
    for subscripts, operand in zip(inputs, operands):
        subscripts, operand = _take_diagonals(subscripts, operand)
        aligned = _align(subscripts, operand, order)
        product = aligned if product is None else product * aligned
    summed = tuple(range(len(output), len(order)))
    if summed:
        return product.sum(dim=summed)
    if any(product is operand for operand in operands):  # "ij->ij": a view, never the input itself
        return product.permute(*range(product.ndim))
    return product


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
    """``"ii"`` -> ``"i"``: keep only the entries where the repeated letter's coordinates agree."""
    while len(set(subscripts)) < len(subscripts):
        letter = next(c for c in subscripts if subscripts.count(c) > 1)
        first = subscripts.index(letter)
        second = subscripts.index(letter, first + 1)
        rest = [d for d in range(len(subscripts)) if d not in (first, second)]
        moved = operand.permute(*rest, first, second)  # the two dims last
        n = operand.shape[first]
        identity = Tensor._make(np.eye(n, dtype=operand._data.dtype))
        operand = (moved * identity).sum(dim=-1)  # x[..., a, b] * (a == b), summed over b
        subscripts = "".join(subscripts[d] for d in rest) + letter
    return subscripts, operand


def _align(subscripts, operand, order):
    """The operand with its dims in ``order``'s order, size 1 where it lacks a letter."""
    present = [letter for letter in order if letter in subscripts]
    permutation = [subscripts.index(letter) for letter in present]
    if permutation != list(range(len(permutation))):
        operand = operand.permute(*permutation)
    shape = [operand.shape[present.index(letter)] if letter in subscripts else 1 for letter in order]
    return operand.reshape(shape) if len(shape) != operand.ndim else operand
