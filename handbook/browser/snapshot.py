"""The checkers' memory snapshot: Python already started with the checkers imported.

A page's worker on a second visit restores it instead of starting Python and importing the
checkers again (docs/about/performance.md: "Started from a snapshot"). It is made by the build
with Pyodide's own Python in Node.js (snapshot.mjs), on the site's own runtime files, before any
answer exists: it holds the rules, never a reader's answers. It is an aid, not a need: a build
that cannot make one says so and ships none, and a worker that cannot restore one starts Python.
"""
from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from handbook.errors import HandbookError
from handbook.folders import cache_dir, keep

from . import runtime

SCRIPT = Path(__file__).with_name("snapshot.mjs")
STARTUP = Path(__file__).parent / "assets" / "startup.mjs"
MAGIC = (0x31534248).to_bytes(4, "little")  # SNAPSHOT_MAGIC in startup.mjs


def memory_snapshot(pyodide_dir: Path, compiled_checkers: bytes, bridge: str) -> bytes:
    """The snapshot for this runtime folder, these checkers and this bridge: made once (about 1.5 s)
    and kept in the cache for later builds. HandbookError (one sentence) if it cannot be made."""
    digest = hashlib.sha256(f"{runtime.PYODIDE.spec} {runtime.CHECKERS_IN_BROWSER} ".encode())
    for part in (SCRIPT.read_bytes(), STARTUP.read_bytes(), (pyodide_dir / "python_stdlib.zip").read_bytes(),
                 compiled_checkers, bridge.encode()):
        digest.update(hashlib.sha256(part).digest())
    kept = cache_dir() / "compiled" / f"snapshot-{digest.hexdigest()[:16]}.bin"
    try:
        both = kept.read_bytes()  # the snapshot, then its sha256
    except OSError:
        both = b""  # not kept yet
    if both[:4] == MAGIC and hashlib.sha256(both[:-32]).digest() == both[-32:]:
        return both[:-32]
    with tempfile.TemporaryDirectory() as tmp:
        inputs = {"checkers.pyc.zip": compiled_checkers, "handbook_bridge.py": bridge.encode()}
        for name, content in inputs.items():
            (Path(tmp) / name).write_bytes(content)
        out = Path(tmp) / "snapshot.bin"
        runtime.run_node("making the checkers' memory snapshot", SCRIPT,
                         [pyodide_dir, Path(tmp) / "checkers.pyc.zip", Path(tmp) / "handbook_bridge.py",
                          runtime.CHECKERS_IN_BROWSER, out], out)
        data = out.read_bytes()
    if data[:4] != MAGIC:
        raise HandbookError(f"making the checkers' memory snapshot gave a file that is not one ({SCRIPT.name})")
    keep(kept, data + hashlib.sha256(data).digest())  # checked when read back
    return data


def file_name(data: bytes) -> str:
    """Named by its content, so a page can never restore another build's snapshot."""
    return f"checkers-{hashlib.sha256(data).hexdigest()[:16]}.snapshot"
