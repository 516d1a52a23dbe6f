"""How `handbook build-all` scales: 10, 25 and 50 new group folders, the same run again with nothing changed, and
one share of a 500-group network, with the time and size projected for N shares (N CI jobs like this machine).

    .venv/bin/python benchmarks/build_all.py [--sizes 10 25 50] [--network 500] [--shard 1/20] [--generator mkdocs]

Sizes: "as a host counts" is every file (a host, or GitHub Pages' artifact, takes a hard link as a copy);
"on disk" counts the runtime's hard-linked files once; "with --shared-runtime" is each site without the runtime
and one runtime folder for all (projected from the sites built). The figures are this machine's: it prints its
cores and load average (other work running) beside them; quote both.
"""
from __future__ import annotations

import argparse
import os
import secrets
import tempfile
import time
from pathlib import Path

from handbook.group.new import NewGroup, write_group_folder
from handbook.site.build_all import BUILT, UNCHANGED, build_all
from handbook.site.network import parse_shard
from handbook.site.shared_runtime import sizes

RUNTIME = ("assets/pyodide", "assets/checkers")
SHARED = ("assets/pyodide/*", "assets/checkers/*.snapshot")  # what --shared-runtime keeps once


def load() -> str:
    return "load average " + " ".join(f"{n:.1f}" for n in os.getloadavg())


def make_groups(folder: Path, count: int) -> None:
    """New groups, named as no earlier run named its groups: the handbook's cache keeps a group's documents
    and answer pages, and a group built before may come partly from it (a 50-group run right after a 25-group
    run of the same names measured 9.6 s a group against 32, at a lower load too)."""
    run = secrets.token_hex(3)
    for n in range(count):
        write_group_folder(folder / f"group-{n:03d}", NewGroup(name=f"Community Group {run}-{count}-{n}",
                                                               partners=[f"Partner {n}"]))


def without_runtime(site: Path) -> int:
    counted, _, _ = sizes(site)
    return counted - sum(sizes(site / part)[0] for part in RUNTIME)


def run(groups: Path, out: Path, generator: str, shard=(1, 1)) -> tuple[float, list]:
    started = time.perf_counter()
    reports = build_all(groups, out, generator=generator, shard=shard)
    return time.perf_counter() - started, reports


def measure_sizes(size: int, generator: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        groups, out = Path(tmp) / "groups", Path(tmp) / "sites"
        make_groups(groups, size)
        seconds, reports = run(groups, out, generator)
        built = [r for r in reports if r.status == BUILT]
        counted, stored, files = sizes(out)
        print(f"{size:3d} new groups: {seconds:6.1f} s, {seconds / size:5.2f} s a group; {len(built)} built; "
              f"{counted / 1e6:.0f} MB as a host counts ({files} files), {stored / 1e6:.0f} MB on disk; {load()}",
              flush=True)
        again, reports = run(groups, out, generator)
        print(f"     again, nothing changed: {again:5.1f} s "
              f"({sum(r.status == UNCHANGED for r in reports)} of {size} unchanged, not built)", flush=True)


def measure_shard(network: int, shard: tuple[int, int], generator: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        groups, out = Path(tmp) / "groups", Path(tmp) / "sites"
        make_groups(groups, network)
        seconds, reports = run(groups, out, generator, shard)
        built = [r for r in reports if r.status == BUILT]
        if not built:
            print(f"shard {shard[0]}/{shard[1]} of {network} groups built nothing")
            return
        per_group = seconds / len(built)
        site = sum(r.bytes for r in built) / len(built)
        files = sum(r.files for r in built) / len(built)
        lean = sum(without_runtime(out / r.group) for r in built) / len(built)
        shared = [path for pattern in SHARED for path in (out / built[0].group).glob(pattern)]
        shared_bytes, shared_files = sum(path.stat().st_size for path in shared), len(shared)
        _, stored, _ = sizes(out)
        print(f"shard {shard[0]}/{shard[1]} of a {network}-group network: {len(built)} groups in {seconds:.1f} s, "
              f"{per_group:.2f} s a group; a site {site / 1e6:.1f} MB in {files:.0f} files "
              f"({lean / 1e6:.1f} MB without the runtime); this shard {stored / 1e6:.0f} MB on disk; {load()}")
        print(f"projected for all {network} groups, jobs like this machine ({os.cpu_count()} cores):")
        for count in (1, 5, 10, 20, 50, 100, 256):
            share = -(-network // count)
            print(f"  {count:3d} shards: ~{share:3d} groups a job, ~{share * per_group / 60:5.1f} min a job; "
                  f"{network * site / 1e9:5.1f} GB and {network * files / 1e6:.2f} million files in all "
                  f"({network * lean / 1e9:.1f} GB without the runtime)")
        print(f"  with --shared-runtime: {(network * (site - shared_bytes) + shared_bytes) / 1e9:.1f} GB and "
              f"{(network * (files - shared_files) + shared_files) / 1e6:.2f} million files in all; a site "
              f"{(site - shared_bytes) / 1e6:.1f} MB in {files - shared_files:.0f} files, "
              f"the runtime folder {shared_bytes / 1e6:.1f} MB in {shared_files} files", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 25, 50])
    parser.add_argument("--network", type=int, default=500)
    parser.add_argument("--shard", default="1/20", help="the share of the network to build, K/N")
    parser.add_argument("--generator", default="mkdocs")
    options = parser.parse_args()
    print(f"{os.cpu_count()} cores; builds run {os.cpu_count()} at a time; {load()}", flush=True)
    for size in options.sizes:
        measure_sizes(size, options.generator)
    if options.network:
        measure_shard(options.network, parse_shard(options.shard), options.generator)


if __name__ == "__main__":
    main()
