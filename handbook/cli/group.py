"""`handbook new`: a new group's folder, from answers given as options or at prompts."""
from __future__ import annotations

from pathlib import Path

import click

from checkers.words import TITLES

from .options import config_option

ASKED = (  # (option, question) in the order they are asked; each option is named after its group.yml key
    ("short_name", "A shorter name for headings (Enter to use the full name)"),
    ("manager", f"The title of the person in charge (Enter for \"{TITLES['manager']}\")"),
    ("team_leader", f"Who stands in when they are away (Enter for \"{TITLES['team_leader']}\")"),
    ("senior_volunteer", f"Who stands in when both are away (Enter for \"{TITLES['senior_volunteer']}\")"),
    ("person_with_authority", "Who consent emails and police enquiries go to (Enter for the person in charge)"),
    ("safeguarding_lead", f"Who deals with safeguarding worries (Enter for \"{TITLES['safeguarding_lead']}\")"),
    ("phone", "Your phone number (Enter to leave out)"),
    ("email", "Your email address (Enter to leave out)"),
    ("address", "Your address (Enter to leave out)"),
)


def _asked(key: str):
    """Check a typed answer as the group file will; a mistake is said and the question asked again."""
    from ..group.new import checked_answer

    def check(value: str) -> str:
        value = value.strip()
        if value and (problem := checked_answer(key, value)):
            raise click.UsageError(f"{problem}. Please type it again.")
        return value
    return check


@click.command()
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="Your group's full name.")
@click.option("--short-name", "short_name", help="A shorter name for headings.")
@click.option("--manager", help=f"The title of the person in charge (default: {TITLES['manager']}).")
@click.option("--team-leader", "team_leader", help=f"Who stands in (default: {TITLES['team_leader']}).")
@click.option("--senior-volunteer", "senior_volunteer", help=f"Who stands in next (default: {TITLES['senior_volunteer']}).")
@click.option("--person-with-authority", "person_with_authority",
              help=f"Who consent emails and police enquiries go to (default: {TITLES['person_with_authority']}).")
@click.option("--safeguarding-lead", "safeguarding_lead",
              help=f"Who deals with safeguarding worries (default: {TITLES['safeguarding_lead']}).")
@click.option("--phone", help="Your phone number.")
@click.option("--email", help="Your email address.")
@click.option("--address", help="Your address.")
@click.option("--partner", "partners", multiple=True, help="A partner agency (give it once for each).")
@click.option("--keeps-case-files/--no-case-files", "keeps_case_files", default=None,
              help="Whether you keep case files (default: you do).")
@click.option("--no-input", is_flag=True, help="Ask nothing: use the options given and the defaults.")
def new(folder: Path, no_input: bool, **given) -> None:
    """Make a new group's folder DIR: group.yml, a README and a publishing workflow.

    Asks for your group's name, titles, contact details, partner agencies and whether you keep
    case files, unless you give them as options. Then run `handbook serve` in the new folder.

    \b
    Examples:
      handbook new riverside
      handbook new pantry --name "Llanelli Community Pantry" --manager "lead volunteer" --no-case-files --no-input
    """
    from ..group.new import NewGroup, checked_answer, write_group_folder

    answers = {key: value for key, value in given.items() if value not in (None, ())}
    for key, value in answers.items():  # an option's mistake is named before any question is asked
        if isinstance(value, str) and (problem := checked_answer(key, value)):
            raise click.ClickException(f"--{key.replace('_', '-')}: {problem}.")
    if not answers.get("name"):
        if no_input:
            raise click.ClickException("--name is needed with --no-input: for example --name \"Riverside Food Bank\".")
        answers["name"] = click.prompt("Your group's full name", value_proc=_asked("name"))
    if not no_input:
        for key, question in ASKED:
            if key not in answers:  # Enter: not given
                answers[key] = click.prompt(question, default="", show_default=False, value_proc=_asked(key))
        if "partners" not in answers:
            listed = click.prompt("Partner agencies whose workers work with you regularly, separated by commas "
                                  "(Enter for none)", default="", show_default=False)
            answers["partners"] = [part.strip() for part in listed.split(",") if part.strip()]
        if "keeps_case_files" not in answers:
            answers["keeps_case_files"] = click.confirm("Do you keep case files?", default=True)
    answers["partners"] = list(answers.get("partners", []))
    made = write_group_folder(folder, NewGroup(**answers))
    click.echo(f"Made {made}. Next: cd {made} and run `handbook serve` to see your handbook.")


@click.command()
@config_option
def upgrade(group_file: Path | None) -> None:
    """Move your group's folder to the handbook installed here, then rebuild the site.

    Replaces the handbook's wheel and locks in handbook-release/ with this handbook's, so the
    publishing workflow installs it too, and builds the site again. The build names any of your
    own words (my-sections/) written against text that has since changed. Commit the folder's
    changes to publish with the new handbook.

    \b
    Example:
      pipx upgrade confidentiality-handbook   # or install the newer handbook another way
      handbook upgrade
    """
    from ..group import group_file as find_group_file, load_group
    from ..group.release import installed_release, version, write_release
    from ..site.build import build

    path = find_group_file(group_file)
    load_group(path)  # a mistake in group.yml is named before anything changes
    before = installed_release(path.parent)
    write_release(path.parent)
    written = build(path)
    since = f"from handbook {before} " if before else ""
    click.echo(f"Upgraded {path.parent} {since}to handbook {version()} (handbook-release/) and built the site "
               f"in {written}. Commit handbook-release/ so that the workflow publishes with it.")
