"""Breach: invariants over every combination the rules can tell apart, and the cases of issue 11.

The rules read the answers about what happened and the risk assessment (level, safety, something still
to find out), never the facts themselves (checkers/breach/__init__.py). So "every combination" is put
to the rules in two steps: every combination of the facts to risk.assess, for each kind of event it
reads (what happened and why, as far as the assessment is concerned); then every combination of the
other answers with every assessment that can arise for it, to the rules. An invariant stated on the
facts is checked on both sides of that split. Both sides come from checkers/breach/space.py, whose
representative answer sets the record of every answer (checkers/answers/breach.txt) walks too.
"""
from __future__ import annotations

import functools
import html as html_text
import itertools
import json
import re

import pytest

from checkers import breach
from checkers.breach import risk
from checkers.breach.questions import GOT_OUT, JUSTIFIED, NO_PERSONAL_REASON, QUESTIONS
from checkers.breach.space import (CONTEXTS, FACTS_IN, assessed, context, fact_space, representative_answers,
                                   representatives, summary)
from checkers.breach.risk import HIGH, LAWFUL, NEAR_MISS, ORDER, RISK, UNLIKELY
from checkers.model import URGENCIES
from checkers.versions import VERSIONS
from checkers.words import TITLES

from helpers.rules import every

from helpers import REPO

Q = {q.id: q for q in QUESTIONS}
FACTS = FACTS_IN["ordinary"]
OPEN_ICO = {"manager_decides_on_ico", "check_if_reportable", "record_why_not_reported"}  # the ICO left open
RENAMED = {"name": "Llanelli Community Pantry", "short_name": "Pantry", "manager": "lead volunteer",
           "team_leader": "shift captain", "senior_volunteer": "old hand", "person_with_authority": "chair",
           "safeguarding_lead": "welfare officer"}


@functools.cache
def distinguishable() -> tuple:
    """(version, answers, summary, outcome) for every combination the rules can tell apart: the checker's own
    representative answer sets (checkers/breach/space.py), which the record of every answer walks too."""
    return tuple((version, answers, summary(risk.assess(answers)), breach.outcome(answers, version))
                 for version in VERSIONS for answers in representative_answers())


def holds_for_every_base(check) -> dict:
    """summary -> whether `check(outcome)` holds for every base answer set that can have it."""
    result: dict = {}
    for _, _, seen, outcome in distinguishable():
        result[seen] = result.get(seen, True) and check(outcome)
    return result


def raw(ctxs=("ordinary", "posted", "said")):
    """Every combination of the facts in the kinds of event the ICO test runs in."""
    for ctx in ctxs:
        yield from assessed(ctx)


# The shape of the space, and why the rules cannot tell more apart.

def test_the_rules_read_the_assessment_never_the_facts():
    answers = {"who": "me", "reason": "none", "what_happened": "other", "personal_data": "yes",
               "data": frozenset({"health_or_sensitive"}), "people": "many"}
    assert set(vars(breach.facts(answers, "1.1"))) == {"who", "reason", "what_happened", "level", "danger", "open",
                                                        "v11"}


def test_the_assessment_reads_what_happened_and_why_only_as_the_kind_of_event():
    """Any (what happened, why) gives the assessment of its kind of event, for every combination of facts."""
    for what, reason in itertools.product(Q["what_happened"].option_ids(), Q["reason"].option_ids()):
        ctx = context(what, reason)
        for n, (answers, assessment) in enumerate(assessed(ctx)):
            if n % 13 == 0 or answers.get("personal_data") != "yes":
                assert risk.assess({**answers, "what_happened": what, "reason": reason}) == assessment


def test_the_space_put_to_the_rules():
    per_personal = {ctx: 64 * 3 * 5 * 3 * 4 * (3 if len(FACTS_IN[ctx]) == 5 else 1) for ctx in CONTEXTS}
    assert sum(len(assessed(ctx)) for ctx in CONTEXTS) == sum(2 * per_personal[c] + 3 for c in CONTEXTS) - 2 * \
        per_personal["near_miss"] - 2
    assert len({seen for _, _, seen, _ in distinguishable()}) >= 12
    assert len(distinguishable()) >= 2_000


