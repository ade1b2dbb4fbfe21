"""Fixed starting values, used by the programs in place of random initialisation.

PyTorch and minigrad draw different random numbers from the same seed, so a program that prints
anything computed from ``torch.randn`` or a freshly built ``nn.Linear`` cannot print the same text
on both. These helpers give the same numbers on both, built with ``torch.tensor`` from a simple
integer pattern (exact in float32: no transcendental functions involved).
"""
import math

import torch


def fixed(*shape, scale=0.1, seed=0, dtype=None):
    """A tensor of the given shape holding values in [-scale, scale], the same on every run."""
    n = math.prod(shape)
    values = [((i * 37 + seed * 11 + 5) % 23 - 11) / 11 * scale for i in range(n)]
    t = torch.tensor(values, dtype=dtype if dtype is not None else torch.float32)
    return t.reshape(shape)


def init_fixed_(module, scale=0.1):
    """Overwrite every parameter of a module with fixed values (instead of its random init)."""
    with torch.no_grad():
        for seed, p in enumerate(module.parameters()):
            p.copy_(fixed(*p.shape, scale=scale, seed=seed, dtype=p.dtype))
    return module
