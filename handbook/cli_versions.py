"""The versions' commands: `handbook publish`, `handbook export` and `handbook diff`."""
from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import click

from .errors import HandbookError

config_option = click.option(
    "--config", "group", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="The group file (default: group.yml beside mkdocs.yml).")
MARKS = {"same": ("", ""), "added": ("{+", "+}"), "removed": ("[-", "-]")}


def _size(folder: Path) -> str:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return f"{total / 1_000_000:.0f} MB"


@click.command()
@click.argument("version")
@config_option
def publish(version: str, group: Path | None) -> None:
    """Build policy VERSION and commit it to the local gh-pages branch with mike.

    The newest version in the group file also becomes `latest`, the version the site opens
    at. Nothing is pushed: run `git push origin gh-pages` when you are ready. Preview the
    branch with `mike serve`, or write it to a folder with `handbook export`.

    \b
    Example:
      handbook publish 1.1
    """
    from .config import load_group
    from .publish import publish as run

    try:
        group_file = group or Path("group.yml")
        latest = load_group(group_file).versions[-1].version
        commit = run(version, alias_latest=version == latest, group=group)
    except HandbookError as error:
        raise click.ClickException(str(error)) from None
    if commit is None:
        click.echo(f"Version {version} is already on the local gh-pages branch exactly as it is now: "
                   "nothing to commit.")
        return
    as_latest = " as latest, the default," if version == latest else ""
    click.echo(f"Published version {version}{as_latest} to the local gh-pages branch (commit {commit}). "
               "Nothing was pushed.")


@click.command()
@click.argument("out_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@config_option
def export(out_dir: Path, group: Path | None) -> None:
    """Write the whole site, every policy version, to the folder DIR for any static web host.

    Each version is in its own folder with a version selector; the site opens at the latest.
    DIR must be new, empty, or an earlier export; it is replaced only when all went well.
    Your git branches are not touched.

    \b
    Example:
      handbook export public
      python -m http.server -d public     # then open http://127.0.0.1:8000
    """
    from .publish import export as run

    try:
        written = run(out_dir, group=group)
    except HandbookError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Wrote versions {', '.join(written)} to {out_dir} ({_size(out_dir)}); "
               f"the site opens at version {written[-1]}.")


def _wrapped(pieces) -> str:
    """The word diff for a terminal: [-removed-] {+added+}, a paragraph at a time, wrapped."""
    paragraphs: list[str] = [""]
    for kind, words in pieces:
        for n, part in enumerate(re.split(r"\n\s*\n", words)):
            if n:
                paragraphs.append("")
            if part.strip():
                start, end = MARKS[kind]
                paragraphs[-1] += f"{start}{part.strip()}{end}" + (" " if part != part.rstrip() else "")
    return "\n\n".join(textwrap.fill(p.strip(), 100, initial_indent="    ", subsequent_indent="    ")
                       for p in paragraphs if p.strip())


def _outcome(answer) -> str:
    return f"{answer.decision} | cites {' '.join(answer.cites)} | {' '.join(answer.actions)}"


@click.command()
@click.argument("old")
@click.argument("new")
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
def diff(old: str, new: str, group: Path | None, as_json: bool) -> None:
    """Show what changed from policy version OLD to NEW: clause text and checkers' answers.

    Clause text is compared word by word ([-removed-] {+added+}); then every combination of
    answers whose decision, cited clauses or actions changed, with the old answer beside the new.

    \b
    Example:
      handbook diff 1.0 1.1
      handbook diff 1.0 1.1 --json
    """
    from .changes import answer_changes, clause_changes, rules_version
    from .config import load_group

    try:
        loaded = load_group(group or Path("group.yml"))
        loaded.version(old), loaded.version(new)
        clauses = [c for c in clause_changes(Path("."), old, new, group=loaded) if c.status != "unchanged"]
        same_rules = rules_version(old) == rules_version(new)
        answers = [] if same_rules else answer_changes(old, new)
    except HandbookError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps({
            "old": old, "new": new,
            "clauses": [{"id": c.id, "title": c.title, "status": c.status, "note": c.note, "old": c.old,
                         "new": c.new, "diff": [list(piece) for piece in c.pieces]} for c in clauses],
            "answers": [{"checker": a.checker, "answers": a.answers, "old": vars(a.old), "new": vars(a.new)}
                        for a in answers],
        }, indent=1))
        return
    click.echo(f"What changed from version {old} to version {new}")
    click.echo(f"{loaded.version(new).summary}\n")
    click.echo(f"Clauses changed: {len(clauses)}" + (f" ({', '.join(c.id for c in clauses)})" if clauses else ""))
    for change in clauses:
        click.echo(f"\nClause {change.id} {change.title} ({change.status})")
        if change.note:
            click.echo(f"  In short: {change.note}")
        click.echo(_wrapped(change.pieces))
    click.echo(f"\nAnswers changed: {len(answers)}" + (" (the rules are the same)" if same_rules else ""))
    current = None
    for answer in answers:
        if answer.checker != current:
            current = answer.checker
            count = sum(a.checker == current for a in answers)
            click.echo(f"\n{current}: {count} combinations")
        click.echo(f"  {answer.key}")
        click.echo(f"    {old}: {_outcome(answer.old)}")
        click.echo(f"    {new}: {_outcome(answer.new)}")
