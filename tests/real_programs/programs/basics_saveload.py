# Source: PyTorch Tutorials, "Learn the Basics: Save and Load the Model" (beginner_source/basics/saveloadrun_tutorial.py)
#   https://pytorch.org/tutorials/beginner/basics/saveloadrun_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: torchvision's pretrained VGG16 replaced by a small Sequential with fixed weights.
import torch
from torch import nn

from _fixed import fixed, init_fixed_


def make_model():
    return nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))


model = init_fixed_(make_model())
torch.save(model.state_dict(), "model_weights.pth")

model = make_model()
print(model.load_state_dict(torch.load("model_weights.pth", weights_only=True)))
model.eval()
print(model(fixed(2, 4)))

torch.save(model, "model.pth")
model = torch.load("model.pth", weights_only=False)
print(model)
print(model[0].weight)

state = torch.load("model_weights.pth", weights_only=True)
print(list(state.keys()))
print(state["2.bias"])
