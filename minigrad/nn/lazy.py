"""``nn.LazyLinear`` (``LazyBatchNorm1d/2d``): a layer that learns its input size from its first input."""
from .batchnorm import BatchNorm1d, BatchNorm2d
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


class _LazyBatchNorm(Module):
    """``LazyBatchNorm1d()``: ``num_features`` is read from dim 1 of the first input; then the layer is
    built as the ordinary batch norm (ones, zeros, fresh running statistics) and becomes one."""
    _target = None

    def __init__(self, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True, device=None, dtype=None):
        super().__init__()
        self._options = dict(eps=eps, momentum=momentum, affine=affine, track_running_stats=track_running_stats)
        self.num_features, self.eps, self.momentum = 0, eps, momentum
        self.affine, self.track_running_stats = affine, track_running_stats
        if affine:
            self.weight, self.bias = UninitializedParameter(), UninitializedParameter()

    def forward(self, input):
        target = type(self)._target
        training = self.training
        options = self._options
        del self._options
        self.__class__ = target  # as PyTorch does: from now on it is an ordinary batch norm
        target.__init__(self, input.shape[1], **options)  # its real parameters and buffers
        self.training = training
        return target.forward(self, input)

    def extra_repr(self):
        return (f"0, eps={self.eps}, momentum={self.momentum}, affine={self.affine}, bias={self.affine}, "
                f"track_running_stats={self.track_running_stats}")


class LazyBatchNorm1d(_LazyBatchNorm):
    _target = BatchNorm1d


class LazyBatchNorm2d(_LazyBatchNorm):
    _target = BatchNorm2d
