"""No unused imports, undefined names or syntax errors anywhere in the project's Python."""
from __future__ import annotations

import subprocess
import sys

from helpers import REPO


def test_ruff_finds_nothing():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=REPO,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
