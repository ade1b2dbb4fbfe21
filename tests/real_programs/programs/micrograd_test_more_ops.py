# Source: micrograd, test/test_engine.py, test_more_ops (the PyTorch half) https://github.com/karpathy/micrograd
# Licence: MIT (karpathy/micrograd). Written anew in the spirit of the source, not copied.
# Changed: prints the PyTorch results instead of comparing them with micrograd's Value.
import torch

a = torch.Tensor([-4.0]).double()
b = torch.Tensor([2.0]).double()
a.requires_grad = True
b.requires_grad = True
c = a + b
d = a * b + b**3
c = c + c + 1
c = c + 1 + c + (-a)
d = d + d * 2 + (b + a).relu()
d = d + 3 * d + (b - a).relu()
e = c - d
f = e**2
g = f / 2.0
g = g + 10.0 / f
g.backward()
apt, bpt, gpt = a, b, g
tol = 1e-6
print(gpt.data.item(), apt.grad.item(), bpt.grad.item())
print(f"{gpt.data.item():.6f} {apt.grad.item():.6f} {bpt.grad.item():.6f}")
print(g.grad_fn, g.grad_fn.next_functions)
