"""Sharing: invariants over every combination of answers under every version, and the cases a
safeguarding lead checks first (emergencies, impostors, photos, terrorism, consent that names)."""
from __future__ import annotations

from checkers import sharing
from checkers.sharing.questions import CHECKABLE, INSIDE, RECORDED

from helpers.rules import every, gives

EMERGENCY = {"urgent_medical", "risk_of_harm"}
ASK = {"about": "service_user", "circumstances": []}


def test_no_share_outside_the_group_without_recorded_consent_unless_an_emergency():
    for version, a, o in every("sharing"):
        if o.winner.decision != "share" or a["requester"] in INSIDE + ("the_person",):
            continue
        assert a["requester"] == "emergency_services" or a["consent"] in RECORDED, a
        assert not (set(a["circumstances"]) - EMERGENCY) or a["requester"] == "emergency_services", a


def test_every_emergency_answer_is_urgent_now():
    for _, a, o in every("sharing"):
        if a["requester"] == "emergency_services" or EMERGENCY & set(a["circumstances"]):
            assert o.urgency == "now", a


def test_the_999_services_get_what_they_need_now():
    for _, a, o in every("sharing"):
        if a["requester"] == "emergency_services":
            confirmed = a.get("identity") == "confirmed" or (
                a["information"] != "contact_details" and a.get("identity") != "not_confirmed")
            assert o.winner.decision == ("share" if confirmed else "do_not_share"), a
            assert {"share_minimum", "tell_manager_afterwards"} <= set(o.actions), a


def test_personal_details_never_go_to_someone_not_confirmed():
    for _, a, o in every("sharing"):
        if a["information"] == "contact_details" and a["requester"] in CHECKABLE and o.winner.decision == "share":
            assert a.get("identity") == "confirmed", a


def test_every_share_outside_the_group_checks_identity_unless_confirmed():
    for _, a, o in every("sharing"):
        if o.winner.decision == "share" and a["requester"] in CHECKABLE:
            assert ("check_identity" in o.actions) == (a.get("identity") != "confirmed"), a


def test_consent_must_name_who_is_asking_before_personal_details_or_photos_go_outside():
    for version, a, o in every("sharing"):
        needs = a["requester"] == "public" or a["information"] in ("contact_details", "photo_video") or (
            version == "1.1" and a["requester"] == "professional")
        if a["requester"] in ("professional", "public", "social_media") and needs and o.winner.decision == "share":
            assert a.get("consent_names_recipient") == "yes", a


def test_every_terrorism_answer_tells_the_police_now_without_alerting_the_person():
    for _, a, o in every("sharing"):
        if "terrorism" in a["circumstances"]:
            assert {"tell_police", "do_not_alert_person"} <= set(o.actions) and o.urgency == "now", a


def test_every_child_at_risk_answer_goes_to_the_safeguarding_lead_without_promising_secrecy():
    for _, a, o in every("sharing"):
        if "child_or_vulnerable_adult_at_risk" in a["circumstances"]:
            assert {"tell_safeguarding_lead", "do_not_promise_secrecy", "follow_safeguarding_policy"} <= set(o.actions)
            assert "6" in o.cites, a
            assert o.winner.decision not in ("share", "get_consent") or a["requester"] == "emergency_services", a


def test_the_police_never_get_share_and_always_go_to_the_person_in_authority():
    for _, a, o in every("sharing"):
        if a["requester"] == "police":
            assert o.winner.decision != "share" and gives(o, "pass_to_person_in_authority"), a
            assert "8" in o.cites, a


def test_any_exceptional_circumstance_goes_to_the_manager_or_safeguarding_lead():
    for _, a, o in every("sharing"):
        if a["circumstances"] and a["requester"] not in ("emergency_services", "police"):
            assert o.winner.decision != "share", a
            assert gives(o, "refer_to_manager") or gives(o, "tell_safeguarding_lead"), a


def test_case_details_on_social_media_are_always_do_not_share():
    for _, a, o in every("sharing"):
        if a["requester"] == "social_media" and a["information"] == "case_details":
            assert o.winner.decision == "do_not_share" and "4a" in o.cites, a


