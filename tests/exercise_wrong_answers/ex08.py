from . import Wrong

WRONG = {
    "08.1": [
        Wrong("no sum_to", "return grad * b, grad * a", "undo the broadcasting", "브로드캐스팅은 마지막에 되돌리세요"),
        Wrong("swapped factors", "return sum_to(grad * a, a.shape), sum_to(grad * b, b.shape)",
              "is the other factor", "다른 인수입니다"),
        Wrong("sums before multiplying", "return sum_to(grad, a.shape) * b, sum_to(grad, b.shape) * a",
              "multiply first", "먼저 곱하고"),
        Wrong("forgets the local derivative", "return sum_to(grad, a.shape), sum_to(grad, b.shape)",
              "the local derivative is missing", "국소 미분이 빠졌습니다"),
    ],
    "08.2": [
        Wrong("B's gradient not summed over the batch", "return grad @ b.t(), a.transpose(1, 2) @ grad",
              "B is shared by every sample", "B는 모든 샘플이 함께 씁니다"),
        Wrong("swapped formulas", "return a.transpose(1, 2) @ grad, grad @ b.t()",
              "the gradient of an input has that input's shape", "입력의 변화도는 그 입력과 모양이 같습니다"),
        Wrong("forgets a transpose", "return grad @ b, (a @ grad).sum(dim=0)",
              "the gradient of an input has that input's shape", "입력의 변화도는 그 입력과 모양이 같습니다"),
    ],
    "08.3": [
        Wrong("max(dim=1) splits ties", """
first = [[0.0, 0.5, 0.5], [1 / 3, 1 / 3, 1 / 3], [0.0, 1.0, 0.0]]
second = [[0.0, 0.5, 0.5], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
return first, second
""", "max(dim=1) picks one index per row", "행마다 인덱스 하나만 고르고"),
        Wrong("max() gives everything to the first", """
first = [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]
second = [[0.0, 1.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
return first, second
""", "shares the gradient evenly", "변화도를 똑같이 나눠 갖습니다"),
    ],
    "08.4": [
        Wrong("a.grad with c's shape", ("return (3, 4), (3, 4), (4,)", "return [[10.0], [10.0], [10.0]], [6.0, 6.0, 6.0, 6.0]"),
              "the shape of its tensor", "그 텐서와 모양이 같습니다"),
        Wrong("row and column sums swapped", (None, "return [[6.0], [6.0], [6.0]], [10.0, 10.0, 10.0, 10.0]"),
              "sum b_j over the row", "그 행을 따라 b_j를 더하세요"),
    ],
    "08.5": [
        Wrong("dW transposed", """
dx = G @ W
dW = x.T @ G
db = G.sum(axis=0)
return dx, dW, db
""", "that is the gradient of W^T", "W^T의 변화도"),
        Wrong("db is a mean", """
dx = G @ W
dW = G.T @ x
db = G.mean(axis=0)
return dx, dW, db
""", "not the mean", "평균이 아니라 합입니다"),
        Wrong("db not summed", """
dx = G @ W
dW = G.T @ x
db = G
return dx, dW, db
""", "sum G over the rows", "G를 행 방향으로 더하세요"),
    ],
}
