"""The checkers' memory snapshot: Python already started with the checkers imported.

A page's worker on a later visit restores it instead of starting Python and importing the checkers
again (docs/about/performance.md: "Started from a snapshot"). It is made by the build with Pyodide's
own Python in Node.js (snapshot.mjs), on the site's own runtime files, before any answer exists: it
holds the rules, never a reader's answers. It is an aid, not a need: a build that cannot make one
says so and ships none, and a worker that cannot restore one starts Python as usual.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

import checkers
from handbook.errors import HandbookError
from handbook.cache import cache_dir, keep, read_kept

from . import bridge as cpython_bridge, runtime

SCRIPT = Path(__file__).with_name("snapshot.mjs")
STARTUP = Path(__file__).parent / "assets" / "startup.mjs"
MAGIC = (0x31534248).to_bytes(4, "little")  # SNAPSHOT_MAGIC in startup.mjs
# Snapshots that could not be made, by name, with why: a process tries each once, not once a build
# (a `handbook serve` rebuilds on every save, and `build-all` builds many groups), because making one
# can take minutes to fail. Handed on to build-all's worker processes by remember_failures.
FAILED: dict[str, str] = {}


class AlreadyFailed(HandbookError):
    """This snapshot could not be made earlier in this process, and the build said so then."""


def remember_failures(failed: dict[str, str]) -> None:
    """Run first in each of build-all's processes: a function, so that it updates that process's own
    FAILED (a bound FAILED.update would carry a copy of the parent's dict)."""
    FAILED.update(failed)


def memory_snapshot(pyodide_dir: Path, compiled_checkers: bytes, bridge: str) -> tuple[str, bytes]:
    """The snapshot for this runtime folder, these checkers and this bridge, and its file name: made
    once (about 1.5 s) and kept in the cache for later builds. HandbookError (one sentence) if it
    cannot be made.

    It is named by what it was made from, and made the same, byte for byte, from the same sources
    (snapshot.mjs fixes Python's random bytes and clocks while it starts): a build from the same sources
    gives the same name and file, and the same version of the offline copy, on any computer."""
    digest = hashlib.sha256(f"{runtime.PYODIDE.spec} {runtime.CHECKERS_IN_BROWSER} ".encode())
    for part in (SCRIPT.read_bytes(), STARTUP.read_bytes(), (pyodide_dir / "python_stdlib.zip").read_bytes(),
                 compiled_checkers, bridge.encode()):
        digest.update(hashlib.sha256(part).digest())
    name = f"checkers-{digest.hexdigest()[:16]}.snapshot"
    kept = cache_dir() / "compiled" / name
    data = read_kept(kept) or b""  # nothing when not kept yet, or changed since it was kept
    if intact(data):
        return name, data
    if name in FAILED:
        raise AlreadyFailed(FAILED[name])
    try:
        data = _make(pyodide_dir, compiled_checkers, bridge)
    except HandbookError as error:
        FAILED[name] = str(error)
        raise
    keep(kept, data)
    return name, data


def _make(pyodide_dir: Path, compiled_checkers: bytes, bridge: str) -> bytes:
    """A new snapshot's bytes, made in Node.js and checked there (snapshot.mjs)."""
    with tempfile.TemporaryDirectory() as tmp:
        inputs = {"checkers.pyc.zip": compiled_checkers, "handbook_bridge.py": bridge.encode()}
        for file_name, content in inputs.items():
            (Path(tmp) / file_name).write_bytes(content)
        checker, answers = question_asked()
        question = json.dumps([checker, answers, cpython_bridge.decide(checker, json.dumps(answers))])
        out = Path(tmp) / "snapshot.bin"
        runtime.run_node("making the checkers' memory snapshot", SCRIPT,
                         [pyodide_dir, Path(tmp) / "checkers.pyc.zip", Path(tmp) / "handbook_bridge.py",
                          runtime.CHECKERS_IN_BROWSER, question, out], out)
        data = out.read_bytes()
    if not intact(data):
        raise HandbookError(f"making the checkers' memory snapshot gave a damaged file ({SCRIPT.name})")
    return data


def question_asked() -> tuple[str, dict]:
    """Asked of each new snapshot once restored (its reply must be CPython's, to the byte): the first
    checker's example answers."""
    checker = next(iter(checkers.CHECKERS.values()))
    return checker.id, checker.example


def intact(data: bytes) -> bool:
    """A snapshot file, whole: its magic number first, the SHA-256 of the rest last (startup.mjs)."""
    return data[:4] == MAGIC and hashlib.sha256(data[:-32]).digest() == data[-32:]
