"""Cross-checks against PyTorch for issue 10 (and issue 9's "no NumPy warnings", issue 13's two engine fixes).

Each case is a short program run twice, with ``torch`` bound to PyTorch and to minigrad; what it leaves in
``out`` (its repr, addresses masked) or the error it raises (type and message) must be the same, and
minigrad must not emit a NumPy RuntimeWarning. Skipped without PyTorch.
"""
import importlib
import re
import warnings

import numpy as np
import pytest

import minigrad
from minigrad.autograd import gradcheck

CASES = {
    'x0_iadd': 'x = torch.tensor([1., 2.]); x[0] += 1; out = x',
    'sum_zero_': 'x = torch.tensor([1., 2.]); s = x.sum(); s.zero_(); out = s',
    'sum0_of_0d': 'out = torch.tensor(2.).sum(0)',
    'item_index_0d': 'out = torch.tensor(1.)[0]',
    'setitem_grad': 'x = torch.ones(3, requires_grad=True); y = x * 2; y[0] = 0; y.sum().backward(); out = (x.grad, y.grad_fn)',
    'loop_build': 'x = torch.tensor([1., 2., 3.], requires_grad=True); o = torch.zeros(3)\nfor i in range(3): o[i] = x[i] ** 2\no.sum().backward(); out = (x.grad, o.grad_fn)',
    'view_shares': 'a = torch.ones(3); b = a * 1; v = b[:2]; v += 1; out = b',
    'view_leaf_inplace': 'a = torch.ones(3, requires_grad=True); v = a[:2]; v += 1',
    'leaf_inplace': 'a = torch.ones(3, requires_grad=True); a += 1',
    'version_err': 'a = torch.ones(3, requires_grad=True); b = a * 2; c = b * b; b += 1; c.sum().backward()',
    'version_exp': 'a = torch.ones(3, requires_grad=True); b = a.exp(); b.add_(1); b.sum().backward()',
    'relu_sqrt': 'x = torch.tensor([-1., 4.], requires_grad=True); torch.relu(x).sqrt().sum().backward(); out = x.grad',
    'clamp_log': 'x = torch.tensor([-1., 4.], requires_grad=True); x.clamp(min=0).log().sum().backward(); out = x.grad',
    'abs0': 'x = torch.tensor([0., -2.], requires_grad=True); x.abs().sum().backward(); out = x.grad',
    'max_tie': 'x = torch.tensor([1., 3., 3.], requires_grad=True); x.max().backward(); out = x.grad',
    'maximum_tie': 'x = torch.tensor([1., 3.], requires_grad=True); y = torch.tensor([1., 2.], requires_grad=True); torch.maximum(x, y).sum().backward(); out = (x.grad, y.grad)',
    'second_ce': 'x = torch.randn(3, 4, requires_grad=True); l = torch.nn.functional.cross_entropy(x, torch.tensor([0, 1, 2])); l.backward(); l.backward()',
    'second_maxdim': 'x = torch.randn(3, 4, requires_grad=True); l = x.max(1)[0].sum(); l.backward(); l.backward()',
    'second_pool': 'x = torch.randn(1, 1, 4, 4, requires_grad=True); l = torch.nn.functional.max_pool2d(x, 2).sum(); l.backward(); l.backward()',
    'second_listidx': 'x = torch.randn(4, requires_grad=True); l = x[[0, 1]].sum(); l.backward(); l.backward()',
    'second_add': 'x = torch.randn(4, requires_grad=True); l = (x + 1).sum(); l.backward(); l.backward(); out = x.grad.shape',
    'pow_dtype': 'out = torch.ones(3).pow(torch.tensor([1, 2, 3])).dtype',
    'cat_int_float': 'out = torch.cat([torch.tensor([1, 2]), torch.tensor([1.5])])',
    'exp_int': 'out = (torch.tensor([1, 2]).exp().dtype, torch.tensor([1, 2]).cos().dtype, torch.tensor([1]).sigmoid().dtype, torch.tensor([True]).sqrt().dtype)',
    'grad_dtype': 'x = torch.ones(2, requires_grad=True); out = torch.autograd.grad((x.double() * 2).sum(), x)[0].dtype',
    'idiv_f64': 'x = torch.ones(2); x /= torch.tensor([2.], dtype=torch.float64); out = x',
    'mm_f64_f32': 'out = torch.ones(2, 3, dtype=torch.float64) @ torch.ones(3, 2)',
    'w_minus_none': 'w = torch.ones(2, requires_grad=True)\nwith torch.no_grad(): w -= w.grad',
    'float_2': 'out = float(torch.ones(2))',
    'transpose_oob': 'out = torch.ones(2, 3).transpose(0, 2)',
    'unsqueeze_oob': 'out = torch.ones(2, 3).unsqueeze(3)',
    'cat_0d': 'out = torch.cat([torch.tensor(1.), torch.tensor(2.)])',
    'argmax_empty': 'out = torch.tensor([]).argmax()',
    'bmm_mismatch': 'out = torch.ones(2, 2, 3) @ torch.ones(3, 3, 2)',
    'neg_step': 'out = torch.ones(3)[::-1]',
    'np_exp_rg': 'import numpy as np; out = np.exp(torch.ones(2, requires_grad=True))',
    'add_list': 'out = torch.ones(2) + [1, 2]',
    'mm_dims': 'out = torch.mm(torch.ones(3), torch.ones(3, 3))',
    'dot_dims': 'out = torch.dot(torch.ones(3), torch.ones(3, 3))',
    'mse_int': 'out = torch.nn.functional.mse_loss(torch.tensor([1, 2]), torch.tensor([1, 3]))',
    'softmax_1d_dim1': 'out = torch.nn.functional.softmax(torch.ones(3), dim=1)',
    'long_gradfn': 'x = torch.ones(2, requires_grad=True); out = (x * 2).long()',
    'linear_2d': 'torch.manual_seed(0); l = torch.nn.Linear(3, 2); o = l(torch.ones(4, 3)); out = (o.grad_fn.name(), [type(n).__name__ if n else None for n, _ in o.grad_fn.next_functions])',
    'linear_1d': 'torch.manual_seed(0); l = torch.nn.Linear(3, 2); o = l(torch.ones(3)); out = (o.grad_fn.name(), [type(n).__name__ if n else None for n, _ in o.grad_fn.next_functions])',
    'linear_nobias': 'l = torch.nn.Linear(3, 2, bias=False); o = l(torch.ones(4, 3)); out = (o.grad_fn.name(), [type(n).__name__ if n else None for n, _ in o.grad_fn.next_functions])',
    'ce_graph': 'x = torch.ones(2, 3, requires_grad=True); l = torch.nn.functional.cross_entropy(x, torch.tensor([0, 1])); out = (l.grad_fn.name(), [type(n).__name__ for n, _ in l.grad_fn.next_functions])',
    'none_idx': 'x = torch.ones(3, requires_grad=True); out = x[None].grad_fn.name()',
    'expand_noop': 'x = torch.ones(3, requires_grad=True); out = x.expand(3).grad_fn.name()',
    'flatten_1d': 'x = torch.ones(3, requires_grad=True); out = x.flatten().grad_fn',
    'ellipsis': 'x = torch.ones(3, requires_grad=True); out = x[...].grad_fn.name()',
    'saved': 'x = torch.tensor([1., 2.], requires_grad=True); y = x * x; e = x.exp(); out = (y.grad_fn._saved_self, y.grad_fn._saved_other, e.grad_fn._saved_result)',
    'hook': 'x = torch.ones(2, requires_grad=True); y = x * 2; y.register_hook(lambda g: g * 10); y.sum().backward(); out = x.grad',
    'hook_leaf': 'x = torch.ones(2, requires_grad=True); x.register_hook(lambda g: g * 3); (x * 2).sum().backward(); out = x.grad',
    'contig': 'x = torch.ones(2, 3); t = x.t(); out = (t.is_contiguous(), t.contiguous().is_contiguous(), x.is_contiguous())',
    'view_noncontig': 'x = torch.ones(2, 3); out = x.t().view(6)',
    'transpose_shares': 'x = torch.zeros(2, 3); t = x.t(); t[0, 1] = 5; out = x',
    'reshape_shares': 'x = torch.zeros(2, 3); r = x.reshape(6); r[0] = 5; out = x',
    'zero_grad_fn': 'x = torch.ones(3, requires_grad=True); y = x * 2; y.zero_(); out = y',
    'fill_grad_fn': 'x = torch.ones(3, requires_grad=True); y = x * 2; y.fill_(3); y.sum().backward(); out = (y, x.grad)',
    'copy_grad': 'x = torch.ones(3, requires_grad=True); y = torch.zeros(3); y.copy_(x * 2); y.sum().backward(); out = (y, x.grad)',
    'masked_fill': 'x = torch.ones(3, requires_grad=True); y = x * 2; y.masked_fill_(torch.tensor([True, False, True]), 0); y.sum().backward(); out = (y, x.grad)',
    'clamp_': 'x = torch.tensor([-1., 2.], requires_grad=True); y = x * 1; y.clamp_(min=0); y.sum().backward(); out = (y, x.grad)',
    'relu_': 'x = torch.tensor([-1., 2.], requires_grad=True); y = x * 1; y.relu_(); y.sum().backward(); out = (y, x.grad)',
    'exp_': 'x = torch.tensor([0., 1.], requires_grad=True); y = x * 1; y.exp_(); y.sum().backward(); out = (y, x.grad)',
    'nonleaf_rg_true': 'x = torch.ones(2, requires_grad=True); y = x * 2; out = y.requires_grad_(True)',
    'nonleaf_rg_false': 'x = torch.ones(2, requires_grad=True); y = x * 2; y.requires_grad_(False)',
    'bw_list': 'x = torch.ones(2, requires_grad=True); (x * 2).backward(gradient=[1., 1.])',
    'bw_float': 'x = torch.ones(2, requires_grad=True); (x * 2).backward(gradient=1.0)',
    'div_warn': 'out = torch.tensor([1., 0.]) / torch.tensor([0., 0.])',
    'fn_bad_shape': 'class H(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x): return x * 2\n    @staticmethod\n    def backward(ctx, g): return torch.ones(3, 5)\nH.apply(torch.ones(4, 3, requires_grad=True)).sum().backward()',
    'fn_bad_count': 'class G(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x, k): return x * k\n    @staticmethod\n    def backward(ctx, g): return g\nG.apply(torch.ones(2, requires_grad=True), 2).sum().backward()',
    'fn_setup_ctx': 'class S(torch.autograd.Function):\n    @staticmethod\n    def forward(x, k): return x * k\n    @staticmethod\n    def setup_context(ctx, inputs, output): ctx.k = inputs[1]\n    @staticmethod\n    def backward(ctx, g): return g * ctx.k, None\nx = torch.ones(2, requires_grad=True); y = S.apply(x, 3.); y.sum().backward(); out = (y, x.grad)',
    'fn_nondiff': 'class M(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n        i = x.argmax(); ctx.mark_non_differentiable(i); return x * 2, i\n    @staticmethod\n    def backward(ctx, g, gi): return g * 2\nx = torch.ones(2, requires_grad=True); y, i = M.apply(x); y.sum().backward(); out = (y, i, x.grad, i.requires_grad)',
    'fn_materialize': 'class Z(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x): return x * 1, x * 2\n    @staticmethod\n    def backward(ctx, a, b): return a + b\nx = torch.ones(2, requires_grad=True); p, q = Z.apply(x); p.sum().backward(); out = x.grad',
    'fn_repr': 'class F(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x): return x * 2\n    @staticmethod\n    def backward(ctx, g): return g * 2\nout = F.apply(torch.ones(2, requires_grad=True))',
    'fn_saved_released': 'class F(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n        ctx.save_for_backward(x); return x * 2\n    @staticmethod\n    def backward(ctx, g): return g * 2\ny = F.apply(torch.ones(2, requires_grad=True)); y.sum().backward(); y.grad_fn.saved_tensors',
    'fn_none_nontensor': 'class F(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x, k):\n        return x * k\n    @staticmethod\n    def backward(ctx, g): return g * 2, None\nx = torch.ones(2, requires_grad=True); y = F.apply(x, 5); y.sum().backward(); out = (x.grad, y.grad_fn.next_functions[0][0].__class__.__name__, len(y.grad_fn.next_functions))',
    'ragged': 'out = torch.tensor([[1, 2], [3]])',
    'str_tensor': "out = torch.tensor('a')",
    'cat_numbers': 'out = torch.cat([1, 2])',
    'cat_not_list': 'out = torch.cat(torch.ones(2), torch.ones(2))',
    'cat_ndims': 'out = torch.cat([torch.ones(2), torch.ones(2, 2)])',
    'stack_dim': 'out = torch.stack([torch.ones(2), torch.ones(2)], dim=2)',
    'max_empty': 'out = torch.tensor([]).max()',
    'select_oob': 'out = torch.ones(2, 3).select(0, 2)',
    'expand_bad': 'out = torch.ones(2, 3).expand(3, 3)',
    'reshape_bad': 'out = torch.ones(2, 3).reshape(4, -1)',
    'dup_dims': 'out = torch.ones(2, 3).mean(dim=(0, 0))',
    'floordiv_mod': "x = torch.tensor([1.5, -2.5], requires_grad=True); out = (x // 2, x % 2, x.div(2, rounding_mode='trunc'))",
    'where_edges': 'x = torch.ones(2, requires_grad=True); out = [type(n).__name__ if n else None for n, _ in torch.where(x > 0, -x, x).grad_fn.next_functions]',
    'bmm_node': 'out = torch.bmm(torch.ones(1, 2, 3, requires_grad=True), torch.ones(1, 3, 2)).grad_fn.name()',
    'no_grad_view_fill': 'a = torch.ones(1, 1, requires_grad=True); b = a @ a.t(); v = b[0]\nwith torch.no_grad(): v.fill_(0)\nout = (v, v.grad_fn.name())',
    # a 0-d tensor filled in gets the gradient of every element it filled (it got none before: silently)
    'masked_fill_tensor_value': 'x = torch.ones(2, 3, requires_grad=True); v = torch.tensor(2., requires_grad=True)\n'
                                'm = torch.tensor([True, False, True])\ny = x.masked_fill(m, v); (y * y).sum().backward()\n'
                                'z = torch.zeros(3); z.masked_fill_(m, v * 1); z.sum().backward()\n'
                                'out = (y, x.grad, v.grad, z, [type(f).__name__ if f else None for f, _ in y.grad_fn.next_functions])',
    # var and std backward in PyTorch's steps: create_graph records the same graph
    'var_std_double_backward_graph': 'def tree(fn):\n'
                                     '    if fn is None: return None\n'
                                     '    name = fn.name().rpartition("::")[2]\n'
                                     '    return name if name == "AccumulateGrad" else (name, [tree(f) for f, _ in fn.next_functions])\n'
                                     'out = []\n'
                                     'x3 = torch.tensor([[[1., .5, 2.], [.5, 2., -1.]], [[0., 1., 3.], [2., 2., .5]]], dtype=torch.float64)\n'
                                     'for x, call in [(x3, "var()"), (x3, "var(0)"), (x3, "var((0, 2))"), (x3, "var(1, keepdim=True)"),'
                                     ' (x3, "std()"), (x3, "std(2)"), (x3, "std((0, 1), correction=0)"), (x3[0, 0], "var(0)"), (x3[0, 0], "std(0)")]:\n'
                                     '    x = x.clone().requires_grad_(); y = eval("x." + call)\n'
                                     '    (g,) = torch.autograd.grad((y * y).sum(), x, create_graph=True)\n'
                                     '    (h,) = torch.autograd.grad((g * g).sum(), x)\n'
                                     '    out.append((call, tree(g.grad_fn), g, h))',
    'prod_double_backward_graph': 'def tree(fn):\n'
                                  '    if fn is None: return None\n'
                                  '    name = fn.name().rpartition("::")[2]\n'
                                  '    return name if name == "AccumulateGrad" else (name, [tree(f) for f, _ in fn.next_functions])\n'
                                  'out = []\n'
                                  'x2 = torch.tensor([[1., .5, 2.], [.5, 2., -1.]], dtype=torch.float64)\n'
                                  'for x, call in [(x2, "prod()"), (x2, "prod(0)"), (x2, "prod(1, keepdim=True)"), (x2[0], "prod(0)"),'
                                  ' (torch.tensor(2., dtype=torch.float64), "prod()")]:\n'
                                  '    x = x.clone().requires_grad_(); y = eval("x." + call)\n'
                                  '    (g,) = torch.autograd.grad((y * y).sum(), x, create_graph=True)\n'
                                  '    (h,) = torch.autograd.grad((g * g).sum(), x)\n'
                                  '    out.append((call, tree(g.grad_fn), g, h))',
    'masked_fill_value_not_0d': 'torch.ones(3).masked_fill(torch.tensor([True, False, True]), torch.ones(1))',
    # max()/min() of a whole tensor: PyTorch's backward writes grad / count into zeros at the winners (masked_fill_)
    'max_min_double_backward_graph': 'def tree(fn):\n'
                                     '    if fn is None: return None\n'
                                     '    name = fn.name().rpartition("::")[2]\n'
                                     '    return name if name == "AccumulateGrad" else (name, [tree(f) for f, _ in fn.next_functions])\n'
                                     'out = []\n'
                                     'for x in [torch.tensor(1.), torch.tensor([1., .5, .5]), torch.tensor([[1., float("nan")], [.5, 2.]])]:\n'
                                     '    for op in ["min", "max"]:\n'
                                     '        x = x.clone().requires_grad_(); y = getattr(x, op)()\n'
                                     '        (g,) = torch.autograd.grad(y * y, x, create_graph=True)\n'
                                     '        (h,) = torch.autograd.grad(g.sum(), x)\n'
                                     '        out.append((g, tree(g.grad_fn), h))',
}


