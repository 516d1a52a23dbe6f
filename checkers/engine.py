"""How a checker's rules become one answer: the safest matching outcome decides, the others add to it.

A checker lists its rules in priority order, safest first. Every rule whose flat condition holds
is "matched". The first matched rule with a decision gives the decision, title and steps; every
other matched rule adds its clause ids (the answer cites both rules), its short note and its
actions. Rules without a decision are notes that always add when they hold (e.g. clause 9 for a
home address). No rule matching is a bug, never a default decision.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .model import Result

# The policy's clauses in its own order, so cites read as the policy does.
CLAUSE_ORDER: tuple[str, ...] = (
    "1", "1a", "1b", "2", "3", "3a", "4", "4a",
    "5", "5a", "5b", "5c", "5d", "5e", "5f", "6", "7", "8", "9",
)


@dataclass(frozen=True)
class Rule:
    """One outcome (or note) of a checker, defined once, with the clauses it rests on."""

    name: str
    summary: str  # when it applies, in plain words: shown on the "All answers" page
    when: Callable
    cites: tuple[str, ...]
    decision: str | None = None  # None: a note, which only adds to the deciding rule
    title: str = ""
    steps: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    note: tuple[str, ...] = ()  # said when another rule decides
    note_actions: tuple[str, ...] = ()
    first: bool = False  # the note comes before the deciding rule's steps (e.g. "take the post down now")


@dataclass(frozen=True)
class Outcome:
    """The rules' answer before it is put in the group's words."""

    winner: Rule
    matched: tuple[Rule, ...]
    cites: tuple[str, ...]
    actions: tuple[str, ...]
    steps: tuple[str, ...]  # templates


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))


def evaluate(rules: tuple[Rule, ...], facts) -> Outcome:
    """Apply the rules to checked answers (`facts`): the safest matching outcome decides."""
    matched = tuple(rule for rule in rules if rule.when(facts))
    winner = next((rule for rule in matched if rule.decision), None)
    if winner is None:
        raise RuntimeError(f"No rule decides these answers: {vars(facts)!r}")
    cites, steps, actions = set(winner.cites), list(winner.steps), list(winner.actions)
    first: list[str] = []
    for rule in matched:
        if rule is not winner:
            cites.update(rule.cites)
            (first if rule.first else steps).extend(rule.note)
            actions.extend(rule.note_actions)
    steps[:0] = first
    actions.append("record_decision")
    ordered = tuple(cid for cid in CLAUSE_ORDER if cid in cites)
    return Outcome(winner, matched, ordered, _unique(actions), _unique(steps))


GENERIC = {
    "name": "the group",
    "manager": "the manager",
    "team_leader": "a team leader",
    "senior_volunteer": "a senior volunteer",
    "person_with_authority": "the person in authority",
    "safeguarding_lead": "the safeguarding lead (or the manager)",
}


def words(group: dict | None) -> dict:
    """The names and titles steps use: the group's own ("the Riverside Food Bank manager") or generic."""
    if not group:
        return dict(GENERIC)
    name = group.get("name") or "the group"
    short = group.get("short_name") or name
    manager = group.get("manager") or "manager"
    return {
        "name": name,
        "manager": f"the {short} {manager}",
        "team_leader": f"a {group.get('team_leader') or 'team leader'}",
        "senior_volunteer": f"a {group.get('senior_volunteer') or 'senior volunteer'}",
        "person_with_authority": f"the {group.get('person_with_authority') or manager}",
        "safeguarding_lead": f"the {group.get('safeguarding_lead') or manager}",
    }


def fill(template: str, values: dict) -> str:
    """A template in the given words, starting with a capital letter."""
    text = template.format(**values)
    return text[:1].upper() + text[1:]


def result(outcome: Outcome, values: dict, record: tuple[str, ...]) -> Result:
    """The Result a reader sees: title, steps and record in the group's words."""
    return Result(
        decision=outcome.winner.decision,
        title=fill(outcome.winner.title, values),
        steps=tuple(fill(step, values) for step in outcome.steps),
        cites=outcome.cites,
        actions=outcome.actions,
        record=tuple(fill(line, values) for line in record),
    )
