"""How fast a checker page gives its first answer, against the floor of a bare `loadPyodide()` page.

Run by hand (not a timed test), after `python3 tasks.py setup`:

    python benchmarks/browser.py                 # builds the example group's site, 5 runs
    python benchmarks/browser.py --site site --runs 7

Headless Chromium (Debian's, as the tests use), one server on 127.0.0.1 that sends
`Cache-Control: max-age=600` (what GitHub Pages sends). Each run uses a new browser profile:
the first visit is "cold", a second visit in the same profile is "warm" (once the first visit has kept
its offline copy, as a later visit would find it). The same run measures:

- own floor: a bare page whose only script is `await loadPyodide(...); pyodide.runPython("1+1")` on the
           site's OWN runtime files (its trimmed, precompiled standard library), on the main thread:
           the floor a checker page is measured against;
- stock floor: the same with the stock npm files (full stdlib, full lock file), as Pyodide documents it;
- own floor in a worker: the own floor's start, run in a module Web Worker (as the checker runs it);
- checkers alone: in a module Web Worker on a bare page, the checker's own way to an answer with no
           page around it: the site's runtime files, its checkers (bundle.json, checkers.pyc.zip,
           installed by its startup.mjs), and one answer to the same form answers, posted back;
- checker: the "Can I share this?" page; the harness answers the form as soon as it exists and
           presses "Check"; first answer = the answer element gets `data-decision`.

After each first visit it reports whether Chromium kept the runtime's compiled WebAssembly in the
profile (its "Code Cache/wasm" folder holds more than 100 KB; empty, it holds 72 bytes): a second
visit with it skips compiling the runtime again. For the checker page it also reports how many visits
started from the build's memory snapshot (the worker's `startedFrom`): a second visit should, a first never.

With `--phone`, each visit is a phone on Lighthouse's slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up)
with a 4x slower CPU and a 360x740 screen (Chrome DevTools Protocol: Network.emulateNetworkConditions,
Emulation.setCPUThrottlingRate), the server gzips what it sends (as real hosts do), and only the own
floor and the checker page run. While a first visit keeps its offline copy (13 MB, minutes at that
speed), the network is not slowed; the later visit is slowed again.

Times are from navigation start. "Longest task" is the longest main-thread task seen by a
`longtask` observer (tasks under 50 ms are not reported, shown as "< 50"). Bytes are what the server
sent for the visit (nothing for what the browser took from its cache), raw and as gzip -6 would
send them; "wasm downloads" shows the preload and the worker share one download.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import json
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handbook.browser import runtime  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]  # as the tests run it: a container's small /dev/shm would crash Chromium

FLOOR_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head>
<body><p>floor</p><script type="module" src="floor.js"></script></body></html>"""
FLOOR_JS = """import { loadPyodide } from "../pyodide/pyodide.mjs";
const pyodide = await loadPyodide();
pyodide.runPython("1+1");
window.__firstAnswer = performance.now();
"""
OWN_FLOOR_JS = """import { loadPyodide } from "../site/assets/pyodide/pyodide.mjs";
const base = new URL("../site/assets/pyodide/", import.meta.url).href;
const pyodide = await loadPyodide({ indexURL: base, packageBaseUrl: base, lockFileURL: base + "pyodide-lock.json",
                                    stdLibURL: base + "python_stdlib.zip" });
pyodide.runPython("1+1");
window.__firstAnswer = performance.now();
"""
# A bare page whose worker posts "done", or what went wrong (then the visit stops with it).
WORKER_PAGE_JS = """const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => {
  if (data === "done") window.__firstAnswer = performance.now();
  else window.__failed = String(data);
};
"""
OWN_FLOOR_WORKER_JS = OWN_FLOOR_JS.replace("window.__firstAnswer = performance.now();", 'postMessage("done");')
CHECKERS_ALONE_JS = """import { loadPyodide } from "../site/assets/pyodide/pyodide.mjs";
import { installCheckers, pyodideOptions } from "../site/assets/checkers/startup.mjs";
const download = (name) => fetch(new URL("../site/assets/checkers/" + name, import.meta.url));
const bundle = download("bundle.json").then((response) => response.json());
const compiled = download("checkers.pyc.zip").then((response) => response.arrayBuffer());
const pyodide = await loadPyodide(pyodideOptions(new URL("../site/assets/pyodide/", import.meta.url).href));
installCheckers(pyodide, await bundle, new Uint8Array(await compiled));
const { group, version } = await bundle;
const reply = JSON.parse(pyodide.pyimport("handbook_bridge").decide(%s, %s, JSON.stringify(group ?? null), version ?? null));
postMessage(reply.ok && reply.result.decision ? "done" : `no answer: ${reply.message}`);
"""
# Injected before any page script: watch long tasks; on the checker page, answer the form at once.
PROBE = """
window.__longest = 0;
try {
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
    .observe({ type: "longtask", buffered: true });
} catch (e) {}
const ANSWERS = %s;
function answer() {
  const form = document.querySelector("form.hb-checker__form");
  if (!form) return;
  if (!form.dataset.hbReady) return setTimeout(answer, 5);
  const box = form.querySelector("[data-hb-answer]");
  new MutationObserver(() => { if (box.dataset.decision && !window.__firstAnswer) window.__firstAnswer = performance.now(); })
    .observe(box, { attributes: true });
  for (const [name, value] of Object.entries(ANSWERS)) {
    for (const v of [].concat(value)) {
      const input = form.querySelector(`input[name="${name}"][value="${v}"]`);
      if (input) { input.checked = true; input.dispatchEvent(new Event("change", { bubbles: true })); }
    }
  }
  form.requestSubmit();
}
document.addEventListener("DOMContentLoaded", answer);
"""
ANSWERS = {"about": "service_user", "requester": "partner_agency", "information": "case_details",
           "consent": "refused", "circumstances": []}


