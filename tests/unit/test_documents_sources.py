"""Documents: the same bytes every time, a group's own wording, clear errors, the command and the links."""
from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.cli import main
from handbook.cli.documents import RECORD
from handbook.group import load_group
from handbook.documents import DOCUMENTS, Stamp, clear_cache, made_date, render_documents
from handbook import cache as user_cache
from handbook.folders import Folders
from handbook.pages.downloads import download_links, size_text
from handbook.documents import model, parse
from handbook.errors import HandbookError
from handbook.templating import isolate

from helpers import REPO

HOSTILE = REPO / "tests" / "groups" / "hostile.yml"


@pytest.fixture(scope="module")
def group():
    return load_group(REPO / "group.yml")


def own_folder(tmp_path: Path, template: str, name: str = "consent-form.html") -> Path:
    """A group folder with its group file and one template of its own."""
    shutil.copy(REPO / "group.yml", tmp_path / "group.yml")
    (tmp_path / "my-templates" / "documents").mkdir(parents=True)
    (tmp_path / "my-templates" / "documents" / name).write_text(template, encoding="utf-8")
    return tmp_path


@pytest.mark.slow  # makes every document twice
def test_building_twice_gives_the_same_bytes(group, monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    made = []
    for run in ("first", "second"):  # each made afresh: nothing remembered, nothing kept on disk
        clear_cache()
        monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path / run))
        made.append(render_documents(group, group.version(), folders=Folders(REPO)))
    assert made[0] == made[1]
    assert [p.name for p in (tmp_path / "first").rglob("*.zip")] == [p.name for p in (tmp_path / "second").rglob("*.zip")]


def test_documents_made_from_the_same_inputs_are_read_back_and_any_change_makes_them_afresh(group, monkeypatch,
                                                                                             tmp_path):
    """A build whose documents' inputs and code are unchanged reads them from the cache; a damaged file
    there, a group's own In short points or a change of its words makes them again."""
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path))
    clear_cache()
    made = render_documents(group, group.version(), folders=Folders(REPO), only=("consent-form",))
    [kept] = (tmp_path / "documents").glob("*.zip")
    clear_cache()
    signed = io.BytesIO(user_cache.read_kept(kept))
    with zipfile.ZipFile(signed, "a") as changed:  # proof it is read: a file only the kept copy has
        changed.writestr("kept-only.txt", b"read back")
    user_cache.keep(kept, signed.getvalue())  # kept as a build keeps it, signed
    assert render_documents(group, group.version(), folders=Folders(REPO), only=("consent-form",)) == {
        **made, "kept-only.txt": b"read back"}
    clear_cache()
    with zipfile.ZipFile(kept, "a") as changed:  # changed by someone without the key: made afresh
        changed.writestr("fake-consent-form.pdf", b"%PDF fake")
    assert render_documents(group, group.version(), folders=Folders(REPO), only=("consent-form",)) == made
    clear_cache()
    [kept] = (tmp_path / "documents").glob("*.zip")
    kept.write_bytes(b"PK damaged")
    clear_cache()
    assert render_documents(group, group.version(), folders=Folders(REPO), only=("consent-form",)) == made
    clear_cache()
    folder = tmp_path / "group"
    folder.mkdir()
    pack = render_documents(group, group.version(), folders=Folders(folder), only=("confidentiality-handbook",))
    (folder / "my-sections").mkdir()
    (folder / "my-sections" / "police.yml").write_text("points:\n  - Ring the office before you answer.\n")
    clear_cache()
    own = render_documents(group, group.version(), folders=Folders(folder), only=("confidentiality-handbook",))
    assert own != pack  # the whole handbook shows a group's own In short points
    clear_cache()
    renamed = group.model_copy(update={"name": "Another Group"})
    other = render_documents(renamed, group.version(), folders=Folders(REPO), only=("consent-form",))
    assert other != made and len(list((tmp_path / "documents").glob("*.zip"))) == 4


def test_the_stamp_names_the_approval_and_the_files_are_dated_by_source_date_epoch(group, monkeypatch):
    """Paper shows the policy's approval, never a build date; the files' own dates are fixed for the same bytes."""
    version = group.version()
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert made_date(version) == version.approved
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert made_date(version) == dt.date(2023, 11, 14)
    files = render_documents(group, version, folders=Folders(REPO), only=("police-log",))
    document = docx.Document(io.BytesIO(files["police-log.docx"]))
    stamp = document.sections[0].footer.tables[0].rows[0].cells[0].text
    assert stamp == (f"Printed from the {group.name} handbook\n"
                     f"Confidentiality Policy version {version.version}, approved 10 March 2026")
    assert document.core_properties.created == dt.datetime(2023, 11, 14, tzinfo=dt.timezone.utc)
    reader = pypdf.PdfReader(io.BytesIO(files["police-log.pdf"]))
    assert reader.metadata.creation_date == dt.datetime(2023, 11, 14, tzinfo=dt.timezone.utc)
    printed = " ".join(reader.pages[0].extract_text().split())
    assert "approved 10 March 2026" in printed and "2023" not in printed
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(HandbookError, match="SOURCE_DATE_EPOCH must be a whole number"):
        made_date(version)
    assert made_date(version, dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)


