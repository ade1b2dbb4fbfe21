"""Course tooling behind the ``minigrad-course`` command: doctor, notebooks, build, check, grade."""

__all__ = ["__version__"]


def __getattr__(name):
    if name == "__version__":  # one version for both packages: minigrad/_version.py
        from minigrad._version import __version__
        return __version__
    raise AttributeError(f"module 'minigrad_course' has no attribute '{name}'")
