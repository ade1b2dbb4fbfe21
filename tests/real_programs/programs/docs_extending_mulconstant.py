# Source: PyTorch documentation, "Extending PyTorch: Extending torch.autograd" (docs/source/notes/extending.rst),
#   the MulConstant and non-differentiable-output examples https://pytorch.org/docs/stable/notes/extending.html
# Licence: BSD 3-Clause (pytorch/pytorch, docs/source/notes). Written anew in the spirit of the source, not copied.
# Changed: a fixed input tensor instead of torch.randn; prints added to show the results.
import torch
from torch.autograd import Function


class MulConstant(Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant = constant
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None


class Exp(Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        result, = ctx.saved_tensors
        return grad_output * result


x = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
y = MulConstant.apply(x, 3.0)
print(y)
y.sum().backward()
print(x.grad)

x = torch.tensor([0.0, 1.0], dtype=torch.float64, requires_grad=True)
y = Exp.apply(x)
print(y)
y.backward(torch.ones(2, dtype=torch.float64))
print(x.grad)
print(torch.autograd.gradcheck(Exp.apply, (x,)))
