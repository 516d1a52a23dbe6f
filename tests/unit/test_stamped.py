"""The route's pages are written by the build in their own template (handbook/pages/stamped.py, route_template.py).

What must hold: a page's content is what the generator makes of the same Markdown, its links lead where the
generator's would, and the template carries the group's name, colour and contact and a way back, not the theme.
"""
from __future__ import annotations

import gzip
import posixpath
import re
import tempfile
from pathlib import Path

import pytest

from handbook.group.brand import on_dark

import checkers
from helpers import REPO
from handbook import cache as user_cache
from handbook.compile import compile_handbook
from handbook.pages.checker_form import hidden_options
from handbook.pages.links import Links, output_file
from handbook.pages.route_pages import route_pages
from handbook.pages.route_template import RouteTemplate
from handbook.pages.stamped import Page, stamped_pages
from handbook.site.build import generator_module
from handbook.group import load_group


def test_a_link_to_a_pages_source_becomes_its_address_from_the_page():
    answer, start = Links("all-answers/sharing/abc.md"), Links("all-answers/sharing/index.md")
    assert answer.address("def.md") == "../def/"
    assert answer.address("index.md") == "../"
    assert answer.address("../../index.md") == "../../../"
    assert answer.address("../../policy/police.md#clause-8") == "../../../policy/police/#clause-8"
    assert start.address("def.md") == "def/"
    assert start.address("../../index.md") == "../../"
    assert [output_file(page) for page in ("index.md", "a/index.md", "a/b.md")] == [
        "index.html", "a/index.html", "a/b/index.html"]


def _samples(group_file: Path, downloads: dict[str, int], style: str) -> dict[str, str]:
    """Route pages of every kind, as Markdown: a start page, a question,
    an answer with "Act now" and "If more than one applied", and a breach answer with its risk and forms;
    none a frame the others are written into. `style`: the generator's, as it would have read them."""
    group = load_group(group_file)
    version = group.version(None).version
    pages = {}
    for checker_id in checkers.CHECKERS:
        pages.update(route_pages(checker_id, group.words(isolated=True), version,
                                 hidden=hidden_options(group.keeps_case_files), downloads=downloads,
                                 style=style))
    answers = [path for path, text in pages.items() if "hb-route-answer" in text]
    chosen = ["all-answers/breach/index.md",
              next(path for path, text in pages.items() if "If more than one applies" in text),
              next(path for path in answers if "Act now if any" in pages[path] and "If more than one applied"
                   in pages[path]),
              next(path for path in answers if path.startswith("all-answers/breach/") and "The risk:" in pages[path])]
    return {path: pages[path] for path in chosen}


def _article(html: str) -> str:
    """A page's content, from its first heading to the end of its <article>, line breaks between tags left out."""
    content = html[html.index("<h1"):html.index("</article>")].strip()
    return re.sub(r">\n+<", "><", re.sub(r"\s+$", "", content))


@pytest.mark.every_generator
def test_a_route_pages_content_is_what_the_generator_makes_of_the_same_markdown(generator, tmp_path):
    group_file = REPO / "group.yml"
    module = generator_module(generator)
    with tempfile.TemporaryDirectory() as work:
        compiled = compile_handbook(group_file, Path(work), style=module.STYLE)
        sizes = {name: len(data) for name, data in compiled.attachments.documents.items()}
        samples = _samples(group_file, sizes, module.STYLE)
        for path, markdown in samples.items():
            (compiled.docs / path).write_text(markdown, encoding="utf-8")
            for target in re.findall(r"\]\(([0-9a-f]+\.md)\)", markdown):  # a page it links to, for a strict build
                stub = compiled.docs / posixpath.dirname(path) / target
                if not stub.exists():
                    stub.write_text("# A page linked to\n", encoding="utf-8")
        module.render(compiled, tmp_path)
        rendered = {path: (tmp_path / output_file(path)).read_text(encoding="utf-8") for path in samples}
        compiled.route.write(tmp_path)
    for path, made in rendered.items():
        assert "md-sidebar" in made  # the generator's page, in the theme
        lean = (tmp_path / output_file(path)).read_text(encoding="utf-8")
        assert _article(lean) == _article(made), path
        assert "md-" not in lean and "<script" not in lean and len(lean) < len(made) / 2, path
        root = "../" * output_file(path).count("/")
        assert f'<header><a href="{root}">Riverside Food Bank</a></header>' in lean
        assert f'<link rel="stylesheet" href="{root}assets/route.css">' in lean
    assert "--hb-colour: #00564d;" in (tmp_path / "assets/route.css").read_text(encoding="utf-8")


