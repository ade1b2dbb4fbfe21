"""grad_fn.register_hook: a post hook sees (grad_inputs, grad_outputs) after the node ran and may replace grad_inputs."""
import pytest

import minigrad


def _run(lib):
    seen = []
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y = x * 3
    z = (y * y).sum()
    handle = y.grad_fn.register_hook(lambda gi, go: seen.append(("mul", [g is None for g in gi], go[0].tolist())))
    y.grad_fn.next_functions[0][0].register_hook(lambda gi, go: seen.append(("acc", len(gi), go[0].tolist())))
    z.backward(retain_graph=True)
    seen.append(x.grad.tolist())
    handle.remove()
    y.grad_fn.register_hook(lambda gi, go: (gi[0] * 10, gi[1]))
    x.grad = None
    z.backward()
    seen.append(x.grad.tolist())
    return seen


def test_post_hooks_see_and_may_replace_the_gradients():
    seen = _run(minigrad)
    assert seen[0] == ("mul", [False, True], [6.0, 12.0])  # dz/dy = 2y arrives; x's gradient and the number's None
    assert seen[1] == ("acc", 0, [18.0, 36.0])
    assert seen[2] == [18.0, 36.0]
    assert seen[-1] == [180.0, 360.0]  # the hook's return replaced what went on to x


def test_post_hooks_as_pytorch():
    torch = pytest.importorskip("torch")
    assert _run(minigrad) == _run(torch)


def test_a_hook_returning_the_wrong_number_of_gradients_is_refused():
    x = minigrad.tensor([1.0], requires_grad=True)
    y = x * 2

    def three(gi, go):
        return (None, None, None)
    y.grad_fn.register_hook(three)
    with pytest.raises(RuntimeError, match="hook 'three' has returned an incorrect number of values"):
        y.sum().backward()
