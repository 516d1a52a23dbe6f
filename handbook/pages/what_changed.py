"""The "What changed in version X" page: the clauses' text changes and the answers that changed, as Markdown.

Everything from the group file, the policy text or the rules is escaped with `render.text` (HTML,
Markdown and template syntax alike), since the page passes through the page renderer like any other.
Insertions and deletions are <ins> and <del> (underlined, struck through) with words a screen reader
reads out ("Added:", "Removed:"), so the change never rests on colour alone.
"""
from __future__ import annotations

import re

import checkers
from checkers.actions import ACTIONS
from checkers.words import words as group_words

from ..folders import Folders
from ..group import Group
from ..policy.placement import clause_link
from ..policy.text_changes import ADDED, SAME, clause_changes
from ..answers.answer_changes import AnswerChange, answer_changes, rules_version
from ..templating import long_date, text
from .checker_form import hidden_options

PAGE = "changes.md"


def _clause_link(cid: str) -> str:
    return f"[{text(cid)}]({clause_link(cid, PAGE)})"


def diff_markdown(pieces) -> str:
    """Word-level diff as Markdown paragraphs with <ins>/<del>; a run never spans a paragraph break."""
    paragraphs: list[list[str]] = [[]]
    for kind, words in pieces:
        for n, part in enumerate(re.split(r"\n\s*\n", words)):
            if n:
                paragraphs.append([])
            stripped = part.strip()
            if not stripped:
                continue
            if kind == SAME:
                paragraphs[-1].append(part)
            else:
                tag, said = ("ins", "Added") if kind == ADDED else ("del", "Removed")
                space = " " if part != part.rstrip() else ""
                lead = " " if part != part.lstrip() else ""
                paragraphs[-1].append(f'{lead}<{tag}><span class="hb-sr">{said}: </span>{stripped}'
                                      f'<span class="hb-sr"> (end)</span></{tag}>{space}')
    return "\n\n".join("".join(p).strip() for p in paragraphs if p)


def _clause_section(folders: Folders, group: Group, old: str, new: str) -> list[str]:
    changes = clause_changes(folders, group, old, new)
    changed = [c for c in changes if c.status != "unchanged"]
    lines = ["## The policy text", ""]
    if not changed:
        return lines + [f"The wording of every clause is the same as in version {text(old)}.", ""]
    names = ", ".join(_clause_link(c.id) for c in changed)
    lines += [f"{len(changed)} of {len(changes)} clauses changed: {names}. The others read exactly as in "
              f"version {text(old)}. Below, underlined words were added and struck-through words were removed.", ""]
    for change in changed:
        lines += [f"### Clause {text(change.id)}: {text(change.title)}", ""]
        if change.note:
            lines += [f"**In short:** {text(change.note)}", ""]
        if change.status == "removed":
            lines += [f"This clause was removed in version {text(new)}.", ""]
        else:
            lines += [f"Read [clause {text(change.id)} as it is now]({clause_link(change.id, PAGE)}).", ""]
        lines += ['<div class="hb-diff" markdown>', "", diff_markdown(change.pieces), "", "</div>", ""]
    return lines


def _say(template: str, words: dict) -> str:
    """A decision or action description in the group's words ("Ask the Riverside coordinator")."""
    return template.format(**words)


def _labels(checker) -> dict[tuple[str, str], str]:
    return {(q.id, o.id): o.label for q in checker.questions for o in q.options}


def _decision(checker, code: str, words: dict) -> str:
    """A decision as the checker names it, in the group's words ("Ask the Riverside coordinator")."""
    return _say(checker.decisions.get(code, code), words)


def _outcome_cell(checker, answer, other, words: dict) -> str:
    """Decision, clauses and actions of one version; what the other version lacks is marked."""
    decision = text(_decision(checker, answer.decision, words))
    if answer.decision != other.decision:
        decision = f"**{decision}**"
    actions = []
    for code in answer.actions:
        said = text(_say(ACTIONS.get(code, code), words))
        actions.append(said if code in other.actions else f"**{said}**")
    cites = ", ".join(_clause_link(cid) for cid in answer.cites)
    return f"{decision}. Clauses {cites}. To do: {'; '.join(actions)}."


def _answers_table(checker, rows: list[AnswerChange], old: str, new: str, words: dict) -> list[str]:
    """Three columns, old beside new: the reader's answers (question and answer, one a line), then
    what each version's checker answers."""
    labels = _labels(checker)
    lines = [f"| Your answers | Version {text(old)} said | Version {text(new)} says |", "|---|---|---|"]
    for row in rows:
        said = []
        for q in checker.questions:
            value = row.answers.get(q.id)
            if value is None:
                continue  # not asked: it does not apply to these answers
            if q.multi:
                value = "; ".join(text(labels[(q.id, v)]) for v in value) or "None of these"
            else:
                value = text(labels[(q.id, value)])
            said.append(f"*{text(q.prompt)}* {value}")
        answers = f'<span data-combination="{text(row.key)}">{"<br>".join(said)}</span>'
        lines.append(f"| {answers} | {_outcome_cell(checker, row.old, row.new, words)} | {_outcome_cell(checker, row.new, row.old, words)} |")
    return lines


