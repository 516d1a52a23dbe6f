"""Every action code a checker can give, with what it means in plain words.

Action codes are part of the public contract (scenario files and programs test them): add new
ones, never rename. A test checks that every code a rule can give is listed here. Descriptions
name people with the group's words ({manager}), filled in by whatever shows them.
"""
from __future__ import annotations

ACTIONS: dict[str, str] = {
    # sharing and concern
    "share_minimum": "share only what is needed",
    "explain_group_confidentiality": "explain that confidentiality is with the group",
    "respect_objection": "respect their objection",
    "respect_refusal": "respect their refusal",
    "get_recorded_consent": "get their consent recorded",
    "ask_express_permission": "ask their permission",
    "check_consent_names_recipient": "check the consent names the organisation",
    "check_identity": "check it is really them",
    "refer_to_manager": "tell {manager}, who decides",
    "follow_safeguarding_policy": "follow the safeguarding policy",
    "tell_safeguarding_lead": "tell {safeguarding_lead}",
    "call_emergency_services": "call 999 if anyone is in danger",
    "do_not_alert_person": "do not alert the person",
    "pass_to_person_in_authority": "pass it to {person_with_authority}",
    "do_not_post": "do not post it",
    "tell_them_if_safe": "tell them what is done, if it is safe",
    "record_decision": "write down the decision",
    "tell_manager_afterwards": "tell {manager} what was shared, once the emergency is over",
    "offer_to_pass_on_message": "offer to pass on a message instead",
    "do_not_confirm_they_use_service": "do not say whether the person uses our service",
    "tell_police": "make sure the police are told",
    "do_not_promise_secrecy": "do not promise to keep it secret",
    "write_down_their_words": "write down what they said, in their own words",
    "do_not_investigate": "do not ask leading questions or investigate",
    "say_what_happens_next": "tell them what you will do next, and who you will tell",
    "ask_their_wishes": "ask what they would like to happen",
    # breach
    "report_to_manager": "tell {manager}",
    "log_breach": "write it in the breach log",
    "notify_ico_within_72h": "tell the ICO within 72 hours",
    "manager_decides_on_ico": "{manager} decides now about the ICO",
    "check_if_reportable": "find out if the ICO must be told",
    "record_why_not_reported": "write down why the ICO was not told",
    "tell_people_affected": "tell the people affected",
    "remove_post": "take the post down",
    "ask_recipient_to_delete": "ask them to delete it",
    "ask_not_to_pass_on": "ask them not to pass it on",
    "secure_records": "lock the records away",
    "restore_records": "get the records working again, and check nobody saw them",
    "evidence_may_be_requested": "keep evidence of the need",
    "warn_person": "warn the person who may be in danger",
    "check_for_danger": "think whether anyone could be in danger, and keep them safe first",
    "find_out_facts": "find out quickly what is not known yet, and tell the ICO more",
    "log_near_miss": "write the near miss in the breach log",
}
