"""``torch.use_deterministic_algorithms``: PyTorch can be told to refuse (or warn about) operations
whose results may vary from run to run (some GPU kernels add in a racing order). minigrad's NumPy
kernels on the CPU always give the same result, so the switch only remembers its setting."""

_mode = {"enabled": False, "warn_only": False}


def use_deterministic_algorithms(mode, *, warn_only=False):
    if not isinstance(mode, bool):
        raise TypeError(f"_set_deterministic_algorithms(): argument 'mode' (position 1) must be bool, not "
                        f"{type(mode).__name__}")
    _mode.update(enabled=mode, warn_only=bool(warn_only))


def are_deterministic_algorithms_enabled():
    return _mode["enabled"]


def is_deterministic_algorithms_warn_only_enabled():
    return _mode["warn_only"]
