"""The record of every answer (answer_record.py) as the text a safeguarding lead reads in one sitting.

Its shape, which tests/rules/test_answer_record.py reads back to rebuild every answer:
    [<word>] from <question>: <what it is for every answer>   each word from one answer (wording.said)
    A<n>. <decision>, <urgency>: <title>                 one distinct outcome, in the order of the rules
        S<n> <step>                                      written out the first time, then "S<n> (as in A<m>) ..."
        [<word>]: <value> | <value>                      the words of a step that change with the answers
        Added before the steps: N<n> <rule>, ...         notes other rules add, in this order
        Write down: R<n> ...                             the lines to write down, each as its template
    == <the assessment>, by its parts ==                 when the checker gives its sentence by parts
    [<part>] <when it is said>: <wording> | <wording>
"""
from __future__ import annotations

from checkers import versions

from .wording import BLANK, only_in

STEP, VALUES = "    ", "        "
PREVIEW = 5  # words of a step written out earlier, to recognise it by


def _count(counts: dict[str, int], what: str = "") -> str:
    """How many answer sets, per version; `what` names sets that are not the table's."""
    numbers = {counts.get(v, 0) for v in versions.VERSIONS}
    if len(numbers) == 1:
        return f"{numbers.pop():,} {what or 'answer sets'} in each version"
    return ", ".join(f"{counts.get(v, 0):,} under {v}" for v in versions.VERSIONS) + (f" ({what})" if what else "")


def _which_answers(record, answer_sets) -> str:
    """What answer sets have in common, question by question, where it is not 'any' answer the checker takes."""
    said = []
    for n, question in enumerate(record.questions):
        seen, every = {answers[n] for answers in answer_sets}, record.answered[n]
        if question.multi:
            ticked = {o for chosen in every for o in chosen}  # an option nobody ticks is never worth saying
            always = [o for o in question.option_ids() if all(o in chosen for chosen in seen)]
            never = [o for o in question.option_ids() if o in ticked and not any(o in chosen for chosen in seen)]
            parts = ([f"always {', '.join(always)}"] if always else []) + ([f"never {', '.join(never)}"] if never
                                                                            else [])
            if parts:
                said.append(f"{question.id}: {'; '.join(parts)}")
        elif seen != every:
            named = [v for v in (*question.option_ids(), BLANK) if v in every]
            left = [v for v in named if v not in seen]
            said.append(f"{question.id}: " + (f"any but {', '.join(left)}" if len(left) < len(seen)
                                              else ', '.join(v for v in named if v in seen)))
    return " · ".join(said) or "any"


def _also(record, outcome) -> str:
    """The answers only representative sets give this outcome: answering the questions the table leaves open."""
    table = set().union(*outcome.answers.values())
    said = []
    for n, question in enumerate(record.questions):
        extra = outcome.also.get(question.id, set()) - {answers[n] for answers in table}
        if extra:
            said.append(f"{question.id}: {', '.join(v for v in (*question.option_ids(), BLANK) if v in extra)}")
    return f"; with those questions answered, also {' · '.join(said)}" if said else ""


def _moved(record, outcome) -> list[str]:
    """The answer sets that lead here under one policy version only: what the versions change."""
    lines = []
    for version in versions.VERSIONS:
        others = set().union(*(sets for v, sets in outcome.answers.items() if v != version))
        only = outcome.answers.get(version, set()) - others
        if only and len(outcome.answers) > 1:
            lines.append(f"{STEP}Only under {version} ({len(only):,}): {_which_answers(record, only)}.")
    return lines


def _rule(record, name: str):
    return next(rule for rule in record.rules if rule.name == name)


