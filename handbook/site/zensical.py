"""Zensical as the site generator: the same compiled pages and settings, rendered by Material's successor.

Zensical reads `mkdocs.yml` and Material's theme overrides, but runs no MkDocs plugins: everything
the handbook needs is already in the compiled pages, so nothing is lost. It has no `--site-dir`
option and wants the output inside the folder of its settings, so it writes there and the result
is moved into place. It writes some output even when strict mode fails, so only its exit status
says whether the build is good (the swap never happens otherwise).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from ..compile import Compiled
from ..errors import HandbookError

STYLE = "source"  # Zensical reads addresses in raw HTML relative to the page's source folder
INLINE_STYLES = True  # its search dialog adds a <style> element of its own (csp.py says why this is allowed)


def render(compiled: Compiled, site_dir: Path, *, verbose: bool = False) -> None:
    config = compiled.folder / "zensical.yml"
    output = compiled.folder / "site"
    settings = dict(compiled.settings)
    settings["theme"] = dict(settings["theme"], variant="classic")  # Material's look, search and overrides
    config.write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "zensical", "build", "--config-file", str(config), "--strict"],
                         cwd=compiled.folder, capture_output=not verbose, text=True)
    if run.returncode != 0:
        said = "\n".join(line for line in ((run.stdout or "") + (run.stderr or "")).splitlines() if line.strip())
        raise HandbookError(f"Zensical could not build the site:\n{said[-3000:]}")
    site_dir.mkdir(parents=True, exist_ok=True)
    for entry in output.iterdir():
        shutil.move(entry, site_dir / entry.name)
