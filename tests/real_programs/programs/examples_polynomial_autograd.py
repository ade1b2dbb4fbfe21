# Source: PyTorch Tutorials, "Learning PyTorch with Examples: PyTorch: Tensors and autograd"
#   (beginner_source/examples_autograd/polynomial_autograd.py) https://pytorch.org/tutorials/beginner/pytorch_with_examples.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: a, b, c, d start from fixed values instead of torch.randn; results printed with 4 decimals.
import math

import torch

dtype = torch.float
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(f"Using {device} device")
torch.set_default_device(device)

x = torch.linspace(-math.pi, math.pi, 2000, dtype=dtype)
y = torch.sin(x)

a = torch.tensor(0.3, dtype=dtype, requires_grad=True)
b = torch.tensor(-0.5, dtype=dtype, requires_grad=True)
c = torch.tensor(0.1, dtype=dtype, requires_grad=True)
d = torch.tensor(0.2, dtype=dtype, requires_grad=True)

learning_rate = 1e-6
for t in range(2000):
    y_pred = a + b * x + c * x ** 2 + d * x ** 3
    loss = (y_pred - y).pow(2).sum()
    if t % 100 == 99:
        print(t, f"{loss.item():.4f}")
    loss.backward()
    with torch.no_grad():
        a -= learning_rate * a.grad
        b -= learning_rate * b.grad
        c -= learning_rate * c.grad
        d -= learning_rate * d.grad
        a.grad = None
        b.grad = None
        c.grad = None
        d.grad = None

print(f"Result: y = {a.item():.4f} + {b.item():.4f} x + {c.item():.4f} x^2 + {d.item():.4f} x^3")
