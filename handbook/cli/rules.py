"""The rules' commands: `handbook check`, `handbook ask` and `handbook answers`."""
from __future__ import annotations

import json
from pathlib import Path

import click

import checkers
from checkers import versions
from checkers.clauses import cited
from checkers.model import Question

from ..group import group_file as find_group_file
from ..answers import answer_record, scenarios, tables
from .options import config_option, version_option
from .printable import printable


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per scenario instead.")
def check(files: tuple[Path, ...], as_json: bool) -> None:
    """Run scenario files against the rules; exit 1 if any scenario fails.

    \b
    Examples:
      handbook check checkers/scenarios/*.yml
      handbook check my-training.yml --json
    """
    results = scenarios.run_files(files)
    for result in results:
        if as_json:
            click.echo(json.dumps(result.as_dict()))
        else:
            click.echo(f"{'PASS' if result.passed else 'FAIL'}  {printable(result.file)}:{result.line}  "
                       f"{printable(result.name)}")
            for problem in result.problems:
                click.echo(f"      {printable(problem)}")
    failed = sum(not result.passed for result in results)
    if not as_json:
        click.echo(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        raise SystemExit(1)


def _ask_one(question: Question) -> str | list | None:
    """Ask one question with numbered options; returns option id(s), or None for a skipped optional one."""
    click.echo(f"\n{question.prompt}")
    if question.hint:
        click.echo(f"  ({question.hint})")
    for number, option in enumerate(question.options, 1):
        click.echo(f"  {number}. {option.label}")
    count = len(question.options)
    if question.multi:
        none = "" if question.at_least_one else " (0 for none)"  # "who may be at risk?": at least one
        raw = click.prompt(f"Numbers, separated by commas{none}", **({} if none == "" else {"default": "0"}))
        try:
            picked = sorted({int(part) for part in raw.replace(" ", "").split(",") if part})
        except ValueError:
            picked = [-1]
        if picked == [0] and none:
            return []
        if not picked or any(not 1 <= n <= count for n in picked):
            click.echo(f"Please give numbers from 1 to {count}{', or 0' if none else ''}.")
            return _ask_one(question)
        return [question.options[n - 1].id for n in picked]
    if not question.required:
        raw = click.prompt("Number (Enter to skip)", default="", show_default=False)
        if not raw.strip():
            return None
        choice = int(raw) if raw.strip().isdigit() else 0
        if not 1 <= choice <= count:
            click.echo(f"Please give a number from 1 to {count}.")
            return _ask_one(question)
        return question.options[choice - 1].id
    choice = click.prompt("Number", type=click.IntRange(1, count))
    return question.options[choice - 1].id


@click.command()
@click.argument("checker_id", metavar="CHECKER", type=click.Choice(sorted(checkers.CHECKERS)))
@config_option
@version_option
def ask(checker_id: str, group_file: Path | None, version: str | None) -> None:
    """Ask a checker's questions in the terminal and print the answer.

    Questions that do not apply to your answers are skipped. The answer speaks with the group
    file's names and titles when there is one, and with general words otherwise.

    \b
    Examples:
      handbook ask sharing
      handbook ask breach --config group.yml --policy-version 1.0
    """
    group = None
    path = find_group_file(group_file)
    try:
        versions.resolve(version)
        if group_file is not None or path.is_file():
            from ..group import load_group  # only when asked: it needs pydantic

            loaded = load_group(path)
            if version is not None:
                loaded.version(version)  # a version the group file does not have is a typo, said at once
            group = loaded.words()
    except versions.VersionError as error:
        raise click.ClickException(str(error)) from None
    checker = checkers.CHECKERS[checker_id]
    click.echo(checker.title)
    answers: dict = {}
    for question in checker.questions:
        if question.applies(answers):
            value = _ask_one(question)
            if value is not None:
                answers[question.id] = value
    result = checker.decide(answers, group=group, version=version)
    click.echo(f"\n{result.title}\n")
    if result.assessment:
        click.echo(f"{result.assessment}\n")
    for number, step in enumerate(result.steps, 1):
        click.echo(f"{number}. {step}")
    click.echo(f"\nWhy: {cited(result.cites)}")
    click.echo("\nWrite down:")
    for line in result.record:
        click.echo(f"- {line}")


@click.command()
@click.option("--write", is_flag=True, help="Rewrite the committed tables and records from the rules.")
def answers(write: bool) -> None:
    """Check (or rewrite) the committed table of every answer (checkers/answers/*.json) and the record of every
    answer in the example group's words, for a safeguarding lead to read (checkers/answers/*.txt): each outcome
    once, under both policy versions.

    Without --write, exits 1 and shows what changed if a table or a record is out of date.

    \b
    Examples:
      handbook answers            # is every table and record up to date?
      handbook answers --write    # after changing a rule
    """
    if write:
        for path in tables.write_tables() + answer_record.write_records():
            click.echo(f"Wrote {path}")
        return
    stale = False
    for checker_id in checkers.CHECKERS:
        for version in versions.VERSIONS:
            diff = tables.stale_diff(checker_id, version)
            if diff:
                stale = True
                click.echo(diff)
        diff = answer_record.stale_record_diff(checker_id)
        if diff:
            stale = True
            click.echo(diff)
    if stale:
        raise click.ClickException("The answers table is out of date: run `handbook answers --write`.")
    click.echo("Every answers table and record is up to date.")
