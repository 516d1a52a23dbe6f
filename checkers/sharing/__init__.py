"""Sharing: "Someone wants information. Can I share it?"

questions.py holds the questions and when each is asked, rules.py the rules (read it beside the
policy), record.py what to write down. This module declares the checker (checkers/checker.py).
"""
from __future__ import annotations

from types import SimpleNamespace

from .. import versions
from ..checker import Checker, FromAnswer
from .questions import CHECKABLE, OUTSIDE, QUESTIONS
from .record import SAID, record
from .rules import RULES

ID = "sharing"
TITLE = "Can I share this?"
EMERGENCY = frozenset({"urgent_medical", "risk_of_harm"})  # someone's life or health at risk

WHAT = {"case_details": "what you know about their situation", "contact_details": "their personal details",
        "case_file": "their case file", "photo_video": "the photo or video"}
WHO = {"colleague": "your colleague", "partner_agency": "the partner-agency worker",
       "professional": "the professional", "police": "the police", "court": "the court",
       "public": "the person asking", "social_media": "anyone online", "the_person": "them",
       "emergency_services": "the emergency services"}

# How to be sure of a requester who may not be who they say (ICO guidance on deception: never a number they give).
HOW_TO_CHECK = {
    "professional": "Call their office back on its main number, which you look up yourself, never one they give you.",
    "public": "First ask the person it is about. Do they know this caller? Do they agree?",
    "the_person": "If they phoned, call them back on the number we hold for them. If they are with you, make sure "
                  "it is them.",
    "police": "Call the police back on 101, never on a number the caller gives you.",
    "emergency_services": "If they phoned and you are not sure it is them, call 999 yourself and give what is "
                          "needed to the call handler.",
}

# Options that change nothing (decision, cites or actions) under some version, and why.
NO_EFFECT: dict[str, str] = {}


def facts(answers: dict, version: str) -> SimpleNamespace:
    """Checked answers in the shape the rules read.

    `personal` is true when even colleagues need the person's permission: personal details
    (clause 9), photos (4a) and anything about a worker (1, 1a). Clause 2 lets a guest's situation
    and file be shared within the group without asking. `names_needed`: recorded consent counts
    only if it names who is asking and the use (clauses 4, 4a, 9; under 1.1, clause 4 for every
    professional).
    """
    requester, information = answers["requester"], answers["information"]
    v11 = versions.at_least(version, "1.1")
    return SimpleNamespace(
        about=answers["about"], requester=requester, information=information,
        consent=answers.get("consent"), names=answers.get("consent_names_recipient"),
        circumstances=answers["circumstances"], emergency=bool(answers["circumstances"] & EMERGENCY),
        checkable=requester in CHECKABLE, confirmed=answers.get("identity") == "confirmed",
        unconfirmed=requester in CHECKABLE and answers.get("identity") == "not_confirmed",
        at_risk="child_or_vulnerable_adult_at_risk" in answers["circumstances"],
        terrorism="terrorism" in answers["circumstances"],
        details=information == "contact_details",
        personal=answers["about"] == "worker" or information in ("contact_details", "photo_video"),
        names_needed=requester in OUTSIDE and (
            requester == "public" or information in ("contact_details", "photo_video")
            or (v11 and requester == "professional")),
    )


CHECKER = Checker(
    id=ID, title=TITLE, questions=QUESTIONS, rules=RULES, facts=facts, record=record,
    from_answers={"what": FromAnswer("information", WHAT.get), "who": FromAnswer("requester", WHO.get),
                  "how_to_check": FromAnswer("requester", lambda requester: HOW_TO_CHECK.get(requester, "")),
                  **SAID},
    decisions={"share": "Share", "get_consent": "Get consent first", "do_not_share": "Do not share",
               "refer_to_manager": "Ask {manager}", "safeguarding": "Safeguarding",
               "pass_to_person_in_authority": "Pass it to {person_with_authority}"},
    no_effect=NO_EFFECT,
    paper_form="sharing-record",
    shown_if={"keeps_case_files": {"information": ("case_file",)}},  # "Their case file" where a group keeps them
    example={"about": "service_user", "requester": "police", "information": "contact_details", "circumstances": []},
)
DECISIONS, outcome, decide = CHECKER.DECISIONS, CHECKER.outcome, CHECKER.decide
