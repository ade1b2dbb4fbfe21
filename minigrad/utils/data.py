"""``minigrad.utils.data``: data sets and the ``DataLoader`` that cuts them into batches.

A *data set* is anything with ``len(ds)`` and ``ds[i]`` (one sample, e.g. an ``(image, label)`` pair).
A ``DataLoader`` walks a data set in batches, optionally shuffled, and stacks each batch's samples into
tensors. One pass over the loader is one *epoch*.
"""
import numpy as np

from ..ops.creation import Generator, default_generator
from ..tensor import Tensor


class Dataset:
    """Base class: subclasses define ``__getitem__`` and ``__len__``."""

    def __getitem__(self, index):
        raise NotImplementedError

    def __len__(self):
        raise NotImplementedError


class TensorDataset(Dataset):
    """Samples are rows of the given tensors: ``ds[i] == (x[i], y[i])``. All tensors need the same length."""

    def __init__(self, *tensors):
        if any(t.shape[0] != tensors[0].shape[0] for t in tensors):
            raise ValueError("Size mismatch between tensors")  # PyTorch asserts the same
        self.tensors = tensors

    def __getitem__(self, index):
        return tuple(t[index] for t in self.tensors)

    def __len__(self):
        return self.tensors[0].shape[0]


def default_collate(samples):
    """Stack a list of samples into a batch: tuples of tensors become tuples of stacked tensors, dicts
    become dicts of stacked values."""
    first = samples[0]
    if isinstance(first, Tensor):
        return Tensor._make(np.stack([s._data for s in samples]))
    if isinstance(first, dict):  # a batch of dicts is a dict of batches, key by key
        return {key: default_collate([s[key] for s in samples]) for key in first}
    if isinstance(first, (tuple, list)):
        return [default_collate([s[i] for s in samples]) for i in range(len(first))]
    if isinstance(first, np.ndarray):
        return Tensor._make(np.stack(samples))
    if isinstance(first, float):
        return Tensor._make(np.array(samples, dtype=np.float64))
    if isinstance(first, (int, np.integer)):
        return Tensor._make(np.array(samples, dtype=np.int64))
    return samples


class DataLoader:
    """Batches of ``batch_size`` samples from ``dataset``; ``shuffle=True`` draws a new order each epoch
    from ``generator`` (default: minigrad's generator, so ``manual_seed`` fixes the order).

    For a ``TensorDataset`` without a custom ``collate_fn`` the batch is cut out with one fancy index per
    tensor instead of stacking samples one by one, which is much faster.
    """

    def __init__(self, dataset, batch_size=1, shuffle=False, sampler=None, batch_sampler=None, num_workers=0,
                 collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None,
                 generator=None, **kwargs):
        if batch_size is not None and (not isinstance(batch_size, int) or batch_size <= 0):
            raise ValueError(f"batch_size should be a positive integer value, but got batch_size={batch_size}")
        if sampler is not None and shuffle:
            raise ValueError("sampler option is mutually exclusive with shuffle")
        self.dataset, self.batch_size, self.shuffle = dataset, batch_size, shuffle
        if batch_sampler is not None and (batch_size != 1 or shuffle or sampler is not None or drop_last):
            raise ValueError("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last")
        self.drop_last, self.generator, self.sampler, self.batch_sampler = drop_last, generator, sampler, batch_sampler
        self.collate_fn = collate_fn or default_collate
        self._fast = isinstance(dataset, TensorDataset) and collate_fn is None

    def _order(self):
        n = len(self.dataset)
        if not self.shuffle:
            return np.arange(n)
        return (self.generator or default_generator).rng.permutation(n)

    def __iter__(self):
        if self.batch_sampler is not None:
            yield from (self._collate(indices) for indices in self.batch_sampler)
            return
        if self.sampler is not None:
            yield from self._batches_from_sampler()
            return
        order = self._order()
        stop = len(order) - len(order) % self.batch_size if self.drop_last else len(order)
        for start in range(0, stop, self.batch_size):
            indices = order[start:start + self.batch_size]
            if self._fast:
                yield [Tensor._make(t._data[indices]) for t in self.dataset.tensors]
            else:
                yield self.collate_fn([self.dataset[int(i)] for i in indices])

    def _batches_from_sampler(self):
        """Indices come one at a time from the sampler (it may be endless), and are batched as they come."""
        batch = []
        for index in self.sampler:
            batch.append(index)
            if len(batch) == self.batch_size:
                yield self._collate(batch)
                batch = []
        if batch and not self.drop_last:
            yield self._collate(batch)

    def _collate(self, indices):
        if self._fast:
            return [Tensor._make(t._data[np.asarray(indices)]) for t in self.dataset.tensors]
        return self.collate_fn([self.dataset[int(i)] for i in indices])

    def __len__(self):
        if self.batch_sampler is not None:
            return len(self.batch_sampler)
        n = len(self.dataset) if self.sampler is None else len(self.sampler)
        return n // self.batch_size if self.drop_last else -(-n // self.batch_size)


