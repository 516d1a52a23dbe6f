"""The "I'm new here" path: its order, its steps built from the policy's In short points, the menus, and
the induction pack read back from Word and PDF with every step, the quiz, the answer sheet and the sign-off."""
from __future__ import annotations

import html
import io
import re
import unicodedata
import shutil

import docx
import pypdf
import pytest
import yaml

from handbook.documents import render_documents
from handbook.documents.inline import inline_xml
from handbook.errors import HandbookError
from handbook.folders import Folders
from handbook.group import load_group
from handbook.policy import path, summaries
from handbook.answers.quiz import quiz

from helpers.documents import footer_text, stamp_lines
from helpers import GROUPS, REPO
from helpers.sites import visible_text

FOLDERS = Folders(REPO)
EXAMPLE = load_group(REPO / "group.yml")
HOSTILE = load_group(GROUPS / "hostile.yml")
VOLUNTEERS = ["Home", "I'm new here", "Can I share this?", "Someone told me something worrying",
              "Something went wrong", "The policy", "All answers"]
COORDINATORS = ["make-it-yours.md", "changes.md", "put-it-online.md", "about/open-questions.md",
                "about/how-we-judge-the-risk.md", "about/performance.md", "about/commands.md"]


def nav() -> list[dict]:
    return yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]


def pages_in(entries) -> list[str]:
    found = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        found += pages_in(value) if isinstance(value, list) else [value]
    return found


