"""Where a build reads from: the group's own folder first, then the handbook's defaults.

A group's folder holds group.yml and, only if it wants them, its own policy versions
(policy/<version>.md), document wording (my-templates/documents/), quiz situations (my-quiz.yml)
and overrides. Everything else comes from the handbook itself: its pages (docs/), policy versions,
document templates, quiz (checkers/quiz.yml), theme overrides and site settings (mkdocs.yml).
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import re
import secrets
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import checkers

from .errors import HandbookError
from .untrusted import read_bytes

# The handbook's own docs/, policy/, templates/, overrides/ and mkdocs.yml: inside the installed package
# (the wheel carries them: pyproject.toml's force-include), or, in a working copy, at the top of the repository.
_PACKAGED = Path(__file__).resolve().parent / "defaults"
DEFAULTS = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parent.parent
QUIZ = Path(checkers.__file__).resolve().parent / "quiz.yml"  # the induction quiz's situations, beside the rules
OWN_QUIZ = "my-quiz.yml"  # a group's trainers' own situations, beside group.yml, added to those
OWN_SECTIONS = "my-sections"  # a group's own "In short" points or paragraph for a section (group/overrides.py)
OWN_FOLDERS = ("policy", OWN_SECTIONS, "my-templates", "overrides")  # the folders a group may add beside group.yml
VERSION_TEXT = re.compile(r"\d+(?:\.\d+)*\.md")  # what is read from policy/: not an editor's .1.1.md.swp or 1.1.md~


@dataclass(frozen=True)
class Folders:
    group_dir: Path
    defaults: Path = DEFAULTS

    def find(self, relative: str) -> Path | None:
        """The group's own copy of a file if it has one (a broken link too: reading it says so), else the
        handbook's; None if neither exists."""
        for base in (self.group_dir, self.defaults):
            if os.path.lexists(base / relative):
                return base / relative
        return None

    def home(self, path: Path) -> Path:
        """The folder a file `find` gave belongs to, which it must not lead out of (untrusted.py)."""
        return self.group_dir if Path(path).is_relative_to(self.group_dir) else self.defaults

    def document_templates(self) -> list[Path]:
        """Where document templates are looked up, first match wins."""
        own = self.group_dir / "my-templates" / "documents"
        return [path for path in (own, self.defaults / "templates" / "documents") if path.is_dir()]

    def watched(self, group_file: Path) -> list[Path]:
        """What a preview watches: the group file, the group's own sources (its folders, and the files beside
        group.yml such as my-quiz.yml and a logo), and the defaults a build reads."""
        beside = [path for path in self.group_dir.iterdir() if path.is_file() and not path.name.startswith(".")]
        found = [group_file, *beside] + [self.group_dir / name for name in OWN_FOLDERS]
        found += [self.defaults / name for name in ("docs", "policy", "templates", "overrides", "mkdocs.yml")] + [QUIZ]
        return list(dict.fromkeys(path.resolve() for path in found if path.exists()))


def cache_dir() -> Path:
    """Where fetched runtimes, worked-out routes, and the documents and route pages a build made are kept,
    outside any project: `$HANDBOOK_CACHE`,
    else `$XDG_CACHE_HOME/confidentiality-handbook`, else `~/.cache/confidentiality-handbook`."""
    if os.environ.get("HANDBOOK_CACHE"):
        return Path(os.environ["HANDBOOK_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "confidentiality-handbook"


@functools.cache
def code_files() -> tuple[Path, ...]:
    """Every file of the handbook's code and of the rules: what a result kept in the cache was made by."""
    return tuple(sorted(path for package in (Path(__file__).parent, Path(checkers.__file__).parent)
                        for path in package.rglob("*") if path.suffix in {".py", ".html", ".css", ".yml", ".json"}))


def fingerprint(files: Iterable[Path], *, packages: Iterable[str] = (), words: str = "") -> str:
    """A short hash of what a kept result was made from: files (the code that makes it), the installed
    versions of packages, and words (its inputs). A change to any of them is a new entry in the cache."""
    digest = hashlib.sha256(words.encode())
    for name in packages:
        digest.update(f"\0{name}=={metadata.version(name)}".encode())
    for path in files:
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


KEPT = 100  # files of each kind (a folder of the cache) kept; the least recently used go first
KEPT_LIMIT = 256 * 1024 * 1024  # the largest file the cache holds is a 12 MB snapshot
_TAG = 32  # bytes of HMAC-SHA256 at the end of every kept file


def key_file() -> Path:
    """The key that signs the cache's files, kept outside it: `$XDG_CONFIG_HOME/confidentiality-handbook/`,
    else `~/.config/confidentiality-handbook/`. Whoever can change the cache but not this file cannot make a
    kept file the handbook will use (a changed snapshot, a fake consent form, pages with a script)."""
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "confidentiality-handbook" / "cache.key"


@functools.cache
def _key() -> bytes | None:
    """This user's key, made on first use (readable by them only); None if it cannot be made or read."""
    path = key_file()
    try:
        if not os.path.lexists(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as out:  # mode 0600
                out.write(secrets.token_bytes(32))
            try:
                os.link(out.name, path)  # whole or not at all; a build beside may have made it first
            except FileExistsError:
                pass
            finally:
                os.unlink(out.name)
        key = read_bytes(path, limit=64, what="cache key", inside=path.parent)
    except (OSError, HandbookError):
        return None
    return key if len(key) == 32 else None


def _tag(path: Path, data: bytes, key: bytes) -> bytes:
    """The file's signature, over its name too: a kept file cannot stand in for another."""
    return hmac.new(key, path.name.encode() + b"\0" + data, hashlib.sha256).digest()


def read_kept(path: Path) -> bytes | None:
    """A file from the cache, or None if it is not there; marked as just used, so it is kept longest.
    A file whose signature does not match (changed, cut short, or not signed) is removed with one note,
    and None tells the caller to make it again."""
    key = _key()
    if key is None or not os.path.lexists(path):
        return None
    try:
        signed = read_bytes(path, limit=KEPT_LIMIT + _TAG, what="kept file", inside=path.parent)
        os.utime(path)
    except (OSError, HandbookError):
        signed = b""
    data, tag = signed[:-_TAG], signed[-_TAG:]
    if len(signed) <= _TAG or not hmac.compare_digest(tag, _tag(path, data, key)):
        print(f"Note: {path} in the handbook's cache was changed or damaged; it is made again.", file=sys.stderr)
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    return data


def keep(path: Path, data: bytes) -> None:
    """Put a file in the cache, signed, whole or not at all (a build running beside may read it), then leave
    only the KEPT most recently used of its kind. If the cache cannot be written (a read-only home) or
    signed, keep nothing: the next build works it out again."""
    key = _key()
    if key is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
            try:
                out.write(data + _tag(path, data, key))
            except OSError:
                out.close()
                os.unlink(out.name)
                raise
        os.replace(out.name, path)
        by_use = sorted(path.parent.glob("[!.]*"), key=lambda entry: entry.stat().st_mtime, reverse=True)
        for old in by_use[KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
