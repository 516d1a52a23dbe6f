"""The report of `handbook build-all`: every folder of the network, in sentences or as JSON lines."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from ..site.build_all import BUILT, FAILED, GONE, SKIPPED, UNCHANGED, Report
from ..site.shared_runtime import sizes


def echo_report(reports: list[Report], out_dir: Path, *, as_json: bool, shared_runtime: str | None = None) -> bool:
    """Print one line for each folder and a total; True when any folder failed or was skipped."""
    for report in reports:
        if as_json:
            click.echo(json.dumps({**asdict(report), "seconds": round(report.seconds, 2),
                                   "warnings": list(report.warnings)}))
        else:
            _sentence(report)
    count = {status: sum(r.status == status for r in reports) for status in (BUILT, UNCHANGED, SKIPPED, FAILED, GONE)}
    if not as_json:
        size = sum(r.bytes for r in reports) / 1e6
        gone = f", {count[GONE]} gone" if count[GONE] else ""
        if shared_runtime:
            runtime_size = sizes(Path(out_dir) / shared_runtime)[0] / 1e6
            sizes_said = f"{size:.0f} MB in all, and the runtime they share {runtime_size:.0f} MB in {shared_runtime}"
        else:
            sizes_said = f"{size:.0f} MB in all, shared runtime files counted in every site"
        click.echo(f"{count[BUILT]} of {len(reports) - count[GONE]} groups built into {out_dir} ({count[UNCHANGED]} "
                   f"unchanged, {count[SKIPPED]} skipped, {count[FAILED]} failed{gone}; {sizes_said}).")
    return bool(count[FAILED] or count[SKIPPED])


def _sentence(report: Report) -> None:
    size = f"{report.bytes / 1e6:.1f} MB in {report.files} files"
    for warning in report.warnings:
        click.echo(f"{report.group}: {warning}")
    if report.status == BUILT:
        click.echo(f"Built {report.group} in {report.seconds:.1f} s ({size})")
    elif report.status == UNCHANGED:
        click.echo(f"Unchanged {report.group}: {report.reason} ({size})")
    elif report.status == GONE:
        click.echo(f"Gone {report.group}: {report.reason}")
    elif report.status == SKIPPED:
        click.echo(f"Skipped {report.group}: {report.reason}", err=True)
    else:
        click.echo(f"Failed {report.group}: {report.reason}", err=True)
