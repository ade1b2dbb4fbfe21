"""Higher-order derivatives through the backward nodes PyTorch names (TanhBackwardBackward0 ...).

Second and third derivatives are checked against central differences in float64; with PyTorch installed,
the graphs ``create_graph=True`` records are compared with PyTorch's, node for node.
"""
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import minigrad
from minigrad.autograd import gradcheck

F = minigrad.nn.functional


def leaf(*shape, low=-2.0, high=2.0, seed=0, lib=minigrad):
    rng = np.random.default_rng(seed + 10 * len(shape) + sum(shape))
    values = rng.uniform(low, high, size=shape)
    return lib.tensor(values.tolist(), dtype=lib.float64, requires_grad=True)


def away_from_zero(*shape, seed=0, lib=minigrad):
    """Values in [-2, -0.3] and [0.3, 2]: relu and abs are smooth there."""
    x = leaf(*shape, low=0.3, high=2.0, seed=seed, lib=lib)
    signs = np.where(np.arange(x.numel()) % 2 == 0, 1.0, -1.0).reshape(tuple(x.shape))
    return (x.detach() * lib.tensor(signs.tolist(), dtype=lib.float64)).requires_grad_()


TARGET = [[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]]


def cases(lib):
    """name -> (function of x, x). The same cases build under minigrad and under PyTorch."""
    f = lib.nn.functional
    target = lib.tensor(TARGET, dtype=lib.float64)
    labels = lib.tensor([2, 0])
    x23 = leaf(2, 3, lib=lib)
    return {
        "tanh": (lambda x: x.tanh(), x23),
        "sigmoid": (lambda x: x.sigmoid(), x23),
        "relu": (lambda x: x.relu(), away_from_zero(2, 3, lib=lib)),
        "softmax dim 1": (lambda x: f.softmax(x, dim=1), x23),
        "softmax dim 0": (lambda x: f.softmax(x, dim=0), x23),
        "log_softmax": (lambda x: f.log_softmax(x, dim=1), x23),
        "log_softmax dim 0": (lambda x: f.log_softmax(x, dim=0), x23),
        "mse mean": (lambda x: f.mse_loss(x, target), x23),
        "mse sum": (lambda x: f.mse_loss(x, target, reduction="sum"), x23),
        "mse none": (lambda x: f.mse_loss(x, target, reduction="none"), x23),
        "mse target side": (lambda x: f.mse_loss(target, x), x23),
        "mse both sides": (lambda x: f.mse_loss(x.sin(), x * x), x23),
        "nll": (lambda x: f.nll_loss(x, labels), x23),
        "nll none": (lambda x: f.nll_loss(x, labels, reduction="none"), x23),
        "cross_entropy": (lambda x: f.cross_entropy(x, labels), x23),
        "cross_entropy sum": (lambda x: f.cross_entropy(x, labels, reduction="sum"), x23),
        "abs": (lambda x: x.abs(), away_from_zero(2, 3, lib=lib)),
        "sqrt": (lambda x: x.sqrt(), leaf(2, 3, low=0.5, lib=lib)),
        "cos": (lambda x: x.cos(), x23),
        "sin": (lambda x: x.sin(), x23),
        "exp": (lambda x: x.exp(), x23),
        "maximum": (lambda x: lib.maximum(x, target), x23),
        "minimum": (lambda x: lib.minimum(x, 1 - x), x23),
    }


CASES = cases(minigrad)


def upstream(y, seed=1, lib=minigrad):
    """A gradient for y that itself requires grad, so every input of a backward node is differentiated."""
    return leaf(*y.shape, seed=seed, lib=lib)


