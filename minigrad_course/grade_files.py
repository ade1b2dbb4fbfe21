"""Which solution notebooks to grade, and which submitted file is which notebook.

Real submissions are named the way browsers, Colab and Jupyter name copies:
``03_derivatives (1).ipynb`` (a second download), ``Copy of 03_derivatives.ipynb`` (Colab's "Save a
copy in Drive"; ``03_derivatives의 사본.ipynb`` in Colab's Korean interface),
``03_derivatives - Copy.ipynb`` (Windows Explorer), ``03_derivatives-Copy1.ipynb`` (Jupyter's
"Duplicate"), ``.ipynb_checkpoints/03_derivatives-checkpoint.ipynb`` (Jupyter's autosave) and
``03_Derivatives.ipynb``. Each is matched to its notebook; when several files match one notebook,
the closest name wins (exact, then case or spacing, then a copy, then a checkpoint; the newest file
among equals). Every other ``.ipynb`` is reported.
"""

import hashlib
import os
import re
from pathlib import Path

COPY_PREFIX = re.compile(r"^(copy of\s+)+", re.IGNORECASE)
COPY_SUFFIX = re.compile(
    r"(\s*\(\d+\)|\s*-\s*copy(\s*\(\d+\))?|-copy\d+|\s*의\s*사본|-checkpoint|_checkpoint)+$",
    re.IGNORECASE)
JUNK_DIRS = {"__MACOSX"}  # macOS zip resource forks (._name.ipynb): never notebooks


def normal_stem(stem):
    """``Copy of 03_Derivatives (1)`` -> ``03_derivatives``."""
    stem = COPY_PREFIX.sub("", stem.strip())
    stem = COPY_SUFFIX.sub("", stem).strip()
    return re.sub(r"[\s\-_]+", "_", stem).lower()


def _rank(path, notebook):
    """0 exact name, 1 case or spacing differs, 2 a copy's name, 3 a checkpoint."""
    if ".ipynb_checkpoints" in path.parts or path.stem.lower().endswith("checkpoint"):
        return 3
    if path.stem == notebook:
        return 0
    if re.sub(r"[\s\-_]+", "_", path.stem).lower() == notebook.lower():
        return 1
    return 2


def submitted_files(folder):
    """Every ``.ipynb`` under a student's folder (sorted, relative paths), and the ones that are
    symbolic links (never read: a link in an unpacked archive could point at any file)."""
    folder = Path(folder)
    files, links = [], []
    for top, dirs, names in os.walk(folder):  # does not follow links to folders
        dirs[:] = [d for d in dirs if d not in JUNK_DIRS]
        for name in names:
            path = Path(top) / name
            if path.suffix.lower() != ".ipynb" or name.startswith("._"):
                continue
            if path.is_symlink():
                links.append(path.relative_to(folder))
            elif path.is_file():
                files.append(path.relative_to(folder))
    order = lambda p: (len(p.parts), p.as_posix())  # noqa: E731
    return sorted(files, key=order), sorted(links, key=order)


def match(folder, notebooks, known=()):
    """({notebook: path or None}, [(path, reason)] for files not graded) for one student folder.

    ``notebooks`` are the stems graded now; ``known`` are every notebook of the course, so a file
    belonging to another assignment is not reported as unknown."""
    folder = Path(folder)
    by_key = {normal_stem(n): n for n in notebooks}
    other = {normal_stem(n) for n in known} - set(by_key)
    candidates = {n: [] for n in notebooks}
    files, links = submitted_files(folder)
    ignored = [(rel, "link") for rel in links]
    for rel in files:
        key = normal_stem(rel.stem)
        if key in by_key:
            notebook = by_key[key]
            mtime = (folder / rel).stat().st_mtime
            candidates[notebook].append((_rank(rel, notebook), -mtime, rel.as_posix(), rel))
        elif key not in other:
            ignored.append((rel, "unknown"))
    chosen = {}
    for notebook, found in candidates.items():
        found.sort()
        chosen[notebook] = folder / found[0][3] if found else None
        ignored += [(rel, f"duplicate:{notebook}:{found[0][3].as_posix()}")
                    for *_, rel in found[1:]]
    return chosen, sorted(ignored, key=lambda item: item[0].as_posix())


# --------------------------------------------------------------------------------------------
# Which solutions


def solution_files(paths, only=None):
    """Solution notebooks from folders and/or files, filtered by ``only`` (["03", "04_x"]).

    Returns (files to grade, stems of every notebook known in those folders)."""
    files, known = [], set()
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(p.glob("*.ipynb"))
        elif p.is_file() and p.suffix == ".ipynb":
            found = [p]
            known.update(q.stem for q in p.parent.glob("*.ipynb"))
        else:
            found = None
        if found is None:
            raise FileNotFoundError(p)
        files += found
        known.update(q.stem for q in found)
    if only:
        wanted = [w.strip() for w in only if w.strip()]
        files = [f for f in files
                 if any(f.stem == w or f.stem.split("_")[0] == w for w in wanted)]
    unique = {}
    for f in files:
        unique.setdefault(f.stem, f)
    return [unique[s] for s in sorted(unique)], known


# --------------------------------------------------------------------------------------------
# Sharding


def parse_shard(text):
    """``"2/5"`` -> (2, 5)."""
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", str(text))
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise ValueError(f"--shard must be K/N with 1 <= K <= N, got {text!r}")
    return int(m.group(1)), int(m.group(2))


def shard_of(student, n):
    """Shard (1..n) of a student: from a hash of the folder name, so it does not depend on which
    other students a machine sees."""
    digest = hashlib.sha256(student.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n + 1
