"""``optim.Optimizer``: what every optimizer shares.

An optimizer holds *parameter groups*: lists of parameters with their own settings (``lr``, ...), so
that, for example, a new head can learn faster than a pretrained body. ``step()`` reads each
parameter's ``.grad`` and changes the parameter in place; ``zero_grad()`` forgets the gradients before
the next backward pass (otherwise they would add up).

Updates work on the NumPy arrays directly (``p._data``): an update is not part of any graph, which is
what ``with torch.no_grad():`` achieves in PyTorch, and it avoids creating tensors in the inner loop.
"""
import copy

import numpy as np

from ..autograd.function import silent_numpy
from ..tensor import Tensor


class _Required:
    def __repr__(self):
        return "<required parameter>"


required = _Required()


def _tensor_type_name(t):
    return "torch." + {"float32": "FloatTensor", "float64": "DoubleTensor"}.get(str(t._data.dtype), "Tensor")


def _state_as_tensors(state):
    """A parameter's state as PyTorch shows it: buffers as tensors (sharing memory with the optimizer's,
    as PyTorch's state_dict does) and the step count as a float tensor (``tensor(3.)``)."""
    from ..ops.creation import tensor
    shown = {}
    for key, value in state.items():
        if isinstance(value, np.ndarray):
            value = Tensor._make(value)
        elif key == "step":
            value = tensor(float(value))
        shown[key] = value
    return shown


def _state_as_arrays(state):
    """The inverse, with copies: a loaded state never shares memory with the dict it came from."""
    kept = {}
    for key, value in state.items():
        if isinstance(value, Tensor):
            value = int(value.item()) if key == "step" else value._data.copy()
        kept[key] = copy.deepcopy(value)
    return kept


class Optimizer:
    def __init__(self, params, defaults):
        if isinstance(params, Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of Tensors or dicts, "
                            f"but got {_tensor_type_name(params)}")
        self.defaults = defaults
        self.state = {}  # per-parameter state (momentum buffers, moments), keyed by the parameter
        self.param_groups = []
        groups = list(params)
        if len(groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(groups[0], dict):
            groups = [{"params": groups}]
        for group in groups:
            self.add_param_group(group)

    def add_param_group(self, param_group):
        """Add parameters (with their own settings; missing ones come from the defaults)."""
        params = param_group["params"]
        params = [params] if isinstance(params, Tensor) else list(params)
        seen = {id(p) for group in self.param_groups for p in group["params"]}
        for p in params:
            if not isinstance(p, Tensor):
                raise TypeError(f"optimizer can only optimize Tensors, but one of the params is {type(p).__name__}")
            if not p.is_leaf:
                raise ValueError("can't optimize a non-leaf Tensor")
            if id(p) in seen:
                raise ValueError("some parameters appear in more than one parameter group")
        group = dict(param_group, params=params)
        for name, default in self.defaults.items():
            if default is required and name not in group:
                raise ValueError(f"parameter group didn't specify a value of required optimization parameter {name}")
            group.setdefault(name, default)
        self.param_groups.append(group)

    def zero_grad(self, set_to_none=True):
        """Forget all gradients: set them to None (PyTorch 2's default) or fill them with zeros."""
        for group in self.param_groups:
            for p in group["params"]:
                if p._grad is None:
                    continue
                if set_to_none:
                    p._grad = None
                else:
                    p._grad = Tensor._make(np.zeros_like(p._data)) if p._grad.grad_fn else p._grad
                    p._grad._data.fill(0)

    def step(self, closure=None):
        """Take one optimisation step. ``closure``, if given, re-evaluates the model and returns the loss."""
        loss = None
        if closure is not None:
            from ..autograd.grad_mode import enable_grad
            with enable_grad():
                loss = closure()
        with silent_numpy():  # inf and nan pass silently, as in PyTorch
            for group in self.param_groups:
                for p in group["params"]:
                    if p._grad is not None:
                        self._update(p, p._grad._data, group, self.state.setdefault(p, {}))
                        p._version += 1
        return loss

    def _update(self, param, grad, group, state):
        """Change ``param._data`` in place using the gradient array ``grad``."""
        raise NotImplementedError

    # ----- saving and loading -----------------------------------------------------------------
    def state_dict(self):
        """State and settings, with parameters replaced by their position (as PyTorch does)."""
        index, groups, position = {}, [], 0
        for group in self.param_groups:
            ids = []
            for p in group["params"]:
                index.setdefault(id(p), position)
                ids.append(index[id(p)])
                position += 1
            groups.append(dict({k: v for k, v in group.items() if k != "params"}, params=ids))
        state = {index[id(p)]: _state_as_tensors(s) for p, s in self.state.items() if id(p) in index}
        return {"state": state, "param_groups": groups}

    def load_state_dict(self, state_dict):
        groups = state_dict["param_groups"]
        if len(groups) != len(self.param_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        params = [p for group in self.param_groups for p in group["params"]]
        for group, saved in zip(self.param_groups, groups):
            if len(group["params"]) != len(saved["params"]):
                raise ValueError("loaded state dict contains a parameter group that doesn't match the size of "
                                 "optimizer's group")
            group.update({k: v for k, v in saved.items() if k != "params"})
        self.state = {params[i]: _state_as_arrays(s) for i, s in state_dict["state"].items()}

    def __repr__(self):
        text = type(self).__name__ + " ("
        for i, group in enumerate(self.param_groups):
            text += f"\nParameter Group {i}"
            for key in sorted(k for k in group if k != "params"):
                text += f"\n    {key}: {group[key]}"
        return text + "\n)"
