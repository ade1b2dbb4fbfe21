# Source: nn-zero-to-hero, lectures/makemore/makemore_part3_bn.ipynb https://github.com/karpathy/nn-zero-to-hero
# Licence: MIT (karpathy/nn-zero-to-hero). Written anew in the spirit of the source, not copied.
# Changed: names.txt replaced by 16 names in the file; torch.randn parameters and random minibatches
#   replaced by fixed values and fixed batches; smaller layers, 40 steps; losses printed with 4 decimals.
import torch
import torch.nn.functional as F

from _fixed import fixed

words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia",
         "harper", "evelyn", "abigail", "emily", "elizabeth", "mila", "ella", "avery"]
chars = sorted(list(set("".join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi["."] = 0
vocab_size = len(stoi)
block_size = 3
X, Y = [], []
for w in words:
    context = [0] * block_size
    for ch in w + ".":
        X.append(context)
        Y.append(stoi[ch])
        context = context[1:] + [stoi[ch]]
Xtr, Ytr = torch.tensor(X), torch.tensor(Y)

n_embd = 4
n_hidden = 32
C = fixed(vocab_size, n_embd, scale=1.0)
W1 = fixed(n_embd * block_size, n_hidden, scale=1.0, seed=1) * (5 / 3) / ((n_embd * block_size) ** 0.5)
W2 = fixed(n_hidden, vocab_size, seed=2) * 0.1
b2 = torch.zeros(vocab_size)
bngain = torch.ones((1, n_hidden))
bnbias = torch.zeros((1, n_hidden))
bnmean_running = torch.zeros((1, n_hidden))
bnstd_running = torch.ones((1, n_hidden))
parameters = [C, W1, W2, b2, bngain, bnbias]
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True

for i in range(40):
    ix = torch.arange(i * 5, i * 5 + 24) % Xtr.shape[0]
    Xb, Yb = Xtr[ix], Ytr[ix]
    emb = C[Xb]
    embcat = emb.view(emb.shape[0], -1)
    hpreact = embcat @ W1
    bnmeani = hpreact.mean(0, keepdim=True)
    bnstdi = hpreact.std(0, keepdim=True)
    hpreact = bngain * (hpreact - bnmeani) / bnstdi + bnbias
    with torch.no_grad():
        bnmean_running = 0.999 * bnmean_running + 0.001 * bnmeani
        bnstd_running = 0.999 * bnstd_running + 0.001 * bnstdi
    h = torch.tanh(hpreact)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, Yb)
    for p in parameters:
        p.grad = None
    loss.backward()
    lr = 0.1
    for p in parameters:
        p.data += -lr * p.grad
    if i % 10 == 0:
        print(f"{i:7d}/{40:7d}: {loss.item():.4f}")


@torch.no_grad()
def split_loss():
    emb = C[Xtr]
    embcat = emb.view(emb.shape[0], -1)
    hpreact = embcat @ W1
    hpreact = bngain * (hpreact - bnmean_running) / bnstd_running + bnbias
    h = torch.tanh(hpreact)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, Ytr)
    print("train", f"{loss.item():.4f}")


split_loss()
print(f"{bnmean_running.abs().mean().item():.4f}")

bn = torch.nn.BatchNorm1d(n_hidden)
print(bn)
with torch.no_grad():
    out = bn(C[Xtr].view(Xtr.shape[0], -1) @ W1)
print(f"{out.mean().item():.4f} {out.var(0).mean().item():.4f}")
print(f"{bn.running_mean.abs().mean().item():.4f} {bn.num_batches_tracked}")
bn.eval()
print(bn.training, bn(torch.ones(2, n_hidden)).shape)
