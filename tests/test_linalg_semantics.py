"""Matrix products, norms and reductions against PyTorch: the graph ``a @ b`` records for every pair of
dimensions (1-D to 4-D, broadcast batches, transposed operands, which operand requires grad), values and
gradients, the error each kernel raises, every p of the vector norm, and the reductions' errors and
gradients at ties, zeros and NaNs. Gradients are also checked against central differences (no torch needed)."""
import itertools
import math

import numpy as np
import pytest

import minigrad
from minigrad.autograd import gradcheck


def chain(node):
    """The graph below ``node`` as text: ``MmBackward0(ViewBackward0(Acc), None)``."""
    if node is None:
        return "None"
    name = node.name().replace("torch::autograd::", "")
    if name == "AccumulateGrad":
        return "Acc"
    return f"{name}(" + ", ".join(chain(f) for f, _ in node.next_functions) + ")"


def transpose01(x):
    return x.transpose(0, 1)


def last_two(x):
    return x.mT


def expand4(x):
    return x.expand(4, *x.shape[1:])


# (shape of a, layout change of a, shape of b, layout change of b): every kernel and path of matmul
OPERANDS = {
    "1@1": ((3,), None, (3,), None), "2@1": ((2, 3), None, (3,), None), "1@2": ((3,), None, (3, 2), None),
    "2@2": ((2, 3), None, (3, 2), None), "3@1": ((4, 2, 3), None, (3,), None), "3@2": ((4, 2, 3), None, (3, 2), None),
    "1@3": ((3,), None, (4, 3, 2), None), "2@3": ((2, 3), None, (4, 3, 2), None), "3@3": ((4, 2, 3), None, (4, 3, 2), None),
    "4@1": ((5, 4, 2, 3), None, (3,), None), "2@4": ((2, 3), None, (5, 4, 3, 2), None),
    "3@4": ((4, 2, 3), None, (5, 4, 3, 2), None), "4@3 broadcast": ((5, 1, 2, 3), None, (4, 3, 2), None),
    "3T@1": ((2, 4, 3), transpose01, (3,), None), "3T@2": ((2, 4, 3), transpose01, (3, 2), None),
    "3@3 mT": ((4, 2, 3), None, (4, 2, 3), last_two), "1@3T": ((3,), None, (3, 4, 2), transpose01),
    "3 expanded@2": ((1, 2, 3), expand4, (3, 2), None), "batch of one@3": ((1, 2, 3), None, (4, 3, 2), None),
    "3@batch of one": ((4, 2, 3), None, (1, 3, 2), None), "2@3T": ((2, 3), None, (3, 4, 2), transpose01),
}
GRADS = [(True, False), (False, True), (True, True)]


def _operands(lib, spec, grads, dtype="float64"):
    shape_a, change_a, shape_b, change_b = spec
    rng = np.random.default_rng(0)
    leaf_a = lib.tensor(rng.normal(size=shape_a).astype(dtype), requires_grad=grads[0])
    leaf_b = lib.tensor(rng.normal(size=shape_b).astype(dtype), requires_grad=grads[1])
    a = change_a(leaf_a) if change_a else leaf_a
    b = change_b(leaf_b) if change_b else leaf_b
    return leaf_a, leaf_b, a, b


@pytest.mark.parametrize("name", OPERANDS)
def test_matmul_graph_values_and_gradients_are_pytorchs(name):
    torch = pytest.importorskip("torch")
    for grads in GRADS:
        results = []
        for lib in (torch, minigrad):
            leaf_a, leaf_b, a, b = _operands(lib, OPERANDS[name], grads)
            y = a @ b
            weights = lib.tensor(np.arange(1.0, y.numel() + 1).reshape(tuple(y.shape)))
            (y * weights).sum().backward()
            results.append((chain(y.grad_fn), y.detach().numpy(),
                            [t.grad.numpy() for t in (leaf_a, leaf_b) if t.requires_grad]))
        (t_graph, t_value, t_grads), (m_graph, m_value, m_grads) = results
        assert m_graph == t_graph, (name, grads)
        np.testing.assert_allclose(m_value, t_value, rtol=1e-12)
        for t_grad, m_grad in zip(t_grads, m_grads):
            np.testing.assert_allclose(m_grad, t_grad, rtol=1e-12)