def _header(record) -> list[str]:
    every = versions.VERSIONS
    return [
        f"Every answer the {record.checker_id} checker can give, under policy versions {', '.join(every)}, in the "
        f"words of {record.group_name} (group.yml): {len(record.outcomes)} outcomes, {record.distinct:,} distinct "
        f"answers once filled in. Regenerate: handbook answers --write.",
        "",
        "How to read it. Each outcome below (A1, A2, ...) is one rule deciding, at one urgency, in the order of the "
        "rules, safest first: an outcome is given when its rule fits and no rule above it decides. Under it: its "
        "title; the rule, its clauses and when it fits, in its own words; the other rules that make it more urgent "
        "when they fit too; how many answer sets lead to it, and their answers where they are not 'any' (see "
        "Questions); its steps (S); the notes (N) other rules add before or after the steps when they fit, in the "
        "order listed; and the lines to write down (R). A step written out under an earlier outcome is named by "
        "its number.",
        "Words in [brackets] change with the answers. In a title, step or note, the line below them lists every "
        "value they take there" + ("; in a line to write down, they are words from one answer, each said once "
                                   "under \"Words from one answer\"" if record.said else "")
        + f". [title], [clauses] and [assessment] are the answer's own. The first mention of the manager in an "
        f"answer is written in full, later ones say \"{record.later}\"; this record writes every mention in full.",
        f"Something only one policy version says is marked \"(only in {every[0]})\"; \"Only under {every[-1]}\" "
        "lists the answer sets that lead to an outcome under that version only.",
        *([f"The answer sets counted and described under each outcome are the answers table's, which leaves these "
           f"questions unanswered, meaning 'not sure': {', '.join(record.left)}."] if record.left else []),
        *([f"Answered, those questions can change the outcome, its notes and its words, so "
           f"{record.representatives:,} representative answer sets are walked too, under each version: one for each "
           "assessment the rules can tell apart, crossed with every answer to the other questions. Every outcome, "
           "note, step and line to write down they give is here; they are counted apart (\"representative answer "
           "sets\"), \"also\" names answers to the other questions that only they lead to there, and an outcome's "
           "\"Write down\" speaks of both."] if record.representatives else []),
        "",
    ]


def _questions(record) -> list[str]:
    lines = ["== Questions (the answers below are these option ids) =="]
    for question in record.questions:
        lines.append(f"{question.id}: {question.prompt}{' (tick any)' if question.multi else ''} "
                     + "; ".join(f"{o.id} = {o.label}" for o in question.options))
    return lines + [""]


def _said(record) -> list[str]:
    """Each word from one answer, once: the question it is filled in from, and its words for every answer."""
    if not record.said:
        return []
    return ["== Words from one answer (each [word] below is filled in from the reader's answer to one question) ==",
            *record.said, ""]


def _steps(outcome, number: int, written: dict[str, tuple[str, str]]) -> list[str]:
    """The outcome's own steps: written out the first time, named by number after that (with the values their
    words take in this outcome)."""
    lines = []
    for step in outcome.steps.values():
        text = step.text()
        if text in written:
            preview = " ".join(text.split()[:PREVIEW])
            lines.append(f"{STEP}{' (as in '.join(written[text])}) {preview}{'…' if preview != text else ''}")
            lines += step.value_lines(versions.VERSIONS, VALUES)  # the values it takes here
        else:
            written[text] = (f"S{len(written) + 1}", f"A{number}")
            lines.append(f"{STEP}{written[text][0]} {text}{only_in(step.versions, versions.VERSIONS)}")
            lines += step.value_lines(versions.VERSIONS, VALUES)
    return lines


def _added(record, outcome, note_numbers: dict, line_numbers: dict) -> list[str]:
    """The notes other rules add, before and after the steps, and the lines to write down."""
    every, lines = versions.VERSIONS, []
    for first, where in ((True, "before"), (False, "after")):
        added = [f"{note_numbers[key]} {key[0]}{only_in(outcome.notes[key], every)}" for key in record.notes
                 if key in outcome.notes and _rule(record, key[0]).note_first == first]
        if added:
            lines.append(f"{STEP}Added {where} the steps: {', '.join(added)}")
    total = [outcome.counts.get(v, 0) + outcome.represented.get(v, 0) for v in every]
    always = [line_numbers[label] for label, counts in outcome.lines.items() if counts == total]
    some = [line_numbers[label] for label, counts in outcome.lines.items() if counts != total]
    return lines + [f"{STEP}Write down: {' '.join(always)}"
                    + (f"; for some of these answers also {' '.join(some)}" if some else "")]


