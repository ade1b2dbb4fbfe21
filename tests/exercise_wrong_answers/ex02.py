from . import Wrong

_SAVE_SQUARE = "ctx.save_for_backward(x)\nreturn x * x"
_SAVE_CUBE = "ctx.save_for_backward(x)\nreturn x * x * x"

WRONG = {
    "02.1": [
        Wrong("backward forgets grad", (_SAVE_SQUARE, """
(x,) = ctx.saved_tensors
return 2 * x
"""), "must multiply the local derivative by grad", "grad를 곱해야 합니다"),
        Wrong("backward forgets the 2", (_SAVE_SQUARE, """
(x,) = ctx.saved_tensors
return grad * x
"""), "the factor 2 is missing", "인수 2가 빠졌습니다"),
        Wrong("nothing saved for backward", ("return x * x", """
(x,) = ctx.saved_tensors
return grad * 2 * x
"""), "ctx.save_for_backward(x) in forward", "ctx.save_for_backward(x)를"),
    ],
    "02.2": [
        Wrong("counts paths", """
count = 0
todo = [t.grad_fn] if t.grad_fn is not None else []
while todo:
    node = todo.pop()
    count += 1
    todo.extend(n for n, _ in node.next_functions if n is not None)
return count
""", "keep a set of the nodes already seen", "이미 본 노드를 set에 담아 두세요"),
        Wrong("skips AccumulateGrad", """
seen = set()
todo = [t.grad_fn] if t.grad_fn is not None else []
while todo:
    node = todo.pop()
    if node in seen or node.name().endswith("AccumulateGrad"):
        continue
    seen.add(node)
    todo.extend(n for n, _ in node.next_functions if n is not None)
return len(seen)
""", "count the AccumulateGrad node", "AccumulateGrad 노드도 세세요"),
    ],
    "02.3": [
        Wrong("no seen set", """
found = []
todo = [t.grad_fn] if t.grad_fn is not None else []
while todo:
    node = todo.pop()
    if node.name().endswith("AccumulateGrad"):
        found.append(node.variable)
    todo.extend(n for n, _ in node.next_functions if n is not None)
return found
""", "each leaf must appear once", "한 번씩만 나와야 합니다"),
        Wrong("collects nodes", """
seen, found = set(), []
todo = [t.grad_fn] if t.grad_fn is not None else []
while todo:
    node = todo.pop()
    if node in seen:
        continue
    seen.add(node)
    if node.name().endswith("AccumulateGrad"):
        found.append(node)
    todo.extend(n for n, _ in node.next_functions if n is not None)
return found
""", "not the node itself", "노드 자체가 아니라"),
        Wrong("direct inputs only", """
found = []
if t.grad_fn is not None:
    for node, _ in t.grad_fn.next_functions:
        if node is not None and node.name().endswith("AccumulateGrad") and not any(node.variable is f for f in found):
            found.append(node.variable)
return found
""", "follow next_functions all the way down", "next_functions를 끝까지 따라가세요"),
    ],
    "02.4": [
        Wrong("backward forgets grad", (_SAVE_CUBE, """
(x,) = ctx.saved_tensors
return 3 * x * x
"""), "must multiply the local derivative by grad", "grad를 곱해야 합니다"),
        Wrong("Square's derivative copied", (_SAVE_CUBE, """
(x,) = ctx.saved_tensors
return grad * 2 * x
"""), "the derivative of x³ is 3x²", "x³의 도함수는 3x²입니다"),
        Wrong("the output saved instead of the input", ("""
y = x * x * x
ctx.save_for_backward(y)
return y
""", """
(x,) = ctx.saved_tensors
return grad * 3 * x * x
"""), "against central differences", "중앙 차분과 비교한"),
    ],
    "02.5": [
        Wrong("k starts at 0", """
norm = float(np.linalg.norm(np.asarray(values, dtype=np.float64)))
k = 0
while norm * 2 ** k < 1000:
    k += 1
return k
""", "the first multiplication always happens", "첫 번째 곱셈은 언제나 일어납니다"),
        Wrong("<= instead of <", """
norm = float(np.linalg.norm(np.asarray(values, dtype=np.float64)))
k = 1
while norm * 2 ** k <= 1000:
    k += 1
return k
""", "a norm of exactly 1000 stops it", "노름이 정확히 1000이면 멈춥니다"),
        Wrong("ceil of log2", """
norm = float(np.linalg.norm(np.asarray(values, dtype=np.float64)))
return int(np.ceil(np.log2(1000 / norm)))
""", "the first multiplication always happens", "첫 번째 곱셈은 언제나 일어납니다"),
    ],
}
