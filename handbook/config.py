"""The group file (`group.yml`): its schema, and errors that name the file, line and key."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator

from .config_errors import describe
from .errors import HandbookError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
VERSION_PATTERN = r"^\d+\.\d+$"


class Strict(BaseModel):
    """Unknown keys are mistakes (a typo silently ignored would leave the default in place)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Contact(Strict):
    phone: Text | None = None
    email: Text | None = None
    address: Text | None = None
    website: Text | None = None


class LinkedPolicy(Strict):
    title: Text
    url: Text | None = None


class LinkedPolicies(Strict):
    safeguarding: LinkedPolicy = LinkedPolicy(title="Safeguarding Policy")
    social_media: LinkedPolicy = LinkedPolicy(title="Social Media Policy")
    data_protection: LinkedPolicy = LinkedPolicy(title="Data Protection Policy")


class PolicyVersion(Strict):
    """One approved version of the policy. Versions are only ever added, never rewritten."""

    version: Annotated[str, StringConstraints(pattern=VERSION_PATTERN)]
    approved: dt.date
    review_due: dt.date
    summary: Text
    changes: dict[Annotated[str, StringConstraints(pattern=r"^\d[a-f]?$")], Text] = {}

    @model_validator(mode="after")
    def _review_after_approval(self) -> "PolicyVersion":
        if self.review_due <= self.approved:
            raise ValueError(
                f"review_due ({self.review_due}) must be after approved ({self.approved})"
            )
        return self

    @property
    def number(self) -> tuple[int, int]:
        major, minor = self.version.split(".")
        return int(major), int(minor)


class Group(Strict):
    name: Text
    short_name: Text | None = None
    manager: Text = "manager"
    team_leader: Text = "team leader"
    senior_volunteer: Text = "senior volunteer"
    person_with_authority: Text = "manager"
    safeguarding_lead: Text = "safeguarding lead"
    contact: Contact = Contact()
    policies: LinkedPolicies = LinkedPolicies()
    partner_agencies: list[Text] = []
    keeps_case_files: bool = True
    versions: Annotated[list[PolicyVersion], Field(min_length=1)]

    @field_validator("versions")
    @classmethod
    def _versions_only_grow(cls, versions: list[PolicyVersion]) -> list[PolicyVersion]:
        for before, after in zip(versions, versions[1:]):
            if after.number <= before.number:
                raise ValueError(
                    f"version {after.version} must be higher than the version before it"
                    f" ({before.version}): add new versions at the end, never reuse a number"
                )
            if after.approved < before.approved:
                raise ValueError(
                    f"version {after.version} is approved on {after.approved},"
                    f" before version {before.version} ({before.approved}): versions go in date order"
                )
        return versions

    @property
    def display_short_name(self) -> str:
        return self.short_name or self.name

    def version(self, number: str | None = None) -> PolicyVersion:
        """The named version, or the latest when none is named."""
        if number is None:
            return self.versions[-1]
        for entry in self.versions:
            if entry.version == number:
                return entry
        known = ", ".join(v.version for v in self.versions)
        raise HandbookError(f"There is no policy version {number!r} in the group file. Known versions: {known}.")

    def words(self) -> dict[str, str]:
        """The group's words the rules speak with (a plain dict: the rules run in the browser too)."""
        return {
            "name": self.name,
            "short_name": self.display_short_name,
            "manager": self.manager,
            "team_leader": self.team_leader,
            "senior_volunteer": self.senior_volunteer,
            "person_with_authority": self.person_with_authority,
            "safeguarding_lead": self.safeguarding_lead,
        }


def load_group(path: str | Path) -> Group:
    """Read and check a group file; any problem is one HandbookError naming file, line and key."""
    path = Path(os.path.relpath(path)) if Path(path).resolve().is_relative_to(Path.cwd()) else Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise HandbookError(f"{path}: the group file does not exist. Copy group.yml and edit it.") from None
    except UnicodeDecodeError as error:
        raise HandbookError(f"{path}: the file is not UTF-8 text ({error.reason}).") from None
    try:
        data = yaml.safe_load(text)
        tree = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise HandbookError(f"{path}{where}: this is not valid YAML ({problem}).") from None
    if data is None:
        raise HandbookError(f"{path}: the file is empty. It needs at least `name:` and `versions:`.")
    if not isinstance(data, dict):
        raise HandbookError(
            f"{path}, line 1: expected `key: value` lines (a mapping), received {type(data).__name__}."
        )
    try:
        return Group.model_validate(data)
    except ValidationError as error:
        raise HandbookError(describe(path, error, tree, Group)) from None

