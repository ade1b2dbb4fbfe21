# Source: PyTorch Tutorials, "Finetuning Torchvision Models" / "Transfer Learning for Computer Vision"
#   (the feature-extraction part: freeze the body, replace the head) and the autograd mechanics note on
#   excluding subgraphs https://pytorch.org/tutorials/beginner/transfer_learning_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials, pytorch/pytorch). Written anew in the spirit of the source, not copied.
# Changed: the pretrained ResNet replaced by a small network with fixed weights on the bundled digits; two
#   epochs of full-batch steps; figures rounded.
import torch
from sklearn.datasets import load_digits
from torch import nn

from _fixed import init_fixed_


class Body(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 16), nn.ReLU())
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        return self.fc(self.features(x))


model = init_fixed_(Body(), scale=0.2)
print(sum(p.numel() for p in model.parameters()), sum(p.numel() for p in model.parameters() if p.requires_grad))


def set_parameter_requires_grad(model, feature_extracting):
    if feature_extracting:
        for param in model.parameters():
            param.requires_grad = False


set_parameter_requires_grad(model, True)
num_ftrs = model.fc.in_features
model.fc = nn.Linear(num_ftrs, 3)
with torch.no_grad():
    model.fc.weight.fill_(0.01)
    model.fc.bias.zero_()
print(model.fc, num_ftrs)

params_to_update = []
for name, param in model.named_parameters():
    if param.requires_grad:
        params_to_update.append(param)
        print("\t", name)
print(sum(p.numel() for p in model.parameters() if p.requires_grad))

digits = load_digits()
keep = torch.tensor(digits.target) < 3
X = torch.tensor(digits.data, dtype=torch.float32)[keep] / 16.0
y = torch.tensor(digits.target)[keep]
print(X.shape, torch.bincount(y))
optimizer = torch.optim.SGD(params_to_update, lr=0.5, momentum=0.9)
criterion = nn.CrossEntropyLoss()
before = model.features[0].weight.clone()
for epoch in range(2):
    model.train()
    optimizer.zero_grad()
    outputs = model(X)
    loss = criterion(outputs, y)
    _, preds = torch.max(outputs, 1)
    loss.backward()
    optimizer.step()
    print(f"epoch {epoch}: loss {loss.item():.4f} acc {torch.sum(preds == y.data).item() / len(y):.4f}")
print(torch.equal(before, model.features[0].weight), model.features[0].weight.grad)
print(model.fc.weight.grad.shape, model.features[2].bias.requires_grad)

# Unfreeze the last block and give it a smaller learning rate.
for param in model.features[2].parameters():
    param.requires_grad_(True)
optimizer = torch.optim.SGD([
    {"params": model.features[2].parameters(), "lr": 1e-3},
    {"params": model.fc.parameters()}], lr=1e-2, momentum=0.9)
print([len(g["params"]) for g in optimizer.param_groups], [g["lr"] for g in optimizer.param_groups])
trainable = [n for n, p in model.named_parameters() if p.requires_grad]
print(trainable)
model.eval()
with torch.no_grad():
    out = model(X[:3])
print(out.requires_grad, out.shape, model.training, model.features.training)
frozen = nn.Linear(2, 2).requires_grad_(False)
print([p.requires_grad for p in frozen.parameters()])
