"""The handbook builds for any group: names everywhere, escaped; every clause anchored once."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from handbook.folders import Folders
from handbook.group import load_group
from handbook.policy.placement import CLAUSE_PAGES, anchor

from helpers import GROUPS, REPO
from helpers.sites import visible_text

pytestmark = pytest.mark.every_generator  # what this file tests differs between generators

EXAMPLE = load_group(REPO / "group.yml")
HOSTILE = load_group(GROUPS / "hostile.yml")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


@pytest.mark.parametrize("group_name", ["example", "hostile"])
def test_every_page_names_the_group_escaped_and_no_placeholder_survives(group_name, site_dir, hostile_site_dir):
    site, group = (site_dir, EXAMPLE) if group_name == "example" else (hostile_site_dir, HOSTILE)
    found = pages(site)
    assert len(found) >= 16
    for page in found:
        raw = page.read_text(encoding="utf-8")
        text = visible_text(page)
        assert group.name in text, f"{page} does not show the group's name"
        assert "{{" not in raw and "{%" not in raw, f"{page} has a template placeholder"
        assert not re.search(r"group name", text, re.IGNORECASE), f"{page} still says 'group name'"
        assert "<Drop-in>" not in raw and "<b>boss</b>" not in raw and "<script>alert" not in raw


def test_the_hostile_values_show_exactly_as_written(hostile_site_dir):
    police = visible_text(hostile_site_dir / "policy" / "police" / "index.html")
    assert HOSTILE.person_with_authority in police
    assert HOSTILE.team_leader in police
    sharing = visible_text(hostile_site_dir / "policy" / "internal-confidentiality" / "index.html")
    for agency in HOSTILE.partner_agencies:
        assert agency in sharing
    title = re.search(r"<title>(.*?)</title>", (hostile_site_dir / "index.html").read_text()).group(1)
    assert html.unescape(title).endswith(HOSTILE.short_name)  # "Home - ..." with Zensical


def test_the_groups_phone_can_be_dialled_from_every_page(site_dir, hostile_site_dir):
    for site, dialled in ((site_dir, "tel:01614960000"), (hostile_site_dir, "tel:+441632960000")):
        for page in (site / "index.html", site / "all-answers" / "sharing" / "index.html"):
            assert f'<a href="{dialled}">' in page.read_text(encoding="utf-8"), page


def test_the_version_stamp_links_to_what_changed_from_every_page(site_dir):
    version = EXAMPLE.version().version
    for page in pages(site_dir):
        found = re.search(r'(?:<aside class="handbook-stamp|<footer>).*?<a href="([^"]+)" aria-label="version ([^:"]+): '
                          r'what changed">version ([^<]+)</a>', page.read_text(encoding="utf-8"), re.S)
        assert found and found[2] == found[3] == version, page
        # the 404 page, served at any address, links from the site's root, as all its links do
        target = ((site_dir / found[1].lstrip("/")) if found[1].startswith("/") else (page.parent / found[1]))
        target = target.resolve() / "index.html"
        assert target == (site_dir / "changes" / "index.html").resolve() and target.is_file(), page


def test_every_clause_anchor_exists_exactly_once_on_its_page(site_dir):
    everywhere = "".join(p.read_text(encoding="utf-8") for p in pages(site_dir))
    for cid, page in CLAUSE_PAGES.items():
        assert everywhere.count(f'id="{anchor(cid)}"') == 1, cid
        on_page = (site_dir / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor(cid)}"' in on_page


def test_every_page_shows_the_version_in_force_and_review_date(site_dir):
    version = EXAMPLE.version()
    for page in pages(site_dir):
        text = visible_text(page)
        assert f"version {version.version}" in text, page
        assert f"next review due {version.review_due.day} {version.review_due:%B %Y}" in text, page


def test_keeps_case_files_changes_clause_3(site_dir, hostile_site_dir):
    assert EXAMPLE.keeps_case_files and not HOSTILE.keeps_case_files
    kept = visible_text(site_dir / "policy" / "case-files" / "index.html")
    not_kept = visible_text(hostile_site_dir / "policy" / "case-files" / "index.html")
    assert "case files are only kept because" in kept
    assert "does not keep case files" in not_kept and "case files are only kept because" not in not_kept


def test_an_older_version_builds_with_its_own_text(build):
    old = build(None, "1.0")
    text = visible_text(old / "policy" / "information-sharing" / "index.html")
    assert "version 1.0" in text
    assert "must name each organisation" not in text
    new = visible_text(build() / "policy" / "information-sharing" / "index.html")
    assert "must name each organisation" in new


def test_every_page_carries_a_strict_content_security_policy(site_dir):
    for page in pages(site_dir):
        raw = page.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', raw)
        assert policy, page
        assert "default-src 'self'" in policy.group(1)
        assert "'unsafe-inline'" not in policy.group(1).split("style-src")[0]
        assert "<script" not in raw or raw.index("Content-Security-Policy") < raw.index("<script")  # route: none
        if "<script" not in raw:  # a route page: no script may run at all
            assert "script-src 'none'" in policy.group(1) and "wasm" not in policy.group(1), page


def test_a_version_past_its_review_date_says_so_on_every_page(build):
    overdue = build(GROUPS / "hostile.yml", "1.0")  # review due 15 January 2026
    current = build(GROUPS / "hostile.yml", "1.1")  # review due 2099
    for page in pages(overdue):
        assert "Due for review" in visible_text(page), page
        assert "This policy was due for review on 15 January 2026." in visible_text(page), page
    assert not any("Due for review" in visible_text(page) for page in pages(current))


def test_a_preview_watches_the_group_file_and_every_source_a_build_reads():
    watched = Folders(GROUPS).watched(GROUPS / "hostile.yml")
    assert (GROUPS / "hostile.yml").resolve() in watched
    assert {REPO / "policy", REPO / "templates", REPO / "docs", REPO / "overrides"} <= set(watched)


RENAMED = {"manager: manager": "manager: lead volunteer", "team_leader: shift leader": "team_leader: shift captain",
           "senior_volunteer: senior volunteer": "senior_volunteer: old hand",
           "person_with_authority: coordinator": "person_with_authority: chair",
           "safeguarding_lead: safeguarding lead": "safeguarding_lead: welfare officer"}
DEFAULT_TITLES = re.compile(r"\b(manager|team leader|senior volunteer|safeguarding lead|coordinator)\b", re.IGNORECASE)


def test_a_group_that_renames_every_title_reads_no_default_title_anywhere(build, tmp_path_factory):
    """Pages, answers (All answers), What changed and every document: only the group's own titles.
    The coordinators' pages (about/, make-it-yours), which explain the keys themselves, are left out."""
    folder = tmp_path_factory.mktemp("renamed")
    text = (REPO / "group.yml").read_text()
    for old, new in RENAMED.items():
        assert old in text
        text = text.replace(old, new)
    (folder / "group.yml").write_text(text)
    site = build(folder / "group.yml")
    for page in pages(site):
        relative = page.relative_to(site).as_posix()
        if relative.startswith(("about/", "make-it-yours/", "put-it-online/")):
            continue
        found = DEFAULT_TITLES.search(visible_text(page))
        assert not found, (relative, visible_text(page)[max(0, found.start() - 80):found.end() + 40])
    import docx
    import pypdf

    for path in (site / "downloads").iterdir():
        words = " ".join(p.text for p in docx.Document(path).paragraphs) if path.suffix == ".docx" else \
            " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
        found = DEFAULT_TITLES.search(" ".join(words.split()))
        assert not found, (path.name, words[max(0, found.start() - 80):found.end() + 40])
