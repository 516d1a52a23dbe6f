"""A release: one version, a licence, a changelog, a wheel and sdist that carry what a group's build needs,
and a new group's folder that publishes from its own files, as its GitHub workflow would, with nothing else."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile

import pytest
import yaml
from click.testing import CliRunner

from handbook.cli import main

from helpers import REPO
from helpers.chromium import wait_for

VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
SHA = re.compile(r"^[\w-]+/[\w-]+@[0-9a-f]{40}$")  # an action pinned to one commit


def test_one_version_everywhere():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output == f"handbook {VERSION}\n"
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(VERSION)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.MULTILINE)
    assert "MIT License" in (REPO / "LICENSE").read_text(encoding="utf-8")
    assert not (REPO / "setup.py").exists() and not (REPO / "MANIFEST.in").exists()  # pyproject.toml alone


@pytest.mark.slow
def test_the_wheel_and_sdist_carry_the_defaults_the_licence_and_the_locks(tmp_path):
    """`python3 tasks.py dist` (here into another folder) makes what a package index would take."""
    done = subprocess.run([sys.executable, str(REPO / "tasks.py"), "dist", "--directory", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    wheel = tmp_path / f"confidentiality_handbook-{VERSION}-py3-none-any.whl"
    sdist = tmp_path / f"confidentiality_handbook-{VERSION}.tar.gz"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"confidentiality_handbook-{VERSION}.dist-info/METADATA").decode()
    assert {"handbook/defaults/policy/1.1.md", "handbook/defaults/mkdocs.yml", "handbook/defaults/docs/index.md",
            "handbook/defaults/templates/documents/consent-form.html", "handbook/group/locks/requirements.lock",
            "handbook/group/locks/pip.lock", "checkers/quiz.yml", "handbook/browser/assets/startup.mjs",
            f"confidentiality_handbook-{VERSION}.dist-info/licenses/LICENSE"} <= names
    assert "Description-Content-Type: text/markdown" in metadata and "License-Expression: MIT" in metadata
    assert "Requires-Python: >=3.11" in metadata and "Classifier: Programming Language :: Python :: 3.13" in metadata
    with tarfile.open(sdist) as archive:
        inside = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml", "policy/1.1.md", "mkdocs.yml",
            "docs/index.md", "handbook/cli/__init__.py", "checkers/quiz.yml"} <= inside


def test_a_new_folder_leaves_unset_what_was_not_given_and_waits_for_the_trustees(tmp_path):
    from handbook.compile import compile_handbook
    from handbook.group import load_group

    result = CliRunner().invoke(main, ["new", str(tmp_path / "pantry"), "--name", "Llanelli Pantry",
                                       "--manager", "lead volunteer", "--no-input"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "pantry" / "group.yml").read_text(encoding="utf-8")
    assert "\nperson_with_authority:" not in text and "\n# person_with_authority:" in text
    group = load_group(tmp_path / "pantry" / "group.yml")
    assert group.person_with_authority == "lead volunteer" and group.team_leader == "team leader"
    assert group.short_name is None and group.versions[-1].approved is None
    compiled = compile_handbook(tmp_path / "pantry" / "group.yml", tmp_path / "out")
    assert any('no approved date, so every page and form says "not yet approved"' in note for note in compiled.warnings)
    assert "not yet approved" in compiled.settings["extra"]["handbook"]["stamp"]
    police = (compiled.docs / "policy" / "police.md").read_text(encoding="utf-8")
    assert "the manager (the person in authority)" not in police.lower()


def test_the_publishing_workflow_pins_its_actions_and_keeps_deploying_apart():
    workflow = yaml.safe_load((REPO / "handbook/group/new_folder/publish.yml").read_text(encoding="utf-8")
                              .replace("{{ '{{' }}", "{{").replace("{{ '}}' }}", "}}"))
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = [step["uses"] for job in (build, deploy) for step in job["steps"] if "uses" in step]
    assert uses and all(SHA.match(action) for action in uses), uses
    assert workflow["permissions"] == {"contents": "read"} and "permissions" not in build
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"} and deploy["needs"] == "build"
    checkout = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    python = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip"
    assert any("apt-get update" in step.get("run", "") for step in build["steps"])


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A new group's folder, copied clean, published by its workflow's own `run:` steps in order, in a fresh
    Python environment (no GitHub needed: `sudo` is this machine's root, `python` a new venv's)."""
    made = tmp_path_factory.mktemp("made") / "cafe"
    result = CliRunner().invoke(main, ["new", str(made), "--name", "Corner Advice Cafe", "--no-input"])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (made / "handbook-release").iterdir()) == [
        f"confidentiality_handbook-{VERSION}-py3-none-any.whl", "pip.lock", "requirements.lock"]
    folder = tmp_path_factory.mktemp("checkout") / "cafe"
    shutil.copytree(made, folder)
    tools = tmp_path_factory.mktemp("tools")
    subprocess.run([sys.executable, "-m", "venv", str(tools / "python")], check=True)
    (tools / "bin").mkdir()
    (tools / "bin" / "sudo").write_text('#!/bin/sh\nexec "$@"\n')
    (tools / "bin" / "sudo").chmod(0o755)
    env = {**os.environ, "PATH": f"{tools / 'bin'}:{tools / 'python' / 'bin'}:{os.environ['PATH']}",
           "DEBIAN_FRONTEND": "noninteractive"}
    env.pop("PYTHONPATH", None)
    workflow = yaml.safe_load((folder / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    for step in workflow["jobs"]["build"]["steps"]:
        if "run" in step:
            done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=folder, env=env, capture_output=True,
                                  text=True, timeout=900)
            assert done.returncode == 0, f"{step.get('name')}: {done.stdout[-2000:]}{done.stderr[-2000:]}"
    handbook = folder / ".venv" / "bin" / "handbook"
    assert subprocess.run([str(handbook), "--version"], capture_output=True, text=True).stdout == f"handbook {VERSION}\n"
    return folder / "public"


@pytest.mark.slow
def test_the_published_folder_shows_the_group_the_version_selector_and_a_checkers_answer(published, serve, page):
    base = serve(published)
    page.goto(base)
    wait_for(page, "() => /\\/(latest|1\\.1)\\/$/.test(location.pathname) && document.querySelector('.handbook-stamp') !== null")
    assert "Corner Advice Cafe" in page.title() + page.inner_text("body")
    assert "not yet approved" in page.inner_text(".handbook-stamp")
    wait_for(page, "() => document.querySelector('.md-version__current') !== null")
    page.goto(base + "latest/can-i-share/")
    wait_for(page, "() => document.querySelector('form[data-checker] [data-hb-actions]:not([hidden])') !== null")
    page.evaluate("""() => {
        const form = document.querySelector("form[data-checker]");
        for (const [name, value] of Object.entries({about: "service_user", requester: "police",
                                                    information: "contact_details", consent: "not_asked"})) {
          const input = form.querySelector(`input[name="${name}"][value="${value}"]`);
          input.checked = true;
          input.dispatchEvent(new Event("change", {bubbles: true}));
        }
    }""")
    page.click("form[data-checker] button[type=submit]")
    decision = wait_for(page, "() => document.querySelector('[data-hb-answer]').dataset.decision", timeout=120)
    assert decision == "pass_to_person_in_authority"


@pytest.mark.slow
def test_a_build_without_pango_makes_everything_but_the_pdfs_and_says_what_to_install(tmp_path):
    """WeasyPrint loads Pango when imported; where Pango is missing that import fails with an OSError."""
    fake = tmp_path / "no-pango" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0': "
                                      "libpango-1.0-0: cannot open shared object file\")\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(fake.parent), str(REPO)])}  # documents kept by format
    done = subprocess.run([sys.executable, "-c", "from handbook.cli import main; main()", "build",
                           "--site-dir", str(tmp_path / "site")], cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stdout.splitlines() if line.startswith("Warning: The PDF files were not made")]
    assert len(warnings) == 1 and "apt-get install libpango-1.0-0" in warnings[0]
    downloads = sorted(path.name for path in (tmp_path / "site" / "downloads").iterdir())
    assert downloads and all(name.endswith(".docx") for name in downloads) and "consent-form.docx" in downloads
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert ".pdf" not in home and "not in this copy of the handbook yet" in home


@pytest.mark.slow
def test_upgrade_puts_this_handbook_in_the_folder_and_rebuilds(tmp_path):
    folder = tmp_path / "cafe"
    assert CliRunner().invoke(main, ["new", str(folder), "--name", "Corner Advice Cafe", "--no-input"]).exit_code == 0
    release = folder / "handbook-release"
    for old in release.iterdir():
        old.unlink()
    (release / "confidentiality_handbook-0.1.0-py3-none-any.whl").write_bytes(b"an older handbook")
    (release / "requirements.lock").write_text("# an older lock\n")
    result = CliRunner().invoke(main, ["upgrade", "--config", str(folder / "group.yml")])
    assert result.exit_code == 0, result.output
    assert f"from handbook 0.1.0 to handbook {VERSION}" in result.output
    wheel = release / f"confidentiality_handbook-{VERSION}-py3-none-any.whl"
    assert sorted(path.name for path in release.iterdir()) == [wheel.name, "pip.lock", "requirements.lock"]
    lock = (release / "requirements.lock").read_text(encoding="utf-8")
    assert lock.rstrip().endswith(f"--hash=sha256:{hashlib.sha256(wheel.read_bytes()).hexdigest()}")
    assert f"./handbook-release/{wheel.name}" in lock and "\nmkdocs==" in lock
    assert "Corner Advice Cafe" in (folder / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_an_installed_handbook_puts_its_own_wheel_in_a_new_folder(published, tmp_path):
    """Installed from its wheel (no working copy to build from), the handbook writes the same files back."""
    folder = published.parent
    done = subprocess.run([str(folder / ".venv" / "bin" / "handbook"), "new", str(tmp_path / "other"), "--name",
                           "Other Group", "--no-input"], capture_output=True, text=True, env={
                               key: value for key, value in os.environ.items() if key != "PYTHONPATH"})
    assert done.returncode == 0, done.stderr
    name = f"confidentiality_handbook-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(folder / "handbook-release" / name) as first, \
            zipfile.ZipFile(tmp_path / "other" / "handbook-release" / name) as again:
        assert sorted(first.namelist()) == sorted(again.namelist())
        assert [n for n in first.namelist() if not n.endswith("RECORD") and first.read(n) != again.read(n)] == []
        assert {info.compress_type for info in again.infolist()} == {zipfile.ZIP_DEFLATED}  # as small as the first
