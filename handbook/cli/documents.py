"""`handbook documents`: write the forms and the whole handbook as Word and PDF files."""
from __future__ import annotations

import time
from pathlib import Path

import click

from ..documents import render_documents
from ..errors import HandbookError
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
        write_all(out, files)
    except HandbookError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"Cannot write into {out}: {error.strerror}. No file was changed.") from None
    for name, data in files.items():
        click.echo(f"{out / name}  ({size_text(len(data))})")
    click.echo(f"Made {len(files)} files in {time.perf_counter() - started:.1f} s.")


def write_all(out: Path, files: dict[str, bytes]) -> None:
    """Every file or none: each is written beside its place first, and only when all are written
    (a full disk shows itself here) do they take their places; a folder made for them goes on failure."""
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
    for partial, final in partials.items():
        partial.replace(final)
