"""The README's two commands are the ones CI and the task runner run: no drift."""
from __future__ import annotations

import re

from click.testing import CliRunner

from handbook.cli import main

from conftest import REPO

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
