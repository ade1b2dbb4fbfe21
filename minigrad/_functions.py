"""Module-level spellings of tensor methods: ``torch.exp(x)``, ``torch.cat([a, b])``, ..."""
from .ops import shape as shape_ops
from .tensor import Tensor


def cat(tensors, dim=0):
    if isinstance(tensors, Tensor):
        raise TypeError("cat(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor")
    tensors = list(tensors)
    if not tensors:
        raise ValueError("torch.cat(): expected a non-empty list of Tensors")
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError(f"expected Tensor as element {i} in argument 0, but got {type(t).__name__}")
    return shape_ops.Cat.apply(*tensors, dim=dim)


concat = concatenate = cat


def stack(tensors, dim=0):
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    return shape_ops.Stack.apply(*tensors, dim=dim)


def _method(name):
    def function(input, *args, **kwargs):
        return getattr(input, name)(*args, **kwargs)
    function.__name__ = name
    function.__doc__ = f"``torch.{name}(x, ...)`` is ``x.{name}(...)``."
    return function


METHOD_FUNCTIONS = ["exp", "log", "sqrt", "tanh", "sigmoid", "relu", "abs", "sin", "cos", "sign", "clamp", "clip",
                    "sum", "mean", "max", "min", "amax", "amin", "norm", "matmul", "mm", "dot", "mv", "reshape",
                    "transpose", "t", "permute", "flatten", "squeeze", "unsqueeze", "add", "sub", "mul", "div",
                    "pow", "neg", "reciprocal", "clone", "select", "numel", "bmm", "floor_divide", "remainder",
                    "masked_fill"]
for _name in METHOD_FUNCTIONS:
    globals()[_name] = _method(_name)

# torch.pow(2, x), torch.remainder(2.5, x): a number first is the reflected operator (PowBackward2,
# NotImplemented); torch.add(2, x) and friends are in _tensor_api.py
_REFLECTED = {"pow": "__rpow__", "remainder": "__rmod__", "floor_divide": "__rfloordiv__"}


def _number_first(name):
    method = globals()[name]

    def function(input, other, *args, **kwargs):
        if not isinstance(input, Tensor) and isinstance(other, Tensor) and not args and not kwargs:
            return getattr(other, _REFLECTED[name])(input)
        return method(input, other, *args, **kwargs)
    function.__name__ = name
    function.__doc__ = method.__doc__
    return function


for _name in _REFLECTED:
    globals()[_name] = _number_first(_name)


def is_tensor(obj):
    return isinstance(obj, Tensor)


def detach(input):
    return input.detach()


__all__ = ["cat", "concat", "concatenate", "stack", "is_tensor", "detach"] + METHOD_FUNCTIONS
