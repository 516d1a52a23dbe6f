"""A handbook page file: optional YAML front matter between `---` lines, then Markdown."""
from __future__ import annotations

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
    text = (docs / relative).read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return PageFile(relative, {}, text)
    head, sep, body = text[4:].partition("\n---\n")
    if not sep:
        raise HandbookError(f"docs/{relative}: the front matter has no closing `---` line.")
    try:
        meta = yaml.safe_load(head) or {}
    except yaml.YAMLError as error:
        raise HandbookError(f"docs/{relative}: the front matter is not valid YAML ({error}).") from None
    if not isinstance(meta, dict):
        raise HandbookError(f"docs/{relative}: the front matter must be `key: value` lines.")
    return PageFile(relative, meta, body.lstrip("\n"))
