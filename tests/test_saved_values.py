"""What a node shows of the numbers it saved (``grad_fn._saved_*``), cross-checked against PyTorch.

PyTorch wraps a Python number in a 0-d tensor of the number's own type (``x * 3`` saves ``tensor(3)``,
``x * 0.5`` saves ``tensor(0.5000, dtype=torch.float64)``), and shows the numbers it keeps outside tensors
(``alpha``, a constant exponent, the base of ``2 ** x``, a rounding mode) as they were given.
"""
import pytest

import minigrad
from tests.test_torch_semantics import assert_same_as_pytorch, observe

SHOW_SAVED = '''
NAMES = ["_saved_self", "_saved_other", "_saved_alpha", "_saved_exponent", "_saved_result", "_saved_rounding_mode"]
def saved(y):
    fn, shown = y.grad_fn, []
    for name in NAMES:
        try: shown.append((name, repr(getattr(fn, name))))
        except AttributeError: pass
    return fn.name(), shown
'''

OPS = ["x * {n}", "{n} * x", "x + {n}", "{n} + x", "x - {n}", "{n} - x", "x / {n}", "{n} / x", "x ** {n}",
       "{n} ** x", "torch.mul(x, {n})", "torch.add(x, {n}, alpha=2)", "x.sub({n}, alpha=2)", "x.mul({n})",
       "x.div({n})", "torch.div(x, {n}, rounding_mode='floor')", "x.div({n}, rounding_mode='trunc')",
       "torch.pow(x, {n})"]
NUMBERS = ["3", "3.", "True", "-2", "0.5", "0"]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("number", NUMBERS)
def test_saved_numbers_as_pytorch(dtype, number):
    pytest.importorskip("torch")
    code = SHOW_SAVED + f"x = torch.tensor([1.5, 2.], dtype=torch.{dtype}, requires_grad=True)\nout = []\n"
    for op in OPS:
        expr = op.format(n=number)
        code += f"try: out.append(({expr!r}, saved({expr})))\nexcept RuntimeError as e: out.append(str(e))\n"
    theirs, _ = observe("torch", code)
    mine, _ = observe(minigrad, code)
    assert mine == theirs


CASES = {
    "wrapped_number_face": "x = torch.tensor([1.5, 2.], requires_grad=True); s = (x * 3).grad_fn._saved_other\n"
                           "out = (s, s.dtype, s.item(), s.shape, s.requires_grad, s.grad_fn, float(s),"
                           " (x * 0.1).grad_fn._saved_other.item(), (x / True).grad_fn._saved_other.dtype)",
    "tensor_operands_unchanged": "x = torch.tensor([1.5, 2.], requires_grad=True); c = torch.tensor(3)\n"
                                 "out = [(x * c).grad_fn._saved_other, (x / torch.tensor([2., 4.])).grad_fn._saved_other]",
    "saved_after_backward": "x = torch.tensor([1.5, 2.], requires_grad=True); y = x + 3; z = x ** 2; w = 2 ** x\n"
                            "(y + z + w).sum().backward()\n"
                            "out = (y.grad_fn._saved_alpha, z.grad_fn._saved_exponent, w.grad_fn._saved_self)",
    "saved_number_freed": "x = torch.tensor([1.5, 2.], requires_grad=True); y = x * 3; y.sum().backward()\n"
                          "y.grad_fn._saved_other",
    "rounded_division_checks_versions": "x = torch.tensor([1.5, 2.], requires_grad=True)\n"
                                       "b = torch.tensor([2., 3.], requires_grad=True) * 1\n"
                                       "y = torch.div(x, b, rounding_mode='floor'); b.mul_(2); y.sum().backward()",
    "rounded_division_by_number_no_check": "x = torch.tensor([1.5, 2.], requires_grad=True); a = x * 1\n"
                                           "y = torch.div(a, 2, rounding_mode='floor'); a.mul_(2); y.sum().backward()\n"
                                           "out = x.grad",
    "integer_true_division_values": "out = (torch.tensor([1, 2]) / 2, torch.tensor([1, 2], dtype=torch.uint8) / -1,"
                                    " torch.tensor([True]) / 2)",
}


@pytest.mark.parametrize("name", list(CASES))
def test_same_as_pytorch(name):
    assert_same_as_pytorch(CASES[name])


def test_a_wrapped_number_computes_in_the_operations_dtype():
    """The number 0.1 next to float32 is float32(0.1) in the product, as PyTorch computes it."""
    x = minigrad.tensor([1.0, 3.0], requires_grad=True)
    y = x * 0.1
    saved = y.grad_fn._saved_other
    assert saved._data.dtype == "float32" and saved.dtype == minigrad.float64
    y.sum().backward()
    assert x.grad.dtype == minigrad.float32 and x.grad.tolist() == [float(minigrad.tensor(0.1))] * 2