def observe(lib, code):
    module = importlib.import_module(lib) if isinstance(lib, str) else lib
    namespace = {"torch": module}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(code, namespace)
            result = repr(namespace.get("out"))
        except Exception as error:  # noqa: BLE001
            result = f"{type(error).__name__}: {error}"
    numpy_warnings = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
    return re.sub(r"0x[0-9a-fA-F]+", "0x", result), numpy_warnings


def assert_same_as_pytorch(code):
    """``code`` prints the same ``out`` (or error) under minigrad as under PyTorch, without NumPy warnings."""
    pytest.importorskip("torch")
    theirs, _ = observe("torch", code)
    mine, numpy_warnings = observe(minigrad, code)
    assert mine == theirs
    assert numpy_warnings == []


@pytest.mark.parametrize("name", list(CASES))
def test_same_as_pytorch(name):
    assert_same_as_pytorch(CASES[name])


def test_zero_d_results_are_arrays_not_numpy_scalars():
    x = minigrad.tensor([1.0, 2.0])
    for t in (x[0], x.sum(), x.max(), x.mean(), x[0] * 2, x.sum().exp()):
        assert isinstance(t._data, np.ndarray) and t._data.ndim == 0


def test_views_share_memory_and_version_counter():
    base = minigrad.zeros(2, 3)
    for view in (base[0], base[:, 1], base.t(), base.view(6), base.reshape(3, 2), base.unsqueeze(0),
                 base.transpose(0, 1), base.permute(1, 0), base.flatten(), base[None], base.expand(2, 2, 3)):
        assert view._base is base and view._vc is base._vc
        assert np.shares_memory(view._data, base._data)
    assert base.t().contiguous()._base is None


