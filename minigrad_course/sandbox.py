"""Run a grading kernel inside a bubblewrap sandbox (Linux).

The sandboxed kernel sees a read-only system (``/usr``, ``/etc``, the Python environment and the
course packages, nothing else of the file system) and one writable folder: the temporary folder
that holds its copy of the submission (also its ``HOME`` and ``/tmp``). It has its own network
namespace (no network at all, not even the host's loopback), its own PID namespace (every process it
starts dies with it), a clean environment, and resource limits set before Python starts: address
space (memory), processes, CPU seconds and file size.

The kernel talks to the grader over Unix sockets in its temporary folder (``transport="ipc"``), so
it needs no network. Run as root, the kernel drops to an unused user id, so that the process limit
applies to it alone; run as an ordinary user, the limit counts that user's processes, and it is set
to the number running now plus ``processes``.
"""

import dataclasses
import functools
import importlib.util
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

MB = 1024 * 1024

FIX = ("install bubblewrap (Debian/Ubuntu: sudo apt-get install bubblewrap; Fedora: sudo dnf install "
       "bubblewrap), grade inside a Linux container (docs/grading.md), or pass --no-sandbox to run "
       "student code with your own rights")
FIX_KO = ("bubblewrap을 설치하거나(Debian/Ubuntu: sudo apt-get install bubblewrap; Fedora: sudo dnf "
          "install bubblewrap), Linux 컨테이너 안에서 채점하거나(docs/grading.md), 학생 코드를 내 권한으로 "
          "실행해도 된다면 --no-sandbox를 붙이세요")


@dataclasses.dataclass(frozen=True)
class Limits:
    """Per-kernel resource limits (``None`` = no limit)."""

    memory_mb: int = 2048        # RLIMIT_AS: address space of each process
    processes: int = 64          # RLIMIT_NPROC: processes and threads
    cpu_seconds: int = 900       # RLIMIT_CPU: CPU time of each process (kills the kernel)
    file_size_mb: int = 256      # RLIMIT_FSIZE: largest file it may write


class SandboxUnavailable(Exception):
    """No working sandbox on this machine (the message says why and how to fix it)."""


# --------------------------------------------------------------------------------------------
# Is bubblewrap there, and does it run?


def find_bwrap():
    return shutil.which("bwrap")


@functools.lru_cache(maxsize=None)
def probe():
    """None when a sandboxed process starts here, else the reason it does not."""
    if not sys.platform.startswith("linux"):
        return f"bubblewrap needs Linux (this is {sys.platform})"
    bwrap = find_bwrap()
    if bwrap is None:
        return "bubblewrap (bwrap) is not installed"
    workdir = Path(os.environ.get("TMPDIR", "/tmp"))
    # the sandboxed program's output is silenced: it answers with its exit code
    code = "import ipykernel, minigrad_course.checks; raise SystemExit(42)"
    cmd = command([sys.executable, "-c", code], workdir, Limits(), probe_only=True)
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap did not start: {exc}"
    if done.returncode != 42:
        detail = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        return f"bubblewrap cannot create a sandbox here: {detail}"
    return None


def require():
    """Raise SandboxUnavailable with a bilingual message when no sandbox can run."""
    reason = probe()
    if reason is not None:
        raise SandboxUnavailable(
            f"no sandbox for student code: {reason}. Fix: {FIX}. / 학생 코드를 격리할 샌드박스가 "
            f"없습니다: {reason}. 해결: {FIX_KO}.")


# --------------------------------------------------------------------------------------------
# What the kernel may read


SYSTEM_DIRS = ("/usr", "/etc")
TOP_LINKS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
PACKAGES = ("minigrad", "minigrad_course")


def package_dirs():
    """Folders of the course packages (bound alone: their repository may hold the solutions)."""
    dirs = []
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            dirs.append(Path(os.path.abspath(list(spec.submodule_search_locations)[0])))
    return dirs


def python_dirs():
    """The interpreter, its standard library and every site-packages folder."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
             str(Path(sys.executable).resolve().parent.parent)}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        paths.add(sysconfig.get_paths().get(key, ""))
    paths.update(getattr(site, "getsitepackages", lambda: [])())
    if site.ENABLE_USER_SITE and site.getusersitepackages():
        paths.add(site.getusersitepackages())
    found = set()
    for p in paths:
        if p and os.path.isdir(p):  # False, not an error, for a folder it may not read
            found.update({Path(os.path.abspath(p)), Path(p).resolve()})
    return sorted(found)


def readable_dirs():
    return sorted(set(python_dirs()) | set(package_dirs()))


# --------------------------------------------------------------------------------------------
# The command line


_LIMIT_CODE = """\
import os, resource, sys
null = os.open(os.devnull, os.O_WRONLY)  # the kernel's own start-up chatter
os.dup2(null, 1); os.dup2(null, 2)
memory, processes, cpu, fsize, uid = (int(v) for v in sys.argv[1:6])
if uid >= 0:  # never go on as root: no uid of its own means no sandbox (the probe fails)
    os.setgroups([]); os.setgid(uid); os.setuid(uid)
