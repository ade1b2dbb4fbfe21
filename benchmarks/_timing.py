"""Shared by the benchmarks: how a training step is timed."""
import time


def time_step(step, seconds, repeats=10, warmup=5):
    """Milliseconds per call of ``step``: the best mean over short rounds of ``repeats`` calls,
    run for about ``seconds``. The best round is the least disturbed by other processes."""
    for _ in range(warmup):
        step()
    best = float("inf")
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        for _ in range(repeats):
            step()
        best = min(best, (time.perf_counter() - start) / repeats)
    return best * 1000