def test_in_place_on_a_view_changes_the_base_and_its_gradient():
    x = minigrad.tensor([1.0, 2.0, 3.0], requires_grad=True)
    b = x * 2
    v = b[1:]
    v.mul_(x[1:])
    assert b.tolist() == [2.0, 8.0, 18.0] and b.grad_fn.name() == "torch::autograd::CopySlices"
    b.sum().backward()
    assert x.grad.tolist() == [2.0, 8.0, 12.0]  # d/dx of [2x0, 2x1^2, 2x2^2]


NO_WARNINGS = [
    lambda t: t / t.new_zeros() if hasattr(t, "new_zeros") else t / (t * 0),
    lambda t: (t * 0).log(), lambda t: (-t).sqrt(), lambda t: (t * 1000).exp(), lambda t: (t * 0) ** -1.0,
    lambda t: (t * 0).reciprocal(), lambda t: t / 0.0, lambda t: (t * float("inf")) - (t * float("inf")),
]


@pytest.mark.parametrize("make", NO_WARNINGS)
def test_no_numpy_warnings_forward_and_backward(make):
    x = minigrad.tensor([1.0, 2.0], requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        make(x).sum().backward()


def leaf(*shape, seed=0):
    rng = np.random.default_rng(seed)
    return minigrad.tensor(rng.uniform(0.5, 1.5, shape), dtype=minigrad.float64, requires_grad=True)


GRADCHECKS = {
    "in-place on a view": lambda x: _set_rows(x),
    "indexed assignment in a loop": lambda x: _loop(x),
    "index_put with a list": lambda x: _index_put(x),
    "masked_fill_": lambda x: (x * 1).masked_fill_(minigrad.tensor([[True, False, False], [False, True, False]]), 0.0),
    "exp_ then mul": lambda x: (x * 1).exp_() * x,
    "clamp_": lambda x: (x * 1).clamp_(min=0.9),
    "copy_ into zeros": lambda x: minigrad.zeros(2, 3, dtype=minigrad.float64).copy_(x * 3),
    "relu then sqrt": lambda x: (x - 1).relu().sqrt(),
    "maximum with ties": lambda x: minigrad.maximum(x, x.detach().clone()),
    "linear": lambda x: minigrad.nn.functional.linear(x, x * 1, x[:, 0] * 1),
    "cross_entropy": lambda x: minigrad.nn.functional.cross_entropy(x, minigrad.tensor([0, 2])),
}


def _set_rows(x):
    y = x * 2
    y[0] = x[1] ** 2
    return y


def _loop(x):
    out = minigrad.zeros(2, 3, dtype=minigrad.float64)
    for i in range(2):
        out[i] = x[i] ** 2
    return out


def _index_put(x):
    y = x * 1
    y[[0, 1], [2, 0]] = x[0, :2] * 5
    return y


@pytest.mark.parametrize("name", list(GRADCHECKS))
def test_gradcheck_against_central_differences(name):
    fn = GRADCHECKS[name]
    if name == "maximum with ties":
        # ties share the gradient (a subgradient): central differences do not apply at a tie
        x = leaf(2, 3)
        minigrad.maximum(x, x.detach().clone()).sum().backward()
        assert x.grad.tolist() == [[0.5] * 3] * 2
        return
    assert gradcheck(fn, [leaf(2, 3)], eps=1e-6, atol=1e-5, rtol=1e-4)


def test_second_order_through_user_function():
    class Cube(minigrad.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x ** 3

        @staticmethod
        def backward(ctx, grad):
            (x,) = ctx.saved_tensors
            return grad * 3 * x ** 2

    x = minigrad.tensor(2.0, dtype=minigrad.float64, requires_grad=True)
    (g,) = minigrad.autograd.grad(Cube.apply(x), x, create_graph=True)
    (h,) = minigrad.autograd.grad(g, x)
    assert g.item() == 12.0 and h.item() == 12.0


def test_autograd_grad_runs_and_frees_only_what_leads_to_its_inputs():
    """PyTorch's autograd.grad executes only the nodes on a path to the inputs asked for; the rest of the
    graph is neither run nor freed, so a later backward through it works."""
    torch = pytest.importorskip("torch")
    outcomes = []
    for lib in (minigrad, torch):
        x = lib.tensor([0.5, 1.0], requires_grad=True)
        y = lib.tensor([2.0, 3.0], requires_grad=True)
        b = (x * 2).exp()
        out = b.sum() + (y * 3).sum()
        (gy,) = lib.autograd.grad(out, [y])
        b.sum().backward()  # the exp branch was not part of grad(): it still has its saved tensors
        outcomes.append((gy.tolist(), x.grad.tolist(), y.grad))
    (gy_mg, gx_mg, y_grad_mg), (gy_pt, gx_pt, y_grad_pt) = outcomes
    assert gy_mg == gy_pt and y_grad_mg is None and y_grad_pt is None
    np.testing.assert_allclose(gx_mg, gx_pt, rtol=1e-6)
