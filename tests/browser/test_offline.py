"""Offline after one visit, never silently stale: in real Chromium, the network off, a new build announced.

The service worker keeps this build's files (pages, forms, the checkers' runtime and memory snapshot)
and nothing else: no answer is ever in Cache Storage.
"""
from __future__ import annotations

import json
import shutil
import time

from handbook.site.build import build as build_site

from helpers import REPO
from helpers.chromium import wait_for
from helpers.checker_page import answer_on_screen, enter
from helpers.checker_page import ANSWERS, cached_urls, precached, visit_once, without_first_answers

def test_after_one_visit_the_handbook_and_its_checker_work_with_the_network_off(site_dir, serve, page):
    base = serve(site_dir)
    visit_once(page, base, site_dir)
    page.context.set_offline(True)
    for path, text in (("", "Confidentiality Handbook"), ("policy/police/", "The police"),
                       ("can-i-share/", "Can I share this?")):
        page.goto(base + path)
        assert text in page.inner_text("body"), path
    assert page.inner_text("#handbook-offline") == (
        "You are offline: this copy is version 1.1, approved 10 March 2026.")
    enter(page, 'form[data-checker="sharing"]', ANSWERS)
    assert answer_on_screen(page, 'form[data-checker="sharing"]')["decision"] == "pass_to_person_in_authority"
    assert sorted(cached_urls(page)) == sorted(base + url.removeprefix("./") for url in precached(site_dir))


def test_the_cache_holds_the_builds_files_and_never_an_answer(site_dir, serve, page):
    base = serve(site_dir)
    visit_once(page, base, site_dir)
    page.goto(base + "can-i-share/")
    enter(page, 'form[data-checker="sharing"]', ANSWERS)
    assert "decision" in answer_on_screen(page, 'form[data-checker="sharing"]')
    urls = cached_urls(page)
    assert sorted(urls) == sorted(base + url.removeprefix("./") for url in precached(site_dir))
    assert not any("service_user" in url or "contact_details" in url or "?" in url for url in urls)
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text())
    assert manifest["name"] == "Riverside Community Food Bank" and manifest["display"] == "standalone"
    assert all((site_dir / icon["src"]).is_file() for icon in manifest["icons"])


def test_a_new_build_is_announced_and_never_mixed_with_the_old(tmp_path, serve, page):
    group = tmp_path / "group" / "group.yml"
    group.parent.mkdir()
    shutil.copy(REPO / "group.yml", group)
    site = build_site(group, site_dir=tmp_path / "site")
    base = serve(site)
    visit_once(page, base, site)
    group.write_text(group.read_text().replace("Riverside Community Food Bank", "Riverside Community Pantry"))
    build_site(group, site_dir=site)
    page.goto(base + "policy/police/")
    wait_for(page, "!!document.getElementById('handbook-newer')", timeout=120)
    assert "Riverside Community Food Bank" in page.inner_text("body")  # the old build, whole, until asked
    assert "Pantry" not in page.inner_text("body")
    page.click("#handbook-newer button")
    wait_for(page, "!!document.body && document.body.innerText.includes('Riverside Community Pantry')", timeout=60)
    assert "Riverside Community Food Bank" not in page.inner_text("body")


def test_the_routes_to_an_answer_are_not_kept_offline(site_dir):
    """Their thousands of pages serve readers without JavaScript, who never run the service worker."""
    files = precached(site_dir)
    assert "all-answers/" in files and "can-i-share/" in files
    assert [f for f in files if f.startswith("all-answers/") and f != "all-answers/"] == []
    assert len(list(site_dir.glob("all-answers/sharing/*/index.html"))) > 100


REGISTRATIONS = """window.hbLog = [];
addEventListener("handbook-checker-settled", () => window.hbLog.push("settled"));
const register = ServiceWorkerContainer.prototype.register;
ServiceWorkerContainer.prototype.register = function (...args) {
  window.hbLog.push("register");
  return register.apply(this, args);
};"""


def test_a_checker_page_keeps_the_offline_copy_only_after_its_runtime_has_started(site_dir, serve, page):
    """The offline copy's download must not compete with the first answer; a reading page keeps it at load."""
    base = serve(site_dir)
    page.add_init_script(REGISTRATIONS)
    page.goto(base + "can-i-share/")
    wait_for(page, "window.hbLog.includes('register')")
    assert page.evaluate("window.hbLog")[:2] == ["settled", "register"]
    page.goto(base)  # the home page: no checker, so nothing to wait for
    wait_for(page, "window.hbLog.includes('register')")
    assert page.evaluate("window.hbLog") == ["register"]


