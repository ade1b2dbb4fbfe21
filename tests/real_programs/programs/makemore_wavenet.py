# Source: nn-zero-to-hero, lectures/makemore/makemore_part5_cnn1.ipynb ("Building makemore Part 5:
#   Building a WaveNet") https://github.com/karpathy/nn-zero-to-hero
# Licence: MIT (karpathy/nn-zero-to-hero). Written anew in the spirit of the source, not copied.
# Changed: names.txt replaced by 24 names in the file; torch.randn weights replaced by fixed values scaled
#   like the lecture's kaiming init; random minibatches replaced by fixed ones; smaller layers; 30 steps;
#   the lecture's hand-made layers compared at the end with torch.nn's (Embedding, BatchNorm1d on
#   (N, C, L) input, torch.nn.init.kaiming_normal_ checked by its spread).
import torch
import torch.nn.functional as F

from _fixed import fixed

words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper", "evelyn",
         "abigail", "emily", "elizabeth", "mila", "ella", "avery", "sofia", "camila", "aria", "scarlett",
         "victoria", "madison", "luna", "grace"]
chars = sorted(list(set("".join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi["."] = 0
itos = {i: s for s, i in stoi.items()}
vocab_size = len(itos)
print(vocab_size)

block_size = 8


def build_dataset(words):
    X, Y = [], []
    for w in words:
        context = [0] * block_size
        for ch in w + ".":
            ix = stoi[ch]
            X.append(context)
            Y.append(ix)
            context = context[1:] + [ix]
    X = torch.tensor(X)
    Y = torch.tensor(Y)
    print(X.shape, Y.shape)
    return X, Y


Xtr, Ytr = build_dataset(words[:20])
Xdev, Ydev = build_dataset(words[20:])
for x, y in zip(Xtr[:5], Ytr[:5]):
    print("".join(itos[ix.item()] for ix in x), "-->", itos[y.item()])

seed = 0


def randn_fixed(*shape):
    """Stands in for torch.randn: fixed values with a spread close to 1."""
    global seed
    seed += 1
    return fixed(*shape, scale=1.7, seed=seed)


class Linear:

    def __init__(self, fan_in, fan_out, bias=True):
        self.weight = randn_fixed(fan_in, fan_out) / fan_in ** 0.5  # note: kaiming init
        self.bias = torch.zeros(fan_out) if bias else None

    def __call__(self, x):
        self.out = x @ self.weight
        if self.bias is not None:
            self.out += self.bias
        return self.out

    def parameters(self):
        return [self.weight] + ([] if self.bias is None else [self.bias])


class BatchNorm1d:

    def __init__(self, dim, eps=1e-5, momentum=0.1):
        self.eps = eps
        self.momentum = momentum
        self.training = True
        # parameters (trained with backprop)
        self.gamma = torch.ones(dim)
        self.beta = torch.zeros(dim)
        # buffers (trained with a running 'momentum update')
        self.running_mean = torch.zeros(dim)
        self.running_var = torch.ones(dim)

    def __call__(self, x):
        if self.training:
            if x.ndim == 2:
                dim = 0
            elif x.ndim == 3:
                dim = (0, 1)
            xmean = x.mean(dim, keepdim=True)  # batch mean
            xvar = x.var(dim, keepdim=True)  # batch variance
        else:
            xmean = self.running_mean
            xvar = self.running_var
        xhat = (x - xmean) / torch.sqrt(xvar + self.eps)  # normalize to unit variance
        self.out = self.gamma * xhat + self.beta
        if self.training:
            with torch.no_grad():
                self.running_mean = (1 - self.momentum) * self.running_mean + self.momentum * xmean
                self.running_var = (1 - self.momentum) * self.running_var + self.momentum * xvar
        return self.out

    def parameters(self):
        return [self.gamma, self.beta]


class Tanh:

    def __call__(self, x):
        self.out = torch.tanh(x)
        return self.out

    def parameters(self):
        return []


class Embedding:

    def __init__(self, num_embeddings, embedding_dim):
        self.weight = randn_fixed(num_embeddings, embedding_dim)

    def __call__(self, IX):
        self.out = self.weight[IX]
        return self.out

    def parameters(self):
        return [self.weight]


class FlattenConsecutive:

    def __init__(self, n):
        self.n = n

    def __call__(self, x):
        B, T, C = x.shape
        x = x.view(B, T // self.n, C * self.n)
        if x.shape[1] == 1:
            x = x.squeeze(1)
        self.out = x
        return self.out

    def parameters(self):
        return []


class Sequential:

    def __init__(self, layers):
        self.layers = layers

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        self.out = x
        return self.out

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]


n_embd = 6
n_hidden = 24
model = Sequential([
    Embedding(vocab_size, n_embd),
    FlattenConsecutive(2), Linear(n_embd * 2, n_hidden, bias=False), BatchNorm1d(n_hidden), Tanh(),
    FlattenConsecutive(2), Linear(n_hidden * 2, n_hidden, bias=False), BatchNorm1d(n_hidden), Tanh(),
    FlattenConsecutive(2), Linear(n_hidden * 2, n_hidden, bias=False), BatchNorm1d(n_hidden), Tanh(),
    Linear(n_hidden, vocab_size),
])
with torch.no_grad():
    model.layers[-1].weight *= 0.1  # last layer: make less confident
parameters = model.parameters()
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True

ix = torch.arange(4) * 3
Xb, Yb = Xtr[ix], Ytr[ix]
logits = model(Xb)
print(Xb.shape)
for layer in model.layers:
    print(layer.__class__.__name__, ":", tuple(layer.out.shape))

max_steps = 30
batch_size = 16
lossi = []
for i in range(max_steps):
    ix = (torch.arange(batch_size) * 7 + i * 5) % Xtr.shape[0]
    Xb, Yb = Xtr[ix], Ytr[ix]
    logits = model(Xb)
    loss = F.cross_entropy(logits, Yb)
    for p in parameters:
        p.grad = None
    loss.backward()
    lr = 0.1 if i < 20 else 0.01
    for p in parameters:
        p.data += -lr * p.grad
    if i % 10 == 0:
        print(f"{i:7d}/{max_steps:7d}: {loss.item():.4f}")
    lossi.append(loss.log10().item())

print(torch.tensor(lossi).view(-1, 10).mean(1).round(decimals=3))
for layer in model.layers:
    layer.training = False


@torch.no_grad()
def split_loss(split):
    x, y = {"train": (Xtr, Ytr), "val": (Xdev, Ydev)}[split]
    logits = model(x)
    loss = F.cross_entropy(logits, y)
    print(split, f"{loss.item():.4f}")


split_loss("train")
split_loss("val")
print(model.layers[3].running_mean.shape, f"{model.layers[3].running_var.mean().item():.4f}")

# the same network from torch.nn: BatchNorm1d wants (N, C, L), so the channels go to dim 1
torch.manual_seed(42)
emb = torch.nn.Embedding(vocab_size, n_embd)
lin = torch.nn.Linear(n_embd * 2, n_hidden, bias=False)
torch.nn.init.kaiming_normal_(lin.weight, nonlinearity="tanh")
print(torch.nn.init.calculate_gain("tanh"), 0.4 < lin.weight.std().item() < 0.6)
torch.nn.init.kaiming_uniform_(lin.weight, mode="fan_in", nonlinearity="relu")
print(lin.weight.abs().max().item() <= (6 / (n_embd * 2)) ** 0.5)
with torch.no_grad():
    emb.weight.copy_(model.layers[0].weight)
    lin.weight.copy_(model.layers[2].weight.T)
bn = torch.nn.BatchNorm1d(n_hidden)
x = lin(emb(Xtr[:8]).view(8, 4, n_embd * 2))
y_nn = bn(x.transpose(1, 2)).transpose(1, 2)
ours = BatchNorm1d(n_hidden)
y_ours = ours(x)
# (ours divides by the unbiased variance, torch.nn by the biased one: close, not equal)
print(y_nn.shape, torch.allclose(y_nn, y_ours, atol=0.1), torch.allclose(y_nn, y_ours, atol=1e-4))
print(torch.allclose(bn.running_mean, ours.running_mean.view(-1), atol=1e-6),
      torch.allclose(bn.running_var, ours.running_var.view(-1), atol=1e-4))
