# Source: Dive into Deep Learning, 4.4 "Softmax Regression Implementation from Scratch" and
#   4.5 "Concise Implementation of Softmax Regression" (PyTorch tab) https://d2l.ai/chapter_linear-classification/
# Licence: sample code under the modified MIT licence (d2l-ai/d2l-en, LICENSE-SAMPLECODE); book text CC BY-SA 4.0.
#   Written anew in the spirit of the source, not copied.
# Changed: Fashion-MNIST replaced by scikit-learn's bundled digits (64 features, 10 classes); weights
#   start at zero instead of Gaussian noise; batches in order; 3 epochs; figures with 3 decimals.
import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

X = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(X.sum(0, keepdims=True), "\n", X.sum(1, keepdims=True))


def softmax(X):
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdims=True)
    return X_exp / partition


X = torch.tensor([[0.1, 0.5, 0.4, 0.2, 0.3], [0.9, 0.0, 0.2, 0.1, 0.6]])
X_prob = softmax(X)
print(X_prob.round(decimals=4), X_prob.sum(1))

y = torch.tensor([0, 2])
y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
print(y_hat[[0, 1], y])


def cross_entropy(y_hat, y):
    return -torch.log(y_hat[list(range(len(y_hat))), y]).mean()


print(cross_entropy(y_hat, y))


def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())


print(accuracy(y_hat, y) / len(y))

digits = load_digits()
features = torch.tensor(digits.data, dtype=torch.float32) / 16.0
labels = torch.tensor(digits.target, dtype=torch.long)
train_iter = DataLoader(TensorDataset(features[:1500], labels[:1500]), batch_size=50)
test_X, test_y = features[1500:], labels[1500:]

num_inputs, num_outputs = 64, 10
W = torch.zeros((num_inputs, num_outputs), requires_grad=True)
b = torch.zeros(num_outputs, requires_grad=True)


def net(X):
    return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)


lr = 0.5
for epoch in range(3):
    metric = [0.0, 0.0, 0]
    for Xb, yb in train_iter:
        l = cross_entropy(net(Xb), yb)
        l.backward()
        with torch.no_grad():
            for param in (W, b):
                param -= lr * param.grad
                param.grad.zero_()
        metric[0] += l.item() * len(yb)
        metric[1] += accuracy(net(Xb), yb)
        metric[2] += yb.numel()
    print(f"epoch {epoch + 1}: loss {metric[0] / metric[2]:.3f}, train acc {metric[1] / metric[2]:.3f}, "
          f"test acc {accuracy(net(test_X), test_y) / len(test_y):.3f}")

# Concise: nn.Flatten + nn.Linear and the stable nn.CrossEntropyLoss.
model = nn.Sequential(nn.Flatten(), nn.LazyLinear(num_outputs))
model(features[:2])
with torch.no_grad():
    for p in model.parameters():
        p.zero_()
print(model)
loss = nn.CrossEntropyLoss(reduction="none")
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
for epoch in range(3):
    for Xb, yb in train_iter:
        l = loss(model(Xb), yb)
        optimizer.zero_grad()
        l.mean().backward()
        optimizer.step()
    with torch.no_grad():
        print(f"epoch {epoch + 1}: test acc {accuracy(model(test_X), test_y) / len(test_y):.3f}")
big = torch.tensor([[100.0, 0.0, -100.0]])
print(loss(big, torch.tensor([2])), softmax(big))
