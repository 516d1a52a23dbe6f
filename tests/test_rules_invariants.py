"""Invariants over the WHOLE input space: every valid combination of answers, under every version."""
from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import checkers
from checkers import breach, sharing
from checkers.actions import ACTIONS
from checkers.versions import VERSIONS
from handbook.answers_table import combinations, outcomes
from handbook.clauses import CLAUSE_PAGES

OUTSIDE = {"professional", "police", "court", "public", "social_media"}
RECORDED = {"signed_form", "email_to_authority"}
EXCEPTIONAL = {"urgent_medical", "risk_of_harm", "safeguarding", "drug_dealing", "court_required",
               "terrorism", "child_or_vulnerable_adult_at_risk"}
GROUP = {"name": "Riverside Food Bank", "short_name": "Riverside", "manager": "boss",
         "team_leader": "shift lead", "senior_volunteer": "senior helper", "person_with_authority": "coordinator"}


def every(checker_id):
    for version in VERSIONS:
        for answers, outcome in outcomes(checker_id, version):
            yield version, answers, outcome


def gives(outcome, code) -> bool:
    """An answer "gives" a code when it decides it or, where a safer rule decided, lists it as an action."""
    return outcome.winner.decision == code or code in outcome.actions


def test_the_whole_input_space_is_enumerated():
    assert len(outcomes("sharing", "1.1")) == 37_888
    assert len(outcomes("breach", "1.1")) == 100


def test_no_share_outside_the_group_without_recorded_consent_unless_exceptional():
    for version, a, o in every("sharing"):
        if o.winner.decision == "share" and a["requester"] in OUTSIDE:
            assert a["consent"] in RECORDED and not a["circumstances"], a
            if version != "1.0" and a["requester"] == "professional":
                assert a.get("consent_names_recipient") != "no", a


def test_a_child_or_vulnerable_adult_at_risk_always_gives_safeguarding():
    for _, a, o in every("sharing"):
        if "child_or_vulnerable_adult_at_risk" in a["circumstances"]:
            assert "6" in o.cites and "follow_safeguarding_policy" in o.actions, a
            # Only "never post it online" outranks the safeguarding decision, and it still acts.
            assert o.winner.decision == "safeguarding" or a["requester"] == "social_media", a


def test_any_exceptional_circumstance_gives_refer_to_manager_or_safeguarding():
    for _, a, o in every("sharing"):
        if a["circumstances"]:
            assert gives(o, "refer_to_manager") or gives(o, "safeguarding") or \
                "follow_safeguarding_policy" in o.actions, a
            assert o.winner.decision != "share", a
            assert o.winner.decision in {"refer_to_manager", "safeguarding"} or a["requester"] == "social_media", a


def test_the_police_never_get_share_and_always_go_to_the_person_in_authority():
    for _, a, o in every("sharing"):
        if a["requester"] == "police":
            assert o.winner.decision != "share" and "pass_to_person_in_authority" in o.actions
            assert "8" in o.cites


def test_contact_details_are_never_shared_without_consent():
    for _, a, o in every("sharing"):
        if a["information"] == "contact_details" and a["requester"] != "the_person":
            assert "9" in o.cites, a
            if a.get("consent") in (None, "not_asked", "refused"):
                assert o.winner.decision != "share", a


def test_case_details_on_social_media_are_always_do_not_share():
    for _, a, o in every("sharing"):
        if a["requester"] == "social_media" and a["information"] == "case_details":
            assert o.winner.decision == "do_not_share" and "4a" in o.cites, a


def test_verbal_consent_or_email_to_someone_without_authority_never_shares_outside():
    for _, a, o in every("sharing"):
        if a["requester"] in OUTSIDE and a.get("consent") in ("verbal", "email_other"):
            assert o.winner.decision != "share", a


def test_every_breach_is_logged_and_reported_to_the_manager():
    for version, a, o in every("breach"):
        assert o.winner.decision == "report_to_manager"
        assert {"log_breach", "report_to_manager"} <= set(o.actions) and "7" in o.cites, a
        if a.get("personal_data") == "yes" and a.get("risk") in ("likely", "high"):
            assert "notify_ico_within_72h" in o.actions, a  # the law, under every version
        if a.get("risk") == "high":
            assert "tell_people_affected" in o.actions, a
        if a["what_happened"] == "posted_online":
            assert "remove_post" in o.actions
        if a["reason"] == "protect_someone":
            assert "evidence_may_be_requested" in o.actions and "notify_ico_within_72h" not in o.actions


