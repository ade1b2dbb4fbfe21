from . import Wrong

WRONG = {
    "09.1": [
        Wrong("finite differences", """
h = 1e-4
return (f(x0 + h) - 2 * f(x0) + f(x0 - h)) / h**2
""", "finite differences are not what is asked", "유한 차분은 요구한 방법이 아닙니다"),
        Wrong("no create_graph", """
x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
d1, = torch.autograd.grad(f(x), x)
d2, = torch.autograd.grad(d1, x)
return d2.item()
""", "pass create_graph=True", "create_graph=True를 넘기세요"),
        Wrong("returns a tensor", """
x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
d1, = torch.autograd.grad(f(x), x, create_graph=True)
d2, = torch.autograd.grad(d1, x)
return d2
""", "return d2.item()", "d2.item()을 돌려주세요"),
        Wrong("finite differences of autograd gradients", """
def first(v):
    x = torch.tensor(v, dtype=torch.float64, requires_grad=True)
    return torch.autograd.grad(f(x), x)[0].item()
h = 1e-5
return (first(x0 + h) - first(x0 - h)) / (2 * h)
""", "finite differences are not what is asked", "유한 차분은 요구한 방법이 아닙니다"),
    ],
    "09.2": [
        Wrong("only 2 rows", """
w = torch.tensor(w_values, dtype=torch.float64, requires_grad=True)
gradient, = torch.autograd.grad(f(w), w, create_graph=True)
rows = [torch.autograd.grad(gradient[i], w, retain_graph=True)[0] for i in range(2)]
return torch.stack(rows)
""", "range(len(w)), not range(2)", "range(len(w))입니다"),
        Wrong("a fresh gradient per row", """
rows = []
for i in range(len(w_values)):
    w = torch.tensor(w_values, dtype=torch.float64, requires_grad=True)
    gradient, = torch.autograd.grad(f(w), w, create_graph=True)
    rows.append(torch.autograd.grad(gradient[i], w)[0])
return torch.stack(rows)
""", "compute the gradient once", "변화도를 한 번만 계산하고"),
        Wrong("no create_graph", """
w = torch.tensor(w_values, dtype=torch.float64, requires_grad=True)
gradient, = torch.autograd.grad(f(w), w)
rows = [torch.autograd.grad(gradient[i], w, retain_graph=True)[0] for i in range(len(w))]
return torch.stack(rows)
""", "create_graph=True", "create_graph=True"),
    ],
    "09.3": [
        Wrong("plus instead of minus", """
w = torch.tensor(w_values, dtype=torch.float64, requires_grad=True)
g, = torch.autograd.grad(f(w), w)
H = hessian(f, w_values)
return np.asarray(w_values) + np.linalg.solve(H.numpy(), g.numpy())
""", "w - d, not w + d", "w + d가 아니라 w - d입니다"),
        Wrong("gradient descent", """
w = torch.tensor(w_values, dtype=torch.float64, requires_grad=True)
g, = torch.autograd.grad(f(w), w)
return np.asarray(w_values) - g.numpy()
""", "that is a gradient-descent step", "경사 하강법의 걸음"),
        Wrong("divides by the diagonal", """
w = torch.tensor(w_values, dtype=torch.float64, requires_grad=True)
g, = torch.autograd.grad(f(w), w)
H = hessian(f, w_values).numpy()
return np.asarray(w_values) - g.numpy() / np.diag(H)
""", "ignores the mixed derivatives", "혼합 미분을 무시하게"),
    ],
    "09.4": [
        Wrong("the bug kept", """
x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
d1, = torch.autograd.grad(f(x), x)
d2, = torch.autograd.grad(d1, x)
return (d2.abs() / (1 + d1**2) ** 1.5).item()
""", "pass create_graph=True", "create_graph=True를 넘기세요"),
        Wrong("finite differences", """
h = 1e-4
d1 = (f(x0 + h) - f(x0 - h)) / (2 * h)
d2 = (f(x0 + h) - 2 * f(x0) + f(x0 - h)) / h**2
return float(abs(d2) / (1 + d1**2) ** 1.5)
""", "finite differences are not the fix", "유한 차분은 고친 것이 아닙니다"),
        Wrong("drops the abs", """
x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
d1, = torch.autograd.grad(f(x), x, create_graph=True)
d2, = torch.autograd.grad(d1, x)
return (d2 / (1 + d1**2) ** 1.5).item()
""", "keep the .abs()", ".abs()를 남겨 두세요"),
    ],
}
