# Source: PyTorch Tutorials, "Word Embeddings", exercise "Computing Word Embeddings: Continuous
#   Bag-of-Words" (beginner_source/nlp/word_embeddings_tutorial.py) https://pytorch.org/tutorials/beginner/nlp/word_embeddings_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: the exercise's model is completed here (embedding sum, linear, log_softmax) with fixed
#   starting weights; a shorter text; 20 epochs with Adam.
import torch
import torch.nn as nn
import torch.nn.functional as F

from _fixed import init_fixed_

CONTEXT_SIZE = 2
raw_text = """We are about to study the idea of a computational process.
Computational processes are abstract beings that inhabit computers.
As they evolve, processes manipulate other abstract things called data.""".split()
vocab = set(raw_text)
vocab_size = len(vocab)
word_to_ix = {word: i for i, word in enumerate(sorted(vocab))}
data = []
for i in range(CONTEXT_SIZE, len(raw_text) - CONTEXT_SIZE):
    context = ([raw_text[i - j - 1] for j in range(CONTEXT_SIZE)] + [raw_text[i + j + 1] for j in range(CONTEXT_SIZE)])
    target = raw_text[i]
    data.append((context, target))
print(data[:2])


class CBOW(nn.Module):
    def __init__(self, vocab_size, embedding_dim):
        super().__init__()
        self.embeddings = nn.Embedding(vocab_size, embedding_dim)
        self.linear = nn.Linear(embedding_dim, vocab_size)

    def forward(self, inputs):
        embeds = self.embeddings(inputs).sum(dim=0, keepdim=True)
        return F.log_softmax(self.linear(embeds), dim=1)


def make_context_vector(context, word_to_ix):
    idxs = [word_to_ix[w] for w in context]
    return torch.tensor(idxs, dtype=torch.long)


print(make_context_vector(data[0][0], word_to_ix))
model = init_fixed_(CBOW(vocab_size, 8), scale=0.5)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_function = nn.NLLLoss()
for epoch in range(20):
    total_loss = 0.0
    for context, target in data:
        optimizer.zero_grad()
        log_probs = model(make_context_vector(context, word_to_ix))
        loss = loss_function(log_probs, torch.tensor([word_to_ix[target]]))
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
    if epoch % 5 == 4:
        print(epoch, f"{total_loss:.4f}")
with torch.no_grad():
    pred = model(make_context_vector(data[3][0], word_to_ix)).argmax(dim=1)
ix_to_word = {i: w for w, i in word_to_ix.items()}
print(data[3][1], ix_to_word[pred.item()])
