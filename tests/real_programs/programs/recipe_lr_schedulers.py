# Source: PyTorch documentation, "torch.optim: How to adjust learning rate" (docs/source/optim.rst)
#   and the lr_scheduler docstrings https://pytorch.org/docs/stable/optim.html
# Licence: BSD 3-Clause (pytorch/pytorch). Written anew in the spirit of the source, not copied.
# Changed: a one-weight model and a fixed loss instead of a data set; rates printed rounded.
import torch
from torch import nn
from torch.optim.lr_scheduler import (CosineAnnealingLR, ExponentialLR, LambdaLR, MultiStepLR,
                                      StepLR)


def make_optimizer(lr=0.1):
    model = nn.Linear(2, 1)
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9), model


def run(name, make_scheduler, epochs=8):
    optimizer, model = make_optimizer()
    scheduler = make_scheduler(optimizer)
    rates = []
    for epoch in range(epochs):
        optimizer.zero_grad()
        loss = model(torch.ones(1, 2)).pow(2).sum()
        loss.backward()
        optimizer.step()
        rates.append(round(scheduler.get_last_lr()[0], 6))
        scheduler.step()
    print(f"{name:12s}", rates)


run("StepLR", lambda opt: StepLR(opt, step_size=3, gamma=0.5))
run("MultiStepLR", lambda opt: MultiStepLR(opt, milestones=[2, 5], gamma=0.1))
run("ExponentialLR", lambda opt: ExponentialLR(opt, gamma=0.9))
run("Cosine", lambda opt: CosineAnnealingLR(opt, T_max=8, eta_min=0.001))
run("LambdaLR", lambda opt: LambdaLR(opt, lr_lambda=lambda epoch: 0.95 ** epoch))

# Two schedulers on one optimizer: their effects multiply.
optimizer, model = make_optimizer()
s1 = ExponentialLR(optimizer, gamma=0.9)
s2 = MultiStepLR(optimizer, milestones=[3, 6], gamma=0.1)
for epoch in range(8):
    optimizer.step()
    s1.step()
    s2.step()
print(round(optimizer.param_groups[0]["lr"], 8))
print(s1.last_epoch, s2.last_epoch)
print(sorted(s1.state_dict().keys()))
