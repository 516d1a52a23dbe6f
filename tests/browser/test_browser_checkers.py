"""The checkers in the page, in real headless Chromium: same answers as CPython, keyboard only,
private, accessible, failing gracefully, and working under a sub-path.

Uses the shared fixtures (tests/helpers/sites.py and chromium.py): `site_dir`, `serve`, `browser`, `page`, `axe`, `outside`.
Nothing is skipped: a missing runtime fails the build with the message saying what to run.
"""
from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path

import pytest

import checkers

from helpers.chromium import wait_for

from helpers.checker_page import (FULL_CHECKERS, answer_on_screen, enter, every_scenario_matches_cpython,
                                  runtime_answers, site_settings, without_first_answers)


# The pages with a checker, and which one (docs/; the police page presets "requester: police").
CHECKER_PAGES = {
    "someone-told-me/": "concern",
    "can-i-share/": "sharing",
    "something-went-wrong/": "breach",
    "policy/police/": "sharing",
    "policy/breaking-confidentiality/": "breach",
}
READING_PAGES = ["", "policy/", "policy/introduction/"]
ANSWER = "[data-hb-answer]"

if os.environ.get("HANDBOOK_TEST_SITE"):  # test a site built elsewhere instead of building one
    @pytest.fixture(scope="session")
    def site_dir() -> Path:
        return Path(os.environ["HANDBOOK_TEST_SITE"])




def choose_first_options(page, form: str) -> None:
    """Answer with the first option of each question, in order, as routing reveals them (a multi-choice
    question only where it needs a box ticked)."""
    page.evaluate("""(form) => {  // the first option of each question, in order, as routing reveals them
        for (const fieldset of document.querySelectorAll(`${form} fieldset[data-question]`)) {
          // a radio question, or a multi-choice one that needs a box ticked ("who may be at risk")
          const first = fieldset.querySelector(fieldset.hasAttribute("data-required") ? "input" : "input[type=radio]");
          if (fieldset.hidden || !first || fieldset.querySelector("input:checked")) continue;
          first.checked = true;
          first.dispatchEvent(new Event("change", {bubbles: true}));
        }
    }""", form)


@pytest.mark.every_generator  # the theme's scripts and markup differ
def test_every_scenario_gives_the_same_answer_in_the_page_as_in_cpython(site_dir, serve, page):
    assert every_scenario_matches_cpython(page, serve(site_dir), site_settings(site_dir)) >= 10


@pytest.mark.every_generator  # the theme's scripts and markup differ
def test_keyboard_only_reaches_an_answer_and_start_again(site_dir, serve, page):
    page.goto(serve(site_dir) + "can-i-share/")
    form = 'form[data-checker="sharing"]'
    for _ in range(400):  # Tab through the page; choose the first option of each question
        page.keyboard.press("Tab")
        focused = page.evaluate("""(() => {
            const el = document.activeElement;
            return {tag: el.tagName, type: el.type || "", name: el.name || "", text: el.textContent.trim(),
                    inForm: !!el.closest("form.hb-checker__form"),
                    groupChosen: el.type === "radio" && !!document.querySelector(`input[name="${el.name}"]:checked`)};
        })()""")
        if not focused["inForm"]:
            continue
        if focused["type"] == "radio" and not focused["groupChosen"]:
            page.keyboard.press("Space")
        elif focused["tag"] == "BUTTON" and focused["text"] == "Check":
            page.keyboard.press("Enter")
            break
    else:
        raise AssertionError("Tab never reached the Check button")
    shown = answer_on_screen(page, form)
    assert "decision" in shown, shown
    live = page.locator(f"{form} {ANSWER}")
    assert live.get_attribute("aria-live") == "polite"
    assert shown["title"] in live.inner_text()
    page.keyboard.press("Tab")  # from Check to Start again
    assert page.evaluate("document.activeElement.textContent.trim()") == "Start again"
    page.keyboard.press("Enter")
    assert page.evaluate("(form) => document.querySelector(`${form} [data-hb-answer]`).dataset.decision", form) is None
    assert page.evaluate("(form) => document.querySelectorAll(`${form} input:checked`).length", form) == 0
    assert page.evaluate("document.activeElement.name") == "about"


