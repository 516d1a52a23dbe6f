"""The record of every answer (checkers/answers/<checker>.txt): fresh, every wording once, and complete.

Complete means a reader can rebuild every answer from it: the test reads the committed file back, as a
person would, and finds every decide() result of every valid answer set under every policy version under an
outcome with its decision, urgency and title, its steps in order (the outcome's own, and the notes it lists,
with the values the record gives for the words that change), its lines to write down and its assessment.
"""
from __future__ import annotations

import functools
import re

import pytest
from click.testing import CliRunner

import checkers
from checkers.versions import VERSIONS
from checkers.words import AGAIN, words
from handbook.cli import main
from handbook.group import load_group
from handbook.answers import answer_record
from handbook.answers.answer_record import EXAMPLE_GROUP, build_record, record_path, stale_record_diff
from handbook.answers.tables import combinations

GROUP = load_group(EXAMPLE_GROUP).words()
SAID = words(GROUP)
ONLY_IN = re.compile(r" \(only in [0-9., ]+\)$")
SLOT = re.compile(r"\\\[([a-z\\ ]+)\\\]")  # a [word] in an escaped pattern (re.escape escapes its spaces)


def in_full(text: str) -> str:
    """The manager named in full, as the record writes every mention."""
    return re.sub(rf"\b{SAID[AGAIN]}\b", lambda m: m.group()[0] + SAID["manager"][1:], text, flags=re.I)


def pattern(text: str, values: dict[str, str]) -> str:
    """A record line as a pattern: each [word] one of the values listed under it."""
    def slot(found):
        name = found.group(1).replace("\\ ", " ")
        if name in ("title", "assessment", "clauses"):  # the answer's own: filled in by `matches`
            return f"(?P<{name}>.+?)"
        listed, listing = values[name]
        one = "|".join(re.escape(ONLY_IN.sub("", v)) for v in listed.split(" | "))
        return f"(?:{one})(?:; (?:{one}))*" if listing else f"(?:{one})"
    return SLOT.sub(slot, re.escape(text))


def matches(entry: str, text: str, result) -> bool:
    found = re.fullmatch(entry, text, flags=re.DOTALL)
    if not found:
        return False
    own = {"title": in_full(result.title), "assessment": in_full(result.assessment),
           "clauses": f"clause{'s' if len(result.cites) > 1 else ''} {', '.join(result.cites)}"}
    return all(value == own[name] for name, value in found.groupdict().items())


@functools.cache
def read_back(checker_id: str) -> tuple[list[dict], dict, dict]:
    """The committed record as a reader sees it: its outcomes, notes and lines to write down."""
    outcomes, notes, lines, steps = [], {}, {}, {}
    entry, part = None, ""
    for line in record_path(checker_id).read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            part = line
            continue
        value = re.fullmatch(r"\s+\[([a-z ]+)\](, one or more joined by \"; \")?: (.*)", line)
        if value:
            entry["values"][value.group(1)] = (value.group(3), bool(value.group(2)))
            continue
        if part.startswith("== Outcomes"):
            header = re.fullmatch(r"A\d+\. (\w+), (\w+): (.*)", line)
            step = re.fullmatch(r"    (S\d+) (\(as in A\d+\) )?(.*)", line)
            if header:
                entry = {"decision": header.group(1), "urgency": header.group(2), "text": ONLY_IN.sub("", header.group(3)),
                         "values": {}, "steps": [], "before": [], "after": [], "write": set(), "risk": set()}
                outcomes.append(entry)
                current = entry
            elif step and step.group(2):  # written out above: its words, with the values it takes here
                entry = {"text": steps[step.group(1)]["text"], "values": {}}
                current["steps"].append(entry)
            elif step:
                entry = steps[step.group(1)] = {"text": ONLY_IN.sub("", step.group(3)), "values": {}}
                current["steps"].append(entry)
            elif added := re.fullmatch(r"    Added (before|after) the steps: (.*)", line):
                current[added.group(1)] = re.findall(r"N\d+", added.group(2))
            elif line.startswith("    Write down: "):
                current["write"] = set(re.findall(r"R\d+", line))
            elif line.startswith("        - "):
                current["risk"].add(ONLY_IN.sub("", line[10:]))
        elif part.startswith("== Notes") and (note := re.fullmatch(r"(N\d+) \w+ \(.*?\): (.*)", line)):
            entry = notes[note.group(1)] = {"text": ONLY_IN.sub("", note.group(2)), "values": {}}
        elif part.startswith("== Lines") and (written := re.fullmatch(r"(R\d+) (.*)", line)):
            entry = lines[written.group(1)] = {"text": ONLY_IN.sub("", written.group(2)), "values": {}}
    every_step = [step for outcome in outcomes for step in outcome["steps"]]
    for item in [*outcomes, *every_step, *notes.values(), *lines.values()]:
        item["pattern"] = pattern(item["text"], item["values"])
    return outcomes, notes, lines