def test_the_representatives_give_every_assessment_of_the_whole_space_with_every_other_answer():
    """One answer set for each (who, why, what happened) and each (personal information, assessment) its kind of
    event can give over every combination of the facts: no more, no fewer."""
    walked = {(a["who"], a["reason"], a["what_happened"], a.get("personal_data"), seen)
              for _, a, seen, _ in distinguishable()}
    arising = {ctx: {(answers.get("personal_data"), summary(assessment)) for answers, assessment in assessed(ctx)}
               for ctx in CONTEXTS}
    bases = itertools.product(*(Q[q].option_ids() for q in ("who", "reason", "what_happened")))
    whole = {(who, reason, what, *seen) for who, reason, what in bases for seen in arising[context(what, reason)]}
    assert walked == whole and len(representative_answers()) == len(walked)


@pytest.mark.parametrize("ctx", ["ordinary", "posted", "access"])
def test_an_unanswered_fact_means_not_sure(ctx):
    """Every combination with any fact left out assesses as with "not sure" (and `data` [] as left out)."""
    what, reason = CONTEXTS[ctx]
    sure = {tuple(sorted((k, v) for k, v in a.items())): s for a, s in assessed(ctx)}
    for personal in ("yes", "not_sure"):
        for n, facts in enumerate(fact_space(personal, unanswered=True, ctx=ctx)):
            answers = {"what_happened": what, "reason": reason, "personal_data": personal, **facts}
            full = {**answers, **{f: breach.UNANSWERED[f] for f in FACTS_IN[ctx] if f not in answers}}
            assert risk.assess(answers) == sure[tuple(sorted(full.items()))]
            if n % 97 == 0:  # and the whole answer, in words too
                readable = dict(answers, who="me", data=sorted(answers["data"]))
                if not readable["data"]:
                    del readable["data"]
                assert breach.decide(readable) == breach.decide({**readable, **full, "data": sorted(full["data"])})


def test_every_fact_option_changes_some_outcome():
    """The table leaves the facts unanswered; here each of their options changes some outcome."""
    base = {"who": "me", "reason": "none", "what_happened": "other", "personal_data": "yes"}
    triple = functools.cache(lambda seen: _triple(breach.outcome(
        {**base, **representatives("ordinary")["yes", seen]}, "1.1")))
    table = {_key(a): triple(summary(s)) for a, s in assessed("ordinary") if a["personal_data"] == "yes"}
    changes = set()
    for answers in (a for a, _ in assessed("ordinary") if a["personal_data"] == "yes"):
        for qid in FACTS:
            for other in Q[qid].option_ids():
                if table[_key({**answers, qid: other})] != table[_key(answers)]:
                    changes.add(f"{qid}.{answers[qid]}")
        for option in Q["data"].option_ids():
            if table[_key({**answers, "data": answers["data"] ^ {option}})] != table[_key(answers)]:
                changes.add(f"data.{option}")
    assert changes == {f"{q}.{o}" for q in (*FACTS, "data") for o in Q[q].option_ids()}


def _key(answers: dict) -> tuple:
    return tuple(answers[f] for f in FACTS) + (answers["data"],)


def _triple(outcome):
    return outcome.winner.decision, outcome.cites, outcome.actions


# The invariants of issue 11, over every combination.

def test_every_answer_is_reported_to_the_manager_logged_and_cites_clause_7():
    for version, answers, _, outcome in distinguishable():
        assert outcome.winner.decision == "report_to_manager" and outcome.urgency in URGENCIES
        assert {"report_to_manager", "log_breach", "record_decision"} <= set(outcome.actions), answers
        assert "7" in outcome.cites, answers
    for _, answers, outcome in every("breach"):
        assert {"report_to_manager", "log_breach", "record_decision"} <= set(outcome.actions), answers


def test_got_back_with_no_danger_never_tells_the_ico_on_its_own():
    for answers, assessment in raw():
        if answers.get("contained") == "yes" and answers["danger"] != "yes" and answers["risk"] in ("unlikely",
                                                                                                      "not_sure"):
            assert assessment.level == UNLIKELY, answers
    silent = holds_for_every_base(lambda o: not {"notify_ico_within_72h", "tell_people_affected"} & set(o.actions))
    assert all(ok for (level, _, _), ok in silent.items() if level == UNLIKELY)


def test_danger_always_warns_the_person_first_and_now():
    for answers, assessment in raw(CONTEXTS):
        assert (assessment.danger == "yes") == (answers.get("danger") == "yes"), answers
    for _, answers, (_, danger, _), outcome in distinguishable():
        if danger == "yes":
            assert outcome.actions[:3] == ("warn_person", "call_emergency_services", "tell_safeguarding_lead")
            assert outcome.urgency == "now" and outcome.winner.name == "someone_in_danger", answers
            assert "999" in outcome.steps[0] and outcome.steps[1].startswith("Warn the person")
            assert "{safeguarding_lead}" in outcome.steps[2]
            assert not {"ask_recipient_to_delete", "ask_not_to_pass_on"} & set(outcome.actions)


