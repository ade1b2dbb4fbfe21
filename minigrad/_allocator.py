"""Reusing freed memory between training steps (Linux with glibc; elsewhere this does nothing).

Every training step allocates and frees the same large arrays (activations, im2col columns,
gradients). By default glibc returns large freed blocks to the operating system, and the next step
gets fresh pages that the kernel must map and zero one page at a time: for the digits CNN of
``benchmarks/bench_cnn.py`` at batch 512 that was ~4,400 page faults and about a sixth of the step's
CPU time (PyTorch's step: ~13 faults). Here glibc is asked to serve blocks up to 32 MB from its heap
and to keep up to 64 MB of freed memory there for the next step. Memory stays flat: it is reused,
not leaked. ``MINIGRAD_SYSTEM_MALLOC=1`` in the environment keeps glibc's defaults.
"""
import ctypes
import os
import sys

_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters (malloc.h)


def keep_freed_memory(mmap_threshold=32 << 20, trim_threshold=64 << 20):
    """Ask glibc to reuse freed memory; True if it agreed."""
    if not sys.platform.startswith("linux") or os.environ.get("MINIGRAD_SYSTEM_MALLOC"):
        return False
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl, ...): keep its defaults
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, mmap_threshold)) and bool(mallopt(_M_TRIM_THRESHOLD, trim_threshold))


keep_freed_memory()
