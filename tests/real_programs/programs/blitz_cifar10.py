# Source: PyTorch Tutorials, "Training a Classifier" (beginner_source/blitz/cifar10_tutorial.py)
#   https://pytorch.org/tutorials/beginner/blitz/cifar10_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: CIFAR-10 download replaced by 40 fixed 3x16x16 images and labels; the network scaled to
#   16x16 inputs; fixed init; 2 epochs of 10 batches of 4, printing every 5 batches.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset

from _fixed import fixed, init_fixed_

classes = ("plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
images = fixed(40, 3, 16, 16, scale=1.0)
labels = torch.tensor([(i * 7) % 10 for i in range(40)])
trainloader = DataLoader(TensorDataset(images, labels), batch_size=4, shuffle=False)
testloader = DataLoader(TensorDataset(fixed(20, 3, 16, 16, scale=1.0, seed=5), labels[:20]), batch_size=4)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 3)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 3)
        self.fc1 = nn.Linear(16 * 2 * 2, 32)
        self.fc2 = nn.Linear(32, 24)
        self.fc3 = nn.Linear(24, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


net = init_fixed_(Net())
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)

for epoch in range(2):
    running_loss = 0.0
    for i, data in enumerate(trainloader, 0):
        inputs, labels_ = data
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, labels_)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if i % 5 == 4:
            print(f"[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 5:.3f}")
            running_loss = 0.0
print("Finished Training")

PATH = "./cifar_net.pth"
torch.save(net.state_dict(), PATH)
net = Net()
net.load_state_dict(torch.load(PATH, weights_only=True))

dataiter = iter(testloader)
images_, labels_ = next(dataiter)
print("GroundTruth: ", " ".join(f"{classes[labels_[j]]:5s}" for j in range(4)))
outputs = net(images_)
_, predicted = torch.max(outputs, 1)
print("Predicted: ", " ".join(f"{classes[predicted[j]]:5s}" for j in range(4)))

correct = 0
total = 0
with torch.no_grad():
    for data in testloader:
        images_, labels_ = data
        outputs = net(images_)
        _, predicted = torch.max(outputs, 1)
        total += labels_.size(0)
        correct += (predicted == labels_).sum().item()
print(f"Accuracy of the network on the 20 test images: {100 * correct // total} %")

correct_pred = {classname: 0 for classname in classes}
total_pred = {classname: 0 for classname in classes}
with torch.no_grad():
    for data in testloader:
        images_, labels_ = data
        outputs = net(images_)
        _, predictions = torch.max(outputs, 1)
        for label, prediction in zip(labels_, predictions):
            if label == prediction:
                correct_pred[classes[label]] += 1
            total_pred[classes[label]] += 1
for classname, correct_count in correct_pred.items():
    if total_pred[classname]:
        accuracy = 100 * float(correct_count) / total_pred[classname]
        print(f"Accuracy for class: {classname:5s} is {accuracy:.1f} %")
