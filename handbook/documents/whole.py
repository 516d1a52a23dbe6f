"""The whole handbook as one PDF for printed induction packs: cover, contents, every clause, the summaries."""
from __future__ import annotations

import re
from pathlib import Path

import markdown
from markupsafe import Markup

from ..clauses import CLAUSE_PAGES, anchor
from ..config import Group, PolicyVersion
from ..pages import Handbook
from ..policy import load_policy
from ..render import long_date, render_page
from .pdf_writer import created, environment, html_to_pdf
from .stamp import Stamp

_SUMMARY = re.compile(r'^!!! summary "In short"\n((?:(?: {4}.*)?\n)+)', re.MULTILINE)


def _html(text: str) -> Markup:
    return Markup(markdown.markdown(text, extensions=["tables", "attr_list", "sane_lists"]))


def parts(group: Group, version: PolicyVersion, root: Path) -> tuple[Markup, list[dict]]:
    """The preamble, and one part per policy page: its plain-English summary and its clauses."""
    policy = load_policy(root, version.version)
    handbook = Handbook(group=group, version=version, policy=policy, root=root, group_file=root / "group.yml")
    pages: dict[str, list[str]] = {}
    for cid, page in CLAUSE_PAGES.items():
        pages.setdefault(page, []).append(cid)
    out = []
    for page, cids in pages.items():
        context = _summary_context(handbook.context(page))
        out.append({
            "summary": _summary(root / "docs" / page, page, context),
            "clauses": [
                {"id": cid, "anchor": anchor(cid), "title": policy.clauses[cid].title,
                 "level": policy.clauses[cid].level,
                 "html": _html(render_page(policy.clauses[cid].text,
                                           f"policy/{version.version}.md, clause {cid}", context))}
                for cid in cids
            ],
        })
    preamble = _html(render_page(policy.preamble, f"policy/{version.version}.md", {"group": group}))
    return preamble, out


def _summary_context(context: dict) -> dict:
    """A page's helpers (clauses, checkers, download links) print nothing here: only its summary is kept,
    and the clauses are printed from the policy text. `linked_policy` is the one helper summaries use."""
    def nothing(*args, **kwargs) -> Markup:
        return Markup("")

    return {key: (value if key == "linked_policy" or not callable(value) else nothing)
            for key, value in context.items()}


def _summary(path: Path, page: str, context: dict) -> Markup:
    """The page's "In short" box, if it has one (pages without it are still printed, without a summary)."""
    if not path.is_file():
        return Markup("")
    rendered = render_page(path.read_text(encoding="utf-8"), f"docs/{page}", context)
    found = _SUMMARY.search(rendered + "\n")
    if not found:
        return Markup("")
    lines = [line[4:] for line in found.group(1).splitlines()]
    return _html("\n".join(lines))


def write_handbook_pdf(group: Group, version: PolicyVersion, stamp: Stamp, root: Path) -> bytes:
    preamble, sections = parts(group, version, root)
    html = environment().get_template("handbook.html").render(
        group=group, version=version, stamp=stamp, created=created(stamp), preamble=preamble,
        parts=sections, long_date=long_date)
    return html_to_pdf(html)
