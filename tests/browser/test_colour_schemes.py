"""Light and dark, as the reader's device is set: in real Chromium with prefers-color-scheme light, then dark,
the theme's pages (a checker with its answer, the quiz with its feedback), the route's lean pages and the
offline 404 page follow, the group's colour stays on the header behind white, and axe finds nothing in either."""
from __future__ import annotations

import json

import pytest

from handbook.group.brand import AA, DARK_BACKGROUND, contrast, on_dark

from helpers.chromium import wait_for
from helpers.checker_page import answer_on_screen, enter

COLOUR = "#00564d"  # the example group sets none: the handbook's own
ANSWERS = {"about": "service_user", "requester": "police", "information": "contact_details", "circumstances": []}
BACKGROUND = "getComputedStyle(document.body).backgroundColor"
RGB = {"light": "rgb(255, 255, 255)", "dark": "rgb(30, 33, 41)"}  # Material's slate: hsl(225 15% 14%)


def hex_of(rgb: str) -> str:
    return "#" + "".join(f"{int(part):02x}" for part in rgb[rgb.index("(") + 1:-1].split(",")[:3])


def test_the_dark_tint_of_a_colour_passes_against_the_dark_backgrounds():
    for colour in (COLOUR, "#0b5394", "#000000", "#8a1c4a", "#595959"):
        tint = on_dark(colour)
        assert contrast(tint, DARK_BACKGROUND) >= AA and contrast(tint, "#1e2129") >= AA, colour
    assert on_dark("#ffffff") == "#ffffff"


@pytest.mark.every_generator
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_follow_the_devices_colour_scheme_with_no_axe_violations(site_dir, serve, browser, axe, scheme):
    base = serve(site_dir)
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems = {}
    try:
        answer = next(site_dir.glob("all-answers/sharing/*/index.html")).parent.relative_to(site_dir).as_posix()
        for path in ("", "can-i-share/", "induction/quiz/", "all-answers/sharing/", f"{answer}/"):
            page.goto(base + path, wait_until="load")
            lean = path.startswith("all-answers/sharing/")
            if not lean:  # the theme sets the scheme from the device's setting when its script runs
                wait_for(page, f"document.body.dataset.mdColorScheme === '{'slate' if scheme == 'dark' else 'default'}'")
                header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
            else:
                header = page.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor")
            assert hex_of(header) == COLOUR, path  # the group's colour, behind white, in both
            assert page.evaluate(BACKGROUND) == RGB[scheme], path
            link = page.evaluate("getComputedStyle(document.querySelector('article p > a:not([class])')).color")
            assert hex_of(link) == (COLOUR if scheme == "light" else on_dark(COLOUR)), path
            if path == "can-i-share/":
                enter(page, 'form[data-checker="sharing"]', ANSWERS)
                assert answer_on_screen(page, 'form[data-checker="sharing"]')["decision"]
            if path == "induction/quiz/":
                wait_for(page, "!!document.querySelector('[data-hb-quiz-actions]:not([hidden])')")
                page.check("#hb-quiz-1-a")
                page.click("section[aria-labelledby='hb-quiz-1-heading'] button")
                page.locator("[data-hb-feedback][data-answered]").wait_for()
            page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(300)
            violations = axe(page)
            if violations:
                problems[path] = violations
    finally:
        context.close()
    assert problems == {}, json.dumps(problems, indent=1)
