"""Headless Chromium (Debian's, driven by Playwright), shared by every test that looks at a page in it."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]  # containers often give /dev/shm only 64 MB; Chromium then crashes


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright's own browser download is not used)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `python3 tasks.py test`, which installs Debian's chromium package.")
    with sync_playwright() as playwright:
        # Playwright turns the back/forward cache off by default; readers have it on, so tests do too.
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                              ignore_default_args=["--disable-back-forward-cache"])
        yield launched
        launched.close()


@pytest.fixture()
def page(browser):
    """A fresh page (new profile) that remembers every URL it requested, in `page.seen`."""
    context = browser.new_context()
    opened = context.new_page()
    opened.seen = []
    opened.on("request", lambda request: opened.seen.append(request.url))
    yield opened
    context.close()


def outside_requests(page, base_url: str) -> list[str]:
    """Requests the page made that did not go to its own origin (data: and blob: stay inside)."""
    own = "/".join(base_url.split("/", 3)[:3]) + "/"
    return [url for url in page.seen if not url.startswith((own, "data:", "blob:"))]


@pytest.fixture(scope="session")
def outside():
    return outside_requests


@pytest.fixture(scope="session")
def axe():
    """Run axe-core in a page; evaluated through the devtools protocol, so the page's CSP stays strict."""
    from handbook.browser import runtime

    source = runtime.axe_path().read_text(encoding="utf-8")

    def _axe(page) -> list[dict]:
        page.evaluate(source + "\n;0")
        result = page.evaluate(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa',"
            "'wcag22aa','best-practice']}})"
        )
        return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
                for v in result["violations"]]

    return _axe


def wait_for(page, script: str, arg=None, timeout: float = 60.0):
    """Poll a page expression (the pages' CSP forbids the eval behind `wait_for_function`).

    A navigation while polling destroys the page's context: that poll counts as "not yet".
    """
    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = page.evaluate(script, arg)
        except Error as error:
            if "context was destroyed" not in str(error):
                raise
            value = None
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {script}")