@pytest.mark.parametrize("colour, used", [("#7a1f5c", "#7a1f5c"), ("#7a1f5c\n}", "#00564d"), ("red", "#00564d")])
def test_the_template_is_in_the_groups_colour_and_says_whose_policy_it_is(colour, used):
    words = {"name": "Alder &amp; Co", "short_name": "Alder", "manager": "coordinator", "version": "1.1",
             "approved": "1 May 2026", "review_due": "1 May 2026", "due_for_review": True, "colour": colour,
             "contact": {"phone": "0161 496 0000", "email": "hi@alder.example"}, "phone_link": "tel:01614960000"}
    template = RouteTemplate(words)
    assert template.stylesheet().startswith(f":root {{ --hb-colour: {used}; --hb-colour-on-dark: {on_dark(used)}; }}\n")
    page = template.page(3, "Call 999 now", '<h1 id="call-999-now">Call 999 now</h1><p>Then tell them.</p>')
    assert "<title>Call 999 now - Alder</title>" in page
    assert '<header><a href="../../../">Alder</a></header>' in page
    assert ('<footer><p>Not sure? Ask the coordinator · phone <a href="tel:01614960000">0161 496 0000</a> · email '
            '<a href="mailto:hi@alder.example">hi@alder.example</a></p><p>Alder &amp; Co · Confidentiality Policy '
            '<a href="../../../changes/" aria-label="version 1.1: what changed">version 1.1</a> · next review due '
            '1 May 2026</p></footer>') in page
    unset = RouteTemplate({**words, "review_due": ""}).page(1, "Call 999 now", "<p>Then tell them.</p>")
    assert '">version 1.1</a></p></footer>' in unset  # a version not yet approved has no review date to give
    assert '<main id="main"><p class="handbook-review-due"><strong>Due for review.</strong>' in page


def test_pages_made_from_the_same_markdown_are_read_back_and_a_damaged_copy_is_made_again(monkeypatch, tmp_path):
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path))
    pages = {"all-answers/concern/index.md": "# Someone told me\n\n- [Yes](abc.md){ .hb-route__option }\n",
             "all-answers/concern/abc.md": "---\ntitle: Call 999 now\n---\n\n# Call 999 now\n\n[Back](../../index.md)\n"}
    settings = {"markdown_extensions": ["attr_list", {"toc": {"permalink": False}}]}
    made = stamped_pages(pages, settings)
    assert made.frames == ("all-answers/concern/index.md",)
    assert made.pages["all-answers/concern/index.md"] == Page(
        "Someone told me",
        '<h1 id="someone-told-me">Someone told me</h1>\n<ul>\n<li><a class="hb-route__option" href="abc/">Yes</a></li>\n'
        "</ul>")
    assert made.pages["all-answers/concern/abc.md"].html.endswith('<p><a href="../../../">Back</a></p>')
    [kept] = (tmp_path / "route-pages").glob("*.json.gz")
    entry = gzip.decompress(user_cache.read_kept(kept))
    user_cache.keep(kept, gzip.compress(entry.replace(b"Yes", b"Read back")))  # as a build keeps it: read back
    assert "Read back" in stamped_pages(pages, settings).pages["all-answers/concern/index.md"].html
    kept.write_bytes(gzip.compress(entry.replace(b"Yes", b"Changed")))  # changed by someone without the key
    assert stamped_pages(pages, settings) == made
    for damaged in (gzip.compress(b'{"all-answers'), kept.read_bytes()[:40], b"not gzip"):
        kept.write_bytes(damaged)
        assert stamped_pages(pages, settings) == made
