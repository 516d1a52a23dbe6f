"""The compiled standard library shipped to readers is pinned by a hash committed in the repository:
set-up makes it reproducibly, keeps it only if it matches the pin, and a build refuses any other."""
from __future__ import annotations

import sys

import pytest

from handbook.browser import runtime
from handbook.errors import HandbookError


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    """A cache of its own holding the verified Pyodide files (linked, not copied), and nothing compiled yet."""
    files = runtime.pyodide_files()
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path))
    runtime.PYODIDE.folder.mkdir()
    for name, path in files.items():
        (runtime.PYODIDE.folder / name).symlink_to(path)
    return runtime.PYODIDE.folder


def test_the_compiled_standard_library_in_use_matches_its_committed_pin():
    path = runtime.compiled_stdlib()
    assert runtime.sha256(path) == runtime.COMPILED_STDLIB_SHA256
    assert runtime.COMPILED_STDLIB_SHA256[:12] in path.name


def test_set_up_compiles_exactly_the_pinned_bytes(cache):
    """Pyodide's own Python, run again here, makes byte for byte the file whose hash is committed."""
    path = runtime._precompile()
    assert runtime.sha256(path) == runtime.COMPILED_STDLIB_SHA256
    assert runtime.compiled_stdlib() == path
    assert sorted(p.name for p in cache.iterdir() if p.name.startswith((".", "python_stdlib-"))) == [path.name]


def test_a_compiled_library_that_differs_from_the_pin_is_refused_and_not_kept(cache, monkeypatch):
    fake = [sys.executable, "-c", "import sys; open(sys.argv[4], 'wb').write(b'not what was pinned')"]
    monkeypatch.setattr(runtime, "node_command", lambda: fake)
    with pytest.raises(HandbookError, match=r"the standard library compiled here has sha256 [0-9a-f]{64}, but "
                                            r"[0-9a-f]{64} is pinned in handbook/browser/runtime.py; refusing"):
        runtime._precompile()
    assert not any(p.name.startswith((".python_stdlib", "python_stdlib-")) for p in cache.iterdir())


def test_an_altered_compiled_library_is_refused_at_build(cache):
    (cache / runtime.COMPILED_STDLIB).write_bytes(b"PK edited")
    with pytest.raises(HandbookError, match=r"does not match the pinned sha256 in handbook/browser/runtime.py"):
        runtime.compiled_stdlib()
    (cache / runtime.COMPILED_STDLIB).unlink()
    with pytest.raises(HandbookError, match=r"is missing\. Fetch it with `python -m handbook\.browser\.runtime fetch`"):
        runtime.compiled_stdlib()
