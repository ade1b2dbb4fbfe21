"""The backward engine: order, accumulation, freeing, grad modes, autograd.grad, higher order."""
import gc
import weakref

import numpy as np
import pytest

import minigrad as torch
from minigrad.autograd import AccumulateGrad, Function, engine


def test_reused_node_gets_all_contributions_before_it_runs():
    a = torch.tensor([1.0], requires_grad=True)
    b = a + a
    c = b + b
    c.backward()
    assert a.grad.item() == 4.0


def test_deep_reuse_chain_is_linear_not_exponential():
    calls = {"n": 0}

    class CountingAdd(Function):
        @staticmethod
        def forward(ctx, x, y):
            return x + y

        @staticmethod
        def backward(ctx, grad):
            calls["n"] += 1
            return grad, grad

    a = torch.tensor(1.0, requires_grad=True)
    x = a
    for _ in range(30):
        x = CountingAdd.apply(x, x)
    x.backward()
    assert a.grad.item() == 2.0 ** 30
    assert calls["n"] == 30  # each node once; naive recursion would need 2^30 - 1 calls


def test_topological_order_puts_every_node_before_its_inputs():
    a = torch.ones(2, requires_grad=True)
    b = a * 2
    c = b.exp() + b
    d = (c * a).sum()
    order = engine.topological_order([d.grad_fn])
    position = {id(n): i for i, n in enumerate(order)}
    for node in order:
        for child, _ in node.next_functions:
            if child is not None:
                assert position[id(node)] < position[id(child)]
    assert sum(isinstance(n, AccumulateGrad) for n in order) == 1


def test_gradients_accumulate_across_backward_calls_and_zero():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    (x * 3).sum().backward()
    (x * 3).sum().backward()
    assert x.grad.tolist() == [6.0, 6.0]
    x.grad.zero_()
    (x * x).sum().backward()
    assert x.grad.tolist() == [2.0, 4.0]


def test_same_gradient_sent_to_two_leaves_is_not_aliased():
    a = torch.ones(2, requires_grad=True)
    b = torch.ones(2, requires_grad=True)
    (a + b).sum().backward()
    a.grad.zero_()
    assert b.grad.tolist() == [1.0, 1.0]


def test_non_leaf_grad_is_none_with_warning_unless_retained():
    x = torch.ones(2, requires_grad=True)
    y = x * 2
    z = y * 3
    y.retain_grad()
    z.sum().backward()
    assert y.grad.tolist() == [3.0, 3.0]
    with pytest.warns(UserWarning, match="retain_grad"):
        assert z.grad is None


def test_second_backward_fails_then_retain_graph_allows_it():
    x = torch.ones(2, requires_grad=True)
    y = (x * x).sum()
    y.backward(retain_graph=True)
    y.backward()
    assert x.grad.tolist() == [4.0, 4.0]
    with pytest.raises(RuntimeError, match="Trying to backward through the graph a second time"):
        y.backward()


def test_second_backward_through_nodes_that_saved_nothing_is_allowed_as_in_pytorch():
    x = torch.ones(2, requires_grad=True)
    z = (x + 2).sum()
    z.backward()
    z.backward()
    assert x.grad.tolist() == [2.0, 2.0]


def test_graph_is_freed_so_intermediates_die():
    x = torch.ones(1000, requires_grad=True)
    y = x.exp()
    ref = weakref.ref(y)
    loss = y.sum()
    del y
    loss.backward()
    del loss
    gc.collect()
    assert ref() is None


def test_errors_match_pytorch():
    x = torch.ones(2, requires_grad=True)
    with pytest.raises(RuntimeError, match="^grad can be implicitly created only for scalar outputs$"):
        (x * 2).backward()
    with pytest.raises(RuntimeError, match=r"^Mismatch in shape: grad_output\[0\] has a shape of "
                                           r"torch.Size\(\[3\]\) and output\[0\] has a shape of torch.Size\(\[2\]\).$"):
        (x * 2).backward(torch.ones(3))
    with pytest.raises(RuntimeError, match="^element 0 of tensors does not require grad and does not have a grad_fn$"):
        torch.ones(2).sum().backward()
    with pytest.raises(RuntimeError, match="^Only Tensors of floating point and complex dtype can require gradients$"):
        torch.tensor([1, 2], requires_grad=True)
    with pytest.raises(RuntimeError, match="^only Tensors of floating point dtype can require gradients$"):
        torch.tensor([1, 2]).requires_grad_()
    with pytest.raises(RuntimeError, match="^a leaf Variable that requires grad is being used in an in-place operation.$"):
        x.zero_()
    with pytest.raises(RuntimeError, match="^you can only change requires_grad flags of leaf variables.$"):
        (x * 2).requires_grad = True


def test_in_place_change_of_a_saved_tensor_is_caught():
    x = torch.ones(2, requires_grad=True)
    y = x * 2
    z = y * y
    with torch.no_grad():
        y.fill_(5.0)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        z.sum().backward()


def test_failed_backward_leaves_grad_untouched():
    x = torch.ones(2, requires_grad=True)
    with pytest.raises(RuntimeError):
        (x * 2).backward(torch.ones(5))
    assert x.grad is None


