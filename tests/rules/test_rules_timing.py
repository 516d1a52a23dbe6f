"""One vocabulary of timing: now, today, soon. An answer's title and steps use only its own urgency's word,
and the pages volunteers read use the same three words, never a synonym."""
from __future__ import annotations

import re

import pytest

import checkers
from checkers.model import URGENCIES
from handbook.folders import Folders
from handbook.policy import summaries
from handbook.policy.placement import sections

from helpers.rules import every

from helpers import REPO

WORD = {urgency: re.compile(rf"\b{urgency}\b", re.IGNORECASE) for urgency in URGENCIES}
SYNONYMS = re.compile(r"\b(at once|straight away|immediately|without delay|right away|same day|as soon as|asap|"
                      r"urgently|promptly)\b", re.IGNORECASE)


def _texts(outcome) -> list[str]:
    return [outcome.winner.title, *outcome.steps]


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_the_title_and_every_step_agree_with_the_urgency(checker_id):
    seen = set()
    for _, answers, outcome in every(checker_id):
        key = (outcome.urgency, tuple(_texts(outcome)))
        if key in seen:
            continue
        seen.add(key)
        for text in _texts(outcome):
            literal = text.replace("{when}", "")
            for urgency, word in WORD.items():
                assert urgency == outcome.urgency or not word.search(literal), (answers, outcome.urgency, text)


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_answers_use_no_synonym_for_now_today_or_soon(checker_id):
    for rule in checkers.CHECKERS[checker_id].RULES:
        for text in (rule.title, *rule.steps, *rule.note):
            assert not SYNONYMS.search(text), (rule.name, text)


def _in_short_boxes() -> list[tuple[str, str]]:
    folders = Folders(REPO)
    return [(page, point) for page in sections() for point in summaries.points(folders, page)]


def test_in_short_boxes_and_the_induction_page_use_the_same_timing_words():
    pages = _in_short_boxes() + [("docs/induction.md", (REPO / "docs" / "induction.md").read_text())]
    assert len(pages) >= 10
    for name, text in pages:
        assert not SYNONYMS.search(text), (name, SYNONYMS.search(text).group())
