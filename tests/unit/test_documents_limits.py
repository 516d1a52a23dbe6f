"""Every value at the longest the schema allows goes through the whole pipeline: the site, the Word files
(whose core properties Word limits to 255 characters) and the PDFs, shown whole in each."""
from __future__ import annotations

import datetime as dt
import io
import itertools

import docx
import pytest
import yaml

from checkers.clauses import EVERY
from handbook.documents import DOCUMENTS, render_documents
from handbook.documents.docx_setup import PROPERTY_LIMIT, fit
from handbook.documents.model import Document
from handbook.documents.docx_writer import write_docx
from handbook.documents.stamp import Stamp
from handbook.folders import Folders
from handbook.group import Group, load_group
from handbook.site.build import build as build_site

from helpers import REPO
from helpers.documents import docx_text, flat, pdf_text

WORDS = itertools.cycle("the longest value a careful coordinator could type into this field".split())


def longest(label: str, limit: int) -> str:
    """Words (so a PDF may wrap them) starting with `label`, exactly `limit` characters long."""
    text = label
    while len(text) < limit:
        text += " " + next(WORDS)
    return text[:limit].rstrip() + "x" * (limit - len(text[:limit].rstrip()))


def limit(schema: dict, name: str) -> int:
    """The maxLength of a field in the group file's JSON schema (the schema is the one source of limits)."""
    field = schema["properties"][name]
    options = field.get("anyOf", [field])
    return next(option["maxLength"] for option in options if "maxLength" in option)


@pytest.fixture(scope="module")
def longest_group(tmp_path_factory):
    schema = Group.model_json_schema()
    defs = schema["$defs"]
    text = {name: longest(name.replace("_", " ").title(), limit(schema, name))
            for name in ("name", "short_name", "manager", "team_leader", "senior_volunteer", "person_with_authority",
                         "safeguarding_lead")}
    contact = {name: longest(name.title(), limit(defs["Contact"], name)) for name in ("phone", "email", "address")}
    url_limit = limit(defs["LinkedPolicy"], "url")
    contact["website"] = "https://example.org/" + "w" * (url_limit - 20)
    policies = {key: {"title": longest(f"{key} policy", limit(defs["LinkedPolicy"], "title")),
                      "url": f"https://example.org/{key}/" + "p" * (url_limit - 21 - len(key))}
                for key in ("safeguarding", "social_media", "data_protection")}
    agency = limit({"properties": {"a": schema["properties"]["partner_agencies"]["items"]}}, "a")
    count = schema["properties"]["partner_agencies"]["maxItems"]
    summary = limit(defs["PolicyVersion"], "summary")
    versions = [{"version": number, "approved": f"202{n}-01-15", "review_due": f"202{n + 1}-01-15",
                 "summary": longest(f"Summary {number}", summary),
                 "changes": {cid: longest(f"Change {cid}", summary) for cid in EVERY}}
                for n, number in enumerate(("1.0", "1.1"), start=5)]
    data = {**text, "contact": contact, "policies": policies, "keeps_case_files": True,
            "partner_agencies": [longest(f"Agency {n}", agency) for n in range(count)], "versions": versions}
    path = tmp_path_factory.mktemp("longest") / "group.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, width=10_000), encoding="utf-8")
    group = load_group(path)
    assert len(group.name) == 100 and len(group.partner_agencies) == count
    return path, group


@pytest.fixture(scope="module")
def files(longest_group):
    _, group = longest_group
    return render_documents(group, group.version(), folders=Folders(REPO))


def test_every_document_is_made_with_the_longest_values(files):
    assert sorted(files) == sorted(f"{d.id}.{fmt}" for d in DOCUMENTS for fmt in d.formats)


@pytest.mark.parametrize("doc_id", [d.id for d in DOCUMENTS if "docx" in d.formats])
def test_word_and_pdf_show_every_long_value_whole(files, longest_group, doc_id):
    _, group = longest_group
    document, text = docx_text(files[f"{doc_id}.docx"])
    _, printed = pdf_text(files[f"{doc_id}.pdf"])
    assert document.paragraphs[0].text == group.name
    assert flat(group.name) in flat(printed)
    shown = 0
    values = [*group.words().values(), group.contact.phone, group.contact.email, *group.partner_agencies,
              group.policies.social_media.title]
    for value in values:
        assert (value in text) == (flat(value) in flat(printed)), f"{doc_id}: {value[:30]!r} in one format only"
        shown += value in text
    assert shown >= 2
    properties = document.core_properties
    for name in ("title", "subject", "author", "last_modified_by", "comments", "keywords", "category"):
        assert len(getattr(properties, name)) <= PROPERTY_LIMIT, name
    assert properties.author == group.name  # 100 characters: whole


def test_the_consent_form_names_every_long_agency(files, longest_group):
    _, group = longest_group
    _, text = docx_text(files["consent-form.docx"])
    _, printed = pdf_text(files["consent-form.pdf"])
    for agency in group.partner_agencies:
        assert agency in text.splitlines() and flat(agency) in flat(printed)


def test_a_title_longer_than_word_allows_is_shortened_only_in_the_properties():
    title = longest("Title", 1000)
    data = write_docx(Document(title=title), Stamp(group=longest("Group", 100), version="9999.9999",
                                                  approval="approved 10 March 2026", made=dt.date(2026, 3, 10)))
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[1].text == title
    assert document.core_properties.title == fit(title) == title[:PROPERTY_LIMIT - 1] + "…"


@pytest.mark.site  # builds a site
def test_the_site_builds_with_the_longest_values(longest_group, tmp_path):
    path, group = longest_group
    site = build_site(path, site_dir=tmp_path / "site")
    page = (site / "index.html").read_text(encoding="utf-8")
    assert group.name.split()[0] in page and group.display_short_name[:40] in page
