"""Shared fixtures: built sites (one per group and version), a local static server, headless Chromium."""
from __future__ import annotations

import fcntl
import functools
import hashlib
import http.server
import os
import sys
import threading
import time
from pathlib import Path

import pytest

from handbook.browser import runtime
from handbook.site.build import GENERATORS
from handbook.site.build import build as build_site

REPO = Path(__file__).resolve().parents[1]
GROUPS = REPO / "tests" / "groups"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]  # containers often give /dev/shm only 64 MB; Chromium then crashes


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """Build a site once per (group file, version, generator) for the whole session, and once for all
    workers when `python3 tasks.py test` runs the suite on several cores (pytest-xdist): the first
    worker to need a site builds it, under a lock, into a folder the others then read."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    shared = shared / "built-sites"
    shared.mkdir(exist_ok=True)

    @functools.cache
    def _build(group: Path | None = None, version: str | None = None, generator: str = "mkdocs") -> Path:
        group = Path(group or REPO / "group.yml").resolve()
        key = hashlib.sha256(f"{group}\0{version}\0{generator}".encode()).hexdigest()[:16]
        out, done = shared / key / "site", shared / key / "built"
        with open(shared / f"{key}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not done.exists():
                build_site(group, version=version, site_dir=out, generator=generator)
                done.touch()
        return out

    return _build


@pytest.fixture(scope="session", params=GENERATORS)
def generator(request) -> str:
    """The site generator a site test builds with: MkDocs always; Zensical for tests marked `every_generator`."""
    return request.param


# The lanes (pyproject.toml's markers): a test using one of these fixtures is in that lane without saying so.
LANE_FIXTURES = {"browser": {"browser", "page"}, "site": {"build", "site_dir", "hostile_site_dir", "generator"}}


def pytest_collection_modifyitems(config, items):
    """Both generators render the same compiled pages, so most site tests say nothing new under the second.
    Zensical runs where a generator makes a difference (marked `every_generator`: the build, the pages
    in the browser with axe, CSP, search, the checkers in the page); elsewhere only MkDocs, to keep
    the whole suite well inside CI's 30 minutes. Each test is also put in its lane by the fixtures it
    uses, so `python3 tasks.py test --fast` can leave out what builds a site or drives a browser."""
    for item in items:
        for lane, fixtures in LANE_FIXTURES.items():
            if fixtures & set(getattr(item, "fixturenames", ())):
                item.add_marker(lane)
    kept, dropped = [], []
    for item in items:
        params = getattr(item, "callspec", None)
        second = params is not None and params.params.get("generator", GENERATORS[0]) != GENERATORS[0]
        (dropped if second and item.get_closest_marker("every_generator") is None else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def site_dir(build, generator) -> Path:
    """The example group's handbook."""
    return build(generator=generator)


@pytest.fixture(scope="session")
def hostile_site_dir(build, generator) -> Path:
    return build(GROUPS / "hostile.yml", generator=generator)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A page that moves on mid-download closes its connection: normal in a browser, not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def serve(tmp_path_factory):
    """Serve a folder on 127.0.0.1 (optionally under a sub-path such as '1.0/'); returns its base URL."""
    servers = []

    def _serve(folder: Path, prefix: str = "") -> str:
        root = folder
        if prefix:
            root = tmp_path_factory.mktemp("served")
            (root / prefix.strip("/")).symlink_to(folder, target_is_directory=True)
        handler = functools.partial(_Quiet, directory=str(root))
        server = _Server(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/{prefix.strip('/') + '/' if prefix else ''}"

    yield _serve
    for server in servers:
        server.shutdown()


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
