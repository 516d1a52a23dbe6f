"""The route to an answer without JavaScript: a checker's questions one at a time, as a graph of links.

Why: the old "All answers" page listed every combination (94,208 for sharing), far too long to find
one answer on a phone. A route asks what the checker asks, one question a page, each option a link,
and ends in the answer the checker gives to the answers chosen. It is built from the rules themselves:
- Questions come in the checker's order (its `route_order`, or the form's), where they apply (each
  question's `when`, as on the form). An optional question offers "Not sure" (left unanswered) unless one
  of its options already means that (the checker's `unanswered`).
- A multi-choice question is one page: "the first of these that applies". Its options come in the order
  the rules rank them: the one whose rule decides first comes first, then the most urgent (the checker's
  `first_of` names a fixed order where it has one). What each later option would add, or take away, is
  kept with the answer (`End.also`), so a reader who ticks several still sees all of it. (Terrorism
  takes away "tell the person what is being done" from a child at risk: nobody may be alerted.)
- Places from which every continuation gives the same answers are one page: a node is named by a hash
  of everything below it, and a question whose every option leads to the same place is not asked.
The graph is built once per checker, version and hidden options, in marker words that tell every
placeholder apart, so it serves every group; handbook/pages/route_pages.py puts it in a group's words.
What a page shows depends only on what the rules read (`facts`): the checker decides once per facts.
Working a route out takes seconds (the breach checker reads over 200,000 sets of facts), so each is kept
as JSON in the user's cache, under a hash of every file of the rules and of this one: any change to them
is a new file, and a damaged file is worked out again.
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import checkers
from checkers import engine, versions
from checkers.model import URGENCIES, Question

from ..cache import cache_dir, fingerprint, keep, read_kept

# Group words no checker text contains, each different: equal pages in these words are equal in any.
MARKERS = {"name": "\u24c3", "short_name": "\u24c8", "manager": "\u24c2", "team_leader": "\u24c9",
           "senior_volunteer": "\u24cb", "person_with_authority": "\u24b6", "safeguarding_lead": "\u24bc"}


@dataclass(frozen=True)
class Ask:
    """A question page: (option id, node id) per link; option None is "Not sure" or "None of these"."""

    question: Question
    choices: tuple[tuple[str | None, str], ...]
    first_of: bool = False  # a multi-choice question: choose the first that applies


@dataclass(frozen=True)
class End:
    """An answer page: one set of route answers that reaches it, and what later options would add.

    `also` holds (option id, rule names it adds, rule names it takes away, the answer's urgency then)
    for each option listed after the one chosen in a "first that applies" question whose other
    options still count.
    """

    answers: tuple[tuple[str, object], ...]
    also: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...] = ()


@dataclass(frozen=True)
class Route:
    checker_id: str
    version: str
    start: str
    nodes: dict[str, Ask | End]


def verdict(assessment: str) -> str:
    """The judgement of an assessment without the reasons after its colon: the reader gave those."""
    return assessment.split(": ", 1)[0]


class _Builder:
    """Walks every route through the questions once, naming each distinct subtree once."""

    def __init__(self, checker_id: str, version: str, hidden: dict[str, tuple[str, ...]]):
        self.checker_id, self.version, self.hidden = checker_id, version, hidden
        self.checker = checkers.CHECKERS[checker_id]
        self.questions = _ordered(self.checker.questions, self.checker.route_order)
        self.outcomes: dict = {}  # facts -> the rules' outcome
        self.shown: dict = {}  # facts -> what the answer page shows (in marker words)
        self.ids: dict = {}  # subtree -> node id
        self.nodes: dict[str, Ask | End] = {}

    def facts(self, answers: dict) -> tuple:
        return tuple(sorted(vars(self.checker.facts(answers, self.version)).items()))

    def outcome(self, answers: dict) -> engine.Outcome:
        key = self.facts(answers)
        if key not in self.outcomes:
            self.outcomes[key] = engine.evaluate(self.checker.rules, SimpleNamespace(**dict(key)), self.version)
        return self.outcomes[key]

    def page(self, answers: dict) -> tuple:
        key = self.facts(answers)
        if key not in self.shown:
            r = self.checker.decide(_listed(answers), MARKERS, self.version)
            self.shown[key] = (r.decision, r.urgency, r.title, r.steps, r.cites, verdict(r.assessment))
        return self.shown[key]

    def name(self, key: tuple, node: Ask | End) -> str:
        if key not in self.ids:
            node_id = hashlib.sha1(repr(key).encode()).hexdigest()[:10]
            if node_id in self.nodes:
                raise RuntimeError(f"two route pages would share the name {node_id}")
            self.ids[key], self.nodes[node_id] = node_id, node
        return self.ids[key]

    def walk(self, i: int, answers: dict, also: tuple = ()) -> str:
        """The node id of the route from question i on, given the answers so far."""
        if i == len(self.questions):
            key = ("end", self.page(answers), also)
            if key not in self.ids:
                self.name(key, End(tuple((q, _plain(v)) for q, v in answers.items()), also))
            return self.ids[key]
        question = self.questions[i]
        if not question.applies(answers):
            return self.walk(i + 1, answers, also)
        if question.multi:
            return self.first_of(i, question, answers, also)
        options = [o for o in question.option_ids() if o not in self.hidden.get(question.id, ())]
        unanswered = not question.required and question.id not in self.checker.unanswered
        choices = [(o, self.walk(i + 1, {**answers, question.id: o}, also)) for o in options]
        choices += [(None, self.walk(i + 1, answers, also))] if unanswered else []
        return self.ask(question, choices, first_of=False)

    def first_of(self, i: int, question: Question, answers: dict, also: tuple) -> str:
        """A multi-choice question as "the first of these that applies", then on to the next question."""
        fixed = self.checker.first_of.get(question.id)
        order = list(fixed or sorted(question.option_ids(), key=lambda o: self.rank(answers, question, o)))
        choices = []
        for n, option in enumerate(order):
            chosen = {**answers, question.id: frozenset((option,))}
            more = also if fixed else also + self.added(chosen, question, order[n + 1:])
            choices.append((option, self.walk(i + 1, chosen, more)))
        if not question.at_least_one:  # "None of these" only where none is an answer
            empty = {**answers, question.id: frozenset()} if question.required else answers
            choices.append((None, self.walk(i + 1, empty, also)))
        return self.ask(question, choices, first_of=True)

    def rank(self, answers: dict, question: Question, option: str) -> tuple[int, int, int]:
        """Where the rule that decides with this option alone stands, the safest first; then the most urgent,
        so that an option further down never makes the answer more urgent than the one chosen."""
        alone = self.outcome({**answers, question.id: frozenset((option,))})
        return (self.checker.rules.index(alone.winner), URGENCIES.index(alone.urgency),
                question.option_ids().index(option))

    def added(self, chosen: dict, question: Question, later: list[str]) -> tuple:
        """What each later option would change in the answer: the rules it adds and takes away, the urgency then."""
        alone = self.outcome(chosen)
        every = self.outcome({**chosen, question.id: chosen[question.id] | set(later)})
        found = []
        for option in later:
            both = self.outcome({**chosen, question.id: chosen[question.id] | {option}})
            if both.winner is not alone.winner:  # the order would then be wrong: stop rather than mislead
                raise RuntimeError(f"{self.checker.id}: {question.id}.{option} changes the deciding rule when "
                                   f"ticked after {sorted(chosen[question.id])}")
            others = self.outcome({**chosen, question.id: chosen[question.id] | (set(later) - {option})})
            found.append((option, tuple(r.name for r in both.matched if r not in alone.matched),
                          tuple(r.name for r in others.matched if r not in every.matched), both.urgency))
        return tuple(found)

    def ask(self, question: Question, choices: list, first_of: bool) -> str:
        targets = {target for _, target in choices}
        if len(targets) == 1:
            return targets.pop()  # nothing here changes the answer: not asked
        key = ("ask", question.id, first_of, tuple(choices))
        return self.name(key, Ask(question, tuple(choices), first_of))


def _ordered(questions: tuple[Question, ...], order: tuple[str, ...] | None) -> tuple[Question, ...]:
    """The questions in the route's order, checked: each one, and each asked after those its routing reads."""
    if order is None:
        return questions
    by_id = {q.id: q for q in questions}
    if sorted(order) != sorted(by_id):
        raise ValueError(f"a route order must name every question once: {', '.join(order)}")
    for n, qid in enumerate(order):
        if not set(by_id[qid].when) <= set(order[:n]):
            raise ValueError(f"route order asks {qid!r} before the questions deciding when it is asked")
    return tuple(by_id[qid] for qid in order)


def _plain(value):
    return tuple(sorted(value)) if isinstance(value, frozenset) else value


def _listed(answers: dict) -> dict:
    return {q: sorted(v) if isinstance(v, frozenset) else v for q, v in answers.items()}


@functools.lru_cache(maxsize=None)
def _build(checker_id: str, version: str, hidden: tuple) -> Route:
    kept = cache_dir() / "routes" / f"{checker_id}-{version}-{_fingerprint(hidden)}.json"
    try:
        return _from_json(checker_id, version, json.loads(read_kept(kept) or b""))
    except (ValueError, KeyError, TypeError):
        pass
    builder = _Builder(checker_id, version, dict(hidden))
    route = Route(checker_id, version, builder.walk(0, {}), builder.nodes)
    _keep(kept, route)
    return route


@functools.lru_cache(maxsize=None)
def _fingerprint(hidden: tuple) -> str:
    """A hash of the rules' files, this file and the hidden options: what a route is worked out from."""
    return fingerprint(sorted(Path(checkers.__file__).parent.rglob("*.py")) + [Path(__file__)], words=repr(hidden))


def _keep(path: Path, route: Route) -> None:
    nodes = {key: {"ask": n.question.id, "choices": n.choices, "first_of": n.first_of} if isinstance(n, Ask)
             else {"answers": n.answers, "also": n.also} for key, n in route.nodes.items()}
    keep(path, json.dumps({"start": route.start, "nodes": nodes}).encode())


def _from_json(checker_id: str, version: str, data: dict) -> Route:
    questions = {q.id: q for q in checkers.CHECKERS[checker_id].questions}
    nodes: dict[str, Ask | End] = {}
    for key, n in data["nodes"].items():
        if "ask" in n:
            nodes[key] = Ask(questions[n["ask"]], tuple(tuple(c) for c in n["choices"]), n["first_of"])
        else:
            nodes[key] = End(tuple((q, tuple(v) if isinstance(v, list) else v) for q, v in n["answers"]),
                             tuple((o, tuple(a), tuple(r), u) for o, a, r, u in n["also"]))
    return Route(checker_id, version, data["start"], nodes)


def build_route(checker_id: str, version: str | None = None,
                hidden: dict[str, tuple[str, ...]] | None = None) -> Route:
    """The route for one checker under one policy version, without the options a group hides."""
    hidden_key = tuple(sorted((qid, tuple(options)) for qid, options in (hidden or {}).items()))
    return _build(checker_id, versions.resolve(version), hidden_key)


def end_answers(end: End) -> dict:
    """The answers of an answer page as decide() takes them (multi-choice answers as lists)."""
    return {q: list(v) if isinstance(v, tuple) else v for q, v in end.answers}