def test_sensitive_information_about_many_people_or_children_not_got_back_tells_the_ico_and_the_people():
    for answers, assessment in raw():
        if "health_or_sensitive" in answers.get("data", ()) and answers.get("contained") != "yes" and (
                answers["people"] == "many" or answers["vulnerable"] == "yes"):
            assert assessment.level == HIGH, answers
    told = holds_for_every_base(lambda o: {"notify_ico_within_72h", "tell_people_affected"} <= set(o.actions))
    assert all(ok for (level, _, _), ok in told.items() if level == HIGH)


def test_the_assessment_never_goes_below_the_risk_answer():
    for answers, assessment in raw():
        judged = risk.JUDGED.get(answers.get("risk"))
        if judged:
            assert ORDER.index(assessment.level) >= ORDER.index(judged), answers


def test_no_answer_both_requires_and_leaves_open_the_ico_report():
    for _, answers, (level, _, _), outcome in distinguishable():
        required = "notify_ico_within_72h" in outcome.actions
        assert required == (level in (RISK, HIGH)), answers
        assert not (required and OPEN_ICO & set(outcome.actions)), answers
        for step in outcome.steps:
            assert not re.search(r"decides? (now )?whether|until you know it is unlikely|treat it as reportable",
                                 step), step


def test_the_ico_test_runs_whatever_the_reason_unless_it_was_passed_on_for_one_the_policy_allows():
    for what, reason in itertools.product(GOT_OUT, Q["reason"].option_ids()):
        levels = {s.level for _, s in assessed(context(what, reason))}
        if what == "shared_on_purpose" and reason in JUSTIFIED:
            assert levels == {LAWFUL, HIGH}  # not a breach if it was needed, unless it could put someone in danger
            assert all(s.level == HIGH for a, s in assessed(context(what, reason)) if a.get("danger") == "yes")
        elif what == "posted_online":  # a post anyone could see is never got back, so never "unlikely"
            assert {RISK, HIGH} <= levels and UNLIKELY not in levels, (what, reason)
        else:
            assert {UNLIKELY, RISK, HIGH} <= levels, (what, reason)


def test_only_safeguarding_is_not_a_disciplinary_matter():
    for _, answers, (level, _, _), outcome in distinguishable():
        text = " ".join(outcome.steps)
        safe = "is not a disciplinary matter" in text
        assert safe == (answers["reason"] == "protect_someone" and level != NEAR_MISS), answers
        assert not (safe and "position at risk" in text), answers
        if answers["reason"] == "exceptional" and level != NEAR_MISS:
            assert "names only safeguarding" in text and "evidence_may_be_requested" in outcome.actions


def _is_managers(step: str) -> bool:
    return step.startswith("{manager} ") or step.startswith("Our policy says every near miss")


def test_the_volunteer_has_at_most_six_steps_then_the_managers_and_nothing_twice():
    for _, answers, _, outcome in distinguishable():
        steps = outcome.steps
        mine = [s for s in steps if not _is_managers(s)]
        assert 2 <= len(mine) <= 6, (answers, steps)
        assert steps[:len(mine)] == tuple(mine), steps  # the manager's part comes last
        openings = [" ".join(s.split()[:4]) for s in steps]
        assert len(set(openings)) == len(openings), steps
        assert sum(s.startswith("Tell {manager}") or s.startswith("Tell {safeguarding_lead} and {manager}")
                   for s in steps) == 1, steps


def test_every_title_and_step_keeps_to_its_urgency_word():
    words = {u: re.compile(rf"\b{u}\b", re.IGNORECASE) for u in URGENCIES}
    for _, answers, _, outcome in distinguishable():
        for text in (outcome.winner.title, *outcome.steps):
            literal = text.replace("{when}", "")
            assert all(u == outcome.urgency or not w.search(literal) for u, w in words.items()), (answers, text)


