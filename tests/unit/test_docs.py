"""The coordinator's guide keeps up with the group file's schema."""
from __future__ import annotations

from handbook.group import Group

from helpers import REPO


def test_every_group_key_is_explained_in_make_it_yours():
    guide = (REPO / "docs" / "make-it-yours.md").read_text(encoding="utf-8")
    for key in Group.model_fields:
        assert f"| `{key}` |" in guide, f"docs/make-it-yours.md does not explain `{key}`"


def test_the_example_group_file_uses_every_key():
    example = (REPO / "group.yml").read_text(encoding="utf-8")
    for key in Group.model_fields:
        assert f"\n{key}:" in example or f"\n# {key}:" in example, f"group.yml does not show `{key}`"
