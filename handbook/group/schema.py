"""The group file's schema: every key, its default, its limits, and the checks on it.

Every text is checked the same way: trimmed, not empty, not too long for any output (the Word
files' properties included), and free of control and bidirectional-override characters, which
could break a page's structure or mirror the text around them.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator, \
    model_validator

from checkers.clauses import EVERY
from checkers.words import TITLES

from ..errors import HandbookError
from .brand import check_colour
from ..templating import isolate, long_date

BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
URL_SCHEMES = ("https://", "http://", "mailto:")
VERSION_PATTERN = r"^\d{1,4}\.\d{1,4}$"  # 1.0 to 9999.9999: short enough for every stamp


REFUSED_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}  # controls, lone surrogates, line and paragraph separators


def _refused(char: str) -> bool:
    """Characters no page, Word file or PDF can show as text: controls, bidi overrides, lone
    surrogates, line separators and the non-characters (U+FDD0-U+FDEF, U+FFFE, U+FFFF, ...)."""
    code = ord(char)
    return (unicodedata.category(char) in REFUSED_CATEGORIES or char in BIDI_CONTROLS
            or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE)


def _plain(value: str) -> str:
    for char in value:
        if _refused(char):
            kind = ("a line break" if char in "\r\n\x85\u2028\u2029"
                    else f"the invisible control character U+{ord(char):04X}")
            raise ValueError(f"it contains {kind}; write it on one line, without special characters")
    return value


def text_of(limit: int):
    """One line of text, at most `limit` characters."""
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=limit),
                     AfterValidator(_plain)]


def _url(value: str) -> str:
    if not value.lower().startswith(URL_SCHEMES):
        raise ValueError("expected a web address starting with https:// (or http://, or mailto: for an email)")
    return value


def _iso_date(value: object) -> object:
    """Only a date written as 2026-03-31: never a number read as days since 1970."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"there is no such day as {value.strip()}; expected a real date like 2026-03-31")
    raise ValueError("expected a date like 2026-03-31")


Name, Short, Title, Line = text_of(100), text_of(60), text_of(80), text_of(200)
Agency, Summary = text_of(120), text_of(300)
Url = Annotated[text_of(300), AfterValidator(_url)]
Date = Annotated[dt.date, BeforeValidator(_iso_date)]


class Strict(BaseModel):
    """Unknown keys are mistakes (a typo silently ignored would leave the default in place)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Contact(Strict):
    phone: Short | None = None
    email: Line | None = None
    address: Line | None = None
    website: Url | None = None


class LinkedPolicy(Strict):
    title: Name
    url: Url | None = None


class LinkedPolicies(Strict):
    safeguarding: LinkedPolicy = LinkedPolicy(title="Safeguarding Policy")
    social_media: LinkedPolicy = LinkedPolicy(title="Social Media Policy")
    data_protection: LinkedPolicy = LinkedPolicy(title="Data Protection Policy")


class PolicyVersion(Strict):
    """One approved version of the policy. Versions are only ever added, never rewritten."""

    version: Annotated[str, StringConstraints(pattern=VERSION_PATTERN)]
    approved: Date | None = None  # left empty until the trustees approve it: pages and forms then say so
    review_due: Date | None = None
    summary: Summary
    changes: dict[str, Summary] = {}

    @field_validator("changes")
    @classmethod
    def _known_clauses(cls, changes: dict[str, str]) -> dict[str, str]:
        for cid in changes:
            if cid not in EVERY:
                raise ValueError(f"there is no clause {cid!r} to note a change to; clauses are: {', '.join(EVERY)}")
        return changes

    @model_validator(mode="after")
    def _review_after_approval(self) -> "PolicyVersion":
        if self.approved and self.review_due and self.review_due <= self.approved:
            raise ValueError(f"review_due ({self.review_due}) must be after approved ({self.approved})")
        return self

    @property
    def approval(self) -> str:
        """"approved 10 March 2026", or "not yet approved" until the trustees have approved it."""
        return f"approved {long_date(self.approved)}" if self.approved else "not yet approved"

    @property
    def number(self) -> tuple[int, int]:
        major, minor = self.version.split(".")
        return int(major), int(minor)


class Group(Strict):
    name: Name
    short_name: Short | None = None
    manager: Title = TITLES["manager"]
    team_leader: Title = TITLES["team_leader"]
    senior_volunteer: Title = TITLES["senior_volunteer"]
    person_with_authority: Title = TITLES["person_with_authority"]  # unless given: the manager (below)
    safeguarding_lead: Title = TITLES["safeguarding_lead"]
    contact: Contact = Contact()
    policies: LinkedPolicies = LinkedPolicies()
    partner_agencies: Annotated[list[Agency], Field(max_length=30)] = []
    keeps_case_files: bool = True
    colour: Annotated[str, AfterValidator(check_colour)] | None = None
    logo: text_of(200) | None = None  # a picture beside group.yml; checked where the folder is known
    versions: Annotated[list[PolicyVersion], Field(min_length=1, max_length=200)]

    @model_validator(mode="before")
    @classmethod
    def _authority_is_the_manager_unless_named(cls, data: object) -> object:
        """Who consent emails and police enquiries go to: the manager, by the group's own title, unless named."""
        if isinstance(data, dict) and not data.get("person_with_authority") and isinstance(data.get("manager"), str):
            data = {**data, "person_with_authority": data["manager"]}
        return data

    @field_validator("versions")
    @classmethod
    def _versions_only_grow(cls, versions: list[PolicyVersion]) -> list[PolicyVersion]:
        for before, after in zip(versions, versions[1:]):
            if after.number <= before.number:
                raise ValueError(
                    f"version {after.version} must be higher than the version before it"
                    f" ({before.version}): add new versions at the end, never reuse a number"
                )
            if before.approved is None:
                raise ValueError(f"version {before.version} has no approved date, but a later version follows it: "
                                 "only the newest version can wait for approval")
            if after.approved is not None and after.approved < before.approved:
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

    def previous_version(self, number: str) -> str | None:
        """The version before this one in the group file, or None for the first."""
        numbers = [entry.version for entry in self.versions]
        index = numbers.index(self.version(number).version)
        return numbers[index - 1] if index else None

    def words(self, *, isolated: bool = False) -> dict[str, str]:
        """The group's words the rules speak with (a plain dict: the rules run in the browser too).

        isolated: each right-to-left value between Unicode isolates (templating.isolate), for the
        pages' checkers; a terminal (`handbook ask`) gets the words as typed.
        """
        words = {"name": self.name, "short_name": self.display_short_name,
                 **{key: getattr(self, key) for key in TITLES}}
        return {key: isolate(value) for key, value in words.items()} if isolated else words
