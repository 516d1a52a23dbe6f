"""The record of every answer (checkers/answers/<checker>.txt): fresh, every wording once, and complete.

Complete means a reader can rebuild every answer from it: the test reads the committed file back, as a
person would, and finds every decide() result of every valid answer set under every policy version under an
outcome with its decision, urgency and title, its steps in order (the outcome's own, and the notes it lists,
with the values the record gives for the words that change), its lines to write down (each a template whose
words from one answer are read, for that answer set, from the record's "Words from one answer") and its
assessment. Those words are read back too: every text of every word, for every answer and every set of ticks,
is the one the record says.
For breach the answer sets are the table's and the checker's representative ones (checkers/breach/space.py), and
its assessment is read from the parts the record lists: every sentence over the whole space of facts is made of
them.
"""
from __future__ import annotations

import dataclasses
import functools
import itertools
import re

import pytest
from click.testing import CliRunner

import checkers
from checkers.breach.space import CONTEXTS, assessed
from checkers.checker import FromAnswer
from checkers.versions import VERSIONS
from checkers.breach.risk import kinds_named
from checkers.words import AGAIN, fill, words
from handbook.cli import main
from handbook.group import load_group
from handbook.answers import answer_record
from handbook.answers.answer_record import EXAMPLE_GROUP, build_record, record_path, stale_record_diff
from handbook.answers.tables import combinations
from handbook.answers.wording import BLANK

GROUP = load_group(EXAMPLE_GROUP).words()
SAID = words(GROUP)
ONLY_IN = re.compile(r" \(only in [0-9., ]+\)$")
SLOT = re.compile(r"\\\[([a-z\\ ]+)\\\]")  # a [word] in an escaped pattern (re.escape escapes its spaces)


def in_full(text: str) -> str:
    """The manager named in full, as the record writes every mention."""
    return re.sub(rf"\b{SAID[AGAIN]}\b", lambda m: m.group()[0] + SAID["manager"][1:], text, flags=re.I)


def pattern(text: str, values: dict[str, str]) -> str:
    """A record line as a pattern: each [word] one of the values listed under it; a [word] with none listed (the
    answer's own, or a word from one answer) is captured, for `matches` to check."""
    seen = set()

    def slot(found):
        name = found.group(1).replace("\\ ", "_")
        if name not in values:
            group = f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
            seen.add(name)
            return group
        one = "|".join(re.escape(ONLY_IN.sub("", v)) for v in values[name].split(" | "))
        return f"(?:{one})"
    return SLOT.sub(slot, re.escape(text))


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def matches(entry: str, text: str, result, said: dict[str, str]) -> bool:
    """Whether a text is the entry with the answer's own words, and the words from one answer the record says
    for these answers (`said`), where its slots are (a value starting a sentence gets a capital)."""
    found = re.fullmatch(entry, text, flags=re.DOTALL)
    if not found:
        return False
    own = {"title": in_full(result.title), "assessment": in_full(result.assessment),
           "clauses": f"clause{'s' if len(result.cites) > 1 else ''} {', '.join(result.cites)}", **said}
    return all(own.get(name) is not None and value in (own[name], capital(own[name]))
               for name, value in found.groupdict().items())


