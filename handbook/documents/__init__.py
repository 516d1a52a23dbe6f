"""Downloadable documents: forms (consent, photo consent, breach report, sharing record, police log)
and the whole handbook, as Word and PDF files stamped with the group, the policy version and the date.

Each form has one source, a template in templates/documents/<id>.html that renders to a small
document model (model.py); two writers make the Word file (docx_writer.py) and the PDF (pdf_writer.py).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from pathlib import Path

from markupsafe import Markup

from ..config import Group, PolicyVersion
from ..errors import HandbookError
from . import sources
from .catalogue import DOCUMENTS, FORMATS, HANDBOOK, DocumentInfo, info
from .stamp import Stamp, made_date, stamp_for

__all__ = ["DOCUMENTS", "DocumentInfo", "Stamp", "clear_cache", "download_links", "made_date", "render_documents"]

FORMAT_NAMES = {"docx": "Word document", "pdf": "PDF"}
MEDIA_TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "pdf": "application/pdf"}


def check_formats(formats: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown or not formats:
        raise HandbookError(f"unknown document format {unknown[0]!r}; expected one or more of: docx, pdf."
                            if unknown else "no document format given; expected one or more of: docx, pdf.")
    return tuple(dict.fromkeys(formats))


def render_documents(group: Group, version: PolicyVersion, *, root: Path,
                     formats: tuple[str, ...] = ("docx", "pdf"), made: dt.date | None = None,
                     group_dir: Path | None = None, only: tuple[str, ...] | None = None) -> dict[str, bytes]:
    """Every document in every format, in memory: file name -> bytes, in DOCUMENTS order.

    root: the handbook folder (templates/documents/, policy/, docs/). group_dir: the folder of the
    group file, where my-templates/documents/ may replace a template (default: root). made: the date
    stamped on the documents (default: SOURCE_DATE_EPOCH, else the day the version was approved).
    only: a subset of document ids. Any mistake raises HandbookError before anything is returned.
    """
    from .docx_writer import write_docx
    from .pdf_writer import write_pdf
    from .whole import write_handbook_pdf

    formats = check_formats(tuple(formats))
    root = Path(root)
    stamp = stamp_for(group, version, made)
    chosen = [info(doc_id) for doc_id in only] if only is not None else list(DOCUMENTS)
    key = _fingerprint(group, version, stamp, formats, [entry.id for entry in chosen], root, group_dir)
    if key in _LAST:
        return dict(_LAST[key])
    files: dict[str, bytes] = {}
    for entry in chosen:
        wanted = [fmt for fmt in formats if fmt in entry.formats]
        if not wanted:
            continue
        if entry.id == HANDBOOK:
            files[f"{entry.id}.pdf"] = write_handbook_pdf(group, version, stamp, root)
            continue
        document = sources.render(entry.template, group, version, stamp.made, root=root, group_dir=group_dir)
        writers = {"docx": write_docx, "pdf": write_pdf}
        for fmt in wanted:
            files[f"{entry.id}.{fmt}"] = writers[fmt](document, stamp)
    _LAST.clear()
    _LAST[key] = files
    return dict(files)


_LAST: dict[str, dict[str, bytes]] = {}  # `mkdocs serve` rebuilds on every save: unchanged inputs, same files


def clear_cache() -> None:
    """Forget the last documents made, so the next call makes them afresh (tests, benchmarks)."""
    _LAST.clear()


def _fingerprint(group: Group, version: PolicyVersion, stamp: Stamp, formats: tuple[str, ...], ids: list[str],
                 root: Path, group_dir: Path | None) -> str:
    """Every input of the documents: the group, the version, the date, and each file they are made from."""
    digest = hashlib.sha256(json.dumps(
        [group.model_dump(mode="json"), version.model_dump(mode="json"), stamp.made.isoformat(), formats, ids],
        sort_keys=True).encode())
    for folder in [*sources.search_path(root, group_dir), root / "policy", root / "docs"]:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file():
                digest.update(f"\0{path}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def size_text(size: int) -> str:
    """A file size as people read it: 24 KB, 1.2 MB (rounded up, never '0 KB')."""
    if size < 1024 * 1024:
        return f"{max(1, math.ceil(size / 1024))} KB"
    return f"{math.ceil(size / 1024 / 1024 * 10) / 10:.1f} MB"


def download_links(doc_id: str, files: dict[str, bytes], root: str) -> Markup:
    """The links to one document's files, with their sizes, for a page:
    `Download the consent form: <a href="../downloads/consent-form.docx">Word document (24 KB)</a> / <a ...>PDF (31 KB)</a>`

    root is the page's relative path to the site root ("../../", or ""), as browsers read it. The
    links are HTML, not Markdown: MkDocs reads a Markdown link relative to the page's source file and,
    in strict mode, fails on one to a file that is not in docs/; HTML links are left as written.
    """
    entry = info(doc_id)
    links = []
    for fmt in FORMATS:
        name = f"{entry.id}.{fmt}"
        if name in files:
            links.append(Markup('<a class="download" href="{}downloads/{}" type="{}">{} ({})</a>').format(
                root, name, MEDIA_TYPES[fmt], FORMAT_NAMES[fmt], size_text(len(files[name]))))
    if not links:
        raise HandbookError(f"{entry.id}: no file was made for it; build the documents first.")
    return Markup("Download {}: ").format(entry.name) + Markup(" / ").join(links)
