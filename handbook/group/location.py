"""Where the group file is: the one place that decides it."""
from __future__ import annotations

from pathlib import Path

GROUP_FILE = "group.yml"


def group_file(config: Path | None = None) -> Path:
    """`--config FILE` when given, else group.yml in the current folder (a group's own folder)."""
    return Path(config) if config is not None else Path(GROUP_FILE)
