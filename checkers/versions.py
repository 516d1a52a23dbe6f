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


def resolve(version: str | None) -> str:
    """The version to answer under: the one asked for, or the latest when None."""
    if version is None:
        return LATEST
    if version not in DATED:
        raise VersionError(
            f"Unknown policy version {version!r}. Expected one of: {', '.join(VERSIONS)}."
        )
    return version


def at_least(version: str, since: str) -> bool:
    """True when `version` is `since` or later (versions compare by their place in VERSIONS)."""
    return VERSIONS.index(version) >= VERSIONS.index(since)
