"""Breach: what the breach log needs, line by line (templates in the group's words).

UK GDPR article 33(5): the facts of every breach, its effects and what was done. The ICO's report
form asks, in this order: what happened and how it was found, when it happened and was found, the
kinds of information, how many people and records, children or vulnerable adults, containment, who
else was told, whether the people affected were told (when and how, or why not), and, for a report
made more than 72 hours after we found out, the reasons for the delay (article 33(1)). The breach
report form (templates/documents/breach-report.html) asks the same, in the same order.
"""
from __future__ import annotations

from ..checker import FromAnswer
from ..engine import DECIDED, Outcome
from .questions import QUESTIONS, UNANSWERED
from .risk import LAWFUL, NEAR_MISS, NEVER_CONTAINED, Assessment

LABELS = {(q.id, o.id): o.label for q in QUESTIONS for o in q.options}
KINDS = next(q.option_ids() for q in QUESTIONS if q.id == "data")  # in the order the form lists them
NOT_KNOWN = "not known yet"


def _said(qid: str) -> FromAnswer:
    """The label of the answer given; an unanswered fact reads as the option it means ("Not sure")."""
    def text(answer) -> str:
        value = answer or UNANSWERED.get(qid)
        return LABELS[qid, value] if value else NOT_KNOWN
    return FromAnswer(qid, text)


# What the record says of each answer: {who_said}, {danger_said} ..., and {data_said}, the kinds ticked.
SAID = {**{f"{q.id}_said": _said(q.id) for q in QUESTIONS if not q.multi},
        "data_said": FromAnswer("data", lambda ticked: "; ".join(
            LABELS["data", kind] for kind in KINDS if kind in (ticked or ())) or NOT_KNOWN)}


def _facts(answers: dict, assessment: Assessment) -> list[str]:
    """The facts of the breach, as answered ("not known yet" where not): their words come from the answers,
    what is said from the assessment and what happened (the first-answers data rests on that)."""
    lines = ["Could it put someone in physical danger: {danger_said}."]
    if assessment.danger == "yes":
        lines[0] += (" Who was warned, when and how; whether 999 was called; and when {safeguarding_lead} was "
                     "told.")
    lines.append("Personal information involved: {personal_data_said}.")
    if answers.get("personal_data") in ("yes", "not_sure"):
        lines.append("What kind: {data_said}. How many people: {people_said}, and how many records. Children or "
                     "vulnerable adults: {vulnerable_said}.")
        lines.append(_containment(answers))
    return lines


def _containment(answers: dict) -> str:
    """Got back or kept safe; never for words said or a public post; for records out of use, the wait."""
    what = answers["what_happened"]
    if what == "cannot_access":
        return ("How long the records could not be used, and when they were back. Could the wait harm anyone: "
                "{delay_harm_said}. Whether anyone may also have seen or taken them.")
    got_back = "No, it cannot be got back" if what in NEVER_CONTAINED else "{contained_said}"
    return f"Got back or kept safe: {got_back}. What was done to stop it spreading, and who else was told."


def record(answers: dict, outcome: Outcome, assessment: Assessment) -> tuple[str, ...]:
    """What to write down: the facts, the assessed risk and its reasons, and what was done about it."""
    who = "Who did it: {who_said}. Why: {reason_said}."
    if assessment.level == NEAR_MISS:
        lines = ["What nearly happened, and how it was caught.", "When it nearly happened, and when it was caught.",
                 who, "What will change, so it does not happen again."]
    elif assessment.level == LAWFUL:
        lines = ["What was shared, with whom, when and how.", who, *_facts(answers, assessment),
                 "The risk: {assessment}",
                 "Why it was needed: what was known at the time, and which reason in our policy allowed it.",
                 "Whether the person it is about was told, when and how; or why not (for example, telling them "
                 "would put someone at risk)."]
    else:
        own = " Someone's own view: {risk_said}."
        lines = ["What happened: {what_happened_said}. How it was found, and by whom.",
                 "When it happened, and when it was found. The 72 hours for telling the ICO start when it was "
                 "found.",
                 who, *_facts(answers, assessment), "The risk: {assessment}" + own,
                 "The ICO: whether it was told, when, and its reference number. If it was told more than 72 hours "
                 "after it was found, the reasons for the delay.",
                 "The people affected: whether they were told, when and how; or, if not, why not."]
    return tuple(lines) + (DECIDED,
                           "Who decided, and when. Do not copy the information itself into the log.")