def test_no_answer_leaves_a_default_title_when_every_title_is_renamed():
    defaults = set(TITLES.values()) | {"coordinator"}
    seen = set()
    for version, answers, _, outcome in distinguishable():
        key = (outcome.winner.name, outcome.steps, answers.get("risk"), answers["reason"], answers["what_happened"])
        if key in seen:
            continue
        seen.add(key)
        result = breach.decide({k: sorted(v) if isinstance(v, frozenset) else v for k, v in answers.items()},
                               group=RENAMED, version=version)
        text = " ".join([result.title, result.assessment, *result.steps, *result.record])
        assert not [t for t in defaults if t in text.lower()], text


def test_versions_differ_only_in_near_misses_and_the_law_applies_under_both():
    by_version: dict = {}
    for version, answers, _, outcome in distinguishable():
        key = tuple(sorted((k, str(v)) for k, v in answers.items()))
        by_version.setdefault(key, {})[version] = _triple(outcome)
    for key, triples in by_version.items():
        if triples["1.0"] != triples["1.1"]:
            assert ("what_happened", "near_miss") in key
            assert set(triples["1.1"][2]) - set(triples["1.0"][2]) == {"log_near_miss"}


def test_the_breach_report_form_asks_the_checkers_questions_in_its_order_and_the_records_lines():
    import io

    import docx

    from handbook.documents import render_documents
    from handbook.folders import Folders
    from handbook.group import load_group

    root = REPO
    group = load_group(root / "group.yml")
    made = render_documents(group, group.version(), folders=Folders(root), formats=("docx",), only=("breach-report",))
    document = docx.Document(io.BytesIO(made["breach-report.docx"]))
    text = " ".join(" ".join(p.text.split()) for p in document.paragraphs)
    cells = " ".join(" ".join(c.text.split()) for t in document.tables for row in t.rows for c in row.cells)
    places = [text.index(q.prompt) for q in QUESTIONS]
    assert places == sorted(places), "the form asks the checker's questions in the checker's order"
    for question, start, end in zip(QUESTIONS, places, places[1:] + [len(text)]):
        for option in question.options:
            assert option.label in text[start:end], (question.id, option.label)
    for line in ("How it was found, and by whom", "When it was found", "Who was warned, when and how",
                 "whether 999 was called", "What was done to stop it spreading, and who else was told",
                 "How many records", "The facts it rests on, and what is not known yet", "ICO reference",
                 "Why the report was late", "Were they told?", "When, how and by whom. If not, why not.", "Decided by"):
        assert line in f"{text} {cells}", line


def test_the_page_form_routes_the_optional_multi_choice_question():
    from handbook.pages.checker_form import render_checker
    from handbook.pages.links import Links

    html = render_checker("breach", links=Links("something-went-wrong.md"))
    data = re.search(r'<fieldset class="hb-question" data-question="data"[^>]*>', html).group(0)
    when = json.loads(html_text.unescape(re.search(r'data-when="([^"]*)"', data).group(1)))
    assert when == {qid: list(allowed) for qid, allowed in Q["data"].when.items()}  # the browser routes it
    assert "data-multi" in data and "data-required" not in data and "hidden disabled" in data
    assert html.count('type="checkbox" id="hb-breach-data-') == len(Q["data"].options)


# The cases of issue 11, in words.

def decide(**answers):
    version = answers.pop("version", None)
    return breach.decide(answers, version=version)


def test_a_safeguarding_referral_emailed_to_the_wrong_agency_is_assessed():
    result = decide(who="me", reason="protect_someone", what_happened="sent_to_wrong_person", personal_data="yes",
                    data=["case_notes"], people="one", vulnerable="yes", contained="no", danger="no")
    assert result.ignored == ()  # the facts and the risk are asked on this path too
    assert {"notify_ico_within_72h", "tell_people_affected", "evidence_may_be_requested"} <= set(result.actions)
    assert result.assessment == ("High risk to the people it is about: case notes about a child or vulnerable "
                                 "adult, not got back.")
    assert any("not a disciplinary matter" in step for step in result.steps)
    assert not any("position at risk" in step for step in result.steps)


def test_an_address_reaching_an_abusive_ex_partner_puts_safety_first():
    result = decide(who="someone_else", reason="none", what_happened="sent_to_wrong_person", danger="yes",
                    personal_data="yes", data=["contact_details"], people="one")
    assert result.urgency == "now" and result.actions[0] == "warn_person"
    assert result.steps[:3] == ("If anyone is in danger now, call 999.",
                                "Warn the person who could be in danger now, in a way only they will see or hear. "
                                "Do not contact whoever got the information: they may be the danger.",
                                "Tell the safeguarding lead and the manager now. If they are away, tell a team leader "
                                "or a senior volunteer.")
    assert not any(step.startswith("Ask the person") for step in result.steps)


