"""Helpers the rules tests share: every outcome of a checker under every version, and what the committed
answers tables of two versions say differently."""
from __future__ import annotations

import itertools
import json

import checkers
from checkers.versions import VERSIONS
from handbook.answers import tables as answers_table
from handbook.answers.tables import outcomes


def every(checker_id):
    """(version, answers, outcome) for every valid answer set under every policy version."""
    for version in VERSIONS:
        for answers, outcome in outcomes(checker_id, version):
            yield version, answers, outcome


def gives(outcome, code) -> bool:
    """An answer "gives" a code when it decides it or lists it as an action."""
    return outcome.winner.decision == code or code in outcome.actions


def changed_in_tables(old: str, new: str) -> dict[str, set[str]]:
    """Per checker, the combinations whose committed outcome differs: read from the JSON files alone."""
    found = {}
    for checker_id in checkers.CHECKERS:
        before, after = (answers_table.expand(json.loads(answers_table.table_path(checker_id, v).read_text()))
                         for v in (old, new))
        assert before.keys() == after.keys()
        changed = {key for key in after if before[key] != after[key]}
        if changed:
            found[checker_id] = changed
    return found


def form_answer_sets(checker, ticks: int | None = None, unanswered: tuple[str, ...] = (), answered: tuple[str, ...] = ()):
    """Every answer set a checker's form can send, as checker.js's route() builds them: questions that do not
    apply left out, an optional question answered or left out, a multi-choice question as its list (with at
    most `ticks` boxes ticked; None: any). The questions in `unanswered` are only left out, those in `answered`
    never."""
    sets: list[dict] = [{}]
    for question in checker.questions:
        grown = []
        for answers in sets:
            if not question.applies(answers):
                grown.append(answers)
            elif question.multi:
                ids = question.option_ids()
                most = len(ids) if ticks is None else ticks
                least = 1 if question.at_least_one else 0
                grown += [{**answers, question.id: list(chosen)}
                          for n in range(least, most + 1) for chosen in itertools.combinations(ids, n)]
            else:
                if question.required or question.id not in unanswered:
                    grown += [{**answers, question.id: option} for option in question.option_ids()]
                if not question.required and question.id not in answered:
                    grown.append(answers)
        sets = grown
    return sets


def random_answer_set(checker, rng) -> dict:
    """An answer set the form can send, each question answered (or left out) at random, any boxes ticked."""
    answers: dict = {}
    for question in checker.questions:
        if not question.applies(answers):
            continue
        if question.multi:
            ticked = [option for option in question.option_ids() if rng.random() < 0.35]
            answers[question.id] = ticked or (list(question.option_ids()[:1]) if question.at_least_one else [])
        else:
            option = rng.choice(list(question.option_ids()) + ([] if question.required else [None]))
            if option is not None:
                answers[question.id] = option
    return answers
