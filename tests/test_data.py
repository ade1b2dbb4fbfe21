"""utils.data (TensorDataset, DataLoader) and the bundled digits data set."""
import numpy as np
import pytest

import minigrad
import minigrad.nn as nn
import minigrad.nn.functional as F
import minigrad.optim as optim
from minigrad.datasets import load_digits
from minigrad.utils.data import DataLoader, Dataset, TensorDataset


def test_tensor_dataset_indexing():
    x, y = minigrad.arange(10).reshape(5, 2), minigrad.tensor([0, 1, 0, 1, 1])
    ds = TensorDataset(x, y)
    assert len(ds) == 5
    xi, yi = ds[3]
    assert xi.tolist() == [6, 7] and yi.item() == 1
    with pytest.raises(ValueError, match="Size mismatch between tensors"):
        TensorDataset(x, minigrad.tensor([0, 1]))


def test_loader_batches_in_order_without_shuffle():
    x, y = minigrad.arange(10), minigrad.arange(10) * 10
    loader = DataLoader(TensorDataset(x, y), batch_size=4)
    batches = list(loader)
    assert len(loader) == 3 and [b[0].tolist() for b in batches] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert batches[2][1].tolist() == [80, 90]
    assert len(DataLoader(TensorDataset(x, y), batch_size=4, drop_last=True)) == 2
    assert [len(b[0]) for b in DataLoader(TensorDataset(x, y), batch_size=4, drop_last=True)] == [4, 4]


def test_shuffle_is_seeded_and_covers_everything():
    x = minigrad.arange(20)
    loader = DataLoader(TensorDataset(x), batch_size=6, shuffle=True)
    minigrad.manual_seed(3)
    first = np.concatenate([b[0]._data for b in loader])
    second = np.concatenate([b[0]._data for b in loader])
    assert sorted(first) == list(range(20)) and not np.array_equal(first, np.arange(20))
    assert not np.array_equal(first, second)  # a new order each epoch
    minigrad.manual_seed(3)
    np.testing.assert_array_equal(np.concatenate([b[0]._data for b in loader]), first)
    generator = minigrad.Generator().manual_seed(7)
    a = [b[0].tolist() for b in DataLoader(TensorDataset(x), batch_size=6, shuffle=True, generator=generator)]
    generator.manual_seed(7)
    b = [b[0].tolist() for b in DataLoader(TensorDataset(x), batch_size=6, shuffle=True, generator=generator)]
    assert a == b


def test_custom_dataset_and_collate():
    class Squares(Dataset):
        def __len__(self):
            return 5

        def __getitem__(self, i):
            return minigrad.tensor([float(i)]), i * i

    batches = list(DataLoader(Squares(), batch_size=2))
    assert batches[0][0].shape == (2, 1) and batches[0][1].tolist() == [0, 1]
    assert batches[0][1].dtype == minigrad.int64
    with pytest.raises(ValueError, match="batch_size should be a positive integer value"):
        DataLoader(Squares(), batch_size=0)


def test_digits_loader_needs_no_network():
    x, y = load_digits()
    assert x.shape == (1797, 64) and x.dtype == minigrad.float32 and y.dtype == minigrad.int64
    assert float(x.max()) == 1.0 and float(x.min()) == 0.0 and sorted(set(y.tolist())) == list(range(10))
    images, _ = load_digits(as_images=True)
    assert images.shape == (1797, 1, 8, 8)
    x_train, y_train, x_test, y_test = load_digits(test_size=0.2)
    assert len(x_test) == 359 and len(x_train) == 1438 and len(y_train) == 1438


def test_mlp_trains_on_digits_to_95_percent():
    """End to end: DataLoader, Linear, Tanh, cross_entropy, SGD with momentum; 10 epochs, ~1 s."""
    minigrad.manual_seed(0)
    x_train, y_train, x_test, y_test = load_digits(test_size=0.2)
    model = nn.Sequential(nn.Linear(64, 128), nn.Tanh(), nn.Linear(128, 10))
    opt = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    loader = DataLoader(TensorDataset(x_train, y_train), batch_size=32, shuffle=True)
    for epoch in range(10):
        for xb, yb in loader:
            opt.zero_grad()
            F.cross_entropy(model(xb), yb).backward()
            opt.step()
    model.eval()
    with minigrad.no_grad():
        accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
    assert accuracy >= 0.95


def test_cnn_trains_on_digits_to_90_percent():
    """A small CNN (Conv2d, BatchNorm2d, ReLU, MaxPool2d, Flatten, Linear) with Adam, 3 epochs."""
    minigrad.manual_seed(0)
    x_train, y_train, x_test, y_test = load_digits(as_images=True, test_size=0.2)
    model = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Dropout(0.1), nn.Linear(8 * 4 * 4, 10))
    opt = optim.Adam(model.parameters(), lr=1e-2)
    loader = DataLoader(TensorDataset(x_train, y_train), batch_size=64, shuffle=True)
    for epoch in range(3):
        for xb, yb in loader:
            opt.zero_grad()
            nn.CrossEntropyLoss()(model(xb), yb).backward()
            opt.step()
    model.eval()
    with minigrad.no_grad():
        accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
    assert accuracy >= 0.90


def test_default_collate_batches_dicts_key_by_key():
    torch = pytest.importorskip("torch")
    from torch.utils.data import default_collate as theirs

    from minigrad.utils.data import default_collate as ours

    def samples(lib):
        return [{"image": lib.full((1, 2), float(i)), "label": i, "weight": 0.5 * i} for i in range(3)]
    a, b = ours(samples(minigrad)), theirs(samples(torch))
    assert list(a) == list(b)
    assert all(str(a[k]) == str(b[k]) for k in a)


def test_samplers_feed_the_loader_as_in_pytorch():
    from minigrad.utils.data import (BatchSampler, DataLoader, RandomSampler, SequentialSampler,
                                     SubsetRandomSampler, TensorDataset)
    data = TensorDataset(minigrad.arange(10), minigrad.arange(10) * 2)
    assert list(SequentialSampler(data)) == list(range(10))
    assert sorted(RandomSampler(data)) == list(range(10))
    endless = iter(RandomSampler(data, replacement=True, num_samples=int(1e10)))
    draws = [next(endless) for _ in range(100)]
    assert all(0 <= d < 10 for d in draws) and len(set(draws)) > 3
    counts = np.bincount(list(RandomSampler(data, num_samples=25)), minlength=10)  # two permutations and a half
    assert len(RandomSampler(data, num_samples=25)) == 25 and counts.sum() == 25 and set(counts) <= {2, 3}
    assert sorted(SubsetRandomSampler([1, 5, 7])) == [1, 5, 7]
    assert list(BatchSampler(SequentialSampler(range(5)), 2, drop_last=False)) == [[0, 1], [2, 3], [4]]
    x, y = next(iter(DataLoader(data, batch_size=4, sampler=RandomSampler(data, replacement=True, num_samples=10**9))))
    assert x.shape == (4,) and minigrad.equal(y, x * 2)
    loader = DataLoader(data, batch_sampler=BatchSampler(SequentialSampler(data), 3, drop_last=True))
    assert len(loader) == 3 and [b[0].tolist() for b in loader][-1] == [6, 7, 8]
    with pytest.raises(ValueError, match="sampler option is mutually exclusive with shuffle"):
        DataLoader(data, sampler=SequentialSampler(data), shuffle=True)
