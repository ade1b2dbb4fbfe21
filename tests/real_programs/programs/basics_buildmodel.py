# Source: PyTorch Tutorials, "Learn the Basics: Build the Neural Network" (beginner_source/basics/buildmodel_tutorial.py)
#   https://pytorch.org/tutorials/beginner/basics/buildmodel_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: random inputs and the layers' random init replaced by fixed values; hidden layers of 32 units.
import torch
from torch import nn

from _fixed import fixed, init_fixed_

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print(f"Using {device} device")


class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 32),
            nn.ReLU(),
            nn.Linear(32, 32),
            nn.ReLU(),
            nn.Linear(32, 10),
        )

    def forward(self, x):
        x = self.flatten(x)
        return self.linear_relu_stack(x)


model = init_fixed_(NeuralNetwork().to(device))
print(model)

X = fixed(1, 28, 28, scale=1.0).to(device)
logits = model(X)
pred_probab = nn.Softmax(dim=1)(logits)
y_pred = pred_probab.argmax(1)
print(f"Predicted class: {y_pred}")

input_image = fixed(3, 28, 28, scale=1.0)
print(input_image.size())
flatten = nn.Flatten()
flat_image = flatten(input_image)
print(flat_image.size())

layer1 = init_fixed_(nn.Linear(in_features=28 * 28, out_features=20))
hidden1 = layer1(flat_image)
print(hidden1.size())

print(f"Before ReLU: {hidden1}\n\n")
hidden1 = nn.ReLU()(hidden1)
print(f"After ReLU: {hidden1}")

seq_modules = init_fixed_(nn.Sequential(flatten, layer1, nn.ReLU(), nn.Linear(20, 10)))
logits = seq_modules(input_image)
softmax = nn.Softmax(dim=1)
pred_probab = softmax(logits)
print(pred_probab)

print(f"Model structure: {model}\n\n")
for name, param in model.named_parameters():
    print(f"Layer: {name} | Size: {param.size()} | Values : {param[:2]} \n")
