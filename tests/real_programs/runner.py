"""Run every real program under PyTorch and under minigrad and compare what they print.

    python tests/real_programs/runner.py [NAME ...]
    python tests/real_programs/runner.py --time [NAME ...]      (time minigrad against PyTorch)
    python tests/real_programs/runner.py --record [NAME ...]   (store what PyTorch prints in expected/)

prints one line per program: ``same`` (identical text), ``close`` (identical but for float32
rounding noise in printed numbers), ``DIFF`` or ``ERROR`` (minigrad's last stderr line); ``--time`` prints each program's time under
both and the ratio minigrad/PyTorch (best of 2 runs after a warm-up).
"""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"
EXPECTED = HERE / "expected"  # what PyTorch prints, recorded with --record (so the test runs without torch)
REPO = Path(os.environ.get("MINIGRAD_REPO", HERE.parent.parent))  # whose minigrad to run
RUN = HERE / "_run.py"

ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


def programs():
    return sorted(p for p in PROGRAMS.glob("*.py") if not p.name.startswith("_"))


def run(program, backend, timeout=120):
    """Run one program in a fresh process and working directory; return (returncode, stdout, stderr)."""
    env = dict(os.environ, PYTHONPATH=str(REPO), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
               MKL_NUM_THREADS="1", PYTHONHASHSEED="0")
    command = [sys.executable, str(RUN), backend, str(program)]
    with tempfile.TemporaryDirectory() as workdir:
        done = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True, timeout=timeout)
    return done.returncode, done.stdout, done.stderr


def compare(expected, actual, rel=1e-4):
    """'same', 'close' (numbers differ by float32 noise only) or 'DIFF'."""
    expected, actual = ADDRESS.sub("0x?", expected), ADDRESS.sub("0x?", actual)
    if expected == actual:
        return "same"
    if NUMBER.split(expected) != NUMBER.split(actual):
        return "DIFF"
    for a, b in zip(NUMBER.findall(expected), NUMBER.findall(actual)):
        if re.sub(r"\d", "0", a.lstrip("+-")) != re.sub(r"\d", "0", b.lstrip("+-")):
            return "DIFF"  # printed differently ("1." and "1" tell float from int), not just other digits
        x, y = float(a), float(b)
        decimals = len(a.split(".")[1].split("e")[0].split("E")[0]) if "." in a else 0
        if abs(x - y) > max(rel * abs(x), 2.5 * 10.0 ** -decimals * (1 if "e" not in a.lower() else abs(x))):
            return "DIFF"
    return "close"


def expected_output(program):
    return (EXPECTED / (program.stem + ".txt")).read_text()


def torch_output(program):
    code, out, err = run(program, "torch")
    if code != 0:
        raise RuntimeError(f"{program.name} fails under PyTorch itself:\n{err}")
    return out


def torch_outputs(chosen, timeout=600):
    """What PyTorch prints for each program, from one process (PyTorch is slow to import)."""
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory() as out_dir:
        subprocess.run([sys.executable, str(RUN), "torch-all", out_dir] + [str(p) for p in chosen],
                       env=env, check=True, capture_output=True, text=True, timeout=timeout)
        return {p.stem: (Path(out_dir) / (p.stem + ".txt")).read_text() for p in chosen}


def record(program):
    EXPECTED.mkdir(exist_ok=True)
    (EXPECTED / (program.stem + ".txt")).write_text(torch_output(program))


def check(program):
    """Run under minigrad; return (verdict, PyTorch's recorded stdout, minigrad stdout, minigrad stderr)."""
    out_t = expected_output(program)
    code_m, out_m, err_m = run(program, "minigrad")
    if code_m != 0:
        return "ERROR", out_t, out_m, err_m
    return compare(out_t, out_m), out_t, out_m, err_m


def timings(chosen, backend, timeout=3600):
    """Seconds per program under one backend (best of 2 runs after a warm-up, in one process)."""
    env = dict(os.environ, PYTHONPATH=str(REPO), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
               MKL_NUM_THREADS="1", PYTHONHASHSEED="0")
    done = subprocess.run([sys.executable, str(RUN), "time-all", backend] + [str(p) for p in chosen], env=env,
                          check=True, capture_output=True, text=True, timeout=timeout)
    return {name: float(seconds) for name, seconds in (line.split() for line in done.stdout.splitlines())}


def main(argv):
    if argv[:1] == ["--record"]:
        for program in [p for p in programs() if len(argv) == 1 or any(n in p.stem for n in argv[1:])]:
            record(program)
            print("recorded", program.stem, flush=True)
        return
    if argv[:1] == ["--time"]:
        chosen = [p for p in programs() if len(argv) == 1 or any(name in p.stem for name in argv[1:])]
        t_torch, t_mini = timings(chosen, "torch"), timings(chosen, "minigrad")
        for p in chosen:
            a, b = t_torch[p.stem], t_mini[p.stem]
            print(f"{p.stem:45s} torch {a * 1e3:8.1f} ms  minigrad {b * 1e3:8.1f} ms  ratio {b / a:5.2f}")
        return
    chosen = [p for p in programs() if not argv or any(name in p.stem for name in argv)]
    tally = {}
    for program in chosen:
        verdict, _, _, err = check(program)
        tally[verdict] = tally.get(verdict, 0) + 1
        line = f"{program.stem:45s} {verdict}"
        if verdict == "ERROR":
            line += "  " + (err.strip().splitlines() or ["?"])[-1][:150]
        print(line, flush=True)
    print(", ".join(f"{k}: {v}" for k, v in sorted(tally.items())), f"of {len(chosen)}")


if __name__ == "__main__":
    main(sys.argv[1:])
