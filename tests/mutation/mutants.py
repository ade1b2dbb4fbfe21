"""Mutants of a solution region, made with Python's ``ast``: each one is a small, typical slip.

``mutants(source)`` parses a solution region (the lines between ``### BEGIN SOLUTION`` and
``### END SOLUTION``, without their indentation), and returns one ``Mutant`` per change: the changed
region's source and a short description. Each node of the region is offered every change that
applies to it (see ``_variants``); a mutant whose text equals the region's (swapping equal
arguments, ...) or another mutant's is left out. The order is fixed, so a mutant's index names it.
"""

import ast
import copy
import functools
import textwrap
from dataclasses import dataclass

_WRAPPER = "def __region__():\n"

# Operator swaps: the slips of a hurried derivation.
_BINOP_SWAPS = {
    ast.Add: (ast.Sub, ast.Mult), ast.Sub: (ast.Add,), ast.Mult: (ast.Div, ast.Add), ast.Div: (ast.Mult,),
    ast.FloorDiv: (ast.Div,), ast.Pow: (ast.Mult,), ast.MatMult: (ast.Mult,), ast.Mod: (ast.FloorDiv,),
}
_NONCOMMUTATIVE = (ast.Sub, ast.Div, ast.FloorDiv, ast.Pow, ast.MatMult, ast.Mod)
_CMP_SWAPS = {
    ast.Lt: (ast.LtE, ast.Gt), ast.LtE: (ast.Lt, ast.GtE), ast.Gt: (ast.GtE, ast.Lt), ast.GtE: (ast.Gt, ast.LtE),
    ast.Eq: (ast.NotEq,), ast.NotEq: (ast.Eq,), ast.Is: (ast.IsNot,), ast.IsNot: (ast.Is,),
    ast.In: (ast.NotIn,), ast.NotIn: (ast.In,),
}
_AUG_SWAPS = {ast.Add: (ast.Sub, ast.Mult), ast.Sub: (ast.Add,), ast.Mult: (ast.Div, ast.Add), ast.Div: (ast.Mult,)}
# Method and function names a learner confuses.
_NAME_SWAPS = {
    "sum": ("mean",), "mean": ("sum",), "max": ("min",), "min": ("max",), "amax": ("amin",), "amin": ("amax",),
    "argmax": ("argmin",), "argmin": ("argmax",), "exp": ("log",), "log": ("exp",), "sin": ("cos",),
    "cos": ("sin",), "zeros": ("ones",), "ones": ("zeros",), "zeros_like": ("ones_like",),
    "ones_like": ("zeros_like",), "maximum": ("minimum",), "minimum": ("maximum",),
    "append": ("insert0",), "reversed": ("list",), "sqrt": ("square",), "tanh": ("sigmoid",),
    "sigmoid": ("tanh",), "relu": ("abs",), "clamp": ("clip0",),
}
# Calls that can be dropped, leaving their receiver (x.detach() -> x) or their argument (reversed(x) -> x).
_DROPPABLE_METHODS = ("detach", "clone", "t", "copy", "item", "sum", "mean", "contiguous", "numpy", "float",
                      "retain_grad", "requires_grad_", "zero_", "squeeze", "unsqueeze", "flatten")
_DROPPABLE_FUNCTIONS = ("reversed", "list", "float", "abs", "sorted", "tuple")
_DIM_KEYWORDS = ("dim", "axis")


@dataclass(frozen=True)
class Mutant:
    index: int
    description: str
    source: str


def _mk(op_type):
    return op_type()


def _num(value):
    return ast.Constant(value=value)


