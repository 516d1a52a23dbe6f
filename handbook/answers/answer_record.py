"""Every answer a checker can give, in the example group's words: the record a safeguarding lead reads.

The answers tables (tables.py) hold codes only. This record holds the words, for every valid answer set
under every policy version, in the words of the example group (the project's group.yml), written into
checkers/answers/<checker>.txt. Each distinct outcome (the rule that decides, at its urgency) is written
once: its decision, title, steps, which notes other rules add to it, which lines to write down, and which
answers lead to it. A checker whose table leaves questions unanswered gives representative answer sets that
reach the rest of its space (Checker.representatives): they are walked too, and counted apart. Each note and
each line to write down is written once for the whole checker. The words that change with the answers
("[what]") are shown once, with every value they take; a step already written out under an earlier answer is
named by its number. An assessment with too many sentences to write out is shown by its parts
(Checker.assessment_parts). What only one policy version says is marked
"(only in 1.0)". So every wording shows once, a change of words is a changed line in a diff, and the file is
short enough to read in one sitting.

    handbook answers --write      # rewrite the tables and these records
"""
from __future__ import annotations

import difflib
import functools
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

import checkers
from checkers import versions
from checkers.checker import Parts
from checkers.model import URGENCIES
from checkers.words import AGAIN, words

from ..group import load_group
from .record_text import BLANK, render
from .tables import ANSWERS_DIR, combinations, table_questions
from .wording import Line, Wording, template_pattern

EXAMPLE_GROUP = Path(checkers.__file__).resolve().parents[1] / "group.yml"


def record_path(checker_id: str) -> Path:
    return ANSWERS_DIR / f"{checker_id}.txt"


@dataclass
class Outcome:
    """One distinct outcome: the rule that decides, at one urgency, and everything seen with it."""

    rule: object  # the deciding Rule
    urgency: str
    title: Wording
    steps: dict[str, Wording] = field(default_factory=dict)  # template -> its words, in the rule's order
    notes: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (rule, template) -> versions
    lines: dict[str, list[int]] = field(default_factory=dict)  # label -> [answer sets it is in (any), per version]
    assessments: dict[str, set[str]] = field(default_factory=dict)
    raised_by: dict[str, str] = field(default_factory=dict)  # rule name -> its summary
    answers: dict[str, set[tuple]] = field(default_factory=dict)  # version -> the table's answer sets
    counts: dict[str, int] = field(default_factory=dict)  # version -> the table's answer sets
    represented: dict[str, int] = field(default_factory=dict)  # version -> representative answer sets
    also: dict[str, set] = field(default_factory=dict)  # question -> answers only representative sets give here


@dataclass
class Record:
    """Everything the record of one checker says, gathered from every answer set under every version."""

    checker_id: str
    group_name: str
    later: str  # how an answer names the manager after the first mention
    questions: tuple
    rules: tuple
    left: tuple[str, ...] = ()  # questions the answers table leaves unanswered (tables.TABLE_QUESTIONS)
    parts: Parts | None = None  # the assessment's sentence by its parts (Checker.assessment_parts)
    representatives: int = 0  # representative answer sets walked beside the table's, per version
    outcomes: dict[tuple[str, str], Outcome] = field(default_factory=dict)
    notes: dict[tuple[str, str], Wording] = field(default_factory=dict)
    lines: dict[str, Line] = field(default_factory=dict)
    distinct: int = 0  # distinct final answers (title, steps, lines to write down, assessment)

    @functools.cached_property
    def answered(self) -> list[set]:
        """Per question, every answer some answer set gives it (once gathering is done)."""
        every = [answers for outcome in self.outcomes.values() for sets in outcome.answers.values()
                 for answers in sets]
        return [{answers[n] for answers in every} for n in range(len(self.questions))]


class Words:
    """The example group's words, and the one change once() makes: "the manager" after the first mention."""

    def __init__(self, group: dict):
        self.phrases = words(group)
        self.full, self.again = self.phrases["manager"], self.phrases[AGAIN]
        self.later = re.compile(rf"\b{re.escape(self.again)}\b", re.IGNORECASE)

    def named_in_full(self, text: str) -> str:
        """Every mention of the manager as the first one is written, so one wording is written one way."""
        return self.later.sub(lambda m: m.group()[0] + self.full[1:], text)


OWN = re.compile(r"\[(title|assessment|clauses)\]")  # the answer's own words in a line to write down


