# Source: Dive into Deep Learning, 6.4 "Lazy Initialization" and 6.5 "Custom Layers" (PyTorch tab)
#   https://d2l.ai/chapter_builders-guide/lazy-init.html https://d2l.ai/chapter_builders-guide/custom-layer.html
# Licence: sample code under the modified MIT licence (d2l-ai/d2l-en, LICENSE-SAMPLECODE); book text CC BY-SA 4.0.
#   Written anew in the spirit of the source, not copied.
# Changed: torch.rand/randn replaced by fixed values; the mean of a centred output checked against
#   a bound instead of printed (it is float rounding noise).
import torch
from torch import nn
from torch.nn import functional as F

from _fixed import fixed, init_fixed_

net = nn.Sequential(nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
print(net[0].weight)
X = fixed(2, 20, scale=1.0)
net(X)
print(net[0].weight.shape)
print(net)


class CenteredLayer(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, X):
        return X - X.mean()


layer = CenteredLayer()
print(layer(torch.tensor([1.0, 2, 3, 4, 5])))
net = nn.Sequential(nn.LazyLinear(128), CenteredLayer())
Y = net(fixed(4, 8, scale=1.0))
print(bool(Y.mean().abs() < 1e-5))


class MyLinear(nn.Module):
    def __init__(self, in_units, units):
        super().__init__()
        self.weight = nn.Parameter(fixed(in_units, units))
        self.bias = nn.Parameter(fixed(units, seed=1))

    def forward(self, X):
        linear = torch.matmul(X, self.weight.data) + self.bias.data
        return F.relu(linear)


linear = MyLinear(5, 3)
print(linear.weight)
print(linear(fixed(2, 5, scale=1.0, seed=3)))
net = nn.Sequential(MyLinear(64, 8), MyLinear(8, 1))
print(net(fixed(2, 64, scale=1.0)))
