# Source: Dive into Deep Learning, 8.5 "Batch Normalization" (PyTorch tab) https://d2l.ai/chapter_convolutional-modern/batch-norm.html
# Licence: sample code under the modified MIT licence (d2l-ai/d2l-en, LICENSE-SAMPLECODE); book text CC BY-SA 4.0.
#   Written anew in the spirit of the source, not copied.
# Changed: Fashion-MNIST and LeNet replaced by fixed inputs and a small fully connected network on the
#   bundled digits; five full-batch steps; losses with 3 decimals.
import torch
from sklearn.datasets import load_digits
from torch import nn

from _fixed import fixed


def batch_norm(X, gamma, beta, moving_mean, moving_var, eps, momentum):
    if not torch.is_grad_enabled():
        X_hat = (X - moving_mean) / torch.sqrt(moving_var + eps)
    else:
        assert len(X.shape) in (2, 4)
        if len(X.shape) == 2:
            mean = X.mean(dim=0)
            var = ((X - mean) ** 2).mean(dim=0)
        else:
            mean = X.mean(dim=(0, 2, 3), keepdim=True)
            var = ((X - mean) ** 2).mean(dim=(0, 2, 3), keepdim=True)
        X_hat = (X - mean) / torch.sqrt(var + eps)
        moving_mean = (1.0 - momentum) * moving_mean + momentum * mean
        moving_var = (1.0 - momentum) * moving_var + momentum * var
    Y = gamma * X_hat + beta
    return Y, moving_mean.data, moving_var.data


class BatchNorm(nn.Module):
    def __init__(self, num_features, num_dims):
        super().__init__()
        shape = (1, num_features) if num_dims == 2 else (1, num_features, 1, 1)
        self.gamma = nn.Parameter(torch.ones(shape))
        self.beta = nn.Parameter(torch.zeros(shape))
        self.moving_mean = torch.zeros(shape)
        self.moving_var = torch.ones(shape)

    def forward(self, X):
        if self.moving_mean.device != X.device:
            self.moving_mean = self.moving_mean.to(X.device)
            self.moving_var = self.moving_var.to(X.device)
        Y, self.moving_mean, self.moving_var = batch_norm(
            X, self.gamma, self.beta, self.moving_mean, self.moving_var, eps=1e-5, momentum=0.1)
        return Y


X = fixed(4, 3, 2, 2, scale=2.0) + 1
bn = BatchNorm(3, num_dims=4)
Y = bn(X)
print(Y.shape, Y.mean(dim=(0, 2, 3)).abs().max().item() < 1e-6)
print(Y.var(dim=(0, 2, 3), unbiased=False).round(decimals=3))
print(bn.moving_mean.flatten().round(decimals=4), bn.moving_var.flatten().round(decimals=4))

ref = nn.BatchNorm2d(3)
out = ref(X)
print(ref)
print(torch.allclose(out, Y, atol=1e-5), ref.num_batches_tracked)
print(ref.running_mean.round(decimals=4), ref.running_var.round(decimals=4))
print(ref.weight.shape, ref.bias.shape, [name for name, _ in ref.named_buffers()])
ref.eval()
bn_eval = ref(X)
with torch.no_grad():
    Y_eval = bn(X)
print(torch.allclose(bn_eval, Y_eval, atol=1e-4))

X2 = fixed(6, 5, scale=3.0, seed=4)
bn1 = BatchNorm(5, num_dims=2)
print(bn1(X2).mean(dim=0).abs().max().item() < 1e-6, nn.BatchNorm1d(5)(X2).shape)

digits = load_digits()
features = torch.tensor(digits.data, dtype=torch.float32) / 16.0
labels = torch.tensor(digits.target)


def make(norm):
    layers = [nn.Linear(64, 32), norm(32), nn.Sigmoid(), nn.Linear(32, 10)]
    net = nn.Sequential(*[layer for layer in layers if layer is not None])
    with torch.no_grad():
        for seed, (name, p) in enumerate(net.named_parameters()):
            if name.endswith("weight") and p.dim() == 2:
                p.copy_(fixed(*p.shape, scale=0.2, seed=seed))
            elif name.endswith("bias"):
                p.zero_()
    return net


for name, norm in [("with BatchNorm", lambda n: BatchNorm(n, num_dims=2)), ("nn.BatchNorm1d", nn.BatchNorm1d),
                   ("without", lambda n: None)]:
    net = make(norm)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    loss = nn.CrossEntropyLoss()
    for step in range(5):
        optimizer.zero_grad()
        l = loss(net(features[:1000]), labels[:1000])
        l.backward()
        optimizer.step()
    net.eval()
    with torch.no_grad():
        test_loss = loss(net(features[1000:]), labels[1000:])
    print(f"{name}: loss {l.item():.3f}, test loss {test_loss.item():.3f}")
