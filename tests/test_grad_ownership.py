"""A leaf's ``.grad`` keeps the gradient array without a copy only when nothing else can see it.

``AccumulateGrad`` (minigrad/autograd/function.py) takes the incoming array as ``leaf.grad`` when only the
backward pass holds it, as PyTorch does, and copies otherwise. These tests check both halves: the array
is kept when it is fresh, and never shared with another leaf, a hook, a saved tensor or the caller.
"""
import weakref

import numpy as np
import pytest

import minigrad as torch
from minigrad.autograd.function import _STEALING


def fresh_gradient_function(made):
    """A Function whose backward returns a new array and notes it (weakly) in ``made``."""

    class Fresh(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x.clone()

        @staticmethod
        def backward(ctx, grad):
            out = torch.from_numpy(np.full(grad.shape, 7.0, np.float32))
            made.append(weakref.ref(out._data))
            return out

    return Fresh


@pytest.mark.skipif(not _STEALING, reason="this Python copies every gradient")
def test_a_fresh_gradient_is_kept_without_a_copy():
    made = []
    x = torch.zeros(4, requires_grad=True)
    fresh_gradient_function(made).apply(x).sum().backward()
    assert made[0]() is x.grad._data
    assert x.grad.tolist() == [7.0] * 4


def test_the_same_gradient_sent_to_two_leaves_is_not_shared():
    a = torch.zeros(3, requires_grad=True)
    b = torch.zeros(3, requires_grad=True)
    (a + b).sum().backward()  # AddBackward0 hands the same tensor to both leaves
    assert not np.shares_memory(a.grad._data, b.grad._data)
    a.grad += 1
    assert b.grad.tolist() == [1.0, 1.0, 1.0]


def test_the_callers_gradient_is_not_taken():
    class Identity(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x.clone()

        @staticmethod
        def backward(ctx, grad):
            return grad  # passes the caller's tensor straight through

    x = torch.zeros(3, requires_grad=True)
    g = torch.ones(3)
    Identity.apply(x).backward(g)
    assert not np.shares_memory(x.grad._data, g._data)
    g += 1
    assert x.grad.tolist() == [1.0, 1.0, 1.0]


def test_a_gradient_a_hook_kept_is_not_shared():
    seen = []
    x = torch.zeros(3, requires_grad=True)
    x.register_hook(lambda g: seen.append(g))
    (x * 2).sum().backward()
    assert seen and not np.shares_memory(x.grad._data, seen[0]._data)
    (x * 2).sum().backward()  # the second pass adds into x.grad in place
    assert x.grad.tolist() == [4.0] * 3 and seen[0].tolist() == [2.0] * 3


def test_a_saved_tensor_returned_as_gradient_is_not_shared():
    class ReturnsSaved(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x, w):
            ctx.save_for_backward(w)
            return x * 1

        @staticmethod
        def backward(ctx, grad):
            (w,) = ctx.saved_tensors
            return w, None

    w = torch.full((3,), 5.0)
    x = torch.zeros(3, requires_grad=True)
    ReturnsSaved.apply(x, w).sum().backward()
    assert not np.shares_memory(x.grad._data, w._data)
    x.grad.zero_()
    assert w.tolist() == [5.0] * 3


def test_a_broadcast_gradient_becomes_a_writable_array_of_its_own():
    x = torch.zeros(2, 3, requires_grad=True)
    x.sum().backward()  # SumBackward0 expands one number to x's shape
    assert x.grad._data.flags.writeable and x.grad._data.flags.c_contiguous
    x.grad[0, 0] = 5.0
    assert x.grad.tolist() == [[5.0, 1.0, 1.0], [1.0, 1.0, 1.0]]


def test_gradients_of_two_passes_add_up_in_the_kept_array():
    made = []
    fresh = fresh_gradient_function(made)
    x = torch.zeros(2, requires_grad=True)
    fresh.apply(x).sum().backward()
    first = x.grad
    fresh.apply(x).sum().backward()
    assert x.grad is first and x.grad.tolist() == [14.0, 14.0]


def test_a_retained_non_leaf_gradient_and_the_leaf_gradient_are_separate():
    x = torch.zeros(3, requires_grad=True)
    y = x * 1
    y.retain_grad()
    (y * 3).sum().backward()
    assert not np.shares_memory(x.grad._data, y.grad._data)
    y.grad += 1
    assert x.grad.tolist() == [3.0] * 3



@pytest.mark.skipif(not _STEALING, reason="this Python copies every gradient")
def test_a_linear_weight_keeps_the_gradient_that_arrives_through_t():
    """F.linear records TBackward0 before the weight's AccumulateGrad: the transposed product is not a view that
    anyone else holds, so the weight keeps it, C-contiguous like the weight, and later steps add into it."""
    x, w = torch.randn(5, 3), torch.randn(4, 3, requires_grad=True)
    torch.nn.functional.linear(x, w).sum().backward()
    expected = np.ones((5, 4), np.float32).T @ x._data
    np.testing.assert_allclose(w.grad._data, expected, rtol=1e-6)
    assert w.grad._data.flags.c_contiguous and w.grad._base is None
    assert w.grad._data.base is not None  # the product's own memory (a copy would own its memory)
    torch.nn.functional.linear(x, w).sum().backward()
    np.testing.assert_allclose(w.grad._data, 2 * expected, rtol=1e-6)
