"""The shapes every checker shares: questions, options, results and answer errors.

Standard library only: this module runs unchanged in CPython and in the browser (Pyodide).
"""
from __future__ import annotations

from dataclasses import dataclass, field

# How soon to act, most urgent first. These three words are the whole vocabulary of timing: an
# answer's title and steps use only its own urgency's word (tests/rules/test_rules_timing.py).
URGENCIES: tuple[str, ...] = ("now", "today", "soon")


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    hint: str = ""


@dataclass(frozen=True, kw_only=True)
class Question:
    """One question of a checker.

    `when` says when the question is asked: it applies only when every named question has one of the
    listed option ids as its answer (empty: always applies). Kept declarative so the page can
    show and hide questions before the Python runtime has loaded.
    `at_least_one` (multi-choice only): an empty list is a missing answer, and one option id on its own
    is read as a list of one ("who_at_risk: child").
    `required` is False for questions beyond the public contract: unanswered, the rules decide
    from the contract's questions alone.
    `not_asked` says, in plain words, why an answer given where the question does not apply
    changes nothing: keyed "question=option" by the answer that rules it out.
    """

    id: str
    prompt: str
    options: tuple[Option, ...]
    hint: str = ""
    multi: bool = False
    at_least_one: bool = False  # multi-choice: tick at least one; a single answer is a one-item list
    required: bool = True
    when: dict[str, tuple[str, ...]] = field(default_factory=dict)
    not_asked: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Asked for on every check of every answer (the first-answers data checks over a million): made once.
        object.__setattr__(self, "_ids", tuple(option.id for option in self.options))

    def option_ids(self) -> tuple[str, ...]:
        return self._ids

    def label(self, option_id: str) -> str:
        return next(option.label for option in self.options if option.id == option_id)

    def applies(self, answers: dict) -> bool:
        return all(answers.get(qid) in allowed for qid, allowed in self.when.items())


@dataclass(frozen=True)
class Ignored:
    """An answer to a question that does not apply here: accepted, changes nothing, and says why."""

    question: str
    answer: object
    reason: str

    def as_dict(self) -> dict:
        answer = sorted(self.answer) if isinstance(self.answer, frozenset) else self.answer
        return {"question": self.question, "answer": answer, "reason": self.reason}


@dataclass(frozen=True, kw_only=True)
class Result:
    decision: str
    urgency: str
    title: str
    steps: tuple[str, ...]
    cites: tuple[str, ...]
    actions: tuple[str, ...]
    record: tuple[str, ...]
    ignored: tuple[Ignored, ...] = ()
    assessment: str = ""  # the judgement behind the answer and the facts it rests on (breach: the risk)

    def as_dict(self) -> dict:
        return {
            "decision": self.decision,
            "urgency": self.urgency,
            "title": self.title,
            "assessment": self.assessment,
            "steps": list(self.steps),
            "cites": list(self.cites),
            "actions": list(self.actions),
            "record": list(self.record),
            "ignored": [item.as_dict() for item in self.ignored],
        }


class AnswerError(ValueError):
    """A reader's answers do not fit the checker's questions; the message says how."""
