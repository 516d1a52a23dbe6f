"""The policy's clause ids, in the policy's own order, for each version of the rules: the one list.

Rules cite these ids; the handbook checks each version's text has exactly these clauses and
places each on its page. A version may add or remove a clause: give it its own tuple.
"""
from __future__ import annotations

from .versions import VERSIONS, resolve

_FIRST = ("1", "1a", "1b", "2", "3", "3a", "4", "4a", "5", "5a", "5b", "5c", "5d", "5e", "5f", "6", "7", "8", "9")
CLAUSES: dict[str, tuple[str, ...]] = {"1.0": _FIRST, "1.1": _FIRST}
if tuple(CLAUSES) != VERSIONS:
    raise RuntimeError("checkers/clauses.py: list the clauses of every version in checkers/versions.py")
EVERY: tuple[str, ...] = tuple(dict.fromkeys(cid for ids in CLAUSES.values() for cid in ids))


def clause_ids(version: str | None = None) -> tuple[str, ...]:
    """The clause ids of a policy version (the latest when None)."""
    return CLAUSES[resolve(version)]


def in_order(cites, version: str | None = None) -> tuple[str, ...]:
    """Cited clause ids in the policy's order; a clause the version lacks is an error, never dropped."""
    order = clause_ids(version)
    unknown = sorted(set(cites) - set(order))
    if unknown:
        raise ValueError(f"clause {unknown[0]} is not in version {resolve(version)} of the policy")
    return tuple(cid for cid in order if cid in cites)


def clause_word(count: int) -> str:
    """ "clause" for one, "clauses" for any other number: the one place the plural is made."""
    return "clause" if count == 1 else "clauses"


def cited(cites) -> str:
    """Cited clause ids in words: "clause 4", "clauses 4a, 9"."""
    return f"{clause_word(len(cites))} {', '.join(cites)}"
