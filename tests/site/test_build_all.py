"""`handbook build-all` for a network: every folder named, unchanged groups skipped, shares, crashes contained."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import main
from handbook.site import build_all, network


def _new(groups: Path, name: str) -> None:
    made = CliRunner().invoke(main, ["new", str(groups / name), "--name", f"{name.title()} Food Bank", "--no-input"])
    assert made.exit_code == 0, made.output


def _lines(output: str) -> dict[str, dict]:
    return {row["group"]: row for row in map(json.loads, output.splitlines())}


def test_every_folder_is_reported_and_an_unchanged_group_is_not_built_again(tmp_path):
    groups, sites = tmp_path / "groups", tmp_path / "sites"
    for name in ("alder", "birch"):
        _new(groups, name)
    (groups / "elm").mkdir()
    (groups / "elm" / "group.yml").write_text("name: Elm\nversions:\n  - version: 1.1\n    approved: 2026-02-30\n"
                                              "    review_due: 2027-03-01\n    summary: First.\n")
    (groups / "fir").mkdir()
    (groups / "fir" / "group.yaml").write_text("name: Fir\n")
    (groups / "gorse").mkdir()
    (groups / "gorse" / "group.yml").symlink_to(tmp_path / "nowhere.yml")
    (groups / "notes").mkdir()
    (groups / ".git").mkdir()  # hidden: not a group, not reported
    (groups / "README.md").write_text("Our groups.\n")  # a file: not a folder

    first = CliRunner().invoke(main, ["build-all", str(groups), "--out", str(sites), "--json"])
    assert first.exit_code == 1 and "Traceback" not in first.output
    rows = _lines(first.stdout)
    assert list(rows) == ["alder", "birch", "elm", "fir", "gorse", "notes"]
    assert {name: row["status"] for name, row in rows.items()} == {
        "alder": "built", "birch": "built", "elm": "failed", "fir": "skipped", "gorse": "skipped", "notes": "skipped"}
    assert "line 4" in rows["elm"]["reason"] and "there is no such day as 2026-02-30" in rows["elm"]["reason"]
    assert rows["fir"]["reason"] == "it has group.yaml but no group.yml: rename the file to group.yml."
    assert rows["gorse"]["reason"] == "its group.yml is a link to a file that is not there."
    assert rows["notes"]["reason"] == "it has no group.yml."
    for name in ("alder", "birch"):
        assert rows[name]["seconds"] > 0 and rows[name]["reason"] is None
        assert rows[name]["files"] > 100 and rows[name]["bytes"] > 1_000_000
        assert (sites / name / "index.html").is_file()
    for pattern in ("assets/pyodide/*", "assets/checkers/*.snapshot"):  # one copy on disk of each runtime file
        alder, birch = (sorted((sites / name).glob(pattern)) for name in ("alder", "birch"))
        assert alder and [path.name for path in alder] == [path.name for path in birch]
        assert all(os.stat(one).st_ino == os.stat(other).st_ino for one, other in zip(alder, birch))

    for name in ("elm", "fir", "gorse", "notes"):
        shutil.rmtree(groups / name)
    built = (sites / "alder" / "index.html").stat().st_mtime_ns
    again = CliRunner().invoke(main, ["build-all", str(groups), "--out", str(sites)])
    assert again.exit_code == 0, again.output
    assert "Unchanged alder: its folder and the handbook are the same as at its last build here" in again.output
    assert "Unchanged birch:" in again.output
    assert "0 of 2 groups built into" in again.output and "2 unchanged, 0 skipped, 0 failed" in again.output
    assert (sites / "alder" / "index.html").stat().st_mtime_ns == built

    group_file = groups / "birch" / "group.yml"
    group_file.write_text(group_file.read_text().replace('name: "Birch Food Bank"', 'name: "Birch Community Food Bank"'))
    third = _lines(CliRunner().invoke(main, ["build-all", str(groups), "--out", str(sites), "--json"]).stdout)
    assert (third["alder"]["status"], third["birch"]["status"]) == ("unchanged", "built")
    assert "Birch Community Food Bank" in (sites / "birch" / "index.html").read_text()
    alder = groups / "alder" / "group.yml"
    good = alder.read_text()
    alder.write_text(good.replace('name: "Alder Food Bank"', "name: [Alder]"))
    broken = _lines(CliRunner().invoke(main, ["build-all", str(groups), "--out", str(sites), "--json"]).stdout)
    assert broken["alder"]["status"] == "failed" and "Alder Food Bank" in (sites / "alder" / "index.html").read_text()
    alder.write_text(good)  # as at its last good build: built again all the same, for its site is the old one
    mended = _lines(CliRunner().invoke(main, ["build-all", str(groups), "--out", str(sites), "--json"]).stdout)
    assert (mended["alder"]["status"], mended["birch"]["status"]) == ("built", "unchanged")

    shutil.rmtree(groups / "birch")
    kept = CliRunner().invoke(main, ["build-all", str(groups), "--out", str(sites)])
    assert kept.exit_code == 0 and f"Gone birch: its folder is no longer in the groups folder; its last site is " \
        f"still in {sites} (--prune deletes it)." in kept.output
    assert (sites / "birch" / "index.html").is_file()
    pruned = _lines(CliRunner().invoke(main, ["build-all", str(groups), "--out", str(sites), "--json",
                                              "--prune", "--shard", "1/1"]).stdout)
    assert pruned["birch"]["status"] == "gone" and pruned["alder"]["status"] == "unchanged"
    assert pruned["birch"]["reason"] == "its folder is no longer in the groups folder, so its site was deleted."
    assert not (sites / "birch").exists() and (sites / "alder" / "index.html").is_file()
    forced = _lines(CliRunner().invoke(main, ["build-all", str(groups), "--out", str(sites), "--json",
                                              "--rebuild"]).stdout)
    assert {name: row["status"] for name, row in forced.items()} == {"alder": "built"}


def test_the_shares_name_every_folder_once_and_a_folder_keeps_its_share(tmp_path):
    groups = tmp_path / "groups"
    names = [f"group-{n:03d}" for n in range(40)]
    for name in names:
        (groups / name).mkdir(parents=True)  # no group.yml: reported as skipped, nothing built
    seen = []
    for k in (1, 2, 3):
        result = CliRunner().invoke(main, ["build-all", str(groups), "--out", str(tmp_path / f"sites-{k}"),
                                           "--shard", f"{k}/3", "--json"])
        assert result.exit_code == 1
        share = list(_lines(result.stdout))
        assert share == sorted(share) and 5 < len(share) < 25
        seen += share
    assert sorted(seen) == names
    before = {name: next(k for k in (1, 2, 3) if network.in_shard(name, (k, 3))) for name in names}
    (groups / "aaa-new").mkdir()
    assert all(network.in_shard(name, (before[name], 3)) for name in names)


@pytest.mark.parametrize("shard", ["0/2", "3/2", "2", "a/b", "1/0"])
def test_a_wrong_shard_is_one_sentence(tmp_path, shard):
    (tmp_path / "groups" / "alder").mkdir(parents=True)
    result = CliRunner().invoke(main, ["build-all", str(tmp_path / "groups"), "--out", str(tmp_path / "sites"),
                                       "--shard", shard])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip() == (f"Error: --shard {shard!r}: expected K/N, two whole numbers with 1 <= K <= N, "
                                     "such as 1/4.")


def test_a_fault_in_the_handbook_is_one_sentence_for_that_group(tmp_path, monkeypatch):
    def broken(*_, **__):
        print("Warning: something to say")
        raise KeyError("clause")

    monkeypatch.setattr("handbook.site.build.build", broken)
    seconds, error, warnings = build_all._one(tmp_path / "group.yml", tmp_path / "site", "mkdocs")
    assert error == ("the handbook could not build it (KeyError: 'clause'); please report this with the "
                     "group's folder.")
    assert warnings == ("Warning: something to say",) and seconds >= 0


def dies_for_one_group(group_file: Path, site_dir: Path, generator: str, shared=None):
    """Stands in for a build in the worker processes: the folder named "crash" kills its process."""
    if group_file.parent.name == "crash":
        os._exit(9)
    return 0.5, None, ()


def test_a_group_that_kills_its_process_fails_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(build_all, "_one", dies_for_one_group)
    done = build_all._run(tmp_path, tmp_path / "sites", ["alder", "crash", "damson", "elder"], "mkdocs", 2)
    assert done["crash"][1] == build_all.CRASHED
    assert {name: result[1] for name, result in done.items() if name != "crash"} == {
        "alder": None, "damson": None, "elder": None}
