"""Memory over 1,000 training steps: flat when each step's graph is freed.

    python benchmarks/bench_memory.py [--steps 1000] [--batch 64]

Trains the small digits CNN of bench_cnn.py (minigrad, PyTorch with one thread, hand-written NumPy),
each in a fresh subprocess, and samples the process's resident memory (RSS) every 100 steps. Reports
the RSS after the warm-up (step 100), at the end, the growth between them, and, for minigrad, how many
graph nodes are still alive at the end (0 expected: backward frees the graph, the loss goes out of scope).
Not a test.
"""
import argparse
import gc
import json
import os
import subprocess
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

HERE = os.path.dirname(os.path.abspath(__file__))


def rss_mb():
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2 ** 20


def run(impl, steps, batch):
    sys.path.insert(0, HERE)
    import bench_cnn
    x, y = bench_cnn.digits(batch)
    step = getattr(bench_cnn, f"{impl}_step_fn")(x, y)
    samples = {}
    for i in range(1, steps + 1):
        step()
        if i % 100 == 0:
            gc.collect()
            samples[i] = rss_mb()
    result = {"samples": samples}
    if impl == "minigrad":
        from minigrad.autograd.function import BackwardNode  # the recorded nodes (a leaf's AccumulateGrad stays)
        result["live_nodes"] = sum(isinstance(o, BackwardNode) for o in gc.get_objects())
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--impl", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.impl:  # child process: one implementation
        print(json.dumps(run(args.impl, args.steps, args.batch)))
        return
    impls = ["minigrad", "numpy"]
    try:
        import torch  # noqa: F401
        impls.insert(1, "torch")
    except ImportError:
        print("PyTorch not installed: minigrad and NumPy only")
    print(f"{args.steps} training steps of the digits CNN, batch {args.batch}; RSS in MB")
    print(f"{'':>9} {'at 100':>8} {'at end':>8} {'growth':>8} {'per 100':>8}  live graph nodes")
    for impl in impls:
        out = subprocess.run([sys.executable, __file__, "--impl", impl, "--steps", str(args.steps),
                              "--batch", str(args.batch)], capture_output=True, text=True, check=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        samples = {int(k): v for k, v in result["samples"].items()}
        first, last = samples[min(samples)], samples[max(samples)]
        per_100 = (last - first) / max(len(samples) - 1, 1)
        print(f"{impl:>9} {first:8.1f} {last:8.1f} {last - first:+8.2f} {per_100:+8.3f}  "
              f"{result.get('live_nodes', '-')}")


if __name__ == "__main__":
    main()
