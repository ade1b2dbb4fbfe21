"""Layer 3, more operations the tutorials use: running sums, spread, products and ordering. Each
forward sits beside its chain rule, in the engine's Function form.

  cumsum            CumsumBackward0    the gradient of a running sum is a running sum from the end
  var, std          VarBackward0, StdBackward0
  prod              ProdBackward0 / 1
  log10             Log10Backward0
  sort, topk        SortBackward0, TopkBackward0: the gradient goes back to where each value came from
"""
import math
import warnings
from collections import namedtuple

import numpy as np

from ..autograd.function import NumpyFunction
from .reductions import GatherAlong, _return_type_repr, expand_back, normalize_dims
from .scalar_arithmetic import mul_scalar


def _dim(dim, ndim):
    return normalize_dims(dim, ndim)[0]


# ----- running sums --------------------------------------------------------------------------------
class Cumsum(NumpyFunction):
    node_name = "CumsumBackward0"

    @staticmethod
    def forward(ctx, x, dim):
        ctx.dim = _dim(dim, x.ndim)
        if x.dtype.kind in "bui" and x.dtype != np.int64:
            x = x.astype(np.int64)  # PyTorch sums integers and bools as int64
        return np.cumsum(x, axis=ctx.dim) if x.ndim else x.copy()

    @staticmethod
    def backward(ctx, grad):
        # out_j = sum_{i<=j} x_i, so dL/dx_i = sum_{j>=i} g_j: the total minus the running sum before i.
        return grad.sum(ctx.dim, keepdim=True) - Cumsum.apply(grad, ctx.dim) + grad


# ----- spread: variance and standard deviation ------------------------------------------------------
def _correction(unbiased, correction):
    if correction is not None:
        return correction
    return 1 if unbiased in (None, True) else 0


class Var(NumpyFunction):
    node_name = "VarBackward0"

    @staticmethod
    def forward(ctx, x, dim=None, correction=1, keepdim=False):
        if x.dtype.kind != "f":
            raise RuntimeError("std and var only support floating point and complex dtypes")
        ctx.dims, ctx.keepdim, ctx.shape = normalize_dims(dim, x.ndim), keepdim, x.shape
        count = x.size if ctx.dims is None or not x.ndim else math.prod(x.shape[d] for d in ctx.dims)
        ctx.denominator = count - correction if count > correction else float("nan")  # nan: as PyTorch
        ctx.save_for_backward(x)
        if count <= correction:
            warnings.warn("var(): degrees of freedom is <= 0. Correction should be strictly less than the reduction "
                          "factor (input numel divided by output numel).", UserWarning, stacklevel=4)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # NumPy's own warning for the same case
            return np.asarray(x.var(axis=ctx.dims if x.ndim else None, ddof=correction, keepdims=keepdim))

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return _var_backward(ctx, grad, x)


def _var_backward(ctx, grad, x):
    """d var / dx_i = 2 (x_i - mean) / (N - correction), in PyTorch's steps (what create_graph records):
    the reduced dims given back, times the number, times the centred input (broadcasting)."""
    if ctx.dims is not None and not ctx.keepdim and x.dim() > 1:
        for d in sorted(ctx.dims):
            grad = grad.unsqueeze(d)
    return mul_scalar(grad, 2 / ctx.denominator) * _centred(x, ctx.dims)


def _centred(x, dims):
    return x - (x.mean(dims, keepdim=True) if dims is not None else x.mean())


class Std(NumpyFunction):
    node_name = "StdBackward0"

    @staticmethod
    def forward(ctx, x, dim=None, correction=1, keepdim=False):
        result = np.sqrt(Var.forward(ctx, x, dim, correction, keepdim))
        ctx.save_for_backward(x, result)
        return result

    @staticmethod
    def backward(ctx, grad):  # std = sqrt(var): d std = d var / (2 std), taken as 0 where std = 0
        x, result = ctx.saved_tensors
        grad_var = (grad / mul_scalar(result, 2)).masked_fill(result == 0, 0)
        return _var_backward(ctx, grad_var, x)


