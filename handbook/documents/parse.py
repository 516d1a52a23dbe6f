"""Read a rendered template (a small XML vocabulary) into the document model, or say plainly what is wrong.

Templates render with Jinja2, autoescaped, so values from group.yml arrive escaped and are read
back here as plain text, whatever characters they hold. The vocabulary is `ELEMENTS`, also
listed in templates/documents/README.md.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .model import (Block, Choices, Document, Field, Heading, Inline, Items, Note, PageBreak, Para, Row, Run,
                    Table, plain)

_SPACE = re.compile(r"\s+")


ELEMENTS = {
    "document": "the whole document (one, around everything)",
    "h1": "the title (one, first)",
    "h2": "a heading", "h3": "a smaller heading",
    "p": "a paragraph (class=\"small\" for small print)",
    "ul": "a list with bullets", "ol": "a numbered list", "li": "one item of a list",
    "choices": "separate opt-in tick boxes", "choice": "one tick box and its words",
    "field": "a label with lines to write on (lines=\"3\", hint=\"...\")",
    "row": "fields side by side",
    "table": "a table (blank-rows=\"4\" adds empty rows to fill in)",
    "tr": "a table row", "th": "a heading cell", "td": "a cell",
    "note": "a boxed note", "warning": "a boxed warning",
    "page-break": "start a new page",
    "b": "bold words", "i": "words in italics", "box": "a tick box inside a line or cell",
}
INLINE = {"b", "i", "box"}


class Invalid(Exception):
    """The rendered template is not a valid document; the message says why."""


def parse(source: str) -> Document:
    """Read a rendered template; raise Invalid with a plain reason."""
    try:
        root = ET.fromstring(source)
    except ET.ParseError as error:
        line, column = error.position
        lines = source.splitlines()
        shown = lines[line - 1].strip() if 0 < line <= len(lines) else ""
        reason = str(error).split(":")[0]
        raise Invalid(f"it is not well-formed ({reason}) at rendered line {line}: {shown[:120]!r}."
                      " Check that every <tag> has its </tag>, and write & as &amp;") from None
    if root.tag != "document":
        raise Invalid(f"the outermost element must be <document>, not <{root.tag}>")
    children = list(root)
    if not children or children[0].tag != "h1":
        raise Invalid("the document must start with its title in <h1>...</h1>")
    title = plain(_inline(children[0]))
    if not title:
        raise Invalid("the title (<h1>) is empty")
    return Document(title=title, blocks=tuple(_block(child) for child in children[1:]))


def _check(element: ET.Element, allowed: set[str], where: str) -> None:
    for child in element:
        if child.tag not in allowed:
            known = child.tag in ELEMENTS
            reason = "is not allowed" if known else "is not an element documents know"
            raise Invalid(f"<{child.tag}> {reason} inside <{where}>; allowed there: "
                          + ", ".join(f"<{tag}>" for tag in sorted(allowed)))


def _block(element: ET.Element) -> Block:
    tag = element.tag
    if tag in ("h2", "h3"):
        return Heading(int(tag[1]), _inline(element))
    if tag == "p":
        return Para(_inline(element), small=element.get("class") == "small")
    if tag in ("ul", "ol"):
        _check(element, {"li"}, tag)
        return Items(tag == "ol", tuple(_inline(li) for li in element))
    if tag == "choices":
        _check(element, {"choice"}, tag)
        if element.get("checked") is not None or any(c.get("checked") is not None for c in element):
            raise Invalid("tick boxes are never ticked in advance (consent is a positive opt-in): remove `checked`")
        return Choices(tuple(_inline(choice) for choice in element))
    if tag == "field":
        return _field(element)
    if tag == "row":
        _check(element, {"field"}, tag)
        return Row(tuple(_field(child) for child in element))
    if tag == "table":
        return _table(element)
    if tag in ("note", "warning"):
        if any(child.tag in ("p", "ul", "ol") for child in element):
            _check(element, {"p", "ul", "ol"}, tag)
            blocks = tuple(_block(child) for child in element)
        else:
            blocks = (Para(_inline(element)),)
        return Note(tag, blocks)
    if tag == "page-break":
        return PageBreak()
    if tag == "h1":
        raise Invalid("there is more than one <h1>: a document has one title; use <h2> for headings")
    known = ", ".join(f"<{t}>" for t in ELEMENTS if t not in INLINE | {"document", "li", "choice", "tr", "th", "td"})
    raise Invalid(f"<{tag}> is not a block documents know; expected one of {known}")


def _number(element: ET.Element, name: str, default: int, most: int) -> int:
    value = element.get(name, str(default))
    if not value.isdigit() or not 0 <= int(value) <= most:
        raise Invalid(f"<{element.tag} {name}=\"{value}\">: {name} must be a whole number from 0 to {most}")
    return int(value)


def _field(element: ET.Element) -> Field:
    return Field(_inline(element), lines=_number(element, "lines", 1, 20),
                 hint=_SPACE.sub(" ", element.get("hint", "")).strip())


def _table(element: ET.Element) -> Table:
    _check(element, {"tr"}, "table")
    head: tuple[Inline, ...] = ()
    rows: list[tuple[Inline, ...]] = []
    for tr in element:
        _check(tr, {"th", "td"}, "tr")
        cells = tuple(_inline(cell) for cell in tr)
        if tr and all(cell.tag == "th" for cell in tr) and not rows and not head:
            head = cells
        else:
            rows.append(cells)
    width = len(head) or max((len(r) for r in rows), default=0)
    if width == 0:
        raise Invalid("a <table> needs at least one row with cells")
    if any(len(r) != width for r in rows):
        raise Invalid(f"every row of a <table> needs the same number of cells ({width})")
    return Table(head, tuple(rows), blank_rows=_number(element, "blank-rows", 0, 50))


def _inline(element: ET.Element, bold: bool = False, italic: bool = False) -> Inline:
    """The element's text and inline children as runs, with white space collapsed as in HTML."""
    runs: list[Run] = []

    def add(text: str | None, b: bool, i: bool) -> None:
        if text:
            runs.append(Run(_SPACE.sub(" ", text), bold=b, italic=i))

    def walk(node: ET.Element, b: bool, i: bool) -> None:
        add(node.text, b, i)
        for child in node:
            if child.tag not in INLINE:
                raise Invalid(f"<{child.tag}> cannot go inside <{node.tag}>; inside a line only"
                              " <b>, <i> and <box/> are allowed")
            if child.tag == "box":
                if child.get("checked") is not None:
                    raise Invalid("tick boxes are never ticked in advance: remove `checked` from <box>")
                runs.append(Run(box=True))
            else:
                walk(child, b or child.tag == "b", i or child.tag == "i")
            add(child.tail, b, i)

    walk(element, bold, italic)
    return _trim(runs)


def _trim(runs: list[Run]) -> Inline:
    """Drop white space at the ends and double spaces between runs."""
    out: list[Run] = []
    for run in runs:
        text = run.text
        if not run.box and out and not out[-1].box and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if not run.box and not out and text.startswith(" "):
            text = text.lstrip()
        if run.box or text:
            out.append(Run(text, run.bold, run.italic, run.box))
    while out and not out[-1].box and out[-1].text.endswith(" "):
        stripped = out[-1].text.rstrip()
        out[-1:] = [Run(stripped, out[-1].bold, out[-1].italic)] if stripped else []
    return tuple(out)
