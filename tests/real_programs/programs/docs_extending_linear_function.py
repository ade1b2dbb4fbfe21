# Source: PyTorch documentation, "Extending PyTorch: Extending torch.autograd" (docs/source/notes/extending.rst),
#   the LinearFunction example and its gradcheck https://pytorch.org/docs/stable/notes/extending.html
# Licence: BSD 3-Clause (pytorch/pytorch, docs/source/notes). Written anew in the spirit of the source, not copied.
# Changed: the gradcheck inputs (torch.randn in the docs) are fixed double tensors of 6x5 and 4x5.
import torch
from torch.autograd import Function, gradcheck

from _fixed import fixed


class LinearFunction(Function):
    @staticmethod
    def forward(input, weight, bias):
        output = input.mm(weight.t())
        if bias is not None:
            output += bias.unsqueeze(0).expand_as(output)
        return output

    @staticmethod
    def setup_context(ctx, inputs, output):
        input, weight, bias = inputs
        ctx.save_for_backward(input, weight, bias)

    @staticmethod
    def backward(ctx, grad_output):
        input, weight, bias = ctx.saved_tensors
        grad_input = grad_weight = grad_bias = None
        if ctx.needs_input_grad[0]:
            grad_input = grad_output.mm(weight)
        if ctx.needs_input_grad[1]:
            grad_weight = grad_output.t().mm(input)
        if bias is not None and ctx.needs_input_grad[2]:
            grad_bias = grad_output.sum(0)
        return grad_input, grad_weight, grad_bias


linear = LinearFunction.apply
input = (fixed(6, 5, dtype=torch.double).requires_grad_(), fixed(4, 5, seed=1, dtype=torch.double).requires_grad_(),
         fixed(4, seed=2, dtype=torch.double).requires_grad_())
test = gradcheck(linear, input, eps=1e-6, atol=1e-4)
print(test)
out = linear(*input)
print(out.grad_fn)
out.sum().backward()
print(input[2].grad)
print(linear(input[0], input[1], None).shape)