def test_grad_modes_as_context_managers_and_decorators():
    x = torch.ones(1, requires_grad=True)
    with torch.no_grad():
        assert not (x * 2).requires_grad
        with torch.enable_grad():
            assert (x * 2).requires_grad
    with torch.set_grad_enabled(False):
        assert not (x * 2).requires_grad
    assert (x * 2).requires_grad

    @torch.no_grad()
    def doubled(t):
        return t * 2

    @torch.set_grad_enabled(False)
    def tripled(t):
        return t * 3

    @torch.no_grad
    def quadrupled(t):
        return t * 4

    assert not doubled(x).requires_grad and not tripled(x).requires_grad and not quadrupled(x).requires_grad
    assert doubled.__name__ == "doubled"
    assert torch.is_grad_enabled()
    torch.set_grad_enabled(False)
    assert not torch.is_grad_enabled()
    torch.set_grad_enabled(True)


def test_no_grad_restores_mode_after_an_exception():
    with pytest.raises(ValueError):
        with torch.no_grad():
            raise ValueError
    assert torch.is_grad_enabled()


def test_autograd_grad_returns_without_touching_dot_grad():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = (x ** 3).sum()
    (g,) = torch.autograd.grad(y, x)
    assert g.tolist() == [3.0, 12.0]
    assert x.grad is None


def test_autograd_grad_of_unused_input():
    x = torch.ones(1, requires_grad=True)
    w = torch.ones(1, requires_grad=True)
    with pytest.raises(RuntimeError, match="^The differentiated Tensor at index 1 appears to not have been used"):
        torch.autograd.grad((x * 2).sum(), [x, w])
    gx, gw = torch.autograd.grad((x * 2).sum(), [x, w], allow_unused=True)
    assert gx.tolist() == [2.0] and gw is None


def test_second_and_third_derivatives_with_create_graph():
    x = torch.tensor(2.0, requires_grad=True)
    y = x ** 4 - 3 * x ** 2
    (dy,) = torch.autograd.grad(y, x, create_graph=True)
    (d2y,) = torch.autograd.grad(dy, x, create_graph=True)
    (d3y,) = torch.autograd.grad(d2y, x)
    assert dy.item() == pytest.approx(4 * 8 - 6 * 2)
    assert d2y.item() == pytest.approx(12 * 4 - 6)
    assert d3y.item() == pytest.approx(24 * 2)
    assert dy.grad_fn is not None


def test_backward_with_create_graph_gives_grad_with_history():
    x = torch.tensor(3.0, requires_grad=True)
    y = x.tanh() * x.exp()
    y.backward(create_graph=True)
    first = x.grad
    assert first.requires_grad
    x2 = x.detach().double().requires_grad_()
    (g,) = torch.autograd.grad(x2.tanh() * x2.exp(), x2, create_graph=True)
    (h,) = torch.autograd.grad(g, x2)
    eps = 1e-6
    f = lambda v: np.tanh(v) * np.exp(v)
    numeric = (f(3 + eps) - 2 * f(3.0) + f(3 - eps)) / eps ** 2
    assert h.item() == pytest.approx(numeric, rel=1e-3)


def test_newton_method_finds_sqrt_two():
    x = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
    for _ in range(6):
        f = x ** 2 - 2
        (df,) = torch.autograd.grad(f, x)
        with torch.no_grad():
            x = (x - f / df).detach().requires_grad_()
    assert x.item() == pytest.approx(2 ** 0.5, abs=1e-12)


def test_backward_inputs_argument_accumulates_only_there():
    a = torch.ones(1, requires_grad=True)
    b = torch.ones(1, requires_grad=True)
    (a * b * 3).sum().backward(inputs=[a])
    assert a.grad.tolist() == [3.0] and b.grad is None


def test_grad_fn_repr_next_functions_and_calling_a_node():
    x = torch.ones(2, requires_grad=True)
    y = x * 5
    assert repr(y.grad_fn).startswith("<MulBackward0 object at 0x")
    (acc, _), (const, _) = y.grad_fn.next_functions
    assert isinstance(acc, AccumulateGrad) and acc.variable is x and const is None
    assert repr(acc).startswith("<AccumulateGrad object at 0x")
    grads = y.grad_fn(torch.ones(2))
    assert grads[0].tolist() == [5.0, 5.0]


