"""Typical learner mistakes, each a short program compared like the random ones.

``mistakes()`` returns (name, program text) pairs: families generated from templates (one mistake over
many ops, shapes and dtypes) plus hand-written programs. Most end in an error both libraries should raise
with the same type and text; some are silent (accumulated grads, rebinding a parameter) and are compared
on values, grads and warnings.
"""

# Unary ops a learner chains before a mistake: name -> expression in x (x: float tensor requiring grad)
_OPS = {"mul": "x * 3", "exp": "x.exp()", "sigmoid": "torch.sigmoid(x)", "tanh": "x.tanh()", "pow": "x ** 2",
        "sqrt": "(x * x + 1).sqrt()", "div": "1 / (x + 5)", "relu": "torch.relu(x)", "log": "(x + 5).log()",
        "sin": "x.sin()", "matmul": "x @ torch.ones(3, 2)", "max-dim": "x.max(dim=1).values",
        "index-list": "x[[0, 1]]", "index-slice": "x[:, 1:]", "log-softmax": "F.log_softmax(x, dim=1)",
        "softmax": "F.softmax(x, dim=1)", "transpose": "x.t() * 2", "clamp": "x.clamp(min=0)",
        "abs": "x.abs()", "cat": "torch.cat([x, x * 2])", "mean": "x.mean(dim=0)",
        "where": "torch.where(x > 0, x, x * 0.1)", "expand": "x[:1].expand(3, 3) * 1", "view": "x.view(9) * 2"}
_X = "x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75], [0.0, 3.0, -2.0]], requires_grad=True)"


def _program(*lines):
    return "\n".join(lines) + "\n"


def backward_twice():
    for name, op in _OPS.items():
        yield f"backward twice/{name}", _program(_X, f"y = {op}", "loss = y.sum()", "loss.backward()",
                                                  "show(x.grad)", "loss.backward()", "show(x.grad)")
    for name, loss in [("cross_entropy", "F.cross_entropy(x, torch.tensor([0, 2, 1]))"),
                       ("mse_loss", "F.mse_loss(x, torch.zeros(3, 3))"),
                       ("nll_loss", "F.nll_loss(F.log_softmax(x, dim=1), torch.tensor([1, 1, 0]))")]:
        yield f"backward twice/{name}", _program(_X, f"loss = {loss}", "show(loss)", "loss.backward()",
                                                  "loss.backward()", "show(x.grad)")
    yield "backward twice/retain_graph ok", _program(_X, "loss = (x.exp() * x).sum()",
                                                      "loss.backward(retain_graph=True)", "loss.backward()",
                                                      "show(x.grad)")


def backward_non_scalar():
    for name, op in list(_OPS.items())[:10]:
        yield f"backward non-scalar/{name}", _program(_X, f"y = {op}", "show(y)", "y.backward()", "show(x.grad)")
    yield "backward non-scalar/gradient ok", _program(_X, "y = x * 2", "y.backward(torch.ones_like(y))",
                                                       "show(x.grad)")
    yield "backward non-scalar/wrong gradient shape", _program(_X, "y = x * 2", "y.backward(torch.ones(3))")
    yield "backward non-scalar/0-d gradient", _program("x = torch.tensor(2.0, requires_grad=True)", "y = x ** 3",
                                                        "y.backward(torch.tensor(2.0))", "show(x.grad)")


def in_place_on_leaf():
    ops = ["w += 1", "w -= 0.1", "w *= 2", "w /= 2", "w.add_(1)", "w.sub_(1)", "w.mul_(2)", "w.zero_()",
           "w.fill_(0.5)", "w.copy_(torch.zeros(3))", "w.clamp_(min=0)", "w.relu_()", "w.exp_()",
           "w.masked_fill_(w > 0, 0.)", "w[0] = 0", "w[w > 0] = 0", "w[:2] += 1", "w.data += 1",
           "w.detach().zero_()"]
    for op in ops:
        yield f"in-place on leaf/{op}", _program("w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)", op,
                                                  "show(w)", "(w * w).sum().backward()", "show(w.grad)")
    for op in ["w += 1", "w[0] = 0", "w.zero_()"]:
        yield f"in-place on leaf under no_grad/{op}", _program(
            "w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)", "with torch.no_grad():\n    " + op,
            "show(w)", "(w * w).sum().backward()", "show(w.grad)")
    for view in ["w[:2]", "w.view(3)", "w[None]", "w.unsqueeze(0)", "w.t()"]:
        yield f"in-place on view of leaf/{view}", _program(
            "w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)", f"v = {view}", "v += 1", "show(w)")


