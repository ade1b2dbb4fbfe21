"""ResNet-18 with torchvision's architecture (He et al., 2015), built from minigrad.nn.

The network: a 7x7 stride-2 convolution and a max pool shrink the image by 4; four stages of two
*basic blocks* each (64, 128, 256, 512 channels; stages 2-4 halve the size); a global average pool; a
linear classifier. A basic block computes ``relu(x + F(x))`` where F is conv-bn-relu-conv-bn: the
*residual* connection lets gradients flow straight through the addition, which is what makes deep
networks trainable. 11,689,512 parameters for 1000 classes.

Module names match torchvision's (``layer1.0.conv1.weight`` ...), so a torchvision state dict loads
into it unchanged.
"""
import os

import numpy as np

from .. import nn
from ..tensor import Tensor

NO_DOWNLOAD = (
    "minigrad does not download pretrained weights (no network access, and no torch file format). "
    "Build the model with random weights, resnet18(), or load weights you have locally: "
    "resnet18(weights='resnet18.npz') or model.load_state_dict(minigrad.models.load_weights(path)). "
    "A .npz file can be written from torchvision on a machine that has it: "
    "numpy.savez('resnet18.npz', **{k: v.numpy() for k, v in torchvision.models.resnet18("
    "weights='DEFAULT').state_dict().items()})."
)


def conv3x3(in_planes, out_planes, stride=1):
    return nn.Conv2d(in_planes, out_planes, kernel_size=3, stride=stride, padding=1, bias=False)


def conv1x1(in_planes, out_planes, stride=1):
    return nn.Conv2d(in_planes, out_planes, kernel_size=1, stride=stride, bias=False)


class BasicBlock(nn.Module):
    """Two 3x3 convolutions and a shortcut: out = relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)).
    The shortcut is the identity, or a strided 1x1 convolution where the shape changes."""

    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = conv3x3(inplanes, planes, stride)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = conv3x3(planes, planes)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = downsample
        self.stride = stride

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.relu(out + identity)


class ResNet(nn.Module):
    def __init__(self, block, layers, num_classes=1000):
        super().__init__()
        self.inplanes = 64
        self.conv1 = nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)
        self.layer1 = self._make_layer(block, 64, layers[0])
        self.layer2 = self._make_layer(block, 128, layers[1], stride=2)
        self.layer3 = self._make_layer(block, 256, layers[2], stride=2)
        self.layer4 = self._make_layer(block, 512, layers[3], stride=2)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(512 * block.expansion, num_classes)
        # torchvision's initialisation: He-normal for convolutions (fan_out), BatchNorm as identity.
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)

    def _make_layer(self, block, planes, blocks, stride=1):
        downsample = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            downsample = nn.Sequential(conv1x1(self.inplanes, planes * block.expansion, stride),
                                       nn.BatchNorm2d(planes * block.expansion))
        layers = [block(self.inplanes, planes, stride, downsample)]
        self.inplanes = planes * block.expansion
        layers += [block(self.inplanes, planes) for _ in range(1, blocks)]
        return nn.Sequential(*layers)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        x = self.avgpool(x).flatten(1)
        return self.fc(x)


def load_weights(path):
    """Read a state dict from a local file: ``.npz`` (NumPy, no torch needed) or ``.pth``/``.pt``
    (needs torch installed to read it). Returns ``{name: tensor}`` for ``model.load_state_dict``."""
    path = os.fspath(path)
    if path.endswith(".npz"):
        with np.load(path) as archive:
            return {name: Tensor._make(np.array(archive[name])) for name in archive.files}
    try:
        import torch
    except ImportError:
        raise RuntimeError(f"reading {path} needs PyTorch (a .pth file is a torch pickle); "
                           "convert it to .npz with numpy.savez on a machine that has torch") from None
    state = torch.load(path, map_location="cpu", weights_only=True)
    return {name: Tensor._make(value.detach().cpu().numpy().copy()) for name, value in state.items()}


def resnet18(pretrained=False, progress=True, weights=None, num_classes=1000, **kwargs):
    """ResNet-18 as in torchvision, with random weights (seeded by ``minigrad.manual_seed``).

    ``weights`` may be a path to a local ``.npz``/``.pth`` file or a state dict; ``pretrained=True``
    or a named weight set raises an error explaining how to load weights instead, since nothing is
    downloaded.
    """
    if pretrained or (weights is not None and not isinstance(weights, (str, os.PathLike, dict))):
        raise RuntimeError(NO_DOWNLOAD)
    if isinstance(weights, str) and not os.path.exists(weights):
        if weights.upper() in ("DEFAULT", "IMAGENET1K_V1") or "." not in weights:
            raise RuntimeError(NO_DOWNLOAD)
        raise FileNotFoundError(f"no weights file at {weights!r}")
    model = ResNet(BasicBlock, [2, 2, 2, 2], num_classes=num_classes)
    if weights is not None:
        state = weights if isinstance(weights, dict) else load_weights(weights)
        model.load_state_dict(state)
    return model
