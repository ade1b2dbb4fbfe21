"""Training step of a 64-128-10 tanh MLP on the digits data: minigrad vs PyTorch (CPU, one thread)
vs a hand-written NumPy forward/backward, measured in the same run, the engines taking turns.

    python benchmarks/bench_mlp.py [--batches 16 64 256 1024] [--seconds 1.0] [--minimal]

Prints ms/step and the ratios minigrad/PyTorch and minigrad/NumPy. Not a test: nothing asserts on time.
--minimal adds minimal_engine.py (closures, no checks, none of PyTorch's semantics): the least Python a
tensor engine doing the same array work spends, as a ratio to the NumPy step.
"""
import argparse
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
from sklearn.datasets import load_digits

import minigrad
import minimal_engine
from _timing import time_steps

IN, HIDDEN, OUT, LR = 64, 128, 10, 0.01


def digits(batch):
    data = load_digits()
    x = (data.data / 16.0).astype(np.float32)
    y = data.target.astype(np.int64)
    reps = -(-batch // len(x))
    return np.tile(x, (reps, 1))[:batch], np.tile(y, reps)[:batch]


def initial_weights(seed=0):
    rng = np.random.default_rng(seed)
    bound1, bound2 = 1 / np.sqrt(IN), 1 / np.sqrt(HIDDEN)
    return [rng.uniform(-bound1, bound1, (HIDDEN, IN)).astype(np.float32),
            rng.uniform(-bound1, bound1, HIDDEN).astype(np.float32),
            rng.uniform(-bound2, bound2, (OUT, HIDDEN)).astype(np.float32),
            rng.uniform(-bound2, bound2, OUT).astype(np.float32)]


def minigrad_step_fn(x_np, y_np):
    torch = minigrad
    params = [torch.tensor(w, requires_grad=True) for w in initial_weights()]
    x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
    F = torch.nn.functional
    opt = torch.optim.SGD(params, lr=LR)

    def step():  # the same lines as torch_step_fn's
        w1, b1, w2, b2 = params
        loss = F.cross_entropy(F.linear(F.linear(x, w1, b1).tanh(), w2, b2), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss.item()

    return step


def torch_step_fn(x_np, y_np):
    import torch
    torch.set_num_threads(1)
    params = [torch.tensor(w, requires_grad=True) for w in initial_weights()]
    x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
    F = torch.nn.functional
    opt = torch.optim.SGD(params, lr=LR)

    def step():
        w1, b1, w2, b2 = params
        loss = F.cross_entropy(F.linear(F.linear(x, w1, b1).tanh(), w2, b2), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss.item()

    return step


def numpy_step_fn(x, y):
    w1, b1, w2, b2 = initial_weights()
    n = len(x)
    rows = np.arange(n)

    def step():
        nonlocal w1, b1, w2, b2
        h = np.tanh(x @ w1.T + b1)
        logits = h @ w2.T + b2
        shifted = logits - logits.max(1, keepdims=True)
        exp = np.exp(shifted)
        sum_exp = exp.sum(1, keepdims=True)
        loss = np.log(sum_exp[:, 0]).sum() - shifted[rows, y].sum()
        d_logits = exp / sum_exp
        d_logits[rows, y] -= 1
        d_logits /= n
        d_w2, d_b2 = d_logits.T @ h, d_logits.sum(0)
        d_h = (d_logits @ w2) * (1 - h * h)
        d_w1, d_b1 = d_h.T @ x, d_h.sum(0)
        w1 -= LR * d_w1
        b1 -= LR * d_b1
        w2 -= LR * d_w2
        b2 -= LR * d_b2
        return loss / n

    return step


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, nargs="+", default=[16, 64, 256, 1024])
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--minimal", action="store_true", help="also time the minimal closure engine")
    args = parser.parse_args()
    try:
        import torch  # noqa: F401
        have_torch = True
    except ImportError:
        have_torch = False
        print("PyTorch not installed: comparing with NumPy only")
    extra = f" {'minimal ms':>11} {'min/numpy':>10}" if args.minimal else ""
    print(f"{'batch':>6} {'minigrad ms':>12} {'torch ms':>10} {'numpy ms':>10} {'mg/torch':>9} {'mg/numpy':>9}" + extra)
    for batch in args.batches:
        x, y = digits(batch)
        steps = {"minigrad": minigrad_step_fn(x, y), "numpy": numpy_step_fn(x, y)}
        if have_torch:
            steps["torch"] = torch_step_fn(x, y)
        if args.minimal:
            steps["minimal"] = minimal_engine.step_fn(x, y, initial_weights(), LR)
        losses = {name: step() for name, step in steps.items()}
        if not np.allclose(list(losses.values()), losses["numpy"], rtol=1e-4):
            raise SystemExit(f"the implementations disagree on the first loss: {losses}")
        ms = time_steps(steps, args.seconds)  # engines take turns, round by round
        mg, npy, th = ms["minigrad"], ms["numpy"], ms.get("torch", float("nan"))
        extra = f" {ms['minimal']:>11.3f} {ms['minimal'] / npy:>10.2f}" if args.minimal else ""
        print(f"{batch:>6} {mg:>12.3f} {th:>10.3f} {npy:>10.3f} {mg / th:>9.2f} {mg / npy:>9.2f}" + extra)


if __name__ == "__main__":
    main()
