"""The lanes stay apart: collecting the rules lane imports nothing of the site build, the pictures, the PDFs
or the browser, and every test file sits in a lane folder."""
from __future__ import annotations

import subprocess
import sys

from helpers import REPO

HEAVY = ("handbook.site.build", "mkdocs", "zensical", "PIL", "weasyprint", "playwright", "docx")
COLLECT = f"""
import sys, pytest
code = pytest.main(["-q", "--collect-only", "-p", "no:cacheprovider", "tests/rules"])
print(sorted(name for name in {HEAVY!r} if name in sys.modules))
sys.exit(code)
"""


def test_the_rules_lane_imports_no_site_build_pictures_pdfs_or_browser():
    run = subprocess.run([sys.executable, "-c", COLLECT], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"


def test_every_test_file_is_in_a_lane_folder():
    tests = REPO / "tests"
    lanes = {"rules", "unit", "site", "browser"}
    assert {path.parent.name for path in tests.rglob("test_*.py")} == lanes
    assert not list(tests.glob("test_*.py"))
