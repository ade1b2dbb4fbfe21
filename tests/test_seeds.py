"""Every example of the seed notes (../shared/seeds), run on minigrad, printing exactly what PyTorch
prints. Expected texts were produced by PyTorch 2.13; memory addresses are masked."""
import re

import pytest

import minigrad as torch


def text(*values):
    return re.sub(r"0x[0-9a-f]+", "0x…", " ".join(str(v) for v in values))


def test_requires_grad_then_sum_records_sum_backward():
    torch.manual_seed(0)
    a = torch.rand(3, 3)
    a.requires_grad_(True)
    b = (a * a).sum()
    assert re.fullmatch(r"tensor\(\d\.\d{4}, grad_fn=<SumBackward0>\)", str(b))
    assert text(b.grad_fn) == "<SumBackward0 object at 0x…>"


def test_mean_of_squares_gives_one_and_a_third():
    x = torch.ones(3, 3, requires_grad=True)
    assert str(x) == "tensor([[1., 1., 1.],\n        [1., 1., 1.],\n        [1., 1., 1.]], requires_grad=True)"
    y = x + 5
    assert str(y) == "tensor([[6., 6., 6.],\n        [6., 6., 6.],\n        [6., 6., 6.]], grad_fn=<AddBackward0>)"
    z = y * y
    out = z.mean()
    assert text(z, out) == ("tensor([[36., 36., 36.],\n        [36., 36., 36.],\n        [36., 36., 36.]], "
                            "grad_fn=<MulBackward0>) tensor(36., grad_fn=<MeanBackward0>)")
    out.backward()
    assert str(x.grad) == ("tensor([[1.3333, 1.3333, 1.3333],\n        [1.3333, 1.3333, 1.3333],\n"
                           "        [1.3333, 1.3333, 1.3333]])")


def test_q_equals_3a_cubed_minus_b_squared():
    a = torch.tensor([2., 3.], requires_grad=True)
    b = torch.tensor([6., 4.], requires_grad=True)
    Q = 3 * a ** 3 - b ** 2
    external_grad = torch.tensor([1., 1.])
    Q.backward(gradient=external_grad)
    assert str(a.grad) == "tensor([36., 81.])"
    assert str(b.grad) == "tensor([-12.,  -8.])"
    assert str(9 * a ** 2 == a.grad) == "tensor([True, True])"
    assert str(-2 * b == b.grad) == "tensor([True, True])"


def test_vector_jacobian_product_prints_scientific():
    a = torch.tensor([10., 10., 10.], requires_grad=True)
    y = a ** 2
    assert str(y) == "tensor([100., 100., 100.], grad_fn=<PowBackward0>)"
    y.backward(torch.tensor([0.1, 1.0, 0.0001]))
    assert str(a.grad) == "tensor([2.0000e+00, 2.0000e+01, 2.0000e-03])"


def test_a_b_c_out_chain_shows_data_grad_and_grad_fn():
    a = torch.ones(2, 2, requires_grad=True)
    b = a + 2
    c = b ** 2
    out = c.sum()
    assert str(b) == "tensor([[3., 3.],\n        [3., 3.]], grad_fn=<AddBackward0>)"
    assert str(c) == "tensor([[9., 9.],\n        [9., 9.]], grad_fn=<PowBackward0>)"
    assert str(out) == "tensor(36., grad_fn=<SumBackward0>)"
    out.backward()
    assert str(a.data) == "tensor([[1., 1.],\n        [1., 1.]])"
    assert str(a.grad) == "tensor([[6., 6.],\n        [6., 6.]])"
    assert a.grad_fn is None
    with pytest.warns(UserWarning, match="not a leaf Tensor"):
        assert b.grad is None
    assert str(b.data) == "tensor([[3., 3.],\n        [3., 3.]])"
    assert text(b.grad_fn, c.grad_fn, out.grad_fn) == (
        "<AddBackward0 object at 0x…> <PowBackward0 object at 0x…> <SumBackward0 object at 0x…>")
    assert str(out.data) == "tensor(36.)"


def test_x_plus_2_times_itself_times_3_gives_4_5():
    x = torch.ones(2, 2, requires_grad=True)
    y = x + 2
    assert text(y.grad_fn) == "<AddBackward0 object at 0x…>"
    z = y * y * 3
    out = z.mean()
    assert text(z, out) == ("tensor([[27., 27.],\n        [27., 27.]], grad_fn=<MulBackward0>) "
                            "tensor(27., grad_fn=<MeanBackward0>)")
    out.backward()
    assert str(x.grad) == "tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])"


def test_requires_grad_underscore_flips_the_flag():
    torch.manual_seed(1)
    a = torch.randn(2, 2)
    a = ((a * 3) / (a - 1))
    assert a.requires_grad is False
    a.requires_grad_(True)
    assert a.requires_grad is True
    b = (a * a).sum()
    assert text(b.grad_fn) == "<SumBackward0 object at 0x…>"


def test_doubling_loop_then_vector_jacobian_product():
    x = torch.tensor([0.5, -1.2, 2.0], requires_grad=True)  # fixed values instead of randn
    y = x * 2
    while y.data.norm() < 1000:
        y = y * 2
    assert str(y) == "tensor([ 256.0000, -614.4000, 1024.0000], grad_fn=<MulBackward0>)"
    v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
    y.backward(v)
    assert str(x.grad) == "tensor([5.1200e+01, 5.1200e+02, 5.1200e-02])"


def test_no_grad_and_detach():
    x = torch.ones(3, requires_grad=True)
    assert (x.requires_grad, (x ** 2).requires_grad) == (True, True)
    with torch.no_grad():
        assert (x ** 2).requires_grad is False
    y = x.detach()
    assert y.requires_grad is False
    assert str(x.eq(y).all()) == "tensor(True)"


def test_chain_rule_gives_8x():
    x = torch.ones(2, 2, requires_grad=True)
    assert str(x) == "tensor([[1., 1.],\n        [1., 1.]], requires_grad=True)"
    y = x * 2
    z = y * y
    z.sum().backward()
    assert str(x.grad) == "tensor([[8., 8.],\n        [8., 8.]])"


def test_no_grad_block_stops_recording():
    x = torch.ones(2, 2, requires_grad=True)
    assert (x * 2).requires_grad is True
    with torch.no_grad():
        assert (x * 2).requires_grad is False


def test_legacy_variable_examples():
    from minigrad.autograd import Variable
    a = Variable(torch.ones(2, 2), requires_grad=True)
    assert str(a) == "tensor([[1., 1.],\n        [1., 1.]], requires_grad=True)"
    out = ((a + 2) ** 2).sum()
    out.backward()
    assert str(a.grad) == "tensor([[6., 6.],\n        [6., 6.]])"
    assert isinstance(a, Variable)

    x = Variable(torch.ones(3), requires_grad=True)
    z = x ** 2 + 3
    z.backward(torch.Tensor([0.1, 1, 10]))
    # The seed note claims [0.6, 6, 60]; PyTorch prints this:
    assert str(x.grad) == "tensor([ 0.2000,  2.0000, 20.0000])"


def test_resnet_step_from_seed_004_runs():
    nn_models = pytest.importorskip("minigrad.models")
    torch.manual_seed(0)
    model = nn_models.resnet18()
    data = torch.rand(1, 3, 64, 64)
    labels = torch.rand(1, 1000)
    prediction = model(data)
    loss = (prediction - labels).sum()
    loss.backward()
    optim = torch.optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)
    before = model.fc.weight.detach().numpy().copy()
    optim.step()
    assert prediction.shape == torch.Size([1, 1000])
    assert not (model.fc.weight.detach().numpy() == before).all()