def grad_of_non_leaf():
    for op in ["x * 2", "x.exp()", "x.sum()", "x[0]", "x.view(3, 3)"]:
        yield f"grad of non-leaf/{op}", _program(_X, f"y = {op}", "y.sum().backward()", "show(y.grad)",
                                                  "show(y.is_leaf)", "show(x.grad)")
    yield "grad of non-leaf/retain_grad", _program(_X, "y = x * 2", "y.retain_grad()", "y.sum().backward()",
                                                    "show(y.grad)", "show(y.retains_grad)")
    yield "grad of non-leaf/before backward", _program(_X, "show(x.grad)", "y = x * 2", "show(y.grad)")


def forgot_zero_grad():
    for name, loss in [("sum", "(w * 2).sum()"), ("mse", "F.mse_loss(w, torch.ones(3))"),
                       ("square", "(w ** 2).sum()"), ("matmul", "(w @ torch.ones(3, 2)).sum()")]:
        lines = ["w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)"]
        for _ in range(3):
            lines += [f"loss = {loss}", "loss.backward()", "show(w.grad)",
                      "with torch.no_grad():\n    w -= 0.1 * w.grad"]
        yield f"forgot zero_grad/{name}", _program(*lines, "show(w)")
        lines = ["w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)",
                 "opt = torch.optim.SGD([w], lr=0.1)"]
        for _ in range(3):
            lines += [f"loss = {loss}", "loss.backward()", "opt.step()", "show(w.grad)"]
        yield f"forgot zero_grad/optimizer/{name}", _program(*lines, "show(w)")
    yield "zero_grad/grad is None before backward", _program(
        "w = torch.tensor([1.0, 2.0], requires_grad=True)", "w.grad.zero_()")
    yield "zero_grad/set to None", _program(
        "w = torch.tensor([1.0, 2.0], requires_grad=True)", "(w * w).sum().backward()", "w.grad = None",
        "(w * 3).sum().backward()", "show(w.grad)")


def int_requires_grad():
    for creation in ["torch.tensor([1, 2, 3], requires_grad=True)", "torch.arange(3, requires_grad=True)",
                     "torch.ones(2, dtype=torch.long, requires_grad=True)",
                     "torch.zeros(2, dtype=torch.int32, requires_grad=True)",
                     "torch.tensor([True, False], requires_grad=True)", "torch.tensor(3, requires_grad=True)",
                     "torch.tensor([1, 2]).requires_grad_()", "torch.full((2,), 7, requires_grad=True)",
                     "torch.tensor([1, 2], dtype=torch.float32, requires_grad=True)",
                     "torch.tensor([1, 2], requires_grad=True).float()"]:
        yield f"int requires_grad/{creation}", _program(f"x = {creation}", "show(x)")
    yield "int requires_grad/long() drops grad", _program(
        "x = torch.tensor([1.5, 2.5], requires_grad=True)", "y = x.long()", "show(y)", "show(y.requires_grad)",
        "y.sum().backward()")
    yield "int requires_grad/setter", _program("x = torch.tensor([1, 2])", "x.requires_grad = True")


def numpy_conversions():
    for name, expr in [("numpy leaf", "x.numpy()"), ("numpy non-leaf", "(x * 2).numpy()"),
                       ("detach numpy", "x.detach().numpy()"), ("np.exp", "np.exp(x)"),
                       ("np.array", "np.array(x)"), ("tolist", "x.tolist()"), ("item", "x.item()"),
                       ("float", "float(x)"), ("int", "int(x)"), ("bool", "bool(x)"), ("len", "len(x)"),
                       ("item sum", "x.sum().item()"), ("float sum", "float(x.sum())"),
                       ("item first", "x[0].item()"), ("if tensor", "'pos' if x > 0 else 'neg'"),
                       ("format", "f'{x:.2f}'"), ("format sum", "f'{x.sum():.2f}'"),
                       ("int of float sum", "int(x.sum())"), ("np.asarray", "np.asarray(x.detach())")]:
        yield f"conversion/{name}", _program("x = torch.tensor([1.5, -2.0, 0.25], requires_grad=True)",
                                             f"show({expr})")
    yield "conversion/0-d index", _program("x = torch.tensor(1.5)", "show(x[0])")
    yield "conversion/0-d len", _program("x = torch.tensor(1.5)", "show(len(x))")
    yield "conversion/0-d iterate", _program("x = torch.tensor(1.5)", "show(list(x))")
    yield "conversion/float of 1-element", _program("x = torch.tensor([[1.5]])", "show(float(x))",
                                                      "show(x.item())", "show(int(x))")


