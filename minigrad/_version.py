"""The course's version: the one place it is written (``minigrad.__version__``,
``minigrad_course.__version__``, the package metadata and the Colab bootstrap's pin all read it)."""
__version__ = "0.1.0"