@pytest.mark.parametrize("name", list(CASES))
def test_second_derivatives_match_central_differences(name):
    """The gradient g(x, v) = v^T dy/dx, differentiated with respect to x and to v."""
    fn, x = CASES[name]
    v = upstream(fn(x))

    def vjp(x, v):
        (g,) = minigrad.autograd.grad(fn(x), x, v, create_graph=True)
        return g

    assert gradcheck(vjp, [x, v], eps=1e-6, atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize("name", list(CASES))
def test_third_derivatives_match_central_differences(name):
    """Differentiate the second derivative once more: the backward of each backward node's backward."""
    fn, x = CASES[name]
    y = fn(x)
    v = upstream(y)
    w = leaf(*x.shape, seed=2)

    def second(x, v, w):
        (g,) = minigrad.autograd.grad(fn(x), x, v, create_graph=True)
        gx, gv = minigrad.autograd.grad(g, [x, v], w, create_graph=True, allow_unused=True,
                                        materialize_grads=True)
        return (gx * gx).sum() + (gv * gv).sum()

    assert gradcheck(second, [x, v, w], eps=1e-6, atol=1e-4, rtol=1e-3)


def test_backward_nodes_are_named_as_in_pytorch():
    x = minigrad.tensor([0.5, -1.0], requires_grad=True)
    expected = {"tanh": "TanhBackwardBackward0", "sigmoid": "SigmoidBackwardBackward0",
                "relu": "ThresholdBackwardBackward0"}
    for op, name in expected.items():
        getattr(x, op)().sum().backward(create_graph=True)
        assert x.grad.grad_fn.name() == "torch::autograd::CopyBackwards"  # PyTorch's name() for its C++ node
        assert x.grad.grad_fn.next_functions[1][0].name() == name
        assert x.grad.requires_grad
        x.grad = None


# ----- the same graphs as PyTorch ------------------------------------------------------------------
def _tree(fn, labels, depth):
    """Node names to ``depth``, leaves named by the variable they accumulate into."""
    if fn is None:
        return None
    name = fn.name().replace("torch::autograd::", "")
    if name == "AccumulateGrad":
        return f"AccumulateGrad:{labels.get(id(fn.variable), '?')}"
    if depth == 0:
        return name
    return [name] + [_tree(f, labels, depth - 1) for f, _ in fn.next_functions]


def _graphs(lib, name, depth=5):
    """The graph of the gradient g, and of the gradients of g with respect to x and v (as name trees)."""
    fn, x = cases(lib)[name]
    v = upstream(fn(x), lib=lib)
    w = leaf(*x.shape, seed=2, lib=lib)
    (g,) = lib.autograd.grad(fn(x), x, v, create_graph=True)
    gx, gv = lib.autograd.grad(g, [x, v], w, create_graph=True, allow_unused=True)
    labels = {id(x): "x", id(v): "v", id(w): "w"}
    trees = [None if t is None else _tree(t.grad_fn, labels, depth) for t in (g, gx, gv)]
    values = [None if t is None or t.grad_fn is None else t.detach().numpy().copy() for t in (g, gx, gv)]
    return trees, values


# With x used twice, the order in which the two contributions to x's gradient are added (the operands of an
# AddBackward0 deep in the third-order graph) follows PyTorch's scheduling of nodes, which minigrad's
# engine does not copy: checked by central differences only.
ORDER_DEPENDENT = {"mse both sides", "minimum"}


@pytest.mark.parametrize("name", [name for name in CASES if name not in ORDER_DEPENDENT])
def test_second_and_third_order_graphs_match_pytorch(name):
    torch = pytest.importorskip("torch")
    mini_trees, mini_values = _graphs(minigrad, name)
    torch_trees, torch_values = _graphs(torch, name)
    assert mini_trees == torch_trees
    for m, t in zip(mini_values, torch_values):
        if t is not None:
            np.testing.assert_allclose(m, t, rtol=1e-10, atol=1e-12)


def test_x_grad_with_create_graph_is_pytorch_s():
    """backward(create_graph=True) through a loss: x.grad is CopyBackwards <- MseLossBackwardBackward0."""
    torch = pytest.importorskip("torch")
    seen = []
    for lib in (minigrad, torch):
        x = lib.tensor([[1.379, -0.5]], requires_grad=True)
        lib.nn.functional.mse_loss(x, lib.tensor([[-2.5, 1.0]]), reduction="sum").backward(create_graph=True)
        seen.append((x.grad.requires_grad, type(x.grad.grad_fn).__name__,
                     [None if f is None else f.name() for f, _ in x.grad.grad_fn.next_functions]))
    assert seen[0] == seen[1] == (True, "CopyBackwards", [None, "MseLossBackwardBackward0"])


def test_maximum_and_minimum_share_the_gradient_as_pytorch_at_ties_and_nan():
    torch = pytest.importorskip("torch")
    nan = float("nan")
    grads = []
    for lib in (minigrad, torch):
        a = lib.tensor([nan, 1.0, 2.0, 3.0], requires_grad=True)
        b = lib.tensor([1.0, nan, 2.0, 1.0], requires_grad=True)
        (lib.maximum(a, b) + 2 * lib.minimum(a, b)).sum().backward()
        grads.append((a.grad.tolist(), b.grad.tolist()))
    assert grads[0] == grads[1]


# ----- the warning of backward(create_graph=True) --------------------------------------------------
WARNING_PROGRAM = """
import re, sys, warnings
lib = __import__(sys.argv[1])
warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    lib.autograd.grad((x * x).sum(), x, create_graph=True)  # autograd.grad: no warning
    print(len(caught))
    (x * x).sum().backward(create_graph=True)  # the first backward(create_graph=True): the warning
    (x * x).sum().backward(create_graph=True)  # PyTorch gives it once per process
    y = lib.tensor([3.0], requires_grad=True)
    (y * y).sum().backward(create_graph=True)
for w in caught:  # PyTorch's text ends with the C++ file and line it comes from
    print(w.category.__name__ + ":", re.sub(r" \\(Triggered internally at [^)]*\\.\\)$", "", str(w.message)))
"""


def _warnings_of(module):
    root = str(Path(minigrad.__file__).resolve().parents[1])  # this checkout's minigrad, in a fresh process
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", WARNING_PROGRAM, module], capture_output=True, text=True,
                          check=True, env=env)
    return done.stdout


def test_create_graph_backward_warns_once_per_process_as_pytorch():
    pytest.importorskip("torch")
    mini = _warnings_of("minigrad")
    assert mini.startswith("0\nUserWarning: Using backward() with create_graph=True will create a reference cycle")
    assert mini.count("UserWarning") == 1
    assert mini == _warnings_of("torch")


@pytest.mark.parametrize("op", ["tanh", "sigmoid", "relu", "exp", "sin", "abs"])
def test_derivatives_of_a_0d_tensor_match_central_differences(op):
    """A 0-d tensor's numbers are a NumPy scalar in some results: the backward formulas must not write into them."""
    x = minigrad.tensor(0.7, dtype=minigrad.float64, requires_grad=True)

    def first_derivative(t):
        (d,) = minigrad.autograd.grad(getattr(t, op)(), t, create_graph=True)
        return d

    assert minigrad.autograd.gradcheck(lambda t: getattr(t, op)(), (x,))
    assert minigrad.autograd.gradcheck(first_derivative, (x,))
