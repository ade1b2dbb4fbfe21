"""nn.RNN / GRU / LSTM and their cells: outputs, final states and every gradient against PyTorch (same
weights copied in), shapes for every layout, reprs, errors; the cells' gradients against central
differences in float64, twice (the recurrence is tensor ops, so it can be differentiated again)."""
import numpy as np
import pytest

import minigrad
from tests.errors_of import raised
from minigrad import nn
from minigrad.autograd import gradcheck
from minigrad.nn._rnn_cells import gru_cell, lstm_cell, rnn_relu_cell, rnn_tanh_cell


def gradgradcheck(function, inputs):
    """The gradients (taken with create_graph=True) checked against central differences in turn."""
    def gradients(*xs):
        out = function(*xs)
        weights = minigrad.tensor(np.linspace(-1, 1, out.numel()).reshape(tuple(out.shape)))
        grads = minigrad.autograd.grad((out * weights).sum(), xs, create_graph=True)
        return minigrad.cat([g.reshape(-1) for g in grads])
    return gradcheck(gradients, inputs)


def leaf(*shape, seed=0):
    rng = np.random.default_rng(seed + 7 * sum(shape))
    return minigrad.tensor(rng.uniform(-1, 1, size=shape), dtype=minigrad.float64, requires_grad=True)


@pytest.mark.parametrize("cell, gates", [(rnn_tanh_cell, 1), (rnn_relu_cell, 1), (gru_cell, 3)])
def test_cell_gradients_match_central_differences(cell, gates):
    inputs = [leaf(2, 3), leaf(2, 4, seed=1), leaf(gates * 4, 3, seed=2), leaf(gates * 4, 4, seed=3),
              leaf(gates * 4, seed=4), leaf(gates * 4, seed=5)]
    assert gradcheck(cell, inputs)
    assert gradgradcheck(cell, inputs)


def test_lstm_cell_gradients_match_central_differences():
    def step(x, h, c, w_ih, w_hh, b):
        h2, c2 = lstm_cell(x, (h, c), w_ih, w_hh, b)
        return h2 * 2 + c2
    inputs = [leaf(2, 3), leaf(2, 4, seed=1), leaf(2, 4, seed=2), leaf(16, 3, seed=3), leaf(16, 4, seed=4),
              leaf(16, seed=5)]
    assert gradcheck(step, inputs)
    assert gradgradcheck(step, inputs)


def test_whole_layer_gradients_match_central_differences():
    lstm = nn.LSTM(3, 2, num_layers=2, bidirectional=True).double()

    def run(x, h, c):
        out, (h_n, c_n) = lstm(x, (h, c))
        return out.sum() + (h_n * h_n).sum() + (c_n * 2).sum()
    assert gradcheck(run, [leaf(4, 2, 3), leaf(4, 2, 2, seed=1), leaf(4, 2, 2, seed=2)])


CONFIGS = [
    ("RNN", dict()), ("RNN", dict(nonlinearity="relu", num_layers=2)), ("GRU", dict(batch_first=True)),
    ("GRU", dict(num_layers=2, bidirectional=True)), ("LSTM", dict()), ("LSTM", dict(num_layers=2, batch_first=True)),
    ("LSTM", dict(bidirectional=True, bias=False)), ("RNN", dict(bidirectional=True, num_layers=2, batch_first=True)),
]


def _pair(kind, kwargs, dtype="float64"):
    torch = pytest.importorskip("torch")
    theirs = getattr(torch.nn, kind)(3, 4, **kwargs).to(getattr(torch, dtype))
    ours = getattr(nn, kind)(3, 4, **kwargs).double()
    ours.load_state_dict({k: minigrad.tensor(v.detach().numpy()) for k, v in theirs.state_dict().items()})
    return torch, theirs, ours


