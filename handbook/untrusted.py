"""Reading a file someone else wrote (a group's folder, a scenario file): the one door every such read goes through.

A group's folder is edited by several volunteers and arrives through pull requests, and git keeps
symlinks. So a file is read only when it is an ordinary file inside the folder it belongs to: a
link to a place outside (a secret, `.git/config`, `/dev/zero`), a device, a pipe or a socket is
refused in one sentence naming the file as the group knows it, and its contents are never read nor
quoted. A file is opened without waiting (a pipe would hang the build) and read at most to its limit
plus one byte, so a huge or endless file costs nothing.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import HandbookError

_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def read_bytes(path: Path, *, limit: int, what: str, inside: Path | None = None) -> bytes:
    """At most `limit` bytes of an ordinary file that is (after following links) inside `inside`."""
    path = Path(path)
    real = _inside(path, what, inside)
    try:
        handle = os.open(real, _FLAGS)
    except OSError as error:
        raise HandbookError(f"{path}: the {what} cannot be read ({error.strerror}).") from None
    with os.fdopen(handle, "rb") as file:
        kind = os.fstat(file.fileno()).st_mode
        if stat.S_ISDIR(kind):
            raise HandbookError(f"{path}: this is a folder; expected the {what}, a file.")
        if not stat.S_ISREG(kind):
            raise HandbookError(f"{path}: the {what} is not an ordinary file (it is a device, a pipe or a "
                                "socket); put a text file there.")
        try:
            raw = file.read(limit + 1)
        except OSError as error:
            raise HandbookError(f"{path}: the {what} cannot be read ({error.strerror}).") from None
    if len(raw) > limit:
        size = max(os.stat(real).st_size, len(raw))
        raise HandbookError(f"{path}: the {what} is {size:,} bytes; at most {limit:,} are allowed.")
    return raw


def read_text(path: Path, *, limit: int, what: str, inside: Path | None = None) -> str:
    """A text file someone typed, at most `limit` bytes of UTF-8; any problem is one HandbookError."""
    raw = read_bytes(path, limit=limit, what=what, inside=inside)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise HandbookError(f"{path}, line {line}: the {what} is not UTF-8 text. Save it as UTF-8 "
                            "(in most editors: Save as, then choose UTF-8).") from None


def _inside(path: Path, what: str, inside: Path | None) -> Path:
    """The file's real place, refused when a link leads out of `inside` (or nowhere, or round in a circle)."""
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        if path.is_symlink():
            raise HandbookError(f"{path}: the {what} is a link to a file that does not exist; put the file "
                                "itself there.") from None
        raise HandbookError(f"{path}: the {what} does not exist.") from None
    except (OSError, RuntimeError):
        raise HandbookError(f"{path}: the {what} is a link that leads round in a circle; put the file itself "
                            "there.") from None
    if inside is not None and not real.is_relative_to(Path(inside).resolve()):
        raise HandbookError(f"{path}: the {what} is a link to a place outside {Path(inside)}; only files in "
                            "the folder itself are read. Put the file itself there instead of a link.")
    return real

