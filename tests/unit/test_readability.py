"""Plain English, kept plain: what volunteers read scores a Flesch-Kincaid grade of 6 or below.

Scored with textstat (pinned at 0.7.3, which counts syllables with pyphen and needs no download), in the
example group's words, with Markdown and templates taken out first: every "In short" point, every
paragraph of the "I'm new here" path (its steps' leads, the seven things to remember, the words on its
pages), and every quiz situation with its choices and every explanation the rules give, for every policy
version. The official wording of the policy is not scored: it is the group's to change, not ours.
"""
from __future__ import annotations

import html
import re
import warnings
from types import SimpleNamespace

import pytest

from checkers.versions import VERSIONS
from handbook.folders import Folders
from handbook.group import load_group
from handbook.page_files import read_page
from handbook.policy import path, summaries
from handbook.policy.placement import sections
from handbook.policy.text import policy_context
from handbook.answers.quiz import quiz
from handbook.templating import render_page

from helpers import REPO

with warnings.catch_warnings():  # textstat 0.7.3 imports pkg_resources, which warns that it is deprecated
    warnings.simplefilter("ignore")
    import textstat

GRADE = 6.0
FOLDERS = Folders(REPO)
EXAMPLE = load_group(REPO / "group.yml")
# The path's own pages: their words around the helpers that lay out steps, quiz and downloads.
PATH_PAGES = ("induction.md", "induction/quiz.md", "induction/quiz-answers.md", "induction/finish.md")
_HELPER_ONLY = re.compile(r"^(?:[-*]|\d+\.)?\s*\{\{\s*\w+\(.*\)\s*\}\}\s*$")


def plain(markdown_text: str) -> str:
    """The words a reader sees: no links' addresses, emphasis marks, attribute lists, tags or entities."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"\{[:.][^}]*\}", "", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"[*_`#>|]", "", html.unescape(text))
    return " ".join(text.split())


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(plain(text))


def in_short_points() -> list[tuple[str, str]]:
    return [(f"docs/{page}, In short", point)
            for page in sections() for point in summaries.rendered(FOLDERS, page, EXAMPLE)]


def path_paragraphs() -> list[tuple[str, str]]:
    found = [(f"{step.page}, lead", paragraph) for step in path.steps(FOLDERS, EXAMPLE) for paragraph in step.lead]
    found += [("induction.md, remember", point.text) for point in path.remember(FOLDERS, EXAMPLE)]
    context = dict(policy_context(EXAMPLE), policy=EXAMPLE.version(),
                   path=lambda: SimpleNamespace(steps=9, situations=15, minutes=15))
    for page in PATH_PAGES:
        body = read_page(REPO / "docs", page).body
        for paragraph in re.split(r"\n\s*\n", body):
            words = "\n".join(line for line in paragraph.splitlines() if not _HELPER_ONLY.match(line.strip()))
            if words.strip() and not words.startswith("#"):
                found.append((page, render_page(words, page, context)))
    return found


def quiz_texts() -> list[tuple[str, str]]:
    found = []
    for version in VERSIONS:
        for question in quiz(FOLDERS, version, EXAMPLE.words()):
            where = f"quiz situation {question.number} (version {version})"
            if version == VERSIONS[-1]:
                found.append((where, " ".join([question.name, *(text for _, text in question.choices)])))
            found.append((f"{where}, explanation", " ".join([question.title + ".", *question.steps])))
    return found


@pytest.mark.parametrize("kind", [in_short_points, path_paragraphs, quiz_texts], ids=lambda k: k.__name__)
def test_what_volunteers_read_scores_grade_6_or_below(kind):
    texts = kind()
    assert len(texts) >= 10
    too_hard = {f"{where}: {plain(text)}": round(grade(text), 1) for where, text in texts if grade(text) > GRADE}
    assert too_hard == {}


def test_the_score_is_real():
    """textstat scores as measured offline: a hard sentence fails, a plain one passes."""
    assert grade("The police have no automatic right to it. Pass their request to the coordinator.") == 6.0
    assert grade("Notwithstanding the aforementioned considerations, organisational confidentiality "
                 "responsibilities necessitate comprehensive documentation.") > 15
