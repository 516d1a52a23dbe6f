"""Helpers the rules tests share: every outcome of a checker under every version."""
from __future__ import annotations

from checkers.versions import VERSIONS
from handbook.rules.tables import outcomes


def every(checker_id):
    """(version, answers, outcome) for every valid answer set under every policy version."""
    for version in VERSIONS:
        for answers, outcome in outcomes(checker_id, version):
            yield version, answers, outcome


def gives(outcome, code) -> bool:
    """An answer "gives" a code when it decides it or lists it as an action."""
    return outcome.winner.decision == code or code in outcome.actions
