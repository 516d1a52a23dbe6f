"""Every page of the built site, in a real headless Chromium: nothing from elsewhere, no axe violations."""
from __future__ import annotations

import re

import pytest

from helpers.chromium import outside_requests, wait_for


def page_urls(site) -> list[str]:
    """Every page but the inner pages of the routes to an answer: thousands, made from two kinds of page
    (tests/site/test_route_site.py puts a question page and an answer page to axe). Their first pages stay."""
    return sorted(str(p.relative_to(site).parent) + "/" for p in site.rglob("index.html")
                  if "assets" not in p.parts and p.relative_to(site).parts[:1] != ("all-answers",)
                  or len(p.relative_to(site).parts) <= 3)


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


@pytest.mark.every_generator
def test_the_search_dialog_has_a_name_and_finds_a_clause(site_dir, serve, page):
    page.goto(serve(site_dir), wait_until="load")
    assert page.get_attribute('[data-md-component="search"]', "aria-label") in ("Search the handbook", "Search")
    if page.query_selector(".md-search__button"):  # Zensical: a button opens its search (in a shadow root)
        page.click(".md-search__button")
    else:
        page.keyboard.press("/")
    page.keyboard.type("police")
    results = wait_for(page, """() => {
        const material = document.querySelector(".md-search-result__list");
        if (material && material.textContent.trim()) return material.textContent;
        const shadow = [...document.querySelectorAll("*")].find((e) => e.shadowRoot);
        const found = shadow ? shadow.shadowRoot.textContent : "";
        return /police/i.test(found.split("Filters")[0]) ? found : null;  // its results come before its filters
    }""", timeout=10)
    assert "police" in results.lower()


def test_the_404_page_links_relatively_and_works_under_a_sub_path(site_dir, serve, page):
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    assert re.findall(r'(?:href|src)="/[^"]*"', html) == []  # neither "/assets" nor "//assets" (another host)
    base = serve(site_dir, "1.0/")
    page.goto(base + "404.html", wait_until="load")
    sheets = page.evaluate("[...document.styleSheets].map((sheet) => sheet.href || '')")
    assert any(sheet.startswith(base + "assets/stylesheets/main.") for sheet in sheets)
    assert page.evaluate("typeof __md_get") == "function"  # the theme's script ran, allowed by the page's policy
    assert outside_requests(page, base) == []
