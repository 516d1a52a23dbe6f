"""Where each clause of the policy lives in the handbook: its page and its stable anchor.

The clause ids themselves come from the rules package (checkers/clauses.py), the one list; this
module only says which page holds each, and is checked against that list.
"""
from __future__ import annotations

import posixpath

from checkers.clauses import EVERY

# Clause id -> the policy page (path under docs/) that holds it.
CLAUSE_PAGES: dict[str, str] = {
    "1": "policy/introduction.md", "1a": "policy/introduction.md", "1b": "policy/introduction.md",
    "2": "policy/internal-confidentiality.md",
    "3": "policy/case-files.md", "3a": "policy/case-files.md",
    "4": "policy/information-sharing.md",
    "4a": "policy/social-media.md",
    "5": "policy/exceptional-circumstances.md", "5a": "policy/exceptional-circumstances.md",
    "5b": "policy/exceptional-circumstances.md", "5c": "policy/exceptional-circumstances.md",
    "5d": "policy/exceptional-circumstances.md", "5e": "policy/exceptional-circumstances.md",
    "5f": "policy/exceptional-circumstances.md",
    "6": "policy/children-and-vulnerable-adults.md",
    "7": "policy/breaking-confidentiality.md",
    "8": "policy/police.md",
    "9": "policy/personal-information.md",
}
if set(CLAUSE_PAGES) != set(EVERY):
    raise RuntimeError("handbook/policy/placement.py: give every clause in checkers/clauses.py a page")


def anchor(clause_id: str) -> str:
    """The HTML id of a clause: stable, used by pages, rules and citations."""
    return f"clause-{clause_id}"


def clause_url(clause_id: str) -> str:
    """The clause's address relative to the site root, e.g. 'policy/police/#clause-8'."""
    return f"{CLAUSE_PAGES[clause_id][:-3]}/#{anchor(clause_id)}"


def clause_link(clause_id: str, from_page: str) -> str:
    """A Markdown link target from one page's source to a clause: 'police.md#clause-8' (any generator resolves it)."""
    target = posixpath.relpath(CLAUSE_PAGES[clause_id], posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor(clause_id)}"


def sections() -> dict[str, tuple[str, ...]]:
    """Each policy page and the clause ids on it, in the policy's order."""
    found: dict[str, list[str]] = {}
    for cid in EVERY:
        found.setdefault(CLAUSE_PAGES[cid], []).append(cid)
    return {page: tuple(cids) for page, cids in found.items()}
