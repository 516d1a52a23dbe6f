"""Breach: how we judge the risk to the people a breach is about, from facts a volunteer knows.

Read it beside docs/about/how-we-judge-the-risk.md. The factors are the ICO's and the EDPB's (ICO
guidance on personal data breaches; EDPB Guidelines 9/2022 and 01/2021; WP29 WP250 Annex B): the kind of
information (health and other special category data, money and ID weigh most; names alone least), how
many people, children or vulnerable adults, whether it was contained, and physical danger.

The law is asymmetric, and so is this: the ICO must be told *unless* the breach is unlikely to result in a
risk, so an unknown fact counts at its worst for that question (until it is known, "unlikely" cannot be
shown); the people must be told when the risk to them is *high*, which needs the known facts (or
someone's judgement) to show it. Two known facts settle everything else: physical danger (always high)
and "got back or kept safe" (nobody else can use it: unlikely). Someone's own judgement (`risk`) can
raise the assessment, never lower it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..checker import Parts
from .questions import JUSTIFIED

# Said out loud or posted for anyone to see: it cannot be got back (the `contained` question is not asked).
NEVER_CONTAINED = ("told_someone", "posted_online")

NEAR_MISS, LAWFUL, NONE, UNLIKELY, RISK, HIGH = "near_miss", "lawful", "none", "unlikely", "risk", "high"
ORDER = (NONE, UNLIKELY, RISK, HIGH)  # the levels the ICO test can give, least first
JUDGED = {"unlikely": UNLIKELY, "likely": RISK, "high": HIGH}  # the `risk` answer as a level

# Kind of information -> level when it is not got back, about: a few adults | more than 10 people, or
# children or vulnerable adults, or posted online | both. Heaviest first (the order of the sentence).
GRID: dict[str, tuple[str, str, str]] = {
    "health_or_sensitive": (HIGH, HIGH, HIGH),
    "logins": (HIGH, HIGH, HIGH),  # WP250 Annex B (vi): people must change their passwords, so they are told
    "money_or_id": (RISK, HIGH, HIGH),
    "case_notes": (RISK, HIGH, HIGH),
    "contact_details": (UNLIKELY, RISK, HIGH),
    "names_only": (UNLIKELY, RISK, RISK),
}
LIGHTEST = "names_only"  # an unknown kind, for the question "is it high?"

# Each fact as (best, worst) for the people it is about: what to find out is what could change the answer.
EXTREMES = {"kind": (LIGHTEST, "health_or_sensitive"), "people": ("one", "very_many"), "vulnerable": ("no", "yes"),
            "contained": ("yes", "no"), "danger": ("no", "yes"), "personal": ("no", "yes"), "delay": ("no", "yes")}
BEST = {"personal": "yes", "contained": None}  # for the others: "yes" for both would leave nothing to matter
FIND_OUT = {  # short questions: a volunteer reads them in the moment
    "personal": "Can anyone be told apart from it?",
    "danger": "Could it put anyone in danger?",
    "contained": "Was it got back, or deleted before anyone read it?",
    "kind": "What kind of information was it?",
    "people": "How many people is it about?",
    "vulnerable": "Are any of them children or vulnerable adults?",
    "delay": "Could the wait harm anyone?",
}
WORDS = {NEAR_MISS: "A near miss", LAWFUL: "Not a data breach if it was needed", NONE: "Not a personal data breach",
         UNLIKELY: "Unlikely to be a risk", RISK: "A risk to the people it is about",
         HIGH: "High risk to the people it is about"}
KINDS = {"health_or_sensitive": "health or other sensitive information", "logins": "passwords or log-ins",
         "money_or_id": "money or ID details",
         "case_notes": "case notes", "contact_details": "contact details", "names_only": "names alone"}
ABOUT = {  # (people, vulnerable) -> who it is about; None: not known
    ("one", "yes"): "about a child or vulnerable adult", ("one", "no"): "about one adult",
    ("one", None): "about one person", ("few", "yes"): "about 2 to 10 people, some of them children or "
    "vulnerable adults", ("few", "no"): "about 2 to 10 adults", ("few", None): "about 2 to 10 people",
    ("many", "yes"): "about more than 10 people, some of them children or vulnerable adults",
    ("many", "no"): "about more than 10 adults", ("many", None): "about more than 10 people",
    ("very_many", "yes"): "about more than 1,000 people, some of them children or vulnerable adults",
    ("very_many", "no"): "about more than 1,000 adults", ("very_many", None): "about more than 1,000 people",
    (None, "yes"): "about children or vulnerable adults", (None, "no"): "about adults", (None, None): "",
}
UNTIL = "until you know more"  # said after the level while something is still to find out
FIND_OUT_LEAD = "Find out quickly."
SETTLED = {NEAR_MISS: "nothing got out", NONE: "no personal information was involved",
           LAWFUL: "it was passed on on purpose, for a reason our policy allows, to the people who needed it"}
DANGER = ("it could put someone in physical danger", "so it is personal information, even if it did not seem so")
PERSONAL = {"yes": "personal information", None: "perhaps personal information"}  # no kind ticked
POSTED, OUT_OF_USE = "posted online", "could not be used for a while"
GOT_BACK = {"yes": "got back, deleted before anyone read it, or locked with a password", "no": "not got back"}
WAIT = {"yes": "and the wait could harm them", "no": "and the wait did not harm anyone"}
JUDGED_WORDS = {RISK: "someone judged it could harm them", HIGH: "someone judged it could seriously harm them"}
# The sentence by its parts, for the record of every answer (checkers/answers/breach.txt): its combinations
# run to the tens of thousands, its parts to a few dozen wordings. Read it beside Assessment.sentence().
PARTS = Parts(
    title="The risk, said above the steps",
    how=("The risk is one sentence. Its shape: [level], [until]: [danger]; [what] [about], [event], [got back]; "
         f"[judged]. {FIND_OUT_LEAD} [find out] ... Each part is left out when it does not apply, with the comma "
         "or semicolon before it. When nothing got out, it was passed on for a reason our policy allows, or no "
         "personal information was involved, the sentence is only [level]: [settled]. Several kinds of "
         "information are joined by \"and\"; [until] and the questions to find out are said only while "
         "something is still to find out, one question after another."),
    parts=(("level", "how likely harm is", tuple(WORDS.values())),
           ("until", "while something is still to find out", (UNTIL,)),
           ("settled", "all that is said when nothing got out, it was allowed, or no personal information",
            tuple(SETTLED.values())),
           ("danger", "when it could put someone in physical danger (the second when it did not seem personal)",
            DANGER),
           ("what", "the kinds of information ticked, or, with none ticked, whether it was personal",
            (*KINDS.values(), *PERSONAL.values())),
           ("about", "how many people, and whether children or vulnerable adults (when known)",
            tuple(about for about in ABOUT.values() if about)),
           ("event", "when it was posted online, or records could not be used", (POSTED, OUT_OF_USE)),
           ("got back", "whether it was got back; for records that could not be used, what the wait did",
            (*GOT_BACK.values(), *WAIT.values())),
           ("judged", "when someone's own view raises the level", tuple(JUDGED_WORDS.values())),
           ("find out", f"after \"{FIND_OUT_LEAD}\", each fact that could change the answer",
            tuple(FIND_OUT.values()))),
)


def kinds_named(ticked) -> str:
    """{kinds} in the sentence: every kind ticked, heaviest first ("case notes and contact details"); the
    level rests on the heaviest alone, so the other kinds are words, not facts."""
    return " and ".join(KINDS[kind] for kind in GRID if kind in (ticked or ()))


@dataclass(frozen=True)
class Assessment:
    """The level, the safety fact and what to find out: all the rules read. `because` and `find_out`
    are the words behind it, for the reader and the record."""

    level: str
    danger: str  # "yes", "no" or "unsure"
    because: tuple[str, ...] = ()
    find_out: tuple[str, ...] = ()

    @property
    def open(self) -> bool:
        return bool(self.find_out)

    def sentence(self) -> str:
        """'High risk to the people it is about: {kinds} about a child...': a template, its {kinds} filled in
        from the boxes ticked (kinds_named)."""
        until = f", {UNTIL}" if self.find_out else ""
        text = f"{WORDS[self.level]}{until}: {'; '.join(self.because)}."
        return text + (f" {FIND_OUT_LEAD} {' '.join(self.find_out)}" if self.find_out else "")


def _known(value):
    return None if value in (None, "not_sure") else value


def level_of(personal, danger, contained, kind, people, vulnerable, delay, posted: bool, access: bool) -> str:
    """The level from the facts (None: not known): the grid, with unknowns at their worst for the ICO.

    Records that could not be used (`access`) harm people by the wait, not by who saw them (UK GDPR art 4(12);
    WP250 Annex B (viii); EDPB 01/2021 cases 1 and 3): the level is what the wait could do to them. More than
    1,000 people is the grid's last column on its own (EDPB 01/2021 case 11: identity fraud at scale).
    """
    if danger == "yes":
        return HIGH
    if personal == "no":
        return NONE
    if access:
        return {"yes": HIGH, "no": UNLIKELY}.get(delay, RISK)
    if contained == "yes":
        return UNLIKELY
    column = 2 if people == "very_many" else min(2, int(people == "many" or posted) + int(vulnerable == "yes"))
    level = GRID[kind or LIGHTEST][column]
    if None in (kind, people, vulnerable, danger):
        level = max(level, RISK, key=ORDER.index)
    return level


def _relevant(name: str, access: bool) -> bool:
    """Whether a fact can matter: the wait only for records that could not be used, and only that for them."""
    return (name == "delay") == access or name in ("danger", "personal")


def _raised(level: str, judged: str | None) -> str:
    """The level, raised (never lowered) by someone's judgement."""
    return max(level, judged, key=ORDER.index) if judged else level


