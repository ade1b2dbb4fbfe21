"""Learning-rate schedulers in PyTorch's chainable form: rates epoch by epoch against PyTorch, alone,
two on one optimizer, past the end of a cosine, and with ``step(epoch)`` (the closed form)."""
import warnings

import pytest

import minigrad


def _rates(lib, make_schedulers, epochs=14, jump_to=None):
    from importlib import import_module
    schedulers_module = import_module(lib.__name__ + ".optim.lr_scheduler")
    model = lib.nn.Linear(2, 1)
    optimizer = lib.optim.SGD([{"params": [model.weight]}, {"params": [model.bias], "lr": 0.5}], lr=0.1)
    schedulers = make_schedulers(schedulers_module, optimizer)
    rates = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for epoch in range(epochs):
            optimizer.step()
            for s in schedulers:
                s.step(jump_to(epoch) if jump_to else None)
            rates.append([group["lr"] for group in optimizer.param_groups])
    return rates, sorted(schedulers[0].state_dict())


CASES = {
    "step": lambda m, o: [m.StepLR(o, step_size=3, gamma=0.5)],
    "multistep repeated milestone": lambda m, o: [m.MultiStepLR(o, milestones=[2, 5, 5], gamma=0.1)],
    "exponential": lambda m, o: [m.ExponentialLR(o, gamma=0.9)],
    "cosine past T_max": lambda m, o: [m.CosineAnnealingLR(o, T_max=4, eta_min=0.01)],
    "lambda": lambda m, o: [m.LambdaLR(o, lr_lambda=lambda e: 0.95 ** e)],
    "exponential then multistep": lambda m, o: [m.ExponentialLR(o, gamma=0.9), m.MultiStepLR(o, [3, 6])],
    "step then cosine": lambda m, o: [m.StepLR(o, 2), m.CosineAnnealingLR(o, T_max=5)],
}


@pytest.mark.parametrize("name", CASES)
def test_rates_match_pytorch(name):
    torch = pytest.importorskip("torch")
    assert _rates(minigrad, CASES[name]) == _rates(torch, CASES[name])


@pytest.mark.parametrize("name", ["step", "multistep repeated milestone", "exponential", "cosine past T_max"])
def test_step_with_an_epoch_uses_the_closed_form_as_pytorch(name):
    torch = pytest.importorskip("torch")
    jump = lambda epoch: 3 * epoch + 1
    assert _rates(minigrad, CASES[name], 6, jump) == _rates(torch, CASES[name], 6, jump)


def test_get_lr_outside_step_warns():
    model = minigrad.nn.Linear(1, 1)
    scheduler = minigrad.optim.lr_scheduler.StepLR(minigrad.optim.SGD(model.parameters(), lr=0.1), 2)
    with pytest.warns(UserWarning, match="please use `get_last_lr\\(\\)`"):
        scheduler.get_lr()
