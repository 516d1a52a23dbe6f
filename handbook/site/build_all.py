"""`handbook build-all`: one site per group folder, built in parallel, for networks that host many groups.

Each group is built in its own process (as many at once as the computer has cores) into
OUT/<folder name>/, swapped in whole like any build. One group's mistake is reported and does not
stop the others. The checkers' runtime and snapshot (about 25 MB a site) are the same for every
group, so the sites share one copy on disk: identical files are hard links to each other.
"""
from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..browser import runtime, snapshot
from ..browser.bundle import write_browser_assets
from ..errors import HandbookError
from ..group import GROUP_FILE


@dataclass(frozen=True)
class Built:
    group: str
    seconds: float
    error: str | None = None


def _one(group_file: Path, site_dir: Path, generator: str) -> Built:
    from .build import build  # in the worker process

    started = time.perf_counter()
    try:
        build(group_file, site_dir=site_dir, generator=generator)
    except HandbookError as error:
        return Built(group_file.parent.name, time.perf_counter() - started, str(error))
    return Built(group_file.parent.name, time.perf_counter() - started)


def group_folders(groups_dir: Path) -> list[Path]:
    folders = sorted(path for path in Path(groups_dir).iterdir() if (path / GROUP_FILE).is_file())
    if not folders:
        raise HandbookError(f"{groups_dir} has no group folders: each needs its own {GROUP_FILE}.")
    return folders


def build_all(groups_dir: Path, out: Path, *, generator: str = "mkdocs", jobs: int | None = None) -> list[Built]:
    """Build every group folder in `groups_dir`; returns one Built per group, errors included."""
    folders = group_folders(groups_dir)
    out = Path(out).absolute()
    out.mkdir(parents=True, exist_ok=True)
    runtime.ensure()  # what every group's build needs, made once here rather than once a process
    with tempfile.TemporaryDirectory() as tmp:
        write_browser_assets(Path(tmp), group=None, version=None)  # compiled checkers, their snapshot
    with worker_processes(jobs) as pool:
        futures = [pool.submit(_one, folder / GROUP_FILE, out / folder.name, generator) for folder in folders]
        results = [future.result() for future in futures]
    share_runtime([out / result.group for result in results if result.error is None])
    return results


def worker_processes(jobs: int | None) -> ProcessPoolExecutor:
    """The processes that build the groups: started afresh, as on every system ("spawn"), and told of
    any snapshot that could not be made here, so that none tries again and says so again."""
    return ProcessPoolExecutor(max_workers=jobs or os.cpu_count() or 1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=snapshot.remember_failures, initargs=(dict(snapshot.FAILED),))


SHARED = ("assets/pyodide/*", "assets/checkers/*.snapshot")  # the same for every group


def share_runtime(sites: list[Path]) -> int:
    """Hard-link each site's runtime files to the first site's identical ones; returns the bytes saved."""
    saved = 0
    if not sites:
        return saved
    for site in sites[1:]:
        for path in sorted(path for pattern in SHARED for path in site.glob(pattern)):
            original = sites[0] / path.relative_to(site)
            if original.is_file() and not path.samefile(original) and path.read_bytes() == original.read_bytes():
                link = path.with_name(f".{path.name}.link")
                os.link(original, link)
                link.replace(path)
                saved += path.stat().st_size
    return saved
