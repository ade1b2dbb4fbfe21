# Source: nanoGPT model.py (CausalSelfAttention with F.scaled_dot_product_attention, MLP with nn.GELU)
#   https://github.com/karpathy/nanoGPT and the PyTorch docs of torch.nn.functional.scaled_dot_product_attention
#   and torch.nn.GELU https://pytorch.org/docs/stable/generated/torch.nn.functional.scaled_dot_product_attention.html
# Licence: MIT (karpathy/nanoGPT); BSD 3-Clause (pytorch/pytorch docs). Written anew in the spirit of the
#   sources, not copied.
# Changed: random inputs and weights replaced by fixed values; a tiny config (n_embd 12, 3 heads, block 6);
#   the "slow attention" path of nanoGPT compared with the fused call; values printed rounded.
import math

import torch
import torch.nn as nn
from torch.nn import functional as F

from _fixed import fixed, init_fixed_

# the GELU non-linearity, exact and with the tanh approximation
x = torch.linspace(-3, 3, 7)
print(nn.GELU(), nn.GELU(approximate="tanh"))
print(F.gelu(x))
print(F.gelu(x, approximate="tanh"))
print(nn.GELU(approximate="tanh")(x).sub(F.gelu(x)).abs().max() < 1e-3)
xg = x.clone().requires_grad_()
y = F.gelu(xg)
print(y.grad_fn.name())
y.sum().backward()
print(xg.grad)
xg.grad = None
F.gelu(xg, approximate="tanh").sum().backward()
print(xg.grad)

# scaled dot product attention against the formula written out
q, k, v = fixed(2, 3, 5, 4, scale=1.0), fixed(2, 3, 5, 4, scale=1.0, seed=1), fixed(2, 3, 5, 4, seed=2, scale=1.0)
L, S = q.size(-2), k.size(-2)
scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
causal = torch.ones(L, S, dtype=torch.bool).tril(diagonal=0)
manual = scores.masked_fill(causal.logical_not(), float("-inf")).softmax(dim=-1) @ v
fused = F.scaled_dot_product_attention(q, k, v, is_causal=True)
print(fused.shape, torch.allclose(fused, manual, atol=1e-6))
print(fused[0, 0].round(decimals=4))
plain = F.scaled_dot_product_attention(q, k, v)
print(torch.allclose(plain, scores.softmax(dim=-1) @ v, atol=1e-6))
bias = fixed(5, 5, scale=2.0, seed=4)
with_bias = F.scaled_dot_product_attention(q, k, v, attn_mask=bias)
print(torch.allclose(with_bias, (scores + bias).softmax(-1) @ v, atol=1e-6))
with_bool = F.scaled_dot_product_attention(q, k, v, attn_mask=causal)
print(torch.allclose(with_bool, fused, atol=1e-6))
scaled = F.scaled_dot_product_attention(q, k, v, scale=0.125)
print(torch.allclose(scaled, (q @ k.transpose(-2, -1) * 0.125).softmax(-1) @ v, atol=1e-6))

qg, kg, vg = (t.clone().requires_grad_() for t in (q, k, v))
F.scaled_dot_product_attention(qg, kg, vg, is_causal=True).pow(2).sum().backward()
grads_fused = [t.grad.clone() for t in (qg, kg, vg)]
for t in (qg, kg, vg):
    t.grad = None
s = qg @ kg.transpose(-2, -1) / math.sqrt(4)
(s.masked_fill(causal.logical_not(), float("-inf")).softmax(dim=-1) @ vg).pow(2).sum().backward()
print([torch.allclose(a, b.grad, atol=1e-5) for a, b in zip(grads_fused, (qg, kg, vg))])
print(grads_fused[0][1, 2].round(decimals=4))


class Config:
    block_size = 6
    n_embd = 12
    n_head = 3
    dropout = 0.0
    bias = True


class CausalSelfAttention(nn.Module):

    def __init__(self, config):
        super().__init__()
        assert config.n_embd % config.n_head == 0
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd, bias=config.bias)
        self.c_proj = nn.Linear(config.n_embd, config.n_embd, bias=config.bias)
        self.attn_dropout = nn.Dropout(config.dropout)
        self.resid_dropout = nn.Dropout(config.dropout)
        self.n_head = config.n_head
        self.n_embd = config.n_embd
        self.dropout = config.dropout
        self.flash = hasattr(torch.nn.functional, "scaled_dot_product_attention")
        self.register_buffer("bias", torch.tril(torch.ones(config.block_size, config.block_size))
                             .view(1, 1, config.block_size, config.block_size))

    def forward(self, x, flash=True):
        B, T, C = x.size()
        q, k, v = self.c_attn(x).split(self.n_embd, dim=2)
        k = k.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        q = q.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        v = v.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)
        if self.flash and flash:
            y = torch.nn.functional.scaled_dot_product_attention(
                q, k, v, attn_mask=None, dropout_p=self.dropout if self.training else 0, is_causal=True)
        else:
            att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
            att = att.masked_fill(self.bias[:, :, :T, :T] == 0, float("-inf"))
            att = F.softmax(att, dim=-1)
            att = self.attn_dropout(att)
            y = att @ v
        y = y.transpose(1, 2).contiguous().view(B, T, C)
        y = self.resid_dropout(self.c_proj(y))
        return y


class MLP(nn.Module):

    def __init__(self, config):
        super().__init__()
        self.c_fc = nn.Linear(config.n_embd, 4 * config.n_embd, bias=config.bias)
        self.gelu = nn.GELU()
        self.c_proj = nn.Linear(4 * config.n_embd, config.n_embd, bias=config.bias)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x):
        return self.dropout(self.c_proj(self.gelu(self.c_fc(x))))


config = Config()
attn = init_fixed_(CausalSelfAttention(config), scale=0.3)
mlp = init_fixed_(MLP(config), scale=0.3)
print(attn.flash, mlp)
x = fixed(2, 5, 12, scale=1.0, seed=7)
y_fast, y_slow = attn(x), attn(x, flash=False)
print(y_fast.shape, torch.allclose(y_fast, y_slow, atol=1e-6))
out = mlp(x + y_fast)
print(out[0, :2].round(decimals=4))
out.sum().backward()
print(attn.c_attn.weight.grad.shape, f"{attn.c_attn.weight.grad.abs().sum().item():.3f}")
print(f"{mlp.c_fc.weight.grad.norm().item():.4f}")
