"""One LSTM layer (one direction) over a whole sequence as a single graph node, as PyTorch records a
float32 LSTM on the CPU (``MkldnnRnnLayerBackward0``). The forward runs the recurrence on arrays; the
backward is backpropagation through time, written with tensor operations (so it can be differentiated
again). Per step, with gates i, f, g, o (after their sigmoid / tanh) and c_t = f c_(t-1) + i g,
h_t = o tanh(c_t):

  dh = grad of h_t (from the output and from step t+1);  dc = dc_(t+1) + dh * o * (1 - tanh^2 c_t)
  gate grads before the nonlinearity:  di = dc g i(1-i),  df = dc c_(t-1) f(1-f),  dg = dc i (1-g^2),
                                       do = dh tanh(c_t) o(1-o)
  then, with d = [di df dg do]:  dx_t = d W_ih,  dh_(t-1) = d W_hh,  dc_(t-1) = dc f,
  dW_ih += d^T x_t,  dW_hh += d^T h_(t-1),  db_ih = db_hh += sum of d over the batch.
"""
import numpy as np

from .._functions import cat, stack
from ..autograd.function import NumpyFunction


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


class LstmLayer(NumpyFunction):
    node_name = "MkldnnRnnLayerBackward0"

    @staticmethod
    def forward(ctx, x, h0, c0, w_ih, w_hh, b_ih, b_hh, reverse):
        ctx.reverse = reverse
        ctx.save_for_backward(x, h0, c0, w_ih, w_hh, b_ih, b_hh)
        h, c = h0, c0
        out = np.empty(x.shape[:2] + (h0.shape[-1],), dtype=x.dtype)
        for t in (range(len(x) - 1, -1, -1) if reverse else range(len(x))):
            gates = x[t] @ w_ih.T + h @ w_hh.T
            if b_ih is not None:
                gates = gates + b_ih + b_hh
            i, f, g, o = np.split(gates, 4, axis=-1)
            c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
            h = _sigmoid(o) * np.tanh(c)
            out[t] = h
        return out, h, c

    @staticmethod
    def backward(ctx, grad_out, grad_h, grad_c):
        x, h0, c0, w_ih, w_hh, b_ih, b_hh = ctx.saved_tensors
        steps = list(range(len(x) - 1, -1, -1)) if ctx.reverse else list(range(len(x)))
        # the forward again, in tensor ops, keeping what each step needs
        h, c, kept = h0, c0, []
        for t in steps:
            gates = x[t] @ w_ih.t() + h @ w_hh.t()
            if b_ih is not None:
                gates = gates + b_ih + b_hh
            i, f, g, o = gates.chunk(4, -1)
            i, f, g, o = i.sigmoid(), f.sigmoid(), g.tanh(), o.sigmoid()
            c_prev, h_prev = c, h
            c = f * c + i * g
            h = o * c.tanh()
            kept.append((h_prev, c_prev, i, f, g, o, c.tanh()))
        dh, dc = grad_h, grad_c
        dx = [None] * len(x)
        dw_ih = dw_hh = db = None
        for t, (h_prev, c_prev, i, f, g, o, tanh_c) in zip(reversed(steps), reversed(kept)):
            dh = dh + grad_out[t]
            dc = dc + dh * o * (1 - tanh_c * tanh_c)
            d = cat([dc * g * i * (1 - i), dc * c_prev * f * (1 - f), dc * i * (1 - g * g),
                     dh * tanh_c * o * (1 - o)], -1)
            dx[t] = d @ w_ih
            dh, dc = d @ w_hh, dc * f
            step_w_ih, step_w_hh, step_b = d.t() @ x[t], d.t() @ h_prev, d.sum(0)
            dw_ih = step_w_ih if dw_ih is None else dw_ih + step_w_ih
            dw_hh = step_w_hh if dw_hh is None else dw_hh + step_w_hh
            db = step_b if db is None else db + step_b
        has_bias = b_ih is not None
        return stack(dx), dh, dc, dw_ih, dw_hh, db if has_bias else None, db if has_bias else None, None
