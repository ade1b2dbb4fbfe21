"""Recurrent layers: ``nn.RNN``, ``nn.GRU``, ``nn.LSTM`` and their one-step versions ``nn.RNNCell``,
``nn.GRUCell``, ``nn.LSTMCell``.

A recurrent layer runs one cell (``_rnn_cells.py``) over the time steps, carrying a hidden state (and,
for the LSTM, a cell state) from step to step. ``num_layers`` stacks layers, each reading the outputs
of the one below; ``bidirectional`` adds a second pass that reads the sequence backwards, and the two
passes are concatenated. Parameters are named and shaped as in PyTorch (``weight_ih_l0``,
``weight_hh_l1_reverse`` ...) and start uniform in ±1/sqrt(hidden_size), so a ``state_dict`` moves
between the two libraries.

Shapes (PyTorch's): input (L, N, H_in), or (N, L, H_in) with ``batch_first``, or (L, H_in) unbatched;
output (L, N, D * H_out) with D = 2 if bidirectional else 1; h_n (and c_n) (D * num_layers, N, H_out).
"""
import math
import numbers
import warnings

import numpy as np

from .._functions import cat, stack
from . import init
from . import functional as F
from .._dtype import float32
from ._lstm_layer import LstmLayer
from ._rnn_cells import gru_cell, lstm_cell, rnn_relu_cell, rnn_tanh_cell
from .module import Module
from .parameter import Parameter

_GATES = {"RNN_TANH": 1, "RNN_RELU": 1, "GRU": 3, "LSTM": 4}  # how many weight blocks a cell stacks
_CELLS = {"RNN_TANH": rnn_tanh_cell, "RNN_RELU": rnn_relu_cell, "GRU": gru_cell, "LSTM": lstm_cell}


