"""Tensor printing: ``tensor_repr`` must give exactly the text PyTorch 2.13 prints.

Part 1 compares with literal strings that PyTorch printed for the same data
(so it runs without PyTorch). Part 2 prints thousands of random arrays with
both libraries and compares; it is skipped when PyTorch is not installed.
"""
import math

import numpy as np
import pytest

from minigrad._printing import get_printoptions, printoptions, set_printoptions, tensor_repr, tensor_str_body

DEFAULT_OPTIONS = {"precision": 4, "threshold": 1000, "edgeitems": 3, "linewidth": 80, "sci_mode": None}


@pytest.fixture(autouse=True)
def default_printoptions():
    """Every test starts and ends with PyTorch's default print options."""
    set_printoptions(profile="default")
    yield
    set_printoptions(profile="default")


def autograd_kwargs(autograd):
    """None, "requires_grad" (a leaf that requires grad) or a grad_fn name such as "MulBackward0"."""
    if autograd is None:
        return {}
    if autograd == "requires_grad":
        return {"requires_grad": True}
    return {"requires_grad": True, "grad_fn_name": autograd}


# ---------------------------------------------------------------------------
# Part 1: what PyTorch 2.13 printed, copied verbatim
# ---------------------------------------------------------------------------

# (id, array, autograd, print options, what PyTorch printed)
CASES = [
    # integral floats, 0-d, fixed point
    ('ones_2x2', np.ones((2, 2), np.float32), None, {},
     ('tensor([[1., 1.],\n'
      '        [1., 1.]])')),
    ('ones_2x2_requires_grad', np.ones((2, 2), np.float32), 'requires_grad', {},
     ('tensor([[1., 1.],\n'
      '        [1., 1.]], requires_grad=True)')),
    ('scalar_integral', np.array(36.0, np.float32), None, {},
     'tensor(36.)'),
    ('scalar_mean', np.array(36.0, np.float32), 'MeanBackward0', {},
     'tensor(36., grad_fn=<MeanBackward0>)'),
    ('scalar_fixed', np.array(4.5, np.float32), None, {},
     'tensor(4.5000)'),
    ('scalar_thirds', np.array(4 / 3, np.float32), None, {},
     'tensor(1.3333)'),
    ('scalar_sum_grad_fn', np.array(6.4949, np.float32), 'SumBackward0', {},
     'tensor(6.4949, grad_fn=<SumBackward0>)'),
    ('scalar_zero', np.array(0.0, np.float32), None, {},
     'tensor(0.)'),
    ('scalar_int', np.array(7), None, {},
     'tensor(7)'),
    # column alignment and padding
    ('pad_negative_integral', np.array([-12.0, -8.0], np.float32), None, {},
     'tensor([-12.,  -8.])'),
    ('pad_fixed', np.array([0.2, 2.0, 20.0], np.float32), None, {},
     'tensor([ 0.2000,  2.0000, 20.0000])'),
    ('pad_mixed_signs', np.array([-1.5, 22.25, 3.0, -100.125], np.float32), None, {},
     'tensor([  -1.5000,   22.2500,    3.0000, -100.1250])'),
    ('no_sci_ratio_exactly_1000', np.array([1.0, 1000.0, 1.5], np.float32), None, {},
     'tensor([   1.0000, 1000.0000,    1.5000])'),
    ('rounding_fixed_float32', np.array([0.1, 1.23455, 2.00005, 0.30000001], np.float32), None, {},
     'tensor([0.1000, 1.2345, 2.0001, 0.3000])'),
    ('rounding_sci_float32', np.array([0.1, 0.00015, 1.23455, 2.5e-4], np.float32), None, {},
     'tensor([1.0000e-01, 1.5000e-04, 1.2345e+00, 2.5000e-04])'),
    # scientific mode switch
    ('sci_ratio_small', np.array([2.0, 20.0, 0.002], np.float32), None, {},
     'tensor([2.0000e+00, 2.0000e+01, 2.0000e-03])'),
    ('sci_ratio', np.array([204.8, 2048.0, 0.2048], np.float32), None, {},
     'tensor([2.0480e+02, 2.0480e+03, 2.0480e-01])'),
    ('sci_ratio_just_over_1000', np.array([1.0, 1000.0, 0.5], np.float32), None, {},
     'tensor([1.0000e+00, 1.0000e+03, 5.0000e-01])'),
    ('sci_very_large', np.array([1.5e10, 2.0, 3.0e12], np.float32), None, {},
     'tensor([1.5000e+10, 2.0000e+00, 3.0000e+12])'),
    ('sci_large_integral', np.array([1.0e9, 2.0e9], np.float32), None, {},
     'tensor([1.0000e+09, 2.0000e+09])'),
    ('int_mode_at_1e8', np.array([1.0e8, 3.0e7], np.float32), None, {},
     'tensor([100000000.,  30000000.])'),
    ('sci_very_small', np.array([1.0e-5, 2.5e-5, -3.0e-6], np.float32), None, {},
     'tensor([ 1.0000e-05,  2.5000e-05, -3.0000e-06])'),
    ('sci_tiny_and_one', np.array([1.0e-8, 1.0], np.float32), None, {},
     'tensor([1.0000e-08, 1.0000e+00])'),
    ('sci_mixed_signs', np.array([-1.0e-5, 3.0e3, -2.5, 0.0], np.float32), None, {},
     'tensor([-1.0000e-05,  3.0000e+03, -2.5000e+00,  0.0000e+00])'),
    ('sci_large_negative', np.array([-4.0e20, 5.5], np.float32), None, {},
     'tensor([-4.0000e+20,  5.5000e+00])'),
    ('sci_exponent_3_digits', np.array([1.0e200, -2.0e-200, 3.0]), None, {},
     'tensor([ 1.0000e+200, -2.0000e-200,   3.0000e+00], dtype=torch.float64)'),
    ('big_mul_grad_fn', np.array([1030.6512, -1299.9962, 805.2855], np.float32), 'MulBackward0', {},
     'tensor([ 1030.6512, -1299.9962,   805.2855], grad_fn=<MulBackward0>)'),
    # nan, inf, negative zero
    ('nan_only', np.array([np.nan, np.nan], np.float32), None, {},
     'tensor([nan, nan])'),
    ('inf_only', np.array([np.inf, -np.inf], np.float32), None, {},
     'tensor([inf, -inf])'),
    ('nan_integral', np.array([np.nan, 1.0, -np.inf], np.float32), None, {},
     'tensor([nan, 1., -inf])'),
    ('nan_fixed', np.array([np.nan, 1.5, np.inf, -2.25], np.float32), None, {},
     'tensor([    nan,  1.5000,     inf, -2.2500])'),
    ('inf_padded', np.array([-np.inf, 1.5], np.float32), None, {},
     'tensor([  -inf, 1.5000])'),
    ('nan_sci', np.array([1.0e-5, np.nan, -np.inf, 2.0], np.float32), None, {},
     'tensor([1.0000e-05,        nan,       -inf, 2.0000e+00])'),
    ('zero_and_nan', np.array([0.0, np.nan], np.float32), None, {},
     'tensor([0., nan])'),
    ('scalar_nan', np.array(np.nan, np.float32), None, {},
     'tensor(nan)'),
    ('scalar_neg_inf', np.array(-np.inf, np.float32), None, {},
     'tensor(-inf)'),
    ('neg_zero_integral', np.array([-0.0, 1.0], np.float32), None, {},
     'tensor([-0., 1.])'),
    ('neg_zero_only', np.array([-0.0, 0.0], np.float32), None, {},
     'tensor([-0., 0.])'),
    ('neg_zero_fixed', np.array([-0.0, 1.5], np.float32), None, {},
     'tensor([-0.0000, 1.5000])'),
    ('scalar_neg_zero', np.array(-0.0, np.float32), None, {},
     'tensor(-0.)'),
    # integers and bools
    ('int_1d', np.array([1, 2, 3]), None, {},
     'tensor([1, 2, 3])'),
    ('int_padding', np.array([-100, 5, 42]), None, {},
     'tensor([-100,    5,   42])'),
    ('int_2d', np.array([[1, -20], [300, 4]]), None, {},
     ('tensor([[  1, -20],\n'
      '        [300,   4]])')),
    ('bool_1d', np.array([True, False]), None, {},
     'tensor([ True, False])'),
    ('bool_all_true', np.array([True, True]), None, {},
     'tensor([True, True])'),
    ('bool_scalar', np.array(True), None, {},
     'tensor(True)'),
    ('bool_2d', np.array([[True, False], [False, True]]), None, {},
     ('tensor([[ True, False],\n'
      '        [False,  True]])')),
    # nesting
    ('float_3d', np.arange(24, dtype=np.float32).reshape(2, 3, 4), None, {},
     ('tensor([[[ 0.,  1.,  2.,  3.],\n'
      '         [ 4.,  5.,  6.,  7.],\n'
      '         [ 8.,  9., 10., 11.]],\n'
      '\n'
      '        [[12., 13., 14., 15.],\n'
      '         [16., 17., 18., 19.],\n'
      '         [20., 21., 22., 23.]]])')),
    ('float_3d_fixed', (np.arange(12, dtype=np.float32) / 4).reshape(3, 2, 2), None, {},
     ('tensor([[[0.0000, 0.2500],\n'
      '         [0.5000, 0.7500]],\n'
      '\n'
      '        [[1.0000, 1.2500],\n'
      '         [1.5000, 1.7500]],\n'
      '\n'
      '        [[2.0000, 2.2500],\n'
      '         [2.5000, 2.7500]]])')),
    ('float_4d', (np.arange(36, dtype=np.float32) - 10).reshape(2, 2, 3, 3), None, {},
     ('tensor([[[[-10.,  -9.,  -8.],\n'
      '          [ -7.,  -6.,  -5.],\n'
      '          [ -4.,  -3.,  -2.]],\n'
      '\n'
      '         [[ -1.,   0.,   1.],\n'
      '          [  2.,   3.,   4.],\n'
      '          [  5.,   6.,   7.]]],\n'
      '\n'
      '\n'
      '        [[[  8.,   9.,  10.],\n'
      '          [ 11.,  12.,  13.],\n'
      '          [ 14.,  15.,  16.]],\n'
      '\n'
      '         [[ 17.,  18.,  19.],\n'
      '          [ 20.,  21.,  22.],\n'
      '          [ 23.,  24.,  25.]]]])')),
    ('int_4d', np.arange(16).reshape(2, 2, 2, 2), None, {},
     ('tensor([[[[ 0,  1],\n'
      '          [ 2,  3]],\n'
      '\n'
      '         [[ 4,  5],\n'
      '          [ 6,  7]]],\n'
      '\n'
      '\n'
      '        [[[ 8,  9],\n'
      '          [10, 11]],\n'
      '\n'
      '         [[12, 13],\n'
      '          [14, 15]]]])')),
    ('float_2d_one_row', np.array([[1.5, 2.0, -3.0]], np.float32), None, {},
     'tensor([[ 1.5000,  2.0000, -3.0000]])'),
    ('float_3d_requires_grad', np.ones((2, 1, 2), np.float32), 'requires_grad', {},
     ('tensor([[[1., 1.]],\n'
      '\n'
      '        [[1., 1.]]], requires_grad=True)')),
    # dtype suffixes
    ('float64', np.array([1.0, 2.0]), None, {},
     'tensor([1., 2.], dtype=torch.float64)'),
    ('float64_scalar', np.array(0.5), None, {},
     'tensor(0.5000, dtype=torch.float64)'),
    ('float64_requires_grad', np.array([1.0, 2.5]), 'requires_grad', {},
     'tensor([1.0000, 2.5000], dtype=torch.float64, requires_grad=True)'),
    ('float64_grad_fn', np.array([1.0, 2.5]), 'MulBackward0', {},
     'tensor([1.0000, 2.5000], dtype=torch.float64, grad_fn=<MulBackward0>)'),
    ('float16', np.array([0.1, 1000.0, -2.0], np.float16), None, {},
     'tensor([ 9.9976e-02,  1.0000e+03, -2.0000e+00], dtype=torch.float16)'),
    ('int32', np.array([1, 2, 3], np.int32), None, {},
     'tensor([1, 2, 3], dtype=torch.int32)'),
    ('int16', np.array([-7, 300], np.int16), None, {},
     'tensor([ -7, 300], dtype=torch.int16)'),
    ('int8', np.array([[-128, 127]], np.int8), None, {},
     'tensor([[-128,  127]], dtype=torch.int8)'),
    ('uint8', np.array([0, 255], np.uint8), None, {},
     'tensor([  0, 255], dtype=torch.uint8)'),
    # empty tensors
    ('empty', np.zeros(0, np.float32), None, {},
     'tensor([])'),
    ('empty_2d', np.zeros((0, 3), np.float32), None, {},
     'tensor([], size=(0, 3))'),
    ('empty_3d', np.zeros((2, 0, 4), np.float32), None, {},
     'tensor([], size=(2, 0, 4))'),
    ('empty_int64', np.zeros(0, np.int64), None, {},
     'tensor([], dtype=torch.int64)'),
    ('empty_bool', np.zeros(0, np.bool_), None, {},
     'tensor([], dtype=torch.bool)'),
    ('empty_int32_2d', np.zeros((0, 3), np.int32), None, {},
     'tensor([], size=(0, 3), dtype=torch.int32)'),
    ('empty_float64', np.zeros(0), None, {},
     'tensor([], dtype=torch.float64)'),
    ('empty_requires_grad', np.zeros((0, 3), np.float32), 'requires_grad', {},
     'tensor([], size=(0, 3), requires_grad=True)'),
    ('empty_float64_requires_grad', np.zeros(0), 'requires_grad', {},
     'tensor([], dtype=torch.float64, requires_grad=True)'),
    # summarization
    ('summarize_1d', np.arange(2000, dtype=np.float32) / 3, None, {},
     ('tensor([0.0000e+00, 3.3333e-01, 6.6667e-01,  ..., 6.6567e+02, 6.6600e+02,\n'
      '        6.6633e+02])')),
    ('summarize_1d_int', np.arange(1001), None, {},
     'tensor([   0,    1,    2,  ...,  998,  999, 1000])'),
    ('not_summarized_at_threshold', np.arange(20), None, {'threshold': 20},
     ('tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16, 17,\n'
      '        18, 19])')),
    ('summarized_over_threshold', np.arange(21), None, {'threshold': 20},
     'tensor([ 0,  1,  2,  ..., 18, 19, 20])'),
    ('summarize_2d', (np.arange(2000, dtype=np.float32) * 0.25).reshape(40, 50), None, {},
     ('tensor([[0.0000e+00, 2.5000e-01, 5.0000e-01,  ..., 1.1750e+01, 1.2000e+01,\n'
      '         1.2250e+01],\n'
      '        [1.2500e+01, 1.2750e+01, 1.3000e+01,  ..., 2.4250e+01, 2.4500e+01,\n'
      '         2.4750e+01],\n'
      '        [2.5000e+01, 2.5250e+01, 2.5500e+01,  ..., 3.6750e+01, 3.7000e+01,\n'
      '         3.7250e+01],\n'
      '        ...,\n'
      '        [4.6250e+02, 4.6275e+02, 4.6300e+02,  ..., 4.7425e+02, 4.7450e+02,\n'
      '         4.7475e+02],\n'
      '        [4.7500e+02, 4.7525e+02, 4.7550e+02,  ..., 4.8675e+02, 4.8700e+02,\n'
      '         4.8725e+02],\n'
      '        [4.8750e+02, 4.8775e+02, 4.8800e+02,  ..., 4.9925e+02, 4.9950e+02,\n'
      '         4.9975e+02]])')),
    ('summarize_2d_few_columns', np.arange(2000, dtype=np.float32).reshape(1000, 2), None, {},
     ('tensor([[0.0000e+00, 1.0000e+00],\n'
      '        [2.0000e+00, 3.0000e+00],\n'
      '        [4.0000e+00, 5.0000e+00],\n'
      '        ...,\n'
      '        [1.9940e+03, 1.9950e+03],\n'
      '        [1.9960e+03, 1.9970e+03],\n'
      '        [1.9980e+03, 1.9990e+03]])')),
    ('summarize_3d', np.arange(210).reshape(5, 6, 7), None, {'threshold': 50, 'edgeitems': 2},
     ('tensor([[[  0,   1,  ...,   5,   6],\n'
      '         [  7,   8,  ...,  12,  13],\n'
      '         ...,\n'
      '         [ 28,  29,  ...,  33,  34],\n'
      '         [ 35,  36,  ...,  40,  41]],\n'
      '\n'
      '        [[ 42,  43,  ...,  47,  48],\n'
      '         [ 49,  50,  ...,  54,  55],\n'
      '         ...,\n'
      '         [ 70,  71,  ...,  75,  76],\n'
      '         [ 77,  78,  ...,  82,  83]],\n'
      '\n'
      '        ...,\n'
      '\n'
      '        [[126, 127,  ..., 131, 132],\n'
      '         [133, 134,  ..., 138, 139],\n'
      '         ...,\n'
      '         [154, 155,  ..., 159, 160],\n'
      '         [161, 162,  ..., 166, 167]],\n'
      '\n'
      '        [[168, 169,  ..., 173, 174],\n'
      '         [175, 176,  ..., 180, 181],\n'
      '         ...,\n'
      '         [196, 197,  ..., 201, 202],\n'
      '         [203, 204,  ..., 208, 209]]])')),
    ('summarize_width_from_shown_values', np.concatenate([np.ones(3), np.full(1000, 1.0e6), np.ones(3)]).astype(np.float32), None, {},
     'tensor([1., 1., 1.,  ..., 1., 1., 1.])'),
    # line wrapping
    ('wrap_30_floats', (np.arange(30, dtype=np.float32) * 37 % 101 - 50) / 7, None, {},
     ('tensor([-7.1429, -1.8571,  3.4286, -5.7143, -0.4286,  4.8571, -4.2857,  1.0000,\n'
      '         6.2857, -2.8571,  2.4286, -6.7143, -1.4286,  3.8571, -5.2857,  0.0000,\n'
      '         5.2857, -3.8571,  1.4286,  6.7143, -2.4286,  2.8571, -6.2857, -1.0000,\n'
      '         4.2857, -4.8571,  0.4286,  5.7143, -3.4286,  1.8571])')),
    ('wrap_200_floats', (np.arange(200, dtype=np.float32) * 37 % 101 - 50) / 7, None, {},
     ('tensor([-7.1429, -1.8571,  3.4286, -5.7143, -0.4286,  4.8571, -4.2857,  1.0000,\n'
      '         6.2857, -2.8571,  2.4286, -6.7143, -1.4286,  3.8571, -5.2857,  0.0000,\n'
      '         5.2857, -3.8571,  1.4286,  6.7143, -2.4286,  2.8571, -6.2857, -1.0000,\n'
      '         4.2857, -4.8571,  0.4286,  5.7143, -3.4286,  1.8571,  7.1429, -2.0000,\n'
      '         3.2857, -5.8571, -0.5714,  4.7143, -4.4286,  0.8571,  6.1429, -3.0000,\n'
      '         2.2857, -6.8571, -1.5714,  3.7143, -5.4286, -0.1429,  5.1429, -4.0000,\n'
      '         1.2857,  6.5714, -2.5714,  2.7143, -6.4286, -1.1429,  4.1429, -5.0000,\n'
      '         0.2857,  5.5714, -3.5714,  1.7143,  7.0000, -2.1429,  3.1429, -6.0000,\n'
      '        -0.7143,  4.5714, -4.5714,  0.7143,  6.0000, -3.1429,  2.1429, -7.0000,\n'
      '        -1.7143,  3.5714, -5.5714, -0.2857,  5.0000, -4.1429,  1.1429,  6.4286,\n'
      '        -2.7143,  2.5714, -6.5714, -1.2857,  4.0000, -5.1429,  0.1429,  5.4286,\n'
      '        -3.7143,  1.5714,  6.8571, -2.2857,  3.0000, -6.1429, -0.8571,  4.4286,\n'
      '        -4.7143,  0.5714,  5.8571, -3.2857,  2.0000, -7.1429, -1.8571,  3.4286,\n'
      '        -5.7143, -0.4286,  4.8571, -4.2857,  1.0000,  6.2857, -2.8571,  2.4286,\n'
      '        -6.7143, -1.4286,  3.8571, -5.2857,  0.0000,  5.2857, -3.8571,  1.4286,\n'
      '         6.7143, -2.4286,  2.8571, -6.2857, -1.0000,  4.2857, -4.8571,  0.4286,\n'
      '         5.7143, -3.4286,  1.8571,  7.1429, -2.0000,  3.2857, -5.8571, -0.5714,\n'
      '         4.7143, -4.4286,  0.8571,  6.1429, -3.0000,  2.2857, -6.8571, -1.5714,\n'
      '         3.7143, -5.4286, -0.1429,  5.1429, -4.0000,  1.2857,  6.5714, -2.5714,\n'
      '         2.7143, -6.4286, -1.1429,  4.1429, -5.0000,  0.2857,  5.5714, -3.5714,\n'
      '         1.7143,  7.0000, -2.1429,  3.1429, -6.0000, -0.7143,  4.5714, -4.5714,\n'
      '         0.7143,  6.0000, -3.1429,  2.1429, -7.0000, -1.7143,  3.5714, -5.5714,\n'
      '        -0.2857,  5.0000, -4.1429,  1.1429,  6.4286, -2.7143,  2.5714, -6.5714,\n'
      '        -1.2857,  4.0000, -5.1429,  0.1429,  5.4286, -3.7143,  1.5714,  6.8571,\n'
      '        -2.2857,  3.0000, -6.1429, -0.8571,  4.4286, -4.7143,  0.5714,  5.8571])')),
    ('wrap_50_ints', np.arange(50) * 3 - 70, None, {},
     ('tensor([-70, -67, -64, -61, -58, -55, -52, -49, -46, -43, -40, -37, -34, -31,\n'
      '        -28, -25, -22, -19, -16, -13, -10,  -7,  -4,  -1,   2,   5,   8,  11,\n'
      '         14,  17,  20,  23,  26,  29,  32,  35,  38,  41,  44,  47,  50,  53,\n'
      '         56,  59,  62,  65,  68,  71,  74,  77])')),
    ('wrap_2d_rows', (np.arange(60, dtype=np.float32) / 8).reshape(2, 30), None, {},
     ('tensor([[0.0000, 0.1250, 0.2500, 0.3750, 0.5000, 0.6250, 0.7500, 0.8750, 1.0000,\n'
      '         1.1250, 1.2500, 1.3750, 1.5000, 1.6250, 1.7500, 1.8750, 2.0000, 2.1250,\n'
      '         2.2500, 2.3750, 2.5000, 2.6250, 2.7500, 2.8750, 3.0000, 3.1250, 3.2500,\n'
      '         3.3750, 3.5000, 3.6250],\n'
      '        [3.7500, 3.8750, 4.0000, 4.1250, 4.2500, 4.3750, 4.5000, 4.6250, 4.7500,\n'
      '         4.8750, 5.0000, 5.1250, 5.2500, 5.3750, 5.5000, 5.6250, 5.7500, 5.8750,\n'
      '         6.0000, 6.1250, 6.2500, 6.3750, 6.5000, 6.6250, 6.7500, 6.8750, 7.0000,\n'
      '         7.1250, 7.2500, 7.3750]])')),
    ('wrap_suffix_new_line', np.array([1030.6512, -1299.9962, 805.2855, 11.5, 2.0, -3.0], np.float32), 'MulBackward0', {},
     ('tensor([ 1030.6512, -1299.9962,   805.2855,    11.5000,     2.0000,    -3.0000],\n'
      '       grad_fn=<MulBackward0>)')),
    ('wrap_two_suffixes', (np.arange(9) + 0.5) * 1001, 'requires_grad', {},
     ('tensor([ 500.5000, 1501.5000, 2502.5000, 3503.5000, 4504.5000, 5505.5000,\n'
      '        6506.5000, 7507.5000, 8508.5000], dtype=torch.float64,\n'
      '       requires_grad=True)')),
    # print options
    ('precision_2', np.array([1.12345, 2.5, -0.005], np.float32), None, {'precision': 2},
     'tensor([ 1.12,  2.50, -0.00])'),
    ('precision_2_sci', np.array([1.12345, 2.5e6, -0.005], np.float32), None, {'precision': 2},
     'tensor([ 1.12e+00,  2.50e+06, -5.00e-03])'),
    ('precision_8_float64', np.array([1 / 3, 2 / 3]), None, {'precision': 8},
     'tensor([0.33333333, 0.66666667], dtype=torch.float64)'),
    ('sci_mode_true', np.array([1.0, 2.5, -300.0], np.float32), None, {'sci_mode': True},
     'tensor([ 1.0000e+00,  2.5000e+00, -3.0000e+02])'),
    ('sci_mode_true_integral', np.array([1.0, 2.0], np.float32), None, {'sci_mode': True},
     'tensor([1.0000e+00, 2.0000e+00])'),
    ('sci_mode_true_zeros', np.array([0.0, 0.0], np.float32), None, {'sci_mode': True},
     'tensor([0., 0.])'),
    ('sci_mode_false', np.array([2.0, 20.0, 0.002], np.float32), None, {'sci_mode': False},
     'tensor([ 2.0000, 20.0000,  0.0020])'),
    ('sci_mode_false_tiny', np.array([1.0e-7, 3.0e5], np.float32), None, {'sci_mode': False},
     'tensor([     0.0000, 300000.0000])'),
    ('threshold_edgeitems', np.arange(10), None, {'threshold': 5, 'edgeitems': 1},
     'tensor([0,  ..., 9])'),
    ('edgeitems_0', np.arange(20, dtype=np.float32).reshape(4, 5), None, {'threshold': 5, 'edgeitems': 0},
     'tensor([...], size=(4, 5))'),
    ('edgeitems_0_not_summarized', np.array([1.5, 2.0], np.float32), None, {'edgeitems': 0},
     'tensor([1.5000, 2.0000], size=(2,))'),
    ('linewidth_40', np.arange(20, dtype=np.float32) / 2, None, {'linewidth': 40},
     ('tensor([0.0000, 0.5000, 1.0000, 1.5000,\n'
      '        2.0000, 2.5000, 3.0000, 3.5000,\n'
      '        4.0000, 4.5000, 5.0000, 5.5000,\n'
      '        6.0000, 6.5000, 7.0000, 7.5000,\n'
      '        8.0000, 8.5000, 9.0000, 9.5000])')),
    ('profile_short', np.arange(2000, dtype=np.float32) / 3, None, {'profile': 'short'},
     'tensor([0.00e+00, 3.33e-01,  ..., 6.66e+02, 6.66e+02])'),
    ('profile_full_then_threshold', np.arange(21), None, {'profile': 'full', 'threshold': 20},
     'tensor([ 0,  1,  2,  ..., 18, 19, 20])'),
    ('profile_short_then_precision', np.array([1.0, 0.5], np.float32), None, {'profile': 'short', 'precision': 3},
     'tensor([1.000, 0.500])'),
]


