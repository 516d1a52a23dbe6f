"""Every answer a checker can give, in the example group's words: the record a safeguarding lead reads.

The answers tables (tables.py) hold codes only. This record holds the words, for every valid answer set
under every policy version, in the words of the example group (the project's group.yml), written into
checkers/answers/<checker>.txt. Each distinct outcome (the rule that decides, at its urgency) is written
once: its decision, title, steps, which notes other rules add to it, which lines to write down, and which
answers lead to it. A checker whose table leaves questions unanswered gives representative answer sets that
reach the rest of its space (Checker.representatives): they are walked too, and counted apart. Each note and
each line to write down is written once for the whole checker, from its template (Checker.templates): the
group's words filled in, each word from one answer (Checker.from_answers) as its slot ("[data said]"), and
those words said once, for every answer, under "Words from one answer". In a title, step or note, a word
that changes with the answers ("[what]") is shown with every value it takes there; a step already written
out under an earlier answer is named by its number. An assessment with too many sentences to write out is
shown by its parts (Checker.assessment_parts). What only one policy version says is marked "(only in 1.0)".
So every wording shows once, a change of words is a changed line in a diff, and the file is short enough to
read in one sitting.

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
from checkers import engine, versions
from checkers.checker import Parts
from checkers.model import URGENCIES
from checkers.words import AGAIN, fill, words

from ..group import load_group
from .record_text import render
from .tables import ANSWERS_DIR, combinations, table_questions
from .wording import BLANK, Wording, said as word_said, slot

EXAMPLE_GROUP = Path(checkers.__file__).resolve().parents[1] / "group.yml"


def record_path(checker_id: str) -> Path:
    return ANSWERS_DIR / f"{checker_id}.txt"


OWN = ("title", "clauses", "assessment")  # the answer's own words, in a line to write down


@dataclass
class Outcome:
    """One distinct outcome: the rule that decides, at one urgency, and everything seen with it."""

    rule: object  # the deciding Rule
    urgency: str
    title: Wording
    steps: dict[str, Wording] = field(default_factory=dict)  # template -> its words, in the rule's order
    notes: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (rule, template) -> versions
    lines: dict[str, list[int]] = field(default_factory=dict)  # line, as shown -> [answer sets it is in, per version]
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
    lines: dict[str, set[str]] = field(default_factory=dict)  # line to write down, as shown -> versions
    said: tuple[str, ...] = ()  # each word from one answer, and what it is for every answer (wording.said)
    distinct: int = 0  # distinct final answers (title, steps, lines to write down, assessment)

    @functools.cached_property
    def answered(self) -> list[set]:
        """Per question, every answer some answer set gives it (once gathering is done)."""
        every = [answers for outcome in self.outcomes.values() for sets in outcome.answers.values()
                 for answers in sets]
        return [{answers[n] for answers in every} for n in range(len(self.questions))]


class Words:
    """The example group's words, and the one change once() makes: "the manager" after the first mention."""

    def __init__(self, group: dict, from_answers=()):
        self.phrases = words(group)
        self.full, self.again = self.phrases["manager"], self.phrases[AGAIN]
        self.later = re.compile(rf"\b{re.escape(self.again)}\b", re.IGNORECASE)
        # A line to write down as the record shows it: the group's words, and a slot for each other word.
        self.slots = {**self.phrases, **{name: slot(name) for name in from_answers},
                      **{name: slot(name) for name in OWN}, "decided": f"{slot('title')} ({slot('clauses')})"}

    def named_in_full(self, text: str) -> str:
        """Every mention of the manager as the first one is written, so one wording is written one way."""
        return self.later.sub(lambda m: m.group()[0] + self.full[1:], text)


def _gather(record: Record, said: Words, version: str, answers: dict, checker, seen: set,
            represents: bool = False) -> None:
    """Add one answer set's outcome and words to the record (a representative one is counted apart)."""
    checked = checker.checked(answers)
    outcome, lines, assessment = checker.templates(checked, version)
    values = checker.values(checked)
    result = engine.result(outcome, dict(said.phrases, **values), lines, (), assessment)
    values["when"] = outcome.urgency
    rule = outcome.winner
    key = (rule.name, result.urgency)
    if key not in record.outcomes:
        record.outcomes[key] = Outcome(rule, result.urgency, Wording(rule.title, said.phrases))
    found = record.outcomes[key]
    found.title.add(values, version)
    counts = found.represented if represents else found.counts
    counts[version] = counts.get(version, 0) + 1
    for template in outcome.steps:
        if template in rule.steps:
            found.steps.setdefault(template, Wording(template, said.phrases)).add(values, version)
            continue
        note = next(other for other in outcome.matched if template in other.note)
        record.notes.setdefault((note.name, template), Wording(template, said.phrases)).add(values, version)
        found.notes.setdefault((note.name, template), set()).add(version)
    for template in lines:
        text = fill(template, said.slots)
        record.lines.setdefault(text, set()).add(version)
        found.lines.setdefault(text, [0] * len(versions.VERSIONS))[versions.VERSIONS.index(version)] += 1
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


def _label(line: str) -> str:
    """What a line to write down is about: its words before the first ": " ("Who asked")."""
    return line.partition(": ")[0]


@functools.lru_cache(maxsize=None)
def gather(checker_id: str) -> Record:
    """The record of one checker: every valid answer set of the answers table (which may leave some optional
    questions unanswered: tables.py), and the checker's representative answer sets, under every policy version."""
    checker = checkers.CHECKERS[checker_id]
    group = load_group(EXAMPLE_GROUP)
    said = Words(group.words(), checker.from_answers)
    represented = tuple(checker.representatives()) if checker.representatives else ()
    questions = {q.id: q for q in checker.questions}
    record = Record(checker_id, group.name, said.again, tuple(checker.questions), tuple(checker.rules),
                    tuple(q.id for q in checker.questions if q not in table_questions(checker_id)),
                    checker.assessment_parts, len(represented),
                    said=tuple(word_said(name, word, questions[word.question])
                               for name, word in checker.from_answers.items()))
    seen: set = set()
    for version in versions.VERSIONS:
        for represents, answer_sets in ((False, combinations(checker_id)), (True, represented)):
            for answers in answer_sets:
                _gather(record, said, version, answers, checker, seen, represents)
    order = {rule.name: n for n, rule in enumerate(record.rules)}
    record.outcomes = dict(sorted(record.outcomes.items(),
                                  key=lambda item: (order[item[0][0]], URGENCIES.index(item[0][1]))))
    record.notes = dict(sorted(record.notes.items(), key=lambda item: order[item[0][0]]))
    labels = list(dict.fromkeys(map(_label, record.lines)))  # lines that start alike are read together
    record.lines = dict(sorted(record.lines.items(), key=lambda item: labels.index(_label(item[0]))))
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
