"""Every distinct answer a checker can give, in the example group's words: the text a safeguarding lead reviews.

The answers tables (tables.py) hold codes only. This record holds the words: each distinct answer (decision,
urgency, title, steps, and the lines to write down) of every valid answer set, under the latest policy version,
in the words of the example group (the project's group.yml), written once into checkers/answers/<checker>.txt.
A sentence many answers share is written out once and named by a number (T for titles, S for steps, R for
lines to write down), so the file stays small enough to read and a change of words is a changed line in a diff.
The record's "Decision:" line repeats the title and its clauses, so it is shown as the answer's clauses.

    handbook answers --write      # rewrite the tables and these records
"""
from __future__ import annotations

import difflib
import functools
import itertools
from pathlib import Path

import checkers
from checkers import versions

from ..group import load_group
from .tables import ANSWERS_DIR, combinations

EXAMPLE_GROUP = Path(checkers.__file__).resolve().parents[1] / "group.yml"
DECISION_LINE = "Decision: "


def record_path(checker_id: str) -> Path:
    return ANSWERS_DIR / f"{checker_id}.txt"


def _common(records: dict) -> str:
    """The lines every way of writing this answer down shares, in order."""
    first = next(iter(records))
    return " ".join(line for line in first if all(line in other for other in records))


@functools.lru_cache(maxsize=None)
def build_record(checker_id: str) -> str:
    """The record of every distinct answer of one checker, as text."""
    checker, version = checkers.CHECKERS[checker_id], versions.LATEST
    group = load_group(EXAMPLE_GROUP)
    legends: dict[str, dict[str, str]] = {"T": {}, "S": {}, "R": {}}

    def number(kind: str, text: str) -> str:
        return legends[kind].setdefault(text, f"{kind}{len(legends[kind]) + 1}")

    answers_seen: dict[tuple, list] = {}
    for answers in combinations(checker_id):
        result = checker.decide(answers, group=group.words(), version=version)
        record = tuple(number("R", line) for line in result.record if not line.startswith(DECISION_LINE))
        key = (result.decision, result.urgency, number("T", result.title),
               tuple(number("S", step) for step in result.steps), " ".join(result.cites))
        answers_seen.setdefault(key, {}).setdefault(record, answers)
    lines = [f"Every answer the {checker_id} checker can give: {len(answers_seen):,} distinct answers, under "
             f"policy version {version}, in the words of {group.name} (group.yml). Regenerate: handbook answers "
             "--write.",
             "Each answer: decision and urgency | title | steps, in order | clauses; then the lines to write down, "
             "in order, and after them 'Decision:' with the title and clauses. Lines that repeat the reader's own "
             "answers (what was asked, consent, circumstances) are listed once under 'Lines to write down'.", ""]
    for kind, heading in (("T", "Titles"), ("S", "Steps"), ("R", "Lines to write down")):
        lines += [f"== {heading} ==", *(f"{n} {text}" for text, n in legends[kind].items()), ""]
    lines.append("== Answers ==")
    for n, ((decision, urgency, title, steps, cites), records) in enumerate(answers_seen.items(), 1):
        lines.append(f"A{n} {decision} {urgency} | {title} | {' '.join(steps)} | clauses {cites}")
        if len(records) == 1:  # the lines to write down, when they do not depend on more of the answers
            lines.append(f"  write down: {' '.join(next(iter(records)))}")
        else:
            lines.append(f"  write down: {_common(records)}, and the reader's answers ({len(records)} ways)")
    return "\n".join(lines) + "\n"


def write_records() -> list[Path]:
    """Rewrite every checker's record of answers."""
    written = []
    for checker_id in checkers.CHECKERS:
        path = record_path(checker_id)
        path.write_text(build_record(checker_id), encoding="utf-8")
        written.append(path)
    return written


def stale_record_diff(checker_id: str, limit: int = 40) -> str:
    """'' when the committed record matches the rules; otherwise the first lines of a diff."""
    path = record_path(checker_id)
    committed = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    diff = difflib.unified_diff(committed, build_record(checker_id).splitlines(), f"{path.name} (committed)",
                                f"{path.name} (from the rules)", lineterm="", n=0)
    return "\n".join(itertools.islice(diff, limit))
