"""The `handbook` command line: build, serve, check and publish a group's handbook.

Each command's docstring is its help, with an example; the handbook's page of commands is
generated from this help (docs/about/commands.md, checked fresh by a test).
"""
from __future__ import annotations

import click

from .documents import documents
from .group import new, upgrade
from .rules import answers, ask, check
from .site import build, build_all, export, publish, serve
from .versions import diff


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="confidentiality-handbook", prog_name="handbook",
                      message="%(prog)s %(version)s")
def main() -> None:
    """Build, preview, check and publish a group's Confidentiality Handbook.

    Run the commands in your group's folder (the one with group.yml), or name the group file
    with --config.

    \b
    Examples:
      handbook serve                 # preview the handbook at http://127.0.0.1:8000
      handbook build --config other.yml
    """


for _command in (new, upgrade, build, serve, build_all, check, ask, answers, documents, diff, publish, export):
    main.add_command(_command)
