"""benchmarks/record_stdlib.mjs, the documented way to re-record the standard library on a Pyodide upgrade,
still runs on the pinned runtime and records exactly the list committed in handbook/browser/stdlib.py."""
from __future__ import annotations

import subprocess

from handbook.browser import runtime
from handbook.browser.stdlib import KEEP
from helpers import REPO


def test_recording_the_standard_library_again_gives_the_committed_list(build):
    run = subprocess.run([*runtime.node_command(), str(REPO / "benchmarks" / "record_stdlib.mjs"),
                          str(runtime.PYODIDE.folder), str(build())], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == sorted(KEEP)
