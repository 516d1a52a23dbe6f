"""The "I'm new here" path and its quiz in real headless Chromium, with both site generators: the Next links
walk every step in order, the quiz works with the keyboard alone and announces each answer with its clauses,
nothing is kept (storage, cookies, URL, the back/forward cache), no axe-core violations, and without
JavaScript the worksheet and its answer sheet still give every answer."""
from __future__ import annotations

import json

import pytest

from handbook.folders import Folders
from handbook.group import load_group
from handbook.policy import path
from handbook.answers.quiz import quiz

from helpers import REPO
from helpers.chromium import wait_for

FOLDERS = Folders(REPO)
EXAMPLE = load_group(REPO / "group.yml")
QUESTIONS = quiz(FOLDERS, None, EXAMPLE.words())
READY = "[...document.querySelectorAll('[data-hb-quiz-actions]')].every((p) => !p.hidden)"
FOCUSED = """(() => {
    const el = document.activeElement;
    return {name: el.name || "", value: el.value || "", tag: el.tagName, text: el.textContent.trim(),
            form: el.form ? [...document.forms].indexOf(el.form) : -1};
})()"""


def url_of(base: str, page: str) -> str:
    return base + ("" if page == "index.md" else page.removesuffix("index.md").removesuffix(".md") + "/")


def test_the_next_links_walk_every_step_in_order(site_dir, serve, page):
    base = serve(site_dir)
    route = path.route(FOLDERS)
    steps = {step.page: step for step in path.steps(FOLDERS, EXAMPLE)}
    page.goto(url_of(base, route[0]))
    for number, expected in enumerate(route[1:], 1):
        page.locator("a.hb-next").click()
        page.wait_for_load_state("load")
        assert page.url == url_of(base, expected), f"link {number} led to {page.url}"
        if expected in steps:
            step = steps[expected]
            assert page.locator(".hb-step").inner_text() == f"Step {step.number} of {len(steps)}"
            assert page.locator("h1").inner_text() == step.title
            assert page.locator(".admonition.summary").count() == 1  # the section's In short box
    assert page.locator("a.hb-next").count() == 0  # the path ends on the last page