for name, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_NPROC, processes),
                    (resource.RLIMIT_CPU, cpu), (resource.RLIMIT_FSIZE, fsize)):
    if value > 0:
        resource.setrlimit(name, (value, value))
os.execv(sys.argv[6], sys.argv[6:])
"""


def _user_tasks():
    """Processes and threads this (non-root) user runs now: RLIMIT_NPROC counts them all."""
    uid, count = os.getuid(), 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += len(os.listdir(f"/proc/{entry.name}/task"))
            except OSError:
                pass
    return count


def sandbox_uid():
    """As root: an unused uid for this kernel (the process limit then counts its processes only)."""
    return 61000 + os.getpid() % 4000 if os.getuid() == 0 else -1


def command(argv, workdir, limits, probe_only=False):
    """bwrap command that runs ``argv`` with ``workdir`` as its only writable folder."""
    workdir = Path(workdir).resolve()
    cmd = [find_bwrap() or "bwrap", "--die-with-parent", "--new-session", "--unshare-ipc",
           "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
           "--hostname", "grader"]
    if os.getuid() == 0:  # no user namespace: root sets the sandbox up, the kernel drops to a uid
        cmd += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        cmd += ["--unshare-user", "--disable-userns"]
    for d in SYSTEM_DIRS:
        cmd += ["--ro-bind-try", d, d]
    for d in TOP_LINKS:
        if os.path.islink(d):
            cmd += ["--symlink", os.readlink(d), d]
        elif os.path.isdir(d):
            cmd += ["--ro-bind", d, d]
    cmd += ["--ro-bind-try", "/sys/devices/system/cpu", "/sys/devices/system/cpu"]
    cmd += ["--proc", "/proc", "--dev", "/dev"]
    # /tmp: a small tmpfs of its own, mounted before the binds below (the repository, its .venv or
    # the work folder may live under /tmp, as in CI)
    cmd += ["--perms", "1777", "--size", str((limits.file_size_mb or 256) * MB), "--tmpfs", "/tmp"]
    readable = readable_dirs()
    # folders bwrap creates on the way to a bound one would be private to root (0700)
    parents = {p for d in [*readable, workdir] for p in d.parents if str(p) != "/"}
    for p in sorted(parents, key=lambda p: len(p.parts)):
        if not any(p == d or p.is_relative_to(d) for d in readable):
            cmd += ["--perms", "0755", "--dir", str(p)]
    for d in readable:
        cmd += ["--ro-bind", str(d.resolve()), str(d)]
    if not probe_only:  # at its real path: the grader's kernel client uses it for the sockets
        cmd += ["--bind", str(workdir), str(workdir)]
    home = str(workdir)
    pythonpath = os.pathsep.join(dict.fromkeys(str(d.parent) for d in package_dirs()))
    env = {"HOME": home, "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
           "PYTHONPATH": pythonpath, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TMPDIR": "/tmp",
           "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
           "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    cmd += ["--clearenv"]
    for key, value in env.items():
        cmd += ["--setenv", key, value]
    cmd += ["--chdir", home if not probe_only else "/tmp", "--"]
    uid = sandbox_uid()
    processes = limits.processes or 0
    if processes and uid < 0:
        processes += _user_tasks()
    numbers = [(limits.memory_mb or 0) * MB, processes, limits.cpu_seconds or 0,
               (limits.file_size_mb or 0) * MB, uid]
    return cmd + [sys.executable, "-c", _LIMIT_CODE, *map(str, numbers), *argv]


def prepare(workdir):
    """Make ``workdir`` usable by the sandboxed kernel (its /tmp; its owner when run as root)."""
    workdir = Path(workdir)
    uid = sandbox_uid()
    if uid >= 0:
        for path in [workdir, *workdir.rglob("*")]:
            os.chown(path, uid, uid, follow_symlinks=False)


# --------------------------------------------------------------------------------------------
# A Jupyter kernel manager that starts its kernel in the sandbox


def kernel_manager_class(workdir, limits):
    """An AsyncKernelManager class whose kernels run sandboxed in ``workdir`` (for nbclient)."""
    from jupyter_client.manager import AsyncKernelManager

    workdir = Path(workdir).resolve()
    sockets = workdir / ".kernel"
    sockets.mkdir(exist_ok=True)
    prepare(workdir)

    class SandboxedKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.transport = "ipc"  # Unix sockets in the work folder: the kernel has no network
            self.ip = str(sockets / "kernel")
            self.connection_file = str(sockets / "kernel.json")

        def write_connection_file(self, **kwargs):
            super().write_connection_file(**kwargs)
            uid = sandbox_uid()
            if uid >= 0:
                os.chown(self.connection_file, uid, uid)

        def format_kernel_cmd(self, extra_arguments=None):
            argv = [sys.executable, "-m", "ipykernel_launcher", "-f", self.connection_file]
            return command(argv + list(extra_arguments or []), workdir, limits)

    return SandboxedKernelManager
