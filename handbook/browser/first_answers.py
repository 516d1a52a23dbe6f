"""What the Python rules decided, as data a checker page looks up before its runtime is ready.

On a slow phone the runtime (about 5 MB compressed) takes half a minute to arrive; this data is a few
per cent of that (docs/about/performance.md). It holds the answer to every set of answers the page's form
can send (as checker.js's route() builds them: questions that do not apply left out, an unanswered
optional question left out, a multi-choice question as its list), in every policy version, in the
group's words. The page only looks up and fills in; no rule is written twice. Three things keep it small:
- **Words from one answer are filled in by the page** (the checker's `from_answers`: "{what}", the
  record's "What kind: ..."), and so is the record's line naming the answer's own title and clauses
  ("{decided}"). The build works each answer out once, with a marker where such words go, and keeps
  each word's text for every answer (for a multi-choice question, every set of ticks).
- **A decision diagram** (diagram.py) finds the answer: one test per question, or per box of a
  multi-choice question, skipping every test the answer does not rest on.
- **A checker that assesses** (breach: the risk) is kept in two parts, as its rules read it: the
  assessment by the facts, then the answer by the other answers and the assessment's level, safety fact
  and whether something is left to find out. The facts alone run past ten million answer sets otherwise.
  A multi-choice question the checker reads by its first option that applies (`first_of`) is one test.

The file is fetched whole (assets/checkers/first-answers-<checker>.json), so no request ever names
the answers. tests/rules/test_first_answers.py holds what it gives equal to decide().
"""
from __future__ import annotations

import dataclasses
import functools
import json
import re

import checkers
from checkers import engine, versions, words

from ..cache import cache_dir, code_files, fingerprint, keep, read_kept

from .diagram import MARK, Diagram, b36, marker

FIELDS = ("decision", "urgency", "title", "assessment", "steps", "cites", "actions", "record")
LISTED = ("steps", "cites", "record")  # numbers of lists, not of strings
MARKED = re.compile(f"([{MARK}{MARK.upper()}])([0-9]+){MARK}")  # a word to fill in; capitalised: it starts a sentence


def file_name(checker_id: str) -> str:
    return f"first-answers-{checker_id}.json"


@functools.lru_cache(maxsize=8)
def structure(checker_id: str, version: str | None) -> dict:
    """The group-independent part, as JSON: the diagrams and, at their leaves, the rules' outcomes before
    any words are filled in. Working it out decides every answer set (seconds: breach's facts run past a
    million), so it is kept in the user's cache under a hash of the code and the rules, signed."""
    version = versions.resolve(version)
    kept = cache_dir() / "first-answers" / f"{checker_id}-{version}-{fingerprint(code_files())}.json"
    try:
        return json.loads(read_kept(kept) or b"")
    except ValueError:
        pass
    checker = checkers.CHECKERS[checker_id]
    assessment = _assessment(checker_id) if checker.assess else None
    answer = Diagram(checker, version, part="answer" if assessment else None, assessments=assessment)
    texts: dict[str, int] = {}  # each template once: the outcomes share them

    def numbered(items) -> list[int]:
        return [texts.setdefault(item, len(texts)) for item in items]

    made = {"answer": answer.as_data(), "assessment": assessment and assessment.as_data(),
            "sentences": assessment.leaves if assessment else [],
            "classes": assessment.classes if assessment else [],  # (level, danger, open) by class: for the tests
            "outcomes": [[outcome.winner.name, outcome.urgency, " ".join(outcome.cites), " ".join(outcome.actions),
                          numbered(outcome.steps), numbered(record)] for outcome, record in answer.leaves]}
    made["texts"] = list(texts)
    keep(kept, json.dumps(made).encode())
    return made


@functools.lru_cache(maxsize=4)
def _assessment(checker_id: str) -> Diagram:
    """The assessment's diagram: the same under every version (`assess` reads the answers alone)."""
    return Diagram(checkers.CHECKERS[checker_id], None, part="assessment")


def build(checker_id: str, group: dict | None, version: str | None) -> dict:
    """The page data for one checker: the diagrams, and their leaves in the group's words, each string and
    list once. Outcomes are kept by column (they compress better so): FIELDS, each a string of base-36
    numbers, one per outcome: strings for all but steps, cites and record, which number lists."""
    checker = checkers.CHECKERS[checker_id]
    parts = structure(checker_id, version)
    table = _Strings()
    names = list(checker.from_answers)
    values = dict(words.words(group), **{name: marker(i) for i, name in enumerate(names)})
    if parts["assessment"]:
        values["assessment"] = marker(len(names))  # filled in from the assessment's own diagram
    rules, texts = {rule.name: rule for rule in checker.rules}, parts["texts"]
    outcomes = [_decided_marked(engine.result(
        engine.Outcome(rules[rule], (), urgency, tuple(cites.split()), tuple(actions.split()),
                       tuple(texts[n] for n in steps)), values, tuple(texts[n] for n in record)),
        marker(len(names) + bool(parts["assessment"])))
        for rule, urgency, cites, actions, steps, record in parts["outcomes"]]
    data = {
        "checker": checker_id, "version": version,
        "words": [_word(checker, checker.from_answers[name], table) for name in names],
        "answer": parts["answer"],
        "outcomes": {field: ",".join(_column(table, outcome.as_dict()[field], field) for outcome in outcomes)
                     for field in FIELDS},
    }
    if parts["assessment"]:
        data["assessment"] = {**parts["assessment"], "sentences": table.numbers(
            [words.fill(sentence, values) for sentence in parts["sentences"]])}
    return {**data, "strings": list(table.strings), "lists": list(table.lists)}


