"""The handbook's page of commands (docs/about/commands.md), made from each command's --help.

    python -m handbook.cli.reference          # rewrite the page after changing a command

A test checks the page is fresh, so the docs never drift from the commands.
"""
from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

PAGE = Path("docs") / "about" / "commands.md"


def render_reference() -> str:
    from . import main

    runner = CliRunner()
    lines = ["# Commands", "",
             "Every `handbook` command, as `handbook COMMAND --help` prints it. Run them in your group's",
             "folder (the one with `group.yml`). This page is made from the commands themselves.", ""]
    for name in main.commands:
        help_text = runner.invoke(main, [name, "--help"], prog_name="handbook", terminal_width=100).output
        lines += [f"## handbook {name}", "", "```", help_text.rstrip().replace("Usage: handbook", "handbook"),
                  "```", ""]
    return "\n".join(lines)


def main() -> int:
    PAGE.write_text(render_reference(), encoding="utf-8")
    print(f"Wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
