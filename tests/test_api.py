"""The API added for real programs (issue 11): devices, save/load, inference mode, legacy types,
sampling, nn layers and losses, RMSprop, lr schedulers, random_split, and the tensor operations of
``ops/statistics.py``. Gradients are checked against central differences in float64; values, printed
text and errors against PyTorch where it is installed."""
import io
import pickle

import numpy as np
import pytest

import minigrad
import minigrad.nn.functional as F
from minigrad import nn
from minigrad.autograd import gradcheck


def _t(values, dtype=minigrad.float64, requires_grad=True):
    return minigrad.tensor(values, dtype=dtype, requires_grad=requires_grad)


X = [[0.3, -1.2, 2.0, 0.7], [1.5, 0.4, -0.6, -2.2], [0.9, 1.1, -0.1, 0.2]]


# ----- gradients against central differences ----------------------------------------------------------
@pytest.mark.parametrize("name, fn", [
    ("cumsum", lambda x: x.cumsum(1)),
    ("cumsum0", lambda x: minigrad.cumsum(x, 0)),
    ("var", lambda x: x.var()),
    ("var_dim", lambda x: x.var(1, keepdim=True)),
    ("var_biased", lambda x: x.var(0, correction=0)),
    ("std", lambda x: x.std(0)),
    ("prod", lambda x: x.prod()),
    ("prod_dim", lambda x: x.prod(1)),
    ("log10", lambda x: x.abs().log10()),
    ("sort", lambda x: x.sort(1).values),
    ("sort_desc", lambda x: x.sort(0, descending=True).values * minigrad.arange(1, 5)),
    ("topk", lambda x: x.topk(2).values),
    ("softmax", lambda x: x.softmax(1) * minigrad.arange(4)),
    ("log_softmax", lambda x: minigrad.log_softmax(x, 0)),
    ("bce_logits", lambda x: F.binary_cross_entropy_with_logits(x, (x.detach() > 0).double())),
    ("bce_logits_pos_weight", lambda x: F.binary_cross_entropy_with_logits(
        x, (x.detach() > 0).double(), weight=minigrad.tensor([1.0, 2.0, 0.5, 1.0], dtype=minigrad.float64),
        pos_weight=minigrad.tensor([3.0, 1.0, 0.5, 2.0], dtype=minigrad.float64), reduction="sum")),
    ("bce", lambda x: F.binary_cross_entropy(x.sigmoid(), (x.detach() > 0).double())),
])
def test_gradients_match_central_differences(name, fn):
    assert gradcheck(fn, (_t(X),))


def test_prod_gradient_is_exact_at_zeros():
    x = _t([[2.0, 0.0, 3.0], [0.0, 0.0, 5.0]])
    x.prod(1).sum().backward()
    assert x.grad.tolist() == [[0.0, 6.0, 0.0], [0.0, 0.0, 0.0]]
    assert gradcheck(lambda t: t.prod(), (_t([1.5, 0.0, -2.0]),))


def test_embedding_gradient_adds_repeated_rows_and_skips_padding():
    emb = nn.Embedding(4, 2, padding_idx=0)
    with minigrad.no_grad():
        emb.weight.copy_(minigrad.arange(8.0).reshape(4, 2))
    out = emb(minigrad.tensor([[1, 1, 0], [3, 0, 1]]))
    assert out.grad_fn.name() == "EmbeddingBackward0"
    out.sum().backward()
    assert emb.weight.grad.tolist() == [[0.0, 0.0], [3.0, 3.0], [0.0, 0.0], [1.0, 1.0]]
    weight = _t(np.arange(8.0).reshape(4, 2))
    assert gradcheck(lambda w: F.embedding(minigrad.tensor([2, 0, 2]), w) ** 2, (weight,))


# ----- devices ----------------------------------------------------------------------------------------
def test_cpu_only_answers_and_errors():
    assert minigrad.cuda.is_available() is False and minigrad.cuda.device_count() == 0
    assert minigrad.backends.mps.is_available() is False
    assert minigrad.accelerator.is_available() is False and minigrad.accelerator.current_accelerator() is None
    x = minigrad.ones(2)
    assert x.to("cpu") is x and x.cpu() is x and x.to(minigrad.device("cpu")) is x and not x.is_cuda
    assert x.to("cpu", minigrad.float64).dtype is minigrad.float64
    for attempt in (lambda: x.to("cuda"), lambda: x.cuda(), lambda: minigrad.zeros(2, device="cuda:0"),
                    lambda: minigrad.cuda.synchronize(), lambda: minigrad.set_default_device("cuda")):
        with pytest.raises(AssertionError, match="^Torch not compiled with CUDA enabled .minigrad runs on the CPU"):
            attempt()
    with pytest.raises(RuntimeError, match="mps"):
        x.to("mps")
    minigrad.set_default_device("cpu")
    assert minigrad.get_default_device() == minigrad.device("cpu")


