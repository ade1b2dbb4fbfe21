"""torch.autograd.functional (jacobian, hessian, vjp, jvp, vhp, hvp) against PyTorch, and the
Jacobian against central differences in float64."""
import numpy as np
import pytest

import minigrad
from minigrad.autograd import functional as AF


def _cases(lib):
    x = lib.tensor([[0.3, -1.2], [0.7, 2.0]], dtype=lib.float64)
    y = lib.tensor([1.5, -0.5], dtype=lib.float64)
    F = lib.autograd.functional
    cube = lambda a: a.pow(3).sum()
    mixed = lambda a, b: (a.exp() * b).sum(dim=0)
    two_out = lambda a, b: (a.sum(1) * b, (a * a).sum())
    return {
        "jacobian": lambda: F.jacobian(lambda a: a.exp().sum(dim=1), x),
        "jacobian tuple in": lambda: F.jacobian(mixed, (x, y)),
        "jacobian tuple out": lambda: F.jacobian(two_out, (x, y)),
        "jacobian unused input": lambda: F.jacobian(lambda a, b: a * 2, (y, x)),
        "jacobian create_graph": lambda: F.jacobian(lambda a: a * a, y, create_graph=True).requires_grad,
        "hessian": lambda: F.hessian(cube, y),
        "hessian tuple": lambda: F.hessian(lambda a, b: (a * b).sum() + a.pow(2).sum(), (y, y * 2)),
        "vjp": lambda: F.vjp(lambda a: a.exp().sum(dim=1), x, lib.ones(2, dtype=lib.float64)),
        "vjp scalar": lambda: F.vjp(cube, y),
        "jvp": lambda: F.jvp(lambda a: a.exp().sum(dim=1), x, lib.ones(2, 2, dtype=lib.float64)),
        "jvp tuple": lambda: F.jvp(mixed, (x, y), (lib.ones(2, 2, dtype=lib.float64), y)),
        "vhp": lambda: F.vhp(cube, y, lib.ones(2, dtype=lib.float64)),
        "hvp": lambda: F.hvp(cube, y, y),
    }


def _flat(value):
    if isinstance(value, (tuple, list)):
        return [v for item in value for v in _flat(item)]
    return [value.tolist() if hasattr(value, "tolist") else value]


@pytest.mark.parametrize("name", list(_cases(minigrad)))
def test_matches_pytorch(name):
    torch = pytest.importorskip("torch")
    ours, theirs = _flat(_cases(minigrad)[name]()), _flat(_cases(torch)[name]())
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12)


def test_jacobian_matches_central_differences():
    def f(a):
        return minigrad.stack([a[0] * a[1], a[1].sin(), a.exp().sum()])
    x = np.array([0.4, -1.1])
    numeric = np.zeros((3, 2))
    for j in range(2):
        step = np.zeros(2)
        step[j] = 1e-6
        plus = f(minigrad.tensor(x + step, dtype=minigrad.float64))._data
        minus = f(minigrad.tensor(x - step, dtype=minigrad.float64))._data
        numeric[:, j] = (plus - minus) / 2e-6
    analytic = AF.jacobian(f, minigrad.tensor(x, dtype=minigrad.float64))
    np.testing.assert_allclose(analytic.numpy(), numeric, rtol=1e-7, atol=1e-8)
    assert not analytic.requires_grad


def test_inputs_left_alone():
    x = minigrad.tensor([1.0, 2.0], requires_grad=True)
    AF.jacobian(lambda a: a * 3, x)
    assert x.grad is None