def shape_mismatches():
    cases = {
        "matmul 2x3 @ 2x3": "torch.ones(2, 3) @ torch.ones(2, 3)",
        "mm 1-D": "torch.mm(torch.ones(3), torch.ones(3, 2))",
        "mm 3-D": "torch.mm(torch.ones(2, 2, 2), torch.ones(2, 2))",
        "dot 2-D": "torch.dot(torch.ones(2, 2), torch.ones(2, 2))",
        "dot length": "torch.dot(torch.ones(3), torch.ones(4))",
        "bmm 2-D": "torch.bmm(torch.ones(2, 3), torch.ones(3, 2))",
        "bmm batch": "torch.bmm(torch.ones(2, 2, 3), torch.ones(3, 3, 2))",
        "matmul batch broadcast": "torch.ones(2, 2, 3) @ torch.ones(3, 3, 2)",
        "matmul 1-D mismatch": "torch.ones(3) @ torch.ones(4)",
        "matmul vector matrix": "torch.ones(3) @ torch.ones(4, 2)",
        "matmul 0-d": "torch.tensor(2.) @ torch.ones(2)",
        "mv wrong": "torch.ones(2, 3).mv(torch.ones(2))",
        "add (3,) (4,)": "torch.ones(3) + torch.ones(4)",
        "add (2,3) (3,2)": "torch.ones(2, 3) + torch.ones(3, 2)",
        "mul (2,3) (2,)": "torch.ones(2, 3) * torch.ones(2)",
        "iadd grows": "torch.ones(3).add_(torch.ones(2, 3))",
        "where shapes": "torch.where(torch.ones(3) > 0, torch.ones(3), torch.ones(2))",
        "linear input": "F.mse_loss(torch.ones(3) @ torch.ones(3, 2), torch.ones(3))",
        "mse shapes broadcast": "F.mse_loss(torch.ones(3, 1), torch.ones(3))",
        "mse sizes": "F.mse_loss(torch.ones(3), torch.ones(4))",
        "matmul ok broadcast": "torch.ones(2, 2, 3) @ torch.ones(3, 4)",
        "matmul dtype": "torch.ones(2, 2, dtype=torch.float64) @ torch.ones(2, 2)",
        "matmul int float": "torch.ones(2, 2, dtype=torch.long) @ torch.ones(2, 2)",
        "mm dtype": "torch.mm(torch.ones(2, 2), torch.ones(2, 2).double())",
        "dot dtype": "torch.dot(torch.ones(2), torch.ones(2, dtype=torch.long))",
    }
    for name, expr in cases.items():
        yield f"shape or dtype mismatch/{name}", _program(f"y = {expr}", "show(y)")


def parameter_updates():
    w = "w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)"
    yield "update/w -= outside no_grad", _program(w, "(w * w).sum().backward()", "w -= 0.1 * w.grad", "show(w)")
    yield "update/w -= with grad None", _program(w, "with torch.no_grad():\n    w -= 0.1 * w.grad")
    yield "update/w -= w.grad None outside", _program(w, "w -= w.grad")
    yield "update/inside no_grad", _program(w, "(w * w).sum().backward()",
                                            "with torch.no_grad():\n    w -= 0.1 * w.grad", "show(w)",
                                            "show(w.is_leaf)", "show(w.grad)")
    yield "update/w.data", _program(w, "(w * w).sum().backward()", "w.data -= 0.1 * w.grad", "show(w)")
    yield "update/rebinding", _program(w, "(w * w).sum().backward()", "w = w - 0.1 * w.grad", "show(w)",
                                       "show(w.is_leaf)", "(w * w).sum().backward()", "show(w.grad)")
    yield "update/rebinding then optimizer", _program(w, "w = w * 2", "opt = torch.optim.SGD([w], lr=0.1)")
    yield "update/detach requires_grad", _program(w, "(w * w).sum().backward()",
                                                  "w = (w - 0.1 * w.grad).detach().requires_grad_()",
                                                  "show(w)", "(w * w).sum().backward()", "show(w.grad)")
    yield "update/no_grad result has no grad", _program(w, "with torch.no_grad():\n    y = w * 2", "show(y)",
                                                        "y.sum().backward()")
    yield "update/detach then backward", _program(w, "y = (w * 2).detach()", "y.sum().backward()")
    yield "update/backward without grad", _program("x = torch.ones(3)", "x.sum().backward()")
    yield "update/requires_grad of non-leaf", _program(w, "y = w * 2", "y.requires_grad = False")
    yield "update/requires_grad_ False non-leaf", _program(w, "y = w * 2", "y.requires_grad_(False)")
    yield "update/detach shares memory", _program(w, "d = w.detach()", "d.zero_()", "show(w)")
    yield "update/data shares memory", _program(w, "w.data.add_(1)", "show(w)", "show(w.grad_fn)")
    yield "update/optimizer list of non-leaf", _program(w, "opt = torch.optim.SGD([w * 2], lr=0.1)")
    yield "update/optimizer tensor not list", _program(w, "opt = torch.optim.SGD(w, lr=0.1)")


