"""Layer 3, running products and the smooth maximum: ``cumprod`` and ``logsumexp``.

  cumprod    CumprodBackward0    out_j = x_0 * x_1 * ... * x_j along dim
             dL/dx_k = sum over j >= k of g_j * out_j / x_k. With no zero in x that is a reversed running
             sum divided by x; with zeros (dividing is impossible) it is the same sum written without the
             division: dL/dx_k = (x_0 ... x_(k-1)) * sum_(j >= k) g_j * (x_(k+1) ... x_j).
  logsumexp  LogsumexpBackward0  log(sum(exp(x))) along dim, computed as m + log(sum(exp(x - m))) with
             m the maximum, so nothing overflows; its gradient is softmax(x) = exp(x - out).
"""
import numpy as np

from ..autograd.function import NumpyFunction
from ..tensor import Tensor
from .reductions import normalize_dims


def _reversed_cumsum(v, dim):
    return v.sum(dim, keepdim=True) - v.cumsum(dim) + v


class Cumprod(NumpyFunction):
    node_name = "CumprodBackward0"

    @staticmethod
    def forward(ctx, x, dim):
        ctx.dim = dim
        if x.dtype.kind in "bui":
            x = x.astype(np.int64)  # PyTorch multiplies integers and bools as int64
        out = np.cumprod(x, axis=dim) if x.ndim else x.copy()
        ctx.save_for_backward(x, out)
        return out

    @staticmethod
    def backward(ctx, grad):
        x, out = ctx.saved_tensors
        if x.ndim == 0:
            return grad, None
        if not (x._data == 0).any():
            return _reversed_cumsum(grad * out, ctx.dim) / x, None
        return _cumprod_grad_with_zeros(x, grad, ctx.dim), None


def _cumprod_grad_with_zeros(x, grad, dim):
    from .creation import ones
    from .elementwise import where
    xm, gm = x.transpose(dim, -1), grad.transpose(dim, -1)  # the running dim last: (..., n)
    n = xm.shape[-1]
    k, i = np.arange(n)[:, None], np.arange(n)[None, :]
    after_k = Tensor._make(i > k)  # row k keeps x_i for i > k, ones elsewhere
    from_k = Tensor._make((i >= k).astype(x._data.dtype))
    products_after = Cumprod.apply(where(after_k, xm.unsqueeze(-2), ones((), dtype=x.dtype)), xm.ndim)  # [k, j]
    before = Cumprod.apply(_cat_one_before(xm), xm.ndim - 1)  # x_0 ... x_(k-1), 1 for k = 0
    result = before * (products_after * from_k * gm.unsqueeze(-2)).sum(-1)
    return result.transpose(dim, -1)


def _cat_one_before(xm):
    from .._functions import cat
    from .creation import ones
    return cat([ones(tuple(xm.shape[:-1]) + (1,), dtype=xm.dtype), xm[..., :-1]], -1)


def cumprod(input, dim, *, dtype=None):
    if dtype is not None:
        input = input.to(dtype)
    return Cumprod.apply(input, normalize_dims(dim, input.ndim)[0])


class Logsumexp(NumpyFunction):
    node_name = "LogsumexpBackward0"

    @staticmethod
    def forward(ctx, x, dims, keepdim):
        ctx.dims, ctx.keepdim = dims, keepdim
        if x.dtype.kind != "f":
            x = x.astype(np.float32)
        m = np.max(x, axis=dims, keepdims=True) if x.size else np.zeros([1] * x.ndim, x.dtype)
        m = np.where(np.isinf(m), 0, m).astype(x.dtype)  # all -inf (or an inf): no shift
        out = np.log(np.sum(np.exp(x - m), axis=dims, keepdims=True)) + m
        ctx.save_for_backward(x)
        return out if keepdim else np.squeeze(out, axis=dims)

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        out = Logsumexp.apply(x, ctx.dims, True)  # again, as a node of x: the gradient is differentiable too
        if not ctx.keepdim:
            grad = grad.reshape(tuple(out.shape))
        return grad * (x - out).exp(), None, None


def logsumexp(input, dim, keepdim=False):
    dims = normalize_dims(dim, input.ndim) if input.ndim else None
    if dims is None:
        dims = tuple(range(input.ndim))
    return Logsumexp.apply(input, dims, keepdim)
