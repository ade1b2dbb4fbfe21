"""Layer 3: making tensors. Default dtype float32, as in PyTorch; seeded randomness."""
import pickle

import numpy as np

from .. import _dtype
from .._size import Size
from ..tensor import Tensor, _unwrap

FLOAT_ONLY = "Only Tensors of floating point and complex dtype can require gradients"


class Generator:
    """The random number generator behind rand/randn/randint, reseeded by ``manual_seed``."""

    def __init__(self, seed=0):
        self.manual_seed(seed)

    def manual_seed(self, seed):
        self.initial_seed_value = int(seed)
        self.rng = np.random.default_rng(int(seed))
        return self

    def initial_seed(self):
        return self.initial_seed_value

    def get_state(self):
        """The generator's whole state as bytes in a uint8 tensor (PyTorch's ``torch.ByteTensor``)."""
        state = pickle.dumps(self.rng.bit_generator.state)
        return Tensor._make(np.frombuffer(state, dtype=np.uint8).copy())

    def set_state(self, new_state):
        if not isinstance(new_state, Tensor) or new_state.dtype is not _dtype.uint8:
            raise TypeError("RNG state must be a torch.ByteTensor")
        self.rng.bit_generator.state = pickle.loads(new_state._data.tobytes())
        return self

    def __repr__(self):
        return f"<torch._C.Generator object at {hex(id(self))}>"


default_generator = Generator(np.random.SeedSequence().entropy % (2 ** 63))


def manual_seed(seed):
    """Seed the generator: the same seed gives the same random tensors."""
    return default_generator.manual_seed(seed)


def initial_seed():
    return default_generator.initial_seed()


def get_rng_state():
    return default_generator.get_state()


def set_rng_state(new_state):
    default_generator.set_state(new_state)


def seed():
    return default_generator.manual_seed(np.random.SeedSequence().entropy % (2 ** 63)).initial_seed()


def _finish(array, dtype, requires_grad):
    if dtype is not None:
        array = array.astype(_dtype.to_numpy_dtype(dtype), copy=False)
    if requires_grad and array.dtype.kind != "f":
        raise RuntimeError(FLOAT_ONLY)
    return Tensor._make(array, bool(requires_grad))


def tensor(data, dtype=None, device=None, requires_grad=False):
    """A new tensor holding a copy of ``data`` (a number, nested lists, an array or a tensor)."""
    if isinstance(data, str):
        raise TypeError("new(): invalid data type 'str'")
    try:
        array = np.array(_unwrap(data))
    except ValueError:
        _raise_ragged(data, 0)
        raise
    if dtype is None:
        typed = isinstance(data, (np.ndarray, np.generic, Tensor))  # keeps its dtype (np.float64(1.0) too)
        if array.dtype == np.float64 and not typed:
            array = array.astype(np.float32)  # Python floats become the default float32
        elif array.dtype.kind in "iu" and not typed:
            array = array.astype(np.int64)
        elif array.dtype.kind not in "fiub":
            raise TypeError(f"Could not infer dtype of {type(data).__name__}")
    return _finish(array, dtype, requires_grad)


def _raise_ragged(data, dim):
    """PyTorch's error for nested lists of unequal lengths."""
    if not isinstance(data, (list, tuple)) or not data:
        return
    first = len(data[0]) if isinstance(data[0], (list, tuple)) else None
    for item in data:
        length = len(item) if isinstance(item, (list, tuple)) else None
        if length != first:
            raise ValueError(f"expected sequence of length {first} at dim {dim + 1} (got {length})")
    for item in data:
        _raise_ragged(item, dim + 1)


def as_tensor(data, dtype=None, device=None):
    if isinstance(data, Tensor) and dtype is None:
        return data
    if isinstance(data, np.ndarray):
        return _finish(data, dtype, False)
    return tensor(data, dtype=dtype)


def from_numpy(array):
    """Share memory with a NumPy array (no copy), keeping its dtype."""
    _dtype.from_numpy_dtype(array.dtype)
    return Tensor._make(array)


def _size(size, keyword=None):
    """The shape from ``zeros(2, 3)``, ``zeros((2, 3))`` or ``zeros(size=(2, 3))`` (``keyword``: the
    function's other keyword arguments, where only ``size`` is allowed)."""
    if keyword:
        unknown = [k for k in keyword if k != "size"]
        if unknown:
            raise TypeError(f"got an unexpected keyword argument '{unknown[0]}'")
        if size:
            raise TypeError("argument 'size' given both by position and by keyword")
        size = (keyword["size"],)
    if len(size) == 1 and isinstance(size[0], (tuple, list, Size)):
        size = size[0]
    return tuple(int(n) for n in size)


def _default(dtype):
    return _dtype.to_numpy_dtype(dtype) if dtype is not None else np.float32


def zeros(*size, dtype=None, device=None, requires_grad=False, **keyword):
    return _finish(np.zeros(_size(size, keyword), dtype=_default(dtype)), None,
                   requires_grad)


def ones(*size, dtype=None, device=None, requires_grad=False, **keyword):
    return _finish(np.ones(_size(size, keyword), dtype=_default(dtype)), None,
                   requires_grad)


def empty(*size, dtype=None, device=None, requires_grad=False, **keyword):
    return _finish(np.zeros(_size(size, keyword), dtype=_default(dtype)), None,
                   requires_grad)