def var(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    if isinstance(dim, bool):  # var(True): the old ``unbiased`` argument given by position
        dim, unbiased = None, dim
    return Var.apply(input, dim=dim, correction=_correction(unbiased, correction), keepdim=keepdim)


def std(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
    if isinstance(dim, bool):
        dim, unbiased = None, dim
    return Std.apply(input, dim=dim, correction=_correction(unbiased, correction), keepdim=keepdim)


# ----- products -------------------------------------------------------------------------------------
class Prod(NumpyFunction):
    node_name = "ProdBackward0"

    @staticmethod
    def forward(ctx, x, dim=None, keepdim=False):
        ctx.dims, ctx.keepdim, ctx.shape = normalize_dims(dim, x.ndim), keepdim, x.shape
        if x.dtype.kind in "bui" and x.dtype != np.int64:
            x = x.astype(np.int64)
        result = np.asarray(np.prod(x, axis=ctx.dims if x.ndim else None, keepdims=keepdim))
        ctx.zeros = int((x == 0).sum())
        if ctx.zeros:  # result / x would divide 0 by 0: multiply the others instead (numbers only)
            if ctx.dims is None or x.ndim == 0:
                others = _product_of_others(x.reshape(-1), 0).reshape(x.shape)
            else:
                others = _product_of_others(x, ctx.dims[0])
            ctx.save_for_backward(others)
        else:
            ctx.save_for_backward(x, result)
        return result

    @staticmethod
    def backward(ctx, grad):
        """d prod / dx_i = the product of the other elements: prod / x_i when no element is 0 (PyTorch's
        formula, so NaN and inf spread as in PyTorch), else the product of the others, computed directly."""
        if not ctx.shape:  # the product of one number is that number
            return grad
        if not ctx.zeros:  # PyTorch's steps: the reduced dim given back to grad and result, which broadcast
            x, result = ctx.saved_tensors
            if ctx.dims is not None and not ctx.keepdim:
                grad, result = grad.unsqueeze(ctx.dims[0]), result.unsqueeze(ctx.dims[0])
            return grad * (result / x)
        grad = expand_back(grad, ctx.shape, ctx.dims, ctx.keepdim)
        (others,) = ctx.saved_tensors
        if ctx.dims is None and ctx.zeros > 1:  # two zeros or more: every product of others is 0
            return grad * 0
        return grad * others


def _product_of_others(x, axis):
    """For each element, the product of the other elements along ``axis``: the products of everything
    before it and of everything after it, multiplied (no division, so exact where an element is 0)."""
    ones = np.ones_like(np.take(x, [0], axis=axis))
    before = np.cumprod(np.concatenate([ones, np.delete(x, -1, axis=axis)], axis=axis), axis=axis)
    after = np.flip(np.cumprod(np.flip(np.concatenate([np.delete(x, 0, axis=axis), ones], axis=axis), axis),
                               axis=axis), axis)
    return before * after


class ProdDim(Prod):
    node_name = "ProdBackward1"


def prod(input, dim=None, keepdim=False, *, dtype=None):
    if dtype is not None:
        input = input.to(dtype)
    if input.numel() == 0:
        from ..tensor import Tensor
        dims = normalize_dims(dim, input.ndim)
        return Tensor._make(np.asarray(np.prod(input._data, axis=dims, keepdims=keepdim)))
    return (Prod if dim is None else ProdDim).apply(input, dim=dim, keepdim=keepdim)


class Log10(NumpyFunction):
    node_name = "Log10Backward0"

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return np.log10(x if x.dtype.kind == "f" else x.astype(np.float32))

    @staticmethod
    def backward(ctx, grad):  # d log10(x) / dx = 1 / (x ln 10)
        (x,) = ctx.saved_tensors
        return grad / (x * math.log(10))


# ----- ordering -------------------------------------------------------------------------------------
return_types_sort = namedtuple("sort", ["values", "indices"])
return_types_topk = namedtuple("topk", ["values", "indices"])
return_types_sort.__repr__ = return_types_topk.__repr__ = _return_type_repr


class SortValues(GatherAlong):  # values taken at the indices sort found; backward scatters back
    node_name = "SortBackward0"


class TopkValues(GatherAlong):
    node_name = "TopkBackward0"


def _indices_tensor(indices):
    from ..tensor import Tensor
    return Tensor._make(indices.astype(np.int64))


def _order(x, dim, descending):
    """Indices that sort ``x`` along ``dim``, ties kept in input order, NaN counted as the largest value
    (last when ascending, first when descending), as PyTorch sorts."""
    if not descending:
        return np.argsort(x, axis=dim, kind="stable")  # NumPy already puts NaN last
    if x.dtype == np.bool_:
        return np.argsort(~x, axis=dim, kind="stable")
    if x.dtype.kind != "f":
        return np.argsort(-x.astype(np.int64) if x.dtype.kind == "u" else -x, axis=dim, kind="stable")
    nan_last = ~np.isnan(x)  # lexsort: the last key decides first, so NaNs (False) come first
    return np.lexsort((-np.nan_to_num(x, nan=0.0), nan_last), axis=dim)


def sort(input, dim=-1, descending=False, stable=False):
    x = input._data
    if x.ndim == 0:
        return return_types_sort(input.clone(), _indices_tensor(np.zeros((), np.int64)))
    dim = _dim(dim, x.ndim)
    indices = _order(x, dim, descending)
    return return_types_sort(SortValues.apply(input, indices=indices, dim=dim), _indices_tensor(indices))


def topk(input, k, dim=-1, largest=True, sorted=True):
    x = input._data
    dim = _dim(dim, max(x.ndim, 1))
    size = x.shape[dim] if x.ndim else 1
    if not 0 <= k <= size:
        raise RuntimeError("selected index k out of range")
    if x.dtype == np.bool_:
        raise RuntimeError("topk does not support bool dtypes on CPU")
    if x.ndim == 0:  # a 0-d tensor is its own top 1
        return return_types_topk(input.clone(), _indices_tensor(np.zeros((), np.int64)))
    indices = np.take(_order(x, dim, descending=largest), range(k), axis=dim)
    return return_types_topk(TopkValues.apply(input, indices=indices, dim=dim), _indices_tensor(indices))
