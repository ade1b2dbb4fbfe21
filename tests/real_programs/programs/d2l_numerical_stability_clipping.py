# Source: Dive into Deep Learning, 5.4 "Numerical Stability and Initialization" and the gradient
#   clipping of 9.5 "Recurrent Neural Network Implementation from Scratch" (PyTorch tab) https://d2l.ai/
# Licence: sample code under the modified MIT licence (d2l-ai/d2l-en, LICENSE-SAMPLECODE); book text CC BY-SA 4.0.
#   Written anew in the spirit of the source, not copied.
# Changed: the plot of sigmoid's gradient replaced by printed values; the product of 100 random
#   matrices replaced by powers of a fixed matrix; initialisers shown by shapes and bounds (their
#   random draws differ between libraries); clipping applied to a tiny fixed model.
import math

import torch
from torch import nn

from _fixed import fixed

x = torch.arange(-8.0, 8.0, 2.0, requires_grad=True)
y = torch.sigmoid(x)
y.backward(torch.ones_like(x))
print(x.grad.round(decimals=5))

M = fixed(4, 4, scale=1.0) * 3
product = torch.eye(4)
for i in range(30):
    product = torch.mm(product, M)
print(torch.isfinite(product).all(), product.abs().max() > 1e10)
print(torch.finfo(torch.float32).max, torch.finfo(torch.float32).eps)
print(torch.finfo(torch.float64).tiny)
print(torch.iinfo(torch.int64).max, torch.iinfo(torch.int32).min)

net = nn.Linear(256, 64)
nn.init.xavier_uniform_(net.weight)
bound = math.sqrt(6 / (256 + 64))
print(net.weight.abs().max().item() <= bound, round(bound, 4))
nn.init.xavier_normal_(net.weight)
print(net.weight.shape)
nn.init.kaiming_uniform_(net.weight, a=0, mode="fan_in", nonlinearity="relu")
print(net.weight.abs().max().item() <= math.sqrt(6 / 256))
print(round(nn.init.calculate_gain("relu"), 4), round(nn.init.calculate_gain("tanh"), 4),
      nn.init.calculate_gain("leaky_relu", 0.2))
nn.init.constant_(net.bias, 0.5)
nn.init.zeros_(net.weight)
print(net.bias[:3], net.weight.sum())


def grad_clipping(params, theta):
    """Rescale the gradients so that their joint L2 norm is at most theta."""
    norm = torch.sqrt(sum(torch.sum((p.grad ** 2)) for p in params))
    if norm > theta:
        for param in params:
            param.grad[:] *= theta / norm
    return norm


model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
with torch.no_grad():
    for seed, p in enumerate(model.parameters()):
        p.copy_(fixed(*p.shape, scale=2.0, seed=seed))
inputs = fixed(5, 3, scale=3.0, seed=9)
(model(inputs) ** 2).sum().backward()
params = [p for p in model.parameters() if p.requires_grad]
before = grad_clipping(params, 1.0)
print(round(before.item(), 3))
after = torch.sqrt(sum(torch.sum(p.grad ** 2) for p in params))
print(round(after.item(), 4))

model.zero_grad()
(model(inputs) ** 2).sum().backward()
total = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
print(round(total.item(), 3), total.dtype, total.shape)
print(round(torch.sqrt(sum((p.grad ** 2).sum() for p in params)).item(), 4))
model.zero_grad()
(model(inputs) ** 2).sum().backward()
nn.utils.clip_grad_value_(model.parameters(), clip_value=0.5)
print(max(p.grad.abs().max().item() for p in params))
print(model[0].bias.grad.round(decimals=4))
vec = nn.utils.parameters_to_vector(model.parameters())
print(vec.shape, vec[:4])
nn.utils.vector_to_parameters(torch.zeros_like(vec), model.parameters())
print(model[2].weight)