def test_device_parsing():
    d = minigrad.device("cuda:1")
    assert (repr(d), str(d), d.type, d.index) == ("device(type='cuda', index=1)", "cuda:1", "cuda", 1)
    assert minigrad.device("cuda", 1) == d and minigrad.device("cpu") != "cpu"
    with pytest.raises(RuntimeError, match="Invalid device string: 'cuda:x'"):
        minigrad.device("cuda:x")
    with pytest.raises(RuntimeError, match="device type at start of device string: gpu"):
        minigrad.device("gpu")


# ----- save and load ----------------------------------------------------------------------------------
def test_state_dict_round_trip(tmp_path):
    model = nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2))
    model(minigrad.randn(4, 3))
    minigrad.save(model.state_dict(), tmp_path / "w.pth")
    loaded = minigrad.load(tmp_path / "w.pth", weights_only=True)
    assert list(loaded) == list(model.state_dict())
    for key, value in model.state_dict().items():
        assert np.array_equal(loaded[key].numpy(), value.numpy()) and loaded[key].dtype == value.dtype
    clone = nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2))
    clone.load_state_dict(loaded)
    clone.eval(), model.eval()
    x = minigrad.randn(2, 3)
    assert minigrad.equal(clone(x), model(x))


def test_save_load_keeps_types_and_file_objects():
    buffer = io.BytesIO()
    data = {"p": nn.Parameter(minigrad.ones(2)), "t": minigrad.tensor([1, 2], dtype=minigrad.int32),
            "size": minigrad.Size([2, 3]), "dtype": minigrad.float64, "device": minigrad.device("cpu"), "n": 3}
    minigrad.save(data, buffer)
    buffer.seek(0)
    back = minigrad.load(buffer)
    assert type(back["p"]) is nn.Parameter and back["p"].requires_grad
    assert back["t"].dtype is minigrad.int32 and back["size"] == minigrad.Size([2, 3])
    assert back["dtype"] is minigrad.float64 and back["device"] == minigrad.device("cpu") and back["n"] == 3


_RAN = []


def _run_code(message):
    _RAN.append(message)


class _Evil:
    def __reduce__(self):
        return _run_code, ("code ran",)


def test_weights_only_refuses_code_and_says_how_to_load(tmp_path):
    minigrad.save({"x": _Evil()}, tmp_path / "evil.pth")
    with pytest.raises(pickle.UnpicklingError, match="(?s)Weights only load failed.*Unsupported global"):
        minigrad.load(tmp_path / "evil.pth")
    assert _RAN == []
    minigrad.load(tmp_path / "evil.pth", weights_only=False)
    assert _RAN == ["code ran"]
    minigrad.save(nn.Linear(2, 1), tmp_path / "m.pth")
    with pytest.raises(pickle.UnpicklingError, match="GLOBAL minigrad.nn.linear.Linear was not an allowed global"):
        minigrad.load(tmp_path / "m.pth")
    with minigrad.serialization.safe_globals([nn.Linear]):  # a class the user trusts
        assert isinstance(minigrad.load(tmp_path / "m.pth"), nn.Linear)
    assert isinstance(minigrad.load(tmp_path / "m.pth", weights_only=False), nn.Linear)


def test_load_of_a_pytorch_file_says_so(tmp_path):
    (tmp_path / "torch.pth").write_bytes(b"PK\x03\x04 a zip archive")
    with pytest.raises(RuntimeError, match="written by PyTorch"):
        minigrad.load(tmp_path / "torch.pth")


# ----- inference mode ----------------------------------------------------------------------------------
def test_inference_mode_marks_results_and_costs_nothing_outside():
    plain_make = minigrad.Tensor.__dict__["_make"]
    x = minigrad.ones(2, requires_grad=True)
    with minigrad.inference_mode():
        y = x * 2
        assert minigrad.is_inference_mode_enabled() and not minigrad.is_grad_enabled()
    assert not y.requires_grad and y.is_inference() and not x.is_inference()
    assert minigrad.Tensor.__dict__["_make"] is plain_make and minigrad.is_grad_enabled()

    @minigrad.inference_mode()
    def predict(t):
        return t * 3
    assert predict(x).is_inference() and not (x * 3).is_inference()


