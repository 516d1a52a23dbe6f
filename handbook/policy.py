"""The policy text of each version (`policy/<version>.md`), split into its clauses.

Each version is a whole file, added beside the others and never rewritten, so any version can
be built, and two versions compared clause by clause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .clauses import CLAUSE_PAGES
from .errors import HandbookError

_HEADING = re.compile(r"^(#{2,3}) (\S+) (.+)$")


@dataclass(frozen=True)
class Clause:
    id: str
    title: str
    level: int  # 2 for a clause, 3 for a sub-clause
    text: str  # the official wording: Markdown with {{ group.* }} placeholders


@dataclass(frozen=True)
class PolicyText:
    version: str
    preamble: str
    clauses: dict[str, Clause]


def policy_path(root: Path, version: str) -> Path:
    return root / "policy" / f"{version}.md"


def load_policy(root: Path, version: str) -> PolicyText:
    """Read one version's text; every clause of the policy must be there, once, and no other."""
    path = policy_path(root, version)
    if not path.is_file():
        raise HandbookError(
            f"{path}: missing. Each version in group.yml needs its text in policy/<version>.md;"
            f" copy the newest one to policy/{version}.md and edit it."
        )
    preamble: list[str] = []
    clauses: dict[str, Clause] = {}
    current: tuple[str, str, int, int] | None = None  # id, title, level, line
    body: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        heading = _HEADING.match(line)
        if heading is None:
            (body if current else preamble).append(line)
            continue
        if current:
            _add(clauses, path, current, body)
        current, body = (heading[2], heading[3].strip(), len(heading[1]), number), []
    if current:
        _add(clauses, path, current, body)
    missing = [cid for cid in CLAUSE_PAGES if cid not in clauses]
    if missing:
        raise HandbookError(f"{path}: clause {missing[0]} is missing (headings look like `## 4 Information sharing`).")
    text = "\n".join(line for line in preamble if not line.startswith("# ")).strip()
    return PolicyText(version=version, preamble=text, clauses=clauses)


def _add(clauses: dict[str, Clause], path: Path, current: tuple[str, str, int, int], body: list[str]) -> None:
    cid, title, level, line = current
    if cid not in CLAUSE_PAGES:
        allowed = ", ".join(CLAUSE_PAGES)
        raise HandbookError(f"{path}, line {line}: unknown clause id {cid!r}. Expected one of: {allowed}.")
    if cid in clauses:
        raise HandbookError(f"{path}, line {line}: clause {cid} appears twice.")
    clauses[cid] = Clause(cid, title, level, "\n".join(body).strip())
