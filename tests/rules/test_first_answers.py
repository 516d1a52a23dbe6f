"""The page's first answers (handbook/browser/first_answers.py): for every answer set a checker page can
send, in every policy version, what the data gives is exactly what decide() returns, in the group's words.

Sharing and concern are checked over every answer set the form can send. Breach's runs past ten million,
so it is checked the way its data is made: the assessment over every set of facts, the answer over every
other answer with every assessment that can arise, and (the two put together) every answer set with at
most one kind of information and the other facts unanswered, and thousands of random answer sets with
every fact and any ticks. checker.js reads the data the same way (tests/browser/test_browser_first_answer.py).
"""
from __future__ import annotations

import gzip
import json
import random

import pytest

import checkers
from checkers import versions
from handbook.browser import first_answers
from helpers.rules import form_answer_sets, random_answer_set

GROUP = {"name": "Riverside Food Bank", "short_name": "Riverside", "manager": "coordinator",
         "safeguarding_lead": "welfare officer", "person_with_authority": "chair"}


def reader(checker_id: str, version: str | None, group: dict | None = GROUP) -> first_answers.Reader:
    """The data as the page reads it: through JSON."""
    return first_answers.Reader(json.loads(first_answers.dumps(first_answers.build(checker_id, group, version))))


@pytest.mark.slow
@pytest.mark.parametrize("version", versions.VERSIONS)
@pytest.mark.parametrize("checker_id", ["sharing", "concern"])
def test_every_answer_set_the_form_can_send_gives_what_decide_returns(checker_id, version):
    page, checker = reader(checker_id, version), checkers.CHECKERS[checker_id]
    count = 0
    for answers in form_answer_sets(checker):
        assert page.lookup(answers) == checker.decide(answers, group=GROUP, version=version).as_dict(), answers
        count += 1
    assert count == {"sharing": 94_208, "concern": 240}[checker_id]  # every box ticked or not


@pytest.mark.parametrize("version", versions.VERSIONS)
def test_breach_gives_what_decide_returns_with_one_kind_ticked_and_the_other_facts_unanswered(version):
    page, breach = reader("breach", version), checkers.CHECKERS["breach"]
    sets = list(form_answer_sets(breach, ticks=1, unanswered=("people", "vulnerable", "risk")))
    for answers in sets:
        assert page.lookup(answers) == breach.decide(answers, group=GROUP, version=version).as_dict(), answers
    assert len(sets) > 9_000


@pytest.mark.parametrize("version", versions.VERSIONS)
@pytest.mark.parametrize("checker_id", list(checkers.CHECKERS))
def test_random_answer_sets_with_every_fact_and_any_ticks_give_what_decide_returns(checker_id, version):
    page, checker = reader(checker_id, version), checkers.CHECKERS[checker_id]
    rng = random.Random(f"{checker_id} {version}")
    for _ in range(3_000):
        answers = random_answer_set(checker, rng)
        assert page.lookup(answers) == checker.decide(answers, group=GROUP, version=version).as_dict(), answers


def test_breach_assessment_holds_for_every_set_of_facts():
    """The assessment's diagram gives assess()'s level, safety fact, open question and sentence for every
    set of facts (one kind of information ticked or none: the heaviest decides, the rest are words)."""
    breach = checkers.CHECKERS["breach"]
    made = first_answers.structure("breach", None)
    diagram, sentences = made["assessment"], made["sentences"]
    classes = [int(n, 36) for n in diagram["classes"].split(",")]
    count = 0
    # Who did it is not a fact (the rules read it); an unanswered fact is the option it means (both tested in
    # tests/rules/test_rules_breach.py), so every fact is answered here.
    for answers in form_answer_sets(breach, ticks=1, answered=tuple(breach.unanswered)):
        if answers["who"] != "me":
            continue
        leaf = first_answers.walk(diagram, answers, None)
        assessment = breach.assess(breach.checked(answers))
        assert sentences[leaf] == assessment.sentence(), answers
        assert tuple(made["classes"][classes[leaf]]) == (assessment.level, assessment.danger, assessment.open), answers
        count += 1
    assert count == 171_448


def test_breach_answer_rests_only_on_the_assessment_and_the_other_answers():
    """Every answer set with the same answers outside the facts and the same kind of assessment gives the
    same answer before words are filled in: what lets the data keep the two apart."""
    breach = checkers.CHECKERS["breach"]
    seen: dict = {}
    rng = random.Random(7)
    for _ in range(20_000):
        answers = random_answer_set(breach, rng)
        checked = breach.checked(answers)
        assessment = breach.assess(checked)
        key = (tuple(sorted((k, v) for k, v in checked.items() if k not in breach.assessed)),
               assessment.level, assessment.danger, assessment.open)
        outcome, record, _ = breach.templates(checked, "1.1")
        made = (outcome.winner.name, outcome.steps, outcome.cites, outcome.actions, outcome.urgency, record)
        assert seen.setdefault(key, made) == made, answers


def test_answers_the_form_never_sends_give_nothing():
    concern = reader("concern", None)
    answers = {"who_at_risk": ["child"], "danger": "ongoing", "asked_to_keep_secret": "no", "about_a_worker": "no"}
    assert concern.lookup(answers)["decision"] == "safeguarding"
    assert concern.lookup({**answers, "who_at_risk": []}) is None  # someone must be ticked
    sharing = reader("sharing", None)
    assert sharing.lookup({"about": "service_user", "information": "case_details", "circumstances": []}) is None


def test_words_from_the_answers_are_filled_in_by_the_page_not_kept_per_answer():
    """Ticking more kinds of information changes the words, not the data's answer: one outcome serves them."""
    breach = reader("breach", "1.1")
    told = {"who": "me", "reason": "none", "what_happened": "told_someone", "personal_data": "yes", "people": "one",
            "data": ["health_or_sensitive"]}
    one, two = breach.lookup(told), breach.lookup({**told, "data": ["contact_details", "health_or_sensitive"]})
    assert "health or other sensitive information about one" in one["assessment"]
    assert "health or other sensitive information and contact details about one" in two["assessment"]
    assert one["steps"] == two["steps"] and one["record"] != two["record"]


def test_a_damaged_kept_structure_is_made_again(monkeypatch, tmp_path):
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path))
    first_answers.structure.cache_clear()
    made = first_answers.structure("concern", "1.1")
    kept = next((tmp_path / "first-answers").glob("concern-1.1-*.json"))
    kept.write_bytes(kept.read_bytes().replace(b"safeguarding", b"<script>x</script>"))
    first_answers.structure.cache_clear()
    assert first_answers.structure("concern", "1.1") == made
    first_answers.structure.cache_clear()


def test_the_data_is_small_next_to_the_runtime():
    """What a first visit fetches for it, gzipped as hosts serve it: a few per cent of the runtime's 5 MB
    (the figures are in docs/about/performance.md, measured by benchmarks/first_answers.py)."""
    for checker_id in checkers.CHECKERS:
        data = first_answers.dumps(first_answers.build(checker_id, GROUP, None)).encode()
        assert len(gzip.compress(data)) < 400_000, checker_id
