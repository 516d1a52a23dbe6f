"""Word and PDF files read back as text, as a person would find them."""
from __future__ import annotations

import io

import docx
import pypdf

from handbook.templating import long_date


def flat(text: str) -> str:
    return " ".join(text.replace("\u200b", "").split())


def footer_text(document: docx.document.Document) -> str:
    """The Word footer as read: the stamp and page number sit in a table's two cells."""
    footer = document.sections[0].footer
    cells = [cell.text for table in footer.tables for row in table.rows for cell in row.cells]
    return "\n".join(cells + [p.text for p in footer.paragraphs])


def docx_text(data: bytes) -> tuple[docx.document.Document, str]:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    parts.append(footer_text(document))
    return document, "\n".join(parts)


def stamp_lines(group) -> tuple[str, str]:
    """The stamp every page carries, as two lines: where it was printed from, and the policy's approval."""
    version = group.version()
    return (f"Printed from the {group.name} handbook",
            f"Confidentiality Policy version {version.version}, approved {long_date(version.approved)}")


def pdf_text(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)

