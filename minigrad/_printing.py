"""Print a tensor exactly the way PyTorch does.

``tensor_repr(array)`` gives the text PyTorch shows for a tensor holding
``array``, character for character::

    tensor([[1., 1.],
            [1., 1.]], requires_grad=True)

The rules below were read off PyTorch's output; the tests compare against it.

Choosing one number format for the whole tensor
    Every element of a tensor is printed with the same format and the same
    width, so the columns line up. Integer and bool tensors print each value
    with ``str`` (``1``, ``True``), right-aligned to the longest one:
    ``tensor([ True, False])``.

    Floating tensors look only at the values that are finite and non-zero
    (``nan``, ``inf`` and ``0`` never influence the choice), in three steps:

    1. *Integer mode* when all of those values are whole numbers: they print
       with no decimals and a trailing dot (``1.``, ``-12.``) so you can still
       tell the tensor is floating point. ``nan`` and ``inf`` get no dot.
    2. *Scientific mode* (``2.0000e-03``) when the values span a wide range:
       largest / smallest > 1000, or largest > 1e8, or smallest < 1e-4
       (absolute values). ``set_printoptions(sci_mode=True/False)`` forces
       it on or off. If no value is finite and non-zero, nothing is chosen:
       the tensor prints in integer mode (``tensor([0., nan])``).
    3. Otherwise *fixed mode* with ``precision`` decimals (``4.5000``).

    The width is the length of the longest of those finite non-zero values
    in the chosen format (plus one for integer mode's dot); every element is
    padded on the left to that width. ``nan``, ``inf`` and ``-0.`` are
    padded too but never widen the column, so they can stick out.

    Values are formatted from their exact binary value: a float32 ``0.1`` is
    0.100000001490116..., converted to a Python float (no rounding) and then
    formatted by Python, just as ``Tensor.item()`` does.

Laying out the numbers
    Rows print as ``[a, b, c]``. A row that does not fit in ``linewidth``
    (80) characters wraps: each line holds
    ``(linewidth - indent) // (width + 2)`` elements, the 2 being ", ".
    Nested dimensions are separated by ``,`` plus one newline per remaining
    dimension (so blocks of a 3-D tensor have a blank line between them),
    and each level is indented one column further than its parent.

Summarizing big tensors
    A tensor with more than ``threshold`` (1000) elements shows only the
    first and last ``edgeitems`` (3) entries along each dimension, with
    ``...`` in between. The format is then chosen from the shown values only.

Suffixes
    After the numbers come, in this order: ``size=(...)`` (empty tensors
    that are not 1-D, and every tensor when edgeitems is 0), ``dtype=torch.X`` (dtypes other than float32, int64
    and bool; empty tensors show it for anything but float32, because no
    value hints at the type), then ``grad_fn=<Name>`` or, when there is no
    grad_fn, ``requires_grad=True``. A suffix that would make the last line
    longer than ``linewidth`` goes onto a new line instead.
"""
import contextlib
import math

import numpy as np

__all__ = ["tensor_repr", "tensor_str_body", "set_printoptions", "get_printoptions", "printoptions"]

# ---------------------------------------------------------------------------
# Print options
# ---------------------------------------------------------------------------

_PROFILES = {
    "default": dict(precision=4, threshold=1000, edgeitems=3, linewidth=80),
    "short": dict(precision=2, threshold=1000, edgeitems=2, linewidth=80),
    "full": dict(precision=4, threshold=math.inf, edgeitems=3, linewidth=80),
}

_options = dict(_PROFILES["default"], sci_mode=None)


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None,
                     sci_mode=None):
    """Change how tensors print, like ``torch.set_printoptions``.

    ``profile`` ("default", "short" or "full") sets precision, threshold,
    edgeitems and linewidth first; the other arguments then override it.
    Like PyTorch, every call also sets ``sci_mode`` (to ``None``, automatic,
    unless you pass it), and an unknown profile name is ignored.
    """
    if profile in _PROFILES:
        _options.update(_PROFILES[profile])
    given = dict(precision=precision, threshold=threshold, edgeitems=edgeitems, linewidth=linewidth)
    _options.update({name: value for name, value in given.items() if value is not None})
    _options["sci_mode"] = sci_mode


def get_printoptions():
    """The current print options as a dict that ``set_printoptions(**d)`` accepts."""
    return dict(_options)


@contextlib.contextmanager
def printoptions(**kwargs):
    """Change the print options inside a ``with`` block only."""
    saved = get_printoptions()
    set_printoptions(**kwargs)
    try:
        yield
    finally:
        set_printoptions(**saved)


# ---------------------------------------------------------------------------
# The entry points
# ---------------------------------------------------------------------------

_PREFIX = "tensor("
_SUPPORTED_KINDS = "fiub"  # float, signed int, unsigned int, bool
_DTYPES_WITHOUT_SUFFIX = (np.dtype(np.float32), np.dtype(np.int64), np.dtype(np.bool_))


def tensor_repr(data, *, requires_grad=False, grad_fn_name=None):
    """The full repr, e.g. ``'tensor([[1., 1.],\\n        [1., 1.]], requires_grad=True)'``."""
    data = _check_array(data)
    suffixes = []
    if data.size == 0:
        body = "[]"
        if data.ndim != 1:
            suffixes.append(f"size={_shape_text(data.shape)}")
        if data.dtype != np.float32:
            suffixes.append(f"dtype={_dtype_text(data.dtype)}")
    else:
        body = tensor_str_body(data)
        if _options["edgeitems"] == 0:  # "[...]" alone says nothing about the shape
            suffixes.append(f"size={_shape_text(data.shape)}")
        if data.dtype not in _DTYPES_WITHOUT_SUFFIX:
            suffixes.append(f"dtype={_dtype_text(data.dtype)}")
    if grad_fn_name is not None:
        suffixes.append(f"grad_fn=<{grad_fn_name}>")
    elif requires_grad:
        suffixes.append("requires_grad=True")
    return _add_suffixes(_PREFIX + body, suffixes)


