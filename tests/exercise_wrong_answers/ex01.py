from . import Wrong

WRONG = {
    "01.1": [
        Wrong("w does not require grad", """
w = torch.zeros(2, 3)
idx = torch.arange(5)
h = torch.tensor([0.5, 1.5], dtype=torch.float64)
""", "requires_grad=True", "requires_grad=True"),
        Wrong("float arange", """
w = torch.zeros(2, 3, requires_grad=True)
idx = torch.arange(5.0)
h = torch.tensor([0.5, 1.5], dtype=torch.float64)
""", "torch.arange(5.0) gives float32", "float32가 됩니다"),
        Wrong("h in float32", """
w = torch.zeros(2, 3, requires_grad=True)
idx = torch.arange(5)
h = torch.tensor([0.5, 1.5])
""", "dtype=torch.float64", "dtype=torch.float64"),
    ],
    "01.2": [
        Wrong("returns nothing", """
if not box.is_leaf:
    raise RuntimeError("you can only change requires_grad flags of leaf variables.")
if flag and box.data.dtype.kind != "f":
    raise RuntimeError("only Tensors of floating point dtype can require gradients")
box.requires_grad = bool(flag)
""", "`return box`", "`return box`"),
        Wrong("no dtype check", """
if not box.is_leaf:
    raise RuntimeError("you can only change requires_grad flags of leaf variables.")
box.requires_grad = bool(flag)
return box
""", "box.data.dtype.kind == 'f'", "box.data.dtype.kind == 'f'"),
        Wrong("leaf check only when switching on", """
if flag and not box.is_leaf:
    raise RuntimeError("you can only change requires_grad flags of leaf variables.")
if flag and box.data.dtype.kind != "f":
    raise RuntimeError("only Tensors of floating point dtype can require gradients")
box.requires_grad = bool(flag)
return box
""", "check box.is_leaf first", "먼저 box.is_leaf를 확인하세요"),
        Wrong("sets the flag before raising", """
box.requires_grad = bool(flag)
if not box.is_leaf:
    raise RuntimeError("you can only change requires_grad flags of leaf variables.")
if flag and box.data.dtype.kind != "f":
    raise RuntimeError("only Tensors of floating point dtype can require gradients")
return box
""", "raise before changing anything", "아무것도 바꾸기 전에"),
    ],
    "01.3": [
        Wrong("*_like copies requires_grad", """
return {"c": (True, False), "d": (False, True), "e": (False, True), "f": (True, True), "g": (False, True)}
""", "not requires_grad", "requires_grad는 복사하지 않습니다"),
        Wrong("requires_grad_ makes a non-leaf", """
return {"c": (True, False), "d": (False, True), "e": (True, False), "f": (False, True), "g": (False, True)}
""", "it stays a leaf", "여전히 잎입니다"),
    ],
    "01.4": [
        Wrong("whole-number rule first", """
v = np.abs(np.asarray(values, dtype=np.float64))
v = v[np.isfinite(v) & (v != 0)]
if v.size == 0 or np.all(v == np.floor(v)):
    return "integer"
largest, smallest = v.max(), v.min()
if largest / smallest > 1000 or largest > 1e8 or smallest < 1e-4:
    return "scientific"
return "fixed"
""", "rule 2 is checked first", "규칙 2를 먼저 보며"),
        Wrong("zeros kept", """
v = np.abs(np.asarray(values, dtype=np.float64))
v = v[np.isfinite(v)]
if v.size == 0:
    return "integer"
largest, smallest = v.max(), v.min()
if largest / max(smallest, 1e-30) > 1000 or largest > 1e8 or smallest < 1e-4:
    return "scientific"
if np.all(v == np.floor(v)):
    return "integer"
return "fixed"
""", "leave out zeros", "0을 빼세요"),
        Wrong("nan and inf kept", """
v = np.abs(np.asarray(values, dtype=np.float64))
v = v[v != 0]
if v.size == 0:
    return "integer"
largest, smallest = v.max(), v.min()
if largest / smallest > 1000 or largest > 1e8 or smallest < 1e-4:
    return "scientific"
if np.all(v == np.floor(v)):
    return "integer"
return "fixed"
""", "leave out nan and inf", "nan과 inf를 빼세요"),
    ],
}
