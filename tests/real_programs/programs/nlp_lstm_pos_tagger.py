# Source: PyTorch Tutorials, "Sequence Models and Long Short-Term Memory Networks"
#   (beginner_source/nlp/sequence_models_tutorial.py) https://pytorch.org/tutorials/beginner/nlp/sequence_models_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: torch.randn inputs and the random initialisation replaced by fixed values; 60 epochs instead
#   of 300; scores printed rounded.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from _fixed import fixed, init_fixed_

torch.manual_seed(1)

# an LSTM stepping through a sequence one element at a time, then all at once
lstm = init_fixed_(nn.LSTM(3, 3), scale=0.5)  # input dim is 3, output dim is 3
inputs = [fixed(1, 3, scale=1.0, seed=i) for i in range(5)]  # a sequence of length 5
hidden = (fixed(1, 1, 3, scale=1.0, seed=7), fixed(1, 1, 3, scale=1.0, seed=8))
for i in inputs:
    # step through the sequence one element at a time; after each step, hidden holds the hidden state
    out, hidden = lstm(i.view(1, 1, -1), hidden)
print(out)
print(hidden)

inputs = torch.cat(inputs).view(len(inputs), 1, -1)
hidden = (fixed(1, 1, 3, scale=1.0, seed=7), fixed(1, 1, 3, scale=1.0, seed=8))
out, hidden = lstm(inputs, hidden)
print(out)
print(hidden)


def prepare_sequence(seq, to_ix):
    idxs = [to_ix[w] for w in seq]
    return torch.tensor(idxs, dtype=torch.long)


training_data = [
    # Tags are: DET - determiner; NN - noun; V - verb
    ("The dog ate the apple".split(), ["DET", "NN", "V", "DET", "NN"]),
    ("Everybody read that book".split(), ["NN", "V", "DET", "NN"]),
]
word_to_ix = {}
for sent, tags in training_data:
    for word in sent:
        if word not in word_to_ix:
            word_to_ix[word] = len(word_to_ix)
print(word_to_ix)
tag_to_ix = {"DET": 0, "NN": 1, "V": 2}

EMBEDDING_DIM = 6
HIDDEN_DIM = 6


class LSTMTagger(nn.Module):

    def __init__(self, embedding_dim, hidden_dim, vocab_size, tagset_size):
        super(LSTMTagger, self).__init__()
        self.hidden_dim = hidden_dim
        self.word_embeddings = nn.Embedding(vocab_size, embedding_dim)
        # the LSTM takes word embeddings as inputs and outputs hidden states of size hidden_dim
        self.lstm = nn.LSTM(embedding_dim, hidden_dim)
        # the linear layer that maps from hidden state space to tag space
        self.hidden2tag = nn.Linear(hidden_dim, tagset_size)

    def forward(self, sentence):
        embeds = self.word_embeddings(sentence)
        lstm_out, _ = self.lstm(embeds.view(len(sentence), 1, -1))
        tag_space = self.hidden2tag(lstm_out.view(len(sentence), -1))
        tag_scores = F.log_softmax(tag_space, dim=1)
        return tag_scores


model = init_fixed_(LSTMTagger(EMBEDDING_DIM, HIDDEN_DIM, len(word_to_ix), len(tag_to_ix)), scale=0.4)
print(model)
loss_function = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1)

# the scores before training
with torch.no_grad():
    inputs = prepare_sequence(training_data[0][0], word_to_ix)
    tag_scores = model(inputs)
    print(tag_scores.round(decimals=4))

for epoch in range(60):
    for sentence, tags in training_data:
        model.zero_grad()
        sentence_in = prepare_sequence(sentence, word_to_ix)
        targets = prepare_sequence(tags, tag_to_ix)
        tag_scores = model(sentence_in)
        loss = loss_function(tag_scores, targets)
        loss.backward()
        optimizer.step()
    if epoch % 15 == 0:
        print(epoch, f"{loss.item():.4f}")

# the scores after training
with torch.no_grad():
    inputs = prepare_sequence(training_data[0][0], word_to_ix)
    tag_scores = model(inputs)
    print(tag_scores.round(decimals=4))
    print(tag_scores.argmax(dim=1))
