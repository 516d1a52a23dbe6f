"""`handbook build-all`: one site per group folder, built in parallel, for networks that host many groups.

Each group is built in its own process (as many at once as the computer has cores) into
OUT/<folder name>/, swapped in whole like any build. A group whose folder and handbook are the same as
at its last build here is not built again. One group's mistake, or crash, is reported in one sentence
and does not stop the others. The checkers' runtime and snapshot (about 25 MB a site) are the same for
every group, so the sites share one copy on disk: identical files are hard links to each other; or, with
`shared_runtime` (a network serving all its groups from one origin), one folder beside the sites holds it
for all of them (shared_runtime.py).
"""
from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from ..browser import runtime, snapshot
from ..browser.bundle import write_browser_assets
from ..errors import HandbookError
from ..group import GROUP_FILE
from . import network, swap
from .shared_runtime import (RuntimeFolder, check_name, prune_runtime_folders, share_runtime, sizes,
                             write_runtime_folder)

BUILT, UNCHANGED, SKIPPED, FAILED, GONE = "built", "unchanged", "skipped", "failed", "gone"
UNCHANGED_WHY = "its folder and the handbook are the same as at its last build here, so it was not built again."
CRASHED = ("its build stopped its process (it may have run out of memory); the other groups were built. "
           "Run `handbook build` in its folder to see more.")


@dataclass(frozen=True)
class Report:
    """One folder of the network: what became of it, why (a sentence) when it was not built, how long it
    took and how big its site is (bytes and files, as a host counts them)."""
    group: str
    status: str
    seconds: float = 0.0
    reason: str | None = None
    bytes: int = 0
    files: int = 0
    warnings: tuple[str, ...] = ()

    @property
    def error(self) -> str | None:  # the sentence of a failed group
        return self.reason if self.status == FAILED else None


def _one(group_file: Path, site_dir: Path, generator: str,
         shared: RuntimeFolder | None = None) -> tuple[float, str | None, tuple[str, ...]]:
    """Build one group in a worker process: (seconds, its failure's sentence or None, the warnings it
    printed: kept for the report, so that `--json` output stays JSON)."""
    from .build import build

    started, said, error = time.perf_counter(), io.StringIO(), None
    try:
        with contextlib.redirect_stdout(said):
            build(group_file, site_dir=site_dir, generator=generator, shared_runtime=shared)
    except HandbookError as problem:
        error = str(problem)
    except Exception as problem:  # a fault of the handbook, not of the group: still one sentence, others go on
        error = (f"the handbook could not build it ({type(problem).__name__}: {problem}); "
                 "please report this with the group's folder.")
    warnings = tuple(line for line in said.getvalue().splitlines() if line.strip())
    return time.perf_counter() - started, error, warnings


def build_all(groups_dir: Path, out: Path, *, generator: str = "mkdocs", jobs: int | None = None,
              shard: tuple[int, int] = (1, 1), force: bool = False, prune: bool = False,
              shared_runtime: str | None = None) -> list[Report]:
    """Build every group folder of this share of `groups_dir` that changed since its last build into `out`;
    returns one Report per folder found (by name), whatever became of it, then one for each site built here
    before whose folder is gone (deleted when `prune`). With `shared_runtime`, a folder name: the sites load
    the runtime from OUT/<that name>/, written once."""
    if shared_runtime is not None:
        check_name(shared_runtime, groups_dir)
    found = network.folders(groups_dir, shard)
    out = Path(out).absolute()
    out.mkdir(parents=True, exist_ok=True)
    stamps = network.Stamps(out)
    made_by = network.handbook_fingerprint(generator)
    reports: dict[str, Report] = {}
    to_build: dict[str, dict] = {}
    for folder in found:
        if folder.skipped:
            reports[folder.name] = Report(folder.name, SKIPPED, reason=folder.skipped)
            continue
        made_from = {"handbook": made_by, "group": network.group_fingerprint(folder.path)}
        if shared_runtime is not None:  # a site built the other way is built again
            made_from["shared_runtime"] = shared_runtime
        if not force and stamps.unchanged(folder.name, made_from):
            reports[folder.name] = Report(folder.name, UNCHANGED, reason=UNCHANGED_WHY,
                                          **_size(out / folder.name))
        else:
            to_build[folder.name] = made_from
    if to_build:
        shared = _prepare(out, shared_runtime)
        for name, (seconds, error, warnings) in _run(groups_dir, out, list(to_build), generator, jobs, shared).items():
            if error is None:
                stamps.record(name, to_build[name])
                reports[name] = Report(name, BUILT, seconds, warnings=warnings, **_size(out / name))
            else:  # its last good site, if any, stays; marked so that the next run builds it again
                stamps.record(name, {**to_build[name], "failed": True})
                reports[name] = Report(name, FAILED, seconds, reason=error, warnings=warnings)
    share_runtime([out / r.group for r in reports.values() if r.status in (BUILT, UNCHANGED)])
    gone = [name for name in stamps.names() if name not in reports and network.in_shard(name, shard)]
    gone_reports = [_gone(out, name, stamps, prune) for name in gone]
    if shared_runtime is not None:
        prune_runtime_folders(out, shared_runtime)
    return [reports[folder.name] for folder in found] + gone_reports


