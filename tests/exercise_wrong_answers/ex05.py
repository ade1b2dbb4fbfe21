from . import Wrong

_FORWARD = "ctx.save_for_backward(a, b)\nreturn a / b"
_RNUM = ("return self.lift(other) + self", "return self.lift(other) - self", "return self.lift(other) * self",
         "return self.lift(other) / self", "return self.lift(other) ** self")


def _rnum(i, code):
    regions = list(_RNUM)
    regions[i] = code
    return tuple(regions)


_NAMES = dict([("5 - x", "RsubBackward1"), ("1 / x", "MulBackward0"), ("x / 2", "DivBackward0"),
               ("3 ** x", "PowBackward2"), ("x ** 0.5", "PowBackward0"), ("x ** x", "PowBackward1"),
               ("-x", "NegBackward0")])


def _names(**changes):
    names = dict(_NAMES)
    names.update({k.replace("_", " "): v for k, v in changes.items()})
    return f"return {names!r}"


WRONG = {
    "05.1": [
        Wrong("sign of d/db", (_FORWARD, """
a, b = ctx.saved_tensors
return grad / b, grad * a / (b * b)
"""), "mind the minus sign", "음수 부호를 보세요"),
        Wrong("forgets grad", (_FORWARD, """
a, b = ctx.saved_tensors
return 1 / b, -a / (b * b)
"""), "multiply each local derivative by grad", "변화도 grad를 곱해야 합니다"),
        Wrong("nothing saved for backward", ("return a / b", """
a, b = ctx.saved_tensors
return grad / b, -grad * a / (b * b)
"""), "ctx.save_for_backward(a, b)", "ctx.save_for_backward(a, b)로"),
        Wrong("swapped gradients", (_FORWARD, """
a, b = ctx.saved_tensors
return -grad * a / (b * b), grad / b
"""), "the two gradients are swapped", "두 변화도의 순서가 바뀌었습니다"),
    ],
    "05.2": [
        Wrong("__rsub__ not swapped", _rnum(1, "return self - self.lift(other)"),
              "`other` is the number on the left", "`other`는 왼쪽에 있던 수입니다"),
        Wrong("__rtruediv__ not swapped", _rnum(3, "return self / self.lift(other)"),
              "`other` is the number on the left", "`other`는 왼쪽에 있던 수입니다"),
        Wrong("returns a plain float", _rnum(1, "return other - self.value"),
              "a plain number has no gradient", "평범한 수에는 변화도가 없습니다"),
    ],
    "05.3": [
        Wrong("1 / x as a division", _names(**{"1_/_x": "DivBackward0"}),
              "a reciprocal times the number", "역수에 그 수를 곱하는 것"),
        Wrong("5 - x as a subtraction", _names(**{"5_-_x": "SubBackward0"}),
              "its own operation, rsub", "별도의 연산 rsub"),
        Wrong("pow variants mixed up", _names(**{"3_**_x": "PowBackward1", "x_**_x": "PowBackward2"}),
              "variant 2 of pow", "pow의 변형 2"),
    ],
    "05.4": [
        Wrong("forgets ln 2", "return (-1 - 2 / 3, 7 / 4 - 4)", "the factor ln 2 is missing", "인수 ln 2가 빠졌습니다"),
        Wrong("sign of d(6/x)", "return (-1 + 2 / 3, 7 / 4 - 4 * math.log(2))", "d(6/x)/dx = -6/x²", "d(6/x)/dx = -6/x²"),
        Wrong("quotient rule slip", "return (-1 - 2 / 3, 9 / 4 - 4 * math.log(2))", "use the quotient rule", "몫의 미분법"),
    ],
    "05.5": [
        Wrong("the bug kept", "return -grad, grad", "return (grad, -grad)", "(grad, -grad)를 돌려주세요"),
        Wrong("no minus for b", "return grad, grad", "∂(a - b)/∂b = -1", "∂(a - b)/∂b = -1"),
    ],
}
