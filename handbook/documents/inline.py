"""A line of the handbook's Markdown (an In short point, a lead, one of the seven things) as a document's inline XML.

The pages' Markdown is turned into HTML by Python-Markdown, the same reader the printed handbook
uses, then into the document vocabulary's inline elements: bold and italics stay, a link keeps its
words (paper cannot be clicked), and every character of a group's values arrives as written.
"""
from __future__ import annotations

from html.parser import HTMLParser

import markdown
from markupsafe import Markup, escape

_STYLES = {"strong": "b", "b": "b", "em": "i", "i": "i"}


class _Inline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _STYLES:
            self.parts.append(f"<{_STYLES[tag]}>")

    def handle_endtag(self, tag):
        if tag in _STYLES:
            self.parts.append(f"</{_STYLES[tag]}>")
        elif tag == "p" and self.parts:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(str(escape(data)))


def inline_xml(text: str) -> Markup:
    """Markdown to the inline XML of templates/documents/ (<b>, <i> and text), safe to place in a template."""
    parser = _Inline()
    parser.feed(markdown.markdown(text))
    parser.close()
    return Markup("".join(parser.parts).strip())
