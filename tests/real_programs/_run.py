"""Run one real program with ``torch`` being either PyTorch or minigrad.

    python _run.py torch|minigrad PROGRAM.py
    python _run.py torch-all OUT_DIR PROGRAM.py ...   (PyTorch imported once; OUT_DIR/NAME.txt per program)
    python _run.py time-all torch|minigrad PROGRAM.py ...   (prints "NAME SECONDS" per program)

Under ``minigrad``, ``import torch`` (and ``torch.nn``, ``torch.nn.functional``, ``torch.optim``,
``torch.utils.data`` ...) gives minigrad's modules: the program runs unchanged. 
"""
import importlib
import os
import importlib.abc
import runpy
import sys
import time


class _NoSuchSubmodule(importlib.abc.MetaPathFinder):
    """``import torch.X`` for an X minigrad does not have: say so in one line."""

    def find_spec(self, name, path, target=None):
        if name.startswith("torch."):
            raise ModuleNotFoundError(f"minigrad has no module {name!r} (not in minigrad's PyTorch subset)",
                                      name=name)
        return None


def use_minigrad():
    import minigrad
    importlib.import_module("minigrad.nn.functional")
    for name, module in list(sys.modules.items()):
        if name == "minigrad" or name.startswith("minigrad."):
            sys.modules["torch" + name[len("minigrad"):]] = module
    sys.meta_path.insert(0, _NoSuchSubmodule())


def run_all_under_torch(out_dir, programs):
    """Each program in its own empty working directory, its stdout captured to a file."""
    import contextlib
    import io
    import tempfile

    import torch
    torch.set_num_threads(1)
    for program in programs:
        sys.path.insert(0, os.path.dirname(os.path.abspath(program)))
        output = io.StringIO()
        with tempfile.TemporaryDirectory() as workdir, contextlib.redirect_stdout(output):
            previous = os.getcwd()
            os.chdir(workdir)
            try:
                runpy.run_path(program, run_name="__main__")
            finally:
                os.chdir(previous)
        name = os.path.splitext(os.path.basename(program))[0]
        with open(os.path.join(out_dir, name + ".txt"), "w") as f:
            f.write(output.getvalue())


def time_all(backend, programs, repeats=2):
    """Print ``name seconds`` per program: the best of ``repeats`` runs after a warm-up run (one-time
    costs, such as PyTorch importing parts of itself on first use, excluded), output discarded."""
    import contextlib
    import io
    import tempfile
    if backend == "minigrad":
        use_minigrad()
    else:
        import torch
        torch.set_num_threads(1)
    for program in programs:
        sys.path.insert(0, os.path.dirname(os.path.abspath(program)))
        times = []
        with tempfile.TemporaryDirectory() as workdir:
            previous = os.getcwd()
            os.chdir(workdir)
            try:
                for _ in range(1 + repeats):
                    start = time.perf_counter()
                    with contextlib.redirect_stdout(io.StringIO()):
                        runpy.run_path(program, run_name="__main__")
                    times.append(time.perf_counter() - start)
            finally:
                os.chdir(previous)
        print(os.path.splitext(os.path.basename(program))[0], min(times[1:]), flush=True)


def main():
    if sys.argv[1] == "torch-all":
        return run_all_under_torch(sys.argv[2], sys.argv[3:])
    if sys.argv[1] == "time-all":
        return time_all(sys.argv[2], sys.argv[3:])
    backend, program = sys.argv[1], sys.argv[2]
    if backend == "minigrad":
        use_minigrad()
    else:
        import torch  # noqa: F401  (imported before the clock starts, as minigrad is)
        torch.set_num_threads(1)
    sys.path.insert(0, os.path.dirname(os.path.abspath(program)))  # the programs' shared _fixed.py
    runpy.run_path(program, run_name="__main__")

if __name__ == "__main__":
    main()
