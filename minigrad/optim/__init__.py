"""Layer 5, ``minigrad.optim``: optimizers that update parameters from their gradients.

  optimizer.py  Optimizer: parameter groups, zero_grad, step, state_dict
  sgd.py        SGD (momentum, dampening, Nesterov, weight decay)
  adam.py       Adam, AdamW
  rmsprop.py    RMSprop
  lr_scheduler.py  StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR, LambdaLR
"""
from . import lr_scheduler
from .adam import Adam, AdamW
from .optimizer import Optimizer
from .rmsprop import RMSprop
from .sgd import SGD
