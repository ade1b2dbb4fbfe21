"""The grading sandbox: submissions that try to escape get nothing, and cost only their exercise.

One solution notebook with a control exercise between the attacks; one submission whose every
other task attacks (reads planted secrets, the environment, another student's notebook, writes
outside, connects to a server on 127.0.0.1, allocates past the memory limit, writes a huge file,
leaves a process behind, forks 200 processes). Every attack scores 0, every control passes, no
secret appears in any file the grader writes, and no process of the submission survives.
"""

import os
import secrets
import socket
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest

from minigrad_course import cli, grade, sandbox

ROOT = Path(__file__).resolve().parents[1]
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

SECRET = "SECRET-" + secrets.token_hex(12)

CONTROL = "def task_{k}():\n    return {k}"


def _check(k):
    return (f"from minigrad_course.checks import expect_equal, passed\n"
            f"expect_equal(task_{k}(), {k}, what='task_{k}()')\npassed('02.{k}')")


def attacks(paths, port, marker):
    """Attack name -> body of task_k (returns what it stole; raises when the sandbox says no)."""
    return {
        "home secret": f"return open({str(paths['home_secret'])!r}).read()",
        "home by ~": "import os\nreturn open(os.path.expanduser('~/secret.txt')).read()",
        "beside the solutions": f"return open({str(paths['solutions_secret'])!r}).read()",
        "another student": f"return open({str(paths['other'])!r}).read()",
        "environment": "import os\nreturn os.environ['MINIGRAD_ESCAPE_SECRET']",
        "write outside": (f"open({str(paths['outside'])!r}, 'w').write('pwned')\n"
                          f"open({str(paths['submission_dir'] / 'pwned.txt')!r}, 'w').write('x')\n"
                          "return 'wrote'"),
        "network": (f"import socket\ns = socket.create_connection(('127.0.0.1', {port}), timeout=3)\n"
                    "return s.recv(100).decode()"),
        "memory": "block = bytearray(3 * 1024 ** 3)\nreturn len(block)",
        "huge file": ("with open('big.bin', 'wb') as f:\n"
                      "    for _ in range(300):\n        f.write(bytes(1024 * 1024))\nreturn 'big'"),
        "outlive": ("import subprocess, sys\n"
                    "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)', "
                    f"{marker!r}], start_new_session=True)\nreturn 'still here'"),
        "200 processes": ("import os, time\npids = []\nfor _ in range(200):\n    pid = os.fork()\n"
                          "    if pid == 0:\n        time.sleep(60)\n        os._exit(0)\n"
                          "    pids.append(pid)\nreturn len(pids)"),
    }


def _indent(body):
    return "\n".join("    " + line for line in body.splitlines())


def build(tmp, port, marker):
    """Solutions (with a secret beside them), two students, HOME with a secret; returns paths."""
    paths = {"home": tmp / "home", "solutions": tmp / "solutions", "subs": tmp / "subs",
             "outside": tmp / "outside-written.txt"}
    paths["home_secret"] = paths["home"] / "secret.txt"
    paths["solutions_secret"] = paths["solutions"] / "secret.txt"
    paths["submission_dir"] = paths["subs"] / "attacker"
    paths["other"] = paths["subs"] / "victim" / "02_escape.ipynb"
    for key in ("home", "solutions", "submission_dir"):
        paths[key].mkdir(parents=True)
    paths["other"].parent.mkdir(parents=True)
    for key in ("home_secret", "solutions_secret"):
        paths[key].write_text(SECRET)
    names = list(attacks(paths, port, marker))
    solution, attack, victim = [], [], []
    k = 0
    for name in ["control"] + [x for n in names for x in (n, "control")]:
        k += 1
        body = (f"    return {k}" if name == "control"
                else _indent(attacks(paths, port, marker)[name]))
        check = nbformat.v4.new_code_cell(_check(k), metadata={"exercise": f"02.{k}", "points": 1})
        solution += [nbformat.v4.new_code_cell(CONTROL.format(k=k)), check]
        attack += [nbformat.v4.new_code_cell(f"def task_{k}():  # {name}\n{body}"), check]
        victim += [nbformat.v4.new_code_cell(CONTROL.format(k=k)), check]
    for cells, path in ((solution, paths["solutions"] / "02_escape.ipynb"),
                        (attack, paths["submission_dir"] / "02_escape.ipynb"),
                        (victim, paths["other"])):
        nbformat.write(nbformat.v4.new_notebook(cells=cells,
                                                metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}),
                       str(path))
    (paths["other"].parent / "private.txt").write_text(SECRET)
    paths["names"] = ["control"] + [x for n in names for x in (n, "control")]
    return paths


