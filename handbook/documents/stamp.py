"""The stamp on every page of every document: where it was printed from, the policy version and its approval.

A form is printed and kept for years, so the stamp names facts of the policy, not of the build:
"Printed from the Riverside Food Bank handbook · Confidentiality Policy version 1.1, approved
10 March 2026". It used to say "made <date>", which showed the approval date as if it were the day
the form was made, and read as old. The files' own dates (Word's properties, the zip entries,
the PDF's metadata) are never printed; they are `made`, fixed so that the same inputs give the
same bytes.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from ..errors import HandbookError
from ..group import Group, PolicyVersion
from ..templating import isolate


@dataclass(frozen=True)
class Stamp:
    group: str
    version: str
    approval: str  # "approved 10 March 2026", or "not yet approved"
    made: dt.date  # the files' own date: in their properties, never on the page

    @property
    def source(self) -> str:
        return f"Printed from {handbook_of(self.group)}"

    @property
    def policy(self) -> str:
        return f"Confidentiality Policy version {self.version}, {self.approval}"

    @property
    def line(self) -> str:
        """On one line, for the files' properties; on paper `source` and `policy` are two lines."""
        return f"{self.source} · {self.policy}"


def handbook_of(group: str) -> str:
    """"the Riverside Food Bank handbook"; "The Haven handbook", not "the The Haven handbook"."""
    shown = isolate(group)  # a right-to-left name cannot reorder the words after it
    return f"{shown} handbook" if group.lower().startswith("the ") else f"the {shown} handbook"


def made_date(version: PolicyVersion, made: dt.date | None = None) -> dt.date:
    """The files' own date: given, else SOURCE_DATE_EPOCH's day (UTC), else the day the version was
    approved (the ZIP format's first day until then). Never today's date, so that the same inputs always
    give the same bytes."""
    if made is not None:
        return made
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise HandbookError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}.")
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return version.approved or dt.date(1980, 1, 1)


def stamp_for(group: Group, version: PolicyVersion, made: dt.date | None = None) -> Stamp:
    return Stamp(group=group.name, version=version.version, approval=version.approval,
                 made=made_date(version, made))
