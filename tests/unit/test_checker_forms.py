"""The checker forms' HTML, the site's runtime files and the pinned runtime, without a browser."""
from __future__ import annotations

import json
from html import unescape
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

import checkers
from handbook.browser import bridge, runtime
from handbook.browser import bundle as browser_assets
from handbook.errors import HandbookError
from handbook.pages.checker_form import render_checker
from handbook.pages.links import Links

GROUP = {"name": "Zoë's \"Safe & Sound\" <Drop-in>", "short_name": "Safe & Sound", "manager": "manager",
         "team_leader": "team leader", "senior_volunteer": "senior volunteer",
         "person_with_authority": "coordinator"}


class Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inputs, self.fieldsets = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input":
            self.inputs.append(attrs)
        if tag == "fieldset":
            self.fieldsets.append(attrs)


def parse(html: str) -> Inputs:
    parser = Inputs()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_form_follows_the_page_contract(checker_id):
    module = checkers.CHECKERS[checker_id]
    parsed = parse(render_checker(checker_id, group=GROUP, version="1.1", links=Links("can-i-share.md")))
    for question in module.QUESTIONS:
        inputs = [i for i in parsed.inputs if i["name"] == question.id]
        assert [i["value"] for i in inputs] == list(question.option_ids())
        assert {i["type"] for i in inputs} == {"checkbox" if question.multi else "radio"}
    assert [f["data-question"] for f in parsed.fieldsets] == [q.id for q in module.QUESTIONS]
    for fieldset, question in zip(parsed.fieldsets, module.QUESTIONS):
        assert json.loads(fieldset["data-when"]) == {k: list(v) for k, v in question.when.items()}
        assert ("hidden" in fieldset) == bool(question.when)  # nothing answered: conditional ones hidden


def test_form_is_one_raw_html_block_that_markdown_leaves_alone():
    html = render_checker("sharing", group=GROUP, version="1.1", links=Links("can-i-share.md"))
    assert "\n\n" not in html and not re.search(r"^\s", html, re.MULTILINE)
    page = markdown.markdown(f"# Title\n\nText *before*.\n\n{html}\nText *after*.\n", extensions=["md_in_html"])
    assert html.strip() in page
    assert 'href="../all-answers/sharing/"' in html
    assert '../policy/police/#clause-8' in unescape(html)  # data attributes: from the page as the browser sees it


def test_addresses_in_raw_html_follow_the_generator():
    """MkDocs reads raw HTML addresses from the page's output folder, Zensical from its source folder."""
    for style, link in (("output", 'href="../../all-answers/sharing/"'), ("source", 'href="../all-answers/sharing/"')):
        html = render_checker("sharing", links=Links("policy/police.md", style))
        assert link in html and '../../policy/police/#clause-8' in unescape(html)


def test_preset_is_checked_and_routes_the_form():
    parsed = parse(render_checker("sharing", preset={"requester": "police"}, links=Links("index.md")))
    chosen = [(i["name"], i["value"]) for i in parsed.inputs if "checked" in i]
    assert chosen == [("requester", "police")]


@pytest.mark.parametrize("preset, message", [
    ({"asker": "police"}, "checker 'sharing' has no question 'asker' to preset; expected one of: about, "),
    ({"requester": "sheriff"}, "preset requester: 'sheriff' is not an option of checker 'sharing'; expected one of: "),
])
def test_a_wrong_preset_is_a_clear_error(preset, message):
    with pytest.raises(HandbookError) as error:
        render_checker("sharing", preset=preset, links=Links("index.md"))
    assert str(error.value).startswith(message)


def test_an_unknown_checker_is_a_clear_error():
    with pytest.raises(HandbookError, match=r"unknown checker 'share'; expected one of: breach, concern, sharing"):
        render_checker("share", links=Links("index.md"))


def test_group_words_are_escaped_in_the_form():
    html = render_checker("sharing", group=GROUP, links=Links("index.md"))
    shown = re.search(r'<span data-label="group">([^<]*)</span>', html).group(1)
    assert __import__("html").unescape(shown) == GROUP["name"]
    assert "<Drop-in>" not in html


def test_the_bridge_answers_as_the_checker_does():
    answers = {"about": "service_user", "requester": "police", "information": "case_details", "circumstances": []}
    reply = json.loads(bridge.decide("sharing", json.dumps(answers), json.dumps(GROUP), "1.1"))
    expected = checkers.CHECKERS["sharing"].decide(answers, group=GROUP, version="1.1")
    assert reply == {"ok": True, "result": json.loads(json.dumps(expected.as_dict()))}
    missing = json.loads(bridge.decide("sharing", "{}", "null", None))
    assert missing["ok"] is False and "Missing answer to 'about'" in missing["message"]


