# Source: nn-zero-to-hero, lectures/makemore/makemore_part2_mlp.ipynb https://github.com/karpathy/nn-zero-to-hero
# Licence: MIT (karpathy/nn-zero-to-hero). Written anew in the spirit of the source, not copied.
# Changed: names.txt replaced by 16 names in the file; the torch.randn parameters and random
#   minibatch indices replaced by fixed values and fixed batches; 60 steps; sampling replaced by the
#   most likely character (different random streams); losses printed with 4 decimals.
import torch
import torch.nn.functional as F

from _fixed import fixed

words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia",
         "harper", "evelyn", "abigail", "emily", "elizabeth", "mila", "ella", "avery"]
chars = sorted(list(set("".join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi["."] = 0
itos = {i: s for s, i in stoi.items()}
block_size = 3


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


Xtr, Ytr = build_dataset(words[:13])
Xdev, Ydev = build_dataset(words[13:])

C = fixed(27, 2, scale=1.0)
emb = C[Xtr]
print(emb.shape)
W1 = fixed(6, 100, scale=0.5, seed=1)
b1 = fixed(100, seed=2)
h = torch.tanh(emb.view(-1, 6) @ W1 + b1)
print(h.shape)
W2 = fixed(100, 27, scale=0.5, seed=3)
b2 = fixed(27, seed=4)
parameters = [C, W1, b1, W2, b2]
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True

lri = []
lossi = []
for i in range(60):
    ix = torch.arange(i * 7, i * 7 + 16) % Xtr.shape[0]
    emb = C[Xtr[ix]]
    h = torch.tanh(emb.view(-1, 6) @ W1 + b1)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, Ytr[ix])
    for p in parameters:
        p.grad = None
    loss.backward()
    lr = 0.1 if i < 40 else 0.01
    for p in parameters:
        p.data += -lr * p.grad
    lossi.append(loss.log10().item())
    if i % 10 == 0:
        print(i, f"{loss.item():.4f}")
print(len(lossi), f"{lossi[-1]:.4f}")

emb = C[Xdev]
h = torch.tanh(emb.view(-1, 6) @ W1 + b1)
logits = h @ W2 + b2
loss = F.cross_entropy(logits, Ydev)
print(f"{loss.item():.4f}")

for _ in range(3):
    out = []
    context = [0] * block_size
    while True:
        emb = C[torch.tensor([context])]
        h = torch.tanh(emb.view(1, -1) @ W1 + b1)
        logits = h @ W2 + b2
        probs = F.softmax(logits, dim=1)
        ix = torch.argmax(probs, dim=1).item()
        context = context[1:] + [ix]
        out.append(ix)
        if ix == 0 or len(out) >= 10:
            break
    print("".join(itos[i] for i in out))
