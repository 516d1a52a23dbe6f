"""The GitHub Actions workflow a network copies (examples/network/handbooks.yml): pinned actions, one job a share,
and its own shell steps run here as the runner would run them."""
from __future__ import annotations

import pytest

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from helpers import REPO

WORKFLOW = REPO / "examples" / "network" / "handbooks.yml"
SPEC = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
SHARDS = int(SPEC["env"]["SHARDS"])


def _step(job: str, name: str) -> dict:
    return next(step for step in SPEC["jobs"][job]["steps"] if step.get("name") == name)


def _run(script: str, cwd: Path, shard: int | None = None) -> subprocess.CompletedProcess:
    """A step's script in bash, as the runner runs it, with `handbook` the CLI of this working copy."""
    if shard is not None:
        script = script.replace("${{ matrix.shard }}", str(shard))
    assert "${{" not in script
    shim = cwd / "bin" / "handbook"
    shim.parent.mkdir(exist_ok=True)
    shim.write_text(f"#!/bin/sh\nexec {sys.executable} -c 'import sys; from handbook.cli import main; "
                    f"sys.argv[0] = \"handbook\"; main()' \"$@\"\n")
    shim.chmod(0o755)
    env = {**os.environ, "SHARDS": str(SHARDS), "PATH": f"{shim.parent}:{os.environ['PATH']}",
           "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True)


def test_every_action_is_pinned_to_a_commit_and_names_its_release():
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert len(lines) == 7
    for line in lines:
        assert re.search(r"uses: actions/[a-z-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$", line), line


def test_one_job_for_each_share_and_one_deployment_after_them():
    assert SPEC["jobs"]["build"]["strategy"]["matrix"]["shard"] == list(range(1, SHARDS + 1))
    assert SPEC["jobs"]["build"]["strategy"]["fail-fast"] is False
    deploy = SPEC["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert SPEC["permissions"] == {"contents": "read"}
    assert [step.get("uses", "").split("@")[0] for step in deploy["steps"]] == [
        "actions/download-artifact", "", "actions/upload-pages-artifact", "actions/deploy-pages"]


@pytest.mark.site  # builds every group's site
def test_the_shares_build_every_group_once_and_a_second_run_builds_none(tmp_path):
    network = tmp_path / "network"
    made = subprocess.run([sys.executable, "-c", "import sys; from handbook.cli import main; main()", "new",
                           str(network / "groups" / "alder"), "--name", "Alder Food Bank", "--no-input"],
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    for n in range(11):
        (network / "groups" / f"notes-{n:02d}").mkdir()  # no group.yml: named as skipped by its share
    script = _step("build", "Build this share of the groups")["run"]
    reports = {}
    for shard in range(1, SHARDS + 1):
        done = _run(script, network, shard)
        rows = [json.loads(line) for line in (network / f"report-{shard}.jsonl").read_text().splitlines()]
        assert done.returncode == (1 if any(row["status"] == "skipped" for row in rows) else 0), done.stderr
        reports.update({row["group"]: row["status"] for row in rows})
    assert sorted(reports) == sorted(path.name for path in (network / "groups").iterdir())
    assert reports["alder"] == "built" and (network / "sites" / "alder" / "index.html").is_file()
    (runtime,) = (network / "sites" / "runtime").iterdir()  # one runtime for the network's sites, none in a site
    assert (runtime / "pyodide" / "pyodide.asm.wasm").is_file() and not (network / "sites" / "alder" / "assets" /
                                                                        "pyodide").exists()
    again = next(shard for shard in range(1, SHARDS + 1) if "alder" in (network / f"report-{shard}.jsonl").read_text())
    _run(script, network, again)
    rows = [json.loads(line) for line in (network / f"report-{again}.jsonl").read_text().splitlines()]
    assert [row["status"] for row in rows if row["group"] == "alder"] == ["unchanged"]


def test_nothing_is_published_unless_every_share_uploaded_its_sites(tmp_path):
    script = _step("deploy", "Put every share's sites in one folder, if every share has them")["run"]
    for shard in range(1, SHARDS):
        site = tmp_path / "shares" / f"sites-{shard}" / "sites" / f"group-{shard}"
        site.mkdir(parents=True)
        (site / "index.html").write_text(f"group {shard}")
    missing = _run(script, tmp_path)
    assert missing.returncode == 1 and f"Only {SHARDS - 1} of {SHARDS} shares" in missing.stdout
    assert not (tmp_path / "public").exists()
    (tmp_path / "shares" / f"sites-{SHARDS}" / "sites" / "group-last").mkdir(parents=True)
    assert _run(script, tmp_path).returncode == 0
    assert sorted(p.name for p in (tmp_path / "public").iterdir()) == [
        *[f"group-{shard}" for shard in range(1, SHARDS)], "group-last"]
