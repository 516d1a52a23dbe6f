"""Concern (a disclosure): invariants over every combination, and the cases a safeguarding lead checks."""
from __future__ import annotations

import pytest

from checkers import concern
from checkers.model import AnswerError

from helpers.rules import every


def test_every_disclosure_goes_to_the_safeguarding_lead_and_promises_no_secrecy():
    for _, a, o in every("concern"):
        assert {"tell_safeguarding_lead", "do_not_promise_secrecy", "write_down_their_words",
                "do_not_investigate"} <= set(o.actions), a
        assert {"5c"} <= set(o.cites), a


def test_danger_now_calls_999_first():
    for _, a, o in every("concern"):
        if a["danger"] == "now":
            assert o.urgency == "now" and "call_emergency_services" in o.actions, a


def test_a_child_or_vulnerable_adult_is_always_safeguarding_under_clause_6():
    for _, a, o in every("concern"):
        if {"child", "vulnerable_adult"} & set(a["who_at_risk"]):
            assert o.winner.decision == "safeguarding" and "6" in o.cites, a
            assert o.urgency in ("now", "today"), a
            assert o.urgency == "now" or a["danger"] == "past", a  # harm still happening: now (issue 25, item 12)


def test_every_disclosure_says_what_happens_next():
    for _, a, o in every("concern"):
        assert "say_what_happens_next" in o.actions and any("what you will do next" in s for s in o.steps), a


def test_an_adult_at_risk_is_asked_what_they_want_and_never_told_they_need_not_agree():
    """Making Safeguarding Personal: an adult at risk is not a child (issue 25, item 4)."""
    for _, a, o in every("concern"):
        if "vulnerable_adult" in a["who_at_risk"] and "child" not in a["who_at_risk"]:
            text = " ".join(o.steps)
            assert "You do not need their agreement" not in text, a
            assert "ask_their_wishes" in o.actions or a["danger"] == "now", a


def test_an_adult_is_never_promised_less_than_the_exceptions():
    """The secrecy note names every exception the answer lists (issue 25, item 7)."""
    for _, a, o in every("concern"):
        for step in o.steps:
            assert "unless someone is in danger" not in step, (a, step)


def test_a_single_answer_is_a_list_of_one_and_none_is_not_an_answer():
    answers = {"danger": "past", "asked_to_keep_secret": "no", "about_a_worker": "no"}
    assert concern.decide({**answers, "who_at_risk": "adult"}) == concern.decide({**answers, "who_at_risk": ["adult"]})
    with pytest.raises(AnswerError, match="'who_at_risk' needs at least one answer"):
        concern.decide({**answers, "who_at_risk": []})


def test_an_allegation_against_a_worker_never_alerts_the_worker():
    for _, a, o in every("concern"):
        if a["about_a_worker"] == "yes":
            assert "do_not_alert_person" in o.actions or a["danger"] == "now", a


def test_a_child_who_says_they_are_hurt_at_home_and_asks_for_secrecy():
    result = concern.decide({"who_at_risk": "child", "danger": "ongoing", "asked_to_keep_secret": "yes",
                             "about_a_worker": "no"}, group={"safeguarding_lead": "DSL"})
    assert (result.decision, result.urgency) == ("safeguarding", "now")  # still happening: before she goes home
    assert any("Tell the DSL now" in step for step in result.steps)
    assert any("own words" in step for step in result.steps)


def test_an_adult_who_can_decide_keeps_the_decision_unless_someone_is_in_danger():
    calm = concern.decide({"who_at_risk": "adult", "danger": "past", "asked_to_keep_secret": "no",
                           "about_a_worker": "no"})
    assert (calm.decision, calm.urgency) == ("get_consent", "soon")
    danger = concern.decide({"who_at_risk": "adult", "danger": "now", "asked_to_keep_secret": "yes",
                             "about_a_worker": "no"})
    assert (danger.decision, danger.urgency) == ("share", "now")


def test_a_woman_says_her_partner_hits_her_and_the_children():
    """Tick everyone at risk: the children decide, and she is asked what she wants (issue 25, item 11)."""
    result = concern.decide({"who_at_risk": ["adult", "child"], "danger": "ongoing", "asked_to_keep_secret": "yes",
                             "about_a_worker": "no"})
    assert (result.decision, result.urgency) == ("safeguarding", "now") and "6" in result.cites
    assert not result.title.startswith("Respect their wishes")
    assert any(step.startswith("Ask the adult who told you") for step in result.steps)
