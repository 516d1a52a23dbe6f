"""The shapes every checker shares: questions, options, results and answer errors.

Standard library only: this module runs unchanged in CPython and in the browser (Pyodide).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Question:
    """One question of a checker.

    `when` is the routing: the question applies only when every named question has one of the
    listed option ids as its answer (empty: always applies). Kept declarative so the page can
    show and hide questions before the Python runtime has loaded.
    `required` is False for questions beyond the public contract: unanswered, the rules decide
    from the contract's questions alone.
    """

    id: str
    prompt: str
    options: tuple[Option, ...]
    hint: str = ""
    multi: bool = False
    required: bool = True
    when: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)

    def applies(self, answers: dict) -> bool:
        return all(answers.get(qid) in allowed for qid, allowed in self.when.items())


@dataclass(frozen=True)
class Result:
    decision: str
    title: str
    steps: tuple[str, ...]
    cites: tuple[str, ...]
    actions: tuple[str, ...]
    record: tuple[str, ...]

    def as_dict(self) -> dict:
        return {
            "decision": self.decision,
            "title": self.title,
            "steps": list(self.steps),
            "cites": list(self.cites),
            "actions": list(self.actions),
            "record": list(self.record),
        }


class AnswerError(ValueError):
    """A reader's answers do not fit the checker's questions; the message says how."""
