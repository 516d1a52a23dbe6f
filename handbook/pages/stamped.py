"""The route's pages, written by the build into frames the site generator rendered, not one by one by it.

Some 2,000 short pages, alike, outside the nav, search and sidebars: put through the theme one by one
they were most of a build's time. The generator renders a frame instead: a route page whose title and
content are placeholders (each route's start page, and one page a folder deeper). The build turns each
page's Markdown into HTML with the Markdown extensions the generator reads (the site's settings), makes
its links what a generator makes of them (pages/links.py), and writes it into a copy of the frame of its
depth, at the address the generator would give it. Every frame is written over in the end.
"""
from __future__ import annotations

import gzip
import json
import re
import zlib
from dataclasses import astuple, dataclass
from pathlib import Path

import markdown

from ..errors import HandbookError
from ..folders import cache_dir, code_files, fingerprint, keep, read_kept
from ..page_files import parse_page
from .links import Links, output_file
from .route_pages import front_matter

TITLE, ANCHOR, BODY = "hb-frame-title", "hb-frame-anchor", "hb-frame-body"  # what the frame holds, to replace
_SLOT = re.compile(rf'<h1[^>]*\bid="{ANCHOR}"[^>]*>.*?</h1>\s*<p>{BODY}</p>', re.S)
_H1 = re.compile(r'<h1[^>]*\bid="([^"]+)"[^>]*>(.*?)</h1>', re.S)
MARKDOWN = ("Markdown", "pymdown-extensions")  # what turns the pages into HTML
_SOURCE_LINK = re.compile(r'(?<=href=")([^":]*?\.md(?:#[^"]*)?)(?=")')


@dataclass(frozen=True)
class Page:
    title: str  # as the theme writes a page's title: already escaped
    anchor: str  # the id of its heading, where the theme's "Skip to content" leads
    html: str  # its content, the heading first


@dataclass(frozen=True)
class StampedPages:
    frames: tuple[str, ...]  # pages under docs/ written as frames; the generator renders them
    pages: dict[str, Page]  # page under docs/ -> its content, every frame's page among them

    @staticmethod
    def frame_markdown() -> str:
        """A frame's Markdown: a route page's front matter, with placeholders for its title and content."""
        return "\n".join([*front_matter(TITLE), f"# {TITLE} {{ #{ANCHOR} }}", "", BODY, ""])

    @property
    def templates(self) -> dict[int, str]:
        """The frame that pages of each depth are written into: the first of that depth."""
        found: dict[int, str] = {}
        for frame in self.frames:
            found.setdefault(_depth(frame), frame)
        return found

    def write(self, site_dir: Path) -> None:
        """Each page, in the frame of its depth, where the generator would have written it."""
        frames = {}
        for depth, frame in self.templates.items():
            parts = _SLOT.split((site_dir / output_file(frame)).read_text(encoding="utf-8"))
            if len(parts) != 2:
                raise HandbookError(f"the site generator's page for {frame} has no single place for a route page's "
                                    "content; the theme's overrides may have changed.")
            frames[depth] = parts
        for path, page in self.pages.items():
            before, after = frames[_depth(path)]
            target = site_dir / output_file(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_fill(before, page) + page.html + _fill(after, page), encoding="utf-8")


def _depth(page: str) -> int:
    return output_file(page).count("/")


def _fill(part: str, page: Page) -> str:
    return part.replace(TITLE, page.title).replace(ANCHOR, page.anchor)


def stamped_pages(pages: dict[str, str], settings: dict) -> StampedPages:
    """The route's pages (under docs/ -> Markdown with front matter) as the generator would render their content.

    The frames: each folder's index page (its route's start: other pages link to it) and the first of the rest.
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
    starts = [path for path in pages if path.endswith("/index.md")]
    rest = [path for path in pages if path not in starts]
    return StampedPages(tuple(starts + rest[:1]), done)


def _converted(pages: dict[str, str], names: list[str], configs: dict[str, dict]) -> dict[str, Page]:
    converter = markdown.Markdown(extensions=names, extension_configs=configs)
    done = {}
    for path, text in pages.items():
        converter.reset()
        page = parse_page(path, text)
        html = _SOURCE_LINK.sub(lambda link: Links(path).address(link.group(1)), converter.convert(page.body))
        anchor, heading = _H1.search(html).groups()
        done[path] = Page(str(page.meta.get("title") or heading), anchor, html)
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
