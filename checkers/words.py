"""The group's words every answer speaks with, and the one set of defaults for them.

The group file's schema, the rules and the browser all take their defaults from TITLES, so a
group that renames nobody reads the same titles everywhere, and one that renames everybody
reads none of these.
"""
from __future__ import annotations

import string

# group.yml key -> the title used when the group does not give its own.
TITLES: dict[str, str] = {
    "manager": "manager",
    "team_leader": "team leader",
    "senior_volunteer": "senior volunteer",
    "person_with_authority": "manager",  # who consent emails and police enquiries go to
    "safeguarding_lead": "safeguarding lead",
}


# The word used after the first mention in one answer (once()): not a word of its own for trainers to use.
AGAIN = "manager_again"


def _a(title: str) -> str:
    return f"{'an' if title[:1].lower() in 'aeiou' else 'a'} {title}"


def words(group: dict | None = None) -> dict[str, str]:
    """The phrases steps use: "the Riverside Food Bank manager", "a shift leader"; generic without a group.

    A group that names its manager but no one else for consent emails and police enquiries means the
    same person: the person in authority takes the manager's title, never the default word.
    """
    group = group or {}
    title = {key: group.get(key) or default for key, default in TITLES.items()}
    title["person_with_authority"] = group.get("person_with_authority") or title["manager"]
    short = group.get("short_name") or group.get("name")
    manager = f"the {short} {title['manager']}" if short else f"the {title['manager']}"
    same = title["person_with_authority"] == title["manager"]  # one person: named the same way everywhere
    return {
        "name": group.get("name") or "the group",
        "manager": manager,
        AGAIN: f"the {title['manager']}",  # after the first mention in an answer (see once())
        "team_leader": _a(title["team_leader"]),
        "senior_volunteer": _a(title["senior_volunteer"]),
        "person_with_authority": manager if same else f"the {title['person_with_authority']}",
        "safeguarding_lead": f"the {title['safeguarding_lead']}",
    }


def once(templates, values: dict) -> tuple[str, ...]:
    """Templates filled in order, naming the group in the manager's title once: "Tell the Riverside Food Bank
    manager now", then "the manager" (issue 25: up to five times in one answer read as clutter)."""
    full, again = values["manager"], values.get(AGAIN, values["manager"])
    filled, current = [], dict(values)
    for template in templates:
        text = fill(template, current)
        filled.append(text)
        if full.lower() in text.lower():
            current = {key: again if value == full else value for key, value in current.items()}
    return tuple(filled)


def fill(template: str, values: dict) -> str:
    """A template in the given words, with a capital letter wherever a sentence starts."""
    parts = []
    for literal, field, spec, conversion in string.Formatter().parse(template):
        parts.append(literal)
        if field is not None:
            value = format(values[field], spec or "")
            starts = not "".join(parts).strip() or "".join(parts).rstrip().endswith((".", "?", "!"))
            parts.append(value[:1].upper() + value[1:] if starts else value)
    text = "".join(parts)
    return text[:1].upper() + text[1:]
