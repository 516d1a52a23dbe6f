"""Policy text is text: what in it would become markup of the page, not words, is refused with file and line.

A group's policy/<version>.md is Markdown with `{{ group.* }}` values, edited by several volunteers and
arriving through pull requests. Markdown passes raw HTML through (`<script>`, `<meta http-equiv=refresh>`,
`<img src=...>` carrying answers away, `<div markdown>`), the site's attribute lists (`{ onclick=... }`)
put any attribute on an element, and a link may point at `javascript:`. None of these is something a
policy needs, so each is refused in one sentence instead of being guessed at. The same check runs on
the text after its values are filled in, so `{{ "<script>" | safe }}` is refused too. Messages say what
kind of thing was found and where, never quote the file.
"""
from __future__ import annotations

import re

from ..errors import HandbookError

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]*>", re.IGNORECASE)
_TAG = re.compile(r"<[A-Za-z!?/]")
_BRACE = re.compile(r"[{}]")
_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*)")
_PICTURE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]*)")
_ELSEWHERE = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*:|/|\\)")  # https:, file:, data:, //host, /etc
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
SCHEMES = ("http", "https", "mailto", "tel")


def problem(line: str) -> str | None:
    """What in one line of Markdown would be markup rather than words, in plain words; None if nothing."""
    if _TAG.search(_AUTOLINK.sub("", line)):
        return ("it has raw HTML (a < followed by a letter, / ! or ?), which policy text may not use; "
                "write it as words, or write &lt; for a < sign")
    if _BRACE.search(line):
        return ("it has a { or } outside {{ ... }}, which the site would read as attributes for the page; "
                "write it as words")
    for found in _PICTURE.finditer(line):
        if _ELSEWHERE.match(found[1]):
            return ("it shows a picture from another place; the site loads nothing from other sites, so a "
                    "picture must be a file of the site, named without an address")
    for found in _TARGET.finditer(line):
        scheme = _SCHEME.match(found[1] or found[2] or "")
        if scheme and scheme[1].lower() not in SCHEMES:
            return (f"it links to a {scheme[1].lower()}: address; links may go to https://, http://, mailto: "
                    "or tel: addresses, or to a page or picture of the site")
    return None


def check_source(source: str, where: str, first_line: int = 1) -> None:
    """Refuse the first line of Markdown source (its {{ }} and {% %} parts aside) that is markup, naming it."""
    for number, line in enumerate(source.splitlines(), start=first_line):
        found = problem(_JINJA.sub("", line))
        if found:
            raise HandbookError(f"{where}, line {number}: {found}.")


def check_rendered(rendered: str, where: str) -> str:
    """The same check on text whose values are filled in (values are escaped, so anything found was written
    in the template, through `| safe` or the like)."""
    for line in rendered.splitlines():
        found = problem(line)
        if found:
            raise HandbookError(f"{where}: {found} (it comes from a {{{{ ... }}}} part of the text).")
    return rendered