@functools.cache
def read_back(checker_id: str) -> tuple[list[dict], dict, dict]:
    """The committed record as a reader sees it: its outcomes, notes and lines to write down."""
    outcomes, notes, lines, steps = [], {}, {}, {}
    entry, part = None, ""
    for line in record_path(checker_id).read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            part = line
            continue
        value = re.fullmatch(r"\s+\[([a-z ]+)\]: (.*)", line)
        if value:
            entry["values"][value.group(1).replace(" ", "_")] = value.group(2)
            continue
        if part.startswith("== Outcomes"):
            header = re.fullmatch(r"A\d+\. (\w+), (\w+): (.*)", line)
            step = re.fullmatch(r"    (S\d+) (\(as in A\d+\) )?(.*)", line)
            if header:
                entry = {"decision": header.group(1), "urgency": header.group(2), "text": ONLY_IN.sub("", header.group(3)),
                         "values": {}, "steps": [], "before": [], "after": [], "write": set(), "risk": set()}
                outcomes.append(entry)
                current = entry
            elif step and step.group(2):  # written out above: its words, with the values it takes here
                entry = {"text": steps[step.group(1)]["text"], "values": {}}
                current["steps"].append(entry)
            elif step:
                entry = steps[step.group(1)] = {"text": ONLY_IN.sub("", step.group(3)), "values": {}}
                current["steps"].append(entry)
            elif added := re.fullmatch(r"    Added (before|after) the steps: (.*)", line):
                current[added.group(1)] = re.findall(r"N\d+", added.group(2))
            elif line.startswith("    Write down: "):
                current["write"] = set(re.findall(r"R\d+", line))
            elif line.startswith("        - "):
                current["risk"].add(ONLY_IN.sub("", line[10:]))
            elif starts := re.fullmatch(r"    .+, by its parts: \[[a-z ]+\] is (.*)\.", line):
                current["starts"] = starts.group(1).split(" | ")
        elif part.startswith("== Notes") and (note := re.fullmatch(r"(N\d+) \w+ \(.*?\): (.*)", line)):
            entry = notes[note.group(1)] = {"text": ONLY_IN.sub("", note.group(2)), "values": {}}
        elif part.startswith("== Lines") and (written := re.fullmatch(r"(R\d+) (.*)", line)):
            entry = lines[written.group(1)] = {"text": ONLY_IN.sub("", written.group(2)), "values": {}}
    every_step = [step for outcome in outcomes for step in outcome["steps"]]
    for item in [*outcomes, *every_step, *notes.values(), *lines.values()]:
        item["pattern"] = pattern(item["text"], item["values"])
    return outcomes, notes, lines


def parts_of(text: str) -> tuple[str, dict[str, list[str]]]:
    """The section giving the assessment by its parts, as a reader sees it: its shape, and each part's wordings."""
    how, parts, inside = "", {}, False
    for line in text.splitlines():
        if line.startswith("== "):
            inside = line.endswith(", by its parts ==")
        elif inside and (part := re.fullmatch(r"\[([a-z ]+)\] .*?: (.*)", line)):
            parts[part.group(1)] = part.group(2).split(" | ")
        elif inside and not how:
            how = line
    return how, parts


def sentence_pattern(text: str) -> re.Pattern:
    """The breach risk sentence as the record's shape and parts make it: nothing else can fill a part."""
    how, parts = parts_of(text)
    one = {name: "(?:" + "|".join(map(re.escape, wordings)) + ")" for name, wordings in parts.items()}
    lead = re.escape(re.search(r"\[judged\]\. (.+?) \[find out\]", how).group(1))
    what = f"{one['what']}(?: and {one['what']})*"
    details = f"{what}(?: {one['about']})?(?:, {one['event']})?(?:, {one['got back']})?"
    why = f"(?:{one['settled']}|(?:{one['danger']}; )?(?:{one['danger']}|{details})(?:; {one['judged']})?)"
    return re.compile(f"{one['level']}(?:: {why}\\.|, {one['until']}: {why}\\. {lead}(?: {one['find out']})+)")


@functools.cache
def breach_sentence() -> re.Pattern:
    return sentence_pattern(record_path("breach").read_text(encoding="utf-8"))


def said_as_recorded(outcome: dict, assessment: str) -> bool:
    """An assessment the outcome lists, or, given by its parts, one that starts as listed and is made of them."""
    if "starts" not in outcome:
        return assessment in outcome["risk"]
    return any(re.match(f"{re.escape(start)}[:,]", assessment) for start in outcome["starts"]) and bool(
        breach_sentence().fullmatch(assessment))


def in_order(entries: list[str], texts: tuple[str, ...], result, said: dict) -> bool:
    """Whether the texts are some of the entries, in their order."""
    rest = iter(entries)
    return all(any(matches(entry, text, result, said) for entry in rest) for text in texts)


def covers(outcome: dict, notes: dict, lines: dict, result, said: dict) -> bool:
    """Whether the outcome holds the result, its words from one answer being `said` (what the record says of
    them for these answers)."""
    if (outcome["decision"], outcome["urgency"]) != (result.decision, result.urgency):
        return False
    if not matches(outcome["pattern"], in_full(result.title), result, said):
        return False
    entries = ([notes[n]["pattern"] for n in outcome["before"]] + [s["pattern"] for s in outcome["steps"]]
               + [notes[n]["pattern"] for n in outcome["after"]])
    if not in_order(entries, tuple(in_full(step) for step in result.steps), result, said):
        return False
    if result.assessment and not said_as_recorded(outcome, in_full(result.assessment)):
        return False
    return all(any(matches(lines[r]["pattern"], in_full(line), result, said) for r in outcome["write"])
               for line in result.record)


