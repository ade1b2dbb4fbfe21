"""Tensor methods beyond the engine's: devices, legacy types, ``new_*``, formatting, inference mode,
the operations of ``ops/statistics.py``, random in-place fills and ``out=``. (The engine's own
methods are attached by ``_tensor_methods.py``; ``to``, ``cpu`` and ``__format__`` are redefined here
for devices and for PyTorch's ``f"{loss}"``.)

They sit here, on top of the engine, and are attached to Tensor as ``_tensor_methods.py`` attaches
the operators.
"""
import numpy as np

from . import _dtype
from .autograd.grad_mode import is_grad_enabled, no_grad
from .autograd.inplace import check_in_place
from .devices import CPU, NO_CUDA, check_device
from .inference import is_inference
from .ops import creation, statistics
from .ops._util import number_array
from .tensor import Tensor

_plain_to = Tensor.to


# ----- devices ------------------------------------------------------------------------------------
def to(self, *args, **kwargs):
    """``x.to(device)``, ``x.to(dtype)``, ``x.to(device, dtype)``, ``x.to(other)``: only the CPU exists."""
    check_device(kwargs.pop("device", None))
    kwargs.pop("non_blocking", None)
    kwargs.pop("copy", None)
    rest = []
    for arg in args:
        if isinstance(arg, (str, CPU.__class__)):
            check_device(arg)
        else:
            rest.append(arg)
    return _plain_to(self, *rest, **kwargs)


def cuda(self, device=None, non_blocking=False):
    raise AssertionError(NO_CUDA)


# ----- legacy type names: x.type(), torch.FloatTensor ----------------------------------------------
_TYPE_NAMES = {"float32": "FloatTensor", "float64": "DoubleTensor", "float16": "HalfTensor",
               "int64": "LongTensor", "int32": "IntTensor", "int16": "ShortTensor", "int8": "CharTensor",
               "uint8": "ByteTensor", "bool": "BoolTensor"}
_BY_TYPE_NAME = {f"torch.{name}": getattr(_dtype, dtype_name) for dtype_name, name in _TYPE_NAMES.items()}


def type_(self, dtype=None, non_blocking=False, **kwargs):
    """``x.type()`` is the legacy type name (``'torch.FloatTensor'``); ``x.type(torch.float64)`` converts."""
    if dtype is None:
        return "torch." + _TYPE_NAMES[self.dtype.name]
    if isinstance(dtype, str):
        if dtype not in _BY_TYPE_NAME:
            raise ValueError(f"invalid type: '{dtype}'")
        dtype = _BY_TYPE_NAME[dtype]
    elif isinstance(dtype, _LegacyTensorType):
        dtype = dtype.dtype
    return self.to(dtype)


class _LegacyTensorType(type):
    """``torch.FloatTensor([1, 2])``, ``torch.LongTensor(3)``; ``isinstance(x, torch.FloatTensor)``."""

    def __call__(cls, *args):
        if len(args) == 1 and not isinstance(args[0], (int, np.integer)):
            return creation.tensor(args[0], dtype=cls.dtype)
        return creation.zeros(*args, dtype=cls.dtype)

    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor) and obj.dtype is cls.dtype

    def __repr__(cls):
        return f"<class 'torch.{cls.__name__}'>"


def _legacy_types():
    return {name: _LegacyTensorType(name, (), {"dtype": getattr(_dtype, dtype_name)})
            for dtype_name, name in _TYPE_NAMES.items()}


LEGACY_TYPES = _legacy_types()


# ----- new_* : same dtype as self, new values ----------------------------------------------------
def _new(maker):
    def method(self, *size, dtype=None, device=None, requires_grad=False, **kwargs):
        check_device(device)
        return maker(*size, dtype=dtype or self.dtype, requires_grad=requires_grad, **kwargs)
    method.__name__ = "new_" + maker.__name__
    return method