SERVED: list[tuple[str, int]] = []  # (path, body bytes) of every response the server sent


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}
    gzip = False  # --phone: send gzip (-6) to a browser that accepts it, as hosts do

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        if not (self.gzip and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        import io
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def copyfile(self, source, outputfile):
        start = source.tell()
        super().copyfile(source, outputfile)
        SERVED.append((urlparse(self.path).path, source.tell() - start))

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def serve(root: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/"


# A page of the handbook keeps its offline copy in the background after the first answer; a second
# visit comes later, once that is done (its service worker is active), not while it downloads.
# The checkers' snapshot is kept after the rest: waited for too (up to 60 s; the report then shows
# how many second visits started from it).
OFFLINE_COPY_KEPT = """async () => {
  if (!document.querySelector('script[src*="offline.js"]') || !("serviceWorker" in navigator)) return true;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(false), 60000));
  if (!await Promise.race([navigator.serviceWorker.ready.then(() => true), timeout])) return false;
  const snapshotKept = async () => {
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) if (request.url.endsWith(".snapshot")) return true;
    }
    return false;
  };
  for (const deadline = Date.now() + 60000; Date.now() < deadline && !await snapshotKept();) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}"""


PHONE_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
FAST_NETWORK = {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}


def visit(context, url: str, root: Path, phone: bool = False) -> dict:
    """One visit: time to first answer, longest main-thread task, and what the server sent for it."""
    page = context.new_page()
    if phone:
        page.set_viewport_size({"width": 360, "height": 740})
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    SERVED.clear()
    page.goto(url, wait_until="commit")
    deadline = time.time() + (180 if phone else 60)
    while time.time() < deadline:
        first, failed = page.evaluate("[window.__firstAnswer || 0, window.__failed]")
        if failed:
            raise SystemExit(f"{url}: {failed}")
        if first:
            break
        time.sleep(0.02)
    else:
        raise SystemExit(f"no answer in time at {url}")
    time.sleep(0.3)  # let the long-task observer report
    longest = page.evaluate("window.__longest")
    if phone:
        cdp.send("Network.emulateNetworkConditions", FAST_NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    if not page.evaluate(OFFLINE_COPY_KEPT):
        raise SystemExit(f"the offline copy was not kept within 60 s at {url}")
    # Asked once the runtime has started (the offline copy waits for it): the first answer may come from
    # the build's data before the worker has even begun.
    started = [worker.evaluate("self.startedFrom ?? null") for worker in page.workers
               if worker.url.endswith("/assets/checkers/worker.js")]
    page.close()
    raw = zipped = 0
    for path, size in SERVED:
        file = root / unquote(path).lstrip("/")
        file = file / "index.html" if file.is_dir() else file
        raw += size
        zipped += gzipped_size(file) if size else 0
    wasm = sum(1 for path, size in SERVED if path.endswith(".wasm") and size)
    return {"first": first, "longest": longest, "raw": raw, "gzip": zipped, "wasm_downloads": wasm,
            "snapshot": started == ["snapshot"]}


@functools.cache
def gzipped_size(file: Path) -> int:
    return len(gzip.compress(file.read_bytes(), 6))


def reading_page_pyodide_bytes(browser, base: str) -> int:
    context = browser.new_context()
    page = context.new_page()
    SERVED.clear()
    page.goto(base + "site/", wait_until="networkidle")
    time.sleep(1)
    context.close()
    return sum(size for path, size in SERVED if "/pyodide/" in path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the example group's)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", default="can-i-share/")
    parser.add_argument("--answers", type=json.loads, default=ANSWERS, help="the form's answers, as JSON")
    parser.add_argument("--checker", default="sharing", help="the page's checker, for the checkers-alone page")
    parser.add_argument("--phone", action="store_true", help="a slow phone on slow 4G, gzip server (see above)")
    options = parser.parse_args()
    Handler.gzip = options.phone
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = options.site
        if site is None:
            from handbook.site.build import build
            site = build(Path(__file__).resolve().parents[1] / "group.yml", site_dir=tmp / "built")
        root = tmp / "root"
        root.mkdir()
        (root / "site").symlink_to(Path(site).resolve(), target_is_directory=True)
        (root / "pyodide").symlink_to(runtime.PYODIDE.folder, target_is_directory=True)
        runtime.pyodide_files()  # the stock files, verified
        alone = CHECKERS_ALONE_JS % (json.dumps(options.checker), json.dumps(json.dumps(options.answers)))
        for folder, script, worker in (("floor", FLOOR_JS, None), ("own-floor", OWN_FLOOR_JS, None),
                                       ("own-floor-worker", WORKER_PAGE_JS, OWN_FLOOR_WORKER_JS),
                                       ("checkers-alone", WORKER_PAGE_JS, alone)):
            (root / folder).mkdir()
            (root / folder / "index.html").write_text(FLOOR_HTML)
            (root / folder / "floor.js").write_text(script)
            if worker:
                (root / folder / "worker.js").write_text(worker)
        base = serve(root)
        pages = (("own floor", base + "own-floor/"), ("stock floor", base + "floor/"),
                 ("own floor in a worker", base + "own-floor-worker/"), ("checkers alone", base + "checkers-alone/"),
                 ("checker", base + "site/" + options.page))
        if options.phone:
            pages = (pages[0], pages[-1])
        results = {f"{name} {visit_kind}": [] for name, _ in pages for visit_kind in ("cold", "warm")}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for run in range(options.runs):
                for name, url in pages:
                    profile = tmp / f"profile-{name.replace(' ', '-')}-{run}"
                    context = playwright.chromium.launch_persistent_context(
                        str(profile), executable_path=CHROMIUM, args=ARGS, headless=True)
                    context.add_init_script(PROBE % json.dumps(options.answers))
                    results[f"{name} cold"].append(visit(context, url, root, options.phone))
                    results[f"{name} cold"][-1]["code_cache"] = wasm_code_cache(profile)
                    results[f"{name} warm"].append(visit(context, url, root, options.phone))
                    context.close()
                    shutil.rmtree(profile, ignore_errors=True)
            reading = reading_page_pyodide_bytes(browser, base)
            browser.close()
    report(results, options.runs, reading, options.phone)


def wasm_code_cache(profile: Path) -> int:
    """Bytes of compiled WebAssembly the browser kept in this profile for a later visit."""
    folder = profile / "Default" / "Code Cache" / "wasm"
    return sum(file.stat().st_size for file in folder.rglob("*") if file.is_file()) if folder.is_dir() else 0


def report(results: dict, runs: int, reading: int, phone: bool = False) -> None:
    med = {key: statistics.median(r["first"] for r in rows) for key, rows in results.items()}
    print(f"Median of {runs} runs, headless Chromium, 127.0.0.1 (ms from navigation start)"
          + (": a phone on slow 4G with a 4x slower CPU, gzip server; bytes are as sent (gzip)" if phone else "")
          + ".\n")
    print("| page | first answer | ratio to own floor | longest main-thread task (median / worst run) "
          "| bytes sent (raw) | bytes sent (gzip) | wasm downloads |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for key, rows in results.items():
        floor = med["own floor " + key.split()[-1]]
        blocks = [r["longest"] for r in rows]
        block = " / ".join("< 50 ms" if b == 0 else f"{b:.0f} ms" for b in (statistics.median(blocks), max(blocks)))
        raw = statistics.median(r["raw"] for r in rows)
        zipped = statistics.median(r["gzip"] for r in rows)
        wasm = max(r["wasm_downloads"] for r in rows)
        print(f"| {key} | {med[key]:.0f} ms | {med[key] / floor:.2f}x | {block} | {raw / 1e6:.2f} MB "
              f"| {zipped / 1e6:.2f} MB | {wasm} |")
    print()
    for key, rows in results.items():
        print(f"- {key}, each run (ms): " + ", ".join(f"{row['first']:.0f}" for row in rows))
    for key, rows in results.items():
        if "code_cache" in rows[0]:
            kept = sum(1 for row in rows if row["code_cache"] > 100_000)
            print(f"- {key.removesuffix(' cold')}: the browser kept the runtime's compiled code after the first "
                  f"visit in {kept} of {len(rows)} runs")
    for key, rows in results.items():
        if key.startswith("checker "):
            print(f"- {key}: the checker started from the build's memory snapshot in "
                  f"{sum(row['snapshot'] for row in rows)} of {len(rows)} runs")
    print(f"- Pyodide bytes loaded by a reading page (the home page): {reading}")


if __name__ == "__main__":
    main()
