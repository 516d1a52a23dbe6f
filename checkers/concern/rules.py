"""Concern: the rules for a disclosure, with the clauses and guidance they rest on.

Clause 2 (no worker may promise secrecy), 5c (safeguarding concerns go to the manager), 6 (a child
or vulnerable adult at risk comes before confidentiality). Around them: NSPCC and Working Together
to Safeguard Children 2023 (listen, do not promise secrecy, do not investigate or ask leading
questions, write down their words, tell the safeguarding lead the same day, 999 first if anyone
is in danger now); Care Act 2014 guidance, Making Safeguarding Personal (an adult who can decide
for themselves: respect their wishes unless others are at risk or a life is in danger); an
allegation against a worker goes to whoever is not involved, who contacts the local authority (its
designated officer, the LADO, for a child; its adult safeguarding team for an adult at risk), and the
worker is not alerted.
"""
from __future__ import annotations

from ..engine import Rule

LISTEN = "Listen and stay calm. Do not ask leading questions, and do not try to find out more yourself."
NO_SECRET = "Do not promise to keep it secret. Confidentiality is with {name}, not with one person."
WRITE = "Write down what they said, in their own words, with the date and time. Do not add your own view."
AT_RISK = ("child", "vulnerable_adult")
CAN_DECIDE = ("adult", "worker")
ADULT_STEPS = (
    LISTEN, NO_SECRET,
    "Ask them what they would like to happen. They decide, unless a child or someone else is at risk too, "
    "a serious crime is involved, or a life is in danger.",
    "Get advice from {safeguarding_lead} {when}. Do not share anything outside {name} without their agreement.",
    "If you think anyone is in danger, call 999.", WRITE)
ALWAYS = ("do_not_promise_secrecy", "write_down_their_words", "do_not_investigate", "tell_safeguarding_lead")

