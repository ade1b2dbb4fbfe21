"""Training step of a small CNN on the 8x8 digits: minigrad vs PyTorch (CPU, one thread) vs a
hand-written NumPy forward/backward, measured in the same run.

    python benchmarks/bench_cnn.py [--batches 32 128 512] [--seconds 3.0]

The network: Conv2d(1, 16, 3, padding=1) - ReLU - MaxPool2d(2) - Conv2d(16, 32, 3, padding=1) - ReLU -
MaxPool2d(2) - Flatten - Linear(128, 10), cross-entropy, plain SGD. All three start from the same
weights and must agree on the first two losses (the second depends on the gradients). The engines
take turns, round by round, so that a change in the machine's load hits all of them alike; each gets
its best round. Prints ms/step and the ratios. Not a test.
"""
import argparse
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one BLAS thread, like torch.set_num_threads(1)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from sklearn.datasets import load_digits

import minigrad
import minigrad.nn as nn
import minigrad.nn.functional as F
import minigrad.optim
from _timing import time_steps

LR = 0.01


def digits(batch):
    data = load_digits()
    x = (data.data / 16.0).astype(np.float32).reshape(-1, 1, 8, 8)
    reps = -(-batch // len(x))
    return np.tile(x, (reps, 1, 1, 1))[:batch], np.tile(data.target.astype(np.int64), reps)[:batch]


def initial_weights(seed=0):
    """Weights in PyTorch's layout (conv: O, C, kh, kw; linear: out, in), PyTorch's default bounds."""
    rng = np.random.default_rng(seed)

    def uniform(shape, fan_in):
        bound = 1 / np.sqrt(fan_in)
        return rng.uniform(-bound, bound, shape).astype(np.float32)

    return [uniform((16, 1, 3, 3), 9), uniform(16, 9), uniform((32, 16, 3, 3), 144), uniform(32, 144),
            uniform((10, 128), 128), uniform(10, 128)]


def minigrad_step_fn(x_np, y_np):
    model = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(128, 10))
    for p, w in zip(model.parameters(), initial_weights()):
        p._data[...] = w
    opt = minigrad.optim.SGD(model.parameters(), lr=LR)
    x, y = minigrad.from_numpy(x_np), minigrad.from_numpy(y_np)

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        return loss.item()

    return step


def torch_step_fn(x_np, y_np):
    import torch
    torch.set_num_threads(1)
    tn = torch.nn
    model = tn.Sequential(tn.Conv2d(1, 16, 3, padding=1), tn.ReLU(), tn.MaxPool2d(2),
                          tn.Conv2d(16, 32, 3, padding=1), tn.ReLU(), tn.MaxPool2d(2),
                          tn.Flatten(), tn.Linear(128, 10))
    with torch.no_grad():
        for p, w in zip(model.parameters(), initial_weights()):
            p.copy_(torch.from_numpy(w))
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)

    def step():
        opt.zero_grad()
        loss = tn.functional.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        return loss.item()

    return step


# ----- the same network written by hand in NumPy ---------------------------------------------------
# The same array techniques as minigrad's nodes (so the floor measures the engine's overhead): 3x3
# patches, padding 1, laid out channels first (C, N, H, W) for the first convolution, whose input needs
# no gradient, and batch last (C, H, W, N) for the second, whose col2im then adds long contiguous runs.
LAYOUTS = {False: (1, 0, 2, 3), True: (1, 2, 3, 0)}  # batch_last -> axis order of (N, C, H, W)


def _padded(x, batch_last):
    n, c, h, w = x.shape
    order = LAYOUTS[batch_last]
    padded = np.zeros([(n, c, h + 2, w + 2)[a] for a in order], dtype=x.dtype)
    inner = [slice(None)] * 4
    inner[order.index(2)], inner[order.index(3)] = slice(1, -1), slice(1, -1)
    padded[tuple(inner)] = x.transpose(order)
    return padded, order


def _cols(x, batch_last):
    """3x3, padding 1, stride 1 patches: (N, C, H, W) -> (C*9, N*H*W) in the layout's pixel order."""
    padded, order = _padded(x, batch_last)
    windows = sliding_window_view(padded, (3, 3), axis=(order.index(2), order.index(3)))
    return np.moveaxis(windows, (4, 5), (1, 2)).reshape(x.shape[1] * 9, -1)


def _uncols(d_cols, shape):
    """col2im for the batch-last layout, back to a contiguous (N, C, H, W)."""
    n, c, h, w = shape
    d = d_cols.reshape(c, 3, 3, h, w, n)
    padded = np.zeros((c, h + 2, w + 2, n), dtype=d_cols.dtype)
    for i in range(3):
        for j in range(3):
            padded[:, i:i + h, j:j + w] += d[:, i, j]
    return np.ascontiguousarray(padded[:, 1:-1, 1:-1].transpose(3, 0, 1, 2))