def _describe(node):
    text = ast.unparse(node)
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _variants(node, field, in_list):
    """(description, replacement) for each change of ``node``; replacement ``None`` deletes a statement."""
    out = []
    what = _describe(node)
    if isinstance(node, ast.BinOp):
        for new in _BINOP_SWAPS.get(type(node.op), ()):
            m = copy.deepcopy(node)
            m.op = _mk(new)
            out.append((f"{type(node.op).__name__} -> {new.__name__} in `{what}`", m))
        if isinstance(node.op, _NONCOMMUTATIVE):
            out.append((f"swap operands of `{what}`",
                        ast.BinOp(left=copy.deepcopy(node.right), op=copy.deepcopy(node.op),
                                  right=copy.deepcopy(node.left))))
        if isinstance(node.op, ast.MatMult):
            for side in ("left", "right"):
                m = copy.deepcopy(node)
                setattr(m, side, ast.Attribute(value=getattr(m, side), attr="T", ctx=ast.Load()))
                out.append((f"transpose the {side} operand of `{what}`", m))
        out.append((f"`{what}` -> its left operand", copy.deepcopy(node.left)))
        out.append((f"`{what}` -> its right operand", copy.deepcopy(node.right)))
    elif isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            for new in _CMP_SWAPS.get(type(op), ()):
                m = copy.deepcopy(node)
                m.ops[i] = _mk(new)
                out.append((f"{type(op).__name__} -> {new.__name__} in `{what}`", m))
    elif isinstance(node, ast.BoolOp):
        m = copy.deepcopy(node)
        m.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        out.append((f"and/or swapped in `{what}`", m))
        for i, value in enumerate(node.values):
            out.append((f"`{what}` -> operand {i}", copy.deepcopy(value)))
    elif isinstance(node, ast.UnaryOp):
        if isinstance(node.op, (ast.USub, ast.Not)):
            out.append((f"drop the `{'-' if isinstance(node.op, ast.USub) else 'not'}` of `{what}`",
                        copy.deepcopy(node.operand)))
    elif isinstance(node, ast.Constant) and type(node.value) in (int, float) and field != "kind":
        v = node.value
        seen = {v}
        for new in (v + 1, v - 1, 0 if v != 0 else 2, 1, -v, v * 2):
            new = type(v)(new)
            if new in seen:
                continue
            seen.add(new)
            out.append((f"constant {v!r} -> {new!r}", _num(new)))
    elif isinstance(node, ast.Constant) and type(node.value) is bool:
        out.append((f"{node.value} -> {not node.value}", _num(not node.value)))
    elif isinstance(node, ast.AugAssign):
        out.append((f"`{what}` -> plain `=`", ast.Assign(targets=[copy.deepcopy(node.target)],
                                                         value=copy.deepcopy(node.value), lineno=0)))
        for new in _AUG_SWAPS.get(type(node.op), ()):
            m = copy.deepcopy(node)
            m.op = _mk(new)
            out.append((f"`{what}`: {type(node.op).__name__}= -> {new.__name__}=", m))
    elif isinstance(node, ast.Call):
        out.extend(_call_variants(node, what))
    elif isinstance(node, ast.Attribute) and node.attr in ("T", "mT", "data", "grad") and field != "func":
        if node.attr == "T":
            out.append((f"drop the transpose in `{what}`", copy.deepcopy(node.value)))
    elif isinstance(node, ast.Subscript):
        sl = node.slice
        if isinstance(sl, ast.Slice) and sl.lower is None and sl.upper is None and sl.step is not None:
            out.append((f"drop the reversal `{what}`", copy.deepcopy(node.value)))
    elif isinstance(node, ast.If):
        m = copy.deepcopy(node)
        m.test = ast.UnaryOp(op=ast.Not(), operand=m.test)
        out.append((f"negate the condition of `if {_describe(node.test)}`", m))
    elif isinstance(node, ast.With):
        out.append((f"drop the `with {_describe(node.items[0].context_expr)}` (keep its body)", "UNWRAP"))
    elif isinstance(node, ast.Return) and node.value is not None:
        v = node.value
        out.append((f"`return {_describe(v)}` negated", ast.Return(value=ast.UnaryOp(op=ast.USub(), operand=copy.deepcopy(v)))))
        if not isinstance(v, (ast.Tuple, ast.Constant, ast.Dict, ast.List)):
            out.append((f"`return {_describe(v)}` transposed",
                        ast.Return(value=ast.Attribute(value=copy.deepcopy(v), attr="T", ctx=ast.Load()))))
        if isinstance(v, ast.Tuple) and len(v.elts) == 2:
            out.append((f"`return {_describe(v)}`: elements swapped",
                        ast.Return(value=ast.Tuple(elts=[copy.deepcopy(v.elts[1]), copy.deepcopy(v.elts[0])], ctx=ast.Load()))))
    elif isinstance(node, ast.Break):
        out.append(("break -> continue", ast.Continue()))
    elif isinstance(node, ast.Continue):
        out.append(("continue -> break", ast.Break()))
    if isinstance(node, ast.stmt) and in_list and not isinstance(node, (ast.FunctionDef, ast.ClassDef)):
        out.append((f"drop the statement `{what}`", None))
    return out


