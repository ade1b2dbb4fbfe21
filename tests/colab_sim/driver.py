"""Runs inside the simulated Colab venv: executes notebooks as Colab's "Run all" does.

Usage: python driver.py REPORT.json KERNEL_NAME NOTEBOOK...

Each notebook runs in a fresh kernel, top to bottom, with every cell's tags removed (Colab ignores
``raises-exception``) and ``allow_errors=False`` (the first error stops the notebook, as Run all
does). For each notebook the report records where it stopped (if it did), the error, the time of the
first cell and its output, and any warning text on stderr. After the first notebook, the first cell
is run a second time in the same kernel and timed. Finally the report records the versions of what
Colab preinstalls and where ``minigrad`` was imported from.
"""

import json
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def text_of(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") in ("execute_result", "display_data"):
            parts.append(str(out.get("data", {}).get("text/plain", "")))
    return "".join(parts)


def stderr_of(nb):
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.get("outputs", []) if o.get("name") == "stderr")


def run(path, kernel_name, second_first_cell):
    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        cell.metadata.pop("tags", None)
    client = NotebookClient(nb, timeout=900, kernel_name=kernel_name, allow_errors=False,
                            resources={"metadata": {"path": str(path.parent)}})
    result = {"notebook": path.parent.name + "/" + path.name, "stopped_at": None}
    started = time.perf_counter()
    client.reset_execution_trackers()
    with client.setup_kernel():
        code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
        for index in code_cells:
            t0 = time.perf_counter()
            try:
                client.execute_cell(nb.cells[index], index)
            except CellExecutionError as error:
                result.update(stopped_at=index, ename=error.ename, evalue=error.evalue)
                break
            finally:
                if index == code_cells[0]:
                    result["first_cell_seconds"] = time.perf_counter() - t0
                    result["first_cell_output"] = text_of(nb.cells[index])
        if second_first_cell:
            again = nbformat.v4.new_code_cell(nb.cells[code_cells[0]].source)
            nb.cells.append(again)
            t0 = time.perf_counter()
            client.execute_cell(again, len(nb.cells) - 1)
            result["second_first_cell_seconds"] = time.perf_counter() - t0
            result["second_first_cell_output"] = text_of(again)
            probe = nbformat.v4.new_code_cell(
                "import json, minigrad, numpy, matplotlib, ipywidgets\n"
                "from minigrad_course.fonts import use_korean_font, bundled_font_files\n"
                "print(json.dumps({'minigrad': minigrad.__file__, 'version': minigrad.__version__,\n"
                "    'numpy': numpy.__version__, 'matplotlib': matplotlib.__version__,\n"
                "    'ipywidgets': ipywidgets.__version__, 'font': use_korean_font(),\n"
                "    'bundled_font_files': len(bundled_font_files())}))")
            nb.cells.append(probe)
            client.execute_cell(probe, len(nb.cells) - 1)
            result["probe"] = json.loads(text_of(probe).strip().splitlines()[-1])
    result["seconds"] = time.perf_counter() - started
    result["stderr"] = stderr_of(nb)
    return result


def main():
    report, kernel_name, *paths = sys.argv[1:]
    results = [run(Path(p), kernel_name, second_first_cell=(i == 0)) for i, p in enumerate(paths)]
    Path(report).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
