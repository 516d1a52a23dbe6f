"""Every command the README, the docs, group.yml and the new-folder files name exists and has --help,
and the handbook's page of commands is made from that help (fresh)."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from handbook.cli import main
from handbook.cli.reference import PAGE, render_reference

from helpers import REPO

SOURCES = [REPO / "README.md", REPO / "group.yml", REPO / "checkers" / "README.md",
           *sorted((REPO / "docs").rglob("*.md")), *sorted((REPO / "handbook" / "group" / "new_folder").iterdir()),
           REPO / "templates" / "documents" / "README.md"]
# a command in `backticks`, or on a line of its own in a code block
HANDBOOK = re.compile(r"(?:`|^[ \t]*(?:\$ )?)(?:\.venv/bin/)?handbook ([a-z][a-z-]+)\b", re.MULTILINE)
TASKS = re.compile(r"python3 tasks\.py ([a-z]+)")


def named(pattern) -> set[tuple[str, str]]:
    found = set()
    for path in SOURCES:
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            found.add((path.relative_to(REPO).as_posix(), match.group(1)))
    return found


def test_the_docs_name_the_commands_they_teach():
    commands = {command for _, command in named(HANDBOOK)}
    assert {"new", "serve", "build", "build-all", "check", "documents", "diff", "export"} <= commands


@pytest.mark.parametrize("where, command", sorted(named(HANDBOOK)))
def test_every_handbook_command_named_exists_and_has_help(where, command):
    assert command in main.commands, f"{where} names `handbook {command}`, which does not exist"
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Example" in result.output


@pytest.mark.parametrize("where, task", sorted(named(TASKS)))
def test_every_task_named_exists(where, task):
    source = (REPO / "tasks.py").read_text(encoding="utf-8")
    assert f'task == "{task}"' in source, f"{where} names `python3 tasks.py {task}`, which does not exist"


def test_no_page_names_a_make_command_or_a_usb_stick():
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"`make \w+`|^make \w+", text, re.MULTILINE), path
        assert "USB" not in text and "file://" not in text, path


def test_the_page_of_commands_is_made_from_their_help():
    assert (REPO / PAGE).read_text(encoding="utf-8") == render_reference(), (
        "docs/about/commands.md is out of date: run `python -m handbook.cli.reference`.")
