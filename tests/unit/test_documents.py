"""Downloadable documents: every document in both formats, read back, for the example and hostile groups."""
from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from handbook.group import load_group
from handbook.documents import DOCUMENTS, render_documents
from handbook.folders import Folders
from handbook.templating import isolate

from helpers import REPO
from helpers.documents import docx_text, flat, footer_text, pdf_text, stamp_lines

GROUPS = {"example": REPO / "group.yml", "hostile": REPO / "tests" / "groups" / "hostile.yml"}
ARTIFACTS = REPO / "test-artifacts" / "documents"
FORMS = [d.id for d in DOCUMENTS if "docx" in d.formats]

# What a person filling in each form must find on it.
REQUIRED = {
    "consent-form": ["Who we may share with", "What we would share", "Why we would share it",
                     "What we may do", "Changing your mind", "You can take back your consent at any time",
                     "Saying no will not change the help you get", "Your agreement", "Your signature", "Date",
                     "Recorded by", "Their authority to record consent",
                     "If someone gives consent by email instead"],
    "photo-consent": ["Where we may use them", "Our website", "Our social media pages",
                      "We will keep them until", "Changing your mind", "We cannot always get it back",
                      "We never put your name next to a photo", "tag where the photo was taken",
                      "For a child under 18", "Parent or carer's signature", "The child's own agreement",
                      "Saying no will not change the help you get"],
    "breach-report": ["Do not copy the information that was shared into this report", "What happened",
                      "When it happened (date and time)", "When it was found (date and time)",
                      "How it was found", "What kind of information was it?", "How many people",
                      "Are any of them children or vulnerable adults?", "What was done to stop it spreading",
                      "Safety first", "call 999", "The facts it rests on", "Why the report was late",
                      "Who was told", "What could happen to them", "How big is the risk?",
                      "Telling the Information Commissioner's Office (ICO)", "72 hours",
                      "Deadline: 72 hours after it was found", "Report to the ICO", "The reasons for the decision",
                      "Telling the people affected", "Were they told?", "article 33(5)"],
    "sharing-record": ["Who asked", "Date and time asked", "What exactly they asked for",
                       "Why they want it (the purpose)", "lawful basis", "Did the person agree?",
                       "Decision:", "Share", "Do not share", "The reasons for the decision", "Decided by"],
    "induction-pack": ["The seven things to remember", "Step 1 of 9", "In short", "Quiz: what would you do?",
                       "Quiz answer sheet", "Sign-off sheet", "I have read and understood the Confidentiality Policy",
                       "Inducted by", "Your name", "Your signature", "Their signature", "Date"],
    "police-log": ["Officer's name", "Police station or unit", "What exactly they asked for", "Why they want it",
                   "The legal power they cited", "Why it is necessary", "What was given", "Authorised by",
                   "do not have an automatic right"],
}


@pytest.fixture(scope="module", params=list(GROUPS))
def made(request):
    group = load_group(GROUPS[request.param])
    return request.param, group, render_documents(group, group.version(), folders=Folders(REPO))


def test_every_document_in_both_formats(made):
    _, _, files = made
    expected = [f"{d.id}.{fmt}" for d in DOCUMENTS for fmt in ("docx", "pdf") if fmt in d.formats]
    assert list(files) == expected
    assert all(files.values())


@pytest.mark.parametrize("doc_id", FORMS)
def test_word_file_reads_back_with_name_version_and_fields(made, doc_id):
    _, group, files = made
    document, text = docx_text(files[f"{doc_id}.docx"])
    assert document.paragraphs[0].text == group.name  # exactly, whatever its characters
    assert document.paragraphs[0].style.name == "Group Name"
    assert document.paragraphs[1].style.name == "Title"
    footer = footer_text(document)
    assert footer.startswith("\n".join(stamp_lines(group)))
    fields = document.sections[0].footer._element.xml
    assert "Page  of " in footer and 'w:instr=" PAGE "' in fields and 'w:instr=" NUMPAGES "' in fields
    assert "made" not in footer.replace(group.name, "")
    for required in REQUIRED[doc_id]:
        assert required in flat(text), f"{doc_id}.docx lacks {required!r}"
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Write Line"} <= styles
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.core_properties.author == group.name


def test_consent_form_names_each_partner_agency_in_word_and_pdf(made):
    _, group, files = made
    _, text = docx_text(files["consent-form.docx"])
    cells = text.splitlines()
    for agency in group.partner_agencies:
        assert isolate(agency) in cells  # a cell of its own, exactly (a right-to-left name between isolates)
    _, printed = pdf_text(files["consent-form.pdf"])
    for agency in group.partner_agencies:
        if isolate(agency) == agency:
            assert flat(agency) in flat(printed)
        else:  # a PDF holds glyphs as seen: a right-to-left name's words come out in the order they are drawn
            assert all(word in printed for word in agency.split())


def test_breach_report_names_the_people_to_tell(made):
    _, group, files = made
    _, text = docx_text(files["breach-report.docx"])
    assert f"The {group.manager}" in text.splitlines()
    assert any(line.startswith(f"A {group.team_leader} ") for line in text.splitlines())


