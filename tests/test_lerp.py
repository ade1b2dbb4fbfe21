"""torch.lerp: values, nodes and gradients (central differences in float64, and PyTorch where installed)."""
import numpy as np
import pytest

import minigrad
from minigrad.autograd import gradcheck


def _inputs(lib=minigrad, seed=0):
    rng = np.random.default_rng(seed)
    start, end = rng.normal(size=(2, 3)), rng.normal(size=(3,))
    weight = rng.uniform(-0.2, 1.2, (2, 1))  # both of PyTorch's formulas, and weights outside [0, 1]
    return [lib.tensor(a, dtype=lib.float64, requires_grad=True) for a in (start, end, weight)]


def test_gradients_with_a_tensor_weight_match_central_differences():
    start, end, weight = _inputs()
    assert minigrad.lerp(start, end, weight).grad_fn.name() == "LerpBackward1"
    assert gradcheck(minigrad.lerp, (start, end, weight))

    def first_derivatives(s, e, w):  # differentiable again: the backward is written with tensor operations
        return sum(g.sum() for g in minigrad.autograd.grad(minigrad.lerp(s, e, w).pow(2).sum(), (s, e, w),
                                                            create_graph=True))
    assert gradcheck(first_derivatives, (start, end, weight))


@pytest.mark.parametrize("weight", [0.3, 0.7, 1.0, -0.5])
def test_gradients_with_a_number_weight_match_central_differences(weight):
    start, end, _ = _inputs()
    assert minigrad.lerp(start, end, weight).grad_fn.name() == "LerpBackward0"
    assert gradcheck(lambda s, e: s.lerp(e, weight), (start, end))


@pytest.mark.parametrize("weight", ["tensor", 0.3, 0.9])
def test_values_and_gradients_as_pytorch(weight):
    torch = pytest.importorskip("torch")
    results = []
    for lib in (minigrad, torch):
        start, end, w = _inputs(lib, seed=1)
        start32, end32 = start.detach().float().requires_grad_(), end.detach().float().requires_grad_()
        w = w.detach().float().requires_grad_() if weight == "tensor" else weight
        y = lib.lerp(start32, end32, w)
        y.backward(lib.ones_like(y))
        grads = [start32.grad, end32.grad] + ([w.grad] if weight == "tensor" else [])
        results.append([y.detach().numpy()] + [g.numpy() for g in grads])
    for ours, theirs in zip(*results):  # (PyTorch's CPU kernel fuses the multiply-add: the last bit may differ)
        np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=1e-7)
