from . import Wrong

_CONV = """
n, c, h, width = x.shape
o, _, k, _ = w.shape
xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
oh = (h + 2 * padding - k) // stride + 1
ow = (width + 2 * padding - k) // stride + 1
y = np.zeros((n, o, oh, ow), dtype=x.dtype)
for i in range(oh):
    for j in range(ow):
        patch = {patch}
        y[:, :, i, j] = np.einsum("nchw,ochw->no", patch, w){bias}
return y
"""
_PATCH = "xp[:, :, i * stride:i * stride + k, j * stride:j * stride + k]"

_FREEZE = """
for p in model.parameters():
    p.requires_grad = False
for module in reversed(list(model.children())):
    params = list(module.parameters())
    if params:
        for p in params:
            p.requires_grad = True
        return params
return []
"""

_RESNET = "return conv_parameter_count(3, 64, 7, bias=False), conv_parameter_count(256, 512, 3, bias=False)"

WRONG = {
    "12.1": [
        Wrong("ignores dilation", "return (n + 2 * padding - kernel) // stride + 1",
              "a dilated kernel spans", "팽창한 커널은"),
        Wrong("span = dilation * kernel", "return (n + 2 * padding - dilation * kernel) // stride + 1",
              "a dilated kernel spans", "팽창한 커널은"),
        Wrong("forgets + 1", "return (n + 2 * padding - (dilation * (kernel - 1) + 1)) // stride",
              "+ 1 for the first position", "첫 위치 때문에 + 1"),
        Wrong("padding on one side", "return (n + padding - (dilation * (kernel - 1) + 1)) // stride + 1",
              "padding on both sides", "패딩은 양쪽에"),
    ],
    "12.2": [
        Wrong("forgets the bias", _CONV.format(patch=_PATCH, bias=""), "the bias is missing", "편향이 빠졌습니다"),
        Wrong("stride ignored in the window", _CONV.format(patch="xp[:, :, i:i + k, j:j + k]", bias=" + b"),
              "reads xp[:, :, i*s:i*s+k, j*s:j*s+k]", "xp[:, :, i*s:i*s+k, j*s:j*s+k]를 읽고"),
    ],
    "12.3": [
        Wrong("every tied maximum", """
return np.where(window == window.max(), grad, 0.0)
""", "only the first maximum", "첫 번째 최댓값만"),
        Wrong("1 instead of grad", """
result = np.zeros_like(window, dtype=float)
result[np.unravel_index(np.argmax(window), window.shape)] = 1.0
return result
""", "grad itself, not 1", "1이 아니라 grad 자체입니다"),
        Wrong("last maximum", """
flat = window.ravel()
index = len(flat) - 1 - np.argmax(flat[::-1])
result = np.zeros_like(window, dtype=float)
result[np.unravel_index(index, window.shape)] = grad
return result
""", "only the first maximum", "첫 번째 최댓값만"),
    ],
    "12.4": [
        Wrong("the last module (a ReLU)", """
for p in model.parameters():
    p.requires_grad = False
params = list(list(model.children())[-1].parameters())
for p in params:
    p.requires_grad = True
return params
""", "the last module is a ReLU", "마지막 모듈은 매개변수가 없는 ReLU입니다"),
        Wrong("nothing frozen", _FREEZE.replace("    p.requires_grad = False\n", "    pass\n", 1),
              "set requires_grad = False on every parameter", "모든 매개변수에 requires_grad = False를 하세요"),
        Wrong("returns the module", _FREEZE.replace("        return params", "        return module"),
              "not the module", "모듈이 아니라"),
    ],
    "12.5": [
        Wrong("forgets in_channels", ("return out_channels * kernel_size * kernel_size + (out_channels if bias else 0)",
                                      _RESNET), "multiply by in_channels too", "in_channels도 곱하세요"),
        Wrong("always a bias", ("return out_channels * in_channels * kernel_size * kernel_size + out_channels", _RESNET),
              "bias=False: no bias at all", "bias=False이면 편향이 전혀 없습니다"),
        Wrong("a bias per input channel", (
            "return out_channels * in_channels * kernel_size * kernel_size + (in_channels if bias else 0)", _RESNET),
              "not per input channel", "입력 채널이 아니라"),
        Wrong("ResNet convolutions with a bias", (None, """
return conv_parameter_count(3, 64, 7), conv_parameter_count(256, 512, 3)
"""), "both convolutions have bias=False", "두 합성곱 모두 bias=False입니다"),
    ],
}
