"""Hostile and right-to-left values shown exactly as written everywhere (pages, the checkers' answers in the
browser, Word, PDF), and a right-to-left value never pulls the words after it out of order."""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
import pypdf
import pytest

import checkers
from handbook.documents import model, render_documents
from handbook.documents.pdf_writer import write_pdf
from handbook.documents.stamp import Stamp
from handbook.folders import Folders
from handbook.group import load_group
from handbook.templating import FSI, PDI, isolate, text

from helpers import GROUPS, REPO
from helpers.chromium import wait_for
from helpers.checker_page import answer_on_screen, enter
from helpers.sites import visible_text

HOSTILE = load_group(GROUPS / "hostile.yml")
HEBREW, ARABIC = "עמותת לב חם", "مركز الجالية العربية 2"
RIGHT_TO_LEFT = re.compile(r"[\u0590-\u06ff]")


def test_only_right_to_left_values_are_isolated_and_only_once():
    assert isolate("Riverside Food Bank") == "Riverside Food Bank"
    assert isolate(HEBREW) == f"{FSI}{HEBREW}{PDI}"
    assert isolate(isolate(ARABIC)) == f"{FSI}{ARABIC}{PDI}"
    assert isolate("Citizens Advice \u0661\u0662") == "\u2068Citizens Advice \u0661\u0662\u2069"  # Arabic digits
    assert str(text(f"{HEBREW} <b>")) == f"{FSI}{HEBREW} &#60;b&#62;{PDI}"


def test_the_hostile_group_has_right_to_left_values():
    assert HEBREW in HOSTILE.partner_agencies and ARABIC in HOSTILE.partner_agencies
    assert RIGHT_TO_LEFT.search(HOSTILE.contact.address)


def test_pages_show_right_to_left_agencies_isolated(build):
    site = build(GROUPS / "hostile.yml")
    page = site / "policy" / "internal-confidentiality" / "index.html"
    shown = visible_text(page)
    for agency in (HEBREW, ARABIC):
        assert f"{FSI}{agency}{PDI}" in shown
    for agency in HOSTILE.partner_agencies:
        assert agency in shown  # exactly as written, whatever its characters


@pytest.fixture(scope="module")
def hostile_documents():
    return render_documents(HOSTILE, HOSTILE.version(), folders=Folders(REPO))


def test_word_shows_right_to_left_agencies_whole_and_isolated(hostile_documents):
    document = docx.Document(io.BytesIO(hostile_documents["consent-form.docx"]))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for agency in HOSTILE.partner_agencies:
        assert isolate(agency) in cells


@pytest.mark.parametrize("name", ["\ufe70", "ب", "Food bank ب"])
def test_word_shows_a_right_to_left_group_name_isolated_above_the_title(name):
    """Found by test_any_name_survives_intact_in_the_word_file: the name above the title was not isolated."""
    group = load_group(REPO / "group.yml")
    changed = group.model_copy(update={"name": name})
    files = render_documents(changed, changed.version(), folders=Folders(REPO), formats=("docx",), only=("consent-form",))
    assert docx.Document(io.BytesIO(files["consent-form.docx"])).paragraphs[0].text == f"{FSI}{name}{PDI}"


def test_pdf_shows_right_to_left_agencies(hostile_documents):
    printed = "\n".join(page.extract_text() for page in pypdf.PdfReader(
        io.BytesIO(hostile_documents["consent-form.pdf"])).pages)
    assert HEBREW in printed
    # A PDF holds glyphs in the order they are seen: the number that ends an Arabic name shows at its left.
    assert "2 مركز الجالية العربية" in " ".join(printed.split())


def order_in_pdf(value: str) -> str:
    document = model.Document("Order", (model.Para((model.Run(f"Agencies: {value} 3 more."),)),))
    data = write_pdf(document, Stamp("Group", "1.1", "approved 10 March 2026", dt.date(2026, 3, 10)))
    line = next(line for line in pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text().splitlines()
                if line.startswith("Agencies:"))
    return " ".join(line.split())


@pytest.mark.parametrize("value", [HEBREW, ARABIC])
def test_in_a_pdf_the_words_after_a_right_to_left_value_stay_after_it(value):
    assert re.search(r"[\u0590-\u06ff] ?3 more\.$", order_in_pdf(isolate(value)))
    assert order_in_pdf(value).startswith("Agencies: 3 "), "without the isolate the 3 jumps before the value"