class RNNBase(Module):

    def __init__(self, mode, input_size, hidden_size, num_layers=1, bias=True, batch_first=False,
                 dropout=0.0, bidirectional=False, proj_size=0, device=None, dtype=None):
        super().__init__()
        if not isinstance(dropout, numbers.Number) or not 0 <= dropout <= 1 or isinstance(dropout, bool):
            raise ValueError("dropout should be a number in range [0, 1] representing the probability of an "
                             "element being zeroed")
        if dropout > 0 and num_layers == 1:
            warnings.warn("dropout option adds dropout after all but last recurrent layer, so non-zero dropout "
                          f"expects num_layers greater than 1, but got dropout={dropout} and "
                          f"num_layers={num_layers}", UserWarning, stacklevel=3)
        if proj_size:
            raise NotImplementedError("minigrad's LSTM has no proj_size")
        self.mode, self.input_size, self.hidden_size = mode, input_size, hidden_size
        self.num_layers, self.bias, self.batch_first = num_layers, bias, batch_first
        self.dropout, self.bidirectional, self.proj_size = float(dropout), bidirectional, proj_size
        gate_size = _GATES[mode] * hidden_size
        directions = 2 if bidirectional else 1
        self._flat_weights_names = []
        for layer in range(num_layers):
            layer_input_size = input_size if layer == 0 else hidden_size * directions
            for direction in range(directions):
                suffix = f"_l{layer}" + ("_reverse" if direction == 1 else "")
                shapes = [("weight_ih", (gate_size, layer_input_size)), ("weight_hh", (gate_size, hidden_size))]
                if bias:
                    shapes += [("bias_ih", (gate_size,)), ("bias_hh", (gate_size,))]
                for name, shape in shapes:
                    setattr(self, name + suffix, Parameter(np.empty(shape, dtype=np.float32)))
                    self._flat_weights_names.append(name + suffix)
        self.reset_parameters()

    def reset_parameters(self):
        bound = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -bound, bound)

    def _layer_weights(self, layer, direction):
        suffix = f"_l{layer}" + ("_reverse" if direction == 1 else "")
        names = ["weight_ih", "weight_hh"] + (["bias_ih", "bias_hh"] if self.bias else [])
        return [getattr(self, name + suffix) for name in names]

    def extra_repr(self):
        s = f"{self.input_size}, {self.hidden_size}"
        if self.proj_size != 0:
            s += f", proj_size={self.proj_size}"
        if self.num_layers != 1:
            s += f", num_layers={self.num_layers}"
        if self.bias is not True:
            s += f", bias={self.bias}"
        if self.batch_first is not False:
            s += f", batch_first={self.batch_first}"
        if self.dropout != 0:
            s += f", dropout={self.dropout}"
        if self.bidirectional is not False:
            s += f", bidirectional={self.bidirectional}"
        return s

    # ----- running the layer ---------------------------------------------------------------------
    def _check_input(self, input):
        if input.ndim not in (2, 3):
            tensor = " tensor" if self.mode.startswith("RNN") else ""  # PyTorch's RNN says "tensor", GRU/LSTM not
            raise ValueError(f"{type(self).__name__}: Expected input to be 2D or 3D, got {input.ndim}D{tensor} instead")
        if input.shape[-1] != self.input_size:
            raise RuntimeError(f"input.size(-1) must be equal to input_size. Expected {self.input_size}, "
                               f"got {input.shape[-1]}")

    def _check_hidden(self, hx, expected, what="Expected hidden size"):
        if tuple(hx.shape) != expected:
            raise RuntimeError(f"{what} {expected}, got {list(hx.shape)}")

    def _initial_state(self, input, batch):
        from ..ops.creation import zeros
        directions = 2 if self.bidirectional else 1
        return zeros(self.num_layers * directions, batch, self.hidden_size, dtype=input.dtype)

    def _run(self, input, states):
        """``input`` (L, N, H_in); ``states`` a list of tensors (D * num_layers, N, H) (one for RNN/GRU, h
        and c for the LSTM). Returns the output (L, N, D * H) and the final states, stacked like ``states``."""
        cell = _CELLS[self.mode]
        lstm = self.mode == "LSTM"
        directions = 2 if self.bidirectional else 1
        finals = [[] for _ in states]
        layer_input = input
        for layer in range(self.num_layers):
            outputs = []
            for direction in range(directions):
                index = layer * directions + direction
                state = tuple(s[index] for s in states) if lstm else states[0][index]
                weights = self._layer_weights(layer, direction)
                if lstm and layer_input.dtype == float32:  # PyTorch's CPU LSTM: one node per layer
                    out, h, c = LstmLayer.apply(layer_input, *state, *weights, *([None, None] if not self.bias else []),
                                                direction == 1)
                    outputs.append(out)
                    finals[0].append(h)
                    finals[1].append(c)
                    continue
                steps = range(layer_input.shape[0])
                hiddens = [None] * len(steps)
                for t in (reversed(steps) if direction == 1 else steps):
                    state = cell(layer_input[t], state, *weights)
                    hiddens[t] = state[0] if lstm else state
                outputs.append(stack(hiddens))
                for final, value in zip(finals, state if lstm else (state,)):
                    final.append(value)
            layer_input = outputs[0] if directions == 1 else cat(outputs, -1)
            if self.dropout and self.training and layer < self.num_layers - 1:
                layer_input = F.dropout(layer_input, self.dropout, True)
        return layer_input, [stack(final) for final in finals]

    def forward(self, input, hx=None):
        self._check_input(input)
        batched = input.ndim == 3
        if not batched:
            input = input.unsqueeze(1)
        elif self.batch_first:
            input = input.transpose(0, 1)
        batch = input.shape[1]
        directions = 2 if self.bidirectional else 1
        expected = (self.num_layers * directions, batch, self.hidden_size)
        if self.mode == "LSTM":
            if hx is None:
                hx = (self._initial_state(input, batch), self._initial_state(input, batch))
            elif not batched:
                hx = tuple(h.unsqueeze(1) for h in hx)
            self._check_hidden(hx[0], expected)
            self._check_hidden(hx[1], expected, "Expected hidden[1] size")
            states = list(hx)
        else:
            if hx is None:
                hx = self._initial_state(input, batch)
            elif not batched:
                hx = hx.unsqueeze(1)
            self._check_hidden(hx, expected)
            states = [hx]
        output, finals = self._run(input, states)
        if not batched:
            output, finals = output.squeeze(1), [f.squeeze(1) for f in finals]
        elif self.batch_first:
            output = output.transpose(0, 1)
        return output, (tuple(finals) if self.mode == "LSTM" else finals[0])


