"""Course tooling behind the ``minigrad-course`` command: doctor, notebooks, build, check, grade."""

__all__ = ["__version__"]
__version__ = "0.1.0"
