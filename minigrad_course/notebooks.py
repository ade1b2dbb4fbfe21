"""Notebook sources, discovery and execution.

Each learner notebook is written as a jupytext percent-format file under ``course/``:
``course/notebooks/NN_topic.py`` gives ``notebooks/NN_topic.ipynb`` and
``course/solutions/NN_topic.py`` gives ``solutions/NN_topic.ipynb``; ``exercises/`` is generated from
``solutions/`` by :mod:`minigrad_course.build`.
"""

import os
import re
from pathlib import Path

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
SOURCE_DIRS = ("notebooks", "solutions")  # learner folders that have a source under course/
LEARNER_DIRS = ("notebooks", "exercises", "solutions")
COMPARED_METADATA = ("tags", "exercise", "points")
NAME_RE = re.compile(r"^\d\d_[a-z0-9_]+$")


def find_root(start=None):
    """The repository root: the nearest folder upwards holding pyproject.toml (else ``start``)."""
    start = Path(start or os.getcwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file() and (
            (folder / "course").is_dir() or (folder / "minigrad_course").is_dir()
            or (folder / "solutions").is_dir()
        ):
            return folder
    return start


def learner_notebooks(root, folders=LEARNER_DIRS):
    """Every .ipynb in the learner folders, sorted."""
    root = Path(root)
    found = []
    for folder in folders:
        found += sorted((root / folder).glob("*.ipynb"))
    return found


def source_pairs(root, names=None):
    """(source .py, target .ipynb) for every source under course/, filtered by ``names``
    (a name matches a stem, ``NN``, or a path to the source or the notebook)."""
    root = Path(root)
    pairs = []
    for folder in SOURCE_DIRS:
        for src in sorted((root / "course" / folder).glob("*.py")):
            pairs.append((src, root / folder / (src.stem + ".ipynb")))
    if not names:
        return pairs
    wanted = [Path(n).stem for n in names]
    return [(s, t) for s, t in pairs
            if any(s.stem == w or s.stem.startswith(w + "_") for w in wanted)]


def source_for(root, ipynb):
    """The jupytext source of a learner notebook (None for exercises/ or when there is none)."""
    ipynb = Path(ipynb)
    folder = ipynb.parent.name
    if folder not in SOURCE_DIRS:
        return None
    src = Path(root) / "course" / folder / (ipynb.stem + ".py")
    return src if src.is_file() else None


def read_source(path):
    """Read a percent-format source into an nbformat notebook with the course's metadata."""
    import jupytext

    nb = jupytext.read(str(path), fmt="py:percent")
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata.setdefault("language_info", {"name": "python"})
    nb.nbformat, nb.nbformat_minor = 4, 5
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:03d}"  # stable ids: regenerating gives the same file
        keep = {k: cell.metadata[k] for k in COMPARED_METADATA if k in cell.metadata}
        cell.metadata.clear()
        cell.metadata.update(keep)
    return nb


def cell_signature(nb):
    """What must agree between a notebook and its source: cell types, sources, key metadata."""
    return [
        (cell.cell_type, cell.source.strip(),
         {k: cell.metadata[k] for k in COMPARED_METADATA if k in cell.metadata})
        for cell in nb.cells
    ]


def source_mismatch(src, ipynb):
    """None when the notebook's cells match its source, else a short description."""
    import nbformat

    want = cell_signature(read_source(src))
    have = cell_signature(nbformat.read(str(ipynb), as_version=4))
    if want == have:
        return None
    if len(want) != len(have):
        return f"{len(have)} cells in the notebook, {len(want)} in {src.name}"
    for i, (w, h) in enumerate(zip(want, have)):
        if w != h:
            return f"cell {i} differs from {src.name} (run `minigrad-course notebooks {src.stem}`)"
    return "differs"  # pragma: no cover


def execute(nb, cwd, timeout=600):
    """Execute ``nb`` in place with nbclient (kernel python3, working folder ``cwd``).

    Errors stop execution except in cells tagged ``raises-exception``."""
    from nbclient import NotebookClient

    Path(cwd).mkdir(parents=True, exist_ok=True)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", allow_errors=False,
        resources={"metadata": {"path": str(cwd)}}, record_timing=False,
    )
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = merge_streams(cell.outputs)
    return nb


def merge_streams(outputs):
    """Join consecutive stdout (or stderr) chunks into one output: how the kernel happened to flush
    the text must not change the stored notebook from one run to the next."""
    merged = []
    for out in outputs:
        previous = merged[-1] if merged else None
        if (out.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream" and previous.get("name") == out.get("name")):
            previous["text"] += out["text"]
        else:
            merged.append(out)
    return merged


def write(nb, path):
    import nbformat

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = nbformat.writes(nb, version=4)
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text, encoding="utf-8")


def convert_and_execute(src, target, timeout=600, run=True):
    """Source → executed .ipynb at ``target``; returns the notebook."""
    nb = read_source(src)
    if run:
        execute(nb, Path(target).parent, timeout=timeout)
    write(nb, target)
    return nb
