"""Which answers changed between two policy versions: every combination whose decision, urgency, cites or actions differ.

Read from the committed answers tables (checkers/answers/), which the tests keep equal to the
rules, so the What changed page and `handbook diff` show exactly what the rules say, without
working out every combination again at each build.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import checkers
from checkers import versions as rule_versions

from ..errors import HandbookError
from .tables import key_answers, read_table


@dataclass(frozen=True)
class Answer:
    decision: str
    urgency: str
    cites: tuple[str, ...]
    actions: tuple[str, ...]


@dataclass(frozen=True)
class AnswerChange:
    """One combination of answers that the two versions' rules answer differently."""

    checker: str
    answers: dict = field(hash=False)  # question id -> option id (a list for a multi-choice question)
    old: Answer
    new: Answer

    @property
    def key(self) -> str:
        """'about=worker requester=police ... circumstances=none', as `tables.expand` names it."""
        parts = []
        for qid, value in self.answers.items():
            if isinstance(value, list):
                parts.append(f"{qid}={'+'.join(value) or 'none'}")
            else:
                parts.append(f"{qid}={value}")
        return " ".join(parts)


def rules_version(version: str) -> str | None:
    """The rules the checkers answer with under this version (a text-only version keeps the last
    rules), or None when they have none for it."""
    try:
        return rule_versions.resolve(version)
    except rule_versions.VersionError:
        return None


def answer_changes(old: str, new: str) -> list[AnswerChange]:
    """Every enumerated combination, per checker, whose decision, urgency, cites or actions differ."""
    old_rules, new_rules = rules_version(old), rules_version(new)
    if old_rules is None or new_rules is None:
        raise HandbookError(f"The checkers have no rules for version {old if old_rules is None else new}.")
    changes = []
    for checker_id in checkers.CHECKERS:
        before, after = read_table(checker_id, old_rules), read_table(checker_id, new_rules)
        for key, now in after.items():
            if before[key] != now:
                changes.append(AnswerChange(checker_id, _answers(checker_id, key), Answer(*before[key]),
                                            Answer(*now)))
    return changes


def _answers(checker_id: str, key: str) -> dict:
    """The answers a table key names, multi-choice ones as lists ('none' is the empty list)."""
    answers = key_answers(key)
    for question in checkers.CHECKERS[checker_id].questions:
        if question.multi and question.id in answers:
            value = answers[question.id]
            answers[question.id] = [] if value == "none" else value.split("+")
    return answers
