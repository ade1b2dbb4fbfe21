"""``nn.MultiheadAttention`` and the transformer encoder built on it (``nn.TransformerEncoderLayer``,
``nn.TransformerEncoder``), written with the tensor operations a learner already knows.

Multi-head attention projects the queries, keys and values with one stacked weight ``in_proj_weight``
(3E, E), splits E into ``num_heads`` heads of E / num_heads features, lets every head attend on its own
(softmax(Q K^T / sqrt(d)) V), joins the heads again and mixes them with ``out_proj``. Masks follow
PyTorch's convention here: in ``attn_mask`` and ``key_padding_mask`` True means "may NOT attend"
(the opposite of ``F.scaled_dot_product_attention``); a float mask is added to the scores.
"""
import copy
import math
import warnings

import numpy as np

from .. import _dtype
from ..ops.creation import full, zeros
from . import functional as F
from . import init
from .container import ModuleList
from .dropout import Dropout
from .linear import Linear
from .module import Module
from .normalization import LayerNorm
from .parameter import Parameter


class NonDynamicallyQuantizableLinear(Linear):
    """A plain Linear (PyTorch gives the output projection this name for its quantisation tools)."""


def _as_additive(mask, dtype):
    """A boolean mask (True: blocked) as 0 / -inf to add to the scores; a float mask as it is."""
    if mask is None or mask.dtype != _dtype.bool:
        return mask
    return zeros(tuple(mask.shape), dtype=dtype).masked_fill(mask, float("-inf"))


class MultiheadAttention(Module):

    def __init__(self, embed_dim, num_heads, dropout=0.0, bias=True, add_bias_kv=False, add_zero_attn=False,
                 kdim=None, vdim=None, batch_first=False, device=None, dtype=None):
        super().__init__()
        if embed_dim <= 0 or num_heads <= 0:
            raise ValueError(f"embed_dim and num_heads must be greater than 0, got embed_dim={embed_dim} and "
                             f"num_heads={num_heads} instead")
        if add_bias_kv or add_zero_attn or (kdim not in (None, embed_dim)) or (vdim not in (None, embed_dim)):
            raise NotImplementedError("minigrad's MultiheadAttention has no add_bias_kv, add_zero_attn, kdim, vdim")
        self.embed_dim, self.num_heads, self.dropout, self.batch_first = embed_dim, num_heads, dropout, batch_first
        self.head_dim = embed_dim // num_heads
        if self.head_dim * num_heads != embed_dim:
            raise AssertionError("embed_dim must be divisible by num_heads")
        self.kdim = self.vdim = embed_dim
        self._qkv_same_embed_dim = True
        self.in_proj_weight = Parameter(np.empty((3 * embed_dim, embed_dim), dtype=np.float32))
        self.register_parameter("q_proj_weight", None)
        self.register_parameter("k_proj_weight", None)
        self.register_parameter("v_proj_weight", None)
        if bias:
            self.in_proj_bias = Parameter(np.empty(3 * embed_dim, dtype=np.float32))
        else:
            self.register_parameter("in_proj_bias", None)
        self.out_proj = NonDynamicallyQuantizableLinear(embed_dim, embed_dim, bias=bias)
        self.bias_k = self.bias_v = None
        self.add_zero_attn = False
        self._reset_parameters()

    def _reset_parameters(self):
        init.xavier_uniform_(self.in_proj_weight)
        if self.in_proj_bias is not None:
            init.constant_(self.in_proj_bias, 0.0)
            init.constant_(self.out_proj.bias, 0.0)

    def forward(self, query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None,
                average_attn_weights=True, is_causal=False):
        batched = query.ndim == 3
        if self.batch_first and batched:
            query, key, value = (x.transpose(1, 0) for x in (query, key, value))
        if not batched:  # (L, E): a batch of one in the middle
            query, key, value = (x.unsqueeze(1) for x in (query, key, value))
            if key_padding_mask is not None:
                key_padding_mask = key_padding_mask.unsqueeze(0)
        L, N, E = query.shape
        S, H, d = key.shape[0], self.num_heads, self.head_dim
        if E != self.embed_dim:
            raise AssertionError(f"was expecting embedding dimension of {self.embed_dim}, but got {E}")
        w_q, w_k, w_v = self.in_proj_weight.chunk(3)
        b_q, b_k, b_v = self.in_proj_bias.chunk(3) if self.in_proj_bias is not None else (None, None, None)
        q, k, v = F.linear(query, w_q, b_q), F.linear(key, w_k, b_k), F.linear(value, w_v, b_v)
        # (L, N, E) -> (N * H, L, d): every (sample, head) pair attends on its own
        q = q.view(L, N * H, d).transpose(0, 1)
        k = k.view(S, N * H, d).transpose(0, 1)
        v = v.view(S, N * H, d).transpose(0, 1)
        if is_causal and attn_mask is None:
            attn_mask = full((L, S), float("-inf"), dtype=query.dtype).triu(1)
        mask = _as_additive(attn_mask, query.dtype)
        if mask is not None and mask.ndim == 2:
            mask = mask.unsqueeze(0)  # one (L, S) mask for every sample and head
        if key_padding_mask is not None:  # (N, S): the same keys hidden from every query and head
            padding = _as_additive(key_padding_mask, query.dtype).view(N, 1, 1, S).expand(N, H, 1, S)
            padding = padding.reshape(N * H, 1, S)
            mask = padding if mask is None else mask + padding
        scores = (q * math.sqrt(1.0 / d)) @ k.transpose(-2, -1)
        if mask is not None:
            scores = scores + mask
        weights = F.softmax(scores, dim=-1)
        if self.dropout > 0.0 and self.training:
            weights = F.dropout(weights, p=self.dropout)
        out = weights @ v  # (N * H, L, d)
        out = out.transpose(0, 1).contiguous().view(L * N, E)
        out = F.linear(out, self.out_proj.weight, self.out_proj.bias).view(L, N, E)
        if not batched:
            out = out.squeeze(1)
        elif self.batch_first:
            out = out.transpose(1, 0)
        if not need_weights:
            return out, None
        weights = weights.view(N, H, L, S)
        if average_attn_weights:
            weights = weights.mean(dim=1)
        return out, (weights if batched else weights.squeeze(0))


