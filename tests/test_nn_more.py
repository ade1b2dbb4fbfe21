"""LeakyReLU, PReLU, Dropout2d and the containers ModuleDict, ParameterList, ParameterDict,
ModuleList.insert/extend: gradients against central differences (float64), printing against PyTorch."""
import numpy as np
import pytest

import minigrad
import minigrad.nn.functional as F
from minigrad import nn
from minigrad.autograd import gradcheck


def leaf(*shape, seed=0):
    rng = np.random.default_rng(seed + sum(shape))
    return minigrad.tensor(rng.uniform(-2, 2, size=shape), dtype=minigrad.float64, requires_grad=True)


@pytest.mark.parametrize("function, inputs", [
    (lambda x: F.leaky_relu(x, 0.2), [leaf(3, 4)]),
    (lambda x, w: F.prelu(x, w), [leaf(2, 3, 2), leaf(1, seed=1)]),
    (lambda x, w: F.prelu(x, w), [leaf(2, 3, 2), leaf(3, seed=1)]),
    (lambda x, w: F.prelu(x, w), [leaf(4), leaf(1, seed=1)]),
], ids=["leaky_relu", "prelu one slope", "prelu per channel", "prelu 1-d"])
def test_gradient_matches_central_differences(function, inputs):
    assert gradcheck(function, inputs)


def test_dropout2d_drops_whole_channels():
    x = minigrad.ones(8, 16, 3, 3)
    out = nn.Dropout2d(0.5)(x)
    per_channel = out.reshape(8, 16, 9)
    assert ((per_channel == 0).all(dim=2) | (per_channel == 2).all(dim=2)).all()
    assert 0 < (per_channel[:, :, 0] == 0).sum().item() < 128
    assert minigrad.equal(nn.Dropout2d(0.5).eval()(x), x)


def _build(lib):
    n = lib.nn

    class WithParams(n.Module):
        def __init__(self):
            super().__init__()
            self.params = n.ParameterList([n.Parameter(lib.ones(2, 2) * i) for i in range(2)])
            self.extra = n.ParameterDict({"left": n.Parameter(lib.zeros(2)), "right": lib.ones(3, dtype=lib.float64)})
            self.choices = n.ModuleDict([["act", n.LeakyReLU(0.2)], ["prelu", n.PReLU(3, init=0.1)]])
            self.layers = n.ModuleList([n.Tanh()])

    m = WithParams()
    m.layers.extend([n.ReLU(), n.Sigmoid()])
    m.layers.insert(1, n.Dropout2d(0.3))
    del m.layers[0]
    m.choices.update({"drop": n.Dropout2d()})
    popped = m.choices.pop("act")
    return [m, popped, [k for k, _ in m.named_parameters()], list(m.choices.keys()), "prelu" in m.choices,
            len(m.params), m.params[-1], type(m.extra["right"]).__name__, m.choices["prelu"].weight,
            F_of(lib).leaky_relu(lib.tensor([-1.0, 0.0, 2.0], requires_grad=True), 0.2),
            F_of(lib).prelu(lib.tensor([-1.0, 0.0, 2.0], requires_grad=True), lib.tensor([0.25]))]


def F_of(lib):
    return lib.nn.functional


def test_prints_what_pytorch_prints():
    import re
    torch = pytest.importorskip("torch")
    strip = lambda text: re.sub(r"0x[0-9a-f]+", "0x?", str(text))
    for ours, theirs in zip(_build(minigrad), _build(torch)):
        assert strip(ours) == strip(theirs)


def test_prelu_checks_channels_as_pytorch():
    torch = pytest.importorskip("torch")
    for lib in (torch, minigrad):
        for shape in [(4,), (2, 3)]:
            with pytest.raises(RuntimeError) as error:
                lib.nn.functional.prelu(lib.ones(*shape), lib.ones(4))
            assert "Found parameter numbers = 4 and channel size = " + ("1" if len(shape) == 1 else "3") in str(error.value)


def _clip(lib, how):
    params = [lib.nn.Parameter(lib.tensor([[3.0, -4.0], [1.0, 0.5]])), lib.nn.Parameter(lib.tensor([12.0, -0.25]))]
    for p, scale in zip(params, (1.0, 2.0)):
        p.grad = p.detach() * scale
    returned = how(lib, params)
    return [returned] + [p.grad for p in params]


CLIPS = {
    "norm 2": lambda lib, ps: lib.nn.utils.clip_grad_norm_(ps, max_norm=1.0),
    "norm not reached": lambda lib, ps: lib.nn.utils.clip_grad_norm_(ps, max_norm=100.0),
    "norm inf": lambda lib, ps: lib.nn.utils.clip_grad_norm_(ps, 2.0, norm_type=float("inf")),
    "norm 1, one tensor": lambda lib, ps: lib.nn.utils.clip_grad_norm_(ps[0], 3, norm_type=1),
    "value": lambda lib, ps: lib.nn.utils.clip_grad_value_(ps, clip_value=0.5),
    "to vector": lambda lib, ps: lib.nn.utils.parameters_to_vector(ps),
    "from vector": lambda lib, ps: (lib.nn.utils.vector_to_parameters(lib.arange(6.0), ps), ps[0], ps[1]),
}


