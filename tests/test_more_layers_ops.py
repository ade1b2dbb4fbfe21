"""Activations (SiLU, ELU, SELU, Softplus, Mish, Hardtanh, ReLU6, LogSigmoid, Softsign), robust losses (L1,
SmoothL1, Huber, KLDiv), padding, nearest upsampling, conv1d, log1p/expm1/rsqrt, normalize,
cosine_similarity, narrow/movedim/unflatten/outer: gradients against central differences in float64
(once and twice); values, gradients, grad_fn names, reprs and errors against PyTorch."""
import warnings

import numpy as np
import pytest

import minigrad
from tests.errors_of import raised
from minigrad.autograd import gradcheck


def second_order(function):
    def gradients(*xs):
        out = function(*xs)
        weights = minigrad.tensor(np.linspace(-1, 1, out.numel()).reshape(tuple(out.shape)))
        grads = minigrad.autograd.grad((out * out * weights).sum(), xs, create_graph=True, allow_unused=True)
        return minigrad.cat([g.reshape(-1) for g in grads if g is not None])
    return gradients


def F(lib):
    return lib.nn.functional


CASES = {  # name: (function of the library, input shapes, positive inputs?)
    "silu": (lambda lib: lambda x: F(lib).silu(x), [(3, 4)]),
    "elu": (lambda lib: lambda x: F(lib).elu(x, alpha=0.7), [(3, 4)]),
    "selu": (lambda lib: lambda x: F(lib).selu(x), [(3, 4)]),
    "softplus": (lambda lib: lambda x: F(lib).softplus(x), [(3, 4)]),
    "softplus beta threshold": (lambda lib: lambda x: F(lib).softplus(x, beta=2, threshold=1.5), [(3, 4)]),
    "mish": (lambda lib: lambda x: F(lib).mish(x), [(3, 4)]),
    "hardtanh": (lambda lib: lambda x: F(lib).hardtanh(x, -0.5, 1.2), [(3, 4)]),
    "relu6": (lambda lib: lambda x: F(lib).relu6(x * 4), [(3, 4)]),
    "logsigmoid": (lambda lib: lambda x: F(lib).logsigmoid(x), [(3, 4)]),
    "softsign": (lambda lib: lambda x: F(lib).softsign(x), [(3, 4)]),
    "l1_loss": (lambda lib: lambda x, t: F(lib).l1_loss(x, t), [(3, 4), (3, 4)]),
    "l1_loss none": (lambda lib: lambda x, t: F(lib).l1_loss(x, t, reduction="none"), [(3, 4), (3, 4)]),
    "smooth_l1_loss": (lambda lib: lambda x, t: F(lib).smooth_l1_loss(x, t), [(3, 4), (3, 4)]),
    "smooth_l1_loss beta sum": (lambda lib: lambda x, t: F(lib).smooth_l1_loss(x, t, beta=0.5, reduction="sum"),
                                [(3, 4), (3, 4)]),
    "huber_loss": (lambda lib: lambda x, t: F(lib).huber_loss(x, t, delta=0.8), [(3, 4), (3, 4)]),
    "huber_loss none": (lambda lib: lambda x, t: F(lib).huber_loss(x, t, reduction="none"), [(3, 4), (3, 4)]),
    "kl_div batchmean": (lambda lib: lambda x, t: F(lib).kl_div(x.log_softmax(1), t.softmax(1), reduction="batchmean"),
                         [(3, 4), (3, 4)]),
    "kl_div log_target sum": (lambda lib: lambda x, t: F(lib).kl_div(x, t, reduction="sum", log_target=True),
                              [(3, 4), (3, 4)]),
    "pad constant": (lambda lib: lambda x: F(lib).pad(x, (1, 2, 0, 1), value=0.5), [(2, 3, 4)]),
    "pad crop": (lambda lib: lambda x: F(lib).pad(x, (-1, 2)), [(2, 3, 4)]),
    "pad reflect 1d": (lambda lib: lambda x: F(lib).pad(x, (2, 3), mode="reflect"), [(2, 3, 4)]),
    "pad reflect 2d": (lambda lib: lambda x: F(lib).pad(x, (1, 1, 2, 0), mode="reflect"), [(1, 2, 3, 4)]),
    "pad replicate 2d": (lambda lib: lambda x: F(lib).pad(x, (2, 1, 1, 3), mode="replicate"), [(2, 3, 4)]),
    "interpolate scale": (lambda lib: lambda x: F(lib).interpolate(x, scale_factor=2), [(1, 2, 3)]),
    "interpolate size 2d": (lambda lib: lambda x: F(lib).interpolate(x, size=(3, 5)), [(1, 2, 2, 3)]),
    "interpolate odd scale": (lambda lib: lambda x: F(lib).interpolate(x, scale_factor=1.5), [(1, 1, 5)]),
    "conv1d": (lambda lib: lambda x, w, b: F(lib).conv1d(x, w, b), [(2, 3, 6), (4, 3, 2), (4,)]),
    "conv1d stride padding": (lambda lib: lambda x, w: F(lib).conv1d(x, w, stride=2, padding=1), [(2, 3, 7), (2, 3, 3)]),
    "conv1d unbatched": (lambda lib: lambda x, w: F(lib).conv1d(x, w), [(3, 5), (2, 3, 2)]),
    "log1p": (lambda lib: lambda x: (x * x).log1p(), [(3, 4)]),
    "expm1": (lambda lib: lambda x: lib.expm1(x), [(3, 4)]),
    "rsqrt": (lambda lib: lambda x: (x * x + 0.5).rsqrt(), [(3, 4)]),
    "normalize": (lambda lib: lambda x: F(lib).normalize(x, dim=1), [(3, 4)]),
    "normalize p1": (lambda lib: lambda x: F(lib).normalize(x, p=1.0, dim=0), [(3, 4)]),
    "cosine_similarity": (lambda lib: lambda x, y: F(lib).cosine_similarity(x, y), [(3, 4), (3, 4)]),
    "narrow": (lambda lib: lambda x: x.narrow(1, 1, 2) * 2, [(3, 4)]),
    "movedim": (lambda lib: lambda x: x.movedim(0, 2) * 2, [(2, 3, 4)]),
    "unflatten": (lambda lib: lambda x: x.unflatten(1, (2, 2)) * 2, [(3, 4)]),
    "outer": (lambda lib: lambda x, y: lib.outer(x, y), [(3,), (4,)]),
}


