"""Every policy version, exported into one folder and served from it: the version selector, `/`
reaching the latest, each version's checker answering with its own rules, and no broken links.

One export per session (each version carries its own ~25 MB runtime and snapshot), shared by every test here.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from click.testing import CliRunner

import checkers
from helpers.chromium import outside_requests, wait_for
from handbook.cli import main
from handbook.group import load_group
from handbook.answers.answer_changes import answer_changes
from handbook.site import csp, swap
from handbook.site.publish import export, publish
from handbook.site.shared_runtime import sizes

from helpers import REPO
from helpers.rules import changed_in_tables

VERSIONS = ["1.0", "1.1"]


FACTS: dict[str, object] = {}  # what the one export of the session measured


def gh_pages_refs() -> str:
    """The project's own gh-pages branch and remote branches, which an export must not touch."""
    return subprocess.run(["git", "-C", str(REPO), "for-each-ref", "refs/heads/gh-pages", "refs/remotes"],
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "public"
    FACTS["refs before"] = gh_pages_refs()
    started = time.monotonic()
    assert export(out, group_file=REPO / "group.yml") == VERSIONS
    FACTS["seconds"] = time.monotonic() - started
    FACTS["refs after"] = gh_pages_refs()
    print(f"export of {len(VERSIONS)} versions: {FACTS['seconds']:.1f} s")
    return out


def test_export_leaves_the_projects_branches_alone(exported):
    assert FACTS["refs before"] == FACTS["refs after"]




def test_the_export_holds_every_version_and_opens_at_the_latest(exported):
    listed = json.loads((exported / "versions.json").read_text())
    assert [(v["version"], v["aliases"]) for v in listed] == [("1.1", ["latest"]), ("1.0", [])]
    root = (exported / "index.html").read_text()
    assert 'window.location.replace(\n      "latest/"' in root
    assert csp.script_hashes(root, redirect=True)[0] in root.split('http-equiv="Content-Security-Policy"')[1]  # allowed by hash
    assert (exported / swap.MARKER).is_file()
    for version in VERSIONS:  # each version keeps its own offline copy, in its own scope
        worker = (exported / version / "sw.js").read_text()
        assert '"index.html"' not in worker and '"./"' in worker and f"/{version}/" not in worker
    assert '"../1.1/"' in (exported / "latest" / "index.html").read_text()
    assert not [p for p in exported.rglob("*") if p.is_symlink()]  # plain files, for any static host
    for version in VERSIONS:
        home = (exported / version / "index.html").read_text()
        assert f'aria-label="version {version}: what changed">version {version}</a>, approved' in home
        assert '"provider": "mike"' in home
        form = (exported / version / "can-i-share" / "index.html").read_text()
        assert f'data-version="{version}"' in form
    assert "Due for review" in (exported / "1.0" / "index.html").read_text()  # 1.0's review date has passed
    assert not any(p.name.startswith(".public.") for p in exported.parent.iterdir())  # no staging left behind


def test_the_runtime_is_stored_once_on_disk_for_every_version_and_each_version_keeps_it_whole(exported):
    """Hard links, not symlinks (GitHub Pages' artifact refuses both; its action copies links): each version
    still holds every runtime file at its own address, for its own offline copy."""
    for pattern in ("assets/pyodide/pyodide.asm.wasm", "assets/checkers/*.snapshot"):  # the snapshot is made alike
        found = [path for version in VERSIONS for path in (exported / version).glob(pattern)]
        assert len(found) == len(VERSIONS) and all(path.is_file() and not path.is_symlink() for path in found)
        assert len({os.stat(path).st_ino for path in found}) == 1
    counted, stored, _ = sizes(exported)
    runtime = sum(p.stat().st_size for pattern in ("assets/pyodide/*", "assets/checkers/*.snapshot")
                  for p in (exported / VERSIONS[0]).glob(pattern))
    assert counted - stored >= runtime


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.links.append(attrs[name])


def test_no_broken_internal_links_in_any_version(exported):
    pages = {}
    # MkDocs writes 404.html with links from the host's root (it cannot know the address of a page
    # that is missing). A static host serves only a top-level 404.html, never one inside a version.
    for path in exported.rglob("*.html"):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path] = parser
    broken = []
    for path, parser in pages.items():
        base = "http://site/" + path.relative_to(exported).as_posix()
        for link in parser.links if path.name != "404.html" else ():
            url = urlsplit(urljoin(base, link))
            if url.scheme in ("mailto", "tel", "data", "blob") or url.netloc != "site":
                continue
            target = exported / unquote(url.path).lstrip("/")
            if url.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(exported)}: {link}")
            elif url.fragment and target.suffix == ".html" and url.fragment not in pages[target].ids:
                broken.append(f"{path.relative_to(exported)}: {link} (no such anchor)")
    assert broken == []
    assert len(pages) > 40