@pytest.mark.every_generator
@pytest.mark.parametrize("path", sorted(CHECKER_PAGES))
def test_checker_pages_stay_on_the_site_and_pass_axe(site_dir, serve, page, axe, outside, path):
    base = serve(site_dir)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(base + path)
    checker_id = CHECKER_PAGES[path]
    form = f'form[data-checker="{checker_id}"]'
    choose_first_options(page, form)
    page.click(f"{form} button[type=submit]")
    assert "decision" in answer_on_screen(page, form)
    assert outside(page, base) == []
    page.evaluate("window.scrollTo(0, 0)")  # settle: Material's back-to-top button fades while scrolling
    page.wait_for_timeout(500)
    violations = axe(page)
    assert violations == [], json.dumps(violations, indent=1)
    assert errors == []  # no script or CSP error


def test_police_page_opens_with_the_police_chosen(site_dir, serve, page):
    page.goto(serve(site_dir) + "policy/police/")
    assert page.locator('form[data-checker="sharing"] input[name="requester"][value="police"]').is_checked()


def test_answers_leave_no_trace_in_storage_or_the_url(site_dir, serve, page):
    base = serve(site_dir)
    page.goto(base + "can-i-share/")
    wait_for(page, "document.querySelector('[data-hb-status]').hidden")

    def traces():
        return page.evaluate("""async () => ({
            url: location.href,
            local: Object.entries(localStorage), session: Object.entries(sessionStorage),
            cookies: document.cookie,
            databases: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
        })""")

    before = traces()
    answers = {"about": "service_user", "requester": "public", "information": "contact_details",
               "consent": "verbal", "circumstances": ["risk_of_harm"]}
    enter(page, 'form[data-checker="sharing"]', answers)
    assert "decision" in answer_on_screen(page, 'form[data-checker="sharing"]')
    after = traces()
    assert after == before
    assert after["url"] == base + "can-i-share/"
    assert after["cookies"] == "" and after["databases"] == []
    written = json.dumps(after["local"] + after["session"])
    for value in ("service_user", "contact_details", "verbal", "risk_of_harm"):
        assert value not in written
    state = page.context.storage_state()
    assert state["cookies"] == []


@pytest.mark.every_generator  # the theme's scripts and markup differ
def test_back_after_leaving_shows_nothing_of_the_last_readers_answers(site_dir, serve, page):
    """A shared computer: answer, leave, press Back. The back/forward cache is on (Chromium's default)
    and is really used (pageshow.persisted), yet nothing is ticked and no answer or record shows."""
    base = serve(site_dir)
    page.add_init_script("addEventListener('pageshow', (e) => { window.hbRestored = e.persisted; });")
    page.goto(base + "can-i-share/")
    form = 'form[data-checker="sharing"]'
    answers = {"about": "service_user", "requester": "public", "information": "contact_details",
               "consent": "verbal", "circumstances": ["risk_of_harm"]}
    enter(page, form, answers)
    assert "decision" in answer_on_screen(page, form)
    runtime_answers(page, form)  # a page still downloading its runtime is not kept in the back/forward cache
    page.goto(base + "policy/")
    page.go_back(wait_until="commit")  # a page from the back/forward cache fires no load event
    wait_for(page, "window.hbRestored !== undefined")
    left = page.evaluate("""(form) => {
        const root = document.querySelector(form);
        const box = root.querySelector('[data-hb-answer]');
        return {restored: window.hbRestored, ticked: [...root.querySelectorAll('input:checked')].map((i) => i.value),
                answer: box.textContent.trim(), decision: box.dataset.decision || null,
                problems: root.querySelector('[data-hb-problems]').hidden};
    }""", form)
    assert left == {"restored": True, "ticked": [], "answer": "", "decision": None, "problems": True}