@pytest.mark.parametrize("name", ["2@1", "1@2", "3@2", "2@3", "3@3", "3T@1", "batch of one@3", "4@3 broadcast"])
def test_matmul_gradients_match_central_differences(name):
    leaf_a, leaf_b, _, _ = _operands(minigrad, OPERANDS[name], (True, True))
    _, change_a, _, change_b = OPERANDS[name]
    same = lambda x: x  # noqa: E731

    def product(x, y):
        return ((change_a or same)(x) @ (change_b or same)(y)) * 1.5
    assert gradcheck(product, (leaf_a, leaf_b))


def test_saved_tensors_carry_pytorchs_names():
    a = minigrad.ones(2, 3, requires_grad=True)
    v = minigrad.ones(3, requires_grad=True)
    assert (a @ a.t()).grad_fn._saved_mat2.shape == (3, 2)
    assert (a @ v).grad_fn._saved_vec.shape == (3,)
    assert (v @ v).grad_fn._saved_tensor.shape == (3,)


_DTYPES = ["torch.bool", "torch.int32", "torch.int64", "torch.float32", "torch.float64"]
_KERNELS = {"torch.dot": ("(3,)", "(3,)"), "torch.mv": ("(2, 3)", "(3,)"), "torch.mm": ("(2, 3)", "(3, 4)"),
            "torch.bmm": ("(2, 2, 3)", "(2, 3, 4)"), "torch.matmul": ("(2, 2, 3)", "(3,)")}
_SHAPE_ERRORS = [
    "torch.dot(o(3), o(4))", "torch.dot(o(3, 1), o(3))", "torch.mv(o(2, 3), o(4))", "torch.mv(o(3), o(3))",
    "torch.mm(o(2, 3), o(4, 2))", "torch.mm(o(3), o(3, 2))", "torch.mm(o(2, 3), o(3))", "torch.bmm(o(2, 2, 3), o(2, 4, 2))",
    "torch.bmm(o(2, 2, 3), o(3, 3, 2))", "torch.bmm(o(2, 3), o(2, 3, 2))", "torch.matmul(torch.tensor(1.), o(3, 2))",
    "o(3) @ o(4)", "o(2, 3) @ o(4)", "o(3) @ o(4, 2)", "o(2, 2, 3) @ o(4)", "o(2, 2, 3).transpose(0, 1) @ o(4)",
    "o(2, 2, 3) @ o(4, 2)", "o(3) @ o(2, 4, 2)", "o(3, requires_grad=True) @ o(2, 4, 2)", "o(2, 3) @ o(2, 4, 2)",
    "o(2, 3, requires_grad=True) @ o(2, 4, 2)", "o(2, 2, 3) @ o(3, 3, 2)", "o(5, 2, 2, 3) @ o(3, 3, 2)",
    "o(2, 2, 3) @ o(3, 3, 2).double()", "o(2, 2, 3).bool() @ o(2, 4, 2)", "o(3) @ o(4).double()",
]


def _outcome(lib, code):
    env = {"torch": lib, "o": lambda *shape, **kw: lib.ones(*shape, **kw)}
    try:
        result = eval(code, env)
    except Exception as e:  # the outcome compared is the error itself
        return f"{type(e).__name__}: {e}"
    if isinstance(result, tuple):  # (values, indices)
        return [f"{tuple(r.shape)} {r.dtype}" for r in result]
    return f"{tuple(result.shape)} {result.dtype}"


def _out_under(lib, code):
    """The list ``out`` that ``code`` builds with ``lib`` as its tensor library."""
    namespace = {"lib": lib}
    exec(code, namespace)
    return namespace["out"]


@pytest.mark.parametrize("kernel", _KERNELS)
def test_product_dtype_errors_are_pytorchs(kernel):
    torch = pytest.importorskip("torch")
    a, b = _KERNELS[kernel]
    for dtype_a, dtype_b in itertools.product(_DTYPES, repeat=2):
        code = f"{kernel}(o{a}.to({dtype_a}), o{b}.to({dtype_b}))"
        assert _outcome(minigrad, code) == _outcome(torch, code), code


def test_product_shape_errors_are_pytorchs():
    torch = pytest.importorskip("torch")
    for code in _SHAPE_ERRORS:
        assert _outcome(minigrad, code) == _outcome(torch, code), code


NORM_INPUTS = [np.array([[0., -2., 3.], [0., 0., 0.]]), np.array([[1., -3., 3.], [-2., 2., 0.5]]),
               np.array([1., np.nan, 3.]), np.array(2.5)]
