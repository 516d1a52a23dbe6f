"""Build step: the handbook's defaults go into the wheel as handbook/defaults/.

The repository's top-level docs/, policy/, templates/, overrides/ and mkdocs.yml stay where they
are (the repository root is the example group's folder) and are copied into the package when it
is built, so an installed handbook builds any group's folder; see handbook/folders.py. The rest
of the project's settings are in pyproject.toml.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DEFAULTS = ("docs", "policy", "templates", "overrides", "mkdocs.yml")


class BuildWithDefaults(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "handbook" / "defaults"
        for name in DEFAULTS:
            source = Path(name)
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True)
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)


setup(cmdclass={"build_py": BuildWithDefaults})
