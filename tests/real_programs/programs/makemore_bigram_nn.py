# Source: nn-zero-to-hero, lectures/makemore/makemore_part1_bigrams.ipynb (neural network part)
#   https://github.com/karpathy/nn-zero-to-hero
# Licence: MIT (karpathy/nn-zero-to-hero). Written anew in the spirit of the source, not copied.
# Changed: names.txt replaced by 16 names in the file; W = torch.randn((27, 27), generator=g) replaced
#   by fixed values; 30 steps; sampling replaced by the most likely character (different random streams).
import torch
import torch.nn.functional as F

from _fixed import fixed

words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia",
         "harper", "evelyn", "abigail", "emily", "elizabeth", "mila", "ella", "avery"]
chars = sorted(list(set("".join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi["."] = 0
itos = {i: s for s, i in stoi.items()}

xs, ys = [], []
for w in words:
    chs = ["."] + list(w) + ["."]
    for ch1, ch2 in zip(chs, chs[1:]):
        xs.append(stoi[ch1])
        ys.append(stoi[ch2])
xs = torch.tensor(xs)
ys = torch.tensor(ys)
num = xs.nelement()
print("number of examples: ", num)

xenc = F.one_hot(xs, num_classes=27).float()
print(xenc.shape, xenc.dtype)
W = fixed(27, 27, scale=1.0).requires_grad_()

for k in range(30):
    xenc = F.one_hot(xs, num_classes=27).float()
    logits = xenc @ W
    counts = logits.exp()
    probs = counts / counts.sum(1, keepdims=True)
    loss = -probs[torch.arange(num), ys].log().mean() + 0.01 * (W**2).mean()
    if k % 5 == 0:
        print(f"{loss.item():.4f}")
    W.grad = None
    loss.backward()
    W.data += -10 * W.grad

for i in range(3):
    out = []
    ix = i + 1
    for _ in range(8):
        xenc = F.one_hot(torch.tensor([ix]), num_classes=27).float()
        p = F.softmax(xenc @ W, dim=1)
        ix = p.argmax().item()
        out.append(itos[ix])
        if ix == 0:
            break
    print("".join(out))
