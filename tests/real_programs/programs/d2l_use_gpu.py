# Source: Dive into Deep Learning, 6.7 "GPUs" (PyTorch tab) https://d2l.ai/chapter_builders-guide/use-gpu.html
# Licence: sample code under the modified MIT licence (d2l-ai/d2l-en, LICENSE-SAMPLECODE); book text CC BY-SA 4.0.
#   Written anew in the spirit of the source, not copied.
# Changed: run on a machine without GPUs (the book's GPU-only cells take their CPU fallbacks).
import torch
from torch import nn


def cpu():
    return torch.device("cpu")


def gpu(i=0):
    return torch.device(f"cuda:{i}")


print(cpu(), gpu(), gpu(1))
print(repr(cpu()), repr(gpu()), repr(gpu(1)))


def num_gpus():
    return torch.cuda.device_count()


print(num_gpus())


def try_gpu(i=0):
    if num_gpus() >= i + 1:
        return gpu(i)
    return cpu()


def try_all_gpus():
    return [gpu(i) for i in range(num_gpus())]


print(try_gpu(), try_gpu(10), try_all_gpus())
x = torch.tensor([1, 2, 3])
print(x.device)
X = torch.ones(2, 3, device=try_gpu())
print(X)
Y = torch.ones(2, 3, device=try_gpu(1))
print(X + Y)
Z = X.cuda(1) if num_gpus() > 1 else X.cpu()
print(Z.device, Z is X)
net = nn.Sequential(nn.LazyLinear(1))
net = net.to(device=try_gpu())
print(net[0].weight.device if not isinstance(net[0].weight, nn.parameter.UninitializedParameter) else "uninitialized")
net(X)
print(net[0].weight.data.device)
print(torch.device("cuda", 1), torch.device("cpu").type, torch.device("cuda:1").index)
print(torch.device("cpu") == torch.device("cpu"), torch.device("cpu") == "cpu")
