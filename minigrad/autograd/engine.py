"""Layer 2: the backward pass.

1. Collect every node reachable from the roots and sort them so that a node comes before all the
   nodes it points to (topological order). A node used twice is then processed once, after *all*
   its gradient contributions have arrived: ``b = a + a; c = b + b`` gives ``dc/da = 4``.
2. Walk that order: each node turns the gradient of its output into gradients of its inputs,
   which are summed into the buffers of the next nodes. Leaves accumulate into ``.grad``.
3. Unless ``retain_graph``, free what each node saved, so a second backward fails loudly.
"""
import warnings

import numpy as np

from ..tensor import Tensor
from .function import AccumulateGrad, silent_numpy
from .grad_mode import set_grad_enabled


def topological_order(roots):
    """All nodes reachable from ``roots``, each before the nodes its gradient flows to."""
    order, visited = [], set()
    for root in roots:
        if root is None or root in visited:
            continue
        visited.add(root)
        stack = [(root, iter(root.next_functions))]
        while stack:  # iterative depth-first search: deep graphs must not hit Python's recursion limit
            node, children = stack[-1]
            for child, _ in children:
                if child is not None and child not in visited:
                    visited.add(child)
                    stack.append((child, iter(child.next_functions)))
                    break
            else:
                stack.pop()
                order.append(node)
    order.reverse()
    return order


def run_backward(roots, root_grads, retain_graph=False, create_graph=False, capture=None):
    """Propagate ``root_grads`` from the ``roots`` tensors back through the graph.

    Without ``capture`` gradients accumulate into the leaves' ``.grad``. With ``capture`` (a list of
    nodes, for ``autograd.grad``) nothing is accumulated: the gradients arriving at those nodes are
    returned instead.
    """
    buffers = {}  # node -> one gradient per output of the node, summed as they arrive
    root_nodes = [r.grad_fn or r._grad_accumulator() for r in roots]
    _send(buffers, [(node, r._output_nr) for node, r in zip(root_nodes, roots)], root_grads)

    captured, processed = {}, []
    order = topological_order(root_nodes)
    wanted = set(capture) if capture is not None else None
    leading = _nodes_leading_to(order, wanted) if capture is not None else None
    try:
        with set_grad_enabled(create_graph), silent_numpy():
            for node in order:
                if leading is not None and node not in leading:
                    continue  # autograd.grad runs only what leads to its inputs (and frees only that), as PyTorch
                grads = buffers.pop(node, None)
                if grads is None:  # no gradient reached it: PyTorch calls it all the same (a freed one refuses)
                    grads = [None] * node._num_outputs
                if node._pre_hooks:
                    grads = _run_hooks(node._pre_hooks, grads)
                if wanted is not None and node in wanted:
                    captured[node] = grads[0]
                if isinstance(node, AccumulateGrad):
                    if capture is None:
                        node.accumulate(grads[0], keep_graph=create_graph)
                    if node._post_hooks:
                        _run_post_hooks(node._post_hooks, (), grads)
                    continue
                if leading is not None and not any(child in leading for child, _ in node.next_functions):
                    continue  # a wanted node with nothing wanted below it
                output = node._output()
                if output is not None and output._retains_grad and capture is None and grads[0] is not None:
                    g = grads[0] if create_graph else Tensor._make(np.array(grads[0]._data))
                    output._grad = g if output._grad is None else output._grad + g
                _send(buffers, node.next_functions, _run_node(node, grads))
                processed.append(node)
    finally:
        if not retain_graph:
            # Only now: a node's saved output is the next node's input, still needed until here. Nodes that
            # ran are freed even when a later one fails, as in PyTorch (a second try says "second time").
            for node in processed:
                node.release()
    if capture is not None:
        return [captured.get(node) for node in capture]
    return None


def _nodes_leading_to(order, wanted):
    """The nodes from which a gradient can reach a wanted node (the wanted ones included)."""
    leading = set()
    for node in reversed(order):  # every node after the nodes it points to
        if node in wanted or any(child in leading for child, _ in node.next_functions):
            leading.add(node)
    return leading


def _run_hooks(hooks, grads):
    for hook in list(hooks):
        result = hook(tuple(grads))  # a tuple, as PyTorch hands it
        if result is not None:
            grads = list(result)
    return grads


def _run_node(node, grads):
    """The node's gradients for its inputs; its post hooks (``node.register_hook``) see them and may replace them.
    (A function of its own: nothing in run_backward keeps the gradients, so a leaf may keep one as it is.)"""
    grad_inputs = node._backward(grads)
    if node._post_hooks:
        grad_inputs = _run_post_hooks(node._post_hooks, grad_inputs, grads)
    return grad_inputs