# ----- small tensor API ---------------------------------------------------------------------------------
def test_legacy_types_new_and_format():
    assert minigrad.FloatTensor([1, 2]).dtype is minigrad.float32 and minigrad.LongTensor(3).shape == (3,)
    assert isinstance(minigrad.ones(2), minigrad.FloatTensor) and not isinstance(minigrad.ones(2), minigrad.LongTensor)
    x = minigrad.ones(2, 3)
    assert x.type() == "torch.FloatTensor" and x.type(minigrad.float64).dtype is minigrad.float64
    assert x.type("torch.LongTensor").dtype is minigrad.int64 and x.nelement() == 6
    assert x.new_zeros((1, 2)).dtype is minigrad.float32 and minigrad.tensor([1]).new_ones(2).dtype is minigrad.int64
    loss = minigrad.tensor(2.5, requires_grad=True) * 1
    assert (f"{loss}", f"{loss:>7f}", f"{minigrad.tensor(3)}") == ("2.5", "2.500000", "3")
    with pytest.raises(TypeError, match="unsupported format string passed to Tensor.__format__"):
        f"{x:>7f}"


def test_multinomial_draws_follow_the_probabilities():
    g = minigrad.Generator().manual_seed(0)
    p = minigrad.tensor([0.1, 0.0, 0.6, 0.3])
    draws = minigrad.multinomial(p, 20000, replacement=True, generator=g)
    assert draws.dtype is minigrad.int64 and draws.shape == (20000,)
    counts = np.bincount(draws.numpy(), minlength=4) / 20000
    assert np.allclose(counts, [0.1, 0.0, 0.6, 0.3], atol=0.02)
    without = minigrad.multinomial(minigrad.tensor([[0.2, 0.8, 0.0]]), 2, generator=g)
    assert sorted(without[0].tolist()) == [0, 1]
    with pytest.raises(RuntimeError, match="invalid multinomial distribution"):
        minigrad.multinomial(minigrad.zeros(3), 1)


# ----- nn ---------------------------------------------------------------------------------------------
def test_lazy_linear_becomes_linear():
    layer = nn.LazyLinear(3)
    assert repr(layer.weight) == "<UninitializedParameter>"
    assert repr(layer) == "LazyLinear(in_features=0, out_features=3, bias=True)"
    with pytest.raises(RuntimeError, match="Can't access the shape of an uninitialized parameter"):
        layer.weight.shape
    assert layer(minigrad.ones(2, 5)).shape == (2, 3)
    assert type(layer) is nn.Linear and layer.weight.shape == (3, 5) and len(list(layer.parameters())) == 2


def test_one_hot():
    assert F.one_hot(minigrad.tensor([0, 2])).tolist() == [[1, 0, 0], [0, 0, 1]]
    assert F.one_hot(minigrad.tensor([1]), num_classes=4).dtype is minigrad.int64
    with pytest.raises(RuntimeError, match="only applicable to index tensor of type LongTensor"):
        F.one_hot(minigrad.tensor([1.0]))
    with pytest.raises(RuntimeError, match="Class values must be smaller than num_classes"):
        F.one_hot(minigrad.tensor([3]), 3)


def test_random_split():
    parts = minigrad.utils.data.random_split(range(10), [3, 7], generator=minigrad.Generator().manual_seed(1))
    assert [len(p) for p in parts] == [3, 7]
    assert sorted(list(parts[0]) + list(parts[1])) == list(range(10))
    assert [len(p) for p in minigrad.utils.data.random_split(range(10), [0.5, 0.3, 0.2])] == [5, 3, 2]
    with pytest.raises(ValueError, match="Sum of input lengths"):
        minigrad.utils.data.random_split(range(10), [3, 3])


# ----- against PyTorch ----------------------------------------------------------------------------------
def _both(torch, program):
    return program(minigrad), program(torch)


def _same(ours, theirs, atol=1e-6):
    ours, theirs = np.asarray(ours.detach().numpy()), theirs.detach().numpy()
    assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
    assert np.allclose(ours, theirs, atol=atol, rtol=1e-5, equal_nan=True), (ours, theirs)