@pytest.mark.slow  # writes the runtime and compiles the checkers with Pyodide in Node.js
def test_site_gets_the_runtime_the_checkers_and_a_trimmed_stdlib(tmp_path):
    browser_assets.write_browser_assets(tmp_path, group=GROUP, version="1.1")
    pyodide = tmp_path / "assets" / "pyodide"
    assert sorted(p.name for p in pyodide.iterdir()) == [
        "pyodide-lock.json", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs",
        "python_stdlib-full.zip", "python_stdlib.zip"]
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):
        assert runtime.sha256(pyodide / name) == runtime.PYODIDE.files[name]
    assert json.loads((pyodide / "pyodide-lock.json").read_text())["packages"] == {}
    trimmed = set(zipfile.ZipFile(pyodide / "python_stdlib.zip").namelist())
    full = set(zipfile.ZipFile(pyodide / "python_stdlib-full.zip").namelist())
    assert all(name.endswith(".pyc") for name in trimmed)  # bytecode: Python starts without compiling
    assert {name[:-1] for name in trimmed} < full
    assert {"json/__init__.pyc", "dataclasses.pyc", "typing.pyc", "_pyodide/__init__.pyc"} <= trimmed
    assert (pyodide / "python_stdlib.zip").stat().st_size < (pyodide / "python_stdlib-full.zip").stat().st_size * 0.6
    bundle = json.loads((tmp_path / "assets" / "checkers" / "bundle.json").read_text())
    assert bundle["group"] == GROUP and bundle["version"] == "1.1"
    assert bundle["bridge"] == (Path(bridge.__file__)).read_text(encoding="utf-8")
    assert bundle["checkers"] == runtime.CHECKERS_IN_BROWSER
    compiled = zipfile.ZipFile(tmp_path / "assets" / "checkers" / "checkers.pyc.zip")
    assert sorted(compiled.namelist()) == sorted(f"{path}c" for path in browser_assets.checker_sources())
    assert {"checkers/__init__.pyc", "checkers/sharing/rules.pyc", "checkers/breach/rules.pyc"} <= set(compiled.namelist())
    magic = zipfile.ZipFile(pyodide / "python_stdlib.zip").read("typing.pyc")[:4]
    for name in compiled.namelist():  # Pyodide's own Python's bytecode, valid whatever the files' dates (PEP 552)
        pyc = compiled.read(name)
        assert pyc[:4] == magic and int.from_bytes(pyc[4:8], "little") == 0b01, name
    assert isinstance(bundle["snapshot"], str), "no memory snapshot was made"
    assert sorted(p.name for p in (tmp_path / "assets" / "checkers").iterdir()) == sorted([
        "bundle.json", "checker.css", "checker.js", "checkers.pyc.zip", bundle["snapshot"], "quiz.css", "quiz.js",
        "startup.mjs", "worker.js", *(f"first-answers-{checker_id}.json" for checker_id in checkers.CHECKERS)])
    held = json.loads((tmp_path / "assets" / "checkers" / "first-answers-sharing.json").read_text())
    assert held["version"] == "1.1" and any(GROUP["short_name"] in text for text in held["strings"])


def test_the_trimmed_stdlib_follows_what_the_checkers_import():
    full = runtime.pyodide_files()["python_stdlib.zip"]
    data = browser_assets.trimmed_stdlib(full, ["import fractions\nfrom email import message_from_string\n"])
    names = set(zipfile.ZipFile(__import__("io").BytesIO(data)).namelist())
    assert {"fractions.py", "numbers.py", "email/__init__.py"} <= names


def test_missing_runtime_says_what_to_run(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path))
    with pytest.raises(HandbookError) as error:
        browser_assets.write_browser_assets(tmp_path / "site", group=None, version=None)
    assert str(error.value) == (
        f"pyodide@314.0.7 is missing from {tmp_path / 'pyodide-314.0.7'} (pyodide.mjs). "
        "Fetch it with `python -m handbook.browser.runtime fetch` (`handbook build` does this when it can).")


def test_an_altered_runtime_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path))
    folder = tmp_path / "axe-core-4.14.1"
    folder.mkdir()
    (folder / "axe.min.js").write_text("/* not axe */")
    with pytest.raises(HandbookError, match=r"does not match the pinned sha256 of axe-core@4.14.1; the cache "
                                            r"is damaged or was edited\. Delete .*, then: Fetch it with"):
        runtime.axe_path()


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("HANDBOOK_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert runtime.cache_dir() == tmp_path / "confidentiality-handbook"
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path / "x"))
    assert runtime.cache_dir() == tmp_path / "x"
