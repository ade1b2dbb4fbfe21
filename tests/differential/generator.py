"""Random straight-line programs over the PyTorch API that minigrad implements.

``generate(seed)`` returns a program's text. PyTorch is the oracle while generating: each candidate
statement is run on PyTorch at once, so the next ones are built from real shapes and dtypes. A candidate
that raises is kept with probability ``KEEP_ERROR`` (both libraries should then raise alike) and dropped
otherwise; a few candidates are built wrong on purpose (bad dim, shape mismatch, out-of-range index).
Tensors stay small and non-empty (empty ones are left to the mistake corpus). Inputs are literals drawn from a seeded NumPy generator, fed through ``torch.tensor``; nothing uses a
random-number function of either library, so both sides see identical values.
"""
import warnings

import numpy as np

MAX_NUMEL = 48
KEEP_ERROR = 0.5
STEPS = (8, 16)  # statements drawn per program (before the closing backward and its shows)


def generate(seed, torch):
    """The text of random program number ``seed`` (``torch`` is PyTorch, used as the oracle)."""
    return _Builder(seed, torch).build()


class _Builder:
    def __init__(self, seed, torch):
        self.rng = np.random.default_rng(seed)
        self.torch = torch
        self.lines = []
        self.counter = 0
        self.env = self._fresh_env()

    # --- the oracle -------------------------------------------------------------------------------
    def _fresh_env(self):
        t = self.torch
        return {"torch": t, "nn": t.nn, "F": t.nn.functional, "np": np, "show": lambda v: None}

    def _run(self, line, env):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(line, "<candidate>", "exec"), env)

    def add(self, line, wrong_on_purpose=False):
        """Run ``line`` on PyTorch; keep it if it runs (and stays small) or, sometimes, if it raises."""
        try:
            self._run(line, self.env)
        except Exception:
            if wrong_on_purpose or self.rng.random() < KEEP_ERROR:
                self.lines.append(line)
                return "error"
            self._rebuild()
            return None
        if any(not 0 < v.numel() <= MAX_NUMEL or v.dim() > 4 for _, v in self.tensors()):
            self._rebuild()
            return None
        self.lines.append(line)
        return "ok"

    def _rebuild(self):
        """Undo a dropped candidate's side effects by replaying the kept lines."""
        self.env = self._fresh_env()
        for line in self.lines:
            try:
                self._run(line, self.env)
            except Exception:
                pass

    def tensors(self, pred=lambda v: True):
        return [(k, v) for k, v in self.env.items()
                if isinstance(v, self.torch.Tensor) and not k.startswith("_") and pred(v)]

    def pick(self, pred=lambda v: True, recent=True):
        """A live tensor's name and value; recent ones are likelier."""
        found = self.tensors(pred)
        if not found:
            return None, None
        weights = np.arange(1, len(found) + 1, dtype=float) ** (2 if recent else 0)
        name, value = found[self.rng.choice(len(found), p=weights / weights.sum())]
        return name, value

    def name(self):
        self.counter += 1
        return f"t{self.counter}"

    def chance(self, p):
        return self.rng.random() < p

    def choice(self, options):
        return options[self.rng.integers(len(options))] if len(options) else None

    # --- literals -----------------------------------------------------------------------------------
    def shape(self, max_dim=3):
        ndim = self.rng.choice([0, 1, 2, 3][:max_dim + 1], p=[0.1, 0.35, 0.4, 0.15][:max_dim + 1] /
                               np.sum([0.1, 0.35, 0.4, 0.15][:max_dim + 1]))
        return tuple(int(s) for s in self.rng.integers(1, 5, size=ndim))

    def literal(self, shape, kind="float"):
        size = int(np.prod(shape))
        if kind == "float":
            if self.chance(0.5):
                values = self.rng.integers(-12, 13, size=size) / 4
            else:
                values = self.rng.normal(size=size).round(3)
            values = values.astype(float)
        elif kind == "int":
            values = self.rng.integers(-3, 6, size=size)
        elif kind == "positive int":
            values = self.rng.integers(0, 4, size=size)
        else:
            values = self.rng.random(size) < 0.5
        return repr(np.array(values).reshape(shape).tolist())

    def broadcast_partner(self, shape):
        """A shape that broadcasts with ``shape`` (sometimes one that does not)."""
        if self.chance(0.08):
            return self.shape()
        dims = list(shape[int(self.rng.integers(0, len(shape) + 1)):]) if shape else []
        dims = [1 if self.chance(0.3) else d for d in dims]
        if self.chance(0.15) and len(dims) < 3:
            dims = [int(self.rng.integers(1, 3))] + dims
        return tuple(dims)

    def dim_of(self, value, allow_wrong=True):
        nd = max(value.dim(), 1)
        if allow_wrong and self.chance(0.07):
            return nd
        return int(self.rng.integers(-nd, nd))

    def scalar(self):
        return self.choice(["2", "0.5", "-1.5", "3", "True", "1e-3", "0"])

    def show(self, expr, p=0.85):
        if self.chance(p):
            self.lines.append(f"show({expr})")

    def assign(self, expr, wrong_on_purpose=False, show=0.85):
        name = self.name()
        if self.add(f"{name} = {expr}", wrong_on_purpose) == "ok":
            self.show(name, show)
            return name
        return None

    # --- statement families -------------------------------------------------------------------------
    def create(self):
        shape = self.shape()
        lit = self.literal(shape)
        dims = ", ".join(map(str, shape)) or "()"
        grad = self.choice(["", ", requires_grad=True", ", requires_grad=True"])
        n = int(self.rng.integers(2, 7))
        options = [
            f"torch.tensor({lit}{grad})",
            f"torch.tensor({lit}{grad})",
            f"torch.tensor({lit}, dtype=torch.float64{grad})",
            f"torch.tensor(np.array({lit}))",
            f"torch.from_numpy(np.array({lit}, dtype=np.float32))",
            f"torch.tensor({self.literal(shape, 'int')})",
            f"torch.tensor({self.literal(shape, 'bool')})",
            f"torch.ones({dims}{grad})",
            f"torch.zeros({dims})",
            f"torch.full(({dims},), {self.scalar()})" if shape else "torch.full((), 2.5)",
            f"torch.arange({n})",
            f"torch.arange(0., {n / 2}, 0.5{grad})",
            f"torch.linspace(-1, 1, {n})",
            f"torch.eye({n % 4 + 1})",
            f"torch.tensor({lit}{grad}).double()",
        ]
        x, _ = self.pick()
        if x:
            options += [f"torch.ones_like({x})", f"torch.zeros_like({x}, dtype=torch.float64)",
                        f"torch.full_like({x}, 0.5)"]
        self.assign(self.choice(options))

    def arithmetic(self):
        x, xv = self.pick()
        if x is None:
            return self.create()
        op = self.choice(["+", "-", "*", "/", "+", "*", "**", "-", "/", "**", "//", "%"])
        partner = self.choice(["scalar", "tensor", "literal", "literal"])
        if partner == "scalar":
            y = self.scalar() if op != "**" else self.choice(["2", "0.5", "3", "-1", "2.0"])
        elif partner == "tensor":
            y, _ = self.pick(recent=False)
        else:
            kind = self.choice(["float", "float", "int", "bool"])
            y = f"torch.tensor({self.literal(self.broadcast_partner(tuple(xv.shape)), kind)})"
        forms = [f"{x} {op} {y}", f"{y} {op} {x}", f"{x} {op} {y}"]
        named = {"+": "add", "-": "sub", "*": "mul", "/": "div", "**": "pow"}
        if op in named:
            forms += [f"torch.{named[op]}({x}, {y})", f"{x}.{named[op]}({y})"]
        if op in "+-":
            forms.append(f"{x}.{named[op]}({y}, alpha=2)")
        if op == "/":
            forms.append(f"{x}.div({y}, rounding_mode='floor')")
        forms += [f"-{x}", f"{x} > {self.scalar()}", f"{x} == {y}", f"{x} <= {y}", f"{x} != 0"]
        self.assign(self.choice(forms))

    def elementwise(self):
        x, xv = self.pick()
        if x is None:
            return self.create()
        lo, hi = sorted(self.rng.integers(-2, 3, size=2) / 2)
        options = [f"{x}.exp()", f"torch.exp({x})", f"{x}.log()", f"torch.log({x}.abs() + 1)", f"{x}.sqrt()",
                   f"torch.sqrt({x})", f"{x}.tanh()", f"torch.tanh({x})", f"{x}.sigmoid()", f"torch.sigmoid({x})",
                   f"{x}.relu()", f"torch.relu({x})", f"F.relu({x})", f"{x}.abs()", f"torch.abs({x})",
                   f"{x}.sin()", f"torch.cos({x})", f"{x}.neg()", f"{x}.clamp(min={lo})",
                   f"{x}.clamp({lo}, {hi})", f"torch.clamp({x}, max={hi})", f"{x}.clamp(min=0).log()",
                   f"torch.relu({x}).sqrt()", f"torch.where({x} > 0, {x}, {x} * 0.1)",
                   f"torch.where({x} > 0, {x}, 0.)", f"torch.maximum({x}, torch.zeros_like({x}))",
                   f"torch.minimum({x}, {x} * 2)", f"{x}.float()", f"{x}.long()", f"{x}.double()", f"{x}.int()",
                   f"{x}.bool()", f"{x}.to(torch.float64)", f"{x}.sum().sqrt()", f"{x}.abs().sum()"]
        y, yv = self.pick(lambda v: v.shape == xv.shape and v is not xv)
        if y:
            options += [f"torch.where({y} > 0, {x}, {y})", f"torch.maximum({x}, {y})"]
        self.assign(self.choice(options))

    def reduction(self):
        x, xv = self.pick()
        if x is None:
            return self.create()
        d = self.dim_of(xv)
        keep = self.choice(["", ", keepdim=True"])
        fn = self.choice(["sum", "mean", "sum", "amax", "amin", "max", "min", "argmax", "norm"])
        options = [f"{x}.{fn}()", f"{x}.{fn}({d}{keep})", f"torch.{fn}({x}, dim={d}{keep})",
                   f"{x}.sum(dim={d}{keep})", f"{x}.mean(dim={d}{keep})", f"{x}.float().mean()"]
        if xv.dim() >= 2:
            options.append(f"{x}.sum(({d}, {self.dim_of(xv, False)}){keep})")
            options.append(f"{x}.mean(dim=(0, 1))")
        form = self.rng.integers(4)
        if fn in ("max", "min") and form == 0:
            a, b = self.name(), self.name()
            if self.add(f"{a}, {b} = {x}.{fn}({d}{keep})") == "ok":
                self.show(a)
                self.show(b)
            return
        if fn in ("max", "min") and form == 1:
            return self.add(f"show({x}.{fn}(dim={d}))")
        self.assign(self.choice(options))

    def shape_op(self):
        x, xv = self.pick()
        if x is None:
            return self.create()
        shape, n, nd = tuple(xv.shape), xv.numel(), xv.dim()
        factors = [f for f in range(1, n + 1) if n % f == 0] or [1]
        f = int(self.choice(factors))
        new = self.choice([f"{f}, {n // f}", f"-1, {f}", f"{n}", "-1", f"{f}, -1", f"{f + 1}, -1", f"1, {n}"])
        d0, d1 = self.dim_of(xv), self.dim_of(xv, False)
        perm = ", ".join(map(str, self.rng.permutation(nd))) if nd else ""
        expand = ", ".join(["2"] + [str(s if s != 1 else int(self.rng.integers(1, 4))) for s in shape])
        options = [f"{x}.view({new})", f"{x}.reshape({new})", f"{x}.transpose({d0}, {d1})", f"{x}.t()",
                   f"{x}.permute({perm})", f"{x}.expand({expand})", f"{x}.expand({', '.join(map(str, shape))})",
                   f"{x}.squeeze()", f"{x}.squeeze({d0})", f"{x}.unsqueeze({self.dim_of(xv)})",
                   f"{x}.flatten()", f"{x}.flatten(1)", f"{x}.T", f"{x}.clone()", f"{x}.detach()",
                   f"{x}.transpose(0, -1).reshape(-1)", f"{x}.t().view(-1)", f"{x}.contiguous()",
                   f"{x}.view({new}).sum(0)", f"{x}.expand_as({x})"]
        self.assign(self.choice(options))

    def index(self):
        x, xv = self.pick(lambda v: v.dim() > 0 and v.shape[0] > 0)
        if x is None:
            return self.create()
        n = xv.shape[0]
        i = int(self.rng.integers(-n, n + (1 if self.chance(0.1) else 0)))
        options = [f"{x}[{i}]", f"{x}[{i}:]", f"{x}[:{i}]", f"{x}[..., {int(self.rng.integers(-1, 1))}]",
                   f"{x}[None]", f"{x}[:, None]", f"{x}[[0, {n - 1}]]", f"{x}[torch.tensor([{n - 1}, 0])]",
                   f"{x}[{x} > 0]", f"{x}[::2]", f"{x}[::-1]", f"{x}[{i}, 0]", f"{x}[1:, ::2]",
                   f"{x}[[True] * {n}]", f"{x}[0][0]"]
        self.assign(self.choice(options))

    def matmul(self):
        x, xv = self.pick(lambda v: v.dim() in (1, 2, 3))
        if x is None:
            return self.create()
        wrong = self.chance(0.08)
        k = xv.shape[-1] + (1 if wrong else 0)
        m = int(self.rng.integers(1, 4))
        kind = "int" if self.chance(0.05) else "float"
        dtype = ", dtype=torch.float64" if self.chance(0.07) else ""
        if xv.dim() == 1:
            options = [f"{x} @ torch.tensor({self.literal((k,), kind)}{dtype})",
                       f"torch.dot({x}, torch.tensor({self.literal((k,), kind)}{dtype}))",
                       f"{x} @ torch.tensor({self.literal((k, m), kind)}{dtype})", f"{x} @ {x}",
                       f"torch.matmul({x}, {x})"]
        elif xv.dim() == 2:
            lit = f"torch.tensor({self.literal((k, m), kind)}{dtype})"
            options = [f"{x} @ {lit}", f"torch.mm({x}, {lit})", f"{x}.mm({lit})", f"{x}.matmul({lit})",
                       f"{x} @ {x}.t()", f"{x}.t() @ {x}", f"{x}.mv(torch.tensor({self.literal((k,), kind)}))",
                       f"torch.matmul({x}, torch.tensor({self.literal((k,), kind)}))"]
        else:
            b = xv.shape[0]
            options = [f"torch.bmm({x}, torch.tensor({self.literal((b, k, m), kind)}{dtype}))",
                       f"{x} @ torch.tensor({self.literal((k, m), kind)}{dtype})",
                       f"{x} @ {x}.transpose(1, 2)", f"torch.matmul({x}, torch.tensor({self.literal((k,), kind)}))"]
        self.assign(self.choice(options), wrong_on_purpose=wrong)

    def join(self):
        x, xv = self.pick()
        if x is None:
            return self.create()
        d = self.dim_of(xv)
        y, _ = self.pick(lambda v: v.shape == xv.shape)
        other = self.choice([y, f"{x} * 2", f"torch.tensor({self.literal(tuple(xv.shape))})"])
        options = [f"torch.cat([{x}, {other}])", f"torch.cat([{x}, {other}], dim={d})",
                   f"torch.stack([{x}, {other}])", f"torch.stack([{x}, {other}], dim={d})",
                   f"torch.cat(({x}, {x}), {d})", f"torch.cat([{x}, {x}.long()])"]
        self.assign(self.choice(options))

    def in_place(self):
        x, xv = self.pick()
        if x is None:
            return self.create()
        if self.chance(0.4):  # a fresh non-leaf or view to write into, so that writes can succeed
            base = x
            x = self.assign(self.choice([f"{x} * 1", f"{x}.clone()", f"{x}[0]", f"{x}.view(-1)",
                                         f"{x}.t()", f"{x}.unsqueeze(0)", f"{x}[:1]", f"{x}.detach()"]))
            if x is None:
                return
            xv = self.env[x]
        else:
            base = None
        shape = tuple(xv.shape)
        lit = f"torch.tensor({self.literal(self.broadcast_partner(shape))})"
        n = shape[0] if shape else 1
        options = [f"{x} += {lit}", f"{x} -= {self.scalar()}", f"{x} *= {lit}", f"{x} /= {lit}",
                   f"{x}.add_({lit})", f"{x}.add_({self.scalar()}, alpha=2)", f"{x}.mul_({self.scalar()})",
                   f"{x}.sub_({lit})", f"{x}.zero_()", f"{x}.fill_({self.scalar()})",
                   f"{x}.copy_(torch.tensor({self.literal(shape)}))", f"{x}.clamp_(min=0)",
                   f"{x}.clamp_(-0.5, 0.5)", f"{x}.relu_()", f"{x}.exp_()", f"{x}.masked_fill_({x} > 0, 0.)",
                   f"{x}[{int(self.rng.integers(-n, n))}] = {self.scalar()}", f"{x}[{x} < 0] = 0",
                   f"{x}[..., 0] = {self.scalar()}", f"{x}[:1] = torch.tensor({self.literal((1,) + shape[1:])})"]
        line = self.choice(options)
        if self.chance(0.3):
            line = "with torch.no_grad():\n    " + line
        if self.add(line) == "ok":
            self.show(x)
            if base:
                self.show(base)

    def autograd(self):
        leaves = [k for k, v in self.tensors(lambda v: v.is_leaf and v.requires_grad)]
        y, yv = self.pick(lambda v: v.requires_grad and not v.is_leaf)
        roll = self.rng.random()
        if y is None or roll < 0.25:
            x, xv = self.pick()
            if x is None:
                return self.create()
            options = [f"{x}.detach()", f"{x}.detach().requires_grad_()", f"{x}.requires_grad_()",
                       f"{x}.clone()", f"{x}.data", f"{x}.is_leaf", f"{x}.requires_grad", f"{x}.grad_fn",
                       f"{x}.grad", f"{x}.item()", f"{x}.tolist()", f"{x}.numpy()", f"float({x})",
                       f"int({x})", f"{x}.shape", f"{x}.size(0)", f"{x}.dim()", f"{x}.numel()", f"{x}.dtype",
                       f"len({x})", f"{x}.retain_grad()"]
            expr = self.choice(options)
            if self.chance(0.3):
                name = self.name()
                if self.add(f"with torch.no_grad():\n    {name} = {x} * 2") == "ok":
                    self.show(name)
                return
            return self.add(f"show({expr})")
        if roll < 0.55:
            return self.backward(y, yv, leaves)
        if roll < 0.8 and leaves:
            xs = ", ".join(self.rng.permutation(leaves)[:2])
            target = f"{y}.sum()" if self.chance(0.8) else y
            create = self.choice(["", ", create_graph=True", ", retain_graph=True", ", allow_unused=True"])
            g = self.name()
            if self.add(f"{g} = torch.autograd.grad({target}, [{xs}]{create})") == "ok":
                self.show(g, 1.0)
                if "create_graph" in create and self.chance(0.6):
                    leaf = xs.split(", ")[0]
                    self.add(f"{g}[0].sum().backward()")
                    self.show(f"{leaf}.grad", 1.0)
            return
        if roll < 0.9:
            return self.loss()
        x, _ = self.pick(lambda v: v.is_leaf and v.grad is not None)
        if x:
            self.add(self.choice([f"{x}.grad.zero_()", f"{x}.grad = None", f"show({x}.grad)"]))

    def backward(self, y, yv, leaves):
        form = self.choice([f"{y}.sum().backward()", f"{y}.backward()", f"{y}.mean().backward(retain_graph=True)",
                            f"{y}.backward(torch.ones_like({y}))", f"{y}.sum().backward(create_graph=True)"])
        if yv.numel() == 1 and self.chance(0.5):
            form = f"{y}.backward()"
        self.add(form)
        for leaf in leaves:
            self.show(f"{leaf}.grad", 0.9)
        if self.chance(0.2):
            self.show(f"{y}.grad", 1.0)

    def loss(self):
        x, xv = self.pick(lambda v: v.is_floating_point() and v.dim() >= 1)
        if x is None:
            return self.create()
        shape = tuple(xv.shape)
        target = f"torch.tensor({self.literal(shape)})"
        options = [f"F.mse_loss({x}, {target})", f"F.mse_loss({x}, {target}, reduction='sum')",
                   f"F.log_softmax({x}, dim={self.dim_of(xv)})", f"F.softmax({x}, dim={self.dim_of(xv)})",
                   f"F.mse_loss({x}, {x}.detach() * 0)", f"torch.nn.MSELoss()({x}, {target})"]
        if xv.dim() == 2:
            n, c = shape
            labels = self.rng.integers(0, c + (1 if self.chance(0.05) else 0), size=n).tolist()
            options += [f"F.cross_entropy({x}, torch.tensor({labels}))",
                        f"F.cross_entropy({x}, torch.tensor({labels}), reduction='sum')",
                        f"F.nll_loss(F.log_softmax({x}, dim=1), torch.tensor({labels}))",
                        f"nn.CrossEntropyLoss()({x}, torch.tensor({labels}))"]
        self.assign(self.choice(options))

    # --- the whole program ------------------------------------------------------------------------
    FAMILIES = (("arithmetic", 3), ("elementwise", 2), ("reduction", 2), ("shape_op", 2), ("index", 1.5),
                ("matmul", 1.5), ("join", 0.7), ("in_place", 2), ("autograd", 2.5), ("loss", 1), ("create", 1))

    def leaf(self):
        """A float leaf that requires grad: every program has one, so most end with a backward pass."""
        shape = self.shape()
        dtype = ", dtype=torch.float64" if self.chance(0.2) else ""
        self.assign(f"torch.tensor({self.literal(shape)}{dtype}, requires_grad=True)")

    def build(self):
        self.leaf()
        for _ in range(int(self.rng.integers(0, 3))):
            self.create()
        names = [f for f, _ in self.FAMILIES]
        weights = np.array([w for _, w in self.FAMILIES], dtype=float)
        for _ in range(int(self.rng.integers(*STEPS))):
            getattr(self, self.rng.choice(names, p=weights / weights.sum()))()
        y, yv = self.pick(lambda v: v.requires_grad and not v.is_leaf)
        if y is not None:  # most programs end with a backward pass and the leaves' grads
            leaves = [k for k, v in self.tensors(lambda v: v.is_leaf and v.requires_grad)]
            self.backward(y, yv, leaves)
        return "\n".join(self.lines) + "\n"
