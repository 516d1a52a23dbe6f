"""The neutral document model both writers read: a title and blocks of headings, text, tick boxes and fields."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """A piece of text, or (box=True) an empty tick box. Boxes are never ticked."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    box: bool = False


Inline = tuple[Run, ...]


def plain(runs: Inline) -> str:
    return "".join("☐" if run.box else run.text for run in runs)


@dataclass(frozen=True)
class Heading:
    level: int  # 2 or 3 (the title is the document's own)
    runs: Inline


@dataclass(frozen=True)
class Para:
    runs: Inline
    small: bool = False


@dataclass(frozen=True)
class Items:
    ordered: bool
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Choices:
    """Separate opt-in tick boxes, one per use: each starts empty."""

    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Field:
    """A label and lines to write on."""

    label: Inline
    lines: int = 1
    hint: str = ""


@dataclass(frozen=True)
class Row:
    """Short fields side by side, such as Signed / Date."""

    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Table:
    head: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]
    blank_rows: int = 0


@dataclass(frozen=True)
class Note:
    kind: str  # "note" or "warning"
    blocks: tuple[Para | Items, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Items | Choices | Field | Row | Table | Note | PageBreak


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def kept_with_next(self) -> tuple[bool, ...]:
        """For each block, whether a page may not end after it: both writers ask this one rule.

        A heading stays with what it heads, and so does the line that introduces a part ("Tick all
        that apply."); a line of tick boxes stays with the lines for its details. So no page ends
        with "8. What kind of information was it?" and leaves its boxes to the next. A list of
        choices may end a page: it can be long, and what follows has a label of its own.
        """
        blocks = self.blocks
        return tuple(_kept(blocks[i - 1] if i else None, block, blocks[i + 1] if i + 1 < len(blocks) else None)
                     for i, block in enumerate(blocks))


def _kept(before: Block | None, block: Block, after: Block | None) -> bool:
    if after is None or isinstance(after, PageBreak):
        return False
    if isinstance(block, Heading):
        return True
    if isinstance(block, Para) and isinstance(before, Heading):
        return True
    ticks = isinstance(block, Para) and any(run.box for run in block.runs)  # "Were they told? ☐ Yes ☐ No"
    return ticks and isinstance(after, Field | Row)
