"""Where a build reads from: the group's own folder first, then the handbook's defaults.

A group's folder holds group.yml and, only if it wants them, its own policy versions
(policy/<version>.md), document wording (my-templates/documents/), quiz situations (my-quiz.yml)
and overrides. Everything else comes from the handbook itself: its pages (docs/), policy versions,
document templates, quiz (checkers/quiz.yml), theme overrides and site settings (mkdocs.yml).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import checkers


# The handbook's own docs/, policy/, templates/, overrides/ and mkdocs.yml: inside the installed package
# (the wheel carries them: pyproject.toml's force-include), or, in a working copy, at the top of the repository.
_PACKAGED = Path(__file__).resolve().parent / "defaults"
DEFAULTS = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parent.parent
QUIZ = Path(checkers.__file__).resolve().parent / "quiz.yml"  # the induction quiz's situations, beside the rules
OWN_QUIZ = "my-quiz.yml"  # a group's trainers' own situations, beside group.yml, added to those
OWN_SECTIONS = "my-sections"  # a group's own "In short" points or paragraph for a section (group/overrides.py)
OWN_FOLDERS = ("policy", OWN_SECTIONS, "my-templates", "overrides")  # the folders a group may add beside group.yml
VERSION_TEXT = re.compile(r"\d+(?:\.\d+)*\.md")  # what is read from policy/: not an editor's .1.1.md.swp or 1.1.md~


@dataclass(frozen=True)
class Folders:
    group_dir: Path
    defaults: Path = DEFAULTS

    def find(self, relative: str) -> Path | None:
        """The group's own copy of a file if it has one (a broken link too: reading it says so), else the
        handbook's; None if neither exists."""
        for base in (self.group_dir, self.defaults):
            if os.path.lexists(base / relative):
                return base / relative
        return None

    def home(self, path: Path) -> Path:
        """The folder a file `find` gave belongs to, which it must not lead out of (untrusted.py)."""
        return self.group_dir if Path(path).is_relative_to(self.group_dir) else self.defaults

    def document_templates(self) -> list[Path]:
        """Where document templates are looked up, first match wins."""
        own = self.group_dir / "my-templates" / "documents"
        return [path for path in (own, self.defaults / "templates" / "documents") if path.is_dir()]

    def watched(self, group_file: Path) -> list[Path]:
        """What a preview watches: the group file, the group's own sources (its folders, and the files beside
        group.yml such as my-quiz.yml and a logo), and the defaults a build reads."""
        beside = [path for path in self.group_dir.iterdir() if path.is_file() and not path.name.startswith(".")]
        found = [group_file, *beside] + [self.group_dir / name for name in OWN_FOLDERS]
        found += [self.defaults / name for name in ("docs", "policy", "templates", "overrides", "mkdocs.yml")] + [QUIZ]
        return list(dict.fromkeys(path.resolve() for path in found if path.exists()))