WORD = re.compile(r"\[([a-z ]+)\] from (\w+): (.*)")
TICKED = re.compile(r"the (labels|words) of the boxes ticked(, in lower case)?, in (the form's order|this order: "
                    r"([\w, ]+)|the order listed), joined by \"(.*?)\"; none ticked: (.*?)(?:: (.*))?")


def shown(text: str) -> str:
    return "" if text == '""' else text


def listed(text: str) -> dict[str, str]:
    """'case_details = their situation | ...' as option id -> text."""
    return {option: shown(said) for option, said in (item.split(" = ", 1) for item in text.split(" | "))}


def read_word(question, how: str):
    """One word from one answer as the record says it: its text for an answer, as the checker takes it (an option
    id, None, or the ticked ids); None where the record says nothing."""
    labels = {o.id: o.label for o in question.options}
    if not question.multi:
        how, _, blank = how.partition(f"; {BLANK} = ")
        texts = ({o: (str.lower if how.endswith(", in lower case") else str)(label) for o, label in labels.items()}
                 if how.startswith("its label") else listed(how))
        return lambda answer: texts.get(answer) if answer is not None else (shown(blank) if blank else None)
    made = TICKED.fullmatch(how)
    if made is None:
        return lambda ticked: None
    kind, lower, where, order, joiner, none, words = made.groups()
    texts = listed(words) if kind == "words" else {o: label.lower() if lower else label
                                                   for o, label in labels.items()}
    order = (order.split(", ") if order else list(texts) if where == "the order listed"
             else list(question.option_ids()))
    return lambda ticked: joiner.join(texts[o] for o in order if o in ticked) if ticked else shown(none)


def read_words(checker_id: str, text: str | None = None) -> dict:
    """Every word from one answer the record says (name -> read_word), from its "Words from one answer"."""
    questions = {q.id: q for q in checkers.CHECKERS[checker_id].questions}
    text = record_path(checker_id).read_text(encoding="utf-8") if text is None else text
    inside, read = False, {}
    for line in text.splitlines():
        if line.startswith("== "):
            inside = line.startswith("== Words from one answer")
        elif inside and (word := WORD.fullmatch(line)):
            read[word.group(1).replace(" ", "_")] = read_word(questions[word.group(2)], word.group(3))
    return read


def said_for(read: dict, checker, checked: dict) -> dict[str, str]:
    """What the record says each word from one answer is, for these (checked) answers."""
    return {name: read[name](checked.get(checker.from_answers[name].question)) for name in read}


def every_answer(question) -> list:
    """Every answer a word can get: each option, or unanswered; for a multi-choice question every set of ticks."""
    ids = question.option_ids()
    if question.multi:
        return [frozenset(ticked) for n in range(len(ids) + 1) for ticked in itertools.combinations(ids, n)]
    return [*ids, *([] if question.required else [None])]


def unsaid(checker, text: str | None = None) -> list[tuple]:
    """Each (word, answer, its text, what the record says) where the record does not say the word's text."""
    questions, read = {q.id: q for q in checker.questions}, read_words(checker.id, text)
    return [(name, answer, word.text(answer), read[name](answer) if name in read else None)
            for name, word in checker.from_answers.items() for answer in every_answer(questions[word.question])
            if name not in read or read[name](answer) != word.text(answer)]


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_the_committed_record_of_answers_matches_the_rules(checker_id):
    diff = stale_record_diff(checker_id)
    assert not diff, f"The record of answers is out of date: run `handbook answers --write`.\n{diff}"
    assert record_path(checker_id).read_text(encoding="utf-8") == build_record(checker_id)


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_every_answer_can_be_rebuilt_from_the_record(checker_id):
    """Every decide() result, over every valid answer set and the checker's representative ones, under every
    policy version, is found in the record."""
    module = checkers.CHECKERS[checker_id]
    outcomes, notes, lines = read_back(checker_id)
    read = read_words(checker_id)
    checked: set = set()
    represented = tuple(module.representatives()) if module.representatives else ()
    for version in VERSIONS:
        for answers in (*combinations(checker_id), *represented):
            result = module.decide(answers, group=GROUP, version=version)
            key = (result.decision, result.urgency, result.title, result.steps, result.record, result.assessment,
                   result.cites)
            if key not in checked:
                said = said_for(read, module, module.checked(answers))
                assert any(covers(outcome, notes, lines, result, said) for outcome in outcomes), (version, answers)
                checked.add(key)
    assert len(checked) > len(outcomes)  # the record is shorter than the answers it holds