def test_a_group_template_isolates_values_in_word_and_pdf(tmp_path):
    (tmp_path / "group.yml").write_bytes((GROUPS / "hostile.yml").read_bytes())
    own = tmp_path / "my-templates" / "documents"
    own.mkdir(parents=True)
    (own / "police-log.html").write_text("<document><h1>Log</h1><p>Agencies: {{ agencies[2] }} 3 more.</p></document>",
                                         encoding="utf-8")
    files = render_documents(HOSTILE, HOSTILE.version(), folders=Folders(tmp_path), only=("police-log",))
    xml = zipfile.ZipFile(io.BytesIO(files["police-log.docx"])).read("word/document.xml").decode()
    assert f"Agencies: {FSI}{HEBREW}{PDI} 3 more." in xml
    printed = " ".join(pypdf.PdfReader(io.BytesIO(files["police-log.pdf"])).pages[0].extract_text().split())
    assert re.search(r"Agencies: ?\S.*[\u0590-\u05ff] ?3 more\.", printed), printed


def test_the_checkers_speak_with_isolated_words():
    words = HOSTILE.words(isolated=True)
    assert words == {key: isolate(value) for key, value in HOSTILE.words().items()}
    police = {"about": "service_user", "requester": "police", "information": "case_details", "consent": "not_asked",
              "circumstances": []}
    result = checkers.CHECKERS["sharing"].decide(police, group=words)
    assert HOSTILE.person_with_authority in result.title


ORDER_PAGE = """<!DOCTYPE html><html lang="en"><body style="font: 20px sans-serif">
<p id="plain" style="white-space: nowrap">Agencies: {plain} 3 more.</p>
<p id="isolated" style="white-space: nowrap">Agencies: {isolated} 3 more.</p></body></html>"""


def position_of_three(page, paragraph: str) -> dict:
    """Where the "3" after the value is drawn, beside where the value's letters are drawn."""
    return page.evaluate("""(id) => {
        const node = document.getElementById(id).firstChild, text = node.textContent;
        const rect = (start, end) => { const r = document.createRange(); r.setStart(node, start); r.setEnd(node, end);
                                        return r.getBoundingClientRect(); };
        const three = text.indexOf(" 3 more") + 1;
        const value = rect(text.indexOf(":") + 2, three - 1);
        return {three: rect(three, three + 1).left, valueLeft: value.left, valueRight: value.right};
    }""", paragraph)


def test_in_the_browser_the_words_after_a_right_to_left_value_stay_after_it(page):
    page.set_content(ORDER_PAGE.format(plain=HEBREW, isolated=str(text(HEBREW))))
    plain, isolated = position_of_three(page, "plain"), position_of_three(page, "isolated")
    assert isolated["three"] >= isolated["valueRight"] - 1, isolated
    assert plain["three"] < plain["valueLeft"] + 20, "without the isolate the 3 is drawn before the value"


def test_hostile_values_show_literally_in_the_checkers_answer_in_the_browser(hostile_site_dir, serve, page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(serve(hostile_site_dir) + "policy/police/")
    form = 'form[data-checker="sharing"]'
    wait_for(page, "document.querySelector('[data-hb-status]').hidden")
    enter(page, form, {"about": "service_user", "requester": "police", "information": "case_details",
                       "consent": "not_asked", "circumstances": []})
    shown = answer_on_screen(page, form)
    assert shown["title"].endswith(f"pass this to the {HOSTILE.person_with_authority}"), shown
    steps = page.locator(f"{form} [data-hb-answer] ol li").all_inner_texts()
    assert any(HOSTILE.team_leader in step for step in steps), steps
    assert dialogs == []  # the `<script>alert(1)</script>` in a title is text, never run


def test_emoji_in_a_groups_values_survive_in_word_and_pdf(tmp_path):
    text = (GROUPS / "hostile.yml").read_text(encoding="utf-8")
    (tmp_path / "group.yml").write_text(text.replace("  - '{{ agency }} & {% if %}'", "  - 'Bread 🍞 & Tea ☕ Club 🥯'"),
                                        encoding="utf-8")
    group = load_group(tmp_path / "group.yml")
    files = render_documents(group, group.version(), folders=Folders(REPO), only=("consent-form",))
    cells = [cell.text for table in docx.Document(io.BytesIO(files["consent-form.docx"])).tables
             for row in table.rows for cell in row.cells]
    assert "Bread 🍞 & Tea ☕ Club 🥯" in cells
    reader = pypdf.PdfReader(io.BytesIO(files["consent-form.pdf"]))
    assert "Bread 🍞 & Tea ☕ Club 🥯" in "\n".join(page.extract_text() for page in reader.pages)
    fonts = {font.get_object()["/BaseFont"] for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert any("Emoji" in font for font in fonts), f"{fonts}: is fonts-noto-color-emoji installed?"
