# Source: PyTorch Recipes, "What is a state_dict in PyTorch", "Saving and loading a general checkpoint"
#   and "Warmstarting model using parameters from a different model"
#   (recipes_source/recipes/what_is_state_dict.py, saving_and_loading_a_general_checkpoint.py,
#   warmstarting_model_using_parameters_from_a_different_model.py) https://pytorch.org/tutorials/recipes/
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: the CIFAR-sized Net shrunk to 8x8 inputs; weights fixed instead of random; one training step
#   on a fixed batch before saving; the checkpoint written to the working directory.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from _fixed import fixed, init_fixed_


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 2, 3)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc1 = nn.Linear(2 * 3 * 3, 6)
        self.fc2 = nn.Linear(6, 3)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


net = init_fixed_(Net())
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)

print("Model's state_dict:")
for param_tensor in net.state_dict():
    print(param_tensor, "\t", net.state_dict()[param_tensor].size())

print("Optimizer's state_dict:")
for var_name in optimizer.state_dict():
    print(var_name, "\t", optimizer.state_dict()[var_name])

inputs = fixed(4, 1, 8, 8, scale=1.0)
labels = torch.tensor([0, 2, 1, 2])
optimizer.zero_grad()
loss = F.cross_entropy(net(inputs), labels)
loss.backward()
optimizer.step()


EPOCH = 5
PATH = "model.pt"
torch.save({
    "epoch": EPOCH,
    "model_state_dict": net.state_dict(),
    "optimizer_state_dict": optimizer.state_dict(),
    "loss": loss.item(),
}, PATH)

model = Net()
optimizer2 = optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
checkpoint = torch.load(PATH, weights_only=True)
model.load_state_dict(checkpoint["model_state_dict"])
optimizer2.load_state_dict(checkpoint["optimizer_state_dict"])
epoch = checkpoint["epoch"]
print("resumed at epoch", epoch, "loss", round(checkpoint["loss"], 4))
model.eval()
print(model.training, model.conv1.training)
print(torch.equal(model.fc2.bias, net.fc2.bias))
print(optimizer2.state_dict()["param_groups"][0]["momentum"])
print(sorted(optimizer2.state_dict()["state"].keys()))
print(optimizer2.state_dict()["state"][3]["momentum_buffer"].shape)
print({k: list(v) for k, v in optimizer2.state_dict()["state"].items()})
model.train()
print(model.training)


# Warmstarting: a model with an extra layer takes what it can from the saved one.
class NetB(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 2, 3)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc1 = nn.Linear(2 * 3 * 3, 6)
        self.fc2 = nn.Linear(6, 3)
        self.fc3 = nn.Linear(3, 2)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = F.relu(self.fc1(torch.flatten(x, 1)))
        return self.fc3(F.relu(self.fc2(x)))


torch.save(net.state_dict(), "net_a.pt")
netB = NetB()
result = netB.load_state_dict(torch.load("net_a.pt", weights_only=True), strict=False)
print(result)
print(result.missing_keys, result.unexpected_keys)
print(torch.equal(netB.conv1.weight, net.conv1.weight))
try:
    netB.load_state_dict(torch.load("net_a.pt", weights_only=True))
except RuntimeError as e:
    print(type(e).__name__, e)

renamed = {"layer_" + k: v for k, v in net.state_dict().items()}
result = netB.load_state_dict(renamed, strict=False)
print(len(result.missing_keys), len(result.unexpected_keys), result.unexpected_keys[:2])