def test_a_reload_does_not_bring_answers_back(site_dir, serve, page):
    """With the back/forward cache out of the way (a reload), the browser's form restoration is off too."""
    base = serve(site_dir)
    page.goto(base + "can-i-share/")
    form = 'form[data-checker="sharing"]'
    enter(page, form, {"about": "worker", "requester": "police", "information": "contact_details",
                       "circumstances": []})
    assert "decision" in answer_on_screen(page, form)
    page.reload()
    wait_for(page, "document.readyState === 'complete'")
    assert page.evaluate(f"document.querySelectorAll('{form} input:checked').length") == 0


def test_blocked_webassembly_shows_the_failure_and_the_route_to_the_answer(site_dir, serve, page):
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    base = serve(site_dir)
    page.goto(base + "can-i-share/")
    failed = page.locator("[data-hb-failed]")
    failed.wait_for(state="visible", timeout=60000)
    assert "cannot run in this browser" in failed.inner_text()
    link = failed.locator("a")
    assert link.inner_text() == "one question at a time"
    response = page.goto(link.evaluate("a => a.href"))
    assert response.ok, f"the route's first question is missing: {response.url}"


def test_without_javascript_the_form_links_to_the_route_to_the_answer(site_dir, serve, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        base = serve(site_dir)
        page.goto(base + "can-i-share/")
        notice = page.locator(".hb-checker__notice")
        assert notice.is_visible()
        assert notice.locator("a").get_attribute("href") == "../all-answers/sharing/"
        assert not page.locator("[data-hb-actions]").is_visible()
        assert page.locator('input[name="requester"][value="police"]').is_visible()  # readable and usable
    finally:
        context.close()


@pytest.mark.every_generator  # the theme's scripts and markup differ
def test_works_under_a_sub_path(site_dir, serve, page):
    base = serve(site_dir, prefix="1.0/")
    page.goto(base + "can-i-share/")
    enter(page, 'form[data-checker="sharing"]', {"about": "worker", "requester": "police",
                                                 "information": "contact_details", "circumstances": []})
    assert "decision" in answer_on_screen(page, 'form[data-checker="sharing"]')
    assert all(url.startswith(base) for url in page.seen), [u for u in page.seen if not u.startswith(base)]


@pytest.mark.parametrize("path", READING_PAGES)
def test_reading_pages_load_no_checker_runtime(site_dir, serve, page, path):
    page.goto(serve(site_dir) + path, wait_until="networkidle")
    loaded = [url for url in page.seen if "/assets/pyodide/" in url or "/assets/checkers/" in url]
    assert loaded == []


def test_progress_shows_while_the_runtime_loads_and_answers_follow(site_dir, serve, page):
    held = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    without_first_answers(page)  # so that only the runtime can answer
    page.goto(serve(site_dir) + "can-i-share/")
    status = page.locator('form[data-checker="sharing"] [data-hb-status]')
    status.wait_for(state="visible")
    assert "Getting the checker ready..." in status.inner_text()
    form = 'form[data-checker="sharing"]'
    enter(page, form, {"about": "worker", "requester": "police", "information": "case_details",
                       "circumstances": ["urgent_medical", "terrorism", "safeguarding"]})
    wait_for(page, "() => true")
    assert page.evaluate("(form) => document.querySelector(`${form} [data-hb-answer]`).dataset.decision", form) is None
    deadline = time.monotonic() + 30
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    for route in held:  # let the runtime through: the answer to the waiting question appears
        route.continue_()
    page.unroute("**/pyodide.asm.wasm")
    assert "decision" in answer_on_screen(page, form)
    assert not status.is_visible()


def test_a_module_missing_from_the_trimmed_stdlib_comes_from_the_full_one(site_dir, serve, page):
    def add_import(route):
        bundle = route.fetch().json()
        bundle["bridge"] = "import fractions\n" + bundle["bridge"]
        route.fulfill(json=bundle)

    page.route("**/assets/checkers/bundle.json", add_import)
    page.goto(serve(site_dir) + "can-i-share/")
    form = 'form[data-checker="sharing"]'
    enter(page, form, {"about": "worker", "requester": "police", "information": "case_details", "circumstances": []})
    runtime_answers(page, form)  # the build's data may answer first
    assert any(url.endswith("/assets/pyodide/python_stdlib-full.zip") for url in page.seen)


def test_copy_puts_the_decision_record_on_the_clipboard(site_dir, serve, browser):
    base = serve(site_dir)
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    before = date.today()
    try:
        page.goto(base + "something-went-wrong/")
        form = 'form[data-checker="breach"]'
        choose_first_options(page, form)
        page.click(f"{form} button[type=submit]")
        shown = answer_on_screen(page, form)
        page.click(f"{form} [data-hb-copy]")
        wait_for(page, "(form) => document.querySelector(`${form} [data-hb-copied]`).textContent", form)
        copied = page.evaluate("navigator.clipboard.readText()")
        assert f"Answer: {shown['title']}" in copied and "Why: clause" in copied
        days = {f"{day.day} {day:%B %Y}" for day in (before, date.today())}  # a run across midnight
        assert copied.splitlines()[0] in {f"Date: {day}" for day in days}
        assert page.locator(f"{form} [data-hb-print]").is_visible()
    finally:
        context.close()


def test_after_check_the_answer_follows_each_change(site_dir, serve, page):
    page.goto(serve(site_dir) + "something-went-wrong/")
    form = 'form[data-checker="breach"]'
    enter(page, form, {"who": "me", "reason": "none", "what_happened": "near_miss"})
    first = answer_on_screen(page, form)
    assert "decision" in first
    page.check(f'{form} input[name="what_happened"][value="sent_to_wrong_person"]')  # reveals new questions
    assert page.locator(f"{form} [data-hb-answer]").inner_text() == (
        "There is a new question above. Answer it to see what to do.")
    assert page.locator(f'{form} fieldset[data-question="personal_data"]').is_visible()
    page.check(f'{form} input[name="personal_data"][value="no"]')
    second = answer_on_screen(page, form)  # no second "Check" needed
    assert "decision" in second and second != first


@pytest.mark.parametrize("checker_id, answers", [
    ("breach", {"who": "me", "reason": "none", "what_happened": "sent_to_wrong_person", "personal_data": "yes",
                "data": ["health_or_sensitive"], "vulnerable": "yes", "contained": "no"}),
    ("concern", {"who_at_risk": "child", "danger": "ongoing", "asked_to_keep_secret": "yes", "about_a_worker": "no"}),
    ("sharing", {"about": "service_user", "requester": "emergency_services", "information": "case_details",
                 "circumstances": ["risk_of_harm"]}),
])
def test_an_answer_on_screen_shows_its_urgency_and_reasons_and_passes_axe(site_dir, serve, page, axe, checker_id,
                                                                          answers):
    page.goto(serve(site_dir) + FULL_CHECKERS[checker_id])
    form = f'form[data-checker="{checker_id}"]'
    enter(page, form, answers)
    shown = answer_on_screen(page, form)
    expected = checkers.CHECKERS[checker_id].decide(answers, group=site_settings(site_dir)["group"])
    assert (shown["decision"], shown["urgency"]) == (expected.decision, expected.urgency)
    if checker_id == "breach":
        assert shown["assessment"].startswith("High") and page.locator(f"{form} [data-hb-assessment]").is_visible()
    wait_for(page, "!document.querySelector('.md-top') || !document.querySelector('.md-top').offsetParent")
    assert axe(page) == []


def test_where_the_checker_cannot_run_the_page_says_where_the_answers_are(site_dir, serve, page):
    """Opened from a file (no web address), browsers run no module script: the page says so itself."""
    page.goto((site_dir / "can-i-share" / "index.html").as_uri())
    fallback = page.locator('form[data-checker="sharing"] [data-hb-fallback]')
    assert fallback.is_visible() and "one question at a time" in fallback.inner_text()
    page.goto(serve(site_dir) + "can-i-share/")
    wait_for(page, "document.querySelector('.hb-checker').classList.contains('hb-js')")
    assert not page.locator('form[data-checker="sharing"] [data-hb-fallback]').is_visible()
