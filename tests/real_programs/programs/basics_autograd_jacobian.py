# Source: PyTorch Tutorials, "Learn the Basics: Automatic Differentiation", optional reading
#   "Tensor Gradients and Jacobian Products" (beginner_source/basics/autogradqs_tutorial.py), and the
#   torch.autograd.functional docs https://pytorch.org/docs/stable/autograd.html#functional-higher-level-api
# Licence: BSD 3-Clause (pytorch/tutorials, pytorch/pytorch). Written anew in the spirit of the source, not copied.
# Changed: small fixed inputs so the Jacobians can be printed whole.
import torch
from torch.autograd.functional import hessian, jacobian, jvp, vjp

inp = torch.eye(4, 5, requires_grad=True)
out = (inp + 1).pow(2).t()
out.backward(torch.ones_like(out), retain_graph=True)
print(f"First call\n{inp.grad}")
out.backward(torch.ones_like(out), retain_graph=True)
print(f"\nSecond call\n{inp.grad}")
inp.grad.zero_()
out.backward(torch.ones_like(out), retain_graph=True)
print(f"\nCall after zeroing gradients\n{inp.grad}")


def exp_reducer(x):
    return x.exp().sum(dim=1)


x = torch.tensor([[0.0, 1.0], [-1.0, 0.5]])
print(jacobian(exp_reducer, x).round(decimals=4))
print(jacobian(exp_reducer, x).shape)


def exp_adder(x, y):
    return 2 * x.exp() + 3 * y


inputs = (torch.tensor([0.0, 1.0]), torch.tensor([2.0, -1.0]))
jx, jy = jacobian(exp_adder, inputs)
print(jx.round(decimals=4), jy, sep="\n")

v = torch.ones(2)
outputs, vjp_value = vjp(exp_reducer, x, v)
print(outputs.round(decimals=4), vjp_value.round(decimals=4))
outputs, jvp_value = jvp(exp_reducer, x, torch.ones(2, 2))
print(jvp_value.round(decimals=4))


def pow_reducer(x):
    return x.pow(3).sum()


print(hessian(pow_reducer, torch.tensor([1.0, -2.0, 0.5])))

# The same Jacobian, one row at a time, by vector-Jacobian products with rows of the identity.
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = torch.stack([x[0] * x[1], x[1] ** 2, x.sum()])
rows = [torch.autograd.grad(y, x, grad_outputs=e, retain_graph=True)[0] for e in torch.eye(3)]
print(torch.stack(rows))
print(torch.equal(torch.stack(rows), jacobian(lambda x: torch.stack([x[0] * x[1], x[1] ** 2, x.sum()]), x.detach())))
j = jacobian(lambda a: a * 2, torch.ones(2), create_graph=False)
print(j, j.requires_grad)
