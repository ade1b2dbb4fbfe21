# Source: Dive into Deep Learning, 10.7 "Sequence-to-Sequence Learning" (encoder, decoder, sequence_mask,
#   masked loss), 11.3 "Attention Scoring Functions" (masked_softmax, AdditiveAttention,
#   DotProductAttention) and 11.6 "Self-Attention and Positional Encoding" (PyTorch tab)
#   https://d2l.ai/chapter_attention-mechanisms-and-transformers/attention-scoring-functions.html
# Licence: CC BY-SA 4.0 (text), MIT-0 (code) (d2l-ai/d2l-en). Written anew in the spirit of the source, not copied.
# Changed: no d2l package; torch.rand/normal inputs and the random initialisation replaced by fixed values;
#   dropout 0; a tiny vocabulary and sequences in the file; values printed rounded.
import math

import torch
from torch import nn

from _fixed import fixed, init_fixed_


def masked_softmax(X, valid_lens):
    """Perform softmax operation by masking elements on the last axis."""
    # X: 3D tensor, valid_lens: 1D or 2D tensor
    def _sequence_mask(X, valid_len, value=0):
        maxlen = X.size(1)
        mask = torch.arange((maxlen), dtype=torch.float32, device=X.device)[None, :] < valid_len[:, None]
        X[~mask] = value
        return X

    if valid_lens is None:
        return nn.functional.softmax(X, dim=-1)
    else:
        shape = X.shape
        if valid_lens.dim() == 1:
            valid_lens = torch.repeat_interleave(valid_lens, shape[1])
        else:
            valid_lens = valid_lens.reshape(-1)
        # on the last axis, replace masked elements with a very large negative value, whose exponent is 0
        X = _sequence_mask(X.reshape(-1, shape[-1]), valid_lens, value=-1e6)
        return nn.functional.softmax(X.reshape(shape), dim=-1)


print(masked_softmax(fixed(2, 2, 4, scale=1.0), torch.tensor([2, 3])).round(decimals=4))
print(masked_softmax(fixed(2, 2, 4, scale=1.0), torch.tensor([[1, 3], [2, 4]])).round(decimals=4))

Q, K = torch.ones((2, 3, 4)), torch.ones((2, 4, 6))
print(torch.bmm(Q, K).shape)


class DotProductAttention(nn.Module):
    """Scaled dot product attention."""

    def __init__(self, dropout):
        super().__init__()
        self.dropout = nn.Dropout(dropout)

    # shape of queries: (batch_size, no. of queries, d); keys: (batch_size, no. of key-value pairs, d);
    # values: (batch_size, no. of key-value pairs, value dimension); valid_lens: (batch_size,) or (batch_size, no. of queries)
    def forward(self, queries, keys, values, valid_lens=None):
        d = queries.shape[-1]
        # swap the last two dimensions of keys with keys.transpose(1, 2)
        scores = torch.bmm(queries, keys.transpose(1, 2)) / math.sqrt(d)
        self.attention_weights = masked_softmax(scores, valid_lens)
        return torch.bmm(self.dropout(self.attention_weights), values)


queries = fixed(2, 1, 2, scale=1.0, seed=1)
keys = fixed(2, 10, 2, scale=1.0, seed=2)
values = fixed(2, 10, 4, scale=1.0, seed=3)
valid_lens = torch.tensor([2, 6])
attention = DotProductAttention(dropout=0.5)
attention.eval()
out = attention(queries, keys, values, valid_lens)
print(out.shape, out.round(decimals=4))
print(attention.attention_weights.reshape((1, 1, 2, 10)).round(decimals=3))


class AdditiveAttention(nn.Module):
    """Additive attention."""

    def __init__(self, num_hiddens, dropout, **kwargs):
        super(AdditiveAttention, self).__init__(**kwargs)
        self.W_k = nn.LazyLinear(num_hiddens, bias=False)
        self.W_q = nn.LazyLinear(num_hiddens, bias=False)
        self.w_v = nn.LazyLinear(1, bias=False)
        self.dropout = nn.Dropout(dropout)

    def forward(self, queries, keys, values, valid_lens):
        queries, keys = self.W_q(queries), self.W_k(keys)
        # after dimension expansion, shape of queries: (batch_size, no. of queries, 1, num_hiddens) and shape
        # of keys: (batch_size, 1, no. of key-value pairs, num_hiddens); sum them up with broadcasting
        features = queries.unsqueeze(2) + keys.unsqueeze(1)
        features = torch.tanh(features)
        # there is only one output of self.w_v, so we remove the last one-dimensional entry from the shape
        scores = self.w_v(features).squeeze(-1)
        self.attention_weights = masked_softmax(scores, valid_lens)
        return torch.bmm(self.dropout(self.attention_weights), values)


attention = AdditiveAttention(num_hiddens=8, dropout=0.1)
attention.eval()
attention(queries, keys, values, valid_lens)  # materialise the lazy layers
init_fixed_(attention, scale=0.5)
print(attention)
out = attention(queries, keys, values, valid_lens)
print(out.shape, out.round(decimals=4))
print(attention.attention_weights.round(decimals=3))


