"""relu and sigmoid forwards are computed for speed (issue 16); they must still give PyTorch's numbers
bit for bit at the edges: -0.0, nan of either sign, +-inf, and where e^-x overflows float32.
(Before the change relu(-0.0) gave +0.0 and sigmoid(-100) gave 3.8e-44 where PyTorch gives 0.)"""
import numpy as np
import pytest

import minigrad

torch = pytest.importorskip("torch")

EDGES = np.array([-0.0, 0.0, np.nan, -np.nan, np.inf, -np.inf, -88.0, -88.7, -89.0, -100.0, -104.0,
                  1e-30, -1e-30, 17.0, -17.0, 88.0, 3.0, -3.0], dtype=np.float32)


def _bits(a):
    return np.asarray(a, dtype=np.float32).view(np.int32)


@pytest.mark.parametrize("name", ["relu", "sigmoid"])
def test_edges_bit_identical_to_pytorch(name):
    got = getattr(minigrad.tensor(EDGES), name)()._data
    expected = getattr(torch, name)(torch.from_numpy(EDGES)).numpy()
    same = _bits(got) == _bits(expected)
    if name == "sigmoid":  # a nan's sign bit is not printed; for relu even that matches
        same |= np.isnan(got) & np.isnan(expected)
    assert same.all(), (got, expected)


def test_relu_keeps_negative_zero_and_dtype():
    assert np.signbit(minigrad.tensor([-0.0]).relu()._data[0])
    for dtype in (np.int64, np.int32, np.float64):
        x = np.array([-2, 0, 3], dtype=dtype)
        got = minigrad.tensor(x).relu()._data
        assert got.dtype == dtype and got.tolist() == [0, 0, 3]


def test_sigmoid_of_0d_and_int_tensors():
    assert minigrad.tensor(0.0).sigmoid().item() == 0.5
    got = minigrad.tensor([1, 2]).sigmoid()._data
    expected = torch.tensor([1, 2]).sigmoid().numpy()
    assert got.dtype == np.float32 and np.array_equal(_bits(got), _bits(expected))


def test_sigmoid_random_values_close_to_pytorch():
    x = (np.random.default_rng(0).standard_normal(100_000) * 20).astype(np.float32)
    got = minigrad.tensor(x).sigmoid()._data
    expected = torch.from_numpy(x).sigmoid().numpy()
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=0)


@pytest.mark.parametrize("upstream", [[-1.0, -2.0, -3.0, 4.0], [-1.0, -2.0, -3.0, np.inf], [np.nan, -1.0, 2.0, -0.0]])
def test_masked_backwards_give_pytorch_s_zeros(upstream):
    """relu's and max_pool2d's backwards multiply by a 0/1 mask for speed; a negative gradient times 0 is
    -0.0, which prints as "-0." where PyTorch prints "0.". The gradients must print as PyTorch's."""
    x = np.array([-1.0, 2.0, np.nan, 0.0], dtype=np.float32)
    grads = []
    for lib in (minigrad, torch):
        xt = lib.tensor(x, requires_grad=True)
        xt.relu().backward(lib.tensor(upstream, dtype=lib.float32))
        pooled = lib.tensor(x.reshape(1, 1, 2, 2), requires_grad=True)
        lib.nn.functional.max_pool2d(pooled, 2).backward(lib.tensor([[[[upstream[0]]]]], dtype=lib.float32))
        grads.append((repr(xt.grad), repr(pooled.grad)))
    assert grads[0] == grads[1]
