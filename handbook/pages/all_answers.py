"""The "All answers" page: every answer a checker can give, grouped by situation, as Markdown.

Generated from the same enumeration as the answers table, so it cannot drift from the rules.
It is the no-JavaScript fallback of the checkers and prints on paper. Headings carry stable ids
(`#sharing-police-ask`) so a checker can link to the situation it answered.
"""
from __future__ import annotations

from collections import defaultdict

import checkers
from checkers import versions
from checkers.words import fill, words as group_words
from checkers.actions import ACTIONS

from ..policy.placement import clause_link
from ..rules.tables import outcomes, table_questions

# checker -> situations in reading order: (heading, id, deciding rules in it)
SITUATIONS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "sharing": (
        ("Emergencies", "emergency", ("emergency_check_first", "emergency_services", "police_life_at_risk")),
        ("Whenever someone may be at risk", "at-risk",
         ("child_at_risk", "safeguarding_concern", "urgent_medical", "risk_of_harm", "terrorism_police",
          "terrorism", "drug_dealing", "court_required")),
        ("Posting online or talking to the press", "online",
         ("never_online", "online_not_now", "photo_not_for_posting", "photo_check_consent")),
        ("The police or a court ask", "police-or-court", ("police_ask", "court_asks")),
        ("Someone in the group asks", "inside",
         ("partner_objected", "refused_personal", "team_despite_refusal", "permission_inside",
          "within_team", "permission_given_inside")),
        ("Someone outside the group asks", "outside",
         ("refused_outside", "unknown_caller_details", "consent_names_others", "check_consent_names",
          "email_without_authority", "verbal_only", "not_asked_outside", "recorded_consent")),
        ("The person asks about themselves", "the-person", ("own_file", "own_information")),
    ),
    "concern": (
        ("Someone is in danger now", "danger-now", ("child_in_danger_now", "adult_in_danger_now")),
        ("The person causing harm works here", "worker", ("child_harmed_by_worker", "adult_harmed_by_worker")),
        ("A child or vulnerable adult", "child", ("child_not_sure", "child_at_risk")),
        ("An adult who can make their own decisions", "adult", ("adult_decides", "adult_past")),
    ),
    "breach": (
        ("Someone could be in danger", "danger", ("someone_in_danger",)),
        ("Passed on for a reason the policy allows", "to-protect", ("shared_to_protect",)),
        ("Information went where it should not", "got-out", ("ico_must_know", "unlikely_risk", "no_personal_data")),
        ("It nearly happened", "near-miss", ("near_miss",)),
    ),
}
# Words for {what} and {who} in steps, which otherwise come from the reader's answers.
PAGE_WORDS = {"what": "the information", "who": "the person asking",
              "how_to_check": "Check it is really them, on a number you look up yourself."}


def _clauses(cites) -> str:
    return ", ".join(f"[{cid}]({clause_link(cid, 'all-answers/page.md')})" for cid in cites)


def _labels(module) -> dict[tuple[str, str], str]:
    return {(q.id, o.id): o.label for q in module.QUESTIONS for o in q.options}


def _anchor(checker_id: str, rule_name: str) -> str:
    return f"{checker_id}-{rule_name.replace('_', '-')}"