def softmax_and_losses():
    v, m = "torch.tensor([1.0, 2.0, 0.5])", "torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0]])"
    cases = {
        "softmax 1-D dim=1": f"F.softmax({v}, dim=1)", "softmax 2-D dim=2": f"F.softmax({m}, dim=2)",
        "log_softmax dim=-3": f"F.log_softmax({m}, dim=-3)", "softmax dim=0": f"F.softmax({m}, dim=0)",
        "softmax no dim": f"F.softmax({m})", "log_softmax no dim": f"F.log_softmax({v})",
        "softmax of int": "F.softmax(torch.tensor([1, 2, 3]), dim=0)",
        "mse int input": "F.mse_loss(torch.tensor([1, 2]), torch.tensor([1., 3.]))",
        "mse int both": "F.mse_loss(torch.tensor([1, 2]), torch.tensor([1, 3]))",
        "mse float64 target": "F.mse_loss(torch.ones(2), torch.ones(2, dtype=torch.float64))",
        "cross_entropy float targets": f"F.cross_entropy({m}, torch.tensor([0., 2.]))",
        "cross_entropy probabilities": f"F.cross_entropy({m}, F.softmax({m}, dim=1))",
        "cross_entropy target range": f"F.cross_entropy({m}, torch.tensor([0, 3]))",
        "cross_entropy negative target": f"F.cross_entropy({m}, torch.tensor([0, -1]))",
        "cross_entropy batch": f"F.cross_entropy({m}, torch.tensor([1]))",
        "cross_entropy 1-D logits": f"F.cross_entropy({v}, torch.tensor(1))",
        "cross_entropy 2-D target": f"F.cross_entropy({m}, torch.tensor([[0], [1]]))",
        "cross_entropy int32 target": f"F.cross_entropy({m}, torch.tensor([0, 1], dtype=torch.int32))",
        "cross_entropy int logits": "F.cross_entropy(torch.tensor([[1, 2]]), torch.tensor([0]))",
        "cross_entropy swapped": f"F.cross_entropy(torch.tensor([0, 1]), {m})",
        "nll on probabilities": f"F.nll_loss(F.softmax({m}, dim=1), torch.tensor([0, 1]))",
        "nll mean": f"F.nll_loss({m}, torch.tensor([2, 0]))",
        "MSELoss class on ints": "nn.MSELoss()(torch.tensor([1, 2]), torch.tensor([1, 2]))",
        "CrossEntropyLoss reduction none": f"nn.CrossEntropyLoss(reduction='none')({m}, torch.tensor([1, 2]))",
        "mse reduction typo": f"F.mse_loss({v}, {v}, reduction='avg')",
    }
    for name, expr in cases.items():
        yield f"losses/{name}", _program(f"y = {expr}", "show(y)")


