"""Concern: the rules for a disclosure, with the clauses and guidance they rest on.

Clause 2 (no worker may promise secrecy), 5c (safeguarding concerns go to the manager), 6 (a child
or vulnerable adult at risk comes before confidentiality). Around them: NSPCC and Working Together
to Safeguard Children 2023 (listen, do not promise secrecy, do not investigate or ask leading
questions, write down their words, tell whoever told you what happens next, tell the safeguarding
lead the same day, 999 first if anyone is in danger now); Care Act 2014 statutory guidance, Making
Safeguarding Personal (an adult at risk is asked what they want, and their consent is sought before a
concern goes outside the group, unless that raises the risk, others are at risk, a serious crime is
involved, they lack capacity, or a worker is the alleged abuser; they are told if it goes without it;
an adult who can decide for themselves: their wishes are respected with the same exceptions); an
allegation against a worker goes to whoever is not involved, who contacts the local authority (its
designated officer, the LADO, for a child; its adult safeguarding team for an adult at risk), and the
worker is not alerted.

Everyone at risk is ticked (`who`): a child at risk always decides, then a vulnerable adult, then an
adult who can decide; the others add their notes.
"""
from __future__ import annotations

from ..engine import Rule

LISTEN = "Listen and stay calm. Do not ask leading questions, and do not try to find out more yourself."
NO_SECRET = "Do not promise to keep it secret. Confidentiality is with {name}, not with one person."
WRITE = "Write down what they said, in their own words, with the date and time. Do not add your own view."
NEXT = "Tell them, in plain words, what you will do next and who you will tell."  # NSPCC: what happens next
EXCEPT = ("a child or someone else is at risk too, a serious crime is involved, a life is in danger, or someone "
          "who works here is causing the harm")  # Making Safeguarding Personal; DOMAIN round 3
ADULT_STEPS = (
    LISTEN, NO_SECRET,
    f"Ask them what they would like to happen. They decide, unless {EXCEPT}.",
    "Get advice from {safeguarding_lead} {when}. Nothing goes outside {name} without their agreement, except in "
    "those cases.",
    "If you think anyone is in danger, call 999.", WRITE, NEXT)
ALWAYS = ("do_not_promise_secrecy", "write_down_their_words", "do_not_investigate", "tell_safeguarding_lead",
          "say_what_happens_next")


def at_risk(f) -> bool:
    """A child or a vulnerable adult is among those at risk (clause 6)."""
    return f.child or f.vulnerable


