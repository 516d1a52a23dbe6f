"""Concern: what to write down after a disclosure (NSPCC; Working Together to Safeguard Children 2023)."""
from __future__ import annotations

from ..engine import DECIDED, Outcome

DECIDER = {"safeguarding": "{safeguarding_lead}", "refer_to_manager": "{safeguarding_lead} or {manager}",
           "share": "you, then {safeguarding_lead}", "get_consent": "the person, with advice from {safeguarding_lead}"}


def record(answers: dict, outcome: Outcome, assessment: None = None) -> tuple[str, ...]:
    """What to write down, line by line (templates in the group's words); this checker makes no assessment."""
    lines = [
        "When and where they told you: the date, the time and the place.",
        "Who told you, and who may be at risk.",
        "What they said, in their own words. Write what you saw too, such as marks or how they seemed. "
        "Do not add your own view.",
        "Whether they asked you to keep it secret, and what you said.",
    ]
    if answers["about_a_worker"] == "yes":
        lines.append("Keep this record away from the worker it is about: give it only to the person you tell.")
    lines += [
        DECIDED,
        "Who you told, when, and what they said they would do.",
        "Whether 999 was called, when, and what happened.",
        f"Who decided what happens next: {DECIDER[outcome.winner.decision]}. Write their name.",
    ]
    return tuple(lines)
