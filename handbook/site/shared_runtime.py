"""The checkers' runtime and snapshot stored once on disk for many sites: the versions of an export, the groups
of build-all.

Each site keeps its own whole copy at its own addresses (its offline copy and its service worker's scope need
them there), but identical files are hard links to one file on disk. A host that takes files one by one (an
upload, GitHub Pages' artifact, which refuses links and so copies them) still receives and counts every copy;
a web server serving the folder from that disk stores one.
"""
from __future__ import annotations

import filecmp
import os
from pathlib import Path

SHARED = ("assets/pyodide/*", "assets/checkers/*.snapshot")  # the same for every group and version


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
