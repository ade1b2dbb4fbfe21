"""``nn.Linear``: y = x W^T + b, the fully connected layer."""
import math

import numpy as np

from . import functional as F
from . import init
from .module import Module
from .parameter import Parameter


class Linear(Module):
    """A fully connected layer: ``in_features`` numbers in, ``out_features`` numbers out.

    ``weight`` has shape (out_features, in_features), one row per output, so ``y = x @ weight.T + bias``.
    Initialised as PyTorch does: uniform in ±1/sqrt(in_features), for weight and bias alike.
    """

    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in_features, self.out_features = in_features, out_features
        self.weight = Parameter(np.empty((out_features, in_features), dtype=np.float32))
        self.bias = Parameter(np.empty(out_features, dtype=np.float32)) if bias else None
        if not bias:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))  # = uniform(±1/sqrt(fan_in))
        if self.bias is not None:
            fan_in = self.in_features
            bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        return F.linear(input, self.weight, self.bias)

    def extra_repr(self):
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}"


class Identity(Module):
    """Returns its input unchanged (handy to remove a layer: ``model.fc = nn.Identity()``)."""

    def __init__(self, *args, **kwargs):
        super().__init__()

    def forward(self, input):
        return input
