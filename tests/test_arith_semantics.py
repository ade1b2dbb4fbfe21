"""Arithmetic, dtype promotion and in-place casting, cross-checked against PyTorch (skipped without it).

A sweep runs every binary operator in every spelling (``a + b``, ``a.add(b, alpha=2)``, ``a += b``, ...)
over operands of every kind PyTorch's promotion distinguishes (bool / integer / float tensors with
dimensions, 0-d tensors, Python numbers) and compares what PyTorch and minigrad give: the error (type and
message) or the values (with the sign of zeros and nan), the dtype, and, for operands that require grad,
the node name and its ``next_functions``. Then a few rules one at a time: gradients of ``pow`` where
PyTorch masks them, rounding of floor division, the argument errors of Tensor methods.
"""
import itertools
import math

import numpy as np
import pytest

import minigrad
from minigrad.autograd import gradcheck

torch = pytest.importorskip("torch")

# operands: (source, requires_grad-able). Values include 0 and negatives: division by zero, signs of zero.
TENSORS = {
    "bool": "torch.tensor([True, False])",
    "bool0": "torch.tensor(True)",
    "i64": "torch.tensor([3, -2])",
    "i64z": "torch.tensor([0, 2])",
    "i32": "torch.tensor([3, -2], dtype=torch.int32)",
    "i64_0": "torch.tensor(-3)",
    "u8": "torch.tensor([3, 1], dtype=torch.uint8)",
    "f32": "torch.tensor([1.5, -2.0], requires_grad=True)",
    "f32z": "torch.tensor([0.0, -1.0])",
    "f64": "torch.tensor([2.0, -0.5], dtype=torch.float64, requires_grad=True)",
    "f64_0": "torch.tensor(-1.0, dtype=torch.float64)",
    "f32_0": "torch.tensor(2.5, requires_grad=True)",
    "f16": "torch.tensor([1.5, -2.0], dtype=torch.float16)",
}
NUMBERS = {"True": "True", "2": "2", "-1": "-1", "0": "0", "2.5": "2.5", "-0.5": "-0.5"}

BINARY = ["a + b", "a - b", "a * b", "a / b", "a // b", "a % b", "a ** b",
          "a.add(b, alpha=2)", "a.sub(b, alpha=2)", "a.add(b, alpha=2.5)", "a.add(b, alpha=True)",
          "a.div(b, rounding_mode='floor')", "a.div(b, rounding_mode='trunc')",
          "torch.add(a, b)", "torch.sub(a, b)", "torch.mul(a, b)", "torch.div(a, b)", "torch.pow(a, b)",
          "torch.remainder(a, b)", "torch.floor_divide(a, b)", "a.remainder(b)", "a.floor_divide(b)"]
IN_PLACE = ["a += b", "a -= b", "a *= b", "a /= b", "a.add_(b)", "a.sub_(b)", "a.mul_(b)", "a.div_(b)",
            "a.add_(b, alpha=2)", "a.pow_(b)"]


def run(lib, source):
    """What a program leaves in ``out``, summarised in plain Python, or the error it raises."""
    env = {"torch": lib}
    try:
        exec(source, env)
    except Exception as error:  # noqa: BLE001 (the error is the observation)
        return ("error", type(error).__name__, str(error))
    return describe(env.get("out"))


def describe(value):
    if isinstance(value, (tuple, list)):
        return tuple(describe(v) for v in value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if hasattr(value, "next_functions"):
        def name(node):  # PyTorch's name() of a C++ node has a namespace; its repr has not
            return node.name().replace("torch::autograd::", "")
        return (name(value), tuple(None if f is None else name(f) for f, _ in value.next_functions))
    data = value.detach().numpy() if hasattr(value, "detach") else value
    values = tuple(repr(v) for v in np.asarray(data, dtype=np.float64).ravel().tolist())  # keeps -0.0, nan
    node = describe(value.grad_fn) if value.grad_fn is not None else None
    return (str(value.dtype), tuple(value.shape), values, value.requires_grad, node)


def _close(t, m):
    """Equal, with float values compared to float32 precision."""
    if isinstance(t, tuple) and isinstance(m, tuple) and len(t) == len(m):
        return all(_close(a, b) for a, b in zip(t, m))
    if isinstance(t, str) and isinstance(m, str) and t != m:
        try:
            a, b = float(t), float(m)
        except ValueError:
            return False
        return (math.isnan(a) and math.isnan(b)) or (
            math.copysign(1, a) == math.copysign(1, b) and math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-6))
    return t == m


