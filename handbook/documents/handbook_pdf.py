"""The whole handbook as one PDF for printed induction packs: cover, contents, every clause, the summaries.

Made from the same data as the pages: the policy text of the version and the "In short" points
(policy/summaries.py), never by re-rendering or scraping the pages.
"""
from __future__ import annotations

import markdown
from markupsafe import Markup

from ..folders import Folders
from ..group import Group, PolicyVersion
from ..policy import summaries
from ..policy.placement import anchor, sections
from ..policy.text import clause_markdown, clause_title, load_policy, preamble_markdown
from ..templating import long_date
from .pdf_writer import created, html_to_pdf, writer_templates
from .stamp import Stamp


def _html(text: str) -> Markup:
    return Markup(markdown.markdown(text, extensions=["tables", "attr_list", "sane_lists"]))


def parts(group: Group, version: PolicyVersion, folders: Folders) -> tuple[Markup, list[dict]]:
    """The preamble, and one part per policy page: its plain-English summary and its clauses."""
    policy = load_policy(folders, version.version)
    out = []
    for page, cids in sections().items():
        points = summaries.rendered(folders, page, group)
        out.append({
            "summary": _html("\n".join(f"- {point}" for point in points)) if points else Markup(""),
            "clauses": [
                {"id": cid, "anchor": anchor(cid), "title": Markup(clause_title(policy, cid, group)),
                 "level": policy.clauses[cid].level, "html": _html(clause_markdown(policy, cid, group))}
                for cid in cids if cid in policy.clauses
            ],
        })
    return _html(preamble_markdown(policy, group)), out


def write_handbook_pdf(group: Group, version: PolicyVersion, stamp: Stamp, folders: Folders) -> bytes:
    preamble, sections_ = parts(group, version, folders)
    html = writer_templates().get_template("handbook.html").render(
        group=group, version=version, stamp=stamp, created=created(stamp), preamble=preamble,
        parts=sections_, long_date=long_date)
    return html_to_pdf(html)
