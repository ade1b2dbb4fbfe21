"""Inference tensors after their block has closed: what PyTorch refuses, minigrad refuses with the same
message; what PyTorch allows (an op that saves nothing, a clone, no_grad) still works."""
import pytest

import minigrad


def _attempts(lib):
    with lib.inference_mode():
        made = lib.ones(2) * 3
    x = lib.ones(2, requires_grad=True)

    return {
        "saved by mul": lambda: made * x,
        "saved by matmul": lambda: x @ made,
        "add saves nothing": lambda: (made + x).grad_fn.name(),
        "clone is normal": lambda: (made.clone() * x).grad_fn.name(),
        "no_grad allowed": lambda: lib.no_grad()(lambda: (made * x).requires_grad)(),
        "inside a block": lambda: lib.inference_mode()(lambda: made.requires_grad_().requires_grad)(),
    }


def _outcome(attempt):
    try:
        return "ok", attempt()
    except RuntimeError as error:
        return "RuntimeError", str(error)


@pytest.mark.parametrize("name", list(_attempts(minigrad)))
def test_behaves_as_pytorch(name):
    torch = pytest.importorskip("torch")
    assert _outcome(_attempts(minigrad)[name]) == _outcome(_attempts(torch)[name])
