"""The route to an answer without JavaScript: complete, exact, small, in the group's words. No site is built here.

Following a route in Python (`follow`) reads the pages' own graph: at a question, the link for the answer
given (or "Not sure" / "None of these"); at "the first of these that applies", the first on the page's list.
"""
from __future__ import annotations

import random
import re

import pytest
import yaml

import checkers
from checkers import engine
from checkers.versions import VERSIONS
from handbook.pages.checker_form import hidden_options
from handbook.pages.route_pages import route_pages
from handbook.answers.route import Ask, End, build_route, end_answers, verdict
from handbook.answers.tables import combinations, outcomes

GROUP = {"name": "Riverside Community Food Bank", "short_name": "Riverside Food Bank", "manager": "manager",
         "team_leader": "shift leader", "senior_volunteer": "senior volunteer",
         "person_with_authority": "coordinator", "safeguarding_lead": "safeguarding lead"}
HOSTILE = {"name": "Zoë's <Drop-in> {{ x }}", "short_name": "Zoë's *Café* [link](x)", "manager": "<b>boss</b>",
           "team_leader": "shift lead #1 | _under_", "senior_volunteer": 'senior "vol" `code`',
           "person_with_authority": "chair </script><script>alert(1)</script>", "safeguarding_lead": "DSL & co"}


def follow(route, answers: dict) -> tuple[End, dict, list[str]]:
    """The answer page a reader reaches by clicking their answers, the answers clicked, and the options a
    "first of these" question passed over."""
    node, clicked, later = route.nodes[route.start], {}, []
    while isinstance(node, Ask):
        qid, given = node.question.id, answers.get(node.question.id)
        if node.first_of:
            chosen = [option for option, _ in node.choices if option in (given or ())]
            later += chosen[1:]
            option = chosen[0] if chosen else None
            if option or node.question.required:
                clicked[qid] = [option] if option else []
        else:
            option = given if given is not None else getattr(
                checkers.CHECKERS[route.checker_id], "UNANSWERED", {}).get(qid)
            if option is not None:
                clicked[qid] = option
        node = route.nodes[dict(node.choices)[option]]
    return node, clicked, later


def shown(outcome: engine.Outcome) -> tuple:
    return outcome.winner.title, outcome.urgency, outcome.cites, outcome.steps


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("checker_id", ["sharing", "concern"])
def test_every_combination_reaches_the_checkers_answer(checker_id, version):
    """Every one of the 94,208 sharing combinations: the page's answer is the checker's answer to the
    answers clicked; with what the page says each ticked later option adds, it is the checker's answer
    to them all: the same decision, rules, clauses, steps and urgency."""
    module, route = checkers.CHECKERS[checker_id], build_route(checker_id, version)
    cache: dict = {}

    def outcome_of(answers: dict) -> engine.Outcome:
        key = repr(sorted(answers.items()))
        if key not in cache:
            cache[key] = module.outcome(answers, version)
        return cache[key]

    for answers, outcome in outcomes(checker_id, version):
        end, clicked, later = follow(route, answers)
        alone = outcome_of({**answers, **clicked})  # a question whose answer changes nothing is not asked
        assert shown(outcome_of(end_answers(end))) == shown(alone), answers  # pages merge only equal answers
        added = {name for option, names, _, _ in end.also if option in later for name in names}
        removed = {name for option, _, names, _ in end.also if option in later for name in names}
        assert outcome.winner is alone.winner, answers
        assert {r.name for r in outcome.matched} == ({r.name for r in alone.matched} | added) - removed, answers
        urgencies = [alone.urgency] + [u for option, _, _, u in end.also if option in later]
        assert min(urgencies, key=["now", "today", "soon"].index) == outcome.urgency, answers
    for answers, _ in random.Random(15).sample(outcomes(checker_id, version), 50):
        end, clicked, _ = follow(route, answers)  # in the group's words, word for word
        page, alone = (module.decide(a, GROUP, version) for a in (end_answers(end), {**answers, **clicked}))
        assert (page.title, page.steps, page.cites) == (alone.title, alone.steps, alone.cites), answers


