"""The policy versions the rules know, oldest first: append a new one, never change an old one.

Like OpenFisca's dated parameters: each version keeps answering as it did, so a group can see
what its trustees approved and what changed.
"""
from __future__ import annotations

# version -> the date the example revision was written. Append only.
DATED: dict[str, str] = {
    "1.0": "2025-03-12",  # the policy as given
    "1.1": "2026-03-10",  # clause 4: consent names each organisation; clause 7: breach log, ICO, 72 hours
}
VERSIONS: tuple[str, ...] = tuple(DATED)
LATEST: str = VERSIONS[-1]


class VersionError(ValueError):
    """A policy version the rules do not know."""


def _number(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def resolve(version: str | None) -> str:
    """The rules in force at a version: the newest rules version not after it (None: the latest).

    A group may approve a version 1.2 that only rewords the text: its rules are still 1.1's.
    """
    if version is None or version in DATED:
        return version or LATEST
    try:
        in_force = [known for known in VERSIONS if _number(known) <= _number(version)]
    except ValueError:
        in_force = []
    if not in_force:
        raise VersionError(
            f"Unknown policy version {version!r}. Expected a number like 1.1, from {VERSIONS[0]} on."
        )
    return in_force[-1]


def at_least(version: str, since: str) -> bool:
    """True when `version` is `since` or later (versions compare by their place in VERSIONS)."""
    return VERSIONS.index(version) >= VERSIONS.index(since)
