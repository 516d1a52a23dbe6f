"""The "In short" summaries: each policy page's plain-English points, as data.

They live in the front matter of the page they summarise (`in_short:` in docs/policy/*.md), so
the page, the printed handbook and the readability test all read the same words. Each point is a
small template: it may use the group's values ({{ group.manager }}) and its linked policies. A
group adds its own points, or replaces the handbook's, in my-sections/<section>.yml.
"""
from __future__ import annotations

from pathlib import PurePosixPath

from ..folders import Folders
from ..group import Group
from ..group.overrides import SectionOverride, load_overrides
from ..page_files import read_page
from ..templating import render_page, text
from .placement import sections
from .text import policy_context


def section_name(page: str) -> str:
    """'policy/police.md' -> 'police': how a group names the section in my-sections/."""
    return PurePosixPath(page).stem


def overrides(folders: Folders) -> dict[str, SectionOverride]:
    return load_overrides(folders.group_dir, [section_name(page) for page in sections()])


def points(folders: Folders, page: str) -> list[str]:
    """The handbook's own In short points for the page, as written (templates), or [] when it has none."""
    path = folders.defaults / "docs" / page
    if not path.is_file():
        return []
    return [str(point) for point in read_page(folders.defaults / "docs", page).meta.get("in_short", [])]


def rendered(folders: Folders, page: str, group: Group) -> list[str]:
    """The page's points in the group's words (Markdown, values escaped), with the group's own added."""
    own = overrides(folders).get(section_name(page))
    ours = [] if own and own.in_short == "replace" else [
        render_page(point, f"docs/{page}, in_short", policy_context(group)).strip() for point in points(folders, page)]
    return ours + [str(text(point)) for point in (own.points if own else [])]


def admonition(items: list[str]) -> str:
    """The box as Markdown, as both generators render it."""
    lines = ['!!! summary "In short"']
    for item in items:
        first, *rest = item.splitlines() or [""]
        lines.append(f"    - {first}")
        lines += [f"      {line}" for line in rest]
    return "\n".join(lines) + "\n"


def stale_overrides(folders: Folders) -> list[str]:
    """Warnings for the group's replaced points written against the handbook's earlier words."""
    warnings = []
    for name, own in overrides(folders).items():
        page = next(page for page in sections() if section_name(page) == name)
        current = points(folders, page)
        if own.in_short == "replace" and own.replaces != current:
            listed = "".join(f"\n    - {point}" for point in current)
            warnings.append(f"my-sections/{name}.yml: the handbook's own \"In short\" points for this section have "
                            f"changed since you replaced them. Check your points still fit, then copy the "
                            f"handbook's points into `replaces:` so this warning stops. They are now:{listed}")
    return warnings