def _find_out(facts: dict, posted: bool, access: bool, level: str, judged: str | None) -> tuple[str, ...]:
    """Each unknown fact that could change the answer: known at its best or its worst, it changes the level
    on its own, or with the other unknown facts at their best (except personal information and its
    containment, which would leave nothing else to matter)."""
    best = {name: value or BEST.get(name, EXTREMES[name][0]) for name, value in facts.items()}
    found = []
    for name in FIND_OUT:
        if facts[name] is None and _relevant(name, access):
            alone = {_raised(level_of(posted=posted, access=access, **dict(facts, **{name: end})), judged)
                     for end in EXTREMES[name]}
            with_best = {_raised(level_of(posted=posted, access=access, **dict(best, **{name: end})), judged)
                         for end in EXTREMES[name]}
            if alone != {level} or len(with_best) > 1:
                found.append(FIND_OUT[name])
    return tuple(found)


def _because(facts: dict, posted: bool, access: bool, kinds: list[str]) -> list[str]:
    """The facts the level rests on, as clauses of one sentence."""
    first = [DANGER[0]] if facts["danger"] == "yes" else []
    if first and facts["personal"] == "no":
        return first + [DANGER[1]]
    about = ABOUT[facts["people"], facts["vulnerable"]]
    what = "{kinds}" if kinds else PERSONAL[facts["personal"]]
    details = [f"{what} {about}".strip()] + ([POSTED] if posted else [])
    ending = [OUT_OF_USE, WAIT.get(facts["delay"])] if access else [GOT_BACK.get(facts["contained"])]
    return first + [", ".join(details + [part for part in ending if part])]


