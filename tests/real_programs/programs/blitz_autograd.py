# Source: PyTorch Tutorials, "A Gentle Introduction to torch.autograd" (beginner_source/blitz/autograd_tutorial.py)
#   https://pytorch.org/tutorials/beginner/blitz/autograd_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: torchvision's resnet18 replaced by a small Sequential with fixed weights (same freezing
#   and fine-tuning steps); torch.rand inputs replaced by fixed values.
import torch
from torch import nn, optim

from _fixed import fixed, init_fixed_

model = init_fixed_(nn.Sequential(nn.Linear(12, 8), nn.ReLU(), nn.Linear(8, 5)))
data = fixed(1, 12, scale=1.0)
labels = fixed(1, 5, seed=4)
prediction = model(data)
loss = (prediction - labels).sum()
loss.backward()
optim_ = optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)
optim_.step()
print(model[2].bias)

a = torch.tensor([2., 3.], requires_grad=True)
b = torch.tensor([6., 4.], requires_grad=True)
Q = 3 * a**3 - b**2
external_grad = torch.tensor([1., 1.])
Q.backward(gradient=external_grad)
print(9 * a**2 == a.grad)
print(-2 * b == b.grad)

x = fixed(5, 5)
y = fixed(5, 5, seed=1)
z = fixed(5, 5, seed=2).requires_grad_()
a = x + y
print(f"Does `a` require gradients?: {a.requires_grad}")
b = x + z
print(f"Does `b` require gradients?: {b.requires_grad}")

for param in model.parameters():
    param.requires_grad = False
model[2] = nn.Linear(8, 10)
print(model)
optimizer = optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)
print([p.requires_grad for p in model.parameters()])
print(sum(p.numel() for p in model.parameters() if p.requires_grad))
