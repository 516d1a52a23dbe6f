"""The route's pages, written by the build in their own lean template, not one by one by the site generator.

Some 2,000 short pages, alike, outside the nav, search and sidebars: put through the theme one by one
they were most of a build's time, and in the theme's frame each carried the site's whole navigation.
The build turns each page's Markdown into HTML with the Markdown extensions the generator reads (the
site's settings), makes its links what a generator makes of them (pages/links.py), and writes it into
the route's template (pages/route_template.py) at the address the generator would give it. The generator
renders only each route's start page, as a placeholder other pages' links can point to; the build
writes over it.
"""
from __future__ import annotations

import gzip
import json
import re
import zlib
from dataclasses import astuple, dataclass
from pathlib import Path

import markdown

from ..cache import cache_dir, code_files, fingerprint, keep, read_kept
from ..page_files import parse_page
from .links import Links, output_file
from .route_pages import front_matter
from .route_template import STYLESHEET, RouteTemplate

_H1 = re.compile(r'<h1[^>]*\bid="([^"]+)"[^>]*>(.*?)</h1>', re.S)
MARKDOWN = ("Markdown", "pymdown-extensions")  # what turns the pages into HTML
_SOURCE_LINK = re.compile(r'(?<=href=")([^":]*?\.md(?:#[^"]*)?)(?=")')


@dataclass(frozen=True)
class Page:
    title: str  # as the theme writes a page's title: already escaped
    html: str  # its content, the heading first


@dataclass(frozen=True)
class StampedPages:
    frames: tuple[str, ...]  # pages under docs/ the generator renders as placeholders: each route's start
    pages: dict[str, Page]  # page under docs/ -> its content, every frame's page among them
    template: RouteTemplate = RouteTemplate({})

    @staticmethod
    def frame_markdown() -> str:
        """A placeholder's Markdown: out of search, and written over by the build."""
        return "\n".join([*front_matter("All answers"), "# All answers", ""])

    def write(self, site_dir: Path) -> None:
        """Each page in the route's template, where the generator would have written it, and its stylesheet."""
        (site_dir / STYLESHEET).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / STYLESHEET).write_text(self.template.stylesheet(), encoding="utf-8")
        for path, page in self.pages.items():
            address = output_file(path)
            target = site_dir / address
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.template.page(address.count("/"), page.title, page.html),
                              encoding="utf-8")


def stamped_pages(pages: dict[str, str], settings: dict) -> StampedPages:
    """The route's pages (under docs/ -> Markdown with front matter) as the generator would render their content.

    The frames: each folder's index page (its route's start: other pages link to it).
    Turning 2,000 pages of Markdown into HTML takes seconds, so the result is kept in the user's cache, under a
    hash of the Markdown, the extensions and the code: a build with the same route reads it back."""
    extensions = _extensions(settings.get("markdown_extensions", []))
    key = fingerprint(code_files(), packages=MARKDOWN, words=json.dumps([extensions, pages], sort_keys=True))
    kept = cache_dir() / "route-pages" / f"{key}.json.gz"
    try:
        done = {path: Page(*fields) for path, fields in json.loads(gzip.decompress(read_kept(kept))).items()}
        if done.keys() != pages.keys():  # the pages asked for, and no other path, so none lands outside the site
            raise ValueError(kept)
    except (OSError, ValueError, TypeError, EOFError, zlib.error):
        done = _converted(pages, *extensions)
        keep(kept, gzip.compress(json.dumps({path: astuple(page) for path, page in done.items()}).encode(), mtime=0))
    starts = tuple(path for path in pages if path.endswith("/index.md"))
    return StampedPages(starts, done, RouteTemplate.from_settings(settings))


def _converted(pages: dict[str, str], names: list[str], configs: dict[str, dict]) -> dict[str, Page]:
    converter = markdown.Markdown(extensions=names, extension_configs=configs)
    done = {}
    for path, text in pages.items():
        converter.reset()
        page = parse_page(path, text)
        html = _SOURCE_LINK.sub(lambda link: Links(path).address(link.group(1)), converter.convert(page.body))
        heading = _H1.search(html).group(2)
        done[path] = Page(str(page.meta.get("title") or heading), html)
    return done


def _extensions(listed: list) -> tuple[list[str], dict[str, dict]]:
    """The settings' `markdown_extensions` (names, or one-key maps of a name to its options) as Markdown takes them."""
    names, configs = [], {}
    for entry in listed:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            configs[name] = options
    return names, configs
