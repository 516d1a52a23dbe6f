"""Write a document to an editable Word file: real styles, clickable tick boxes, lines to write on."""
from __future__ import annotations

import datetime as dt
import io

from docx import Document as new_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

from . import model
from .reproducible import fixed_zip
from .stamp import Stamp

FONT = "Arial"  # on every Word; LibreOffice shows it with the same widths (Liberation Sans)
BOX_FONT = "MS Gothic"  # what Word itself uses for tick boxes; others fall back to a font with ☐
TEXT_WIDTH = Mm(210 - 30 - 20)  # A4 less the margins (the left one is wider, for binding)
INK = RGBColor(0x1A, 0x1A, 0x1A)


def write_docx(document: model.Document, stamp: Stamp) -> bytes:
    doc = new_docx()
    _drop_thumbnail(doc)
    _page(doc)
    _styles(doc)
    _properties(doc, document, stamp)
    _footer(doc, stamp)
    writer = _Writer(doc)
    doc.add_paragraph(stamp.group, style="Group Name")
    doc.add_paragraph(document.title, style="Title")
    for block in document.blocks:
        writer.block(block)
    out = io.BytesIO()
    doc.save(out)
    return fixed_zip(out.getvalue(), stamp.made)


def _drop_thumbnail(doc) -> None:
    """python-docx's blank document carries its own preview picture; a form should not."""
    rels = doc.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rid]


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.top_margin, section.bottom_margin = Mm(18), Mm(22)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)


def _styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size, normal.font.color.rgb = FONT, Pt(11), INK
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-GB")  # British spelling for Word's checker
    normal.element.rPr.append(language)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Title", 22), ("Heading 1", 16), ("Heading 2", 13.5), ("Heading 3", 12)):
        style = styles[name]
        style.font.name, style.font.size, style.font.bold, style.font.color.rgb = FONT, Pt(size), True, INK
        style.font.italic = False
        rfonts = style.element.rPr.rFonts
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
        style.paragraph_format.space_before = Pt(14 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    if styles["Title"].element.pPr is not None:
        styles["Title"].element.pPr.remove_all("w:pBdr")  # the blank document's title has a rule under it
    group = styles.add_style("Group Name", WD_STYLE_TYPE.PARAGRAPH)
    group.base_style, group.font.bold, group.font.size = normal, True, Pt(12)
    group.paragraph_format.space_after = Pt(2)
    label = styles.add_style("Form Label", WD_STYLE_TYPE.PARAGRAPH)
    label.base_style, label.font.bold = normal, True
    label.paragraph_format.space_before, label.paragraph_format.space_after = Pt(8), Pt(0)
    label.paragraph_format.keep_with_next = True
    line = styles.add_style("Write Line", WD_STYLE_TYPE.PARAGRAPH)
    line.base_style = normal
    line.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    line.paragraph_format.line_spacing = Pt(26)
    line.paragraph_format.space_after = Pt(0)
    line.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
    hint = styles.add_style("Hint", WD_STYLE_TYPE.PARAGRAPH)
    hint.base_style, hint.font.size, hint.font.color.rgb = normal, Pt(9.5), RGBColor(0x44, 0x44, 0x44)
    hint.paragraph_format.space_after = Pt(0)
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
        style.paragraph_format.space_before = Pt(6)
        _border(style.element.get_or_add_pPr(), "FFF4CE" if kind == "Warning" else "EEF3F8")
    stamp = styles.add_style("Stamp", WD_STYLE_TYPE.PARAGRAPH)
    stamp.base_style, stamp.font.size, stamp.font.color.rgb = normal, Pt(8), RGBColor(0x44, 0x44, 0x44)
    stamp.paragraph_format.space_after = Pt(0)
    stamp.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)


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


def _properties(doc, document: model.Document, stamp: Stamp) -> None:
    props = doc.core_properties
    when = dt.datetime.combine(stamp.made, dt.time(), tzinfo=dt.timezone.utc)
    props.title = document.title
    props.subject = f"Confidentiality Policy version {stamp.version}"
    props.author = props.last_modified_by = stamp.group
    props.comments = stamp.line
    props.keywords = "confidentiality; form"
    props.category = "Form"
    props.created = props.modified = props.last_printed = when
    props.revision = 1


def _footer(doc, stamp: Stamp) -> None:
    footer = doc.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.style = doc.styles["Stamp"]
    paragraph.add_run(stamp.line)
    paragraph.add_run("\tPage ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")


