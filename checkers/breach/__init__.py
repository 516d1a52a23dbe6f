"""Breach: "Confidentiality may have been broken. What now?" - clause 7, and the law around it.

questions.py holds the questions and when each is asked, risk.py how the risk is judged from the facts,
rules.py the rules (read them beside clause 7), record.py what to write down. This module declares the
checker (checkers/checker.py); its answer carries the assessment ("High risk ...: health or other sensitive information about a
child or vulnerable adult, not got back.") in Result.assessment.

The input space. The contract's questions and the optional facts together have over a million
combinations per policy version: too many to keep as a table. Three things keep it tractable, and
every rule is still tested over every combination the rules can tell apart:
- An unanswered fact means "not sure" (UNANSWERED; for `data`, nothing ticked), by construction in
  risk.assess and proven by tests/rules/test_rules_breach.py, so tables never list "unanswered" apart.
- The rules never read the facts: only the assessment's level, its safety fact and whether something
  is still to find out (facts() below). tests/rules/test_rules_breach.py puts every combination of the facts
  to risk.assess (a few hundred thousand), and every combination of the other answers with every
  assessment that can arise to the rules.
- The committed answers table expands TABLE_QUESTIONS only: every
  combination of them with its outcome, the other facts left unanswered (so "not sure"). It reaches
  every rule and every clause.
- The whole space is walked through representatives (space.py): one set of facts for each assessment the
  rules can tell apart, crossed with every (who, why, what happened). The record of every answer
  (checkers/answers/breach.txt) walks them beside the table, and the tests prove the rules over them.
"""
from __future__ import annotations

from types import SimpleNamespace

from .. import versions
from ..checker import Checker, FromAnswer
from .questions import QUESTIONS, UNANSWERED
from .record import SAID, record
from .risk import GRID, PARTS, Assessment, assess, kinds_named
from .space import representative_answers
from .rules import RULES

ID = "breach"
TITLE = "Something went wrong: what now?"
# The questions the committed answers table expands (handbook/answers/tables.py); the others are left
# unanswered there, which means "not sure".
TABLE_QUESTIONS = ("who", "reason", "what_happened", "danger", "personal_data", "contained",
                   "delay_harm")

# Options that change nothing (decision, cites or actions) under some version, and why: none.
NO_EFFECT: dict[str, str] = {}

__all__ = ["CHECKER", "ID", "TITLE", "QUESTIONS", "RULES", "DECISIONS", "NO_EFFECT", "TABLE_QUESTIONS",
           "UNANSWERED", "Assessment", "assess", "facts", "outcome", "decide"]


def facts(answers: dict, version: str, assessment: Assessment | None = None) -> SimpleNamespace:
    """What the rules read: the answers about what happened, and the assessment (never the facts)."""
    assessment = assessment or assess(answers)
    return SimpleNamespace(
        who=answers["who"], reason=answers["reason"], what_happened=answers["what_happened"],
        level=assessment.level, danger=assessment.danger, open=assessment.open,
        v11=versions.at_least(version, "1.1"),
    )


CHECKER = Checker(
    id=ID, title=TITLE, questions=QUESTIONS, rules=RULES, facts=facts, assess=assess, record=record,
    decisions={"report_to_manager": "Tell {manager}"},
    unanswered=UNANSWERED, table_questions=TABLE_QUESTIONS, no_effect=NO_EFFECT,
    representatives=representative_answers, assessment_parts=PARTS,
    # What happened and the danger first (safety first, as on the form), who and why last: 712 route pages
    # rather than 1,156.
    route_order=("what_happened", "danger", "personal_data", "contained", "delay_harm", "data", "people",
                 "vulnerable", "risk", "who", "reason"),
    first_of={"data": tuple(GRID)},  # the heaviest kind of information decides
    paper_form="breach-report",
    from_answers={"kinds": FromAnswer("data", kinds_named), **SAID},
    # The rules read the assessment, never these facts; the record and the sentence say them in words.
    assessed=("danger", "contained", "delay_harm", "data", "people", "vulnerable", "risk"),
    example={"who": "me", "reason": "none", "what_happened": "sent_to_wrong_person", "personal_data": "yes"},
)
DECISIONS, outcome, decide = CHECKER.DECISIONS, CHECKER.outcome, CHECKER.decide
