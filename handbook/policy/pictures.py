"""Pictures in a group's policy text: `![Our logo](logo.png)`, the file in policy/ beside the text.

Each picture the text names is read through the one reader (a file of the folder, no link out, at most
PICTURE_LIMIT bytes), opened as the picture its name says (as the logo is), and copied into the site's
FOLDER; the text then points at it from the site's root, which the generator turns into an address
relative to each page (MkDocs: `validation.links.absolute_links: relative_to_docs`). The PDFs leave
pictures out (documents/pdf_writer.py).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import HandbookError
from ..folders import Folders
from ..group.brand import LOGO_FORMATS, check_picture
from ..untrusted import read_bytes

FOLDER = "policy-pictures"  # in the site: docs/policy-pictures/logo.png
PICTURE_LIMIT = 1024 * 1024
_PICTURE = re.compile(r"(!\[[^\]]*\]\(\s*)([^)\s<>]+)")


def picture_names(markdown: str) -> list[str]:
    """The file names of the pictures a text shows, in order, once each."""
    return list(dict.fromkeys(found[2] for found in _PICTURE.finditer(markdown)))


def from_root(markdown: str) -> str:
    """The text with each picture's address as the site has it: `logo.png` -> `/policy-pictures/logo.png`."""
    return _PICTURE.sub(lambda found: f"{found[1]}/{FOLDER}/{found[2]}", markdown)


def copy_pictures(source: str, text_file: Path, folders: Folders, docs: Path) -> None:
    """Every picture the policy text shows, checked, into docs/FOLDER/; one HandbookError for the first wrong."""
    for name in picture_names(source):
        suffix = Path(name).suffix.lower()
        if "/" in name or suffix not in LOGO_FORMATS:
            raise HandbookError(f"{text_file}: the picture {name!r} must be a file in the same folder, ending in "
                                f"{', '.join(LOGO_FORMATS)}.")
        data = read_bytes(text_file.parent / name, limit=PICTURE_LIMIT, what="picture", inside=folders.home(text_file))
        try:
            check_picture(data, suffix)
        except ValueError as error:
            raise HandbookError(f"{text_file.parent / name}: {error}.") from None
        (docs / FOLDER).mkdir(parents=True, exist_ok=True)
        (docs / FOLDER / name).write_bytes(data)
