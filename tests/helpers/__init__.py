"""The one home of what several tests share, so that no test module imports another.

    helpers            REPO and GROUPS (the example group and the test groups' folder)
    helpers.rules      every outcome of a checker under every version
    helpers.hostile    the corpus of malformed and hostile inputs
    helpers.documents  Word and PDF files read back as text
    helpers.sites      built sites (fixtures: build, generator, site_dir, hostile_site_dir, serve) and their text
    helpers.chromium   headless Chromium (fixtures: browser, page, axe, outside) and polling a page
    helpers.checker_page  a checker's form driven in the page, and the offline copy

Each module imports only what its own tests need: the rules lane never imports the site build.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GROUPS = REPO / "tests" / "groups"


def tasks_module():
    """tasks.py, the project's one entry point, loaded as a module."""
    spec = importlib.util.spec_from_file_location("tasks", REPO / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
