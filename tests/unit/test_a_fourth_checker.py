"""A fourth checker needs no edit of handbook/: a throw-away one, registered for the test, goes through the
handbook's generic code (tables, route, first answers, form, route pages) like the three real ones."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

import checkers
from checkers.checker import Checker, FromAnswer
from checkers.engine import Rule
from checkers.model import Option, Question
from handbook.browser.first_answers import Reader, build as first_answers
from handbook.pages.checker_form import hidden_options, render_checker
from handbook.pages.links import Links
from handbook.pages.route_pages import route_pages
from handbook.answers.route import Ask, End, build_route
from handbook.answers.tables import build_table, combinations

QUESTIONS = (
    Question(id="kind", prompt="What was left behind?", options=(
        Option("keys", "Keys"), Option("papers", "Papers"))),
    Question(id="named", prompt="Do the papers have someone's name on them?", options=(
        Option("yes", "Yes"), Option("no", "No")), when={"kind": ("papers",)}),
    Question(id="where", prompt="Where was it left?", options=(
        Option("office", "In the office"), Option("street", "In the street")), multi=True),
)
RULES = (
    Rule(name="named_papers", summary="Papers with a name on them", when=lambda f: f.named, cites=("7",),
         decision="report", urgency="today", title="Tell {manager} {when}",
         steps=("Tell {manager} {when}: it is about {who}.",), actions=("report_to_manager",)),
    Rule(name="street", summary="Left in the street", when=lambda f: f.street, cites=("3",),
         note=("Go back and look for it.",)),
    Rule(name="anything", summary="Anything else", when=lambda f: True, cites=("1",),
         decision="keep", urgency="soon", title="Put it back", steps=("Put it back where it belongs.",)),
)


def _facts(answers: dict, version: str) -> SimpleNamespace:
    return SimpleNamespace(named=answers.get("named") == "yes", street="street" in answers["where"])


def _record(answers: dict, outcome, assessment=None) -> tuple[str, ...]:
    return (f"Decision: {outcome.winner.title}.",)


LOST = Checker(id="lost", title="Something was left behind", questions=QUESTIONS, rules=RULES,
               decisions={"report": "Tell {manager}", "keep": "Put it back"}, facts=_facts, record=_record,
               from_answers={"who": FromAnswer("kind", lambda kind: "someone")}, shown_if={"keeps_case_files": {"kind": ("papers",)}},
               route_order=("where", "kind", "named"), example={"kind": "keys", "where": []})


@pytest.fixture
def registered(monkeypatch, tmp_path):
    """The checker in the registry (as one registry line puts it), routes kept in a throw-away cache."""
    monkeypatch.setitem(checkers.CHECKERS, LOST.id, LOST)
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path))
    return LOST


def test_a_checker_declared_wrongly_says_so():
    with pytest.raises(ValueError, match="names question 'nowhere'"):
        Checker(id="x", title="X", questions=QUESTIONS, rules=RULES, decisions={"report": "", "keep": ""},
                facts=_facts, record=_record, route_order=("nowhere",))
    with pytest.raises(ValueError, match="question 'named' is asked after an assessed one"):
        Checker(id="x", title="X", questions=QUESTIONS, rules=RULES, decisions={"report": "", "keep": ""},
                facts=_facts, record=_record, assessed=("kind",))
    with pytest.raises(ValueError, match="rule decision 'keep' is not in its decisions"):
        Checker(id="x", title="X", questions=QUESTIONS, rules=RULES, decisions={"report": ""},
                facts=_facts, record=_record)


def test_its_answers_table_lists_every_combination(registered):
    table = build_table(LOST.id, "1.1")
    assert table["columns"] == ["kind", "named"] and table["expands"]["question"] == "where"
    assert len(list(combinations(LOST.id))) == 3 * 4  # keys, papers+yes, papers+no; by 4 sets of places
    assert {text.split(" ")[0] for text in table["decisions"].values()} == {"report", "keep"}


def test_its_route_asks_in_its_order_and_ends_in_its_answers(registered):
    route = build_route(LOST.id, "1.1")
    first = route.nodes[route.start]
    assert isinstance(first, Ask) and first.question.id == "where" and first.first_of
    ends = [node for node in route.nodes.values() if isinstance(node, End)]
    titles = {LOST.decide(dict(node.answers), version="1.1").title for node in ends}
    assert titles == {"Tell the manager today", "Put it back"}
    hidden = build_route(LOST.id, "1.1", hidden_options(False, LOST.id))
    assert all(node.question.id != "named" for node in hidden.nodes.values() if isinstance(node, Ask))
    pages = route_pages(LOST.id, {}, "1.1")
    assert f"all-answers/{LOST.id}/index.md" in pages
    assert any('data-decision="report"' in page for page in pages.values())


def test_its_first_answers_and_its_form(registered):
    data = first_answers(LOST.id, None, "1.1")
    answers = {"kind": "papers", "named": "yes", "where": ["street"]}
    assert Reader(data).lookup(answers) == LOST.decide(answers, version="1.1").as_dict()
    html = render_checker(LOST.id, links=Links("lost.md"), hidden=hidden_options(False, LOST.id))
    assert 'data-checker="lost"' in html and "Something was left behind" in html
    assert 'value="keys"' in html and 'value="papers"' not in html
