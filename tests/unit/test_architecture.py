"""The folder tree is the architecture: capabilities in layers, no import circles, the site generator last.

Lower layers never import higher ones; only handbook/site/ imports MkDocs or mike, so moving to
another generator is a change of that one package.
"""
from __future__ import annotations

import ast
from pathlib import Path

from helpers import REPO

PACKAGE = REPO / "handbook"
# Each part of the handbook package, bottom to top: a part may import its own layer and those below.
LAYERS = {
    "errors": 0, "untrusted": 0, "yaml_input": 0, "sandbox": 0, "templating": 0, "page_files": 0, "folders": 0, "cache": 0,
    "group": 1, "policy": 2, "answers": 3, "documents": 4, "browser": 4, "pages": 5,
    "compile": 6, "site": 7, "cli": 8,
}
GENERATORS = {"mkdocs", "mike", "zensical", "material"}


def _module(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module this file imports (at any depth of the file), as absolute names."""
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            name = ".".join(part for part in (base, node.module) if part)
            folder = REPO / name.replace(".", "/")
            submodules = {alias.name for alias in node.names
                          if (folder / f"{alias.name}.py").exists() or (folder / alias.name).is_dir()}
            if len(submodules) < len(node.names):  # `from . import model` needs the module, not the package
                found.add(name)
            found |= {f"{name}.{alias.name}" for alias in node.names}
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(path): path for path in PACKAGE.rglob("*.py")}
    return {name: {other for other in _imports(path) if other in modules and other != name}
            for name, path in modules.items()}


def _part(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def test_every_part_of_the_package_has_a_layer():
    parts = {_part(name) for name in _graph()} - {""}
    assert parts == set(LAYERS)


def test_no_part_imports_a_higher_layer():
    for name, imported in _graph().items():
        for other in imported:
            if _part(name) and _part(other):
                assert LAYERS[_part(other)] <= LAYERS[_part(name)], f"{name} imports {other}, a higher layer"


def test_there_is_no_import_circle():
    graph = _graph()
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for other in graph[node]:
            if state.get(other) == "open":
                raise AssertionError("import circle: " + " -> ".join(path[path.index(other):] + [other]))
            if other not in state:
                visit(other, path + [other])
        state[node] = "done"

    for node in graph:
        if node not in state:
            visit(node, [node])


def test_only_the_site_package_imports_a_site_generator():
    for path in PACKAGE.rglob("*.py"):
        generators = {name.split(".")[0] for name in _imports(path)} & GENERATORS
        if generators:
            assert path.relative_to(PACKAGE).parts[0] == "site", f"{path} imports {generators}"
    for path in (REPO / "checkers").rglob("*.py"):
        assert not {name.split(".")[0] for name in _imports(path)} & GENERATORS


# The checkers' own packages (checkers/<id>/): the handbook reaches them only through checkers.CHECKERS.
CHECKER_PACKAGES = {path.parent.name for path in (REPO / "checkers").glob("*/__init__.py")}


def _checker_ids() -> set[str]:
    import checkers

    return set(checkers.CHECKERS) | CHECKER_PACKAGES


def test_every_checker_package_is_in_the_registry():
    import checkers

    assert CHECKER_PACKAGES == set(checkers.CHECKERS)
    for checker_id, checker in checkers.CHECKERS.items():
        assert checker.id == checker_id


def _checker_references(source: str) -> list[str]:
    """Imports of a checker's own package, and checker ids written as text, in one module's source.
    (Relative imports stay inside handbook/, so only absolute ones can reach checkers/.)"""
    ids, found = _checker_ids(), []
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names = [node.module] if "." in node.module else [f"{node.module}.{alias.name}" for alias in node.names]
        found += [f"line {node.lineno} imports {name}" for name in names
                  if name.split(".")[0] == "checkers" and name.split(".")[1:2] and name.split(".")[1] in CHECKER_PACKAGES]
        if isinstance(node, ast.Constant) and node.value in ids:
            found.append(f"line {node.lineno}: the checker id {node.value!r}")
    return found


def test_the_handbook_reads_a_checker_only_through_its_declared_checker():
    """No handbook module imports a checker's own package or names a checker id in code: what differs
    between checkers is declared on each Checker (checkers/checker.py), so a new checker needs no edit
    of handbook/. Shared modules (checkers.model, checkers.engine...) stay importable."""
    found = [f"{path.relative_to(REPO)}, {said}" for path in sorted(PACKAGE.rglob("*.py"))
             for said in _checker_references(path.read_text(encoding="utf-8"))]
    assert not found, "\n".join(found)


def test_the_checker_reference_check_finds_each_kind():
    """The check above is not vacuous: each way of reaching past the Checker is found, shared modules are not."""
    source = ("import checkers.sharing\nfrom checkers import breach, engine\nfrom checkers.concern.rules import RULES\n"
              "from checkers.model import Question\nFORMS = {'sharing': 'sharing-record'}\n")
    assert _checker_references(source) == [
        "line 1 imports checkers.sharing", "line 2 imports checkers.breach",
        "line 3 imports checkers.concern.rules",
        "line 5: the checker id 'sharing'"]