def test_custom_function_written_by_a_user():
    class Cube(Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x ** 3

        @staticmethod
        def backward(ctx, grad):
            (x,) = ctx.saved_tensors
            return grad * 3 * x ** 2

    x = torch.tensor([2.0], requires_grad=True)
    y = Cube.apply(x)
    assert str(y) == "tensor([8.], grad_fn=<CubeBackward>)"
    assert repr(y.grad_fn).startswith("<torch.autograd.function.CubeBackward object at 0x")
    y.backward(torch.ones(1))
    assert x.grad.tolist() == [12.0]


def test_detach_shares_memory_and_leaves_graph():
    x = torch.ones(2, requires_grad=True)
    d = x.detach()
    assert d.is_leaf and not d.requires_grad
    with torch.no_grad():
        x.fill_(3.0)
    assert d.tolist() == [3.0, 3.0]


def test_in_place_update_under_no_grad_changes_shared_memory_and_keeps_the_leaf():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    alias = w.detach()
    (w * w).sum().backward()
    with torch.no_grad():
        w -= 0.5 * w.grad
    assert w.is_leaf and w.requires_grad and w.tolist() == [0.0, 0.0] and alias.tolist() == [0.0, 0.0]
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
        w += 1


def test_recorded_in_place_op_differentiates_through_the_old_value():
    x = torch.tensor([3.0], requires_grad=True)
    y = x * x       # 9
    y *= x          # x^3, recorded: MulBackward0 with the old y as input
    y.backward()
    assert y.grad_fn is not None and y.item() == 27.0 and x.grad.item() == 27.0  # d(x^3)/dx = 3x^2


def test_a_loss_target_changed_in_place_after_the_loss_is_caught():
    # The target is an option (not an input with an edge), but the loss saves it, so PyTorch checks its version.
    import minigrad.nn.functional as F
    scores = torch.randn(3, 4, requires_grad=True)
    target = torch.tensor([0, 1, 2])
    loss = F.nll_loss(F.log_softmax(scores, 1), target)
    assert len(loss.grad_fn.next_functions) == 1
    target.add_(0)
    with pytest.raises(RuntimeError, match=r"\[torch.LongTensor \[3\]\] is at version 1; expected version 0"):
        loss.backward()


@pytest.fixture(params=["minigrad", "torch"])
def t(request):
    """The library a cross-checked test runs on: minigrad, then PyTorch itself (skipped without it)."""
    return torch if request.param == "minigrad" else pytest.importorskip("torch")


def test_nodes_that_ran_before_a_failing_one_are_freed(t):
    # PyTorch frees each node's saved tensors once it has run, so after a backward that fails midway
    # (here on an in-place change) a second backward hits a freed node first.
    x = t.tensor([1.0, 2.0], requires_grad=True)
    a = x * 2
    b = a.exp()
    loss = (b + a * 3).sum()
    b.add_(1)  # spoils ExpBackward0's saved result
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        loss.backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        loss.backward()
    assert x.grad is None


@pytest.mark.parametrize("shape, keepdim", [((2, 3), False), ((2, 3), True), ((3,), False), ((), False)])
@pytest.mark.parametrize("op", ["max", "min"])
def test_indices_of_max_along_a_dim_changed_in_place_are_caught(t, shape, keepdim, op):
    x = t.tensor(np.arange(float(np.prod(shape))).reshape(shape), requires_grad=True)
    values, indices = getattr(x, op)(-1 if shape else 0, keepdim=keepdim)
    values.sum().backward(retain_graph=True)  # fine before the change
    assert type(indices.numpy()).__name__ == "ndarray"  # a 0-d result too, not a NumPy scalar
    indices.add_(0)
    with pytest.raises(RuntimeError, match=r"\[torch.LongTensor \[.*\]\] is at version 1; expected version 0"):
        values.sum().backward()


def test_detach_in_place_refuses_a_view(t):
    base = t.ones(3, requires_grad=True) * 2
    with pytest.raises(RuntimeError, match="Can't detach views in-place. Use detach\\(\\) instead. If you are using "
                                           "DistributedDataParallel \\(DDP\\) for training"):
        base[:2].detach_()
    assert base.detach_() is base and base.grad_fn is None and not base.requires_grad


def test_saved_slots_after_backward_as_pytorch(t):
    x = t.ones(2, requires_grad=True)
    y = x * t.ones(2)  # only x needs a gradient: 'self' is not saved, 'other' is
    assert y.grad_fn._saved_self is None and y.grad_fn._saved_other.tolist() == [1.0, 1.0]
    assert {"_saved_self", "_saved_other"} <= set(dir(y.grad_fn))
    y.sum().backward()
    assert y.grad_fn._saved_self is None  # an empty slot stays None after backward
    with pytest.raises(RuntimeError, match="Trying to backward through the graph a second time"):
        y.grad_fn._saved_other


@pytest.mark.parametrize("expr", ["m * v", "m / v", "m.pow(v)", "torch.maximum(m, v)"])
def test_of_two_changed_saved_tensors_the_error_names_pytorchs_first(t, expr):
    # PyTorch checks saved inputs by name, alphabetically (other before self), then outputs.
    m = t.ones(2, 2, requires_grad=True) * 1
    v = t.ones(2, requires_grad=True) * 1
    y = eval(expr, {"torch": t, "m": m, "v": v})
    m.add_(1)
    v.add_(1)
    with pytest.raises(RuntimeError, match=r"\[torch.FloatTensor \[2\]\], which is output 0 of Add"):
        y.sum().backward()


def test_a_changed_int_tensor_is_named_by_its_type(t):
    a = t.ones(2, dtype=t.int32)
    y = t.ones(2, requires_grad=True) * a
    a.add_(1)
    with pytest.raises(RuntimeError, match=r"\[torch.IntTensor \[2\]\] is at version 1"):
        y.sum().backward()
