"""Google Colab: one version, one address, the first cell's behaviour, README badges, Run all.

The full simulation (a built wheel installed by the first cell into a Colab-like venv) is in
tests/test_colab_simulation.py.
"""

import re
import subprocess
import sys

from pathlib import Path

import nbformat
import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

import minigrad
import minigrad_course
from minigrad._version import __version__
from minigrad_course import bootstrap, build, notebooks

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# What Colab preinstalls and the course must never upgrade there.
COLAB_PREINSTALLED = {"numpy", "matplotlib", "ipywidgets", "graphviz", "tqdm", "scikit-learn"}


def requirement_name(req):
    return re.match(r"[A-Za-z0-9_.-]+", req).group(0).lower()


def test_one_version_everywhere():
    assert minigrad.__version__ == minigrad_course.__version__ == __version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    assert "version" not in PYPROJECT["project"] and "version" in PYPROJECT["project"]["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "minigrad._version.__version__"}
    assert f'version="{__version__}"' in bootstrap.BOOTSTRAP_SOURCE
    assert f"minigrad-course {__version__}" in bootstrap.BOOTSTRAP_SOURCE


def test_distribution_name_and_address():
    project = PYPROJECT["project"]
    assert project["name"] == bootstrap.DISTRIBUTION == "minigrad-course"
    assert set(project["urls"].values()) == {bootstrap.REPO_URL}
    assert f'repo="{bootstrap.REPO_URL}"' in bootstrap.BOOTSTRAP_SOURCE


def test_colab_extra_is_slim_and_never_upgrades_colab():
    extra = PYPROJECT["project"]["optional-dependencies"]["colab"]
    names = {requirement_name(r) for r in extra}
    assert "jupyterlab" not in names and "notebook" not in names and "ipywidgets" not in names
    for req in extra:
        if requirement_name(req) in COLAB_PREINSTALLED:
            assert requirement_name(req) == req.strip(), f"{req}: a lower bound could upgrade Colab's copy"
    assert "koreanize-matplotlib" in names  # the Korean font Colab lacks
    for req in PYPROJECT["project"]["dependencies"]:  # numpy>=1.26 is older than any Colab's
        assert requirement_name(req) not in {"matplotlib", "ipywidgets"}


def test_readme_badges_list_every_notebook_at_the_one_address():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert bootstrap.readme_with_badges(readme, ROOT) == readme, \
        "README's badges are stale: run `python -m minigrad_course.bootstrap`"
    for folder in ("notebooks", "exercises"):
        for nb in sorted((ROOT / folder).glob("*.ipynb")):
            assert f"({bootstrap.colab_url(f'{folder}/{nb.name}')})" in readme, nb.name
    colab_links = re.findall(r"https://colab\.research\.google\.com/github/[^)\s]+", readme)
    assert colab_links and all(link.startswith(bootstrap.colab_url("")) for link in colab_links)
    for address in re.findall(r"https://github\.com/[^)\s`\"]+", readme):
        assert address.startswith(bootstrap.REPO_URL), address


def test_address_is_configurable():
    other = "https://github.com/someone/course-fork"
    assert bootstrap.colab_url("notebooks/00_x.ipynb", other) == \
        "https://colab.research.google.com/github/someone/course-fork/blob/main/notebooks/00_x.ipynb"
    table = bootstrap.badge_table(ROOT, other)
    assert "someone/course-fork" in table and bootstrap.github_path() not in table
    assert f'repo="{other}"' in bootstrap.bootstrap_source(repo_url=other)
    with pytest.raises(ValueError):
        bootstrap.github_path("https://gitlab.com/a/b")


def test_every_source_starts_with_the_bootstrap():
    for src in sorted((ROOT / "course").glob("*/*.py")):
        cell = notebooks.read_source(src).cells[0]
        assert cell.source == bootstrap.BOOTSTRAP_SOURCE, f"{src}: run python -m minigrad_course.bootstrap"
        assert cell.metadata["tags"] == list(bootstrap.BOOTSTRAP_TAGS)


# --- the first cell in a fake Colab, pip stubbed --------------------------------------------------

FAKE_PIP = '''
import importlib.metadata, subprocess, types
calls = []
def fake_run(args, **kw):
    calls.append(args[-1])
    ok = FAILING not in args[-1]
    return types.SimpleNamespace(returncode=0 if ok else 1, stdout="pip says hello\\n",
                                 stderr="" if ok else "ERROR: No matching distribution\\n")
subprocess.run = fake_run
real_version = importlib.metadata.version
def fake_version(name):
    if name == "minigrad-course" and INSTALLED:
        return INSTALLED
    raise importlib.metadata.PackageNotFoundError(name)
importlib.metadata.version = fake_version
'''


def run_cell(tmp_path, installed=None, failing="nothing fails"):
    (tmp_path / "google" / "colab").mkdir(parents=True, exist_ok=True)
    (tmp_path / "google" / "__init__.py").write_text("")
    (tmp_path / "google" / "colab" / "__init__.py").write_text("")
    code = (f"INSTALLED = {installed!r}\nFAILING = {failing!r}\n" + FAKE_PIP + bootstrap.BOOTSTRAP_SOURCE
            + "\nprint('CALLS', calls)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PYTHONPATH": str(tmp_path), "PATH": str(tmp_path)})  # no `dot` on PATH