@pytest.mark.parametrize("kind, kwargs", CONFIGS, ids=[f"{k}-{sorted(a)}" for k, a in CONFIGS])
@pytest.mark.parametrize("with_state", [False, True])
def test_layer_matches_pytorch(kind, kwargs, with_state):
    torch, theirs, ours = _pair(kind, kwargs)
    rng = np.random.default_rng(0)
    shape = (2, 5, 3) if kwargs.get("batch_first") else (5, 2, 3)
    x = rng.normal(size=shape)
    directions = 2 if kwargs.get("bidirectional") else 1
    state_shape = (directions * kwargs.get("num_layers", 1), 2, 4)
    states = [rng.normal(size=state_shape) for _ in range(2 if kind == "LSTM" else 1)]
    results = []
    for lib, module in ((torch, theirs), (minigrad, ours)):
        xt = lib.tensor(x, requires_grad=True)
        hs = [lib.tensor(s, requires_grad=True) for s in states]
        hx = None if not with_state else (tuple(hs) if kind == "LSTM" else hs[0])
        out, h = module(xt, hx)
        finals = list(h) if kind == "LSTM" else [h]
        loss = (out * out).sum() + sum((f * 3).sum() for f in finals)
        loss.backward()
        grads = [xt.grad] + [p.grad for p in module.parameters()] + ([s.grad for s in hs] if with_state else [])
        results.append(([out] + finals, grads, [type(t.grad_fn).__name__ for t in finals]))
    (t_vals, t_grads, t_names), (m_vals, m_grads, m_names) = results
    for a, b in zip(t_vals + t_grads, m_vals + m_grads):
        assert tuple(a.shape) == tuple(b.shape)
        np.testing.assert_allclose(b.detach().numpy(), a.detach().numpy(), rtol=1e-9, atol=1e-10)
    assert m_names == t_names  # StackBackward0


@pytest.mark.parametrize("kind", ["RNN", "GRU", "LSTM"])
def test_unbatched_input_and_output_names(kind):
    torch, theirs, ours = _pair(kind, {})
    x = np.random.default_rng(1).normal(size=(6, 3))
    t_out, t_h = theirs(torch.tensor(x))
    m_out, m_h = ours(minigrad.tensor(x))
    t_h, m_h = (t_h[0], m_h[0]) if kind == "LSTM" else (t_h, m_h)
    assert tuple(m_out.shape) == tuple(t_out.shape) and tuple(m_h.shape) == tuple(t_h.shape)
    np.testing.assert_allclose(m_out.detach().numpy(), t_out.detach().numpy(), rtol=1e-9)
    assert type(m_out.grad_fn).__name__ == type(t_out.grad_fn).__name__ == "SqueezeBackward1"


@pytest.mark.parametrize("kind, extra", [("RNNCell", {}), ("RNNCell", {"nonlinearity": "relu"}), ("GRUCell", {}),
                                         ("LSTMCell", {}), ("GRUCell", {"bias": False})])
def test_cells_match_pytorch(kind, extra):
    torch = pytest.importorskip("torch")
    theirs = getattr(torch.nn, kind)(3, 4, **extra).double()
    ours = getattr(nn, kind)(3, 4, **extra).double()
    ours.load_state_dict({k: minigrad.tensor(v.detach().numpy()) for k, v in theirs.state_dict().items()})
    assert repr(ours) == repr(theirs)
    assert [n for n, _ in ours.named_parameters()] == [n for n, _ in theirs.named_parameters()]
    x = np.random.default_rng(2).normal(size=(2, 3))
    for batched in (True, False):
        xs = x if batched else x[0]
        t, m = theirs(torch.tensor(xs)), ours(minigrad.tensor(xs))
        t, m = (t if isinstance(t, tuple) else (t,)), (m if isinstance(m, tuple) else (m,))
        for a, b in zip(t, m):
            np.testing.assert_allclose(b.detach().numpy(), a.detach().numpy(), rtol=1e-9)
            assert type(b.grad_fn).__name__ == type(a.grad_fn).__name__


@pytest.mark.parametrize("make", [
    lambda n: n.RNN(24, 16), lambda n: n.GRU(3, 4, bias=False, batch_first=True, dropout=0.1, num_layers=3),
    lambda n: n.LSTM(5, 3, num_layers=2, bidirectional=True), lambda n: n.RNN(4, 3, 2, "relu"),
])
def test_repr_names_shapes_and_init_bounds(make):
    torch = pytest.importorskip("torch")
    theirs, ours = make(torch.nn), make(nn)
    assert repr(ours) == repr(theirs)
    assert [(n, tuple(p.shape)) for n, p in ours.named_parameters()] == \
        [(n, tuple(p.shape)) for n, p in theirs.named_parameters()]
    bound = 1 / ours.hidden_size ** 0.5
    assert all(0 < p.abs().max().item() <= bound for p in ours.parameters())


