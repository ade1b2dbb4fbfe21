"""Run one real program with ``torch`` being either PyTorch or minigrad.

    python _run.py torch|minigrad PROGRAM.py [TIMES_FILE]

Under ``minigrad``, ``import torch`` (and ``torch.nn``, ``torch.nn.functional``, ``torch.optim``,
``torch.utils.data`` ...) gives minigrad's modules: the program runs unchanged. The time the program
body takes (imports excluded) is appended to TIMES_FILE when given.
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


def main():
    backend, program = sys.argv[1], sys.argv[2]
    times_file = sys.argv[3] if len(sys.argv) > 3 else None
    if backend == "minigrad":
        use_minigrad()
    else:
        import torch  # noqa: F401  (imported before the clock starts, as minigrad is)
        torch.set_num_threads(1)
    sys.path.insert(0, os.path.dirname(os.path.abspath(program)))  # the programs' shared _fixed.py
    start = time.perf_counter()
    runpy.run_path(program, run_name="__main__")
    elapsed = time.perf_counter() - start
    if times_file:
        with open(times_file, "a") as f:
            f.write(f"{elapsed}\n")


if __name__ == "__main__":
    main()