def new_tensor(self, data, dtype=None, device=None, requires_grad=False):
    check_device(device)
    return creation.tensor(data, dtype=dtype or self.dtype, requires_grad=requires_grad)


def new_full(self, size, fill_value, dtype=None, device=None, requires_grad=False):
    check_device(device)
    return creation.full(size, fill_value, dtype=dtype or self.dtype, requires_grad=requires_grad)


# ----- printing: f"{loss}" and f"{loss:>7f}" -----------------------------------------------------
def __format__(self, spec):
    """A 0-d tensor formats as its number (``f"{loss:>7f}"``, and ``f"{loss}"`` prints ``2.5``), as in
    PyTorch; other tensors take no format spec and print as ``str``."""
    if self._data.ndim == 0:
        return self.item().__format__(spec)
    if spec:
        raise TypeError("unsupported format string passed to Tensor.__format__")
    return repr(self)


# ----- operations from ops/statistics.py, softmax as a method ---------------------------------------
def cumsum(self, dim=None, *, axis=None, dtype=None):
    dim = axis if dim is None else dim
    if dim is None:
        raise TypeError("cumsum() missing 1 required positional arguments: \"dim\"")
    result = statistics.Cumsum.apply(self, dim=dim)
    return result if dtype is None else result.to(dtype)


def softmax(self, dim=None, dtype=None):
    from .nn import functional as F
    return F.softmax(self, dim, dtype=dtype)


def log_softmax(self, dim=None, dtype=None):
    from .nn import functional as F
    return F.log_softmax(self, dim, dtype=dtype)


# ----- random in-place fills: tensor.uniform_(a, b), tensor.normal_(mean, std) ------------------------
def _fill_random(self, values):
    with no_grad():
        self.copy_(Tensor._make(values.astype(self._data.dtype)))
    return self


def uniform_(self, a=0.0, b=1.0, *, generator=None):
    rng = (generator or creation.default_generator).rng
    return _fill_random(self, rng.uniform(a, b, size=self._data.shape))


def normal_(self, mean=0.0, std=1.0, *, generator=None):
    rng = (generator or creation.default_generator).rng
    return _fill_random(self, rng.normal(mean, std, size=self._data.shape))


def _check_random_fill_on_leaf(fill):
    def method(self, *args, **kwargs):
        check_in_place(self)
        return fill(self, *args, **kwargs)
    method.__name__ = fill.__name__
    return method


def _install():
    methods = {
        "to": to, "cuda": cuda, "cpu": lambda self, memory_format=None: self,
        "is_cuda": property(lambda self: False), "is_cpu": property(lambda self: True),
        "device": property(lambda self: CPU), "get_device": lambda self: -1,
        "type": type_, "nelement": Tensor.numel,
        "new_zeros": _new(creation.zeros), "new_ones": _new(creation.ones), "new_empty": _new(creation.empty),
        "new_tensor": new_tensor, "new_full": new_full,
        "__format__": __format__, "is_inference": is_inference,
        "cumsum": cumsum, "var": statistics.var, "std": statistics.std, "prod": statistics.prod,
        "log10": lambda self: statistics.Log10.apply(self), "sort": statistics.sort, "topk": statistics.topk,
        "softmax": softmax, "log_softmax": log_softmax,
        "uniform_": _check_random_fill_on_leaf(uniform_), "normal_": _check_random_fill_on_leaf(normal_),
    }
    for name, method in methods.items():
        setattr(Tensor, name, method)


_install()


# ----- module-level spellings: torch.cumsum(x, 0), torch.softmax(x, 1), torch.add(a, b, out=c) --------
def _with_out(name, method):
    def function(input, other, *args, out=None, **kwargs):
        if out is None:
            return method(input, other, *args, **kwargs)
        if is_grad_enabled() and any(isinstance(t, Tensor) and t._requires_grad for t in (input, other)):
            raise RuntimeError(f"{name}(): functions with out=... arguments don't support automatic "
                               "differentiation, but one of the arguments requires grad.")
        with no_grad():
            result = method(input, other, *args, **kwargs)
        if out.shape == result.shape:
            out.copy_(result)
        else:  # PyTorch resizes the out tensor (and warns that it will stop doing so)
            out._data = result._data.astype(out._data.dtype)
        return out
    function.__name__ = name
    return function