@pytest.mark.parametrize("version", VERSIONS)
def test_every_breach_answer_is_the_checkers_own(version):
    """Breach's whole space is over a million combinations: every row of its table (the facts not sure),
    and a fixed sample of 3,000 with every fact, reach a page showing what decide() shows."""
    module, route = checkers.CHECKERS["breach"], build_route("breach", version)
    questions = {q.id: q for q in module.QUESTIONS}
    sample = random.Random(15)
    cases = list(combinations("breach"))
    for _ in range(3000):
        answers: dict = {}
        for question in module.QUESTIONS:
            if question.applies(answers) and (question.required or sample.random() < 0.8):
                options = question.option_ids()
                answers[question.id] = (sample.sample(options, sample.randint(0, 3)) if question.multi
                                        else sample.choice(options))
        cases.append(answers)
    for answers in cases:
        end, _, _ = follow(route, answers)
        page = module.decide(end_answers(end), GROUP, version)
        full = module.decide(answers, GROUP, version)
        assert (page.decision, page.urgency, page.title, page.steps, page.cites) == (
            full.decision, full.urgency, full.title, full.steps, full.cites), answers
        assert verdict(page.assessment) == verdict(full.assessment), answers
    assert questions["data"].multi


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_every_deciding_rule_and_clause_is_reached(checker_id, version):
    module, route = checkers.CHECKERS[checker_id], build_route(checker_id, version)
    ends = [node for node in route.nodes.values() if isinstance(node, End)]
    winners = {module.outcome(end_answers(end), version).winner.name for end in ends}
    deciding = {outcome.winner.name for _, outcome in outcomes(checker_id, version)}
    assert winners == deciding
    reached = {cid for end in ends for cid in module.outcome(end_answers(end), version).cites}
    assert reached == {cid for _, outcome in outcomes(checker_id, version) for cid in outcome.cites}


def test_the_route_is_small_and_each_page_short():
    """Measured: sharing 1,692 pages, breach 755, concern 74 per version (issue 25: identity, the police while a
    child is at risk, records that could not be used, and who is at risk as a multi-choice question)."""
    for version in VERSIONS:
        sizes = {checker_id: len(build_route(checker_id, version).nodes) for checker_id in checkers.CHECKERS}
        assert sum(sizes.values()) < 2_700, sizes
    pages = route_pages("sharing", GROUP, "1.1")
    assert max(len(markdown) for markdown in pages.values()) < 6_000
    assert pages["all-answers/sharing/index.md"].splitlines()[5:9] == [
        "# Can I share this?", "", "Answer one question at a time. Each answer is a link.", ""]


def test_a_question_page_links_each_option_and_not_sure_for_an_optional_question():
    route = build_route("sharing", "1.1")
    identity = next(node for node in route.nodes.values()
                    if isinstance(node, Ask) and node.question.id == "identity")
    assert [option for option, _ in identity.choices] == ["confirmed", "not_confirmed", None]
    pages = route_pages("sharing", GROUP, "1.1")
    page = pages[f"all-answers/sharing/{next(k for k, v in route.nodes.items() if v is identity)}.md"]
    assert "# Do you know it is really them?" in page and "- [Not sure](" in page
    assert page.rstrip().endswith("[Start again](index.md)\n\n[Back to the handbook](../../index.md)")


def test_several_circumstances_are_asked_as_the_first_that_applies_in_the_order_of_the_rules():
    route = build_route("sharing", "1.1")
    police = route.nodes[route.start]
    answers = {"about": "service_user", "requester": "police", "information": "case_details"}
    node = police
    while not node.first_of:
        node = route.nodes[dict(node.choices)[answers[node.question.id]]]
    order = [option for option, _ in node.choices]
    assert order[:2] == ["urgent_medical", "risk_of_harm"]  # the police, and a life at risk: the person in authority
    assert order[-1] is None
    end = route.nodes[dict(node.choices)["child_or_vulnerable_adult_at_risk"]]
    assert [option for option, _, _, _ in end.also] == order[order.index("child_or_vulnerable_adult_at_risk") + 1:-1]


