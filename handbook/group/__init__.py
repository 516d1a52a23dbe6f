"""The group: its file (group.yml), read safely, checked against the schema, with errors a coordinator can act on."""
from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from ..errors import HandbookError
from ..yaml_input import key_without_space, read_yaml
from .brand import check_logo
from .errors import describe
from .location import GROUP_FILE, group_file
from .schema import Group, PolicyVersion

__all__ = ["GROUP_FILE", "Group", "PolicyVersion", "group_file", "load_group"]
MAX_BYTES = 256 * 1024


def load_group(path: str | Path) -> Group:
    """Read and check a group file; any problem is one HandbookError naming file, line and key."""
    path = Path(path)
    if path.resolve().is_relative_to(Path.cwd()):
        path = Path(os.path.relpath(path))
    document = read_yaml(path, limit=MAX_BYTES, what="group file", inside=path.parent)
    data = document.data
    if data is None:
        raise HandbookError(f"{path}: the file is empty. It needs at least `name:` and `versions:`.")
    if not isinstance(data, dict):
        raise HandbookError(key_without_space(path, document.text) or
                            f"{path}, line 1: expected `key: value` lines, like `name: Riverside Food Bank`.")
    try:
        group = Group.model_validate(data)
    except ValidationError as error:
        raise HandbookError(describe(path, error, document, Group)) from None
    if group.logo:
        try:
            check_logo(path.parent, group.logo)
        except ValueError as error:
            raise HandbookError(f"{path}, line {document.line(('logo',))}: logo: {error}.") from None
    return group
