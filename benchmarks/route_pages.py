"""What a group's site weighs without the checkers' runtime, and its "All answers" route pages, for each generator.

    .venv/bin/python benchmarks/route_pages.py [--config group.yml] [--generator mkdocs zensical]

Prints, for a build of the group: the route pages' count, average and largest size; the whole site and the site
without the runtime (assets/pyodide, assets/checkers), in bytes of its files (as a host counts them) and in
disk blocks (as `du` counts them), and its number of files.
"""
from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from handbook.site.build import GENERATORS, build

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = ("assets/pyodide/", "assets/checkers/")


def weigh(site: Path) -> None:
    routes = [path for path in site.glob("all-answers/*/**/index.html")]
    sizes = [path.stat().st_size for path in routes]
    files = [path for path in site.rglob("*") if path.is_file()]
    lean = [path for path in files if not path.relative_to(site).as_posix().startswith(RUNTIME)]
    print(f"  route pages: {len(routes)}, {sum(sizes) / len(sizes):,.0f} bytes on average, largest {max(sizes):,}")
    for label, chosen in (("whole site", files), ("without the runtime", lean)):
        counted = sum(path.stat().st_size for path in chosen)
        blocks = sum(path.stat().st_blocks * 512 for path in chosen)
        print(f"  {label}: {counted / 1e6:.1f} MB in {len(chosen)} files ({blocks / 1e6:.1f} MB of disk blocks, "
              "folders not counted)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=ROOT / "group.yml")
    parser.add_argument("--generator", nargs="+", choices=GENERATORS, default=list(GENERATORS))
    options = parser.parse_args()
    for generator in options.generator:
        with tempfile.TemporaryDirectory() as tmp:
            print(f"{generator}:")
            weigh(build(options.config, site_dir=Path(tmp) / "site", generator=generator))


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    main()
