"""What changed between two policy versions' text: each clause compared word by word.

Computed from `policy/<version>.md`, never written by hand. The words compared are the clause's
Markdown in the group's words with every group value already escaped, so nothing a group typed
can turn into a link or markup when the diff is shown.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..folders import Folders
from ..group import Group
from .text import clause_markdown, clause_title, load_policy

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
    old: str  # the clause as staff read it (Markdown, the group's words filled in), "" when added
    new: str  # "" when removed
    pieces: tuple[tuple[str, str], ...] = ()  # (SAME | ADDED | REMOVED, text): the word-level diff
    note: str = ""  # the version's own note on this clause (group.yml `changes:`)


def _clauses(folders: Folders, group: Group, version: str) -> dict[str, tuple[str, str]]:
    """Clause id -> (title, Markdown) in the group's words."""
    policy = load_policy(folders, version)
    return {cid: (clause_title(policy, cid, group), clause_markdown(policy, cid, group).strip())
            for cid in policy.clauses}

def _tokens(value: str) -> list[str]:
    """Words with their trailing spaces, and PARAGRAPH between paragraphs."""
    words: list[str] = []
    for n, paragraph in enumerate(re.split(r"\n\s*\n", value.strip())):
        words += ([PARAGRAPH] if n else []) + _WORD.findall(paragraph.strip() + " ")
    return words


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The two texts as runs of same, removed and added words (paragraphs are kept apart by blank lines)."""
    a, b = _tokens(old), _tokens(new)
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


def clause_changes(folders: Folders, group: Group, old: str, new: str) -> list[ClauseChange]:
    """Every clause of either version, in the policy's order, compared word by word."""
    notes = group.version(new).changes
    before, after = _clauses(folders, group, old), _clauses(folders, group, new)
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
