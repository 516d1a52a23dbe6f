"""What changed between policy versions: the clause diff, the changed answers (checked against the
committed answers tables), the "What changed" page and `handbook diff`. No site is built here."""
from __future__ import annotations

import html
import json
import re

import pytest
from click.testing import CliRunner

import checkers
from handbook.cli import main
from handbook.errors import HandbookError
from handbook.folders import Folders
from handbook.group import load_group
from handbook.pages.what_changed import diff_markdown, render_what_changed
from handbook.policy import text_changes as changes
from handbook.policy.text_changes import ADDED, REMOVED, SAME
from handbook.answers.answer_changes import answer_changes
from handbook.site.publish import export

from helpers import REPO
from helpers.rules import changed_in_tables

GROUP = load_group(REPO / "group.yml")
HOSTILE = load_group(REPO / "tests" / "groups" / "hostile.yml")


def test_the_clause_diff_shows_the_changes_to_clauses_4_and_7_and_no_others():
    found = changes.clause_changes(Folders(REPO), GROUP, "1.0", "1.1")
    assert [c.id for c in found if c.status != "unchanged"] == ["4", "7"]
    assert len(found) == 19
    four, seven = (next(c for c in found if c.id == cid) for cid in ("4", "7"))
    assert [kind for kind, _ in four.pieces] == [SAME, ADDED]
    assert "must name each organisation" in four.pieces[1][1]
    assert four.note == "Consent must name each organisation we share with."
    assert [kind for kind, _ in seven.pieces] == [SAME, ADDED]
    assert "within 72 hours" in seven.pieces[1][1] and "breach log" in seven.pieces[1][1]
    assert "Riverside Community Food Bank" in seven.old and "{{" not in seven.old  # the group's words


def test_the_word_diff_marks_removed_and_added_words_and_keeps_paragraphs():
    assert changes.word_diff("Tell the manager today.", "Tell the coordinator today.") == (
        (SAME, "Tell the "), (REMOVED, "manager "), (ADDED, "coordinator "), (SAME, "today. "))
    pieces = changes.word_diff("One.\n\nTwo.", "One.\n\nNew.\n\nTwo.")
    assert pieces == ((SAME, "One. \n\n"), (ADDED, "New. \n\n"), (SAME, "Two. "))


def test_the_diff_never_rests_on_colour_alone():
    rendered = diff_markdown([(SAME, "Ask them "), (REMOVED, "today "), (ADDED, "now ")])
    assert rendered == ('Ask them <del><span class="hb-sr">Removed: </span>today<span class="hb-sr"> (end)</span>'
                        '</del> <ins><span class="hb-sr">Added: </span>now<span class="hb-sr"> (end)</span></ins>')


def test_link_syntax_in_a_groups_values_never_becomes_a_link_on_the_changes_page():
    """The words compared are the clause text with every value already escaped, so nothing typed in
    group.yml can turn into a link (`javascript:` included) when the diff is shown."""
    sly = GROUP.model_copy(update={"name": "[Click me](javascript:alert(1))",
                                   "manager": "[boss](https://elsewhere.example)"})
    page = render_what_changed(sly, "1.1", Folders(REPO))
    assert "](javascript" not in page and "](https://elsewhere" not in page
    assert "&#91;Click me&#93;&#40;javascript:alert&#40;1&#41;&#41;" in page


def test_answer_changes_are_exactly_the_combinations_whose_committed_outcome_differs():
    expected = changed_in_tables("1.0", "1.1")
    found = answer_changes("1.0", "1.1")
    for checker_id in checkers.CHECKERS:
        assert {c.key for c in found if c.checker == checker_id} == expected.get(checker_id, set())
    assert all(c.old != c.new for c in found)
    assert any(c.old.decision != c.new.decision for c in found)  # some decisions change, not only actions


def page_combinations(markdown: str) -> dict[str, set[str]]:
    """The combinations listed in each checker's table of the page."""
    found = {}
    titles = {module.TITLE: checker_id for checker_id, module in checkers.CHECKERS.items()}
    for section in markdown.split("\n### ")[1:]:
        title = section.split("\n", 1)[0]
        if title in titles:
            keys = re.findall(r'data-combination="([^"]*)"', section)
            found[titles[title]] = {html.unescape(key) for key in keys}
            assert len(keys) == len(found[titles[title]]), "a combination is listed twice"
    return {checker_id: keys for checker_id, keys in found.items() if keys}


