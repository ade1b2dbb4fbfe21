"""``minigrad-course check``: lint learner notebooks against the course conventions.

Each problem is reported as ``path: cell N: [rule] message``. Rules:

kernelspec    kernelspec name is ``python3``
bootstrap     the first cell is the canonical Colab bootstrap, tagged ``bootstrap`` and
              ``nbval-ignore-output``
bilingual     every markdown cell (unless tagged ``figure-only``) has English and Korean prose,
              English first
markdown      emphasis renders: no ``**`` / ``*`` left as literal text (CommonMark does not close
              ``**word(gloss)**`` when Hangul follows directly)
glossary      no forbidden Korean terms; 기울기/그래디언트 not mixed with 변화도 (one mention
              allowed; cells tagged ``glossary-exempt`` are skipped)
executed      code cells executed in order, outputs stored (notebooks/ and solutions/)
seeded        randomness used only after a seed (``manual_seed`` / ``np.random.seed`` / ...)
local-path    no local paths or user names in outputs
error-output  no error outputs, and no ``raises-exception`` tag, in learner notebooks: Colab's "Run
              all" ignores the tag and stops at the first error (show an expected error with
              ``minigrad_course.errors.shows_error``). Exercise notebooks stop only at their stubs.
stderr        no warnings on stderr
figure-text   every literal title, axis label, legend entry and text on a plot (matplotlib calls)
              has English and Korean, English first
exercise      check cells well formed (id ``NN.k`` matching the file, points, import of the
              checks, ends with ``passed("NN.k")``), solution regions well formed
source        the notebook matches its jupytext source under ``course/``
exercises     ``exercises/`` is what ``minigrad-course build`` would write
"""

import getpass
import re
from pathlib import Path

from . import build, notebooks
from .bootstrap import BOOTSTRAP_SOURCE, BOOTSTRAP_TAGS

HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

# Terms GLOSSARY.md tells us to avoid, with the word to use instead.
FORBIDDEN_TERMS = {
    "자동 차별화": "자동 미분 (automatic differentiation)",
    "고차원 그래디언트": "고차 미분 / 고차 변화도 (higher-order gradient)",
    "고차원 변화도": "고차 변화도 (higher-order gradient)",
    "고차원 미분": "고차 미분 (higher-order derivative)",
}
GRADIENT_TERM = "변화도"
GRADIENT_ALTERNATIVES = ("기울기", "그래디언트")
GRADIENT_ALLOWED_MENTIONS = 1

RANDOM_USE = re.compile(
    r"\b(rand|randn|randint|randperm|rand_like|randn_like|randint_like|shuffle|normal|uniform|"
    r"choice|permutation|dropout|Dropout)\s*\(|shuffle\s*=\s*True|default_rng\(\s*\)")
SEED = re.compile(r"manual_seed\(|\bseed\(\s*\d|default_rng\(\s*\d|random_state\s*=\s*\d")

LOCAL_PATHS = [
    re.compile(p) for p in (
        r"/home/[^/\s'\"]+", r"/Users/[^/\s'\"]+", r"[A-Za-z]:\\+Users\\+", r"/root/",
        r"/tmp/", r"/private/var/", r"site-packages", r"dist-packages", r"\.venv/",
        r"/work/[^/\s'\"]+",
    )
]
COMMON_USER_NAMES = {"root", "user", "runner", "jovyan", "admin", "ubuntu", "vscode", "colab"}
STDERR_WARNING = re.compile(r"Warning|warnings\.warn|[Gg]lyph|findfont|Traceback")


