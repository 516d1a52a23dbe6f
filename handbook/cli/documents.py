"""`handbook documents`: write the forms and the whole handbook as Word and PDF files."""
from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import click

from ..documents import render_documents
from ..folders import Folders
from ..group import group_file as find_group_file
from ..group import load_group
from ..pages.downloads import size_text
from .options import config_option, version_option


@click.command()
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The folder to write the files into (made if missing).")
@click.option("--format", "formats", default="docx,pdf", show_default=True, metavar="FORMATS",
              help="Which formats, separated by commas: docx, pdf.")
@config_option
@version_option
def documents(out: Path, formats: str, group_file: Path | None, version: str | None) -> None:
    """Write the consent forms, breach report, sharing record, police log and whole handbook.

    Each page carries the group's name and the policy version with the day it was approved.
    The files' own dates are the SOURCE_DATE_EPOCH day if set, else that day, so the same inputs
    always give the same files. Put your own wording in my-templates/documents/ beside the
    group file. Nothing is written unless every document is made.

    \b
    Examples:
      handbook documents --out downloads
      handbook documents --out /tmp/forms --format pdf --config tests/groups/hostile.yml
    """
    started = time.perf_counter()
    path = find_group_file(group_file)
    try:
        group = load_group(path)
        chosen = tuple(part.strip() for part in formats.split(",") if part.strip())
        files = render_documents(group, group.version(version), folders=Folders(path.resolve().parent),
                                 formats=chosen)
        kept = write_all(out, files)
    except OSError as error:
        raise click.ClickException(f"Cannot write into {out}: {error.strerror}. No file was changed.") from None
    for name, copy in kept.items():
        click.echo(f"Warning: {out / name} was changed after the handbook wrote it; that copy is kept as {copy}, "
                   "and the handbook's new file takes its place.", err=True)
    for name, data in files.items():
        click.echo(f"{out / name}  ({size_text(len(data))})")
    click.echo(f"Made {len(files)} files in {time.perf_counter() - started:.1f} s.")


RECORD = ".handbook-documents.json"  # in the output folder: the SHA-256 of each file as the handbook wrote it


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _edited(out: Path, files: dict[str, bytes]) -> list[str]:
    """The files already in `out` that someone changed since the handbook wrote them (or that it did not
    write), and that the new files would replace with different bytes."""
    try:
        record = json.loads((out / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    found = []
    for name, data in files.items():
        try:
            current = _digest((out / name).read_bytes())
        except OSError:
            continue  # not there yet
        if current not in (record.get(name), _digest(data)):
            found.append(name)
    return found


def _keep_aside(path: Path) -> str:
    """Rename an edited file to `<name>.edited.<ext>` (numbered if taken); its new name."""
    for number in range(1, 1000):
        copy = path.with_name(f"{path.stem}.edited{'' if number == 1 else f'-{number}'}{path.suffix}")
        if not copy.exists():
            path.rename(copy)
            return copy.name
    raise OSError(f"too many edited copies of {path.name}")


def write_all(out: Path, files: dict[str, bytes]) -> dict[str, str]:
    """Every file or none: each is written beside its place first, and only when all are written
    (a full disk shows itself here) do they take their places; a folder made for them goes on failure.
    A file someone edited since the handbook wrote it is kept aside, never lost: returned as name -> copy."""
    made = not out.exists()
    partials = {out / f".{name}.partial": out / name for name in files}
    try:
        out.mkdir(parents=True, exist_ok=True)
        for (partial, _), data in zip(partials.items(), files.values()):
            partial.write_bytes(data)
    except OSError:
        for partial in partials:
            partial.unlink(missing_ok=True)
        if made and out.is_dir() and not any(out.iterdir()):
            out.rmdir()
        raise
    kept = {name: _keep_aside(out / name) for name in _edited(out, files)}
    for partial, final in partials.items():
        partial.replace(final)
    (out / RECORD).write_text(json.dumps({name: _digest(data) for name, data in files.items()}, indent=1),
                              encoding="utf-8")
    return kept
