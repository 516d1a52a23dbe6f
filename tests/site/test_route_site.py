"""The route to an answer without JavaScript, in the built site (MkDocs and Zensical), in headless Chromium.

A reader with JavaScript turned off starts at the checker's page, follows its link, and clicks their
answers: they reach the answer decide() gives. The pages stay out of search, fit a phone, pass axe
and work from the keyboard.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import checkers
from helpers import REPO
from handbook.group import load_group
from handbook.answers.route import build_route
from handbook.answers.scenarios import load

# Every scenario file; one pinned to an earlier version walks a site built for that version.
SCENARIOS = sorted((REPO / "checkers" / "scenarios").glob("*.yml"))
CHECKER_PAGES = {"sharing": "can-i-share/", "breach": "something-went-wrong/", "concern": "someone-told-me/"}
GROUP = load_group(REPO / "group.yml")
YAML_BOOLEANS = {True: "yes", False: "no"}


def route_pages(site: Path, checker_id: str) -> list[Path]:
    return sorted((site / "all-answers" / checker_id).glob("*/index.html"))


def click_answers(page, checker_id: str, answers: dict) -> list[str]:
    """From the page of a question on, click the link of each answer; returns the labels of options a
    "first of these that applies" question passed over (the answer page lists what they add)."""
    module = checkers.CHECKERS[checker_id]
    by_prompt = {q.prompt: q for q in module.QUESTIONS}
    unanswered = getattr(module, "UNANSWERED", {})
    passed_over = []
    while not page.locator(".hb-route-answer").count():
        headings = page.locator("article h1, article h2").all_inner_texts()
        question = next(by_prompt[text] for text in headings if text in by_prompt)
        links = page.locator("article a.hb-route__option")
        labels = links.all_inner_texts()
        given = answers.get(question.id)
        given = YAML_BOOLEANS.get(given, given) if not isinstance(given, list) else given
        if question.multi:
            given = [given] if isinstance(given, str) else given  # one answer on its own is a list of one
            ticked = [question.label(option) for option in given or ()]
            chosen = [label for label in labels if label in ticked]
            passed_over += chosen[1:]
            label = chosen[0] if chosen else labels[-1]  # "None of these" or "Not sure"
        elif given is None and question.id in unanswered:
            label = question.label(unanswered[question.id])
        else:
            label = question.label(given) if given is not None else "Not sure"
        assert labels.count(label) == 1, (question.prompt, label, labels)
        with page.expect_navigation():
            links.nth(labels.index(label)).click()
    return passed_over


def shown_answer(page, passed_over: list[str]) -> dict:
    """The answer on the page, and what it says each passed-over option adds (its clauses, a new title)."""
    heading = page.locator(".hb-route-answer")
    found = {"title": heading.inner_text().strip(), "decision": heading.get_attribute("data-decision"),
             "urgency": heading.get_attribute("data-urgency"), "cites": heading.get_attribute("data-cites").split(),
             "titles": []}
    for label in passed_over:
        item = page.locator("article details.hb-route-also").filter(
            has=page.locator("summary", has_text=re.compile(f"^{re.escape(label)}$")))
        if item.count():
            item.locator("summary").click()  # closed until the reader opens it
            found["cites"] += item.locator('a[href*="#clause-"]').all_inner_texts()
            found["titles"] += re.findall(r"The answer is then: (.*?)\.(?: Also|$)", item.inner_text())
    return found


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_without_javascript_the_route_reaches_every_scenarios_answer(path, build, generator, site_dir, serve, browser):
    scenarios = load(path)
    version = scenarios.version or GROUP.version().version
    site = build(version=scenarios.version, generator=generator) if scenarios.version else site_dir  # pinned: own site
    base = serve(site)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base + CHECKER_PAGES[scenarios.checker])
        with page.expect_navigation():
            page.locator(".hb-checker__notice a").click()
        start = page.url  # the checker page's link, followed once: each scenario then starts here
        for scenario in scenarios.scenarios:
            if page.url != start:
                page.goto(start)
            passed_over = click_answers(page, scenarios.checker, scenario.answers)
            expected = checkers.CHECKERS[scenarios.checker].decide(scenario.answers, GROUP.words(), version)
            found = shown_answer(page, passed_over)
            assert found["decision"] == expected.decision, scenario.name
            assert expected.title in [found["title"], *found["titles"]], scenario.name
            assert sorted(set(found["cites"])) == sorted(expected.cites), scenario.name
            if not passed_over:
                assert (found["title"], found["urgency"], found["cites"]) == (
                    expected.title, expected.urgency, list(expected.cites)), scenario.name
    finally:
        context.close()


@pytest.mark.every_generator
def test_the_search_index_has_no_route_page(site_dir):
    index = site_dir / "search" / "search_index.json"
    index = index if index.exists() else site_dir / "search.json"  # Zensical's
    data = json.loads(index.read_text(encoding="utf-8"))
    places = [entry.get("location", entry.get("url", "")) for entry in data.get("docs", data.get("items", []))]
    assert any(place.startswith("all-answers/") for place in places)  # the index page is found
    assert not [place for place in places if re.match(r"all-answers/\w+/", place)]


@pytest.mark.every_generator
def test_the_route_pages_are_all_built_and_out_of_the_nav(site_dir):
    hidden = {} if GROUP.keeps_case_files else {"information": ("case_file",)}
    for checker_id in checkers.CHECKERS:
        assert len(route_pages(site_dir, checker_id)) + 1 == len(build_route(checker_id, None, hidden).nodes)
    nav = re.findall(r'href="(?:\./)?(all-answers/[^"]*)"', (site_dir / "index.html").read_text(encoding="utf-8"))
    assert nav == ["all-answers/"]  # the index in the nav, none of the routes' pages


@pytest.mark.every_generator
def test_route_pages_fit_a_phone(site_dir, serve, browser):
    """320 CSS pixels wide: each checker's first question and its longest pages are a few screens at most."""
    base = serve(site_dir)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        for checker_id in checkers.CHECKERS:
            pages = route_pages(site_dir, checker_id)
            longest = sorted(pages, key=lambda p: p.stat().st_size)[-3:]
            for path in [site_dir / "all-answers" / checker_id / "index.html", *longest]:
                page.goto(base + path.parent.relative_to(site_dir).as_posix() + "/")
                height = page.evaluate("document.documentElement.scrollHeight")
                width = page.evaluate("document.documentElement.scrollWidth")
                assert height < 4000 and width <= 320, (path, height, width)
    finally:
        context.close()


