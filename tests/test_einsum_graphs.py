"""einsum records PyTorch's recipe (permute, unsqueeze, sum, bmm, view, diagonal): the same graph node by node,
the same values and gradients; its gradients (also second ones, through Diagonal) match central differences."""
import pytest

import minigrad
import numpy as np

from minigrad.autograd import gradcheck
from tests.test_torch_semantics import assert_same_as_pytorch

GRAPH = '''
def graph(t):
    out, seen = [], set()
    def walk(node, depth):
        if node is None or id(node) in seen:
            return
        seen.add(id(node))
        out.append((depth, node.name()))
        for child, _ in node.next_functions:
            walk(child, depth + 1)
    walk(t.grad_fn, 0)
    return out
'''

EQUATIONS = [
    ("ij,jk->ik", [(2, 3), (3, 4)]), ("ij,jk", [(2, 3), (3, 4)]), ("i,i->", [(3,), (3,)]), ("i,j->ij", [(3,), (2,)]),
    ("bij,bjk->bik", [(5, 2, 3), (5, 3, 4)]), ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 5)]), ("ij->j", [(2, 3)]),
    ("ijk,ik->j", [(2, 3, 4), (2, 4)]), ("ij,k->k", [(2, 3), (4,)]), ("ij,kj->k", [(2, 3), (4, 3)]),
    ("i,j,k->", [(2,), (3,), (4,)]), ("ij,jk->", [(2, 3), (3, 4)]), ("ij,j->i", [(2, 3), (3,)]),
    ("ij->ji", [(2, 3)]), ("ij,ij->ij", [(2, 3), (2, 3)]), ("ij,jk->ik", [(2, 0), (0, 3)]), ("->", [()]),
    ("...ij,...jk->...ik", [(2, 2, 3), (2, 3, 4)]), ("bhqd,bhkd->bhqk", [(2, 3, 4, 5), (2, 3, 6, 5)]),
    ("ik,kj->ji", [(2, 3), (3, 4)]), ("abc,cd,de->abe", [(2, 3, 4), (4, 5), (5, 2)]), ("ki,jk->ji", [(3, 2), (4, 3)]),
    ("acx,bdx->bdac", [(2, 3, 5), (4, 6, 5)]), ("acx,bdx->badc", [(2, 3, 5), (4, 6, 5)]),
    ("ax,bx->ba", [(2, 5), (1, 5)]), ("ij,i->j", [(1, 3), (2,)]), ("ii->i", [(3, 3)]), ("ii", [(3, 3)]),
    ("iij->j", [(2, 2, 3)]), ("iji->ij", [(3, 2, 3)]),
]


@pytest.mark.parametrize("equation, shapes", EQUATIONS)
def test_same_graph_values_and_gradients_as_pytorch(equation, shapes):
    assert_same_as_pytorch(GRAPH + "xs = [(torch.arange(float(torch.Size(s).numel())) * 0.5 - 1).reshape(s)"
                           f".requires_grad_() for s in {shapes!r}]\n"
                           f"y = torch.einsum({equation!r}, *xs); y.sum().backward()\n"
                           "out = (graph(y), y, [x.grad for x in xs])")


@pytest.mark.parametrize("equation, shapes", [("ij,jk->ik", [(2, 3), (3, 4)]), ("ii->i", [(3, 3)]),
                                              ("iij,jk->ik", [(2, 2, 3), (3, 2)]), ("ki,jk->ji", [(3, 2), (4, 3)])])
def test_first_and_second_derivatives_match_central_differences(equation, shapes):
    rng = np.random.default_rng(0)
    xs = [minigrad.tensor(rng.standard_normal(s), requires_grad=True) for s in shapes]

    def f(*xs):
        return minigrad.einsum(equation, *xs) ** 2

    def gradients(*xs):  # its Jacobian is the Hessian: second derivatives
        return minigrad.cat([g.reshape(-1) for g in minigrad.autograd.grad(f(*xs).sum(), xs, create_graph=True)])
    assert gradcheck(f, xs)
    assert gradcheck(gradients, xs)
