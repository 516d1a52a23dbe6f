"""Downloadable documents: forms (consent, photo consent, breach report, sharing record, police log),
the induction pack and the whole handbook, as Word and PDF files stamped with the group, the policy
version and its approval.

Each form has one source, a template in templates/documents/<id>.html that renders to a small
document model (model.py); two writers make the Word file (docx_writer.py) and the PDF (pdf_writer.py).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

from ..errors import HandbookError
from ..cache import cache_dir, code_files, fingerprint, keep, read_kept
from ..folders import OWN_QUIZ, QUIZ, VERSION_TEXT, Folders
from ..group import Group, PolicyVersion
from ..group.overrides import FOLDER as SECTIONS
from ..untrusted import read_bytes
from . import induction_pack, sources
from .catalogue import DOCUMENTS, FORMATS, HANDBOOK, INDUCTION_PACK, DocumentInfo, info
from .stamp import Stamp, made_date, stamp_for

WRITERS = ("weasyprint", "pydyf", "python-docx", "lxml", "fonttools")  # what turns a document into bytes
__all__ = ["DOCUMENTS", "DocumentInfo", "Stamp", "clear_cache", "made_date", "render_documents"]


def check_formats(formats: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown or not formats:
        raise HandbookError(f"unknown document format {unknown[0]!r}; expected one or more of: docx, pdf."
                            if unknown else "no document format given; expected one or more of: docx, pdf.")
    return tuple(dict.fromkeys(formats))


def render_documents(group: Group, version: PolicyVersion, *, folders: Folders,
                     formats: tuple[str, ...] = ("docx", "pdf"), made: dt.date | None = None,
                     only: tuple[str, ...] | None = None) -> dict[str, bytes]:
    """Every document in every format, in memory: file name -> bytes, in DOCUMENTS order.

    folders: the group's folder (where my-templates/documents/ may replace a template) and the
    defaults. made: the files' own date, in their properties and never on the page (default:
    SOURCE_DATE_EPOCH, else the day the version was approved). only: a subset of document ids. Any
    mistake raises HandbookError before anything is returned.
    """
    formats = check_formats(tuple(formats))
    stamp = stamp_for(group, version, made)
    chosen = [info(doc_id) for doc_id in only] if only is not None else list(DOCUMENTS)
    key = _fingerprint(group, version, stamp, formats, [entry.id for entry in chosen], folders)
    if key in _LAST:
        return dict(_LAST[key])
    kept = cache_dir() / "documents" / f"{key}.zip"
    files = _read_kept(kept)
    if files is None:
        files = _make(chosen, formats, group, version, stamp, folders)
        keep(kept, _zipped(files))
    _LAST.clear()
    _LAST[key] = files
    return dict(files)


def _make(chosen: list[DocumentInfo], formats: tuple[str, ...], group: Group, version: PolicyVersion, stamp: Stamp,
          folders: Folders) -> dict[str, bytes]:
    from .docx_writer import write_docx
    from .handbook_pdf import write_handbook_pdf
    from .pdf_writer import write_pdf

    files: dict[str, bytes] = {}
    for entry in chosen:
        wanted = [fmt for fmt in formats if fmt in entry.formats]
        if not wanted:
            continue
        if entry.id == HANDBOOK:
            files[f"{entry.id}.pdf"] = write_handbook_pdf(group, version, stamp, folders)
            continue
        document = form_model(entry.id, group, version, stamp.made, folders)
        writers = {"docx": write_docx, "pdf": write_pdf}
        for fmt in wanted:
            files[f"{entry.id}.{fmt}"] = writers[fmt](document, stamp)
    return files


def form_model(doc_id: str, group: Group, version: PolicyVersion, made: dt.date, folders: Folders):
    """One form's document model, from its template and the values it needs (the pack: its path and quiz)."""
    extra = induction_pack.values(group, version, folders) if doc_id == INDUCTION_PACK else None
    return sources.render(info(doc_id).template, group, version, made, folders=folders, extra=extra)


_LAST: dict[str, dict[str, bytes]] = {}  # a preview rebuilds on every save: unchanged inputs, same files


def clear_cache() -> None:
    """Forget the last documents made, so the next call in this process does not reuse them (tests, benchmarks:
    point $HANDBOOK_CACHE at an empty folder too, or the files kept on disk are read back)."""
    _LAST.clear()


def _read_kept(path: Path) -> dict[str, bytes] | None:
    """The files a build made from the same inputs with the same code, kept in the user's cache: making
    them takes most of a build's time when only a page changed. A damaged file is made again."""
    data = read_kept(path)
    try:
        with zipfile.ZipFile(io.BytesIO(data or b"")) as kept:
            return {entry.filename: kept.read(entry) for entry in kept.infolist()}
    except (zipfile.BadZipFile, ValueError):
        return None


def _zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as kept:
        for name, data in files.items():
            kept.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


INPUT_LIMIT = 16 * 1024 * 1024  # any one file the documents are made from (a policy text is at most 1 MB)


def _fingerprint(group: Group, version: PolicyVersion, stamp: Stamp, formats: tuple[str, ...], ids: list[str],
                 folders: Folders) -> str:
    """Every input of the documents: the group, the version, the date, each file they are made from, the
    handbook's code and the versions of the libraries that write the files."""
    digest = hashlib.sha256(json.dumps(
        [group.model_dump(mode="json"), version.model_dump(mode="json"), stamp.made.isoformat(), formats, ids],
        sort_keys=True).encode())
    inputs = [*folders.document_templates(), folders.group_dir / "policy", folders.group_dir / SECTIONS,
              folders.defaults / "policy", folders.defaults / "docs", QUIZ, folders.group_dir / OWN_QUIZ]
    for folder in inputs:
        home = QUIZ.parent if folder == QUIZ else folders.home(folder)
        for path in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
            if folder.name == "policy" and path.parent == folder and not VERSION_TEXT.fullmatch(path.name):
                continue  # an editor's temporary file beside the versions is not read
            # a file is read, and a link out, a pipe or a device refused, not passed by (even when the
            # documents are kept)
            if not path.is_dir() and (path.exists() or path.is_symlink()):
                digest.update(f"\0{path}\0".encode())
                digest.update(read_bytes(path, limit=INPUT_LIMIT, what="file", inside=home))
    return fingerprint(code_files(), packages=WRITERS, words=digest.hexdigest())
