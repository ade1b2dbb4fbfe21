# Source: PyTorch Tutorials, "Learning PyTorch with Examples: Control Flow + Weight Sharing"
#   (beginner_source/examples_nn/dynamic_net.py) https://pytorch.org/tutorials/beginner/pytorch_with_examples.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: random.randint(4, 5) replaced by a fixed cycle of 4 and 5; fixed starting values;
#   3000 steps; results printed with 4 decimals.
import math

import torch


class DynamicNet(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.a = torch.nn.Parameter(torch.tensor(0.3))
        self.b = torch.nn.Parameter(torch.tensor(-0.5))
        self.c = torch.nn.Parameter(torch.tensor(0.1))
        self.d = torch.nn.Parameter(torch.tensor(0.2))
        self.e = torch.nn.Parameter(torch.tensor(-0.1))
        self.step = 0

    def forward(self, x):
        y = self.a + self.b * x + self.c * x ** 2 + self.d * x ** 3
        self.step += 1
        for exp in range(4, 4 + self.step % 2 + 1):
            y = y + self.e * x ** exp
        return y

    def string(self):
        return (f"y = {self.a.item():.4f} + {self.b.item():.4f} x + {self.c.item():.4f} x^2 + "
                f"{self.d.item():.4f} x^3 + {self.e.item():.4f} x^4 ? + {self.e.item():.4f} x^5 ?")


x = torch.linspace(-math.pi, math.pi, 2000)
y = torch.sin(x)
model = DynamicNet()
criterion = torch.nn.MSELoss(reduction="sum")
optimizer = torch.optim.SGD(model.parameters(), lr=1e-8, momentum=0.9)
for t in range(3000):
    y_pred = model(x)
    loss = criterion(y_pred, y)
    if t % 300 == 299:
        print(t, f"{loss.item():.4f}")
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(f"Result: {model.string()}")