def test_a_group_called_the_something_is_not_the_the():
    assert Stamp("The Haven", "1.0", "approved 10 March 2026", dt.date(2026, 3, 10)).line == (
        "Printed from The Haven handbook · Confidentiality Policy version 1.0, approved 10 March 2026")


def test_a_groups_own_template_replaces_the_default(group, tmp_path):
    folder = own_folder(tmp_path, "<document><h1>Our own consent form</h1>"
                                  "<p>Ask {{ group.name }} first.</p><choices><choice>Yes</choice></choices></document>")
    files = render_documents(group, group.version(), folders=Folders(folder, REPO), formats=("docx",))
    consent = docx.Document(io.BytesIO(files["consent-form.docx"]))
    texts = [p.text for p in consent.paragraphs]
    assert texts[:3] == [group.name, "Our own consent form", f"Ask {group.name} first."]
    police = docx.Document(io.BytesIO(files["police-log.docx"]))
    assert police.paragraphs[1].text == "Police request log"  # the others keep the default wording


@pytest.mark.parametrize(("template", "message"), [
    ("<document>\n<h1>Form</h1>\n<p>{{ group.name </p>\n</document>",
     r"^my-templates/documents/consent-form.html, line 3: template error: .*"),
    ("<document>\n<h1>Form</h1>\n\n<p>{{ group.nmae }}</p>\n</document>",
     r"^my-templates/documents/consent-form.html, line 4: unknown value \(group has no value .nmae.\). Check the spelling"),
    ("<document>\n<h1>Form</h1>\n<p>Fish & chips</p>\n</document>",
     r"^my-templates/documents/consent-form.html: this template does not make a valid document: "
     r"it is not well-formed .* at rendered line 3: '<p>Fish & chips</p>'.*&amp;"),
    ("<document><h1>Form</h1><marquee>Hi</marquee></document>",
     r"^my-templates/documents/consent-form.html: .*<marquee> is not a block documents know"),
    ("<document><h1>Form</h1><choices><choice checked=''>Yes</choice></choices></document>",
     r"never ticked in advance"),
    ("<document><p>No title</p></document>", r"must start with its title in <h1>"),
])
def test_a_broken_template_names_the_file_and_line(group, tmp_path, template, message):
    folder = own_folder(tmp_path, template)
    with pytest.raises(HandbookError, match=message):
        render_documents(group, group.version(), folders=Folders(folder, REPO), formats=("docx",))


def test_a_missing_default_template_is_named(group, tmp_path):
    (tmp_path / "templates" / "documents").mkdir(parents=True)
    with pytest.raises(HandbookError, match=r"the document template consent-form.html is missing: looked for "
                                            r"templates/documents/consent-form.html\."):
        render_documents(group, group.version(), folders=Folders(tmp_path, tmp_path), formats=("docx",))


def test_unknown_format_is_refused(group):
    with pytest.raises(HandbookError, match="unknown document format 'odt'; expected one or more of: docx, pdf"):
        render_documents(group, group.version(), folders=Folders(REPO), formats=("odt",))


# Any name a group might type: hostile characters included, as long as it is text (no control characters).
names = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufeff\ufffe\uffff"),
                min_size=1, max_size=60).map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names, agency=names)
def test_any_name_survives_intact_in_the_word_file(group, name, agency):
    """Whole and in order; a right-to-left value between its isolates (test_bidi.py)."""
    changed = group.model_copy(update={"name": name, "partner_agencies": [agency]})
    files = render_documents(changed, changed.version(), folders=Folders(REPO), formats=("docx",), only=("consent-form",))
    document = docx.Document(io.BytesIO(files["consent-form.docx"]))
    assert document.paragraphs[0].text == isolate(name)
    agencies = next(t for t in document.tables if t.rows[0].cells[0].text == "Organisation")
    assert agencies.rows[1].cells[0].text == isolate(agency)


def test_download_links_name_the_format_and_size():
    files = {"consent-form.docx": 24_000, "consent-form.pdf": 31_000}
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert download_links("consent-form", files, "../") == (
        f'Download the consent form: <a class="download" href="../downloads/consent-form.docx" type="{word}">'
        'Word document (24 KB)</a> / <a class="download" href="../downloads/consent-form.pdf"'
        ' type="application/pdf">PDF (31 KB)</a>')
    assert download_links("confidentiality-handbook", {"confidentiality-handbook.pdf": 10}, "") == (
        'Download the whole handbook (for printing): <a class="download" href="downloads/confidentiality-handbook.pdf"'
        ' type="application/pdf">PDF (1 KB)</a>')
    assert size_text(1_500_000) == "1.5 MB"
    with pytest.raises(HandbookError, match="unknown document 'leaflet'"):
        download_links("leaflet", files, "")


