"""nn.Module, Parameter, Sequential: registration, traversal, modes, state dicts, printing, freezing,
and bad input reported with PyTorch's error types and messages."""
import copy
import math

import numpy as np
import pytest

import minigrad
import minigrad.nn as nn
import minigrad.nn.functional as F
import minigrad.optim as optim


def mlp():
    return nn.Sequential(nn.Linear(64, 128), nn.Tanh(), nn.Sequential(nn.Linear(128, 10), nn.ReLU()), nn.Dropout(0.2))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.bn = nn.BatchNorm2d(4)
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(4 * 8 * 8, 10))
        self.scale = nn.Parameter(minigrad.ones(1))
        self.register_buffer("steps", minigrad.zeros(1))
        self.not_registered = [nn.Linear(2, 2)]

    def forward(self, x):
        return self.head(F.relu(self.bn(self.conv(x)))) * self.scale


# ----- printing ---------------------------------------------------------------------------------
def test_reprs_match_torch_exactly():
    torch = pytest.importorskip("torch")
    import minigrad.models
    builders = [
        lambda m: m.nn.Sequential(m.nn.Linear(64, 128), m.nn.Tanh(), m.nn.Sequential(m.nn.Linear(128, 10),
                                  m.nn.ReLU()), m.nn.Dropout(0.2)),
        lambda m: m.nn.Conv2d(3, 4, 3, stride=2, padding=1), lambda m: m.nn.Conv2d(3, 4, (3, 5), bias=False),
        lambda m: m.nn.MaxPool2d(3, 2, 1), lambda m: m.nn.MaxPool2d(2), lambda m: m.nn.AdaptiveAvgPool2d((1, 1)),
        lambda m: m.nn.BatchNorm2d(3), lambda m: m.nn.Flatten(), lambda m: m.nn.Sigmoid(),
        lambda m: m.nn.MSELoss(), lambda m: m.nn.CrossEntropyLoss(), lambda m: m.nn.ReLU(inplace=True),
        lambda m: m.nn.Linear(2, 3, bias=False), lambda m: m.nn.Softmax(dim=1), lambda m: m.nn.Identity(),
        lambda m: m.nn.ModuleList([m.nn.Linear(4, 4), m.nn.Linear(4, 4), m.nn.ReLU(), m.nn.Linear(4, 4)]),
        lambda m: m.nn.ModuleList([m.nn.Sequential(m.nn.Linear(2, 2)), m.nn.Sequential(m.nn.Linear(2, 2))]),
        lambda m: m.nn.ModuleList([]),
    ]
    for build in builders:
        assert repr(build(minigrad)) == repr(build(torch))
    assert repr(nn.Linear(64, 128)) == "Linear(in_features=64, out_features=128, bias=True)"
    assert repr(nn.ModuleList([nn.Tanh(), nn.Tanh(), nn.ReLU()])) == "ModuleList(\n  (0-1): 2 x Tanh()\n  (2): ReLU()\n)"


def test_resnet_repr_has_torchvision_layout():
    import minigrad.models
    text = repr(minigrad.models.resnet18())
    assert text.startswith("ResNet(\n  (conv1): Conv2d(3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), "
                           "bias=False)\n  (bn1): BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True, bias=True, "
                           "track_running_stats=True)\n  (relu): ReLU(inplace=True)\n")
    assert ("    (0): BasicBlock(\n      (conv1): Conv2d(64, 128, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), "
            "bias=False)") in text
    assert "      (downsample): Sequential(\n        (0): Conv2d(64, 128, kernel_size=(1, 1), stride=(2, 2), " \
           "bias=False)" in text
    assert text.endswith("  (avgpool): AdaptiveAvgPool2d(output_size=(1, 1))\n"
                         "  (fc): Linear(in_features=512, out_features=1000, bias=True)\n)")


