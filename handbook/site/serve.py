"""`handbook serve`: a preview that rebuilds on every save, shows a mistake in the page, and reloads the page.

The preview serves the last good build from a folder of its own (never the group's site/), on
127.0.0.1 only. When a build fails, every page shows the same sentence `handbook build` prints
(file, line, key), and so does the terminal; fixing the file brings the site back. Pages reload by
themselves after a rebuild: the server adds one same-origin script to the pages it sends, so the
files on disk, like the published site, keep their strict Content-Security-Policy.
"""
from __future__ import annotations

import functools
import html
import http.server
import json
import shutil
import signal
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from ..errors import HandbookError
from ..folders import VERSION_TEXT, Folders
from ..pages.route_template import RouteTemplate
from .build import build
from .csp import protect

PREFIX = "/__handbook__/"
RELOAD_JS = """// Preview only: reload this page when the handbook was rebuilt (never part of a built site).
let seen = null;
async function poll() {
  try {
    const state = await (await fetch("/__handbook__/state", { cache: "no-store" })).json();
    if (seen !== null && state.build !== seen) location.reload();
    seen = state.build;
  } catch (error) { /* the preview stopped: try again */ }
  setTimeout(poll, 700);
}
poll();
"""
RELOAD_TAG = f'<script src="{PREFIX}reload.js" defer></script>'
_SKIP = {"__pycache__", ".git"}
_HOSTS = ("127.0.0.1", "localhost")  # another name may be a site that points its address here (DNS rebinding)
IDLE = 30  # seconds a connection may say nothing before it is closed, so idle ones hold no thread


class Preview:
    """The last good build, the last error, and a counter the pages poll."""

    def __init__(self, group_file: Path, version: str | None, generator: str) -> None:
        self.group_file, self.version, self.generator = Path(group_file), version, generator
        self.site = Path(tempfile.mkdtemp(prefix="handbook-preview-")) / "site"
        self.build_id, self.error = 0, None
        self.lock = threading.Lock()

    def rebuild(self) -> None:
        started = time.perf_counter()
        try:
            build(self.group_file, site_dir=self.site, version=self.version, generator=self.generator)
        except HandbookError as error:
            self.error = str(error)
            print(f"Error: {self.error}", flush=True)
        else:
            self.error = None
            print(f"Built in {time.perf_counter() - started:.1f} s.", flush=True)
        self.build_id += 1

    def fingerprint(self) -> tuple:
        """Every watched file's path, size and time: a change to any starts a rebuild."""
        found = []
        for root in Folders(self.group_file.resolve().parent).watched(self.group_file):
            paths = [root] if root.is_file() else sorted(root.rglob("*"))
            for path in paths:
                if root.name == "policy" and path.parent == root and not VERSION_TEXT.fullmatch(path.name):
                    continue  # only the policy's versions are read from policy/
                if path.is_file() and not _SKIP & set(path.parts):
                    stat = path.stat()
                    found.append((str(path), stat.st_size, stat.st_mtime_ns))
        return tuple(found)

    def watch(self, interval: float = 0.4) -> None:
        seen = self.fingerprint()
        while True:
            time.sleep(interval)
            now = self.fingerprint()
            if now != seen:
                seen = now
                with self.lock:
                    self.rebuild()


# The error page's look: the route pages' lean style (the handbook's colour, a readable column, light or dark as
# the device is set), and the message wrapped, however long its lines, so it fits a phone or a window.
ERROR_CSS = RouteTemplate({}).stylesheet() + """
.hb-build-error { white-space: pre-wrap; overflow-wrap: anywhere; font: 1rem/1.5 ui-monospace, monospace;
  padding: 0.75rem 1rem; border-left: 4px solid #b3261e; background: #fdecea; color: #1a1a1a; }
"""


def error_page(message: str) -> str:
    """What every page of the preview shows while the build fails: the sentence `handbook build` prints."""
    return protect(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1"><title>Build error</title>'
        f'<link rel="stylesheet" href="{PREFIX}error.css">{RELOAD_TAG}</head><body>'
        '<header><strong>Preview of your handbook</strong></header><main id="main">'
        "<h1>The handbook could not be built</h1><p>Fix this, save, and this page comes back by itself:</p>"
        f'<pre class="hb-build-error">{html.escape(message)}</pre></main></body></html>')


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}

    timeout = IDLE

    def __init__(self, *args, preview: Preview, **kwargs) -> None:
        self.preview = preview
        super().__init__(*args, directory=str(preview.site), **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # quiet: the terminal shows builds and errors, not every request

    def do_HEAD(self) -> None:
        if self._refused():
            return None
        return super().do_HEAD()

    def _refused(self) -> bool:
        """Answer 421 to a Host that is not this computer, and 404 to a path with a NUL; True if answered."""
        host = self.headers.get("Host") or ""
        name, _, port = host.rpartition(":")
        if (name if port.isdigit() else host) not in _HOSTS:
            self._send(421, "text/plain", "The preview answers only at 127.0.0.1 or localhost.")
            return True
        if "\0" in urllib.parse.unquote(self.path):
            self._send(404, "text/plain", "Not found.")
            return True
        return False

    def do_GET(self) -> None:
        if self._refused():
            return None
        path = self.path.split("?", 1)[0]
        if path == PREFIX + "state":
            return self._send(200, "application/json", json.dumps({"build": self.preview.build_id,
                                                                   "error": self.preview.error}))
        if path == PREFIX + "reload.js":
            return self._send(200, "text/javascript", RELOAD_JS)
        if path == PREFIX + "error.css":
            return self._send(200, "text/css", ERROR_CSS)
        if path == "/sw.js":  # no offline copy in a preview: it would keep showing pages from before a save
            return self._send(404, "text/plain", "The preview keeps no offline copy.")
        if self.preview.error and (path.endswith("/") or path.endswith(".html")):
            return self._send(500, "text/html", error_page(self.preview.error))
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            page = file.read_text(encoding="utf-8").replace("</head>", RELOAD_TAG + "</head>", 1)
            return self._send(200, "text/html", page)
        return super().do_GET()

    def _send(self, status: int, kind: str, text: str) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A reader's browser that closes a connection, or one left idle past IDLE, is normal: no traceback."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt  # a terminal closing, or `kill`, stops the preview as Ctrl+C does, tidying up


def serve(group_file: Path, *, port: int = 8000, version: str | None = None, generator: str = "mkdocs") -> None:
    """Build, serve on http://127.0.0.1:PORT, and rebuild on every save until Ctrl+C; the preview's folder
    goes when it stops."""
    preview = Preview(group_file, version, generator)
    signal.signal(signal.SIGTERM, _stop)
    try:
        preview.rebuild()
        try:
            server = _Server(("127.0.0.1", port), functools.partial(_Handler, preview=preview))
        except OSError as error:
            raise HandbookError(f"Cannot serve on port {port}: {error.strerror}. Try another: --port 8001.") from None
        threading.Thread(target=preview.watch, daemon=True).start()
        print(f"Serving the handbook at http://127.0.0.1:{port}/ (press Ctrl+C to stop).", flush=True)
        try:
            server.serve_forever()
        finally:
            server.server_close()
    finally:
        with preview.lock:  # not while a rebuild writes into it
            shutil.rmtree(preview.site.parent, ignore_errors=True)
