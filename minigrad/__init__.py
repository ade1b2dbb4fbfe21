"""minigrad: a small automatic differentiation engine that looks, prints and fails like PyTorch.

``import minigrad as torch`` runs PyTorch code in the supported subset.

Layers, bottom to top (each imports only from those below):
  tensor.py                  the Tensor: a NumPy array plus autograd state
  autograd/                  grad mode, Function and the graph, the backward engine, gradcheck
  ops/                       the operations, each forward beside its chain rule
  _tensor_methods.py         wires the operations onto Tensor (+, *, sum, backward, ...)
  nn/, optim/, utils/        layers and losses, optimizers, data loading
  datasets.py, models/       the digits data (bundled with scikit-learn), resnet18
  viz.py                     drawing graphs (imported on first use of ``minigrad.viz``: needs graphviz)
"""
from . import _allocator  # noqa: F401  (reuse freed memory between training steps; see the module)
from . import autograd  # first: the engine imports tensor, which needs grad mode
from . import _tensor_methods  # noqa: F401  (attaches operators to Tensor)
from ._dtype import (bool, double, dtype, float, float16, float32, float64, half, int, int8, int16, int32,
                     int64, long, short, uint8)
from ._printing import get_printoptions, set_printoptions
from ._size import Size
from .autograd import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from .ops.comparison import (all, allclose, any, argmax, argmin, eq, equal, ge, gt, isclose, le, lt, ne)
from .ops.creation import (Generator, arange, as_tensor, empty, empty_like, eye, from_numpy, full, full_like,
                           linspace, manual_seed, ones, ones_like, rand, rand_like, randint, randn, randn_like,
                           randperm, seed, tensor, zeros, zeros_like, get_rng_state, set_rng_state, initial_seed)
from .ops.elementwise import maximum, minimum
from .tensor import Tensor
from ._functions import *  # noqa: F401,F403  (torch.exp, torch.cat, ...)
from ._functions import cat, concat, is_tensor, stack

# Beyond the engine: devices, save/load, inference mode, legacy types, sampling (see each module).
from . import _tensor_api, accelerator, backends, cuda, linalg, serialization  # noqa: E402
from ._tensor_api import LEGACY_TYPES as _LEGACY_TYPES  # noqa: E402
from .devices import checks_device as _checks_device, device, get_default_device, set_default_device  # noqa: E402
from .inference import inference_mode, is_inference_mode_enabled  # noqa: E402
from .sampling import histc, histogram, multinomial  # noqa: E402
from .serialization import load, save  # noqa: E402
from ._type_info import finfo, iinfo  # noqa: E402
from .determinism import (are_deterministic_algorithms_enabled,  # noqa: E402
                          is_deterministic_algorithms_warn_only_enabled, use_deterministic_algorithms)

globals().update(_LEGACY_TYPES)  # torch.FloatTensor, torch.LongTensor, ...
globals().update(_tensor_api.FUNCTIONS)  # torch.cumsum, torch.softmax, torch.add(..., out=), ...
for _name in ["tensor", "as_tensor", "zeros", "ones", "empty", "full", "eye", "rand", "randn", "randint",
              "randperm", "arange", "linspace", "zeros_like", "ones_like", "empty_like", "full_like", "rand_like",
              "randn_like"]:
    globals()[_name] = _checks_device(globals()[_name])  # device="cuda" says minigrad is CPU-only

from . import nn, optim, utils  # noqa: E402  (torch.nn, torch.optim, torch.utils.data)
from . import datasets, models  # noqa: E402

from ._version import __version__  # noqa: E402  (one place: minigrad/_version.py)


def __getattr__(name):
    if name == "viz":  # optional dependency: loaded only when used
        import importlib
        return importlib.import_module(".viz", __name__)
    hint = "" if name.startswith("__") else f" (torch.{name} is not in minigrad's PyTorch subset)"
    raise AttributeError(f"module 'minigrad' has no attribute '{name}'{hint}")
