# Source: nn-zero-to-hero, "Let's build GPT: from scratch, in code, spelled out" (gpt.py) and nanoGPT's
#   generate() with temperature and top-k https://github.com/karpathy/ng-video-lecture
# Licence: MIT (karpathy/ng-video-lecture, karpathy/nanoGPT). Written anew in the spirit of the source, not copied.
# Changed: the Shakespeare download replaced by a few lines in the file; a tiny model (n_embd 16, 2 heads,
#   2 layers, block_size 8, dropout 0); random batches replaced by fixed offsets; the normal_(std=0.02)
#   init is run and then overwritten with fixed values; 12 AdamW steps; sampling prints only what does
#   not depend on the random draws (greedy top_k=1 text, shapes, vocabulary membership).
import torch
import torch.nn as nn
from torch.nn import functional as F

from _fixed import init_fixed_

batch_size = 4
block_size = 8
max_iters = 12
eval_interval = 4
learning_rate = 1e-2
eval_iters = 3
n_embd = 16
n_head = 2
n_layer = 2
dropout = 0.0
device = "cuda" if torch.cuda.is_available() else "cpu"

torch.manual_seed(1337)
text = """First Citizen:
Before we proceed any further, hear me speak.
All:
Speak, speak.
First Citizen:
You are all resolved rather to die than to famish?
All:
Resolved. resolved.
"""
chars = sorted(list(set(text)))
vocab_size = len(chars)
print("".join(chars).encode("unicode_escape").decode(), vocab_size)
stoi = {ch: i for i, ch in enumerate(chars)}
itos = {i: ch for i, ch in enumerate(chars)}
encode = lambda s: [stoi[c] for c in s]
decode = lambda l: "".join([itos[i] for i in l])

data = torch.tensor(encode(text), dtype=torch.long)
n = int(0.9 * len(data))
train_data = data[:n]
val_data = data[n:]
print(data.shape, data.dtype, train_data.shape, val_data.shape)
print(data[:20])

step = 0


def get_batch(split):
    # fixed offsets instead of torch.randint, so both libraries see the same batches
    data = train_data if split == "train" else val_data
    ix = (torch.arange(batch_size) * 7 + step * 3) % (len(data) - block_size)
    x = torch.stack([data[i:i + block_size] for i in ix])
    y = torch.stack([data[i + 1:i + block_size + 1] for i in ix])
    x, y = x.to(device), y.to(device)
    return x, y


@torch.no_grad()
def estimate_loss():
    out = {}
    model.eval()
    for split in ["train", "val"]:
        losses = torch.zeros(eval_iters)
        for k in range(eval_iters):
            X, Y = get_batch(split)
            logits, loss = model(X, Y)
            losses[k] = loss.item()
        out[split] = losses.mean()
    model.train()
    return out


class Head(nn.Module):
    """one head of self-attention"""

    def __init__(self, head_size):
        super().__init__()
        self.key = nn.Linear(n_embd, head_size, bias=False)
        self.query = nn.Linear(n_embd, head_size, bias=False)
        self.value = nn.Linear(n_embd, head_size, bias=False)
        self.register_buffer("tril", torch.tril(torch.ones(block_size, block_size)))
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        B, T, C = x.shape
        k = self.key(x)
        q = self.query(x)
        wei = q @ k.transpose(-2, -1) * k.shape[-1] ** -0.5
        wei = wei.masked_fill(self.tril[:T, :T] == 0, float("-inf"))
        wei = F.softmax(wei, dim=-1)
        wei = self.dropout(wei)
        v = self.value(x)
        out = wei @ v
        return out


class MultiHeadAttention(nn.Module):
    """multiple heads of self-attention in parallel"""

    def __init__(self, num_heads, head_size):
        super().__init__()
        self.heads = nn.ModuleList([Head(head_size) for _ in range(num_heads)])
        self.proj = nn.Linear(head_size * num_heads, n_embd)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        out = torch.cat([h(x) for h in self.heads], dim=-1)
        out = self.dropout(self.proj(out))
        return out