def test_parameter_repr_and_type():
    p = nn.Parameter(minigrad.tensor([1.0, 2.0]))
    assert repr(p) == "Parameter containing:\ntensor([1., 2.], requires_grad=True)"
    assert p.requires_grad and p.is_leaf and isinstance(p, minigrad.Tensor)
    assert repr(nn.Parameter(minigrad.zeros(2), requires_grad=False)) == "Parameter containing:\ntensor([0., 0.])"
    y = p * 2
    assert type(y) is minigrad.Tensor and repr(y) == "tensor([2., 4.], grad_fn=<MulBackward0>)"
    clone = copy.deepcopy(p)
    assert type(clone) is nn.Parameter and clone._data is not p._data


# ----- registration and traversal ----------------------------------------------------------------
def test_parameters_children_modules():
    net = Net()
    names = [name for name, _ in net.named_parameters()]
    assert names == ["scale", "conv.weight", "conv.bias", "bn.weight", "bn.bias", "head.1.weight", "head.1.bias"]
    assert len(list(net.parameters())) == 7
    assert [type(m).__name__ for m in net.children()] == ["Conv2d", "BatchNorm2d", "Sequential"]
    assert [name for name, _ in net.named_modules()] == ["", "conv", "bn", "head", "head.0", "head.1"]
    assert [name for name, _ in net.named_buffers()] == ["steps", "bn.running_mean", "bn.running_var",
                                                         "bn.num_batches_tracked"]
    assert list(net.state_dict()) == ["scale", "steps", "conv.weight", "conv.bias", "bn.weight", "bn.bias",
                                      "bn.running_mean", "bn.running_var", "bn.num_batches_tracked",
                                      "head.1.weight", "head.1.bias"]


def test_resnet_parameter_names_order_and_count_are_torchvisions():
    import minigrad.models
    model = minigrad.models.resnet18()
    names = [n for n, _ in model.named_parameters()]
    assert len(names) == 62 and names[:4] == ["conv1.weight", "bn1.weight", "bn1.bias", "layer1.0.conv1.weight"]
    assert sum(p.numel() for p in model.parameters()) == 11_689_512
    assert len(model.state_dict()) == 122


def test_shared_parameter_is_listed_once():
    layer = nn.Linear(3, 3)
    model = nn.Sequential(layer, nn.Tanh(), layer)
    assert len(list(model.parameters())) == 2


def test_reassigning_and_deleting_attributes():
    net = Net()
    net.conv = nn.Identity()
    assert "conv.weight" not in dict(net.named_parameters())
    with pytest.raises(TypeError, match="cannot assign 'torch.FloatTensor' as parameter 'scale'"):
        net.scale = minigrad.ones(1)
    net.scale = None
    assert "scale" not in dict(net.named_parameters())
    del net.bn
    assert not hasattr(net, "bn")
    with pytest.raises(AttributeError, match="'Net' object has no attribute 'missing'"):
        net.missing


def test_sequential_indexing_assignment_slicing():
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
    assert isinstance(model[0], nn.Linear) and model[-1] is model[2]
    model[2] = nn.Linear(8, 2)
    assert model[2].out_features == 2 and model(minigrad.randn(5, 4)).shape == (5, 2)
    assert repr(model[1:]) == "Sequential(\n  (1): ReLU()\n  (2): Linear(in_features=8, out_features=2, bias=True)\n)"
    assert len(model) == 3 and [type(m).__name__ for m in model] == ["Linear", "ReLU", "Linear"]
    with pytest.raises(IndexError, match="index 3 is out of range"):
        model[3]
    del model[1]
    assert list(model._modules) == ["0", "1"]
    model.append(nn.Tanh())
    assert repr(model[2]) == "Tanh()"


def test_train_eval_propagates():
    model = mlp()
    assert model.training and model[2][1].training
    assert model.eval() is model
    assert not any(m.training for m in model.modules())
    model.train()
    assert all(m.training for m in model.modules())


def test_zero_grad_sets_none_or_zero():
    model = mlp()
    model(minigrad.randn(2, 64)).sum().backward()
    model.zero_grad(set_to_none=False)
    assert all(float(p.grad.abs().sum()) == 0 for p in model.parameters())
    model.zero_grad()
    assert all(p.grad is None for p in model.parameters())


