"""Reading a YAML file someone typed (a group file, a scenario file) so that it cannot be turned against the tools.

- Size is bounded, and only UTF-8 text is read.
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
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import HandbookError

MAX_DEPTH = 12
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: tens of times faster
LINE = "__line__"  # with mark_lines, each mapping carries the line it starts on under this key


@dataclass(frozen=True)
class YamlDocument:
    data: object
    tree: yaml.Node | None  # the composed nodes, for finding the line of a key


class _TextLoader(_BASE):
    """Every scalar is a string (or None for an empty value); keys may appear only once."""

    mark_lines = False

    def construct_mapping(self, node, deep=False):
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(key_node.start_mark.line + 1, "a key must be plain text")
            if key_node.value in seen:
                raise _Refused(key_node.start_mark.line + 1,
                               f"the key '{key_node.value}' is already given on line {seen[key_node.value]}; "
                               "give each key once")
            seen[key_node.value] = key_node.start_mark.line + 1
        mapping = super().construct_mapping(node, deep=True)
        if self.mark_lines:
            mapping[LINE] = node.start_mark.line + 1
        return mapping


_TextLoader.yaml_implicit_resolvers = {}
_TextLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"),
                                  ["~", "n", "N", ""])


class _LineLoader(_TextLoader):
    mark_lines = True


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def read_yaml(path: Path, *, limit: int, what: str, mark_lines: bool = False) -> YamlDocument:
    """Read and parse one YAML file; any problem is one HandbookError naming the file and line."""
    path = Path(path)
    text = read_text(path, limit=limit, what=what)
    try:
        _check_events(text)
        loader = (_LineLoader if mark_lines else _TextLoader)(text)
        try:
            tree = loader.get_single_node()
            data = loader.construct_document(tree) if tree is not None else None
        finally:
            loader.dispose()
    except _Refused as refused:
        raise HandbookError(f"{path}, line {refused.line}: {refused.message}.") from None
    except yaml.YAMLError as error:
        raise HandbookError(_yaml_sentence(path, text, error)) from None
    return YamlDocument(data, tree)


def read_text(path: Path, *, limit: int, what: str) -> str:
    """A text file someone typed, at most `limit` bytes of UTF-8; any problem is one HandbookError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise HandbookError(f"{path}: the {what} does not exist.") from None
    except IsADirectoryError:
        raise HandbookError(f"{path}: this is a folder; expected the {what}, a file.") from None
    except OSError as error:
        raise HandbookError(f"{path}: the {what} cannot be read ({error.strerror}).") from None
    if len(raw) > limit:
        raise HandbookError(f"{path}: the {what} is {len(raw):,} bytes; at most {limit:,} are allowed.")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise HandbookError(f"{path}, line {line}: the {what} is not UTF-8 text. Save it as UTF-8 "
                            "(in most editors: Save as, then choose UTF-8).") from None


def _check_events(text: str) -> None:
    """Refuse aliases and deep nesting while parsing, before any node is built."""
    depth = 0
    for event in yaml.parse(text, Loader=_BASE):
        if isinstance(event, (yaml.AliasEvent,)) or getattr(event, "anchor", None):
            raise _Refused(event.start_mark.line + 1, "anchors and aliases (& and *) are not allowed; "
                                                      "write each value out in full")
        if getattr(event, "tag", None):
            raise _Refused(event.start_mark.line + 1, f"tags such as {event.tag.replace('tag:yaml.org,2002:', '!!')} "
                                                      "are not allowed; write the value as plain text")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(event.start_mark.line + 1, f"the file nests more than {MAX_DEPTH} levels deep")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


_KEY_WITHOUT_SPACE = re.compile(r"^\s*(?:- )?([A-Za-z_][\w-]*):(?=[^\s/])")


def key_without_space(path: Path) -> str | None:
    """The sentence for `name:Riverside` (read by YAML as one word, not a key and a value), if a line has it."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, content in enumerate(lines, start=1):
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
