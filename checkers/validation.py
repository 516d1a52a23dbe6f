"""Checking a reader's answers against a checker's questions: the one place every checker uses.

Rules never see a bad answer and never fall back to a default decision: a missing required
answer, an unknown question or an unknown option raises AnswerError naming the question and the
options allowed. An answer to a question that does not apply here (a trainer may well write "the
police ask, and the guest signed our consent form") is accepted, changes nothing, and is listed
as ignored with the reason in plain words.
"""
from __future__ import annotations

from .model import AnswerError, Ignored, Question

YAML_BOOLEANS = {True: "yes", False: "no"}  # `yes` and `no` unquoted in a YAML file


def _listed(ids) -> str:
    return ", ".join(ids)


def check(checker_id: str, questions: tuple[Question, ...], answers) -> tuple[dict, tuple[Ignored, ...]]:
    """The answers checked (multi-choice ones as frozensets, unanswered optional ones absent),
    and the answers to questions that do not apply, each with its reason (a template in the
    group's words).

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
    ignored: list[Ignored] = []
    for question in questions:
        value = answers.get(question.id)
        if value is None:
            if question.required and question.applies(checked):
                raise AnswerError(_missing(question))
            continue
        value = _multi(question, value) if question.multi else _single(question, value)
        if question.applies(checked):
            checked[question.id] = value
        else:
            ignored.append(Ignored(question.id, value, _why_not_asked(question, checked, questions)))
    return checked, tuple(ignored)


def _why_not_asked(question: Question, checked: dict, questions: tuple[Question, ...]) -> str:
    """The question's own reason for the answer that rules it out, or a general one."""
    for qid, allowed in question.when.items():
        given = checked.get(qid)
        if given in allowed:
            continue
        if f"{qid}={given}" in question.not_asked:
            return question.not_asked[f"{qid}={given}"]
        asked = next(q for q in questions if q.id == qid)
        because = f"the answer to '{asked.prompt}' is '{asked.label(given)}'" if given else \
            f"'{asked.prompt}' is not answered"
        return f"'{question.prompt}' is not asked when {because}, so it does not change the answer."
    raise AssertionError("a question that applies is never ignored")


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
    if isinstance(value, bool) and YAML_BOOLEANS[value] in allowed:
        return YAML_BOOLEANS[value]
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
    if question.at_least_one and isinstance(value, str):
        value = [value]  # one answer on its own is a list of one
    if question.at_least_one and isinstance(value, (list, tuple, set, frozenset)) and not value:
        raise AnswerError(f"{question.id!r} needs at least one answer ({question.prompt}). "
                          f"Expected a list of any of: {_listed(allowed)}, but received: an empty list.")
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
