# Source: PyTorch Tutorials, "NLP From Scratch: Generating Names with a Character-Level RNN"
#   (intermediate_source/char_rnn_generation_tutorial.py) https://pytorch.org/tutorials/intermediate/char_rnn_generation_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: the names download replaced by a few names per language in the file; fixed starting weights and
#   dropout 0 (the tutorial's 0.1 draws random masks); training examples in a fixed order instead of
#   random choices; 6 passes; losses printed with 4 decimals; greedy sampling as in the tutorial.
import string

import torch
import torch.nn as nn

from _fixed import init_fixed_

all_letters = string.ascii_letters + " .,;'-"
n_letters = len(all_letters) + 1  # plus EOS marker
category_lines = {
    "English": ["Smith", "Jones", "Taylor", "Brown", "Walker"],
    "Russian": ["Ivanov", "Petrov", "Sokolov", "Popov", "Volkov"],
    "Spanish": ["Garcia", "Lopez", "Martinez", "Sanchez", "Romero"],
}
all_categories = list(category_lines)
n_categories = len(all_categories)
print("# categories:", n_categories, all_categories)


class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(RNN, self).__init__()
        self.hidden_size = hidden_size
        self.i2h = nn.Linear(n_categories + input_size + hidden_size, hidden_size)
        self.i2o = nn.Linear(n_categories + input_size + hidden_size, output_size)
        self.o2o = nn.Linear(hidden_size + output_size, output_size)
        self.dropout = nn.Dropout(0.0)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, category, input, hidden):
        input_combined = torch.cat((category, input, hidden), 1)
        hidden = self.i2h(input_combined)
        output = self.i2o(input_combined)
        output_combined = torch.cat((hidden, output), 1)
        output = self.o2o(output_combined)
        output = self.dropout(output)
        output = self.softmax(output)
        return output, hidden

    def initHidden(self):
        return torch.zeros(1, self.hidden_size)


# one-hot vector for category
def categoryTensor(category):
    li = all_categories.index(category)
    tensor = torch.zeros(1, n_categories)
    tensor[0][li] = 1
    return tensor


# one-hot matrix of first to last letters (not including EOS) for input
def inputTensor(line):
    tensor = torch.zeros(len(line), 1, n_letters)
    for li in range(len(line)):
        letter = line[li]
        tensor[li][0][all_letters.find(letter)] = 1
    return tensor


# LongTensor of second letter to end (EOS) for target
def targetTensor(line):
    letter_indexes = [all_letters.find(line[li]) for li in range(1, len(line))]
    letter_indexes.append(n_letters - 1)  # EOS
    return torch.LongTensor(letter_indexes)


print(categoryTensor("Russian"), inputTensor("ab").shape, targetTensor("Ivanov"))
criterion = nn.NLLLoss()
learning_rate = 0.005
rnn = init_fixed_(RNN(n_letters, 32, n_letters), scale=0.2)


def train(category_tensor, input_line_tensor, target_line_tensor):
    target_line_tensor.unsqueeze_(-1)
    hidden = rnn.initHidden()
    rnn.zero_grad()
    loss = torch.Tensor([0])  # you can also just simply use ``loss = 0``
    for i in range(input_line_tensor.size(0)):
        output, hidden = rnn(category_tensor, input_line_tensor[i], hidden)
        l = criterion(output, target_line_tensor[i])
        loss += l
    loss.backward()
    for p in rnn.parameters():
        p.data.add_(p.grad.data, alpha=-learning_rate)
    return output, loss.item() / input_line_tensor.size(0)


examples = [(c, line) for i in range(5) for c in all_categories for line in category_lines[c][i:i + 1]]
print(train(categoryTensor("English"), inputTensor("Smith"), targetTensor("Smith"))[0].shape)
for epoch in range(1, 7):
    total_loss = 0
    for category, line in examples:
        output, loss = train(categoryTensor(category), inputTensor(line), targetTensor(line))
        total_loss += loss
    if epoch % 2 == 0:
        print(epoch, f"{total_loss / len(examples):.4f}")

max_length = 8


# sample from a category and starting letter
def sample(category, start_letter="A"):
    with torch.no_grad():  # no need to track history in sampling
        category_tensor = categoryTensor(category)
        input = inputTensor(start_letter)
        hidden = rnn.initHidden()
        output_name = start_letter
        for i in range(max_length):
            output, hidden = rnn(category_tensor, input[0], hidden)
            topv, topi = output.topk(1)
            topi = topi[0][0]
            if topi == n_letters - 1:
                break
            else:
                letter = all_letters[topi]
                output_name += letter
            input = inputTensor(letter)
        return output_name


# get multiple samples from one category and multiple starting letters
def samples(category, start_letters="ABC"):
    for start_letter in start_letters:
        print(sample(category, start_letter))


samples("Russian", "RUS")
samples("Spanish", "SPA")
samples("English", "ESW")