def in_order(entries: list[str], texts: tuple[str, ...], result) -> bool:
    """Whether the texts are some of the entries, in their order."""
    rest = iter(entries)
    return all(any(matches(entry, text, result) for entry in rest) for text in texts)


def covers(outcome: dict, notes: dict, lines: dict, result) -> bool:
    if (outcome["decision"], outcome["urgency"]) != (result.decision, result.urgency):
        return False
    if not matches(outcome["pattern"], in_full(result.title), result):
        return False
    entries = ([notes[n]["pattern"] for n in outcome["before"]] + [s["pattern"] for s in outcome["steps"]]
               + [notes[n]["pattern"] for n in outcome["after"]])
    if not in_order(entries, tuple(in_full(step) for step in result.steps), result):
        return False
    if result.assessment and in_full(result.assessment) not in outcome["risk"]:
        return False
    return all(any(matches(lines[r]["pattern"], in_full(line), result) for r in outcome["write"])
               for line in result.record)


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_the_committed_record_of_answers_matches_the_rules(checker_id):
    diff = stale_record_diff(checker_id)
    assert not diff, f"The record of answers is out of date: run `handbook answers --write`.\n{diff}"
    assert record_path(checker_id).read_text(encoding="utf-8") == build_record(checker_id)


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_every_answer_can_be_rebuilt_from_the_record(checker_id):
    """Every decide() result, over every valid answer set and policy version, is found in the record."""
    module = checkers.CHECKERS[checker_id]
    outcomes, notes, lines = read_back(checker_id)
    checked: set = set()
    for version in VERSIONS:
        for answers in combinations(checker_id):
            result = module.decide(answers, group=GROUP, version=version)
            key = (result.decision, result.urgency, result.title, result.steps, result.record, result.assessment,
                   result.cites)
            if key not in checked:
                assert any(covers(outcome, notes, lines, result) for outcome in outcomes), (version, answers)
                checked.add(key)
    assert len(checked) > len(outcomes)  # the record is shorter than the answers it holds


def test_a_changed_step_is_not_found_in_the_record():
    """The check above can fail: a step the record does not hold, or holds with other values, is missing."""
    outcomes, notes, lines = read_back("sharing")
    result = checkers.CHECKERS["sharing"].decide(
        {"about": "service_user", "requester": "colleague", "information": "case_details", "consent": "not_asked",
         "circumstances": []},
        group=GROUP)
    assert any(covers(outcome, notes, lines, result) for outcome in outcomes)
    reworded = result.__class__(**{**result.__dict__, "steps": (result.steps[0].replace("share", "tell"),
                                                                *result.steps[1:])})
    assert not any(covers(outcome, notes, lines, reworded) for outcome in outcomes)
    other_value = result.__class__(**{**result.__dict__, "steps": (result.steps[0].replace("your colleague", "the police"),
                                                                   *result.steps[1:])})
    assert not any(covers(outcome, notes, lines, other_value) for outcome in outcomes)
    reordered = result.__class__(**{**result.__dict__, "steps": tuple(reversed(result.steps))})
    assert not any(covers(outcome, notes, lines, reordered) for outcome in outcomes)


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_every_wording_is_written_out_once(checker_id):
    text = record_path(checker_id).read_text(encoding="utf-8")
    written = [line.split(" ", 1)[1] for line in text.splitlines()
               if re.match(r"    S\d+ (?!\(as in)", line) or re.match(r"[NR]\d+ ", line)]
    assert len(written) == len(set(written))
    assert "{" not in text and "Riverside Community Food Bank" in text


def test_both_policy_versions_are_in_the_record_and_what_differs_is_marked():
    breach, sharing = record_path("breach").read_text(), record_path("sharing").read_text()
    assert "under policy versions 1.0, 1.1" in breach
    assert re.search(r"^N\d+ near_miss_policy .*writes it there\. \(only in 1\.1\)$", breach, flags=re.M)
    assert re.search(r"^    Only under 1\.1 \(24\): requester: professional · information: case_details, case_file",
                     sharing, flags=re.M)


def test_a_stale_record_fails_handbook_answers(tmp_path, monkeypatch):
    for checker_id in checkers.CHECKERS:
        (tmp_path / f"{checker_id}.txt").write_text(build_record(checker_id), encoding="utf-8")
    (tmp_path / "concern.txt").write_text(build_record("concern").replace("Listen and stay calm", "Stay calm"),
                                          encoding="utf-8")
    monkeypatch.setattr(answer_record, "ANSWERS_DIR", tmp_path)
    diff = stale_record_diff("concern")
    assert "-    S4 Stay calm. Do not ask leading questions" in diff
    assert "+    S4 Listen and stay calm. Do not ask leading questions" in diff
    outcome = CliRunner().invoke(main, ["answers"])
    assert outcome.exit_code == 1 and "concern.txt (committed)" in outcome.output
