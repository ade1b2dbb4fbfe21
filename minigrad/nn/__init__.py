"""Layer 4, ``minigrad.nn``: modules (layers that hold parameters), losses and ``nn.functional``.

  parameter.py   Parameter: a tensor a module registers as learnable
  module.py      Module: the tree of parameters, buffers and submodules; train/eval; state_dict
  container.py   Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict
  linear.py      Linear, Identity          conv.py      Conv2d, Conv1d, Upsample        lazy.py   LazyLinear
  sparse.py      Embedding
  pooling.py     MaxPool2d, AvgPool2d, AdaptiveAvgPool2d
  normalization.py  LayerNorm
  rnn.py         RNN, GRU, LSTM and their cells (one step each: _rnn_cells.py)
  transformer.py MultiheadAttention, TransformerEncoderLayer, TransformerEncoder
  batchnorm.py   BatchNorm1d, BatchNorm2d  dropout.py   Dropout, Dropout2d  flatten.py  Flatten
  activation.py  ReLU, Tanh, Sigmoid, Softmax, LogSoftmax, LeakyReLU, PReLU, GELU,
                 SiLU, ELU, SELU, Softplus, Mish, Hardtanh, ReLU6, LogSigmoid, Softsign
  loss.py        MSELoss, CrossEntropyLoss, NLLLoss, BCEWithLogitsLoss, BCELoss, L1Loss, SmoothL1Loss,
                 HuberLoss, KLDivLoss
  functional.py  the same as functions; the fused graph nodes live in _ops/
  init.py        starting values (PyTorch's defaults)
"""
from . import functional, init, utils
from .activation import (ELU, GELU, SELU, Hardtanh, LeakyReLU, LogSigmoid, LogSoftmax, Mish, PReLU, ReLU, ReLU6,
                         SiLU, Sigmoid, Softmax, Softplus, Softsign, Tanh)
from .batchnorm import BatchNorm1d, BatchNorm2d
from .container import ModuleDict, ModuleList, ParameterDict, ParameterList, Sequential
from .conv import Conv1d, Conv2d, Upsample
from .dropout import Dropout, Dropout2d
from .flatten import Flatten, Unflatten
from .lazy import LazyBatchNorm1d, LazyBatchNorm2d, LazyLinear
from .linear import Identity, Linear
from .loss import (BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, HuberLoss, KLDivLoss, L1Loss, MSELoss, NLLLoss,
                   SmoothL1Loss)
from .module import Module
from .normalization import LayerNorm
from .parameter import Parameter
from .pooling import AdaptiveAvgPool2d, AvgPool2d, MaxPool2d
from .transformer import (MultiheadAttention, NonDynamicallyQuantizableLinear, Transformer,
                          TransformerEncoder, TransformerEncoderLayer)
from .rnn import GRU, GRUCell, LSTM, LSTMCell, RNN, RNNBase, RNNCell, RNNCellBase
from .sparse import Embedding
from . import parameter  # noqa: F401  (nn.parameter.UninitializedParameter)
