"""Every page of the built site, in a real headless Chromium: nothing from elsewhere, no axe violations."""
from __future__ import annotations

import pytest

from conftest import outside_requests


def page_urls(site) -> list[str]:
    return sorted(str(p.relative_to(site).parent) + "/" for p in site.rglob("index.html")
                  if "assets" not in p.parts)


@pytest.mark.parametrize("which", ["example", "hostile"])
def test_every_page_loads_only_from_its_own_origin_with_no_axe_violations(which, site_dir, hostile_site_dir,
                                                                          serve, page, axe):
    site = site_dir if which == "example" else hostile_site_dir
    base = serve(site)
    problems = {}
    for path in page_urls(site):
        url = base + ("" if path == "./" else path)
        page.goto(url, wait_until="load")
        violations = axe(page)
        if violations:
            problems[path] = violations
    assert problems == {}
    assert outside_requests(page, base) == []
    assert len(page.seen) > len(page_urls(site))


def test_the_search_dialog_has_a_name_and_finds_a_clause(site_dir, serve, page):
    page.goto(serve(site_dir), wait_until="load")
    assert page.get_attribute('[data-md-component="search"]', "aria-label") == "Search the handbook"
    page.keyboard.press("/")
    page.keyboard.type("police")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert "police" in page.inner_text(".md-search-result__list").lower()
