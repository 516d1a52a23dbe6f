"""A handbook page file: optional YAML front matter between `---` lines, then Markdown."""
from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import HandbookError


@dataclass(frozen=True)
class PageFile:
    path: str  # under docs/, e.g. "policy/police.md"
    meta: dict = field(default_factory=dict)
    body: str = ""


def read_page(docs: Path, relative: str) -> PageFile:
    return parse_page(relative, (docs / relative).read_text(encoding="utf-8"))


def parse_page(relative: str, text: str) -> PageFile:
    """A page's text as front matter and body (`relative`, its path under docs/, names it in a mistake)."""
    if not text.startswith("---\n"):
        return PageFile(relative, {}, text)
    head, sep, body = text[4:].partition("\n---\n")
    if not sep:
        raise HandbookError(f"docs/{relative}: the front matter has no closing `---` line.")
    return PageFile(relative, copy.deepcopy(_front_matter(relative, head)), body.lstrip("\n"))


@functools.lru_cache(maxsize=512)
def _front_matter(relative: str, head: str) -> dict:
    """Parsed once per text: a build reads the path's pages' front matter hundreds of times (each step,
    each In short box), and YAML is slow. Keyed by the text itself, so an edited page is read afresh."""
    try:
        meta = yaml.safe_load(head) or {}
    except yaml.YAMLError as error:
        raise HandbookError(f"docs/{relative}: the front matter is not valid YAML ({error}).") from None
    if not isinstance(meta, dict):
        raise HandbookError(f"docs/{relative}: the front matter must be `key: value` lines.")
    return meta