@pytest.mark.parametrize("call", [
    lambda lib: lib.nn.RNN(3, 4)(lib.zeros(5, 2, 4)),
    lambda lib: lib.nn.RNN(3, 4)(lib.zeros(5, 2, 3), lib.zeros(1, 3, 4)),
    lambda lib: lib.nn.GRU(3, 4)(lib.zeros(2, 5, 2, 3)),
    lambda lib: lib.nn.LSTM(3, 4)(lib.zeros(5, 2, 3), (lib.zeros(1, 2, 4), lib.zeros(2, 2, 4))),
    lambda lib: lib.nn.RNN(3, 4, nonlinearity="sigmoid"),
    lambda lib: lib.nn.LSTM(3, 4, dropout=1.5),
], ids=["input size", "hidden size", "4-d input", "cell state size", "nonlinearity", "dropout"])
def test_errors_match_pytorch(call):
    torch = pytest.importorskip("torch")
    assert raised(lambda: call(minigrad)) == raised(lambda: call(torch))


def test_dropout_warning_for_one_layer():
    with pytest.warns(UserWarning, match="non-zero dropout expects num_layers greater than 1"):
        nn.RNN(3, 4, dropout=0.2)


def test_dropout_between_layers_only_in_training():
    lstm = nn.LSTM(3, 4, num_layers=2, dropout=0.5)
    x = minigrad.ones(5, 2, 3)
    lstm.eval()
    a, b = lstm(x)[0], lstm(x)[0]
    assert minigrad.equal(a, b)
    lstm.train()
    minigrad.manual_seed(0)
    assert not minigrad.allclose(lstm(x)[0], a)


# ----- the fused float32 LSTM layer (MkldnnRnnLayerBackward0) ------------------------------------------
from minigrad.nn._lstm_layer import LstmLayer  # noqa: E402


@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("bias", [True, False])
def test_fused_lstm_layer_gradients_match_central_differences(reverse, bias):
    def run(x, h0, c0, w_ih, w_hh, *b):
        out, h, c = LstmLayer.apply(x, h0, c0, w_ih, w_hh, *(b if b else (None, None)), reverse)
        return out.sum() + (h * h).sum() + (c * 3).sum() + (out * out).sum()
    inputs = [leaf(4, 2, 3), leaf(2, 2, seed=1), leaf(2, 2, seed=2), leaf(8, 3, seed=3), leaf(8, 2, seed=4)]
    inputs += [leaf(8, seed=5), leaf(8, seed=6)] if bias else []
    assert gradcheck(run, inputs)
    assert gradgradcheck(lambda *a: run(*a).reshape(1), inputs[:5])


@pytest.mark.parametrize("kwargs", [dict(), dict(num_layers=2, batch_first=True), dict(bidirectional=True, bias=False)],
                         ids=str)
def test_float32_lstm_matches_pytorch_and_its_node_names(kwargs):
    torch = pytest.importorskip("torch")
    theirs = torch.nn.LSTM(3, 4, **kwargs)
    ours = nn.LSTM(3, 4, **kwargs)
    ours.load_state_dict({k: minigrad.tensor(v.detach().numpy()) for k, v in theirs.state_dict().items()})
    x = np.random.default_rng(3).normal(size=(5, 2, 3)).astype(np.float32)
    results = []
    for lib, module in ((torch, theirs), (minigrad, ours)):
        xt = lib.tensor(x, requires_grad=True)
        out, (h, c) = module(xt)
        ((out * out).sum() + h.sum() + (c * c).sum()).backward()
        names = [type(t.grad_fn).__name__ for t in (out, h, c)]
        inner = type(out.grad_fn.next_functions[0][0]).__name__ if names[0] != "MkldnnRnnLayerBackward0" else ""
        results.append(([out, h, c, xt.grad] + [p.grad for p in module.parameters()], names + [inner]))
    (t_vals, t_names), (m_vals, m_names) = results
    for a, b in zip(t_vals, m_vals):
        np.testing.assert_allclose(b.detach().numpy(), a.detach().numpy(), rtol=2e-5, atol=2e-6)
    assert m_names == t_names
