"""PyTorch's engine calls every node it reaches, even one no gradient reached (``y.norm(0)`` passes none back):
its hooks see None, a Function written by the user gets zeros (unless it said ``set_materialize_grads(False)``),
and a node whose saved tensors were freed by an earlier backward refuses ("... a second time"), as PyTorch."""
import pytest

from tests.test_torch_semantics import assert_same_as_pytorch

FUNCTION = '''
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        ctx.set_materialize_grads(MATERIALIZE)
        return a * 2
    @staticmethod
    def backward(ctx, g):
        seen.append(g)
        return g
seen = []
'''

CASES = {
    "freed_node_refuses": "x = torch.tensor([-1.5, 2.], requires_grad=True); y = x.abs() + .5; y.sum().backward()\n"
                          "y.norm(0).backward()",
    "freed_copyslices_refuses": "x = torch.tensor([-1.5, 2.], requires_grad=True); b = x * 1; b[0] = 3.\n"
                                "b.sum().backward(); b.norm(0).backward()",
    "node_without_saved_tensors_runs_again": "x = torch.ones(2, requires_grad=True); y = x + 1; y.sum().backward()\n"
                                             "y.norm(0).backward(); out = x.grad",
    "hooks_see_none": "x = torch.tensor([-1.5, 2.], requires_grad=True); y = x.abs() + .5; out = []\n"
                      "y.register_hook(lambda g: out.append(('tensor hook', g)))\n"
                      "y.grad_fn.register_prehook(lambda g: out.append(('prehook', g)))\n"
                      "y.norm(0).backward(); out.append(x.grad)",
    "prehook_gets_a_tuple": "x = torch.ones(2, requires_grad=True); y = x * 2; out = []\n"
                            "y.grad_fn.register_prehook(lambda g: out.append(g)); y.sum().backward()",
    "function_gets_zeros": FUNCTION.replace("MATERIALIZE", "True") +
                           "x = torch.ones(2, requires_grad=True); F.apply(x).norm(0).backward(); out = (seen, x.grad)",
    "function_gets_none": FUNCTION.replace("MATERIALIZE", "False") +
                          "x = torch.ones(2, requires_grad=True); F.apply(x).norm(0).backward(); out = (seen, x.grad)",
    "retained_grad_stays_none": "x = torch.tensor([-1.5, 2.], requires_grad=True); y = x.exp(); y.retain_grad()\n"
                                "y.norm(0).backward(); out = (y.grad, x.grad)",
    "grad_of_unreached_input": "x = torch.tensor([-1.5, 2.], requires_grad=True); y = x.exp()\n"
                               "out = (torch.autograd.grad(y.norm(0), x, allow_unused=True, retain_graph=True),\n"
                               "       torch.autograd.grad(y.norm(0), x, materialize_grads=True))",
}


@pytest.mark.parametrize("name", list(CASES))
def test_same_as_pytorch(name):
    assert_same_as_pytorch(CASES[name])


def test_copyslices_and_asstrided_pass_no_gradient_on():
    assert_same_as_pytorch("x = torch.tensor([2.75, 3.0], requires_grad=True); b = x * 1; v = b[:1]; v[v < 0] = 0\n"
                           "b.mul_(2); u = b[1:]; out = [repr(v.norm(0))]; v.norm(0).backward(); out.append(x.grad)\n"
                           "u.norm(0).backward(); out.append(x.grad)")