def indexing():
    x = "x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)"
    for expr in ["x[2]", "x[-3]", "x[:, 3]", "x[0, 0, 0]", "x[1.0]", "x[[0, 2]]", "x[torch.tensor([0., 1.])]",
                 "x[torch.tensor([0, 5])]", "x[::-1]", "x[:, ::-1]", "x[..., 1]", "x[x > 2]", "x[None, 0]",
                 "x[torch.tensor([True, False])]", "x[[True, False, True]]", "x[0][5]", "x['a']",
                 "x[:, [0, 0]]", "x[1:5]", "x[5:]", "x.transpose(0, 2)", "x.unsqueeze(3)", "x.squeeze(2)",
                 "x.permute(0)", "x.permute(1, 0)", "x.view(4)", "x.view(-1, 4)", "x.reshape(4, -1)",
                 "x.t().view(-1)", "x.t().reshape(-1)", "x.t().is_contiguous()", "x.view(3, -1)",
                 "x.expand(3, 3)", "x.expand(2, 2, 3)", "x.flatten(2)", "x.max(dim=2)", "x.sum(dim=2)",
                 "x.mean(dim=(0, 0))", "x.argmax(dim=5)", "x.select(0, 2)"]:
        yield f"index or dim/{expr}", _program(x, f"y = {expr}", "show(y)")
    yield "index or dim/0-d tensor index", _program("s = torch.tensor(1.0)", "show(s[0])")
    yield "index or dim/argmax empty", _program("show(torch.tensor([]).argmax())")
    yield "index or dim/max empty", _program("show(torch.tensor([]).max())")


def concatenation():
    for name, expr in {"cat 0-d": "torch.cat([torch.tensor(1.), torch.tensor(2.)])",
                       "cat dims": "torch.cat([torch.ones(2), torch.ones(2, 2)])",
                       "cat shapes": "torch.cat([torch.ones(2, 3), torch.ones(2, 2)])",
                       "cat shapes dim1": "torch.cat([torch.ones(2, 3), torch.ones(3, 3)], dim=1)",
                       "cat empty list": "torch.cat([])",
                       "cat not a list": "torch.cat(torch.ones(2), torch.ones(2))",
                       "cat numbers": "torch.cat([1, 2])",
                       "cat int float": "torch.cat([torch.tensor([1]), torch.tensor([1.5])])",
                       "stack shapes": "torch.stack([torch.ones(2), torch.ones(3)])",
                       "stack 0-d": "torch.stack([torch.tensor(1.), torch.tensor(2.)])",
                       "stack dim": "torch.stack([torch.ones(2), torch.ones(2)], dim=2)",
                       "cat dim out of range": "torch.cat([torch.ones(2), torch.ones(2)], dim=1)"}.items():
        yield f"cat or stack/{name}", _program(f"y = {expr}", "show(y)")


def version_counter():
    for name, (op, change) in {"exp": ("x.exp()", "y.add_(1)"), "sigmoid": ("torch.sigmoid(x)", "y.mul_(2)"),
                               "tanh": ("x.tanh()", "y[0] = 0"), "pow input": ("x ** 2", "x.data.zero_()"),
                               "mul input": ("a * a", "a += 1"), "sqrt": ("x.sqrt()", "y.zero_()"),
                               "relu": ("x.relu()", "y.relu_()"), "unrelated in-place": ("x * 2", "y.add_(1)"),
                               "view of output": ("x.exp()", "y[:1].add_(1)"),
                               "matmul input": ("a @ a", "a.mul_(2)")}.items():
        yield f"modified in place before backward/{name}", _program(
            "x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)", "a = x * 1", f"y = {op}", change,
            "show(y)", "y.sum().backward()", "show(x.grad)")


