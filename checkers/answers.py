"""Checking a reader's answers against a checker's questions: the one place both checkers use.

Rules never see a bad answer and never fall back to a default decision: anything that does not
fit the questions raises AnswerError naming the question and the options allowed.

An answer to a question that does not apply (its `when` is not met) is an error too, so a
scenario cannot carry an answer that silently changes nothing. The browser form, which keeps
hidden inputs, calls `applicable()` first to drop them.
"""
from __future__ import annotations

from .model import AnswerError, Question


def _listed(ids) -> str:
    return ", ".join(ids)


def _condition(question: Question) -> str:
    return " and ".join(f"{qid} is one of: {_listed(ids)}" for qid, ids in question.when.items())


def applicable(questions: tuple[Question, ...], answers: dict) -> dict:
    """The answers with those to non-applicable questions left out (values are not checked)."""
    kept: dict = {}
    for question in questions:
        if question.id in answers and question.applies(kept):
            kept[question.id] = answers[question.id]
    return kept


def validate(checker_id: str, questions: tuple[Question, ...], answers) -> dict:
    """Return the answers checked: multi-choice answers as frozensets, unanswered optional ones absent.

    Questions are checked in display order, so a `when` can rely on earlier answers being valid.
    """
    if not isinstance(answers, dict):
        raise AnswerError(
            f"Answers for the {checker_id} checker must be a mapping of question id to option id, "
            f"but received: {type(answers).__name__}."
        )
    known = [question.id for question in questions]
    for qid in sorted(map(str, answers)):
        if qid not in known:
            raise AnswerError(
                f"Unknown question {qid!r} for the {checker_id} checker. "
                f"Expected one of: {_listed(known)}."
            )
    checked: dict = {}
    for question in questions:
        value = answers.get(question.id)
        if not question.applies(checked):
            if value is not None:
                raise AnswerError(
                    f"{question.id!r} does not apply here: it is asked only when {_condition(question)}. "
                    f"Leave it out, but received: {value!r}."
                )
            continue
        if value is None:
            if question.required:
                raise AnswerError(_missing(question))
            continue
        checked[question.id] = _multi(question, value) if question.multi else _single(question, value)
    return checked


def _missing(question: Question) -> str:
    if question.multi:
        return (
            f"Missing answer to {question.id!r} ({question.prompt}). Expected a list of any of: "
            f"{_listed(question.option_ids())} (an empty list for none)."
        )
    return (
        f"Missing answer to {question.id!r} ({question.prompt}). "
        f"Expected one of: {_listed(question.option_ids())}."
    )


def _single(question: Question, value) -> str:
    allowed = question.option_ids()
    if isinstance(value, (list, tuple, set, frozenset)):
        raise AnswerError(
            f"{question.id!r} takes one answer, not a list. "
            f"Expected one of: {_listed(allowed)}, but received: {value!r}."
        )
    if value not in allowed:
        raise AnswerError(
            f"Unknown answer {value!r} to {question.id!r}. "
            f"Expected one of: {_listed(allowed)}, but received: {value!r}."
        )
    return value


def _multi(question: Question, value) -> frozenset:
    allowed = question.option_ids()
    if not isinstance(value, (list, tuple, set, frozenset)):
        raise AnswerError(
            f"{question.id!r} takes a list of answers. "
            f"Expected a list of any of: {_listed(allowed)}, but received: {value!r}."
        )
    for item in value:
        if item not in allowed:
            raise AnswerError(
                f"Unknown answer {item!r} to {question.id!r}. "
                f"Expected any of: {_listed(allowed)}, but received: {item!r}."
            )
    if len(set(value)) != len(value):
        raise AnswerError(f"{question.id!r} lists the same answer twice: {value!r}.")
    return frozenset(value)
