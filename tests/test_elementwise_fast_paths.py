"""The faster array code of issue 16 (session 4) computes the same numbers as the plain formulas it
replaced, and PyTorch's where PyTorch computes differently:

* a one-input op on a broadcast gradient (the gradient of a sum) is computed once per distinct value;
* sigmoid runs in cache-sized blocks, its backward in one array; sgn through 1-byte masks;
* x ** -0.5 and x ** -2 are 1/sqrt(x) and 1/(x*x), as PyTorch's pow kernel computes them; float16
  powers are computed in float32 and rounded once, as PyTorch does;
* the gradient of a ** b for b takes ln a in the result's dtype, as PyTorch does."""
import numpy as np
import pytest

import minigrad
from minigrad.ops._util import compact, unary
from minigrad.ops.elementwise_backward import Sgn, SigmoidBackward

torch = pytest.importorskip("torch")

SPECIAL = [-0.0, 0.0, np.nan, np.inf, -np.inf, 1.0, -1.0, -89.0, 1e-30, -1e-30, 100.0]


class _Ctx:
    def save_for_backward(self, *tensors):
        pass


def _same_bits(a, b):
    a, b = np.ascontiguousarray(a), np.ascontiguousarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


@pytest.mark.parametrize("source_shape, shape", [((), (5,)), ((3, 1), (3, 4)), ((1, 4), (3, 4)),
                                                 ((4,), (2, 3, 4)), ((2, 1, 4), (2, 3, 4)), ((2, 3), (2, 3))])
def test_unary_on_a_broadcast_view_equals_the_plain_ufunc(source_shape, shape):
    values = np.array([-0.0, 1.5, -2.0, np.inf, 3.0, 7.0, np.nan, 2.5][:int(np.prod(source_shape))], np.float32)
    view = np.broadcast_to(values.reshape(source_shape), shape)
    got = unary(np.negative, view)
    assert _same_bits(got, np.negative(view))
    assert got.flags.c_contiguous and got.flags.writeable
    assert compact(view).size == values.size


def test_neg_of_the_gradient_of_a_sum():
    x = minigrad.tensor(np.arange(6, dtype=np.float32).reshape(2, 3), requires_grad=True)
    (-x).sum().backward()
    assert x.grad.tolist() == [[-1.0] * 3] * 2 and x.grad._data.flags.c_contiguous


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@pytest.mark.parametrize("shape", [(), (7,), (5, 9), (3, 70001)])
def test_sigmoid_forward_and_backward_bit_identical_to_the_formulas(dtype, shape):
    rng = np.random.default_rng(0)
    x = np.asarray(rng.standard_normal(shape) * 20, dtype=dtype)
    if x.ndim:
        x.reshape(-1)[:len(SPECIAL)] = SPECIAL[:x.size]
    grad = np.asarray(rng.standard_normal(shape), dtype=dtype)
    with np.errstate(all="ignore"):
        y = 1 / (1 + np.exp(-x))
        expected_backward = grad * (1 - y) * y
    assert _same_bits(minigrad.tensor(x).sigmoid()._data, y)
    if x.ndim == 2:  # a transposed (not C-ordered) input
        assert np.array_equal(minigrad.tensor(x).t().sigmoid()._data, y.T, equal_nan=True)
    assert _same_bits(SigmoidBackward.forward(_Ctx(), grad, y), expected_backward)


def test_sgn_is_the_sign_with_0_at_nan_and_at_negative_zero():
    x = np.array(SPECIAL, np.float32)
    got = Sgn.forward(_Ctx(), x)
    assert _same_bits(got, ((x > 0).astype(np.float32) - (x < 0)))
    assert _same_bits(got, torch.from_numpy(x).sgn().numpy())


@pytest.mark.parametrize("c", [-0.5, -2.0])
def test_negative_square_root_and_square_as_pytorch_computes_them(c):
    x = np.abs(np.random.default_rng(1).standard_normal(10_000)).astype(np.float32) * 10
    x[:6] = [0.0, -0.0, np.inf, 1e-30, 1e30, 4.0]
    with np.errstate(all="ignore"):
        expected = 1 / np.sqrt(x) if c == -0.5 else 1 / (x * x)
    got = minigrad.tensor(x).pow(c)._data
    assert _same_bits(got, expected)
    np.testing.assert_allclose(got, torch.from_numpy(x).pow(c).numpy(), rtol=1e-6)


@pytest.mark.parametrize("c", [2, 3, -2, -1, 1.5])
def test_float16_powers_rounded_once(c):
    x = (np.random.default_rng(2).standard_normal(1000) * 4).astype(np.float16)
    with np.errstate(all="ignore"):
        expected = torch.from_numpy(x).pow(c).numpy()
        got = minigrad.tensor(x).pow(c)._data
    assert got.dtype == np.float16
    assert np.array_equal(got, expected, equal_nan=True)


def test_exponent_gradient_takes_ln_in_the_result_dtype():
    results = []
    for lib in (torch, minigrad):
        a = lib.tensor([2.0, 3.0, 7.0])  # float32 base, float64 exponent: the result is float64
        b = lib.tensor([1.5, 2.0, 0.3], dtype=lib.float64, requires_grad=True)
        (a ** b).sum().backward()
        results.append(b.grad.tolist())
    assert results[0] == results[1]
