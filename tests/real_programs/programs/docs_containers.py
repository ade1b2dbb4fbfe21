# Source: PyTorch documentation, torch.nn containers: Sequential, ModuleList, ModuleDict, ParameterList,
#   ParameterDict (torch/nn/modules/container.py docstrings) and "Modules" notes
#   https://pytorch.org/docs/stable/notes/modules.html
# Licence: BSD 3-Clause (pytorch/pytorch). Written anew in the spirit of the source, not copied.
# Changed: small layer sizes; weights fixed instead of random; outputs printed as shapes or rounded.
from collections import OrderedDict

import torch
from torch import nn

from _fixed import fixed, init_fixed_

model = nn.Sequential(OrderedDict([
    ("conv1", nn.Conv2d(1, 4, 3)),
    ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(4, 2, 3)),
    ("relu2", nn.ReLU()),
]))
print(model)
print(model.conv1, model[0] is model.conv1, len(model))
print(model[1:])
model.append(nn.Flatten())
print([name for name, _ in model.named_children()])


class MyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.linears = nn.ModuleList([nn.Linear(4, 4) for i in range(3)])

    def forward(self, x):
        for i, l in enumerate(self.linears):
            x = self.linears[i // 2](x) + l(x)
        return x


m = init_fixed_(MyModule())
print(m)
print(m(fixed(2, 4, scale=1.0)).round(decimals=3))
m.linears.append(nn.Linear(4, 2))
m.linears.extend([nn.ReLU(), nn.Tanh()])
m.linears.insert(0, nn.Identity())
print(len(m.linears), type(m.linears[-1]).__name__, type(m.linears[0]).__name__)
print(len(list(m.parameters())))


class Choices(nn.Module):
    def __init__(self):
        super().__init__()
        self.choices = nn.ModuleDict({"conv": nn.Conv2d(2, 2, 3), "pool": nn.MaxPool2d(2)})
        self.activations = nn.ModuleDict([["lrelu", nn.LeakyReLU()], ["prelu", nn.PReLU()]])

    def forward(self, x, choice, act):
        x = self.choices[choice](x)
        return self.activations[act](x)


c = init_fixed_(Choices())
print(c)
x = fixed(1, 2, 6, 6, scale=1.0)
print(c(x, "conv", "lrelu").shape, c(x, "pool", "prelu").shape)
print(list(c.choices.keys()), "conv" in c.choices, len(c.activations))
print(c(x, "pool", "lrelu").flatten()[:4])
for name, module in c.activations.items():
    print(name, module)
c.choices.update({"id": nn.Identity()})
print(list(c.choices))
print(c.choices.pop("id"), list(c.choices))


class WithParams(nn.Module):
    def __init__(self):
        super().__init__()
        self.params = nn.ParameterList([nn.Parameter(torch.ones(2, 2) * i) for i in range(3)])
        self.extra = nn.ParameterDict({"left": nn.Parameter(torch.zeros(2)), "right": nn.Parameter(torch.ones(2))})

    def forward(self, x):
        for p in self.params:
            x = x @ p
        return x + self.extra["left"] + self.extra["right"]


w = WithParams()
print(w)
print([name for name, _ in w.named_parameters()])
print(w(torch.ones(1, 2)))
print(sum(p.numel() for p in w.parameters()))
print([n for n, _ in model.named_modules()])
print([type(mod).__name__ for mod in model.modules()])


@torch.no_grad()
def init_weights(m):
    if type(m) is nn.Linear:
        m.weight.fill_(1.0)


net = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 2))
net.apply(init_weights)
print(net[1].weight)
net.add_module("act", nn.Sigmoid())
net.register_module("out", nn.Linear(2, 1))
print(net)
del net[1]
print(net)