def _table(module, rule, rows: list, words: dict) -> list[str]:
    """A compact table of the answers (multi-choice ones left out) a rule decides: all clauses, extra actions."""
    labels = _labels(module)
    columns = [q for q in module.QUESTIONS if not q.multi and any(q.id in answers for answers, _ in rows)]
    own = set(rule.actions) | {"record_decision"}
    extra = [[ACTIONS[a].format(**words) for a in outcome.actions if a not in own] for _, outcome in rows]
    also = any(extra)
    lines = ["| " + " | ".join(q.prompt for q in columns) + " | Clauses |" + (" Also |" if also else ""),
             "|" + "---|" * (len(columns) + 1 + also)]
    for (answers, outcome), more in zip(rows, extra):
        cells = [labels[(q.id, answers[q.id])] if q.id in answers else "(not asked)" for q in columns]
        cells.append(_clauses(outcome.cites))
        if also:
            cells.append("; ".join(more) or "-")
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def render_answers_page(checker_id: str, group: dict | None = None, version: str | None = None,
                        hidden: dict[str, tuple[str, ...]] | None = None) -> str:
    """Markdown for the "All answers" page of one checker, in the group's words, leaving out the
    answers that use an option the group's form does not offer (`hidden`)."""
    module = checkers.CHECKERS[checker_id]
    version = versions.resolve(version)
    words = dict(group_words(group), **PAGE_WORDS)
    everything = [(answers, outcome) for answers, outcome in outcomes(checker_id, version)
                  if not any(answers.get(qid) in options for qid, options in (hidden or {}).items())]
    multi = next((q for q in table_questions(checker_id) if q.multi), None)
    decided: dict[str, list] = defaultdict(list)
    for answers, outcome in everything:
        decided[outcome.winner.name].append((answers, outcome))
    reached = {rule.name for _, outcome in everything for rule in outcome.matched}
    deciding = [rule for rule in module.RULES if rule.decision and decided[rule.name]]
    order = [rule.name for rule in deciding]
    lines = [
        "---", "search:", "  exclude: true", "---", "",  # the tables would swamp the search results
        f"# All answers: {module.TITLE}", "",
        f"Every answer the \"{module.TITLE}\" checker can give, under version {version} of the policy: "
        f"{len(everything):,} combinations of answers in all. You do not need JavaScript to use this page, "
        "and it prints well.", "",
        "When more than one answer fits, the safest one decides, and the answer also names the "
        "clauses of the others. From safest to least safe:", "",
    ]
    lines += [f"{n}. [{fill(r.title, dict(words, when=r.urgency))}](#{_anchor(checker_id, r.name)}): {r.summary}."
              for n, r in enumerate(deciding, 1)]
    lines += [""]
    rules = {rule.name: rule for rule in module.RULES}
    for heading, situation_id, names in SITUATIONS[checker_id]:
        lines += [f"## {heading} {{#{checker_id}-{situation_id}}}", ""]
        for name in names:
            if decided[name]:  # a rule of another policy version decides nothing here
                lines += _section(checker_id, module, rules[name], decided[name], words, multi, order)
    lines += _notes(module, words, reached)
    return "\n".join(lines).rstrip() + "\n"


def _section(checker_id, module, rule, decided, words, multi, order) -> list[str]:
    safer = order.index(rule.name)
    lines = [
        f"### {fill(rule.title, dict(words, when=rule.urgency))} {{#{_anchor(checker_id, rule.name)}}}", "",
        f"**When:** {rule.summary}" + (", unless a safer answer fits." if safer else ".")
        + f" This is the answer for {len(decided):,} of the combinations.", "",
    ]
    lines += [f"{n}. {fill(step, dict(words, when=rule.urgency))}" for n, step in enumerate(rule.steps, 1)]
    lines += ["", f"**Why:** clauses {_clauses(rule.cites)}", ""]
    unticked = [(a, o) for a, o in decided if not (multi and a[multi.id])]
    if unticked and len(unticked) == len(decided):
        lines += ["It is the answer to exactly these answers:", ""] + _table(module, rule, unticked, words) + [""]
    elif unticked:
        lines += [f"With nothing ticked under \"{multi.prompt}\", it is the answer to these answers:", ""]
        lines += _table(module, rule, unticked, words) + [""]
    return lines


def _notes(module, words, reached: set[str]) -> list[str]:
    notes = [rule for rule in module.RULES if not rule.decision and rule.name in reached]
    if not notes:
        return []
    lines = ["## Notes added to any answer {#notes}", "",
             "These never decide on their own. Whenever they fit, the answer adds the note and its clauses.", ""]
    for rule in notes:
        text = " ".join(fill(note, dict(words, when=rule.urgency or "today")) for note in rule.note)
        cites = f" (clauses {_clauses(rule.cites)})" if rule.cites else ""
        lines.append(f"- **{rule.summary}:** {text}{cites}")
    return lines + [""]
