"""An optimizer's state_dict shows its buffers as tensors (as PyTorch does), so it prints like
PyTorch's and loads back with ``torch.load(..., weights_only=True)``."""
import pytest

import minigrad


def _stepped(lib, make):
    model = lib.nn.Linear(2, 1)
    with lib.no_grad():
        model.weight.copy_(lib.tensor([[0.5, -0.25]]))
        model.bias.fill_(0.125)
    optimizer = make(lib, model)
    for _ in range(2):
        optimizer.zero_grad()
        model(lib.tensor([[1.0, 2.0]])).pow(2).sum().backward()
        optimizer.step()
    return model, optimizer


MAKERS = {
    "sgd momentum": lambda lib, m: lib.optim.SGD(m.parameters(), lr=0.1, momentum=0.9),
    "adam": lambda lib, m: lib.optim.Adam(m.parameters(), lr=0.01),
    "adam amsgrad": lambda lib, m: lib.optim.Adam(m.parameters(), lr=0.01, amsgrad=True),
}


@pytest.mark.parametrize("name", MAKERS)
def test_state_prints_as_pytorch(name):
    torch = pytest.importorskip("torch")
    ours = _stepped(minigrad, MAKERS[name])[1].state_dict()["state"]
    theirs = _stepped(torch, MAKERS[name])[1].state_dict()["state"]
    assert str(ours) == str(theirs)


@pytest.mark.parametrize("name", MAKERS)
def test_state_survives_save_and_weights_only_load(name, tmp_path):
    model, optimizer = _stepped(minigrad, MAKERS[name])
    minigrad.save(optimizer.state_dict(), tmp_path / "opt.pt")
    fresh = MAKERS[name](minigrad, model)
    fresh.load_state_dict(minigrad.load(tmp_path / "opt.pt", weights_only=True))
    for a, b in [(optimizer, fresh)]:
        model.zero_grad()
        model(minigrad.ones(1, 2)).sum().backward()
        before = [p.detach().clone() for p in model.parameters()]
        a.step()
        after_a = [p.detach().clone() for p in model.parameters()]
        with minigrad.no_grad():
            for p, v in zip(model.parameters(), before):
                p.copy_(v)
        b.step()
        assert all(minigrad.equal(p, q) for p, q in zip(model.parameters(), after_a))


def test_state_dict_shares_the_buffers_and_load_copies_them():
    model, optimizer = _stepped(minigrad, MAKERS["sgd momentum"])
    saved = optimizer.state_dict()
    buffer = saved["state"][1]["momentum_buffer"]
    assert buffer._data is optimizer.state[model.bias]["momentum_buffer"]
    optimizer.load_state_dict(saved)
    assert optimizer.state[model.bias]["momentum_buffer"] is not buffer._data
