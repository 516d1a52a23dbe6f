"""The published site is never lost: a build is swapped in whole, or not at all, even when killed."""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from handbook.errors import HandbookError
from handbook.site import swap
from handbook.site.build import build as build_site

from helpers import REPO

HANDBOOK = Path(sys.executable).with_name("handbook")


def site(folder: Path, text: str) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "index.html").write_text(text)
    (folder / "sub" / "page.html").write_text(text)
    return folder


def listing(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def test_the_new_site_replaces_the_old_whole_and_is_readable_by_a_web_server(tmp_path):
    target = tmp_path / "site"
    swap.replace(site(swap.staging_for(target), "old"), target)
    staging = site(swap.staging_for(target), "new")
    staging.chmod(0o700)
    assert swap.replace(staging, target) == []
    assert (target / "index.html").read_text() == "new"
    assert listing(target) == {"index.html", "sub", "sub/page.html", swap.MARKER}
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging or old copy left
    for path in [target, *target.rglob("*")]:
        assert stat.S_IMODE(path.stat().st_mode) == (0o755 if path.is_dir() else 0o644), path


def test_a_folder_holding_other_files_is_refused_not_replaced(tmp_path):
    mine = tmp_path / "Documents"
    mine.mkdir()
    (mine / "letter.docx").write_bytes(b"keep me")
    with pytest.raises(HandbookError, match="already holds files that the handbook did not write"):
        swap.check_target(mine)
    swap.check_target(tmp_path / "new")  # missing: fine
    (tmp_path / "empty").mkdir()
    swap.check_target(tmp_path / "empty")
    target = tmp_path / "site"
    swap.replace(site(swap.staging_for(target), "old"), target)
    swap.check_target(target)  # written before: fine


def test_a_build_killed_between_two_renames_is_repaired_by_the_next(tmp_path):
    """Where the system cannot exchange two folders at once, the gap is repaired, never lost."""
    target = tmp_path / "site"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    site(tmp_path / f".site.old-{dead}", "old")  # the old site, moved aside; the new never arrived
    site(tmp_path / f".site.staging-{dead}-x1", "half")
    site(tmp_path / f".site.staging-{os.getpid()}-x2", "a build still running")
    swap.recover(target)
    assert (target / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".site.staging-{os.getpid()}-x2", "site"]


def test_a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one_whole(tmp_path):
    """Kill real builds at moments spread over a whole build: `site/` is always one complete site."""
    old_group, new_group = tmp_path / "old.yml", tmp_path / "new.yml"
    source = (REPO / "group.yml").read_text()
    old_group.write_text(source.replace("Riverside Community Food Bank", "Old Name Food Bank"))
    new_group.write_text(source.replace("Riverside Community Food Bank", "New Name Food Bank"))
    target = tmp_path / "site"

    def build(group: Path) -> subprocess.Popen:
        return subprocess.Popen([HANDBOOK, "build", "--config", group, "--site-dir", target], cwd=REPO,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    assert build(new_group).wait() == 0
    expected = listing(target)
    assert build(old_group).wait() == 0
    started = time.monotonic()  # timed once both groups' documents and pages are kept, as for the builds killed
    assert build(old_group).wait() == 0
    duration = time.monotonic() - started
    for fraction in (0.5, 0.95, 1.0):
        running = build(new_group if fraction < 0.95 else old_group)
        time.sleep(duration * fraction)
        running.send_signal(signal.SIGKILL)
        running.wait()
        swap.recover(target)
        home = (target / "index.html").read_text()
        assert ("Old Name" in home) != ("New Name" in home), fraction
        assert listing(target) == expected, fraction
    assert build(new_group).wait() == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []


def test_a_site_dir_that_is_a_link_builds_into_the_folder_it_points_at(tmp_path):
    web_root = tmp_path / "www" / "handbook"
    web_root.mkdir(parents=True)
    (tmp_path / "site").symlink_to(web_root, target_is_directory=True)
    assert build_site(REPO / "group.yml", site_dir=tmp_path / "site") == web_root
    assert (tmp_path / "site").is_symlink() and (web_root / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "www"]
    assert sorted(p.name for p in web_root.parent.iterdir()) == ["handbook"]  # no staging or old site left
