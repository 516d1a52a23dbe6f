"""The `handbook` command line: build, serve and check a group's handbook."""
from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Build, serve and check a group's Confidentiality Handbook.

    \b
    Examples:
      handbook serve                 # preview the handbook at http://127.0.0.1:8000
      handbook build --config other.yml
    """
