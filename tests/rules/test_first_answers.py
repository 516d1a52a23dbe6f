"""The page's first answers (handbook/browser/first_answers.py): for every answer set a checker page can
send that the data holds, in every policy version, what the data gives is exactly what decide() returns,
in the group's words; for answers it does not hold, it gives nothing (the page then waits for the runtime).
checker.js reads the data the same way (tests/browser/test_browser_first_answer.py shows it in Chromium)."""
from __future__ import annotations

import gzip

import pytest

import checkers
from checkers import versions
from handbook.browser import first_answers
from handbook.answers import tables

GROUP = {"name": "Riverside Food Bank", "short_name": "Riverside", "manager": "coordinator",
         "safeguarding_lead": "welfare officer", "person_with_authority": "chair"}


@pytest.mark.parametrize("version", versions.VERSIONS)
@pytest.mark.parametrize("checker_id", list(checkers.CHECKERS))
def test_every_held_answer_set_gives_what_decide_returns(checker_id, version):
    data = first_answers.build(checker_id, GROUP, version)
    reader = first_answers.Reader(first_answers.json.loads(first_answers.dumps(data)))  # as the page reads it
    module = checkers.CHECKERS[checker_id]
    held = first_answers.page_answers(checker_id)
    for answers in held:
        assert reader.lookup(answers) == module.decide(answers, group=GROUP, version=version).as_dict(), answers
    assert len(held) == sum(len([c for c in row.split(",") if c]) for row in data["rows"].values())


def test_what_is_held_covers_every_situation_of_the_answers_tables():
    """Every combination of the single-choice answers in the committed tables is held (with no box
    ticked, or one where a question needs one), and sharing holds every set of up to two circumstances for each."""
    for checker_id in checkers.CHECKERS:
        held = {first_answers.keys(checker_id, answers) for answers in first_answers.page_answers(checker_id)}
        for base in tables.base_combinations(checker_id):
            page = {**base, **{q.id: list(q.option_ids()[:1] if q.at_least_one else ()) for q in
                               checkers.CHECKERS[checker_id].QUESTIONS if q.multi and q.applies(base)}}
            assert first_answers.keys(checker_id, page) in held, (checker_id, base)
    assert len(first_answers.page_answers("sharing")) == len(tables.base_combinations("sharing")) * (1 + 7 + 21)


def test_answers_it_does_not_hold_give_nothing():
    sharing = first_answers.Reader(first_answers.build("sharing", None, None))
    three = {"about": "service_user", "requester": "police", "information": "case_details",
             "circumstances": ["urgent_medical", "risk_of_harm", "safeguarding"]}
    assert sharing.lookup({**three, "circumstances": three["circumstances"][:2]})["decision"]
    assert sharing.lookup(three) is None
    breach = first_answers.Reader(first_answers.build("breach", None, None))
    told = {"who": "me", "reason": "none", "what_happened": "told_someone", "personal_data": "yes", "data": []}
    assert breach.lookup(told)["decision"] == "report_to_manager"
    assert breach.lookup({**told, "people": "one"}) is None
    assert breach.lookup({**told, "data": ["contact_details", "case_notes"]}) is None


def test_the_data_is_small_next_to_the_runtime():
    """What a first visit fetches for it, gzipped as hosts serve it: a few per cent of the runtime's 5 MB."""
    for checker_id in checkers.CHECKERS:
        data = first_answers.dumps(first_answers.build(checker_id, GROUP, None)).encode()
        assert len(gzip.compress(data)) < 200_000, checker_id
