"""models.resnet18: torchvision's architecture, the seed's training step, weights from a local file."""
import numpy as np
import pytest

import minigrad
import minigrad.models
import minigrad.nn as nn
import minigrad.optim as optim
from minigrad.models import BasicBlock, resnet18


@pytest.fixture(scope="module")
def model():
    minigrad.manual_seed(0)
    return resnet18()


def test_parameter_count_matches_torchvision(model):
    assert sum(p.numel() for p in model.parameters()) == 11_689_512
    assert sum(p.numel() for p in resnet18(num_classes=10).parameters()) == 11_689_512 - 990 * 513


def test_seed_004_training_step(model):
    """The seed's step: random 1x3x64x64 image, random labels, (prediction - labels).sum(), SGD."""
    data = minigrad.rand(1, 3, 64, 64)
    labels = minigrad.rand(1, 1000)
    prediction = model(data)
    assert prediction.shape == (1, 1000) and prediction.grad_fn.name() == "AddmmBackward0"
    loss = (prediction - labels).sum()
    assert loss.grad_fn.name() == "SumBackward0"
    loss.backward()
    assert all(p.grad is not None and p.grad.shape == p.shape for p in model.parameters())
    before = model.conv1.weight._data.copy()
    opt = optim.SGD(model.parameters(), lr=1e-2, momentum=0.9)
    opt.step()
    assert not np.array_equal(before, model.conv1.weight._data)
    assert np.isfinite(model.fc.weight._data).all()


def test_basic_block_matches_torch():
    torch = pytest.importorskip("torch")
    tn = torch.nn
    down = tn.Sequential(tn.Conv2d(4, 8, 1, 2, bias=False), tn.BatchNorm2d(8))
    body = tn.Sequential(tn.Conv2d(4, 8, 3, 2, 1, bias=False), tn.BatchNorm2d(8), tn.ReLU(),
                         tn.Conv2d(8, 8, 3, 1, 1, bias=False), tn.BatchNorm2d(8))
    block = BasicBlock(4, 8, stride=2, downsample=nn.Sequential(nn.Conv2d(4, 8, 1, 2, bias=False),
                                                                nn.BatchNorm2d(8)))
    state = {}
    for (ours, theirs) in [("conv1", "0"), ("bn1", "1"), ("conv2", "3"), ("bn2", "4")]:
        for key, value in body.state_dict().items():
            if key.startswith(theirs + "."):
                state[ours + key[len(theirs):]] = value.numpy()
    state.update({"downsample." + k: v.numpy() for k, v in down.state_dict().items()})
    block.load_state_dict(state)
    x = np.random.default_rng(0).standard_normal((2, 4, 6, 6)).astype(np.float32)
    xt, xm = torch.tensor(x, requires_grad=True), minigrad.tensor(x, requires_grad=True)
    yt = torch.relu(body(xt) + down(xt))
    ym = block(xm)
    np.testing.assert_allclose(ym._data, yt.detach().numpy(), atol=1e-5)
    yt.sum().backward(), ym.sum().backward()
    np.testing.assert_allclose(xm.grad._data, xt.grad.numpy(), atol=1e-4)
    np.testing.assert_allclose(block.conv1.weight.grad._data, body[0].weight.grad.numpy(), atol=1e-4)


def test_pretrained_weights_are_not_downloaded():
    with pytest.raises(RuntimeError, match="minigrad does not download pretrained weights"):
        resnet18(pretrained=True)
    with pytest.raises(RuntimeError, match="does not download"):
        resnet18(weights="DEFAULT")
    with pytest.raises(FileNotFoundError):
        resnet18(weights="missing.npz")


def test_weights_from_a_local_file(model, tmp_path):
    path = tmp_path / "resnet18.npz"
    np.savez(path, **{name: t._data for name, t in model.state_dict().items()})
    loaded = resnet18(weights=str(path))
    for (name, a), (_, b) in zip(model.state_dict().items(), loaded.state_dict().items()):
        np.testing.assert_array_equal(a._data, b._data, err_msg=name)
    again = resnet18()
    again.load_state_dict(minigrad.models.load_weights(path))
    np.testing.assert_array_equal(again.fc.weight._data, model.fc.weight._data)


def test_weights_from_a_torch_file(tmp_path):
    torch = pytest.importorskip("torch")
    linear = torch.nn.Linear(3, 2)
    torch.save(linear.state_dict(), tmp_path / "linear.pth")
    ours = nn.Linear(3, 2)
    ours.load_state_dict(minigrad.models.load_weights(tmp_path / "linear.pth"))
    np.testing.assert_array_equal(ours.weight._data, linear.weight.detach().numpy())
