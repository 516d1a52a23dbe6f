"""Scenario files: load, check and run the readable tests of the rules (`handbook check`).

A scenario file names a checker, optionally a policy version, and scenarios, each with a
full-sentence name, the answers, and what to expect:

    checker: sharing
    version: "1.0"            # optional: the latest version when left out
    scenarios:
      - name: A partner-agency worker asks, and the guest asked us not to share with them
        answers: {about: service_user, requester: partner_agency, information: case_details,
                  consent: refused, circumstances: []}
        expect: {decision: do_not_share, cites: ["2"]}

`decision` must match, and `urgency` and `title` if given; `cites` and `actions` must be among
the result's, `not_actions` must not. Unquoted `yes` and `no` mean the options `yes` and `no`.
Every mistake in a file raises ScenarioError naming the file, the scenario and its line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import checkers
from checkers import versions
from checkers.validation import check
from checkers.model import URGENCIES, AnswerError

from checkers.clauses import EVERY

from ..errors import HandbookError
from ..yaml_input import read_yaml

MAX_BYTES = 32 * 1024 * 1024  # room for a trainer's tens of thousands of scenarios

FILE_KEYS = ("checker", "version", "scenarios")
SCENARIO_KEYS = ("name", "answers", "expect")
EXPECT_KEYS = ("decision", "urgency", "cites", "actions", "not_actions", "title")


class ScenarioError(HandbookError):
    """A scenario file that cannot be run, explained in one sentence."""


@dataclass(frozen=True)
class Scenario:
    name: str
    answers: dict
    expect: dict
    line: int


@dataclass(frozen=True)
class ScenarioFile:
    path: str
    checker: str
    version: str | None
    scenarios: tuple[Scenario, ...]


@dataclass
class Outcome:
    """One scenario run: what the rules said, and what differed from the expectation."""

    file: str
    name: str
    line: int
    decision: str
    urgency: str
    cites: list
    actions: list
    problems: list = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {"file": self.file, "name": self.name, "passed": self.passed, "decision": self.decision,
                "urgency": self.urgency, "cites": self.cites, "actions": self.actions, "problems": self.problems}


def _listed(ids) -> str:
    return ", ".join(ids)


def load(path) -> ScenarioFile:
    """Read and check a scenario file; ScenarioError says what is wrong and where."""
    path = str(path)
    try:
        document = read_yaml(Path(path), limit=MAX_BYTES, what="scenario file")
    except HandbookError as error:
        raise ScenarioError(str(error)) from None
    data = document.data
    if not isinstance(data, dict):
        raise ScenarioError(
            f"{path}: expected a mapping with keys {_listed(FILE_KEYS)}, but received: {type(data).__name__}."
        )
    line = document.start
    _unknown_keys(data, FILE_KEYS, f"{path} (line {line})")
    checker = data.get("checker")
    if not isinstance(checker, str) or checker not in checkers.CHECKERS:
        raise ScenarioError(
            f"{path} (line {line}): unknown checker {checker!r}. "
            f"Expected one of: {_listed(sorted(checkers.CHECKERS))}, but received: {checker!r}."
        )
    version = data.get("version")
    if version is not None:
        if not isinstance(version, str) or version not in versions.VERSIONS:
            raise ScenarioError(
                f"{path} (line {line}): unknown version {version!r}. "
                f"Expected one of: {_listed(versions.VERSIONS)}, but received: {version!r}."
            )
    items = data.get("scenarios")
    if not isinstance(items, list) or not items:
        raise ScenarioError(
            f"{path} (line {line}): key 'scenarios' must be a list of scenarios, but received: {items!r}."
        )
    scenarios = [_scenario(path, checker, number, item, document.line(("scenarios", number - 1)))
                 for number, item in enumerate(items, 1)]
    seen: set[str] = set()
    for scenario in scenarios:
        if scenario.name in seen:
            raise ScenarioError(
                f"{path}, scenario {scenario.name!r} (line {scenario.line}): the name is used twice; "
                "give each scenario its own name."
            )
        seen.add(scenario.name)
    return ScenarioFile(path, checker, version, tuple(scenarios))


def _unknown_keys(mapping: dict, allowed: tuple[str, ...], where: str) -> None:
    for key in mapping:
        if key not in allowed:
            raise ScenarioError(f"{where}: unknown key {key!r}. Expected one of: {_listed(allowed)}.")


def _scenario(path: str, checker_id: str, number: int, item, line: int) -> Scenario:
    if not isinstance(item, dict):
        raise ScenarioError(
            f"{path}, scenario {number}: expected a mapping with keys {_listed(SCENARIO_KEYS)}, "
            f"but received: {item!r}."
        )
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ScenarioError(
            f"{path}, scenario {number} (line {line}): key 'name' must be a sentence, but received: {name!r}."
        )
    where = f"{path}, scenario {name!r} (line {line})"
    _unknown_keys(item, SCENARIO_KEYS, where)
    for key in ("answers", "expect"):
        if not isinstance(item.get(key), dict):
            raise ScenarioError(
                f"{where}: key {key!r} must be a mapping, but received: {item.get(key)!r}."
            )
    answers, expect = item["answers"], item["expect"]
    checker = checkers.CHECKERS[checker_id]
    try:
        check(checker_id, checker.questions, answers)
    except AnswerError as error:
        raise ScenarioError(f"{where}: {error}") from None
    _check_expect(where, checker, expect)
    return Scenario(name, answers, expect, line)


def _check_expect(where: str, checker, expect: dict) -> None:
    _unknown_keys(expect, EXPECT_KEYS, f"{where}, key 'expect'")
    if "decision" not in expect:
        raise ScenarioError(f"{where}: key 'expect' needs a 'decision'. Expected one of: {_listed(checker.decisions)}.")
    if not isinstance(expect["decision"], str) or expect["decision"] not in checker.decisions:
        raise ScenarioError(
            f"{where}: unknown decision {expect['decision']!r}. "
            f"Expected one of: {_listed(checker.decisions)}, but received: {expect['decision']!r}."
        )
    if "urgency" in expect and expect["urgency"] not in URGENCIES:
        raise ScenarioError(f"{where}: unknown urgency {expect['urgency']!r}. Expected one of: {_listed(URGENCIES)}, "
                            f"but received: {expect['urgency']!r}.")
    if "title" in expect and not isinstance(expect["title"], str):
        raise ScenarioError(f"{where}: key 'title' must be text, but received: {expect['title']!r}.")
    for key in ("cites", "actions", "not_actions"):
        value = expect.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            raise ScenarioError(f"{where}: key {key!r} must be a list, but received: {value!r}.")
    for cid in expect.get("cites", []):
        if str(cid) not in EVERY:
            raise ScenarioError(
                f"{where}: unknown clause {cid!r} in 'cites'. Expected clause ids such as: "
                f"{_listed(EVERY)}, but received: {cid!r}."
            )


def run(scenario_file: ScenarioFile) -> list[Outcome]:
    """Run every scenario of a checked file against the rules."""
    checker = checkers.CHECKERS[scenario_file.checker]
    results = []
    for scenario in scenario_file.scenarios:
        answer = _answer(checker, scenario, scenario_file.version)
        outcome = Outcome(scenario_file.path, scenario.name, scenario.line, answer.decision, answer.urgency,
                          list(answer.cites), list(answer.actions))
        outcome.problems = _differences(scenario.expect, answer)
        results.append(outcome)
    return results


class _Answer(NamedTuple):
    decision: str
    urgency: str
    cites: tuple
    actions: tuple
    title: str | None


def _answer(checker, scenario: Scenario, version: str | None) -> _Answer:
    """The rules' answer; worded (its title filled in) only when the scenario checks the title: the
    wording is a third of the time, which counts in a file of tens of thousands of scenarios."""
    if "title" in scenario.expect:
        result = checker.decide(scenario.answers, version=version)
        return _Answer(result.decision, result.urgency, result.cites, result.actions, result.title)
    outcome = checker.outcome(scenario.answers, version)
    return _Answer(outcome.winner.decision, outcome.urgency, outcome.cites, outcome.actions, None)


def _differences(expect: dict, result) -> list[str]:
    problems = []
    if expect["decision"] != result.decision:
        problems.append(f"decision: expected {expect['decision']}, got {result.decision}")
    if "urgency" in expect and expect["urgency"] != result.urgency:
        problems.append(f"urgency: expected {expect['urgency']}, got {result.urgency}")
    for key in ("cites", "actions"):
        wanted = [str(v) for v in expect.get(key, [])]
        got = getattr(result, key)
        missing = [v for v in wanted if v not in got]
        if missing:
            problems.append(f"{key}: expected {', '.join(wanted)} among them, missing {', '.join(missing)} "
                            f"(got {', '.join(got) or 'none'})")
    unwanted = [v for v in expect.get("not_actions", []) if v in result.actions]
    if unwanted:
        problems.append(f"actions: expected none of {', '.join(unwanted)}, but got them")
    if "title" in expect and expect["title"] != result.title:
        problems.append(f"title: expected {expect['title']!r}, got {result.title!r}")
    return problems


def run_files(paths) -> list[Outcome]:
    """Load every file first (so a broken file stops the run before anything is reported), then run them."""
    loaded = [load(path) for path in paths]
    return [outcome for scenario_file in loaded for outcome in run(scenario_file)]
