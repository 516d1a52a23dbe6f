"""The `handbook` command line: build, serve and check a group's handbook."""
from __future__ import annotations

from pathlib import Path

import click

from . import site_build
from .errors import HandbookError

config_option = click.option(
    "--config", "group", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="The group file to build with (default: group.yml beside mkdocs.yml).")
version_option = click.option(
    "--policy-version", "version", default=None, metavar="VERSION",
    help="Build this policy version from the group file (default: the latest).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Build, serve and check a group's Confidentiality Handbook.

    \b
    Examples:
      handbook serve                 # preview the handbook at http://127.0.0.1:8000
      handbook build --config other.yml
    """


@main.command()
@config_option
@version_option
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the website (default: site/).")
@click.option("-v", "--verbose", is_flag=True, help="Show every step of the build.")
def build(group: Path | None, version: str | None, site_dir: Path | None, verbose: bool) -> None:
    """Build the handbook website into site/ (or --site-dir).

    The old site is replaced only when the whole build succeeds.

    \b
    Examples:
      handbook build
      handbook build --config tests/groups/hostile.yml --site-dir /tmp/hostile
    """
    try:
        written = site_build.build(group=group, version=version, site_dir=site_dir, verbose=verbose)
    except HandbookError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Built the handbook in {written}")


@main.command()
@config_option
@version_option
@click.option("--port", default=8000, show_default=True, help="The port to serve on (on 127.0.0.1 only).")
def serve(group: Path | None, version: str | None, port: int) -> None:
    """Preview the handbook at http://127.0.0.1:PORT, rebuilding when files change.

    \b
    Example:
      handbook serve --port 8001
    """
    try:
        site_build.serve(group=group, version=version, port=port)
    except HandbookError as error:
        raise click.ClickException(str(error)) from None


from .cli_rules import answers, ask, check  # noqa: E402  (the rules' commands live in their own module)

for _command in (check, ask, answers):
    main.add_command(_command)

from .cli_documents import documents  # noqa: E402  (the documents' command lives in its own module)

main.add_command(documents)

from .cli_versions import diff, export, publish  # noqa: E402  (the versions' commands live in their own module)

for _command in (publish, export, diff):
    main.add_command(_command)