def _run_post_hooks(hooks, grad_inputs, grad_outputs):
    """Hooks registered with ``node.register_hook`` see both sides of the node; one may return new grad_inputs."""
    for hook in list(hooks):
        result = hook(tuple(grad_inputs), tuple(grad_outputs))
        if result is not None:
            if len(result) != len(grad_inputs):
                raise RuntimeError(f"hook '{getattr(hook, '__name__', hook)}' has returned an incorrect number of "
                                   f"values (got {len(result)}, but expected {len(grad_inputs)})")
            grad_inputs = tuple(result)
    return grad_inputs


def _send(buffers, edges, grads):
    """Add each gradient to the buffer of the node its edge leads to (one slot per output of that node)."""
    for (node, nr), grad in zip(edges, grads):
        if node is not None and grad is not None:
            slots = buffers.get(node)
            if slots is None:
                slots = buffers[node] = [None] * node._num_outputs
            slots[nr] = grad if slots[nr] is None else slots[nr] + grad


def make_root_grads(outputs, grads):
    """Check or create the gradients that start the backward pass (one per output)."""
    result = []
    for i, (output, grad) in enumerate(zip(outputs, grads)):
        # (a view requiring grad only through its base has neither a node nor an accumulator to start from)
        if not output._requires_grad or (output.grad_fn is None and output._grad_accumulator() is None):
            raise RuntimeError(f"element {i} of tensors does not require grad and does not have a grad_fn")
        if grad is None:
            if output.numel() != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            grad = Tensor._make(np.ones(output._data.shape, output._data.dtype))
        else:
            if not isinstance(grad, Tensor):
                raise TypeError(f"gradients can be either Tensors or None, but got {type(grad).__name__}")
            if grad.shape != output.shape:
                raise RuntimeError(f"Mismatch in shape: grad_output[{i}] has a shape of {grad.shape} and "
                                   f"output[{i}] has a shape of {output.shape}.")
        result.append(grad)
    return result


def _as_list(value):
    if value is None:
        return None
    if isinstance(value, Tensor):
        return [value]
    return list(value)  # any other sequence, as PyTorch: a float raises "'float' object is not iterable"


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None):
    """``torch.autograd.backward``: accumulate d(tensors)/d(leaf) into every leaf's ``.grad``."""
    tensors = _as_list(tensors)
    grads = _as_list(grad_tensors) or [None] * len(tensors)
    root_grads = make_root_grads(tensors, grads)
    if create_graph:
        _warn_reference_cycle()
    if retain_graph is None:
        retain_graph = create_graph
    if inputs is not None:  # accumulate only into the given tensors
        inputs = _as_list(inputs)
        nodes = [t.grad_fn or t._grad_accumulator() for t in inputs]
        found = run_backward(tensors, root_grads, retain_graph, create_graph, capture=nodes)
        for t, g in zip(inputs, found):
            if g is not None:
                if t.grad_fn is None:
                    t._grad_accumulator().accumulate(g, keep_graph=create_graph)
                else:
                    t._grad = g if t._grad is None else t._grad + g
        return
    run_backward(tensors, root_grads, retain_graph, create_graph)


CREATE_GRAPH_WARNING = (
    "Using backward() with create_graph=True will create a reference cycle between the parameter and its "
    "gradient which can cause a memory leak. We recommend using autograd.grad when creating the graph to avoid "
    "this. If you have to use this function, make sure to reset the .grad fields of your parameters to None "
    "after use to break the cycle and avoid the leak.")
_warned = []


def _warn_reference_cycle():
    """PyTorch's warning for ``backward(create_graph=True)``: x.grad then holds a graph that leads back to x.
    Like PyTorch, it is given once per process."""
    if not _warned:
        _warned.append(True)
        warnings.warn(CREATE_GRAPH_WARNING, UserWarning, stacklevel=4)


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, allow_unused=None,
         materialize_grads=False):
    """``torch.autograd.grad``: return d(outputs)/d(inputs) without touching any ``.grad``."""
    outputs, inputs = _as_list(outputs), _as_list(inputs)
    grads = _as_list(grad_outputs) or [None] * len(outputs)
    root_grads = make_root_grads(outputs, grads)
    for t in inputs:
        if not t._requires_grad:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
    if retain_graph is None:
        retain_graph = create_graph
    nodes = [t.grad_fn if t.grad_fn is not None else t._grad_accumulator() for t in inputs]
    found = run_backward(outputs, root_grads, retain_graph, create_graph, capture=nodes)
    result = []
    for i, (t, g) in enumerate(zip(inputs, found)):
        if g is None:
            if materialize_grads:
                g = Tensor._make(np.zeros_like(t._data))
            elif not allow_unused:
                raise RuntimeError(f"The differentiated Tensor at index {i} appears to not have been used in "
                                   "the graph. Set allow_unused=True if this is the desired behavior.")
        result.append(g)
    return tuple(result)
