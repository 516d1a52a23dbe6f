"""The README's two commands are the ones CI and the task runner run: no drift."""
from __future__ import annotations

import os
import re

from click.testing import CliRunner

from handbook.cli import main

from helpers import REPO, tasks_module

README = (REPO / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[str]:
    """The commands in the README's "Two commands" section, in order."""
    section = README.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\s*(python3 tasks\.py \w+)\s*$", section, re.MULTILINE)


def test_the_readme_gives_one_command_to_serve_and_one_to_test():
    assert readme_commands() == ["python3 tasks.py serve", "python3 tasks.py test"]


def test_ci_runs_the_readmes_test_command_and_nothing_else():
    lines = [line for line in (REPO / ".ci" / "run").read_text().splitlines()
             if line.strip() and not line.startswith("#") and not line.startswith(("set ", "cd "))]
    assert lines == [readme_commands()[1]]


def test_the_task_runner_knows_both_tasks():
    source = (REPO / "tasks.py").read_text(encoding="utf-8")
    for command in readme_commands():
        task = command.split()[-1]
        assert f'task == "{task}"' in source


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.output, f"`handbook {name} --help` shows no example"


def test_the_test_task_runs_pytest_on_every_core_with_the_arguments_given(monkeypatch):
    tasks = tasks_module()
    ran = []
    monkeypatch.setattr(tasks, "setup", lambda for_tests=False: None)
    monkeypatch.setattr(tasks, "run", lambda *args, **kwargs: ran.append([str(arg) for arg in args]))
    tasks.main(["test", "tests/rules/test_rules_sharing.py"])
    cores = len(os.sched_getaffinity(0))
    assert ran == [[str(tasks.PYTHON), "-m", "pytest", "-n", str(min(4, cores)), "--dist", "loadfile",
                    "--durations=20", "tests/rules/test_rules_sharing.py"]]  # the longest named: CI's budget


def test_the_sites_the_tests_build_are_built_once_and_shared(build):
    """Under `python3 tasks.py test` each test process asks this fixture; the first builds, the rest read."""
    first = build(version="1.0")
    assert build(version="1.0") == first and (first.parent / "built").exists()
    assert first.parent.parent.name == "built-sites" and (first / "index.html").exists()