def differences(programs):
    found = []
    for source in programs:
        t, m = run(torch, source), run(minigrad, source)
        if not _close(t, m):
            found.append(f"{source}\n    torch:    {t}\n    minigrad: {m}")
    return found


def binary_programs():
    operands = [(name, src) for name, src in TENSORS.items()] + [(n, n) for n in NUMBERS]
    for form in BINARY:
        for (an, a), (bn, b) in itertools.product(operands, repeat=2):
            if an in NUMBERS and bn in NUMBERS:
                continue
            if an in NUMBERS and not form.startswith(("a +", "a -", "a *", "a /", "a //", "a %", "a **")):
                continue  # a method needs a tensor on the left
            yield f"a = {a}; b = {b}; out = {form}"


def in_place_programs():
    operands = [(name, src) for name, src in TENSORS.items()] + [(n, n) for n in NUMBERS]
    for form in IN_PLACE:
        for (an, a), (bn, b) in itertools.product(TENSORS.items(), operands):
            a = a.replace(", requires_grad=True", "")
            yield f"a = {a}; b = {b}; {form}; out = a"


# gradients, including at the points where PyTorch masks them (0 ** b, a ** 0, division by zero)
GRAD_OPERANDS = {
    "f32": "torch.tensor([0.0, -1.5, 2.0, 1.0], requires_grad=True)",
    "f64": "torch.tensor([2.0, 0.0, -0.5, 3.0], dtype=torch.float64, requires_grad=True)",
    "f32_0": "torch.tensor(0.0, requires_grad=True)",
    "i64": "torch.tensor([0, -1, 2, 3])",
    "f32c": "torch.tensor([0.0, 2.0, -1.0, 0.5])",
}
GRAD_FORMS = ["a + b", "a - b", "a * b", "a / b", "a ** b", "a % b", "a.add(b, alpha=2)", "a.sub(b, alpha=2)",
              "a.div(b, rounding_mode='floor')", "a.div(b, rounding_mode='trunc')"]


def grad_programs():
    operands = list(GRAD_OPERANDS.values()) + ["0", "2", "-1", "0.5", "-1.5", "0.0"]
    for form in GRAD_FORMS:
        for a, b in itertools.product(operands, repeat=2):
            if "requires_grad" not in a + b or (form.startswith("a.") and "torch" not in a):
                continue
            for create in ("", ", create_graph=True"):
                yield (f"a = {a}; b = {b}; y = {form}\n"
                       f"xs = [t for t in (a, b) if isinstance(t, torch.Tensor) and t.requires_grad]\n"
                       f"out = torch.autograd.grad(y.sum(), xs{create})\n"
                       f"out = tuple(out) + tuple(g.grad_fn for g in out if g.grad_fn is not None)")


def test_gradients_agree_with_pytorch():
    found = differences(grad_programs())
    assert not found, f"{len(found)} differ:\n" + "\n".join(found[:20])


def _leaf(values):
    return minigrad.tensor(values, dtype=minigrad.float64, requires_grad=True)


# away from the kinks (floor steps, remainder jumps), where central differences are meaningful
GRADCHECK = {
    "add alpha": (lambda a, b: a.add(b, alpha=2.5), [[0.3, -1.2], [1.1, 0.4]]),
    "sub alpha": (lambda a, b: a.sub(b, alpha=-3), [[0.3, -1.2], [1.1, 0.4]]),
    "rsub": (lambda a: 2 - a, [[0.3, -1.2]]),
    "div": (lambda a, b: a / b, [[0.3, -1.2], [1.1, -0.4]]),
    "rdiv": (lambda a: 2 / a, [[0.3, -1.2]]),
    "pow tensor": (lambda a, b: a ** b, [[0.3, 1.7], [1.1, -0.4]]),
    "pow int exponent": (lambda a: a ** 3, [[0.3, -1.2]]),
    "rpow": (lambda a: 2.5 ** a, [[0.3, -1.2]]),
    "remainder": (lambda a, b: a % b, [[0.3, -1.2], [0.7, 0.5]]),
    "remainder number": (lambda a: a % 0.7, [[0.3, -1.2]]),
    "floor division by a tensor": (lambda a, b: a.div(b, rounding_mode="floor") * a, [[0.3, -1.2], [0.7, 0.5]]),
}


