"""What a page can use: `group`, `policy`, and the helpers `clause`, `in_short`, `checker`, `download`.

The context is made per page and per build; clause placement is tracked by a Placement object
the build owns, so every clause is placed exactly once whatever order pages are rendered in.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from ..errors import HandbookError
from ..folders import Folders
from ..group import Group, PolicyVersion
from ..policy import summaries
from ..policy.placement import CLAUSE_PAGES, anchor
from ..policy.text import PolicyText, clause_markdown, policy_context, preamble_markdown
from ..templating import text
from .checker_form import render_checker
from .downloads import download_links
from .links import Links


@dataclass(frozen=True)
class Site:
    """One build's inputs, as the pages see them."""

    group: Group
    version: PolicyVersion
    policy: PolicyText
    folders: Folders
    downloads: dict[str, int]  # file name -> size in bytes


@dataclass
class Placement:
    """Which page each clause was placed on, in one build: each exactly once, on its own page."""

    placed: dict[str, str] = field(default_factory=dict)

    def place(self, cid: str, page: str) -> None:
        if cid not in CLAUSE_PAGES:
            raise HandbookError(f"unknown clause {cid!r}; expected one of {', '.join(CLAUSE_PAGES)}")
        if CLAUSE_PAGES[cid] != page:
            raise HandbookError(f"clause {cid} belongs on docs/{CLAUSE_PAGES[cid]}, not here")
        if cid in self.placed:
            raise HandbookError(f"clause {cid} is already placed on docs/{self.placed[cid]}")
        self.placed[cid] = page

    def check_complete(self, expected: tuple[str, ...]) -> None:
        missing = [cid for cid in expected if cid not in self.placed]
        if missing:
            raise HandbookError(f"docs/{CLAUSE_PAGES[missing[0]]}: clause {missing[0]} is not on the page;"
                                f' add {{{{ clause("{missing[0]}") }}}} where it belongs.')


@dataclass
class PageContext:
    """The helpers of one page; `checkers` records which checker the page shows, for its front matter."""

    site: Site
    links: Links
    placement: Placement
    checkers: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            **policy_context(self.site.group),
            "policy": self.site.version,
            "clause": self.clause,
            "preamble": lambda: Markup(preamble_markdown(self.site.policy, self.site.group)),
            "in_short": self.in_short,
            "checker": self.checker,
            "download": lambda doc_id: download_links(doc_id, self.site.downloads, self.links.raw_root),
        }

    def clause(self, cid: str) -> Markup:
        """The official wording of one clause, under a heading that carries its stable anchor."""
        page = self.links.page
        self.placement.place(cid, page)
        clause = self.site.policy.clauses[cid]
        body = clause_markdown(self.site.policy, cid, self.site.group)
        parent_here = self.placement.placed.get(cid.rstrip("abcdef")) == page
        heading = "#" * (clause.level if parent_here else 2)  # no skipped heading levels
        return Markup(
            f'{heading} {text(cid)}. {text(clause.title)} {{ #{anchor(cid)} .policy-clause }}\n\n'
            f'<div class="policy-text" markdown>\n\n{body}\n\n</div>\n'
        )

    def in_short(self) -> Markup:
        """The page's "In short" box, from its front matter (policy/summaries.py)."""
        items = summaries.rendered(self.site.folders, self.links.page, self.site.group)
        if not items:
            raise HandbookError(f"docs/{self.links.page}: in_short() is used, but the page has no `in_short:` "
                                "points in its front matter.")
        return Markup(summaries.admonition(items))

    def checker(self, checker_id: str, preset: dict | None = None) -> Markup:
        self.checkers.append(checker_id)
        return Markup(render_checker(checker_id, links=self.links, preset=preset, group=self.site.group.words(isolated=True),
                                     version=self.site.version.version))
