"""Sharing: what to write down for every decision, share or not.

HM Government's advice on information sharing (golden rule 7) and the ICO's data sharing code:
what was asked, by whom and when; what was shared, with whom, why and on what basis; whether
with consent and, if not, why not and the reason in law; whether the person was told; the
decision and who made it.
"""
from __future__ import annotations

from ..checker import FromAnswer
from ..engine import DECIDED, Outcome
from .questions import QUESTIONS

WHO_ASKED = {
    "colleague": "Who asked: your colleague's name.",
    "partner_agency": "Who asked: their name and their agency.",
    "professional": "Who asked: their name, job and organisation, and how you checked who they are.",
    "police": "Who asked: the officer's name, rank, number and police station.",
    "court": "Who asked: which court, which case, and what the order or request says.",
    "public": "Who asked: their name, how they know the person, and how you checked who they are.",
    "social_media": "Where it would go: which page, account, group chat or newspaper.",
    "the_person": "Who asked: the person themselves, and how you checked it was them.",
    "emergency_services": "Who asked: which service (ambulance, crisis team or police), and the name of the "
                          "person you spoke to.",
}
NO_CONSENT_QUESTION = {
    "police": "Consent: not part of this decision. Write down if the person agreed or said no.",
    "court": "Consent: not part of this decision. Write down if the person agreed or said no.",
    "the_person": "Consent: not needed. It is their own information.",
    "emergency_services": "Consent: not needed to save a life or to get someone urgent help.",
}
# If something is shared without consent: why, and the reason in law (the ICO's data sharing code and
# HM Government's advice both ask for it), by circumstance; the first that applies.
BASIS = (
    ("emergency_services", "to protect someone's life or health in an emergency",
     "vital interests (protecting someone's life)"),
    ("urgent_medical", "someone needed urgent medical treatment", "vital interests (protecting someone's life)"),
    ("risk_of_harm", "someone could be seriously harmed", "vital interests, or preventing serious harm"),
    ("child_or_vulnerable_adult_at_risk", "to keep a child or an adult at risk safe",
     "safeguarding children and adults at risk"),
    ("safeguarding", "of safeguarding concerns", "safeguarding children and adults at risk"),
    ("terrorism", "the law says information about terrorism must go to the police",
     "a legal duty (Terrorism Act 2000, section 38B)"),
    ("court", "a court ordered it", "a legal duty (the court order: write its date and reference)"),
)
DECIDER = {"share": "you. Write your name.", "get_consent": "you. Write your name.",
           "do_not_share": "you. Write your name.", "refer_to_manager": "{manager}. Write their name.",
           "safeguarding": "{safeguarding_lead}. Write their name.",
           "pass_to_person_in_authority": "{person_with_authority}. Write their name."}
OUTCOME = {"share": "What you shared, with whom, how, and why.",
           "get_consent": "That nothing was shared yet, and why.",
           "do_not_share": "That nothing was shared, and why."}
WAS_TOLD = "Was the person told? When and how, or why not (for example, telling them would put someone at risk)."
NOT_TOLD = "That the person was not told, because it is about terrorism (Terrorism Act 2000, section 39)."
SHARED_OR_NOT = "What was shared, with whom and why; or, if nothing was, why not."
LABELS = {(q.id, o.id): o.label for q in QUESTIONS for o in q.options}


def _said(qid: str) -> FromAnswer:
    """An answer as the record says it: its label, in lower case."""
    return FromAnswer(qid, lambda answer: LABELS[qid, answer].lower() if answer else "")


# What the record says of the reader's answers: {information_said}, {about_said}, {consent_said} and
# {circumstances_said} (the ticked ones, in the form's order, or "none").
CIRCUMSTANCES = next(q.option_ids() for q in QUESTIONS if q.id == "circumstances")
SAID = {**{f"{qid}_said": _said(qid) for qid in ("information", "about", "consent")},
        "circumstances_said": FromAnswer("circumstances", lambda ticked: "; ".join(
            LABELS["circumstances", c] for c in CIRCUMSTANCES if c in (ticked or ())).lower() or "none")}


def _basis(answers: dict) -> list[str]:
    found = set(answers["circumstances"]) | {answers["requester"]}
    return [f"If anything was shared without their consent: why ({why}), and the reason in law: {basis}."
            for key, why, basis in BASIS if key in found][:1]


def record(answers: dict, outcome: Outcome, assessment: None = None) -> tuple[str, ...]:
    """What to write down, line by line (templates in the group's words); this checker makes no assessment."""
    requester = answers["requester"]
    decision = outcome.winner.decision
    lines = ["When: the date and time you were asked.", WHO_ASKED[requester]]
    if requester == "police":
        lines.append("What the police want, why they need it (necessary, not just useful), and under which law.")
    lines += [
        "What they asked for: {information_said}, about {about_said}.",
        "Consent: {consent_said}." if answers.get("consent") else NO_CONSENT_QUESTION[requester],
        "Exceptional circumstances: {circumstances_said}.",
        *_basis(answers),
        DECIDED,
        OUTCOME.get(decision, SHARED_OR_NOT),
        NOT_TOLD if "terrorism" in answers["circumstances"] else WAS_TOLD,
        f"Who decided: {DECIDER[decision]}" if outcome.winner.name != "police_life_at_risk" else
        "Who decided: {person_with_authority}, or you if they could not be reached in time. Write the name.",
    ]
    return tuple(lines)
