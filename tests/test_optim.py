"""Optimizers: trajectories equal to PyTorch's over many steps, zero_grad, parameter groups, errors."""
import numpy as np
import pytest

import minigrad
import minigrad.nn as nn
import minigrad.optim as optim


def quadratic_trajectory(lib, opt_name, options, steps=100):
    """Minimise a fixed non-convex-ish function of two parameter tensors; return the values seen."""
    rng = np.random.default_rng(0)
    w0 = rng.standard_normal((3, 4)).astype(np.float32)
    b0 = rng.standard_normal(4).astype(np.float32)
    x = lib.tensor(rng.standard_normal((5, 3)).astype(np.float32))
    w = lib.tensor(w0, requires_grad=True)
    b = lib.tensor(b0, requires_grad=True)
    opt = getattr(lib.optim, opt_name)([w, b], **options)
    seen = []
    for _ in range(steps):
        opt.zero_grad()
        loss = ((x @ w + b).tanh() ** 2).sum() + (w * w * w).sum() * 0.01
        loss.backward()
        opt.step()
        seen.append(np.concatenate([w.detach().numpy().ravel(), b.detach().numpy().ravel()]))
    return np.array(seen)


@pytest.mark.parametrize("opt_name,options", [
    ("SGD", dict(lr=0.05)),
    ("SGD", dict(lr=0.05, momentum=0.9)),
    ("SGD", dict(lr=0.05, momentum=0.9, dampening=0.3)),
    ("SGD", dict(lr=0.05, momentum=0.9, nesterov=True)),
    ("SGD", dict(lr=0.05, momentum=0.5, weight_decay=0.1)),
    ("SGD", dict(lr=0.05, maximize=True)),
    ("Adam", dict(lr=0.01)),
    ("Adam", dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.05)),
    ("Adam", dict(lr=0.01, amsgrad=True)),
    ("AdamW", dict(lr=0.01)),
])
def test_trajectory_equals_torch(opt_name, options):
    torch = pytest.importorskip("torch")
    import torch.optim  # noqa: F401
    ours = quadratic_trajectory(minigrad, opt_name, options)
    theirs = quadratic_trajectory(torch, opt_name, options)
    np.testing.assert_allclose(ours, theirs, rtol=1e-4, atol=1e-5)


def test_sgd_rule_by_hand():
    """PyTorch's momentum rule: b = mu*b + g; p -= lr*b (the buffer starts as the first gradient)."""
    p = minigrad.tensor([1.0], requires_grad=True)
    opt = optim.SGD([p], lr=0.1, momentum=0.9)
    values = []
    for _ in range(3):
        opt.zero_grad()
        (p * 2).sum().backward()  # gradient 2 every step
        opt.step()
        values.append(p.item())
    # buffers 2, 3.8, 5.42 -> p = 1 - 0.2, - 0.38, - 0.542
    np.testing.assert_allclose(values, [0.8, 0.42, -0.122], rtol=1e-6)


def test_zero_grad_sets_none_by_default():
    p = minigrad.ones(3, requires_grad=True)
    opt = optim.SGD([p], lr=0.1)
    p.sum().backward()
    opt.zero_grad(set_to_none=False)
    np.testing.assert_array_equal(p.grad._data, np.zeros(3))
    opt.zero_grad()
    assert p.grad is None
    opt.step()  # parameters without a gradient are skipped
    np.testing.assert_array_equal(p._data, np.ones(3))


def test_step_updates_in_place_outside_the_graph():
    layer = nn.Linear(3, 2)
    weight_array = layer.weight._data
    opt = optim.Adam(layer.parameters(), lr=0.1)
    layer(minigrad.randn(4, 3)).sum().backward()
    opt.step()
    assert layer.weight._data is weight_array  # same array, changed in place
    assert layer.weight.is_leaf and layer.weight.grad_fn is None


def test_parameter_groups_and_state_dict():
    a, b = minigrad.ones(2, requires_grad=True), minigrad.ones(2, requires_grad=True)
    opt = optim.SGD([{"params": [a]}, {"params": [b], "lr": 1.0}], lr=0.1, momentum=0.9)
    (a.sum() + b.sum()).backward()
    opt.step()
    np.testing.assert_allclose(a._data, [0.9, 0.9]), np.testing.assert_allclose(b._data, [0.0, 0.0])
    state = opt.state_dict()
    assert state["param_groups"][1]["lr"] == 1.0 and state["param_groups"][1]["params"] == [1]
    other = optim.SGD([{"params": [a]}, {"params": [b]}], lr=0.5, momentum=0.9)
    other.load_state_dict(state)
    assert other.param_groups[1]["lr"] == 1.0
    np.testing.assert_array_equal(other.state[b]["momentum_buffer"], opt.state[b]["momentum_buffer"])


def test_repr_matches_torch():
    torch = pytest.importorskip("torch")
    for name, options in [("SGD", dict(lr=0.1, momentum=0.9)), ("Adam", {})]:
        mine = getattr(optim, name)([minigrad.zeros(2, requires_grad=True)], **options)
        theirs = getattr(torch.optim, name)([torch.zeros(2, requires_grad=True)], **options)
        assert repr(mine) == repr(theirs)


@pytest.mark.parametrize("case", [
    lambda m: m.optim.SGD([]),
    lambda m: m.optim.Adam([]),
    lambda m: m.optim.SGD(m.zeros(2, requires_grad=True), lr=0.1),
    lambda m: m.optim.SGD([m.zeros(2, requires_grad=True)], lr=-1),
    lambda m: m.optim.SGD([m.zeros(2, requires_grad=True)], lr=0.1, momentum=-1),
    lambda m: m.optim.SGD([m.zeros(2, requires_grad=True)], lr=0.1, weight_decay=-1),
    lambda m: m.optim.SGD([m.zeros(2, requires_grad=True)], lr=0.1, nesterov=True),
    lambda m: m.optim.Adam([m.zeros(2, requires_grad=True)], betas=(1.0, 0.9)),
    lambda m: m.optim.Adam([m.zeros(2, requires_grad=True)], eps=-1),
    lambda m: m.optim.SGD([m.zeros(2, requires_grad=True) * 2], lr=0.1),
])
def test_errors_match_torch(case):
    torch = pytest.importorskip("torch")
    import torch.optim  # noqa: F401
    with pytest.raises(Exception) as theirs:
        case(torch)
    with pytest.raises(Exception) as mine:
        case(minigrad)
    assert type(mine.value) is type(theirs.value)
    assert str(mine.value) == str(theirs.value)


def test_empty_parameter_list_message():
    with pytest.raises(ValueError, match="optimizer got an empty parameter list"):
        optim.SGD([], lr=0.1)


def test_diverging_sgd_is_silent_like_pytorch():
    """inf and nan from a diverging step raise no NumPy RuntimeWarning (PyTorch prints nothing)."""
    import warnings

    x = minigrad.tensor([2.0], requires_grad=True)
    opt = minigrad.optim.SGD([x], lr=3.0, momentum=0.9)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for _ in range(200):
            opt.zero_grad()
            (x * x).sum().backward()
            opt.step()
    assert not np.isfinite(x.detach().numpy()).all()  # it did diverge
