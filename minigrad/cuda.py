"""``torch.cuda`` on a machine without a GPU: every question answers "no", every request raises
PyTorch's CPU-build error (minigrad runs on the CPU only)."""
from .devices import NO_CUDA


def is_available():
    return False


def device_count():
    return 0


def is_initialized():
    return False


def manual_seed(seed):
    """Silently ignored, as in PyTorch when CUDA is not available."""


manual_seed_all = manual_seed


def _unavailable(*args, **kwargs):
    raise AssertionError(NO_CUDA)


current_device = synchronize = get_device_name = get_device_properties = set_device = _unavailable
memory_allocated = max_memory_allocated = empty_cache = _unavailable
