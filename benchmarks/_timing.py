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


def time_steps(steps, seconds, repeats=10, warmup=5, clock=time.process_time):
    """Milliseconds of CPU time (or of ``clock``) per call of each step in ``steps`` (a dict name -> step),
    the best mean over short rounds of ``repeats`` calls.

    Made for a shared machine: the rounds take turns (a, b, c, a, b, c ...) for about ``seconds`` per
    step, so a burst of load falls on every step alike, and the clock is the process's CPU time, which
    does not count the time the process waits for a core. Every library runs on one thread here, so on
    an idle machine CPU time and wall time agree."""
    for step in steps.values():
        for _ in range(warmup):
            step()
    best = dict.fromkeys(steps, float("inf"))
    deadline = time.perf_counter() + seconds * len(steps)
    while time.perf_counter() < deadline:
        for name, step in steps.items():
            start = clock()
            for _ in range(repeats):
                step()
            best[name] = min(best[name], (clock() - start) / repeats)
    return {name: value * 1000 for name, value in best.items()}