def plain(markdown_text: str) -> str:
    """What a reader sees of a line of Markdown, on paper or on screen."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", inline_xml(markdown_text))).split())


def flat(text: str) -> str:
    return " ".join(text.replace("\u200b", "").split())


def squash(text: str) -> str:
    """Text without any spaces: a PDF's lines may break anywhere, even inside `</script>`. Right-to-left
    letters and their isolates are left out: a PDF holds them in the order they are seen (test_bidi.py)."""
    kept = (char for char in text.replace("\u200b", "")
            if unicodedata.bidirectional(char) not in ("R", "AL", "AN", "FSI", "PDI"))
    return "".join("".join(kept).split())


def test_the_volunteers_menu_comes_first_and_coordinators_pages_sit_together():
    entries = nav()
    titles = [next(iter(entry)) for entry in entries]
    assert titles == VOLUNTEERS + ["For coordinators"]
    assert pages_in(entries[-1]["For coordinators"]) == COORDINATORS
    assert not set(COORDINATORS) & set(pages_in(entries[:-1]))


def test_the_menu_lists_the_path_in_its_order():
    section = pages_in(next(entry for entry in nav() if "I'm new here" in entry)["I'm new here"])
    route = path.route(FOLDERS)
    assert [page for page in section if page in route] == list(route)
    assert set(section) - set(route) == {"induction/quiz-answers.md"}


def test_the_path_has_nine_steps_in_the_issues_order_each_teaching_a_policy_section():
    steps = path.steps(FOLDERS, EXAMPLE)
    assert [step.section for step in steps] == [
        "policy/introduction.md", "policy/internal-confidentiality.md", "policy/information-sharing.md",
        "policy/exceptional-circumstances.md", "policy/children-and-vulnerable-adults.md",
        "policy/social-media.md", "policy/personal-information.md", "policy/police.md",
        "policy/breaking-confidentiality.md"]
    for step in steps:
        assert step.points == tuple(summaries.rendered(FOLDERS, step.section, EXAMPLE)) and step.points
    assert path.route(FOLDERS)[-2:] == ("induction/quiz.md", "induction/finish.md")


def test_the_path_takes_about_fifteen_minutes():
    steps = path.steps(FOLDERS, EXAMPLE)
    words = path.word_count(steps) + sum(question.word_count for question in quiz(FOLDERS, None, EXAMPLE.words()))
    assert 12 <= path.minutes(words) <= 18


def test_each_step_page_shows_its_number_in_short_box_and_next_link(site_dir):
    steps = path.steps(FOLDERS, EXAMPLE)
    for step in steps:
        page = site_dir / step.page.removesuffix(".md") / "index.html"
        text = visible_text(page)
        assert f"{step.title} Step {step.number} of {len(steps)}" in text
        for point in step.points:
            assert plain(point) in text, f"{step.page} lacks the In short point {point!r}"
        assert re.search(r'class="[^"]*hb-next[^"]*"', page.read_text(encoding="utf-8")), step.page
    start = visible_text(site_dir / "induction" / "index.html")
    assert "9 short steps" in start and "15 everyday situations" in start
    for number, point in enumerate(path.remember(FOLDERS, EXAMPLE), 1):
        assert plain(point.text) in start


def test_the_finish_page_says_how_to_keep_the_handbook_on_a_phone_without_promising_offline_use(site_dir):
    text = visible_text(site_dir / "induction" / "finish" / "index.html")
    for words in ("Add to Home screen", "Add to Home Screen", "Chrome", "Safari", "induction pack"):
        assert words in text
    assert "offline" not in text.lower()


@pytest.fixture(scope="module", params=["example", "hostile"])
def pack(request):
    group = EXAMPLE if request.param == "example" else HOSTILE
    files = render_documents(group, group.version(), folders=FOLDERS, only=("induction-pack",))
    document = docx.Document(io.BytesIO(files["induction-pack.docx"]))
    word = "\n".join([p.text for p in document.paragraphs]
                     + [cell.text for table in document.tables for row in table.rows for cell in row.cells])
    reader = pypdf.PdfReader(io.BytesIO(files["induction-pack.pdf"]))
    printed = "\n".join(page.extract_text() for page in reader.pages)
    return group, document, flat(word), reader, flat(printed)


def test_the_pack_has_every_step_the_quiz_the_answer_sheet_and_the_sign_off_in_word_and_pdf(pack):
    group, _, word, _, printed = pack
    steps = path.steps(FOLDERS, group)
    questions = quiz(FOLDERS, group.version().version, group.words())
    version = group.version()
    sign_off = (f"I have read and understood the Confidentiality Policy of {group.name}, version {version.version}, "
                f"approved {version.approved.day} {version.approved:%B %Y}.")
    expected = ["The seven things to remember", *(plain(p.text) for p in path.remember(FOLDERS, group)),
                "Quiz: what would you do?", "Quiz answer sheet", "Sign-off sheet", sign_off, "Inducted by"]
    for step in steps:
        expected += [f"Step {step.number} of {len(steps)}: {step.title}", *map(plain, step.lead),
                     *map(plain, step.points)]
    for question in questions:
        expected += [question.name, *(f"{letter}. {text}" for letter, text in question.choices),
                     f"Situation {question.number}: answer {question.right}", question.title, *question.steps]
    for text in expected:
        assert flat(text) in word, f"the Word pack lacks {text!r}"
        assert squash(text) in squash(printed), f"the PDF pack lacks {text!r}"


def test_the_groups_name_survives_in_the_pack_and_every_pdf_page_is_stamped(pack):
    group, document, _, reader, _ = pack
    assert document.paragraphs[0].text == group.name
    assert any(p.text.startswith(f"I have read and understood the Confidentiality Policy of {group.name},")
               for p in document.paragraphs)
    printed, approved = stamp_lines(group)
    assert footer_text(document).startswith(f"{printed}\n{approved}")
    for number, page in enumerate(reader.pages, 1):
        text = squash(page.extract_text())
        assert squash(printed) in text and squash(approved) in text, f"page {number} has no stamp"
    assert 8 <= len(reader.pages) <= 20


@pytest.mark.parametrize("page, old, new, message", [
    ("induction.md", "  - induction/police.md\n", "  - induction/polce.md\n",
     "docs/induction.md, key 'path': docs/induction/polce.md does not exist."),
    ("induction/police.md", "section: policy/police.md", "section: policy/cops.md",
     "docs/induction/police.md, key 'section': 'policy/cops.md' is not a policy page. Expected one of: "
     "policy/introduction.md, "),
    ("induction/police.md", "title: \"The police\"\n", "",
     "docs/induction/police.md: the front matter needs a `title:`, as it is on the path."),
])
def test_a_mistake_in_the_paths_pages_is_one_sentence(tmp_path, page, old, new, message):
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    source = tmp_path / "docs" / page
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(HandbookError) as raised:
        path.steps(Folders(tmp_path, defaults=tmp_path), EXAMPLE)
    assert str(raised.value).startswith(message)
