"""The checkers' runtime and snapshot stored once for many sites: the versions of an export, the groups of
build-all.

By default each site keeps its own whole copy at its own addresses, and identical files are hard links to one
file on disk (share_runtime). A host that takes files one by one (an upload, GitHub Pages' artifact, which
refuses links and so copies them) still receives and counts every copy; a web server serving the folder from
that disk stores one.

With `build-all --shared-runtime NAME`, for a network whose groups share one origin, the runtime is written
once, into OUT/NAME/<id>/ (id: a hash of what it holds, so a group still on an older runtime keeps it), and
each group's site loads it from there: its checker's worker imports it at ../../../NAME/<id>/pyodide/, its
bundle names the snapshot there, and its service worker keeps those files in the group's own offline copy,
which stays whole. Same origin, so the pages' policy ('self') allows it; nothing comes from another site.
"""
from __future__ import annotations

import filecmp
import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import HandbookError

SHARED = ("assets/pyodide/*", "assets/checkers/*.snapshot")  # the same for every group and version
SNAPSHOT = ".snapshot"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
_WORKER_IMPORTS = '"../pyodide/'  # worker.js reaches the runtime only this way (checked: see use_runtime_folder)


def share_runtime(sites: list[Path]) -> int:
    """Hard-link each site's runtime files to the first site's identical ones; returns the bytes saved.
    Where the disk cannot link (another file system), a site keeps its own copy."""
    saved = 0
    for site in sites[1:]:
        for path in sorted(path for pattern in SHARED for path in site.glob(pattern)):
            original = sites[0] / path.relative_to(site)
            if not original.is_file() or path.samefile(original) or not filecmp.cmp(path, original, shallow=False):
                continue
            link = path.with_name(f".{path.name}.link")
            try:
                os.link(original, link)
                link.replace(path)
            except OSError:
                link.unlink(missing_ok=True)
                continue
            saved += path.stat().st_size
    return saved


def sizes(folder: Path) -> tuple[int, int, int]:
    """(bytes as a host counts them: every file; bytes on disk: each hard-linked file once; files)."""
    counted = stored = files = 0
    seen = set()
    for root, _, names in os.walk(folder):
        for name in names:
            stat = os.lstat(os.path.join(root, name))
            counted += stat.st_size
            files += 1
            if (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                stored += stat.st_size
    return counted, stored, files


@dataclass(frozen=True)
class RuntimeFolder:
    """The one runtime of a network's sites: on disk, and its address from a group site's root."""
    folder: Path  # OUT/NAME/<id>
    address: str  # "../NAME/<id>/"

    def files(self) -> list[tuple[str, Path]]:
        """(address from a site's root, file) for every file it holds, by address."""
        return [(self.address + path.relative_to(self.folder).as_posix(), path)
                for path in sorted(self.folder.rglob("*")) if path.is_file()]


def check_name(name: str, groups_dir: Path) -> None:
    """A folder name beside the groups' sites, which no group folder has."""
    if not _NAME.fullmatch(name):
        raise HandbookError(f"--shared-runtime {name!r}: expected a folder name of letters, digits, - and _ "
                            "(starting with a letter or digit), such as runtime.")
    if (Path(groups_dir) / name).exists():
        raise HandbookError(f"--shared-runtime {name!r}: {Path(groups_dir) / name} is a group's folder too, and its "
                            "site would go to the same place: choose another name.")


def write_runtime_folder(assets: Path, out: Path, name: str) -> RuntimeFolder:
    """Put the runtime from a built `assets` folder into OUT/NAME/<id>/, unless it is there already. The id
    is a hash of each file's bytes (the snapshot's of its name, which says what it was made from, so that a
    snapshot made apart can never split the folder), so every build of the same runtime, on any machine, has
    the same id."""
    chosen = [path for pattern in SHARED for path in sorted(assets.parent.glob(pattern))]
    digest = hashlib.sha256()
    for path in chosen:
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.name.encode() if path.name.endswith(SNAPSHOT) else path.read_bytes())
                      .digest())
    runtime_id = digest.hexdigest()[:16]
    target = Path(out) / name / runtime_id
    if target.is_dir() and not _holds(target, assets, chosen):  # changed since it was written: written again
        shutil.rmtree(target)
    if not target.is_dir():
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{runtime_id}.", dir=target.parent))
        staging.chmod(0o755)  # as every folder of a site: any web server reads it
        for path in chosen:
            place = staging / path.relative_to(assets)
            place.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, place)
        try:
            staging.replace(target)
        except OSError:  # made meanwhile by another build-all into the same folder
            shutil.rmtree(staging, ignore_errors=True)
    return RuntimeFolder(target, f"../{name}/{runtime_id}/")


def _holds(target: Path, assets: Path, chosen: list[Path]) -> bool:
    """The folder holds these files, no others, with the same bytes (the snapshot: by its name)."""
    found = sorted(path.relative_to(target) for path in target.rglob("*") if path.is_file())
    return found == sorted(path.relative_to(assets) for path in chosen) and all(
        path.name.endswith(SNAPSHOT) or filecmp.cmp(path, target / path.relative_to(assets), shallow=False)
        for path in chosen)


def use_runtime_folder(site_dir: Path, shared: RuntimeFolder) -> None:
    """Take the runtime out of a built site and point its checkers' worker and bundle at the shared one."""
    checkers = site_dir / "assets" / "checkers"
    up = "../../" + shared.address  # from assets/checkers/ to the shared folder
    worker = (checkers / "worker.js").read_text(encoding="utf-8")
    if worker.count(_WORKER_IMPORTS) != 2:
        raise RuntimeError("worker.js no longer reaches the runtime only through '../pyodide/': update shared_runtime.py")
    (checkers / "worker.js").write_text(worker.replace(_WORKER_IMPORTS, f'"{up}pyodide/'), encoding="utf-8")
    bundle = json.loads((checkers / "bundle.json").read_text(encoding="utf-8"))
    if bundle.get("snapshot"):
        if not (shared.folder / "checkers" / bundle["snapshot"]).is_file():  # made from other sources than the shared one
            raise RuntimeError(f"the shared runtime folder {shared.folder} has no {bundle['snapshot']}")
        bundle["snapshot"] = f"{up}checkers/{bundle['snapshot']}"
        (checkers / "bundle.json").write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(site_dir / "assets" / "pyodide")
    for path in checkers.glob("*" + SNAPSHOT):
        path.unlink()


def prune_runtime_folders(out: Path, name: str) -> None:
    """Delete the runtime folders in OUT/NAME that no site in OUT loads any more (all its groups rebuilt)."""
    kept = Path(out) / name
    if not kept.is_dir():
        return
    used = {match for site in Path(out).iterdir() if site.is_dir()
            for match in re.findall(rf"\.\./{re.escape(name)}/(\w+)/", _worker_text(site))}
    for folder in kept.iterdir():
        if folder.name not in used:
            shutil.rmtree(folder, ignore_errors=True)


def _worker_text(site: Path) -> str:
    try:
        return (site / "assets" / "checkers" / "worker.js").read_text(encoding="utf-8")
    except OSError:
        return ""