def test_the_selector_lists_both_versions_and_slash_reaches_the_latest(exported, serve, page):
    base = serve(exported)
    page.goto(base, wait_until="load")
    wait_for(page, "() => location.pathname === '/1.1/'")
    listed = wait_for(page, "() => [...document.querySelectorAll('.md-version__list .md-version__link')]"
                            ".map(a => a.textContent.trim())")
    assert [item.split()[0] for item in listed] == ["1.1", "1.0"]
    assert page.inner_text(".md-version__current").strip() == "1.1"
    assert outside_requests(page, base) == []


def test_choosing_1_0_in_the_selector_opens_version_1_0(exported, serve, page):
    """Material keeps the same page only when the sitemap lists it, which needs `site_url`: the
    example has no address, so the reader lands on 1.0's home page. From a reading page: leaving a
    checker page while its runtime started crashed Chromium's renderer twice under a loaded test run."""
    base = serve(exported)
    page.goto(base + "1.1/policy/introduction/", wait_until="load")
    wait_for(page, "() => document.querySelectorAll('.md-version__list .md-version__link').length")
    page.focus(".md-version__current")  # the list opens on focus (or hover), as for a keyboard user
    page.click(".md-version__list .md-version__link >> text=1.0")
    wait_for(page, "() => location.pathname.startsWith('/1.0/')")
    assert "Confidentiality Policy version 1.0" in page.inner_text(".handbook-stamp")


def enter(page, answers: dict) -> dict:
    """Tick the answers on the page's first checker, press Check, and return the answer shown. Only once the
    page's script has set the form up: until then "Check" is hidden, and a click on it does nothing."""
    wait_for(page, "() => !!document.querySelector('form[data-checker]').dataset.hbReady")
    page.evaluate("""(answers) => {
        const form = document.querySelector("form[data-checker]");
        for (const [name, value] of Object.entries(answers)) {
          for (const v of [].concat(value)) {
            const input = form.querySelector(`input[name="${name}"][value="${v}"]`);
            if (!input) throw new Error(`no input ${name}=${v}`);
            input.checked = true;
            input.dispatchEvent(new Event("change", {bubbles: true}));
          }
        }
        form.querySelector("button[type=submit]").click();
    }""", answers)
    return wait_for(page, """() => {
        const box = document.querySelector("form[data-checker] [data-hb-answer]");
        return box.dataset.decision && {decision: box.dataset.decision, cites: box.dataset.cites.split(" "),
            steps: [...box.querySelectorAll("[data-hb-steps] li")].map(li => li.textContent)};
    }""", timeout=90)


@pytest.mark.parametrize("checker_id, path", [("sharing", "can-i-share/"), ("breach", "something-went-wrong/")])
def test_each_versions_checker_answers_with_its_own_rules(exported, serve, page, checker_id, path):
    """A combination whose answer changed (its decision if one did, else what to do) gets, in each
    version's page, the answer CPython's rules give under that version."""
    changed = [c for c in answer_changes("1.0", "1.1") if c.checker == checker_id]
    change = next((c for c in changed if c.old.decision != c.new.decision), changed[0])
    module, words = checkers.CHECKERS[checker_id], load_group(REPO / "group.yml").words()
    expected = {version: module.decide(change.answers, group=words, version=version) for version in VERSIONS}
    assert expected["1.0"].as_dict() != expected["1.1"].as_dict()
    base = serve(exported)
    for version in ("1.1", "1.0"):
        page.goto(f"{base}{version}/{path}", wait_until="load")
        shown = enter(page, change.answers)
        want = expected[version]
        assert shown == {"decision": want.decision, "cites": list(want.cites), "steps": list(want.steps)}, \
            (version, change.key)
    assert outside_requests(page, base) == []