OPS = {
    "cumsum_int": lambda t: t.tensor([[1, 2], [3, 4]]).cumsum(0),
    "cumsum_bool": lambda t: t.tensor([True, False, True]).cumsum(0),
    "var": lambda t: t.tensor(X).var(1),
    "std_keepdim": lambda t: t.tensor(X).std(0, keepdim=True),
    "var_biased": lambda t: t.tensor(X).var(unbiased=False),
    "prod_int": lambda t: t.tensor([[1, 2], [3, 4]]).prod(1),
    "sort_values": lambda t: t.tensor([[3.0, 1.0, 3.0], [0.0, -1.0, 2.0]]).sort(1, descending=True).values,
    "sort_indices": lambda t: t.tensor([[3.0, 1.0, 2.0], [0.0, -1.0, 2.0]]).sort(0).indices,
    "topk_indices": lambda t: t.tensor(X).topk(3, dim=1, largest=False).indices,
    "remainder_int": lambda t: t.tensor([5, -3, 7]) % 3,
    "remainder_float": lambda t: t.tensor([5.5, -3.0, 7.0]) % -2,
    "floordiv": lambda t: t.tensor([5, -3, 7]) // 2,
    "floordiv_float": lambda t: t.tensor([5, -3, 7]) // 2.0,
    "histc": lambda t: t.histc(t.tensor([1.0, 2.0, 1.0, 5.0, -1.0]), bins=4, min=0, max=4),
    "histc_auto": lambda t: t.histc(t.tensor([1.0, 2.0, 1.0, 5.0]), bins=3),
    "histogram": lambda t: t.histogram(t.tensor([1.0, 2.0, 1.0]), bins=4, range=(0.0, 3.0),
                                       weight=t.tensor([1.0, 2.0, 4.0])).hist,
    "bce_large_logits": lambda t: t.nn.functional.binary_cross_entropy_with_logits(
        t.tensor([80.0, -80.0, 0.5]), t.tensor([0.0, 1.0, 1.0]), reduction="none"),
    "bce_module": lambda t: t.nn.BCEWithLogitsLoss(pos_weight=t.tensor([2.0, 1.0, 1.0]))(
        t.tensor([[0.5, -1.0, 2.0]]), t.tensor([[1.0, 0.0, 1.0]])),
    "bce_probs": lambda t: t.nn.BCELoss()(t.tensor([0.0, 0.5, 1.0]), t.tensor([0.0, 1.0, 1.0])),
    "one_hot": lambda t: t.nn.functional.one_hot(t.tensor([[0, 2], [1, 1]]), 3),
    "embedding_from_pretrained": lambda t: t.nn.Embedding.from_pretrained(
        t.tensor([[1.0, 2.3, 3.0], [4.0, 5.1, 6.3]]))(t.tensor([1, 0, 1])),
}


@pytest.mark.parametrize("name", sorted(OPS))
def test_values_match_pytorch(name):
    torch = pytest.importorskip("torch")
    _same(*_both(torch, OPS[name]))


@pytest.mark.parametrize("name, program", [
    ("cumsum", lambda t, x: x.cumsum(1)), ("var", lambda t, x: x.var(0)), ("std", lambda t, x: x.std()),
    ("prod", lambda t, x: x.prod()), ("prod_dim", lambda t, x: x.prod(1)), ("log10", lambda t, x: x.log10()),
    ("sort", lambda t, x: x.sort(1).values), ("topk", lambda t, x: x.topk(2).values),
    ("softmax", lambda t, x: x.softmax(1)), ("log_softmax", lambda t, x: t.log_softmax(x, 1)),
    ("bce", lambda t, x: t.nn.functional.binary_cross_entropy_with_logits(x, t.ones(2, 3))),
    ("embedding", lambda t, x: t.nn.functional.embedding(t.tensor([1, 1, 0]), x)),
])
def test_node_names_and_gradients_match_pytorch(name, program):
    torch = pytest.importorskip("torch")
    results = []
    for lib in (minigrad, torch):
        x = lib.tensor([[3.0, 1.0, 2.0], [0.5, 5.0, 4.0]], requires_grad=True)
        y = program(lib, x)
        (y * lib.arange(y.numel()).reshape(y.shape)).sum().backward()
        results.append((type(y.grad_fn).__name__ if lib is torch else y.grad_fn.name(), y, x.grad))
    (name_m, y_m, g_m), (name_t, y_t, g_t) = results
    assert name_m == name_t
    _same(y_m, y_t, atol=1e-5)
    _same(g_m, g_t, atol=1e-4)


def test_batchnorm1d_matches_pytorch():
    torch = pytest.importorskip("torch")
    x = np.arange(24, dtype=np.float32).reshape(6, 4) % 7 - 3
    outputs = []
    for lib in (minigrad, torch):
        bn = lib.nn.BatchNorm1d(4, momentum=0.2)
        inp = lib.tensor(x, requires_grad=True)
        out = bn(inp)
        (out * lib.arange(24.0).reshape(6, 4)).sum().backward()
        bn.eval()
        outputs.append((repr(bn), out, inp.grad, bn.running_mean, bn.running_var, bn(lib.tensor(x[:2]))))
    assert outputs[0][0] == outputs[1][0]
    for ours, theirs in zip(outputs[0][1:], outputs[1][1:]):
        _same(ours, theirs, atol=1e-4)


