"""nn.MultiheadAttention, TransformerEncoderLayer and TransformerEncoder against PyTorch (same weights
copied in): outputs, attention weights, every gradient, grad_fn names and reprs; gradients against
central differences in float64."""
import warnings

import numpy as np
import pytest

import minigrad
from minigrad import nn
from minigrad.autograd import gradcheck


def _copy(theirs, ours):
    ours.load_state_dict({k: minigrad.tensor(v.detach().numpy()) for k, v in theirs.state_dict().items()})
    return ours


MHA_CASES = {
    "plain": (dict(), dict()),
    "batch_first": (dict(batch_first=True), dict()),
    "no weights": (dict(), dict(need_weights=False)),
    "per head": (dict(), dict(average_attn_weights=False)),
    "float mask": (dict(), dict(attn_mask="causal")),
    "bool mask": (dict(), dict(attn_mask="bool")),
    "key padding": (dict(), dict(key_padding_mask=True)),
    "no bias": (dict(bias=False), dict()),
    "is_causal": (dict(), dict(attn_mask="causal", is_causal=True)),
}


@pytest.mark.parametrize("name", MHA_CASES)
def test_multihead_attention_matches_pytorch(name):
    torch = pytest.importorskip("torch")
    build, call = MHA_CASES[name]
    theirs = torch.nn.MultiheadAttention(8, 2, **build).double()
    ours = _copy(theirs, nn.MultiheadAttention(8, 2, **build).double())
    rng = np.random.default_rng(0)
    shape = (3, 5, 8) if build.get("batch_first") else (5, 3, 8)
    q, kv = rng.normal(size=shape), rng.normal(size=shape)
    results = []
    for lib, module in ((torch, theirs), (minigrad, ours)):
        kw = dict(call)
        if kw.get("attn_mask") == "causal":
            kw["attn_mask"] = lib.nn.Transformer.generate_square_subsequent_mask(5, dtype=lib.float64)
        elif kw.get("attn_mask") == "bool":
            kw["attn_mask"] = lib.tensor(np.triu(np.ones((5, 5), dtype=bool), 1))
        if kw.get("key_padding_mask"):
            kw["key_padding_mask"] = lib.tensor(np.array([[False] * 4 + [True], [False] * 5, [False] * 3 + [True] * 2]))
        qt, kvt = lib.tensor(q, requires_grad=True), lib.tensor(kv, requires_grad=True)
        out, weights = module(qt, kvt, kvt, **kw)
        loss = (out * out).sum() + (0 if weights is None else (weights * weights).sum())
        loss.backward()
        results.append(([out, weights, qt.grad, kvt.grad] + [p.grad for p in module.parameters()],
                        type(out.grad_fn).__name__, weights is None or type(weights.grad_fn).__name__))
    (t_vals, t_out, t_w), (m_vals, m_out, m_w) = results
    for a, b in zip(t_vals, m_vals):
        if a is None:
            assert b is None
            continue
        assert tuple(a.shape) == tuple(b.shape)
        np.testing.assert_allclose(b.detach().numpy(), a.detach().numpy(), rtol=1e-9, atol=1e-10)
    assert (m_out, m_w) == (t_out, t_w)


def test_reprs_and_parameter_names_match_pytorch():
    torch = pytest.importorskip("torch")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for make in (lambda n: n.MultiheadAttention(8, 2),
                     lambda n: n.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.0),
                     lambda n: n.TransformerEncoder(n.TransformerEncoderLayer(8, 2, 16), num_layers=2)):
            theirs, ours = make(torch.nn), make(nn)
            assert repr(ours) == repr(theirs)
            assert [(k, tuple(p.shape)) for k, p in ours.named_parameters()] == \
                [(k, tuple(p.shape)) for k, p in theirs.named_parameters()]
    assert repr(nn.Transformer.generate_square_subsequent_mask(3)) == \
        repr(torch.nn.Transformer.generate_square_subsequent_mask(3))


@pytest.mark.parametrize("options", [dict(), dict(norm_first=True, activation="gelu", batch_first=True)], ids=str)
def test_encoder_matches_pytorch(options):
    torch = pytest.importorskip("torch")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = torch.nn.TransformerEncoder(torch.nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, **options),
                                             2, enable_nested_tensor=False).double()
        ours = _copy(theirs, nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, **options),
                                                   2, enable_nested_tensor=False).double())
    x = np.random.default_rng(1).normal(size=(4, 3, 8))
    results = []
    for lib, module in ((torch, theirs), (minigrad, ours)):
        xt = lib.tensor(x, requires_grad=True)
        seq = x.shape[1] if options.get("batch_first") else x.shape[0]
        mask = lib.nn.Transformer.generate_square_subsequent_mask(seq, dtype=lib.float64)
        out = module(xt, mask=mask)
        (out * out).sum().backward()
        results.append(([out, xt.grad] + [p.grad for p in module.parameters()], type(out.grad_fn).__name__))
    for a, b in zip(results[0][0], results[1][0]):
        np.testing.assert_allclose(b.detach().numpy(), a.detach().numpy(), rtol=1e-8, atol=1e-9)
    assert results[0][1] == results[1][1]


def test_attention_gradients_match_central_differences():
    mha = nn.MultiheadAttention(4, 2).double()
    rng = np.random.default_rng(2)
    q = minigrad.tensor(rng.normal(size=(3, 2, 4)), requires_grad=True)
    kv = minigrad.tensor(rng.normal(size=(4, 2, 4)), requires_grad=True)
    pad = minigrad.tensor(np.array([[False, False, False, True], [False] * 4]))
    assert gradcheck(lambda q, kv: mha(q, kv, kv, key_padding_mask=pad)[0], [q, kv])