def test_download_links_pass_a_strict_mkdocs_build(tmp_path):
    """A page two folders down links the files under site/downloads/ without a strict-mode warning."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (tmp_path / "docs" / "policy").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    links = download_links("consent-form", {"consent-form.pdf": 4}, "../../")
    (tmp_path / "docs" / "policy" / "page.md").write_text(f"# Page\n\n{links}\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nstrict: true\n", encoding="utf-8")
    build(load_config(str(tmp_path / "mkdocs.yml")))
    page = (tmp_path / "site" / "policy" / "page" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../downloads/consent-form.pdf"' in page


def test_every_document_says_where_it_belongs():
    pages = {page for d in DOCUMENTS for page in d.pages}
    assert all((REPO / "docs" / page).is_file() for page in pages)
    assert [d.id for d in DOCUMENTS][:5] == ["consent-form", "photo-consent", "breach-report", "sharing-record",
                                             "police-log"]


def test_model_reads_text_and_boxes():
    document = parse.parse("<document><h1>T</h1><p> Tick  <box/> Yes <b>now</b> </p></document>")
    runs = document.blocks[0].runs
    assert model.plain(runs) == "Tick ☐ Yes now"
    assert runs[-1].bold


def test_command_writes_every_file(tmp_path):
    result = CliRunner().invoke(main, ["documents", "--out", str(tmp_path / "out"), "--config", str(HOSTILE),
                                       "--format", "docx"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'out' / 'consent-form.docx'}  (") and lines[0].endswith(" KB)")
    assert lines[-1].startswith(f"Made {sum('docx' in d.formats for d in DOCUMENTS)} files in ")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [f"{d.id}.docx" for d in DOCUMENTS if "docx" in d.formats] + [RECORD])


def test_a_form_the_group_edited_is_kept_aside_with_a_warning_not_lost(tmp_path):
    command = ["documents", "--out", str(tmp_path / "out"), "--config", str(HOSTILE), "--format", "docx"]
    assert CliRunner().invoke(main, command).exit_code == 0
    form = tmp_path / "out" / "consent-form.docx"
    made = form.read_bytes()
    form.write_bytes(made + b"the group's own edits")
    again = CliRunner().invoke(main, command)
    assert again.exit_code == 0 and again.stderr == (
        f"Warning: {form} was changed after the handbook wrote it; that copy is kept as consent-form.edited.docx, "
        "and the handbook's new file takes its place.\n")
    assert (tmp_path / "out" / "consent-form.edited.docx").read_bytes() == made + b"the group's own edits"
    assert form.read_bytes() == made
    assert CliRunner().invoke(main, command).stderr == ""  # unchanged since: replaced without a word


def test_command_writes_nothing_when_a_document_fails(tmp_path):
    folder = own_folder(tmp_path, "<document><h1>X</h1>{% if %}</document>", name="police-log.html")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["documents", "--out", str(out), "--config", str(folder / "group.yml")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: my-templates/documents/police-log.html, line 1: template error:")
    assert not out.exists()


def test_unchanged_inputs_are_not_made_again_but_a_changed_template_is(group, tmp_path):
    folder = own_folder(tmp_path, "<document><h1>First wording</h1></document>")
    first = render_documents(group, group.version(), folders=Folders(folder, REPO), formats=("docx",))
    again = render_documents(group, group.version(), folders=Folders(folder, REPO), formats=("docx",))
    assert again == first
    (folder / "my-templates" / "documents" / "consent-form.html").write_text(
        "<document><h1>Second wording</h1></document>", encoding="utf-8")
    changed = render_documents(group, group.version(), folders=Folders(folder, REPO), formats=("docx",))
    assert docx.Document(io.BytesIO(changed["consent-form.docx"])).paragraphs[1].text == "Second wording"


def test_a_control_character_in_a_value_is_named(group):
    changed = group.model_copy(update={"name": "Riverside\x07 Food Bank"})
    with pytest.raises(HandbookError, match=r"^templates/documents/consent-form.html, line \d+: "
                                            r"the value 'Riverside\\x07 Food Bank' has an invisible control character"):
        render_documents(changed, changed.version(), folders=Folders(REPO), formats=("docx",), only=("consent-form",))


hostile_names = st.text(st.sampled_from("abcXYZ019 <>&\"'{}%#*_[]()|\\/`~!?-éëçßŒ£€·"), min_size=1, max_size=40).map(
    lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=hostile_names)
def test_any_hostile_name_survives_intact_in_the_pdf(group, name):
    changed = group.model_copy(update={"name": name})
    files = render_documents(changed, changed.version(), folders=Folders(REPO), formats=("pdf",), only=("police-log",))
    first_page = pypdf.PdfReader(io.BytesIO(files["police-log.pdf"])).pages[0].extract_text()
    assert first_page.splitlines()[0] == name
