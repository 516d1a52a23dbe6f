"""The pages' Content-Security-Policy allows no inline style (MkDocs and Material) and nothing breaks it:
no page carries one, and in Chromium no action (search, scrolling, a checker's answer, the menu) is refused."""
from __future__ import annotations

import re

import pytest

from handbook.site.build import generator_module

from helpers.chromium import wait_for

pytestmark = pytest.mark.every_generator  # what this file tests differs between generators

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
WATCH = ("window.__violations = []; document.addEventListener('securitypolicyviolation', (event) => "
         "window.__violations.push([event.violatedDirective, event.sourceFile + ':' + event.lineNumber]));")


def test_no_page_has_an_inline_style_and_the_policy_allows_none(site_dir, generator):
    inline = generator_module(generator).INLINE_STYLES
    for page in site_dir.rglob("*.html"):
        raw = page.read_text(encoding="utf-8")
        style = [part for part in POLICY.search(raw).group(1).split("; ") if part.startswith("style-src")]
        assert style == ["style-src 'self' 'unsafe-inline'" if inline else "style-src 'self'"], page
        assert not re.search(r"<style[\s>]|\sstyle=\"", raw), f"{page} has an inline style"


@pytest.mark.parametrize("path", ["", "can-i-share/", "changes/", "about/performance/"])
def test_nothing_the_pages_do_is_refused_by_their_policy(site_dir, serve, page, path):
    page.add_init_script(WATCH)
    page.goto(serve(site_dir) + path)
    if path == "":  # the search dialog, then the header and back-to-top button as the page scrolls
        page.keyboard.press("/")
        page.keyboard.type("police")
        page.wait_for_timeout(800)
        page.keyboard.press("Escape")
        page.mouse.wheel(0, 2000)
        page.mouse.wheel(0, -1500)
    if path == "can-i-share/":
        wait_for(page, "document.querySelector('[data-hb-status]').hidden")
        page.evaluate("""() => { for (const fieldset of document.querySelectorAll('fieldset[data-question]')) {
            const first = fieldset.querySelector('input[type=radio]');
            if (fieldset.hidden || !first) continue;
            first.checked = true; first.dispatchEvent(new Event('change', {bubbles: true})); } }""")
        page.click("form[data-checker] button[type=submit]")
        wait_for(page, "document.querySelector('[data-hb-answer]').dataset.decision")
    page.set_viewport_size({"width": 380, "height": 800})  # the menu of a phone
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(500)
    assert page.evaluate("window.__violations") == []
