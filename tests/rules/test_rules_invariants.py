"""Invariants over the WHOLE input space: every valid combination of answers, under every version."""
from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import checkers
from checkers.actions import ACTIONS
from checkers.model import URGENCIES
from checkers.versions import VERSIONS
from handbook.policy.placement import CLAUSE_PAGES
from handbook.answers.tables import combinations, outcomes, table_questions

from checkers.words import TITLES
from helpers.rules import every

# Every title renamed: no default title may be left in any answer.
RENAMED = {"name": "Llanelli Community Pantry", "short_name": "Pantry", "manager": "lead volunteer",
           "team_leader": "shift captain", "senior_volunteer": "old hand", "person_with_authority": "chair",
           "safeguarding_lead": "welfare officer"}


def test_the_whole_input_space_is_enumerated():
    assert len(outcomes("sharing", "1.1")) == 94_208
    assert len(outcomes("breach", "1.1")) == 992  # the questions its table expands (the rest: test_rules_breach)
    assert len(outcomes("concern", "1.1")) == 240  # 15 sets of who is at risk (at least one)


def test_every_result_says_what_to_record_and_how_soon():
    for checker_id, module in checkers.CHECKERS.items():
        for answers in list(combinations(checker_id))[::97]:
            result = module.decide(answers)
            assert len(result.record) >= 6 and "record_decision" in result.actions
            assert result.urgency in URGENCIES


def test_a_group_that_renames_every_title_reads_no_default_title_in_any_answer():
    defaults = set(TITLES.values()) | {"person in authority", "coordinator"}
    for checker_id, module in checkers.CHECKERS.items():
        every_answer = list(combinations(checker_id))
        for answers in every_answer[:: 53 if len(every_answer) > 5000 else 1]:
            result = module.decide(answers, group=RENAMED)
            text = " ".join([result.title, *result.steps, *result.record, *(i.reason for i in result.ignored)])
            found = [title for title in defaults if title in text.lower()]
            assert not found, (checker_id, answers, found, text)


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
    questions = table_questions(checker_id)  # a checker tests the questions its table leaves out itself
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


def test_routing_only_looks_back_at_single_choice_questions():
    for module in checkers.CHECKERS.values():
        seen = {}
        for question in module.QUESTIONS:
            for qid, allowed in question.when.items():
                assert qid in seen and not seen[qid].multi and set(allowed) <= set(seen[qid].option_ids())
            seen[question.id] = question


def test_checkers_import_only_the_standard_library():
    folder = Path(checkers.__file__).parent
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(), feature_version=(3, 11))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            for name in names:
                assert name.split(".")[0] in sys.stdlib_module_names | {"__future__"}, (path.name, name)


# Safety invariants of issue 25, over every answer the routing allows, under every version.

def _said(checker_id: str, answers: dict, outcome) -> str:
    """The title and steps a reader sees (templates), with the sharing checker's per-requester check filled in."""
    how = checkers.sharing.HOW_TO_CHECK.get(answers.get("requester"), "") if checker_id == "sharing" else ""
    return " ".join([outcome.winner.title, *outcome.steps]).replace("{how_to_check}", how)


def test_nothing_tells_the_person_when_it_is_about_terrorism():
    """Terrorism Act 2000 s.39 (tipping off): no 'tell them if safe', no 'tell them' step, whatever else applies."""
    checked = 0
    for _, answers, outcome in every("sharing"):
        if "terrorism" in answers["circumstances"]:
            checked += 1
            assert "tell_them_if_safe" not in outcome.actions, answers
            assert not re.search(r"\btell them\b|\bbe open with\b", _said("sharing", answers, outcome), re.I), answers
            assert "do_not_alert_person" in outcome.actions, answers
    assert checked == len(VERSIONS) * 94_208 // 2  # half of every set of circumstances, under every version


def test_nothing_is_shared_while_you_do_not_know_it_is_really_them():
    for _, answers, outcome in every("sharing"):
        if answers.get("identity") == "not_confirmed":
            assert outcome.winner.decision != "share", answers


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_every_answer_that_says_999_carries_the_code(checker_id):
    for _, answers, outcome in every(checker_id):
        if "999" in _said(checker_id, answers, outcome):
            assert "call_emergency_services" in outcome.actions, (answers, outcome.winner.name)


def test_a_child_at_risk_always_decides():
    """Whoever else is ticked, a child at risk gives a safeguarding answer under clause 6 (issue 25, item 11)."""
    for _, answers, outcome in every("concern"):
        if "child" in answers["who_at_risk"]:
            assert outcome.winner.decision == "safeguarding" and "6" in outcome.cites, answers
            assert outcome.winner.name.startswith("child_"), answers


def test_words_said_out_loud_or_a_public_post_are_never_got_back():
    """`contained` is not asked for them: given anyway, it is listed as ignored with the reason, changes nothing."""
    from checkers import breach

    for _, answers, _ in every("breach"):
        assert not (answers["what_happened"] in ("posted_online", "told_someone") and "contained" in answers), answers
    for what in ("posted_online", "told_someone"):
        base = {"who": "me", "reason": "none", "what_happened": what, "personal_data": "yes", "danger": "no",
                "data": ["contact_details"], "people": "one", "vulnerable": "no"}
        claimed = breach.decide({**base, "contained": "yes"})
        assert [(i.question, i.answer) for i in claimed.ignored] == [("contained", "yes")]
        assert "cannot be got back" in claimed.ignored[0].reason
        assert claimed.assessment == breach.decide(base).assessment and "got back," not in claimed.assessment
        assert (claimed.urgency, claimed.actions) == (breach.decide(base).urgency, breach.decide(base).actions)
