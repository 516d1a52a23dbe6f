"""Answers that do not fit the questions raise AnswerError naming the question and the options."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checkers import CHECKERS, breach, sharing
from checkers.model import URGENCIES, AnswerError, Ignored, Result
from checkers.versions import VersionError, at_least, resolve

GOOD = {"about": "service_user", "requester": "professional", "information": "case_details",
        "consent": "signed_form", "circumstances": []}
REQUESTERS = ("colleague, partner_agency, professional, police, court, public, social_media, the_person, "
              "emergency_services")


def error(answers, module=sharing) -> str:
    with pytest.raises(AnswerError) as raised:
        module.decide(answers)
    return str(raised.value)


def test_a_missing_answer_names_the_question_and_its_options():
    answers = dict(GOOD)
    del answers["requester"]
    assert error(answers) == f"Missing answer to 'requester' (Who wants it?). Expected one of: {REQUESTERS}."


def test_a_missing_multi_choice_answer_says_an_empty_list_means_none():
    answers = dict(GOOD)
    del answers["circumstances"]
    assert error(answers) == (
        "Missing answer to 'circumstances' (Do any of these apply?). Expected a list of any of: urgent_medical, "
        "risk_of_harm, safeguarding, drug_dealing, court_required, terrorism, "
        "child_or_vulnerable_adult_at_risk (an empty list for none)."
    )


def test_none_counts_as_missing_for_a_required_question():
    assert error({**GOOD, "consent": None}).startswith("Missing answer to 'consent' (Has the person agreed to this?).")


def test_an_unknown_question_names_the_known_ones():
    assert error({**GOOD, "urgency": "high"}) == (
        "Unknown question 'urgency' for the sharing checker. Expected one of: about, requester, information, "
        "consent, consent_names_recipient, identity, circumstances."
    )


def test_an_unknown_option_names_the_allowed_ones():
    assert error({**GOOD, "requester": "journalist"}) == (
        f"Unknown answer 'journalist' to 'requester'. Expected one of: {REQUESTERS}, but received: 'journalist'."
    )


def test_an_unknown_option_in_a_multi_choice_answer():
    assert error({**GOOD, "circumstances": ["fire"]}).startswith(
        "Unknown answer 'fire' to 'circumstances'. Expected any of: urgent_medical,")


def test_a_list_for_a_single_choice_question_is_refused():
    assert error({**GOOD, "requester": ["police"]}) == (
        f"'requester' takes one answer, not a list. Expected one of: {REQUESTERS}, but received: ['police']."
    )


def test_a_single_string_for_a_multi_choice_question_is_refused():
    assert error({**GOOD, "circumstances": "terrorism"}).startswith(
        "'circumstances' takes a list of answers. Expected a list of any of: urgent_medical,")


def test_the_same_option_twice_is_refused():
    assert error({**GOOD, "circumstances": ["terrorism", "terrorism"]}) == (
        "'circumstances' lists the same answer twice: ['terrorism', 'terrorism']."
    )


def test_an_answer_to_a_question_that_does_not_apply_is_accepted_ignored_and_explained():
    """A trainer writes "the police ask, and the guest signed our consent form": consent changes nothing."""
    police = {"about": "service_user", "requester": "police", "information": "case_details", "circumstances": []}
    result = sharing.decide({**police, "consent": "signed_form"}, group={"person_with_authority": "coordinator"})
    assert result.ignored == (Ignored("consent", "signed_form",
                                      "Consent does not change this: police requests always go to the coordinator."),)
    assert result.as_dict()["ignored"] == [{"question": "consent", "answer": "signed_form",
                                            "reason": "Consent does not change this: police requests always go "
                                                      "to the coordinator."}]
    plain = sharing.decide(police, group={"person_with_authority": "coordinator"})
    assert (result.decision, result.steps, result.cites) == (plain.decision, plain.steps, plain.cites)
    assert plain.ignored == ()


def test_an_ignored_answer_must_still_be_a_real_option():
    answers = {"about": "service_user", "requester": "police", "information": "case_details",
               "consent": "maybe", "circumstances": []}
    assert error(answers).startswith("Unknown answer 'maybe' to 'consent'.")


def test_a_question_without_its_own_reason_explains_what_rules_it_out():
    answers = {"about": "service_user", "requester": "police", "information": "case_details", "circumstances": [],
               "consent_names_recipient": "yes"}
    result = sharing.decide(answers)
    assert [(i.question, i.answer) for i in result.ignored] == [("consent_names_recipient", "yes")]
    assert result.ignored[0].reason == ("'Does their consent cover exactly this?' is not asked when the answer to "
                                        "'Who wants it?' is 'The police', so it does not change the answer.")


def test_a_question_with_its_own_reason_gives_it():
    answers = {"who": "me", "reason": "none", "what_happened": "other", "personal_data": "no", "risk": "high"}
    result = breach.decide(answers)
    assert [(i.question, i.answer, i.reason) for i in result.ignored] == [
        ("risk", "high", "No personal information was involved, so there is no risk to people to judge.")]


def test_unquoted_yes_and_no_in_yaml_mean_the_options_yes_and_no():
    base = {**GOOD, "consent_names_recipient": "yes"}
    assert sharing.decide({**GOOD, "consent_names_recipient": True}) == sharing.decide(base)
    assert sharing.decide({**GOOD, "consent_names_recipient": False}) == sharing.decide(
        {**GOOD, "consent_names_recipient": "no"})
    assert error({**GOOD, "requester": True}).startswith("Unknown answer True to 'requester'.")


def test_the_optional_questions_may_be_left_out_or_none():
    """Left out, the checker still decides from the contract's questions alone (never `share` on a guess)."""
    assert sharing.decide(GOOD).decision == "get_consent"  # 1.1: check their consent names the organisation
    assert sharing.decide(GOOD, version="1.0").decision == "share"
    assert sharing.decide({**GOOD, "consent_names_recipient": None, "identity": None}) == sharing.decide(GOOD)


