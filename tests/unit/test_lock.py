"""Python packages are installed from a lock with hashes: every package pinned and hashed, the lock
agreeing with pyproject.toml's pins, and the set-up installing from it and nothing else."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from helpers import REPO, tasks_module

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


def test_a_group_folder_lock_holds_the_same_versions_and_hashes_as_the_project_lock():
    """What a group's workflow installs (handbook/group/locks/) is requirements.lock less the test tools."""
    project, runtime = locked(REPO / "requirements.lock"), locked(REPO / "handbook/group/locks/requirements.lock")
    assert runtime and {name: pin for name, pin in runtime.items() if project.get(name) != pin} == {}
    assert not {"pytest", "playwright", "hypothesis", "hatchling"} & set(runtime)
    assert {name: pin for name, (pin, hashes) in locked(REPO / "handbook/group/locks/pip.lock").items() if hashes} == {
        "pip": tasks_module().PIP.split("==")[1]}


@pytest.mark.slow
def test_set_up_works_from_the_oldest_pip_a_supported_system_ships(tmp_path, monkeypatch):
    """Debian 12's Python ships pip 23.0.1, which refuses requirements.lock in hash mode: set-up brings pip
    to the hashed pin first, then installs the lock and the project, for real (from the package registry)."""
    tasks = tasks_module()
    venv = tmp_path / ".venv"
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "pip==23.0.1"], check=True)
    monkeypatch.setattr(tasks, "VENV", venv)
    monkeypatch.setattr(tasks, "BIN", venv / "bin")
    monkeypatch.setattr(tasks, "PYTHON", python)
    tasks.python_packages()
    pip = subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True, text=True, check=True).stdout
    assert pip.startswith(f"pip {tasks.PIP.split('==')[1]} ")
    version = subprocess.run([str(venv / "bin" / "handbook"), "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.strip().startswith("handbook "), version.stderr
    imported = subprocess.run([str(python), "-c", "import mkdocs, weasyprint, docx, playwright, pytest"],
                              capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    assert len(list(venv.glob(".installed-*"))) == 1  # and the next set-up does nothing, until a lock changes
