from . import Wrong

WRONG = {
    "00.1": [
        Wrong("returns a number", """
x = torch.tensor(value, requires_grad=True)
f = x ** 2 + 3 * x
f.backward()
return x.grad.item()
""", "not a number such as x.grad.item()", "x.grad.item() 같은 수가 아니라"),
        Wrong("returns f, not the gradient", """
x = torch.tensor(value, requires_grad=True)
f = x ** 2 + 3 * x
f.backward()
return f.detach()
""", "that is f(x) itself", "f(x)의 값 자체입니다"),
        Wrong("forgets the 3x term", """
x = torch.tensor(value, requires_grad=True)
f = x ** 2
f.backward()
return x.grad
""", "derivative of x² alone", "x²만의 미분입니다"),
    ],
    "00.2": [
        Wrong("forgets the 1/9 of the mean", """
out_value = 36.0
grad_entry = 2 * 6
""", "the mean also divides by 9", "평균이 9로도 나눕니다"),
        Wrong("sum instead of mean", """
out_value = 36.0 * 9
grad_entry = 2 * 6 / 9
""", "that is the sum of the 9 numbers", "숫자 9개의 합입니다"),
        Wrong("forgets the chain factor", """
out_value = 36.0
grad_entry = 2 / 9
""", "left out the factor 2(x + 5)", "인수 2(x + 5) = 12를 빠뜨렸습니다"),
    ],
    "00.3": [
        Wrong("records a graph", """
return (w * inputs).sum()
""", "torch.no_grad()", "torch.no_grad()"),
        Wrong("switches w off", """
w.requires_grad_(False)
return (w * inputs).sum()
""", "leave w alone", "w는 그대로 두세요"),
        Wrong("grad mode left off", """
torch.set_grad_enabled(False)
return (w * inputs).sum()
""", "stays off for every later cell", "꺼진 채로 남습니다"),
    ],
}
