"""Show an error the way Jupyter prints its last line, and let the notebook go on.

Colab's "Run all" stops at the first cell that raises (it ignores nbval's ``raises-exception`` tag),
so a lesson that shows one of PyTorch's errors runs the failing line inside ``shows_error``:

    with shows_error(RuntimeError):
        y.backward()

prints ``RuntimeError: Trying to backward through the graph a second time ...`` and the next cell
runs. If the code does *not* fail, the cell fails: the lesson's claim is still checked by nbval.
"""
from contextlib import contextmanager

__all__ = ["shows_error"]


@contextmanager
def shows_error(expected=Exception):
    """Run the block, expecting it to raise ``expected``; print ``Type: message`` instead of a traceback."""
    try:
        yield
    except expected as error:
        print(f"{type(error).__name__}: {error}")
    else:
        name = expected.__name__ if isinstance(expected, type) else " or ".join(e.__name__ for e in expected)
        raise AssertionError(f"expected {name}, but the code ran without an error · "
                             f"{name} 오류가 나야 하는데 오류 없이 실행되었습니다")
