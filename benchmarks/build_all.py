"""How `handbook build-all` scales: 10, 25 and 50 group folders on this machine.

    .venv/bin/python benchmarks/build_all.py [--sizes 10 25 50] [--generator mkdocs]

Prints, for each size, the wall time, the time per group, the peak memory of one build process
and the disk the sites take (the runtime is hard-linked, so counted once), and whether the cost
grows linearly (time per group about the same at every size).
"""
from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from handbook.group.new import NewGroup, write_group_folder
from handbook.site.build_all import build_all


def disk_use(folder: Path) -> int:
    seen, total = set(), 0
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            if (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                total += stat.st_size
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 25, 50])
    parser.add_argument("--generator", default="mkdocs")
    options = parser.parse_args()
    print(f"{os.cpu_count()} cores; builds run {os.cpu_count()} at a time")
    rows = []
    for size in options.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            groups = Path(tmp) / "groups"
            for n in range(size):
                write_group_folder(groups / f"group-{n:02d}", NewGroup(name=f"Community Group {n}",
                                                                       partners=[f"Partner {n}"]))
            started = time.perf_counter()
            results = build_all(groups, Path(tmp) / "sites", generator=options.generator)
            seconds = time.perf_counter() - started
            failed = [r.group for r in results if r.error]
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            size_mb = disk_use(Path(tmp) / "sites") / 1e6
            rows.append((size, seconds))
            print(f"{size:3d} groups: {seconds:6.1f} s, {seconds / size:5.2f} s a group, peak {peak:.0f} MB in one "
                  f"build process, {size_mb:.0f} MB on disk, {len(failed)} failed")
    if len(rows) > 1:
        per_group = [seconds / size for size, seconds in rows]
        spread = (max(per_group) - min(per_group)) / min(per_group)
        print(f"time per group varies by {spread:.0%} from {rows[0][0]} to {rows[-1][0]} groups "
              f"({'linear' if spread < 0.25 else 'not linear'}: within 25% counts as linear)")


if __name__ == "__main__":
    main()