RULES: tuple[Rule, ...] = (
    # Danger now: 999 first, whoever it is (a life in danger comes before anyone's wishes).
    Rule(name="child_in_danger_now", summary="A child or vulnerable adult is in danger now",
         when=lambda f: at_risk(f) and f.danger == "now", cites=("2", "5c", "6"),
         decision="safeguarding", urgency="now", title="Call 999 now, then tell {safeguarding_lead}",
         steps=("Call 999 now if they are in danger. Stay with them if it is safe.",
                "Tell {safeguarding_lead} now. If they are away, tell {manager}.",
                NO_SECRET, LISTEN, WRITE, NEXT, "Follow the safeguarding policy of {name}."),
         actions=("call_emergency_services",) + ALWAYS + ("follow_safeguarding_policy",)),
    Rule(name="adult_in_danger_now", summary="An adult is in danger now",
         when=lambda f: f.danger == "now", cites=("2", "5", "5b"),
         decision="share", urgency="now", title="Call 999 now: someone is in danger",
         steps=("Call 999 now. A life in danger comes before their wishes. Tell the 999 service only what they "
                "need to keep people safe.",
                "Tell {safeguarding_lead} now. If they are away, tell {manager}.",
                NO_SECRET, LISTEN, WRITE, NEXT),
         actions=("call_emergency_services", "share_minimum") + ALWAYS),
    # About a worker: whoever is not involved, and the worker is not alerted.
    Rule(name="child_harmed_by_worker", summary="A worker may be harming a child or vulnerable adult",
         when=lambda f: at_risk(f) and f.worker_harms, cites=("2", "5c", "6"),
         decision="safeguarding", urgency="today",
         title="Tell {safeguarding_lead} {when}: do not tell the worker",
         steps=("Tell {safeguarding_lead} {when}. If they are the person involved, tell {manager} instead.",
                "They contact the local council: its designated officer (LADO) if a child is at risk, or its "
                "adult safeguarding team if an adult is.",
                "Do not tell the worker, and do not talk about it with other colleagues.",
                NO_SECRET, LISTEN, WRITE, NEXT),
         actions=ALWAYS + ("do_not_alert_person", "follow_safeguarding_policy")),
    Rule(name="adult_harmed_by_worker", summary="A worker may be harming an adult who can make their own decisions",
         when=lambda f: f.worker_harms, cites=("2", "5", "5c"),
         decision="refer_to_manager", urgency="today",
         title="Tell {safeguarding_lead} or {manager} {when}: do not tell the worker",
         steps=("Tell {safeguarding_lead} {when}, or {manager} if they are the person involved.",
                "Do not tell the worker, and do not talk about it with other colleagues.",
                "Ask the person what they would like to happen. Because someone who works here is causing the "
                "harm, {name} may have to act even if they say no. If so, they are told first, if it is safe.",
                NO_SECRET, LISTEN, WRITE, NEXT),
         actions=ALWAYS + ("do_not_alert_person", "ask_their_wishes")),
    # A child or vulnerable adult: safeguarding, now when nobody is sure of the danger.
    Rule(name="child_not_sure", summary="A child or vulnerable adult may be at risk, and nobody is sure of the danger",
         when=lambda f: at_risk(f) and f.danger == "not_sure", cites=("2", "5c", "6"),
         decision="safeguarding", urgency="now", title="Tell {safeguarding_lead} now",
         steps=("Tell {safeguarding_lead} now. If they are away, tell {manager}. They help you judge the danger.",
                "If you think they may be in danger, call 999.",
                NO_SECRET, LISTEN, WRITE, NEXT, "Follow the safeguarding policy of {name}."),
         actions=ALWAYS + ("call_emergency_services", "follow_safeguarding_policy")),
    Rule(name="child_at_risk", summary="A child is being harmed, or was harmed",
         when=lambda f: f.child, cites=("2", "5c", "6"),
         decision="safeguarding", urgency="today", title="Protect them: tell {safeguarding_lead} {when}",
         steps=(LISTEN, NO_SECRET, WRITE,
                "Tell {safeguarding_lead} {when}. If they are away, tell {manager}. Do not decide alone.",
                "Keeping a child safe comes before confidentiality. You do not need their agreement to tell "
                "{safeguarding_lead}.",
                NEXT, "Follow the safeguarding policy of {name}."),
         actions=ALWAYS + ("follow_safeguarding_policy",)),
    Rule(name="adult_at_risk", summary="An adult who may not be able to protect themselves is being harmed, or was",
         when=lambda f: f.vulnerable, cites=("2", "5c", "6"),
         decision="safeguarding", urgency="today", title="Tell {safeguarding_lead} {when}, and ask what they want",
         steps=(LISTEN, NO_SECRET, WRITE,
                "Tell {safeguarding_lead} {when}. If they are away, tell {manager}. Do not decide alone.",
                "You can tell {safeguarding_lead} without their agreement: confidentiality is with {name}.",
                NEXT, "Follow the safeguarding policy of {name}."),
         actions=ALWAYS + ("ask_their_wishes", "follow_safeguarding_policy")),
    # An adult who can make their own decisions: their wishes, with advice (sooner while it goes on).
    Rule(name="adult_decides", summary="An adult who can make their own decisions may be at risk",
         when=lambda f: f.danger != "past", cites=("1", "2", "5c"),
         decision="get_consent", urgency="today",
         title="Respect their wishes, and get advice from {safeguarding_lead} {when}",
         steps=ADULT_STEPS, actions=ALWAYS + ("ask_their_wishes", "call_emergency_services")),
    Rule(name="adult_past", summary="It happened to an adult who can make their own decisions, and it has stopped",
         when=lambda f: True, cites=("1", "2", "5c"),
         decision="get_consent", urgency="soon",
         title="Respect their wishes, and get advice from {safeguarding_lead} {when}",
         steps=ADULT_STEPS, actions=ALWAYS + ("ask_their_wishes", "call_emergency_services")),
    # Notes.
    Rule(name="still_happening", summary="Harm to a child or vulnerable adult is still happening: their "
                                         "safeguarding lead hears of it now, before they go home",
         when=lambda f: at_risk(f) and f.danger == "ongoing", cites=("6",), urgency="now"),
    Rule(name="adult_at_risk_views", summary="An adult at risk is asked what they want before it goes outside the group",
         when=lambda f: f.vulnerable and f.danger != "now", cites=("5c",),
         note=("Ask the adult at risk what they would like to happen. {safeguarding_lead} asks for their agreement "
               "before it goes outside {name}. They go ahead without it only if asking would raise the risk, others "
               "are at risk, a serious crime is involved, someone who works here is causing the harm, or the adult "
               "cannot make that decision. Then they tell the adult, unless that is unsafe.",),
         note_actions=("ask_their_wishes",)),
    Rule(name="adult_told_too", summary="An adult who can decide is at risk too, beside a child or vulnerable adult",
         when=lambda f: at_risk(f) and f.adult and f.danger != "now", cites=("5c",),
         note=("Ask the adult who told you what they would like to happen for themselves. Tell them what you must "
               "do to keep the others safe.",),
         note_actions=("ask_their_wishes",)),
    Rule(name="worker_in_danger_now", summary="The person causing harm works here, and someone is in danger now",
         when=lambda f: f.worker_harms and f.danger == "now", cites=("5c",),
         note=("The person causing harm works here: do not tell them. Tell {safeguarding_lead}, or {manager} if "
               "they are involved. If both are involved, call the local council yourself: its designated officer "
               "(LADO) if a child is at risk, or its adult safeguarding team if an adult is.",),
         note_actions=("do_not_alert_person",)),
    Rule(name="secret_child", summary="They asked you to keep it secret (a child or vulnerable adult)",
         when=lambda f: f.secret and at_risk(f), cites=("2",),
         note=("They asked you to keep it secret. Say kindly that you cannot, and that you will only tell the "
               "people who need to know, to keep them safe.",),
         note_actions=("do_not_promise_secrecy",)),
    Rule(name="secret_adult", summary="They asked you to keep it secret (an adult who can decide)",
         when=lambda f: f.secret and not at_risk(f), cites=("2",),
         note=("They asked you to keep it secret. Say kindly that you cannot promise that. {name} passes it on "
               f"without their agreement only if {EXCEPT}.",),
         note_actions=("do_not_promise_secrecy",)),
)
