"""Reading a YAML file someone typed: text as typed, each key's line, and every trick refused with its line."""
from __future__ import annotations

import time

import pytest

from handbook.errors import HandbookError
from handbook.yaml_input import MAX_DEPTH, read_yaml

from helpers.hostile import laughs


def read(tmp_path, text: str):
    path = tmp_path / "file.yml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path, limit=1 << 20, what="test file")


def test_every_value_is_the_text_that_was_typed(tmp_path):
    data = read(tmp_path, "version: 1.10\nphone: 01554000111\nanswer: yes\nflag: true\nday: 2026-03-10\n"
                          "none: ~\nempty:\nquoted: '~'\nlist: [1, 'two', null]\n").data
    assert data == {"version": "1.10", "phone": "01554000111", "answer": "yes", "flag": "true", "day": "2026-03-10",
                    "none": None, "empty": None, "quoted": "~", "list": ["1", "two", None]}


def test_each_key_and_item_knows_its_line(tmp_path):
    document = read(tmp_path, "# a comment\nname: Riverside\nversions:\n  - version: '1.0'\n    approved: 2025-03-12\n"
                              "  - version: '1.1'\n")
    assert document.line(()) == 2
    assert document.line(("name",)) == 2
    assert document.line(("versions", 0, "approved")) == 5
    assert document.line(("versions", 1)) == 6
    assert document.line(("versions", 1, "approved")) == 6  # missing: the line of its mapping
    assert document.line(("versions", 7, "approved")) == 3  # no such item: the list's key


@pytest.mark.parametrize("text, said", [
    ("name: a\nname: b\n", "line 2: the key 'name' is already given on line 1; give each key once."),
    ("a: &x 1\nb: *x\n", "line 1: anchors and aliases (& and *) are not allowed"),
    ("a: [1]\nb: *x\n", "line 2: anchors and aliases"),
    ("a: !!binary aGk=\n", "line 1: tags such as !!binary are not allowed; write the value as plain text."),
    ("a: !!python/object:os.system {}\n", "line 1: tags such as !!python/object:os.system are not allowed"),
    ("? [a, b]\n: c\n", "line 1: a key must be plain text."),
    ("a: 1\n---\na: 2\n", "line 2: the file holds a second document"),
    ("a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n", f"nests more than {MAX_DEPTH} levels deep"),
    ("a: 'x\x00'\n", "line 1: the file has the invisible control character U+0000"),
    ("a:\n\tb: 1\n", "line 2: this line is indented with a tab; use spaces instead."),
])
def test_tricks_and_mistakes_are_one_sentence_with_the_line(tmp_path, text, said):
    with pytest.raises(HandbookError) as raised:
        read(tmp_path, text)
    assert str(raised.value).startswith(f"{tmp_path / 'file.yml'}")
    assert said in str(raised.value)


def test_a_billion_laughs_is_refused_at_once(tmp_path):
    bomb = laughs(12, 4)
    assert len(bomb) < 2600  # the 2.4 KB file of the issue
    started = time.monotonic()
    with pytest.raises(HandbookError, match="anchors and aliases"):
        read(tmp_path, bomb)
    assert time.monotonic() - started < 0.5