class SecretServer:
    """A TCP server on 127.0.0.1 that hands the secret to whoever connects (bounded, stops)."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        deadline = time.monotonic() + 600
        while not self.stop.is_set() and time.monotonic() < deadline:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            with conn:
                conn.sendall(SECRET.encode())

    def close(self):
        self.stop.set()
        self.thread.join(5)
        self.sock.close()


def _alive_with(marker):
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if marker.encode() in Path(f"/proc/{entry.name}/cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


@pytest.fixture(scope="module")
def escaped(tmp_path_factory):
    reason = sandbox.probe()
    if reason is not None:
        pytest.skip(f"bubblewrap cannot run here: {reason}")
    tmp = tmp_path_factory.mktemp("escape")
    marker = "minigrad-escape-marker-" + secrets.token_hex(8)
    server = SecretServer()
    saved = {k: os.environ.get(k) for k in ("HOME", "MINIGRAD_ESCAPE_SECRET")}
    try:
        paths = build(tmp, server.port, marker)
        os.environ["HOME"] = str(paths["home"])
        os.environ["MINIGRAD_ESCAPE_SECRET"] = SECRET
        out = tmp / "out" / "grades.csv"
        code = cli.main(["grade", str(paths["subs"]), "--out", str(out), "--solutions",
                         str(paths["solutions"]), "--jobs", "2", "--timeout", "30",
                         "--file-size-mb", "32",  # the 300 MB attack fails sooner
                         "--no-progress"])
        time.sleep(0.5)
        survivors = _alive_with(marker)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        server.close()
    for pid in survivors:  # never leave them behind, even when the test fails
        try:
            os.kill(pid, 9)
        except OSError:
            pass
    rows = [r for r in grade.gradebook.read_csv(out) if r["student"] == "attacker"]
    return {"code": code, "out": out, "paths": paths, "rows": rows, "server": server,
            "survivors": survivors}


def test_grading_ran(escaped):
    assert escaped["code"] == 0
    assert len(escaped["rows"]) == len(escaped["paths"]["names"])


def test_every_attack_scores_zero_and_every_control_passes(escaped):
    got = [(name, r["status"]) for name, r in zip(escaped["paths"]["names"], escaped["rows"])]
    for name, status in got:
        if name == "control":
            assert status == "pass", got
        else:
            assert status in ("error", "fail"), (name, got)


def test_attacks_were_stopped_by_the_sandbox(escaped):
    msgs = {name: r["message"] for name, r in zip(escaped["paths"]["names"], escaped["rows"])}
    for name in ("home secret", "home by ~", "beside the solutions", "another student"):
        assert msgs[name].startswith("FileNotFoundError"), (name, msgs[name])
    assert msgs["environment"].startswith("KeyError"), msgs["environment"]
    assert msgs["write outside"].startswith(("FileNotFoundError", "OSError", "PermissionError"))
    assert msgs["network"].startswith(("ConnectionRefusedError", "OSError")), msgs["network"]
    assert msgs["memory"].startswith("MemoryError"), msgs["memory"]
    assert "File too large" in msgs["huge file"], msgs["huge file"]
    assert "Resource temporarily unavailable" in msgs["200 processes"], msgs["200 processes"]
    assert escaped["server"].connections == 0
    assert not escaped["paths"]["outside"].exists()
    assert not (escaped["paths"]["submission_dir"] / "pwned.txt").exists()


def test_no_process_outlives_its_notebook(escaped):
    assert escaped["survivors"] == []


def test_secret_appears_in_no_output(escaped):
    folder = escaped["out"].parent
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert len(files) >= 4  # grades.csv, grades-totals.csv, two feedback files
    for path in files:
        assert SECRET not in path.read_text(encoding="utf-8-sig"), path


def test_victim_is_graded_normally(escaped):
    rows = [r for r in grade.gradebook.read_csv(escaped["out"]) if r["student"] == "victim"]
    assert {r["status"] for r in rows} == {"pass"}


def test_refuses_without_a_sandbox(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sandbox, "probe", lambda: "bubblewrap (bwrap) is not installed")
    fixtures = Path(__file__).parent / "fixtures" / "course"
    code = cli.main(["grade", str(fixtures / "submissions"), "--out", str(tmp_path / "g.csv"),
                     "--solutions", str(fixtures / "solutions"), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2
    assert "apt-get install bubblewrap" in err and "--no-sandbox" in err
    assert "샌드박스" in err
    assert not (tmp_path / "g.csv").exists()


def test_sandbox_sees_no_home_and_no_network():
    """The command itself, without Jupyter: what a sandboxed process can see."""
    if sandbox.probe() is not None:
        pytest.skip(f"bubblewrap cannot run here: {sandbox.probe()}")
    import subprocess
    import tempfile

    workdir = Path(tempfile.mkdtemp(prefix="minigrad-sbx-"))
    try:
        (workdir / "mine.txt").write_text("mine")
        sandbox.prepare(workdir)
        # the launcher silences stdout (kernels talk over sockets): the program writes a file
        code = ("import os, resource\n"
                "lines = [os.environ['HOME'] == os.getcwd(), open('mine.txt').read(),\n"
                f"         os.path.exists({str(ROOT / 'tests')!r}), os.path.exists('/root/.ssh'),\n"
                "         resource.getrlimit(resource.RLIMIT_AS)[0], os.getuid() == 0]\n"
                "open('seen.txt', 'w').write(' '.join(map(str, lines)))\n")
        cmd = sandbox.command([sys.executable, "-c", code], workdir, sandbox.Limits())
        subprocess.run(cmd, timeout=60, check=True)
        seen = (workdir / "seen.txt").read_text().splitlines()
    finally:
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)
    assert seen == [f"True mine False False {2048 * 1024 * 1024} False"]


def test_cpu_limit_kills_the_kernel_and_costs_only_its_exercise():
    """An endless loop under a 3-CPU-second limit: the kernel is killed (SIGXCPU) before the
    wall-clock timeout, the grader restarts it, and the other exercises still pass."""
    if sandbox.probe() is not None:
        pytest.skip(f"bubblewrap cannot run here: {sandbox.probe()}")
    fixtures = Path(__file__).parent / "fixtures" / "course"
    exercises = grade.load_solutions(fixtures / "solutions")[0]["01_square"]
    rows = grade.grade_notebook(str(fixtures / "submissions" / "loop" / "01_square.ipynb"),
                                exercises, timeout=120, limits=sandbox.Limits(cpu_seconds=3))
    assert [(r["status"], r["points"]) for r in rows] == [("error", 0), ("pass", 1), ("pass", 1)]
    assert rows[0]["message"] == grade.msg("died")