class PositionalEncoding(nn.Module):
    """Positional encoding."""

    def __init__(self, num_hiddens, dropout, max_len=1000):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        # create a long enough P
        self.P = torch.zeros((1, max_len, num_hiddens))
        X = torch.arange(max_len, dtype=torch.float32).reshape(-1, 1) / torch.pow(
            10000, torch.arange(0, num_hiddens, 2, dtype=torch.float32) / num_hiddens)
        self.P[:, :, 0::2] = torch.sin(X)
        self.P[:, :, 1::2] = torch.cos(X)

    def forward(self, X):
        X = X + self.P[:, :X.shape[1], :].to(X.device)
        return self.dropout(X)


encoding_dim, num_steps = 8, 6
pos_encoding = PositionalEncoding(encoding_dim, 0)
X = pos_encoding(torch.zeros((1, num_steps, encoding_dim)))
P = pos_encoding.P[:, :X.shape[1], :]
print(P[0, :, 4:8].round(decimals=4))
for i in range(8):
    print(f"{i} in binary is {i:>03b}")


class Seq2SeqEncoder(nn.Module):
    """The RNN encoder for sequence-to-sequence learning."""

    def __init__(self, vocab_size, embed_size, num_hiddens, num_layers, dropout=0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.rnn = nn.GRU(embed_size, num_hiddens, num_layers, dropout=dropout)

    def forward(self, X, *args):
        # X shape: (batch_size, num_steps)
        embs = self.embedding(X.t().type(torch.int64))
        # embs shape: (num_steps, batch_size, embed_size)
        outputs, state = self.rnn(embs)
        # outputs shape: (num_steps, batch_size, num_hiddens); state shape: (num_layers, batch_size, num_hiddens)
        return outputs, state


class Seq2SeqDecoder(nn.Module):
    """The RNN decoder for sequence to sequence learning."""

    def __init__(self, vocab_size, embed_size, num_hiddens, num_layers, dropout=0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.rnn = nn.GRU(embed_size + num_hiddens, num_hiddens, num_layers, dropout=dropout)
        self.dense = nn.LazyLinear(vocab_size)

    def init_state(self, enc_all_outputs, *args):
        return enc_all_outputs

    def forward(self, X, state):
        # X shape: (batch_size, num_steps); embs shape: (num_steps, batch_size, embed_size)
        embs = self.embedding(X.t().type(torch.int32))
        enc_output, hidden_state = state
        # context shape: (batch_size, num_hiddens)
        context = enc_output[-1]
        # broadcast context to (num_steps, batch_size, num_hiddens)
        context = context.repeat(embs.shape[0], 1, 1)
        # concat at the feature dimension
        embs_and_context = torch.cat((embs, context), -1)
        outputs, hidden_state = self.rnn(embs_and_context, hidden_state)
        outputs = self.dense(outputs).swapaxes(0, 1)
        # outputs shape: (batch_size, num_steps, vocab_size); hidden_state shape: (num_layers, batch_size, num_hiddens)
        return outputs, [enc_output, hidden_state]


vocab_size, embed_size, num_hiddens, num_layers = 10, 8, 16, 2
batch_size, num_steps = 4, 9
encoder = Seq2SeqEncoder(vocab_size, embed_size, num_hiddens, num_layers)
decoder = Seq2SeqDecoder(vocab_size, embed_size, num_hiddens, num_layers)
X = (torch.arange(batch_size * num_steps).reshape(batch_size, num_steps) * 7) % vocab_size
enc_outputs, enc_state = encoder(X)
state = decoder.init_state(encoder(X))
outputs, state = decoder(X, state)
init_fixed_(encoder, scale=0.4)
init_fixed_(decoder, scale=0.4)
print(enc_outputs.shape, enc_state.shape, outputs.shape, len(state), state[1].shape)
outputs, state = decoder(X, decoder.init_state(encoder(X)))
print(outputs[0, :2].round(decimals=4))


def sequence_mask(X, valid_len, value=0):
    maxlen = X.size(1)
    mask = torch.arange((maxlen), dtype=torch.float32)[None, :] < valid_len[:, None]
    X[~mask] = value
    return X


print(sequence_mask(torch.tensor([[1, 2, 3], [4, 5, 6]]), torch.tensor([1, 2])))
Y = X.clone()
valid = torch.tensor([3, 9, 5, 1])
l = nn.functional.cross_entropy(outputs.reshape(-1, vocab_size), Y.reshape(-1), reduction="none")
mask = (torch.arange(num_steps)[None, :] < valid[:, None]).type(torch.float32).reshape(-1)
masked = (l * mask).sum() / mask.sum()
print(f"{masked.item():.4f}")
params = list(encoder.parameters()) + list(decoder.parameters())
optimizer = torch.optim.Adam(params, lr=0.01)
for step in range(8):
    outputs, _ = decoder(X, decoder.init_state(encoder(X)))
    l = nn.functional.cross_entropy(outputs.reshape(-1, vocab_size), Y.reshape(-1), reduction="none")
    loss = (l * mask).sum() / mask.sum()
    optimizer.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(params, 1)
    optimizer.step()
    if step % 2 == 1:
        print(step, f"{loss.item():.4f}")