def test_the_changes_page_lists_exactly_the_combinations_whose_outcome_differs():
    page = render_what_changed(GROUP, "1.1", Folders(REPO))
    assert page.startswith("# What changed in version 1.1\n")
    assert page_combinations(page) == changed_in_tables("1.0", "1.1")
    assert "Example revision: consent must name each organisation" in page  # the example says it is one
    assert "[4](policy/information-sharing.md#clause-4), [7](policy/breaking-confidentiality.md#clause-7)" in page
    assert "### Clause 4: Information sharing" in page and "### Clause 7:" in page
    assert "### Clause 1:" not in page


def test_the_first_versions_page_says_it_is_the_first():
    page = render_what_changed(GROUP, "1.0", Folders(REPO))
    assert "This is the first version of the policy in this handbook" in page
    assert "data-combination" not in page


def test_the_changes_page_escapes_the_groups_words():
    page = render_what_changed(HOSTILE, "1.1", Folders(REPO))
    assert "<adopted>" not in page and "{{" not in page and "{%" not in page
    assert 'Second &amp; "improved"' not in page  # escaped once, as entities, by render.text
    assert "Second &#38; &#34;improved&#34;" in page


def test_a_text_only_version_keeps_the_rules_and_says_so(tmp_path):
    (tmp_path / "policy").mkdir()
    for version in ("1.1", "1.2"):
        text = (REPO / "policy" / "1.1.md").read_text(encoding="utf-8")
        if version == "1.2":
            text = text.replace("Any break in confidentiality", "Any breach of confidentiality")
        (tmp_path / "policy" / f"{version}.md").write_text(text, encoding="utf-8")
    group = GROUP.model_copy(update={"versions": [*GROUP.versions, GROUP.versions[-1].model_copy(
        update={"version": "1.2", "summary": "Wording only."})]})
    page = render_what_changed(group, "1.2", Folders(tmp_path))
    assert "1 of 19 clauses changed: [7]" in page
    assert "<del><span class=\"hb-sr\">Removed: </span>break in<span" in page
    assert "the rules did not change" in page


def test_handbook_diff_prints_the_clause_and_answer_changes():
    result = CliRunner().invoke(main, ["diff", "1.0", "1.1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "What changed from version 1.0 to version 1.1"
    assert "Clauses changed: 2 (4, 7)" in lines
    assert "Clause 4 Information sharing (changed)" in lines
    assert ("    {+Every breach, and every near miss, is written in the breach log. If personal data is"
            " involved,") in lines
    expected = changed_in_tables("1.0", "1.1")
    assert f"Answers changed: {sum(map(len, expected.values()))}" in lines
    for checker_id, keys in expected.items():
        assert f"{checker_id}: {len(keys)} combinations" in lines
        assert {line.strip() for line in lines if line.startswith(f"  {next(iter(keys)).split('=')[0]}=")} == keys
    some = next(iter(expected["sharing"]))
    at = lines.index(f"  {some}")
    assert lines[at + 1].startswith("    1.0: ") and lines[at + 2].startswith("    1.1: ")


def test_handbook_diff_json_and_errors():
    result = CliRunner().invoke(main, ["diff", "1.0", "1.1", "--json"])
    data = json.loads(result.output)
    assert [c["id"] for c in data["clauses"]] == ["4", "7"]
    assert {(a["checker"], a["old"]["decision"], a["new"]["decision"]) for a in data["answers"]} >= {
        ("sharing", "share", "get_consent")}
    result = CliRunner().invoke(main, ["diff", "1.0", "2.0"])
    assert result.exit_code == 1
    assert "There is no policy version '2.0' in the group file. Known versions: 1.0, 1.1." in result.output


def test_export_refuses_a_folder_holding_files_it_did_not_write(tmp_path):
    """Even one that looks like an earlier export (versions.json, index.html) but has no marker."""
    (tmp_path / "notes.txt").write_text("mine")
    for name in ("versions.json", "index.html"):
        (tmp_path / name).write_text("{}")
    (tmp_path / ".git").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(HandbookError, match="already holds files that the handbook did not write"):
        export(tmp_path, group_file=REPO / "group.yml")
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_export_refuses_a_folder_inside_the_pages_sources():
    with pytest.raises(HandbookError, match="which the build reads: choose a folder outside it"):
        export(REPO / "docs" / "public", group_file=REPO / "group.yml")
    assert not (REPO / "docs" / "public").exists()
