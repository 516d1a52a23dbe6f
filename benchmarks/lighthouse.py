"""Lighthouse on the built handbook, as a phone on slow 4G sees it: reading pages and checker pages.

    .venv/bin/python benchmarks/lighthouse.py [--site DIR] [--runs 3]

Installs the pinned Lighthouse once (benchmarks/lighthouse/: `npm ci`, every package checked against
package-lock.json's integrity hashes), serves the site with gzip as real hosts do (Python's own
server does not compress, which makes a checker page weigh 12 MB instead of 5), and runs Lighthouse's
default mobile profile (simulated slow 4G, a mid-range phone's CPU) with Debian's Chromium. Prints
each page's performance score and largest contentful paint, the median of the runs.
Aims (issue 15): reading pages at least 95, checker pages at least 90, LCP at most 2.5 s.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent / "lighthouse"
ROOT = Path(__file__).resolve().parents[1]
PAGES = {"reading": ["", "policy/police/"], "checker": ["can-i-share/", "something-went-wrong/"]}
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".wasm", ".xml", ".webmanifest", ".svg")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: gzip for text and wasm, and caching as GitHub Pages allows (10 minutes)."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}

    def send_head(self):
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if path.suffix not in COMPRESSIBLE or not gzip_ok or not path.is_file():
            return super().send_head()
        body = _compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Bytes(body)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@functools.cache
def _compressed(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), 6)


def lighthouse() -> list[str]:
    if not (HERE / "node_modules" / ".bin" / "lighthouse").exists():
        subprocess.run(["npm", "ci", "--silent", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=HERE, check=True)
    return [str(HERE / "node_modules" / ".bin" / "lighthouse")]


def audit(url: str) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([*lighthouse(), url, "--quiet", "--only-categories=performance", "--output=json",
                        f"--output-path={report}", "--chrome-flags=--headless --no-sandbox --disable-gpu"],
                       check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
                       capture_output=True)
        data = json.loads(report.read_text())
    return data["categories"]["performance"]["score"] * 100, data["audits"]["largest-contentful-paint"]["numericValue"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the example group's)")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    site = options.site
    if site is None:
        from handbook.site.build import build

        site = build(ROOT / "group.yml", site_dir=Path(tempfile.mkdtemp()) / "site")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    print(f"Lighthouse (mobile, simulated slow 4G), median of {options.runs} runs, site served with gzip:")
    for kind, paths in PAGES.items():
        for path in paths:
            results = [audit(base + path) for _ in range(options.runs)]
            score = statistics.median(r[0] for r in results)
            lcp = statistics.median(r[1] for r in results) / 1000
            print(f"  {kind:8} /{path:28} performance {score:3.0f}   largest contentful paint {lcp:4.1f} s")
    server.shutdown()


if __name__ == "__main__":
    main()
