"""Time to make every document: per document and format, then all of them in one call.

Run: .venv/bin/python benchmarks/documents.py [--config group.yml] [--repeat 3]
The first call pays for loading WeasyPrint and the fonts; it is shown apart as "cold".
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from handbook.documents import DOCUMENTS, clear_cache, render_documents
from handbook.folders import Folders
from handbook.group import load_group

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=ROOT / "group.yml")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    group = load_group(args.config)
    folders = Folders(args.config.resolve().parent)
    version = group.version()

    started = time.perf_counter()
    render_documents(group, version, folders=folders, only=("consent-form",), formats=("pdf",))
    print(f"cold start (first PDF, loads WeasyPrint and fonts): {time.perf_counter() - started:.2f} s")

    print(f"{'document':<28}{'format':<8}{'median s':>10}{'size KB':>10}")
    for entry in DOCUMENTS:
        for fmt in entry.formats:
            times, size = [], 0
            for _ in range(args.repeat):
                clear_cache()
                started = time.perf_counter()
                files = render_documents(group, version, folders=folders, only=(entry.id,), formats=(fmt,))
                times.append(time.perf_counter() - started)
                size = len(files[f"{entry.id}.{fmt}"])
            print(f"{entry.id:<28}{fmt:<8}{statistics.median(times):>10.3f}{size / 1024:>10.1f}")

    times = []
    for _ in range(args.repeat):
        clear_cache()
        started = time.perf_counter()
        files = render_documents(group, version, folders=folders)
        times.append(time.perf_counter() - started)
    started = time.perf_counter()
    render_documents(group, version, folders=folders)
    remembered = time.perf_counter() - started
    total = sum(len(data) for data in files.values()) / 1024
    print(f"all {len(files)} files in one call: median {statistics.median(times):.2f} s, {total:.0f} KB")
    print(f"again with nothing changed (remembered, as under `handbook serve`): {remembered * 1000:.0f} ms")


if __name__ == "__main__":
    main()