ORDERS = [0, 1, 2, 3, 0.5, 1.5, -1, -0.5, math.inf, -math.inf, "fro"]


@pytest.mark.parametrize("p", ORDERS, ids=str)
def test_vector_norm_values_gradients_and_node_are_pytorchs(p):
    torch = pytest.importorskip("torch")
    for value, keepdim in itertools.product(NORM_INPUTS, (False, True)):
        for dim in [None] + list(range(value.ndim)):
            results = []
            for lib in (torch, minigrad):
                x = lib.tensor(value, requires_grad=True)
                y = x.norm(p, dim=dim, keepdim=keepdim) if dim is not None else x.norm(p)
                weights = lib.tensor(np.arange(1.0, y.numel() + 1).reshape(tuple(y.shape)))
                (y * weights).sum().backward()
                results.append((y.grad_fn.name(), y.detach().numpy(), None if x.grad is None else x.grad.numpy()))
            (t_name, t_value, t_grad), (m_name, m_value, m_grad) = results
            assert m_name == t_name
            np.testing.assert_allclose(m_value, t_value, rtol=1e-12)
            assert (m_grad is None) == (t_grad is None), (value, p, dim)  # p = 0 sends no gradient
            if t_grad is not None:
                np.testing.assert_allclose(m_grad, t_grad, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("p", [1, 2, 3, 0.5, 1.5, -1, -0.5, math.inf, -math.inf], ids=str)
def test_vector_norm_gradients_match_central_differences(p):
    x = minigrad.tensor(np.random.default_rng(1).normal(size=(3, 4)), requires_grad=True)
    assert gradcheck(lambda t: t.norm(p, dim=1), (x,))
    assert gradcheck(lambda t: t.norm(p), (x,))
    assert gradcheck(lambda t: minigrad.linalg.vector_norm(t, p, dim=0, keepdim=True), (x,))


REDUCTION_CASES = [
    "torch.ones(3).long().norm()", "torch.norm(torch.ones(3) > 0, dim=0)", "torch.ones(2, 3).int().norm(1)",
    "torch.zeros(0).norm(float('inf'))", "torch.zeros(0, 2).norm(-1, dim=0)", "torch.zeros(0).norm()",
    "torch.ones(2, 3).norm('fro', (0, 1, 0))", "torch.ones(2, 3).norm('abc')", "torch.ones(2, 3).norm(2, 5)",
    "torch.ones(2, 3).norm(dtype=torch.float64)", "torch.ones(2, 3).norm(p=2, dim=[])",
    "(torch.ones(3) > 0).argmax()", "torch.argmin(torch.tensor(True), dim=0)", "torch.zeros(0, 3).argmax(0)",
    "torch.zeros(0, 3).max(0)", "torch.zeros(0, 3).min()", "torch.zeros(0, 3).amax(0)", "torch.zeros(0, 3).amin(1)",
    "torch.ones(2, 3).int().mean()", "torch.ones(2, 3).sum(())", "torch.ones(2, 3).amax()", "torch.tensor(4).all(1)",
    "torch.tensor(2.5).var(0, correction=0)", "torch.zeros(0, 3).prod(2)", "torch.tensor(True).topk(2, 0)",
    "(torch.ones(2, 3) > 0).topk(1)", "torch.tensor(4.).topk(1)",
]


def test_reduction_and_norm_errors_are_pytorchs():
    torch = pytest.importorskip("torch")
    for code in REDUCTION_CASES:
        assert _outcome(minigrad, code) == _outcome(torch, code), code


@pytest.mark.parametrize("reduction", ["x.amax(1)", "x.amin()", "x.max()", "x.min(1).values", "x.std(1)",
                                       "x.norm(float('inf'), 1)", "x.sum((0, 1))", "x.mean(1)", "x.prod()",
                                       "x.prod(1)", "x.sort(1, descending=True).values"])
def test_reduction_gradients_at_ties_zeros_and_nans_are_pytorchs(reduction):
    torch = pytest.importorskip("torch")
    for value in ([[1., 3., 3.], [2., 2., -1.]], [[float("nan"), 1., 2.], [0., 0., 0.]]):
        grads = []
        for lib in (torch, minigrad):
            x = lib.tensor(value, dtype=lib.float64, requires_grad=True)
            y = eval(reduction, {"x": x})
            (y * lib.arange(1.0, y.numel() + 1, dtype=lib.float64).reshape(tuple(y.shape))).sum().backward()
            grads.append(x.grad.numpy())
        np.testing.assert_allclose(grads[1], grads[0], rtol=1e-12, equal_nan=True, err_msg=f"{reduction} {value}")


def test_second_derivative_of_prod_is_pytorchs():
    torch = pytest.importorskip("torch")
    hessians = []
    for lib in (torch, minigrad):
        a = lib.tensor([[1.5, -2., 0.5], [3., 1.25, 2.]], dtype=lib.float64, requires_grad=True)
        (g,) = lib.autograd.grad(a.prod(1).sum(), (a,), create_graph=True)
        (h,) = lib.autograd.grad((g * g).sum(), (a,))
        hessians.append(h.numpy())
    np.testing.assert_allclose(hessians[1], hessians[0], rtol=1e-12)


def test_sort_puts_nan_where_pytorch_does():
    torch = pytest.importorskip("torch")
    value = [[1., float("nan"), 2., float("inf")], [float("nan"), 0., 0., -1.]]
    for descending in (False, True):
        t, m = torch.tensor(value).sort(descending=descending), minigrad.tensor(value).sort(descending=descending)
        assert m.indices.tolist() == t.indices.tolist()


PRODUCTS = {"dot": ((3,), (3,)), "mv": ((2, 3), (3,)), "mm": ((2, 3), (3, 2)), "bmm": ((2, 2, 3), (2, 3, 2)),
            "linear": ((4, 3), (2, 3))}


@pytest.mark.parametrize("kind", sorted(PRODUCTS))
@pytest.mark.parametrize("changed", [0, 1])
def test_products_keep_only_the_operand_a_needed_gradient_uses(kind, changed):
    """PyTorch keeps each operand only for the other operand's gradient: changing in place, after the product,
    the operand that requires grad (its partner needs no gradient, so it was not kept) is no error."""
    torch = pytest.importorskip("torch")
    outcomes = []
    for lib in (minigrad, torch):
        shapes = PRODUCTS[kind]
        leaves = [lib.tensor(np.arange(1, math.prod(s) + 1, dtype=np.float32).reshape(s) / 4) for s in shapes]
        leaves[changed].requires_grad_(True)
        operands = [leaf * 1 for leaf in leaves]  # non-leaves, so that they may be changed in place
        op = {"linear": lib.nn.functional.linear}.get(kind) or getattr(lib, kind)
        result = op(*operands)
        operands[changed].add_(1)
        try:
            result.sum().backward()
            outcomes.append(leaves[changed].grad.tolist())
        except RuntimeError as error:
            outcomes.append(str(error)[:60])
    assert outcomes[0] == outcomes[1]


def test_vector_times_matrix_counts_pytorchs_in_place_squeeze():
    """``v @ M`` is PyTorch's ``mm`` then ``squeeze_(0)``: the product is already at version 1, which a
    version error names later (expected version 1)."""
    torch = pytest.importorskip("torch")
    code = ("a = lib.ones(3, requires_grad=True)\n"
            "out = [eval(e)._version for e in ['a @ lib.ones(3, 2)', 'lib.ones(2, 3) @ a', 'a @ a',"
            " 'a @ lib.ones(2, 3, 2)', 'lib.ones(3) @ lib.ones(3, 2)']]\n"
            "y = a @ lib.ones(3, 2); z = y.abs(); y.zero_()\n"
            "try: z.sum().backward()\n"
            "except RuntimeError as e: out.append(str(e))")
    results = [_out_under(torch, code), _out_under(minigrad, code)]
    assert results[0] == results[1]


def test_products_check_their_saved_tensors_in_pytorchs_order():
    """PyTorch's nodes unpack their saved tensors by name: mm and bmm check mat2 before self, mv self
    before vec, so the version error names the same tensor."""
    torch = pytest.importorskip("torch")
    code = ("x = lib.ones(3, 2, requires_grad=True); out = []\n"
            "for op in ['a @ b', 'lib.mm(a, b)', 'a.t() @ b.t()', 'lib.matmul(a.expand(2, 3, 2), b.expand(2, 2, 3))',"
            " 'lib.mv(b, a[:, 0])']:\n"
            "    a = x * 1; b = x.t() * 2; y = eval(op); a.add_(1); b.mul_(1)\n"
            "    try: y.sum().backward()\n"
            "    except RuntimeError as e: out.append(str(e))")
    results = [_out_under(torch, code), _out_under(minigrad, code)]
    assert results[0] == results[1] and len(results[0]) == 5
