"""What changed between two policy versions: the clauses' text, word by word, and the checkers' answers.

Both halves are computed, never written by hand: the text from `policy/<version>.md`, the answers
from the same enumeration as the committed answers tables, so the page and `handbook diff` cannot
drift from the policy or the rules. The "What changed" page is rendered by `changes_page.py`.
"""
from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import checkers
from checkers import versions as rule_versions

from .answers_table import outcomes
from .config import Group, load_group
from .errors import HandbookError
from .pages import Handbook
from .policy import load_policy
from .render import render_page

SAME, ADDED, REMOVED = "same", "added", "removed"
PARAGRAPH = "\n\n"  # a paragraph break, as one word of the diff
# A Markdown link is one word (its text is not diffed apart from its address); a word keeps its spaces.
_WORD = re.compile(r"\[[^\]\n]+\]\([^)\s]+\)\s*|\S+\s*")


@dataclass(frozen=True)
class ClauseChange:
    """One clause compared: status is "unchanged", "changed", "added" or "removed"."""

    id: str
    title: str
    status: str
    old: str  # the clause as staff read it (the group's words filled in), "" when added
    new: str  # "" when removed
    pieces: tuple[tuple[str, str], ...] = ()  # (SAME | ADDED | REMOVED, text): the word-level diff
    note: str = ""  # the version's own note on this clause (group.yml `changes:`)


@dataclass(frozen=True)
class Answer:
    decision: str
    cites: tuple[str, ...]
    actions: tuple[str, ...]


@dataclass(frozen=True)
class AnswerChange:
    """One combination of answers that the two versions' rules answer differently."""

    checker: str
    answers: dict = field(hash=False)  # question id -> option id (a list for a multi-choice question)
    old: Answer
    new: Answer

    @property
    def key(self) -> str:
        """'about=worker requester=police ... circumstances=none', as `answers_table.expand` names it."""
        parts = []
        for qid, value in self.answers.items():
            if isinstance(value, list):
                parts.append(f"{qid}={'+'.join(value) or 'none'}")
            else:
                parts.append(f"{qid}={value}")
        return " ".join(parts)


def _plain_clauses(root: Path, group: Group, version: str) -> dict[str, tuple[str, str]]:
    """Clause id -> (title, text) with the group's words filled in, as plain text."""
    entry = group.version(version)
    policy = load_policy(root, version)
    context = Handbook(group=group, version=entry, policy=policy, root=root, group_file=root / "group.yml").context("changes.md")
    plain = {}
    for cid, clause in policy.clauses.items():
        rendered = render_page(clause.text, f"policy/{version}.md, clause {cid}", context)
        plain[cid] = (clause.title, html.unescape(rendered).strip())
    return plain


def _words(value: str) -> list[str]:
    """Words with their trailing spaces, and PARAGRAPH between paragraphs."""
    words: list[str] = []
    for n, paragraph in enumerate(re.split(r"\n\s*\n", value.strip())):
        words += ([PARAGRAPH] if n else []) + _WORD.findall(paragraph.strip() + " ")
    return words


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The two texts as runs of same, removed and added words (paragraphs are kept apart by blank lines)."""
    a, b = _words(old), _words(new)
    pieces: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, [w.strip() for w in a], [w.strip() for w in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append((SAME, "".join(b[j1:j2])))
            continue
        if i2 > i1:
            pieces.append((REMOVED, "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append((ADDED, "".join(b[j1:j2])))
    return tuple(pieces)


def clause_changes(root: Path, old: str, new: str, *, group: Group | None = None) -> list[ClauseChange]:
    """Every clause of either version, in the policy's order, compared word by word."""
    group = group or load_group(root / "group.yml")
    notes = group.version(new).changes
    before, after = _plain_clauses(root, group, old), _plain_clauses(root, group, new)
    result = []
    for cid in list(after) + [c for c in before if c not in after]:
        note = notes.get(cid, "")
        if cid not in before:
            title, text = after[cid]
            result.append(ClauseChange(cid, title, "added", "", text, ((ADDED, text),), note))
        elif cid not in after:
            title, text = before[cid]
            result.append(ClauseChange(cid, title, "removed", text, "", ((REMOVED, text),), note))
        elif before[cid] == after[cid]:
            title, text = after[cid]
            result.append(ClauseChange(cid, title, "unchanged", text, text, ((SAME, text),), note))
        else:
            (old_title, old_text), (title, text) = before[cid], after[cid]
            pieces = word_diff(f"{old_title}\n\n{old_text}", f"{title}\n\n{text}") if old_title != title \
                else word_diff(old_text, text)
            result.append(ClauseChange(cid, title, "changed", old_text, text, pieces, note))
    return result


def rules_version(version: str) -> str | None:
    """The rules the checkers answer with under this version (a text-only version keeps the last
    rules), or None when they have none for it."""
    try:
        return rule_versions.resolve(version)
    except rule_versions.VersionError:
        return None


def answer_changes(old: str, new: str) -> list[AnswerChange]:
    """Every enumerated combination, per checker, whose decision, cites or actions differ."""
    old_rules, new_rules = rules_version(old), rules_version(new)
    if old_rules is None or new_rules is None:
        raise HandbookError(f"The checkers have no rules for version {old if old_rules is None else new}.")
    changes = []
    for checker_id in checkers.CHECKERS:
        before, after = outcomes(checker_id, old_rules), outcomes(checker_id, new_rules)
        for (answers, was), (same_answers, now) in zip(before, after, strict=True):
            assert answers == same_answers, "the enumeration does not depend on the version"
            was_answer = Answer(was.winner.decision, was.cites, was.actions)
            now_answer = Answer(now.winner.decision, now.cites, now.actions)
            if was_answer != now_answer:
                changes.append(AnswerChange(checker_id, answers, was_answer, now_answer))
    return changes


def what_differs(change: AnswerChange) -> list[str]:
    """The difference in words, e.g. ['decision: share -> get_consent', 'actions added: log_breach']."""
    old, new = change.old, change.new
    parts = []
    if old.decision != new.decision:
        parts.append(f"decision: {old.decision} -> {new.decision}")
    for name, was, now in (("cites", old.cites, new.cites), ("actions", old.actions, new.actions)):
        added = [item for item in now if item not in was]
        removed = [item for item in was if item not in now]
        if added:
            parts.append(f"{name} added: {' '.join(added)}")
        if removed:
            parts.append(f"{name} removed: {' '.join(removed)}")
        if not added and not removed and was != now:
            parts.append(f"{name} reordered")
    return parts


def previous_version(group: Group, version: str) -> str | None:
    """The version before this one in the group file, or None for the first."""
    numbers = [entry.version for entry in group.versions]
    index = numbers.index(group.version(version).version)
    return numbers[index - 1] if index else None


def render_changes_page(group: Group, version: str | None, root: Path) -> str:
    """Markdown for the page "What changed in version X" (see changes_page.py)."""
    from .changes_page import render  # the page's wording lives beside this module

    return render(group, group.version(version).version, root)
