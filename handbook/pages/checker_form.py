"""Render a checker's form as plain HTML from its question list (the page's form markup, a public contract).

The form works before any script runs (and is readable without one): inputs are named by question
id with option ids as values; the answer element gets `data-decision` and `data-cites` once the
browser engine (handbook/browser/assets/checker.js) has answered. Without JavaScript the form links to
All answers, the route to an answer one question at a time. Nothing here reads a reader's answers: they stay in the browser.
"""
from __future__ import annotations

import hashlib
import json

from checkers import CHECKERS
from checkers.checker import Checker

from ..errors import HandbookError
from ..policy.placement import CLAUSE_PAGES, clause_url
from . import form_templates
from .links import Links

# The no-JavaScript fallback: the first question of each checker's route (pages/route_pages.py).
ANSWERS_PAGE = "all-answers/{checker_id}/"


def _checker(checker_id: str) -> Checker:
    if checker_id not in CHECKERS:
        raise HandbookError(f"unknown checker {checker_id!r}; expected one of: {', '.join(sorted(CHECKERS))}")
    return CHECKERS[checker_id]


def hidden_options(keeps_case_files: bool, checker_id: str | None = None) -> dict[str, tuple[str, ...]]:
    """Options a group's forms and answer pages leave out, as its checkers say (`Checker.shown_if`):
    "Their case file" where none are kept. For one checker, or (None) every checker's together."""
    settings = {"keeps_case_files": keeps_case_files}
    hidden: dict[str, tuple[str, ...]] = {}
    for checker in [_checker(checker_id)] if checker_id else CHECKERS.values():
        for qid, options in checker.hidden(settings).items():
            hidden[qid] = tuple(dict.fromkeys(hidden.get(qid, ()) + options))
    return hidden


def _check_preset(checker: Checker, preset: dict) -> dict:
    questions = {q.id: q for q in checker.questions}
    for qid, value in preset.items():
        if qid not in questions:
            raise HandbookError(f"checker {checker.id!r} has no question {qid!r} to preset; "
                                f"expected one of: {', '.join(questions)}")
        question = questions[qid]
        values = value if question.multi and isinstance(value, (list, tuple)) else [value]
        for option in values:
            if option not in question.option_ids():
                raise HandbookError(f"preset {qid}: {option!r} is not an option of checker {checker.id!r}; "
                                    f"expected one of: {', '.join(question.option_ids())}")
    return preset


def render_checker(checker_id: str, *, links: Links, preset: dict | None = None, group: dict | None = None,
                   version: str | None = None, hidden: dict[str, tuple[str, ...]] | None = None) -> str:
    """The HTML for one checker's form, ready to drop into a Markdown page as one raw HTML block.

    Every address is relative to the page (see links.py), so the site works wherever it is
    served (e.g. under /1.0/). `hidden` leaves options out of the form (a group that keeps no case
    files is never offered "Their case file"); the rules still know them.
    """
    checker = _checker(checker_id)
    preset = _check_preset(checker, dict(preset or {}))
    questions = []
    for question in checker.questions:
        chosen = preset.get(question.id, [] if question.multi else None)
        chosen = set(chosen) if question.multi else {chosen}
        options = [o for o in question.options if o.id not in (hidden or {}).get(question.id, ())]
        questions.append({"q": question, "options": options, "applies": question.applies(preset), "chosen": chosen})
    uid = f"hb-{checker_id}"
    if preset:
        uid += "-" + hashlib.sha256(json.dumps(preset, sort_keys=True).encode()).hexdigest()[:6]
    html = form_templates().get_template("checker_form.html").render(
        checker=checker, checker_id=checker_id, uid=uid, questions=questions, version=version or "",
        preset=preset, group=group or {}, answers_url=links.raw_root + ANSWERS_PAGE.format(checker_id=checker_id),
        # a generator leaves <noscript> content as written: from the page as the browser sees it
        noscript_answers_url=links.output_root + ANSWERS_PAGE.format(checker_id=checker_id),
        clauses={cid: links.output_root + clause_url(cid) for cid in CLAUSE_PAGES},
    )
    # One raw HTML block for Python-Markdown: no blank lines, no leading indentation.
    return "\n".join(line.strip() for line in html.splitlines() if line.strip()) + "\n"