def test_state_dict_round_trip_and_errors():
    torch = pytest.importorskip("torch")
    a, b = Net(), Net()
    result = b.load_state_dict(a.state_dict())
    assert repr(result) == "<All keys matched successfully>"
    x = minigrad.randn(2, 1, 8, 8)
    np.testing.assert_array_equal(a(x)._data, b(x)._data)
    state = a.state_dict()
    assert not state["conv.weight"].requires_grad
    assert np.shares_memory(state["conv.weight"]._data, a.conv.weight._data)  # as in PyTorch: no copy
    for bad, message in [
        ({"weight": minigrad.zeros(2, 2)}, 'Error(s) in loading state_dict for Linear:\n\tMissing key(s) in '
                                           'state_dict: "bias". '),
        ({"weight": minigrad.zeros(3, 2), "bias": minigrad.zeros(2)},
         "Error(s) in loading state_dict for Linear:\n\tsize mismatch for weight: copying a param with shape "
         "torch.Size([3, 2]) from checkpoint, the shape in current model is torch.Size([2, 2])."),
        ({"weight": minigrad.zeros(2, 2), "bias": minigrad.zeros(2), "foo": minigrad.zeros(1)},
         'Error(s) in loading state_dict for Linear:\n\tUnexpected key(s) in state_dict: "foo". '),
    ]:
        with pytest.raises(RuntimeError) as mine:
            nn.Linear(2, 2).load_state_dict(bad)
        with pytest.raises(RuntimeError) as theirs:
            torch.nn.Linear(2, 2).load_state_dict({k: torch.tensor(v._data) for k, v in bad.items()})
        assert str(mine.value) == str(theirs.value) == message
    result = nn.Linear(2, 2).load_state_dict({"weight": minigrad.zeros(2, 2)}, strict=False)
    assert result.missing_keys == ["bias"]


# ----- initialisation -----------------------------------------------------------------------------
def test_default_init_bounds_and_seeding():
    minigrad.manual_seed(0)
    layer = nn.Linear(100, 50)
    bound = 1 / math.sqrt(100)
    for p in (layer.weight, layer.bias):
        assert p.dtype == minigrad.float32 and p.requires_grad
        assert np.abs(p._data).max() <= bound and np.abs(p._data).max() > 0.9 * bound
    assert abs(layer.weight._data.std() - bound / math.sqrt(3)) < 0.01 * bound
    conv = nn.Conv2d(3, 8, 5)
    assert np.abs(conv.weight._data).max() <= 1 / math.sqrt(75)
    minigrad.manual_seed(0)
    again = nn.Linear(100, 50)
    np.testing.assert_array_equal(again.weight._data, layer.weight._data)
    bn = nn.BatchNorm2d(4)
    np.testing.assert_array_equal(bn.weight._data, np.ones(4)), np.testing.assert_array_equal(bn.bias._data, np.zeros(4))


def test_init_functions():
    w = minigrad.empty(64, 32)
    nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu")
    assert abs(w._data.std() - math.sqrt(2 / 64)) < 0.02
    nn.init.xavier_uniform_(w)
    assert np.abs(w._data).max() <= math.sqrt(6 / 96)
    nn.init.constant_(w, 0.5)
    assert (w._data == 0.5).all()
    assert nn.init.calculate_gain("tanh") == 5 / 3


# ----- freezing and fine-tuning --------------------------------------------------------------------
def test_frozen_parameters_get_no_gradient():
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
    for p in model.parameters():
        p.requires_grad = False
    model[2] = nn.Linear(8, 2)  # a new head: its parameters require grad
    out = model(minigrad.randn(5, 4))
    assert out.grad_fn.name() == "AddmmBackward0"
    F.cross_entropy(out, minigrad.tensor([0, 1, 0, 1, 1])).backward()
    assert model[0].weight.grad is None and model[0].bias.grad is None
    assert model[2].weight.grad is not None
    # Everything frozen: the output is not part of any graph.
    for p in model.parameters():
        p.requires_grad_(False)
    assert model(minigrad.randn(5, 4)).grad_fn is None


