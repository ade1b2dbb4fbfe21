from . import Wrong

_TOPO = """
order, visited = [], set()

def visit(node):
    if id(node) in visited:
        return
    visited.add(id(node))
    for parent, _ in node.parents:
        visit(parent)
    order.append(node)

visit(root)
return order{}
"""

_FIXED = """
order = topological_order_for_bug_hunt(root)
for node in order:
    {}
root.grad = 1.0
for node in order:
    for parent, local in node.parents:
        parent.grad += node.grad * local
"""

WRONG = {
    "04.1": [
        Wrong("forgets to reverse", _TOPO.format(""), "reverse the list at the end", "마지막에 리스트를 뒤집으세요"),
        Wrong("breadth-first order", """
order, seen, queue = [], set(), [root]
while queue:
    node = queue.pop(0)
    if id(node) in seen:
        continue
    seen.add(id(node))
    order.append(node)
    queue.extend(parent for parent, _ in node.parents)
return order
""", "a breadth-first order is not enough", "너비 우선 순서로는 부족합니다"),
        Wrong("no visited set", """
order = []

def visit(node):
    for parent, _ in node.parents:
        visit(parent)
    order.append(node)

visit(root)
return order[::-1]
""", "each node once", "노드마다 한 번씩만"),
    ],
    "04.2": [
        Wrong("exponential path recursion", """
def send(node, gradient):
    node.grad += gradient
    for parent, local in node.parents:
        send(parent, gradient * local)

send(root, 1.0)
""", "follows every path", "모든 경로"),
        Wrong("overwrites instead of accumulating", """
root.grad = 1.0
for node in topological_sort(root):
    for parent, local in node.parents:
        parent.grad = node.grad * local
""", "not `=`", "`=`가 아니라"),
        Wrong("walks leaves first", """
root.grad = 1.0
for node in reversed(topological_sort(root)):
    for parent, local in node.parents:
        parent.grad += node.grad * local
""", "walk the nodes in topological order", "위상 순서로"),
    ],
    "04.3": [
        Wrong("forgets accumulation", "return (6.0, 4.0, 27.0)", "gradients accumulate", "변화도는 누적됩니다"),
        Wrong("forgets zero_", "return (6.0, 10.0, 37.0)", "x.grad.zero_() cleared x.grad", "x.grad.zero_()가 x.grad를 비웠습니다"),
    ],
    "04.4": [
        Wrong("resets the leaves too (the bug kept)", _FIXED.format("node.grad = 0.0"),
              "reset only the nodes that have parents", "부모가 있는 노드만"),
        Wrong("never resets", _FIXED.format("pass"),
              "the non-leaf h kept its gradient", "잎이 아닌 h가 이전 호출의 변화도"),
    ],
}