def tensor_str_body(data, indent=len(_PREFIX)):
    """Only the values, e.g. ``'[[1., 1.],\\n        [1., 1.]]'``.

    ``indent`` is the column where the opening bracket sits (7, after "tensor(").
    """
    data = _check_array(data)
    if data.size == 0:
        return "[]"
    summarize = data.size > _options["threshold"]
    shown = _summarized(data) if summarize else data
    number_format = _NumberFormat.choose(shown)
    return _format_block(data, number_format, indent, summarize)


def _check_array(data):
    data = np.asarray(data)
    if data.dtype.kind not in _SUPPORTED_KINDS:
        raise TypeError(f"cannot print a tensor of NumPy dtype {data.dtype}")
    return data


def _dtype_text(dtype):
    return f"torch.{np.dtype(dtype).name}"


def _shape_text(shape):
    return str(tuple(int(n) for n in shape))  # "(0, 3)", and "(0,)" for one dimension


# ---------------------------------------------------------------------------
# One number format for the whole tensor
# ---------------------------------------------------------------------------

class _NumberFormat:
    """How every element of one tensor is written: the mode and the column width."""

    def __init__(self, is_float, int_mode=True, sci_mode=False, width=1):
        self.is_float = is_float
        self.int_mode = int_mode
        self.sci_mode = sci_mode
        self.width = width

    @classmethod
    def choose(cls, values):
        """Pick the format from the values that will be shown (see the module docstring)."""
        values = values.ravel()
        if values.dtype.kind != "f":
            return cls(is_float=False, width=max([1] + [len(str(v)) for v in values.tolist()]))

        informative = values[np.isfinite(values) & (values != 0)]
        if informative.size == 0:
            return cls(is_float=True)  # nothing to go on: plain integer mode, width 1

        int_mode = bool(np.all(informative == np.ceil(informative)))
        sci_mode = _options["sci_mode"]
        if sci_mode is None:
            magnitudes = np.abs(informative).astype(np.float64)
            smallest, largest = float(magnitudes.min()), float(magnitudes.max())
            sci_mode = bool(largest / smallest > 1000.0 or largest > 1.0e8 or smallest < 1.0e-4)

        number_format = cls(is_float=True, int_mode=int_mode, sci_mode=sci_mode)
        number_format.width = max(len(number_format._digits(v)) for v in informative.tolist())
        return number_format

    def _digits(self, value):
        """``value`` written in this format, without padding."""
        if not self.is_float:
            return str(value)
        precision = _options["precision"]
        if self.sci_mode:
            return f"{value:.{precision}e}"
        if self.int_mode:
            text = f"{value:.0f}"
            return text if math.isnan(value) or math.isinf(value) else text + "."
        return f"{value:.{precision}f}"

    def format(self, value):
        """``value`` written in this format, right-aligned to the column width."""
        return self._digits(value).rjust(self.width)


# ---------------------------------------------------------------------------
# Summarizing: which indices are shown along one dimension
# ---------------------------------------------------------------------------

def _shown_indices(length, summarize):
    """Indices before and after the "..." gap; the gap is there when ``after`` is not None."""
    edge = _options["edgeitems"]
    if summarize and length > 2 * edge:
        return list(range(edge)), list(range(length - edge, length))
    return list(range(length)), None


def _summarized(data):
    """The part of ``data`` that is printed, used to choose the number format."""
    for axis in range(data.ndim):
        before, after = _shown_indices(data.shape[axis], summarize=True)
        data = np.take(data, before + (after or []), axis=axis)
    return data


# ---------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------

def _format_block(data, number_format, indent, summarize):
    """Format ``data`` whose opening bracket is in column ``indent``."""
    if data.ndim == 0:
        return number_format.format(data.item())
    if data.ndim == 1:
        return _format_row(data, number_format, indent, summarize)

    before, after = _shown_indices(len(data), summarize)
    parts = [_format_block(data[i], number_format, indent + 1, summarize) for i in before]
    if after is not None:
        parts.append("...")
        parts += [_format_block(data[i], number_format, indent + 1, summarize) for i in after]
    # One newline per dimension below this one: a blank line between 2-D blocks, two between 3-D ones.
    separator = "," + "\n" * (data.ndim - 1) + " " * (indent + 1)
    return "[" + separator.join(parts) + "]"


def _format_row(row, number_format, indent, summarize):
    """Format a 1-D row, wrapping it so that no line is longer than ``linewidth``."""
    before, after = _shown_indices(len(row), summarize)
    items = [number_format.format(v) for v in row[before].tolist()]
    if after is not None:
        # " ..." lines up with the numbers after ", "; with edgeitems=0 the row is only "[...]".
        items.append(" ..." if items else "...")
        items += [number_format.format(v) for v in row[after].tolist()]

    per_line = max(1, (_options["linewidth"] - indent) // (number_format.width + 2))
    lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"


def _add_suffixes(text, suffixes, indent=len(_PREFIX)):
    """Append ``, suffix`` for each suffix and the closing parenthesis.

    A suffix goes on a new line when it would push the last line past
    ``linewidth``. PyTorch counts the last line as two characters longer
    than it is, as if the ", " were already there.
    """
    last_line = len(text) - text.rfind("\n") - 1 + 2
    for suffix in suffixes:
        if last_line + len(suffix) + 2 > _options["linewidth"]:
            text += ",\n" + " " * indent + suffix
            last_line = indent + len(suffix)
        else:
            text += ", " + suffix
            last_line += len(suffix) + 2
    return text + ")"
