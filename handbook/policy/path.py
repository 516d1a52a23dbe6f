"""The "I'm new here" path as data: its pages in order, each step's words, and the seven things to remember.

The route is the `path:` list in docs/induction.md's front matter (the start page comes first);
the seven things are its `remember:` list. A page of the route with a `section:` in its front
matter is a numbered step: it teaches that policy page, shows that page's own "In short" points
(summaries.py) rather than a copy, and adds a short `lead:` of its own. So the path, the policy
pages, the printed induction pack and the readability test all read the same words, and the
step numbers and "Next" links are worked out, never typed.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import HandbookError
from ..folders import Folders
from ..group import Group
from ..page_files import read_page
from ..templating import render_page
from . import summaries
from .placement import sections
from .text import policy_context

START = "induction.md"
WORDS_PER_MINUTE = 120  # a slow, careful reader on a phone (adults average about 240)


@dataclass(frozen=True)
class Step:
    number: int
    page: str  # under docs/, e.g. "induction/consent.md"
    title: str
    section: str  # the policy page it teaches, e.g. "policy/information-sharing.md"
    lead: tuple[str, ...]  # paragraphs, Markdown in the group's words (values escaped)
    points: tuple[str, ...]  # the section's In short points, likewise
    clauses: tuple[str, ...]  # the clause ids on the section's page


@dataclass(frozen=True)
class Point:
    """One of the seven things to remember: Markdown in the group's words, and the clauses it rests on."""

    text: str
    clauses: tuple[str, ...]


def _meta(folders: Folders, page: str) -> dict:
    return read_page(folders.defaults / "docs", page).meta


def route(folders: Folders) -> tuple[str, ...]:
    """The start page, then every page of the path in order (pages under docs/)."""
    pages = _meta(folders, START).get("path")
    if not isinstance(pages, list) or not all(isinstance(page, str) for page in pages):
        raise HandbookError(f"docs/{START}: the front matter needs `path:`, a list of the path's pages in order.")
    missing = [page for page in pages if not (folders.defaults / "docs" / page).is_file()]
    if missing:
        raise HandbookError(f"docs/{START}, key 'path': docs/{missing[0]} does not exist.")
    return (START, *pages)


def next_page(folders: Folders, page: str) -> str | None:
    """The page after this one on the path, or None at its end (or off it)."""
    pages = route(folders)
    return pages[pages.index(page) + 1] if page in pages[:-1] else None


def title(folders: Folders, page: str) -> str:
    found = _meta(folders, page).get("title")
    if not isinstance(found, str) or not found.strip():
        raise HandbookError(f"docs/{page}: the front matter needs a `title:`, as it is on the path.")
    return found.strip()


def steps(folders: Folders, group: Group) -> tuple[Step, ...]:
    """The numbered steps: the pages of the path that teach a policy section."""
    pages = [page for page in route(folders)[1:] if "section" in _meta(folders, page)]
    return tuple(_step(folders, group, number, page) for number, page in enumerate(pages, 1))


def _step(folders: Folders, group: Group, number: int, page: str) -> Step:
    meta = _meta(folders, page)
    section, lead = meta["section"], meta.get("lead")
    where = sections()
    if section not in where:
        raise HandbookError(f"docs/{page}, key 'section': {section!r} is not a policy page. Expected one of: "
                            f"{', '.join(where)}.")
    if not isinstance(lead, list) or not lead or not all(isinstance(item, str) for item in lead):
        raise HandbookError(f"docs/{page}: the front matter needs `lead:`, a list of short paragraphs.")
    context = policy_context(group)
    return Step(number, page, title(folders, page), section,
                tuple(render_page(item, f"docs/{page}, lead", context).strip() for item in lead),
                tuple(summaries.rendered(folders, section, group)), where[section])


def remember(folders: Folders, group: Group) -> tuple[Point, ...]:
    """The seven things to remember, from docs/induction.md's front matter."""
    items = _meta(folders, START).get("remember")
    if not isinstance(items, list) or not items:
        raise HandbookError(f"docs/{START}: the front matter needs `remember:`, a list of points.")
    context = policy_context(group)
    found = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise HandbookError(f"docs/{START}, key 'remember', point {number}: each point needs a `text:`.")
        clauses = tuple(str(cid) for cid in item.get("clauses", []))
        unknown = [cid for cid in clauses if cid not in {c for ids in sections().values() for c in ids}]
        if unknown:
            raise HandbookError(f"docs/{START}, key 'remember', point {number}: unknown clause {unknown[0]!r}.")
        found.append(Point(render_page(item["text"], f"docs/{START}, remember", context).strip(), clauses))
    return tuple(found)


def word_count(all_steps: tuple[Step, ...]) -> int:
    """How many words the steps have (their titles, leads and In short points)."""
    return sum(len(" ".join((step.title, *step.lead, *step.points)).split()) for step in all_steps)


def minutes(count: int) -> int:
    """How long that many words take to read at a slow, careful pace, in whole minutes."""
    return max(1, round(count / WORDS_PER_MINUTE))
