# Source: nn-zero-to-hero, lectures/makemore/makemore_part1_bigrams.ipynb (counting part)
#   https://github.com/karpathy/nn-zero-to-hero
# Licence: MIT (karpathy/nn-zero-to-hero). Written anew in the spirit of the source, not copied.
# Changed: names.txt replaced by 16 names in the file; torch.multinomial sampling (PyTorch and minigrad
#   draw different random numbers) replaced by the most likely next character, after showing that
#   multinomial gives valid indices; the count plot left out.
import torch

words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia",
         "harper", "evelyn", "abigail", "emily", "elizabeth", "mila", "ella", "avery"]
print(len(words), min(len(w) for w in words), max(len(w) for w in words))

N = torch.zeros((27, 27), dtype=torch.int32)
chars = sorted(list(set("".join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi["."] = 0
itos = {i: s for s, i in stoi.items()}
for w in words:
    chs = ["."] + list(w) + ["."]
    for ch1, ch2 in zip(chs, chs[1:]):
        N[stoi[ch1], stoi[ch2]] += 1
print(N[0])
p = N[0].float()
p = p / p.sum()
print(p)

g = torch.Generator().manual_seed(2147483647)
samples = torch.multinomial(p, num_samples=20, replacement=True, generator=g)
print(samples.shape, samples.dtype, bool((p[samples] > 0).all()))

P = (N + 1).float()
P /= P.sum(1, keepdims=True)
print(P.shape, P[0].sum())

for i in range(3):
    out = []
    ix = i + 1
    for _ in range(8):
        ix = P[ix].argmax().item()
        out.append(itos[ix])
        if ix == 0:
            break
    print("".join(out))

log_likelihood = 0.0
n = 0
for w in words[:3]:
    chs = ["."] + list(w) + ["."]
    for ch1, ch2 in zip(chs, chs[1:]):
        prob = P[stoi[ch1], stoi[ch2]]
        logprob = torch.log(prob)
        log_likelihood += logprob
        n += 1
print(f"{log_likelihood=}")
nll = -log_likelihood
print(f"{nll=}")
print(f"{nll/n}")
