"""Where each clause of the policy lives in the handbook: its id, page and anchor."""
from __future__ import annotations

# Clause id -> the policy page (path under docs/) that holds it. Order is the policy's order.
CLAUSE_PAGES: dict[str, str] = {
    "1": "policy/introduction.md",
    "1a": "policy/introduction.md",
    "1b": "policy/introduction.md",
    "2": "policy/internal-confidentiality.md",
    "3": "policy/case-files.md",
    "3a": "policy/case-files.md",
    "4": "policy/information-sharing.md",
    "4a": "policy/social-media.md",
    "5": "policy/exceptional-circumstances.md",
    "5a": "policy/exceptional-circumstances.md",
    "5b": "policy/exceptional-circumstances.md",
    "5c": "policy/exceptional-circumstances.md",
    "5d": "policy/exceptional-circumstances.md",
    "5e": "policy/exceptional-circumstances.md",
    "5f": "policy/exceptional-circumstances.md",
    "6": "policy/children-and-vulnerable-adults.md",
    "7": "policy/breaking-confidentiality.md",
    "8": "policy/police.md",
    "9": "policy/personal-information.md",
}


def anchor(clause_id: str) -> str:
    """The HTML id of a clause: stable, used by pages, rules and citations."""
    return f"clause-{clause_id}"


def clause_url(clause_id: str) -> str:
    """The clause's address relative to the site root, e.g. 'policy/police/#clause-8'."""
    page = CLAUSE_PAGES[clause_id]
    return f"{page[:-3]}/#{anchor(clause_id)}"
