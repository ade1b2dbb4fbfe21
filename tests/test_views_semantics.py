"""Cross-checks against PyTorch for views, in-place changes and indexing (issue 10).

Each case runs under PyTorch and minigrad; what it leaves in ``out`` (or the error it raises) must print
the same. ``chain(t)`` names the nodes from ``t.grad_fn`` down its first edges, so a case sees the whole
graph that indexing records. Gradients of views changed in place are also checked against central
differences (float64), PyTorch or not.
"""
import pytest

import minigrad
from minigrad.autograd import gradcheck
from tests.test_torch_semantics import observe

PRELUDE = '''
def chain(t):
    names, node = [], t.grad_fn
    while node is not None:
        names.append(node.name().rpartition("::")[2])
        node = node.next_functions[0][0] if node.next_functions else None
    return names
def edges(t):
    return [n.name().rpartition("::")[2] if n is not None else None for n, _ in t.grad_fn.next_functions]
'''

KEYS_3D = ["[:, None]", "[1:, ::2]", "[1, 0]", "[None, 0]", "[:]", "[:, :]", "[...]", "[..., 0]", "[None]",
           "[0, :, 1]", "[0:10]", "[:, 0:4]", "[:, -4:]", "[:, 1:]", "[None, None, 0]", "[1, None, 2:]",
           "[..., None, 1]", "[True]", "[False]", "[0, True]", "[0, :, [1, 2]]", "[[0, 1], :, 0]", "[1:, [0, 1]]",
           "[None, [0, 1]]", "[torch.tensor(1)]", "[torch.tensor(1), 0]", "[torch.tensor([1])]", "[x > 0]",
           "[0, x[0] > 0]", "[..., [0, 1]]", "[[1], [0, 1], 2]", "[:, :, ::1]", "[0:3, 0:4, 0:5]"]

