"""The Colab bootstrap: the first cell of every learner notebook.

In Google Colab it installs the course (minigrad with the ``course`` extra) from the repository;
anywhere else it does nothing and prints nothing. It is plain Python (no ``!`` magics) so that it
runs the same under nbclient, nbval and a plain ``python``.

``minigrad-course check`` verifies that every notebook's first cell is exactly ``BOOTSTRAP_SOURCE``
and carries ``BOOTSTRAP_TAGS``.
"""

REPO_URL = "https://github.com/minigrad-course/minigrad-course"

BOOTSTRAP_TAGS = ("bootstrap", "nbval-ignore-output")

BOOTSTRAP_SOURCE = f'''\
# Colab setup: installs the course in Google Colab, does nothing elsewhere.
# Colab 설정: Google Colab에서는 강의 패키지를 설치하고, 다른 곳에서는 아무것도 하지 않습니다.
import importlib.util, subprocess, sys
if importlib.util.find_spec("google") and importlib.util.find_spec("google.colab"):
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "setuptools",
                    "minigrad[course] @ git+{REPO_URL}"], check=True)'''


def bootstrap_cell():
    """A fresh nbformat code cell holding the bootstrap."""
    import nbformat

    return nbformat.v4.new_code_cell(BOOTSTRAP_SOURCE, metadata={"tags": list(BOOTSTRAP_TAGS)})