@pytest.mark.every_generator
def test_a_question_page_and_an_answer_page_have_no_axe_violations(site_dir, serve, page, axe):
    base = serve(site_dir)
    answer = max(route_pages(site_dir, "sharing"), key=lambda p: p.stat().st_size)
    for url in ("all-answers/sharing/", answer.parent.relative_to(site_dir).as_posix() + "/"):
        page.goto(base + url, wait_until="load")
        assert axe(page) == [], url


@pytest.mark.every_generator
def test_route_pages_carry_no_site_nav_and_lead_home_on_a_phone(site_dir, serve, browser):
    """The route's own template: the group's name in its colour leads home; no theme header, tabs or sidebars."""
    base = serve(site_dir)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(base + "all-answers/sharing/")
        assert page.locator(".md-header, .md-tabs, .md-sidebar").count() == 0
        name = page.locator("header a")
        assert name.inner_text() == GROUP.display_short_name
        colour = page.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor")
        assert colour == "rgb({}, {}, {})".format(*bytes.fromhex((GROUP.colour or "#00564d")[1:]))
        with page.expect_navigation():
            name.click()
        assert page.url == base
        assert page.locator(".md-sidebar--primary").count() == 1  # other pages keep the theme
        page.goto(base + "all-answers/concern/")
        with page.expect_navigation():
            page.get_by_role("link", name="Back to the handbook").click()
        assert page.url == base
    finally:
        context.close()


@pytest.mark.every_generator
def test_the_route_works_from_the_keyboard(site_dir, serve, browser):
    base = serve(site_dir)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base + "all-answers/concern/")
        page.keyboard.press("Tab")  # the first stop skips the header, as a keyboard user would
        assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
        page.keyboard.press("Enter")
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('hb-route__option')"):
                break
        first = checkers.CHECKERS["concern"].QUESTIONS
        danger = next(q for q in first if q.id == "danger")  # the route asks it first (handbook/answers/route.py)
        assert page.evaluate("document.activeElement.textContent") == danger.label(danger.option_ids()[0])
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("article h1").inner_text() in {q.prompt for q in first if q.id != "danger"}
    finally:
        context.close()


@pytest.mark.every_generator
def test_a_folds_title_shows_where_the_keyboard_is(site_dir, serve, browser):
    """WCAG 2.4.7: the theme draws no focus ring on a fold's title; the handbook's style does."""
    answer = max(route_pages(site_dir, "sharing"), key=lambda p: p.stat().st_size)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(serve(site_dir) + answer.parent.relative_to(site_dir).as_posix() + "/")
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName") == "SUMMARY":
                break
        ring = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); "
                             "return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()")
        assert ring[0] != "none" and ring[1] >= 2, ring
    finally:
        context.close()

