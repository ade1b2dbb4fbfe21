"""Layer 3: elementwise math. Where the derivative is easiest in terms of the output
(exp, tanh, sigmoid, sqrt), backward uses the saved output instead of recomputing."""
import numpy as np

from ..autograd.function import Function
from ..tensor import Tensor
from ._util import as_tensor_like, check_broadcast, sum_to


class Exp(Function):
    node_name = "ExpBackward0"

    def forward(self, x):
        with np.errstate(over="ignore"):  # e^1000 = inf, silently as in PyTorch
            return np.exp(x)

    def backward(self, grad):  # d(e^x)/dx = e^x
        return grad * self.saved_output


class Log(Function):
    node_name = "LogBackward0"

    def forward(self, x):
        with np.errstate(divide="ignore", invalid="ignore"):  # log(0) = -inf, log(-1) = nan, as in PyTorch
            return np.log(x)

    def backward(self, grad):  # d(ln x)/dx = 1/x
        (x,) = self.saved_inputs
        return grad / x


class Sqrt(Function):
    node_name = "SqrtBackward0"

    def forward(self, x):
        with np.errstate(invalid="ignore"):
            return np.sqrt(x)

    def backward(self, grad):  # d(sqrt x)/dx = 1 / (2 sqrt x)
        return grad / (2 * self.saved_output)


class Tanh(Function):
    node_name = "TanhBackward0"

    def forward(self, x):
        return np.tanh(x)

    def backward(self, grad):  # d(tanh x)/dx = 1 - tanh^2 x
        y = self.saved_output
        return grad * (1 - y * y)


class Sigmoid(Function):
    node_name = "SigmoidBackward0"

    def forward(self, x):
        # 1 / (1 + e^-x) overflows for very negative x; this form never does.
        e = np.exp(-np.abs(x))
        return np.where(x >= 0, 1 / (1 + e), e / (1 + e)).astype(x.dtype, copy=False)

    def backward(self, grad):  # d(sigma)/dx = sigma (1 - sigma)
        y = self.saved_output
        return grad * y * (1 - y)


class Relu(Function):
    node_name = "ReluBackward0"

    def forward(self, x):
        return np.maximum(x, 0)

    def backward(self, grad):  # 1 where the input was positive, else 0
        return grad * (self.saved_output > 0)


class Clamp(Function):
    node_name = "ClampBackward1"

    def forward(self, x, min=None, max=None):
        if min is None and max is None:
            raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
        return np.clip(x, min, max)

    def backward(self, grad):  # 1 inside [min, max], 0 where clipped
        (x,) = self.saved_inputs
        y = self.saved_output
        return grad * (x == y)


class Abs(Function):
    node_name = "AbsBackward0"

    def forward(self, x):
        return np.abs(x)

    def backward(self, grad):  # d|x|/dx = sign(x)
        (x,) = self.saved_inputs
        return grad * sign(x)


class Sin(Function):
    node_name = "SinBackward0"

    def forward(self, x):
        return np.sin(x)

    def backward(self, grad):
        (x,) = self.saved_inputs
        return grad * x.cos()


class Cos(Function):
    node_name = "CosBackward0"

    def forward(self, x):
        return np.cos(x)

    def backward(self, grad):
        (x,) = self.saved_inputs
        return -grad * x.sin()


class Where(Function):
    node_name = "WhereBackward0"

    def forward(self, condition, a, b):
        check_broadcast(a.shape, b.shape)
        self.shapes = a.shape, b.shape
        return np.where(condition, a, b)

    def backward(self, grad):
        condition = self.saved_inputs[0]
        a_shape, b_shape = self.shapes
        zero = grad * 0
        return (None, sum_to(where(condition, grad, zero), a_shape),
                sum_to(where(condition, zero, grad), b_shape))


class Maximum(Function):
    node_name = "MaximumBackward0"

    def forward(self, a, b):
        check_broadcast(a.shape, b.shape)
        return np.maximum(a, b)

    def backward(self, grad):  # the larger input gets the gradient; ties share it
        a, b = self.saved_inputs
        a_wins = (a > b) + (a == b) * 0.5
        return sum_to(grad * a_wins, a.shape), sum_to(grad * (1 - a_wins), b.shape)


class Minimum(Maximum):
    node_name = "MinimumBackward0"

    def forward(self, a, b):
        check_broadcast(a.shape, b.shape)
        return np.minimum(a, b)

    def backward(self, grad):
        a, b = self.saved_inputs
        a_wins = (a < b) + (a == b) * 0.5
        return sum_to(grad * a_wins, a.shape), sum_to(grad * (1 - a_wins), b.shape)


def sign(x):
    return Tensor._make(np.sign(x._data))


def where(condition, a, b):
    """Elements of ``a`` where ``condition`` holds, else of ``b`` (numbers allowed for a or b)."""
    like = a if isinstance(a, Tensor) else b
    return Where.apply(as_tensor_like(condition, like), as_tensor_like(a, like), as_tensor_like(b, like))


def maximum(a, b):
    return Maximum.apply(a, as_tensor_like(b, a))


def minimum(a, b):
    return Minimum.apply(a, as_tensor_like(b, a))
