"""What a page can use: `group`, `policy`, and the helpers `clause`, `in_short`, `checker`, `download`,
and for the "I'm new here" path `remember`, `path`, `path_step`, `path_next`, `quiz` and `quiz_answers`.

The context is made per page and per build; clause placement is tracked by a Placement object
the build owns, so every clause is placed exactly once whatever order pages are rendered in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup

from ..errors import HandbookError
from ..folders import Folders
from ..group import Group, PolicyVersion
from ..policy import path as path_data, summaries
from ..policy.placement import CLAUSE_PAGES, anchor
from ..policy.text import PolicyText, clause_markdown, clause_title, policy_context, preamble_markdown
from ..answers.quiz import Question
from ..templating import text
from . import path_pages
from .checker_form import hidden_options, render_checker
from .downloads import download_links
from .links import Links
from .quiz_form import answer_sheet, render_quiz


@dataclass(frozen=True)
class Site:
    """One build's inputs, as the pages see them."""

    group: Group
    version: PolicyVersion
    policy: PolicyText
    folders: Folders
    downloads: dict[str, int]  # file name -> size in bytes
    quiz: tuple[Question, ...] = ()  # the induction quiz, answered by the rules for this version
    notes: tuple[str, ...] = ()  # for whoever builds: worth a look, not worth stopping for

    @cached_property
    def path_steps(self) -> tuple[path_data.Step, ...]:
        """The path's steps, worked out once a build: every page of the path shows or counts them."""
        return path_data.steps(self.folders, self.group)


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
    shows_quiz: bool = False  # the theme loads the quiz's script on this page only

    def as_dict(self) -> dict[str, object]:
        return {
            **policy_context(self.site.group),
            "policy": self.site.version,
            "clause": self.clause,
            "preamble": lambda: Markup(preamble_markdown(self.site.policy, self.site.group)),
            "in_short": self.in_short,
            "group_note": self.group_note,
            "checker": self.checker,
            "download": lambda doc_id: download_links(doc_id, self.site.downloads, self.links.raw_root),
            "remember": self.remember,
            "path": self.path,
            "path_step": self.path_step,
            "path_next": self.path_next,
            "quiz": self.quiz,
            "quiz_answers": lambda: Markup(answer_sheet(self.site.quiz, self.links.page)),
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
            f'{heading} {text(cid)}. {clause_title(self.site.policy, cid, self.site.group)} '
            f'{{ #{anchor(cid)} .policy-clause }}\n\n'
            f'<div class="policy-text" markdown>\n\n{body}\n\n</div>\n'
        )

    def in_short(self) -> Markup:
        """The page's "In short" box, from its front matter (policy/summaries.py)."""
        items = summaries.rendered(self.site.folders, self.links.page, self.site.group)
        if not items:
            raise HandbookError(f"docs/{self.links.page}: in_short() is used, but the page has no `in_short:` "
                                "points in its front matter.")
        return Markup(summaries.admonition(items))

    def group_note(self) -> Markup:
        """The group's own paragraph for this section (my-sections/), under a heading naming the group."""
        own = summaries.overrides(self.site.folders).get(summaries.section_name(self.links.page))
        if not own or not own.paragraph:
            return Markup("")
        paragraphs = [text(" ".join(part.split())) for part in own.paragraph.split("\n\n") if part.strip()]
        return Markup(f"## At {text(self.site.group.display_short_name)}\n\n") + Markup("\n\n").join(paragraphs)

    def checker(self, checker_id: str, preset: dict | None = None) -> Markup:
        self.checkers.append(checker_id)
        return Markup(render_checker(checker_id, links=self.links, preset=preset, group=self.site.group.words(isolated=True),
                                     version=self.site.version.version,
                                     hidden=hidden_options(self.site.group.keeps_case_files)))

    def remember(self) -> Markup:
        """The seven things to remember (docs/induction.md's `remember:`), each with its clauses linked."""
        points = path_data.remember(self.site.folders, self.site.group)
        return Markup(path_pages.remember_markdown(points, self.links.page))

    def path(self) -> PathSummary:
        """How many steps and situations the path has, and about how long it takes (the start page says)."""
        steps = self.site.path_steps
        words = path_data.word_count(steps) + sum(question.word_count for question in self.site.quiz)
        return PathSummary(len(steps), len(self.site.quiz), path_data.minutes(words))

    def path_step(self) -> Markup:
        """This page as a step of the path: heading, "Step 3 of 9", lead, In short, the policy's words, Next."""
        steps = self.site.path_steps
        step = next((s for s in steps if s.page == self.links.page), None)
        if step is None:
            raise HandbookError(f"docs/{self.links.page}: path_step() is used, but the page is not a step: list it "
                                f"in `path:` in docs/{path_data.START}, and give it a `section:`.")
        section = self.site.policy.clauses[step.clauses[0]].title
        return Markup(path_pages.step_markdown(step, len(steps), section)) + self.path_next()

    def path_next(self) -> Markup:
        """The button to the next page of the path ("Start step 1: ...", "Next: step 4, ...")."""
        page = self.links.page
        following = path_data.next_page(self.site.folders, page)
        if following is None:
            raise HandbookError(f"docs/{page}: path_next() is used, but no page follows this one in `path:` in "
                                f"docs/{path_data.START}.")
        steps = {s.page: s for s in self.site.path_steps}
        label = path_pages.next_label(path_data.title(self.site.folders, following), steps.get(following))
        return Markup(path_pages.next_button(page, following, label))

    def quiz(self) -> Markup:
        """The quiz's forms, with the rules' answers and explanations prepared."""
        self.shows_quiz = True
        return Markup(render_quiz(self.site.quiz, self.links))


@dataclass(frozen=True)
class PathSummary:
    """What the start page says of the path: how many steps and situations, and about how long it takes."""

    steps: int
    situations: int
    minutes: int