CASES = {
    # reading: one node per index item, in PyTorch's order
    "index_chains": "x = torch.arange(60.).reshape(3, 4, 5).requires_grad_()\n"
                    f"out = [(k, chain(eval('x' + k)), tuple(eval('x' + k).shape)) for k in {KEYS_3D!r}]",
    "index_0d": "s = torch.tensor(2., requires_grad=True)\n"
                "out = [(k, chain(eval('s' + k)), tuple(eval('s' + k).shape)) for k in "
                "['[None]', '[...]', '[None, None]', '[True]', '[False]', '[s > 0]', '[None, True]']]",
    "index_0d_zero": "torch.tensor(2.)[0]",
    "index_0d_minus_one": "torch.tensor(2.)[-1]",
    "index_0d_tuple": "torch.tensor(2.)[None, 0]",
    "index_0d_list": "torch.tensor(2.)[[0]]",
    "index_sequences_read_as_tuples": "import warnings\nx = torch.arange(12.).reshape(3, 4); out = []\n"
                                      "for k in [\"'a'\", \"'ab'\", \"['a']\", \"[0, 'a']\", \"b'a'\", \"[b'a']\","
                                      " '[[0, 1], [1, 2]]', '[range(2), 1]', '[0, 1]', 'range(2)']:\n"
                                      "    with warnings.catch_warnings(record=True) as w:\n"
                                      "        warnings.simplefilter('always')\n"
                                      "        try: r = eval('x[' + k + ']')\n"
                                      "        except (TypeError, IndexError) as e: r = str(e)\n"
                                      "    out.append((k, r, [str(m.message)[:60] for m in w]))",
    "index_too_many": "torch.ones(4)[1:, ::2]",
    "index_too_many_none": "torch.ones(4)[0, None, 0]",
    "index_oob_dim": "torch.ones(3, 4)[None, 0, 9]",
    "index_mask_shape": "torch.ones(4)[[True, False]]",
    "setitem_0d_minus_one": "t = torch.tensor(2.); t[-1] = True",
    "setitem_list": "t = torch.ones(2); t[0] = [1., 2.]",
    "setitem_dtype": "t = torch.ones(2, 3); t[[0]] = torch.ones(3, dtype=torch.float64)",
    "setitem_shape": "t = torch.ones(2, 4); t[[0]] = torch.ones(3)",
    "setitem_expand": "t = torch.ones(2, 4); t[0] = torch.ones(3)",
    # writing: t[key] = v is copy_/fill_ into the view t[key], or index_put_ with tensors in the key
    "setitem_graphs": "x = torch.arange(12.).reshape(3, 4).requires_grad_(); w = torch.tensor(2., requires_grad=True)\n"
                      "out = []\n"
                      "for k, v in [('[:]', 0.5), ('[:, :]', w), ('[...]', 1), ('[0]', w), ('[None]', 1.), ('[1:]', "
                      "torch.ones(4)), ('[0]', torch.ones(1, 4)), ('[[0]]', w), ('[0, [1]]', w), ('[x > 3]', 0.), "
                      "('[True]', w), ('[0, 0]', w)]:\n"
                      "    b = x * 1; exec('b' + k + ' = v'); out.append((k, chain(b), edges(b)))",
    "setitem_0d": "s = torch.tensor(2., requires_grad=True); out = []\n"
                  "for k in ['[...]', '[None]', '[True]', '[s > 0]']:\n"
                  "    b = s * 1; exec('b' + k + ' = 0.5'); out.append((k, chain(b)))",
    "setitem_mask_0d_leaf": "t = torch.tensor(-0.5, requires_grad=True); t[t < 0] = 0",
    "fill_tensor": "x = torch.ones(3, requires_grad=True); w = torch.tensor(2., requires_grad=True)\n"
                   "b = x * 1; b.fill_(w); b.sum().backward(); out = (b, edges(b), x.grad, w.grad)",
    # a view's history after an in-place change of its memory
    "regen_base_changed": "x = torch.ones(3, requires_grad=True); b = x * 2; v = b[:2]; b.mul_(2); out = (chain(v), v)",
    "regen_sibling": "x = torch.ones(3, requires_grad=True); b = x * 2; v = b[:2]; w = b[1:]; v.mul_(2)\n"
                     "out = (chain(v), chain(w), chain(b))",
    "regen_detached": "x = torch.ones(3, requires_grad=True); b = x * 2; d = b.detach(); v = b[:2]; d.add_(1)\n"
                      "out = (chain(v), chain(b), d)",
    "regen_no_grad": "x = torch.ones(2, 3, requires_grad=True); v = x[-1:]\nwith torch.no_grad(): v.zero_()\n"
                     "out = (chain(v), x.grad_fn)",
    "regen_base_gains_grad": "b = torch.zeros(3); v = b[:2]; b.copy_(torch.ones(3, requires_grad=True)); out = chain(v)",
    "regen_view_kinds": "x = torch.ones(2, 3, requires_grad=True); b = x * 1\n"
                        "vs = [b.view(6), b.t(), b.unsqueeze(0), b.expand(2, 2, 3), b.permute(1, 0), b[0], b[...]]\n"
                        "b.add_(1); out = [chain(v) for v in vs]",
    # a view with a history of its own, whose base needs no gradient: renewed too, with a None edge (no gradient)
    "regen_base_without_grad": "out = []\n"
                               "for change in ['with torch.no_grad(): u.exp_()', 'b.detach().add_(1)', 'with torch.no_grad(): b.add_(1)']:\n"
                               "    b = torch.ones(2, 3); v = b[0]; v.requires_grad_(); u = v[1:]\n"
                               "    exec(change)\n"
                               "    out.append((change, chain(u), edges(u), u.requires_grad, v.is_leaf))\n"
                               "    u.sum().backward(); out.append(v.grad)",
    "regen_advanced_is_copy": "x = torch.ones(3, requires_grad=True); b = x * 2; v = b[[0, 1]]; b.mul_(2); out = chain(v)",
    "no_grad_view": "x = torch.ones(3, requires_grad=True)\nwith torch.no_grad(): v = x[:2]; d = x.detach()[:1]\n"
                    "y = v * 2; y.sum().backward(); out = (v, v.is_leaf, d.requires_grad, edges(y), x.grad)",
    "no_grad_view_in_place": "x = torch.ones(3, requires_grad=True) * 2\nwith torch.no_grad(): v = x[:2]\nv.mul_(2)",
    # a view made under no_grad, after its memory changed in place: its history is refused, printed <Invalid>
    "no_grad_view_changed": "def attempt(f):\n"
                            "    try: return repr(f())\n"
                            "    except RuntimeError as e: return str(e)\n"
                            "def make(change, leaf=False):\n"
                            "    b = torch.tensor([1., -2., 3.], requires_grad=True)\n"
                            "    b = b if leaf else b * 1\n"
                            "    with torch.no_grad(): v = b[:2]\n"
                            "    if change == 'base': b.mul_(2)\n"
                            "    if change == 'sibling': b[1:].mul_(2)\n"
                            "    if change == 'detached': b.detach().mul_(2)\n"
                            "    if change == 'data': b.data.mul_(2)\n"
                            "    with torch.no_grad():\n"
                            "        if change == 'base under no_grad': b.mul_(2)\n"
                            "        if change == 'itself under no_grad': v.mul_(2)\n"
                            "    return b, v\n"
                            "uses = [lambda b, v: v, lambda b, v: v.grad_fn, lambda b, v: v.is_leaf, "
                            "lambda b, v: v.requires_grad, lambda b, v: v * 2, lambda b, v: v[0], lambda b, v: v.t(), "
                            "lambda b, v: b + v.sum(), lambda b, v: v.detach(), lambda b, v: v.grad, "
                            "lambda b, v: v.retain_grad(), lambda b, v: v.requires_grad_(False), "
                            "lambda b, v: v.mul_(2), lambda b, v: v.uniform_(), lambda b, v: v.sum().backward(), "
                            "lambda b, v: v.backward(torch.ones(2)), lambda b, v: v.register_hook(print) and None, "
                            "lambda b, v: torch.autograd.grad(b.sum(), v), lambda b, v: (b.detach_(), v.grad_fn)]\n"
                            "out = []\n"
                            "for change in ['none', 'base', 'sibling', 'detached', 'data', 'base under no_grad', "
                            "'itself under no_grad']:\n"
                            "    for leaf in ([False, True] if 'no_grad' in change or change == 'none' else [False]):\n"
                            "        for use in uses:\n"
                            "            out.append((change, leaf, attempt(lambda: use(*make(change, leaf)))))\n"
                            "        b, v = make(change, leaf)\n"
                            "        with torch.no_grad(): out.append((attempt(lambda: v * 2), repr(v)))",
    # a view requires grad when its base does, even if the base was told so after the view was made
    "view_requires_grad_follows_base": "b = torch.linspace(-1, 1, 6); v = b[::2]; b.requires_grad_()\n"
                                       "y = torch.dot(v, torch.ones(3)); u = v[:1]\n"
                                       "out = [v.requires_grad, v.is_leaf, v.grad_fn, edges(y), y, edges(u)]\n"
                                       "y.backward(); out += [b.grad, v.grad]\n"
                                       "v.requires_grad_(False); out.append(v.requires_grad)\n"
                                       "try: v.mul_(2)\n"
                                       "except RuntimeError as e: out.append(str(e))\n"
                                       "b.requires_grad_(False); out += [v.requires_grad, u.requires_grad]\n"
                                       "v.requires_grad_(); b.requires_grad_(); b.requires_grad_(False); out.append(v.requires_grad)\n"
                                       "(v * 2).sum().backward(); out.append(v.grad)\n"
                                       "c = torch.ones(3); d = c[1:]; c.detach_(); c.requires_grad = True; out.append(d.requires_grad)\n"
                                       "c.detach_(); out.append(d.requires_grad)",
    "view_told_requires_grad_keeps_own_gradient": "b = torch.ones(3); v = b[:2]; v.requires_grad_(); b.requires_grad_()\n"
                                                  "(v * 2).sum().backward(); out = (v.grad, b.grad, v.requires_grad)",
    # every view made under no_grad is marked, whatever its base; views of it made later inherit the mark
    "no_grad_view_of_plain_base": "b = torch.ones(3)\nwith torch.no_grad(): w = b[:2]\n"
                                  "out = [w.requires_grad, w.mul_(2)]\nb.requires_grad_(); out += [w.requires_grad, repr(w)]\n"
                                  "try: w.grad_fn\nexcept RuntimeError as e: out.append(str(e))\n"
                                  "c = torch.ones(3)\nwith torch.no_grad(): v = c[:2]\nc.requires_grad_(); out += [v.grad_fn, v]\n"
                                  "try: v.mul_(2)\nexcept RuntimeError as e: out.append(str(e))",
    "view_of_no_grad_view": "def attempt(f):\n"
                            "    try: return repr(f())\n"
                            "    except RuntimeError as e: return str(e)\n"
                            "out = []\n"
                            "for rg in (True, False):\n"
                            "    for k in ['w[0]', 'w.t()', 'w.unsqueeze(0)', 'w[:, :1].expand(2, 3)', 'w.transpose(0, 1)',"
                            " 'w.view(4)', 'w.reshape(4)', 'w.flatten()', 'w.squeeze()', 'w.permute(1, 0)', 'w.T', 'w[...]',"
                            " 'w.view_as(w)', 'w.mT', 'w.expand_as(w)', 'w[:1][0]']:\n"
                            "        b = torch.ones(3, 2, requires_grad=rg)\n"
                            "        with torch.no_grad(): w = b[:2]\n"
                            "        u = eval(k)\n"
                            "        out.append((k, rg, u.requires_grad, chain(u), edges(u) if u.grad_fn else None,"
                            " attempt(lambda: u.mul_(2)), attempt(lambda: u.mul_(torch.ones(1, requires_grad=True)))))\n"
                            "    for change in ['with torch.no_grad(): b.mul_(2)', 'b.detach().mul_(2)', 'with torch.no_grad(): w.mul_(2)']:\n"
                            "        b = torch.ones(3, requires_grad=rg)\n"
                            "        with torch.no_grad(): w = b[:2]\n"
                            "        u = w[:1]; u2 = u[0]\n"
                            "        exec(change)\n"
                            "        out.append((change, attempt(lambda: u.grad_fn), attempt(lambda: u2.grad_fn), repr(u), repr(u2),"
                            " attempt(lambda: u * 2), attempt(lambda: u.requires_grad)))",
    "view_through_base_has_no_gradient_of_its_own": "def attempt(f):\n"
                                                    "    try: return f()\n"
                                                    "    except RuntimeError as e: return str(e)\n"
                                                    "b = torch.ones(3); v = b[:2]; b.requires_grad_()\n"
                                                    "out = [attempt(lambda: v.backward(torch.ones(2))), attempt(lambda: v.sum().backward()),"
                                                    " b.grad, v.grad, attempt(lambda: torch.autograd.backward([v], [torch.ones(2)])),"
                                                    " attempt(lambda: torch.autograd.grad((v * 2).sum(), v)), v.retain_grad(),"
                                                    " hasattr(v.register_hook(print), 'remove'), attempt(v.detach_)]\n"
                                                    "c = torch.zeros(3); u = c[:2]; c.add_(torch.ones(3, requires_grad=True))\n"
                                                    "with torch.no_grad(): d = torch.zeros(3); w = d[:2]\n"
                                                    "d.add_(torch.ones(3, requires_grad=True))\n"
                                                    "out += [u.requires_grad, chain(u), w.requires_grad, attempt(lambda: w.grad_fn)]",
    "view_of_no_grad_view_retains_grad": "import warnings\nb = torch.ones(3, requires_grad=True)\n"
                                         "with torch.no_grad(): w = b[:2]\nu = w[:1]\n"
                                         "with warnings.catch_warnings(record=True) as caught:\n"
                                         "    warnings.simplefilter('always'); out = [u.is_leaf, u.grad]\n"
                                         "u.retain_grad(); (u * 2).sum().backward()\n"
                                         "out += [u.grad, u.retains_grad, b.grad, len(caught)]",
    # copies keep the layout of what they copy (PyTorch's preserve_format), contiguous() and reshape do not
    "copies_keep_layout": "x = torch.arange(24.).reshape(2, 3, 4).requires_grad_()\n"
                          "def view_flat(t):\n"
                          "    try: return chain(t.view(-1))\n"
                          "    except RuntimeError as e: return str(e)\n"
                          "out = []\n"
                          "for k in ['x.transpose(0, 2)', 'x[:, :, ::2]', 'x.transpose(0, 2)[:, ::2]', 'x.expand(2, 2, 3, 4)',"
                          " 'x.expand(2, 2, 3, 4).transpose(0, 3)', 'x[:, :1].transpose(0, 2)', 'x.permute(1, 2, 0)',"
                          " 'x.unsqueeze(1).transpose(0, 2)', 'x[0].t()', 'torch.ones(3, 1).t()']:\n"
                          "    v = eval(k)\n"
                          "    copies = [v.clone(), torch.zeros_like(v), torch.ones_like(v, dtype=torch.float64),"
                          " torch.full_like(v, 2), torch.empty_like(v)]\n"
                          "    out.append((k, [c.is_contiguous() for c in copies], view_flat(v.clone()),"
                          " chain(v.contiguous()), v.contiguous().is_contiguous(), chain(v.reshape(-1)),"
                          " chain(v.clone().reshape(-1)), v.clone()))",
    "matmul_bool_transposed_batch": "b = torch.ones(3, 2, 3) > 0.5; t = b.transpose(0, 1)\n"
                                    "torch.matmul(torch.maximum(t, torch.zeros_like(t)), torch.tensor([-1, -1, 3]))",
    "matmul_of_transposed_clone": "x = torch.arange(24.).reshape(2, 3, 4); w = torch.ones(4, 5)\n"
                                  "y = x.transpose(0, 1).clone().requires_grad_()\n"
                                  "out = [chain(torch.matmul(y, w)), chain(torch.matmul(y.detach(), w.requires_grad_())),"
                                  " torch.matmul(x.transpose(0, 1).clone(), torch.ones(4))]",
    # the gradient of a view whose memory changed, under create_graph: PyTorch's as_strided_backward nodes
    "asstrided_double_backward_graphs": "def tree(fn):\n"
                                        "    if fn is None: return None\n"
                                        "    name = fn.name().rpartition('::')[2]\n"
                                        "    return name if name == 'AccumulateGrad' else (name, [tree(f) for f, _ in fn.next_functions])\n"
                                        "out = []\n"
                                        "for code in ['v = b[:, 1:]; b.mul_(2)', 'v = b[:]; b.add_(1)', 'v = b.expand(2, 2, 3); b.add_(1)',"
                                        " 'b = x.t() * 1; v = b[0]; b.add_(1)', 'v = b.unsqueeze(0)[:1]; b.detach().add_(1)',"
                                        " 'v = b[:, 1]; b.add_(1)', 'v = b.t()[::2]; b[0].exp_()']:\n"
                                        "    x = torch.arange(6., dtype=torch.float64).reshape(2, 3).requires_grad_(); b = x * 1\n"
                                        "    exec(code)\n"
                                        "    (g,) = torch.autograd.grad((v * v).sum(), x, create_graph=True)\n"
                                        "    (h,) = torch.autograd.grad((g * g).sum(), x)\n"
                                        "    out.append((code, tree(g.grad_fn), g, h))",
    "view_told_requires_grad_in_place": "t = torch.ones(3, 3).detach(); v = t[0]; v.requires_grad_(); v.add_(1)",
    "view_of_leaf_check_before_expanded_warning": "import warnings\nx = torch.tensor([[2.]], requires_grad=True)\n"
                                                  "e = x.expand(2, 3)\n"
                                                  "with warnings.catch_warnings(record=True) as w:\n"
                                                  "    warnings.simplefilter('always')\n"
                                                  "    try: e.masked_fill_(e > 0, 0.)\n"
                                                  "    except RuntimeError as error: out = (str(error), len(w))",
    "backward_through_expanded_view_changed": "out = []\nfor code in ['e = b.expand(3); e.masked_fill_(e > 0, 0.)',"
                                              " 'e = b.expand(3)[1:]; e.masked_fill_(e > 0, 1.)',"
                                              " 'e = b.expand(2, 1).unsqueeze(0); e.masked_fill_(e > 0, 0.)']:\n"
                                              "    x = torch.tensor([2.], requires_grad=True); b = x * 1\n"
                                              "    exec(code)\n"
                                              "    try: b.sum().backward(); out.append(x.grad)\n"
                                              "    except RuntimeError as error: out.append(str(error))",
    "copyslices_freed_by_backward": "x = torch.tensor([1., 2., 3.], requires_grad=True); out = []\n"
                                    "for code in ['b = x + 0; b[0] = 5.', 'b = x + 0; b[1:].add_(1)']:\n"
                                    "    exec(code)\n"
                                    "    b.sum().backward(retain_graph=True); b.sum().backward()\n"
                                    "    try: b.sum().backward(); out.append(x.grad)\n"
                                    "    except RuntimeError as error: out.append(str(error))",
    "cast_error_names": "out = []\nfor dt in (torch.int64, torch.int32, torch.bool):\n"
                        "    for f in ('clamp_(min=0.5)', 'clamp_(-0.5, 0.5)', 'mul_(1.5)', 'exp_()'):\n"
                        "        try: eval('torch.zeros(2, dtype=dt).' + f)\n"
                        "        except RuntimeError as e: out.append(str(e))",
    "expand_slice_inplace": "t = torch.linspace(-1, 1, 3).expand(2, 3); v = t[:1]; v *= 2; out = t",
    "expanded_index_put_warns": "import warnings\nt = torch.zeros(1, 1).expand(2, 3)\n"
                                "with warnings.catch_warnings(record=True) as w:\n"
                                "    warnings.simplefilter('always'); t[t > -1] = 1; t[torch.tensor([0])] = 2\n"
                                "    t.masked_fill_(t > 1, 3.)\n"
                                "out = (t, [str(x.message).partition(' (Triggered')[0] for x in w])",
    "size_0d": "torch.tensor(1.).size(0)",
    "size_out_of_range": "torch.ones(2, 3).size(-3)",
    "flatten_0d_dim": "torch.tensor(1.).flatten(1)",
    "flatten_0d": "out = (torch.tensor(1.).flatten(0), torch.tensor(1.).flatten(-1))",
    "permute_no_dims": "torch.ones(2).permute()",
    "T_0d": "x = torch.tensor(2., requires_grad=True); y = x.T; y.backward(create_graph=True)\n"
            "out = (torch.full((), 2.5).T, chain(y), x.grad)",
    # fill_ with a number writes to elements sharing memory; other in-place writes refuse (recorded: backward does)
    "in_place_on_expanded": "def attempt(f):\n"
                            "    try: return f()\n"
                            "    except RuntimeError as e: return str(e)\n"
                            "def e(): return torch.tensor([1., 2., 3.]).expand(2, 3)\n"
                            "out = [attempt(f) for f in [lambda: e().fill_(5), lambda: e().t().fill_(True), lambda: e().zero_(),"
                            " lambda: e().fill_(torch.tensor(4.)), lambda: e().add_(1), lambda: e().copy_(torch.ones(2, 3))]]\n"
                            "x = torch.tensor([1., 2., 3.], requires_grad=True); b = x * 1; ex = b.expand(2, 3)\n"
                            "out += [attempt(lambda: ex.fill_(2.)), attempt(lambda: b.sum().backward()), x.grad]",
    "expand_inplace": "t = torch.ones(3).expand(2, 3); t += 1",
    "noncontig_base_view_inplace": "x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True); b = x.t() + 1\n"
                                   "v = b[..., 0].view(-1); v.relu_(); b.sum().backward(); out = (b, x.grad, chain(b))",
    # gradients that were silently wrong before
    "grad_view_of_changed_copy": "x = torch.arange(12.).reshape(3, 4).requires_grad_(); c = x[[True] * 3]\n"
                                 "e = c.expand(2, 3, 4); c[2] = 1e-3; e.sum().backward(); out = x.grad",
    "grad_t_setitem": "x = torch.tensor([0.5, -1., 0.7, 0.1], requires_grad=True); y = x[torch.tensor([3, 0])] * 2\n"
                      "t = y.t(); t[:1] = torch.tensor([0.6]); t.backward(torch.ones_like(t)); out = x.grad",
    "grad_cat_view_clamp": "x = torch.tensor([[-1., 1.], [2., -2.]], requires_grad=True); u = x.unsqueeze(0)\n"
                           "c = torch.cat((u, u), 0); v = c[0]; c.clamp_(min=0); v.backward(torch.ones_like(v))\n"
                           "out = x.grad",
    "grad_unsqueeze_setitem": "x = torch.tensor([2., 3.], requires_grad=True); b = x.sum() - torch.ones(3, 1)\n"
                              "u = b.unsqueeze(0); u[..., 0] = 0.5; u.backward(torch.ones_like(u)); out = x.grad",
    # a view's history is renewed when asked for after its memory changed (not at the change): what the base's
    # history is *then* decides the new node
    "renew_after_base_detached": "x = torch.ones(3, requires_grad=True); b = x.clone(); v = b[:2]; b.mul_(2)\n"
                                 "b.detach_(); out = (v.grad_fn, v.grad_fn.next_functions, v.requires_grad)",
    "renew_after_base_requires_grad": "b = torch.zeros(3); v = b[0]; b.add_(1); out = [v.grad_fn, v.requires_grad]\n"
                                      "b.requires_grad_(); out += [v.grad_fn, v.grad_fn.next_functions, v.is_leaf]",
    "renew_after_optimizer_step": "w = torch.nn.Parameter(torch.ones(3)); v = w[0]; out = [v.grad_fn]\n"
                                  "opt = torch.optim.SGD([w], lr=.1); w.grad = torch.ones(3); opt.step()\n"
                                  "out += [w._version, v._version, v.grad_fn, v.grad_fn.next_functions]",
    "renew_after_init": "w = torch.nn.Parameter(torch.ones(3)); v = w[1:]; torch.nn.init.zeros_(w)\n"
                        "out = (v.grad_fn, v.grad_fn.next_functions)",
    "renew_keeps_retain_grad": "x = torch.ones(4, requires_grad=True); b = x * 1; v = b[1:3]; v.retain_grad()\n"
                               "b.mul_(2); v.sum().backward(); out = (v.grad, x.grad)",
    "renew_once_per_change": "x = torch.ones(4, requires_grad=True); b = x * 1; v = b[1:3]; f0 = v.grad_fn\n"
                             "b.mul_(2); b.add_(1); f1 = v.grad_fn; same = f1 is v.grad_fn; edges1 = f1.next_functions\n"
                             "b.sub_(1); out = (f0, f1, same, edges1, v.grad_fn is f1, v.grad_fn.next_functions)",
    "renew_when_used": "x = torch.ones(4, requires_grad=True); b = x * 1; v = b[1:3]; b.mul_(2); y = v * 3\n"
                       "y.sum().backward(); out = (y.grad_fn.next_functions, v.grad_fn, x.grad)",
    "renew_view_of_view": "x = torch.ones(2, 3, requires_grad=True); b = x * 1; v = b[0]; w = v[1:]; b.add_(1)\n"
                          "out = (w.grad_fn, w.grad_fn.next_functions, w._base is b)",
    "renew_leaf_changed_under_no_grad": "x = torch.ones(4, requires_grad=True); v = x[1:3]\n"
                                        "with torch.no_grad():\n    x.mul_(2)\n"
                                        "out = [v.grad_fn, v.grad_fn.next_functions]; v.sum().backward(); out.append(x.grad)",
    "renew_base_starts_requiring_grad": "w = torch.ones(2, requires_grad=True); c = torch.zeros(3, 2); v = c[0]\n"
                                        "u = c[1:]; c[2] += w\n"
                                        "out = (v.requires_grad, u.requires_grad, v.grad_fn, u.grad_fn.next_functions)",
    # split/chunk/unbind: one node for all the pieces; a piece may not be changed in place while recording,
    # nor renew its history after its memory changed
    "pieces_share_one_node": "x = torch.arange(6.).reshape(2, 3).requires_grad_(); b = x * 1\n"
                             "out = [(f, [p.grad_fn.name() for p in ps], ps[0].grad_fn is ps[-1].grad_fn,\n"
                             "        ps[0].grad_fn.next_functions, [p._base is b for p in ps], [p.shape for p in ps])\n"
                             "       for f, ps in [('split', b.split(2, 1)), ('sizes', b.split([1, 2], 1)),\n"
                             "                     ('chunk', b.chunk(3, 1)), ('unbind', b.unbind()), ('one', b.split(3, 1))]]",
    "pieces_gradients": "x = torch.arange(6.).reshape(2, 3).requires_grad_(); a, c = (x * 1).split([1, 2], 1)\n"
                        "(a.sum() * 2).backward(); out = [x.grad.clone()]; x.grad = None\n"
                        "u = x.unbind(1); (u[2] * 3).sum().backward(); out.append(x.grad)",
    "pieces_empty": "out = (torch.zeros(0, 3).unbind(), torch.zeros(0).split(2), torch.zeros(2, 0).split(1))",
    "piece_in_place": "x = torch.ones(4, requires_grad=True); p = (x * 1).split(2)[0]; p.mul_(2)",
    "piece_of_unbind_in_place": "x = torch.ones(4, requires_grad=True); p = (x * 1).unbind()[1]; p.mul_(2)",
    "piece_after_base_changed": "x = torch.ones(4, requires_grad=True); b = x * 1; p = b.chunk(2)[1]; b.mul_(2)\n"
                                "out = repr(p)",
    "piece_history_after_base_changed": "x = torch.ones(4, requires_grad=True); b = x * 1; p = b.split([1, 3])[1]\n"
                                        "b.mul_(2); p.grad_fn",
    "piece_without_history_in_place": "b = torch.zeros(4); w = torch.ones(2, requires_grad=True); p = b.split(2)[0]\n"
                                      "b.add_(1); out = [p.grad_fn]; p.add_(w)",
    "view_of_piece_in_place": "x = torch.ones(4, requires_grad=True); b = x * 1; q = b.split(2)[0][1:]; q.mul_(2)",
    "piece_under_no_grad": "x = torch.ones(4, requires_grad=True); b = x * 1\nwith torch.no_grad():\n"
                           "    p = b.split(2)[0]\nout = [p.grad_fn, p.requires_grad]; b.mul_(2); out.append(repr(p))",
    "piece_changed_under_no_grad": "x = torch.ones(4, requires_grad=True); b = x * 1; p = b.split(2)[0]\n"
                                   "with torch.no_grad():\n    p.mul_(2)\nout = [b, repr(p)]",
    "piece_nothing_requires_grad": "b = torch.zeros(4); p = b.split(2)[0]; p.add_(1); out = (p, b)",
    "zero_on_expanded_while_recording": "x = torch.tensor(2., requires_grad=True); b = (x * 1).expand(3).unsqueeze(0)\n"
                                        "b.zero_(); out = [b, b._version]; b.sum().backward()",
    "piece_base_requires_grad_later": "x = torch.ones(4); p = x.split(2)[0]; x.requires_grad_()\n"
                                      "out = [p.requires_grad, p.grad_fn]; p.mul_(2)",
}


