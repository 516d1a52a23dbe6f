"""The induction quiz: everyday situations, the choices a reader picks from, and the right one, from the rules.

A quiz file is in the scenario format (answers/scenarios.py): full-sentence names and the checker's
answers, with `choices` where a scenario has `expect`. The handbook's own is checkers/quiz.yml; a
group's trainers add theirs in my-quiz.yml beside group.yml.

    scenarios:
      - name: A woman phones. She says she is Sam's sister and asks what time Sam comes in.
        checker: sharing           # or once at the top of the file, as in a scenario file
        answers: {about: service_user, requester: public, information: contact_details,
                  consent: not_asked, identity: not_confirmed, circumstances: []}
        choices:
          - text: Tell her. She is family.
            decision: share
          - text: Do not say if Sam comes here. Offer to pass on a message.
            decision: do_not_share
            actions: [offer_to_pass_on_message]
            right: yes             # optional: what the trainer believes; the build checks it

A choice stands for an outcome, in the terms a scenario's `expect` uses: a decision code of the
checker (or `none`, for what the rules never advise: keep it secret, say nothing), and, if the
decision alone cannot tell two choices apart, the urgency and actions the answer must have.

The file never says which choice is right: the rules decide, for the policy version being built,
so the quiz cannot disagree with the checkers, and a new version that changes an answer changes
the quiz. Exactly one choice must stand for what the rules decide; when none does, two do, or a
trainer's `right: yes` is another, the build stops with one sentence naming the file, the line and
the situation.
"""
from __future__ import annotations

import os
import re
import string
from dataclasses import dataclass
from pathlib import Path

import checkers
from checkers import versions
from checkers.actions import ACTIONS
from checkers.model import URGENCIES, AnswerError, Result
from checkers.validation import check
from checkers.words import AGAIN, fill, words as group_words

from ..errors import HandbookError
from ..folders import OWN_QUIZ, QUIZ, Folders
from ..yaml_input import read_yaml
from .scenarios import _listed

MAX_BYTES = 1024 * 1024
MAX_TEXT = 400  # characters in a situation or a choice: a few sentences a volunteer reads on a phone
_WORD = re.compile(r"[a-z_]{1,40}")  # {manager}: a placeholder is a word, never {manager:>3000000} or {x!r}
NONE = "none"  # a choice the rules never give
LETTERS = "ABCD"
FILE_KEYS = ("checker", "scenarios")
SITUATION_KEYS = ("name", "checker", "answers", "choices")
CHOICE_KEYS = ("text", "decision", "urgency", "actions", "right")
YES, NO = ("yes", "true"), ("no", "false")


class QuizError(HandbookError):
    """A quiz file that cannot be used, or a situation the rules answer differently, in one sentence."""


@dataclass(frozen=True)
class Choice:
    letter: str
    text: str  # a template: {manager} and the other words of checkers/words.py
    decision: str
    urgency: str | None = None
    actions: tuple[str, ...] = ()
    marked_right: bool = False

    def matches(self, result: Result) -> bool:
        """True when this choice stands for what the rules decided."""
        return (self.decision == result.decision and self.urgency in (None, result.urgency)
                and all(action in result.actions for action in self.actions))


@dataclass(frozen=True)
class Situation:
    name: str  # a template, like the choices
    checker: str
    answers: dict
    choices: tuple[Choice, ...]
    where: str  # "checkers/quiz.yml, situation '...' (line 12)": for every error about it


@dataclass(frozen=True)
class Question:
    """A situation answered by the rules for one version, in the group's words: what the quiz shows."""

    number: int
    name: str
    choices: tuple[tuple[str, str], ...]  # (letter, text)
    right: str  # the letter of the choice the rules give
    title: str
    steps: tuple[str, ...]
    cites: tuple[str, ...]
    decision: str
    urgency: str

    @property
    def right_text(self) -> str:
        return dict(self.choices)[self.right]

    @property
    def word_count(self) -> int:
        """How many words a reader reads: the situation, the choices and the answer's heading (the steps
        under it repeat what the path taught, and are skimmed)."""
        return len(" ".join((self.name, *(text for _, text in self.choices), self.title)).split())


