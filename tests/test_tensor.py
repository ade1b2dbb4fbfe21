"""Layer 1: creating tensors, dtypes, shapes, conversions, in-place changes."""
import numpy as np
import pytest

import minigrad as torch


def test_default_dtypes_follow_pytorch():
    assert torch.tensor([1.0, 2.0]).dtype == torch.float32
    assert torch.tensor([1, 2]).dtype == torch.int64
    assert torch.tensor([True]).dtype == torch.bool
    assert torch.tensor([1], dtype=float).dtype == torch.float64
    assert torch.tensor(np.zeros(2)).dtype == torch.float64  # an array keeps its dtype
    assert torch.Tensor([1, 2]).dtype == torch.float32
    assert torch.Tensor(2, 3).shape == torch.Size([2, 3])
    assert repr(torch.float32) == "torch.float32" and repr(torch.int64) == "torch.int64"
    assert (torch.tensor([1, 2]) + 2.5).dtype == torch.float32
    assert (torch.tensor([1, 2]) / 2).dtype == torch.float32
    assert (torch.ones(2) + torch.ones(2, dtype=torch.float64)).dtype == torch.float64


def test_creation_functions():
    assert torch.zeros(2, 3).tolist() == [[0.0] * 3] * 2
    assert torch.ones((2,)).tolist() == [1.0, 1.0]
    assert torch.arange(5).tolist() == [0, 1, 2, 3, 4]
    assert torch.arange(0, 1, 0.25).tolist() == [0.0, 0.25, 0.5, 0.75]
    assert torch.linspace(0, 1, 5).tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert torch.full((2,), 7).tolist() == [7, 7]
    assert torch.eye(2).tolist() == [[1.0, 0.0], [0.0, 1.0]]
    x = torch.ones(2, 3, dtype=torch.float64)
    assert torch.zeros_like(x).dtype == torch.float64 and torch.ones_like(x).shape == x.shape
    assert torch.rand_like(x).shape == x.shape and torch.randn_like(x).dtype == torch.float64


def test_manual_seed_makes_random_tensors_reproducible():
    torch.manual_seed(42)
    a = torch.rand(3, 2), torch.randn(4), torch.randint(0, 10, (5,))
    torch.manual_seed(42)
    b = torch.rand(3, 2), torch.randn(4), torch.randint(0, 10, (5,))
    for x, y in zip(a, b):
        assert x.tolist() == y.tolist()
    assert a[0].dtype == torch.float32 and a[2].dtype == torch.int64
    assert 0 <= a[0].min().item() and a[0].max().item() < 1


def test_shape_size_len_numel_device():
    x = torch.zeros(2, 3)
    assert repr(x.shape) == "torch.Size([2, 3])" and x.size() == (2, 3) and x.size(1) == 3
    assert len(x) == 2 and x.numel() == 6 and x.dim() == 2 and x.ndim == 2
    assert repr(x.device) == "device(type='cpu')"
    with pytest.raises(TypeError, match="len\\(\\) of a 0-d tensor"):
        len(torch.tensor(1.0))


def test_leaf_flags():
    x = torch.ones(2)
    assert x.is_leaf and not x.requires_grad and x.grad_fn is None
    assert x.requires_grad_() is x and x.requires_grad
    y = x * 2
    assert not y.is_leaf and y.requires_grad
    assert x.detach().is_leaf and not x.detach().requires_grad


def test_item_tolist_numpy_float():
    x = torch.tensor([[1.5, 2.0]])
    assert x.tolist() == [[1.5, 2.0]]
    assert torch.tensor(3.5).item() == 3.5 and float(torch.tensor([2.5])) == 2.5
    array = x.numpy()
    array[0, 0] = 9.0  # shares memory, as in PyTorch
    assert x[0, 0].item() == 9.0
    with pytest.raises(RuntimeError, match="a Tensor with 2 elements cannot be converted to Scalar"):
        x.item()


def test_in_place_changes_are_allowed_without_grad_or_under_no_grad():
    x = torch.ones(3)
    x.fill_(2.0)
    x.copy_(torch.tensor([1.0, 2.0, 3.0]))
    assert x.tolist() == [1.0, 2.0, 3.0]
    w = torch.ones(2, requires_grad=True)
    with torch.no_grad():
        w.zero_()
        w[0] = 5.0
    assert w.tolist() == [5.0, 0.0]
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
        w[1] = 3.0


def test_data_assignment_and_hand_written_sgd_step():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    (w * w).sum().backward()
    w.data = w.data - 0.1 * w.grad
    assert np.allclose(w.tolist(), [0.8, 1.6]) and w.requires_grad and w.is_leaf


def test_comparisons_and_logical_reductions():
    a = torch.tensor([1.0, 2.0, 3.0])
    assert (a > 1).tolist() == [False, True, True]
    assert (a == torch.tensor([1.0, 0.0, 3.0])).tolist() == [True, False, True]
    assert str((a >= 1).all()) == "tensor(True)" and str((a > 5).any()) == "tensor(False)"
    assert torch.allclose(a, a + 1e-9) and not torch.allclose(a, a + 1)
    assert torch.equal(a, a.clone())


def test_pickle_and_deepcopy_keep_values_and_flag():
    import copy
    import pickle
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    for y in (pickle.loads(pickle.dumps(x)), copy.deepcopy(x)):
        assert y.tolist() == [1.0, 2.0] and y.requires_grad and y is not x


@pytest.mark.parametrize("value, dtype", [
    (np.float64(1.5), torch.float64), (np.float32(1.5), torch.float32), (np.int32(3), torch.int32),
    (np.int64(3), torch.int64), (np.uint8(3), torch.uint8), (np.bool_(True), torch.bool),
    (1.5, torch.float32), (3, torch.int64)])
def test_a_numpy_scalar_keeps_its_dtype_as_in_pytorch(value, dtype):
    t = torch.tensor(value)
    assert t.dtype == dtype and t.item() == value
