"""`build-all --shared-runtime`: a network's groups, served from one origin, load one runtime folder beside
their sites; each group's offline copy still holds everything its checker needs, and nothing comes from
another site."""
from __future__ import annotations

import json
import re
import stat
from pathlib import Path
from urllib.parse import urljoin

import pytest
from click.testing import CliRunner

from checkers import CHECKERS
from handbook.cli import main
from handbook.site.shared_runtime import write_runtime_folder

from helpers.chromium import wait_for
from helpers.checker_page import (ANSWERS, THREE_CIRCUMSTANCES, answer_on_screen, cached_urls, enter, precached,
                                  runtime_answers, started_from, visit_once)

FORM = 'form[data-checker="sharing"]'
GROUPS = ("alder", "birch")


def _build_all(groups: Path, sites: Path, *more: str):
    return CliRunner().invoke(main, ["build-all", str(groups), "--out", str(sites), *more])


@pytest.fixture(scope="module")
def network(tmp_path_factory) -> Path:
    """Two groups built with one runtime folder, `runtime`, beside their sites."""
    root = tmp_path_factory.mktemp("network")
    for name in GROUPS:
        made = CliRunner().invoke(main, ["new", str(root / "groups" / name), "--name", f"{name.title()} Food Bank",
                                         "--no-input"])
        assert made.exit_code == 0, made.output
    built = _build_all(root / "groups", root / "sites", "--shared-runtime", "runtime")
    assert built.exit_code == 0, built.output
    assert re.search(r"2 of 2 groups built into .*; \d+ MB in all, and the runtime they share \d+ MB in runtime\)",
                     built.output)
    return root


def test_the_groups_load_one_runtime_folder_and_each_offline_copy_lists_it(network):
    sites = network / "sites"
    (folder,) = (sites / "runtime").iterdir()
    address = f"../runtime/{folder.name}/"
    snapshot = next(path.name for path in (folder / "checkers").glob("*.snapshot"))
    assert sorted(path.name for path in (folder / "pyodide").iterdir()) == [
        "pyodide-lock.json", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs", "python_stdlib-full.zip",
        "python_stdlib.zip"]
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o755 for path in (folder, folder / "pyodide", folder / "checkers"))
    for name in GROUPS:
        site = sites / name
        assert not (site / "assets" / "pyodide").exists() and not list(site.glob("assets/checkers/*.snapshot"))
        worker = (site / "assets" / "checkers" / "worker.js").read_text()
        assert f'import {{ loadPyodide }} from "../../{address}pyodide/pyodide.mjs";' in worker
        assert "../pyodide/" not in worker.replace(f"../../{address}", "")
        bundle = json.loads((site / "assets" / "checkers" / "bundle.json").read_text())
        assert bundle["snapshot"] == f"../../{address}checkers/{snapshot}"
        kept = precached(site)
        assert [url for url in kept if url.startswith("../")] == [
            f"{address}pyodide/{path.name}" for path in sorted((folder / "pyodide").iterdir())] + [
            f"{address}checkers/{snapshot}"]
        assert kept[-1] == f"{address}checkers/{snapshot}"  # the snapshot after the rest, as in a site of its own
        assert sum(path.stat().st_size for path in site.rglob("*") if path.is_file()) < 16_000_000


def test_a_runtime_folder_no_site_loads_is_deleted_and_a_wrong_name_is_one_sentence(network):
    groups, sites = network / "groups", network / "sites"
    old = sites / "runtime" / "0123456789abcdef"
    (old / "pyodide").mkdir(parents=True)
    (old / "pyodide" / "pyodide.mjs").write_text("// a runtime of an earlier build")
    again = _build_all(groups, sites, "--shared-runtime", "runtime")
    assert again.exit_code == 0 and "0 of 2 groups built" in again.output and "2 unchanged" in again.output
    assert not old.exists() and len(list((sites / "runtime").iterdir())) == 1
    for name, why in (("../up", "expected a folder name of letters, digits, - and _"),
                      (".hidden", "expected a folder name of letters, digits, - and _"),
                      ("alder", "is a group's folder too, and its site would go to the same place")):
        refused = _build_all(groups, sites, "--shared-runtime", name)
        assert refused.exit_code == 1 and "Traceback" not in refused.output
        assert refused.output.startswith(f"Error: --shared-runtime {name!r}: ") and why in refused.output


def test_a_group_with_the_shared_runtime_answers_and_works_offline_from_its_own_origin(network, serve, page, outside):
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)
    base = serve(network / "sites")
    site, group = network / "sites" / "alder", base + "alder/"
    page.goto(group + "can-i-share/")
    enter(page, FORM, ANSWERS)
    runtime_answers(page, FORM)
    assert answer_on_screen(page, FORM)["decision"] == CHECKERS["sharing"].decide(ANSWERS).decision
    assert any(url.startswith(base + "runtime/") and url.endswith("/pyodide.asm.wasm") for url in page.seen)
    assert not any("/alder/assets/pyodide/" in url for url in page.seen)

    visit_once(page, group, site)
    assert sorted(cached_urls(page)) == sorted(urljoin(group, url) for url in precached(site))
    page.context.set_offline(True)
    page.goto(group + "can-i-share/")
    enter(page, FORM, THREE_CIRCUMSTANCES)  # the build's data answers first; then the runtime, offline
    runtime_answers(page, FORM)
    assert answer_on_screen(page, FORM)["decision"] == CHECKERS["sharing"].decide(THREE_CIRCUMSTANCES).decision
    assert wait_for(page, "document.querySelector('#handbook-offline') !== null")
    assert started_from(page) == "snapshot"  # the shared folder's snapshot, from the group's own offline copy
    assert outside(page, base) == [] and refused == []


def test_a_runtime_folder_changed_since_it_was_written_is_written_again(tmp_path):
    assets = tmp_path / "site" / "assets"
    for name, text in (("pyodide/pyodide.mjs", "export const runtime = 1;"), ("pyodide/pyodide.asm.wasm", "wasm"),
                       ("checkers/checkers-0123456789abcdef.snapshot", "memory"), ("checkers/bundle.json", "{}")):
        (assets / name).parent.mkdir(parents=True, exist_ok=True)
        (assets / name).write_text(text)
    first = write_runtime_folder(assets, tmp_path / "sites", "runtime")
    assert sorted(path for path, _ in first.files()) == [
        f"{first.address}checkers/checkers-0123456789abcdef.snapshot", f"{first.address}pyodide/pyodide.asm.wasm",
        f"{first.address}pyodide/pyodide.mjs"]  # the group's own bundle stays with the group
    (first.folder / "pyodide" / "pyodide.mjs").write_text("fetch('https://elsewhere.example/')")
    (first.folder / "pyodide" / "extra.js").write_text("")
    again = write_runtime_folder(assets, tmp_path / "sites", "runtime")
    assert again == first and (again.folder / "pyodide" / "pyodide.mjs").read_text() == "export const runtime = 1;"
    assert not (again.folder / "pyodide" / "extra.js").exists()
    (assets / "pyodide" / "pyodide.mjs").write_text("export const runtime = 2;")  # another runtime: another folder
    assert write_runtime_folder(assets, tmp_path / "sites", "runtime").folder != first.folder
