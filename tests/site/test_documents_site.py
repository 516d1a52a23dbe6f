"""Documents in the built site: under downloads/, linked from the pages they belong to, with true sizes."""
from __future__ import annotations

import io
import re
import urllib.request
import zipfile

import docx
import pytest

from handbook.group import load_group
from handbook.documents import DOCUMENTS
from handbook.pages.downloads import size_text

from helpers import GROUPS, REPO

LINK = re.compile(r'<a class="download" href="([^"]+)" type="[^"]+">(Word document|PDF) \(([^)]+)\)</a>')


def page_html(site, page: str) -> str:
    path = site / (page[:-3] + "/index.html" if not page.endswith("index.md") else page[:-3] + ".html")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("group_file", [None, GROUPS / "hostile.yml"], ids=["example", "hostile"])
def test_each_page_links_its_documents_with_their_sizes(build, group_file):
    site = build(group_file)
    for entry in DOCUMENTS:
        for page in entry.pages:
            html = page_html(site, page)
            here = (site / page).parent if page.endswith("index.md") else site / page[:-3]  # the page's folder
            links = [m for m in LINK.finditer(html) if m[1].rsplit("/", 1)[-1].startswith(f"{entry.id}.")]
            assert len(links) == len(entry.formats), f"docs/{page} does not link {entry.id} in each format"
            for link in links:
                target = (here / link[1]).resolve()
                assert target.is_file(), f"docs/{page}: {link[1]} is missing"
                assert target.parent == (site / "downloads").resolve()
                assert link[3] == size_text(target.stat().st_size)


def test_the_consent_form_downloaded_from_the_site_shows_the_group_and_its_partners(build, serve):
    """Done means: download the consent form in Word, open it, see the group's name and partner agencies."""
    site = build()
    base = serve(site)
    html = urllib.request.urlopen(base + "policy/information-sharing/").read().decode()
    href = next(m[1] for m in LINK.finditer(html) if m[1].endswith("consent-form.docx"))
    data = urllib.request.urlopen(base + "policy/information-sharing/" + href).read()
    document = docx.Document(io.BytesIO(data))
    group = load_group(REPO / "group.yml")
    assert document.paragraphs[0].text == group.name
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert all(agency in cells for agency in group.partner_agencies)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count("<w14:checkbox>") >= len(group.partner_agencies) + 3