def test_answers_must_be_a_mapping():
    assert error([("about", "worker")]) == (
        "Answers for the sharing checker must be a mapping of question id to option id, but received: list."
    )


def test_a_version_before_the_first_or_not_a_number_is_refused():
    for wrong in ("0.9", "two"):
        with pytest.raises(VersionError, match=rf"^Unknown policy version '{wrong}'. Expected a number like 1.1, from 1.0 on.$"):
            sharing.decide(GOOD, version=wrong)
    assert resolve(None) == "1.1" and at_least("1.1", "1.0") and not at_least("1.0", "1.1")


def test_a_later_version_that_only_rewords_the_text_answers_with_the_rules_in_force():
    assert resolve("1.2") == "1.1" and resolve("2.0") == "1.1" and resolve("1.0") == "1.0"
    assert sharing.decide(GOOD, version="1.2") == sharing.decide(GOOD, version="1.1")


ids = st.sampled_from(sorted({q.id for module in CHECKERS.values() for q in module.QUESTIONS} | {"x"}))
values = st.one_of(
    st.sampled_from(sorted({o.id for module in CHECKERS.values() for q in module.QUESTIONS for o in q.options}
                           | {"zzz"})),
    st.booleans(),
    st.lists(st.sampled_from(["terrorism", "safeguarding", "child_or_vulnerable_adult_at_risk", "zzz"]), max_size=3),
    st.none(), st.integers(),
)


@settings(max_examples=400, deadline=None)
@given(checker=st.sampled_from(sorted(CHECKERS)), answers=st.dictionaries(ids, values, max_size=7))
def test_any_answers_give_a_result_or_an_answer_error_never_anything_else(checker, answers):
    module = CHECKERS[checker]
    try:
        result = module.decide(answers)
    except AnswerError as problem:
        assert str(problem).endswith(".") and "'" in str(problem)
    else:
        assert isinstance(result, Result) and result.decision in module.DECISIONS
        assert result.urgency in URGENCIES
