"""Write what the checker pages load into a built site: the runtime, the rules and the page's JS.

site/assets/pyodide/   the pinned, verified Pyodide: pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm,
                       python_stdlib.zip (trimmed to what start-up and the checkers import,
                       as bytecode compiled at set-up by Pyodide's own Python),
                       python_stdlib-full.zip (fallback, fetched only if a module is missing),
                       pyodide-lock.json (no packages: the checkers need none)
site/assets/checkers/  checker.js, worker.js, startup.mjs, checker.css, quiz.js and quiz.css (the induction
                       quiz, which needs no runtime), checkers.pyc.zip (the `checkers` package as bytecode,
                       compiled by Pyodide's own Python from the very files the tests run),
                       checkers-<hash>.snapshot (Python started with them imported: snapshot.py) and
                       bundle.json (the bridge's source, where the worker puts the checkers, the snapshot's
                       name, the group's words and the policy version),
                       first-answers-<checker>.json (what the rules decide, for the page to answer
                       before the runtime is ready: first_answers.py)
"""
from __future__ import annotations

import ast
import io
import json
import shutil
import sys
import zipfile
from pathlib import Path

from handbook.errors import HandbookError

from . import first_answers, runtime, snapshot
from .stdlib import FROZEN, KEEP, RECORDED_FOR

ASSETS = Path(__file__).parent / "assets"
BROWSER_FILES = ("checker.js", "worker.js", "startup.mjs", "checker.css", "quiz.js", "quiz.css")
RUNTIME_COPIED = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
FULL_STDLIB = "python_stdlib-full.zip"


def write_browser_assets(site_dir: Path, *, group: dict | None, version: str | None) -> None:
    """Copy the runtime, the checkers and the browser code into `site_dir/assets/`."""
    files = runtime.pyodide_files()  # HandbookError with what to run if missing or altered
    if RECORDED_FOR != runtime.PYODIDE.version:
        raise RuntimeError("handbook/browser/stdlib.py was recorded for another Pyodide: re-record it")
    pyodide_dir = _fresh(site_dir / "assets" / "pyodide")
    for name in RUNTIME_COPIED:
        shutil.copyfile(files[name], pyodide_dir / name)
    shutil.copyfile(files["python_stdlib.zip"], pyodide_dir / FULL_STDLIB)
    sources = checker_sources()
    bridge = (Path(__file__).parent / "bridge.py").read_text(encoding="utf-8")
    (pyodide_dir / "python_stdlib.zip").write_bytes(
        trimmed_stdlib(files["python_stdlib.zip"], [*sources.values(), bridge], compiled=runtime.compiled_stdlib()))
    lock = json.loads(files["pyodide-lock.json"].read_text(encoding="utf-8"))
    (pyodide_dir / "pyodide-lock.json").write_text(json.dumps({"info": lock["info"], "packages": {}}), encoding="utf-8")

    checkers_dir = _fresh(site_dir / "assets" / "checkers")
    for name in BROWSER_FILES:
        shutil.copyfile(ASSETS / name, checkers_dir / name)
    with zipfile.ZipFile(io.BytesIO(runtime.compiled_checkers(sources))) as compiled:
        compiled_zip = _deflated((info, compiled.read(info)) for info in compiled.infolist())
    (checkers_dir / "checkers.pyc.zip").write_bytes(compiled_zip)
    bundle = {"bridge": bridge, "checkers": runtime.CHECKERS_IN_BROWSER, "fullStdlib": FULL_STDLIB,
              "snapshot": _write_snapshot(pyodide_dir, compiled_zip, bridge, checkers_dir),
              "group": group or {}, "version": version}
    (checkers_dir / "bundle.json").write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    import checkers

    for checker_id in checkers.CHECKERS:
        text = first_answers.page_file(checker_id, json.dumps(group or None, sort_keys=True), version)
        (checkers_dir / first_answers.file_name(checker_id)).write_text(text, encoding="utf-8")


def _write_snapshot(pyodide_dir: Path, compiled_zip: bytes, bridge: str, checkers_dir: Path) -> str | None:
    """The memory snapshot's file name in `checkers_dir`, or None (said once) if none could be made."""
    try:
        name, data = snapshot.memory_snapshot(pyodide_dir, compiled_zip, bridge)
    except snapshot.AlreadyFailed:
        return None  # said when it first failed
    except HandbookError as error:
        print(f"Note: {str(error).rstrip('.')}. The checkers will start without a snapshot: slower, but the "
              "same answers.", file=sys.stderr)
        return None
    (checkers_dir / name).write_bytes(data)
    return name


def checker_sources() -> dict[str, str]:
    """The `checkers` package's Python files, by their path in the worker."""
    import checkers

    package = Path(checkers.__file__).parent
    return {f"checkers/{path.relative_to(package).as_posix()}": path.read_text(encoding="utf-8")
            for path in sorted(package.rglob("*.py")) if "__pycache__" not in path.parts}


def trimmed_stdlib(full_zip: Path, sources, compiled: Path | None = None) -> bytes:
    """The standard library zip with only the recorded start-up modules and what `sources` import.

    With `compiled` (the same library as bytecode), the kept modules are shipped as .pyc files
    only: larger by about 0.7 MB, but Python starts without compiling them (see performance.md).
    """
    with zipfile.ZipFile(full_zip) as full:
        names = set(full.namelist())
        keep = set(KEEP)
        todo = [name for source in sources for name in _imports(source)]
        while todo:
            path = _module_path(todo.pop(), names)
            if path is None or path in keep:
                continue
            keep.add(path)
            todo.extend(_imports(full.read(path).decode("utf-8"), package=_package_of(path)))
        for path in list(keep):  # every package a kept module lives in
            parts = path.split("/")[:-1]
            for depth in range(1, len(parts) + 1):
                init = "/".join(parts[:depth]) + "/__init__.py"
                if init in names:
                    keep.add(init)
        keep -= set(FROZEN)
        if compiled is None:
            return _deflated((info, full.read(info)) for info in full.infolist() if info.filename in keep)
        with zipfile.ZipFile(compiled) as bytecode:
            return _deflated((info, bytecode.read(info)) for info in bytecode.infolist()
                             if info.filename[:-1] in keep)


def _deflated(entries) -> bytes:
    """A zip of (ZipInfo, bytes) entries, compressed: not every host compresses a .zip it serves."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info, data in entries:
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def _imports(source: str, package: str = "") -> list[str]:
    """Modules imported at module level (imports inside functions run only if called)."""
    found = []
    for node in _module_level(ast.parse(source).body):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                if not package:
                    continue  # relative import inside the checkers package itself
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}".strip(".")
            found.append(base)
            found += [f"{base}.{alias.name}" for alias in node.names]
    return found


def _module_level(body):
    for node in body:
        yield node
        if isinstance(node, (ast.If, ast.Try, ast.With)):
            for field in ("body", "orelse", "finalbody", "handlers"):
                for child in getattr(node, field, []):
                    yield from _module_level(child.body if isinstance(child, ast.ExceptHandler) else [child])


def _module_path(module: str, names: set[str]) -> str | None:
    stem = module.replace(".", "/")
    for candidate in (f"{stem}.py", f"{stem}/__init__.py"):
        if candidate in names:
            return candidate
    return None


def _package_of(path: str) -> str:
    parts = path[:-3].split("/")
    return ".".join(parts[:-1]) if parts[-1] == "__init__" or len(parts) > 1 else ""


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder
