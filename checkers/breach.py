"""Breach: "Confidentiality may have been broken. What now?" - clause 7, and the law around it.

Every answer is "report to the manager" (clause 7) and every answer logs the break. What differs
is the rest: the ICO's 72 hours and telling people at high risk (UK GDPR articles 33 and 34,
which apply under every version of the policy), and what version 1.1 of clause 7 adds.
"""
from __future__ import annotations

from types import SimpleNamespace

from . import engine, versions
from .validation import check
from .words import words
from .engine import Rule
from .model import Option, Question, Result

ID = "breach"
TITLE = "Something went wrong: what now?"
DECISIONS = ("report_to_manager",)

QUESTIONS: tuple[Question, ...] = (
    Question(id="who", prompt="Who broke confidentiality?", options=(
        Option("me", "I did"),
        Option("someone_else", "Someone else did"),
    )),
    Question(id="reason", prompt="Why was it broken?", options=(
        Option("protect_someone", "To protect someone",
               "A child or vulnerable adult at risk, or another exceptional circumstance."),
        Option("none", "By mistake, or without a good reason"),
    )),
    Question(id="what_happened", prompt="What happened?", options=(
        Option("told_someone", "Someone was told something they should not know"),
        Option("sent_to_wrong_person", "Something was sent to the wrong person",
               "An email, letter, text or message."),
        Option("posted_online", "Something was posted online"),
        Option("records_lost_or_seen", "Records were lost, or seen by someone who should not see them"),
        Option("other", "Something else"),
    )),
    Question(id="personal_data", prompt="Was personal information involved?", options=(
        Option("yes", "Yes"), Option("no", "No"), Option("not_sure", "Not sure"),
    ), hint="Anything that can identify a person: a name, address, photo, their situation or needs.",
        when={"reason": ("none",)}),
    Question(id="risk", prompt="Could it harm the people it is about?", options=(
        Option("unlikely", "It is unlikely to harm them"),
        Option("likely", "It could harm them"),
        Option("high", "It could seriously harm them",
               "For example put them in danger, cause them to lose money, or cause serious distress."),
        Option("not_sure", "Not sure"),
    ), when={"reason": ("none",), "personal_data": ("yes", "not_sure")}),
)

REPORT_NOW = "Tell {manager} now. If they are away, tell {team_leader} or {senior_volunteer}."
REPORT_TODAY = "Tell {manager} today. If they are away, tell {team_leader} or {senior_volunteer}."
LOG = ("Write it in the breach log: what happened, when it was found, what information, who is "
       "affected and what was done. Do not copy the information itself into the log.")
REPORT = ("report_to_manager", "log_breach")


def _rule(name, summary, when, cites, decision=None, title="", steps=(), actions=(), note=(), note_actions=(),
          first=False):
    urgency = ("now" if "now" in title else "today") if decision else None
    return Rule(name=name, summary=summary, when=when, cites=cites, decision=decision, urgency=urgency, title=title,
                steps=steps, actions=actions, note=note, note_actions=note_actions, note_first=first)


def _unsure(f) -> bool:
    return f.personal_data == "not_sure" or f.risk == "not_sure"


RULES: tuple[Rule, ...] = (
    _rule("to_protect_someone", "It was broken to protect someone",
          lambda f: f.reason == "protect_someone", ("1b", "5", "6", "7"),
          "report_to_manager", "Tell {manager} what was shared and why",
          (REPORT_TODAY + " Say what was shared, with whom and why.",
           "Breaking confidentiality to protect someone is not a disciplinary matter, but you may be "
           "asked for evidence that it was needed.",
           "Write down what you knew at the time that made it necessary.",
           "Write it in the breach log too, as shared to protect someone."),
          REPORT + ("evidence_may_be_requested",)),
    _rule("ico_must_know", "Personal information is involved and it could harm people",
          lambda f: f.personal_data == "yes" and f.risk in ("likely", "high"), ("7",),
          "report_to_manager", "Tell {manager} now: the ICO must be told within 72 hours",
          (REPORT_NOW,
           "The law says a breach like this must be reported to the Information Commissioner's Office "
           "(ICO) within 72 hours of finding it. If the report is late, it must say why.", LOG),
          REPORT + ("notify_ico_within_72h",)),
    _rule("unsure_treat_as_reportable", "Policy 1.1: nobody is sure yet if personal information or a risk is involved",
          lambda f: f.v11 and _unsure(f), ("7",),
          "report_to_manager", "Tell {manager} now: treat it as reportable until you know",
          (REPORT_NOW,
           "{manager} decides now whether to report it to the Information "
           "Commissioner's Office (ICO).",
           "Until you know it is unlikely to put anyone at risk, treat it as reportable: the ICO "
           "must be told within 72 hours of finding it.", LOG),
          REPORT + ("manager_decides_on_ico", "notify_ico_within_72h")),
    _rule("unsure_find_out", "Policy 1.0: nobody is sure yet if personal information or a risk is involved",
          lambda f: not f.v11 and _unsure(f), ("7",),
          "report_to_manager", "Tell {manager} now: find out quickly if it must be reported",
          (REPORT_NOW,
           "If personal information is involved and it could put anyone at risk, the law says the "
           "Information Commissioner's Office (ICO) must be told within 72 hours of finding it. "
           "Help {manager} find out quickly.", LOG),
          REPORT + ("check_if_reportable",)),
    _rule("unlikely_risk", "Personal information is involved, but it is unlikely to harm anyone",
          lambda f: f.personal_data == "yes" and f.risk == "unlikely", ("7",),
          "report_to_manager", "Tell {manager} today, and write it in the breach log",
          (REPORT_TODAY,
           "The ICO does not need to be told if it is unlikely to put anyone at risk. "
           "Write down why you decided that.", LOG),
          REPORT + ("record_why_not_reported",)),
    _rule("no_personal_data", "No personal information is involved",
          lambda f: f.personal_data == "no", ("7",),
          "report_to_manager", "Tell {manager} today",
          (REPORT_TODAY,
           "No personal information was involved, so the ICO does not need to know. Write it in the "
           "breach log anyway, so it does not happen again."),
          REPORT),
    # Notes: they never decide, they add a step and an action whenever they hold.
    _rule("manager_decides", "Policy 1.1: personal information is involved",
          lambda f: f.v11 and f.personal_data == "yes", ("7",),
          note=("Under our policy, {manager} decides {when} whether to report it to the ICO.",),
          note_actions=("manager_decides_on_ico",)),
    _rule("high_risk", "It could seriously harm the people it is about",
          lambda f: f.risk == "high", ("7",),
          note=("Tell the people affected {when}, in plain words: what happened and what they "
                "can do to protect themselves. {manager} arranges this.",),
          note_actions=("tell_people_affected",)),
    _rule("posted", "Something was posted online",
          lambda f: f.what_happened == "posted_online", ("4a",),
          note=("Take the post down {when} if you can, and ask anyone who shared it to delete it.",),
          note_actions=("remove_post",), first=True),
    _rule("wrong_person", "Something was sent to the wrong person",
          lambda f: f.what_happened == "sent_to_wrong_person", (),
          note=("Ask the person who got it to delete it and not to pass it on.",),
          note_actions=("ask_recipient_to_delete",), first=True),
    _rule("told", "Someone was told something they should not know",
          lambda f: f.what_happened == "told_someone", (),
          note=("Ask the person who was told not to pass it on.",), note_actions=("ask_not_to_pass_on",), first=True),
    _rule("records", "Records were lost or seen",
          lambda f: f.what_happened == "records_lost_or_seen", ("3a",),
          note=("Lock away the records that are left, and look for anything lost.",),
          note_actions=("secure_records",), first=True),
    _rule("it_was_me", "You broke it yourself",
          lambda f: f.who == "me", ("1a",),
          note=("Any break of confidentiality may put your position at risk. Telling {manager} "
                "yourself is the right thing to do.",)),
    _rule("someone_else", "Someone else broke it",
          lambda f: f.who == "someone_else", (),
          note=("Do not try to sort it out alone with the person: tell {manager} what you know.",)),
    _rule("near_misses", "Policy 1.1: near misses are logged too",
          lambda f: f.v11, ("7",), note=("Near misses go in the breach log too.",)),
)

# Options that change nothing (decision, cites or actions) under some version, and why: none.
NO_EFFECT: dict[str, str] = {}


def facts(answers: dict, version: str) -> SimpleNamespace:
    """Checked answers in the shape the rules read (questions that do not apply are None)."""
    return SimpleNamespace(
        who=answers["who"], reason=answers["reason"], what_happened=answers["what_happened"],
        personal_data=answers.get("personal_data"), risk=answers.get("risk"),
        v11=versions.at_least(version, "1.1"),
    )


def outcome(answers: dict, version: str | None = None) -> engine.Outcome:
    """The rules' answer, before wording: used by decide() and by the answers table."""
    checked, _ = check(ID, QUESTIONS, answers)
    version = versions.resolve(version)
    return engine.evaluate(RULES, facts(checked, version), version)


def _label(question_id: str, option_id: str | None, otherwise: str) -> str:
    if option_id is None:
        return otherwise
    question = next(q for q in QUESTIONS if q.id == question_id)
    return next(o.label for o in question.options if o.id == option_id)


def record(answers: dict) -> tuple[str, ...]:
    """What the breach log needs (UK GDPR art 33(5); the ICO's report form asks the same)."""
    return (
        f"What happened: {_label('what_happened', answers['what_happened'], '')}. How it was found.",
        "When it happened, and when it was found: the 72 hours start when it was found.",
        f"Who: {_label('who', answers['who'], '')}. Why: {_label('reason', answers['reason'], '').lower()}.",
        f"Personal information involved: {_label('personal_data', answers.get('personal_data'), 'shared to protect someone').lower()}. "
        "What kind, how many people and records, and whether children or vulnerable adults are affected.",
        f"Risk to the people affected: {_label('risk', answers.get('risk'), 'not assessed').lower()}.",
        "What was done to contain it, and who else was told.",
        "Whether it was reported to the ICO, when, and why or why not.",
        "Who decided, and when. Do not copy the information itself into the log.",
    )


def decide(answers: dict, group: dict | None = None, version: str | None = None) -> Result:
    """Answer "What now?" for checked answers, in the group's words (generic when None)."""
    checked, ignored = check(ID, QUESTIONS, answers)
    return engine.result(outcome(answers, version), words(group), record(checked), ignored)