def _line_text(text: str, result, said: Words) -> str:
    """A line to write down with the answer's own title, assessment and clauses shown as slots."""
    text = said.named_in_full(text).replace(said.named_in_full(result.title), "[title]")
    if result.assessment:
        text = text.replace(said.named_in_full(result.assessment), "[assessment]")
    return re.sub(rf"clauses? {re.escape(', '.join(result.cites))}\b", "[clauses]", text)


def _label(text: str) -> str:
    """A line's label: its words before the first ": " after the answer's own words, or the whole line."""
    own = [found.end() for found in OWN.finditer(text)]
    start = own[-1] if own else 0
    label, colon, _ = text[start:].partition(": ")
    return text[:start] + label if colon else text


def _gather(record: Record, said: Words, version: str, answers: dict, outcome, result, seen: set,
            represents: bool = False) -> None:
    """Add one answer set's outcome and words to the record (a representative one is counted apart)."""
    rule = outcome.winner
    key = (rule.name, result.urgency)
    if key not in record.outcomes:  # (a pattern is made only for a wording not seen yet: they are slow to make)
        record.outcomes[key] = Outcome(rule, result.urgency, Wording(template_pattern(rule.title, said.phrases)))
    found = record.outcomes[key]
    found.title.add(said.named_in_full(result.title), version)
    counts = found.represented if represents else found.counts
    counts[version] = counts.get(version, 0) + 1
    for template, text in zip(outcome.steps, result.steps, strict=True):
        text = said.named_in_full(text)
        if template in rule.steps:
            if template not in found.steps:
                found.steps[template] = Wording(template_pattern(template, said.phrases))
            found.steps[template].add(text, version)
            continue
        note = next(other for other in outcome.matched if template in other.note)
        if (note.name, template) not in record.notes:
            record.notes[note.name, template] = Wording(template_pattern(template, said.phrases))
        record.notes[note.name, template].add(text, version)
        found.notes.setdefault((note.name, template), set()).add(version)
    for text in result.record:
        text = _line_text(text, result, said)
        label = _label(text)
        record.lines.setdefault(label, Line(label)).add(text, version)
        found.lines.setdefault(label, [0] * len(versions.VERSIONS))[versions.VERSIONS.index(version)] += 1
    if result.assessment:
        found.assessments.setdefault(said.named_in_full(result.assessment), set()).add(version)
    for other in outcome.matched:
        if other.urgency == result.urgency != rule.urgency:
            found.raised_by[other.name] = other.summary
    given = tuple(frozenset(answers.get(q.id) or ()) if q.multi else answers.get(q.id, BLANK)
                  for q in record.questions)
    if represents:
        for question, answer in zip(record.questions, given):
            if not question.multi and question.id not in record.left:
                found.also.setdefault(question.id, set()).add(answer)
    else:
        found.answers.setdefault(version, set()).add(given)
    seen.add((result.title, result.steps, result.record, result.assessment))


@functools.lru_cache(maxsize=None)
def gather(checker_id: str) -> Record:
    """The record of one checker: every valid answer set of the answers table (which may leave some optional
    questions unanswered: tables.py), and the checker's representative answer sets, under every policy version."""
    checker = checkers.CHECKERS[checker_id]
    group = load_group(EXAMPLE_GROUP)
    said = Words(group.words())
    represented = tuple(checker.representatives()) if checker.representatives else ()
    record = Record(checker_id, group.name, said.again, tuple(checker.questions), tuple(checker.rules),
                    tuple(q.id for q in checker.questions if q not in table_questions(checker_id)),
                    checker.assessment_parts, len(represented))
    seen: set = set()
    group_words = group.words()
    for version in versions.VERSIONS:
        for represents, answer_sets in ((False, combinations(checker_id)), (True, represented)):
            for answers in answer_sets:
                outcome, result = checker.explain(answers, group=group_words, version=version)
                _gather(record, said, version, answers, outcome, result, seen, represents)
    order = {rule.name: n for n, rule in enumerate(record.rules)}
    record.outcomes = dict(sorted(record.outcomes.items(),
                                  key=lambda item: (order[item[0][0]], URGENCIES.index(item[0][1]))))
    record.notes = dict(sorted(record.notes.items(), key=lambda item: order[item[0][0]]))
    record.distinct = len(seen)
    return record


@functools.lru_cache(maxsize=None)
def build_record(checker_id: str) -> str:
    """The record of every answer of one checker, as text."""
    return render(gather(checker_id))


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
