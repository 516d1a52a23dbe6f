"""Concern (a disclosure): invariants over every combination, and the cases a safeguarding lead checks."""
from __future__ import annotations

from checkers import concern

from rules_helpers import every


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
        if a["who_at_risk"] in ("child", "vulnerable_adult"):
            assert o.winner.decision == "safeguarding" and "6" in o.cites, a
            assert o.urgency in ("now", "today"), a


def test_an_allegation_against_a_worker_never_alerts_the_worker():
    for _, a, o in every("concern"):
        if a["about_a_worker"] == "yes":
            assert "do_not_alert_person" in o.actions or a["danger"] == "now", a


def test_a_child_who_says_they_are_hurt_at_home_and_asks_for_secrecy():
    result = concern.decide({"who_at_risk": "child", "danger": "ongoing", "asked_to_keep_secret": "yes",
                             "about_a_worker": "no"}, group={"safeguarding_lead": "DSL"})
    assert (result.decision, result.urgency) == ("safeguarding", "today")
    assert any("Tell the DSL today" in step for step in result.steps)
    assert any("own words" in step for step in result.steps)


def test_an_adult_who_can_decide_keeps_the_decision_unless_someone_is_in_danger():
    calm = concern.decide({"who_at_risk": "adult", "danger": "past", "asked_to_keep_secret": "no",
                           "about_a_worker": "no"})
    assert (calm.decision, calm.urgency) == ("get_consent", "soon")
    danger = concern.decide({"who_at_risk": "adult", "danger": "now", "asked_to_keep_secret": "yes",
                             "about_a_worker": "no"})
    assert (danger.decision, danger.urgency) == ("share", "now")