def test_a_changed_step_is_not_found_in_the_record():
    """The check above can fail: a step the record does not hold, or holds with other values, is missing; so is a
    line to write down whose words from one answer are not what the record says of those answers."""
    outcomes, notes, lines = read_back("sharing")
    sharing = checkers.CHECKERS["sharing"]

    def covered(result, answers) -> bool:
        said = said_for(read_words("sharing"), sharing, sharing.checked(answers))
        return any(covers(outcome, notes, lines, result, said) for outcome in outcomes)
    answers = {"about": "service_user", "requester": "colleague", "information": "case_details", "consent": "not_asked",
               "circumstances": []}
    result = sharing.decide(answers, group=GROUP)
    assert covered(result, answers)
    reworded = result.__class__(**{**result.__dict__, "steps": (result.steps[0].replace("share", "tell"),
                                                                *result.steps[1:])})
    assert not covered(reworded, answers)
    other_value = result.__class__(**{**result.__dict__, "steps": (result.steps[0].replace("your colleague", "the police"),
                                                                   *result.steps[1:])})
    assert not covered(other_value, answers)
    reordered = result.__class__(**{**result.__dict__, "steps": tuple(reversed(result.steps))})
    assert not covered(reordered, answers)
    ticked = dict(answers, circumstances=["terrorism", "safeguarding"])
    result = sharing.decide(ticked, group=GROUP)
    assert covered(result, ticked) and not covered(result, dict(ticked, consent="refused"))
    line = next(n for n, text in enumerate(result.record) if text.startswith("Exceptional circumstances: "))
    for record in (result.record[:line] + ("Exceptional circumstances: the information is about an act of "
                                           "terrorism; there are safeguarding concerns.",) + result.record[line + 1:],
                   tuple(text.replace("Consent: we have", "Consent: they have") for text in result.record)):
        assert record != result.record and not covered(result.__class__(**{**result.__dict__, "record": record}),
                                                       ticked)


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_every_word_from_one_answer_is_said_in_the_record(checker_id):
    """Each word a line to write down (or a step) fills in from one answer is said once in the record, and what
    it says gives the word's text for every answer to its question, and every set of ticks of a multi-choice one."""
    checker = checkers.CHECKERS[checker_id]
    assert unsaid(checker) == []
    text = record_path(checker_id).read_text(encoding="utf-8")
    assert sorted(read_words(checker_id)) == sorted(checker.from_answers)
    assert all(text.count(f"[{name.replace('_', ' ')}] from ") == 1 for name in checker.from_answers)


def test_a_changed_word_from_one_answer_is_caught():
    """A word's text the record does not say (another label, case, order, separator or text for no ticks), or a
    record that says a word otherwise, is caught."""
    sharing, breach = checkers.CHECKERS["sharing"], checkers.CHECKERS["breach"]
    text = record_path("sharing").read_text(encoding="utf-8")
    for changed in (text.replace("partner_agency = the partner-agency worker", "partner_agency = the agency worker"),
                    text.replace("[information said] from information: its label, in lower case",
                                 "[information said] from information: its label"),
                    text.replace('joined by "; "; none ticked: none', 'joined by ", "; none ticked: none')):
        assert changed != text and unsaid(sharing, changed) != []
    circumstances = next(q for q in sharing.questions if q.id == "circumstances")
    by_id = FromAnswer("circumstances", lambda ticked: "; ".join(
        circumstances.label(o).lower() for o in sorted(ticked or ())) or "none")  # not the form's order
    assert unsaid(dataclasses.replace(sharing, from_answers={**sharing.from_answers,
                                                             "circumstances_said": by_id})) != []
    kinds = breach.from_answers["data_said"]
    for changed in (FromAnswer("data", lambda ticked: kinds.text(ticked) if ticked else "none"),
                    FromAnswer("data", lambda ticked: kinds.text(ticked).replace("; ", " and "))):
        assert unsaid(dataclasses.replace(breach, from_answers={**breach.from_answers, "data_said": changed})) != []


def said_sentence(facts: dict, assessment) -> str:
    """The sentence as a reader sees it: its {kinds} filled in from the boxes ticked."""
    return fill(assessment.sentence(), {"kinds": kinds_named(facts.get("data"))})


