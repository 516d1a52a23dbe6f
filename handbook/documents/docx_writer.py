"""Write a document to an editable Word file: real styles, clickable tick boxes, lines to write on."""
from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from . import model
from .docx_setup import BOX_FONT, TEXT_WIDTH, box_font, prepare
from .reproducible import fixed_zip
from ..templating import isolate
from .stamp import Stamp


def write_docx(document: model.Document, stamp: Stamp) -> bytes:
    doc = new_docx()
    prepare(doc, document, stamp)
    writer = _Writer(doc)
    doc.add_paragraph(isolate(stamp.group), style="Group Name")  # as the PDF shows it (test_bidi.py)
    doc.add_paragraph(document.title, style="Title")
    for block, keep in zip(document.blocks, document.kept_with_next(), strict=True):
        writer.block(block)
        if keep:  # no page ends after it (Document.kept_with_next)
            doc.paragraphs[-1].paragraph_format.keep_with_next = True
    out = io.BytesIO()
    doc.save(out)
    return fixed_zip(out.getvalue(), stamp.made)


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
            self.note(block)
        elif isinstance(block, model.PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def note(self, note: model.Note) -> None:
        """A boxed note: its paragraphs share one border, and stay on one page."""
        style = "Warning" if note.kind == "warning" else "Note"
        paragraphs = []
        for inner in note.blocks:
            items = inner.items if isinstance(inner, model.Items) else (inner.runs,)
            for number, runs in enumerate(items, start=1):
                paragraph = self.doc.add_paragraph(style=style)
                if isinstance(inner, model.Items):
                    paragraph.add_run(f"{number}. " if inner.ordered else "• ")
                self.runs(paragraph, runs)
                paragraphs.append(paragraph)
        paragraphs[0].paragraph_format.space_before = Pt(6)
        for paragraph in paragraphs[:-1]:
            paragraph.paragraph_format.keep_with_next = True

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
        props.append(box_font())
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
        run.append(box_font())
        text = OxmlElement("w:t")
        text.text = "☐"
        run.append(text)
        content.append(run)
        sdt.append(props)
        sdt.append(content)
        paragraph._p.append(sdt)

    def field(self, field: model.Field) -> None:
        doc = self.doc
        label = doc.add_paragraph(style="Form Label")
        self.runs(label, field.label)
        if field.hint:
            label.add_run(f"  {field.hint}", style="Hint").bold = False  # a label's bold is its own
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
            # A row is never split between pages (in the schema's order: before height and header).
            row._tr.get_or_add_trPr().insert_element_before(OxmlElement("w:cantSplit"), "w:trHeight", "w:tblHeader",
                                                             "w:tblCellSpacing", "w:jc", "w:hidden")
            for c, runs in enumerate(cells):
                if heading:
                    shading = OxmlElement("w:shd")
                    shading.set(qn("w:val"), "clear"), shading.set(qn("w:color"), "auto")
                    shading.set(qn("w:fill"), "EEF3F8")
                    row.cells[c]._tc.get_or_add_tcPr().append(shading)  # after tcW, as the schema orders
                paragraph = row.cells[c].paragraphs[0]
                self.runs(paragraph, tuple(model.Run(x.text, x.bold or heading, x.italic, x.box) for x in runs))
        self.doc.add_paragraph(style="Small Print")  # a little space after the table
