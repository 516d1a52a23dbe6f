"""Every benchmark still runs against the current code: each imports, the quick ones run, and the
browser one runs once (about a minute)."""
from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from helpers import REPO

BENCHMARKS = sorted((REPO / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("path", BENCHMARKS, ids=lambda p: p.name)
def test_every_benchmark_imports(path):
    spec = importlib.util.spec_from_file_location(f"benchmark_{path.stem}", path)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))


@pytest.mark.slow  # enumerates every answer: tens of seconds
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




def test_the_first_answers_benchmark_runs_and_prints_its_figures():
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "first_answers.py"), "--checker", "concern"],
                         capture_output=True, text=True, cwd=REPO, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "concern 1.1: 240 answer sets" in run.stdout and "KB gzip" in run.stdout
