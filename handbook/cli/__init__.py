"""The `handbook` command line: build, serve, check and publish a group's handbook.

Each command's docstring is its help, with an example; the handbook's page of commands is
generated from this help (docs/about/commands.md, checked fresh by a test).
"""
from __future__ import annotations

import click

from ..errors import HandbookError
from .documents import documents
from .group import new, upgrade
from .rules import answers, ask, check
from .site import build, build_all, export, publish, serve
from .versions import diff


class Commands(click.Group):
    """The commands, each of which says a user's mistake (a HandbookError) as its one sentence and
    exits non-zero, never with a traceback: said here once for every command."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except HandbookError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
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