# Matplotlib calls that put text on a figure: method name -> index of the text among the
# positional arguments. ``label=`` of any call in PLOT_CALLS is a legend entry.
FIGURE_TEXT_CALLS = {
    "set_title": 0, "set_xlabel": 0, "set_ylabel": 0, "set_zlabel": 0, "suptitle": 0,
    "supxlabel": 0, "supylabel": 0, "title": 0, "xlabel": 0, "ylabel": 0, "annotate": 0,
    "text": 2, "figtext": 2, "set_label": 0,
}
PLOT_CALLS = {
    "plot", "semilogx", "semilogy", "loglog", "scatter", "bar", "barh", "hist", "step", "stairs",
    "errorbar", "fill_between", "fill_betweenx", "axhline", "axvline", "hlines", "vlines",
    "stem", "imshow", "contour", "contourf", "pcolormesh", "boxplot", "violinplot", "pie",
}
# What needs no translation inside a figure text: math, code (``zero_grad()``, ``x_max``,
# ``nn.Linear``) and single letters (variable names such as ``x`` or ``h``).
FIGURE_CODE_LIKE = re.compile(
    r"\$[^$]*\$|[A-Za-z_][A-Za-z0-9_.]*\(\)|[A-Za-z0-9]*_[A-Za-z0-9_]*|[A-Za-z]+\.[A-Za-z.]+")


def _figure_text_language_problem(text):
    """None when ``text`` has English and Korean, English first (or is language-free); else why."""
    prose = FIGURE_CODE_LIKE.sub(" ", text)
    hangul, latin = HANGUL.search(prose), LATIN_WORD.search(prose)
    if hangul is None and latin is None:
        return None  # symbols, numbers, math: nothing to translate
    if hangul is None:
        return "English only"
    if latin is None:
        return "Korean only"
    if latin.start() > hangul.start():
        return "Korean before English"
    return None


def _literal_text(node):
    """The text of a string literal or f-string (formatted parts become a space), else None."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else " " for v in node.values)
    return None


def figure_text_problems(source):
    """Problems with the text a code cell puts on matplotlib figures.

    Only literal strings and f-strings are checked (a label held in a variable cannot be read
    without running the cell). Returns ``[(line, message), ...]``."""
    import ast

    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                     for line in source.splitlines())
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    texts = []  # (node, what)
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Attribute):
            continue
        name = call.func.attr
        if name in FIGURE_TEXT_CALLS and len(call.args) > FIGURE_TEXT_CALLS[name]:
            texts.append((call.args[FIGURE_TEXT_CALLS[name]], f"{name}()"))
        if name in FIGURE_TEXT_CALLS or name in PLOT_CALLS:
            texts += [(kw.value, f"{name}(label=...)") for kw in call.keywords if kw.arg == "label"]
        if name in FIGURE_TEXT_CALLS:
            texts += [(kw.value, f"{name}({kw.arg}=...)") for kw in call.keywords
                      if kw.arg in ("s", "t", "text")]
        if name == "legend":
            for arg in call.args:
                if isinstance(arg, (ast.List, ast.Tuple)):
                    texts += [(element, "legend()") for element in arg.elts]
            texts += [(element, "legend(labels=...)") for kw in call.keywords
                      if kw.arg == "labels" and isinstance(kw.value, (ast.List, ast.Tuple))
                      for element in kw.value.elts]
    problems = []
    for node, what in texts:
        text = _literal_text(node)
        problem = text is not None and _figure_text_language_problem(text)
        if problem:
            problems.append((node.lineno, f"{what} text {text.strip()!r} is {problem}: write "
                                          f"'English · 한국어' on figures"))
    return sorted(set(problems))


class Problem(tuple):
    """(path, cell index or None, rule, message)."""

    def __new__(cls, path, cell, rule, message):
        return super().__new__(cls, (str(path), cell, rule, message))

    def __str__(self):
        path, cell, rule, message = self
        where = f"{path}: cell {cell}" if cell is not None else path
        return f"{where}: [{rule}] {message}"


def strip_non_prose(markdown):
    """Markdown without code, math, links' targets, images, HTML tags and URLs."""
    text = re.sub(r"```.*?```|~~~.*?~~~", " ", markdown, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"\$[^$\n]*\$", " ", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\]\([^)]*\)", "] ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    return text


def bilingual_problem(markdown):
    """None when the markdown has English then Korean prose; else what is wrong."""
    text = strip_non_prose(markdown)
    hangul = HANGUL.search(text)
    latin = LATIN_WORD.search(text)
    if not text.strip():
        return None  # an empty cell or code only: nothing to translate
    if hangul is None:
        return "no Korean text (write English, then Korean; tag figure-only cells `figure-only`)"
    if latin is None:
        return "no English text (write English, then Korean)"
    if latin.start() > hangul.start():
        return "Korean comes before English (write English first, then Korean)"
    return None


