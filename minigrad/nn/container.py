"""``nn.Sequential``: layers applied one after another, indexable like a list."""
from collections import OrderedDict

from .module import Module


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

    def __delitem__(self, index):
        keys = list(self._modules)[index] if isinstance(index, slice) else [self._key(index)]
        for key in keys:
            del self._modules[key]
        # renumber, as PyTorch does, so that indices stay 0, 1, 2, ...
        modules = list(self._modules.values())
        self._modules.clear()
        for i, module in enumerate(modules):
            self._modules[str(i)] = module

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
