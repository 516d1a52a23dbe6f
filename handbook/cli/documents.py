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
        out.mkdir(parents=True, exist_ok=True)
    except HandbookError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"Cannot write into {out}: {error.strerror}.") from None
    for name, data in files.items():
        partial = out / f".{name}.partial"
        partial.write_bytes(data)
        partial.replace(out / name)
        click.echo(f"{out / name}  ({size_text(len(data))})")
    click.echo(f"Made {len(files)} files in {time.perf_counter() - started:.1f} s.")
