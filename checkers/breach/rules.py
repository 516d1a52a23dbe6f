"""Breach: the rules, with the clauses and the law they rest on. Read them beside clause 7.

Clause 7: every break of confidentiality is reported to the manager (in their absence a team leader
or senior volunteer); breaking it for safeguarding is not a disciplinary matter, but evidence of the
need may be asked for; any other break may put a worker's position at risk (clause 1a). Around it, the
law under every version of the policy (UK GDPR articles 33 and 34): every breach is recorded; the ICO is
told within 72 hours of us finding out unless it is unlikely to result in a risk, and a late report says
why; the people affected are told when the risk to them is high. Version 1.1 adds near misses to the log.

The rules read the answers about what happened and the risk assessment (risk.py), never the facts
themselves. Who does what is said once: the volunteer's steps come first (keep people safe, stop it
spreading, tell the manager, write it down), then what the manager does (the ICO, the people affected,
the breach log), each from one rule.
"""
from __future__ import annotations

from ..engine import Rule
from .risk import HIGH, LAWFUL, NEAR_MISS, NONE, RISK, UNLIKELY

REPORTED = ("report_to_manager", "log_breach")
TELL = "Tell {manager} {when}. If they are away, tell {team_leader} or {senior_volunteer}."
WRITE = ("Write down what happened, when it happened, when it was found, and how many people it is about. "
         "Do not copy the information itself.")
TAKE_DOWN = "Take the post down {when} if you can, and ask anyone who shared it to delete it."
A_BREACH = (NONE, UNLIKELY, RISK, HIGH)  # information went where it should not: the ICO test runs
ICO = (RISK, HIGH)


def level(*levels):
    return lambda f: f.level in levels


def spreading(what: str):
    """Information that got out this way, with nobody known to be in danger from it. Whoever has it is asked
    to delete it then; when nobody is sure, the step before says to contact them only once you know they are
    not the danger (one rule for contacting them, said once)."""
    return lambda f: f.what_happened == what and f.danger != "yes" and f.level in A_BREACH


