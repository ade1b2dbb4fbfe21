"""Layer 5, ``minigrad.optim``: optimizers that update parameters from their gradients.

  optimizer.py  Optimizer: parameter groups, zero_grad, step, state_dict
  sgd.py        SGD (momentum, dampening, Nesterov, weight decay)
  adam.py       Adam, AdamW
"""
from .adam import Adam, AdamW
from .optimizer import Optimizer
from .sgd import SGD
