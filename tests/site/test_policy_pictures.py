"""A picture in a group's policy text shows in the pages, from the site itself; one that is not a picture of
the folder is refused in one sentence; the PDFs leave pictures out (tests/unit/test_documents_pictures.py)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from handbook.compile import compile_handbook
from handbook.errors import HandbookError
from handbook.site.build import build as build_site

from helpers import REPO
from helpers.chromium import outside_requests
from helpers.hostile import policy_with


def group_with_picture(folder: Path, picture: str = "logo.png") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "group.yml", folder / "group.yml")
    (folder / "policy").mkdir(exist_ok=True)
    (folder / "policy" / "1.1.md").write_text(policy_with(f"\n\n![Our logo]({picture})\n\n"), encoding="utf-8")
    return folder / "group.yml"


@pytest.fixture(scope="module")
def picture_site(tmp_path_factory):
    group_file = group_with_picture(tmp_path_factory.mktemp("pictures") / "group")
    Image.new("RGB", (240, 80), "#0b5394").save(group_file.parent / "policy" / "logo.png")
    return build_site(group_file, site_dir=group_file.parent.parent / "site")


@pytest.mark.parametrize("path", ["policy/introduction/", "changes/"])
def test_a_picture_in_policy_text_shows_in_the_pages(picture_site, serve, page, path):
    base = serve(picture_site, "1.1/")
    page.goto(base + path, wait_until="load")
    width = page.evaluate("document.querySelector('img[alt=\"Our logo\"]').naturalWidth")
    assert width == 240
    assert outside_requests(page, base) == []


@pytest.mark.parametrize("content, said", [
    (None, "policy/logo.png: the picture does not exist"),
    (b"just text, named like a picture", "policy/logo.png: the file is not a PNG picture"),
    (Path("/dev/zero"), "policy/logo.png: the picture is a link to a place outside"),
    (b"x" * (1024 * 1024 + 1), "policy/logo.png: the picture is 1,048,577 bytes; at most 1,048,576"),
])
def test_a_picture_that_is_not_a_picture_of_the_folder_is_refused(tmp_path, content, said):
    group_file = group_with_picture(tmp_path / "group")
    picture = group_file.parent / "policy" / "logo.png"
    if isinstance(content, bytes):
        picture.write_bytes(content)
    elif content:
        picture.symlink_to(content)
    with pytest.raises(HandbookError) as raised:
        compile_handbook(group_file, tmp_path / "out")
    assert said in str(raised.value)


def test_a_picture_of_another_kind_or_folder_is_refused(tmp_path):
    for name in ("logo.svg", "../logo.png"):
        with pytest.raises(HandbookError, match=r"1\.1\.md: the picture .* must be a file in the same folder"):
            compile_handbook(group_with_picture(tmp_path / "group", name), tmp_path / "out")
