"""The "I'm new here" path in the page: a step, the "Next" link and the seven things to remember, as Markdown.

The words come from policy/path.py (the pages' front matter and the policy pages' In short points);
this module only lays them out. Step numbers and "Next" links are worked out from the route, so
moving a step in docs/induction.md's `path:` renumbers and relinks every page.
"""
from __future__ import annotations

import posixpath

from checkers.clauses import clause_word

from ..policy import summaries
from ..policy.path import Point, Step
from ..policy.placement import clause_link
from ..templating import text


def link(from_page: str, to_page: str) -> str:
    """A Markdown link target between two pages' sources, which every generator resolves."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def next_button(from_page: str, to_page: str, label: str) -> str:
    return f"[{text(label)}]({link(from_page, to_page)}){{ .md-button .md-button--primary .hb-next }}\n"


def next_label(to_title: str, to_step: Step | None) -> str:
    """"Start step 1: ..." from the start page, "Next: step 4, ..." between steps, "Next: ..." after them."""
    if to_step is None:
        return f"Next: {to_title}"
    if to_step.number == 1:
        return f"Start step 1: {to_title}"
    return f"Next: step {to_step.number}, {to_title}"


def step_markdown(step: Step, count: int, section_title: str) -> str:
    """One step's page body (without its "Next" link): heading, progress, lead, In short, the policy's words."""
    first = step.clauses[0]
    lead = "\n\n".join(step.lead)
    return (f"# {text(step.title)}\n\n"
            f'<p class="hb-step">Step {step.number} of {count}</p>\n\n'
            f"{lead}\n\n"
            f"{summaries.admonition(list(step.points))}\n"
            f"Read the policy's own words: [clause {first}, {text(section_title)}]"
            f"({clause_link(first, step.page)}).\n\n")


def clause_links(clauses: tuple[str, ...], page: str) -> str:
    """" ([Clause 4](...))" or " ([Clauses 5](...) and [6](...))": the clauses a point rests on, linked."""
    if not clauses:
        return ""
    word = clause_word(len(clauses)).capitalize()
    links = [f"[{word + ' ' if index == 0 else ''}{cid}]({clause_link(cid, page)})"
             for index, cid in enumerate(clauses)]
    joined = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]
    return f" ({joined})"


def remember_markdown(points: tuple[Point, ...], page: str) -> str:
    """The seven things as a numbered list, each with links to its clauses."""
    lines = []
    for number, point in enumerate(points, 1):
        body = point.text.replace("\n", " ")
        lines.append(f"{number}. {body}{clause_links(point.clauses, page)}")
    return "\n".join(lines) + "\n"
