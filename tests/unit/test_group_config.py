"""A mistake in the group file stops the build with one clear message, and leaves the old site alone."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from handbook.site import swap
from handbook.templating import render_page
from handbook.cli import main
from handbook.errors import HandbookError

from helpers import REPO

GOOD = (REPO / "group.yml").read_text(encoding="utf-8")

BAD_CONFIGS = {
    "empty": ("", "bad.yml: the file is empty. It needs at least `name:` and `versions:`."),
    "not yaml": ("name: [unclosed\n", "bad.yml, line 2: this is not valid YAML"),
    "not a mapping": ("- just\n- a list\n", "bad.yml, line 1: expected `key: value` lines, like `name: Riverside Food Bank`."),
    "missing name": (GOOD.replace("name: Riverside Community Food Bank", "#"),
                     "bad.yml: the key 'name' is missing, and it is required."),
    "wrong type": (GOOD.replace("keeps_case_files: true", "keeps_case_files: sometimes"),
                   "keeps_case_files: expected true or false; received 'sometimes'."),
    "unknown key": (GOOD.replace("short_name:", "shortname:"),
                    "unknown key 'shortname'. Did you mean 'short_name'? Allowed here: name, short_name,"),
    "nested unknown key": (GOOD.replace("  phone:", "  telephone:"),
                           "unknown key 'contact.telephone'. Did you mean 'phone'?"),
    "not a date": (GOOD.replace("approved: 2025-03-12", "approved: last spring"),
                   "versions[1].approved: expected a date like 2026-03-31; received 'last spring'."),
    "review before approval": (GOOD.replace("review_due: 2026-03-12", "review_due: 2024-03-12"),
                               "versions[1]: review_due (2024-03-12) must be after approved (2025-03-12)."),
    "reused version number": (GOOD.replace('version: "1.1"', 'version: "1.0"'),
                              "versions: version 1.0 must be higher than the version before it (1.0)"),
    "version older than the latest": (GOOD.replace("approved: 2026-03-10", "approved: 2024-03-10").replace(
        "review_due: 2027-03-10", "review_due: 2025-03-10"),
        "versions: version 1.1 is approved on 2024-03-10, before version 1.0 (2025-03-12)"),
}


@pytest.mark.parametrize("case", BAD_CONFIGS)
def test_a_bad_group_file_gives_one_clear_message_and_no_half_written_site(case, tmp_path):
    content, message = BAD_CONFIGS[case]
    (tmp_path / "bad.yml").write_text(content, encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the old site")
    (site / swap.MARKER).write_text("written by an earlier build")
    result = CliRunner().invoke(main, ["build", "--config", str(tmp_path / "bad.yml"), "--site-dir", str(site)],
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert (site / "index.html").read_text() == "the old site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yml", "site"]
    assert sorted(p.name for p in site.iterdir()) == [swap.MARKER, "index.html"]


def test_a_missing_group_file_is_named(tmp_path):
    result = CliRunner().invoke(main, ["build", "--config", str(tmp_path / "nope.yml")])
    assert result.exit_code == 1
    assert "nope.yml: the group file does not exist." in result.output


def test_an_unknown_policy_version_is_named():
    result = CliRunner().invoke(main, ["build", "--policy-version", "9.9", "--site-dir", "/nonexistent/x"])
    assert result.exit_code == 1
    assert "There is no policy version '9.9' in the group file. Known versions: 1.0, 1.1." in result.output


def test_a_page_using_an_unknown_value_names_the_page_and_line():
    from handbook.group import load_group

    with pytest.raises(HandbookError) as raised:
        render_page("# Hi\n\nWelcome to {{ group.nmae }}.\n", "docs/index.md", {"group": load_group(REPO / "group.yml")})
    assert str(raised.value) == ("docs/index.md, line 3: unknown value (group has no value 'nmae'). Check the spelling, "
                                 "or add it to group.yml.")