class FeedFoward(nn.Module):
    """a simple linear layer followed by a non-linearity"""

    def __init__(self, n_embd):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_embd, 4 * n_embd),
            nn.ReLU(),
            nn.Linear(4 * n_embd, n_embd),
            nn.Dropout(dropout),
        )

    def forward(self, x):
        return self.net(x)


class Block(nn.Module):
    """Transformer block: communication followed by computation"""

    def __init__(self, n_embd, n_head):
        super().__init__()
        head_size = n_embd // n_head
        self.sa = MultiHeadAttention(n_head, head_size)
        self.ffwd = FeedFoward(n_embd)
        self.ln1 = nn.LayerNorm(n_embd)
        self.ln2 = nn.LayerNorm(n_embd)

    def forward(self, x):
        x = x + self.sa(self.ln1(x))
        x = x + self.ffwd(self.ln2(x))
        return x


class GPTLanguageModel(nn.Module):

    def __init__(self):
        super().__init__()
        self.token_embedding_table = nn.Embedding(vocab_size, n_embd)
        self.position_embedding_table = nn.Embedding(block_size, n_embd)
        self.blocks = nn.Sequential(*[Block(n_embd, n_head=n_head) for _ in range(n_layer)])
        self.ln_f = nn.LayerNorm(n_embd)
        self.lm_head = nn.Linear(n_embd, vocab_size)
        self.apply(self._init_weights)

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                torch.nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def forward(self, idx, targets=None):
        B, T = idx.shape
        tok_emb = self.token_embedding_table(idx)
        pos_emb = self.position_embedding_table(torch.arange(T, device=device))
        x = tok_emb + pos_emb
        x = self.blocks(x)
        x = self.ln_f(x)
        logits = self.lm_head(x)
        if targets is None:
            loss = None
        else:
            B, T, C = logits.shape
            logits = logits.view(B * T, C)
            targets = targets.view(B * T)
            loss = F.cross_entropy(logits, targets)
        return logits, loss

    @torch.no_grad()
    def generate(self, idx, max_new_tokens, temperature=1.0, top_k=None):
        for _ in range(max_new_tokens):
            idx_cond = idx[:, -block_size:]
            logits, loss = self(idx_cond)
            logits = logits[:, -1, :] / temperature
            if top_k is not None:
                v, _ = torch.topk(logits, min(top_k, logits.size(-1)))
                logits[logits < v[:, [-1]]] = -float("Inf")
            probs = F.softmax(logits, dim=-1)
            idx_next = torch.multinomial(probs, num_samples=1)
            idx = torch.cat((idx, idx_next), dim=1)
        return idx


model = GPTLanguageModel()
print(model.blocks[0])
print(round(model.lm_head.weight.std().item(), 2), model.lm_head.bias.abs().sum().item())
init_fixed_(model, scale=0.3)
m = model.to(device)
print(sum(p.numel() for p in m.parameters()) / 1e6, "M parameters")
print([name for name, _ in m.named_parameters()][:8])
print([name for name, _ in m.named_buffers()])

xb, yb = get_batch("train")
print(xb)
logits, loss = m(xb, yb)
print(logits.shape, loss.grad_fn)
print(f"{loss.item():.4f}")

optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)
for iter in range(max_iters):
    step = iter
    if iter % eval_interval == 0 or iter == max_iters - 1:
        losses = estimate_loss()
        print(f"step {iter}: train loss {losses['train']:.4f}, val loss {losses['val']:.4f}")
    xb, yb = get_batch("train")
    logits, loss = model(xb, yb)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()

print(f"{model.token_embedding_table.weight.grad.norm().item():.4f}")
context = torch.zeros((1, 1), dtype=torch.long, device=device)
greedy = m.generate(context, max_new_tokens=20, top_k=1)[0].tolist()
print(repr(decode(greedy)))
sampled = m.generate(torch.zeros((2, 1), dtype=torch.long), max_new_tokens=12, temperature=0.8, top_k=5)
print(sampled.shape, sampled.dtype, bool(((sampled >= 0) & (sampled < vocab_size)).all()))
print(m.training, len(optimizer.state), sorted(optimizer.state_dict()["param_groups"][0].keys())[:4])
