"""All of a model's parameters as one flat vector, and back (used by optimizers that think in vectors)."""
from ...tensor import Tensor


def _check_vector(vec):
    if not isinstance(vec, Tensor):
        raise TypeError(f"expected torch.Tensor, but got: {type(vec).__name__}")


def parameters_to_vector(parameters):
    """The parameters flattened and joined in order: a new tensor, differentiable back to each one."""
    from ..._functions import cat
    return cat([p.reshape(-1) for p in parameters])


def vector_to_parameters(vec, parameters):
    """Put consecutive pieces of ``vec`` into the parameters (their ``.data``), in order."""
    _check_vector(vec)
    start = 0
    for p in parameters:
        n = p.numel()
        p.data = vec[start:start + n].view_as(p).data
        start += n
