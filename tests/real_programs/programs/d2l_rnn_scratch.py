# Source: Dive into Deep Learning, 9.5 "Recurrent Neural Network Implementation from Scratch" (PyTorch
#   tab) and 9.3 "Language Models" (perplexity) https://d2l.ai/chapter_recurrent-neural-networks/rnn-scratch.html
# Licence: CC BY-SA 4.0 (text), MIT-0 (code) (d2l-ai/d2l-en). Written anew in the spirit of the source, not copied.
# Changed: no d2l package (its Module/Trainer replaced by a plain loop); the Time Machine download replaced by
#   a few sentences in the file; torch.randn * sigma parameters replaced by fixed values; fixed minibatches;
#   20 steps of SGD with gradient clipping; losses and perplexities printed with 2-3 decimals.
import math

import torch
from torch import nn
from torch.nn import functional as F

from _fixed import fixed

raw = ("the time machine by h g wells the time traveller for so it will be convenient to speak of him "
       "was expounding a recondite matter to us his grey eyes shone and twinkled")
vocab = sorted(set(raw))
token_to_idx = {t: i for i, t in enumerate(vocab)}
corpus = [token_to_idx[c] for c in raw]
print(len(vocab), len(corpus), vocab[:6])

num_steps, batch_size = 8, 4
X = torch.tensor([corpus[i:i + num_steps] for i in range(0, len(corpus) - num_steps - 1, 3)])
Y = torch.tensor([corpus[i + 1:i + num_steps + 1] for i in range(0, len(corpus) - num_steps - 1, 3)])
print(X.shape, Y.shape)


class RNNScratch(nn.Module):
    """The RNN model implemented from scratch."""

    def __init__(self, num_inputs, num_hiddens, sigma=0.01):
        super().__init__()
        self.num_inputs, self.num_hiddens, self.sigma = num_inputs, num_hiddens, sigma
        self.W_xh = nn.Parameter(torch.randn(num_inputs, num_hiddens) * sigma)
        self.W_hh = nn.Parameter(torch.randn(num_hiddens, num_hiddens) * sigma)
        self.b_h = nn.Parameter(torch.zeros(num_hiddens))

    def forward(self, inputs, state=None):
        if state is None:
            # initial state with shape: (batch_size, num_hiddens)
            state = torch.zeros((inputs.shape[1], self.num_hiddens), device=inputs.device)
        else:
            state, = state
        outputs = []
        for X in inputs:  # shape of inputs: (num_steps, batch_size, num_inputs)
            state = torch.tanh(torch.matmul(X, self.W_xh) + torch.matmul(state, self.W_hh) + self.b_h)
            outputs.append(state)
        return outputs, state


batch_size, num_inputs, num_hiddens, num_steps_demo = 2, 16, 32, 100
rnn = RNNScratch(num_inputs, num_hiddens)
X_demo = torch.ones((num_steps_demo, batch_size, num_inputs))
outputs, state = rnn(X_demo)


def check_len(a, n):
    assert len(a) == n, f"list's length {len(a)} != expected length {n}"


def check_shape(a, shape):
    assert a.shape == shape, f"tensor's shape {a.shape} != expected shape {shape}"


check_len(outputs, num_steps_demo)
check_shape(outputs[0], (batch_size, num_hiddens))
check_shape(state, (batch_size, num_hiddens))
print(len(outputs), outputs[0].shape, state.shape, state.grad_fn)


class RNNLMScratch(nn.Module):
    """The RNN-based language model implemented from scratch."""

    def __init__(self, rnn, vocab_size, lr=0.01):
        super().__init__()
        self.rnn, self.vocab_size, self.lr = rnn, vocab_size, lr
        self.init_params()

    def init_params(self):
        self.W_hq = nn.Parameter(torch.randn(self.rnn.num_hiddens, self.vocab_size) * self.rnn.sigma)
        self.b_q = nn.Parameter(torch.zeros(self.vocab_size))

    def one_hot(self, X):
        # output shape: (num_steps, batch_size, vocab_size)
        return F.one_hot(X.T, self.vocab_size).type(torch.float32)

    def output_layer(self, rnn_outputs):
        outputs = [torch.matmul(H, self.W_hq) + self.b_q for H in rnn_outputs]
        return torch.stack(outputs, 1)

    def forward(self, X, state=None):
        embs = self.one_hot(X)
        rnn_outputs, _ = self.rnn(embs, state)
        return self.output_layer(rnn_outputs)

    def loss(self, Y_hat, Y):
        Y_hat = Y_hat.reshape((-1, Y_hat.shape[-1]))
        return F.cross_entropy(Y_hat, Y.reshape((-1,)))

    def predict(self, prefix, num_preds, vocab, device=None):
        state, outputs = None, [token_to_idx[prefix[0]]]
        for i in range(len(prefix) + num_preds - 1):
            X = torch.tensor([[outputs[-1]]], device=device)
            embs = self.one_hot(X)
            rnn_outputs, state = self.rnn(embs, state)
            if i < len(prefix) - 1:  # warm-up period
                outputs.append(token_to_idx[prefix[i + 1]])
            else:  # predict num_preds steps
                Y = self.output_layer(rnn_outputs)
                outputs.append(int(Y.argmax(axis=2).reshape(1)))
        return "".join([vocab[i] for i in outputs])


def clip_gradients(grad_clip_val, model):
    params = [p for p in model.parameters() if p.requires_grad]
    norm = torch.sqrt(sum(torch.sum((p.grad ** 2)) for p in params))
    if norm > grad_clip_val:
        for param in params:
            param.grad[:] *= grad_clip_val / norm
    return norm


vocab_size = len(vocab)
model = RNNLMScratch(RNNScratch(num_inputs=vocab_size, num_hiddens=32), vocab_size=vocab_size, lr=0.5)
print(F.one_hot(torch.tensor([0, 2]), vocab_size).shape, model.one_hot(X[:batch_size]).shape)
check_shape(model(X[:batch_size]), (batch_size, num_steps, vocab_size))
with torch.no_grad():  # fixed values instead of torch.randn * sigma, so both libraries agree
    for seed, p in enumerate(model.parameters()):
        p.copy_(fixed(*p.shape, scale=0.3, seed=seed) if p.dim() == 2 else torch.zeros(p.shape))
print([(name, tuple(p.shape)) for name, p in model.named_parameters()])

for step in range(20):
    ix = (torch.arange(batch_size) * 5 + step * 2) % X.shape[0]
    Y_hat = model(X[ix])
    l = model.loss(Y_hat, Y[ix])
    for p in model.parameters():
        p.grad = None
    l.backward()
    norm = clip_gradients(1, model)
    with torch.no_grad():
        for p in model.parameters():
            p -= model.lr * p.grad
    if step % 5 == 0 or step == 19:
        print(f"step {step:2d} loss {l.item():.3f} perplexity {math.exp(l.item()):.2f} "
              f"grad norm {norm.item():.3f} clipped {bool(norm > 1)}")

with torch.no_grad():
    full = model.loss(model(X), Y)
print(f"perplexity on all {X.shape[0]} sequences: {torch.exp(full).item():.3f}")
print(repr(model.predict("the time", 12, vocab)))
print(f"{model.rnn.W_hh.norm().item():.4f} {model.b_q.abs().max().item():.4f}")
