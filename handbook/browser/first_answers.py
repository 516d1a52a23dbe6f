"""What the Python rules decided, as data a checker page looks up before its runtime is ready.

On a slow phone the runtime (about 5 MB compressed) takes half a minute to arrive; this data is 2 to
130 KB compressed, by checker (docs/about/performance.md). For each checker the build calls `decide()` on every set of answers the page's form can send
(as checker.js's route() builds them: questions that do not apply left out, an unanswered optional
question left out, a multi-choice question as its list) and keeps the results in the group's words,
each string once. The page only looks up: a key made of the answers picks a row, the ticked boxes a
cell, the cell an outcome. No rule is written twice.

What is held, and why not everything: a multi-choice question adds a factor of 2 to the power of its
options (128 for `circumstances`), and the breach checker's optional facts multiply its space past ten
million. So each checker's `first_answers` (checkers/checker.py: Held) says how many boxes of a
multi-choice question the data holds at most and which optional questions it holds only unanswered. Answers beyond that are simply not in the data:
the page then waits for the runtime, as before. Never a guess: a key not in the data gives nothing.

The file is fetched whole (assets/checkers/first-answers-<checker>.json), so no request ever names
the answers.
"""
from __future__ import annotations

import functools
import itertools
import json

import checkers

FIELDS = ("decision", "urgency", "title", "assessment", "steps", "cites", "actions", "record")
LISTED = ("steps", "record")  # numbers of lists, not of strings
ABSENT = "-"  # in a row key: not asked, or left unanswered


def file_name(checker_id: str) -> str:
    return f"first-answers-{checker_id}.json"


def page_answers(checker_id: str):
    """Every answer set the page can send that the data holds, in the form's order."""
    checker = checkers.CHECKERS[checker_id]
    held = checker.first_answers
    combos: list[dict] = [{}]
    for question in checker.questions:
        grown = []
        for combo in combos:
            if not question.applies(combo):
                grown.append(combo)
            elif question.multi:
                ids = question.option_ids()
                most = len(ids) if held.ticks is None else held.ticks
                least = 1 if question.at_least_one else 0  # "who may be at risk" needs someone ticked
                grown += [{**combo, question.id: list(chosen)}
                          for n in range(least, most + 1) for chosen in itertools.combinations(ids, n)]
            else:
                left = not question.required
                held_answered = question.required or question.id not in held.unanswered
                grown += [{**combo, question.id: option} for option in question.option_ids()] if held_answered else []
                grown += [dict(combo)] if left else []
        combos = grown
    return combos


def keys(checker_id: str, answers: dict) -> tuple[str, str]:
    """(row, cell): the single-choice answers in order, and each multi-choice question's ticks as a
    number (bit i: option i). checker.js's firstAnswer() makes the same two keys."""
    questions = checkers.CHECKERS[checker_id].questions
    row = " ".join(answers.get(q.id, ABSENT) for q in questions if not q.multi)
    cell = ".".join(str(sum(1 << i for i, option in enumerate(q.option_ids()) if option in answers.get(q.id, ())))
                    for q in questions if q.multi)
    return row, cell


def _b36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if not number:
            return text


def build(checker_id: str, group: dict | None, version: str | None) -> dict:
    """The page data for one checker: every held answer set's result, each string and list once.

    Outcomes are kept by column (they compress better so): FIELDS, each a string of base-36 numbers,
    one per outcome: strings for all but steps and record, which number lists ("4.17.2": strings by number).
    """
    checker = checkers.CHECKERS[checker_id]
    strings: dict[str, int] = {}
    lists: dict[str, int] = {}
    outcomes: dict[str, int] = {}
    rows: dict[str, dict[str, int]] = {}
    cells: dict[str, None] = {}

    def string(text: str) -> str:
        return _b36(strings.setdefault(text, len(strings)))

    def listed(items) -> str:
        return _b36(lists.setdefault(".".join(string(item) for item in items), len(lists)))

    for answers in page_answers(checker_id):
        result = checker.decide(answers, group=group, version=version).as_dict()
        if result["ignored"]:
            raise AssertionError(f"{checker_id}: the page never sends an answer that is ignored: {answers}")
        outcome = "/".join((string(result["decision"]), string(result["urgency"]), string(result["title"]),
                            string(result["assessment"]), listed(result["steps"]), string(" ".join(result["cites"])),
                            string(" ".join(result["actions"])), listed(result["record"])))
        row, cell = keys(checker_id, answers)
        rows.setdefault(row, {})[cell] = outcomes.setdefault(outcome, len(outcomes))
        cells.setdefault(cell)
    order = sorted(cells, key=lambda cell: [int(part) for part in cell.split(".") if part])
    return {
        "checker": checker_id, "version": version,
        "singles": [q.id for q in checker.questions if not q.multi],
        "multi": [{"id": q.id, "options": list(q.option_ids())} for q in checker.questions if q.multi],
        "cells": order,
        "strings": list(strings), "lists": list(lists),
        "outcomes": dict(zip(FIELDS, (",".join(column) for column in zip(*(o.split("/") for o in outcomes))))),
        # per row, one outcome number for each cell in `cells`; empty where the data holds none
        "rows": {row: ",".join(_b36(held[c]) if c in held else "" for c in order).rstrip(",")
                 for row, held in rows.items()},
    }


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@functools.lru_cache(maxsize=8)
def page_file(checker_id: str, group_json: str, version: str | None) -> str:
    """The file's text, made once per process for the same words and version (it runs the rules some
    30,000 times: a build with a second site generator, or a second site of the same group, reuses it)."""
    return dumps(build(checker_id, json.loads(group_json), version))


class Reader:
    """Reads the data exactly as checker.js's firstAnswer() does: the tests hold what it gives equal
    to decide() for every answer set, and the page to it."""

    def __init__(self, data: dict):
        self.data = data
        self.columns = {name: [int(n, 36) for n in data["outcomes"][name].split(",")] for name in FIELDS}

    def lookup(self, answers: dict) -> dict | None:
        """The result held for `answers`; None when the data does not hold them."""
        data = self.data
        row, cell = keys(data["checker"], answers)
        numbers = data["rows"].get(row, "").split(",")
        at = data["cells"].index(cell) if cell in data["cells"] else len(numbers)
        if at >= len(numbers) or not numbers[at]:
            return None
        outcome = int(numbers[at], 36)
        text = {name: data["strings"][column[outcome]] for name, column in self.columns.items()
                if name not in LISTED}

        def items(name: str) -> list[str]:
            listed = data["lists"][self.columns[name][outcome]]
            return [data["strings"][int(part, 36)] for part in listed.split(".")] if listed else []

        return {"decision": text["decision"], "urgency": text["urgency"], "title": text["title"],
                "assessment": text["assessment"], "steps": items("steps"), "cites": text["cites"].split(),
                "actions": text["actions"].split(), "record": items("record"), "ignored": []}
