# Source: micrograd, test/test_engine.py, test_sanity_check (the PyTorch half) https://github.com/karpathy/micrograd
# Licence: MIT (karpathy/micrograd). Written anew in the spirit of the source, not copied.
# Changed: prints the PyTorch results instead of comparing them with micrograd's Value.
import torch

x = torch.Tensor([-4.0]).double()
x.requires_grad = True
z = 2 * x + 2 + x
q = z.relu() + z * x
h = (z * z).relu()
y = h + q + q * x
y.backward()
xpt, ypt = x, y
print(ypt.data.item(), xpt.grad.item())
print(ypt)
print(xpt.grad)
