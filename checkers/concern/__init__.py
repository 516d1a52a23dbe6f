"""Concern: "Someone told me something worrying. What do I do?" (a disclosure: nobody is asking for information)

questions.py holds the questions, rules.py the rules (read it beside clauses 2, 5c and 6),
record.py what to write down. This module turns answers into one Result.
"""
from __future__ import annotations

from types import SimpleNamespace

from .. import engine, versions
from ..model import Result
from ..validation import check
from ..words import words
from .questions import QUESTIONS
from .record import record
from .rules import RULES

ID = "concern"
TITLE = "Someone told me something worrying"
DECISIONS = ("share", "get_consent", "refer_to_manager", "safeguarding")

# Options that change nothing (decision, cites or actions) under some version, and why.
SECRET = ("Being asked to keep it secret adds a step on what to say; every answer already says never to "
          "promise secrecy (clause 2).")
NO_EFFECT: dict[str, str] = {f"{version} asked_to_keep_secret.{option}": SECRET
                             for version in versions.VERSIONS for option in ("yes", "no")}


def facts(answers: dict) -> SimpleNamespace:
    """Checked answers in the shape the rules read."""
    who = answers["who_at_risk"]
    return SimpleNamespace(child="child" in who, vulnerable="vulnerable_adult" in who,
                           adult=bool(who & {"adult", "worker"}), danger=answers["danger"],
                           secret=answers["asked_to_keep_secret"] == "yes",
                           worker_harms=answers["about_a_worker"] == "yes")


def outcome(answers: dict, version: str | None = None) -> engine.Outcome:
    """The rules' answer, before wording: used by decide() and by the answers table."""
    checked, _ = check(ID, QUESTIONS, answers)
    return engine.evaluate(RULES, facts(checked), versions.resolve(version))


def decide(answers: dict, group: dict | None = None, version: str | None = None) -> Result:
    """Answer "What do I do?" for checked answers, in the group's words (generic when None)."""
    checked, ignored = check(ID, QUESTIONS, answers)
    result = engine.evaluate(RULES, facts(checked), versions.resolve(version))
    return engine.result(result, words(group), record(checked, result), ignored)
