"""The browser benchmark (benchmarks/browser.py) runs once in real Chromium against a built site."""
from __future__ import annotations
import subprocess
import sys
from helpers import REPO


def test_the_browser_benchmark_runs_once_and_reports_every_page(build):
    """One run in real Chromium: each bare page and the checker page answer (the checkers-alone page
    with a decision), and the report has a row for each page and visit."""
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "browser.py"), "--site", str(build()),
                          "--runs", "1"], capture_output=True, text=True, cwd=REPO, timeout=900)
    assert run.returncode == 0, run.stderr
    rows = [line.split("|")[1].strip() for line in run.stdout.splitlines() if line.startswith("| ") and " ms |" in line]
    pages = ["own floor", "stock floor", "own floor in a worker", "checkers alone", "checker"]
    assert rows == [f"{page} {visit}" for page in pages for visit in ("cold", "warm")]


def test_the_browser_benchmark_stops_with_the_reason_when_a_page_gives_no_answer(build):
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "browser.py"), "--site", str(build()),
                          "--runs", "1", "--checker", "no_such_checker"], capture_output=True, text=True, cwd=REPO,
                         timeout=900)
    assert run.returncode != 0
    assert "checkers-alone/: no answer: There is no checker called 'no_such_checker'." in run.stderr
