"""``torch.autograd.functional``: whole derivatives of a Python function, built on ``autograd.grad``.

  vjp(f, x, v)      v^T J   one backward pass with ``grad_outputs=v``
  jvp(f, x, v)      J v     the "double backward" trick: u -> u^T J is linear in u, so its own
                            vector-Jacobian product with v is (J v)^T; two backward passes, no forward mode
  jacobian(f, x)    J       one vector-Jacobian product per output element (a row of J each)
  hessian(f, x)     H       the Jacobian of the gradient
  vhp / hvp         v^T H / H v

The function's inputs are detached copies that require grad, so the caller's tensors are left alone;
results keep their graph only with ``create_graph=True``.
"""
import numpy as np

from ..tensor import Tensor
from .engine import grad
from .grad_mode import enable_grad


def _as_tuple(value):
    return (tuple(value), True) if isinstance(value, (tuple, list)) else ((value,), False)


def _fresh_inputs(inputs, create_graph):
    """Inputs the function may differentiate: views keeping the caller's graph if ``create_graph`` asks,
    else detached copies."""
    if create_graph:
        return tuple(t.view_as(t) if t.requires_grad else t.detach().requires_grad_() for t in inputs)
    return tuple(t.detach().requires_grad_() for t in inputs)


def _grads_or_zeros(outputs, inputs, grad_outputs, create_graph):
    """d(outputs . grad_outputs)/d(inputs), zeros for an input the outputs do not depend on."""
    needed = [o for o in outputs if o.requires_grad]
    if not needed:
        return tuple(Tensor._make(np.zeros_like(t._data)) for t in inputs)
    weights = [g for o, g in zip(outputs, grad_outputs) if o.requires_grad]
    found = grad(needed, inputs, grad_outputs=weights, retain_graph=True, create_graph=create_graph,
                 allow_unused=True)
    return tuple(g if g is not None else Tensor._make(np.zeros_like(t._data)) for g, t in zip(found, inputs))


def _finish(tensors, create_graph):
    return tuple(t if create_graph else t.detach() for t in tensors)


def _check_outputs(outputs, function_name):
    for o in outputs:
        if not isinstance(o, Tensor):
            raise TypeError(f"The outputs of the user-provided function given to {function_name} must be either "
                            f"a Tensor or a tuple of Tensors but the given outputs of the user-provided "
                            f"function has type {type(o)}.")


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    inputs, inputs_tuple = _as_tuple(inputs)
    with enable_grad():
        inputs = _fresh_inputs(inputs, create_graph)
        outputs, outputs_tuple = _as_tuple(func(*inputs))
        _check_outputs(outputs, "vjp")
        if v is None:
            if len(outputs) != 1 or outputs[0].numel() != 1:
                raise RuntimeError("The vector v can only be None if the user-provided function returns a single "
                                   "Tensor with a single element.")
            v = (Tensor._make(np.ones_like(outputs[0]._data)),)
        else:
            v, _ = _as_tuple(v)
        products = _grads_or_zeros(outputs, inputs, v, create_graph)
    outputs = _finish(outputs, create_graph)
    products = _finish(products, create_graph)
    return (outputs if outputs_tuple else outputs[0]), (products if inputs_tuple else products[0])


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    inputs, inputs_tuple = _as_tuple(inputs)
    with enable_grad():
        inputs = _fresh_inputs(inputs, create_graph)
        outputs, outputs_tuple = _as_tuple(func(*inputs))
        _check_outputs(outputs, "jvp")
        if v is None:
            if len(inputs) != 1 or inputs[0].numel() != 1:
                raise RuntimeError("The vector v can only be None if the input to the user-provided function is a "
                                   "single Tensor with a single element.")
            v = (Tensor._make(np.ones_like(inputs[0]._data)),)
        else:
            v, _ = _as_tuple(v)
        # u^T J, with u a dummy that requires grad: a function of u, linear, whose vjp with v is J v.
        dummies = tuple(Tensor._make(np.zeros_like(o._data)).requires_grad_() for o in outputs)
        u_J = _grads_or_zeros(outputs, inputs, dummies, create_graph=True)
        products = _grads_or_zeros(u_J, dummies, v, create_graph)
    outputs = _finish(outputs, create_graph)
    products = _finish(products, create_graph)
    return (outputs if outputs_tuple else outputs[0]), (products if outputs_tuple else products[0])


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    inputs, inputs_tuple = _as_tuple(inputs)
    with enable_grad():
        inputs = _fresh_inputs(inputs, create_graph)
        outputs, outputs_tuple = _as_tuple(func(*inputs))
        _check_outputs(outputs, "jacobian")
        blocks = []  # blocks[i][j] = d outputs[i] / d inputs[j], shaped outputs[i].shape + inputs[j].shape
        for out in outputs:
            rows = [[] for _ in inputs]
            for k in range(out.numel()):
                one_hot = np.zeros(out._data.size, out._data.dtype)
                one_hot[k] = 1
                row = _grads_or_zeros((out,), inputs, (Tensor._make(one_hot.reshape(out.shape)),), create_graph)
                for j, g in enumerate(row):
                    rows[j].append(g)
            blocks.append(tuple(_stack_rows(r, out, t, create_graph) for r, t in zip(rows, inputs)))
    per_output = [b if inputs_tuple else b[0] for b in blocks]
    return tuple(per_output) if outputs_tuple else per_output[0]


def _stack_rows(rows, out, inp, create_graph):
    from .._functions import stack
    shape = tuple(out.shape) + tuple(inp.shape)
    if not rows:
        return Tensor._make(np.zeros(shape, inp._data.dtype))
    block = stack(rows).reshape(shape)
    return block if create_graph else block.detach()


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    def gradient(*xs):
        return jacobian(func, xs if len(xs) > 1 or isinstance(inputs, (tuple, list)) else xs[0], create_graph=True)
    return jacobian(gradient, inputs, create_graph=create_graph)


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    def gradient(*xs):
        return jacobian(func, xs if isinstance(inputs, (tuple, list)) else xs[0], create_graph=True)
    value = func(*(inputs if isinstance(inputs, (tuple, list)) else (inputs,))).detach()
    return value, vjp(gradient, inputs, v, create_graph=create_graph)[1]


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    def gradient(*xs):
        return jacobian(func, xs if isinstance(inputs, (tuple, list)) else xs[0], create_graph=True)
    value = func(*(inputs if isinstance(inputs, (tuple, list)) else (inputs,))).detach()
    return value, jvp(gradient, inputs, v, create_graph=create_graph)[1]
