"""Per-operation micro-benchmark: elementwise ops on float32 tensors of 10^4 to 10^6 elements,
minigrad vs PyTorch (CPU, one thread) vs the plain NumPy expression, measured in the same run with the
libraries taking turns.

    python benchmarks/bench_ops.py [--sizes 10000 100000 1000000] [--seconds 0.2] [--backward]

Prints microseconds per call and the ratios minigrad/PyTorch and minigrad/NumPy. ``--backward`` times
forward + backward of ``op(x).sum()`` instead of the forward alone. Not a test: nothing asserts on time.
"""
import argparse
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

import minigrad
from _timing import time_steps

# name: (how a tensor library computes it, how NumPy computes it); b is a second operand (positive)
OPS = {
    "add": (lambda x, b: x + b, lambda x, b: x + b),
    "mul": (lambda x, b: x * b, lambda x, b: x * b),
    "div": (lambda x, b: x / b, lambda x, b: x / b),
    "mul scalar": (lambda x, b: x * 2.5, lambda x, b: x * np.float32(2.5)),
    "neg": (lambda x, b: -x, lambda x, b: -x),
    "exp": (lambda x, b: x.exp(), np.exp),
    "log": (lambda x, b: b.log(), lambda x, b: np.log(b)),
    "sqrt": (lambda x, b: b.sqrt(), lambda x, b: np.sqrt(b)),
    "tanh": (lambda x, b: x.tanh(), np.tanh),
    "sigmoid": (lambda x, b: x.sigmoid(), lambda x, b: 1 / (1 + np.exp(-x))),
    "relu": (lambda x, b: x.relu(), lambda x, b: np.maximum(x, np.float32(0))),
    "abs": (lambda x, b: x.abs(), np.abs),
    "pow 2": (lambda x, b: x.pow(2), lambda x, b: x * x),
    "pow 3": (lambda x, b: x.pow(3), lambda x, b: x * x * x),
    "pow 0.5": (lambda x, b: b.pow(0.5), lambda x, b: np.sqrt(b)),
}


def arrays(n, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n).astype(np.float32)
    b = rng.uniform(0.5, 2.0, n).astype(np.float32)
    return x, b


def call_of(lib, op, x_np, b_np, backward):
    """One call of ``op`` in ``lib`` (minigrad or torch), ready to be timed."""
    x = lib.tensor(x_np, requires_grad=backward)
    b = lib.tensor(b_np, requires_grad=backward)
    if not backward:
        def call():
            op(x, b)
    else:
        def call():
            x.grad = b.grad = None
            op(x, b).sum().backward()
    return call


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seconds", type=float, default=0.2)
    parser.add_argument("--backward", action="store_true")
    parser.add_argument("--ops", nargs="+", default=list(OPS))
    args = parser.parse_args()
    try:
        import torch
        torch.set_num_threads(1)
    except ImportError:
        torch = None
        print("PyTorch not installed: comparing with NumPy only")
    what = "forward + backward of op(x).sum()" if args.backward else "forward"
    print(f"float32, {what}, microseconds per call (best mean of rounds)")
    print(f"{'op':>11} {'n':>8} {'minigrad':>9} {'torch':>9} {'numpy':>9} {'mg/torch':>9} {'mg/numpy':>9}")
    for name in args.ops:
        tensor_op, numpy_op = OPS[name]
        for n in args.sizes:
            x_np, b_np = arrays(n)
            expected = numpy_op(x_np, b_np)
            got = tensor_op(minigrad.tensor(x_np), minigrad.tensor(b_np)).numpy()
            if not np.allclose(got, expected, rtol=1e-5, atol=1e-6):
                raise SystemExit(f"{name}: minigrad disagrees with NumPy")
            calls = {"minigrad": call_of(minigrad, tensor_op, x_np, b_np, args.backward),
                     "numpy": lambda: numpy_op(x_np, b_np)}
            if torch:
                calls["torch"] = call_of(torch, tensor_op, x_np, b_np, args.backward)
            ms = time_steps(calls, args.seconds)  # the libraries take turns, round by round
            mg, npy, th = ms["minigrad"] * 1000, ms["numpy"] * 1000, ms.get("torch", float("nan")) * 1000
            print(f"{name:>11} {n:>8} {mg:>9.1f} {th:>9.1f} {npy:>9.1f} {mg / th:>9.2f} {mg / npy:>9.2f}")


if __name__ == "__main__":
    main()
