"""The "In short" summaries: each policy page's plain-English points, as data.

They live in the front matter of the page they summarise (`in_short:` in docs/policy/*.md), so
the page, the printed handbook and the readability test all read the same words. Each point is a
small template: it may use the group's values ({{ group.manager }}) and its linked policies.
"""
from __future__ import annotations

from ..folders import Folders
from ..group import Group
from ..page_files import read_page
from ..templating import render_page
from .placement import sections
from .text import policy_context


def points(folders: Folders, page: str) -> list[str]:
    """The page's In short points as written (templates), or [] when it has none."""
    path = folders.find(f"docs/{page}")
    if path is None:
        return []
    meta = read_page(path.parents[page.count("/")], page).meta
    found = meta.get("in_short", [])
    return [str(point) for point in found]


def rendered(folders: Folders, page: str, group: Group) -> list[str]:
    """The page's points in the group's words (Markdown, values escaped)."""
    return [render_page(point, f"docs/{page}, in_short", policy_context(group)).strip()
            for point in points(folders, page)]


def admonition(items: list[str]) -> str:
    """The box as Markdown, as both generators render it."""
    lines = ['!!! summary "In short"']
    for item in items:
        first, *rest = item.splitlines() or [""]
        lines.append(f"    - {first}")
        lines += [f"      {line}" for line in rest]
    return "\n".join(lines) + "\n"


def every_section(folders: Folders, group: Group) -> dict[str, list[str]]:
    """Policy page -> its points, for the printed handbook."""
    return {page: rendered(folders, page, group) for page in sections()}
