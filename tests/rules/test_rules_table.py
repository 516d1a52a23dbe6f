"""The committed answers tables, the clause check and `handbook ask`.

The route to every answer without JavaScript, which replaced the "All answers" page of every
combination, is tested in tests/rules/test_route.py (in Python) and tests/site/test_route_site.py (in Chromium).
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import checkers
from checkers import sharing
from checkers.versions import VERSIONS
from handbook.cli import main
from handbook.policy.placement import CLAUSE_PAGES
from handbook.answers import answer_record, tables as answers_table
from handbook.answers.answer_changes import answer_changes
from handbook.answers.tables import (ClauseCoverageError, build_table, check_clause_coverage, dump, expand,
                                   outcomes, stale_diff, table_path)


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
@pytest.mark.parametrize("version", VERSIONS)
def test_the_committed_table_matches_the_rules(checker_id, version):
    diff = stale_diff(checker_id, version)
    assert not diff, f"The answers table is out of date: run `handbook answers --write`.\n{diff}"
    assert table_path(checker_id, version).read_text() == dump(build_table(checker_id, version))


def test_the_tables_are_compact():
    """About 13 bytes a combination: 94,208 sharing combinations per version since `identity` was added."""
    assert sum(table_path(c, v).stat().st_size for c in checkers.CHECKERS for v in VERSIONS) < 3_000_000


def test_the_table_reads_back_as_every_combination_with_its_outcome():
    readable = expand(json.loads(table_path("sharing", "1.1").read_text()))
    assert len(readable) == 94_208
    key = ("about=service_user requester=police information=contact_details "
           "circumstances=urgent_medical+child_or_vulnerable_adult_at_risk")
    assert readable[key] == (
        "pass_to_person_in_authority now | cites 5 5a 6 8 9 | pass_to_person_in_authority share_minimum "
        "call_emergency_services follow_safeguarding_policy tell_safeguarding_lead do_not_promise_secrecy "
        "refer_to_manager tell_them_if_safe record_decision"
    )
    result = sharing.decide({"about": "service_user", "requester": "police", "information": "contact_details",
                             "circumstances": ["urgent_medical", "child_or_vulnerable_adult_at_risk"]})
    assert readable[key] == (f"{result.decision} {result.urgency} | cites {' '.join(result.cites)} | "
                             f"{' '.join(result.actions)}")


def test_a_stale_table_fails_with_a_readable_diff(tmp_path, monkeypatch):
    table = build_table("breach", "1.1")
    table["cites"]["1"] = "2 " + table["cites"]["1"]  # as if a rule had cited clause 2
    monkeypatch.setattr(answers_table, "ANSWERS_DIR", tmp_path)
    (tmp_path / "breach-1.1.json").write_text(dump(table))
    diff = stale_diff("breach", "1.1").splitlines()
    assert diff[:2] == ["--- breach-1.1.json (committed)", "+++ breach-1.1.json (from the rules)"]
    assert diff[2].startswith("@@ -1")
    row = ("who=me reason=protect_someone what_happened=sent_to_wrong_person danger=yes personal_data=yes contained=yes -> "
           "report_to_manager now | cites ")
    assert any(line.startswith(f"-{row}2 1a") for line in diff)
    assert any(line.startswith(f"+{row}1a") for line in diff)
    # the records are checked too (tests/rules/test_answer_record.py); here only the table is out of date
    monkeypatch.setattr(answer_record, "stale_record_diff", lambda checker_id: "")
    outcome = CliRunner().invoke(main, ["answers"])
    assert outcome.exit_code == 1
    assert outcome.output.endswith("Error: The answers table is out of date: run `handbook answers --write`.\n")


def test_versions_1_0_and_1_1_differ_where_the_text_differs():
    changes = answer_changes("1.0", "1.1")
    sharing_changes = [c for c in changes if c.checker == "sharing"]
    breach_changes = [c for c in changes if c.checker == "breach"]
    assert len(sharing_changes) == 48 and len(breach_changes) == 8
    assert all(c.answers["requester"] == "professional" for c in sharing_changes)
    assert all(c.answers["what_happened"] == "near_miss" and c.new.actions[-2:] == ("log_near_miss", "record_decision")
               for c in breach_changes)  # 1.1: near misses go in the log; the law applies under both


def test_every_clause_is_cited_and_the_build_check_names_a_missing_anchor(monkeypatch):
    reached = {cid for c in checkers.CHECKERS for v in VERSIONS for _, outcome in outcomes(c, v) for cid in outcome.cites}
    assert reached == set(CLAUSE_PAGES)
    check_clause_coverage(set(CLAUSE_PAGES))
    with pytest.raises(ClauseCoverageError) as raised:
        check_clause_coverage(set(CLAUSE_PAGES) - {"5b", "8"})
    assert str(raised.value) == ("Clause 5b is cited by the concern, sharing rules but no page has the anchor "
                                 "'clause-5b' (missing: 5b, 8).")
    monkeypatch.setattr(answers_table, "CLAUSE_PAGES", {**CLAUSE_PAGES, "10": "policy/complaints.md"})
    with pytest.raises(ClauseCoverageError, match=r"^Clause 10 is never cited by any rule of any "
                                                   r"checker \(never cited: 10\)\. Add a rule"):
        check_clause_coverage(set(CLAUSE_PAGES) | {"10"})


def test_handbook_ask_skips_questions_that_do_not_apply():
    # about: guest; requester: the police; information: personal details; circumstances: none
    outcome = CliRunner().invoke(main, ["ask", "sharing"], input="1\n4\n2\n\n0\n")
    assert outcome.exit_code == 0, outcome.output
    assert "Has the person agreed" not in outcome.output
    assert "\nDo not share: pass this to the coordinator\n" in outcome.output  # group.yml here speaks
    assert "\n1. Do not give the police any information yourself, not even a name or an address.\n" in outcome.output
    assert "\nWhy: clauses 8, 9\n" in outcome.output
    assert "- Who asked: the officer's name, rank, number and police station." in outcome.output


def test_handbook_ask_lets_the_optional_question_be_skipped_and_takes_several_circumstances():
    # guest; professional; situation; signed form; (skip names); (skip identity); risk of harm + terrorism
    outcome = CliRunner().invoke(main, ["ask", "sharing", "--policy-version", "1.1"], input="1\n3\n1\n1\n\n\n2, 6\n")
    assert outcome.exit_code == 0, outcome.output
    assert "Does their consent cover exactly this?" in outcome.output
    assert "Why: clauses 1, 4, 5, 5b, 5f" in outcome.output


def test_handbook_ask_asks_again_after_a_wrong_number():
    # I did; to keep a child safe; (9: no such answer) passed on on purpose; no danger; personal information;
    # the facts skipped
    outcome = CliRunner().invoke(main, ["ask", "breach"], input="1\n1\n9\n5\n2\n1\n\n0\n\n\n\n")
    assert outcome.exit_code == 0, outcome.output
    assert "Tell the Riverside Food Bank manager today what was shared, with whom and why" in outcome.output

