"""Every benchmark still runs against the current code: each imports, the quick ones run, and the
browser one runs once (about a minute)."""
from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import REPO

BENCHMARKS = sorted((REPO / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("path", BENCHMARKS, ids=lambda p: p.name)
def test_every_benchmark_imports(path):
    spec = importlib.util.spec_from_file_location(f"benchmark_{path.stem}", path)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))


def test_the_rules_benchmark_runs_and_prints_its_figures():
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "rules.py")], capture_output=True, text=True,
                         cwd=REPO, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "sharing: decide() median" in run.stdout and "enumerated 94,208 combinations" in run.stdout


def test_the_scenarios_benchmark_runs_and_prints_its_figures():
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "scenarios.py"), "--count", "3000"],
                         capture_output=True, text=True, cwd=REPO, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "3,000 scenarios" in run.stdout and "handbook check --json (a new process" in run.stdout


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