def _method(name):
    def call(input, other, *args, **kwargs):
        if not isinstance(input, Tensor) and isinstance(other, Tensor):
            # torch.add(2, x): the number becomes the first input, a constant (its edge is None)
            input = Tensor._make(number_array(input, other._data.dtype))
        return getattr(input, name)(other, *args, **kwargs)
    return call


FUNCTIONS = {
    "add": _with_out("add", _method("add")), "sub": _with_out("sub", _method("sub")),
    "mul": _with_out("mul", _method("mul")), "div": _with_out("div", _method("div")),
    "matmul": _with_out("matmul", _method("matmul")), "mm": _with_out("mm", _method("mm")),
    "cumsum": lambda input, dim, *, dtype=None: cumsum(input, dim, dtype=dtype),
    "var": statistics.var, "std": statistics.std, "prod": statistics.prod,
    "log10": lambda input: statistics.Log10.apply(input), "sort": statistics.sort, "topk": statistics.topk,
    "softmax": softmax, "log_softmax": log_softmax,
}


# ----- rounding, gather/scatter, argsort, splitting, einsum (ops/rounding.py, gather_scatter.py, ...) ----
from .autograd.inplace import apply_in_place  # noqa: E402
from .ops import einsum as _einsum, gather_scatter, rounding, splitting  # noqa: E402


def argsort(input, dim=-1, descending=False, stable=False):
    return statistics.sort(input, dim, descending=descending, stable=stable).indices


def _scatter_(self, dim, index, src=None, *, value=None, reduce=None):
    check_in_place(self)
    others = (src,) if isinstance(src, Tensor) else ()
    return apply_in_place(self, lambda before: gather_scatter.scatter(before, dim, index, src, value=value,
                                                                      reduce=reduce), *others)


def _scatter_add_(self, dim, index, src):
    check_in_place(self)
    return apply_in_place(self, lambda before: gather_scatter.scatter_add(before, dim, index, src), src)


def _isfinite(input):
    return Tensor._make(np.isfinite(input._data) if input._data.dtype.kind == "f" else np.ones(input.shape, bool))


def _isnan(input):
    return Tensor._make(np.isnan(input._data) if input._data.dtype.kind == "f" else np.zeros(input.shape, bool))


def _isinf(input):
    return Tensor._make(np.isinf(input._data) if input._data.dtype.kind == "f" else np.zeros(input.shape, bool))


_MORE_METHODS = {
    "round": rounding.round, "floor": rounding.floor, "ceil": rounding.ceil, "trunc": rounding.trunc,
    "frac": rounding.frac, "gather": gather_scatter.gather, "scatter": gather_scatter.scatter,
    "scatter_add": gather_scatter.scatter_add, "scatter_": _scatter_, "scatter_add_": _scatter_add_,
    "argsort": argsort, "split": splitting.split, "chunk": splitting.chunk, "unbind": splitting.unbind,
    "isfinite": _isfinite, "isnan": _isnan, "isinf": _isinf,
}
for _name, _method_function in _MORE_METHODS.items():
    setattr(Tensor, _name, _method_function)
FUNCTIONS.update(_MORE_METHODS)
for _name in ("scatter_", "scatter_add_"):
    del FUNCTIONS[_name]
FUNCTIONS.update({"hstack": splitting.hstack, "vstack": splitting.vstack, "einsum": _einsum.einsum})


# ----- torch.where with one argument (the positions), or with two numbers; torch.nonzero ------------
def nonzero(input, *, as_tuple=False):
    positions = np.nonzero(input._data.reshape(1) if input._data.ndim == 0 else input._data)
    if as_tuple:
        return tuple(Tensor._make(p.astype(np.int64)) for p in positions)
    return Tensor._make(np.stack(positions, axis=1).astype(np.int64))