def test_fine_tuning_resnet_head_only_changes_the_head():
    import minigrad.models
    minigrad.manual_seed(0)
    model = minigrad.models.resnet18()
    for p in model.parameters():
        p.requires_grad = False
    model.fc = nn.Linear(512, 10)
    before = {name: p._data.copy() for name, p in model.named_parameters()}
    opt = optim.SGD(model.fc.parameters(), lr=1e-2, momentum=0.9)
    model(minigrad.rand(2, 3, 32, 32)).sum().backward()
    opt.step()
    changed = [name for name, p in model.named_parameters() if not np.array_equal(before[name], p._data)]
    assert changed == ["fc.weight", "fc.bias"]
    assert all(p.grad is None for name, p in model.named_parameters() if not name.startswith("fc."))


# ----- bad input ----------------------------------------------------------------------------------
def same_error(build, *shapes_or_values):
    """Run ``build(module, ...)`` in minigrad and torch; the errors must have the same type and text."""
    torch = pytest.importorskip("torch")
    errors = []
    for lib in (minigrad, torch):
        try:
            build(lib)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        else:
            errors.append(None)
    mine, theirs = errors
    assert theirs is not None
    assert type(mine) is type(theirs), (mine, theirs)
    assert str(mine) == str(theirs)


@pytest.mark.parametrize("case", [
    lambda m: m.nn.Linear(64, 128)(m.randn(16, 63)),
    lambda m: m.nn.Linear(64, 128)(m.randn(2, 16, 63)),
    lambda m: m.nn.Linear(64, 128)(m.randn(63)),
    lambda m: m.nn.Linear(3, 2)(m.randn(4, 3, dtype=m.float64)),
    lambda m: m.nn.functional.cross_entropy(m.randn(4, 3), m.tensor([0.0, 1.0, 2.0, 0.0])),
    lambda m: m.nn.functional.cross_entropy(m.randn(4, 3), m.tensor([0, 1, 2, 0], dtype=m.int32)),
    lambda m: m.nn.functional.cross_entropy(m.randn(4, 3), m.tensor([0, 1, 2])),
    lambda m: m.nn.functional.cross_entropy(m.randn(4, 3), m.tensor([0, 1, 5, 0])),
    lambda m: m.nn.functional.cross_entropy(m.randn(4, 3), m.tensor([0, 1, -1, 0])),
    lambda m: m.nn.functional.cross_entropy(m.randn(4, 3), m.rand(4, 2)),
    lambda m: m.nn.functional.cross_entropy(m.randn(4, 3), m.tensor([0, 1, 2, 0]), reduction="bad"),
    lambda m: m.nn.functional.mse_loss(m.randn(4, 3), m.rand(4, 2)),
    lambda m: m.nn.Conv2d(3, 4, 3)(m.randn(2, 2, 8, 8)),
    lambda m: m.nn.Conv2d(3, 4, 3)(m.randn(2, 3, 2, 2)),
    lambda m: m.nn.Conv2d(3, 4, 3)(m.randn(2, 3)),
    lambda m: m.nn.BatchNorm2d(3)(m.randn(2, 4, 5, 5)),
    lambda m: m.nn.BatchNorm2d(3)(m.randn(2, 3)),
    lambda m: m.nn.BatchNorm2d(3)(m.randn(1, 3, 1, 1)),
    lambda m: m.nn.MaxPool2d(3)(m.randn(1, 3, 2, 2)),
    lambda m: m.nn.MaxPool2d(3, 2, 2)(m.randn(1, 1, 8, 8)),
    lambda m: m.nn.MaxPool2d(2)(m.randn(8, 8)),
    lambda m: m.nn.Dropout(1.5),
    lambda m: m.nn.Sequential(m.nn.Linear(2, 2))[3],
])
def test_bad_input_errors_match_torch(case):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        same_error(case)