def arrays(shapes, seed=0):
    rng = np.random.default_rng(seed)
    return [rng.uniform(-2.5, 2.5, size=s) for s in shapes]


@pytest.mark.parametrize("name", CASES)
def test_gradients_match_central_differences(name):
    make, shapes = CASES[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        inputs = [minigrad.tensor(a, requires_grad=True) for a in arrays(shapes)]
        assert gradcheck(make(minigrad), inputs)
        inputs = [minigrad.tensor(a, requires_grad=True) for a in arrays(shapes)]
        assert gradcheck(second_order(make(minigrad)), inputs)


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_matches_pytorch(name, dtype):
    torch = pytest.importorskip("torch")
    make, shapes = CASES[name]
    results = []
    for lib in (torch, minigrad):
        ts = [lib.tensor(a, dtype=getattr(lib, dtype), requires_grad=True) for a in arrays(shapes, seed=1)]
        out = make(lib)(*ts)
        (out * out).sum().backward()
        results.append(([out] + [t.grad for t in ts], type(out.grad_fn).__name__))
    (t_vals, t_name), (m_vals, m_name) = results
    tol = 2e-5 if dtype == "float32" else 1e-12
    for a, b in zip(t_vals, m_vals):
        assert tuple(a.shape) == tuple(b.shape) and str(a.dtype) == str(b.dtype)
        np.testing.assert_allclose(b.detach().numpy(), a.detach().numpy(), rtol=tol, atol=tol)
    assert m_name == t_name


MODULES = [
    lambda nn: nn.SiLU(), lambda nn: nn.SiLU(inplace=True), lambda nn: nn.ELU(), lambda nn: nn.ELU(0.5, inplace=True),
    lambda nn: nn.SELU(), lambda nn: nn.Softplus(), lambda nn: nn.Softplus(2, 10), lambda nn: nn.Mish(),
    lambda nn: nn.Hardtanh(), lambda nn: nn.Hardtanh(-2, 3), lambda nn: nn.ReLU6(), lambda nn: nn.LogSigmoid(),
    lambda nn: nn.Softsign(), lambda nn: nn.L1Loss(), lambda nn: nn.SmoothL1Loss(beta=0.5),
    lambda nn: nn.HuberLoss(delta=2.0), lambda nn: nn.KLDivLoss(reduction="batchmean", log_target=True),
    lambda nn: nn.Conv1d(3, 5, 2), lambda nn: nn.Conv1d(3, 5, 3, stride=2, padding=1, bias=False),
    lambda nn: nn.Upsample(scale_factor=2), lambda nn: nn.Upsample(size=5, mode="nearest"),
    lambda nn: nn.Unflatten(1, (3, 4)),
]


@pytest.mark.parametrize("make", MODULES)
def test_module_reprs_match_pytorch(make):
    torch = pytest.importorskip("torch")
    assert repr(make(minigrad.nn)) == repr(make(torch.nn))


def test_conv1d_module_matches_pytorch():
    torch = pytest.importorskip("torch")
    theirs = torch.nn.Conv1d(3, 4, 3, stride=2, padding=1)
    ours = minigrad.nn.Conv1d(3, 4, 3, stride=2, padding=1)
    ours.load_state_dict({k: minigrad.tensor(v.detach().numpy()) for k, v in theirs.state_dict().items()})
    x = np.random.default_rng(0).normal(size=(2, 3, 9)).astype(np.float32)
    np.testing.assert_allclose(ours(minigrad.tensor(x)).detach().numpy(), theirs(torch.tensor(x)).detach().numpy(),
                               rtol=1e-5, atol=1e-6)
    bound = 1 / (3 * 3) ** 0.5
    assert 0 < ours.weight.abs().max().item() <= bound


@pytest.mark.parametrize("call", [
    lambda lib: F(lib).pad(lib.ones(1, 2, 3), (1, 2, 3)),
    lambda lib: F(lib).pad(lib.ones(1, 2, 3), (3, 3), mode="reflect"),
    lambda lib: F(lib).pad(lib.ones(3), (1, 1), mode="reflect"),
    lambda lib: F(lib).pad(lib.ones(1, 2, 3), (1, 1), mode="foo"),
    lambda lib: F(lib).interpolate(lib.ones(1, 2, 3)),
    lambda lib: F(lib).interpolate(lib.ones(2, 3), scale_factor=2),
    lambda lib: F(lib).conv1d(lib.ones(1, 2, 3), lib.ones(4, 3, 2)),
    lambda lib: F(lib).conv1d(lib.ones(3), lib.ones(4, 2, 2)),
    lambda lib: F(lib).smooth_l1_loss(lib.ones(2), lib.ones(2), beta=-1),
    lambda lib: F(lib).huber_loss(lib.ones(2), lib.ones(2), delta=0),
    lambda lib: F(lib).silu(lib.tensor([1, 2])),
    lambda lib: F(lib).softplus(lib.tensor([1, 2])),
    lambda lib: lib.ones(2, 3).narrow(1, 2, 2),
], ids=["pad odd", "reflect too wide", "reflect 1-d", "pad mode", "no size", "interpolate 2-d", "conv1d channels",
        "conv1d 1-d", "beta", "delta", "silu long", "softplus long", "narrow"])
def test_errors_match_pytorch(call):
    torch = pytest.importorskip("torch")
    assert raised(lambda: call(minigrad)) == raised(lambda: call(torch))


def test_kl_div_mean_warns_as_pytorch():
    with pytest.warns(UserWarning, match="'batchmean' divides only by the batch size"):
        minigrad.nn.functional.kl_div(minigrad.zeros(2, 3), minigrad.ones(2, 3) / 3)


def test_kl_div_with_zero_target_is_finite():
    x = minigrad.tensor([[-1.0, -2.0]], requires_grad=True)
    loss = minigrad.nn.functional.kl_div(x, minigrad.tensor([[0.0, 1.0]]), reduction="sum")
    loss.backward()
    assert loss.item() == 2.0 and x.grad.tolist() == [[0.0, -1.0]]


def test_orthogonal_and_trunc_normal_init():
    w = minigrad.empty(3, 5)
    minigrad.nn.init.orthogonal_(w, gain=2)
    assert minigrad.allclose(w @ w.T, 4 * minigrad.eye(3), atol=1e-5)
    w = minigrad.empty(6, 2)
    minigrad.nn.init.orthogonal_(w)
    assert minigrad.allclose(w.T @ w, minigrad.eye(2), atol=1e-5)
    w = minigrad.empty(200, 50)
    minigrad.nn.init.trunc_normal_(w, std=1.0, a=-1.5, b=1.5)
    assert w.min().item() >= -1.5 and w.max().item() <= 1.5 and 0.7 < w.std().item() < 0.9


def test_shape_changes_in_place_match_pytorch():
    torch = pytest.importorskip("torch")
    seen = []
    for lib in (torch, minigrad):
        x = lib.arange(6).view(2, 3)
        row = x[0]
        row.unsqueeze_(-1)
        row[1, 0] = 9
        x.t_()
        x.transpose_(0, 1)
        y = lib.zeros(1, 3, 1)
        y.squeeze_()
        w = lib.zeros(3, requires_grad=True)
        try:
            w.unsqueeze_(0)
        except RuntimeError as e:
            error = str(e)
        seen.append((x.tolist(), tuple(row.shape), tuple(y.shape), x._version, y._version, error))
    assert seen[0] == seen[1]


@pytest.mark.parametrize("kind, shape", [("LazyBatchNorm1d", (4, 3)), ("LazyBatchNorm2d", (2, 3, 2, 2))])
def test_lazy_batch_norm_becomes_batch_norm_as_in_pytorch(kind, shape):
    torch = pytest.importorskip("torch")
    x = np.random.default_rng(0).normal(size=shape).astype(np.float32)
    seen = []
    for lib in (torch, minigrad):
        layer = getattr(lib.nn, kind)(momentum=0.2)
        before = repr(layer)
        out = layer(lib.tensor(x))
        seen.append((before, repr(layer), type(layer).__name__, out.detach().numpy(), layer.running_var.numpy(),
                     int(layer.num_batches_tracked)))
    (b1, a1, n1, o1, v1, k1), (b2, a2, n2, o2, v2, k2) = seen
    assert (b1, a1, n1, k1) == (b2, a2, n2, k2)
    np.testing.assert_allclose(o2, o1, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(v2, v1, rtol=1e-5)