def _outcome(record, number: int, outcome) -> list[str]:
    """The outcome's title, its rule and when it fits, and which answers lead to it."""
    every, rule = versions.VERSIONS, outcome.rule
    lines = [f"A{number}. {rule.decision}, {outcome.urgency}: {outcome.title.text()}"
             + only_in(set(outcome.counts), every)]
    lines += outcome.title.value_lines(every, STEP)
    lines.append(f"{STEP}Rule {rule.name} (clause{'s' if len(rule.cites) > 1 else ''} {', '.join(rule.cites)}): "
                 f"{rule.summary}.")
    if outcome.raised_by:  # a rule that adds no note says here when it fits
        raised = [name if _rule(record, name).note else f"{name} ({summary})"
                  for name, summary in outcome.raised_by.items()]
        lines.append(f"{STEP}{outcome.urgency.capitalize()}, not {rule.urgency}, when any of these fits too: "
                     f"{', '.join(raised)}.")
    every_set = set().union(*outcome.answers.values())
    which = f" Answers: {_which_answers(record, every_set)}." if every_set else ""
    lines.append(f"{STEP}{_count(outcome.counts)}.{which}")
    if outcome.represented:
        lines.append(f"{STEP}{_count(outcome.represented, 'representative answer sets')}{_also(record, outcome)}.")
    return lines + _moved(record, outcome)


def _assessments(record, outcome) -> list[str]:
    """The outcome's assessments: every sentence, or, given by parts, the first parts they start with."""
    every, parts = versions.VERSIONS, record.parts
    if not outcome.assessments:
        return []
    if parts is None:
        return [f"{STEP}The risk, said above the steps, is one of:"] + [
            f"{VALUES}- {text}{only_in(seen, every)}" for text, seen in outcome.assessments.items()]
    name, _, firsts = parts.parts[0]
    starts = [first for first in firsts if any(text.startswith(first) for text in outcome.assessments)]
    return [f"{STEP}{parts.title}, by its parts: [{name}] is {' | '.join(starts)}."]


def _by_parts(record) -> list[str]:
    """The assessment's sentence by its parts, each wording once, with the longest sentences as examples."""
    parts = record.parts
    if parts is None:
        return []
    lines = [f"== {parts.title}, by its parts ==", parts.how]
    lines += [f"[{name}] {when}: {' | '.join(wordings)}" for name, when, wordings in parts.parts]
    said = sorted({text for outcome in record.outcomes.values() for text in outcome.assessments}, key=len)
    level = next(first for first in parts.parts[0][2] if said[-1].startswith(first))
    other = next(text for text in reversed(said) if not text.startswith(level))  # the longest at another level
    return lines + ["For example:", f"{VALUES}- {said[-1]}", f"{VALUES}- {other}", ""]


def render(record) -> str:
    every = versions.VERSIONS
    note_numbers = {key: f"N{n}" for n, key in enumerate(record.notes, 1)}
    line_numbers = {label: f"R{n}" for n, label in enumerate(record.lines, 1)}
    lines = _header(record) + _questions(record) + _said(record) + ["== Outcomes =="]
    written: dict[str, tuple[str, str]] = {}  # step -> its number, and where it was written out
    for number, outcome in enumerate(record.outcomes.values(), 1):
        lines += _outcome(record, number, outcome) + _steps(outcome, number, written)
        lines += _added(record, outcome, note_numbers, line_numbers)
        lines += _assessments(record, outcome)
        lines.append("")
    lines += _by_parts(record)
    lines.append("== Notes: added to an outcome when their rule fits ==")
    for key, note in record.notes.items():
        rule = _rule(record, key[0])
        lines.append(f"{note_numbers[key]} {rule.name} ({rule.summary}): {note.text()}{only_in(note.versions, every)}")
        lines += note.value_lines(every, STEP)
    lines += ["", "== Lines to write down, in the order an answer gives them =="]
    for text, seen in record.lines.items():
        lines.append(f"{line_numbers[text]} {text}{only_in(seen, every)}")
    return "\n".join(lines) + "\n"
