"""The fused operations behind ``nn.functional``: each is one graph node with a NumPy forward.

Fusing matters for speed: ``x @ W.T + b`` as three nodes costs three Python round trips and two
temporary arrays; as one ``Addmm`` node it costs one. Each backward is written with tensor operations,
so it can itself be differentiated (``create_graph=True``). Where a backward needs something the forward
already computed (the softmax of cross-entropy, the patches of a convolution) it reuses that array,
and recomputes it with tensor operations only when a graph of the backward is being recorded.
"""
from ...autograd.grad_mode import is_grad_enabled


def recording_backward():
    """True inside a backward run with ``create_graph=True`` (the engine turns grad mode on then)."""
    return is_grad_enabled()
