"""`handbook new DIR`: a ready group folder from a few answers, checked before anything is written.

The folder holds group.yml (with a note on every key), a README for the coordinator, the version
of the handbook it uses (requirements.txt) and a GitHub Pages workflow that runs `handbook build`.
It is written beside DIR first and moved into place only when group.yml reads back without a
mistake, so a half-made folder is never left behind.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from checkers.versions import LATEST
from checkers.words import TITLES

from ..errors import HandbookError
from . import load_group

TEMPLATES = Path(__file__).with_name("new_folder")
# file written -> template it comes from
FILES = {"group.yml": "group.yml", "README.md": "README.md", ".github/workflows/publish.yml": "publish.yml"}


@dataclass
class NewGroup:
    """The answers `handbook new` asks for: every key named after its group.yml key."""

    name: str
    short_name: str = ""
    manager: str = TITLES["manager"]
    team_leader: str = TITLES["team_leader"]
    senior_volunteer: str = TITLES["senior_volunteer"]
    person_with_authority: str = TITLES["person_with_authority"]
    safeguarding_lead: str = TITLES["safeguarding_lead"]
    phone: str = ""
    email: str = ""
    address: str = ""
    partners: list[str] = field(default_factory=list)
    keeps_case_files: bool = True


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters["q"] = lambda value: json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML string
    return env


def _installed_version() -> str:
    try:
        return metadata.version("confidentiality-handbook")
    except metadata.PackageNotFoundError:
        return "0.1.0"


def write_group_folder(target: Path, answers: NewGroup, today: dt.date | None = None) -> Path:
    """Make the folder `target` (new, or empty) for the group; returns it."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise HandbookError(f"{target} already exists and is not empty: choose a new folder name.")
    today = today or dt.date.today()
    values = {**vars(answers), "short_name": answers.short_name or answers.name, "version": LATEST,
              "approved": today.isoformat(), "review_due": today.replace(year=today.year + 1).isoformat()}
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        env = _environment()
        for name, template in FILES.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_text(env.get_template(template).render(values), encoding="utf-8")
        (staging / "requirements.txt").write_text(
            "# The handbook this folder uses. To upgrade, change the version and install again.\n"
            f"confidentiality-handbook=={_installed_version()}\n", encoding="utf-8")
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