def test_verbal_consent_or_email_to_someone_without_authority_never_shares_outside():
    for _, a, o in every("sharing"):
        if a["requester"] in ("professional", "public", "social_media") and a.get("consent") in ("verbal", "email_other"):
            assert o.winner.decision != "share", a


def test_a_crisis_team_calling_about_a_guest_at_risk_tonight_gets_what_it_needs_now():
    result = sharing.decide({**ASK, "requester": "emergency_services", "information": "case_details",
                             "circumstances": ["risk_of_harm"]}, group={"manager": "coordinator"})
    assert (result.decision, result.urgency) == ("share", "now")
    assert not any("until they decide" in step or "today" in step for step in result.steps)


def test_the_sister_who_asks_for_a_new_address_does_not_get_it():
    answers = {**ASK, "requester": "public", "information": "contact_details", "consent": "signed_form"}
    result = sharing.decide(answers)
    assert result.decision == "do_not_share"
    assert {"check_identity", "do_not_confirm_they_use_service", "offer_to_pass_on_message"} <= set(result.actions)
    checked = sharing.decide({**answers, "identity": "confirmed"})
    assert checked.decision == "get_consent" and "check_consent_names_recipient" in checked.actions
    named = sharing.decide({**answers, "identity": "confirmed", "consent_names_recipient": "yes"})
    assert named.decision == "share"


def test_a_photo_is_posted_only_with_consent_to_posting_it():
    answers = {**ASK, "requester": "social_media", "information": "photo_video", "consent": "signed_form"}
    assert sharing.decide(answers).decision == "get_consent"
    assert sharing.decide({**answers, "consent_names_recipient": "no"}).decision == "get_consent"
    assert sharing.decide({**answers, "consent_names_recipient": "yes"}).decision == "share"


def test_the_record_fits_who_asked_and_counts_its_clauses():
    police = sharing.decide({**ASK, "requester": "police", "information": "case_details"})
    assert any(line.startswith("Decision: ") and line.endswith("(clause 8).") for line in police.record)
    sister = sharing.decide({**ASK, "requester": "public", "information": "contact_details", "consent": "verbal"})
    assert not any("organisation" in line for line in sister.record)
    emergency = sharing.decide({**ASK, "requester": "emergency_services", "information": "case_details",
                                "circumstances": ["urgent_medical"]})
    assert any(line.startswith("If anything was shared without their consent: why") for line in emergency.record)
    assert any(line.startswith("Was the person told?") for line in emergency.record)


def test_steps_speak_with_the_group_words_and_hold_no_html():
    renamed = {"name": "Llanelli Community Pantry", "short_name": "Pantry", "manager": "lead volunteer",
               "team_leader": "shift captain", "person_with_authority": "chair"}
    result = sharing.decide({**ASK, "requester": "police", "information": "contact_details"}, group=renamed)
    assert result.title == "Do not share: pass this to the chair"
    assert "Pass their request to the chair today. If they are away, pass it to a shift captain." in result.steps
    court = sharing.decide({**ASK, "requester": "court", "information": "case_file"}, group=renamed)
    assert court.title == "Do not share yet: pass this to the Pantry lead volunteer"
    assert sharing.decide({**ASK, "requester": "court", "information": "case_file"}).title == (
        "Do not share yet: pass this to the manager")


def test_the_police_in_an_emergency_name_both_people_the_policy_names():
    """Clause 5 (the manager) and clause 8 (the person in authority) both apply: the first step says 999
    and the manager, the second the person in authority (docs/about/open-questions.md, question 9)."""
    words = {"manager": "manager", "person_with_authority": "coordinator", "team_leader": "shift leader"}
    steps = sharing.decide({**ASK, "requester": "police", "information": "case_details", "identity": "confirmed",
                            "circumstances": ["risk_of_harm"]}, group=words).steps
    assert "call 999 now" in steps[0] and "Tell the manager now" in steps[0]
    assert steps[1].startswith("Do not turn the police away. Get the coordinator now")