def where(condition, input=None, other=None):
    from .ops.elementwise import where as where_tensors
    if input is None and other is None:
        return nonzero(condition, as_tuple=True)
    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        # two numbers: a float32 result if either is a float, else int64 (PyTorch's scalar promotion)
        is_float = any(isinstance(v, float) for v in (input, other))
        input = creation.tensor(input, dtype=_dtype.float32 if is_float else _dtype.int64)
    return where_tensors(condition, input, other)


Tensor.nonzero = nonzero
FUNCTIONS.update({"where": where, "nonzero": nonzero})


# ----- torch.bincount: how often each non-negative integer occurs (not differentiable, as in PyTorch) --
def bincount(input, weights=None, minlength=0):
    x = input._data
    if x.dtype.kind == "f":
        raise NotImplementedError(f"\"bincount_cpu\" not implemented for '{_dtype.scalar_type_name(x.dtype)}'")
    if x.ndim != 1 or (x.size and x.min() < 0):
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.")
    if weights is None:
        return Tensor._make(np.bincount(x, minlength=minlength).astype(np.int64))
    w = weights._data
    return Tensor._make(np.bincount(x, weights=w, minlength=minlength).astype(w.dtype))


Tensor.bincount = bincount
FUNCTIONS["bincount"] = bincount


# ----- tril / triu (ops/triangles.py), and their in-place forms ------------------------------------------
from .ops import triangles  # noqa: E402


def _in_place_triangle(name):
    def method(self, diagonal=0):
        check_in_place(self)
        return apply_in_place(self, lambda before: getattr(triangles, name)(before, diagonal))
    method.__name__ = name + "_"
    return method


for _name in ("tril", "triu"):
    setattr(Tensor, _name, getattr(triangles, _name))
    setattr(Tensor, _name + "_", _in_place_triangle(_name))
    FUNCTIONS[_name] = getattr(triangles, _name)


# ----- swapaxes / swapdims: NumPy's names for transpose (d2l uses them) -----------------------------
def swapaxes(input, axis0, axis1):
    return input.transpose(axis0, axis1)


def swapdims(input, dim0, dim1):
    return input.transpose(dim0, dim1)


Tensor.swapaxes, Tensor.swapdims = swapaxes, swapdims
FUNCTIONS.update({"swapaxes": swapaxes, "swapdims": swapdims})


# ----- erf (ops/special.py) -----------------------------------------------------------------------
from .ops import special  # noqa: E402

Tensor.erf = special.erf
FUNCTIONS["erf"] = special.erf


# ----- flip / roll / repeat / tile / repeat_interleave, index_select / index_add, cumprod / logsumexp ----
from .ops import index_select as _index_select, products, reorder  # noqa: E402


def _index_add_(self, dim, index, source, *, alpha=1):
    check_in_place(self)
    return apply_in_place(self, lambda before: _index_select.index_add(before, dim, index, source, alpha=alpha),
                          source)


_REORDER = {
    "flip": reorder.flip, "fliplr": reorder.fliplr, "flipud": reorder.flipud, "roll": reorder.roll,
    "tile": reorder.tile, "repeat_interleave": reorder.repeat_interleave,
    "index_select": _index_select.index_select, "index_add": _index_select.index_add,
    "cumprod": products.cumprod, "logsumexp": products.logsumexp,
}
for _name, _method_function in _REORDER.items():
    setattr(Tensor, _name, _method_function)
FUNCTIONS.update(_REORDER)
Tensor.repeat = reorder.repeat
Tensor.index_add_ = _index_add_