def full(size, fill_value, dtype=None, device=None, requires_grad=False):
    if dtype is None and isinstance(fill_value, bool):
        dtype = _dtype.bool
    elif dtype is None and isinstance(fill_value, int):
        dtype = _dtype.int64
    return _finish(np.full(_size((size,)), fill_value, dtype=_default(dtype)), None, requires_grad)


def eye(n, m=None, dtype=None, device=None, requires_grad=False):
    return _finish(np.eye(n, m, dtype=_default(dtype)), None, requires_grad)


def rand(*size, generator=None, dtype=None, device=None, requires_grad=False, **keyword):
    """Uniform on [0, 1)."""
    rng = (generator or default_generator).rng
    return _finish(rng.random(_size(size, keyword), dtype=np.float32), dtype, requires_grad)


def randn(*size, generator=None, dtype=None, device=None, requires_grad=False, **keyword):
    """Standard normal."""
    rng = (generator or default_generator).rng
    return _finish(rng.standard_normal(_size(size, keyword), dtype=np.float32), dtype, requires_grad)


def randint(low, high=None, size=None, generator=None, dtype=None, device=None, requires_grad=False):
    if high is None:
        low, high = 0, low
    rng = (generator or default_generator).rng
    return _finish(rng.integers(low, high, size=_size((size,)), dtype=np.int64), dtype, requires_grad)


def randperm(n, generator=None, dtype=None, device=None):
    rng = (generator or default_generator).rng
    return _finish(rng.permutation(n).astype(np.int64), dtype, False)


def arange(start, end=None, step=1, dtype=None, device=None, requires_grad=False):
    """PyTorch's numbers: ``start + step * i`` computed in float64 and rounded once to the dtype (in int64 for
    integers, with start, end and step made integers first)."""
    if end is None:
        start, end = 0, start
    is_float = any(isinstance(v, float) for v in (start, end, step))
    out_type = np.dtype(_dtype.to_numpy_dtype(dtype) if dtype is not None else np.float32 if is_float else np.int64)
    exact = np.longdouble if out_type.kind == "f" else np.int64  # longdouble: step * i rounded once, as an FMA
    first, last, stride = (exact(v) for v in (start, end, step))
    _check_range(first, last, stride)
    if out_type == np.int64:  # the count in integers (float64 could not hold every int64)
        count = (last - first + stride - np.sign(stride)) // stride
    else:
        count = np.ceil((float(end) - float(start)) / float(step))
    if not 0 <= count <= np.iinfo(np.int64).max:
        raise RuntimeError("invalid size, possible overflow?")
    values = first + stride * np.arange(int(count), dtype=exact)
    return _finish(values.astype(np.float64 if out_type.kind == "f" else out_type).astype(out_type), None,
                   requires_grad)


def _check_range(first, last, step):
    if step == 0:
        raise RuntimeError("step must be nonzero")
    if not (np.isfinite(first) and np.isfinite(last)):
        raise RuntimeError(f"unsupported range: {float(first):g} -> {float(last):g}")
    if (step > 0 and last < first) or (step < 0 and last > first):
        raise RuntimeError("upper bound and lower bound inconsistent with step sign")


def linspace(start, end, steps, dtype=None, device=None, requires_grad=False):
    """PyTorch's numbers: the first half counted up from ``start`` (``start + step * i``), the second half down
    from ``end`` (``end - step * (steps - 1 - i)``), each rounded once (a fused multiply-add), with ``step``
    computed in the result's dtype (in float64 for integers)."""
    out_type = np.dtype(_dtype.to_numpy_dtype(dtype) if dtype is not None else np.float32)
    step_type = out_type.type if out_type.kind == "f" else np.float64
    first, last = (np.asarray(v).astype(out_type).astype(step_type) for v in (start, end))
    if steps <= 1:
        return _finish(np.full(steps, first).astype(out_type), None, requires_grad)
    step = (last - first) / step_type(steps - 1)
    i = np.arange(steps)
    wide = np.longdouble  # holds step * i (nearly) exactly: the sum is then rounded once, as an FMA would
    values = np.where(i < steps // 2, wide(first) + wide(step) * i, wide(last) - wide(step) * (steps - 1 - i))
    return _finish(values.astype(step_type).astype(out_type), None, requires_grad)


def _like(maker):
    def like(input, dtype=None, device=None, requires_grad=False):
        made = maker(*input.shape, dtype=dtype or input.dtype, requires_grad=requires_grad)
        if not input._data.flags.c_contiguous:  # a transposed input gives a transposed result, as in PyTorch
            from .shape import copy_with_layout
            made._data = copy_with_layout(made._data, input._data)
        return made
    like.__name__ = maker.__name__ + "_like"
    return like


zeros_like = _like(zeros)
ones_like = _like(ones)
empty_like = _like(empty)


def rand_like(input, dtype=None, device=None, requires_grad=False):
    return rand(*input.shape, dtype=dtype or input.dtype, requires_grad=requires_grad)


def randn_like(input, dtype=None, device=None, requires_grad=False):
    return randn(*input.shape, dtype=dtype or input.dtype, requires_grad=requires_grad)


def full_like(input, fill_value, dtype=None, device=None, requires_grad=False):
    return _like(lambda *size, **options: full(size, fill_value, **options))(input, dtype, device, requires_grad)