@pytest.mark.parametrize("name", GRADCHECK)
def test_gradients_against_central_differences(name):
    fn, values = GRADCHECK[name]
    inputs = [_leaf(v) for v in values]
    assert gradcheck(fn, inputs)

    def first_derivative(*xs):  # the backward pass itself, differentiated again (create_graph=True)
        grads = minigrad.autograd.grad(fn(*xs).sum(), xs, create_graph=True)
        return sum((g * g).sum() for g in grads if g is not None and g.requires_grad) + xs[0].sum() * 0
    assert gradcheck(first_derivative, inputs)


# argument checking of Tensor methods: missing arguments, wrong types, dims out of range (0-d included)
ARGUMENT_CASES = [
    'torch.ones(2).permute()',
    'torch.ones(2).view()',
    'torch.ones(2).reshape()',
    'torch.ones(2).expand()',
    'torch.ones(2).transpose(0)',
    'torch.ones(2).transpose()',
    'torch.ones(2).unsqueeze()',
    'torch.ones(2).flatten(0.5)',
    'torch.ones(2).size(0.5)',
    'torch.ones(2).add("a")',
    'torch.ones(2).add(None)',
    'torch.ones(2).mul([1,2])',
    "torch.ones(2).div(2, rounding_mode='x')",
    'torch.ones(2).permute(0, 0)',
    'torch.ones(2).permute(1)',
    'torch.ones(2).permute(0, 1)',
    'torch.tensor(1.).permute(0)',
    'torch.tensor(1.).permute()',
    'torch.tensor(1.).size(0)',
    'torch.tensor(1.).size(-1)',
    'torch.ones(2,3).size(2)',
    'torch.ones(2,3).size(-3)',
    'torch.ones(2,3).size(-2)',
    'torch.tensor(1.).flatten(1)',
    'torch.tensor(1.).flatten(0, 1)',
    'torch.tensor(1.).flatten(-1)',
    'torch.tensor(1.).flatten(0)',
    'torch.ones(2,3).flatten(2)',
    'torch.ones(2,3).flatten(1, 0)',
    'torch.tensor(1.).transpose(0, 1)',
    'torch.tensor(1.).transpose(0, -1)',
    'torch.tensor(1.).unsqueeze(1)',
    'torch.ones(2).view(2, 1.5)',
    'torch.ones(2).expand(2, 1.5)',
    'torch.ones(2).permute(0.5)',
    'torch.ones(2).permute([0.5])',
    'torch.ones(2,2).permute(0, 0.5)',
    'torch.ones(2).reshape(2.0)',
    'torch.ones(2).reshape(1, 2.0)',
    'torch.ones(2).transpose(0, 0.5)',
    'torch.ones(2).transpose(0, None)',
    'torch.ones(2).unsqueeze(0.5)',
    'torch.ones(2).unsqueeze(None)',
    'torch.ones(2).flatten(0, 0.5)',
    'torch.ones(2).size(None)',
    'torch.ones(2).size("a")',
    'torch.ones(2).expand(torch.tensor(2))',
    'torch.ones(2).view(torch.tensor(2))',
    'torch.ones(2).permute(torch.tensor(0))',
    'torch.ones(2).unsqueeze(torch.tensor(0))',
    'torch.ones(2).unsqueeze(True)',
    'torch.ones(2).size(True)',
    'torch.ones(2).add(other=torch.ones(2))',
    'torch.ones(2).flatten(start_dim=0)',
    'torch.ones(2, 3).permute(dims=(1, 0)).shape',
    'torch.ones(2, 3).transpose(dim0=1, dim1=0).shape',
    'torch.tensor(1.).permute([])',
    'torch.ones(2,3).permute([1, 0]).shape',
    'torch.ones(2,3).permute(1, -1)',
    'torch.ones(2,3).permute(1, 2)',
    'torch.ones(2,3).view(-1, 3).shape',
    'torch.ones(2,3).view(torch.Size([3, 2])).shape',
    'torch.ones(2,3).view((3, 2)).shape',
    'torch.ones(2,3).reshape([3, 2]).shape',
    'torch.tensor(2.).T',
    'torch.ones(2, 3).T.shape',
    'torch.ones(2).permute(0)',
]


