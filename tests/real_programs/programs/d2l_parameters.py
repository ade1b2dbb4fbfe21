# Source: Dive into Deep Learning, 6.2 "Parameter Management" (PyTorch tab) https://d2l.ai/chapter_builders-guide/parameters.html
# Licence: sample code under the modified MIT licence (d2l-ai/d2l-en, LICENSE-SAMPLECODE); book text CC BY-SA 4.0.
#   Written anew in the spirit of the source, not copied.
# Changed: torch.rand input and the random initial weights replaced by fixed values; a type name
#   printed without its module (minigrad's classes live in minigrad, not torch); the state dict printed as a
#   dict (OrderedDict's repr differs between Python 3.11 and 3.12+, so the recording would depend on Python).
import torch
from torch import nn

from _fixed import fixed, init_fixed_

net = nn.Sequential(nn.LazyLinear(8), nn.ReLU(), nn.LazyLinear(1))
X = fixed(2, 4, scale=1.0)
print(net(X).shape)
init_fixed_(net)
print(dict(net[2].state_dict()))  # dict: OrderedDict's own repr changed in Python 3.12
print(type(net[2].bias).__name__, net[2].bias.data)
print(net[2].weight.grad == None)
print([(name, param.shape) for name, param in net.named_parameters()])

shared = nn.LazyLinear(8)
net = nn.Sequential(nn.LazyLinear(8), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.LazyLinear(1))
net(X)
print(net[2].weight.data[0] == net[4].weight.data[0])
net[2].weight.data[0, 0] = 100
print(net[2].weight.data[0] == net[4].weight.data[0])
print(len(list(net.parameters())))
