"""Put a finished site in place of the old one in one step, so nobody ever sees half a site.

A build writes into a staging folder beside the output. Only when the site is complete does it
take the output's place: on Linux by one atomic exchange of the two folders (renameat2), elsewhere
by two renames whose gap a later build repairs. The old site is deleted last. Folders this module
made and a killed build left behind are cleaned up by the next build.

The output folder must be new, empty, or one this module wrote before (it holds MARKER): a
mistyped `--site-dir ~/Documents` is refused, never replaced.
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..errors import HandbookError

MARKER = ".handbook-output"
MARKER_TEXT = ("This folder was written by the Confidentiality Handbook. The next build or export "
               "replaces it whole: keep nothing else in it.\n")
_STAGING, _OLD = "staging", "old"


def check_target(target: Path) -> None:
    """Refuse an output folder that holds files this tool did not write."""
    if not target.exists():
        return
    if not target.is_dir():
        raise HandbookError(f"{target} is a file, not a folder: choose a folder for the output.")
    if (target / MARKER).is_file() or not any(target.iterdir()):
        return
    if (target / "assets" / "checkers" / "bundle.json").is_file():
        return  # built before the marker existed
    raise HandbookError(f"{target} already holds files that the handbook did not write; choose a new or "
                        "empty folder (the output folder is replaced whole at every build).")


def _leftover(path: Path, target: Path) -> tuple[str, int] | None:
    """('staging' or 'old', pid) when `path` is a folder this module made for `target`."""
    prefix = f".{target.name}."
    if not path.name.startswith(prefix):
        return None
    kind, _, rest = path.name[len(prefix):].partition("-")
    pid = rest.split("-", 1)[0]
    return (kind, int(pid)) if kind in (_STAGING, _OLD) and pid.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(target: Path) -> None:
    """Repair what a killed build left: put back an old site caught between two renames, and
    delete staging and old folders whose build is no longer running."""
    if not target.parent.is_dir():
        return
    for path in sorted(target.parent.iterdir()):
        found = _leftover(path, target)
        if found is None or _alive(found[1]):
            continue
        if found[0] == _OLD and not target.exists():
            path.rename(target)
        else:
            shutil.rmtree(path, ignore_errors=True)


def staging_for(target: Path) -> Path:
    """A new, empty folder beside `target` (same file system, so the swap is a rename)."""
    target = Path(target).absolute()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        recover(target)
        return Path(tempfile.mkdtemp(prefix=f".{target.name}.{_STAGING}-{os.getpid()}-", dir=target.parent))
    except OSError as error:
        raise HandbookError(f"Cannot write beside {target}: {error.strerror}.") from None


def readable(folder: Path) -> None:
    """Folders 755 and files 644: any web server, running as any user, can read the site."""
    for directory, folders, files in os.walk(folder):
        os.chmod(directory, 0o755)
        for name in files:
            path = os.path.join(directory, name)
            if not os.path.islink(path):
                os.chmod(path, 0o644)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step where the system can (Linux renameat2)."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd, exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def replace(staging: Path, target: Path) -> list[str]:
    """Swap the complete site in `staging` into `target`; returns warnings (an old copy left behind)."""
    staging, target = Path(staging).absolute(), Path(target).absolute()
    (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    readable(staging)
    try:
        if not target.exists():
            staging.rename(target)
            return []
        if _exchange(staging, target):
            old = staging
        else:
            old = target.with_name(f".{target.name}.{_OLD}-{os.getpid()}")
            target.rename(old)
            staging.rename(target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise HandbookError(f"Could not put the new site in place of {target}: {error.strerror}. "
                            "The old site is unchanged.") from None
    shutil.rmtree(old, ignore_errors=True)
    if old.exists():
        return [f"The new site is in {target}, but the old copy could not be fully deleted: {old}."]
    return []


def discard(staging: Path | None) -> None:
    """Delete a staging folder after a failed build; the old site was never touched."""
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)
