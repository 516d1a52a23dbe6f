"""`handbook documents`: write the forms and the whole handbook as Word and PDF files."""
from __future__ import annotations

import time
from pathlib import Path

import click

from .config import load_group
from .documents import render_documents, size_text
from .errors import HandbookError


@click.command()
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The folder to write the files into (made if missing).")
@click.option("--format", "formats", default="docx,pdf", show_default=True, metavar="FORMATS",
              help="Which formats, separated by commas: docx, pdf.")
@click.option("--config", "group_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The group file (default: group.yml in --root).")
@click.option("--policy-version", "version", default=None, metavar="VERSION",
              help="Make the documents for this policy version (default: the latest).")
@click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path), default=Path("."),
              show_default=True, help="The handbook folder, with templates/ and policy/.")
def documents(out: Path, formats: str, group_file: Path | None, version: str | None, root: Path) -> None:
    """Write the consent forms, breach report, sharing record, police log and whole handbook.

    Each file carries the group's name, the policy version and the date it was made: the
    SOURCE_DATE_EPOCH day if set, else the day the version was approved, so the same inputs
    always give the same files. Put your own wording in my-templates/documents/ beside the
    group file. Nothing is written unless every document is made.

    \b
    Examples:
      handbook documents --out downloads
      handbook documents --out /tmp/forms --format pdf --config tests/groups/hostile.yml
    """
    started = time.perf_counter()
    group_file = group_file or root / "group.yml"
    try:
        group = load_group(group_file)
        chosen = tuple(part.strip() for part in formats.split(",") if part.strip())
        files = render_documents(group, group.version(version), root=root, formats=chosen,
                                 group_dir=group_file.parent)
    except HandbookError as error:
        raise click.ClickException(str(error)) from None
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        partial = out / f".{name}.partial"
        partial.write_bytes(data)
        partial.replace(out / name)
        click.echo(f"{out / name}  ({size_text(len(data))})")
    click.echo(f"Made {len(files)} files in {time.perf_counter() - started:.1f} s.")