def test_cell_installs_the_pinned_release_with_what_colab_lacks(tmp_path):
    result = run_cell(tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"CALLS ['minigrad-course[colab,svg]=={__version__}']" in result.stdout
    assert "pip says hello" not in result.stdout  # pip's output only on failure


def test_cell_does_nothing_when_the_version_is_installed(tmp_path):
    result = run_cell(tmp_path, installed=__version__)
    assert result.returncode == 0 and result.stdout == "CALLS []\n", result.stderr


def test_cell_replaces_another_version(tmp_path):
    result = run_cell(tmp_path, installed="0.0.1")
    assert f"CALLS ['minigrad-course[colab,svg]=={__version__}']" in result.stdout


def test_cell_falls_back_to_the_repository(tmp_path):
    result = run_cell(tmp_path, failing="==")
    assert result.returncode == 0, result.stderr
    assert f"'minigrad-course[colab,svg] @ git+{bootstrap.REPO_URL}']" in result.stdout


def test_cell_failure_shows_pip_output_and_what_to_do(tmp_path):
    result = run_cell(tmp_path, failing="minigrad-course")
    assert result.returncode == 1
    assert result.stdout.count("ERROR: No matching distribution") == 2  # pip's own words, both tries
    assert "RuntimeError: Installing the course failed" in result.stderr
    assert "강의 패키지 설치에 실패했습니다" in result.stderr and f"{bootstrap.REPO_URL}/issues" in result.stderr


# --- Run all on exercise notebooks as shipped: stop at the first exercise, nowhere else ------------

EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb"))


@pytest.mark.parametrize("path", EXERCISES, ids=[p.stem for p in EXERCISES])
def test_run_all_stops_at_the_first_unsolved_exercise(path):
    """As Colab's Run all does: tags ignored, execution stops at the first error."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(str(path), as_version=4)
    first_id, (first_check, _) = next(iter(build.check_cells(nb).items()))
    for cell in nb.cells:
        cell.metadata.pop("tags", None)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(path.parent)}})
    with pytest.raises(CellExecutionError) as stop:
        client.execute()
    assert stop.value.ename == "NotImplementedError"
    assert f"Exercise {first_id} is not done yet" in stop.value.evalue
    assert f"연습 문제 {first_id}: 아직 풀지 않았습니다" in stop.value.evalue
    failed = [i for i, c in enumerate(nb.cells)
              if any(o.get("output_type") == "error" for o in c.get("outputs", []))]
    assert len(failed) == 1 and failed[0] <= first_check


def test_update_sources_rewrites_only_the_first_cell(tmp_path):
    src = tmp_path / "course" / "notebooks" / "03_x.py"
    src.parent.mkdir(parents=True)
    rest = "# %% [markdown]\n# # Title · 제목\n\n# %%\nx = 1\n"
    src.write_text('# %% tags=["bootstrap", "nbval-ignore-output"]\nprint("old cell")\n\n' + rest)
    assert bootstrap.update_sources(tmp_path) == [src]
    nb = notebooks.read_source(src)
    assert nb.cells[0].source == bootstrap.BOOTSTRAP_SOURCE and nb.cells[2].source == "x = 1"
    assert src.read_text().endswith("\n" + rest)
    assert bootstrap.update_sources(tmp_path) == []  # idempotent
