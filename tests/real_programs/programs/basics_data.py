# Source: PyTorch Tutorials, "Learn the Basics: Datasets & DataLoaders" and "Transforms"
#   (beginner_source/basics/data_tutorial.py, transforms_tutorial.py) https://pytorch.org/tutorials/beginner/basics/data_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: the custom Dataset reads labels from an in-memory list and builds images from fixed values
#   instead of reading image files; the one-hot target transform uses F.one_hot instead of scatter_;
#   shuffle=False so both libraries give the same batches.
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset

from _fixed import fixed


class CustomImageDataset(Dataset):
    def __init__(self, labels, transform=None, target_transform=None):
        self.img_labels = labels
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.img_labels)

    def __getitem__(self, idx):
        image = fixed(1, 4, 4, scale=1.0, seed=idx)
        label = self.img_labels[idx]
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


labels = [(i * 3) % 10 for i in range(10)]
target_transform = lambda y: F.one_hot(torch.tensor(y), num_classes=10).float()
training_data = CustomImageDataset(labels, transform=lambda img: img / 2, target_transform=target_transform)
print(len(training_data))
img, label = training_data[3]
print(img.shape, img.dtype)
print(label)

train_dataloader = DataLoader(training_data, batch_size=4, shuffle=False)
train_features, train_labels = next(iter(train_dataloader))
print(f"Feature batch shape: {train_features.size()}")
print(f"Labels batch shape: {train_labels.size()}")
img = train_features[0].squeeze()
label = train_labels[0]
print(img)
print(f"Label: {label}")
for batch, (X, y) in enumerate(train_dataloader):
    print(batch, X.shape, y.argmax(1))
