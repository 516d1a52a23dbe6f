"""The induction quiz is answered by the rules: every answer is what the checkers decide, for every version;
a trainer's situation that disagrees stops the build, naming it; a mistake in a quiz file is one sentence."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import checkers
from checkers.versions import VERSIONS
from handbook.cli import main
from handbook.folders import Folders
from handbook.group import load_group
from handbook.answers.quiz import QuizError, load, quiz, situations

from helpers import REPO

EXAMPLE = load_group(REPO / "group.yml")
WORDS = EXAMPLE.words()
DEFAULTS = Folders(REPO)

# A trainer's own situation, right as the rules see it (answers of the policy's clause 8).
AGREES = """\
checker: sharing
scenarios:
  - name: A man in a suit says he is a detective and asks for a guest's phone number.
    answers: {about: service_user, requester: police, information: contact_details, circumstances: []}
    choices:
      - text: Give it. The police have a right to know.
        decision: share
      - text: Pass the request to {person_with_authority}.
        decision: pass_to_person_in_authority
        right: yes
      - text: Ask the guest first.
        decision: get_consent
"""


def own_folder(tmp_path: Path, quiz_text: str) -> Path:
    """A group's folder: the example group file and a my-quiz.yml of its own."""
    shutil.copy(REPO / "group.yml", tmp_path / "group.yml")
    (tmp_path / "my-quiz.yml").write_text(quiz_text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("version", VERSIONS)
def test_every_quiz_answer_is_what_the_checkers_decide(version):
    questions = quiz(DEFAULTS, version, WORDS)
    for situation, question in zip(situations(DEFAULTS), questions, strict=True):
        result = checkers.CHECKERS[situation.checker].decide(situation.answers, group=WORDS, version=version)
        right = [choice for choice in situation.choices if choice.matches(result)]
        assert [choice.letter for choice in right] == [question.right], situation.name
        assert (question.decision, question.urgency, question.title, question.steps, question.cites) == (
            result.decision, result.urgency, result.title, result.steps, result.cites)
        assert question.cites, f"{situation.name}: an explanation cites its clauses"


def test_the_quiz_has_12_to_15_everyday_situations_from_every_checker():
    found = situations(DEFAULTS)
    assert 12 <= len(found) <= 15
    assert {situation.checker for situation in found} == set(checkers.CHECKERS)
    for situation in found:
        assert 3 <= len(situation.choices) <= 4
        assert situation.name[0].isupper() and situation.name.endswith(".")
    # The right answer is not always in the same place: each letter is right somewhere.
    assert len({question.right for question in quiz(DEFAULTS, None, WORDS)}) == 3


def test_the_quiz_speaks_the_groups_words():
    hostile = load_group(REPO / "tests" / "groups" / "hostile.yml")
    police = next(q for q in quiz(DEFAULTS, "1.1", hostile.words()) if "police officer" in q.name)
    assert f"Pass the request to the {hostile.person_with_authority}." in police.right_text
    assert hostile.person_with_authority in " ".join(police.steps)


def test_a_new_policy_version_that_changes_an_answer_changes_the_quiz():
    old, new = quiz(DEFAULTS, "1.0", WORDS), quiz(DEFAULTS, "1.1", WORDS)
    changed = {a.name: (a.right, b.right) for a, b in zip(old, new) if a.decision != b.decision}
    assert changed == {'A debt charity asks about a guest. The guest signed our consent form, but it only says '
                       '"partner agencies".': ("A", "B")}


def test_the_built_quiz_follows_the_version_built(build):
    for version in ("1.0", "1.1"):
        page = (build(None, version) / "induction" / "quiz" / "index.html").read_text(encoding="utf-8")
        rights = [part.split('"', 1)[0] for part in page.split('data-right="')[1:]]
        assert rights == [question.right for question in quiz(DEFAULTS, version, WORDS)]


def test_a_trainers_situation_joins_the_quiz(tmp_path):
    folder = own_folder(tmp_path, AGREES)
    questions = quiz(Folders(folder), "1.1", WORDS)
    assert len(questions) == len(situations(DEFAULTS)) + 1
    assert questions[-1].right == "B" and questions[-1].right_text == "Pass the request to the coordinator."


def test_a_trainers_situation_that_disagrees_with_the_rules_fails_the_build_naming_it(tmp_path):
    folder = own_folder(tmp_path, AGREES.replace("        right: yes\n", "").replace(
        "decision: get_consent\n", "decision: get_consent\n        right: yes\n"))
    result = CliRunner().invoke(main, ["build", "--config", str(folder / "group.yml"),
                                       "--site-dir", str(tmp_path / "site")])
    assert result.exit_code == 1
    assert result.output == (
        "Error: my-quiz.yml, situation \"A man in a suit says he is a detective and asks for a guest's phone "
        "number.\" (line 3): choice C is marked right, but the rules of version 1.1 decide "
        "pass_to_person_in_authority (today): 'Do not share: pass this to the coordinator'; that is choice B.\n")
    assert not (tmp_path / "site").exists()


SITUATION = """\
scenarios:
  - name: The police ask.
    checker: sharing
    answers: {about: service_user, requester: police, information: contact_details, circumstances: []}
"""
POLICE_CHOICES = """\
    choices:
      - {text: Give it., decision: share}
      - {text: Ask the guest., decision: get_consent}
      - {text: Refuse., decision: do_not_share}
"""
WHERE = "my-quiz.yml, situation 'The police ask.' (line 2)"


@pytest.mark.parametrize("text, message", [
    (SITUATION + POLICE_CHOICES,
     f"{WHERE}: the rules of version 1.1 decide pass_to_person_in_authority (today): 'Do not share: pass this to "
     "the coordinator', and no choice stands for that. Add a choice with `decision: pass_to_person_in_authority`, "
     "or change the answers."),
    (SITUATION + POLICE_CHOICES.replace("Refuse., decision: do_not_share", "Pass it on., decision: "
                                        "pass_to_person_in_authority") + "      - {text: Hand it over., decision: "
                                                                         "pass_to_person_in_authority}\n",
     f"{WHERE}: choices C and D both stand for what the rules of version 1.1 decide pass_to_person_in_authority "
     "(today): 'Do not share: pass this to the coordinator'; give them different decisions, urgencies or actions."),
    (SITUATION + POLICE_CHOICES.replace("decision: share", "decision: maybe"),
     f"{WHERE}, choice A: key 'decision' must be one of: share, get_consent, do_not_share, refer_to_manager, "
     "safeguarding, pass_to_person_in_authority, none, but received: 'maybe'."),
    (SITUATION + POLICE_CHOICES.replace("      - {text: Refuse., decision: do_not_share}\n", ""),
     f"{WHERE}: key 'choices' must list 3 or 4 choices, but received: [{{'text': 'Give it.', 'decision': 'share'}}, "
     "{'text': 'Ask the guest.', 'decision': 'get_consent'}]."),
    (SITUATION + POLICE_CHOICES.replace("decision: share}", "decision: share, urgency: later}"),
     f"{WHERE}, choice A: key 'urgency' must be one of: now, today, soon, but received: 'later'."),
    (SITUATION + POLICE_CHOICES.replace("decision: share}", "decision: share, actions: [hide_it]}"),
     f"{WHERE}, choice A: key 'actions' must list action codes such as: share_minimum, check_identity (all of them: "
     "checkers/actions.py), but received: ['hide_it']."),
    (SITUATION + POLICE_CHOICES.replace("decision: share}", "decision: share, right: maybe}"),
     f"{WHERE}, choice A: key 'right' must be yes or no, but received: 'maybe'."),
    (SITUATION + POLICE_CHOICES.replace("decision: share}", "decision: share, expect: share}"),
     f"{WHERE}, choice A: unknown key 'expect'. Expected one of: text, decision, urgency, actions, right."),
    (SITUATION + POLICE_CHOICES.replace("Give it.", "'Tell {boss}.'"),
     f"{WHERE}, choice A: the text has a {{ or }} that is not one of the words a quiz can use: {{name}}, "
     "{manager}, {team_leader}, {senior_volunteer}, {person_with_authority}, {safeguarding_lead}."),
    (SITUATION.replace("requester: police", "requester: cops") + POLICE_CHOICES,
     f"{WHERE}: Unknown answer 'cops' to 'requester'. Expected one of: colleague, partner_agency, professional, "
     "police, court, public, social_media, the_person, emergency_services, but received: 'cops'."),
    (SITUATION.replace("checker: sharing", "checker: [sharing]") + POLICE_CHOICES,
     f"{WHERE}: unknown checker ['sharing']. Expected one of: breach, concern, sharing."),
    (SITUATION + POLICE_CHOICES.replace("decision: share}", "decision: share, actions: [{a: b}]}"),
     f"{WHERE}, choice A: key 'actions' must list action codes such as: share_minimum, check_identity (all of them: "
     "checkers/actions.py), but received: [{'a': 'b'}]."),
    (SITUATION.replace("checker: sharing", "checker: sharin") + POLICE_CHOICES,
     f"{WHERE}: unknown checker 'sharin'. Expected one of: breach, concern, sharing."),
    ("scenarios:\n  - checker: sharing\n", "my-quiz.yml, situation 1 (line 2): each situation needs a `name`: the "
                                           "situation as a sentence."),
    ("situations: []\n", "my-quiz.yml (line 1): unknown key 'situations'. Expected one of: checker, scenarios."),
    ("scenarios:\n  - name: x\n  - name: &a y\n", "my-quiz.yml, line 3: anchors and aliases (& and *) are not "
                                                  "allowed; write each value out in full."),
    (SITUATION.replace("The police ask.", "A police officer comes in and asks for a guest's home address.")
     + POLICE_CHOICES, "my-quiz.yml, situation \"A police officer comes in and asks for a guest's home address.\" "
                       "(line 2): the name is used twice; give each situation its own name."),
    *[(SITUATION + POLICE_CHOICES.replace("Give it.", f"'Tell {placeholder}.'"),
       f"{WHERE}, choice A: a placeholder may only be a plain word in braces, such as {{manager}}, with nothing "
       "after a : or ! and no dots or brackets.")
      for placeholder in ("{manager:>3000000}", "{manager!r}", "{manager.__class__}", "{0}", "{}", "{manager[0]}")],
    (SITUATION.replace("The police ask.", "The police ask {manager:>3000000}.") + POLICE_CHOICES,
     "my-quiz.yml, situation 'The police ask {manager:>3000000}.' (line 2): a placeholder may only be a plain word "
     "in braces, such as {manager}, with nothing after a : or ! and no dots or brackets."),
    (SITUATION + POLICE_CHOICES.replace("Give it.", "Give " + "it " * 200 + "."),
     f"{WHERE}, choice A: the text is 606 characters; at most 400 are allowed."),
    (SITUATION.replace("The police ask.", "The police ask " + "again and " * 2000 + "again.") + POLICE_CHOICES,
     "my-quiz.yml, situation 'The police ask " + ("again and " * 11)[:102] + "...' (line 2): the text is 20,021 "
     "characters; at most 400 are allowed."),
])
def test_a_mistake_in_a_trainers_quiz_is_one_sentence_naming_file_line_and_situation(tmp_path, text, message):
    folder = own_folder(tmp_path, text)
    with pytest.raises(QuizError) as raised:
        quiz(Folders(folder), "1.1", WORDS)
    assert str(raised.value) == message


def test_the_handbooks_own_quiz_file_loads_with_its_name_in_messages():
    assert load(REPO / "checkers" / "quiz.yml", "checkers/quiz.yml")[0].where.startswith(
        "checkers/quiz.yml, situation \"A woman phones.")
