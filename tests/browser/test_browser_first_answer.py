"""The first answer in Chromium: Check answers from the build's data before the runtime is ready (or
when it cannot load), exactly as decide() does; and a reader who ticks answers before the page's script
has set up the form keeps them and sees the next question (a throttled phone)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import checkers

from helpers.chromium import wait_for
from helpers.checker_page import answer_on_screen, enter, site_settings

if os.environ.get("HANDBOOK_TEST_SITE"):  # test a site built elsewhere instead of building one
    @pytest.fixture(scope="session")
    def site_dir() -> Path:
        return Path(os.environ["HANDBOOK_TEST_SITE"])

SCENARIOS = [  # (page, checker, answers): the build's data holds every answer set; these test its parts
    ("can-i-share/", "sharing", {"about": "service_user", "requester": "public", "information": "contact_details",
                                 "consent": "not_asked", "circumstances": []}),
    ("can-i-share/", "sharing", {"about": "service_user", "requester": "police", "information": "case_details",
                                 "identity": "confirmed", "circumstances": ["risk_of_harm", "safeguarding"]}),
    # every box of a multi-choice question ticked, and words filled in from the answers ({what}, the record)
    ("can-i-share/", "sharing", {"about": "worker", "requester": "court", "information": "case_file",
                                 "circumstances": ["urgent_medical", "risk_of_harm", "child_or_vulnerable_adult_at_risk",
                                                   "safeguarding", "drug_dealing", "terrorism", "court_required"]}),
    ("something-went-wrong/", "breach", {"who": "me", "reason": "none", "what_happened": "sent_to_wrong_person",
                                         "danger": "no", "personal_data": "yes", "contained": "no",
                                         "data": ["health_or_sensitive"]}),
    # every fact answered, several kinds ticked: the assessment, then the answer, then the words
    ("something-went-wrong/", "breach", {"who": "someone_else", "reason": "not_sure", "what_happened": "records_lost_or_seen",
                                         "danger": "not_sure", "personal_data": "yes", "contained": "not_sure",
                                         "data": ["contact_details", "money_or_id", "names_only"], "people": "very_many",
                                         "vulnerable": "no", "risk": "likely"}),
    ("someone-told-me/", "concern", {"who_at_risk": ["child", "adult"], "danger": "ongoing",
                                     "asked_to_keep_secret": "yes", "about_a_worker": "no"}),
]


def shown_from_build(page, form: str) -> dict:
    return page.evaluate("""(form) => {
        const box = document.querySelector(`${form} [data-hb-answer]`);
        return {source: box.dataset.source, steps: [...box.querySelectorAll("[data-hb-steps] li")].map((li) => li.textContent),
                record: box.querySelector("[data-hb-record]").textContent};
    }""", form)


@pytest.mark.parametrize("blocked", ["loading", "failed"])
def test_check_answers_from_the_build_before_the_runtime_is_ready(site_dir, serve, browser, blocked):
    """The runtime never arrives (its requests hang) or fails (they are refused): Check still answers,
    with decide()'s decision, urgency, clauses, title, steps and record, and asks the site for no file
    named after the answers. (No service worker: its offline copy would bring the runtime past the block.)"""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.seen = []
    page.on("request", lambda request: page.seen.append(request.url))
    try:
        first_answers_while_blocked(site_dir, serve, page, blocked)
    finally:
        context.close()


def first_answers_while_blocked(site_dir, serve, page, blocked):
    stalled = []
    page.route("**/assets/pyodide/**", (lambda route: stalled.append(route)) if blocked == "loading"
               else (lambda route: route.abort()))
    settings = site_settings(site_dir)
    base = serve(site_dir)
    for path, checker_id, answers in SCENARIOS:
        page.goto(base + path)
        form = f'form[data-checker="{checker_id}"]'
        wait_for(page, f"document.querySelector('{form}').closest('.hb-checker').classList.contains('hb-js')")
        if blocked == "failed":
            page.locator(f"{form} [data-hb-failed]").wait_for(state="visible", timeout=60000)
        asked = len(page.seen)
        enter(page, form, answers)
        shown = answer_on_screen(page, form)
        expected = checkers.CHECKERS[checker_id].decide(answers, group=settings["group"], version=settings["version"])
        assert (shown["decision"], shown["urgency"], shown["cites"], shown["title"], shown["assessment"]) == (
            expected.decision, expected.urgency, list(expected.cites), expected.title, expected.assessment)
        more = shown_from_build(page, form)
        assert more["source"] == "build"
        assert more["steps"] == list(expected.steps)
        assert all(line in more["record"] for line in expected.record), (more["record"], expected.record)
        for url in page.seen[asked:]:  # the page's own files loading meanwhile, never one named after answers
            assert "?" not in url and (site_dir / url[len(base):]).is_file(), url
    if blocked == "loading":
        assert stalled, "the runtime was asked for, and never came"
        assert page.evaluate("document.querySelector('[data-hb-loading]').hidden") is False


def test_ticks_made_before_the_script_sets_up_the_form_are_kept(site_dir, serve, page):
    """A phone on slow 4G with a CPU 6 times slower: the reader ticks as soon as the questions show, before
    the page's script has set up the form. Their ticks stay, and the question that follows appears."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150,
                                                  "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 6})
    page.goto(serve(site_dir) + "can-i-share/", wait_until="commit")
    form = 'form[data-checker="sharing"]'
    early = wait_for(page, """(form) => {
        const root = document.querySelector(form);
        if (!root || !root.querySelector('input[name="information"]')) return null;
        const ready = root.closest('.hb-checker').classList.contains('hb-js');
        for (const [name, value] of [["about", "service_user"], ["requester", "public"], ["information", "contact_details"]]) {
          root.querySelector(`input[name="${name}"][value="${value}"]`).click();
        }
        return {before: !ready};
    }""", form, timeout=120)
    assert early["before"], "the script set up the form before the questions could be answered: no window to test"
    wait_for(page, f"document.querySelector('{form}').closest('.hb-checker').classList.contains('hb-js')", timeout=120)
    kept = page.evaluate("""(form) => {
        const root = document.querySelector(form);
        return {ticked: [...root.querySelectorAll('input:checked')].map((i) => `${i.name}=${i.value}`),
                consent: !root.querySelector('fieldset[data-question="consent"]').hidden};
    }""", form)
    assert kept == {"ticked": ["about=service_user", "requester=public", "information=contact_details"], "consent": True}
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1,
                                                  "uploadThroughput": -1})
    page.click(f'{form} input[name="consent"][value="not_asked"]')
    page.click(f"{form} button[type=submit]")
    assert answer_on_screen(page, form)["decision"] == checkers.CHECKERS["sharing"].decide(
        {"about": "service_user", "requester": "public", "information": "contact_details", "consent": "not_asked",
         "circumstances": []}).decision
