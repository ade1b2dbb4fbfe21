"""Layer 2: functions and the graph they record.

Every differentiable operation is a ``Function`` with two halves:

* ``forward(*arrays)`` computes the result on NumPy arrays;
* ``backward(grad)`` gets the gradient of the final result with respect to this output and returns
  one gradient per input (the chain rule: upstream gradient times local derivative).

``Function.apply`` runs ``forward`` and, when grad mode is on and some input requires grad, records
the function as the output's ``grad_fn``: a node whose ``next_functions`` point at the nodes of its
inputs. Following those links from a result leads back to the leaves: that is the computational graph.

``backward`` works on Tensors, not arrays. Normally it runs in no-grad mode and records nothing;
with ``create_graph=True`` it records a graph of its own, which is what makes higher-order
derivatives possible.
"""
import re
import weakref

import numpy as np

from ..tensor import Tensor
from .grad_mode import _GradMode

SECOND_BACKWARD = (
    "Trying to backward through the graph a second time (or directly access saved tensors after they "
    "have already been freed). Saved intermediate values of the graph are freed when you call "
    ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph "
    "a second time or if you need to access saved tensors after calling backward."
)


class Node:
    """A vertex of the backward graph. ``next_functions`` lead towards the inputs."""

    next_functions = ()
    _output_ref = None

    def name(self):
        return type(self).__name__

    def __repr__(self):
        return f"<{self.name()} object at {hex(id(self))}>"

    def __call__(self, *grad_outputs):
        """Run this node's backward on the given gradients, as ``y.grad_fn(g)`` does in PyTorch."""
        return self._backward(_as_tensor_grad(grad_outputs[0]))

    def _output(self):
        """The tensor this node produced, if it is still alive."""
        return self._output_ref() if self._output_ref is not None else None

    def release(self):
        """Free what was saved for backward (called after backward unless retain_graph)."""


class AccumulateGrad(Node):
    """The node of a leaf that requires grad: backward adds the incoming gradient to ``leaf.grad``."""

    def __init__(self, variable):
        self._variable_ref = weakref.ref(variable)  # weak: the leaf owns its accumulator, not the reverse

    @property
    def variable(self):
        return self._variable_ref()

    def name(self):
        return "torch::autograd::AccumulateGrad"  # PyTorch's name() for it; its repr says AccumulateGrad

    def __repr__(self):
        return f"<AccumulateGrad object at {hex(id(self))}>"

    def _backward(self, grad):
        self.accumulate(grad)
        return ()

    def accumulate(self, grad, keep_graph=False):
        leaf = self._variable_ref()
        if leaf is None:  # the leaf is gone: nobody can read its gradient
            return
        if grad.dtype != leaf.dtype:
            grad = Tensor._make(grad._data.astype(leaf._data.dtype))
        if leaf._grad is None:
            # Copy: the same gradient tensor may also have been sent to another leaf.
            leaf._grad = grad if keep_graph else Tensor._make(np.array(grad._data))
        elif keep_graph:
            leaf._grad = leaf._grad + grad
        else:
            leaf._grad._data += grad._data


class Function(Node):
    """Base class of every operation. Subclasses define ``forward`` and ``backward``.

    ``node_name`` is the name PyTorch gives the node (``MulBackward0``); a Function a user writes
    is named ``<ClassName>Backward`` as in PyTorch.
    """

    node_name = None
    inputs = None
    _output_version = 0  # an in-place op that takes over a tensor records its version here

    @classmethod
    def apply(cls, *inputs, **options):
        """Run the function on tensors and, if needed, record it in the graph."""
        fn = cls()
        result = fn.forward(*[t._data for t in inputs], **options)
        needs_input_grad = tuple([t._requires_grad for t in inputs])
        if not (True in needs_input_grad and _GradMode.enabled):
            return Tensor._make(result)  # nothing to record
        fn.inputs = inputs
        fn.needs_input_grad = needs_input_grad
        fn.next_functions = tuple([(_node_of(t), 0) for t in inputs])
        fn._saved_versions = tuple([t._version for t in inputs])
        output = Tensor._make(result, True, fn)
        fn._output_ref = weakref.ref(output)
        return output

    def forward(self, *arrays, **options):
        raise NotImplementedError(f"{type(self).__name__}.forward is not written yet")

    def backward(self, grad):
        raise NotImplementedError(f"{type(self).__name__}.backward is not written yet")

    # ---- what backward may use ---------------------------------------------------------------
    @property
    def saved_inputs(self):
        """The input tensors, checked against in-place changes and against a freed graph."""
        if self.inputs is None:
            raise RuntimeError(SECOND_BACKWARD)
        for t, version in zip(self.inputs, self._saved_versions):
            _check_version(t, version)
        return self.inputs

    @property
    def saved_output(self):
        """The output tensor (held weakly: it owns this node, not the other way round)."""
        output = self._output()
        if output is None or self.inputs is None:
            raise RuntimeError(SECOND_BACKWARD)
        _check_version(output, self._output_version)
        return output

    def name(self):
        return self.node_name or f"{type(self).__name__}Backward"

    def __repr__(self):
        if self.node_name is None:
            return f"<torch.autograd.function.{self.name()} object at {hex(id(self))}>"
        return super().__repr__()

    def _backward(self, grad):
        grads = self.backward(grad)
        return grads if isinstance(grads, tuple) else (grads,)

    def release(self):
        self.inputs = None


def _check_version(t, version):
    """A saved tensor changed in place since it was saved: backward would use wrong values."""
    if t._version == version:
        return
    kind = {"float32": "Float", "float64": "Double"}.get(t._data.dtype.name, "")
    made_by = "" if t.grad_fn is None else f", which is output 0 of {re.sub(r'Backward[0-9]*$', '', t.grad_fn.name())},"
    raise RuntimeError(
        "one of the variables needed for gradient computation has been modified by an inplace operation: "
        f"[torch.{kind}Tensor {list(t.shape)}]{made_by} is at version {t._version}; expected version {version} "
        "instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
        "with torch.autograd.set_detect_anomaly(True, check_nan=False).")


def _node_of(tensor):
    """Where a gradient for this input should go: its grad_fn, its accumulator, or nowhere."""
    if tensor.grad_fn is not None:
        return tensor.grad_fn
    if tensor._requires_grad:
        return tensor._grad_accumulator()
    return None


def _as_tensor_grad(grad):
    return grad if isinstance(grad, Tensor) else Tensor._make(np.asarray(grad))
