# Source: PyTorch Tutorials, "Writing Custom Datasets, DataLoaders and Transforms"
#   (beginner_source/data_loading_tutorial.py) https://pytorch.org/tutorials/beginner/data_loading_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: the face-landmarks images replaced by scikit-learn's bundled digits (no download); the
#   transforms are small callable classes on tensors; shuffle=False and a seeded random_split for
#   sizes only; a logistic regression trained for two epochs, losses printed with 3 decimals.
import numpy as np
import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, Dataset, TensorDataset, random_split


class DigitsDataset(Dataset):
    """8x8 handwritten digits as (image, label) pairs."""

    def __init__(self, transform=None):
        digits = load_digits()
        self.images = digits.images.astype(np.float32)
        self.targets = digits.target
        self.transform = transform

    def __len__(self):
        return len(self.targets)

    def __getitem__(self, idx):
        if torch.is_tensor(idx):
            idx = idx.tolist()
        sample = {"image": self.images[idx], "label": int(self.targets[idx])}
        if self.transform:
            sample = self.transform(sample)
        return sample


class ToTensor:
    def __call__(self, sample):
        image = torch.from_numpy(sample["image"]).unsqueeze(0)
        return {"image": image, "label": sample["label"]}


class Rescale:
    def __init__(self, maximum):
        self.maximum = maximum

    def __call__(self, sample):
        return {"image": sample["image"] / self.maximum, "label": sample["label"]}


class Compose:
    def __init__(self, transforms):
        self.transforms = transforms

    def __call__(self, sample):
        for t in self.transforms:
            sample = t(sample)
        return sample


dataset = DigitsDataset(transform=Compose([ToTensor(), Rescale(16.0)]))
print(len(dataset))
for i in range(3):
    sample = dataset[i]
    print(i, sample["image"].shape, sample["label"], sample["image"].max().item())

dataloader = DataLoader(dataset, batch_size=256, shuffle=False)
for i_batch, batch in enumerate(dataloader):
    if i_batch < 2 or i_batch == len(dataloader) - 1:
        print(i_batch, batch["image"].size(), batch["label"].size(), batch["label"][:5])
print(len(dataloader))

generator = torch.Generator().manual_seed(42)
train_set, test_set = random_split(dataset, [0.8, 0.2], generator=generator)
print(len(train_set), len(test_set))

digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16.0
y = torch.tensor(digits.target)
train = TensorDataset(X[:1500], y[:1500])
x0, y0 = train[0]
print(x0.shape, y0, y0.dtype)
loader = DataLoader(train, batch_size=100, shuffle=False, drop_last=True)
model = nn.Linear(64, 10)
with torch.no_grad():
    model.weight.zero_()
    model.bias.zero_()
opt = torch.optim.SGD(model.parameters(), lr=0.5)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(2):
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * len(yb)
    print(f"epoch {epoch}: loss {total / 1500:.3f}")
with torch.no_grad():
    correct = (model(X[1500:]).argmax(dim=1) == y[1500:]).sum().item()
print(f"test accuracy {correct / len(y[1500:]):.3f}")