def keyboard_to(page, predicate: str, limit: int = 400) -> dict:
    """Press Tab until the focused element satisfies `predicate` (a JS expression over `f`, the focused info)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if page.evaluate(f"(f) => {predicate}", focused):
            return focused
    raise AssertionError(f"Tab never reached: {predicate}")


def test_the_quiz_works_with_the_keyboard_alone_and_announces_each_answer(site_dir, serve, page):
    page.goto(serve(site_dir) + "induction/quiz/")
    wait_for(page, READY)
    for index, question in enumerate(QUESTIONS):
        name = f"hb-quiz-{question.number}"
        keyboard_to(page, f"f.name === '{name}'")  # a radio group is one Tab stop
        letters = [letter for letter, _ in question.choices]
        wrong = index % 3 == 0  # now and then, a wrong answer first
        pick = next(letter for letter in letters if letter != question.right) if wrong else question.right
        for _ in range(letters.index(pick)):
            page.keyboard.press("ArrowDown")  # moves to the next choice and chooses it
        if pick == letters[0]:
            page.keyboard.press("Space")
        assert page.evaluate(FOCUSED)["value"] == pick
        keyboard_to(page, "f.tag === 'BUTTON' && f.text === 'Check my answer'", limit=3)
        page.keyboard.press("Enter")
        region = page.locator(f"section[aria-labelledby='{name}-heading'] [data-hb-feedback]")
        assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"
        said = region.inner_text()
        verdict = f"Not quite. The best answer is {question.right}." if wrong else f"Right. {question.right}."
        assert said.startswith(f"{verdict} {question.right_text}"), said
        assert question.title in said
        links = region.locator(".hb-quiz__why a")
        assert links.all_inner_texts() == list(question.cites)
        assert region.get_attribute("data-answered") == ("wrong" if wrong else "right")


def test_each_explanation_links_its_clauses(site_dir, serve, page, browser):
    base = serve(site_dir)
    page.goto(base + "induction/quiz/")
    targets = page.evaluate("""() => [...document.querySelectorAll('[data-hb-explanation] .hb-quiz__why a')]
        .map((a) => a.href)""")
    assert len(targets) == sum(len(question.cites) for question in QUESTIONS)
    # The anchors are in each page's HTML: opened without scripts, so that a dozen quick visits do not
    # each start a checker and an offline copy (under load, that crashed Chromium's renderer once)
    reader = browser.new_context(java_script_enabled=False)
    try:
        visit = reader.new_page()
        for target in sorted(set(targets)):
            address, anchor = target.split("#")
            response = visit.goto(address)
            assert response.ok, target
            assert visit.locator(f"#{anchor}").count() == 1, target
    finally:
        reader.close()


def test_the_quiz_keeps_nothing_in_storage_cookies_the_url_or_the_back_cache(site_dir, serve, page):
    base = serve(site_dir)
    page.add_init_script("addEventListener('pageshow', (e) => { window.hbRestored = e.persisted; });")
    page.goto(base + "induction/quiz/")
    wait_for(page, READY)

    def kept():
        return page.evaluate("""async () => ({url: location.href, local: Object.entries(localStorage),
            session: Object.entries(sessionStorage), cookies: document.cookie,
            databases: indexedDB.databases ? (await indexedDB.databases()).length : 0})""")

    before = kept()  # the theme may keep its own settings (Zensical does): they must not change
    for question in QUESTIONS[:3]:
        page.check(f"#hb-quiz-{question.number}-{question.right.lower()}")
        page.click(f"section[aria-labelledby='hb-quiz-{question.number}-heading'] button")
    assert page.locator("[data-hb-feedback][data-answered]").count() == 3
    after = kept()
    assert after == before
    assert after["url"] == base + "induction/quiz/" and after["cookies"] == "" and after["databases"] == 0
    assert "hb-quiz" not in json.dumps(after["local"] + after["session"])
    assert page.context.storage_state()["cookies"] == []
    page.goto(base + "induction/finish/")
    page.go_back(wait_until="commit")  # from the back/forward cache: no load event
    wait_for(page, "window.hbRestored !== undefined")
    # Whether Chromium restores the page from its back/forward cache or loads it again, nothing shows.
    left = page.evaluate("""() => ({
        ticked: document.querySelectorAll('.hb-quiz input:checked').length,
        said: [...document.querySelectorAll('[data-hb-feedback]')].map((r) => r.textContent).join(''),
        total: document.querySelector('[data-hb-total]').textContent})""")
    assert left == {"ticked": 0, "said": "", "total": "You have not checked any answers yet."}
    page.reload()
    wait_for(page, READY)
    assert page.locator(".hb-quiz input:checked").count() == 0


@pytest.mark.parametrize("address", ["induction/", "induction/consent/", "induction/quiz/",
                                     "induction/quiz-answers/", "induction/finish/"])
def test_the_path_pages_stay_on_the_site_and_pass_axe(site_dir, serve, page, axe, outside, address):
    base = serve(site_dir)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(base + address)
    if address == "induction/quiz/":  # with an answer showing, wrong, so both feedback styles are seen
        wait_for(page, READY)
        question = QUESTIONS[0]
        wrong = next(letter for letter, _ in question.choices if letter != question.right)
        page.check(f"#hb-quiz-1-{wrong.lower()}")
        page.click("section[aria-labelledby='hb-quiz-1-heading'] button")
        page.locator("[data-hb-feedback][data-answered]").wait_for()
    page.evaluate("window.scrollTo(0, 0)")  # settle: Material's back-to-top button fades while scrolling
    page.wait_for_timeout(300)
    violations = axe(page)
    assert violations == [], json.dumps(violations, indent=1)
    assert outside(page, base) == []
    assert errors == []  # no script or CSP error
    assert not any("pyodide" in url for url in page.seen)  # the quiz needs no Python runtime


def test_without_javascript_the_worksheet_links_its_answer_sheet_with_every_answer(site_dir, serve, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    base = serve(site_dir)
    page.goto(base + "induction/quiz/")
    assert page.locator("[data-hb-quiz-actions]:visible").count() == 0  # no button that could do nothing
    assert page.locator("[data-hb-quiz-move]:visible, [data-hb-quiz-total]:visible").count() == 0
    page.set_viewport_size({"width": 360, "height": 740})  # on a phone too, every situation is on the page
    assert page.locator(".hb-quiz__item:visible").count() == len(QUESTIONS)
    page.set_viewport_size({"width": 1280, "height": 720})
    assert page.locator(".hb-quiz input[type=radio]").count() == sum(len(q.choices) for q in QUESTIONS)
    page.locator("a", has_text="answer sheet").first.click()
    page.wait_for_load_state("load")
    sheet = " ".join(page.locator("article").inner_text().split())
    for question in QUESTIONS:
        assert f"Answer {question.right}: {question.right_text}" in sheet
        assert f"Our rules say: {question.title}" in sheet
    context.close()


def test_a_hostile_groups_words_show_as_written_in_the_quiz_and_pass_axe(hostile_site_dir, serve, page, axe):
    hostile = load_group(REPO / "tests" / "groups" / "hostile.yml")
    base = serve(hostile_site_dir)
    page.add_init_script("window.alert = () => { window.hbAlerted = true; };")  # the name holds <script>alert(1)
    page.goto(base + "induction/quiz/")
    wait_for(page, READY)
    police = next(q for q in quiz(FOLDERS, None, hostile.words()) if "police officer" in q.name)
    page.check(f"#hb-quiz-{police.number}-{police.right.lower()}")
    page.click(f"section[aria-labelledby='hb-quiz-{police.number}-heading'] button")
    said = page.locator(f"section[aria-labelledby='hb-quiz-{police.number}-heading'] [data-hb-feedback]").inner_text()
    assert f"Pass the request to the {hostile.person_with_authority}." in said
    assert page.evaluate("window.hbAlerted === undefined && !document.querySelector('article script')")
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    assert axe(page) == []
    page.goto(base + "induction/police/")
    assert hostile.person_with_authority in page.locator("article").inner_text()
    assert axe(page) == []


SHOWN = "[...document.querySelectorAll('.hb-quiz__item')].filter((s) => s.checkVisibility()).map((s) => s.id)"


def test_on_a_phone_one_situation_at_a_time_with_the_keyboard_then_a_total_linking_the_ones_missed(
        site_dir, serve, page, axe):
    base = serve(site_dir)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base + "induction/quiz/")
    wait_for(page, READY)
    assert page.evaluate(SHOWN) == ["hb-quiz-1"]
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 2500, height  # all of them on the page: over 7,000 px
    missed = {QUESTIONS[1].number, QUESTIONS[4].number}
    chosen = {}
    for question in QUESTIONS:
        name = f"hb-quiz-{question.number}"
        keyboard_to(page, f"f.name === '{name}'")
        letters = [letter for letter, _ in question.choices]
        wrong = next(letter for letter in letters if letter != question.right)
        # a missed one: wrong first, then right (only the first answer counts)
        for pick in ([wrong, question.right] if question.number in missed else [question.right]):
            page.keyboard.press("Shift+Tab") if page.evaluate(FOCUSED)["tag"] == "BUTTON" else None
            for _ in range((letters.index(pick) - letters.index(page.evaluate(FOCUSED)["value"])) % len(letters)):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
            keyboard_to(page, "f.tag === 'BUTTON' && f.text === 'Check my answer'", limit=3)
            page.keyboard.press("Enter")
        chosen[question.number] = pick
        last = question is QUESTIONS[-1]
        keyboard_to(page, f"f.tag === 'BUTTON' && f.text === '{'See your total' if last else 'Next situation'}'",
                    limit=30)
        page.keyboard.press("Enter")
        focused = page.evaluate(FOCUSED)
        assert focused["tag"] == "H2"  # a screen reader hears where it is
        assert focused["text"] == ("Your total" if last else f"Situation {question.number + 1} of {len(QUESTIONS)}")
        assert page.evaluate(SHOWN) == ["hb-quiz-total" if last else f"hb-quiz-{question.number + 1}"]
    total = page.locator("[data-hb-total]")
    assert total.locator("strong").inner_text() == f"You got {len(QUESTIONS) - 2} of {len(QUESTIONS)}."
    links = total.locator("a")
    assert links.all_inner_texts() == [f"Situation {q.number} of {len(QUESTIONS)}: {q.name}"
                                       for q in QUESTIONS if q.number in missed]
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    assert axe(page) == []
    links.nth(1).click()
    assert page.evaluate(SHOWN) == [f"hb-quiz-{QUESTIONS[4].number}"]
    assert page.evaluate(FOCUSED)["text"] == f"Situation {QUESTIONS[4].number} of {len(QUESTIONS)}"
    assert page.url == base + "induction/quiz/"  # which ones were missed never reaches the address
    assert axe(page) == []
    # No lost answers: wider (a turned phone, a desktop) every situation shows with its answer; narrower again, one.
    ticked = "[...document.querySelectorAll('.hb-quiz input:checked')].map((i) => i.value)"
    page.set_viewport_size({"width": 1280, "height": 800})
    assert len(page.evaluate(SHOWN)) == len(QUESTIONS) + 1
    assert page.evaluate(ticked) == [chosen[q.number] for q in QUESTIONS]
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate(SHOWN) == [f"hb-quiz-{QUESTIONS[4].number}"]
    page.emulate_media(media="print")  # on paper, every situation: a worksheet
    assert page.evaluate(SHOWN) == [f"hb-quiz-{q.number}" for q in QUESTIONS]