@pytest.mark.parametrize("name", CLIPS)
def test_clipping_and_vectors_match_pytorch(name):
    torch = pytest.importorskip("torch")
    ours, theirs = _clip(minigrad, CLIPS[name]), _clip(torch, CLIPS[name])
    assert str(ours).replace("minigrad", "torch") == str(theirs)


def test_clip_grad_norm_reports_a_non_finite_norm_as_pytorch():
    torch = pytest.importorskip("torch")
    messages = []
    for lib in (torch, minigrad):
        p = lib.nn.Parameter(lib.ones(2))
        p.grad = lib.tensor([float("inf"), 1.0])
        with pytest.raises(RuntimeError) as error:
            lib.nn.utils.clip_grad_norm_([p], 1.0, error_if_nonfinite=True)
        messages.append(str(error.value))
    assert messages[0] == messages[1]


POOLS = {
    "kernel 2": dict(kernel_size=2),
    "padded, strided": dict(kernel_size=3, stride=2, padding=1),
    "padding not counted": dict(kernel_size=3, stride=2, padding=1, count_include_pad=False),
    "rectangular, overlapping": dict(kernel_size=(2, 3), stride=1, padding=(1, 0)),
    "divisor override": dict(kernel_size=2, stride=1, divisor_override=3),
}


@pytest.mark.parametrize("name", POOLS)
def test_avg_pool2d_gradients_of_first_and_second_order(name):
    options = POOLS[name]
    assert gradcheck(lambda x: F.avg_pool2d(x, **options), [leaf(1, 2, 5, 4)])

    def first_derivative(x):  # goes through the spreading node, whose backward pools again
        y = F.avg_pool2d(x, **options)
        return minigrad.autograd.grad((y * y).sum(), x, create_graph=True)[0]
    assert gradcheck(first_derivative, [leaf(1, 2, 5, 4)])


@pytest.mark.parametrize("name", POOLS)
def test_avg_pool2d_matches_pytorch(name):
    torch = pytest.importorskip("torch")
    results = []
    for lib in (minigrad, torch):
        x = lib.arange(40.0).reshape(2, 5, 4).requires_grad_()
        y = lib.nn.AvgPool2d(**POOLS[name])(x)
        (y * lib.arange(float(y.numel())).reshape(y.shape)).sum().backward()
        results.append((str(y), str(x.grad), str(lib.nn.AvgPool2d(**POOLS[name]))))
    assert results[0] == results[1]


@pytest.mark.parametrize("function, inputs", [
    (lambda x, w, b: F.layer_norm(x, (4,), w, b), [leaf(3, 4), leaf(4, seed=1), leaf(4, seed=2)]),
    (lambda x: F.layer_norm(x, (2, 3)), [leaf(2, 2, 3)]),
    (lambda x, w: F.layer_norm(x, [3], w, eps=0.1), [leaf(2, 2, 3), leaf(3, seed=1)]),
    (lambda x, w, b: minigrad.autograd.grad((F.layer_norm(x, (4,), w, b) ** 3).sum(), (x, w), create_graph=True)[0],
     [leaf(2, 4), leaf(4, seed=1), leaf(4, seed=2)]),
], ids=["affine", "two dims, no affine", "weight only", "second order"])
def test_layer_norm_gradients(function, inputs):
    assert gradcheck(function, inputs)


def test_layer_norm_matches_pytorch():
    torch = pytest.importorskip("torch")
    results = []
    for lib in (minigrad, torch):
        layer = lib.nn.LayerNorm(4)
        with lib.no_grad():
            layer.weight.copy_(lib.tensor([1.0, 0.5, -1.0, 2.0]))
            layer.bias.copy_(lib.tensor([0.0, 0.1, 0.2, 0.3]))
        x = (lib.arange(24.0).reshape(2, 3, 4) ** 1.5 / 10).requires_grad_()
        y = layer(x)
        (y * lib.arange(24.0).reshape(2, 3, 4)).sum().backward()
        results.append(([str(layer), str(lib.nn.LayerNorm((3, 4), elementwise_affine=False)), y.grad_fn.name(),
                         [n for n, _ in layer.named_parameters()]],
                        [t.detach().numpy() for t in (y, x.grad, layer.weight.grad, layer.bias.grad)]))
    assert results[0][0] == results[1][0]
    for ours, theirs in zip(results[0][1], results[1][1]):
        np.testing.assert_allclose(ours, theirs, rtol=1e-5, atol=1e-5)
