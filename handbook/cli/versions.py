"""`handbook diff`: what changed between two policy versions, in the terminal."""
from __future__ import annotations

import html
import json
import re
import textwrap
from pathlib import Path

import click

from ..group import group_file as find_group_file
from .options import config_option
from .printable import printable

MARKS = {"same": ("", ""), "added": ("{+", "+}"), "removed": ("[-", "-]")}


def _wrapped(pieces) -> str:
    """The word diff for a terminal: [-removed-] {+added+}, a paragraph at a time, wrapped."""
    paragraphs: list[str] = [""]
    for kind, words in pieces:
        for n, part in enumerate(re.split(r"\n\s*\n", words)):
            if n:
                paragraphs.append("")
            if part.strip():
                start, end = MARKS[kind]
                paragraphs[-1] += f"{start}{printable(part.strip())}{end}" + (" " if part != part.rstrip() else "")
    return "\n\n".join(textwrap.fill(p.strip(), 100, initial_indent="    ", subsequent_indent="    ")
                       for p in paragraphs if p.strip())


def _outcome(answer) -> str:
    return f"{answer.decision} {answer.urgency} | cites {' '.join(answer.cites)} | {' '.join(answer.actions)}"


@click.command()
@click.argument("old")
@click.argument("new")
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
def diff(old: str, new: str, group_file: Path | None, as_json: bool) -> None:
    """Show what changed from policy version OLD to NEW: clause text and checkers' answers.

    Clause text is compared word by word ([-removed-] {+added+}); then every combination of
    answers whose decision, cited clauses or actions changed, with the old answer beside the new.

    \b
    Example:
      handbook diff 1.0 1.1
      handbook diff 1.0 1.1 --json
    """
    from ..folders import Folders
    from ..group import load_group
    from ..policy.text_changes import clause_changes
    from ..answers.answer_changes import answer_changes, rules_version

    path = find_group_file(group_file)
    loaded = load_group(path)
    loaded.version(old), loaded.version(new)
    folders = Folders(path.resolve().parent)
    clauses = [c for c in clause_changes(folders, loaded, old, new) if c.status != "unchanged"]
    same_rules = rules_version(old) == rules_version(new)
    answers = [] if same_rules else answer_changes(old, new)
    if as_json:
        click.echo(json.dumps({
            "old": old, "new": new,
            "clauses": [{"id": c.id, "title": c.title, "status": c.status, "note": c.note,
                         "old": html.unescape(c.old), "new": html.unescape(c.new),
                         "diff": [[kind, html.unescape(words)] for kind, words in c.pieces]} for c in clauses],
            "answers": [{"checker": a.checker, "answers": a.answers, "old": vars(a.old), "new": vars(a.new)}
                        for a in answers],
        }, indent=1))
        return
    click.echo(f"What changed from version {old} to version {new}")
    click.echo(f"{printable(loaded.version(new).summary)}\n")
    click.echo(f"Clauses changed: {len(clauses)}" + (f" ({', '.join(c.id for c in clauses)})" if clauses else ""))
    for change in clauses:
        click.echo(f"\nClause {change.id} {printable(change.title)} ({change.status})")
        if change.note:
            click.echo(f"  In short: {printable(change.note)}")
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