def _conv(x, w, b, batch_last):
    n, _, h, wd = x.shape
    order = LAYOUTS[batch_last]
    cols = _cols(x, batch_last)
    out = w.reshape(len(w), -1) @ cols
    out += b[:, None]
    out = out.reshape([(n, len(w), h, wd)[a] for a in order])
    return np.ascontiguousarray(out.transpose(np.argsort(order))), cols


def _rows(d, batch_last):
    """A gradient (N, O, H, W) as (O, pixels) in the same order as the columns."""
    return d.transpose(LAYOUTS[batch_last]).reshape(d.shape[1], -1)


def _pool(x):
    """2x2 max pooling; the mask marks the maximum of each window (ties are measure-zero after ReLU)."""
    corners = [x[:, :, i::2, j::2] for i in range(2) for j in range(2)]
    out = np.maximum(np.maximum(corners[0], corners[1]), np.maximum(corners[2], corners[3]))
    return out, [corner == out for corner in corners]


def _unpool(d, masks):
    n, c, h, w = d.shape
    out = np.empty((n, c, h * 2, w * 2), dtype=d.dtype)
    for k, mask in enumerate(masks):
        np.multiply(d, mask, out=out[:, :, k // 2::2, k % 2::2])
    return out


def numpy_step_fn(x, y):
    w1, b1, w2, b2, w3, b3 = params = initial_weights()
    n, rows = len(x), np.arange(len(x))

    def step():
        z1, cols1 = _conv(x, w1, b1, batch_last=False)  # the image needs no gradient
        a1 = np.maximum(z1, 0)
        p1, m1 = _pool(a1)
        z2, cols2 = _conv(p1, w2, b2, batch_last=True)
        a2 = np.maximum(z2, 0)
        p2, m2 = _pool(a2)
        flat = p2.reshape(n, -1)
        logits = flat @ w3.T + b3
        shifted = logits - logits.max(1, keepdims=True)
        exp = np.exp(shifted)
        sum_exp = exp.sum(1, keepdims=True)
        loss = (np.log(sum_exp[:, 0]) - shifted[rows, y]).mean()
        d_logits = exp / sum_exp
        d_logits[rows, y] -= 1
        d_logits /= n
        d_w3, d_b3 = d_logits.T @ flat, d_logits.sum(0)
        d_p2 = (d_logits @ w3).reshape(p2.shape)
        d_z2 = _unpool(d_p2, m2) * (z2 > 0)
        d_z2_rows = _rows(d_z2, batch_last=True)
        d_w2, d_b2 = (d_z2_rows @ cols2.T).reshape(w2.shape), d_z2_rows.sum(1)
        d_p1 = _uncols(w2.reshape(32, -1).T @ d_z2_rows, p1.shape)
        d_z1 = _unpool(d_p1, m1) * (z1 > 0)
        d_z1_rows = _rows(d_z1, batch_last=False)
        d_w1, d_b1 = (d_z1_rows @ cols1.T).reshape(w1.shape), d_z1_rows.sum(1)
        for p, g in zip(params, (d_w1, d_b1, d_w2, d_b2, d_w3, d_b3)):
            p -= LR * g
        return float(loss)

    return step


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, nargs="+", default=[32, 128, 512])
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    try:
        import torch  # noqa: F401
        have_torch = True
    except ImportError:
        have_torch = False
        print("PyTorch not installed: comparing with NumPy only")
    print(f"{'batch':>6} {'minigrad ms':>12} {'torch ms':>10} {'numpy ms':>10} {'mg/torch':>9} {'mg/numpy':>9}")
    for batch in args.batches:
        x, y = digits(batch)
        steps = {"minigrad": minigrad_step_fn(x, y), "numpy": numpy_step_fn(x, y)}
        if have_torch:
            steps["torch"] = torch_step_fn(x, y)
        losses = {name: (step(), step()) for name, step in steps.items()}  # the second checks the gradients
        if not np.allclose(list(losses.values()), losses["numpy"], rtol=1e-4):
            raise SystemExit(f"the implementations disagree on the first two losses: {losses}")
        # wall clock, the engines taking turns round by round
        ms = time_steps(steps, args.seconds / len(steps), repeats=5, warmup=3, clock=time.perf_counter)
        mg, npy, th = ms["minigrad"], ms["numpy"], ms.get("torch", float("nan"))
        print(f"{batch:>6} {mg:>12.3f} {th:>10.3f} {npy:>10.3f} {mg / th:>9.2f} {mg / npy:>9.2f}")


if __name__ == "__main__":
    main()