@pytest.mark.parametrize("settings", [{}, {"momentum": 0.9}, {"centered": True, "weight_decay": 0.1},
                                      {"alpha": 0.9, "eps": 1e-3, "maximize": True}])
def test_rmsprop_matches_pytorch(settings):
    torch = pytest.importorskip("torch")
    paths = []
    for lib in (minigrad, torch):
        w = lib.tensor([1.0, -2.0, 3.0], dtype=lib.float64, requires_grad=True)
        opt = lib.optim.RMSprop([w], lr=0.01, **settings)
        for _ in range(5):
            opt.zero_grad()
            (w ** 2 * lib.tensor([1.0, 2.0, 3.0], dtype=lib.float64)).sum().backward()
            opt.step()
        paths.append(w)
    _same(*paths, atol=1e-12)
    assert repr(minigrad.optim.RMSprop([minigrad.ones(1, requires_grad=True)], lr=1e-3)) == \
        repr(torch.optim.RMSprop([torch.ones(1, requires_grad=True)], lr=1e-3))


@pytest.mark.parametrize("name, make", [
    ("StepLR", lambda s, o: s.StepLR(o, step_size=2, gamma=0.5)),
    ("MultiStepLR", lambda s, o: s.MultiStepLR(o, milestones=[1, 4], gamma=0.1)),
    ("ExponentialLR", lambda s, o: s.ExponentialLR(o, gamma=0.9)),
    ("CosineAnnealingLR", lambda s, o: s.CosineAnnealingLR(o, T_max=5, eta_min=0.01)),
    ("LambdaLR", lambda s, o: s.LambdaLR(o, lambda epoch: 1 / (epoch + 1))),
])
def test_lr_schedulers_match_pytorch(name, make):
    torch = pytest.importorskip("torch")
    rates = []
    for lib in (minigrad, torch):
        w = lib.ones(1, requires_grad=True)
        opt = lib.optim.SGD([w], lr=0.1)
        scheduler = make(lib.optim.lr_scheduler, opt)
        seen = []
        for _ in range(7):
            opt.step()
            scheduler.step()
            seen.append(scheduler.get_last_lr()[0])
        rates.append(seen + [opt.param_groups[0]["lr"]])
    assert np.allclose(rates[0], rates[1], rtol=1e-12, atol=0)


def test_printed_text_matches_pytorch():
    torch = pytest.importorskip("torch")
    for program in [
        lambda t: repr(t.nn.Embedding(10, 3, padding_idx=0)), lambda t: repr(t.nn.BatchNorm1d(4)),
        lambda t: repr(t.nn.BCEWithLogitsLoss()), lambda t: repr(t.tensor([[3.0, 1.0]]).sort(1)),
        lambda t: repr(t.tensor([3.0, 1.0, 2.0]).topk(2)),
        lambda t: repr(t.histogram(t.tensor([1.0, 2.0, 1.0]), bins=t.tensor([0.0, 1.5, 3.0]))),
        lambda t: repr(t.device("cuda", 0)), lambda t: str(t.device("cuda:2")),
        lambda t: t.ones(2, dtype=t.int32).type(), lambda t: repr(t.DoubleTensor([1, 2])),
        lambda t: f"{t.tensor(0.1234567):>7f} {t.tensor(2)}",
    ]:
        assert program(minigrad) == program(torch)


def test_errors_match_pytorch():
    torch = pytest.importorskip("torch")
    for program in [
        lambda t: t.tensor([1, 2]).var(), lambda t: t.multinomial(t.tensor([-1.0, 1.0]), 1),
        lambda t: t.multinomial(t.tensor([1, 2]), 1), lambda t: t.tensor([1.0, 2.0]).topk(3),
        lambda t: t.add(t.ones(2, requires_grad=True), 1, out=t.zeros(2)),
        lambda t: t.nn.Embedding(3, 2)(t.tensor([3])), lambda t: t.nn.functional.one_hot(t.tensor([-1])),
        lambda t: t.ones(2, requires_grad=True).uniform_(),
    ]:
        caught = []
        for lib in (minigrad, torch):
            with pytest.raises(Exception) as info:
                program(lib)
            caught.append((type(info.value), str(info.value)))
        assert caught[0] == caught[1]