@pytest.mark.parametrize("doc_id", FORMS)
def test_word_tick_boxes_are_real_and_never_ticked(made, doc_id):
    _, _, files = made
    xml = zipfile.ZipFile(io.BytesIO(files[f"{doc_id}.docx"])).read("word/document.xml").decode()
    boxes = re.findall(r'<w14:checked w14:val="(\d)"/>', xml)
    assert boxes and set(boxes) == {"0"}
    assert "☒" not in xml and "☑" not in xml
    ids = re.findall(r'<w:sdt><w:sdtPr>.*?<w:id w:val="(\d+)"/>', xml)
    assert len(ids) == len(set(ids)) == len(boxes)


@pytest.mark.parametrize("doc_id", FORMS)
def test_word_file_opens_and_saves_again(made, doc_id):
    _, group, files = made
    document = docx.Document(io.BytesIO(files[f"{doc_id}.docx"]))
    again = io.BytesIO()
    document.save(again)
    assert docx.Document(io.BytesIO(again.getvalue())).paragraphs[0].text == group.name


@pytest.mark.parametrize("doc_id", FORMS)
def test_pdf_reads_back_with_name_version_and_fields(made, doc_id):
    _, group, files = made
    reader, text = pdf_text(files[f"{doc_id}.pdf"])
    assert text.splitlines()[0] == group.name
    version = group.version().version
    for number, page in enumerate(reader.pages, start=1):
        page_text = flat(page.extract_text())
        assert all(flat(line) in page_text for line in stamp_lines(group))
        assert f"Confidentiality Policy version {version}," in page_text
        assert f"Page {number} of {len(reader.pages)}" in page_text
        assert " made " not in page_text.replace(flat(group.name), "")
    for required in REQUIRED[doc_id]:
        assert required in flat(text), f"{doc_id}.pdf lacks {required!r}"
    assert "☒" not in text and "☑" not in text


@pytest.mark.parametrize("name", [f"{d.id}.pdf" for d in DOCUMENTS])
def test_pdf_is_a4_with_embedded_fonts(made, name):
    _, group, files = made
    reader = pypdf.PdfReader(io.BytesIO(files[name]))
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            assert "DejaVu" in font["/BaseFont"], f"{font['/BaseFont']}: is fonts-dejavu-core installed?"
    assert reader.metadata.author == group.name
    assert reader.metadata.title


def test_pdffonts_agrees_fonts_are_embedded(made, tmp_path):
    _, _, files = made
    path = tmp_path / "consent-form.pdf"
    path.write_bytes(files["consent-form.pdf"])
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows)


def test_whole_handbook_has_contents_clause_numbers_and_summaries(made):
    _, group, files = made
    reader, text = pdf_text(files["confidentiality-handbook.pdf"])
    text = flat(text)
    assert "Contents" in text
    assert text.count("In short") == 1 + 10  # the cover's sentence, and one box per policy page
    for heading in ("1 Introduction", "1a Principle", "4 Information sharing", "4a Social media",
                    "5f Terrorism", "7 Procedure for breaking confidentiality", "8 The police"):
        assert heading in text
    contents = flat(reader.pages[1].extract_text())
    assert re.search(r"4a Social media\s*\.+\s*\d+", contents), contents[:300]
    assert "{{" not in text.replace(group.name, "") or "{{" in group.name


def test_pdf_pages_as_pictures_for_a_person_to_look_at(made):
    """One page of each PDF as a PNG in test-artifacts/documents/<group>/ (gitignored)."""
    label, _, files = made
    folder = ARTIFACTS / label
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        if name.endswith(".pdf"):
            (folder / name).write_bytes(data)
            page = "2" if name.startswith("confidentiality-handbook") else "1"
            subprocess.run(["pdftoppm", "-f", page, "-l", page, "-r", "70", "-png", "-singlefile",
                            str(folder / name), str(folder / name[:-4])], check=True)
            assert (folder / f"{name[:-4]}.png").stat().st_size > 5000


def schema_orders() -> dict[str, list[str]]:
    """Child orders of the WordprocessingML elements python-docx knows (`_tag_seq` in its source)."""
    import ast

    import docx.oxml
    from docx.oxml.ns import qn

    tags = {"CT_PPr": "w:pPr", "CT_RPr": "w:rPr", "CT_TcPr": "w:tcPr", "CT_TblPr": "w:tblPr",
            "CT_SectPr": "w:sectPr", "CT_Style": "w:style", "CT_TrPr": "w:trPr"}
    orders = {}
    for source in Path(docx.oxml.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name in tags:
                for item in node.body:
                    if isinstance(item, ast.Assign) and getattr(item.targets[0], "id", "") == "_tag_seq":
                        orders[qn(tags[node.name])] = [qn(t) for t in ast.literal_eval(item.value)]
    assert len(orders) == len(tags), orders.keys()
    return orders


@pytest.mark.parametrize("doc_id", FORMS)
def test_word_elements_are_in_the_order_word_requires(made, doc_id):
    """Word (unlike LibreOffice) refuses a file whose elements are out of the schema's order."""
    from lxml import etree

    _, _, files = made
    orders = schema_orders()
    package = zipfile.ZipFile(io.BytesIO(files[f"{doc_id}.docx"]))
    checked = 0
    for part in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
        for element in etree.fromstring(package.read(part)).iter(*orders):
            order = orders[element.tag]
            positions = [order.index(child.tag) for child in element if child.tag in order]
            assert positions == sorted(positions), f"{part}: children of {element.tag} out of order"
            checked += 1
    assert checked > 100