@pytest.mark.parametrize("array, autograd, options, expected", [pytest.param(*case[1:], id=case[0]) for case in CASES])
def test_prints_like_pytorch(array, autograd, options, expected):
    set_printoptions(**options)
    assert tensor_repr(array, **autograd_kwargs(autograd)) == expected


def test_print_does_not_change_the_array():
    array = np.array([[1.5, np.nan], [-0.0, 3.0]], np.float32)
    before = array.copy()
    tensor_repr(array)
    np.testing.assert_array_equal(array, before)


def test_body_without_prefix_and_suffixes():
    assert tensor_str_body(np.ones((2, 2), np.float32)) == "[[1., 1.],\n        [1., 1.]]"
    assert tensor_str_body(np.array([1.0, 2.0])) == "[1., 2.]"  # no dtype suffix in the body
    assert tensor_str_body(np.array([1.0, 2.0], np.float32), indent=0) == "[1., 2.]"
    assert tensor_str_body(np.zeros((0, 3))) == "[]"


def test_non_contiguous_arrays_print_their_logical_order():
    array = np.arange(6, dtype=np.float32).reshape(2, 3).T
    assert tensor_repr(array) == "tensor([[0., 3.],\n        [1., 4.],\n        [2., 5.]])"


def test_unsupported_dtypes_are_rejected():
    with pytest.raises(TypeError):
        tensor_repr(np.array([1 + 2j]))
    with pytest.raises(TypeError):
        tensor_repr(np.array(["a"]))


