"""flip, roll, repeat, tile, repeat_interleave, index_select, index_add(_), cumprod, logsumexp: gradients
against central differences in float64 (once and, through the tensor-op backward, twice); values,
gradients, grad_fn names and error messages against PyTorch."""
import numpy as np
import pytest

import minigrad
from tests.errors_of import raised
from minigrad.autograd import gradcheck


MASK = np.array([[True, False, True, True], [False, False, True, False], [True, True, False, True]])


def leaf(*shape, seed=0, zeros=False):
    rng = np.random.default_rng(seed + 3 * sum(shape))
    values = rng.uniform(-2, 2, size=shape)
    if zeros:
        values.reshape(-1)[::4] = 0.0
    return minigrad.tensor(values, dtype=minigrad.float64, requires_grad=True)


def second_order(function):
    def gradients(*xs):
        out = function(*xs)
        weights = minigrad.tensor(np.linspace(-1, 1, out.numel()).reshape(tuple(out.shape)))
        # out * out: a linear op's gradient would not depend on x at all
        grads = minigrad.autograd.grad((out * out * weights).sum(), xs, create_graph=True, allow_unused=True)
        return minigrad.cat([g.reshape(-1) for g in grads if g is not None])
    return gradients


def idx(*values, lib=minigrad):
    return lib.tensor(list(values))


CASES = {
    "flip": (lambda lib: lambda x: x.flip(0, 2), [(2, 3, 4)]),
    "torch.flip": (lambda lib: lambda x: lib.flip(x, [1]), [(2, 3)]),
    "fliplr": (lambda lib: lambda x: lib.fliplr(x), [(2, 3)]),
    "roll": (lambda lib: lambda x: x.roll(1, 2), [(2, 3, 4)]),
    "roll two dims": (lambda lib: lambda x: x.roll((1, -2), (0, 1)), [(3, 4)]),
    "roll flat": (lambda lib: lambda x: x.roll(2), [(3, 4)]),
    "repeat": (lambda lib: lambda x: x.repeat(2, 1, 3), [(3, 2)]),
    "repeat same dims": (lambda lib: lambda x: x.repeat(2, 2), [(3, 2)]),
    "tile": (lambda lib: lambda x: lib.tile(x, (2,)), [(3, 2)]),
    "repeat_interleave int": (lambda lib: lambda x: x.repeat_interleave(2, dim=1), [(2, 3)]),
    "repeat_interleave flat": (lambda lib: lambda x: lib.repeat_interleave(x, 3), [(2, 2)]),
    "repeat_interleave tensor": (lambda lib: lambda x: x.repeat_interleave(idx(1, 0, 3, lib=lib), dim=0), [(3, 2)]),
    "index_select": (lambda lib: lambda x: x.index_select(1, idx(2, 0, 2, lib=lib)), [(2, 3, 2)]),
    "torch.index_select": (lambda lib: lambda x: lib.index_select(x, 0, idx(1, lib=lib)), [(3, 2)]),
    "index_add": (lambda lib: lambda x, s: x.index_add(0, idx(0, 2, 0, lib=lib), s, alpha=2), [(3, 2), (3, 2)]),
    "index_add_": (lambda lib: lambda x, s: (x * 1).index_add_(1, idx(1, 1, lib=lib), s), [(2, 3), (2, 2)]),
    "cumprod": (lambda lib: lambda x: x.cumprod(1), [(3, 4)]),
    "torch.cumprod": (lambda lib: lambda x: lib.cumprod(x, dim=0), [(5,)]),
    "logsumexp": (lambda lib: lambda x: x.logsumexp(1), [(3, 4)]),
    "logsumexp keepdim": (lambda lib: lambda x: lib.logsumexp(x, (0, 2), keepdim=True), [(2, 3, 2)]),
    "square": (lambda lib: lambda x: lib.square(x), [(3, 4)]),
    "clamp_min": (lambda lib: lambda x: x.clamp_min(0.3) * x, [(3, 4)]),
    "clamp_max": (lambda lib: lambda x: lib.clamp_max(x, -0.2) * x, [(3, 4)]),
    "trace": (lambda lib: lambda x: (x * x).trace(), [(3, 4)]),
    "masked_select": (lambda lib: lambda x: x.masked_select(lib.tensor(MASK)) * x.sum(), [(3, 4)]),
    "diff": (lambda lib: lambda x: lib.diff(x, dim=0), [(3, 4)]),
    "diff twice": (lambda lib: lambda x: x.diff(n=2), [(3, 4)]),
}


@pytest.mark.parametrize("name", CASES)
def test_gradients_match_central_differences(name):
    make, shapes = CASES[name]
    inputs = [leaf(*s, seed=i) for i, s in enumerate(shapes)]
    assert gradcheck(make(minigrad), inputs)
    assert gradcheck(second_order(make(minigrad)), [leaf(*s, seed=i) for i, s in enumerate(shapes)])


