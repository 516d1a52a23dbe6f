"""Built sites, shared by every test that reads one: built once per group, version and generator for the
whole run (and for all workers), served on 127.0.0.1, and read as a reader sees them.

tests/conftest.py registers these fixtures once for every lane; the build itself is imported only
when a site is built.
"""
from __future__ import annotations

import fcntl
import functools
import hashlib
import http.server
import os
import re
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

from . import GROUPS, REPO


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
                from handbook.site.build import build as build_site  # here: the rules lane never imports the build

                build_site(group, version=version, site_dir=out, generator=generator)
                done.touch()
        return out

    return _build


@pytest.fixture(scope="session")
def generator(request) -> str:
    """The site generator a site test builds with: MkDocs always; Zensical for tests marked `every_generator`
    (tests/conftest.py gives each generator and leaves out the rest)."""
    return request.param


@pytest.fixture(scope="session")
def site_dir(build, generator) -> Path:
    """The example group's handbook."""
    return build(generator=generator)


@pytest.fixture(scope="session")
def hostile_site_dir(build, generator) -> Path:
    return build(GROUPS / "hostile.yml", generator=generator)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
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
        handler = functools.partial(QuietHandler, directory=str(root))
        server = _Server(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/{prefix.strip('/') + '/' if prefix else ''}"

    yield _serve
    for server in servers:
        server.shutdown()


class _Text(HTMLParser):
    """The text a reader sees (scripts and styles left out)."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(page: Path) -> str:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", "".join(parser.parts))