# ----- log1p, expm1, rsqrt (ops/special.py); narrow, movedim, unflatten, outer: recipes of views and products --
def narrow(input, dim, start, length):
    dim = dim % max(input.ndim, 1)
    size = input.shape[dim]
    if start < -size or start > size:
        raise IndexError(f"start out of range (expected to be in range of [{-size}, {size}], but got {start})")
    start = start % size if start < 0 else start
    if start + length > size or length < 0:
        raise RuntimeError(f"start ({start}) + length ({length}) exceeds dimension size ({size}).")
    return input[(slice(None),) * dim + (slice(start, start + length),)]


def movedim(input, source, destination):
    sources = [source] if isinstance(source, int) else list(source)
    destinations = [destination] if isinstance(destination, int) else list(destination)
    n = input.ndim
    sources, destinations = [s % n for s in sources], [d % n for d in destinations]
    order = [d for d in range(n) if d not in sources]
    for d, s in sorted(zip(destinations, sources)):
        order.insert(d, s)
    return input.permute(*order)


def unflatten(input, dim, sizes):
    dim = dim % input.ndim
    sizes = list(sizes)
    if -1 in sizes:
        known = 1
        for s in sizes:
            known *= s if s != -1 else 1
        sizes[sizes.index(-1)] = input.shape[dim] // known
    return input.view(tuple(input.shape[:dim]) + tuple(sizes) + tuple(input.shape[dim + 1:]))


def outer(input, vec2):
    return input.unsqueeze(1) * vec2


_SMALL = {"log1p": special.log1p, "expm1": special.expm1, "rsqrt": special.rsqrt, "narrow": narrow,
          "movedim": movedim, "moveaxis": movedim, "unflatten": unflatten, "outer": outer, "ger": outer}
for _name, _method_function in _SMALL.items():
    setattr(Tensor, _name, _method_function)
FUNCTIONS.update(_SMALL)


# ----- unsqueeze_ / squeeze_ / t_ / transpose_: change a tensor's shape in place --------------------------
def _reshape_in_place(name, out_of_place):
    def method(self, *args, **kwargs):
        if self._requires_grad and is_grad_enabled():
            check_in_place(self)  # a leaf that requires grad: PyTorch's error
            raise NotImplementedError(f"minigrad's {name} works on tensors that do not require grad only")
        self._data = out_of_place(self, *args, **kwargs)._data  # the same memory, seen in the new shape
        self._version += 1
        return self
    method.__name__ = name
    return method


for _name in ("unsqueeze", "squeeze", "t", "transpose"):
    setattr(Tensor, _name + "_", _reshape_in_place(_name + "_", getattr(Tensor, _name)))


# ----- ops/misc.py: square, clamp_min/max, trace, masked_select, diff; unique, meshgrid, logical ops ... --
from .ops import misc  # noqa: E402

_MISC_METHODS = {"square": misc.square, "clamp_min": misc.clamp_min, "clamp_max": misc.clamp_max,
                 "trace": misc.trace, "masked_select": misc.masked_select, "diff": misc.diff, "unique": misc.unique,
                 "logical_and": misc.logical_and, "logical_or": misc.logical_or, "logical_xor": misc.logical_xor,
                 "count_nonzero": misc.count_nonzero, "argwhere": misc.argwhere}
for _name, _method_function in _MISC_METHODS.items():
    setattr(Tensor, _name, _method_function)
FUNCTIONS.update(_MISC_METHODS)
FUNCTIONS.update({"tril_indices": misc.tril_indices, "triu_indices": misc.triu_indices, "meshgrid": misc.meshgrid,
                  "isin": misc.isin})


# ----- ops/lerp.py ------------------------------------------------------------------------------------
from .ops.lerp import lerp as _lerp  # noqa: E402


def _lerp_(self, end, weight):
    others = (end, weight) if isinstance(weight, Tensor) else (end,)
    return apply_in_place(self, lambda before: _lerp(before, end, weight), *others)


Tensor.lerp, Tensor.lerp_ = _lerp, _lerp_
FUNCTIONS["lerp"] = _lerp
