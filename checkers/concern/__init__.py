"""Concern: "Someone told me something worrying. What do I do?" (a disclosure: nobody is asking for information)

questions.py holds the questions, rules.py the rules (read it beside clauses 2, 5c and 6),
record.py what to write down. This module declares the checker (checkers/checker.py).
"""
from __future__ import annotations

from types import SimpleNamespace

from .. import versions
from ..checker import Checker
from .questions import QUESTIONS
from .record import record
from .rules import RULES

ID = "concern"
TITLE = "Someone told me something worrying"

# Options that change nothing (decision, cites or actions) under some version, and why.
SECRET = ("Being asked to keep it secret adds a step on what to say; every answer already says never to "
          "promise secrecy (clause 2).")
NO_EFFECT: dict[str, str] = {f"{version} asked_to_keep_secret.{option}": SECRET
                             for version in versions.VERSIONS for option in ("yes", "no")}


def facts(answers: dict, version: str) -> SimpleNamespace:
    """Checked answers in the shape the rules read (the same under every version)."""
    who = answers["who_at_risk"]
    return SimpleNamespace(child="child" in who, vulnerable="vulnerable_adult" in who,
                           adult=bool(who & {"adult", "worker"}), danger=answers["danger"],
                           secret=answers["asked_to_keep_secret"] == "yes",
                           worker_harms=answers["about_a_worker"] == "yes")


CHECKER = Checker(
    id=ID, title=TITLE, questions=QUESTIONS, rules=RULES, facts=facts, record=record,
    decisions={"share": "Share", "get_consent": "Get consent first", "refer_to_manager": "Ask {manager}",
               "safeguarding": "Safeguarding"},
    no_effect=NO_EFFECT,
    # Concern: who is at risk last, so that "the first of these that applies" is ranked by the rule that decides
    # with the other answers known (a child always first, so a child at risk always decides).
    route_order=("danger", "about_a_worker", "asked_to_keep_secret", "who_at_risk"),
    example={"who_at_risk": ["adult"], "danger": "past", "asked_to_keep_secret": "no", "about_a_worker": "no"},
)
DECISIONS, outcome, decide = CHECKER.DECISIONS, CHECKER.outcome, CHECKER.decide
