# Source: PyTorch documentation, "Extending PyTorch: Extending torch.nn" (docs/source/notes/extending.rst),
#   the Linear module built on LinearFunction https://pytorch.org/docs/stable/notes/extending.html
# Licence: BSD 3-Clause (pytorch/pytorch, docs/source/notes). Written anew in the spirit of the source, not copied.
# Changed: weight.data.uniform_ (random) replaced by fixed values after construction; a forward and
#   backward pass added to show the result.
import torch
import torch.nn as nn
from torch.autograd import Function

from _fixed import fixed


class LinearFunction(Function):
    @staticmethod
    def forward(ctx, input, weight, bias=None):
        ctx.save_for_backward(input, weight, bias)
        output = input.mm(weight.t())
        if bias is not None:
            output += bias.unsqueeze(0).expand_as(output)
        return output

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


class Linear(nn.Module):
    def __init__(self, input_features, output_features, bias=True):
        super().__init__()
        self.input_features = input_features
        self.output_features = output_features
        self.weight = nn.Parameter(torch.empty(output_features, input_features))
        if bias:
            self.bias = nn.Parameter(torch.empty(output_features))
        else:
            self.register_parameter("bias", None)
        self.weight.data.uniform_(-0.1, 0.1)
        if self.bias is not None:
            self.bias.data.uniform_(-0.1, 0.1)

    def forward(self, input):
        return LinearFunction.apply(input, self.weight, self.bias)

    def extra_repr(self):
        return "input_features={}, output_features={}, bias={}".format(
            self.input_features, self.output_features, self.bias is not None)


layer = Linear(3, 2)
print(layer)
print(bool((layer.weight.abs() <= 0.1).all()))
with torch.no_grad():
    layer.weight.copy_(fixed(2, 3))
    layer.bias.copy_(fixed(2, seed=1))
x = fixed(4, 3, scale=1.0, seed=2)
y = layer(x)
print(y)
y.pow(2).sum().backward()
print(layer.weight.grad)
print(layer.bias.grad)
print(Linear(3, 2, bias=False))
