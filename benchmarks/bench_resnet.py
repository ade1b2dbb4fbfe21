"""The seed's ResNet-18 training step at 64x64: minigrad vs PyTorch (CPU, one thread), same run.

    python benchmarks/bench_resnet.py [--batch 1] [--size 64] [--steps 5]

One step: forward a random (batch, 3, size, size) image, ``loss = (prediction - labels).sum()``,
``loss.backward()``, ``SGD(lr=1e-2, momentum=0.9).step()``. The PyTorch model is the same architecture
written with torch.nn (torchvision is not needed) and gets minigrad's weights, so the two must agree on
the first loss. The two engines take turns, step by step. Target: minigrad under 2 s per step on a
2-core machine. Not a test.
There is no hand-written NumPy ResNet to compare with.
"""
import argparse
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

import minigrad
import minigrad.models
import minigrad.optim


def torch_resnet18():
    """torchvision's ResNet-18, written out with torch.nn (module names match minigrad's and torchvision's)."""
    import torch
    tn = torch.nn

    class Block(tn.Module):
        def __init__(self, inplanes, planes, stride):
            super().__init__()
            self.conv1 = tn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
            self.bn1 = tn.BatchNorm2d(planes)
            self.relu = tn.ReLU(inplace=True)
            self.conv2 = tn.Conv2d(planes, planes, 3, 1, 1, bias=False)
            self.bn2 = tn.BatchNorm2d(planes)
            self.downsample = None
            if stride != 1 or inplanes != planes:
                self.downsample = tn.Sequential(tn.Conv2d(inplanes, planes, 1, stride, bias=False),
                                                tn.BatchNorm2d(planes))

        def forward(self, x):
            identity = x if self.downsample is None else self.downsample(x)
            out = self.relu(self.bn1(self.conv1(x)))
            return self.relu(self.bn2(self.conv2(out)) + identity)

    class Net(tn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = tn.Conv2d(3, 64, 7, 2, 3, bias=False)
            self.bn1 = tn.BatchNorm2d(64)
            self.relu = tn.ReLU(inplace=True)
            self.maxpool = tn.MaxPool2d(3, 2, 1)
            widths, inplanes = [64, 128, 256, 512], 64
            for i, planes in enumerate(widths):
                stride = 1 if i == 0 else 2
                setattr(self, f"layer{i + 1}", tn.Sequential(Block(inplanes, planes, stride), Block(planes, planes, 1)))
                inplanes = planes
            self.avgpool = tn.AdaptiveAvgPool2d((1, 1))
            self.fc = tn.Linear(512, 1000)

        def forward(self, x):
            x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
            x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
            return self.fc(torch.flatten(self.avgpool(x), 1))

    return Net()


def make_steps(batch, size):
    minigrad.manual_seed(0)
    model = minigrad.models.resnet18()
    rng = np.random.default_rng(0)
    data = rng.random((batch, 3, size, size), dtype=np.float32)
    labels = rng.random((batch, 1000), dtype=np.float32)
    state = {k: v._data.copy() for k, v in model.state_dict().items()}

    x, y = minigrad.from_numpy(data), minigrad.from_numpy(labels)
    opt = minigrad.optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)

    def mg_step():
        opt.zero_grad()
        loss = (model(x) - y).sum()
        loss.backward()
        opt.step()
        return loss.item()

    steps = {"minigrad": mg_step}
    try:
        import torch
    except ImportError:
        return steps
    torch.set_num_threads(1)
    tmodel = torch_resnet18()
    tmodel.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()})
    tx, ty = torch.from_numpy(data), torch.from_numpy(labels)
    topt = torch.optim.SGD(tmodel.parameters(), lr=1e-2, momentum=0.9)

    def torch_step():
        topt.zero_grad()
        loss = (tmodel(tx) - ty).sum()
        loss.backward()
        topt.step()
        return loss.item()

    steps["torch"] = torch_step
    return steps


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=1)
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--steps", type=int, default=5)
    args = parser.parse_args()
    steps = make_steps(args.batch, args.size)
    first = {name: step() for name, step in steps.items()}  # also a warm-up
    if "torch" in first and not np.isclose(first["minigrad"], first["torch"], rtol=1e-3, atol=1e-2):
        raise SystemExit(f"minigrad and PyTorch disagree on the first loss: {first}")
    print(f"ResNet-18 step, input {args.batch}x3x{args.size}x{args.size}; first loss {first}")
    samples = {name: [] for name in steps}
    for _ in range(args.steps):  # the engines take turns, so that a change in load hits both alike
        for name, step in steps.items():
            start = time.perf_counter()
            step()
            samples[name].append(time.perf_counter() - start)
    times = {name: (min(s) * 1000, float(np.median(s)) * 1000) for name, s in samples.items()}
    for name, (best, median) in times.items():
        print(f"{name:>9}: best {best:8.1f} ms/step, median {median:8.1f} ms/step")
    if "torch" in times:
        print(f"minigrad/torch: {times['minigrad'][0] / times['torch'][0]:.2f} (best), "
              f"{times['minigrad'][1] / times['torch'][1]:.2f} (median)")
    print(f"target < 2000 ms: {'met' if times['minigrad'][1] < 2000 else 'NOT met'}")


if __name__ == "__main__":
    main()
