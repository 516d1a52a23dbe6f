"""`handbook new DIR`: a ready group folder from a few answers, checked before anything is written.

The folder holds group.yml (with a note on every key), a README for the coordinator, the handbook
it builds with (handbook-release/: this handbook's own wheel and the locks of what it needs, see
release.py) and a GitHub Pages workflow that installs exactly those and publishes every version.
Only what the coordinator gave is written: a title left out stays a note, so the schema's fallbacks
apply, and `approved:` waits for the trustees. The folder is written beside DIR first and moved into
place only when group.yml reads back without a mistake, so a half-made folder is never left behind.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import TypeAdapter, ValidationError

from checkers.versions import LATEST
from checkers.words import TITLES

from ..errors import HandbookError
from . import load_group
from .schema import Contact, Group
from .release import write_release

TEMPLATES = Path(__file__).with_name("new_folder")
# file written -> template it comes from
FILES = {"group.yml": "group.yml", "README.md": "README.md", ".github/workflows/publish.yml": "publish.yml"}


@dataclass
class NewGroup:
    """The answers `handbook new` asks for: every key named after its group.yml key."""

    name: str
    short_name: str = ""  # "" for each of these: not given, so the schema's fallback applies
    manager: str = ""
    team_leader: str = ""
    senior_volunteer: str = ""
    person_with_authority: str = ""
    safeguarding_lead: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    partners: list[str] = field(default_factory=list)
    keeps_case_files: bool = True


def _group_file_templates() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters["q"] = lambda value: json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML string
    return env


# group.yml key -> its note, in the order written
TITLE_NOTES = (
    ("manager", "who is in charge: breaks of confidentiality are reported to them"),
    ("team_leader", "who stands in when the manager is away"),
    ("senior_volunteer", "who stands in when both are away"),
    ("person_with_authority", "who consent emails and police enquiries go to (unless given: the manager)"),
    ("safeguarding_lead", "who deals with safeguarding worries"),
)


def checked_answer(key: str, value: str) -> str | None:
    """What is wrong with one answer, as the group file's schema would say it, or None."""
    field = Group.model_fields.get(key) or Contact.model_fields.get(key)
    try:
        TypeAdapter(field.rebuild_annotation()).validate_python(value)
    except ValidationError as error:
        item = error.errors()[0]
        if item["type"] == "string_too_long":
            return f"too long: at most {item['ctx']['max_length']} characters (this has {len(value)})"
        return str(item.get("ctx", {}).get("error", item["msg"]))
    return None


def _values(answers: NewGroup) -> dict:
    """What the templates show: the answers, and for each title not given the fallback it gets."""
    fallback = {**TITLES, "person_with_authority": answers.manager or TITLES["manager"]}
    given = {key: getattr(answers, key) for key, _ in TITLE_NOTES}
    return {**vars(answers), "version": LATEST, "titles": TITLE_NOTES, "given": given, "fallback": fallback}


def write_group_folder(target: Path, answers: NewGroup) -> Path:
    """Make the folder `target` (new, or empty) for the group; returns it."""
    target = Path(target)
    try:
        if target.is_symlink():
            raise HandbookError(f"{target} is a link to another place: give the name of a new folder instead.")
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise HandbookError(f"{target} already exists and is not empty: choose a new folder name.")
        return _write(target, _values(answers))
    except OSError as error:  # a read-only place, a name too long for the disk, a full disk
        raise HandbookError(f"Could not make the folder {target}: {error.strerror or error}. "
                            "Choose another place, or a shorter name.") from None


def _write(target: Path, values: dict) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name[:40]}.new-", dir=target.parent))
    try:
        env = _group_file_templates()
        for name, template in FILES.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_text(env.get_template(template).render(values), encoding="utf-8")
        write_release(staging)
        load_group(staging / "group.yml")  # every answer checked, as a build would
        staging.chmod(0o755)
        if target.exists():
            target.rmdir()
        staging.rename(target)
    except HandbookError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise HandbookError(str(error).replace(str(staging / "group.yml"), "group.yml")) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
