"""Layer 6, ``minigrad.models``: ready-made networks (``resnet18``, torchvision's architecture)."""
from .resnet import BasicBlock, ResNet, load_weights, resnet18
