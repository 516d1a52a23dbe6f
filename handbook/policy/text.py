"""The policy text of each version (`policy/<version>.md`), split into its clauses, and a clause in the group's words.

Each version is a whole file, added beside the others and never rewritten, so any version can
be built, and two versions compared clause by clause. The clauses a version must have are the
rules' list for it (checkers/clauses.py): no more, no fewer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from checkers.clauses import clause_ids

from ..errors import HandbookError
from ..folders import Folders
from ..group import Group
from ..templating import render_page, text
from ..untrusted import read_text
from .markup import check_rendered, check_source
from .pictures import from_root

MAX_BYTES = 1024 * 1024  # the policy is about 20 KB; room for a group's own, longer one

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
    path: Path
    preamble: str
    clauses: dict[str, Clause]


def load_policy(folders: Folders, version: str) -> PolicyText:
    """Read one version's text; every clause of the version must be there, once, and no other."""
    path = folders.find(f"policy/{version}.md")
    if path is None:
        raise HandbookError(
            f"policy/{version}.md: missing. Each version in group.yml needs its text in policy/<version>.md;"
            f" copy the newest one to policy/{version}.md beside group.yml and edit it."
        )
    expected = clause_ids(version)
    preamble: list[str] = []
    clauses: dict[str, Clause] = {}
    current: tuple[str, str, int, int] | None = None  # id, title, level, line
    body: list[str] = []
    source = read_text(path, limit=MAX_BYTES, what="policy text", inside=folders.home(path))
    check_source(source, str(path))
    for number, line in enumerate(source.splitlines(), start=1):
        heading = _HEADING.match(line)
        if heading is None:
            (body if current else preamble).append(line)
            continue
        if current:
            _add(clauses, path, current, body, expected)
        current, body = (heading[2], heading[3].strip(), len(heading[1]), number), []
    if current:
        _add(clauses, path, current, body, expected)
    missing = [cid for cid in expected if cid not in clauses]
    if missing:
        raise HandbookError(f"{path}: clause {missing[0]} is missing (headings look like `## 4 Information sharing`).")
    text_ = "\n".join(line for line in preamble if not line.startswith("# ")).strip()
    return PolicyText(version=version, path=path, preamble=text_, clauses=clauses)


def _add(clauses: dict[str, Clause], path: Path, current: tuple[str, str, int, int], body: list[str],
         expected: tuple[str, ...]) -> None:
    cid, title, level, line = current
    if cid not in expected:
        raise HandbookError(f"{path}, line {line}: unknown clause id {cid!r}. Expected one of: {', '.join(expected)}.")
    if cid in clauses:
        raise HandbookError(f"{path}, line {line}: clause {cid} appears twice.")
    clauses[cid] = Clause(cid, title, level, "\n".join(body).strip())


def linked_policy(group: Group):
    """`linked_policy("safeguarding")`: the group's other policy, as a link when it has an address."""
    def link(key: str) -> Markup:
        linked = getattr(group.policies, key)
        if linked.url:
            return Markup(f"[{text(linked.title)}]({text(linked.url)})")
        return text(linked.title)
    return link


def partner_agencies(group: Group) -> Markup:
    """The partner agencies as a phrase ("A, B and C"), or a general phrase when there are none."""
    names = [text(name) for name in group.partner_agencies]
    if not names:
        return Markup("workers from partner agencies")
    if len(names) == 1:
        return names[0]
    return Markup(", ").join(names[:-1]) + Markup(" and ") + names[-1]


def policy_context(group: Group) -> dict[str, object]:
    """What the policy's text and its summaries may use: the group's values, partners and linked policies."""
    return {"group": group, "linked_policy": linked_policy(group), "partner_agencies": partner_agencies(group)}


def clause_markdown(policy: PolicyText, cid: str, group: Group) -> str:
    """One clause's official wording in the group's words, as Markdown (values escaped)."""
    where = f"{policy.path}, clause {cid}"
    return from_root(check_rendered(render_page(policy.clauses[cid].text, where, policy_context(group)), where))


def clause_title(policy: PolicyText, cid: str, group: Group) -> str:
    """A clause's title in the group's words (clause 3a's depends on whether the group keeps case files)."""
    where = f"{policy.path}, clause {cid}"
    return check_rendered(render_page(policy.clauses[cid].title, where, policy_context(group)), where).strip()


def preamble_markdown(policy: PolicyText, group: Group) -> str:
    return from_root(check_rendered(render_page(policy.preamble, str(policy.path), policy_context(group)),
                                    str(policy.path)))
