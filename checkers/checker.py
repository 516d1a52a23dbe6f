"""A checker, declared: everything the handbook knows about one checker, in one object.

Each checker package declares `CHECKER = Checker(...)` from its own questions, rules and record, and
`checkers.CHECKERS` maps ids to them. The handbook (forms, tables, routes, first answers, pages) reads
only this object, never a checker's own modules, so a new checker is one folder and one registry line.
`outcome()` and `decide()` are written here once. Standard library only: it runs in Pyodide too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from . import engine, versions
from .engine import Rule
from .model import Question, Result
from .validation import check
from .words import words


@dataclass(frozen=True)
class FromAnswer:
    """Words a template fills in from one answer alone ({what}: "their personal details").

    `text` gets the checked answer to `question`: an option id, None when unanswered or not asked, or the
    ticked option ids (a frozenset) of a multi-choice question. Because the words rest on that one answer,
    a page can fill them from the reader's own ticks: its first-answers data keeps one answer per situation
    the rules tell apart, not one per way of saying it (handbook/browser/first_answers.py).
    """

    question: str
    text: Callable[[object], str]


@dataclass(frozen=True)
class Parts:
    """A judgement's sentence by its parts, for the record of every answer, when its combinations are too many to
    write out (breach's risk): how the parts make the sentence, and each part with every wording it takes."""

    title: str  # what the sentence is, and where the answer says it
    how: str  # how the parts make the sentence, with the parts as [name]
    parts: tuple[tuple[str, str, tuple[str, ...]], ...]  # (name, when it is said, every wording), in sentence order


@dataclass(frozen=True, kw_only=True)
class Checker:
    """One checker: its questions and rules, and how its answers are worded, written down and shown.

    `facts(answers, version)` turns checked answers into what the rules read; `from_answers` names the
    words its templates fill in beside the group's ({what}, {who}), each from one answer;
    `record(answers, outcome, assessment)` what to write down, as templates: what it says of an answer is
    a `from_answers` word, its line naming the decision engine.DECIDED. `assess(answers)`, when given, is the judgement
    behind the answer (breach's risk: an object with `.sentence()`, a template filled like the rest),
    shown in Result.assessment and written `{assessment}` in the record; it is worked out once and handed
    to `facts(answers, version, assessment)` and to `record`. Without it, `record` gets None.
    `assessed` names the questions whose answers reach the answer only through `assess` and
    `from_answers` (the rules read the assessment, never them): the first-answers data keeps the two
    apart, and tests/rules/test_first_answers.py holds that true.
    """

    id: str
    title: str
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]
    decisions: dict[str, str]  # decision code -> how the "What changed" page names it, in group words
    facts: Callable[[dict, str], object]
    record: Callable[..., tuple[str, ...]]
    from_answers: dict[str, FromAnswer] = field(default_factory=dict)
    assess: Callable[[dict], object] | None = None
    # An optional question left unanswered means this option, so tables and routes do not list it apart.
    unanswered: dict[str, str] = field(default_factory=dict)
    # The questions the committed answers table expands (None: all), the others left unanswered.
    table_questions: tuple[str, ...] | None = None
    # Answer sets that reach every answer when the table leaves questions unanswered: one for each judgement the
    # rules can tell apart, crossed with the other answers. The record of every answer walks them too.
    representatives: Callable[[], Iterable[dict]] | None = None
    assessment_parts: Parts | None = None  # the judgement's sentence by its parts, for the record
    # Options that change nothing (decision, cites or actions) under some version, and why:
    # "<version> <question>.<option>" -> the reason (tests/rules/test_rules_invariants.py reads it).
    no_effect: dict[str, str] = field(default_factory=dict)
    route_order: tuple[str, ...] | None = None  # the order the route asks the questions in (None: the form's)
    # A multi-choice question whose rules read only its first option that applies, in this order.
    first_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    paper_form: str | None = None  # the document the answer is written down on (a document id)
    # A group setting (group.yml key) -> the options left out of forms and routes when it is false.
    shown_if: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    assessed: tuple[str, ...] = ()
    example: dict = field(default_factory=dict)  # answers a reader might give: asked of a new memory snapshot

    def __post_init__(self) -> None:
        ids = [q.id for q in self.questions]
        named = [*self.unanswered, *(self.table_questions or ()), *(self.route_order or ()), *self.first_of,
                 *self.assessed, *(word.question for word in self.from_answers.values()),
                 *(qid for hidden in self.shown_if.values() for qid in hidden)]
        unknown = [qid for qid in named if qid not in ids]
        if unknown:
            raise ValueError(f"checker {self.id!r} names question {unknown[0]!r}, which it does not ask")
        leaning = [q.id for q in self.questions if q.id not in self.assessed and set(q.when) & set(self.assessed)]
        if leaning:  # the first answers find the answer from the other questions and the assessment alone
            raise ValueError(f"checker {self.id!r}: question {leaning[0]!r} is asked after an assessed one")
        undecided = [rule.decision for rule in self.rules if rule.decision and rule.decision not in self.decisions]
        if undecided:
            raise ValueError(f"checker {self.id!r}: rule decision {undecided[0]!r} is not in its decisions")

    def outcome(self, answers: dict, version: str | None = None) -> engine.Outcome:
        """The rules' answer, before wording: used by decide() and by the answers table."""
        checked, _ = check(self.id, self.questions, answers)
        version = versions.resolve(version)
        return engine.evaluate(self.rules, self._read(checked, version)[1], version)

    def decide(self, answers: dict, group: dict | None = None, version: str | None = None) -> Result:
        """The answer for checked answers, in the group's words (generic when None)."""
        return self.explain(answers, group, version)[1]

    def explain(self, answers: dict, group: dict | None = None,
                version: str | None = None) -> tuple[engine.Outcome, Result]:
        """decide()'s answer with the rules' outcome behind it (the rule that decided, those that matched),
        worked out once: the record of every answer reads both for every answer set."""
        checked, ignored = check(self.id, self.questions, answers)
        outcome, record, assessment = self.templates(checked, versions.resolve(version))
        return outcome, engine.result(outcome, dict(words(group), **self.values(checked)), record, ignored,
                                      assessment)

    def templates(self, checked: dict, version: str) -> tuple[engine.Outcome, tuple[str, ...], str]:
        """The rules' outcome, the record and the assessment, before any words are filled in: what the
        first-answers data keeps once for every answer set that words alone tell apart."""
        assessment, facts = self._read(checked, version)
        outcome = engine.evaluate(self.rules, facts, version)
        return outcome, self.record(checked, outcome, assessment), assessment.sentence() if assessment else ""

    def checked(self, answers: dict) -> dict:
        """The answers as the rules read them (a multi-choice answer as a set); bad answers raise AnswerError."""
        return check(self.id, self.questions, answers)[0]

    def values(self, checked: dict) -> dict[str, str]:
        """The words filled in from the reader's answers ({what}, {who}), by name."""
        return {name: word.text(checked.get(word.question)) for name, word in self.from_answers.items()}

    def _read(self, checked: dict, version: str) -> tuple[object, object]:
        """The assessment (None without one) and the facts the rules read, which rest on it."""
        if self.assess is None:
            return None, self.facts(checked, version)
        assessment = self.assess(checked)
        return assessment, self.facts(checked, version, assessment)

    def hidden(self, settings: dict[str, bool]) -> dict[str, tuple[str, ...]]:
        """The options a group's forms and routes leave out, given its settings (e.g. keeps_case_files)."""
        hidden: dict[str, tuple[str, ...]] = {}
        for setting, options in self.shown_if.items():
            if not settings.get(setting, True):
                for qid, ids in options.items():
                    hidden[qid] = tuple(dict.fromkeys(hidden.get(qid, ()) + ids))
        return hidden

    # The names a checker's package has always exported (DESIGN.md's contract: ID, TITLE, QUESTIONS, DECISIONS,
    # decide; and RULES, NO_EFFECT, UNANSWERED, TABLE_QUESTIONS), kept so that code and tests written against a
    # checker's package read its Checker the same way. The handbook itself reads the fields above.
    @property
    def ID(self) -> str:
        return self.id

    @property
    def TITLE(self) -> str:
        return self.title

    @property
    def QUESTIONS(self) -> tuple[Question, ...]:
        return self.questions

    @property
    def DECISIONS(self) -> tuple[str, ...]:
        return tuple(self.decisions)

    @property
    def RULES(self) -> tuple[Rule, ...]:
        return self.rules

    @property
    def NO_EFFECT(self) -> dict[str, str]:
        return self.no_effect

    @property
    def UNANSWERED(self) -> dict[str, str]:
        return self.unanswered

    @property
    def TABLE_QUESTIONS(self) -> tuple[str, ...] | None:
        return self.table_questions
