"""The stamp on every page of every document: the group, the policy version and the day it was made."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from ..errors import HandbookError
from ..group import Group, PolicyVersion
from ..templating import isolate, long_date


@dataclass(frozen=True)
class Stamp:
    group: str
    version: str
    made: dt.date

    @property
    def made_text(self) -> str:
        return long_date(self.made)

    @property
    def line(self) -> str:
        return f"{isolate(self.group)} · Confidentiality Policy version {self.version} · made {self.made_text}"


def made_date(version: PolicyVersion, made: dt.date | None = None) -> dt.date:
    """The date stamped on documents: given, else SOURCE_DATE_EPOCH's day (UTC), else the day the
    version was approved. Never today's date, so that the same inputs always give the same bytes."""
    if made is not None:
        return made
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise HandbookError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {epoch!r}.")
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return version.approved


def stamp_for(group: Group, version: PolicyVersion, made: dt.date | None = None) -> Stamp:
    return Stamp(group=group.name, version=version.version, made=made_date(version, made))
