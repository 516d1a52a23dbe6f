"""Compile a group's handbook into what a site generator needs: rendered pages, settings, and files to attach.

Plain Python, no site generator imported: every `{{ ... }}` is filled in here, the generated pages
are made here, the documents and the browser bundle are made here, and the clause check runs
here. A generator (handbook/site/) only turns the compiled Markdown into HTML, so any generator
that reads `mkdocs.yml` (MkDocs, Zensical) builds the same handbook.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

import checkers
from checkers.clauses import clause_ids

from .browser.bundle import write_browser_assets
from .documents import render_documents
from .documents.catalogue import FORMATS
from .documents.pdf_writer import pdf_unavailable
from .folders import Folders
from .group import PolicyVersion, load_group
from .group.brand import on_dark
from .page_files import read_page
from .pages.checker_form import hidden_options
from .pages.context import PageContext, Placement, Site
from .pages.links import Links
from .pages.route_pages import route_pages
from .pages.stamped import StampedPages, stamped_pages
from .pages.what_changed import render_what_changed
from .policy import summaries
from .policy.pictures import copy_pictures
from .policy.text import load_policy
from .answers.quiz import quiz
from .answers.tables import check_clause_coverage
from .templating import long_date, render_page
from .templating import text as escaped  # the theme's templates are not autoescaped

# Front matter the build reads and the generator does not need (In short points, the path's data).
CONSUMED = ("in_short", "path", "remember", "section", "lead")


@dataclass(frozen=True)
class Attachments:
    """Files written straight into the built site: the documents and what the checkers run on."""

    documents: dict[str, bytes]
    group_words: dict[str, str]
    version: str
    colour: str | None = None
    app_names: tuple[str, str] = ("", "")  # name and short name as written, for the offline copy's manifest

    def write(self, site_dir: Path) -> None:
        write_browser_assets(site_dir, group=self.group_words, version=self.version)
        downloads = site_dir / "downloads"
        downloads.mkdir(exist_ok=True)
        for name, data in self.documents.items():
            (downloads / name).write_bytes(data)


@dataclass(frozen=True)
class Compiled:
    folder: Path  # holds docs/ (the rendered pages) and mkdocs.yml (the generator's settings)
    settings: dict
    attachments: Attachments
    folders: Folders
    route: StampedPages  # the route's pages, written in their own template after the generator has rendered
    warnings: tuple[str, ...] = ()  # worth a look, not worth stopping for (an override to check after an upgrade)

    @property
    def docs(self) -> Path:
        return self.folder / "docs"

    @property
    def config_file(self) -> Path:
        return self.folder / "mkdocs.yml"


def load_site(group_file: Path, version: str | None = None, defaults: Path | None = None) -> tuple[Site, dict]:
    """The build's inputs: the group, the version in force, its text, the documents made for it, and the
    induction quiz answered by the rules of that version (a situation they answer otherwise stops the build)."""
    group = load_group(group_file)
    folders = Folders(Path(group_file).resolve().parent, *([defaults] if defaults else []))
    entry = group.version(version)
    summaries.overrides(folders)  # a mistake in my-sections/ is named before any page is made
    policy = load_policy(folders, entry.version)
    no_pdf = pdf_unavailable()  # then the Word files alone, and the pages link only those
    documents = render_documents(group, entry, folders=folders, formats=("docx",) if no_pdf else FORMATS)
    sizes = {name: len(data) for name, data in documents.items()}
    notes = tuple(note for note in (no_pdf, _unapproved(group_file, entry)) if note)
    return Site(group, entry, policy, folders, sizes, quiz(folders, entry.version, group.words()), notes), documents


def _unapproved(group_file: Path, entry: PolicyVersion) -> str | None:
    if entry.approved is not None:
        return None
    return (f"{Path(group_file).name}: version {entry.version} has no approved date, so every page and form says "
            f"\"not yet approved\"; when your trustees approve it, write the day after `approved:`.")


def compile_handbook(group_file: Path, out: Path, *, version: str | None = None, style: str = "output",
                     versioned: bool = False, today: dt.date | None = None, defaults: Path | None = None) -> Compiled:
    """Write the compiled pages and settings into `out`; any mistake is one HandbookError."""
    site, documents = load_site(group_file, version, defaults)
    docs = out / "docs"
    placement = Placement()
    checker_pages: dict[str, str] = {}  # page under docs/ -> the checker it shows
    source = site.folders.defaults / "docs"
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source).as_posix()
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            target.write_text(_page(site, relative, placement, style, checker_pages), encoding="utf-8")
        elif path.is_file():
            shutil.copyfile(path, target)
    settings = site_settings(site, versioned=versioned, today=today)
    settings["extra"]["handbook"]["checkers"] = _checker_links(settings["nav"], checker_pages)
    route = route_to_answers(site, settings)
    pages = {"changes.md": render_what_changed(site.group, site.version.version, site.folders),
             **{frame: route.frame_markdown() for frame in route.frames}}
    for relative, markdown in pages.items():
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / relative).write_text(markdown, encoding="utf-8")
    placement.check_complete(clause_ids(site.version.version))
    check_clause_coverage(set(placement.placed))
    policy = site.policy
    copy_pictures("\n".join([policy.preamble, *(clause.text for clause in policy.clauses.values())]), policy.path,
                  site.folders, docs)
    shutil.copytree(site.folders.defaults / "overrides", out / "overrides")
    _brand(site, docs, settings)
    (out / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")
    plain = site.group.words()
    attachments = Attachments(documents, site.group.words(isolated=True), site.version.version, site.group.colour,
                              (plain["name"], plain["short_name"]))
    return Compiled(out, settings, attachments, site.folders, route,
                    (*site.notes, *summaries.stale_overrides(site.folders)))


def _brand(site: Site, docs: Path, settings: dict) -> None:
    """The group's logo and colour (both checked when the group file was read)."""
    group = site.group
    if group.logo:
        logo = site.folders.group_dir / group.logo
        shutil.copyfile(logo, docs / "assets" / f"logo{logo.suffix.lower()}")
        settings["theme"]["logo"] = f"assets/logo{logo.suffix.lower()}"
    colour = settings["extra"]["handbook"]["colour"]  # the group's, or the handbook's own
    light = (f":root, [data-md-color-primary=\"custom\"] {{ --md-primary-fg-color: {colour}; "
             f"--md-primary-fg-color--dark: {colour}; --md-typeset-a-color: {colour}; }}\n") if group.colour else ""
    (docs / "assets" / "brand.css").write_text(
        f"/* {escaped(group.name).replace('*/', '* /')}'s colour, checked for contrast against white when group.yml was read; in the\n"
        f"   dark colour scheme, links and outlines take its nearest tint that passes against the dark background. */\n"
        f"{light}[data-md-color-scheme=\"slate\"] {{ --md-typeset-a-color: {on_dark(colour)}; }}\n",
        encoding="utf-8")
    settings["extra_css"] = [*settings.get("extra_css", []), "assets/brand.css"]


