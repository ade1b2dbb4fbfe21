"""Devices: minigrad computes on the CPU only, and answers device questions as PyTorch does on a
machine without a GPU.

``torch.device("cuda:1")`` can be built and printed (code that names devices runs unchanged), but a
tensor can only live on the CPU: asking for another device raises PyTorch's own error on a CPU-only
build (``AssertionError: Torch not compiled with CUDA enabled``), marked as minigrad's limit.
"""
import functools

DEVICE_TYPES = ("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga",
                "maia", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone")
NO_CUDA = "Torch not compiled with CUDA enabled (minigrad runs on the CPU only)"
NO_MPS = "PyTorch is not linked with support for mps devices (minigrad runs on the CPU only)"


class device:
    """``device("cpu")``, ``device("cuda:1")``, ``device("cuda", 1)``: a place a tensor could live."""

    __slots__ = ("type", "index")

    def __init__(self, type="cpu", index=None):
        if isinstance(type, device):
            type, index = type.type, type.index
        elif isinstance(type, int) and not isinstance(type, bool):
            raise RuntimeError(NO_CUDA)  # device(0) means cuda:0
        name = type
        if ":" in type:
            type, _, number = type.partition(":")
            if not number.isdigit():
                raise RuntimeError(f"Invalid device string: '{name}'")
            index = int(number)
        if type not in DEVICE_TYPES:
            raise RuntimeError(f"Expected one of {', '.join(DEVICE_TYPES)} device type at start of device "
                               f"string: {name}")
        self.type, self.index = type, index

    def __repr__(self):
        if self.index is None:
            return f"device(type='{self.type}')"
        return f"device(type='{self.type}', index={self.index})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):  # as in PyTorch, a device never equals a string
        return isinstance(other, device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self):
        return hash((self.type, self.index))

    def __reduce__(self):
        return device, (self.type, self.index)


CPU = device("cpu")


def check_device(where):
    """Accept None or the CPU (in any spelling); raise PyTorch's CPU-build error for anything else."""
    if where is None or where == "cpu" or where is CPU:
        return
    where = device(where)
    if where.type == "cpu":
        return
    if where.type == "mps":
        raise RuntimeError(NO_MPS)
    if where.type == "cuda":
        raise AssertionError(NO_CUDA)
    raise RuntimeError(f"minigrad runs on the CPU only; device '{where}' is not supported")


def checks_device(function):
    """Wrap a creation function so that its ``device=`` argument is checked."""
    @functools.wraps(function)
    def create(*args, device=None, **kwargs):
        check_device(device)
        return function(*args, **kwargs)
    return create


_default_device = [CPU]


def set_default_device(where):
    """Only the CPU can be the default device here (``None`` resets to it)."""
    check_device(where)
    _default_device[0] = CPU


def get_default_device():
    return _default_device[0]
