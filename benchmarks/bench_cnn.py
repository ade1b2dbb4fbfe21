"""Training step of a small CNN on the 8x8 digits: minigrad vs PyTorch (CPU, one thread) vs a
hand-written NumPy forward/backward, measured in the same run.

    python benchmarks/bench_cnn.py [--batches 32 128 512] [--seconds 3.0]

The network: Conv2d(1, 16, 3, padding=1) - ReLU - MaxPool2d(2) - Conv2d(16, 32, 3, padding=1) - ReLU -
MaxPool2d(2) - Flatten - Linear(128, 10), cross-entropy, plain SGD. All three start from the same
weights and must agree on the first loss. The engines take turns, round by round, so that a change
in the machine's load hits all of them alike; each gets its best round. Prints ms/step and the ratios.
Not a test.
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
def _cols(x):
    """3x3, padding 1, stride 1 patches: (N, C, H, W) -> (N*H*W, C*9)."""
    n, c, h, w = x.shape
    windows = sliding_window_view(np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1))), (3, 3), axis=(2, 3))
    return windows.transpose(0, 2, 3, 1, 4, 5).reshape(n * h * w, c * 9)


def _uncols(d_cols, shape):
    n, c, h, w = shape
    d = d_cols.reshape(n, h, w, c, 3, 3)
    padded = np.zeros((n, c, h + 2, w + 2), dtype=d_cols.dtype)
    for i in range(3):
        for j in range(3):
            padded[:, :, i:i + h, j:j + w] += d[:, :, :, :, i, j].transpose(0, 3, 1, 2)
    return padded[:, :, 1:-1, 1:-1]


def _conv(x, w, b):
    n, _, h, wd = x.shape
    cols = _cols(x)
    out = cols @ w.reshape(len(w), -1).T + b
    return out.reshape(n, h, wd, -1).transpose(0, 3, 1, 2), cols


def _pool(x):
    n, c, h, w = x.shape
    blocks = x.reshape(n, c, h // 2, 2, w // 2, 2)
    out = blocks.max(axis=(3, 5))
    mask = blocks == out[:, :, :, None, :, None]  # (ties are measure-zero after ReLU on random data)
    return out, mask


def _unpool(d, mask):
    n, c, h, w = d.shape
    return (mask * d[:, :, :, None, :, None]).reshape(n, c, h * 2, w * 2)


def numpy_step_fn(x, y):
    w1, b1, w2, b2, w3, b3 = params = initial_weights()
    n, rows = len(x), np.arange(len(x))

    def step():
        z1, cols1 = _conv(x, w1, b1)
        a1 = np.maximum(z1, 0)
        p1, m1 = _pool(a1)
        z2, cols2 = _conv(p1, w2, b2)
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
        d_z2_rows = d_z2.transpose(0, 2, 3, 1).reshape(-1, 32)
        d_w2, d_b2 = (d_z2_rows.T @ cols2).reshape(w2.shape), d_z2_rows.sum(0)
        d_p1 = _uncols(d_z2_rows @ w2.reshape(32, -1), p1.shape)
        d_z1 = _unpool(d_p1, m1) * (z1 > 0)
        d_z1_rows = d_z1.transpose(0, 2, 3, 1).reshape(-1, 16)
        d_w1, d_b1 = (d_z1_rows.T @ cols1).reshape(w1.shape), d_z1_rows.sum(0)
        for p, g in zip(params, (d_w1, d_b1, d_w2, d_b2, d_w3, d_b3)):
            p -= LR * g
        return float(loss)

    return step


def time_interleaved(steps, seconds, repeats=5, warmup=3):
    """Milliseconds per call of each step: rounds of ``repeats`` calls, the steps taking turns for
    about ``seconds`` in all; each step's best round (the least disturbed by other processes)."""
    for step in steps.values():
        for _ in range(warmup):
            step()
    best = dict.fromkeys(steps, float("inf"))
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        for name, step in steps.items():
            start = time.perf_counter()
            for _ in range(repeats):
                step()
            best[name] = min(best[name], (time.perf_counter() - start) / repeats)
    return {name: t * 1000 for name, t in best.items()}


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
        losses = {name: step() for name, step in steps.items()}
        if not np.allclose(list(losses.values()), losses["numpy"], rtol=1e-4):
            raise SystemExit(f"the implementations disagree on the first loss: {losses}")
        ms = time_interleaved(steps, args.seconds)
        mg, npy, th = ms["minigrad"], ms["numpy"], ms.get("torch", float("nan"))
        print(f"{batch:>6} {mg:>12.3f} {th:>10.3f} {npy:>10.3f} {mg / th:>9.2f} {mg / npy:>9.2f}")


if __name__ == "__main__":
    main()
