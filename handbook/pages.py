"""What a page can use: `group`, `policy`, and the helpers `clause`, `linked_policy`, `checker`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from markupsafe import Markup

from .clauses import CLAUSE_PAGES, anchor
from .config import Group, PolicyVersion
from .documents import download_links, render_documents
from .forms import render_checker
from .policy import PolicyText
from .errors import HandbookError
from .render import render_page, text


@dataclass
class Handbook:
    """One build's inputs: the group, the version in force and its text."""

    group: Group
    version: PolicyVersion
    policy: PolicyText
    root: Path  # the handbook folder: policy/, docs/, templates/
    group_file: Path
    today: dt.date = field(default_factory=dt.date.today)
    rendered_clauses: dict[str, str] = field(default_factory=dict)  # clause id -> page it was placed on

    @property
    def group_dir(self) -> Path:
        """The group file's folder, where my-templates/ may replace a document's wording."""
        return self.group_file.parent

    @cached_property
    def documents(self) -> dict[str, bytes]:
        """Every downloadable document (file name -> bytes), made once per build."""
        return render_documents(self.group, self.version, root=self.root, group_dir=self.group_dir)

    @property
    def due_for_review(self) -> bool:
        return self.version.review_due <= self.today

    def render(self, source: str, page_path: str) -> str:
        """Render one page's Markdown with the group's values and the clause helpers."""
        return render_page(source, f"docs/{page_path}", self.context(page_path))

    def context(self, page_path: str) -> dict[str, object]:
        root = "../" * page_path.count("/") + ("../" if not page_path.endswith("index.md") else "")
        return {
            "group": self.group,
            "policy": self.version,
            "clause": lambda cid: self._clause(cid, page_path),
            "linked_policy": self._linked_policy,
            "partner_agencies": self._partner_agencies(),
            "preamble": lambda: Markup(render_page(self.policy.preamble, f"policy/{self.version.version}.md",
                                                   {"group": self.group})),
            "checker": lambda checker_id, preset=None: self._checker(checker_id, preset, root),
            "download": lambda doc_id: download_links(doc_id, self.documents, root),
        }

    def _clause(self, cid: str, page_path: str) -> Markup:
        """The official wording of one clause, under a heading that carries its stable anchor."""
        if cid not in CLAUSE_PAGES:
            raise HandbookError(f"unknown clause {cid!r}; expected one of {', '.join(CLAUSE_PAGES)}")
        if CLAUSE_PAGES[cid] != page_path:
            raise HandbookError(f"clause {cid} belongs on docs/{CLAUSE_PAGES[cid]}, not here")
        if cid in self.rendered_clauses:
            raise HandbookError(f"clause {cid} is already placed on docs/{self.rendered_clauses[cid]}")
        self.rendered_clauses[cid] = page_path
        clause = self.policy.clauses[cid]
        body = render_page(clause.text, f"policy/{self.version.version}.md, clause {cid}", self.context(page_path))
        parent_here = self.rendered_clauses.get(cid.rstrip("abcdef")) == page_path
        heading = "#" * (clause.level if parent_here else 2)  # no skipped heading levels
        return Markup(
            f'{heading} {text(cid)}. {text(clause.title)} {{ #{anchor(cid)} .policy-clause }}\n\n'
            f'<div class="policy-text" markdown>\n\n{body}\n\n</div>\n'
        )

    def _linked_policy(self, key: str) -> Markup:
        linked = getattr(self.group.policies, key)
        if linked.url:
            return Markup(f"[{text(linked.title)}]({text(linked.url)})")
        return text(linked.title)

    def _partner_agencies(self) -> Markup:
        """The partner agencies as a phrase ("A, B and C"), or a general phrase when there are none."""
        names = [text(name) for name in self.group.partner_agencies]
        if not names:
            return Markup("workers from partner agencies")
        if len(names) == 1:
            return names[0]
        return Markup(", ").join(names[:-1]) + Markup(" and ") + names[-1]

    def _checker(self, checker_id: str, preset: dict | None, root: str) -> Markup:
        html = render_checker(checker_id, preset=preset, group=self.group.words(),
                              version=self.version.version, root=root)
        return Markup(html)
