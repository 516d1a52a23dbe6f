"""A group's own words for a section: `my-sections/<section>.yml` beside group.yml.

    in_short: add        # add: your points come after the handbook's; replace: yours instead
    points:
      - Ask the coordinator for the key to the filing cabinet.
    paragraph: Text shown under the official wording, headed "At <your group>".
    replaces:            # with `replace`: the handbook's points you replaced, as they were

`replaces` lets a build warn, naming the file, when a newer handbook changes the points the group
replaced: the group's words survive the upgrade, and the coordinator is told to look again.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, ValidationError

from ..errors import HandbookError
from ..folders import OWN_SECTIONS
from ..yaml_input import read_yaml
from .errors import describe
from .schema import Strict, _plain, text_of

FOLDER = OWN_SECTIONS


def _paragraphs(value: str) -> str:
    for line in value.splitlines():
        _plain(line)
    return value


class SectionOverride(Strict):
    in_short: Literal["add", "replace"] = "add"
    points: Annotated[list[text_of(300)], Field(max_length=10)] = []
    paragraph: Annotated[str, StringConstraints(strip_whitespace=True, max_length=3000),
                         AfterValidator(_paragraphs)] = ""
    replaces: list[str] = []


def load_overrides(group_dir: Path, sections: list[str]) -> dict[str, SectionOverride]:
    """Section page stem ("police") -> the group's override, for every file in my-sections/."""
    folder = Path(group_dir) / FOLDER
    found: dict[str, SectionOverride] = {}
    for path in sorted(folder.glob("*")) if folder.is_dir() else ():
        shown = Path(FOLDER) / path.name
        if path.suffix not in (".yml", ".yaml"):
            raise HandbookError(f"{shown}: only .yml files belong in {FOLDER}/, one per section.")
        if path.stem not in sections:
            raise HandbookError(f"{shown}: there is no section called {path.stem!r}. "
                                f"Name the file after one of: {', '.join(sections)}.")
        document = read_yaml(path, limit=64 * 1024, what="section file", inside=group_dir)
        try:
            found[path.stem] = SectionOverride.model_validate(document.data or {})
        except ValidationError as error:
            raise HandbookError(describe(shown, error, document, SectionOverride)) from None
    return found