def _decided_marked(result, mark: str):
    """The record's decision line with a marker for its title and clauses: the page fills them in from
    the answer's own, so one record serves every title and set of clauses (sharing's file: 1.3 MB, not 2.8 MB)."""
    line = engine.DECIDED.format(decided=engine.decided(result.title, result.cites))
    return dataclasses.replace(result, record=tuple(engine.DECIDED.format(decided=mark) if item == line else item
                                                    for item in result.record))


def _word(checker, word, table: _Strings) -> dict:
    """A word's text for every answer to its question: by option, then unanswered; for a multi-choice
    question by the ticks as a number (bit i: option i)."""
    question = next(q for q in checker.questions if q.id == word.question)
    ids = question.option_ids()
    if question.multi:
        texts = [word.text(frozenset(o for i, o in enumerate(ids) if bits >> i & 1)) for bits in range(2 ** len(ids))]
    else:
        texts = [word.text(option) for option in ids] + ["" if question.required else word.text(None)]  # unanswered
    return {"question": question.id, "options": list(ids), "multi": question.multi, "texts": table.numbers(texts)}


def _column(table: _Strings, value, field: str) -> str:
    return table.listed(value) if field in LISTED else table.string(" ".join(value) if isinstance(value, list) else value)


class _Strings:
    """Each string, and each list of strings, numbered once (base 36)."""

    def __init__(self):
        self.strings: dict[str, int] = {}
        self.lists: dict[str, int] = {}

    def string(self, text: str) -> str:
        return b36(self.strings.setdefault(text, len(self.strings)))

    def listed(self, items) -> str:
        return b36(self.lists.setdefault(".".join(self.string(item) for item in items), len(self.lists)))

    def numbers(self, texts) -> str:
        return ",".join(self.string(text) for text in texts)


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@functools.lru_cache(maxsize=8)
def page_file(checker_id: str, group_json: str, version: str | None) -> str:
    """The file's text, made once per process for the same words and version."""
    return dumps(build(checker_id, json.loads(group_json), version))


class Reader:
    """Reads the data exactly as checker.js's firstAnswer() does: the tests hold what it gives equal
    to decide() for every answer set, and the page to it."""

    def __init__(self, data: dict):
        self.data = data
        self.columns = {name: [int(n, 36) for n in data["outcomes"][name].split(",")] for name in FIELDS}
        self.texts = [[data["strings"][int(n, 36)] for n in word["texts"].split(",")] for word in data["words"]]

    def lookup(self, answers: dict) -> dict | None:
        """The result held for `answers`; None when the form never sends them."""
        data, values = self.data, self._values(answers)
        if "assessment" in data:
            sentence = walk(data["assessment"], answers, None)
            if sentence is None:
                return None
            values.append(self._filled(data["strings"][int(data["assessment"]["sentences"].split(",")[sentence], 36)],
                                       values))
            outcome = walk(data["answer"], answers, int(data["assessment"]["classes"].split(",")[sentence], 36))
        else:
            outcome = walk(data["answer"], answers, None)
        if outcome is None:
            return None
        text = {name: self._filled(data["strings"][column[outcome]], values)
                for name, column in self.columns.items() if name not in LISTED}

        def items(name: str) -> list[str]:
            listed = data["lists"][self.columns[name][outcome]]
            return [self._filled(data["strings"][int(part, 36)], values) for part in listed.split(".")] if listed else []

        cites = items("cites")
        values.append(engine.decided(text["title"], cites))  # checker.js: the same words
        return {"decision": text["decision"], "urgency": text["urgency"], "title": text["title"],
                "assessment": text["assessment"], "steps": items("steps"), "cites": cites,
                "actions": text["actions"].split(), "record": items("record"), "ignored": []}

    def _values(self, answers: dict) -> list[str]:
        """Each word's text for the reader's answer to its question."""
        values = []
        for word, texts in zip(self.data["words"], self.texts):
            answer, options = answers.get(word["question"]), word["options"]
            if word["multi"]:
                values.append(texts[sum(1 << options.index(option) for option in answer or ())])
            else:
                values.append(texts[options.index(answer) if answer in options else len(options)])
        return values

    @staticmethod
    def _filled(text: str, values: list[str]) -> str:
        return MARKED.sub(lambda m: _capital(values[int(m[2])]) if m[1] == MARK.upper() else values[int(m[2])], text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def walk(diagram: dict, answers: dict, assessed: int | None) -> int | None:
    """The leaf the answers reach (None: the form never sends them)."""
    nodes = _nodes(diagram["nodes"])
    ref = diagram["root"]
    while ref != "":
        number = int(ref, 36)
        if number % 2:
            return number // 2
        test, *children = nodes[number // 2]
        ref = children[_outcome(diagram["tests"][int(test, 36)], answers, assessed)]
    return None


@functools.lru_cache(maxsize=16)
def _nodes(text: str) -> list[list[str]]:
    """The nodes as lists (checker.js unpacks them once too)."""
    return [node.split(".") for node in text.split(";")] if text else []


def _outcome(test: dict, answers: dict, assessed: int | None) -> int:
    """Which child of a node the answers take."""
    if "assessment" in test:
        return assessed
    answer = answers.get(test["question"])
    if "option" in test:
        return int(test["option"] in (answer or ()))
    if "first" in test:
        return next((i for i, option in enumerate(test["first"]) if option in (answer or ())), len(test["first"]))
    return test["options"].index(answer) if answer is not None else len(test["options"])
