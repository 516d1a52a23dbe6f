"""The pieces the record of every answer (answer_record.py) is made of: one wording of an answer (a title, a
step or a note) and the words in it that change with the reader's answers, and each word filled in from one
answer (Checker.from_answers), said once for the whole record.

A step is a template ("Do not share {what}."): the group's words ({manager}) are the same in every answer,
while the words from one answer ({what}, {who}) and the urgency ({when}) change. A Wording keeps the
template and every value those words take where it is given, so the record shows it once: "Do not share
[what]." and the line "[what]: their personal details | their case file". A line to write down is shown as
its template, every word from one answer as its slot; the record says once what each word is (`said`).
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field

from checkers.words import fill

BLANK = "(blank)"  # a question not asked, or left unanswered


def only_in(versions: set[str], every: tuple[str, ...]) -> str:
    """' (only in 1.0)' for something some policy versions do not have; '' when every version has it."""
    return "" if set(every) <= versions else f" (only in {', '.join(v for v in every if v in versions)})"


def fields(template: str) -> list[str]:
    """The names a template fills in, in order."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def slot(name: str) -> str:
    """How the record shows a word that changes with the answers: [how to check]."""
    return f"[{name.replace('_', ' ')}]"


@dataclass
class Wording:
    """A title, step or note: its template, in the group's words, and every value of the words that change."""

    template: str
    phrases: dict[str, str]  # the group's words
    values: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # field -> value -> versions
    versions: set[str] = field(default_factory=set)

    def add(self, values: dict[str, str], version: str) -> None:
        """One answer's words for the template's fields that are not the group's."""
        self.versions.add(version)
        for name in fields(self.template):
            if name not in self.phrases:
                self.values.setdefault(name, {}).setdefault(values[name], set()).add(version)

    def changing(self) -> list[str]:
        return [name for name, values in self.values.items() if len(values) > 1]

    def text(self) -> str:
        """The words, with [field] wherever they change with the answers."""
        changing = self.changing()
        return fill(self.template, {**self.phrases, **{name: slot(name) if name in changing else next(iter(values))
                                                      for name, values in self.values.items()}})

    def value_lines(self, every: tuple[str, ...], indent: str) -> list[str]:
        """One line per changing field: '[what]: their situation | their case file'."""
        return [f"{indent}{slot(name)}: "
                + " | ".join(value + only_in(versions, every) for value, versions in self.values[name].items())
                for name in self.changing()]


def _shown(text: str) -> str:
    return text if text else '""'


def _labelled(texts: dict[str, str], labels: dict[str, str]) -> str | None:
    """'its label' or 'its label, in lower case' when every text is its option's label so; else None."""
    for how, said in (("", str), (", in lower case", str.lower)):
        if all(text == said(labels[option]) for option, text in texts.items()):
            return how
    return None


def said(name: str, word, question) -> str:
    """What a word from one answer is, for every answer: one line the reader (and the test) can rebuild it from.
    A multi-choice word must be the words of the boxes ticked, in one order, joined by one separator."""
    ids, labels = question.option_ids(), {o.id: o.label for o in question.options}
    texts = {option: word.text(frozenset({option}) if question.multi else option) for option in ids}
    how = _labelled(texts, labels)
    head = f"{slot(name)} from {question.id}: "
    if not question.multi:
        listing = " | ".join(f"{option} = {_shown(texts[option])}" for option in ids)
        blank = "" if question.required else f"; {BLANK} = {_shown(word.text(None))}"
        return head + (f"its label{how}" if how is not None else listing) + blank
    order, joiner = _joined(word, ids, texts)
    form = "the form's order" if order == list(ids) else ""
    if how is not None:
        made = f"the labels of the boxes ticked{how}, in {form or 'this order: ' + ', '.join(order)}"
    else:
        made = f"the words of the boxes ticked, in {form or 'the order listed'}"
    return (f"{head}{made}, joined by \"{joiner}\"; none ticked: {_shown(word.text(frozenset()))}"
            + ("" if how is not None else ": " + " | ".join(f"{o} = {_shown(texts[o])}" for o in order)))


def _joined(word, ids, texts) -> tuple[list[str], str]:
    """The order and separator a multi-choice word joins its boxes' words in, checked on every set of ticks."""
    first, second = ids[:2]
    both = word.text(frozenset({first, second}))
    joiner = both.removeprefix(texts[first]).removesuffix(texts[second])
    if both != texts[first] + joiner + texts[second]:
        joiner = both.removeprefix(texts[second]).removesuffix(texts[first])
    before = {(a, b): word.text(frozenset({a, b})) == texts[a] + joiner + texts[b] for a in ids for b in ids if a != b}
    order = sorted(ids, key=lambda option: sum(before[other, option] for other in ids if other != option))
    for bits in range(1, 2 ** len(ids)):
        ticked = [option for n, option in enumerate(ids) if bits >> n & 1]
        if word.text(frozenset(ticked)) != joiner.join(texts[o] for o in order if o in ticked):
            raise ValueError(f"the word from {ticked} is not its boxes' words joined by {joiner!r}: the record "
                             "cannot say it once")
    return order, joiner