def unrendered_emphasis(markdown):
    """The first piece of text whose ``**`` or ``__`` CommonMark would print literally, or None."""
    from markdown_it import MarkdownIt

    for block in MarkdownIt("commonmark").parse(markdown):
        for token in block.children or ():
            if token.type == "text" and ("**" in token.content or "__" in token.content):
                return token.content.strip()[:60]
    return None


def _tags(cell):
    tags = cell.get("metadata", {}).get("tags", [])
    return set(tags) if isinstance(tags, list) else set()


def _output_texts(cell):
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream":
            yield out.get("name", "stdout"), out.get("text", "")
        elif kind in ("execute_result", "display_data"):
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/") or mime.endswith("json"):
                    yield mime, value if isinstance(value, str) else str(value)
        elif kind == "error":
            yield "error", "\n".join([out.get("evalue", "")] + list(out.get("traceback", [])))


def check_notebook(path, root=None):
    """All problems of one notebook."""
    import nbformat

    path = Path(path)
    root = Path(root) if root else notebooks.find_root(path.parent)
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        rel = path
    folder = path.parent.name
    problems = []

    def add(cell, rule, message):
        problems.append(Problem(rel, cell, rule, message))

    try:
        nb = nbformat.read(str(path), as_version=4)
    except Exception as exc:
        add(None, "format", f"cannot read the notebook: {exc}")
        return problems

    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        add(None, "kernelspec", "kernelspec name must be 'python3'")

    cells = nb.cells
    if not cells or cells[0].cell_type != "code" or cells[0].source != BOOTSTRAP_SOURCE:
        add(0, "bootstrap", "the first cell must be the Colab bootstrap "
                            "(minigrad_course.bootstrap.BOOTSTRAP_SOURCE, exactly)")
    elif not set(BOOTSTRAP_TAGS) <= _tags(cells[0]):
        add(0, "bootstrap", "the bootstrap cell must be tagged " + ", ".join(BOOTSTRAP_TAGS))

    # bilingual
    for i, cell in enumerate(cells):
        if cell.cell_type == "markdown" and "figure-only" not in _tags(cell):
            problem = bilingual_problem(cell.source)
            if problem:
                add(i, "bilingual", problem)
        if cell.cell_type == "markdown":
            literal = unrendered_emphasis(cell.source)
            if literal:
                add(i, "markdown", f"emphasis shown as literal asterisks: {literal!r} "
                                   "(put a space or the gloss outside: **그래프**(graph)입니다)")

    # glossary
    mentions = []
    for i, cell in enumerate(cells):
        if "glossary-exempt" in _tags(cell):
            continue
        for term, instead in FORBIDDEN_TERMS.items():
            if term in cell.source:
                add(i, "glossary", f"avoid '{term}': use {instead} (GLOSSARY.md)")
        for term in GRADIENT_ALTERNATIVES:
            mentions += [(i, term)] * cell.source.count(term)
    if len(mentions) > GRADIENT_ALLOWED_MENTIONS:
        i, term = mentions[GRADIENT_ALLOWED_MENTIONS]
        add(i, "glossary", f"'{term}' used {len(mentions)} times: gradient is '{GRADIENT_TERM}' "
                           f"(one mention of 기울기/그래디언트 is allowed; tag a cell "
                           f"glossary-exempt for slopes)")

    # executed
    code = [(i, c) for i, c in enumerate(cells) if c.cell_type == "code" and c.source.strip()]
    last = 0
    for i, cell in code:
        count = cell.get("execution_count")
        if count is None:
            if folder != "exercises":
                add(i, "executed", "not executed: run `minigrad-course notebooks` to store outputs")
                break
            continue
        if count <= last:
            add(i, "executed", "cells were not executed in order from a fresh kernel")
            break
        last = count

    # seeded
    text = "\n".join(c.source for _, c in code)
    use = RANDOM_USE.search(text)
    seed = SEED.search(text)
    if use and (seed is None or seed.start() > use.start()):
        where = next(i for i, c in code if RANDOM_USE.search(c.source))
        add(where, "seeded", f"randomness ({use.group(0).strip()}...) before any seed: "
                             "call minigrad.manual_seed(...) first")

    # Run all must run through: Colab ignores raises-exception and stops at the first error
    for i, cell in enumerate(cells):
        if "raises-exception" in _tags(cell):
            add(i, "error-output", "tagged raises-exception: Colab's Run all ignores the tag and stops "
                                   "here; use `from minigrad_course.errors import shows_error`")

    # outputs: paths, user names, errors, stderr
    user = getpass.getuser()
    user_re = (re.compile(rf"\b{re.escape(user)}\b")
               if len(user) >= 3 and user.lower() not in COMMON_USER_NAMES else None)
    root_str = str(root.resolve())
    for i, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        for kind, value in _output_texts(cell):
            hit = next((p.search(value) for p in LOCAL_PATHS if p.search(value)), None)
            if hit or root_str in value:
                add(i, "local-path", f"output shows a local path ({hit.group(0) if hit else root_str})")
            elif user_re is not None and user_re.search(value):
                add(i, "local-path", f"output shows the user name '{user}'")
            if kind == "error":
                add(i, "error-output", "an error output: Colab's Run all would stop here "
                                       "(show an expected error with `with shows_error(...)`)")
            if kind == "stderr" and STDERR_WARNING.search(value):
                add(i, "stderr", "a warning on stderr: " + value.strip().splitlines()[0][:120])

    # figure text
    for i, cell in enumerate(cells):
        if cell.cell_type == "code":
            for line, message in figure_text_problems(cell.source):
                add(i, "figure-text", f"line {line}: {message}")

    # exercises
    checks = build.check_cells(nb)
    if folder == "solutions":
        if not checks:
            add(None, "exercise", "a solution notebook needs at least one check cell")
        number = path.stem[:2]
        for ex_id, (i, cell) in checks.items():
            if not build.EXERCISE_ID_RE.match(ex_id) or not ex_id.startswith(number + "."):
                add(i, "exercise", f"exercise id {ex_id!r} must be '{number}.k' in {path.name}")
            points = cell.metadata.get("points")
            if not isinstance(points, (int, float)) or isinstance(points, bool) or points <= 0:
                add(i, "exercise", f"check cell {ex_id} needs positive 'points' metadata")
            if "from minigrad_course.checks import" not in cell.source:
                add(i, "exercise", f"check cell {ex_id} must import from minigrad_course.checks")
            lines = [line for line in cell.source.strip().splitlines() if line.strip()]
            if not lines or lines[-1].strip() not in (f'passed("{ex_id}")', f"passed('{ex_id}')"):
                add(i, "exercise", f'check cell {ex_id} must end with passed("{ex_id}")')
        try:
            build.student_version(nb, path.name)
        except build.BuildError as exc:
            add(None, "exercise", str(exc))
    elif folder == "notebooks":
        for i, cell in enumerate(cells):
            if any(m in cell.source for m in build.MARKERS):
                add(i, "exercise", "solution / hidden-test markers belong in solutions/ only")

    # source
    if folder in notebooks.SOURCE_DIRS:
        src = notebooks.source_for(root, path)
        if src is None:
            add(None, "source", f"no jupytext source course/{folder}/{path.stem}.py")
        else:
            mismatch = notebooks.source_mismatch(src, path)
            if mismatch:
                add(None, "source", mismatch)
    return problems


def collect(paths, root):
    """The notebooks named by ``paths`` (files or folders); all learner notebooks by default."""
    if not paths:
        return notebooks.learner_notebooks(root)
    found = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(p.rglob("*.ipynb"))
        else:
            found.append(p)
    return [p for p in found if ".ipynb_checkpoints" not in p.parts]


def check(paths=None, root=None):
    """Problems of the given notebooks (whole repository when ``paths`` is empty)."""
    root = Path(root) if root else notebooks.find_root()
    problems = []
    for path in collect(paths, root):
        problems += check_notebook(path, root)
    if not paths:
        problems += [Problem("exercises", None, "exercises", p) for p in build.out_of_date(root)]
    return problems