def load(path: Path, shown: str) -> tuple[Situation, ...]:
    """Read and check one quiz file (`shown` is its name in messages, `path` a file that must stay inside
    its folder); QuizError says what and where."""
    try:
        document = read_yaml(path, limit=MAX_BYTES, what="quiz file", inside=path.parent)
    except HandbookError as error:
        raise QuizError(str(error).replace(str(path), shown, 1)) from None
    data = document.data
    if not isinstance(data, dict):
        raise QuizError(f"{shown}: expected a mapping with keys {_listed(FILE_KEYS)}, but received: "
                        f"{type(data).__name__}.")
    _unknown_keys(data, FILE_KEYS, f"{shown} (line {document.start})")
    items = data.get("scenarios")
    if not isinstance(items, list) or not items:
        raise QuizError(f"{shown} (line {document.line(('scenarios',))}): key 'scenarios' must be a list of situations, "
                        f"but received: {items!r}.")
    return tuple(_situation(shown, data.get("checker"), number, item, document.line(("scenarios", number - 1)))
                 for number, item in enumerate(items, 1))


def _unknown_keys(mapping: dict, allowed: tuple[str, ...], where: str) -> None:
    for key in mapping:
        if key not in allowed:
            raise QuizError(f"{where}: unknown key {key!r}. Expected one of: {_listed(allowed)}.")


def _situation(shown: str, default_checker, number: int, item, line: int) -> Situation:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
        raise QuizError(f"{shown}, situation {number} (line {line}): each situation needs a `name`: the situation "
                        "as a sentence.")
    name = item["name"].strip()
    where = f"{shown}, situation {name if len(name) <= 120 else name[:117] + '...'!r} (line {line})"
    _unknown_keys(item, SITUATION_KEYS, where)
    checker_id = item.get("checker", default_checker)
    if not isinstance(checker_id, str) or checker_id not in checkers.CHECKERS:
        raise QuizError(f"{where}: unknown checker {checker_id!r}. Expected one of: "
                        f"{_listed(sorted(checkers.CHECKERS))}.")
    answers = item.get("answers")
    try:
        check(checker_id, checkers.CHECKERS[checker_id].questions, answers)
    except AnswerError as error:
        raise QuizError(f"{where}: {error}") from None
    choices = item.get("choices")
    if not isinstance(choices, list) or not 3 <= len(choices) <= len(LETTERS):
        raise QuizError(f"{where}: key 'choices' must list 3 or 4 choices, but received: {choices!r}.")
    made = tuple(_choice(where, checker_id, letter, choice) for letter, choice in zip(LETTERS, choices))
    if sum(choice.marked_right for choice in made) > 1:
        raise QuizError(f"{where}: more than one choice says `right: yes`; mark one, or none.")
    return Situation(_checked_template(item["name"].strip(), where), checker_id, answers, made, where)


def _choice(where: str, checker_id: str, letter: str, item) -> Choice:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
        raise QuizError(f"{where}, choice {letter}: each choice needs a `text`: what the reader would do.")
    where = f"{where}, choice {letter}"
    _unknown_keys(item, CHOICE_KEYS, where)
    decisions = (*checkers.CHECKERS[checker_id].decisions, NONE)
    if not isinstance(item.get("decision"), str) or item["decision"] not in decisions:
        raise QuizError(f"{where}: key 'decision' must be one of: {_listed(decisions)}, but received: "
                        f"{item.get('decision')!r}.")
    urgency = item.get("urgency")
    if urgency is not None and urgency not in URGENCIES:
        raise QuizError(f"{where}: key 'urgency' must be one of: {_listed(URGENCIES)}, but received: {urgency!r}.")
    actions = item.get("actions", [])
    if not isinstance(actions, list) or any(not isinstance(code, str) or code not in ACTIONS for code in actions):
        raise QuizError(f"{where}: key 'actions' must list action codes such as: share_minimum, check_identity "
                        f"(all of them: checkers/actions.py), but received: {actions!r}.")
    right = str(item.get("right", "no")).lower()
    if right not in YES + NO:
        raise QuizError(f"{where}: key 'right' must be yes or no, but received: {item.get('right')!r}.")
    return Choice(letter, _checked_template(item["text"].strip(), where), item["decision"], urgency, tuple(actions),
                  right in YES)


