"""How a checker's rules become one answer: the safest matching outcome decides, the others add to it.

A checker lists its rules in priority order, safest first. Every rule whose flat condition holds
is "matched". The first matched rule with a decision gives the decision, title and steps; every
other matched rule adds its clause ids (the answer cites both rules), its short note and its
actions. Rules without a decision are notes that always add when they hold (e.g. clause 9 for a
home address). The answer's urgency is the most urgent of every matched rule's, so a note about
terrorism makes any answer urgent; wording that must follow it says `{when}`.
No rule matching is a bug, never a default decision.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .clauses import EVERY, cited, in_order
from .model import URGENCIES, Ignored, Result
from .words import fill, once


# The record's line naming the decision and its clauses, in every checker's record: {decided} is the
# answer's title as the reader sees it, then its clauses ("Tell the manager today (clauses 1a, 7)").
DECIDED = "Decision: {decided}."


def decided(title: str, cites) -> str:
    """{decided}: "Tell the manager today (clauses 1a, 7)"."""
    return f"{title} ({cited(cites)})"


@dataclass(frozen=True, kw_only=True)
class Rule:
    """One outcome (or note) of a checker, defined once, with the clauses it rests on."""

    name: str
    summary: str  # when it applies, in plain words, for whoever reads the rules
    when: Callable  # facts -> bool: a flat condition a manager can read beside the policy
    cites: tuple[str, ...]
    decision: str | None = None  # None: a note, which only adds to the deciding rule
    urgency: str | None = None  # required with a decision; a note's raises the answer's
    title: str = ""
    steps: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    note: tuple[str, ...] = ()  # said when another rule decides
    note_actions: tuple[str, ...] = ()
    note_first: bool = False  # the note comes before the deciding rule's steps ("take the post down now")
    only_with: tuple[str, ...] = ()  # a note that adds only to these decisions (empty: to any)

    def __post_init__(self) -> None:
        unknown = sorted(set(self.cites) - set(EVERY))
        if unknown:
            raise ValueError(f"rule {self.name!r} cites clause {unknown[0]}, which the policy does not have")
        if self.urgency is not None and self.urgency not in URGENCIES:
            raise ValueError(f"rule {self.name!r}: urgency {self.urgency!r} is not one of {URGENCIES}")
        if self.decision and (self.urgency is None or not self.title or not self.steps):
            raise ValueError(f"rule {self.name!r} decides, so it needs an urgency, a title and steps")


@dataclass(frozen=True)
class Outcome:
    """The rules' answer before it is put in the group's words."""

    winner: Rule
    matched: tuple[Rule, ...]
    urgency: str
    cites: tuple[str, ...]
    actions: tuple[str, ...]
    steps: tuple[str, ...]  # templates


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))


def evaluate(rules: tuple[Rule, ...], facts, version: str) -> Outcome:
    """Apply the rules to checked answers (`facts`): the safest matching outcome decides."""
    holding = [rule for rule in rules if rule.when(facts)]
    winner = next((rule for rule in holding if rule.decision), None)
    if winner is None:
        raise RuntimeError(f"No rule decides these answers: {vars(facts)!r}")
    matched = tuple(rule for rule in holding if rule is winner or not rule.only_with
                    or winner.decision in rule.only_with)
    cites, steps, actions, first = list(winner.cites), list(winner.steps), list(winner.actions), []
    for rule in matched:
        if rule is not winner:
            cites.extend(rule.cites)
            (first if rule.note_first else steps).extend(rule.note)
            actions.extend(rule.note_actions)
    steps[:0] = first
    actions.append("record_decision")
    urgency = min((rule.urgency for rule in matched if rule.urgency), key=URGENCIES.index)
    return Outcome(winner, matched, urgency, in_order(cites, version), _unique(actions), _unique(steps))


def result(outcome: Outcome, values: dict, record: tuple[str, ...], ignored: tuple[Ignored, ...] = (),
           assessment: str = "") -> Result:
    """The Result a reader sees: title, steps, record and reasons in the group's words.

    The assessment is filled in first, and the record names it as `{assessment}`; the title and clauses
    are the record's `{decided}` (DECIDED). The first-answers data gives the assessment as a marker the
    page fills in (handbook/browser/first_answers.py), so it is set only when `values` does not hold it."""
    values = dict(values, when=outcome.urgency)
    if assessment:
        values.setdefault("assessment", fill(assessment, values))
    title, *steps = once((outcome.winner.title, *outcome.steps), values)
    values["decided"] = decided(title, outcome.cites)
    return Result(
        decision=outcome.winner.decision,
        urgency=outcome.urgency,
        title=title,
        steps=tuple(steps),
        cites=outcome.cites,
        actions=outcome.actions,
        record=once(record, values),
        ignored=tuple(Ignored(item.question, item.answer, fill(item.reason, values)) for item in ignored),
        assessment=values.get("assessment", ""),
    )
