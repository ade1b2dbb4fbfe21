# Source: nn-zero-to-hero, "Let's build GPT: from scratch, in code, spelled out" (gpt-dev.ipynb), "the
#   mathematical trick in self-attention" https://github.com/karpathy/ng-video-lecture
# Licence: MIT (karpathy/ng-video-lecture). Written anew in the spirit of the source, not copied.
# Changed: torch.randn inputs and the random Linear weights replaced by fixed values; weights printed rounded;
#   allclose given atol=1e-6 (some running means of the fixed values are zero, where float32 noise exceeds
#   the default tolerance).
import torch
import torch.nn as nn
from torch.nn import functional as F

from _fixed import fixed, init_fixed_

torch.manual_seed(1337)
B, T, C = 4, 8, 2
x = fixed(B, T, C, scale=1.0)
print(x.shape)

# version 1: a running mean over the past with loops
xbow = torch.zeros((B, T, C))
for b in range(B):
    for t in range(T):
        xprev = x[b, :t + 1]
        xbow[b, t] = torch.mean(xprev, 0)

# version 2: the same as a matrix product with a lower-triangular averaging matrix
wei = torch.tril(torch.ones(T, T))
wei = wei / wei.sum(1, keepdim=True)
xbow2 = wei @ x
print(torch.allclose(xbow, xbow2, atol=1e-6))

# version 3: the same weights from a softmax over a masked matrix
tril = torch.tril(torch.ones(T, T))
wei = torch.zeros((T, T))
wei = wei.masked_fill(tril == 0, float("-inf"))
print(wei[:3, :3])
wei = F.softmax(wei, dim=-1)
xbow3 = wei @ x
print(torch.allclose(xbow, xbow3, atol=1e-6))
print(wei[:3].round(decimals=4))

a = torch.tril(torch.ones(3, 3))
a = a / torch.sum(a, 1, keepdim=True)
b = torch.tensor([[2.0, 7.0], [6.0, 4.0], [6.0, 5.0]])
c = a @ b
print("a=", a, "--", "b=", b, "--", "c=", c, sep="\n")

# version 4: self-attention, one head
C = 32
x = fixed(B, T, C, scale=1.0, seed=3)
head_size = 16
key = nn.Linear(C, head_size, bias=False)
query = nn.Linear(C, head_size, bias=False)
value = nn.Linear(C, head_size, bias=False)
for i, layer in enumerate((key, query, value)):
    with torch.no_grad():
        layer.weight.copy_(fixed(head_size, C, scale=0.2, seed=10 + i))
k = key(x)
q = query(x)
wei = q @ k.transpose(-2, -1) * head_size ** -0.5
tril = torch.tril(torch.ones(T, T))
wei = wei.masked_fill(tril == 0, float("-inf"))
wei = F.softmax(wei, dim=-1)
v = value(x)
out = wei @ v
print(out.shape)
print(wei[0].round(decimals=3))
print((wei.sum(-1) - 1).abs().max().item() < 1e-6, torch.triu(wei[0], diagonal=1).abs().sum().item())
print(k.var().item() > 0, round(q.var().item(), 2), round((q @ k.transpose(-2, -1) * head_size ** -0.5).var().item(), 2))
print(torch.softmax(torch.tensor([0.1, -0.2, 0.3, -0.2, 0.5]), dim=-1).round(decimals=4))
print(torch.softmax(torch.tensor([0.1, -0.2, 0.3, -0.2, 0.5]) * 8, dim=-1).round(decimals=4))
