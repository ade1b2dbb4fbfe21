# Source: Dive into Deep Learning, 6.6 "File I/O" (PyTorch tab) https://d2l.ai/chapter_builders-guide/read-write.html
# Licence: sample code under the modified MIT licence (d2l-ai/d2l-en, LICENSE-SAMPLECODE); book text CC BY-SA 4.0.
#   Written anew in the spirit of the source, not copied.
# Changed: torch.randn input replaced by fixed values; the MLP's lazy layers replaced by Linear with
#   known input size, weights set to fixed values.
import torch
from torch import nn
from torch.nn import functional as F

from _fixed import fixed, init_fixed_

x = torch.arange(4)
torch.save(x, "x-file")
x2 = torch.load("x-file")
print(x2)

y = torch.zeros(4)
torch.save([x, y], "x-files")
x2, y2 = torch.load("x-files")
print(x2, y2)

mydict = {"x": x, "y": y}
torch.save(mydict, "mydict")
mydict2 = torch.load("mydict")
print(mydict2)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(20, 256)
        self.output = nn.Linear(256, 10)

    def forward(self, x):
        return self.output(F.relu(self.hidden(x)))


net = init_fixed_(MLP())
X = fixed(2, 20, scale=1.0)
Y = net(X)
torch.save(net.state_dict(), "mlp.params")
clone = MLP()
clone.load_state_dict(torch.load("mlp.params"))
print(clone.eval())
Y_clone = clone(X)
print(Y_clone == Y)
