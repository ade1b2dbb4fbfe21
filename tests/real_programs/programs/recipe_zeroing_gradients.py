# Source: PyTorch Recipes, "Zeroing out gradients in PyTorch" and "Defining a Neural Network in PyTorch"
#   (recipes_source/recipes/zeroing_out_gradients.py, defining_a_neural_network.py) https://pytorch.org/tutorials/recipes/
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: CIFAR10 replaced by a fixed batch of 8x8 one-channel images; weights fixed instead of random;
#   losses printed with 4 decimals; dropout layers kept but the forward compared in eval mode.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from _fixed import fixed, init_fixed_


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, 1)
        self.conv2 = nn.Conv2d(4, 8, 3, 1)
        self.dropout1 = nn.Dropout2d(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(8 * 2 * 2, 16)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, x):
        x = self.conv1(x)
        x = F.relu(x)
        x = self.conv2(x)
        x = F.relu(x)
        x = F.max_pool2d(x, 2)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = self.fc1(x)
        x = F.relu(x)
        x = self.dropout2(x)
        x = self.fc2(x)
        output = F.log_softmax(x, dim=1)
        return output


my_nn = init_fixed_(Net(), scale=0.3)
print(my_nn)
my_nn.eval()
random_data = fixed(1, 1, 8, 8, scale=1.0, seed=3)
result = my_nn(random_data)
print(result.shape, result.grad_fn)
print(torch.exp(result).sum(dim=1).round(decimals=4))

criterion = nn.NLLLoss()
optimizer = optim.SGD(my_nn.parameters(), lr=0.05, momentum=0.9)
inputs = fixed(6, 1, 8, 8, scale=1.0, seed=5)
labels = torch.tensor([0, 1, 2, 1, 0, 2])

for epoch in range(3):
    running_loss = 0.0
    for i in range(3):
        batch, target = inputs[2 * i:2 * i + 2], labels[2 * i:2 * i + 2]
        optimizer.zero_grad()
        outputs = my_nn(batch)
        loss = criterion(outputs, target)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    print(f"[{epoch + 1}] loss: {running_loss / 3:.4f}")

# Without zeroing, gradients add up from one backward to the next.
w = torch.tensor([1.0, 2.0], requires_grad=True)
for step in range(3):
    (w * torch.tensor([3.0, 4.0])).sum().backward()
    print(step, w.grad)
w.grad.zero_()
print(w.grad)
optimizer.zero_grad(set_to_none=True)
print(my_nn.fc1.weight.grad)
(my_nn(inputs[:1]).sum()).backward()
optimizer.zero_grad(set_to_none=False)
print(my_nn.fc2.bias.grad)
my_nn.zero_grad()
print(my_nn.fc2.bias.grad)
