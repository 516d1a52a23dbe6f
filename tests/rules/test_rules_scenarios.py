"""Scenario files: every committed scenario passes, through the Python API and `handbook check`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import main
from handbook.policy.placement import CLAUSE_PAGES
from handbook.answers.scenarios import ScenarioError, load, run_files

from helpers import REPO

SCENARIOS = sorted((REPO / "checkers" / "scenarios").glob("*.yml"))


def test_there_are_at_least_60_scenarios_with_sentence_names():
    loaded = [load(path) for path in SCENARIOS]
    names = [s.name for f in loaded for s in f.scenarios]
    assert len(names) >= 60 and len(set(names)) == len(names)
    for name in names:
        assert name[0].isupper() and name.endswith(".") and len(name.split()) >= 5, name
    assert {f.checker for f in loaded} == {"sharing", "breach", "concern"}


def test_the_scenarios_cover_every_clause():
    cited = {str(c) for path in SCENARIOS for s in load(path).scenarios for c in s.expect.get("cites", [])}
    assert cited == set(CLAUSE_PAGES)


def test_every_scenario_passes_through_the_python_api():
    results = run_files(SCENARIOS)
    assert [r.problems for r in results if not r.passed] == []


def test_every_scenario_passes_through_handbook_check():
    outcome = CliRunner().invoke(main, ["check", *map(str, SCENARIOS)])
    assert outcome.exit_code == 0, outcome.output
    assert outcome.output.splitlines()[-1].endswith("passed, 0 failed")


def test_check_json_prints_one_object_per_scenario(tmp_path):
    outcome = CliRunner().invoke(main, ["check", "--json", str(SCENARIOS[0])])
    lines = [json.loads(line) for line in outcome.output.splitlines()]
    assert len(lines) == len(load(SCENARIOS[0]).scenarios)
    assert {"name", "passed", "decision", "urgency", "cites", "actions"} <= set(lines[0])
    assert lines[0]["urgency"] in ("now", "today", "soon")


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "training.yml"
    path.write_text(text)
    return path


POLICE = """checker: sharing
scenarios:
  - name: The police ask for a guest's home address.
    answers: {about: service_user, requester: police, information: contact_details, circumstances: []}
    expect: {decision: share, cites: ["8", "4a"]}
"""


def test_a_failing_scenario_shows_the_difference_and_exits_1(tmp_path):
    path = write(tmp_path, POLICE)
    outcome = CliRunner().invoke(main, ["check", str(path)])
    assert outcome.exit_code == 1
    assert outcome.output == (
        f"FAIL  {path}:3  The police ask for a guest's home address.\n"
        "      decision: expected share, got pass_to_person_in_authority\n"
        "      cites: expected 8, 4a among them, missing 4a (got 8, 9)\n"
        "0 passed, 1 failed\n"
    )
    as_json = CliRunner().invoke(main, ["check", "--json", str(path)])
    assert as_json.exit_code == 1 and json.loads(as_json.output)["passed"] is False


@pytest.mark.parametrize("text, message", [
    ("checker: sharing\nscenarios: [\n", ", line 3: this is not valid YAML (did not find expected node content)."),
    ("- 1\n", "expected a mapping with keys checker, version, scenarios, but received: list."),
    ("checker: sharin\nscenarios: []\n",
     "(line 1): unknown checker 'sharin'. Expected one of: breach, concern, sharing, but received: 'sharin'."),
    ("checker: sharing\nversion: '3.0'\nscenarios: []\n",
     "(line 1): unknown version '3.0'. Expected one of: 1.0, 1.1, but received: '3.0'."),
    ("checker: sharing\nscenarios: []\n", "(line 1): key 'scenarios' must be a list of scenarios, but received: []."),
    ("checker: sharing\nscenario: []\n", "(line 1): unknown key 'scenario'. Expected one of: checker, version, scenarios."),
    ("checker: breach\nscenarios:\n  - name: I sent it to the wrong person.\n"
     "    answers: {who: me, reason: none, what_happened: other, personal_data: 'no'}\n",
     ", scenario 'I sent it to the wrong person.' (line 3): key 'expect' must be a mapping, but received: None."),
    ("checker: breach\nscenarios:\n  - answers: {}\n    expect: {}\n",
     ", scenario 1 (line 3): key 'name' must be a sentence, but received: None."),
    ("checker: breach\nscenarios:\n  - name: A typo in the answers.\n"
     "    answers: {who: I, reason: none, what_happened: other, personal_data: 'no'}\n"
     "    expect: {decision: report_to_manager}\n",
     ", scenario 'A typo in the answers.' (line 3): Unknown answer 'I' to 'who'. "
     "Expected one of: me, someone_else, but received: 'I'."),
    ("checker: breach\nscenarios:\n  - name: A wrong decision code.\n"
     "    answers: {who: me, reason: none, what_happened: other, personal_data: 'no'}\n"
     "    expect: {decision: share}\n",
     ", scenario 'A wrong decision code.' (line 3): unknown decision 'share'. "
     "Expected one of: report_to_manager, but received: 'share'."),
    ("checker: breach\nscenarios:\n  - name: No decision.\n"
     "    answers: {who: me, reason: none, what_happened: other, personal_data: 'no'}\n"
     "    expect: {cites: ['7']}\n",
     ", scenario 'No decision.' (line 3): key 'expect' needs a 'decision'. Expected one of: report_to_manager."),
    ("checker: breach\nscenarios:\n  - name: A made-up clause.\n"
     "    answers: {who: me, reason: none, what_happened: other, personal_data: 'no'}\n"
     "    expect: {decision: report_to_manager, cites: ['12']}\n",
     ", scenario 'A made-up clause.' (line 3): unknown clause '12' in 'cites'. Expected clause ids such as: "
     "1, 1a, 1b, 2, 3, 3a, 4, 4a, 5, 5a, 5b, 5c, 5d, 5e, 5f, 6, 7, 8, 9, but received: '12'."),
])
def test_a_malformed_file_gives_one_clear_sentence(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ScenarioError) as raised:
        load(path)
    separator = {",": "", "(": " "}.get(message[0], ": ")
    assert str(raised.value) == f"{path}{separator}{message}"
    outcome = CliRunner().invoke(main, ["check", str(path)])
    assert outcome.exit_code == 1 and outcome.output == f"Error: {raised.value}\n"


def test_a_name_used_twice_is_refused(tmp_path):
    one = POLICE.split("scenarios:\n")[1]
    path = write(tmp_path, POLICE + one)
    with pytest.raises(ScenarioError, match=r"scenario \"The police ask for a guest's home address.\" \(line 6\): "
                                            r"the name is used twice; give each scenario its own name.$"):
        load(path)