def test_an_answer_page_shows_what_the_checker_shows_in_the_group_words():
    route = build_route("sharing", "1.1")
    answers = {"about": "service_user", "requester": "police", "information": "contact_details", "circumstances": []}
    end, _, _ = follow(route, answers)
    page = route_pages("sharing", GROUP, "1.1")[f"all-answers/sharing/{_id(route, end)}.md"]
    result = checkers.CHECKERS["sharing"].decide(answers, GROUP, "1.1")
    assert ('# Do not share: pass this to the coordinator { .hb-route-answer data-decision="pass_to_person_in_authority"'
            ' data-urgency="today" data-cites="8 9" }') in page
    assert "1. Do not give the police any information yourself, not even a name or an address." in page
    assert f"{len(result.steps)}. " in page
    assert "**Why:** clauses [8](../../policy/police.md#clause-8), [9](../../policy/personal-information.md#clause-9)" in page
    assert "## Write it down" in page and "(policy version 1.1)" in page


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_answer_pages_have_one_neutral_title_and_the_first_page_says_they_are_page_visits(checker_id):
    pages = route_pages(checker_id, GROUP, "1.1")
    titles = {yaml.safe_load(page.split("---")[1])["title"] for page in pages.values() if "hb-route-answer" in page}
    assert titles == {f"An answer: {checkers.CHECKERS[checker_id].TITLE}"}
    assert ("Each answer is a new page, like any link. Your browser keeps these pages in its history, and the host "
            "of this website can see which pages were opened.") in pages[f"all-answers/{checker_id}/index.md"]


def colleague_page(circumstances: list[str]) -> tuple[str, list[str]]:
    """The answer page a colleague's question with these circumstances reaches, and the options passed over."""
    route = build_route("sharing", "1.1")
    answers = {"about": "service_user", "requester": "colleague", "information": "case_details",
               "consent": "not_asked", "circumstances": circumstances}
    end, _, later = follow(route, answers)
    return route_pages("sharing", GROUP, "1.1")[f"all-answers/sharing/{_id(route, end)}.md"], later


def test_an_answer_page_lists_what_a_later_circumstance_adds():
    page, later = colleague_page(["safeguarding", "child_or_vulnerable_adult_at_risk"])
    assert later == ["safeguarding"]
    assert "## If more than one applied" in page
    # under the option's own heading, its note does not say the option's words again
    assert also_items(page)["There are safeguarding concerns"] == (
        "Tell the safeguarding lead today. Do not promise to keep it secret, and write down what you saw or heard. "
        "Also clauses [5](../../policy/exceptional-circumstances.md#clause-5), "
        "[5c](../../policy/exceptional-circumstances.md#clause-5c).")


ALSO = re.compile(r'<details class="hb-route-also" markdown="1"><summary>(.*?)</summary>\n\n(.*?)\n\n</details>', re.S)


def also_items(page: str) -> dict[str, str]:
    """"If more than one applied": each later option (a fold, without JavaScript) and what it adds."""
    return dict(ALSO.findall(page))


def test_a_later_option_that_makes_the_answer_more_urgent_is_named_under_the_title():
    page, later = colleague_page(["child_or_vulnerable_adult_at_risk", "safeguarding", "urgent_medical"])
    assert later == ["safeguarding", "urgent_medical"]
    title = "# Protect them first: tell the safeguarding lead today {"
    sooner = page.split(title, 1)[1].split("\n\n")[1:4]
    assert sooner == ['!!! danger "Act now if any of these is also true"',
                      "    - Someone needs urgent medical treatment\n"
                      "    - There is evidence they may seriously harm themselves or others\n"
                      "    - The information is about an act of terrorism",
                      "    What to do is under [If more than one applied](#if-more-than-one-applied), below."]
    assert "The answer is then: Protect them first: tell the safeguarding lead now." in also_items(page)[
        "Someone needs urgent medical treatment"]
    assert "safeguarding concerns" not in sooner[1]  # as urgent as the answer


def test_what_an_option_takes_away_is_named_where_the_reader_sees_it():
    """"Then do not follow" quotes a step of the answer itself; a step only under another option is named as such."""
    checked = 0
    for page in route_pages("sharing", GROUP, "1.1").values():
        main, _, folds = page.partition("## If more than one applied")
        for step in re.findall(r"Then do not follow “(.*?)”", folds):
            assert re.search(rf"^\d+\. {re.escape(step)}$", main, re.M), step
            checked += 1
        items = also_items(page)
        for label, said in items.items():
            for step in re.findall(r"If another of these says “(.*?)”, do not follow that", said):
                assert any(step in other for name, other in items.items() if name != label), step
                checked += 1
    assert checked > 100


