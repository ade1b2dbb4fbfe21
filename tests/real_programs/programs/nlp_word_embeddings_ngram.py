# Source: PyTorch Tutorials, "Word Embeddings: Encoding Lexical Semantics" (beginner_source/nlp/word_embeddings_tutorial.py)
#   https://pytorch.org/tutorials/beginner/nlp/word_embeddings_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: the embedding and linear weights start from fixed values; a shorter text (two lines of
#   the sonnet); 10 epochs; losses printed with 4 decimals.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from _fixed import init_fixed_

torch.manual_seed(1)
word_to_ix = {"hello": 0, "world": 1}
embeds = init_fixed_(nn.Embedding(2, 5))
lookup_tensor = torch.tensor([word_to_ix["hello"]], dtype=torch.long)
hello_embed = embeds(lookup_tensor)
print(hello_embed)

CONTEXT_SIZE = 2
EMBEDDING_DIM = 10
test_sentence = """When forty winters shall besiege thy brow,
And dig deep trenches in thy beauty's field,
Thy youth's proud livery so gazed on now,
Will be a totter'd weed of small worth held:""".split()
ngrams = [([test_sentence[i - j - 1] for j in range(CONTEXT_SIZE)], test_sentence[i])
          for i in range(CONTEXT_SIZE, len(test_sentence))]
print(ngrams[:3])
vocab = sorted(set(test_sentence))
word_to_ix = {word: i for i, word in enumerate(vocab)}


class NGramLanguageModeler(nn.Module):
    def __init__(self, vocab_size, embedding_dim, context_size):
        super(NGramLanguageModeler, self).__init__()
        self.embeddings = nn.Embedding(vocab_size, embedding_dim)
        self.linear1 = nn.Linear(context_size * embedding_dim, 32)
        self.linear2 = nn.Linear(32, vocab_size)

    def forward(self, inputs):
        embeds = self.embeddings(inputs).view((1, -1))
        out = F.relu(self.linear1(embeds))
        out = self.linear2(out)
        log_probs = F.log_softmax(out, dim=1)
        return log_probs


losses = []
loss_function = nn.NLLLoss()
model = init_fixed_(NGramLanguageModeler(len(vocab), EMBEDDING_DIM, CONTEXT_SIZE), scale=0.5)
optimizer = optim.SGD(model.parameters(), lr=0.01)
for epoch in range(10):
    total_loss = 0
    for context, target in ngrams:
        context_idxs = torch.tensor([word_to_ix[w] for w in context], dtype=torch.long)
        model.zero_grad()
        log_probs = model(context_idxs)
        loss = loss_function(log_probs, torch.tensor([word_to_ix[target]], dtype=torch.long))
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
    losses.append(total_loss)
print([f"{loss:.4f}" for loss in losses])
print(model.embeddings.weight[word_to_ix["beauty's"]])