def test_every_result_says_what_to_record():
    for checker_id, module in checkers.CHECKERS.items():
        for answers in list(combinations(checker_id))[::97]:
            result = module.decide(answers)
            assert len(result.record) >= 6 and "record_decision" in result.actions


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_every_decision_and_every_clause_is_reached(checker_id):
    module = checkers.CHECKERS[checker_id]
    decisions = {o.winner.decision for _, _, o in every(checker_id)}
    assert decisions == set(module.DECISIONS)
    cited = {cid for checker in checkers.CHECKERS for _, _, o in every(checker) for cid in o.cites}
    assert cited == set(CLAUSE_PAGES)


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_every_deciding_rule_decides_something_under_some_version(checker_id):
    module = checkers.CHECKERS[checker_id]
    winners = {o.winner.name for _, _, o in every(checker_id)}
    matched = {rule.name for _, _, o in every(checker_id) for rule in o.matched}
    assert winners == {rule.name for rule in module.RULES if rule.decision}
    assert matched == {rule.name for rule in module.RULES}


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_every_action_code_is_in_the_glossary(checker_id):
    assert {a for _, _, o in every(checker_id) for a in o.actions} <= set(ACTIONS)


def _downstream(questions, qid) -> set[str]:
    """The question and every question whose routing depends on it, directly or not."""
    found = {qid}
    for question in questions:
        if found & set(question.when):
            found.add(question.id)
    return found


def _triple(outcome):
    return outcome.winner.decision, outcome.cites, outcome.actions


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_every_option_changes_some_outcome_or_is_explained(checker_id):
    """An option "changes some outcome" when swapping it for another (all else equal) changes the
    decision, cites or actions. Options that never do are listed, with the reason, in NO_EFFECT."""
    module = checkers.CHECKERS[checker_id]
    questions = module.QUESTIONS
    for version in VERSIONS:
        rows = [(tuple(frozenset(a[q.id]) if q.multi else a.get(q.id) for q in questions), _triple(o))
                for a, o in outcomes(checker_id, version)]
        changes: set[str] = set()
        for i, question in enumerate(questions):
            if question.multi:
                table = dict(rows)
                for values, triple in rows:
                    for option in question.option_ids():
                        if option not in values[i]:
                            other = values[:i] + (values[i] | {option},) + values[i + 1:]
                            if table[other] != triple:
                                changes.add(f"{question.id}.{option}")
                continue
            # Compare answer sets that differ only in this question (and the questions it routes to).
            ignored = {j for j, q in enumerate(questions) if q.id in _downstream(questions, question.id)}
            groups = defaultdict(lambda: defaultdict(set))
            for values, triple in rows:
                rest = tuple(v for j, v in enumerate(values) if j not in ignored)
                groups[rest][values[i]].add(triple)
            for by_option in groups.values():
                for option, triples in by_option.items():
                    if option is not None and any(t != triples for t in by_option.values()):
                        changes.add(f"{question.id}.{option}")
        for question in questions:
            for option in question.option_ids():
                key = f"{question.id}.{option}"
                explained = f"{version} {key}" in module.NO_EFFECT
                assert (key in changes) != explained, (version, key)  # an explanation must not go stale


def test_versions_differ_where_the_1_1_text_differs():
    for checker_id, minimum in (("sharing", 16), ("breach", 40)):
        old = {str(a): _triple(o) for a, o in outcomes(checker_id, "1.0")}
        new = {str(a): _triple(o) for a, o in outcomes(checker_id, "1.1")}
        assert sum(old[k] != new[k] for k in new) >= minimum


def test_steps_speak_with_the_group_words_and_hold_no_html():
    result = sharing.decide({"about": "service_user", "requester": "police", "information": "contact_details",
                             "circumstances": []}, group=GROUP)
    assert result.title == "Do not share: pass this to the coordinator"
    assert "Pass their request to the coordinator. If they are away, pass it to a shift lead." in result.steps
    generic = breach.decide({"who": "me", "reason": "none", "what_happened": "other", "personal_data": "no"})
    assert generic.steps[0] == "Tell the manager today. If they are away, tell a team leader or a senior volunteer."
    named = breach.decide({"who": "me", "reason": "none", "what_happened": "other", "personal_data": "no"},
                          group=GROUP)
    assert named.steps[0] == "Tell the Riverside boss today. If they are away, tell a shift lead or a senior helper."
    for checker_id, module in checkers.CHECKERS.items():
        for answers in list(combinations(checker_id))[::211]:
            text = " ".join(module.decide(answers, group=GROUP).steps)
            assert "<" not in text and "{" not in text and "manager of the group" not in text


def test_routing_only_looks_back_at_single_choice_questions():
    for module in checkers.CHECKERS.values():
        seen = {}
        for question in module.QUESTIONS:
            for qid, allowed in question.when.items():
                assert qid in seen and not seen[qid].multi and set(allowed) <= set(seen[qid].option_ids())
            seen[question.id] = question


def test_checkers_import_only_the_standard_library():
    folder = Path(checkers.__file__).parent
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(), feature_version=(3, 11))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            for name in names:
                assert name.split(".")[0] in sys.stdlib_module_names | {"__future__"}, (path.name, name)
