"""Python packages are installed from a lock with hashes: every package pinned and hashed, the lock
agreeing with pyproject.toml's pins, and the set-up installing from it and nothing else."""
from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from conftest import REPO

ENTRY = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)((?: \\\n {4}--hash=sha256:[0-9a-f]{64})*)", re.MULTILINE)


def locked(path: Path) -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) for every package in a lock file."""
    text = path.read_text(encoding="utf-8")
    found = {_name(name): (version, hashes.count("--hash=")) for name, version, hashes in ENTRY.findall(text)}
    pinned = re.findall(r"^[A-Za-z0-9_.-]+==", text, re.MULTILINE)
    assert len(found) == len(pinned), "an entry of the lock is not `name==version` followed by its hashes"
    return found


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def tasks_module():
    spec = importlib.util.spec_from_file_location("tasks", REPO / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-node.lock"])
def test_every_locked_package_is_pinned_with_a_hash(lock):
    packages = locked(REPO / lock)
    assert packages
    assert {name: version for name, (version, hashes) in packages.items() if hashes == 0} == {}


def test_the_lock_agrees_with_every_pin_in_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [*project["project"]["dependencies"], *project["project"]["optional-dependencies"]["test"],
              *project["build-system"]["requires"]]
    packages = locked(REPO / "requirements.lock")
    for line in wanted:
        requirement = Requirement(line)
        name = _name(requirement.name)
        assert name in packages, f"{name} is in pyproject.toml but not in the lock: run `python3 tasks.py lock`"
        assert requirement.specifier.contains(packages[name][0]), (
            f"pyproject.toml asks for {line}, the lock has {packages[name][0]}: run `python3 tasks.py lock`")


def test_the_node_lock_holds_the_node_tasks_py_names():
    tasks = tasks_module()
    name, version = tasks.NODE_WHEEL.split("==")
    assert {key: pin for key, (pin, _) in locked(REPO / "requirements-node.lock").items()} == {name: version}


def test_set_up_installs_from_the_lock_with_hashes_and_the_project_without_dependencies(tmp_path, monkeypatch):
    tasks = tasks_module()
    commands = []
    monkeypatch.setattr(tasks, "VENV", tmp_path / ".venv")
    monkeypatch.setattr(tasks, "BIN", tmp_path / ".venv" / "bin")
    monkeypatch.setattr(tasks, "PYTHON", tmp_path / ".venv" / "bin" / "python")
    monkeypatch.setattr(tasks, "run", lambda *command, **options: commands.append([str(part) for part in command]))
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").touch()  # an existing environment
    tasks.python_packages()
    python = str(tmp_path / ".venv" / "bin" / "python")
    assert commands == [[python, "-m", "pip", "install", "--quiet", "--require-hashes", "--only-binary=:all:", "-r",
                         str(REPO / "requirements.lock")],
                        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", "."]]
    tasks.python_packages()
    assert len(commands) == 2, "done again although neither the lock nor pyproject.toml changed"
