"""Publish policy versions with mike: one folder per version on a gh-pages branch, `latest` the default.

`publish` commits one version to the project's own local gh-pages branch (nothing is pushed).
`export` publishes every version in the group file into a throw-away git repository and writes
its gh-pages tree to a plain folder for any static host; the project's repository is not touched.

mike is used through its Python API (`mike.commands`), with the site built by the handbook's own
build (site/build.py) into a temporary folder: the `mike deploy` command would run `mkdocs build`
itself, which knows nothing of the compile step. Aliases are redirect pages, not symlinks, so any
static host serves them.
"""
from __future__ import annotations

import contextlib
import os
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import HandbookError
from ..folders import Folders
from ..group import load_group
from . import csp, swap
from .shared_runtime import share_runtime

BRANCH = "gh-pages"
LATEST = "latest"
EXPORT_IDENTITY = {"GIT_COMMITTER_NAME": "Confidentiality Handbook export",
                   "GIT_COMMITTER_EMAIL": "export@localhost"}


@contextlib.contextmanager
def environment_variables(**values: str) -> Iterator[None]:
    """Set environment variables for a while (mike's git calls read GIT_DIR), then put them back."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _git(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if done.returncode:
        raise HandbookError(f"git {' '.join(args)} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout.strip()


def _versions(group_file: Path) -> list[str]:
    """The group's versions, oldest first."""
    return [entry.version for entry in load_group(group_file).versions]


def _deploy(group_file: Path, version: str, aliases: list[str], message: str) -> bool:
    """Build one version and commit it (and its aliases) to BRANCH of the repository in GIT_DIR.

    Returns False when nothing changed (the build is reproducible, so publishing again is a no-op).
    """
    from mike import commands, git_utils

    from .build import build

    with tempfile.TemporaryDirectory(prefix="handbook-publish-") as scratch:
        site = Path(scratch) / "site"
        try:
            with environment_variables(MIKE_DOCS_VERSION=version), \
                 commands.deploy({"site_dir": str(site), "use_directory_urls": True}, version,
                                 aliases=aliases, update_aliases=True, alias_type=commands.AliasType.redirect,
                                 branch=BRANCH, message=message):
                build(group_file, site_dir=site, version=version, versioned=True)
        except git_utils.GitEmptyCommit:
            return False
        except (ValueError, OSError, git_utils.GitError) as error:  # mike's own: a name clash, git failing
            raise HandbookError(f"Could not publish version {version}: {error}") from None
    return True


def _set_default(message: str) -> bool:
    from mike import commands, git_utils

    try:
        commands.set_default(LATEST, branch=BRANCH, message=message)
    except git_utils.GitEmptyCommit:
        return False
    except (ValueError, git_utils.GitError) as error:
        raise HandbookError(f"Could not make {LATEST} the default: {error}") from None
    return True


def publish(version: str, *, alias_latest: bool, group_file: Path) -> str | None:
    """Build VERSION and commit it to the project's local gh-pages branch; returns the new commit,
    or None when the branch already held exactly this (nothing to commit).

    With alias_latest, the `latest` alias moves to this version and becomes the site's default.
    """
    group_file = Path(group_file).resolve()
    numbers = _versions(group_file)
    if version not in numbers:
        raise HandbookError(f"There is no policy version {version!r} in {group_file.name}. "
                            f"Known versions: {', '.join(numbers)}.")
    git_dir = _git("rev-parse", "--absolute-git-dir", cwd=group_file.parent)
    from mike import git_utils

    with environment_variables(GIT_DIR=git_dir):
        for key, name in (("GIT_COMMITTER_NAME", "user.name"), ("GIT_COMMITTER_EMAIL", "user.email")):
            if not os.environ.get(key) and subprocess.run(["git", "config", name], capture_output=True).returncode:
                raise HandbookError(f"git has no {name}: set it with `git config {name} ...` and try again.")
        try:
            git_utils.update_from_upstream("origin", BRANCH)  # local refs only: nothing is fetched
        except (git_utils.GitBranchDiverged, git_utils.GitRevUnrelated) as error:
            raise HandbookError(f"{error}. Sort out the {BRANCH} branch first.") from None
        changed = _deploy(group_file, version, [LATEST] if alias_latest else [],
                          f"Publish policy version {version} of the handbook")
        if alias_latest:
            changed = _set_default(f"Make {LATEST} (version {version}) the handbook's default") or changed
        return _git("rev-parse", "--short", BRANCH) if changed else None


def export(out_dir: Path, *, group_file: Path) -> list[str]:
    """Publish every version into a throw-away repository and write the whole site to OUT_DIR.

    OUT_DIR must be missing, empty, or a previous export; it is replaced only when everything
    succeeded (built beside it, then swapped in). Returns the versions written, oldest first.
    """
    group_file = Path(group_file).resolve()
    numbers = _versions(group_file)
    out_dir = Path(out_dir).resolve()
    _outside_sources(out_dir, group_file.parent)
    swap.check_target(out_dir)
    staging = swap.staging_for(out_dir)
    try:
        with tempfile.TemporaryDirectory(prefix="handbook-export-") as scratch:
            repo = Path(scratch) / "site.git"
            _git("init", "--quiet", "--bare", str(repo))
            with environment_variables(GIT_DIR=str(repo), **EXPORT_IDENTITY):
                for number in numbers:
                    _deploy(group_file, number, [LATEST] if number == numbers[-1] else [],
                            f"Export policy version {number}")
                _set_default(f"Make {LATEST} the default")
                with subprocess.Popen(["git", "archive", "--format=tar", BRANCH], stdout=subprocess.PIPE) as archive:
                    with tarfile.open(fileobj=archive.stdout, mode="r|") as tar:
                        tar.extractall(staging, filter="data")
                if archive.returncode:
                    raise HandbookError("git archive failed: the export was not written.")
        _protect_redirects(staging)
        _root_404(staging, numbers[-1])
        share_runtime([staging / number for number in numbers])  # one copy on disk for every version
    except BaseException:
        swap.discard(staging)
        raise
    swap.replace(staging, out_dir)
    return numbers


def _root_404(folder: Path, latest: str) -> None:
    """A static host serves only the top-level 404.html: the latest version's, its links (relative, see
    build.relative_404) led into that version's folder."""
    page = folder / latest / "404.html"
    if page.is_file():
        html = re.sub(r'((?:href|src)=")\./', rf"\g<1>{latest}/", page.read_text(encoding="utf-8"))
        (folder / "404.html").write_text(html, encoding="utf-8")


def _protect_redirects(folder: Path) -> None:
    """mike's redirect pages (the site root, `latest/`) get the same CSP as every other page."""
    for page in folder.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "Content-Security-Policy" not in html:
            page.write_text(csp.protect(html, redirect=True), encoding="utf-8")


def _outside_sources(out_dir: Path, group_dir: Path) -> None:
    """An export inside a folder the build reads would be published inside the next build's site."""
    folders = Folders(group_dir)
    reads = [folders.defaults / name for name in ("docs", "policy", "templates", "overrides", "checkers", "handbook")]
    reads += [group_dir / name for name in ("policy", "my-templates", "overrides")]
    for sources in reads:
        if out_dir.is_relative_to(sources.resolve()):
            raise HandbookError(f"{out_dir} is inside {sources}, which the build reads: "
                                "choose a folder outside it, for example public/.")