def _call_variants(node, what):
    out = []
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if len(node.args) == 2 and not any(isinstance(a, ast.Starred) for a in node.args):
        m = copy.deepcopy(node)
        m.args = [m.args[1], m.args[0]]
        out.append((f"swap the arguments of `{what}`", m))
    for i, kw in enumerate(node.keywords):
        value = kw.value
        if kw.arg in _DIM_KEYWORDS and isinstance(value, (ast.Constant, ast.UnaryOp, ast.Tuple)):
            for new in (0, 1, -1, None):
                m = copy.deepcopy(node)
                if new is None:
                    del m.keywords[i]
                    out.append((f"drop `{kw.arg}=` in `{what}`", m))
                    continue
                if ast.unparse(value) == str(new):
                    continue
                m.keywords[i].value = _num(new)
                out.append((f"`{kw.arg}={ast.unparse(value)}` -> `{kw.arg}={new}`", m))
        elif kw.arg is not None:
            m = copy.deepcopy(node)
            del m.keywords[i]
            out.append((f"drop `{kw.arg}=` in `{what}`", m))
    if isinstance(func, ast.Attribute) and name in _DROPPABLE_METHODS and not node.args and not node.keywords:
        out.append((f"drop `.{name}()` in `{what}`", copy.deepcopy(func.value)))
    if isinstance(func, ast.Name) and name in _DROPPABLE_FUNCTIONS and len(node.args) == 1 and not node.keywords:
        out.append((f"drop `{name}(...)` in `{what}`", copy.deepcopy(node.args[0])))
    for new in _NAME_SWAPS.get(name, ()):
        if new == "insert0":
            if isinstance(func, ast.Attribute) and len(node.args) == 1:
                m = copy.deepcopy(node)
                m.func.attr = "insert"
                m.args = [_num(0)] + m.args
                out.append((f"append -> insert(0, ...) in `{what}`", m))
            continue
        if new == "clip0":
            continue
        m = copy.deepcopy(node)
        if isinstance(m.func, ast.Attribute):
            m.func.attr = new
        else:
            m.func.id = new
        out.append((f"{name} -> {new} in `{what}`", m))
    if name in ("matmul", "mm", "dot") and len(node.args) >= 1:
        pass  # argument swap above covers the usual slip
    return out


def _slots(tree):
    """(parent, field, index or None, node) for every node below ``tree``, in a fixed order."""
    out = []

    def visit(parent):
        for field, value in ast.iter_fields(parent):
            if isinstance(value, list):
                for i, v in enumerate(value):
                    if isinstance(v, ast.AST):
                        out.append((parent, field, i, v))
                        visit(v)
            elif isinstance(value, ast.AST):
                out.append((parent, field, None, value))
                visit(value)

    visit(tree)
    return out


def _parse(source):
    return ast.parse(_WRAPPER + textwrap.indent(source, "    "))


def _unparse(tree):
    body = tree.body[0].body
    if not body:
        return "pass"
    return "\n".join(ast.unparse(stmt) for stmt in body)


def _apply(tree, slot, variant):
    """The region's source with change ``variant`` made at slot number ``slot``."""
    tree = copy.deepcopy(tree)
    parent, field, index, node = _slots(tree)[slot]
    description, replacement = _variants(node, field, index is not None)[variant]
    if replacement == "UNWRAP":
        container = getattr(parent, field)
        container[index:index + 1] = node.body
    elif index is None:
        setattr(parent, field, replacement)
    elif replacement is None:
        container = getattr(parent, field)
        del container[index]
        if not container:
            container.append(ast.Pass())
    else:
        getattr(parent, field)[index] = replacement
    ast.fix_missing_locations(tree)
    return description, _unparse(tree)


@functools.lru_cache(maxsize=None)
def mutants(source):
    """Every mutant of a solution region (``()`` when the region is not Python code)."""
    source = textwrap.dedent(source).strip("\n")
    try:
        tree = _parse(source)
    except SyntaxError:
        return ()
    original = _unparse(tree)
    seen, out = {original}, []
    for slot, (parent, field, index, node) in enumerate(_slots(tree)):
        if slot == 0:  # the wrapper function itself
            continue
        for variant in range(len(_variants(node, field, index is not None))):
            try:
                description, text = _apply(tree, slot, variant)
                compile(_WRAPPER + textwrap.indent(text, "    "), "<mutant>", "exec")
            except (SyntaxError, ValueError, TypeError, AttributeError):
                continue
            if text in seen:
                continue
            seen.add(text)
            out.append(Mutant(len(out), description, text))
    return tuple(out)