def views_and_assignment():
    yield "views/indexed assignment is recorded", _program(
        "x = torch.ones(3, requires_grad=True)", "y = x * 2", "y[0] = 0", "show(y)", "y.sum().backward()",
        "show(x.grad)")
    yield "views/build output in a loop", _program(
        "x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)", "out = torch.zeros(3)",
        "for i in range(3):\n    out[i] = x[i] ** 2", "show(out)", "out.sum().backward()", "show(x.grad)")
    yield "views/view shares memory", _program("a = torch.tensor([1.0, 2.0, 3.0])", "b = a * 1", "v = b[:2]",
                                                "v += 1", "show(b)")
    yield "views/0-d in-place", _program("x = torch.tensor([1.0, 2.0])", "x[0] += 1", "show(x)")
    yield "views/0-d zero_", _program("x = torch.tensor([1.0, 2.0])", "s = x.sum()", "s.zero_()", "show(s)")
    yield "views/0-d sum(0)", _program("show(torch.tensor(2.).sum(0))")
    yield "views/relu sqrt grad", _program("x = torch.tensor([-1.0, 4.0], requires_grad=True)",
                                           "torch.relu(x).sqrt().sum().backward()", "show(x.grad)")
    yield "views/clamp log grad", _program("x = torch.tensor([-1.0, 4.0], requires_grad=True)",
                                           "x.clamp(min=0).log().sum().backward()", "show(x.grad)")
    yield "views/transpose shares memory", _program("a = torch.zeros(2, 3)", "a.t()[0, 1] = 5", "show(a)")
    yield "views/reshape then modify", _program("a = torch.zeros(2, 3)", "a.view(6)[0] = 1", "show(a)")
    yield "views/clone does not share", _program("a = torch.zeros(3)", "c = a.clone()", "c[0] = 1", "show(a)")
    yield "views/linear graph", _program("torch.manual_seed(0)", "lin = nn.Linear(3, 2)",
                                         "y = lin(torch.ones(1, 3))", "show(y.grad_fn)")
    yield "views/cross_entropy graph", _program(
        "x = torch.tensor([[1.0, 2.0, 0.5]], requires_grad=True)", "loss = F.cross_entropy(x, torch.tensor([0]))",
        "show(loss.grad_fn)", "show(loss.grad_fn.next_functions[0][0])")
    yield "views/unsqueeze by None", _program("x = torch.ones(2, requires_grad=True)", "show(x[None])")
    yield "views/t + list", _program("x = torch.ones(2)", "show(x + [1, 2])")
    yield "views/t * str", _program("x = torch.ones(2)", "show(x * 'a')")
    yield "views/linear shape error", _program("lin = nn.Linear(3, 2)", "y = lin(torch.ones(2, 4))")
    yield "views/linear int input", _program("lin = nn.Linear(2, 2)", "y = lin(torch.tensor([[1, 2]]))")
    yield "views/ragged tensor", _program("show(torch.tensor([[1, 2], [3]]))")
    yield "views/string tensor", _program("show(torch.tensor('a'))")
    yield "views/mean of long", _program("show(torch.tensor([1, 2]).mean())")
    yield "views/sum of bool", _program("show(torch.tensor([True, True, False]).sum())")
    yield "views/int division", _program("show(torch.tensor([1, 2]) / 2)", "show(torch.tensor([5, 7]) // 2)")
    yield "views/sqrt negative", _program("show(torch.tensor([-1.0, 4.0]).sqrt())")
    yield "views/exp int", _program("show(torch.tensor([1, 2]).exp())")


def autograd_grad():
    x = "x = torch.tensor([1.0, 2.0], requires_grad=True)"
    z = "z = torch.tensor([3.0], requires_grad=True)"
    yield "autograd.grad/unused input", _program(x, z, "show(torch.autograd.grad((x * x).sum(), [x, z]))")
    yield "autograd.grad/allow_unused", _program(x, z, "show(torch.autograd.grad((x * x).sum(), [x, z], "
                                                       "allow_unused=True))")
    yield "autograd.grad/non-scalar", _program(x, "show(torch.autograd.grad(x * x, x))")
    yield "autograd.grad/twice", _program(x, "y = (x ** 3).sum()", "g = torch.autograd.grad(y, x)",
                                          "show(g)", "g = torch.autograd.grad(y, x)")
    yield "autograd.grad/second order without create_graph", _program(
        x, "(g,) = torch.autograd.grad((x ** 3).sum(), x)", "show(g)", "g.sum().backward()")
    yield "autograd.grad/second order", _program(
        x, "(g,) = torch.autograd.grad((x ** 3).sum(), x, create_graph=True)", "show(g)",
        "(h,) = torch.autograd.grad(g.sum(), x)", "show(h)")
    yield "autograd.grad/input not requiring grad", _program(
        "x = torch.tensor([1.0, 2.0])", "show(torch.autograd.grad((x * x).sum(), x))")
    yield "autograd.grad/create_graph grad shows", _program(
        x, "(x ** 3).sum().backward(create_graph=True)", "show(x.grad)", "show(x.grad.requires_grad)")


def mistakes():
    """All (name, program) pairs of the corpus, in a fixed order."""
    families = [backward_twice, backward_non_scalar, in_place_on_leaf, grad_of_non_leaf, forgot_zero_grad,
                int_requires_grad, numpy_conversions, shape_mismatches, parameter_updates, softmax_and_losses,
                indexing, concatenation, version_counter, views_and_assignment, autograd_grad]
    return [item for family in families for item in family()]