# The worker's answers reach the page 1 s late, as on a slow phone: the runtime is ready well before.
SLOW_ANSWERS = """
const listen = Worker.prototype.addEventListener;
Worker.prototype.addEventListener = function (type, listener, ...rest) {
  const late = (event) => (event.data && event.data.id ? setTimeout(() => listener(event), 1000) : listener(event));
  return listen.call(this, type, type === "message" ? late : listener, ...rest);
};"""


def test_an_answer_asked_for_while_the_runtime_loads_is_on_screen_before_the_offline_copy_starts(
        site_dir, serve, page):
    held = []
    page.add_init_script(REGISTRATIONS + SLOW_ANSWERS)
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    without_first_answers(page)  # so that only the runtime can answer
    page.goto(serve(site_dir) + "can-i-share/")
    form = 'form[data-checker="sharing"]'
    enter(page, form, ANSWERS)  # asked before the runtime can answer
    deadline = time.monotonic() + 30
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    page.wait_for_timeout(500)
    assert page.evaluate("window.hbLog") == []  # the runtime is held: nothing kept yet
    page.evaluate("""() => new MutationObserver(() => {
      if (document.querySelector("[data-hb-answer][data-decision]") && !window.hbLog.includes("answer")) {
        window.hbLog.push("answer");
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-decision"] })""")
    for route in held:
        route.continue_()
    page.unroute("**/pyodide.asm.wasm")
    assert "decision" in answer_on_screen(page, form)
    wait_for(page, "window.hbLog.includes('register')")
    assert page.evaluate("window.hbLog")[:3] == ["answer", "settled", "register"]


def test_the_runtime_comes_through_the_browsers_cache_and_never_from_a_later_build(site_dir, tmp_path, serve, page,
                                                                                  monkeypatch):
    """The service worker asks the browser's own cache for the runtime first (the browser keeps it compiled
    there), and takes it only if it is the very file kept with this build: a changed one never mixes in."""
    from helpers import sites
    requested = []
    monkeypatch.setattr(sites.QuietHandler, "log_message", lambda self, fmt, *args: requested.append(fmt % args))
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    base = serve(site)
    visit_once(page, base, site)
    form = 'form[data-checker="sharing"]'
    for later_build in (False, True):
        if later_build:  # a later build's runtime on the server (here a broken one): never used with this build
            wasm = site / "assets" / "pyodide" / "pyodide.asm.wasm"
            wasm.unlink()
            wasm.write_bytes(b"\0asm" + bytes(64))
        requested.clear()
        page.goto(base + "can-i-share/")
        enter(page, form, ANSWERS)
        assert answer_on_screen(page, form)["decision"] == "pass_to_person_in_authority"
        assert any("/pyodide.asm.wasm" in line for line in requested)  # asked of the browser's cache and server


def test_offline_a_page_not_kept_is_the_handbooks_own_page_with_the_way_to_the_checkers(site_dir, serve, page):
    """A route's page (not kept: see above) and a mistyped address, with the network off: the handbook's page
    saying so, styled and with working links to the checkers (kept, so they open offline), never the browser's
    own error page."""
    base = serve(site_dir)
    visit_once(page, base, site_dir)
    page.context.set_offline(True)
    route_page = next(site_dir.glob("all-answers/sharing/*/index.html")).parent.relative_to(site_dir).as_posix()
    for path in (f"{route_page}/", "policy/polise/", "no-such-page"):
        response = page.goto(base + path)
        assert response.status == 503, path
        body = page.inner_text("article")
        assert "This page is not here" in body and "you are offline, and this page is not kept" in body, path
        assert "You are offline" in page.inner_text("#handbook-offline")
        # the handbook's look: its stylesheet applied from the site's folder, whatever the address's depth
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", path
        links = page.eval_on_selector_all("article a", "links => links.map(a => [a.textContent, a.href])")
        assert [text for text, _ in links] == ["Can I share this?", "Someone told me something worrying",
                                               "Something went wrong", "start of the handbook"]
    page.click("text=Can I share this?")
    page.wait_for_load_state("load")
    assert page.url == base + "can-i-share/"
    enter(page, 'form[data-checker="sharing"]', ANSWERS)
    assert answer_on_screen(page, 'form[data-checker="sharing"]')["decision"] == "pass_to_person_in_authority"
