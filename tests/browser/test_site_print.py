"""Printing the handbook's pages, in real headless Chromium (`page.pdf()`, A4) and read back with pypdf:
a policy page prints its words, clause numbers and In short box, not the checker or the navigation;
the checker's "Print" gives the answer and its decision record on one page; no page ends with a heading;
a route's answer page prints what it folds on screen.

Uses the shared fixtures (tests/helpers/sites.py and chromium.py): `site_dir` (built with each generator), `serve`, `page`, `browser`.
"""
from __future__ import annotations

import io
import unicodedata

import pypdf
import pytest

from helpers.chromium import wait_for

CHECKER_ON_SCREEN = ["Can I share this?", "Whose information is it?", "Who wants it?", "Start again",
                     "Getting the checker ready", "The police are asking: check what to do"]
# Pages a volunteer prints: the policy pages, and the pages of the induction.
PRINTED = ["policy/police/", "policy/introduction/", "policy/information-sharing/",
           "policy/exceptional-circumstances/", "policy/breaking-confidentiality/", "induction/"]


def flat(text: str) -> str:
    """Text as read from a PDF, comparable: ligatures undone (ﬁ is fi), white space collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def last_line(sheet: pypdf.PageObject) -> str:
    """The lowest line of text on a printed page, by where it sits (the reading order can differ)."""
    parts: list[tuple[float, str]] = []

    def seen(text, cm, tm, font, size) -> None:
        if text.strip():
            parts.append((cm[1] * tm[4] + cm[3] * tm[5] + cm[5], text))  # its height on the page

    sheet.extract_text(visitor_text=seen)
    lowest = min(y for y, _ in parts)
    return flat(" ".join(text for y, text in parts if y < lowest + 2))


def printed(page) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))


def test_a_policy_page_prints_its_text_not_the_checker_or_the_navigation(site_dir, serve, page):
    page.goto(serve(site_dir) + "policy/police/")
    navigation = page.evaluate("""() => {
        const article = document.querySelector("article").innerText;
        return [...document.querySelectorAll(".md-sidebar--primary .md-nav__link")]
            .map((link) => link.textContent.trim()).filter((text) => text && !article.includes(text));
    }""")
    assert len(navigation) > 5  # the other pages' titles, in the navigation on screen
    reader = printed(page)
    text = flat("\n".join(p.extract_text() for p in reader.pages))
    assert len(reader.pages) == 1
    for words in ["In short", "8. The police", "Where the police approach",
                  "If the police ask you for information, do not give any."]:
        assert words in text
    for words in CHECKER_ON_SCREEN + navigation + ["Search"]:
        assert flat(words) not in text, f"the printed page shows {words!r}"
    page.emulate_media(media="print")
    controls = page.evaluate("""() => [...document.querySelectorAll("input, button, select, textarea")]
        .filter((control) => control.getClientRects().length).map((control) => control.outerHTML.slice(0, 80))""")
    assert controls == []
    page.emulate_media(media="screen")  # on screen the checker is all there
    assert page.locator('form[data-checker="sharing"] button[type=submit]').is_visible()


def test_print_gives_the_answer_and_its_decision_record_on_one_page(site_dir, serve, page):
    page.goto(serve(site_dir) + "policy/police/")
    form = 'form[data-checker="sharing"]'
    page.evaluate("""(form) => {  // the first option of each question, as routing reveals them
        for (const fieldset of document.querySelectorAll(`${form} fieldset[data-question]`)) {
          const first = fieldset.querySelector("input[type=radio]");
          if (fieldset.hidden || !first || fieldset.querySelector("input:checked")) continue;
          first.checked = true;
          first.dispatchEvent(new Event("change", {bubbles: true}));
        }
    }""", form)
    page.click(f"{form} button[type=submit]")
    wait_for(page, "(form) => document.querySelector(`${form} [data-hb-answer]`).dataset.decision", form)
    record = page.inner_text(f"{form} [data-hb-record]")
    page.evaluate("window.print = () => {}")  # the browser's print dialog; the page's own part is tested
    page.click(f"{form} [data-hb-print]")
    reader = printed(page)
    assert len(reader.pages) == 1
    text = flat(reader.pages[0].extract_text())
    for line in record.splitlines():
        assert flat(line) in text
    for words in ["Who wants it?", "In short", "Copy", "Print", "This page does not keep it"]:
        assert words not in text
    page.evaluate("dispatchEvent(new Event('afterprint'))")  # printed: the page is as it was
    assert page.evaluate("document.querySelectorAll('.hb-printing, .hb-printing-this').length") == 0


@pytest.mark.parametrize("path", PRINTED)
def test_no_printed_page_ends_with_a_heading(site_dir, serve, page, path):
    page.goto(serve(site_dir) + path)
    page.emulate_media(media="print")
    headings = page.evaluate("""() => [...document.querySelectorAll("article :is(h1, h2, h3, h4, .admonition-title)")]
        .filter((heading) => heading.getClientRects().length).map((heading) => heading.innerText.trim())""")
    reader = printed(page)
    for number, sheet in enumerate(reader.pages[:-1], start=1):
        end = last_line(sheet)
        alone = [heading for heading in headings if end.endswith(flat(heading))]
        assert not alone, f"{path}: printed page {number} ends with the heading {alone[0]!r}"


@pytest.mark.every_generator
def test_a_route_answer_page_prints_what_it_folds_on_screen(site_dir, serve, browser):
    """Without JavaScript (the route's readers), what each later option adds is closed on screen, open on paper."""
    answer = max((site_dir / "all-answers" / "sharing").glob("*/index.html"), key=lambda p: p.stat().st_size)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(serve(site_dir) + answer.parent.relative_to(site_dir).as_posix() + "/")
        folded = page.locator("details.hb-route-also > p").first
        assert not folded.is_visible()
        text = flat("\n".join(sheet.extract_text() for sheet in printed(page).pages))
        assert flat(folded.text_content()) in text
    finally:
        context.close()