# ---------------------------------------------------------------------------
# Print options
# ---------------------------------------------------------------------------

def test_default_printoptions():
    assert get_printoptions() == DEFAULT_OPTIONS


def test_set_printoptions_changes_the_output_and_profile_default_restores_it():
    array = np.array([1.12345], np.float32)
    assert tensor_repr(array) == "tensor([1.1235])"
    set_printoptions(precision=2)
    assert tensor_repr(array) == "tensor([1.12])"
    set_printoptions(sci_mode=True)  # precision stays 2
    assert tensor_repr(array) == "tensor([1.12e+00])"
    set_printoptions(profile="default")
    assert get_printoptions() == DEFAULT_OPTIONS
    assert tensor_repr(array) == "tensor([1.1235])"


def test_every_call_resets_sci_mode_unless_given():
    set_printoptions(sci_mode=True)
    assert get_printoptions()["sci_mode"] is True
    set_printoptions(precision=3)
    assert get_printoptions()["sci_mode"] is None


def test_profiles():
    set_printoptions(profile="short")
    assert get_printoptions() == {**DEFAULT_OPTIONS, "precision": 2, "edgeitems": 2}
    set_printoptions(profile="full")
    assert get_printoptions() == {**DEFAULT_OPTIONS, "threshold": math.inf}
    text = tensor_repr(np.arange(1001))
    assert "..." not in text and text.endswith(" 999, 1000])")
    set_printoptions(profile="no such profile")  # ignored, as in PyTorch
    assert get_printoptions()["threshold"] == math.inf


