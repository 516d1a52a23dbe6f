"""The build's steps as plain functions: load the inputs, set the site's names, check, write."""
from __future__ import annotations

from pathlib import Path

from .clauses import CLAUSE_PAGES
from .config import load_group
from .errors import HandbookError
from checkers import CHECKERS

from .answers_page import render_answers_page
from .answers_table import check_clause_coverage
from .changes import render_changes_page
from .browser_assets import write_browser_assets
from .pages import Handbook
from .policy import load_policy
from .render import long_date
from .render import text as html  # the theme's templates are not autoescaped


def load_handbook(root: Path, group_file: Path, version: str | None) -> Handbook:
    group = load_group(group_file)
    entry = group.version(version)
    return Handbook(group=group, version=entry, policy=load_policy(root, entry.version), root=root,
                    group_file=group_file.resolve())


def apply_to_config(handbook: Handbook, config) -> None:
    """Give the theme the group's name and the version in force, escaped once, here."""
    group, version = handbook.group, handbook.version
    config.site_name = html(group.display_short_name)
    config.extra["handbook"] = {
        "name": html(group.name),
        "short_name": html(group.display_short_name),
        "manager": html(group.manager),
        "version": html(version.version),
        "approved": long_date(version.approved),
        "review_due": long_date(version.review_due),
        "due_for_review": handbook.due_for_review,
    }


def watched_paths(handbook: Handbook, root: Path) -> list[Path]:
    """What `serve` watches beside docs/: the group file and the sources pages and documents use."""
    candidates = [handbook.group_file, root / "policy", root / "templates", handbook.group_dir / "my-templates"]
    return [path for path in candidates if path.exists()]


def generated_pages(handbook: Handbook) -> dict[str, str]:
    """Pages made from data rather than written by hand (path under docs/ -> Markdown)."""
    # The page is Markdown made from data: the group's words go in already escaped.
    words = {key: str(html(value)) for key, value in handbook.group.words().items()}
    version = handbook.version.version
    pages = {f"all-answers/{checker_id}.md": render_answers_page(checker_id, words, version)
             for checker_id in CHECKERS}
    pages["changes.md"] = render_changes_page(handbook.group, version, handbook.root)
    return pages


def check_clauses(handbook: Handbook) -> None:
    """Every clause is placed on its page exactly once (twice fails earlier), and the rules cite
    only clauses the pages have, and every clause at least once."""
    missing = [cid for cid in CLAUSE_PAGES if cid not in handbook.rendered_clauses]
    if missing:
        raise HandbookError(
            f"docs/{CLAUSE_PAGES[missing[0]]}: clause {missing[0]} is not on the page;"
            f' add {{{{ clause("{missing[0]}") }}}} where it belongs.'
        )
    check_clause_coverage(set(handbook.rendered_clauses))


def write_assets(handbook: Handbook, site_dir: Path) -> None:
    """Files the pages link to: the checkers' runtime and the documents."""
    write_browser_assets(site_dir, group=handbook.group.words(), version=handbook.version.version)
    downloads = site_dir / "downloads"
    downloads.mkdir(exist_ok=True)
    for name, data in handbook.documents.items():
        (downloads / name).write_bytes(data)