def _gone(out: Path, name: str, stamps: network.Stamps, prune: bool) -> Report:
    """A site built here before whose group folder is no longer there: a group that left the network."""
    if not prune:
        return Report(name, GONE, reason=f"its folder is no longer in the groups folder; its last site is still in "
                                         f"{out} (--prune deletes it).")
    site = out / name
    if site.exists() and not (site / swap.MARKER).is_file():
        return Report(name, GONE, reason=f"its folder is no longer in the groups folder, but {site} holds files the "
                                         "handbook did not write, so it was left alone.")
    shutil.rmtree(site, ignore_errors=True)
    stamps.forget(name)
    return Report(name, GONE, reason="its folder is no longer in the groups folder, so its site was deleted.")


def _size(site: Path) -> dict:
    counted, _, files = sizes(site)
    return {"bytes": counted, "files": files}


def _prepare(out: Path, shared_runtime: str | None) -> RuntimeFolder | None:
    """What every group's build needs, made once here rather than once a process (compiled checkers,
    their snapshot); and the network's shared runtime folder, if it has one."""
    runtime.ensure()
    with tempfile.TemporaryDirectory() as tmp:
        write_browser_assets(Path(tmp), group=None, version=None)
        return write_runtime_folder(Path(tmp) / "assets", out, shared_runtime) if shared_runtime else None


def _run(groups_dir: Path, out: Path, names: list[str], generator: str, jobs: int | None,
         shared: RuntimeFolder | None = None) -> dict:
    """name -> (seconds, failure or None, warnings). A process that dies takes down its pool: the groups
    it left unfinished are built again one at a time, each in a process of its own, so only the one that
    kills its process is reported as failed."""
    done: dict = {}
    with worker_processes(jobs) as pool:
        futures = {name: pool.submit(_one, Path(groups_dir) / name / GROUP_FILE, out / name, generator, shared)
                   for name in names}
        for name, future in futures.items():
            with contextlib.suppress(BrokenProcessPool):
                done[name] = future.result()
    for name in [name for name in names if name not in done]:
        started = time.perf_counter()
        with worker_processes(1) as pool:
            try:
                done[name] = pool.submit(_one, Path(groups_dir) / name / GROUP_FILE, out / name, generator,
                                         shared).result()
            except BrokenProcessPool:
                done[name] = (time.perf_counter() - started, CRASHED, ())
    return done


def worker_processes(jobs: int | None) -> ProcessPoolExecutor:
    """The processes that build the groups: started afresh, as on every system ("spawn"), and told of
    any snapshot that could not be made here, so that none tries again and says so again."""
    return ProcessPoolExecutor(max_workers=jobs or os.cpu_count() or 1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=snapshot.remember_failures, initargs=(dict(snapshot.FAILED),))
