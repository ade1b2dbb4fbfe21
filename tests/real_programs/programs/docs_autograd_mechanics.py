# Source: PyTorch documentation, "Autograd mechanics" (docs/source/notes/autograd.rst) and
#   "A Gentle Introduction" / torch.autograd.grad examples https://pytorch.org/docs/stable/notes/autograd.html
# Licence: BSD 3-Clause (pytorch/pytorch, docs/source/notes). Written anew in the spirit of the source, not copied.
# Changed: the examples' random tensors are fixed values; prints added.
import torch

x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = x.exp()
z = y * x
print(z.grad_fn, z.grad_fn.next_functions)
z.sum().backward()
print(x.grad)

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
out = (a ** 3).sum()
(g,) = torch.autograd.grad(out, a, create_graph=True)
print(g)
(g2,) = torch.autograd.grad(g.sum(), a)
print(g2)

a = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    d = a.tanh()
    d.mul_(2)
    d.sum().backward()
    print(a.grad)
except RuntimeError as e:
    print("RuntimeError:", e)

leaf = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    leaf.add_(1)
except RuntimeError as e:
    print("RuntimeError:", e)

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * x
y.retain_grad()
y.sum().backward()
print(y.grad, x.grad)
try:
    y.sum().backward()
except RuntimeError as e:
    print("RuntimeError:", str(e)[:60])