def _field(paragraph, instruction: str, shown: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


class _Writer:
    def __init__(self, doc) -> None:
        self.doc = doc
        self.boxes = 0  # tick boxes need ids unique in the file; a counter keeps the bytes the same

    def block(self, block: model.Block) -> None:
        doc = self.doc
        if isinstance(block, model.Heading):
            self.runs(doc.add_paragraph(style=f"Heading {block.level - 1}"), block.runs)
        elif isinstance(block, model.Para):
            self.runs(doc.add_paragraph(style="Small Print" if block.small else None), block.runs)
        elif isinstance(block, model.Items):
            style = "List Number" if block.ordered else "List Bullet"
            for item in block.items:
                self.runs(doc.add_paragraph(style=style), item)
        elif isinstance(block, model.Choices):
            for number, item in enumerate(block.items, start=1):
                paragraph = doc.add_paragraph(style="Tick Box")
                paragraph.paragraph_format.keep_with_next = number < len(block.items)
                self.box(paragraph)
                paragraph.add_run("\t")
                self.runs(paragraph, item)
        elif isinstance(block, model.Field):
            self.field(block)
        elif isinstance(block, model.Row):
            self.row(block)
        elif isinstance(block, model.Table):
            self.table(block)
        elif isinstance(block, model.Note):
            style = "Warning" if block.kind == "warning" else "Note"
            for inner in block.blocks:
                items = inner.items if isinstance(inner, model.Items) else (inner.runs,)
                for number, runs in enumerate(items, start=1):
                    paragraph = doc.add_paragraph(style=style)
                    if isinstance(inner, model.Items):
                        paragraph.add_run(f"{number}. " if inner.ordered else "• ")
                    self.runs(paragraph, runs)
        elif isinstance(block, model.PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def runs(self, paragraph, runs: model.Inline) -> None:
        for run in runs:
            if run.box:
                self.box(paragraph)
            else:
                added = paragraph.add_run(run.text)
                added.bold, added.italic = run.bold or None, run.italic or None

    def box(self, paragraph) -> None:
        """A Word tick box (a check box content control): click to tick, or tick with a pen on paper."""
        self.boxes += 1
        sdt = OxmlElement("w:sdt")
        props = OxmlElement("w:sdtPr")
        props.append(_box_font())
        ident = OxmlElement("w:id")
        ident.set(qn("w:val"), str(1000 + self.boxes))
        props.append(ident)
        checkbox = OxmlElement("w14:checkbox")
        for tag, value in (("w14:checked", "0"), ("w14:checkedState", "2612"), ("w14:uncheckedState", "2610")):
            element = OxmlElement(tag)
            element.set(qn("w14:val"), value)
            if tag != "w14:checked":
                element.set(qn("w14:font"), BOX_FONT)
            checkbox.append(element)
        props.append(checkbox)
        content = OxmlElement("w:sdtContent")
        run = OxmlElement("w:r")
        run.append(_box_font())
        text = OxmlElement("w:t")
        text.text = "☐"
        run.append(text)
        content.append(run)
        sdt.append(props)
        sdt.append(content)
        paragraph._p.append(sdt)

    def field(self, field: model.Field, width=TEXT_WIDTH) -> None:
        doc = self.doc
        label = doc.add_paragraph(style="Form Label")
        self.runs(label, field.label)
        if field.hint:
            doc.add_paragraph(field.hint, style="Hint").paragraph_format.keep_with_next = True
        lines = max(field.lines, 1)
        for number in range(1, lines + 1):
            line = doc.add_paragraph(style="Write Line")
            line.paragraph_format.keep_with_next = number < lines  # a field's lines stay on one page
            line.add_run("\t")

    def row(self, row: model.Row) -> None:
        """Short fields side by side, each a label and a line to its cell's edge: `Signed ____  Date ____`.

        A table without borders keeps each line its share of the width, however long the labels are.
        """
        count = len(row.fields)
        grid = self.doc.add_table(rows=1, cols=count)
        grid.autofit = False
        width = Emu(int(TEXT_WIDTH / count))
        for cell, field in zip(grid.rows[0].cells, row.fields):
            cell.width = width
            paragraph = cell.paragraphs[0]
            paragraph.style = self.doc.styles["Write Line"]
            paragraph.paragraph_format.space_before = Pt(8)
            paragraph.paragraph_format.space_after = Pt(6)
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                Emu(width - Mm(4)), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
            self.runs(paragraph, field.label)
            paragraph.add_run(" \t\u200b")  # LibreOffice draws a cell's last tab leader only with text after it

    def table(self, table: model.Table) -> None:
        columns = len(table.head) or len(table.rows[0])
        rows = [table.head] if table.head else []
        rows += list(table.rows) + [tuple(() for _ in range(columns))] * table.blank_rows
        grid = self.doc.add_table(rows=len(rows), cols=columns, style="Table Grid")
        for r, cells in enumerate(rows):
            row = grid.rows[r]
            heading = bool(table.head) and r == 0
            if heading:
                header = OxmlElement("w:tblHeader")
                row._tr.get_or_add_trPr().append(header)
            else:
                row.height, row.height_rule = Mm(10), WD_ROW_HEIGHT_RULE.AT_LEAST
            for c, runs in enumerate(cells):
                if heading:
                    shading = OxmlElement("w:shd")
                    shading.set(qn("w:val"), "clear"), shading.set(qn("w:color"), "auto")
                    shading.set(qn("w:fill"), "EEF3F8")
                    row.cells[c]._tc.get_or_add_tcPr().append(shading)  # after tcW, as the schema orders
                paragraph = row.cells[c].paragraphs[0]
                self.runs(paragraph, tuple(model.Run(x.text, x.bold or heading, x.italic, x.box) for x in runs))
        self.doc.add_paragraph(style="Small Print")  # a little space after the table


def _box_font():
    props = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:eastAsia", "w:hAnsi"):
        fonts.set(qn(attr), BOX_FONT)
    props.append(fonts)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "28")
    props.append(size)
    return props