RULES: tuple[Rule, ...] = (
    # Danger now: 999 first, whoever it is (a life in danger comes before anyone's wishes).
    Rule(name="child_in_danger_now", summary="A child or vulnerable adult is in danger now",
         when=lambda f: f.who in AT_RISK and f.danger == "now", cites=("2", "5c", "6"),
         decision="safeguarding", urgency="now", title="Call 999 now, then tell {safeguarding_lead}",
         steps=("Call 999 now if they are in danger. Stay with them if it is safe.",
                "Tell {safeguarding_lead} now. If they are away, tell {manager}.",
                NO_SECRET, LISTEN, WRITE, "Follow the safeguarding policy of {name}."),
         actions=("call_emergency_services",) + ALWAYS + ("follow_safeguarding_policy",)),
    Rule(name="adult_in_danger_now", summary="An adult is in danger now",
         when=lambda f: f.who in CAN_DECIDE and f.danger == "now", cites=("2", "5", "5b"),
         decision="share", urgency="now", title="Call 999 now: someone is in danger",
         steps=("Call 999 now. A life in danger comes before their wishes. Tell the 999 service only what they "
                "need to keep people safe.",
                "Tell {safeguarding_lead} now. If they are away, tell {manager}.",
                NO_SECRET, LISTEN, WRITE),
         actions=("call_emergency_services", "share_minimum") + ALWAYS),
    # About a worker: whoever is not involved, and the worker is not alerted.
    Rule(name="child_harmed_by_worker", summary="A worker may be harming a child or vulnerable adult",
         when=lambda f: f.who in AT_RISK and f.worker_harms, cites=("2", "5c", "6"),
         decision="safeguarding", urgency="today",
         title="Tell {safeguarding_lead} {when}: do not tell the worker",
         steps=("Tell {safeguarding_lead} {when}. If they are the person involved, tell {manager} instead.",
                "They contact the local council: its designated officer (LADO) if a child is at risk, or its "
                "adult safeguarding team if an adult is.",
                "Do not tell the worker, and do not talk about it with other colleagues.",
                NO_SECRET, LISTEN, WRITE),
         actions=ALWAYS + ("do_not_alert_person", "follow_safeguarding_policy")),
    Rule(name="adult_harmed_by_worker", summary="A worker may be harming an adult who can make their own decisions",
         when=lambda f: f.who in CAN_DECIDE and f.worker_harms, cites=("2", "5", "5c"),
         decision="refer_to_manager", urgency="today",
         title="Tell {safeguarding_lead} or {manager} {when}: do not tell the worker",
         steps=("Tell {safeguarding_lead} {when}, or {manager} if they are the person involved.",
                "Do not tell the worker, and do not talk about it with other colleagues.",
                "Ask the person what they would like to happen. They decide, unless others are at risk.",
                NO_SECRET, LISTEN, WRITE),
         actions=ALWAYS + ("do_not_alert_person",)),
    # A child or vulnerable adult: safeguarding, the same day (now when nobody is sure of the danger).
    Rule(name="child_not_sure", summary="A child or vulnerable adult may be at risk, and nobody is sure of the danger",
         when=lambda f: f.who in AT_RISK and f.danger == "not_sure", cites=("2", "5c", "6"),
         decision="safeguarding", urgency="now", title="Tell {safeguarding_lead} now",
         steps=("Tell {safeguarding_lead} now. If they are away, tell {manager}. They help you judge the danger.",
                "If you think they may be in danger, call 999.",
                NO_SECRET, LISTEN, WRITE, "Follow the safeguarding policy of {name}."),
         actions=ALWAYS + ("follow_safeguarding_policy",)),
    Rule(name="child_at_risk", summary="A child or vulnerable adult is being harmed, or was harmed",
         when=lambda f: f.who in AT_RISK, cites=("2", "5c", "6"),
         decision="safeguarding", urgency="today", title="Protect them: tell {safeguarding_lead} {when}",
         steps=(LISTEN, NO_SECRET, WRITE,
                "Tell {safeguarding_lead} {when}. If they are away, tell {manager}. Do not decide alone.",
                "Keeping a child or vulnerable adult safe comes before confidentiality. You do not need their "
                "agreement to tell {safeguarding_lead}.",
                "Follow the safeguarding policy of {name}."),
         actions=ALWAYS + ("follow_safeguarding_policy",)),
    # An adult who can make their own decisions: their wishes, with advice (sooner while it goes on).
    Rule(name="adult_decides", summary="An adult who can make their own decisions may be at risk",
         when=lambda f: f.who in CAN_DECIDE and f.danger != "past", cites=("1", "2", "5c"),
         decision="get_consent", urgency="today",
         title="Respect their wishes, and get advice from {safeguarding_lead} {when}",
         steps=ADULT_STEPS, actions=ALWAYS),
    Rule(name="adult_past", summary="It happened to an adult who can make their own decisions, and it has stopped",
         when=lambda f: f.who in CAN_DECIDE, cites=("1", "2", "5c"),
         decision="get_consent", urgency="soon",
         title="Respect their wishes, and get advice from {safeguarding_lead} {when}",
         steps=ADULT_STEPS, actions=ALWAYS),
    # Notes.
    Rule(name="worker_in_danger_now", summary="The person causing harm works here, and someone is in danger now",
         when=lambda f: f.worker_harms and f.danger == "now", cites=("5c",),
         note=("The person causing harm works here: do not tell them. Tell {safeguarding_lead}, or {manager} if "
               "they are involved. If both are involved, call the local council yourself: its designated officer "
               "(LADO) if a child is at risk, or its adult safeguarding team if an adult is.",),
         note_actions=("do_not_alert_person",)),
    Rule(name="secret_child", summary="They asked you to keep it secret (a child or vulnerable adult)",
         when=lambda f: f.secret and f.who in AT_RISK, cites=("2",),
         note=("They asked you to keep it secret. Say kindly that you cannot, and that you will only tell the "
               "people who need to know, to keep them safe.",),
         note_actions=("do_not_promise_secrecy",)),
    Rule(name="secret_adult", summary="They asked you to keep it secret (an adult who can decide)",
         when=lambda f: f.secret and f.who in CAN_DECIDE, cites=("2",),
         note=("They asked you to keep it secret. Say kindly that you cannot promise that, but that nothing goes "
               "outside {name} without their agreement unless someone is in danger.",),
         note_actions=("do_not_promise_secrecy",)),
)