def test_every_risk_sentence_over_the_whole_space_of_facts_is_made_of_the_parts_the_record_lists():
    """The breach record lists the risk sentence by its parts: every sentence any combination of facts gives
    (253,456 combinations) fits its shape with those parts, and every part listed is said by some sentence."""
    said = {said_sentence(facts, assessment) for ctx in CONTEXTS for facts, assessment in assessed(ctx)}
    assert [text for text in said if not breach_sentence().fullmatch(text)] == []
    every_text = "\n".join(said)
    _, parts = parts_of(record_path("breach").read_text(encoding="utf-8"))
    listed = [wording for wordings in parts.values() for wording in wordings]
    assert [wording for wording in listed if wording not in every_text] == []
    assert len(listed) == len(set(listed))  # each wording written once
    assert len(said) > 10 * sum(map(len, parts.values()))  # the parts are far fewer than the sentences


def test_a_changed_risk_wording_is_not_found_in_the_record():
    """A part worded otherwise, said in another order, or missing from the record, is caught."""
    sentence = next(said_sentence(facts, a) for facts, a in assessed("ordinary")
                    if "names alone about one adult" in said_sentence(facts, a) and a.find_out)
    assert breach_sentence().fullmatch(sentence)
    for changed in (sentence.replace("names alone", "names only"), sentence.replace("Find out quickly", "Find out"),
                    sentence.replace(", until you know more", ""), sentence.replace("names alone about one adult",
                                                                                  "about one adult names alone")):
        assert not breach_sentence().fullmatch(changed), changed
    text = record_path("breach").read_text(encoding="utf-8")
    assert not sentence_pattern(text.replace(" | about one adult |", " |")).fullmatch(sentence)


@pytest.mark.parametrize("checker_id", sorted(checkers.CHECKERS))
def test_every_wording_is_written_out_once(checker_id):
    text = record_path(checker_id).read_text(encoding="utf-8")
    written = [line.split(" ", 1)[1] for line in text.splitlines()
               if re.match(r"    S\d+ (?!\(as in)", line) or re.match(r"[NR]\d+ ", line)]
    assert len(written) == len(set(written))
    assert "{" not in text and "Riverside Community Food Bank" in text


def test_both_policy_versions_are_in_the_record_and_what_differs_is_marked():
    breach, sharing = record_path("breach").read_text(), record_path("sharing").read_text()
    assert "under policy versions 1.0, 1.1" in breach
    assert re.search(r"^N\d+ near_miss_policy .*writes it there\. \(only in 1\.1\)$", breach, flags=re.M)
    assert re.search(r"^    Only under 1\.1 \(24\): requester: professional · information: case_details, case_file",
                     sharing, flags=re.M)


def test_a_stale_record_fails_handbook_answers(tmp_path, monkeypatch):
    for checker_id in checkers.CHECKERS:
        (tmp_path / f"{checker_id}.txt").write_text(build_record(checker_id), encoding="utf-8")
    (tmp_path / "concern.txt").write_text(build_record("concern").replace("Listen and stay calm", "Stay calm"),
                                          encoding="utf-8")
    monkeypatch.setattr(answer_record, "ANSWERS_DIR", tmp_path)
    diff = stale_record_diff("concern")
    assert "-    S4 Stay calm. Do not ask leading questions" in diff
    assert "+    S4 Listen and stay calm. Do not ask leading questions" in diff
    outcome = CliRunner().invoke(main, ["answers"])
    assert outcome.exit_code == 1 and "concern.txt (committed)" in outcome.output


def test_the_breach_record_has_what_only_answered_facts_lead_to():
    """Names alone about one adult, said out loud: unlikely to harm anyone, with its note. The table's space
    (those facts unanswered) never gets there; the representative answer sets do, and the record says so."""
    result = checkers.CHECKERS["breach"].decide(
        {"who": "me", "reason": "none", "what_happened": "told_someone", "personal_data": "yes",
         "data": ["names_only"], "people": "one", "vulnerable": "no", "danger": "no"}, group=GROUP)
    assert result.urgency == "today" and "Ask the person who was told not to pass it on." in result.steps
    unlikely = re.search(r"^A\d+\. report_to_manager, today: .*unlikely to harm anyone\n(.*?)\n\n",
                         record_path("breach").read_text(encoding="utf-8"), flags=re.M | re.S).group(1)
    told = re.search(r"^(N\d+) told ", record_path("breach").read_text(encoding="utf-8"), flags=re.M).group(1)
    assert re.search(rf"Added before the steps: .*\b{told} told\b", unlikely)
    assert "with those questions answered, also what_happened: told_someone." in unlikely
