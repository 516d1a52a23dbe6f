"""How a page reaches the site's root, for each site generator.

Markdown links between pages are written to the `.md` source files, which every generator resolves.
Addresses inside raw HTML (the checker form, download links) are not Markdown: MkDocs leaves them
as written, relative to the page's output folder (`policy/police/`), while Zensical reads them
relative to the page's source folder (`policy/`) and rewrites them. Data attributes are never
rewritten, so they always use the output folder.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

STYLES = ("output", "source")  # MkDocs, Zensical


def _output_depth(page: str) -> int:
    """Folders between the page's web address and the root (directory URLs: a.md -> a/)."""
    return page.count("/") + (0 if page == "index.md" or page.endswith("/index.md") else 1)


def _address(page: str) -> str:
    """A page's folder on the site (directory URLs: 'index.md' -> '.', 'a/index.md' -> 'a', 'a/b.md' -> 'a/b')."""
    stem = page[:-len("index.md")] if page == "index.md" or page.endswith("/index.md") else page[:-len(".md")]
    return stem.rstrip("/") or "."


def output_file(page: str) -> str:
    """Where a generator writes a page: 'a/b.md' -> 'a/b/index.html'."""
    return posixpath.join(_address(page), "index.html").removeprefix("./")


@dataclass(frozen=True)
class Links:
    page: str  # under docs/, e.g. "policy/police.md"
    style: str = "output"

    @property
    def output_root(self) -> str:
        """From the page as the browser sees it to the site root: for data attributes and scripts."""
        return "../" * _output_depth(self.page)

    @property
    def raw_root(self) -> str:
        """For href and src in raw HTML, as this generator reads them."""
        return "../" * (self.page.count("/") if self.style == "source" else _output_depth(self.page))

    def address(self, target: str) -> str:
        """A Markdown link to a page's source ('../police.md#clause-8') as a generator writes it in the page:
        relative to this page's address ('../../police/#clause-8'). For pages the build writes itself."""
        path, mark, fragment = target.partition("#")
        source = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), path))
        return posixpath.relpath(_address(source), _address(self.page)) + "/" + mark + fragment
