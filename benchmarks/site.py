"""Measure the site build: build time, and what a reading page weighs for a reader.

Run by hand:  .venv/bin/python benchmarks/site.py [--runs N]
Prints the median build time over N builds, and for a reading page the files it loads, their
size as sent (raw) and gzipped, and how many of them are Pyodide's (should be none).
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import statistics
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from handbook.site.build import GENERATORS, build

ROOT = Path(__file__).resolve().parents[1]
READING_PAGE = "policy/internal-confidentiality/"


def build_times(runs: int, generator: str) -> tuple[list[float], Path]:
    times, out = [], Path(tempfile.mkdtemp()) / "site"
    for _ in range(runs):
        start = time.perf_counter()
        build(ROOT / "group.yml", site_dir=out, generator=generator)
        times.append(time.perf_counter() - start)
    return times, out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def page_weight(site: Path, path: str) -> list[tuple[str, int, int]]:
    """Each file the page loaded: (path, raw bytes, gzip bytes)."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    seen: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        page = browser.new_page()
        page.on("requestfinished", lambda request: seen.append(request.url))
        page.goto(base + path, wait_until="networkidle")
        browser.close()
    server.shutdown()
    rows = []
    for url in seen:
        local = url.removeprefix(base).split("?")[0]
        file = site / (local + "index.html" if local.endswith("/") or not local else local)
        data = file.read_bytes()
        rows.append((local or "index.html", len(data), len(gzip.compress(data, 9))))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for generator in GENERATORS:
        times, site = build_times(args.runs, generator)
        print(f"build with {generator}: median {statistics.median(times):.2f} s over {len(times)} runs "
              f"(min {min(times):.2f} s, max {max(times):.2f} s; the first includes making the documents)")
    rows = page_weight(site, READING_PAGE)
    for name, raw, packed in rows:
        print(f"  {name:60} {raw / 1024:8.1f} KiB  {packed / 1024:7.1f} KiB gzip")
    print(f"reading page {READING_PAGE}: {len(rows)} files, {sum(r[1] for r in rows) / 1024:.0f} KiB raw, "
          f"{sum(r[2] for r in rows) / 1024:.0f} KiB gzip, "
          f"{sum('pyodide' in r[0] for r in rows)} Pyodide files")


if __name__ == "__main__":
    main()