def answer(situation: Situation, number: int, version: str | None, group: dict) -> Question:
    """The situation answered by the rules: QuizError when no choice, two, or another than marked stand for it."""
    version = version or versions.LATEST
    result = checkers.CHECKERS[situation.checker].decide(situation.answers, group=group, version=version)
    matching = [choice for choice in situation.choices if choice.matches(result)]
    rules = f"the rules of version {version} decide {result.decision} ({result.urgency}): {result.title!r}"
    if not matching:
        raise QuizError(f"{situation.where}: {rules}, and no choice stands for that. Add a choice with "
                        f"`decision: {result.decision}`, or change the answers.")
    if len(matching) > 1:
        raise QuizError(f"{situation.where}: choices {' and '.join(c.letter for c in matching)} both stand for "
                        f"what {rules}; give them different decisions, urgencies or actions.")
    right = matching[0]
    marked = next((choice for choice in situation.choices if choice.marked_right), right)
    if marked is not right:
        raise QuizError(f"{situation.where}: choice {marked.letter} is marked right, but {rules}; "
                        f"that is choice {right.letter}.")
    values = group_words(group)
    return Question(number, _filled(situation.name, values, situation.where),
                    tuple((c.letter, _filled(c.text, values, f"{situation.where}, choice {c.letter}"))
                          for c in situation.choices),
                    right.letter, result.title, result.steps, result.cites, result.decision, result.urgency)


def _checked_template(template: str, where: str) -> str:
    """The text as written, once it is known to be short and to use only plain {word} placeholders naming
    the words a quiz can use (a format width or conversion would let a 500-byte file make gigabytes)."""
    if len(template) > MAX_TEXT:
        raise QuizError(f"{where}: the text is {len(template):,} characters; at most {MAX_TEXT} are allowed.")
    try:
        fields = [(field, spec, conversion) for _, field, spec, conversion in string.Formatter().parse(template)
                  if field is not None]
    except ValueError:
        fields = []  # an unmatched { or }: _filled says so
    for field, spec, conversion in fields:
        if not _WORD.fullmatch(field) or spec or conversion:
            raise QuizError(f"{where}: a placeholder may only be a plain word in braces, such as {{manager}}, "
                            "with nothing after a : or ! and no dots or brackets.")
    _filled(template, group_words(None), where)
    return template


def _filled(template: str, values: dict, where: str) -> str:
    """A situation's or a choice's text in the group's words ({manager} becomes "the ... manager")."""
    try:
        return fill(template, values)
    except (KeyError, IndexError, ValueError, AttributeError):
        raise QuizError(f"{where}: the text has a {{ or }} that is not one of the words a quiz can use: "
                        f"{_listed('{' + key + '}' for key in values if key != AGAIN)}.") from None


def situations(folders: Folders) -> tuple[Situation, ...]:
    """The handbook's situations, then the group's own (my-quiz.yml), each name used once."""
    found = list(load(QUIZ, "checkers/quiz.yml"))
    own = folders.group_dir / OWN_QUIZ
    if os.path.lexists(own):  # a broken link too: reading it says so
        found += load(own, OWN_QUIZ)
    seen: set[str] = set()
    for situation in found:
        if situation.name in seen:
            raise QuizError(f"{situation.where}: the name is used twice; give each situation its own name.")
        seen.add(situation.name)
    return tuple(found)


def quiz(folders: Folders, version: str | None, group: dict) -> tuple[Question, ...]:
    """The whole quiz for one policy version, in the group's words: what the page and the pack show."""
    return tuple(answer(situation, number, version, group)
                 for number, situation in enumerate(situations(folders), 1))
