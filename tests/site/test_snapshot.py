"""The checkers' memory snapshot: made by the build, kept offline after the rest, restored on a later
visit (with the very answers of the rules), and passed over whenever it cannot be used."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import time

import pytest

from handbook.browser import bundle, runtime, snapshot
from handbook.errors import HandbookError
from handbook.site import build_all
from handbook.site.offline import write_offline

from helpers import REPO
from helpers.chromium import wait_for
from helpers.checker_page import answer_on_screen, enter, every_scenario_matches_cpython, runtime_answers, site_settings
from helpers.checker_page import ANSWERS, precached, started_from, visit_once

FORM = 'form[data-checker="sharing"]'


def snapshot_name(site) -> str:
    return json.loads((site / "assets" / "checkers" / "bundle.json").read_text())["snapshot"]


def test_the_build_ships_one_whole_snapshot_and_keeps_it_offline_after_the_rest(site_dir):
    name = snapshot_name(site_dir)
    assert re.fullmatch(r"checkers-[0-9a-f]{16}\.snapshot", name)
    assert snapshot.intact((site_dir / "assets" / "checkers" / name).read_bytes())
    assert sorted(p.name for p in (site_dir / "assets" / "checkers").glob("*.snapshot")) == [name]
    assert precached(site_dir)[-1] == f"assets/checkers/{name}"  # LATER: after every other file
    assert str(REPO).encode() not in (site_dir / "assets" / "checkers" / name).read_bytes()  # nor the builder's disk


def test_a_later_visit_starts_from_the_snapshot_and_answers_every_scenario_as_the_rules_do(
        site_dir, serve, page, monkeypatch):
    from helpers import sites
    requested = []
    monkeypatch.setattr(sites.QuietHandler, "log_message",
                        lambda self, fmt, *args: requested.append((time.monotonic(), fmt % args)))
    base = serve(site_dir)
    page.goto(base + "can-i-share/")
    enter(page, FORM, ANSWERS)
    assert answer_on_screen(page, FORM)["decision"] == "pass_to_person_in_authority"
    answered = time.monotonic()
    assert started_from(page) is None  # a first visit: nothing kept yet, and nothing fetched for it
    visit_once(page, base, site_dir)
    fetched = [when for when, line in requested if snapshot_name(site_dir) in line]
    assert len(fetched) == 1 and fetched[0] > answered  # by the offline copy, once the answer was on screen
    pages = []
    assert every_scenario_matches_cpython(page, base, site_settings(site_dir),
                                          on_each_page=lambda: pages.append(started_from(page))) >= 10
    assert pages == ["snapshot"] * 3


def _replace_kept_snapshot(page, make: str) -> int:
    """Replace the offline copy's snapshot with what `make` makes of it: an async function of its bytes
    and `seal` (which adds a body's SHA-256, as the build does). Returns how many it replaced."""
    return page.evaluate(f"""async () => {{
        const seal = async (body) => {{
            const out = new Uint8Array(body.length + 32);
            out.set(body);
            out.set(new Uint8Array(await crypto.subtle.digest("SHA-256", body)), body.length);
            return out;
        }};
        const make = {make};
        let replaced = 0;
        for (const name of await caches.keys()) {{
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {{
                if (!request.url.endsWith(".snapshot")) continue;
                const kept = new Uint8Array(await (await cache.match(request)).arrayBuffer());
                await cache.put(request, new Response(await make(kept, seal)));
                replaced++;
            }}
        }}
        return replaced;
    }}""")


# Where Pyodide's own header starts in the file: after ours (12 bytes, and 8 a run of pages).
PYODIDE_HEADER = "12 + 8 * new DataView(kept.buffer).getUint32(8, true)"
DAMAGED = {  # what is done to the kept snapshot -> the reason the worker gives for passing it over
    "not a snapshot at all": ("async (kept) => new Uint8Array([1, 2, 3])", "damaged snapshot file"),
    "cut short": ("async (kept) => kept.slice(0, kept.length - 1000)", "damaged snapshot file"),
    "one byte changed": ("async (kept) => { kept[kept.length >> 1] ^= 1; return kept; }", "damaged snapshot file"),
    "made by another Pyodide": (f"async (kept, seal) => {{ kept[{PYODIDE_HEADER} + 20] ^= 1; "
                                "return seal(kept.slice(0, -32)); }", "Snapshot build id mismatch"),
    # pyodide#6254: a snapshot of a memory larger than the runtime starts with cannot be restored
    "larger than the runtime's memory": ("""async (kept, seal) => {
        const view = new DataView(kept.buffer);
        view.setUint32(4, view.getUint32(4, true) + 64 * 1024 * 1024, true);
        return seal(kept.slice(0, -32));
    }""", "out of bounds"),
}


@pytest.mark.parametrize("damage", DAMAGED)
def test_a_kept_snapshot_that_cannot_be_restored_is_passed_over(site_dir, serve, page, damage):
    make, reason = DAMAGED[damage]
    base = serve(site_dir)
    visit_once(page, base, site_dir)
    assert _replace_kept_snapshot(page, make) == 1
    warnings = []
    page.on("console", lambda message: warnings.append(message.text))
    page.goto(base + "can-i-share/")
    enter(page, FORM, ANSWERS)
    assert answer_on_screen(page, FORM)["decision"] == "pass_to_person_in_authority"
    runtime_answers(page, FORM)  # the build's data answers first: wait for the runtime
    assert started_from(page) is None
    assert page.is_hidden(f"{FORM} [data-hb-failed]")
    assert any(text.startswith("The checker starts without its snapshot:") and reason in text for text in warnings)


def test_without_its_snapshot_the_offline_copy_is_kept_and_the_checker_starts_as_usual(
        site_dir, tmp_path, serve, page):
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    (site / "assets" / "checkers" / snapshot_name(site)).unlink()  # a host that failed to upload it
    base = serve(site)
    page.goto(base + "can-i-share/")
    expected = len(precached(site)) - 1
    wait_for(page, f"""(async () => {{
        const names = await caches.keys();
        if (!names.length || !navigator.serviceWorker.controller) return false;
        return (await (await caches.open(names[0])).keys()).length === {expected};
    }})()""", timeout=120)
    page.context.set_offline(True)
    page.goto(base + "can-i-share/")
    enter(page, FORM, ANSWERS)
    assert answer_on_screen(page, FORM)["decision"] == "pass_to_person_in_authority"
    runtime_answers(page, FORM)  # the build's data answers first: wait for the runtime
    assert started_from(page) is None


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(snapshot, "FAILED", {})  # this test's process has not failed yet
    return tmp_path / "cache" / "compiled"


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The site's runtime folder and checkers, as a build writes them."""
    site = tmp_path_factory.mktemp("assets")
    bundle.write_browser_assets(site, group=None, version=None)
    checkers_dir = site / "assets" / "checkers"
    return (site / "assets" / "pyodide", (checkers_dir / "checkers.pyc.zip").read_bytes(),
            json.loads((checkers_dir / "bundle.json").read_text())["bridge"])


def test_the_snapshot_is_made_once_for_these_checkers_and_made_again_if_damaged(made, cache, monkeypatch):
    calls = []
    run_node = runtime.run_node
    monkeypatch.setattr(runtime, "run_node", lambda *args: calls.append(args) or run_node(*args))
    name, first = snapshot.memory_snapshot(*made)
    assert snapshot.memory_snapshot(*made) == (name, first) and len(calls) == 1  # kept: not made again
    [kept] = cache.glob("checkers-*.snapshot")
    kept.write_bytes(kept.read_bytes()[:-1] + b"X")  # damaged in the cache
    again = snapshot.memory_snapshot(*made)  # made again: the same name, and the same bytes (see snapshot.mjs)
    assert again == (name, first) and snapshot.intact(again[1]) and len(calls) == 2
    assert snapshot.memory_snapshot(*made) == again and len(calls) == 2
    pyodide_dir, compiled, bridge = made
    assert snapshot.memory_snapshot(pyodide_dir, compiled, bridge + "\n# changed\n")[0] != name
    assert len(calls) == 3 and len(list(cache.glob("checkers-*.snapshot"))) == 2


SYS_PATH_BOTH_WAYS = """
import fs from "node:fs";
const [dir, checkersDir] = process.argv.slice(2);
const { installCheckers, pyodideOptions, unpackSnapshot } = await import(checkersDir + "/startup.mjs");
const { loadPyodide } = await import(dir + "/pyodide.mjs");
const bundle = JSON.parse(fs.readFileSync(checkersDir + "/bundle.json"));
const compiled = new Uint8Array(fs.readFileSync(checkersDir + "/checkers.pyc.zip"));
const memory = await unpackSnapshot(new Uint8Array(fs.readFileSync(checkersDir + "/" + bundle.snapshot)).buffer);
for (const more of [{}, { _loadSnapshot: memory }]) {
  const pyodide = await loadPyodide(pyodideOptions(dir + "/", more));
  installCheckers(pyodide, bundle, compiled);
  console.log(pyodide.runPython("import sys, json; json.dumps(sys.path)"));
}
"""


def test_python_from_the_snapshot_looks_for_modules_where_a_fresh_start_does(site_dir, tmp_path):
    script = tmp_path / "both.mjs"
    script.write_text(SYS_PATH_BOTH_WAYS)
    run = subprocess.run([*runtime.node_command(), str(script), str(site_dir / "assets" / "pyodide"),
                          str(site_dir / "assets" / "checkers")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    fresh, restored = map(json.loads, run.stdout.splitlines())
    assert restored == fresh and len(set(fresh)) == len(fresh)
    assert fresh[:2] == ["/home/pyodide/handbook", runtime.CHECKERS_IN_BROWSER]


def test_a_failed_snapshot_is_one_sentence_and_keeps_nothing(made, cache):
    pyodide_dir, compiled, bridge = made
    with pytest.raises(HandbookError) as raised:
        snapshot.memory_snapshot(pyodide_dir, compiled, "import no_such_module\n")
    assert str(raised.value) == ("making the checkers' memory snapshot with Pyodide (in Node.js) failed: "
                                 "ModuleNotFoundError: No module named 'no_such_module'")
    assert list(cache.glob("*.snapshot")) == []


def test_a_snapshot_that_failed_is_tried_once_a_process_and_said_once(made, cache, monkeypatch, tmp_path, capsys):
    """`handbook serve` rebuilds on every save, and build-all builds many groups: making a snapshot can
    take minutes to fail, so a process tries once, and its build-all workers not at all."""
    calls = []
    run_node = runtime.run_node
    monkeypatch.setattr(runtime, "run_node", lambda *args: calls.append(args) or run_node(*args))
    pyodide_dir, compiled, bridge = made
    broken = "import no_such_module\n"
    with pytest.raises(HandbookError) as first:
        snapshot.memory_snapshot(pyodide_dir, compiled, broken)
    with pytest.raises(snapshot.AlreadyFailed) as again:
        snapshot.memory_snapshot(pyodide_dir, compiled, broken)
    assert str(again.value) == str(first.value) and len(calls) == 1
    assert snapshot.memory_snapshot(pyodide_dir, compiled, bridge)[0].endswith(".snapshot")  # others still made
    checkers_dir = tmp_path / "checkers"
    checkers_dir.mkdir()
    assert bundle._write_snapshot(pyodide_dir, compiled, broken, checkers_dir) is None
    assert capsys.readouterr().err == "" and list(checkers_dir.iterdir()) == []  # said when it first failed
    with build_all.worker_processes(1) as pool:
        assert pool.submit(failed_in_this_process).result() == snapshot.FAILED != {}


def failed_in_this_process() -> dict[str, str]:
    return dict(snapshot.FAILED)


def test_a_build_that_cannot_make_the_snapshot_says_so_and_ships_none(tmp_path, monkeypatch, capsys):
    def fail(*args):
        raise HandbookError("making the checkers' memory snapshot with Pyodide (in Node.js) failed: out of memory")

    monkeypatch.setattr(snapshot, "memory_snapshot", fail)
    site = tmp_path / "site"
    bundle.write_browser_assets(site, group=None, version=None)
    write_offline(site, name="A group", short_name="AG", colour=None)
    assert capsys.readouterr().err == (
        "Note: making the checkers' memory snapshot with Pyodide (in Node.js) failed: out of memory. "
        "The checkers will start without a snapshot: slower, but the same answers.\n")
    assert json.loads((site / "assets" / "checkers" / "bundle.json").read_text())["snapshot"] is None
    assert list(site.rglob("*.snapshot")) == [] and "const LATER = [];" in (site / "sw.js").read_text()
