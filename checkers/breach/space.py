"""Breach: the whole answer space, walked through representatives.

Every fact answered or not, the space runs to millions of answer sets per policy version. The rules read
only the assessment's level, its safety fact and whether something is still to find out, with who did it,
why and what happened (facts() in __init__.py). So one answer set for each assessment the rules can tell
apart, crossed with every (who, why, what happened), reaches every answer the checker can give: that is
`representative_answers()`. The record of every answer walks it (Checker.representatives), and
tests/rules/test_rules_breach.py proves the rules over it and the assessment over every combination of facts.
"""
from __future__ import annotations

import functools
import itertools

from .questions import JUSTIFIED, QUESTIONS
from .risk import assess

Q = {q.id: q for q in QUESTIONS}
KINDS = Q["data"].option_ids()
SUBSETS = tuple(frozenset(c) for n in range(len(KINDS) + 1) for c in itertools.combinations(KINDS, n))
# The kinds of event the assessment tells apart, each with one (what happened, why) that makes it.
CONTEXTS = {"ordinary": ("other", "none"), "posted": ("posted_online", "none"), "said": ("told_someone", "none"),
            "access": ("cannot_access", "none"), "lawful": ("shared_on_purpose", "protect_someone"),
            "near_miss": ("near_miss", "none")}
# The single-choice facts asked in each kind of event: nothing said out loud or posted is "got back"; records
# that could not be used are judged by the wait.
ALL_FACTS = ("danger", "contained", "delay_harm", "people", "vulnerable", "risk")
FACTS_IN = {ctx: tuple(f for f in ALL_FACTS if Q[f].applies({"what_happened": what, "personal_data": "yes"}))
            for ctx, (what, _) in CONTEXTS.items()}


def context(what: str, reason: str) -> str:
    """The kind of event an answer to "What happened?" and "Why?" makes, as far as the assessment reads it."""
    if what == "near_miss":
        return "near_miss"
    if what == "shared_on_purpose" and reason in JUSTIFIED:
        return "lawful"
    return {"posted_online": "posted", "told_someone": "said", "cannot_access": "access"}.get(what, "ordinary")


def fact_space(personal: str | None, unanswered: bool = False, ctx: str = "ordinary"):
    """Every combination of the facts asked after this answer to "Was personal information involved?"
    (None: not asked), each fact also left unanswered when `unanswered`."""
    if personal is None:
        yield {}
        return
    if personal == "no":
        for danger in Q["danger"].option_ids():
            yield {"danger": danger}
        return
    facts = FACTS_IN[ctx]
    values = [Q[f].option_ids() + ((None,) if unanswered else ()) for f in facts]
    for chosen in itertools.product(*values):
        for data in SUBSETS:
            yield {"data": data, **{f: v for f, v in zip(facts, chosen) if v is not None}}


def personal_answers(ctx: str) -> tuple:
    return (None,) if ctx == "near_miss" else ("yes", "no", "not_sure")


@functools.cache
def assessed(ctx: str) -> tuple:
    """(answers, Assessment) for every combination of the facts, in one kind of event."""
    what, reason = CONTEXTS[ctx]
    found = []
    for personal in personal_answers(ctx):
        for facts in fact_space(personal, ctx=ctx):
            answers = {"what_happened": what, "reason": reason, **facts}
            if personal:
                answers["personal_data"] = personal
            found.append((answers, assess(answers)))
    return tuple(found)


def summary(assessment) -> tuple:
    """What the rules read of an assessment."""
    return assessment.level, assessment.danger, assessment.open


@functools.cache
def representatives(ctx: str) -> dict:
    """(personal_data, summary) -> the first facts that give it: every assessment the rules can tell apart."""
    found: dict = {}
    for answers, assessment in assessed(ctx):
        found.setdefault((answers.get("personal_data"), summary(assessment)), answers)
    return found


@functools.cache
def representative_answers() -> tuple[dict, ...]:
    """Every (who, why, what happened), each with the facts of every representative of its kind of event: answer
    sets as decide() takes them."""
    found = []
    for who, reason, what in itertools.product(*(Q[q].option_ids() for q in ("who", "reason", "what_happened"))):
        for facts in representatives(context(what, reason)).values():
            answers = {**facts, "who": who, "reason": reason, "what_happened": what}
            if "data" in answers:
                answers["data"] = [kind for kind in KINDS if kind in facts["data"]]
            found.append(answers)
    return tuple(found)
