"""Reading a YAML file someone typed (a group file, a scenario file) so that it cannot be turned against the tools.

- Size is bounded, only UTF-8 text is read, and only an ordinary file inside its folder (untrusted.py).
- Aliases and anchors are refused before anything is built (a 2.4 KB "billion laughs" file would
  otherwise expand into gigabytes), and so are tags (`!!binary`, `!!python/...`: a value is text as
  typed, never an object) and nesting deeper than a person writes.
- A key written twice is an error, not a silent overwrite.
- Every scalar is read as the text that was typed: `version: 1.1` is "1.1", a phone number
  `01554000111` stays as written. The schema then turns text into dates, numbers or booleans
  where a field needs one, so "true"/"false" and "2026-03-10" still work, and `2026-02-30` is a
  clear error instead of a crash.
- Mistakes YAML itself catches (a tab, a missing space after a colon, a colon inside a value)
  become one plain sentence with the right line.
- It is one pass over libyaml's events, building the data and the line of every key and item
  as it goes (no node tree, no second parse): 60,000 scenarios read in a few seconds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import HandbookError
from .untrusted import read_text

MAX_DEPTH = 12
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: tens of times faster
_NULLS = frozenset({"~", "null", "Null", "NULL", ""})  # written unquoted, each of these is "nothing"
_STARTS = {yaml.MappingStartEvent: dict, yaml.SequenceStartEvent: list}
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_KEY = object()  # an open mapping waiting for its next key


@dataclass
class YamlDocument:
    """The data of one file, and where each part of it is written."""

    data: object = None
    start: int = 1  # the line the data starts on
    lines: dict = field(default_factory=dict)  # id(mapping) -> {key: line}; id(list) -> [line of each item]
    text: str = ""  # the file as read

    def line(self, loc: tuple) -> int:
        """The line of the deepest part of `loc` the file has (a missing key: the line of its mapping)."""
        node, line = self.data, self.start
        for part in loc:
            found = self.lines.get(id(node))
            if isinstance(node, dict) and part in node:
                line, node = found[part], node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                line, node = found[part], node[part]
            else:
                break
        return line


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


class _Builder:
    """Python data from YAML events: mappings, lists, text and None, with each key's and item's line.

    Written for speed (a scenario file may have over a million events): scalars, the commonest
    event, are handled first, and each open container keeps its own line table at hand.
    """

    def __init__(self) -> None:
        self.document = YamlDocument()
        self.open: list[list] = []  # per open container: [container, its line table, the key awaiting a value]
        self.documents = 0

    def feed(self, event: yaml.Event) -> None:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                _refuse_anchor_or_tag(event)
            value = event.value
            plain = event.implicit[0]  # written without quotes (libyaml and PyYAML mark styles differently)
            self._add(None if plain and value in _NULLS else value, event.start_mark.line + 1)
        elif kind in _STARTS:
            if event.anchor is not None or event.tag is not None:
                _refuse_anchor_or_tag(event)
            line = event.start_mark.line + 1
            if len(self.open) >= MAX_DEPTH:
                raise _Refused(line, f"the file nests more than {MAX_DEPTH} levels deep")
            container = _STARTS[kind]()
            self._add(container, line)
            table = self.document.lines[id(container)] = {} if kind is yaml.MappingStartEvent else []
            self.open.append([container, table, _KEY])
        elif kind in _ENDS:
            self.open.pop()
        elif kind is yaml.AliasEvent:
            _refuse_anchor_or_tag(event)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise _Refused(event.start_mark.line + 1, "the file holds a second document (a `---` line); "
                                                          "keep only one")

    def _add(self, value: object, line: int) -> None:
        if not self.open:
            self.document.data, self.document.start = value, line
            return
        top = self.open[-1]
        container, table, key = top
        if table.__class__ is list:
            container.append(value)
            table.append(line)
        elif key is _KEY:
            if not (value is None or value.__class__ is str):
                raise _Refused(line, "a key must be plain text")
            if value in table:
                raise _Refused(line, f"the key '{value}' is already given on line {table[value]}; give each key once")
            table[value], top[2] = line, value
        else:
            container[key], top[2] = value, _KEY


def _refuse_anchor_or_tag(event: yaml.Event) -> None:
    line = event.start_mark.line + 1
    if type(event) is yaml.AliasEvent or event.anchor is not None:
        raise _Refused(line, "anchors and aliases (& and *) are not allowed; write each value out in full")
    raise _Refused(line, f"tags such as {event.tag.replace('tag:yaml.org,2002:', '!!')} are not allowed; "
                         "write the value as plain text")


def read_yaml(path: Path, *, limit: int, what: str, inside: Path | None = None) -> YamlDocument:
    """Read and parse one YAML file (from the folder `inside`, if given); any problem is one HandbookError
    naming the file and line."""
    path = Path(path)
    text = read_text(path, limit=limit, what=what, inside=inside)
    builder = _Builder()
    builder.document.text = text
    try:
        for event in yaml.parse(text, Loader=_BASE):
            builder.feed(event)
    except _Refused as refused:
        raise HandbookError(f"{path}, line {refused.line}: {refused.message}.") from None
    except yaml.YAMLError as error:
        raise HandbookError(_yaml_sentence(path, text, error)) from None
    return builder.document


_KEY_WITHOUT_SPACE = re.compile(r"^\s*(?:- )?([A-Za-z_][\w-]*):(?=[^\s/])")


def key_without_space(path: Path, text: str) -> str | None:
    """The sentence for `name:Riverside` (read by YAML as one word, not a key and a value), if a line has it."""
    for number, content in enumerate(text.splitlines(), start=1):
        found = _KEY_WITHOUT_SPACE.match(content)
        if found and not content.lstrip().startswith("#"):
            return f"{path}, line {number}: put a space after the colon, like this: `{found[1]}: value`."
    return None


def _yaml_sentence(path: Path, text: str, error: yaml.YAMLError) -> str:
    """A YAML parser error as one plain sentence, on the line a person would look at."""
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML refuses anywhere, such as NUL
        line = text.count("\n", 0, error.position) + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        return (f"{path}, line {line}: the file has the invisible control character U+{code:04X}; "
                "delete it (retyping the line removes it).")
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else None
    problem = str(getattr(error, "problem", "") or error)
    lines = text.splitlines()
    for number, content in enumerate(lines[:line] if line else lines, start=1):
        if "\t" in content[: len(content) - len(content.lstrip())]:
            return f"{path}, line {number}: this line is indented with a tab; use spaces instead."
        if _KEY_WITHOUT_SPACE.match(content) and not content.lstrip().startswith(("http", "#")):
            key = _KEY_WITHOUT_SPACE.match(content)[1]
            return f"{path}, line {number}: put a space after the colon, like this: `{key}: value`."
    if "maximum nesting depth" in problem:
        return f"{path}, line {line}: the file nests more than {MAX_DEPTH} levels deep."
    if "\t" in problem or "character '\\t'" in problem:
        return f"{path}, line {line}: this line has a tab; use spaces instead."
    if "mapping values are not allowed" in problem and line:
        key, _, value = lines[line - 1].partition(":")
        return (f"{path}, line {line}: the value has a colon in it. Put the value in quotes, like this: "
                f"`{key.strip()}: \"{value.strip()}\"`.")
    where = f", line {line}" if line else ""
    return f"{path}{where}: this is not valid YAML ({problem})."
