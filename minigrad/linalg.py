"""``torch.linalg`` in minigrad's subset: the vector norm (and ``matmul``, which it also exports)."""
from .ops.linalg import matmul
from .ops.reductions import vector_norm

__all__ = ["matmul", "vector_norm"]
