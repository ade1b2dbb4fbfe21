# Source: PyTorch Tutorials, "NLP From Scratch: Classifying Names with a Character-Level RNN"
#   (intermediate_source/char_rnn_classification_tutorial.py) https://pytorch.org/tutorials/intermediate/char_rnn_classification_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: the names download replaced by a few names per language in the file; both versions of the
#   tutorial's model (the hand-made RNN with nn.Linear + LogSoftmax, and nn.RNN) with fixed starting
#   weights; random training examples replaced by a fixed order; losses printed with 4 decimals.
import string
import unicodedata

import torch
import torch.nn as nn
import torch.nn.functional as F

from _fixed import init_fixed_

allowed_characters = string.ascii_letters + " .,;'"
n_letters = len(allowed_characters)


def unicodeToAscii(s):
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if unicodedata.category(c) != "Mn" and c in allowed_characters)


print(n_letters, unicodeToAscii("Ślusàrski"))


def letterToIndex(letter):
    return allowed_characters.find(letter)


def lineToTensor(line):
    tensor = torch.zeros(len(line), 1, n_letters)
    for li, letter in enumerate(line):
        tensor[li][0][letterToIndex(letter)] = 1
    return tensor


print(lineToTensor("J"))
print(lineToTensor("Jones").size())

category_lines = {
    "English": ["Smith", "Jones", "Taylor", "Brown", "Walker"],
    "French": ["Dubois", "Lefevre", "Moreau", "Girard", "Bonnet"],
    "Japanese": ["Sato", "Tanaka", "Watanabe", "Kobayashi", "Yamamoto"],
    "Greek": ["Papadopoulos", "Nikolaidis", "Georgiou", "Pappas", "Antonopoulos"],
}
all_categories = list(category_lines)
n_categories = len(all_categories)


class RNN(nn.Module):
    """The first version of the tutorial: the recurrence written with two Linear layers."""

    def __init__(self, input_size, hidden_size, output_size):
        super(RNN, self).__init__()
        self.hidden_size = hidden_size
        self.i2h = nn.Linear(input_size + hidden_size, hidden_size)
        self.h2o = nn.Linear(hidden_size + input_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, input, hidden):
        combined = torch.cat((input, hidden), 1)
        hidden = torch.tanh(self.i2h(combined))
        output = self.h2o(torch.cat((input, hidden), 1))
        output = self.softmax(output)
        return output, hidden

    def initHidden(self):
        return torch.zeros(1, self.hidden_size)


n_hidden = 32
rnn = init_fixed_(RNN(n_letters, n_hidden, n_categories), scale=0.2)
input = lineToTensor("Albert")
hidden = torch.zeros(1, n_hidden)
output, next_hidden = rnn(input[0], hidden)
print(output.round(decimals=4))


def categoryFromOutput(output):
    top_n, top_i = output.topk(1)
    category_i = top_i[0].item()
    return all_categories[category_i], category_i


print(categoryFromOutput(output))

criterion = nn.NLLLoss()
learning_rate = 0.02


def train(category_tensor, line_tensor):
    hidden = rnn.initHidden()
    rnn.zero_grad()
    for i in range(line_tensor.size()[0]):
        output, hidden = rnn(line_tensor[i], hidden)
    loss = criterion(output, category_tensor)
    loss.backward()
    # add parameters' gradients to their values, multiplied by learning rate
    for p in rnn.parameters():
        p.data.add_(p.grad.data, alpha=-learning_rate)
    return output, loss.item()


examples = [(c, line) for i in range(5) for c in all_categories for line in category_lines[c][i:i + 1]]
current_loss = 0
for epoch in range(1, 9):
    for category, line in examples:
        category_tensor = torch.tensor([all_categories.index(category)], dtype=torch.long)
        output, loss = train(category_tensor, lineToTensor(line))
        current_loss += loss
    if epoch % 2 == 0:
        print(epoch, f"{current_loss / (2 * len(examples)):.4f}")
        current_loss = 0


class CharRNN(nn.Module):
    """The newer version of the tutorial: nn.RNN, then a Linear layer and LogSoftmax."""

    def __init__(self, input_size, hidden_size, output_size):
        super(CharRNN, self).__init__()
        self.rnn = nn.RNN(input_size, hidden_size)
        self.h2o = nn.Linear(hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, line_tensor):
        rnn_out, hidden = self.rnn(line_tensor)
        output = self.h2o(hidden[0])
        output = self.softmax(output)
        return output


model = init_fixed_(CharRNN(n_letters, n_hidden, n_categories), scale=0.2)
print(model)
optimizer = torch.optim.SGD(model.parameters(), lr=0.15)
for epoch in range(1, 9):
    current_loss = 0
    for category, line in examples:
        label = torch.tensor([all_categories.index(category)], dtype=torch.long)
        output = model(lineToTensor(line))
        loss = criterion(output, label)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 3)
        optimizer.step()
        optimizer.zero_grad()
        current_loss += loss.item()
    if epoch % 2 == 0:
        print(epoch, f"{current_loss / len(examples):.4f}")

confusion = torch.zeros(n_categories, n_categories)
model.eval()
with torch.no_grad():
    for category, lines in category_lines.items():
        for line in lines:
            guess, guess_i = categoryFromOutput(model(lineToTensor(line)))
            confusion[all_categories.index(category)][guess_i] += 1
print(confusion)
for name in ["Dovesky", "Jackson", "Satoshi", "Papas"]:
    with torch.no_grad():
        output = model(lineToTensor(name))
    topv, topi = output.topk(2, 1, True)
    print(name, [(round(topv[0][i].item(), 2), all_categories[topi[0][i].item()]) for i in range(2)])
