"""Containers: ``nn.Sequential`` (layers applied one after another, indexable like a list),
``nn.ModuleList`` and ``nn.ModuleDict`` (modules kept in a list or a dict, their parameters registered),
``nn.ParameterList`` and ``nn.ParameterDict`` (the same for parameters)."""
from collections import OrderedDict

from .module import Module
from .parameter import Parameter


class _ModuleSequence(Module):
    """What Sequential and ModuleList share: children named "0", "1", ..., indexed like a list."""

    def _key(self, index):
        size = len(self._modules)
        if not -size <= index < size:
            raise IndexError(f"index {index} is out of range")
        return list(self._modules)[index % size]

    def __setitem__(self, index, module):
        self.add_module(self._key(index), module)

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

    def append(self, module):
        self.add_module(str(len(self)), module)
        return self

    def extend(self, modules):
        for module in modules:
            self.append(module)
        return self

    def insert(self, index, module):
        modules = list(self._modules.values())
        modules.insert(index, module)
        self._renumber(modules)

    def _renumber(self, modules):
        """Children renamed "0", "1", ... in order, as PyTorch does after a deletion or an insertion."""
        self._modules.clear()
        for i, module in enumerate(modules):
            self._modules[str(i)] = module

    def __delitem__(self, index):
        keys = list(self._modules)[index] if isinstance(index, slice) else [self._key(index)]
        for key in keys:
            del self._modules[key]
        self._renumber(list(self._modules.values()))


class Sequential(_ModuleSequence):
    """``Sequential(a, b, c)(x) == c(b(a(x)))``. Children are named "0", "1", ... (or by an OrderedDict).

    ``model[0]`` gets a layer, ``model[1:]`` a new Sequential of the rest, and ``model[2] = nn.Linear(8, 2)``
    replaces a layer (the way to put a new head on a network for fine-tuning).
    """

    def __init__(self, *args):
        super().__init__()
        if len(args) == 1 and isinstance(args[0], OrderedDict):
            for name, module in args[0].items():
                self.add_module(name, module)
        else:
            for i, module in enumerate(args):
                self.add_module(str(i), module)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Sequential(OrderedDict(list(self._modules.items())[index]))
        return self._modules[self._key(index)]

    def forward(self, input):
        for module in self._modules.values():
            input = module(input)
        return input


class ModuleList(_ModuleSequence):
    """A list of modules whose parameters are registered (a plain Python list would hide them)."""

    def _child_reprs(self):
        """Runs of identical children print once, as PyTorch does: ``(0-1): 2 x Linear(...)``."""
        grouped = []
        for name, text in super()._child_reprs():
            if grouped and grouped[-1][2] == text:
                grouped[-1][1] = name
                grouped[-1][3] += 1
            else:
                grouped.append([name, name, text, 1])
        return [(first if count == 1 else f"{first}-{last}", text if count == 1 else f"{count} x {text}")
                for first, last, text, count in grouped]

    def __init__(self, modules=None):
        super().__init__()
        for module in modules or []:
            self.append(module)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return ModuleList(list(self._modules.values())[index])
        return self._modules[self._key(index)]


def _pairs(items):
    """A dict's items, or an iterable of (key, value) pairs, checked as PyTorch checks them."""
    if hasattr(items, "items"):
        return list(items.items())
    pairs = []
    for j, pair in enumerate(items):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise ValueError(f"ModuleDict update sequence element #{j} has length "
                             f"{len(pair) if hasattr(pair, '__len__') else '?'}; 2 is required")
        pairs.append(tuple(pair))
    return pairs


class ModuleDict(Module):
    """Modules by name: ``choices["conv"]``; their parameters are registered (a plain dict would hide them)."""

    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            self.update(modules)

    def __getitem__(self, key):
        return self._modules[key]

    def __setitem__(self, key, module):
        self.add_module(key, module)

    def __delitem__(self, key):
        del self._modules[key]

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules)

    def __contains__(self, key):
        return key in self._modules

    def keys(self):
        return self._modules.keys()

    def items(self):
        return self._modules.items()

    def values(self):
        return self._modules.values()

    def update(self, modules):
        for key, module in _pairs(modules):
            self[key] = module

    def pop(self, key):
        module = self[key]
        del self[key]
        return module

    def clear(self):
        self._modules.clear()


def _describe(p, type_name):
    size = "x".join(str(n) for n in p.shape)
    return f"{'Parameter' if isinstance(p, Parameter) else 'Tensor'} containing: [{type_name} of size {size}]"


def _as_parameter(value):
    from ..tensor import Tensor
    if isinstance(value, Tensor) and not isinstance(value, Parameter):
        return Parameter(value)  # a plain tensor put in becomes a parameter, as in PyTorch
    return value


class ParameterList(Module):
    """Parameters in a list, registered as "0", "1", ... (so ``named_parameters`` gives ``params.0``)."""

    def __init__(self, values=None):
        super().__init__()
        for value in values or []:
            self.append(value)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return ParameterList(list(self._parameters.values())[index])
        size = len(self)
        if not -size <= index < size:
            raise IndexError(f"index {index} is out of range")
        return self._parameters[str(index % size)]

    def __setitem__(self, index, value):
        self.register_parameter(str(index % len(self)), _as_parameter(value))

    def __len__(self):
        return len(self._parameters)

    def __iter__(self):
        return iter(self._parameters.values())

    def append(self, value):
        self.register_parameter(str(len(self)), _as_parameter(value))
        return self

    def extend(self, values):
        for value in values:
            self.append(value)
        return self

    def extra_repr(self):
        return "\n".join(f"  ({k}): {_describe(p, p.dtype)}" for k, p in enumerate(self))


class ParameterDict(Module):
    """Parameters by name: ``extra["left"]``."""

    def __init__(self, parameters=None):
        super().__init__()
        if parameters is not None:
            self.update(parameters)

    def __getitem__(self, key):
        return self._parameters[key]

    def __setitem__(self, key, value):
        self.register_parameter(key, _as_parameter(value))

    def __delitem__(self, key):
        del self._parameters[key]

    def __len__(self):
        return len(self._parameters)

    def __iter__(self):
        return iter(self._parameters)

    def __contains__(self, key):
        return key in self._parameters

    def keys(self):
        return self._parameters.keys()

    def items(self):
        return self._parameters.items()

    def values(self):
        return self._parameters.values()

    def update(self, parameters):
        for key, value in _pairs(parameters):
            self[key] = value

    def pop(self, key):
        value = self[key]
        del self[key]
        return value

    def extra_repr(self):
        # PyTorch names the type the legacy way here (torch.FloatTensor), unlike ParameterList
        return "\n".join(f"  ({k}): {_describe(p, p.type())}" for k, p in self.items())