def _page(site: Site, relative: str, placement: Placement, style: str, checker_pages: dict[str, str]) -> str:
    """One page rendered: its template filled in, its front matter kept for the theme (and in
    `checker_pages`, the checker it shows)."""
    page = read_page(site.folders.defaults / "docs", relative)
    context = PageContext(site, Links(relative, style), placement)
    body = render_page(page.body, f"docs/{relative}", context.as_dict())
    meta = dict(page.meta)
    if context.checkers:
        meta["checker"] = context.checkers[0]  # the theme loads the checker's script on this page only
        checker_pages[relative] = context.checkers[0]
    if context.shows_quiz:
        meta["quiz"] = True  # and the quiz's on the quiz page only
    return _with_meta(meta, body)


def _checker_links(nav: list, checker_pages: dict[str, str]) -> list[dict[str, str]]:
    """The checkers' pages as the menu names them, for the page that answers a missing address (they work
    offline: overrides/404.html)."""
    links = []
    for entry in nav:
        for title, target in (entry.items() if isinstance(entry, dict) else ()):
            if isinstance(target, str) and target in checker_pages:
                links.append({"title": str(escaped(title)), "url": Links("index.md").address(target)})
    return links


def _with_meta(meta: dict, body: str) -> str:
    kept = {key: value for key, value in meta.items() if key not in CONSUMED}
    head = f"---\n{yaml.safe_dump(kept, sort_keys=False, allow_unicode=True)}---\n\n" if kept else ""
    return head + body


def route_to_answers(site: Site, settings: dict) -> StampedPages:
    """The route to each checker's answers without JavaScript: pages the build writes itself (pages/stamped.py)."""
    hidden = hidden_options(site.group.keeps_case_files)
    pages = {}
    for checker_id in checkers.CHECKERS:
        pages.update(route_pages(checker_id, site.group.words(isolated=True), site.version.version, hidden=hidden,
                                 downloads=site.downloads))
    return stamped_pages(pages, settings)


def site_settings(site: Site, *, versioned: bool, today: dt.date | None = None) -> dict:
    """The generator's settings: the handbook's own (mkdocs.yml among the defaults) with the group's names.

    Paths are relative to the compiled folder, which holds docs/ and overrides/ side by side.
    """
    settings = yaml.safe_load((site.folders.defaults / "mkdocs.yml").read_text(encoding="utf-8"))
    group, version = site.group, site.version
    today = today or dt.date.today()
    settings.update(site_name=str(escaped(group.display_short_name)), docs_dir="docs", site_dir="site")
    settings["plugins"] = [plugin for plugin in settings.get("plugins", []) if plugin == "search"]
    settings["theme"]["custom_dir"] = "overrides"
    settings["validation"] = {"links": {"absolute_links": "relative_to_docs"}}  # policy pictures (policy/pictures.py)
    extra = settings.setdefault("extra", {})
    extra["version"] = {"provider": "mike", "default": "latest"} if versioned else {}
    extra["handbook"] = {
        "name": str(escaped(group.name)),
        "short_name": str(escaped(group.display_short_name)),
        "manager": str(escaped(group.manager)),
        "version": str(escaped(version.version)),
        "approval": version.approval,
        "review_due": long_date(version.review_due) if version.review_due else "",
        "due_for_review": bool(version.review_due and version.review_due <= today),
        "contact": {key: str(escaped(value)) for key, value in group.contact.model_dump().items() if value},
        "phone_link": _dialled(group.contact.phone) if group.contact.phone else "",
        "stamp": f"{escaped(version.version)}, {version.approval}",
        "colour": group.colour or "#00564d",
    }
    return settings


def _dialled(phone: str) -> str:
    """The group's phone as a link a phone can dial: digits and a leading +, without a UK "(0)" or an
    extension ("0161 496 0000 ext. 12" dials 01614960000)."""
    number = re.split(r"[A-Za-z]", phone.replace("(0)", ""), maxsplit=1)[0]
    return "tel:" + re.sub(r"[^0-9+]", "", number)
