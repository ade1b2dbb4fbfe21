"""Data types, printed the way PyTorch prints them (``torch.float32``)."""
import builtins

import numpy as np


class dtype:
    """A tensor element type: a name for the learner, a NumPy type for the math."""

    __slots__ = ("name", "numpy_type", "is_floating_point", "itemsize")

    def __init__(self, name, numpy_type):
        self.name = name
        self.numpy_type = np.dtype(numpy_type)
        self.is_floating_point = self.numpy_type.kind == "f"
        self.itemsize = self.numpy_type.itemsize

    def __repr__(self):
        return f"torch.{self.name}"

    def __reduce__(self):  # pickling refers to the module-level singleton
        return self.name


float16 = half = dtype("float16", np.float16)
float32 = float = dtype("float32", np.float32)
float64 = double = dtype("float64", np.float64)
int8 = dtype("int8", np.int8)
uint8 = dtype("uint8", np.uint8)
int16 = short = dtype("int16", np.int16)
int32 = int = dtype("int32", np.int32)
int64 = long = dtype("int64", np.int64)
bool = dtype("bool", np.bool_)

_BY_NUMPY = {d.numpy_type: d for d in (float16, float32, float64, int8, uint8, int16, int32, int64, bool)}


def from_numpy_dtype(numpy_type):
    """The minigrad dtype of a NumPy dtype (``np.float32`` -> ``torch.float32``)."""
    try:
        return _BY_NUMPY[np.dtype(numpy_type)]
    except KeyError:
        raise TypeError(f"can't convert np.ndarray of type {np.dtype(numpy_type)}. The only supported types are: "
                        "float64, float32, float16, int64, int32, int16, int8, uint8, and bool.") from None


def to_numpy_dtype(d):
    """Accept a minigrad dtype, a NumPy dtype or a Python type and give the NumPy dtype."""
    if isinstance(d, dtype):
        return d.numpy_type
    python_types = {builtins.float: float64, builtins.int: int64, builtins.bool: bool}
    if d in python_types:
        return python_types[d].numpy_type
    return from_numpy_dtype(d).numpy_type


# ----- the names PyTorch's messages use -------------------------------------------------------------
# ScalarType names ("result type Float can't be cast to the desired output type Long") and the C++
# type names some kernels print instead ("... desired output type long int" from clamp_).
_SCALAR_TYPE_NAMES = {"bool": "Bool", "uint8": "Byte", "int8": "Char", "int16": "Short", "int32": "Int",
                      "int64": "Long", "float16": "Half", "float32": "Float", "float64": "Double"}
_C_TYPE_NAMES = {"bool": "bool", "uint8": "unsigned char", "int8": "signed char", "int16": "short int",
                 "int32": "int", "int64": "long int", "float16": "c10::Half", "float32": "float", "float64": "double"}


def scalar_type_name(numpy_type):
    """PyTorch's ScalarType name of a NumPy dtype: ``Float`` for float32, ``Long`` for int64."""
    return _SCALAR_TYPE_NAMES[np.dtype(numpy_type).name]


def c_type_name(numpy_type):
    """The C++ name of a NumPy dtype as some PyTorch messages print it: ``long int`` for int64."""
    return _C_TYPE_NAMES[np.dtype(numpy_type).name]


def can_cast(from_type, to_type):
    """PyTorch's rule for writing a result into a tensor of another dtype (in-place ops, ``out=``):
    floating point never into an integer or bool, nothing but bool into bool; all else may be cast."""
    if from_type == to_type:  # the common case, first: no conversions
        return True
    from_type, to_type = np.dtype(from_type), np.dtype(to_type)
    if from_type.kind == "f" and to_type.kind in "iub":
        return False
    return from_type.kind == "b" or to_type.kind != "b"


def check_cast(result_type, output_type, names=scalar_type_name):
    if not can_cast(result_type, output_type):
        raise RuntimeError(f"result type {scalar_type_name(result_type)} can't be cast to the desired output "
                           f"type {names(output_type)}")