RULES: tuple[Rule, ...] = (
    # Safety first: someone could be in danger (ICO guidance; concern checker: 999 first).
    Rule(name="someone_in_danger", summary="Someone could be put in physical danger",
         when=lambda f: f.danger == "yes", cites=("1a", "5c", "7"),
         decision="report_to_manager", urgency="now",
         title="Keep them safe now: call 999 if anyone is in danger, and warn them",
         steps=("If anyone is in danger now, call 999.",
                "Warn the person who could be in danger now, in a way only they will see or hear. Do not contact "
                "whoever got the information: they may be the danger.",
                "Tell {safeguarding_lead} and {manager} now. If they are away, tell {team_leader} or "
                "{senior_volunteer}.",
                WRITE),
         actions=("warn_person", "call_emergency_services", "tell_safeguarding_lead") + REPORTED),
    # Shared on purpose, to the people who needed it, for a reason the policy allows (clauses 1b, 5, 6).
    Rule(name="shared_to_protect", summary="It was passed on on purpose, for a reason the policy allows",
         when=level(LAWFUL), cites=("1b", "7"),
         decision="report_to_manager", urgency="today",
         title="Tell {manager} {when} what was shared, with whom and why",
         steps=(TELL, "Write down exactly what was shared, with whom, when and how. Do not copy the information "
                      "itself."),
         actions=REPORTED),
    # Information went where it should not: the ICO test (UK GDPR articles 33 and 34), whatever the reason.
    Rule(name="ico_must_know", summary="Personal information got out, and it is not shown to be unlikely to harm "
                                       "anyone",
         when=level(*ICO), cites=("7",),
         decision="report_to_manager", urgency="now",
         title="Tell {manager} now: the ICO must be told within 72 hours",
         steps=("Tell {manager} now: the 72 hours for telling the ICO started when it was found. If they are "
                "away, tell {team_leader} or {senior_volunteer}.", WRITE),
         actions=REPORTED),
    Rule(name="unlikely_risk", summary="Personal information got out, but the facts show it is unlikely to harm "
                                       "anyone",
         when=level(UNLIKELY), cites=("7",),
         decision="report_to_manager", urgency="today",
         title="Tell {manager} {when}: it is unlikely to harm anyone", steps=(TELL, WRITE), actions=REPORTED),
    Rule(name="no_personal_data", summary="No personal information was involved",
         when=level(NONE), cites=("7",),
         decision="report_to_manager", urgency="today",
         title="Tell {manager} {when}: no personal information was involved", steps=(TELL, WRITE),
         actions=REPORTED),
    Rule(name="near_miss", summary="Nothing got out: it was stopped in time",
         when=level(NEAR_MISS), cites=("7",),
         decision="report_to_manager", urgency="soon",
         title="Tell {manager} {when}, so it does not happen again",
         steps=(TELL, "Write down what nearly happened, and how it was caught."), actions=REPORTED),

    # Notes said first: keep people safe, then stop it spreading (never by contacting a possible danger).
    Rule(name="danger_not_sure", summary="Nobody knows yet if it could put someone in danger",
         when=lambda f: f.danger == "unsure" and f.level not in (NONE, NEAR_MISS), cites=("1a",),
         note=("First, think: could this put anyone in danger, such as an address reaching someone they hide "
               "from? If so, call 999 if they are in danger, tell {safeguarding_lead} {when}, and do not contact "
               "whoever got it: they may be the danger. If not, go on to the next step.",),
         note_actions=("check_for_danger", "call_emergency_services"), note_first=True),
    Rule(name="posted", summary="Something was posted online", when=spreading("posted_online"), cites=("4a",),
         urgency="now", note=(TAKE_DOWN,), note_actions=("remove_post",), note_first=True),
    Rule(name="wrong_person", summary="Something was sent to the wrong person", when=spreading("sent_to_wrong_person"),
         cites=(), note=("Ask the person who got it to delete it, not to pass it on, and to tell you when they "
                         "have.",),
         note_actions=("ask_recipient_to_delete",), note_first=True),
    Rule(name="told", summary="Someone was told something they should not know", when=spreading("told_someone"),
         cites=(), note=("Ask the person who was told not to pass it on.",), note_actions=("ask_not_to_pass_on",),
         note_first=True),
    Rule(name="access_lost", summary="Records could not be used for a while", when=spreading("cannot_access"),
         cites=("3",), note=("Get the records working again, and check whether anyone could have seen or taken them. "
                             "If they could, answer these questions again for that.",),
         note_actions=("restore_records",), note_first=True),
    Rule(name="records", summary="Records were lost or seen", when=spreading("records_lost_or_seen"),
         cites=("3a",), note=("Lock away what is left, and look for anything missing.",),
         note_actions=("secure_records",), note_first=True),
    Rule(name="passed_on", summary="It was passed on without a good reason",  # unsure why: the manager asks
         when=lambda f: spreading("shared_on_purpose")(f) and f.reason == "none", cites=("1",),
         note=("Ask whoever got it not to use it or pass it on, and to delete it.",),
         note_actions=("ask_recipient_to_delete",), note_first=True),
    Rule(name="posted_and_danger", summary="Something was posted online, and someone could be in danger",
         when=lambda f: f.what_happened == "posted_online" and f.danger == "yes", cites=("4a",),
         urgency="now", note=(TAKE_DOWN,), note_actions=("remove_post",)),

    # Clause 7: whose position is at risk. Only safeguarding is named as not a disciplinary matter.
    Rule(name="safeguarding_reason", summary="It was done to keep a child or vulnerable adult safe",
         when=lambda f: f.reason == "protect_someone" and f.level != NEAR_MISS, cites=("5c", "6", "7"),
         note=("Breaking confidentiality to keep a child or vulnerable adult safe is not a disciplinary matter. "
               "You may be asked for evidence that it was needed: write down what was known at the time.",),
         note_actions=("evidence_may_be_requested",)),
    Rule(name="exceptional_reason", summary="It was done for another exceptional reason in the policy",
         when=lambda f: f.reason == "exceptional" and f.level != NEAR_MISS, cites=("5", "7"),
         note=("Our policy names only safeguarding as not a disciplinary matter, so {manager} decides. Write down "
               "what was known at the time that made it necessary.",),
         note_actions=("evidence_may_be_requested",)),
    Rule(name="your_position", summary="You did it, by mistake or without a reason you know of",
         when=lambda f: f.who == "me" and f.reason in ("none", "not_sure") and f.level != NEAR_MISS,
         cites=("1a", "7"),
         note=("Any break of confidentiality may put your position at risk. Telling {manager} yourself is the "
               "right thing to do.",)),
    Rule(name="someone_else", summary="Someone else did it, by mistake or without a reason you know of",
         when=lambda f: f.who == "someone_else" and f.reason in ("none", "not_sure") and f.level != NEAR_MISS,
         cites=("7",),
         note=("Do not question the person who did it, or try to sort it out yourself: leave that to {manager}.",),
         note_actions=("do_not_investigate",)),

    # What the manager does: the ICO, the people affected, the breach log. Each said once.
    Rule(name="ico_report", summary="The ICO must be told", when=level(*ICO), cites=("7",),
         note=("{manager} reports it to the Information Commissioner's Office (ICO) within 72 hours of us finding "
               "out, and writes it in the breach log. If the report is late, it must say why.",),
         note_actions=("notify_ico_within_72h",)),
    Rule(name="find_out", summary="Some facts are not known yet", when=lambda f: f.level in ICO and f.open,
         cites=(),
         note=("{manager} quickly finds out what is not known yet (listed with the risk). They send the ICO more "
               "details as they learn them.",),
         note_actions=("find_out_facts",)),
    Rule(name="people_told", summary="The risk to the people it is about is high", when=level(HIGH), cites=("7",),
         note=("{manager} tells the people affected {when}, in plain words: what happened, and what they can do "
               "to protect themselves. If telling someone could put anyone at risk, they ask {safeguarding_lead} "
               "first.",),
         note_actions=("tell_people_affected",)),
    Rule(name="not_reported", summary="The ICO need not be told: it is unlikely to harm anyone",
         when=level(UNLIKELY), cites=("7",),
         note=("{manager} checks these facts, and writes it in the breach log with the reason the ICO need not be "
               "told.",),
         note_actions=("record_why_not_reported",)),
    Rule(name="not_personal", summary="The ICO need not be told: no personal information", when=level(NONE),
         cites=("7",),
         note=("{manager} writes it in the breach log. The ICO need not be told: no personal information was "
               "involved.",)),
    Rule(name="lawful_share_logged", summary="It was passed on for a reason the policy allows: checked and logged", when=level(LAWFUL),
         cites=("5", "7"),
         note=("{manager} checks it was needed and went only to the people who needed it, and writes it in the "
               "breach log as shared for that reason. If it went any further, answer these questions again for "
               "that part.",)),
    Rule(name="near_miss_logged", summary="Policy 1.0: a near miss", when=lambda f: f.level == NEAR_MISS and not f.v11,
         cites=("7",),
         note=("{manager} writes it in the breach log, so it does not happen again.",)),
    Rule(name="near_miss_policy", summary="Policy 1.1: near misses go in the breach log",
         when=lambda f: f.level == NEAR_MISS and f.v11, cites=("7",),
         note=("Our policy says every near miss goes in the breach log: {manager} writes it there.",),
         note_actions=("log_near_miss",)),
)