def test_publish_commits_to_the_local_gh_pages_branch_only(tmp_path, monkeypatch):
    """A copy of the project in its own repository: publish the newest version as latest, push nothing."""
    project = tmp_path / "project"
    for name in ("docs", "overrides", "policy", "templates"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, project / name)
    for name in ("mkdocs.yml", "group.yml"):
        shutil.copy(REPO / name, project / name)
    git = ["git", "-C", str(project), "-c", "user.name=Test", "-c", "user.email=test@localhost"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(project)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "A group's handbook"], check=True)
    subprocess.run([*git, "config", "user.name", "Test"], check=True)
    subprocess.run([*git, "config", "user.email", "test@localhost"], check=True)
    head = subprocess.run([*git, "rev-parse", "main"], capture_output=True, text=True).stdout

    assert publish("1.1", alias_latest=True, group_file=project / "group.yml")

    listing = subprocess.run([*git, "ls-tree", "--name-only", "gh-pages"], capture_output=True, text=True).stdout
    assert listing.split() == [".nojekyll", "1.1", "index.html", "latest", "versions.json"]
    versions = json.loads(subprocess.run([*git, "show", "gh-pages:versions.json"], capture_output=True,
                                         text=True).stdout)
    assert versions == [{"version": "1.1", "title": "1.1", "aliases": ["latest"]}]
    assert subprocess.run([*git, "rev-parse", "main"], capture_output=True, text=True).stdout == head
    assert subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True).stdout == ""
    assert subprocess.run([*git, "remote"], capture_output=True, text=True).stdout == ""
    assert not (project / "site").exists()  # built elsewhere: the project's site folder is untouched

    monkeypatch.chdir(project)  # again, from the command line: the build is the same, so no commit
    result = CliRunner().invoke(main, ["publish", "1.1"])
    assert result.output == ("Version 1.1 is already on the local gh-pages branch exactly as it is now: "
                             "nothing to commit.\n"), result.output
    assert len(subprocess.run([*git, "log", "--oneline", "gh-pages"], capture_output=True,
                              text=True).stdout.splitlines()) == 2


@pytest.mark.every_generator
def test_a_single_version_site_has_no_version_selector(site_dir, serve, page):
    """Built without `handbook publish`/`export`, the provider is off: no request for ../versions.json."""
    base = serve(site_dir)
    page.goto(base, wait_until="load")
    page.wait_for_timeout(500)
    assert not [url for url in page.seen if url.endswith("versions.json")]
    assert page.query_selector(".md-version") is None


def test_each_version_has_a_what_changed_page(exported, serve, page, axe):
    """1.0's says it is the first; 1.1's lists exactly the combinations whose answer changed, and
    opens from the navigation."""
    first = (exported / "1.0" / "changes" / "index.html").read_text(encoding="utf-8")
    assert "This is the first version of the policy in this handbook" in first
    latest = (exported / "1.1" / "changes" / "index.html").read_text(encoding="utf-8")
    listed = {html.unescape(key) for key in re.findall(r'data-combination="([^"]*)"', latest)}
    assert listed == set().union(*changed_in_tables("1.0", "1.1").values())
    base = serve(exported)
    page.goto(base + "1.1/changes/", wait_until="load")
    assert page.inner_text("h1") == "What changed in version 1.1"
    assert page.get_attribute("a.md-nav__link:has-text('What changed')", "href") == "./"
    page.evaluate("document.querySelector('.md-version')?.remove()")  # the selector: see the axe test below
    assert axe(page) == []
    assert outside_requests(page, base) == []


def test_exported_pages_have_no_axe_violations(exported, serve, page, axe):
    """The pages that differ in a versioned site (the selector in the header), in both versions."""
    base = serve(exported)
    found = {}
    for path in ("1.1/", "1.1/can-i-share/", "1.0/something-went-wrong/"):
        page.goto(base + path, wait_until="load")
        wait_for(page, "() => document.querySelector('.md-version__current')")
        found[path] = axe(page)
    assert found == {path: [] for path in found}


def test_the_export_has_a_root_404_page_that_loads_from_the_latest_version(exported, serve, page):
    root_404 = (exported / "404.html").read_text(encoding="utf-8")
    assert re.findall(r'(?:href|src)="(?!1\.1/|tel:|mailto:)[^"]*"', root_404) == []
    base = serve(exported)
    page.goto(base + "404.html", wait_until="load")
    sheets = page.evaluate("[...document.styleSheets].map((sheet) => sheet.href || '')")
    assert any(sheet.startswith(base + "1.1/assets/stylesheets/main.") for sheet in sheets)
    assert outside_requests(page, base) == []
