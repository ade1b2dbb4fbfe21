"""One time step of each recurrent cell, written with ordinary tensor operations (so autograd
differentiates it, backpropagation through time is just the graph of all the steps, and every
gradient can be differentiated again). The gate order inside the stacked weights is PyTorch's.

  rnn_tanh_cell  h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh)          (rnn_relu_cell: relu)
  gru_cell       r, z = sigmoid(...), n = tanh(x W_in^T + b_in + r * (h W_hn^T + b_hn))
                 h' = n + z * (h - n)                    (= (1 - z) * n + z * h)
  lstm_cell      i, f, g, o = sigmoid, sigmoid, tanh, sigmoid of (x W_ih^T + b_ih + h W_hh^T + b_hh)
                 c' = f * c + i * g,   h' = o * tanh(c')
"""
from ._ops.linear import linear


def rnn_tanh_cell(x, h, w_ih, w_hh, b_ih=None, b_hh=None):
    return (linear(x, w_ih, b_ih) + linear(h, w_hh, b_hh)).tanh()


def rnn_relu_cell(x, h, w_ih, w_hh, b_ih=None, b_hh=None):
    return (linear(x, w_ih, b_ih) + linear(h, w_hh, b_hh)).relu()


def gru_cell(x, h, w_ih, w_hh, b_ih=None, b_hh=None):
    x_r, x_z, x_n = linear(x, w_ih, b_ih).chunk(3, -1)
    h_r, h_z, h_n = linear(h, w_hh, b_hh).chunk(3, -1)
    reset = (x_r + h_r).sigmoid()
    update = (x_z + h_z).sigmoid()
    new = (x_n + reset * h_n).tanh()  # the reset gate decides how much of the past enters the candidate
    return new + update * (h - new)


def lstm_cell(x, state, w_ih, w_hh, b_ih=None, b_hh=None):
    h, c = state
    gates = linear(x, w_ih, b_ih) + linear(h, w_hh, b_hh)
    i, f, g, o = gates.chunk(4, -1)
    c_next = f.sigmoid() * c + i.sigmoid() * g.tanh()  # forget some memory, write some new
    h_next = o.sigmoid() * c_next.tanh()  # show part of the memory as the output
    return h_next, c_next
