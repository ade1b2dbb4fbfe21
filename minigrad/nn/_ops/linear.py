"""``y = x @ W.T + b`` as one node, named as PyTorch names it (``AddmmBackward0``, or ``MmBackward0``
without a bias)."""

from ...autograd.function import Function

_TYPE_NAMES = {"float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long", "int32": "Int",
               "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool"}


def type_name(array):
    return _TYPE_NAMES.get(str(array.dtype), str(array.dtype))


def check_mm(x, w):
    """x is (n, in), w is (out, in): PyTorch reports the product as mat1 (n x in) @ mat2 (in' x out)."""
    if x.shape[1] != w.shape[1]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({x.shape[0]}x{x.shape[1]} and "
                           f"{w.shape[1]}x{w.shape[0]})")
    if x.dtype != w.dtype:
        raise RuntimeError(f"mat1 and mat2 must have the same dtype, but got {type_name(x)} and {type_name(w)}")


class Addmm(Function):
    """``x @ W.T + b`` for a 2-D x. For Y = X W^T + b: dX = dY W, dW = dY^T X, db = sum of dY's rows."""

    node_name = "AddmmBackward0"

    def forward(self, x, w, b):
        check_mm(x, w)
        out = x @ w.T
        out += b  # in place: no second temporary array
        return out

    def backward(self, grad):
        x, w, _ = self.saved_inputs
        need_x, need_w, need_b = self.needs_input_grad
        return (grad @ w if need_x else None,
                grad.t() @ x if need_w else None,
                grad.sum(0) if need_b else None)


class Mm(Function):
    """``x @ W.T`` (a Linear layer without bias)."""

    node_name = "MmBackward0"

    def forward(self, x, w):
        check_mm(x, w)
        return x @ w.T

    def backward(self, grad):
        x, w = self.saved_inputs
        need_x, need_w = self.needs_input_grad
        return grad @ w if need_x else None, grad.t() @ x if need_w else None