class RNN(RNNBase):
    """Elman RNN: h_t = tanh(x_t W_ih^T + b_ih + h_(t-1) W_hh^T + b_hh) (or relu)."""

    def __init__(self, *args, nonlinearity="tanh", **kwargs):
        if len(args) > 3:  # PyTorch's positional order: input_size, hidden_size, num_layers, nonlinearity, ...
            nonlinearity, args = args[3], args[:3] + args[4:]
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"Unknown nonlinearity '{nonlinearity}'. Select from 'tanh' or 'relu'.")
        super().__init__("RNN_TANH" if nonlinearity == "tanh" else "RNN_RELU", *args, **kwargs)
        self.nonlinearity = nonlinearity


class GRU(RNNBase):
    """Gated recurrent unit: a reset and an update gate decide how much of the past to keep."""

    def __init__(self, *args, **kwargs):
        super().__init__("GRU", *args, **kwargs)


class LSTM(RNNBase):
    """Long short-term memory: a cell state c carried beside h, written and read through gates."""

    def __init__(self, *args, **kwargs):
        super().__init__("LSTM", *args, **kwargs)


# ----- one time step as a module -----------------------------------------------------------------
class RNNCellBase(Module):

    def __init__(self, input_size, hidden_size, bias, num_chunks, device=None, dtype=None):
        super().__init__()
        self.input_size, self.hidden_size, self.bias = input_size, hidden_size, bias
        self.weight_ih = Parameter(np.empty((num_chunks * hidden_size, input_size), dtype=np.float32))
        self.weight_hh = Parameter(np.empty((num_chunks * hidden_size, hidden_size), dtype=np.float32))
        if bias:
            self.bias_ih = Parameter(np.empty(num_chunks * hidden_size, dtype=np.float32))
            self.bias_hh = Parameter(np.empty(num_chunks * hidden_size, dtype=np.float32))
        else:
            self.register_parameter("bias_ih", None)
            self.register_parameter("bias_hh", None)
        self.reset_parameters()

    reset_parameters = RNNBase.reset_parameters

    def extra_repr(self):
        s = f"{self.input_size}, {self.hidden_size}"
        if self.bias is not True:
            s += f", bias={self.bias}"
        if getattr(self, "nonlinearity", "tanh") != "tanh":
            s += f", nonlinearity={self.nonlinearity}"
        return s

    def _step(self, cell, input, state):
        if input.ndim not in (1, 2):
            raise ValueError(f"{type(self).__name__}: Expected input to be 1D or 2D, got {input.ndim}D instead")
        batched = input.ndim == 2
        if not batched:
            input = input.unsqueeze(0)
            state = None if state is None else (tuple(s.unsqueeze(0) for s in state)
                                                if isinstance(state, tuple) else state.unsqueeze(0))
        if state is None:
            from ..ops.creation import zeros
            h = zeros(input.shape[0], self.hidden_size, dtype=input.dtype)
            state = (h, h) if cell is lstm_cell else h
        out = cell(input, state, self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh)
        if not batched:
            out = tuple(o.squeeze(0) for o in out) if isinstance(out, tuple) else out.squeeze(0)
        return out


class RNNCell(RNNCellBase):

    def __init__(self, input_size, hidden_size, bias=True, nonlinearity="tanh", device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=1)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        cell = rnn_tanh_cell if self.nonlinearity == "tanh" else rnn_relu_cell
        return self._step(cell, input, hx)


class GRUCell(RNNCellBase):

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=3)

    def forward(self, input, hx=None):
        return self._step(gru_cell, input, hx)


class LSTMCell(RNNCellBase):

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=4)

    def forward(self, input, hx=None):
        return self._step(lstm_cell, input, hx)