def test_get_printoptions_round_trips_and_is_a_copy():
    set_printoptions(precision=6, linewidth=100, sci_mode=False)
    saved = get_printoptions()
    saved["precision"] = 1
    set_printoptions(profile="default")
    set_printoptions(**get_printoptions())
    assert get_printoptions() == DEFAULT_OPTIONS


def test_printoptions_context_manager_restores():
    with printoptions(precision=1, sci_mode=True):
        assert tensor_repr(np.array([2.25], np.float32)) == "tensor([2.2e+00])"
    assert get_printoptions() == DEFAULT_OPTIONS
    assert tensor_repr(np.array([2.25], np.float32)) == "tensor([2.2500])"


# ---------------------------------------------------------------------------
# Part 2: random arrays, printed by PyTorch and by minigrad
# ---------------------------------------------------------------------------

FLOAT_DTYPES = [np.float32] * 6 + [np.float64] * 3 + [np.float16]
INT_DTYPES = [np.int64] * 4 + [np.int32, np.int16, np.int8, np.uint8]


def random_shape(rng):
    ndim = rng.choice([0, 1, 1, 2, 2, 3, 4])
    if rng.random() < 0.15 and ndim in (1, 2):  # big enough to wrap lines or be summarized
        return tuple(int(n) for n in rng.integers(1, {1: 2500, 2: 70}[ndim], size=ndim))
    return tuple(int(n) for n in rng.integers(0 if rng.random() < 0.05 else 1, 7, size=ndim))