def assess(answers: dict) -> Assessment:
    """The assessment for checked answers (unanswered facts mean "not sure")."""
    what, danger = answers["what_happened"], _known(answers.get("danger"))
    if what == "near_miss":
        return Assessment(NEAR_MISS, "no", (SETTLED[NEAR_MISS],))
    safety = danger or "unsure"
    if answers["reason"] in JUSTIFIED and what == "shared_on_purpose" and danger != "yes":
        return Assessment(LAWFUL, safety, (SETTLED[LAWFUL],))
    if answers["personal_data"] == "no" and danger != "yes":
        return Assessment(NONE, safety, (SETTLED[NONE],))
    kinds = [kind for kind in GRID if kind in answers.get("data", ())]
    contained = "no" if what in NEVER_CONTAINED else _known(answers.get("contained"))
    facts = {"personal": _known(answers["personal_data"]), "danger": danger, "contained": contained,
             "kind": kinds[0] if kinds else None, "people": _known(answers.get("people")),
             "vulnerable": _known(answers.get("vulnerable")), "delay": _known(answers.get("delay_harm"))}
    posted, access = what == "posted_online", what == "cannot_access"
    level = level_of(posted=posted, access=access, **facts)
    because = _because(facts, posted, access, kinds)
    judged = JUDGED.get(answers.get("risk"))
    if _raised(level, judged) != level:
        level = judged
        because.append(JUDGED_WORDS[judged])
    return Assessment(level, safety, tuple(because), _find_out(facts, posted, access, level, judged))
