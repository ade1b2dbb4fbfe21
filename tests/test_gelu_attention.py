"""GELU (exact and tanh), erf and scaled_dot_product_attention: gradients against central differences in
float64 (once and twice), values, grad_fn names and errors against PyTorch."""
import math

import numpy as np
import pytest

import minigrad
import minigrad.nn.functional as F
from tests.errors_of import raised
from minigrad import nn
from minigrad.autograd import gradcheck


def leaf(*shape, seed=0):
    rng = np.random.default_rng(seed + 5 * sum(shape))
    return minigrad.tensor(rng.uniform(-3, 3, size=shape), dtype=minigrad.float64, requires_grad=True)


def second_order(function):
    def gradients(*xs):
        out = function(*xs)
        weights = minigrad.tensor(np.linspace(-1, 1, out.numel()).reshape(tuple(out.shape)))
        grads = minigrad.autograd.grad((out * weights).sum(), xs, create_graph=True)
        return minigrad.cat([g.reshape(-1) for g in grads])
    return gradients


FUNCTIONS = {
    "erf": lambda x: minigrad.erf(x),
    "gelu": lambda x: F.gelu(x),
    "gelu tanh": lambda x: F.gelu(x, approximate="tanh"),
}


@pytest.mark.parametrize("name", FUNCTIONS)
def test_gradients_match_central_differences(name):
    assert gradcheck(FUNCTIONS[name], [leaf(3, 4)])
    assert gradcheck(second_order(FUNCTIONS[name]), [leaf(3, 4)])


def test_attention_gradients_match_central_differences():
    q, k, v = leaf(2, 3, 4), leaf(2, 5, 4, seed=1), leaf(2, 5, 2, seed=2)
    mask = minigrad.tensor(np.random.default_rng(3).normal(size=(3, 5)))
    assert gradcheck(lambda q, k, v: F.scaled_dot_product_attention(q, k, v, attn_mask=mask), [q, k, v])
    q, k = leaf(2, 4, 4), leaf(2, 4, 4, seed=1)
    v = leaf(2, 4, 3, seed=2)
    assert gradcheck(lambda q, k, v: F.scaled_dot_product_attention(q, k, v, is_causal=True, scale=0.3), [q, k, v])


@pytest.mark.parametrize("name, torch_name", [("erf", "erf"), ("gelu", "gelu"), ("gelu tanh", "gelu tanh")])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_values_gradients_and_names_match_pytorch(name, torch_name, dtype):
    torch = pytest.importorskip("torch")
    x = np.linspace(-5, 5, 41)
    theirs_f = {"erf": torch.erf, "gelu": torch.nn.functional.gelu,
                "gelu tanh": lambda t: torch.nn.functional.gelu(t, approximate="tanh")}[torch_name]
    xt = torch.tensor(x, dtype=getattr(torch, dtype), requires_grad=True)
    xm = minigrad.tensor(x, dtype=getattr(minigrad, dtype), requires_grad=True)
    yt, ym = theirs_f(xt), FUNCTIONS[name](xm)
    yt.sum().backward()
    ym.sum().backward()
    tol = 1e-6 if dtype == "float32" else 1e-12
    np.testing.assert_allclose(ym.detach().numpy(), yt.detach().numpy(), rtol=tol, atol=tol)
    np.testing.assert_allclose(xm.grad.numpy(), xt.grad.numpy(), rtol=tol * 10, atol=tol)
    assert str(ym.dtype) == str(yt.dtype)
    assert type(ym.grad_fn).__name__ == type(yt.grad_fn).__name__


def test_module_repr_matches_pytorch():
    torch = pytest.importorskip("torch")
    for approximate in ("none", "tanh"):
        assert repr(nn.GELU(approximate)) == repr(torch.nn.GELU(approximate))


@pytest.mark.parametrize("call", [
    lambda lib: lib.nn.functional.gelu(lib.ones(2), approximate="fast"),
    lambda lib: lib.nn.functional.gelu(lib.tensor([1, 2])),
    lambda lib: lib.nn.functional.scaled_dot_product_attention(lib.ones(2, 3), lib.ones(2, 3), lib.ones(2, 3),
                                                               attn_mask=lib.ones(2, 2), is_causal=True),
], ids=["approximate", "integer", "mask and causal"])
def test_errors_match_pytorch(call):
    torch = pytest.importorskip("torch")
    assert raised(lambda: call(minigrad)) == raised(lambda: call(torch))


@pytest.mark.parametrize("options", [
    dict(), dict(is_causal=True), dict(scale=0.2), dict(mask="bool"), dict(mask="float"), dict(mask="bool", L=3),
], ids=str)
def test_attention_matches_pytorch(options):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    L = options.pop("L", 4)
    q, k, v = rng.normal(size=(2, 3, L, 8)), rng.normal(size=(2, 3, 4, 8)), rng.normal(size=(2, 3, 4, 5))
    mask = options.pop("mask", None)
    if mask == "bool":
        options["attn_mask"] = rng.random(size=(L, 4)) > 0.3
        options["attn_mask"][:, 0] = True  # every row sees something (else PyTorch gives nan)
    elif mask == "float":
        options["attn_mask"] = rng.normal(size=(L, 4))
    results = []
    for lib in (torch, minigrad):
        ts = [lib.tensor(a, requires_grad=True) for a in (q, k, v)]
        kw = {k: (lib.tensor(v) if isinstance(v, np.ndarray) else v) for k, v in options.items()}
        out = lib.nn.functional.scaled_dot_product_attention(*ts, **kw)
        (out * out).sum().backward()
        results.append([out.detach().numpy()] + [t.grad.numpy() for t in ts])
    for a, b in zip(*results):
        np.testing.assert_allclose(b, a, rtol=1e-10, atol=1e-12)


def test_attention_is_the_softmax_formula():
    q, k, v = leaf(3, 4), leaf(3, 4, seed=1), leaf(3, 2, seed=2)
    expected = minigrad.softmax(q @ k.T / math.sqrt(4), dim=-1) @ v
    assert minigrad.allclose(F.scaled_dot_product_attention(q, k, v), expected)
