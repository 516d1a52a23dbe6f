"""The options several commands share, each defined once."""
from __future__ import annotations

from pathlib import Path

import click

from ..site import GENERATORS

config_option = click.option(
    "--config", "group_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="The group file (default: group.yml in the current folder).")
version_option = click.option(
    "--policy-version", "version", default=None, metavar="VERSION",
    help="This policy version from the group file (default: the latest).")
generator_option = click.option(
    "--generator", type=click.Choice(GENERATORS), default="mkdocs", show_default=True,
    help="The site generator that turns the pages into HTML.")