@pytest.mark.parametrize("name", list(CASES))
def test_same_as_pytorch(name):
    pytest.importorskip("torch")
    code = PRELUDE + CASES[name]
    theirs, _ = observe("torch", code)
    mine, numpy_warnings = observe(minigrad, code)
    assert mine == theirs
    assert numpy_warnings == []


def _through_views(x):
    """A function of x that changes views in place: b's history becomes CopySlices, v's AsStrided."""
    b = x * 1
    v = b.t()
    w = b[1:]
    v[0] = x[:, 1].exp()  # through a transposed view: the first column of b
    b[:, 1:].mul_(x[:, :1])  # through a slice
    return (w * w).sum() + (v.exp().t() * b).sum()


def test_gradients_through_in_place_changes_of_views_match_central_differences():
    x = minigrad.tensor([[0.3, -0.7, 1.1], [0.4, 0.9, -0.2]], dtype=minigrad.float64, requires_grad=True)
    assert gradcheck(_through_views, (x,))


def test_gradients_through_a_view_of_a_non_contiguous_base():
    def f(x):
        b = x.t() * 1  # NumPy keeps the transposed (Fortran) layout: b is not C-contiguous
        b[0] = b[1].exp() * 2
        return b.sin().sum()
    x = minigrad.tensor([[0.3, -0.7], [1.1, 0.4], [0.9, -0.2]], dtype=minigrad.float64, requires_grad=True)
    assert gradcheck(f, (x,))


