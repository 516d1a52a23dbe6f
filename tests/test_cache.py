"""The user's cache (handbook/folders.py): what builds keep between runs, kept whole and kept small."""
from __future__ import annotations

import os

from handbook import folders


def test_the_cache_keeps_the_most_recently_used_files_of_each_kind(monkeypatch, tmp_path):
    monkeypatch.setattr(folders, "KEPT", 3)
    for n in range(4):
        folders.keep(tmp_path / "kind" / f"{n}.json", b"made")
        os.utime(tmp_path / "kind" / f"{n}.json", (n, n))  # made one after the other
    assert sorted(p.name for p in (tmp_path / "kind").iterdir()) == ["0.json", "1.json", "2.json", "3.json"][1:]
    assert folders.read_kept(tmp_path / "kind" / "1.json") == b"made"  # used now: kept longest
    folders.keep(tmp_path / "kind" / "4.json", b"made")
    assert sorted(p.name for p in (tmp_path / "kind").iterdir()) == ["1.json", "3.json", "4.json"]
    assert folders.read_kept(tmp_path / "kind" / "2.json") is None
