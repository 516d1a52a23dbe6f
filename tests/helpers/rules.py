"""Helpers the rules tests share: every outcome of a checker under every version, and what the committed
answers tables of two versions say differently."""
from __future__ import annotations

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
