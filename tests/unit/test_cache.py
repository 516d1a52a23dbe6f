"""The user's cache (handbook/cache.py): what builds keep between runs, kept whole and kept small."""
from __future__ import annotations

import os

from handbook import cache as user_cache
from handbook.folders import DEFAULTS


def test_the_cache_keeps_the_most_recently_used_files_of_each_kind(monkeypatch, tmp_path):
    monkeypatch.setattr(user_cache, "KEPT", 3)
    for n in range(4):
        user_cache.keep(tmp_path / "kind" / f"{n}.json", b"made")
        os.utime(tmp_path / "kind" / f"{n}.json", (n, n))  # made one after the other
    assert sorted(p.name for p in (tmp_path / "kind").iterdir()) == ["0.json", "1.json", "2.json", "3.json"][1:]
    assert user_cache.read_kept(tmp_path / "kind" / "1.json") == b"made"  # used now: kept longest
    user_cache.keep(tmp_path / "kind" / "4.json", b"made")
    assert sorted(p.name for p in (tmp_path / "kind").iterdir()) == ["1.json", "3.json", "4.json"]
    assert user_cache.read_kept(tmp_path / "kind" / "2.json") is None


import gzip
import json
import subprocess
import sys
import time

import pytest

from handbook.pages import stamped


@pytest.fixture()
def cache(monkeypatch, tmp_path):
    """An empty cache, and a key of its own outside it (as a user's first build makes them)."""
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    user_cache._key.cache_clear()
    yield tmp_path / "cache"
    user_cache._key.cache_clear()


def test_the_key_is_made_once_outside_the_cache_readable_by_its_user_only(cache):
    user_cache.keep(cache / "kind" / "a.json", b"made")
    key = user_cache.key_file()
    assert not key.is_relative_to(cache) and key.stat().st_mode & 0o077 == 0 and len(key.read_bytes()) == 32
    assert user_cache.read_kept(cache / "kind" / "a.json") == b"made"


@pytest.mark.parametrize("change", [
    lambda data: data[:-40] + b"changed" + data[-33:],  # the contents, not the signature
    lambda data: data[: len(data) // 2],  # cut short
    lambda data: b"made",  # written by someone without the key
    lambda data: b"",
])
def test_a_kept_file_that_was_changed_is_removed_with_one_note_and_made_again(cache, capsys, change):
    kept = cache / "kind" / "a.json"
    user_cache.keep(kept, b"made from the inputs, a little longer than a signature")
    kept.write_bytes(change(kept.read_bytes()))
    assert user_cache.read_kept(kept) is None
    assert capsys.readouterr().err == f"Note: {kept} in the handbook's cache was changed or damaged; it is made again.\n"
    assert not kept.exists()


def test_a_kept_file_cannot_stand_in_for_another(cache):
    user_cache.keep(cache / "documents" / "group-a.zip", b"group a's forms")
    (cache / "documents" / "group-b.zip").write_bytes((cache / "documents" / "group-a.zip").read_bytes())
    assert user_cache.read_kept(cache / "documents" / "group-b.zip") is None


def test_a_kept_file_that_is_a_link_to_a_device_or_a_pipe_is_passed_over_at_once(cache, tmp_path):
    (cache / "kind").mkdir(parents=True)
    (cache / "kind" / "zero").symlink_to("/dev/zero")
    os.mkfifo(cache / "kind" / "pipe")
    started = time.monotonic()
    assert user_cache.read_kept(cache / "kind" / "zero") is None and user_cache.read_kept(cache / "kind" / "pipe") is None
    assert time.monotonic() - started < 2


def test_a_cache_that_is_a_file_keeps_nothing_and_says_nothing(cache, capsys):
    cache.write_text("someone's notes")
    user_cache.keep(cache / "kind" / "a.json", b"made")
    assert user_cache.read_kept(cache / "kind" / "a.json") is None
    assert cache.read_text() == "someone's notes" and capsys.readouterr().err == ""


def test_without_a_key_nothing_is_kept(cache, tmp_path):
    (tmp_path / "config").write_text("a file where the key's folder would be")
    user_cache.keep(cache / "kind" / "a.json", b"made")
    assert not (cache / "kind" / "a.json").exists()


PAGES = {"all-answers/a/index.md": "---\ntitle: A\n---\n# A\n\nFirst.\n",
         "all-answers/a/b.md": "---\ntitle: B\n---\n# B\n\nSecond.\n"}


def test_route_pages_from_the_cache_are_only_the_pages_asked_for(cache):
    first = stamped.stamped_pages(PAGES, {"markdown_extensions": ["toc"]})
    [kept] = (cache / "route-pages").iterdir()
    entry = json.loads(gzip.decompress(user_cache.read_kept(kept)))
    entry["../../../outside.md"] = entry["all-answers/a/b.md"]  # signed by the key (a writer who has it too)
    user_cache.keep(kept, gzip.compress(json.dumps(entry).encode()))
    again = stamped.stamped_pages(PAGES, {"markdown_extensions": ["toc"]})
    assert again.pages == first.pages and set(again.pages) == set(PAGES)


@pytest.mark.slow  # makes the documents twice, in new processes
def test_a_half_cut_documents_zip_is_made_again_and_the_files_are_the_same(cache, tmp_path):
    script = ("import sys; from handbook.cli import main; sys.argv = ['handbook'] + sys.argv[1:]; main()")
    run = lambda out: subprocess.run([sys.executable, "-c", script, "documents", "--out", str(out), "--format", "pdf"],
                                     capture_output=True, text=True, cwd=DEFAULTS, env=os.environ)
    first = run(tmp_path / "first")
    assert first.returncode == 0, first.stderr
    [kept] = (cache / "documents").iterdir()
    kept.write_bytes(kept.read_bytes()[: kept.stat().st_size // 2])
    second = run(tmp_path / "second")
    assert second.returncode == 0 and second.stderr.startswith(f"Note: {kept} in the handbook's cache was changed")
    assert sorted((tmp_path / "first").iterdir()) != [] and all(
        (tmp_path / "second" / p.name).read_bytes() == p.read_bytes() for p in (tmp_path / "first").iterdir())
