# Source: PyTorch documentation, "Reproducibility" notes (docs/source/notes/randomness.rst), the
#   torch.inference_mode / torch.no_grad docs and the "Autograd mechanics: Inference Mode" note
#   https://pytorch.org/docs/stable/notes/randomness.html
# Licence: BSD 3-Clause (pytorch/pytorch). Written anew in the spirit of the source, not copied.
# Changed: the random draws are compared with each other rather than printed (the two libraries'
#   random streams differ); errors printed with their type; requires_grad_() on an inference tensor left out.
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
a = torch.randn(3, 4)
torch.manual_seed(0)
b = torch.randn(3, 4)
print(torch.equal(a, b), a.shape, a.dtype)
c = torch.randn(3, 4)
print(torch.equal(a, c))

state = torch.get_rng_state()
first = torch.rand(5)
torch.set_rng_state(state)
print(torch.equal(first, torch.rand(5)), state.dtype)

g = torch.Generator().manual_seed(42)
x1 = torch.randn(4, generator=g)
g.manual_seed(42)
print(torch.equal(x1, torch.randn(4, generator=g)), g.initial_seed())
p = torch.randperm(10, generator=torch.Generator().manual_seed(1))
print(sorted(p.tolist()) == list(range(10)), p.dtype)
print(torch.initial_seed() == 0)


def seeded_model(seed):
    torch.manual_seed(seed)
    return nn.Linear(3, 2)


print(torch.equal(seeded_model(7).weight, seeded_model(7).weight))
print(torch.equal(seeded_model(7).weight, seeded_model(8).weight))

data = TensorDataset(torch.arange(10))
order1 = [b[0].tolist() for b in DataLoader(data, batch_size=5, shuffle=True, generator=torch.Generator().manual_seed(3))]
order2 = [b[0].tolist() for b in DataLoader(data, batch_size=5, shuffle=True, generator=torch.Generator().manual_seed(3))]
print(order1 == order2, sorted(order1[0] + order1[1]))

torch.use_deterministic_algorithms(True)
print(torch.are_deterministic_algorithms_enabled())
torch.use_deterministic_algorithms(False)

# Grad modes: no_grad, enable_grad, set_grad_enabled, inference_mode.
x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    y = x * 2
    with torch.enable_grad():
        z = x * 2
print(y.requires_grad, z.requires_grad, torch.is_grad_enabled())
torch.set_grad_enabled(False)
print((x * 2).requires_grad, torch.is_grad_enabled())
torch.set_grad_enabled(True)
with torch.set_grad_enabled(False):
    print((x * 2).requires_grad)


@torch.no_grad()
def doubler(t):
    return t * 2


print(doubler(x).requires_grad)

with torch.inference_mode():
    y = x * x
print(y.requires_grad, y.is_inference(), x.is_inference(), torch.is_inference_mode_enabled())
print(y)
with torch.inference_mode():
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())
with torch.inference_mode(mode=False):
    w = x * 3
print(w.requires_grad, w.is_inference())


@torch.inference_mode()
def predict(model, inputs):
    return model(inputs)


model = nn.Linear(2, 1)
out = predict(model, torch.ones(1, 2))
print(out.requires_grad, out.is_inference(), out.shape)
try:
    (out * x).sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)
cloned = out.clone()
print(cloned.is_inference())
normal = torch.ones(1)
try:
    with torch.inference_mode():
        normal.add_(1)
    print(normal, normal.is_inference())
except RuntimeError as e:
    print("RuntimeError:", e)