@pytest.mark.parametrize("expression", ARGUMENT_CASES)
def test_method_arguments_checked_as_pytorch_checks_them(expression):
    source = f"out = {expression}"
    assert _close(run(torch, source), run(minigrad, source))


# what a node saves: only what a needed gradient uses (so a later in-place change of the other input is
# no error), as PyTorch's generated code saves it; then the version error names the node as PyTorch does
SAVED_CASES = [
    "y = x * w; out = (y.grad_fn._saved_self, y.grad_fn._saved_other)",
    "y = x / w; out = (y.grad_fn._saved_self, y.grad_fn._saved_other)",
    "y = w / x; out = (y.grad_fn._saved_self, y.grad_fn._saved_other)",
    "y = x % w; out = (y.grad_fn._saved_self, y.grad_fn._saved_other)",
    "y = w % x; out = (y.grad_fn._saved_self, y.grad_fn._saved_other)",
    "y = x ** w; out = (y.grad_fn._saved_self, y.grad_fn._saved_exponent, y.grad_fn._saved_result)",
    "y = 2 ** x; out = (y.grad_fn._saved_exponent, y.grad_fn._saved_result)",
    "v = w * 1; y = x * v; v.add_(1); y.sum().backward(); out = x.grad",
    "v = x * 1; y = v * w; v.add_(1); y.sum().backward(); out = x.grad",
    "v = x * 1; y = v / w; v.add_(1); y.sum().backward(); out = x.grad",
    "y = x ** w; y.add_(1); y.sum().backward()",
    "y = 2 ** x; z = y * 1; y.add_(1); z.sum().backward()",
    "y = x ** torch.tensor(-3.); y.clamp_(min=0); y.sum().backward()",
    # the order of an in-place op's checks: leaf, overlapping memory, shape, dtype
    "x.sub_(True)",
    "x.add_(torch.ones(3))",
    "y = torch.ones(3).expand(2, 3); y.mul_(torch.ones(4, 2, 3))",
    "y = torch.ones(3).bool().expand(2, 3); y.mul_(2.5)",
    "y = torch.ones(3).expand(2, 3)[0, 0]; y.mul_(torch.ones(4))",
    "y = torch.tensor(True); y.add_(torch.ones(2))",
    "y = torch.tensor([True]); y.add_(torch.ones(1))",
    "y = torch.tensor([1], dtype=torch.int32); y.clamp_(0.5); out = y",
    "y = torch.tensor([True]); y.clamp_(min=0); out = y",
    "y = torch.tensor([True]); y.add_(True, alpha=2); out = y",
    "y = torch.tensor(2.).T; out = y",
    # a number first in the module-level spellings: a constant input (add/sub/mul/div) or the reflected node
    "out = (torch.add(2, x), torch.sub(2, x), torch.mul(2, x), torch.div(2, x))",
    "out = (torch.pow(2, x), torch.remainder(2., x), torch.floor_divide(2, x))",
    "out = (torch.div(2, torch.tensor([1, 2])), torch.add(2.5, torch.tensor([1, 2])))",
    "out = torch.sub(True, x)",
]


@pytest.mark.parametrize("program", SAVED_CASES)
def test_saved_tensors_as_pytorch_saves_them(program):
    source = "x = torch.tensor([1., 2.], requires_grad=True); w = torch.tensor([3., 4.]); " + program
    assert _close(run(torch, source), run(minigrad, source))


def test_binary_operators_agree_with_pytorch():
    found = differences(binary_programs())
    assert not found, f"{len(found)} differ:\n" + "\n".join(found[:20])


def test_in_place_operators_agree_with_pytorch():
    found = differences(in_place_programs())
    assert not found, f"{len(found)} differ:\n" + "\n".join(found[:20])


if __name__ == "__main__":  # python -m tests.test_arith_semantics: every difference, for development
    import sys
    progs = list(binary_programs()) + list(in_place_programs()) + list(grad_programs())
    found = differences(progs)
    print("\n".join(found))
    print(f"{len(found)} of {len(progs)} differ", file=sys.stderr)
