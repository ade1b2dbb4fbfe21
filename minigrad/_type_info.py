"""``torch.finfo`` and ``torch.iinfo``: the limits of a number type (largest value, machine epsilon, ...),
read from NumPy's ``finfo`` / ``iinfo`` and printed as PyTorch prints them."""
import numpy as np

from . import _dtype


def _numpy(dtype):
    return np.dtype(_dtype.to_numpy_dtype(dtype if dtype is not None else _dtype.float32))


class finfo:
    def __init__(self, type=None):
        kind = _numpy(type)
        if kind.kind != "f":
            raise TypeError("torch.finfo() requires a floating point input type. Use torch.iinfo to handle "
                            "'torch.finfo'")
        info = np.finfo(kind)
        self.bits, self.dtype = info.bits, kind.name
        self.eps, self.max, self.min = float(info.eps), float(info.max), float(info.min)
        self.tiny = self.smallest_normal = float(info.tiny)
        self.resolution = 10.0 ** -info.precision  # (NumPy gives it in the type itself: 0.0010004 for float16)

    def __repr__(self):
        return (f"finfo(resolution={self.resolution:g}, min={self.min:g}, max={self.max:g}, eps={self.eps:g}, "
                f"smallest_normal={self.smallest_normal:g}, tiny={self.tiny:g}, dtype={self.dtype})")


class iinfo:
    def __init__(self, type):
        kind = _numpy(type)
        if kind.kind not in "iu":
            raise TypeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
        info = np.iinfo(kind)
        self.bits, self.dtype, self.min, self.max = info.bits, kind.name, int(info.min), int(info.max)

    def __repr__(self):
        return f"iinfo(min={self.min:g}, max={self.max:g}, dtype={self.dtype})"
