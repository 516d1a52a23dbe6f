"""The user's cache: what builds keep between runs (fetched runtimes, worked-out routes, the documents
and route pages a build made), outside any project, each file signed with a key kept elsewhere, so that
nothing changed in the cache reaches readers, and kept small (the least recently used go first).
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import secrets
import sys
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

import checkers

from .errors import HandbookError
from .untrusted import read_bytes


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
