# Source: PyTorch documentation, torch.einsum, torch.gather, Tensor.scatter_, torch.cat / stack / chunk /
#   split, torch.where, torch.clamp, torch.topk / sort / argsort, torch.cumsum, F.one_hot docstrings
#   https://pytorch.org/docs/stable/torch.html
# Licence: BSD 3-Clause (pytorch/pytorch). Written anew in the spirit of the source, not copied.
# Changed: torch.randn inputs replaced by arange and fixed values so results can be printed.
import torch
import torch.nn.functional as F

from _fixed import fixed

# einsum
a = torch.arange(6.0).reshape(2, 3)
b = torch.arange(12.0).reshape(3, 4)
print(torch.einsum("ij,jk->ik", a, b))
print(torch.einsum("ii", torch.arange(9.0).reshape(3, 3)))
print(torch.einsum("ii->i", torch.arange(9.0).reshape(3, 3)))
print(torch.einsum("i,j->ij", torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0, 5.0])))
print(torch.einsum("bij,bjk->bik", torch.ones(2, 2, 3), torch.ones(2, 3, 1)).shape)
print(torch.einsum("ij->ji", a))
print(torch.einsum("...j,j", a, torch.tensor([1.0, 0.0, -1.0])))
print(torch.einsum("ij,ij->", a, a))
x = fixed(2, 3).requires_grad_()
y = torch.einsum("ij,jk->ik", x, b)
y.sum().backward()
print(y.grad_fn is not None, x.grad)

# gather / scatter
t = torch.tensor([[1, 2], [3, 4]])
print(torch.gather(t, 1, torch.tensor([[0, 0], [1, 0]])))
print(t.gather(0, torch.tensor([[1, 0]])))
src = torch.arange(1, 11).reshape((2, 5))
index = torch.tensor([[0, 1, 2, 0]])
print(torch.zeros(3, 5, dtype=src.dtype).scatter_(0, index, src))
index = torch.tensor([[0, 1, 2], [0, 1, 4]])
print(torch.zeros(3, 5, dtype=src.dtype).scatter_(1, index, src))
print(torch.full((2, 4), 2.0).scatter_(1, torch.tensor([[2], [3]]), 1.23, reduce="multiply"))
print(torch.zeros(3).scatter_add(0, torch.tensor([0, 1, 0, 2, 0]), torch.ones(5)))
w = torch.tensor([[0.5, 1.5, 2.5], [3.0, 4.0, 5.0]], requires_grad=True)
picked = w.gather(1, torch.tensor([[2], [0]]))
picked.sum().backward()
print(picked, w.grad, sep="\n")

# cat / stack / chunk / split
x = torch.arange(6).reshape(2, 3)
print(torch.cat((x, x, x), 0).shape, torch.cat((x, x), dim=1))
print(torch.stack([x, x]).shape, torch.stack([x, x], dim=2).shape)
print(torch.arange(11).chunk(6))
print(torch.arange(12).chunk(6))
print(torch.arange(10).reshape(5, 2).split(2))
print(torch.arange(10).reshape(5, 2).split([1, 4]))
print(torch.split(torch.arange(6), 4))
print(torch.hstack((torch.tensor([1, 2]), torch.tensor([3]))), torch.vstack((x, x)).shape)

# where / clamp
x = torch.tensor([[-0.5, 0.3], [1.2, -2.0]])
print(torch.where(x > 0, x, 0.0))
print(torch.where(x > 0, 1.0, -1.0))
print(torch.where(x > 0))
print(torch.clamp(x, min=-0.5, max=0.5))
print(x.clamp(min=0), x.clamp(max=torch.tensor([0.0, 1.0])))

# topk / sort / argsort / cumsum
x = torch.tensor([3.0, 1.0, 4.0, 1.5, 5.0, 9.0, 2.0])
print(torch.topk(x, 3))
values, indices = x.topk(2, largest=False)
print(values, indices)
print(torch.sort(x))
print(torch.sort(x, descending=True).indices)
print(torch.argsort(x), x.argsort(descending=True))
m = torch.tensor([[3, 1, 2], [0, 5, 4]])
print(m.sort(dim=0), m.argsort(dim=1))
print(torch.cumsum(torch.arange(1, 6), dim=0), torch.arange(1.0, 5.0).cumsum(0))
print(torch.tensor([[1, 2], [3, 4]]).cumsum(1))
z = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
z.cumsum(0).sum().backward()
print(z.grad)

# one_hot
print(F.one_hot(torch.arange(0, 5) % 3))
print(F.one_hot(torch.tensor([[0, 1], [2, 0]]), num_classes=4).shape)
try:
    F.one_hot(torch.tensor([0, 3]), num_classes=3)
except RuntimeError as e:
    print("RuntimeError:", e)
