"""``nn.LazyLinear``: a Linear layer that learns its input size from its first input."""
from .linear import Linear
from .module import Module
from .parameter import UninitializedParameter


class LazyLinear(Linear):
    """``LazyLinear(out_features)``: ``in_features`` is read from the first input, then the weights are
    created and initialised as ``Linear``'s, and the layer becomes a plain ``Linear``."""

    def __init__(self, out_features, bias=True, device=None, dtype=None):
        Module.__init__(self)
        self.in_features, self.out_features = 0, out_features
        self.weight = UninitializedParameter()
        if bias:
            self.bias = UninitializedParameter()
        else:
            self.register_parameter("bias", None)

    def forward(self, input):
        if isinstance(self.weight, UninitializedParameter):
            self.in_features = input.shape[-1]
            self.weight.materialize((self.out_features, self.in_features))
            if self.bias is not None:
                self.bias.materialize((self.out_features,))
            self.reset_parameters()
            self.__class__ = Linear  # as PyTorch does: from now on it is an ordinary Linear
        return Linear.forward(self, input)