def test_route_pages_speak_of_links_not_of_leaving_a_question():
    pages = route_pages("sharing", GROUP, "1.1").values()
    assert not [page for page in pages if "Leave this" in page]
    assert any("Not sure? Choose “Not sure”: the answer tells you how to check." in page for page in pages)


def test_a_breach_answer_page_shows_the_risk_without_repeating_the_facts():
    route = build_route("breach", "1.1")
    answers = {"who": "me", "reason": "none", "what_happened": "posted_online", "personal_data": "yes",
               "data": ["case_notes"], "people": "one"}
    end, _, _ = follow(route, answers)
    page = route_pages("breach", GROUP, "1.1")[f"all-answers/breach/{_id(route, end)}.md"]
    assert "**The risk:** High risk to the people it is about." in page  # a post is never got back: known
    assert "breach-report" not in page  # no document sizes given: no download links


def test_route_pages_escape_every_value_of_the_group():
    for checker_id in checkers.CHECKERS:
        for markdown in route_pages(checker_id, HOSTILE, "1.1").values():
            assert "<" not in ALSO.sub(r"\1 \2", markdown), "a value of the group made HTML"
            assert "{{" not in markdown and "*Café*" not in markdown
            assert "{manager}" not in markdown
    police = route_pages("sharing", HOSTILE, "1.1")
    assert any("&#60;b&#62;boss&#60;/b&#62;" in markdown for markdown in police.values())


def test_hidden_options_stay_hidden_in_the_route():
    hidden = hidden_options(keeps_case_files=False)
    route = build_route("sharing", "1.1", hidden)
    for node in route.nodes.values():
        if isinstance(node, Ask):
            assert "case_file" not in [option for option, _ in node.choices]
        else:
            assert dict(node.answers).get("information") != "case_file"
    assert not any("Their case file" in page for page in route_pages("sharing", GROUP, "1.1", hidden=hidden).values())


def _id(route, node) -> str:
    node_id = next(k for k, v in route.nodes.items() if v is node)
    return "index" if node_id == route.start else node_id


def test_an_answer_page_says_what_a_later_circumstance_takes_away():
    """Terrorism ticked after a child at risk: the person must not be told what is being done."""
    page, later = colleague_page(["child_or_vulnerable_adult_at_risk", "terrorism"])
    assert later == ["terrorism"]
    terrorism = also_items(page)["The information is about an act of terrorism"]
    assert "Then do not follow “If anything is shared to keep someone safe, be open with the person" in terrorism


def test_a_kept_route_is_the_route_worked_out_and_a_damaged_one_is_worked_out_again(monkeypatch, tmp_path):
    from handbook.answers import route as module
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path))
    module._build.cache_clear()
    worked_out = build_route("concern", "1.1")
    [kept] = (tmp_path / "routes").glob("concern-1.1-*.json")
    module._build.cache_clear()
    assert build_route("concern", "1.1") == worked_out
    kept.write_text('{"start": "', encoding="utf-8")
    module._build.cache_clear()
    assert build_route("concern", "1.1") == worked_out
    module._build.cache_clear()


def test_when_every_answer_ahead_is_urgent_the_question_page_says_it_first():
    """Danger now: whoever is at risk, the answer says call 999 now; a child, when ticked, is offered first."""
    route, words = build_route("concern", "1.1"), {**GROUP, "safeguarding_lead": "safeguarding lead"}
    pages = route_pages("concern", words, "1.1")
    node = route.nodes[route.start]
    assert node.question.id == "danger"
    assert "Do this first" not in pages["all-answers/concern/index.md"]  # it depends on this answer
    node, asked = route.nodes[dict(node.choices)["now"]], 0
    while isinstance(node, Ask):
        if node.question.id == "who_at_risk":
            assert [option for option, _ in node.choices][0] == "child" and None not in dict(node.choices)
        node, asked = route.nodes[node.choices[0][1]], asked + 1
    assert asked >= 1 and "Call 999 now" in route_pages("concern", words, "1.1")[
        f"all-answers/concern/{_id(route, node)}.md"]