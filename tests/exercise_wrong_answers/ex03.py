from . import Wrong

WRONG = {
    "03.1": [
        Wrong("forward difference", "return (f(x + h) - f(x)) / h",
              "that is the forward difference", "전진 차분"),
        Wrong("divides by h", "return (f(x + h) - f(x - h)) / h",
              "divide by 2 * h", "2 * h로 나누세요"),
        Wrong("ignores the given h", "return (f(x + 1e-5) - f(x - 1e-5)) / 2e-5",
              "use the h you are given", "주어진 h를 쓰세요"),
    ],
    "03.2": [
        Wrong("forward difference", """
grad = np.zeros_like(x, dtype=np.float64)
for i in np.ndindex(x.shape):
    plus = x.copy()
    plus[i] += h
    grad[i] = (f(plus) - f(x)) / h
return grad
""", "that is the forward difference", "전진 차분입니다"),
        Wrong("changes x in place", """
grad = np.zeros_like(x, dtype=np.float64)
for i in np.ndindex(x.shape):
    x[i] += h
    up = f(x)
    x[i] -= 2 * h
    down = f(x)
    x[i] += h
    grad[i] = (up - down) / (2 * h)
return grad
""", "changed the caller's x", "호출한 쪽의 x를 바꾸었습니다"),
        Wrong("1-D loop only", """
grad = np.zeros(len(x))
for i in range(len(x)):
    plus, minus = x.copy(), x.copy()
    plus[i] += h
    minus[i] -= h
    grad[i] = (f(plus) - f(minus)) / (2 * h)
return grad
""", "return an array of x's shape", "x와 같은 모양의 배열"),
    ],
    "03.3": [
        Wrong("forgets the inner factor 3", ("""
u = 3 * x + 1
return 2 * u
""", None), "multiply by du/dx = 3", "du/dx = 3도 곱하세요"),
        Wrong("forgets the inner factor 2x", (None, "return np.cos(x**2)"),
              "multiply by du/dx = 2x", "du/dx = 2x도 곱하세요"),
        Wrong("cos(2x)", (None, "return np.cos(2 * x) * 2 * x"),
              "not cos(2x)", "cos(2x)가 아닙니다"),
    ],
    "03.4": [
        Wrong("names a correct one", ("return 'sigmoid'", None),
              "its derivative agrees with a central difference", "그 도함수는 중앙 차분과 일치합니다"),
        Wrong("product rule: only u'v", (None, "return np.exp(-x)"),
              "you kept only u'v", "u'v만 남았습니다"),
        Wrong("sign of the inner derivative", (None, "return (1 + x) * np.exp(-x)"),
              "mind the sign", "부호를 보세요"),
    ],
    "03.5": [
        Wrong("local derivative not multiplied", """
b = 2 * a
c = np.tanh(b)
grad_c = 2 * c
grad_b = 1 - c**2
grad_a = grad_b * 2
return {"c": grad_c, "b": grad_b, "a": grad_a}
""", "multiply it by the gradient that arrived at c", "c에 도착한 변화도를 곱하세요"),
        Wrong("1 - b² instead of 1 - c²", """
b = 2 * a
c = np.tanh(b)
grad_c = 2 * c
grad_b = grad_c * (1 - b**2)
grad_a = grad_b * 2
return {"c": grad_c, "b": grad_b, "a": grad_a}
""", "not 1 - b²", "1 - b²가 아닙니다"),
        Wrong("forgets db/da", """
b = 2 * a
c = np.tanh(b)
grad_c = 2 * c
grad_b = grad_c * (1 - c**2)
grad_a = grad_b
return {"c": grad_c, "b": grad_b, "a": grad_a}
""", "multiply by db/da = 2", "db/da = 2도 곱하세요"),
    ],
}