def _in_words(checker, change: AnswerChange, words: dict) -> str:
    """What differs, in words, for the short list above each table."""
    old, new = change.old, change.new
    quoted = lambda codes: " and ".join(f"\u201c{_say(ACTIONS.get(c, c), words)}\u201d" for c in codes)  # noqa: E731
    parts = []
    if old.decision != new.decision:
        parts.append(f"the answer is now \u201c{_decision(checker, new.decision, words)}\u201d "
                     f"(it was \u201c{_decision(checker, old.decision, words)}\u201d)")
    added, removed = _gained_and_lost(old.actions, new.actions)
    if added:
        parts.append(f"it adds {quoted(added)}")
    if removed:
        parts.append(f"it no longer says {quoted(removed)}")
    added_cites, removed_cites = _gained_and_lost(old.cites, new.cites)
    if added_cites:
        parts.append(f"it now cites clause {', '.join(added_cites)}")
    if removed_cites:
        parts.append(f"it no longer cites clause {', '.join(removed_cites)}")
    return "; ".join(parts) or "the order of what to do changed"


def _gained_and_lost(old, new) -> tuple[list, list]:
    """What `new` has that `old` had not, and what it lost, each in its own order."""
    return [x for x in new if x not in old], [x for x in old if x not in new]


def _answers_section(old: str, new: str, words: dict, keeps_case_files: bool) -> list[str]:
    lines = ["## The checkers' answers", ""]
    old_rules, new_rules = rules_version(old), rules_version(new)
    if old_rules is None or new_rules is None:
        missing = new if new_rules is None else old
        return lines + [f"The checkers have no rules for version {text(missing)}, so their answers "
                        "cannot be compared.", ""]
    if old_rules == new_rules:
        return lines + [f"The checkers answer exactly as in version {text(old)}: the rules did not change.", ""]
    changes = [change for change in answer_changes(old, new)
               if not any(change.answers.get(qid) in options
                          for qid, options in hidden_options(keeps_case_files, change.checker).items())]
    lines += [f"Every possible combination of answers was put to both versions' rules. These are the "
              f"combinations whose answer changed: the decision, the clauses it cites or what to do. "
              f"In the answers, **bold** marks what is different. Where the handbook is published with its earlier "
              f"versions, choose version {text(old)} in the version menu at the top of the page to try "
              f"its checkers.", ""]
    for checker_id, checker in checkers.CHECKERS.items():
        rows = [change for change in changes if change.checker == checker_id]
        lines += [f"### {text(checker.title)}", ""]
        if not rows:
            lines += [f"Every answer is the same as in version {text(old)}.", ""]
            continue
        groups: dict[str, list[AnswerChange]] = {}
        for row in rows:
            groups.setdefault(_in_words(checker, row, words), []).append(row)
        ordered = sorted(groups.items(), key=lambda item: -len(item[1]))
        lines += [f"{len(rows)} combinations of answers get a different answer. In short:", ""]
        lines += [f"- {len(group)} of them: {text(said)}." for said, group in ordered] + [""]
        for said, group in ordered:
            lines += [f"**{len(group)} combinations: {text(said)}.**", ""]
            lines += _answers_table(checker, group, old, new, words) + [""]
    return lines


def _approval_sentence(version: str, entry) -> str:
    if entry.approved is None:
        return f"Version {text(version)} of the policy is not yet approved."
    due = f" Its next review is due on {long_date(entry.review_due)}." if entry.review_due else ""
    return f"Version {text(version)} of the policy was approved on {long_date(entry.approved)}.{due}"


def render_what_changed(group: Group, version: str, folders: Folders) -> str:
    """Markdown for the page "What changed in version X", in the group's words."""
    entry = group.version(version)
    old = group.previous_version(version)
    lines = [f"# What changed in version {text(version)}", "",
             _approval_sentence(version, entry), "",
             '!!! summary "In short"', f"    {text(entry.summary)}", ""]
    if old is None:
        return "\n".join(lines + ["This is the first version of the policy in this handbook, so there is "
                                  "nothing earlier to compare it with.", ""])
    before = group.version(old)
    lines += [f"It replaces version {text(old)}, {before.approval}. This page compares the two.", ""]
    lines += _clause_section(folders, group, old, version)
    lines += _answers_section(old, version, group_words(group.words()), group.keeps_case_files)
    page = "\n".join(lines).rstrip() + "\n"
    return page
