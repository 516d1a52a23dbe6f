"""One wording of an answer (a title, a step, a note or a line to write down) and the words in it that change
with the reader's answers: the pieces the record of every answer (answer_record.py) is made of.

A step is written from a template ("Do not share {what}."): the group's words ({manager}) are the same in
every answer, while others ({what}, {who}) change with the answers. A Wording learns, from every answer it
appears in, which of its words change and what they can be, so the record can show it once: "Do not share
[what]." and the line "[what]: their personal details | their case file".
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

ONE_VALUE = "answer"  # the slot of a line to write down whose ending changes with the answers
LIST_VALUE = "answers"  # ... when that ending lists several of them, joined by "; "
LIST_AT = 12  # a line with more endings than this, made of fewer parts, is shown as its parts


def only_in(versions: set[str], every: tuple[str, ...]) -> str:
    """' (only in 1.0)' for something some policy versions do not have; '' when every version has it."""
    return "" if set(every) <= versions else f" (only in {', '.join(v for v in every if v in versions)})"


def template_pattern(template: str, phrases: dict[str, str]) -> re.Pattern:
    """A pattern a filled-in template matches: the group's words as they are, every other field captured."""
    parts, seen = [], set()
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name in phrases:
            parts.append(re.escape(phrases[name]))
        elif name in seen:
            parts.append(f"(?P={name})")
        else:
            seen.add(name)
            parts.append(f"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)  # a sentence's first letter is a capital


@dataclass
class Wording:
    """A title, step or note: its words as first seen, and every value of the words that change."""

    pattern: re.Pattern
    first: re.Match | None = None
    values: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # field -> value -> versions
    versions: set[str] = field(default_factory=set)

    def add(self, text: str, version: str) -> None:
        found = self.pattern.fullmatch(text)
        if found is None:
            raise ValueError(f"{text!r} does not follow its template {self.pattern.pattern!r}")
        self.first = self.first or found
        self.versions.add(version)
        for name, value in found.groupdict().items():
            self.values.setdefault(name, {}).setdefault(value, set()).add(version)

    def changing(self) -> list[str]:
        return [name for name, values in self.values.items() if len(values) > 1]

    def text(self) -> str:
        """The words, with [field] wherever they change with the answers."""
        text, end = [], 0
        for name in sorted(self.changing(), key=self.first.start):
            text += [self.first.string[end:self.first.start(name)], f"[{name.replace('_', ' ')}]"]
            end = self.first.end(name)
        return "".join(text) + self.first.string[end:]

    def value_lines(self, every: tuple[str, ...], indent: str) -> list[str]:
        """One line per changing field: '[what]: their situation | their case file'."""
        return [f"{indent}[{name.replace('_', ' ')}]: "
                + " | ".join(value + only_in(versions, every) for value, versions in self.values[name].items())
                for name in self.changing()]


@dataclass
class Line:
    """A line to write down. Lines are not templates: those that start the same ("Consent: ...") are one line
    whose ending changes with the answers, shown once with every ending it can have."""

    label: str
    values: dict[str, set[str]] = field(default_factory=dict)  # the text after the label -> versions
    versions: set[str] = field(default_factory=set)

    def add(self, text: str, version: str) -> None:
        """One text of this line: its label, then ": " and an ending (or the label alone)."""
        self.versions.add(version)
        self.values.setdefault(text.removeprefix(self.label).removeprefix(": "), set()).add(version)

    def _end(self) -> str:
        """The ending every value shares (a full stop), written after the slot."""
        ends = {value[-1:] for value in self.values}
        return ends.pop() if len(ends) == 1 and ends <= set(".?!") else ""

    def parts(self) -> list[str] | None:
        """The parts of every ending, when the endings are lists ("a; b; c") of a few parts; else None."""
        end = self._end()
        parts = dict.fromkeys(p for value in self.values for p in value.removesuffix(end).split("; "))
        return list(parts) if len(self.values) > LIST_AT and len(parts) <= LIST_AT else None

    def text(self) -> str:
        if len(self.values) == 1:
            value = next(iter(self.values))
            return f"{self.label}: {value}" if value else self.label
        return f"{self.label}: [{LIST_VALUE if self.parts() else ONE_VALUE}]{self._end()}"

    def value_lines(self, every: tuple[str, ...], indent: str) -> list[str]:
        if len(self.values) == 1:
            return []
        end, parts = self._end(), self.parts()
        if parts:
            return [f"{indent}[{LIST_VALUE}], one or more joined by \"; \": " + " | ".join(parts)]
        return [f"{indent}[{ONE_VALUE}]: " + " | ".join(value.removesuffix(end) + only_in(versions, every)
                                                      for value, versions in self.values.items())]
