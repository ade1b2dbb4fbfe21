"""clamp with tensor bounds: the bounds are inputs of the node (ClampBackward0) and get gradients."""
import numpy as np
import pytest

import minigrad
from minigrad.autograd import gradcheck


def _tensors(seed, lib=minigrad):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2, 2, (3, 4))
    low = rng.uniform(-1, 0.5, (3, 4))
    high = rng.uniform(-0.5, 1, (1, 4))  # broadcast, and below low in places
    return [lib.tensor(a, dtype=lib.float64, requires_grad=True) for a in (x, low, high)]


@pytest.mark.parametrize("bounds", ["both", "min", "max"])
def test_gradients_of_x_and_tensor_bounds_match_central_differences(bounds):
    x, low, high = _tensors(0)
    low = low if bounds != "max" else None
    high = high if bounds != "min" else None
    inputs = [t for t in (x, low, high) if t is not None]

    def f(*args):
        it = iter(args)
        a = next(it)
        return a.clamp(next(it) if low is not None else None, next(it) if high is not None else None)

    assert f(*inputs).grad_fn.name() == "ClampBackward0"
    assert gradcheck(f, tuple(inputs))


@pytest.mark.parametrize("bounds", ["both", "min", "max"])
def test_tensor_bounds_as_pytorch(bounds):
    torch = pytest.importorskip("torch")
    results = []
    for lib in (minigrad, torch):
        x, low, high = _tensors(1, lib)
        low = low if bounds != "max" else None
        high = high if bounds != "min" else None
        y = lib.clamp(x, low, high)
        y.backward(lib.ones_like(y))
        results.append([y.detach().numpy(), x.grad.numpy()] +
                       [t.grad.numpy() for t in (low, high) if t is not None] + [y.grad_fn.name()])
    for ours, theirs in zip(*results):
        if isinstance(ours, str):
            assert ours == theirs
        else:
            np.testing.assert_array_equal(ours, theirs)


def test_a_number_and_a_tensor_bound_together_are_refused():
    x = minigrad.zeros(2)
    with pytest.raises(TypeError):
        x.clamp(min=minigrad.zeros(2), max=1.0)