def _values():
    return minigrad.tensor([[0.3, -0.7, 1.1], [0.4, 0.9, -0.2]], dtype=minigrad.float64, requires_grad=True)


def test_second_derivatives_through_copyslices_and_asstrided_match_central_differences():
    """create_graph=True through CopySlices and AsStridedBackward0: the gradient is itself differentiable
    (gradcheck compares its whole Jacobian, the Hessian, with central differences)."""
    def gradient(x):
        (g,) = minigrad.autograd.grad(_through_views(x), x, create_graph=True)
        return g
    assert minigrad.autograd.gradcheck(gradient, (_values(),), atol=1e-5, rtol=1e-5)


def test_third_derivatives_through_asstrided_match_central_differences():
    """The gradient of a view whose base changed is itself recorded (AsStrided, CopySlices): the Jacobian of
    a function of that gradient's gradient matches central differences."""
    def second(x):
        b = x * 1
        v = b.t().expand(2, 3, 2)
        b[0].exp_()
        (g,) = minigrad.autograd.grad((v * v * v).sum(), x, create_graph=True)
        (h,) = minigrad.autograd.grad((g * g).sum(), x, create_graph=True)
        return h
    assert minigrad.autograd.gradcheck(second, (_values(),), atol=1e-5, rtol=1e-5)


