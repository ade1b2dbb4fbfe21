"""``nn.Dropout`` and ``nn.Dropout2d``: randomly silence activations (or whole channels) while training,
a guard against overfitting."""
from . import functional as F
from .module import Module


class Dropout(Module):
    """In training mode, zero each element with probability ``p`` and scale the survivors by
    ``1 / (1 - p)``; in eval mode, pass the input through unchanged."""

    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if p < 0 or p > 1:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p, self.inplace = p, inplace

    def forward(self, input):
        return F.dropout(input, self.p, self.training)

    def extra_repr(self):
        return f"p={self.p}, inplace={self.inplace}"


class Dropout2d(Dropout):
    """Dropout of whole channels of an (N, C, H, W) input: each feature map kept or zeroed together."""

    def forward(self, input):
        return F.dropout2d(input, self.p, self.training)