def _activation(name):
    if callable(name):
        return name
    if name == "relu":
        return F.relu
    if name == "gelu":
        return F.gelu
    raise RuntimeError(f"activation should be relu/gelu, not {name}")


class TransformerEncoderLayer(Module):
    """Self-attention, then a two-layer feed-forward network, each wrapped in a residual connection and a
    LayerNorm (after it, or before it with ``norm_first=True``)."""

    def __init__(self, d_model, nhead, dim_feedforward=2048, dropout=0.1, activation="relu", layer_norm_eps=1e-5,
                 batch_first=False, norm_first=False, bias=True, device=None, dtype=None):
        super().__init__()
        self.self_attn = MultiheadAttention(d_model, nhead, dropout=dropout, bias=bias, batch_first=batch_first)
        self.linear1 = Linear(d_model, dim_feedforward, bias=bias)
        self.dropout = Dropout(dropout)
        self.linear2 = Linear(dim_feedforward, d_model, bias=bias)
        self.norm_first = norm_first
        self.norm1 = LayerNorm(d_model, eps=layer_norm_eps, bias=bias)
        self.norm2 = LayerNorm(d_model, eps=layer_norm_eps, bias=bias)
        self.dropout1 = Dropout(dropout)
        self.dropout2 = Dropout(dropout)
        self.activation = _activation(activation)

    def forward(self, src, src_mask=None, src_key_padding_mask=None, is_causal=False):
        x = src
        if self.norm_first:
            x = x + self._sa_block(self.norm1(x), src_mask, src_key_padding_mask, is_causal)
            x = x + self._ff_block(self.norm2(x))
        else:
            x = self.norm1(x + self._sa_block(x, src_mask, src_key_padding_mask, is_causal))
            x = self.norm2(x + self._ff_block(x))
        return x

    def _sa_block(self, x, attn_mask, key_padding_mask, is_causal=False):
        x = self.self_attn(x, x, x, attn_mask=attn_mask, key_padding_mask=key_padding_mask, need_weights=False,
                           is_causal=is_causal)[0]
        return self.dropout1(x)

    def _ff_block(self, x):
        x = self.linear2(self.dropout(self.activation(self.linear1(x))))
        return self.dropout2(x)


class TransformerEncoder(Module):
    """``num_layers`` copies of an encoder layer, one after the other (and an optional final norm)."""

    def __init__(self, encoder_layer, num_layers, norm=None, enable_nested_tensor=True, mask_check=True):
        super().__init__()
        self.layers = ModuleList([copy.deepcopy(encoder_layer) for _ in range(num_layers)])
        self.num_layers = num_layers
        self.norm = norm
        if enable_nested_tensor and not encoder_layer.self_attn.batch_first:
            warnings.warn("enable_nested_tensor is True, but self.use_nested_tensor is False because "
                          "encoder_layer.self_attn.batch_first was not True(use batch_first for better inference "
                          "performance)", UserWarning, stacklevel=2)

    def forward(self, src, mask=None, src_key_padding_mask=None, is_causal=None):
        output = src
        for mod in self.layers:
            output = mod(output, src_mask=mask, src_key_padding_mask=src_key_padding_mask,
                         is_causal=bool(is_causal))
        if self.norm is not None:
            output = self.norm(output)
        return output


class Transformer(Module):
    """Only the helper of ``nn.Transformer`` that programs use on its own: the causal mask."""

    @staticmethod
    def generate_square_subsequent_mask(sz, device=None, dtype=None):
        """An (sz, sz) float mask: 0 on and below the diagonal, -inf above (no peeking at later tokens)."""
        return full((sz, sz), float("-inf"), dtype=dtype).triu(diagonal=1)

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("minigrad has no full nn.Transformer (encoder-decoder); use TransformerEncoder")
