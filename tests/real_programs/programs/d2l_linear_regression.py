# Source: Dive into Deep Learning, 3.4 "Linear Regression Implementation from Scratch" and
#   3.5 "Concise Implementation of Linear Regression" (PyTorch tab) https://d2l.ai/chapter_linear-regression/
# Licence: sample code under the modified MIT licence (d2l-ai/d2l-en, LICENSE-SAMPLECODE); book text CC BY-SA 4.0.
#   Written anew in the spirit of the source, not copied.
# Changed: the synthetic data's Gaussian features and noise replaced by fixed values; the minibatches
#   taken in order (no shuffling); plain functions instead of the d2l classes; losses with 5 decimals.
import torch
from torch import nn

from _fixed import fixed


def synthetic_data(w, b, num_examples):
    """y = Xw + b + noise."""
    X = fixed(num_examples, len(w), scale=1.0)
    y = torch.matmul(X, w) + b
    y += fixed(*y.shape, scale=0.01, seed=7)
    return X, y.reshape((-1, 1))


true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 100)
print("features:", features[0], "\nlabel:", labels[0])


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i: min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]


batch_size = 10
for X, y in data_iter(batch_size, features, labels):
    print(X.shape, y.shape)
    break

w = torch.zeros((2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)


def linreg(X, w, b):
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


lr = 0.1
num_epochs = 3
net = linreg
loss = squared_loss
for epoch in range(num_epochs):
    for X, y in data_iter(batch_size, features, labels):
        l = loss(net(X, w, b), y)
        l.sum().backward()
        sgd([w, b], lr, batch_size)
    with torch.no_grad():
        train_l = loss(net(features, w, b), labels)
        print(f"epoch {epoch + 1}, loss {float(train_l.mean()):f}")
print(f"error in estimating w: {(true_w - w.reshape(true_w.shape)).detach().round(decimals=3)}")
print(f"error in estimating b: {round(true_b - b.item(), 3)}")

# The concise version: nn.Linear, nn.MSELoss and optim.SGD.
net = nn.Sequential(nn.Linear(2, 1))
net[0].weight.data.normal_(0, 0.01)
net[0].bias.data.fill_(0)
with torch.no_grad():
    net[0].weight.zero_()
loss = nn.MSELoss()
trainer = torch.optim.SGD(net.parameters(), lr=0.03)
for epoch in range(num_epochs):
    for X, y in data_iter(batch_size, features, labels):
        l = loss(net(X), y)
        trainer.zero_grad()
        l.backward()
        trainer.step()
    l = loss(net(features), labels)
    print(f"epoch {epoch + 1}, loss {l:.5f}")
w = net[0].weight.data
print("w:", w.round(decimals=2), w.shape)
b = net[0].bias.data
print("b:", b.round(decimals=2))
print(loss.reduction, loss)
