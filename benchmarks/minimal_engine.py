"""The least Python a tensor autograd engine can spend on the MLP step: a reference, not a product.

Each operation makes a node holding its inputs and a closure that maps the output's gradient to the
inputs' gradients; backward sorts the nodes and calls the closures. The graph is PyTorch's (a node for
each linear layer, its weight's transpose, tanh, log-softmax and the NLL loss) and the array work is the
hand-written NumPy step's, so its time above that step is the bookkeeping alone. What it leaves out is
everything that makes an engine PyTorch: no checks, no grad modes, no version counters, no hooks, no
views, no saved-tensor rules, no error messages. bench_mlp.py --minimal times it beside minigrad.
"""
import numpy as np


class Node:
    __slots__ = ("data", "grad", "inputs", "backward", "needs_grad")

    def __init__(self, data, inputs=(), backward=None, needs_grad=True):
        self.data, self.grad, self.inputs, self.backward, self.needs_grad = data, None, inputs, backward, needs_grad


def transpose(w):
    return Node(w.data.T, (w,), lambda g: (g.T,))


def linear(x, w, b):
    wt = transpose(w)
    out = x.data @ wt.data
    out += b.data
    return Node(out, (b, x, wt), lambda g: (g.sum(0), g @ wt.data.T if x.needs_grad else None, (g.T @ x.data).T))


def tanh(x):
    y = np.tanh(x.data)

    def backward(g):
        d = y * y
        np.subtract(1, d, out=d)
        d *= g
        return (d,)
    return Node(y, (x,), backward)


def log_softmax(x):
    shifted = x.data - x.data.max(1, keepdims=True)
    exp = np.exp(shifted)
    sums = exp.sum(1, keepdims=True)
    shifted -= np.log(sums)
    exp /= sums  # the softmax, for backward
    return Node(shifted, (x,), lambda g: (g - exp * g.sum(1, keepdims=True),))


def nll_loss(log_probs, target):
    n = len(target)
    rows = np.arange(n)
    loss = -log_probs.data[rows, target].sum() / n

    def backward(g):
        d = np.zeros_like(log_probs.data)
        d[rows, target] = -g / n
        return (d,)
    return Node(np.asarray(loss), (log_probs,), backward)


def backward(root):
    order, seen = [], set()
    stack = [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if expanded:
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in node.inputs)
    grads = {id(root): np.ones((), root.data.dtype)}
    for node in reversed(order):
        g = grads.pop(id(node), None)
        if g is None:
            continue
        if node.backward is None:  # a parameter
            node.grad = g
            continue
        for child, child_grad in zip(node.inputs, node.backward(g)):
            if child_grad is None:
                continue
            key = id(child)
            grads[key] = child_grad if key not in grads else grads[key] + child_grad


def step_fn(x_np, y_np, weights, lr):
    params = [Node(w) for w in weights]
    x = Node(x_np, needs_grad=False)

    def step():
        w1, b1, w2, b2 = params
        loss = nll_loss(log_softmax(linear(tanh(linear(x, w1, b1)), w2, b2)), y_np)
        for p in params:
            p.grad = None
        backward(loss)
        for p in params:
            p.data -= lr * p.grad
        return float(loss.data)

    return step
