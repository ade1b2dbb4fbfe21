"""Drawing from a distribution and counting into bins: ``multinomial``, ``histc``, ``histogram``.

None of these is differentiable (their results are indices and counts), so they work on the
arrays directly. Random draws come from minigrad's generator: seeded runs repeat, but the numbers
differ from PyTorch's.
"""
from collections import namedtuple

import numpy as np

from .ops.creation import default_generator
from .tensor import Tensor

_TYPE_WORD = {"i": "Long", "u": "Byte", "b": "Bool"}


def multinomial(input, num_samples, replacement=False, *, generator=None, out=None):
    """Indices drawn with probability proportional to ``input`` (one row per distribution)."""
    p = input._data
    if p.dtype.kind != "f":
        raise RuntimeError(f"multinomial only supports floating-point dtypes for input, got: "
                           f"{_TYPE_WORD.get(p.dtype.kind, p.dtype.name)}")
    if p.ndim not in (1, 2):
        raise RuntimeError("prob_dist must be 1 or 2 dim")
    if not replacement and num_samples > p.shape[-1]:
        raise RuntimeError("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
    rows = p.reshape(-1, p.shape[-1]).astype(np.float64)
    if not np.isfinite(rows).all() or (rows < 0).any():
        raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
    totals = rows.sum(axis=1, keepdims=True)
    if (totals <= 0).any():
        raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
    rng = (generator or default_generator).rng
    samples = np.stack([_draw(rng, row / total, num_samples, replacement) for row, total in zip(rows, totals)])
    result = Tensor._make(samples.reshape(p.shape[:-1] + (num_samples,)))
    return _into(out, result)


def _draw(rng, probs, n, replacement):
    if replacement or n <= np.count_nonzero(probs):
        return rng.choice(len(probs), size=n, replace=replacement, p=probs).astype(np.int64)
    # fewer non-zero categories than draws: the non-zero ones first, then zero-probability ones
    first = rng.permutation(np.flatnonzero(probs))
    rest = rng.permutation(np.flatnonzero(probs == 0))[: n - len(first)]
    return np.concatenate([first, rest]).astype(np.int64)


def histc(input, bins=100, min=0, max=0, *, out=None):
    """Counts in ``bins`` equal bins between ``min`` and ``max`` (both 0: the data's own range);
    values outside are ignored. Same dtype as ``input``."""
    x = input._data
    if x.dtype.kind != "f":
        raise NotImplementedError(f"\"histogram_cpu\" not implemented for '{_TYPE_WORD.get(x.dtype.kind)}'")
    if min == 0 and max == 0 and x.size:
        min, max = x.min().item(), x.max().item()
    if min == max:
        min, max = min - 1, max + 1
    counts, _ = np.histogram(x, bins=bins, range=(min, max))
    return _into(out, Tensor._make(counts.astype(x.dtype)))


histogram_return = namedtuple("histogram", ["hist", "bin_edges"])
histogram_return.__repr__ = lambda self: (f"torch.return_types.histogram(\nhist={self.hist!r},\n"
                                          f"bin_edges={self.bin_edges!r})")


def histogram(input, bins, *, range=None, weight=None, density=False):
    """``(hist, bin_edges)``: counts (or summed weights) per bin; ``bins`` a count or the edges."""
    x = input._data
    edges = bins._data if isinstance(bins, Tensor) else bins
    w = weight._data if weight is not None else None
    hist, bin_edges = np.histogram(x, bins=edges, range=range, weights=w, density=density)
    return histogram_return(Tensor._make(hist.astype(x.dtype)), Tensor._make(bin_edges.astype(x.dtype)))


def _into(out, result):
    if out is None:
        return result
    out._data = result._data.astype(out._data.dtype)
    return out


def _install():
    Tensor.multinomial = multinomial
    Tensor.histc = histc
    Tensor.histogram = histogram


_install()