def test_not_sure_about_personal_information_and_unlikely_harm_does_not_contradict_itself():
    result = decide(who="me", reason="none", what_happened="records_lost_or_seen", personal_data="not_sure",
                    risk="unlikely", version="1.1")
    text = " ".join(result.steps)
    assert "until you know it is unlikely" not in text and "decides whether" not in text
    assert "notify_ico_within_72h" in result.actions and "find_out_facts" in result.actions
    assert result.assessment.startswith("A risk to the people it is about, until you know more:")
    assert "Can anyone be told apart from it?" in result.assessment
    assert "Someone's own view: It is unlikely to harm them." in " ".join(result.record)


def test_the_ico_decision_is_the_managers_said_once():
    result = decide(who="me", reason="none", what_happened="sent_to_wrong_person", personal_data="yes",
                    data=["case_notes"], people="few", vulnerable="no", contained="no", danger="no")
    assert [s for s in result.steps if "ICO" in s] == [
        "Tell the manager now: the 72 hours for telling the ICO started when it was found. If they are away, tell "
        "a team leader or a senior volunteer.",
        "The manager reports it to the Information Commissioner's Office (ICO) within 72 hours of us finding out, "
        "and writes it in the breach log. If the report is late, it must say why."]


def test_unlikely_harm_leaves_the_ico_to_the_managers_check_not_the_volunteers():
    result = decide(who="me", reason="none", what_happened="told_someone", personal_data="yes", data=["names_only"],
                    people="one", vulnerable="no", contained="no", danger="no")
    assert result.urgency == "today" and "record_why_not_reported" in result.actions
    assert result.steps[-1] == ("The manager checks these facts, and writes it in the breach log with the reason "
                                "the ICO need not be told.")
    assert not any(step.startswith("Write down why") for step in result.steps)


def test_someone_else_did_it_and_nobody_knows_why():
    result = decide(who="someone_else", reason="not_sure", what_happened="posted_online", personal_data="yes")
    assert "do_not_investigate" in result.actions and "remove_post" in result.actions
    assert Q["reason"].label("not_sure") == "I don't know"


def test_the_record_asks_what_the_ico_asks():
    result = decide(who="me", reason="none", what_happened="sent_to_wrong_person", personal_data="yes",
                    data=["health_or_sensitive", "contact_details"], people="many", contained="no")
    record = "\n".join(result.record)
    for needed in ("How it was found", "when it was found", "What kind: Contact details", "How many people: More "
                   "than 10 people, and how many records", "Children or vulnerable adults: Not sure",
                   "Got back or kept safe: No", "who else was told", "The risk: High risk",
                   "The people affected: whether they were told, when and how; or, if not, why not.",
                   "the reasons for the delay", "Do not copy the information itself"):
        assert needed in record, needed


def test_facts_given_when_no_personal_information_was_involved_are_ignored_with_the_reason():
    result = decide(who="me", reason="none", what_happened="sent_to_wrong_person", personal_data="no",
                    people="many", risk="high")
    assert [(i.question, i.reason) for i in result.ignored] == [("people", NO_PERSONAL_REASON),
                                                                ("risk", NO_PERSONAL_REASON)]
    assert "notify_ico_within_72h" not in result.actions


def test_danger_counts_even_when_it_did_not_seem_personal():
    result = decide(who="me", reason="none", what_happened="told_someone", personal_data="no", danger="yes")
    assert result.actions[0] == "warn_person" and "notify_ico_within_72h" in result.actions
    assert "so it is personal information" in result.assessment


def test_a_near_miss_is_logged_and_under_1_1_as_the_policy_says():
    new = decide(who="me", reason="none", what_happened="near_miss", version="1.1")
    old = decide(who="me", reason="none", what_happened="near_miss", version="1.0")
    assert new.urgency == old.urgency == "soon"
    assert set(new.actions) - set(old.actions) == {"log_near_miss"} and "log_breach" in old.actions
    assert new.assessment == "A near miss: nothing got out."


def test_the_table_and_the_whole_space_reach_every_rule():
    names = {rule.name for rule in breach.RULES}
    assert {rule.name for _, _, outcome in every("breach") for rule in outcome.matched} == names
    assert {rule.name for *_, outcome in distinguishable() for rule in outcome.matched} == names
