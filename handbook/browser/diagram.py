"""A decision diagram over a checker's answers: how the first-answers data finds an answer (first_answers.py).

Each node tests one thing the page knows: a single-choice answer (by option, or unanswered), one box of
a multi-choice question (ticked or not), the first box ticked of a question the checker reads by its first
option that applies (`first_of`), or the assessment's class (a checker that assesses: its answer reads
the assessment, never the facts behind it). A test whose every outcome leads to the same place is left
out, and equal places are one node: what the rules do not read costs nothing. The diagram is built by
walking every answer set the form can send, as checker.js's route() builds them.

As data: `tests`, and `nodes` "t.c.c..." (test number, then a child per outcome), each child a base-36
reference: 2n for node n, 2n+1 for leaf n, empty where the form never sends those answers.
"""
from __future__ import annotations

from collections.abc import Callable

from checkers import versions
from checkers.checker import Checker

ASSESSMENT = "@assessment"  # the test of the answer's diagram that reads the assessment's class
MARK = "\u24e0"  # circled q: marks where the page fills in a word from the answers ("ⓠ3ⓠ"; "Ⓠ3ⓠ" capitalised)


def marker(number: int) -> str:
    return f"{MARK}{number}{MARK}"


class Diagram:
    """One checker's diagram for one version; `leaves` holds what each leaf stands for.

    part None: the answer, from every question. "assessment": the assessment (leaves: sentence templates,
    `classes` their level, safety fact and open question, `reps` an answer set for each class and each
    answer to the other questions). "answer": the answer from the questions outside `assessed` and the
    class of the `assessments` diagram (leaves: the rules' outcome and the record, as templates).
    """

    def __init__(self, checker: Checker, version: str | None, part: str | None = None,
                 assessments: Diagram | None = None):
        self.checker, self.version, self.part = checker, versions.resolve(version), part
        self.tests: dict[tuple, int] = {}
        self.nodes: dict[tuple, int] = {}
        self.leaves: list = []
        self._leaf: dict = {}
        self.classes: list[tuple] = []  # the assessment part: (level, danger, open) per class
        self.leaf_class: list[int] = []  # the assessment part: each leaf's class
        self.reps: dict[tuple, dict] = {}
        self.assessments = assessments
        skip = checker.assessed if part == "answer" else ()
        self.questions = [q for q in checker.questions if q.id not in skip]
        self.root = self._grow(0, {})

    # Building: every answer set the form can send, one question at a time.
    def _grow(self, at: int, answers: dict) -> int | None:
        if at == len(self.questions):
            return self._end(answers)
        question = self.questions[at]
        if not question.applies(answers):
            return self._grow(at + 1, answers)
        if not question.multi:
            ids = question.option_ids()
            children = [self._grow(at + 1, {**answers, question.id: option}) for option in ids]
            same = self.checker.unanswered.get(question.id)  # the option "unanswered" means: the same place
            unanswered = (None if question.required else children[ids.index(same)] if same
                          else self._grow(at + 1, answers))
            return self._node(("one", question.id, question.option_ids()), children + [unanswered])
        first = self.checker.first_of.get(question.id)
        if first:
            children = [self._grow(at + 1, {**answers, question.id: [option]}) for option in first]
            none = None if question.at_least_one else self._grow(at + 1, {**answers, question.id: []})
            return self._node(("first", question.id, tuple(first)), children + [none])
        return self._ticks(at, answers, question.option_ids(), [])

    def _ticks(self, at: int, answers: dict, left: tuple, ticked: list) -> int | None:
        question = self.questions[at]
        if not left:
            if question.at_least_one and not ticked:
                return None
            return self._grow(at + 1, {**answers, question.id: ticked})
        return self._node(("tick", question.id, left[0]), [self._ticks(at, answers, left[1:], ticked),
                                                           self._ticks(at, answers, left[1:], ticked + [left[0]])])

    def _node(self, test: tuple, children: list) -> int | None:
        if all(child == children[0] for child in children):
            return children[0]
        key = (self.tests.setdefault(test, len(self.tests)), tuple(children))
        return 2 * self.nodes.setdefault(key, len(self.nodes))

    def _end(self, answers: dict) -> int | None:
        if self.part == "answer":
            classes = self.assessments.classes
            key = tuple(sorted((k, str(v)) for k, v in answers.items()))
            return self._node((ASSESSMENT,), [self._outcome(self.assessments.reps.get((key, c)))
                                              for c in range(len(classes))])
        if self.part == "assessment":
            return self._assessment(answers)
        return self._outcome(answers)

    def _outcome(self, answers: dict | None) -> int | None:
        if answers is None:
            return None
        outcome, record, _ = self.checker.templates(self.checker.checked(answers), self.version)
        key = (outcome.winner.name, outcome.urgency, outcome.cites, outcome.actions, outcome.steps, record)
        return self._leaf_of(key, lambda: (outcome, record))

    def _assessment(self, answers: dict) -> int:
        assessment = self.checker.assess(self.checker.checked(answers))
        kind = (assessment.level, assessment.danger, assessment.open)
        if kind not in self.classes:
            self.classes.append(kind)
        number = self.classes.index(kind)
        others = tuple(sorted((k, str(v)) for k, v in answers.items() if k not in self.checker.assessed))
        self.reps.setdefault((others, number), answers)
        sentence = assessment.sentence()
        if (number, sentence) not in self._leaf:
            self.leaf_class.append(number)
        return self._leaf_of((number, sentence), lambda: sentence)

    def _leaf_of(self, key, value: Callable) -> int:
        if key not in self._leaf:
            self._leaf[key] = len(self.leaves)
            self.leaves.append(value())
        return 2 * self._leaf[key] + 1

    def as_data(self) -> dict:
        """The diagram as the page reads it (checker.js: walk())."""
        data = {"tests": [_test(test) for test in self.tests],
                "nodes": ";".join(".".join([b36(test), *("" if c is None else b36(c) for c in children)])
                                  for test, children in self.nodes),
                "root": "" if self.root is None else b36(self.root)}
        if self.part == "assessment":
            data["classes"] = ",".join(b36(number) for number in self.leaf_class)
        return data


def _test(test: tuple) -> dict:
    kind, *rest = test
    if kind == ASSESSMENT:
        return {"assessment": True}
    question, detail = rest
    return {"question": question, {"one": "options", "first": "first", "tick": "option"}[kind]:
            list(detail) if isinstance(detail, tuple) else detail}


def b36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if not number:
            return text
