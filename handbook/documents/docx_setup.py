"""The Word file's frame: A4 page with a binding margin, named styles, fixed properties, the stamp footer."""
from __future__ import annotations

import datetime as dt

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .model import Document
from .stamp import Stamp

FONT = "Arial"  # on every Word; LibreOffice shows it with the same widths (Liberation Sans)
BOX_FONT = "MS Gothic"  # what Word itself uses for tick boxes; others fall back to a font with ☐
TEXT_WIDTH = Mm(210 - 30 - 20)  # A4 less the margins (the left one is wider, for binding)
INK = RGBColor(0x1A, 0x1A, 0x1A)


def prepare(doc, document: Document, stamp: Stamp) -> None:
    """Everything but the body: page, styles, properties and footer."""
    _drop_thumbnail(doc)
    _page(doc)
    _styles(doc)
    _properties(doc, document, stamp)
    _footer(doc, stamp)


def _drop_thumbnail(doc) -> None:
    """python-docx's blank document carries its own preview picture; a form should not."""
    rels = doc.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rid]


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.top_margin, section.bottom_margin = Mm(13), Mm(20)
    section.header_distance, section.footer_distance = Mm(8), Mm(8)


def _styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size, normal.font.color.rgb = FONT, Pt(10.5), INK
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-GB")  # British spelling for Word's checker
    normal.element.rPr.append(language)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.05
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12.5), ("Heading 3", 11.5)):
        style = styles[name]
        style.font.name, style.font.size, style.font.bold, style.font.color.rgb = FONT, Pt(size), True, INK
        style.font.italic = False
        rfonts = style.element.rPr.rFonts
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
        style.paragraph_format.space_before = Pt(10 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
    if styles["Title"].element.pPr is not None:
        styles["Title"].element.pPr.remove_all("w:pBdr")  # the blank document's title has a rule under it
    group = styles.add_style("Group Name", WD_STYLE_TYPE.PARAGRAPH)
    group.base_style, group.font.bold, group.font.size = normal, True, Pt(12)
    group.paragraph_format.space_after = Pt(2)
    label = styles.add_style("Form Label", WD_STYLE_TYPE.PARAGRAPH)
    label.base_style, label.font.bold = normal, True
    label.paragraph_format.space_before, label.paragraph_format.space_after = Pt(6), Pt(0)
    label.paragraph_format.keep_with_next = True
    # Lines to write on: 12.5 pt above one line of text, about 8.7 mm apart (the PDFs' are 8.5 mm).
    # Not exact line spacing: LibreOffice sets a line holding only a tab at its font's height, 4.5 mm.
    line = styles.add_style("Write Line", WD_STYLE_TYPE.PARAGRAPH)
    line.base_style = normal
    line.paragraph_format.line_spacing = 1.0
    line.paragraph_format.space_before, line.paragraph_format.space_after = Pt(12.5), Pt(0)
    line.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
    hint = styles.add_style("Hint", WD_STYLE_TYPE.CHARACTER)  # beside a field's label, as in the PDF
    hint.font.size, hint.font.color.rgb = Pt(9.5), RGBColor(0x44, 0x44, 0x44)
    tick = styles.add_style("Tick Box", WD_STYLE_TYPE.PARAGRAPH)
    tick.base_style = normal
    tick.paragraph_format.left_indent, tick.paragraph_format.first_line_indent = Mm(9), Mm(-9)
    tick.paragraph_format.tab_stops.add_tab_stop(Mm(9))
    small = styles.add_style("Small Print", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style, small.font.size = normal, Pt(9)
    for kind in ("Note", "Warning"):
        style = styles.add_style(kind, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.bold = kind == "Warning"
        style.paragraph_format.left_indent = style.paragraph_format.right_indent = Mm(3)
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(0), Pt(3)
        _border(style.element.get_or_add_pPr(), "FFF4CE" if kind == "Warning" else "EEF3F8")
    stamp = styles.add_style("Stamp", WD_STYLE_TYPE.PARAGRAPH)
    stamp.base_style, stamp.font.size, stamp.font.color.rgb = normal, Pt(8), RGBColor(0x44, 0x44, 0x44)
    stamp.paragraph_format.space_after = Pt(0)


def _border(ppr, fill: str) -> None:
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single"), edge.set(qn("w:sz"), "8"), edge.set(qn("w:space"), "4")
        edge.set(qn("w:color"), "555555")
        borders.append(edge)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear"), shading.set(qn("w:color"), "auto"), shading.set(qn("w:fill"), fill)
    # Word refuses elements out of the schema's order: borders and shading go before tabs, spacing, indents.
    later = ("w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
             "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
             "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
             "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
             "w:sectPr", "w:pPrChange")
    ppr.insert_element_before(borders, *later)
    ppr.insert_element_before(shading, *later)


PROPERTY_LIMIT = 255  # characters Word (and python-docx) allows in a core property such as the title


def fit(value: str) -> str:
    """A property value Word accepts: a long title (a group's own template may make one) ends in "…";
    the document itself still shows it whole."""
    return value if len(value) <= PROPERTY_LIMIT else value[:PROPERTY_LIMIT - 1] + "…"


def _properties(doc, document: Document, stamp: Stamp) -> None:
    props = doc.core_properties
    when = dt.datetime.combine(stamp.made, dt.time(), tzinfo=dt.timezone.utc)
    props.title = fit(document.title)
    props.subject = fit(f"Confidentiality Policy version {stamp.version}")
    props.author = props.last_modified_by = fit(stamp.group)
    props.comments = fit(stamp.line)
    props.keywords = "confidentiality; form"
    props.category = "Form"
    props.created = props.modified = when
    props.revision = 1


def _footer(doc, stamp: Stamp) -> None:
    """The stamp on the left, "Page X of Y" on the right. A borderless table of two columns keeps
    a long stamp (a long group name) wrapping in its own column, clear of the page number."""
    footer = doc.sections[0].footer
    grid = footer.add_table(rows=1, cols=2, width=TEXT_WIDTH)
    grid.autofit = False
    end = footer.paragraphs[0]  # a footer must end with a paragraph: keep it, a point high
    end._p.addprevious(grid._tbl)
    end.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    end.paragraph_format.line_spacing = Pt(1)
    left, right = grid.rows[0].cells
    for column, cell, width in zip(grid.columns, (left, right), (Mm(125), TEXT_WIDTH - Mm(125))):
        column.width = cell.width = width  # Word reads the cell's width, LibreOffice the column's
    left.paragraphs[0].style = right.paragraphs[0].style = doc.styles["Stamp"]
    left.paragraphs[0].add_run(stamp.source).add_break()
    left.paragraphs[0].add_run(stamp.policy)
    number = right.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    number.add_run("Page ")
    _field(number, "PAGE", "1")
    number.add_run(" of ")
    _field(number, "NUMPAGES", "1")


def _field(paragraph, instruction: str, shown: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def box_font():
    props = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:eastAsia", "w:hAnsi"):
        fonts.set(qn(attr), BOX_FONT)
    props.append(fonts)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "28")
    props.append(size)
    return props
