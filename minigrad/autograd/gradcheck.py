"""Check analytic gradients against central differences: (f(x + h) - f(x - h)) / 2h."""
import warnings

import numpy as np

from ..tensor import Tensor
from .engine import grad as autograd_grad


class GradcheckError(RuntimeError):
    pass


def numerical_jacobian(fn, inputs, eps=1e-6):
    """One matrix per input: d(flattened output)/d(flattened input), by central differences."""
    output = fn(*inputs)  # grad mode stays on: fn may itself call autograd.grad (second derivatives)
    out_size = output.numel()
    jacobians = []
    for x in inputs:
        if not (isinstance(x, Tensor) and x.requires_grad):
            jacobians.append(None)
            continue
        flat = x._data.reshape(-1)  # a view: writing into it perturbs x
        jac = np.zeros((out_size, flat.size))
        for i in range(flat.size):
            original = flat[i]
            flat[i] = original + eps
            plus = np.array(fn(*inputs)._data, dtype=np.float64).reshape(-1)
            flat[i] = original - eps
            minus = np.array(fn(*inputs)._data, dtype=np.float64).reshape(-1)
            flat[i] = original
            jac[:, i] = (plus - minus) / (2 * eps)
        jacobians.append(jac)
    return jacobians


def analytical_jacobian(fn, inputs):
    """Backward once per output element (a one-hot gradient) to build each Jacobian row."""
    output = fn(*inputs)
    tracked = [x for x in inputs if isinstance(x, Tensor) and x.requires_grad]
    rows = {id(x): [] for x in tracked}
    for k in range(output.numel()):
        one_hot = np.zeros(output.numel(), dtype=output._data.dtype)
        one_hot[k] = 1
        grads = autograd_grad(output, tracked, Tensor._make(one_hot.reshape(output._data.shape)),
                              retain_graph=True, allow_unused=True)
        for x, g in zip(tracked, grads):
            rows[id(x)].append(np.zeros(x.numel()) if g is None else np.asarray(g._data, np.float64).reshape(-1))
    return [np.array(rows[id(x)]).reshape(output.numel(), x.numel()) if id(x) in rows else None for x in inputs]


def gradcheck(fn, inputs, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True):
    """True when backward agrees with central differences for every input that requires grad.

    Use float64 inputs: in float32 the differences are too coarse to compare.
    """
    inputs = tuple(inputs) if isinstance(inputs, (tuple, list)) else (inputs,)
    for i, x in enumerate(inputs):
        if isinstance(x, Tensor) and x.requires_grad and x.dtype.name != "float64":
            warnings.warn(f"Input #{i} requires gradient and is not a double precision floating point or complex. "
                          "This check will likely fail if all the inputs are not of double precision floating "
                          "point or complex. ", UserWarning, stacklevel=2)
    numerical = numerical_jacobian(fn, inputs, eps)
    analytical = analytical_jacobian(fn, inputs)
    for i, (n, a) in enumerate(zip(numerical, analytical)):
        if n is None:
            continue
        if not np.allclose(a, n, atol=atol, rtol=rtol):
            if raise_exception:
                raise GradcheckError(f"Jacobian mismatch for output 0 with respect to input {i},\n"
                                     f"numerical:{Tensor._make(n)!r}\nanalytical:{Tensor._make(a)!r}\n")
            return False
    return True