def random_floats(rng, shape, dtype):
    low, high = sorted(rng.uniform(-6, 9, size=2))  # magnitudes between 1e-6 and 1e9
    values = 10.0 ** rng.uniform(low, high, size=shape)
    if rng.random() < 0.3:
        values = np.round(values)  # whole numbers: integer mode
    if rng.random() < 0.5:
        values = values * rng.choice([-1.0, 1.0], size=shape)
    if rng.random() < 0.3:  # sprinkle special values
        specials = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0])
        mask = rng.random(shape) < 0.2
        values = np.where(mask, rng.choice(specials, size=shape), values)
    with np.errstate(over="ignore"):  # float16 overflows to inf, which is fine
        return np.asarray(values).astype(dtype)


def random_array(rng):
    shape = random_shape(rng)
    kind = rng.random()
    if kind < 0.65:
        return random_floats(rng, shape, rng.choice(FLOAT_DTYPES))
    if kind < 0.9:
        dtype = rng.choice(INT_DTYPES)
        info = np.iinfo(dtype)
        high = min(10 ** int(rng.integers(1, 12)), int(info.max))
        return np.asarray(rng.integers(max(-high, int(info.min)), high, size=shape, endpoint=True), dtype)
    return np.asarray(rng.random(shape) < 0.5)


