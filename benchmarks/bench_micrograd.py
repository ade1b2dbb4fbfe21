"""One training step of a 64-128-10 ReLU MLP (mean squared error to one-hot targets) on 16 digits:
minigrad against micrograd (scalar autograd, `pip install micrograd`), measured in the same run.

    python benchmarks/bench_micrograd.py

micrograd has only ReLU and no exp/log, so this step uses ReLU and a squared error. Not a test.
"""
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

import minigrad
from _timing import time_step
from bench_mlp import digits, initial_weights

BATCH, LR = 16, 0.01


def minigrad_step_fn(x_np, targets):
    params = [minigrad.tensor(w, requires_grad=True) for w in initial_weights()]
    x, t = minigrad.from_numpy(x_np), minigrad.from_numpy(targets)

    def step():
        w1, b1, w2, b2 = params
        out = (x @ w1.t() + b1).relu() @ w2.t() + b2
        loss = ((out - t) ** 2).sum() / BATCH
        loss.backward()
        with minigrad.no_grad():
            for p in params:
                p -= LR * p.grad
                p.grad = None
        return loss.item()

    return step


def micrograd_step_fn(x_np, targets):
    from micrograd.engine import Value

    w1, b1, w2, b2 = ([[Value(float(v)) for v in row] for row in np.atleast_2d(w)] for w in initial_weights())
    params = [v for group in (w1, b1, w2, b2) for row in group for v in row]
    rows = x_np.tolist()

    def step():
        loss = Value(0.0)
        for row, target in zip(rows, targets.tolist()):
            hidden = [sum((w * xi for w, xi in zip(ws, row)), b).relu() for ws, b in zip(w1, b1[0])]
            out = [sum((w * h for w, h in zip(ws, hidden)), b) for ws, b in zip(w2, b2[0])]
            loss = loss + sum((o - ti) ** 2 for o, ti in zip(out, target))
        loss = loss * (1.0 / BATCH)
        for p in params:
            p.grad = 0.0
        loss.backward()
        for p in params:
            p.data -= LR * p.grad
        return loss.data

    return step


def main():
    x, y = digits(BATCH)
    targets = np.eye(10, dtype=np.float32)[y]
    mg = minigrad_step_fn(x, targets)
    first = mg()
    mg_ms = time_step(mg, 1.0)
    try:
        micro = micrograd_step_fn(x, targets)
    except ImportError:
        print(f"minigrad {mg_ms:.3f} ms/step; micrograd not installed (pip install micrograd)")
        return
    micro_first = micro()
    if not np.isclose(first, micro_first, rtol=1e-4):
        raise SystemExit(f"the two disagree on the first loss: {first} vs {micro_first}")
    start = time.perf_counter()
    micro()
    micro_ms = (time.perf_counter() - start) * 1000
    print(f"batch {BATCH}: minigrad {mg_ms:.3f} ms/step, micrograd {micro_ms:.0f} ms/step, "
          f"micrograd/minigrad {micro_ms / mg_ms:.0f}x")


if __name__ == "__main__":
    main()
