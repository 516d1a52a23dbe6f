"""The JavaScript keeps one style: ES modules everywhere (`import`/`export`, no `require`, no globals
shared between files), in the pinned formatter's layout, so that a change shows only what changed."""
from __future__ import annotations

import re
import subprocess

from helpers import REPO, tasks_module

TASKS = tasks_module()
FILES = sorted({path for pattern in TASKS.JAVASCRIPT for path in REPO.glob(pattern)})
CLASSIC = {"handbook/site/offline/sw.js"}  # a service worker: a module one is refused by some readers' browsers


def test_every_file_is_in_the_formatters_style():
    assert TASKS.PRETTIER.is_file(), "the formatter is not installed: run `python3 tasks.py setup`"
    run = subprocess.run([*map(str, TASKS.node_tool("node")), str(TASKS.PRETTIER), "--check", *TASKS.JAVASCRIPT],
                         capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.returncode == 0, f"run `python3 tasks.py format`:\n{run.stdout}{run.stderr}"


def test_every_file_is_an_es_module_loaded_as_one():
    assert len(FILES) >= 9
    for path in FILES:
        name, text = path.relative_to(REPO).as_posix(), path.read_text(encoding="utf-8")
        assert not re.search(r"\brequire\(|module\.exports|\"use strict\"|document\.currentScript", text), name
        if name not in CLASSIC and name.endswith(".mjs"):
            assert re.search(r"^(import|export) ", text, re.M), name
    pages = "\n".join(path.read_text(encoding="utf-8") for path in (REPO / "overrides").rglob("*.html"))
    loaded = re.findall(r"<script\b([^>]*)\bsrc=\"[^\"]*/([\w.]+\.m?js)\"", pages)
    assert loaded and all('type="module"' in attributes for attributes, _ in loaded), loaded
