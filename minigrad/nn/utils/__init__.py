"""``torch.nn.utils``: helpers around a model's parameters.

  clip_grad.py           clip_grad_norm_, clip_grad_value_: keep one huge gradient from wrecking a step
  convert_parameters.py  parameters_to_vector, vector_to_parameters: all parameters as one flat vector
"""
from .clip_grad import clip_grad_norm, clip_grad_norm_, clip_grad_value_
from .convert_parameters import parameters_to_vector, vector_to_parameters

__all__ = ["clip_grad_norm", "clip_grad_norm_", "clip_grad_value_", "parameters_to_vector", "vector_to_parameters"]
