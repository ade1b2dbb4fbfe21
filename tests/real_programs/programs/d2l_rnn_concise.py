# Source: Dive into Deep Learning, 9.6 "Concise Implementation of Recurrent Neural Networks", 10.1 LSTM,
#   10.2 GRU, 10.3 "Deep Recurrent Neural Networks", 10.4 "Bidirectional Recurrent Neural Networks"
#   (PyTorch tab) https://d2l.ai/chapter_recurrent-modern/index.html
# Licence: CC BY-SA 4.0 (text), MIT-0 (code) (d2l-ai/d2l-en). Written anew in the spirit of the source, not copied.
# Changed: no d2l package; the Time Machine download replaced by a few sentences in the file; PyTorch's
#   random initialisation checked by its bounds, then overwritten with fixed values; fixed minibatches;
#   20 SGD steps per model; losses and perplexities printed with 3-4 decimals.
import math

import torch
from torch import nn
from torch.nn import functional as F

from _fixed import fixed, init_fixed_

raw = ("the time machine by h g wells the time traveller for so it will be convenient to speak of him "
       "was expounding a recondite matter to us his grey eyes shone and twinkled")
vocab = sorted(set(raw))
token_to_idx = {t: i for i, t in enumerate(vocab)}
corpus = [token_to_idx[c] for c in raw]
vocab_size, num_steps, batch_size, num_hiddens = len(vocab), 8, 4, 16
X = torch.tensor([corpus[i:i + num_steps] for i in range(0, len(corpus) - num_steps - 1, 3)])
Y = torch.tensor([corpus[i + 1:i + num_steps + 1] for i in range(0, len(corpus) - num_steps - 1, 3)])

# the layers, their parameters, and PyTorch's initialisation U(-1/sqrt(hidden), 1/sqrt(hidden))
torch.manual_seed(0)
for layer in (nn.RNN(vocab_size, num_hiddens), nn.GRU(vocab_size, num_hiddens),
              nn.LSTM(vocab_size, num_hiddens, num_layers=2, batch_first=True),
              nn.GRU(4, 3, bidirectional=True), nn.RNN(4, 3, nonlinearity="relu", bias=False, num_layers=2)):
    print(layer)
    print("  ", [(name, tuple(p.shape)) for name, p in layer.named_parameters()])
    bound = 1 / math.sqrt(layer.hidden_size)
    print("  ", all(p.abs().max().item() <= bound for p in layer.parameters()),
          all(p.std().item() > 0.25 * bound for p in layer.parameters()))

# what goes in and what comes out
rnn = init_fixed_(nn.RNN(5, 3), scale=0.5)
x = fixed(7, 2, 5, scale=1.0, seed=3)  # (num_steps, batch_size, num_inputs)
out, h_n = rnn(x)
print(out.shape, h_n.shape, out.grad_fn is not None, torch.allclose(out[-1], h_n[0]))
print(h_n.round(decimals=4))
h0 = fixed(1, 2, 3, scale=1.0, seed=5)
print(rnn(x, h0)[1].round(decimals=4))
out1, h1 = rnn(x[0])  # unbatched: (num_steps=2 here, num_inputs)
print(out1.shape, h1.shape)

lstm = init_fixed_(nn.LSTM(5, 3, num_layers=2), scale=0.5)
out, (h_n, c_n) = lstm(x)
print(out.shape, h_n.shape, c_n.shape, torch.allclose(out[-1], h_n[-1]))
print(c_n[1].round(decimals=4))
lstm_bf = init_fixed_(nn.LSTM(5, 3, num_layers=2, batch_first=True), scale=0.5)
out_bf, (h_bf, c_bf) = lstm_bf(x.transpose(0, 1))
print(out_bf.shape, h_bf.shape, torch.allclose(out_bf.transpose(0, 1), out, atol=1e-6),
      torch.allclose(c_bf, c_n, atol=1e-6))

gru = init_fixed_(nn.GRU(5, 3, bidirectional=True), scale=0.5)
out, h_n = gru(x)
print(out.shape, h_n.shape, torch.allclose(out[-1, :, :3], h_n[0]), torch.allclose(out[0, :, 3:], h_n[1]))
print(out[0].round(decimals=4))
(out.sum() + h_n.pow(2).sum()).backward()
print(gru.weight_hh_l0_reverse.grad.round(decimals=4))


class RNNLM(nn.Module):
    """The RNN-based language model implemented with high-level APIs."""

    def __init__(self, rnn, vocab_size):
        super().__init__()
        self.rnn, self.vocab_size = rnn, vocab_size
        self.linear = nn.Linear(rnn.hidden_size, vocab_size)

    def output_layer(self, hiddens):
        return self.linear(hiddens).swapaxes(0, 1)

    def forward(self, X, state=None):
        embs = F.one_hot(X.T, self.vocab_size).type(torch.float32)
        rnn_outputs, _ = self.rnn(embs, state)
        return self.output_layer(rnn_outputs)

    def predict(self, prefix, num_preds):
        state, outputs = None, [token_to_idx[prefix[0]]]
        for i in range(len(prefix) + num_preds - 1):
            X = torch.tensor([[outputs[-1]]])
            embs = F.one_hot(X.T, self.vocab_size).type(torch.float32)
            rnn_outputs, state = self.rnn(embs, state)
            if i < len(prefix) - 1:
                outputs.append(token_to_idx[prefix[i + 1]])
            else:
                outputs.append(int(self.output_layer(rnn_outputs).argmax(axis=2).reshape(1)))
        return "".join(vocab[i] for i in outputs)


for name, rnn in (("rnn", nn.RNN(vocab_size, num_hiddens)), ("gru", nn.GRU(vocab_size, num_hiddens)),
                  ("lstm", nn.LSTM(vocab_size, num_hiddens)),
                  ("deep gru", nn.GRU(vocab_size, num_hiddens, num_layers=2))):
    model = init_fixed_(RNNLM(rnn, vocab_size), scale=0.3)
    optimizer = torch.optim.SGD(model.parameters(), lr=1)
    for step in range(20):
        ix = (torch.arange(batch_size) * 5 + step * 2) % X.shape[0]
        Y_hat = model(X[ix])
        loss = F.cross_entropy(Y_hat.reshape(-1, vocab_size), Y[ix].reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1)
        optimizer.step()
    with torch.no_grad():
        full = F.cross_entropy(model(X).reshape(-1, vocab_size), Y.reshape(-1))
    print(f"{name:8s} loss {loss.item():.4f} perplexity {math.exp(full.item()):.3f} "
          f"{model.predict('the ', 8)!r}")
