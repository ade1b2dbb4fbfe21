# Source: PyTorch documentation, "Autograd mechanics": "Locally disabling gradient computation",
#   grad modes, inference mode, evaluation mode (docs/source/notes/autograd.rst) https://pytorch.org/docs/stable/notes/autograd.html
# Licence: BSD 3-Clause (pytorch/pytorch, docs/source/notes). Written anew in the spirit of the source, not copied.
# Changed: torch.randn inputs replaced by fixed values; prints added to show each mode's effect.
import torch
import torch.nn as nn

from _fixed import fixed

x = fixed(5, 5)
y = fixed(5, 5, seed=1)
z = fixed(5, 5, seed=2).requires_grad_()
a = x + y
print(a.requires_grad)
b = a + z
print(b.requires_grad)

model = nn.Linear(5, 2)
for param in model.parameters():
    param.requires_grad_(False)
print([p.requires_grad for p in model.parameters()])

x = torch.tensor([1.0], requires_grad=True)
with torch.no_grad():
    y = x * 2
print(y.requires_grad)


@torch.no_grad()
def doubler(x):
    return x * 2


print(doubler(x).requires_grad)

is_train = False
with torch.set_grad_enabled(is_train):
    y = x * 2
print(y.requires_grad)
torch.set_grad_enabled(True)
y = x * 2
print(y.requires_grad)
torch.set_grad_enabled(False)
y = x * 2
print(y.requires_grad)
torch.set_grad_enabled(True)

with torch.inference_mode():
    y = x * 2
print(y.requires_grad, y.is_inference())
print(x.is_inference())


@torch.inference_mode()
def predict(t):
    return t * 3


print(predict(x))
print(torch.is_inference_mode_enabled())
with torch.inference_mode():
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())
    with torch.inference_mode(mode=False):
        print(torch.is_inference_mode_enabled())

model = nn.Sequential(nn.Linear(3, 3), nn.Dropout(0.5))
model.eval()
print(model.training, model[1].training)
model.train()
print(model[1].training)
