"""The induction quiz in the page: the forms (HTML) and the answer sheet (Markdown), from the rules' answers.

Both are made at build time from answers/quiz.py, so the page needs no Python runtime: the right
choice and its explanation (the rules' title, steps and clauses) are already in the HTML, and a
small script (browser/assets/quiz.js) only reveals them. Without JavaScript, or on paper, the
answer sheet page gives every answer.
"""
from __future__ import annotations

from checkers.clauses import clause_word

from ..policy.placement import CLAUSE_PAGES, clause_link, clause_url
from ..answers.quiz import Question
from ..templating import text
from . import form_templates
from .links import Links


def render_quiz(questions: tuple[Question, ...], links: Links) -> str:
    """Every situation as a form, ready to drop into a Markdown page as one raw HTML block."""
    html = form_templates().get_template("quiz_form.html").render(
        questions=questions, clauses={cid: links.raw_root + clause_url(cid) for cid in CLAUSE_PAGES},
        clause_word=clause_word)
    return "\n".join(line.strip() for line in html.splitlines() if line.strip()) + "\n"


def answer_sheet(questions: tuple[Question, ...], page: str) -> str:
    """Every situation's answer and the rules' explanation, with its clauses linked: Markdown."""
    parts = []
    for q in questions:
        steps = "\n".join(f"{number}. {text(step)}" for number, step in enumerate(q.steps, 1))
        cites = ", ".join(f"[{cid}]({clause_link(cid, page)})" for cid in q.cites)
        parts.append(f"## {q.number}. {text(q.name)}\n\n"
                     f"**Answer {q.right}:** {text(q.right_text)}\n\n"
                     f"Our rules say: **{text(q.title)}**\n\n{steps}\n\nWhy: {clause_word(len(q.cites))} {cites}.\n")
    return "\n".join(parts)
