"""Tensors passed where no gradient flows must not silently go without one: clamp's tensor bounds are inputs
of the node (ClampBackward0); a loss weight, or a NumpyFunction option, that requires grad is refused."""
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


@pytest.mark.parametrize("call", [
    lambda F, x, t, w: F.binary_cross_entropy(x, t, weight=w),
    lambda F, x, t, w: F.binary_cross_entropy_with_logits(x, t, weight=w),
    lambda F, x, t, w: F.binary_cross_entropy_with_logits(x, t, pos_weight=w),
])
def test_a_loss_weight_that_requires_grad_is_refused_not_silently_left_without_gradient(call):
    x = minigrad.tensor([[0.2, 0.7], [0.4, 0.9]], requires_grad=True)
    t = minigrad.tensor([[0.0, 1.0], [1.0, 0.0]])
    w = minigrad.tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(RuntimeError, match="is not differentiable with respect to argument"):
        call(minigrad.nn.functional, x, t, w)
    with minigrad.no_grad():
        call(minigrad.nn.functional, x, t, w)  # nothing recorded: nothing to refuse


def test_a_numpy_function_option_that_requires_grad_is_refused():
    from minigrad.autograd.function import NumpyFunction

    class Scale(NumpyFunction):
        @staticmethod
        def forward(ctx, x, factor=None):
            return x * factor

        @staticmethod
        def backward(ctx, grad):
            return grad

    x = minigrad.ones(2, requires_grad=True)
    factor = minigrad.tensor(3.0, requires_grad=True)
    with pytest.raises(RuntimeError, match="the derivative for 'factor' is not implemented"):
        Scale.apply(x, factor=factor)
    assert Scale.apply(x, factor=factor.detach()).tolist() == [3.0, 3.0]


def _one_sided_clamps(lib):
    x = lib.tensor([-1.0, 0.5, float("nan"), 2.0], requires_grad=True)
    low = x.clamp_min(0.5)
    observed = [lib.tensor([1, 2]).clamp_min(1.5).tolist(), lib.tensor([1, 2]).clamp_max(1.5).tolist(),
                low.grad_fn.name(), low.grad_fn._saved_self.tolist()]
    low.sum().backward()
    observed.append(x.grad.tolist())
    x.grad = None
    high = lib.clamp_max(x, 0.5)
    high.sum().backward()
    return [repr(v) for v in observed + [high.grad_fn.name(), x.grad.tolist()]]  # (repr: nan == nan)


def test_one_sided_clamps_as_pytorch():
    torch = pytest.importorskip("torch")
    assert _one_sided_clamps(minigrad) == _one_sided_clamps(torch)
