"""The induction pack's values: the seven things to remember, the path's steps and the quiz, for its template.

Made from the same data as the pages (policy/path.py and answers/quiz.py), never from the pages
themselves, so the pack cannot say other than the site; templates/documents/induction-pack.html
lays them out like any form, and a group may reword it in my-templates/documents/ like any form.
"""
from __future__ import annotations

from checkers.clauses import clause_word

from ..folders import Folders
from ..group import Group, PolicyVersion
from ..policy import path
from ..policy.text import load_policy
from ..answers.quiz import quiz
from .inline import inline_xml


def values(group: Group, version: PolicyVersion, folders: Folders) -> dict:
    """`remember`, `steps` and `quiz`: the words already in the group's words, as inline XML where Markdown."""
    policy = load_policy(folders, version.version)
    steps = [{"number": step.number, "title": step.title, "lead": [inline_xml(p) for p in step.lead],
              "points": [inline_xml(p) for p in step.points], "clause": step.clauses[0],
              "section": policy.clauses[step.clauses[0]].title}
             for step in path.steps(folders, group)]
    remember = [{"text": inline_xml(point.text), "clauses": ", ".join(point.clauses),
                 "word": clause_word(len(point.clauses))}
                for point in path.remember(folders, group)]
    return {"remember": remember, "steps": steps, "quiz": quiz(folders, version.version, group.words())}
