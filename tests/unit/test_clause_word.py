"""One clause or several: the plural is made in one place (checkers/clauses.py), and every reader says it right."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import checkers
from checkers.clauses import cited, clause_word
from handbook.cli import main
from handbook.folders import Folders
from handbook.pages.path_pages import clause_links
from handbook.pages.quiz_form import answer_sheet
from handbook.answers.quiz import quiz

REPO = Path(checkers.__file__).resolve().parents[1]  # the repository, wherever this test file sits


def test_one_clause_is_a_clause_and_any_other_number_is_clauses():
    assert [clause_word(n) for n in (0, 1, 2, 7)] == ["clauses", "clause", "clauses", "clauses"]
    assert cited(("7",)) == "clause 7"
    assert cited(("4a", "9")) == "clauses 4a, 9"


def test_handbook_ask_says_clause_for_one():
    # I did; to keep a child safe; nothing got out (a near miss): clause 7 alone
    outcome = CliRunner().invoke(main, ["ask", "breach"], input="1\n1\n8\n")
    assert outcome.exit_code == 0, outcome.output
    assert "\nWhy: clause 7\n" in outcome.output
    assert "Why: clauses" not in outcome.output


def test_an_answer_resting_on_one_clause_is_written_down_as_one():
    near_miss = checkers.CHECKERS["breach"].decide({"who": "me", "reason": "protect_someone",
                                                    "what_happened": "near_miss"})
    assert near_miss.cites == ("7",)
    assert any(line.endswith("(clause 7).") for line in near_miss.record), near_miss.record
    colleague = checkers.CHECKERS["sharing"].decide({"about": "service_user", "requester": "colleague",
                                                     "information": "case_details", "consent": "signed_form",
                                                     "circumstances": []})
    assert any(line.endswith("(clause 2).") for line in colleague.record), colleague.record


def test_the_policy_path_and_the_quiz_answers_say_clause_for_one():
    assert clause_links(("4",), "path/x.md").startswith(" ([Clause 4](")
    assert clause_links(("5", "6"), "path/x.md").startswith(" ([Clauses 5](")
    sheet = answer_sheet(quiz(Folders(REPO), None, None), "quiz-answers.md")
    whys = [line for line in sheet.splitlines() if line.startswith("Why: ")]
    assert whys and all(line.startswith("Why: clauses ") == (", " in line) for line in whys), whys
