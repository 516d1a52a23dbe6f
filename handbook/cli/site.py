"""The site's commands: `handbook build`, `serve`, `publish` and `export`."""
from __future__ import annotations

from pathlib import Path

import click

from ..group import group_file as find_group_file
from .options import config_option, generator_option, version_option


def _size(folder: Path) -> str:
    from ..site.shared_runtime import sizes

    counted, stored, files = sizes(folder)
    return f"{counted / 1_000_000:.0f} MB in {files} files, {stored / 1_000_000:.0f} MB on this disk"


@click.command()
@config_option
@version_option
@generator_option
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the website (default: site/ beside the group file).")
@click.option("-v", "--verbose", is_flag=True, help="Show every step of the build.")
def build(group_file: Path | None, version: str | None, generator: str, site_dir: Path | None,
          verbose: bool) -> None:
    """Build the handbook website into site/ (or --site-dir).

    The old site is replaced only when the whole build succeeds.

    \b
    Examples:
      handbook build
      handbook build --config tests/groups/hostile.yml --site-dir /tmp/hostile
      handbook build --generator zensical
    """
    from ..site.build import build as run

    written = run(find_group_file(group_file), site_dir=site_dir, version=version, generator=generator,
                  verbose=verbose)
    click.echo(f"Built the handbook in {written}")


@click.command()
@config_option
@version_option
@generator_option
@click.option("--port", default=8000, show_default=True, help="The port to serve on (on 127.0.0.1 only).")
def serve(group_file: Path | None, version: str | None, generator: str, port: int) -> None:
    """Preview the handbook at http://127.0.0.1:PORT, rebuilding when a file changes.

    A mistake shows in the page and in the terminal; fix it and save, and the page comes back.

    \b
    Example:
      handbook serve --port 8001
    """
    from ..site.serve import serve as run

    try:
        run(find_group_file(group_file), port=port, version=version, generator=generator)
    except KeyboardInterrupt:
        click.echo("Stopped.")


@click.command()
@click.argument("version")
@config_option
def publish(version: str, group_file: Path | None) -> None:
    """Build policy VERSION and commit it to the local gh-pages branch with mike.

    The newest version in the group file also becomes `latest`, the version the site opens
    at. Nothing is pushed: run `git push origin gh-pages` when you are ready, or write every
    version to a folder with `handbook export`.

    \b
    Example:
      handbook publish 1.1
    """
    from ..group import load_group
    from ..site.publish import publish as run

    path = find_group_file(group_file)
    latest = load_group(path).versions[-1].version
    commit = run(version, alias_latest=version == latest, group_file=path)
    if commit is None:
        click.echo(f"Version {version} is already on the local gh-pages branch exactly as it is now: "
                   "nothing to commit.")
        return
    as_latest = " as latest, the default," if version == latest else ""
    click.echo(f"Published version {version}{as_latest} to the local gh-pages branch (commit {commit}). "
               "Nothing was pushed.")


@click.command()
@click.argument("out_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@config_option
def export(out_dir: Path, group_file: Path | None) -> None:
    """Write the whole site, every policy version, to the folder DIR for any static web host.

    Each version is in its own folder with a version selector; the site opens at the latest.
    DIR must be new, empty, or an earlier export; it is replaced only when all went well.
    Your git branches are not touched.

    \b
    Example:
      handbook export public
      python3 -m http.server -d public     # then open http://127.0.0.1:8000
    """
    from ..site.publish import export as run

    written = run(out_dir, group_file=find_group_file(group_file))
    click.echo(f"Wrote versions {', '.join(written)} to {out_dir} ({_size(out_dir)}); "
               f"the site opens at version {written[-1]}.")


@click.command("build-all")
@click.argument("groups_dir", metavar="DIR", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the sites: one folder for each group.")
@generator_option
@click.option("--jobs", type=click.IntRange(1), default=None, help="How many builds at once (default: one per core).")
@click.option("--shard", default="1/1", metavar="K/N",
              help="Build only the K-th of N shares of the folders (chosen by folder name), e.g. one CI job of N.")
@click.option("--rebuild", is_flag=True, help="Build every group, even one that has not changed.")
@click.option("--prune", is_flag=True, help="Delete the sites of groups whose folder is no longer in DIR.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a folder, one a line, instead of sentences.")
@click.option("--shared-runtime", metavar="NAME", default=None,
              help="Write the checkers' runtime once, into the folder NAME in --out, and have every group's site "
                   "load it from there: for sites published together, on one web address.")
def build_all(groups_dir: Path, out_dir: Path, generator: str, jobs: int | None, shard: str, rebuild: bool,
              prune: bool, as_json: bool, shared_runtime: str | None) -> None:
    """Build one site for each group folder in DIR (each holding a group.yml), in parallel.

    Each site goes into its own folder in --out, named after the group's folder. A group whose
    folder and handbook are the same as at its last build into --out is not built again. Every
    folder in DIR is named in the report: built, unchanged, skipped (and why) or failed (and
    why); a mistake in one group never stops the others, and its last good site stays. A site
    whose group folder is gone is named too (and deleted with --prune). The exit status is 1 if
    any folder failed or was skipped.

    \b
    Examples:
      handbook build-all groups --out sites
      handbook build-all groups --out sites --shard 2/4 --json
      handbook build-all groups --out sites --shared-runtime runtime
    """
    from ..site.build_all import build_all as run
    from ..site.network import parse_shard
    from .network_report import echo_report

    reports = run(groups_dir, out_dir, generator=generator, jobs=jobs, shard=parse_shard(shard), force=rebuild,
                  prune=prune, shared_runtime=shared_runtime)
    if echo_report(reports, out_dir, as_json=as_json, shared_runtime=shared_runtime):
        raise SystemExit(1)
