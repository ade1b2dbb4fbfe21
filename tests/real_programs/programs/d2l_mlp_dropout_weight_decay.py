# Source: Dive into Deep Learning, 5.2 "Implementation of Multilayer Perceptrons", 3.7 "Weight Decay"
#   and 5.6 "Dropout" (PyTorch tab) https://d2l.ai/chapter_multilayer-perceptrons/
# Licence: sample code under the modified MIT licence (d2l-ai/d2l-en, LICENSE-SAMPLECODE); book text CC BY-SA 4.0.
#   Written anew in the spirit of the source, not copied.
# Changed: Fashion-MNIST replaced by scikit-learn's bundled digits; the random weights replaced by
#   fixed values; dropout's random masks shown by what does not depend on the random stream (zeros
#   kept, scaling, eval mode); 10 full-batch steps; figures with 2-4 decimals.
import torch
from sklearn.datasets import load_digits
from torch import nn

from _fixed import fixed

x = torch.arange(-4.0, 4.0, 1.0, requires_grad=True)
y = torch.relu(x)
y.backward(torch.ones_like(x), retain_graph=True)
print(y.detach(), x.grad)
x.grad.data.zero_()
y = torch.sigmoid(x)
y.backward(torch.ones_like(x))
print(x.grad.round(decimals=4))


def relu(X):
    a = torch.zeros_like(X)
    return torch.max(X, a)


print(relu(torch.tensor([[-1.0, 2.0], [3.0, -4.0]])))


def dropout_layer(X, dropout):
    assert 0 <= dropout <= 1
    if dropout == 1:
        return torch.zeros_like(X)
    mask = (torch.rand(X.shape) > dropout).float()
    return mask * X / (1.0 - dropout)


X = torch.arange(16, dtype=torch.float32).reshape((2, 8))
print(dropout_layer(X, 0.0))
print(dropout_layer(X, 1.0))
kept = dropout_layer(X, 0.5)
print(kept.shape, set((kept / X)[X != 0].tolist()) <= {0.0, 2.0})

digits = load_digits()
features = torch.tensor(digits.data, dtype=torch.float32) / 16.0
labels = torch.tensor(digits.target)
train_X, train_y, test_X, test_y = features[:1200], labels[:1200], features[1200:], labels[1200:]


def make_net(dropout1=0.2, dropout2=0.5):
    net = nn.Sequential(nn.Flatten(), nn.Linear(64, 32), nn.ReLU(), nn.Dropout(dropout1),
                        nn.Linear(32, 16), nn.ReLU(), nn.Dropout(dropout2), nn.Linear(16, 10))
    with torch.no_grad():
        for seed, p in enumerate(net.parameters()):
            p.copy_(fixed(*p.shape, scale=0.3, seed=seed))
    return net


net = make_net()
print(net)
net.eval()
print(net[3].training, net[3].p, net[6])
out = net(test_X[:2])
print(torch.equal(out, net(test_X[:2])), out.shape)


def l2_penalty(w):
    return torch.sum(w.pow(2)) / 2


def train(wd, steps=10):
    net = make_net(0.0, 0.0)
    loss = nn.CrossEntropyLoss()
    trainer = torch.optim.SGD([
        {"params": [p for name, p in net.named_parameters() if name.endswith("weight")], "weight_decay": wd},
        {"params": [p for name, p in net.named_parameters() if name.endswith("bias")]}], lr=0.5)
    for _ in range(steps):
        trainer.zero_grad()
        l = loss(net(train_X), train_y)
        l.backward()
        trainer.step()
    with torch.no_grad():
        acc = (net(test_X).argmax(1) == test_y).float().mean()
        norm = sum(l2_penalty(p) for name, p in net.named_parameters() if name.endswith("weight"))
    print(f"wd={wd}: train loss {l.item():.3f}, test acc {acc.item():.2f}, L2 of weights {norm.item():.2f}")
    return trainer


trainer = train(0.0)
trainer = train(0.01)
print([g["weight_decay"] for g in trainer.param_groups], trainer.defaults["weight_decay"])
