"""Every operation's backward against central differences, in float64."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import minigrad as torch
from minigrad.autograd import gradcheck


def leaf(*shape, low=-2.0, high=2.0, seed=0):
    rng = np.random.default_rng(seed + sum(shape))
    return torch.tensor(rng.uniform(low, high, size=shape), dtype=torch.float64, requires_grad=True)


def positive(*shape, seed=0):
    return leaf(*shape, low=0.5, high=2.0, seed=seed)


CASES = {
    "add": (lambda a, b: a + b, [leaf(2, 3), leaf(2, 3, seed=1)]),
    "add broadcast": (lambda a, b: a + b, [leaf(2, 3), leaf(3, seed=1)]),
    "add broadcast keepdim": (lambda a, b: a + b, [leaf(2, 1, 3), leaf(4, 1, seed=1)]),
    "add scalar": (lambda a: a + 5, [leaf(3)]),
    "sub": (lambda a, b: a - b, [leaf(2, 3), leaf(1, 3, seed=1)]),
    "rsub": (lambda a: 5 - a, [leaf(3)]),
    "mul broadcast": (lambda a, b: a * b, [leaf(2, 3), leaf(2, 1, seed=1)]),
    "mul self": (lambda a: a * a * 3, [leaf(2, 2)]),
    "div": (lambda a, b: a / b, [leaf(2, 3), positive(3, seed=1)]),
    "rdiv": (lambda a: 5 / a, [positive(3)]),
    "neg": (lambda a: -a, [leaf(4)]),
    "pow const": (lambda a: a ** 3, [leaf(3)]),
    "pow fractional": (lambda a: a ** 0.5, [positive(3)]),
    "pow negative": (lambda a: a ** -2, [positive(3)]),
    "pow tensor": (lambda a, b: a ** b, [positive(3), leaf(3, seed=1)]),
    "rpow": (lambda a: 2 ** a, [leaf(3)]),
    "matmul mm": (lambda a, b: a @ b, [leaf(2, 3), leaf(3, 4, seed=1)]),
    "matmul mv": (lambda a, b: a @ b, [leaf(2, 3), leaf(3, seed=1)]),
    "matmul vm": (lambda a, b: a @ b, [leaf(3), leaf(3, 2, seed=1)]),
    "matmul dot": (lambda a, b: a @ b, [leaf(3), leaf(3, seed=1)]),
    "matmul batched broadcast": (lambda a, b: a @ b, [leaf(2, 2, 3), leaf(3, 2, seed=1)]),
    "sum": (lambda a: a.sum(), [leaf(2, 3)]),
    "sum dim": (lambda a: a.sum(1), [leaf(2, 3)]),
    "sum dims keepdim": (lambda a: a.sum((0, 2), keepdim=True), [leaf(2, 3, 2)]),
    "mean": (lambda a: a.mean(), [leaf(2, 3)]),
    "mean dim": (lambda a: a.mean(-1, keepdim=True), [leaf(2, 3)]),
    "max": (lambda a: a.max(), [leaf(2, 3)]),
    "max dim": (lambda a: a.max(1).values, [leaf(2, 3)]),
    "min dim keepdim": (lambda a: a.min(0, keepdim=True)[0], [leaf(2, 3)]),
    "amax": (lambda a: a.amax(1), [leaf(2, 3)]),
    "norm": (lambda a: a.norm(), [leaf(2, 3)]),
    "norm dim": (lambda a: a.norm(dim=1), [leaf(2, 3)]),
    "reshape": (lambda a: a.reshape(3, 2) * torch.arange(6.).double().reshape(3, 2), [leaf(2, 3)]),
    "view -1": (lambda a: a.view(-1) * torch.arange(6.).double(), [leaf(2, 3)]),
    "transpose": (lambda a: a.transpose(0, 1) @ a, [leaf(2, 3)]),
    "t": (lambda a: a.t() * 2, [leaf(2, 3)]),
    "T": (lambda a: a.T * 2, [leaf(2, 3, 2)]),
    "permute": (lambda a: a.permute(2, 0, 1) * torch.arange(12.).double().reshape(2, 2, 3), [leaf(2, 3, 2)]),
    "unsqueeze squeeze": (lambda a: a.unsqueeze(1).squeeze(1) * 3, [leaf(3)]),
    "expand": (lambda a: a.expand(4, 3) * torch.arange(12.).double().reshape(4, 3), [leaf(1, 3)]),
    "flatten": (lambda a: a.flatten(1), [leaf(2, 3, 2)]),
    "select": (lambda a: a[1] * 2, [leaf(3, 2)]),
    "slice": (lambda a: a[:, 1:] * 2, [leaf(3, 3)]),
    "fancy index with repeats": (lambda a: a[[0, 2, 0]], [leaf(3, 2)]),
    "mask": (lambda a: a[a > 0], [leaf(4, 2)]),
    "cat": (lambda a, b: torch.cat([a, b, a], dim=1), [leaf(2, 3), leaf(2, 1, seed=1)]),
    "stack": (lambda a, b: torch.stack([a, b], dim=1), [leaf(2, 3), leaf(2, 3, seed=1)]),
    "clone": (lambda a: a.clone() * 2, [leaf(3)]),
    "exp": (lambda a: a.exp(), [leaf(3)]),
    "log": (lambda a: a.log(), [positive(3)]),
    "sqrt": (lambda a: a.sqrt(), [positive(3)]),
    "tanh": (lambda a: a.tanh(), [leaf(3)]),
    "sigmoid": (lambda a: a.sigmoid(), [leaf(3)]),
    "relu": (lambda a: a.relu(), [leaf(5)]),
    "clamp": (lambda a: a.clamp(-1, 1), [leaf(5)]),
    "abs": (lambda a: a.abs(), [leaf(5)]),
    "sin cos": (lambda a: a.sin() * a.cos(), [leaf(4)]),
    "where": (lambda a, b: torch.where(a > 0, a, b), [leaf(4), leaf(4, seed=1)]),
    "masked_fill tensor": (lambda a, v: a.masked_fill(a > 0, v * 2), [leaf(2, 3), leaf()]),
    "masked_fill_ tensor": (lambda a, v: (a * 1).masked_fill_(a > 0, v), [leaf(2, 3), leaf()]),
    "maximum": (lambda a, b: torch.maximum(a, b), [leaf(4), leaf(4, seed=1)]),
}


def test_dtype_conversion_passes_gradient_back_in_the_input_dtype():
    x = leaf(3)
    (x.float() * 2).sum().backward()
    assert x.grad.dtype == torch.float64 and x.grad.tolist() == [2.0, 2.0, 2.0]
    assert (x.float() * 2).grad_fn.next_functions[0][0].name() == "ToCopyBackward0"


@pytest.mark.parametrize("name", list(CASES))
def test_backward_matches_central_differences(name):
    fn, inputs = CASES[name]
    assert gradcheck(fn, inputs, eps=1e-6, atol=1e-5, rtol=1e-4)


def test_gradcheck_catches_a_wrong_backward():
    class WrongSquare(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * x

        @staticmethod
        def backward(ctx, grad):
            (x,) = ctx.saved_tensors
            return grad * x  # should be 2x

    with pytest.raises(torch.autograd.GradcheckError):
        gradcheck(WrongSquare.apply, [leaf(3)])
    assert gradcheck(WrongSquare.apply, [leaf(3)], raise_exception=False) is False


UNARY = [
    lambda t: t * 2, lambda t: t + 1, lambda t: t.tanh(), lambda t: t.sigmoid(), lambda t: t * t,
    lambda t: t.exp() * 0.1, lambda t: (t * t + 1).log(), lambda t: -t, lambda t: t.sum(0, keepdim=True) + t,
]
BINARY = [lambda a, b: a + b, lambda a, b: a * b, lambda a, b: a - b, lambda a, b: a / (b * b + 1)]


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_random_graphs_with_reuse(data):
    """Random DAGs over two leaves, where intermediate nodes are reused: gradients match differences."""
    seed = data.draw(st.integers(0, 10_000))
    rng = np.random.default_rng(seed)
    shape = data.draw(st.sampled_from([(3,), (2, 3)]))
    steps = data.draw(st.lists(st.tuples(st.booleans(), st.integers(0, 100), st.integers(0, 100), st.integers(0, 100)),
                               min_size=1, max_size=8))

    def fn(x, y):
        nodes = [x, y]
        for is_binary, k, i, j in steps:
            if is_binary:
                nodes.append(BINARY[k % len(BINARY)](nodes[i % len(nodes)], nodes[j % len(nodes)]))
            else:
                nodes.append(UNARY[k % len(UNARY)](nodes[i % len(nodes)]))
        return nodes[-1] * nodes[len(nodes) // 2]

    x = torch.tensor(rng.uniform(-1, 1, shape), dtype=torch.float64, requires_grad=True)
    y = torch.tensor(rng.uniform(-1, 1, shape), dtype=torch.float64, requires_grad=True)
    assert gradcheck(fn, [x, y], eps=1e-6, atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize("name", ["mul self", "tanh", "exp", "log", "div", "matmul mm", "sigmoid", "sin cos", "pow tensor"])
def test_second_derivatives_match_differences_of_first(name):
    """create_graph=True: the gradient of a gradient equals central differences of the gradient."""
    fn, inputs = CASES[name]

    def first_derivative_sum(*xs):
        out = fn(*xs).sum()
        grads = torch.autograd.grad(out, xs, create_graph=True)
        return sum((g * g).sum() for g in grads)

    assert gradcheck(first_derivative_sum, inputs, eps=1e-6, atol=1e-4, rtol=1e-3)