def random_options(rng):
    """PyTorch's defaults three times out of four, otherwise a few options changed."""
    if rng.random() < 0.75:
        return {}
    choices = {
        "precision": lambda: int(rng.integers(0, 9)),
        "threshold": lambda: int(rng.integers(0, 60)),
        "edgeitems": lambda: int(rng.integers(0, 5)),
        "linewidth": lambda: int(rng.integers(10, 140)),
        "sci_mode": lambda: [True, False][int(rng.integers(0, 2))],
        "profile": lambda: ["short", "full"][int(rng.integers(0, 2))],
    }
    names = rng.choice(list(choices), size=int(rng.integers(1, 4)), replace=False)
    return {name: choices[name]() for name in names}


def torch_repr(torch, array, autograd, options):
    torch.set_printoptions(**options)
    try:
        tensor = torch.from_numpy(array)
        if autograd is not None:
            tensor = tensor.detach().clone().requires_grad_()
            if autograd == "MulBackward0":
                tensor = tensor * 1
                assert type(tensor.grad_fn).__name__ == autograd
        return repr(tensor)
    finally:
        torch.set_printoptions(profile="default")


RANDOM_BATCHES = 40
ARRAYS_PER_BATCH = 100


@pytest.mark.parametrize("batch", range(RANDOM_BATCHES))
def test_random_arrays_print_like_pytorch(batch):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(20_130 + batch)
    for case in range(ARRAYS_PER_BATCH):
        array = random_array(rng)
        if rng.random() < 0.2 and array.ndim >= 2:
            array = array.swapaxes(0, -1)  # not contiguous
        autograd = None
        if array.dtype.kind == "f" and rng.random() < 0.3:
            autograd = ["requires_grad", "MulBackward0"][int(rng.integers(0, 2))]
        options = random_options(rng)

        expected = torch_repr(torch, array, autograd, options)
        set_printoptions(profile="default")
        set_printoptions(**options)
        actual = tensor_repr(array, **autograd_kwargs(autograd))
        assert actual == expected, f"batch {batch}, case {case}: {array.dtype} {array.shape} {options}"