@pytest.mark.parametrize("shape, dim", [((6,), 0), ((3, 5), 1), ((4, 3), 0)])
def test_cumprod_gradient_with_zeros(shape, dim):
    x = leaf(*shape, zeros=True)
    assert (x == 0).any()
    assert gradcheck(lambda x: x.cumprod(dim), [x])
    assert gradcheck(second_order(lambda x: x.cumprod(dim)), [leaf(*shape, zeros=True)])


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_matches_pytorch(name, dtype):
    torch = pytest.importorskip("torch")
    make, shapes = CASES[name]
    rng = np.random.default_rng(1)
    arrays = [rng.uniform(-2, 2, size=s) for s in shapes]
    if "cumprod" in name:
        arrays[0].reshape(-1)[::3] = 0.0
    results = []
    for lib in (torch, minigrad):
        ts = [lib.tensor(a, dtype=getattr(lib, dtype), requires_grad=True) for a in arrays]
        out = make(lib)(*ts)
        (out * out).sum().backward()
        results.append(([out] + [t.grad for t in ts], type(out.grad_fn).__name__))
    (t_vals, t_name), (m_vals, m_name) = results
    tol = 1e-5 if dtype == "float32" else 1e-12
    for a, b in zip(t_vals, m_vals):
        assert tuple(a.shape) == tuple(b.shape) and str(a.dtype) == str(b.dtype)
        np.testing.assert_allclose(b.detach().numpy(), a.detach().numpy(), rtol=tol, atol=tol)
    assert m_name == t_name


@pytest.mark.parametrize("call", [
    lambda lib: lib.ones(2, 3).repeat(2),
    lambda lib: lib.ones(2, 3).roll((1, 2), 0),
    lambda lib: lib.ones(2, 3).flip(0, 0),
    lambda lib: lib.ones(2, 3).flip(2),
    lambda lib: lib.ones(2, 3).index_select(0, lib.tensor([2])),
    lambda lib: lib.ones(2, 3).index_select(0, lib.tensor([0.0])),
    lambda lib: lib.ones(2, 3).index_add(0, lib.tensor([0]), lib.ones(2, 3)),
    lambda lib: lib.ones(3).repeat_interleave(lib.tensor([1, 2])),
    lambda lib: lib.ones(2, 3).logsumexp(3),
], ids=["repeat dims", "roll align", "flip twice", "flip range", "index range", "index dtype", "index_add size",
        "interleave size", "logsumexp range"])
def test_errors_match_pytorch(call):
    torch = pytest.importorskip("torch")
    assert raised(lambda: call(minigrad)) == raised(lambda: call(torch))


def test_integer_and_plain_results_match_pytorch():
    torch = pytest.importorskip("torch")
    for call in (lambda lib: lib.repeat_interleave(lib.tensor([2, 0, 1])),
                 lambda lib: lib.tensor([[1, 2], [3, 4]]).cumprod(0),
                 lambda lib: lib.tensor([True, True, False]).cumprod(0),
                 lambda lib: lib.tensor([1, 2, 3]).logsumexp(0),
                 lambda lib: lib.tensor([float("-inf"), float("-inf")]).logsumexp(0),
                 lambda lib: lib.arange(6).reshape(2, 3).tile(2, 1, 1),
                 lambda lib: lib.arange(5).roll(-1)):
        assert repr(call(minigrad)) == repr(call(torch))


def test_unique_indices_meshgrid_and_logical_ops_match_pytorch():
    torch = pytest.importorskip("torch")
    calls = [lambda lib: lib.unique(lib.tensor([3, 1, 2, 3, 1])),
             lambda lib: lib.unique(lib.tensor([3.5, 1.0, 3.5]), return_inverse=True, return_counts=True),
             lambda lib: lib.tensor([[1, 2], [1, 2], [0, 5]]).unique(dim=0),
             lambda lib: lib.tril_indices(3, 4, -1), lambda lib: lib.triu_indices(4, 3, 1),
             lambda lib: lib.meshgrid(lib.arange(2), lib.arange(3), indexing="ij"),
             lambda lib: lib.meshgrid(lib.arange(2), lib.arange(3), lib.arange(2), indexing="xy"),
             lambda lib: lib.logical_and(lib.tensor([True, False, True]), lib.tensor([True, True, False])),
             lambda lib: lib.tensor([0, 2, 0]).logical_or(lib.tensor([0, 0, 1])),
             lambda lib: lib.logical_xor(lib.tensor([1.0, 0.0]), lib.tensor([1.0, 1.0])),
             lambda lib: lib.count_nonzero(lib.tensor([[0, 1, 3], [2, 0, 0]]), dim=1),
             lambda lib: lib.argwhere(lib.tensor([[0, 1], [2, 0]])),
             lambda lib: lib.isin(lib.tensor([1, 2, 3, 4]), lib.tensor([2, 4, 6]))]
    for call in calls:
        assert repr(call(minigrad)) == repr(call(torch))
    with pytest.warns(UserWarning, match="it will be required to pass the indexing argument"):
        minigrad.meshgrid(minigrad.arange(2), minigrad.arange(2))