def test_a_renewed_view_history_works_out_its_region_only_when_backward_needs_it():
    """A view's renewed history (AsStridedBackward0) works out where the view sits in its base on first use
    (backward), not when the history is renewed."""
    w = minigrad.ones(4, requires_grad=True)
    c = minigrad.zeros(3, 4)
    rows = [c[i] for i in range(3)]
    c += w * 1
    renewed = [r.grad_fn for r in rows]
    assert all(type(n).__name__ == "AsStridedBackward0" and "region" not in vars(n) for n in renewed)
    (rows[0] * 2 + rows[2]).sum().backward()
    assert "region" in vars(renewed[0]) and "region" not in vars(renewed[1])
    assert w.grad.tolist() == [3.0] * 4  # every row of c is w: d/dw of sum(2 c[0] + c[2]) is 2 + 1 (as PyTorch)


def test_views_renew_their_history_when_asked_not_at_each_in_place_change(monkeypatch):
    """PyTorch renews a view's history lazily: an in-place change of the memory costs the same however many
    views of it are alive. Counts the AsStridedBackward0 nodes made: one per view asked, none per change."""
    from minigrad.autograd import inplace
    made = []
    original = inplace.AsStridedBackward0.__init__

    def counting(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)
    monkeypatch.setattr(inplace.AsStridedBackward0, "__init__", counting)
    w = minigrad.ones(4, requires_grad=True)
    c = minigrad.zeros(27, 4)
    rows = [c[i % 27] for i in range(100)]  # 100 live views
    for i in range(50):
        c[i % 27] += w * 1  # each: one view changed in place (renewed at once), one copied into (renewed too)
    assert len(made) == 2 * 50
    made.clear()
    assert all(type(r.grad_fn).__name__ == "AsStridedBackward0" for r in rows)
    assert len(made) == 100  # each view once, on the first question
    assert all(r.grad_fn.next_functions[0][0] is c.grad_fn for r in rows)  # the base's history now
    c.mul_(2)
    assert len(made) == 100  # nothing renewed until asked
    assert rows[5].grad_fn.next_functions[0][0] is c.grad_fn and len(made) == 101


def _version_errors_of_a_result_changed_in_place_on_a_view(lib):
    """Seed 600916: relu_ on a view saves the view; its version error names the view's node while that node
    lives (AsStrided), and the node that saved it (Relu) once the view's history was renewed."""
    messages = []
    t1 = lib.tensor([[2.5]], requires_grad=True)
    t4 = lib.relu(t1 * 1)
    t5 = t4[0]
    t5.relu_()
    t6 = t4.view(-1)
    with lib.no_grad():
        t6.clamp_(-0.5, 0.5)
    for root in (t6, t5):
        try:
            root.backward()
        except RuntimeError as error:
            messages.append(str(error).split(" is at version")[0])
        str(t5.grad_fn)  # renews t5's history: the node named in the first error is gone
    return messages


def test_version_error_of_a_result_changed_in_place_on_a_view_names_nodes_as_pytorch():
    torch = pytest.importorskip("torch")
    ours = _version_errors_of_a_result_changed_in_place_on_a_view(minigrad)
    assert ours == _version_errors_of_a_result_changed_in_place_on_a_view(torch)
    assert "of AsStrided" in ours[0] and "of Relu" in ours[1]