class Subset(Dataset):
    """The samples of ``dataset`` at ``indices``, in that order."""

    def __init__(self, dataset, indices):
        self.dataset, self.indices = dataset, indices

    def __getitem__(self, idx):
        if isinstance(idx, list):
            return self.dataset[[self.indices[i] for i in idx]]
        return self.dataset[self.indices[idx]]

    def __len__(self):
        return len(self.indices)


def random_split(dataset, lengths, generator=None):
    """Split ``dataset`` into non-overlapping random subsets of the given lengths (or fractions that sum
    to 1; the remainder is spread one by one over the first subsets, as PyTorch does)."""
    n = len(dataset)
    lengths = list(lengths)
    if all(0 <= f <= 1 for f in lengths) and abs(sum(lengths) - 1) < 1e-9 and sum(lengths) != n:
        counts = [int(np.floor(n * f)) for f in lengths]
        for i in range(n - sum(counts)):
            counts[i % len(counts)] += 1
        lengths = counts
    if sum(lengths) != n:
        raise ValueError("Sum of input lengths does not equal the length of the input dataset!")
    order = (generator or default_generator).rng.permutation(n).tolist()
    subsets, start = [], 0
    for length in lengths:
        subsets.append(Subset(dataset, order[start:start + length]))
        start += length
    return subsets


__all__ = ["DataLoader", "Dataset", "Generator", "Subset", "TensorDataset", "default_collate", "random_split"]


# ----- samplers: which indices a DataLoader visits, in which order ------------------------------------
class Sampler:
    """An iterable of dataset indices."""

    def __init__(self, data_source=None):
        pass

    def __iter__(self):
        raise NotImplementedError


class SequentialSampler(Sampler):
    """0, 1, 2, ... in order."""

    def __init__(self, data_source):
        self.data_source = data_source

    def __iter__(self):
        return iter(range(len(self.data_source)))

    def __len__(self):
        return len(self.data_source)


class RandomSampler(Sampler):
    """A random permutation of the indices, or (``replacement=True``) ``num_samples`` independent draws,
    made lazily so that an endless sampler (``num_samples=int(1e10)``) costs nothing up front."""

    def __init__(self, data_source, replacement=False, num_samples=None, generator=None):
        if not isinstance(replacement, bool):
            raise TypeError(f"replacement should be a boolean value, but got replacement={replacement}")
        if num_samples is not None and (not isinstance(num_samples, int) or num_samples <= 0):
            raise ValueError(f"num_samples should be a positive integer value, but got num_samples={num_samples}")
        self.data_source, self.replacement, self._num_samples, self.generator = (data_source, replacement,
                                                                                 num_samples, generator)

    @property
    def num_samples(self):
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def __iter__(self):
        n, rng = len(self.data_source), (self.generator or default_generator).rng
        if self.replacement:
            remaining = self.num_samples
            while remaining > 0:  # drawn in chunks of 32, as PyTorch does
                chunk = min(32, remaining)
                yield from (int(i) for i in rng.integers(0, n, size=chunk))
                remaining -= chunk
            return
        for _ in range(self.num_samples // n):
            yield from (int(i) for i in rng.permutation(n))
        yield from (int(i) for i in rng.permutation(n)[:self.num_samples % n])

    def __len__(self):
        return self.num_samples


class SubsetRandomSampler(Sampler):
    """The given indices, in a random order."""

    def __init__(self, indices, generator=None):
        self.indices, self.generator = indices, generator

    def __iter__(self):
        rng = (self.generator or default_generator).rng
        return (self.indices[int(i)] for i in rng.permutation(len(self.indices)))

    def __len__(self):
        return len(self.indices)


class BatchSampler(Sampler):
    """Groups another sampler's indices into lists of ``batch_size``."""

    def __init__(self, sampler, batch_size, drop_last):
        self.sampler, self.batch_size, self.drop_last = sampler, batch_size, drop_last

    def __iter__(self):
        batch = []
        for index in self.sampler:
            batch.append(index)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        n = len(self.sampler)
        return n // self.batch_size if self.drop_last else -(-n // self.batch_size)
