"""Every valid combination of answers and its outcome: built in memory, committed as a table.

The committed files (checkers/answers/<checker>-<version>.json) keep every combination, compactly:
one row per combination of the single-choice answers, holding the outcome for each of the 2**n
sets of the multi-choice answers (128 sets of circumstances, in bit order; from `first`, 1 when at
least one must be ticked), with legends of
decisions and of action lists. The
test rebuilds them and shows a readable diff, one line per combination, when the rules changed.

A checker whose whole space is too large to keep may name the questions its table expands
(`Checker.table_questions`; the others are left unanswered) and say what an unanswered optional question
means (`Checker.unanswered`: question id -> option), so "unanswered" is not listed apart from that option.
It then tests the rest of its space itself (as the breach checker does: checkers/breach/__init__.py).

    handbook answers --write          # rewrite the committed tables
"""
from __future__ import annotations

import difflib
import functools
import itertools
import json
from pathlib import Path

import checkers
from checkers import versions
from checkers.model import Question

from ..errors import HandbookError
from ..policy.placement import CLAUSE_PAGES

ANSWERS_DIR = Path(checkers.__file__).parent / "answers"
ABSENT = "-"  # an optional question left unanswered, or a question that does not apply


def table_questions(checker_id: str) -> tuple[Question, ...]:
    """The questions the table expands: all of the checker's, unless it names fewer (`table_questions`)."""
    checker = checkers.CHECKERS[checker_id]
    named = checker.table_questions
    return tuple(q for q in checker.questions if named is None or q.id in named)


def _split(checker_id: str) -> tuple[tuple[Question, ...], Question | None]:
    """The single-choice questions, and the one multi-choice question (expanded into columns)."""
    questions = table_questions(checker_id)
    multi = [q for q in questions if q.multi]
    if len(multi) > 1 or any(q.when for q in multi):
        raise ValueError(f"{checker_id}: an answers table expands one multi-choice question, always asked")
    return tuple(q for q in questions if not q.multi), (multi[0] if multi else None)


def base_combinations(checker_id: str) -> list[dict]:
    """Every valid set of single-choice answers, respecting routing (questions that do not apply are absent)."""
    singles, _ = _split(checker_id)
    unanswered = checkers.CHECKERS[checker_id].unanswered  # listed as the option it means
    combos: list[dict] = [{}]
    for question in singles:
        grown = []
        for combo in combos:
            if not question.applies(combo):
                grown.append(combo)
                continue
            listed_apart = not question.required and question.id not in unanswered
            choices = list(question.option_ids()) + ([None] if listed_apart else [])
            grown.extend({**combo, question.id: c} if c else dict(combo) for c in choices)
        combos = grown
    return combos


def multi_sets(checker_id: str) -> list[tuple[str, ...]]:
    """Every set of the multi-choice answers, in bit order: set k holds option i when bit i of k is set."""
    _, multi = _split(checker_id)
    if multi is None:
        return [()]
    ids = multi.option_ids()
    return [tuple(o for i, o in enumerate(ids) if k >> i & 1) for k in range(_first(multi), 2 ** len(ids))]


def _first(multi: Question) -> int:
    """The first set in bit order: 1 when at least one option must be ticked (the empty set is not an answer)."""
    return 1 if multi.at_least_one else 0


def combinations(checker_id: str):
    """Every valid answer set of a checker, as the dicts decide() takes."""
    _, multi = _split(checker_id)
    for base in base_combinations(checker_id):
        for chosen in multi_sets(checker_id):
            yield {**base, multi.id: list(chosen)} if multi else dict(base)


@functools.lru_cache(maxsize=None)
def outcomes(checker_id: str, version: str) -> tuple:
    """(answers, Outcome) for every valid answer set: the whole input space, computed once."""
    checker = checkers.CHECKERS[checker_id]
    return tuple((answers, checker.outcome(answers, version)) for answers in combinations(checker_id))


def build_table(checker_id: str, version: str) -> dict:
    """The compact, deterministic table of every combination and its outcome.

    Each outcome is written "D.A.C": D numbers the decision and its urgency, A the list of actions
    and C the cited clauses (legends `decisions`, `actions` and `cites`).
    """
    singles, _ = _split(checker_id)
    sets = multi_sets(checker_id)
    legends: dict[str, dict[str, str]] = {"decisions": {}, "actions": {}, "cites": {}}

    def number(legend: str, text: str) -> str:
        return legends[legend].setdefault(text, str(len(legends[legend]) + 1))

    rows: dict[str, str] = {}
    everything = iter(outcomes(checker_id, version))
    for base in base_combinations(checker_id):
        cells = []
        for _ in sets:
            outcome = next(everything)[1]
            cells.append(".".join((number("decisions", f"{outcome.winner.decision} {outcome.urgency}"),
                                   number("actions", " ".join(outcome.actions)),
                                   number("cites", " ".join(outcome.cites)))))
        rows[" ".join(base.get(q.id, ABSENT) for q in singles)] = " ".join(cells)
    _, multi = _split(checker_id)
    left = [q.id for q in checkers.CHECKERS[checker_id].questions if q not in table_questions(checker_id)]
    return {
        "checker": checker_id,
        "version": version,
        "about": "Every valid combination of answers and its outcome (D.A.C = decision and urgency, actions, "
                 "cites). " + (f"Left unanswered, which means not sure: {', '.join(left)}. " if left else "")
                 + "Regenerate: handbook answers --write",
        "columns": [q.id for q in singles],
        "expands": {"question": multi.id, "options": list(multi.option_ids()), "first": _first(multi)}
        if multi else None,
        **{name: {n: text for text, n in legend.items()} for name, legend in legends.items()},
        "rows": rows,
    }


def dump(table: dict) -> str:
    """The table as text: one key per line, so a changed row is a changed line."""
    lines = ["{"]
    for key in ("checker", "version", "about", "columns", "expands"):
        lines.append(f"{json.dumps(key)}: {json.dumps(table[key])},")
    for key in ("decisions", "actions", "cites", "rows"):
        lines.append(f"{json.dumps(key)}: {{")
        lines.append(",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in table[key].items()))
        lines.append("}" if key == "rows" else "},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def table_path(checker_id: str, version: str) -> Path:
    return ANSWERS_DIR / f"{checker_id}-{version}.json"


def write_tables() -> list[Path]:
    """Rewrite every committed table (every checker, every version)."""
    ANSWERS_DIR.mkdir(exist_ok=True)
    written = []
    for checker_id in checkers.CHECKERS:
        for version in versions.VERSIONS:
            path = table_path(checker_id, version)
            path.write_text(dump(build_table(checker_id, version)), encoding="utf-8")
            written.append(path)
    return written


def expand(table: dict) -> dict[str, str]:
    """One readable line per combination: 'about=worker requester=police ... circumstances=terrorism' -> outcome."""
    expands = table["expands"]
    result = {}
    for row, numbers in table["rows"].items():
        named = [f"{c}={v}" for c, v in zip(table["columns"], row.split(" ")) if v != ABSENT]
        for k, cell in enumerate(numbers.split(" "), start=expands.get("first", 0) if expands else 0):
            key = " ".join(named)
            if expands:
                chosen = [o for i, o in enumerate(expands["options"]) if k >> i & 1]
                key += f" {expands['question']}={'+'.join(chosen) or 'none'}"
            d, a, c = cell.split(".")
            result[key] = f"{table['decisions'][d]} | cites {table['cites'][c]} | {table['actions'][a]}"
    return result


def stale_diff(checker_id: str, version: str, limit: int = 40) -> str:
    """'' when the committed table matches the rules; otherwise the first lines of a readable diff."""
    path = table_path(checker_id, version)
    fresh = expand(build_table(checker_id, version))
    committed = expand(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else {}
    diff = difflib.unified_diff(
        [f"{k} -> {v}" for k, v in committed.items()], [f"{k} -> {v}" for k, v in fresh.items()],
        f"{path.name} (committed)", f"{path.name} (from the rules)", lineterm="", n=0,
    )
    return "\n".join(itertools.islice(diff, limit))


def read_table(checker_id: str, version: str) -> dict[str, tuple[str, str, tuple, tuple]]:
    """The committed table, one entry per combination in enumeration order:
    key -> (decision, urgency, cites, actions). Tests keep it equal to the rules."""
    table = json.loads(table_path(checker_id, version).read_text(encoding="utf-8"))
    result = {}
    for key, line in expand(table).items():
        decided, cites, actions = line.split(" | ")
        decision, urgency = decided.split(" ")
        result[key] = (decision, urgency, tuple(cites.split()[1:]), tuple(actions.split()))
    return result


def key_answers(key: str) -> dict:
    """'about=worker ... circumstances=terrorism+safeguarding' back to the answers it names."""
    answers: dict = {}
    for part in key.split(" "):
        qid, value = part.split("=", 1)
        answers[qid] = value
    return answers


def _cited_by_rules(checker_id: str) -> set[str]:
    return {cid for rule in checkers.CHECKERS[checker_id].rules for cid in rule.cites}


class ClauseCoverageError(HandbookError):
    """A rule cites a clause the pages lack, or a clause no reachable outcome cites."""


def check_clause_coverage(anchors: set[str]) -> None:
    """Fail the build when a cited clause has no anchor in the pages, or a clause is never cited.

    `anchors` are clause ids found in the pages (e.g. "5b" for id="clause-5b").
    """
    cited: dict[str, set[str]] = {}
    for checker_id in checkers.CHECKERS:
        for cid in _cited_by_rules(checker_id):
            cited.setdefault(cid, set()).add(checker_id)
    missing = sorted(set(cited) - set(anchors), key=list(CLAUSE_PAGES).index)
    if missing:
        cid = missing[0]
        raise ClauseCoverageError(
            f"Clause {cid} is cited by the {', '.join(sorted(cited[cid]))} rules but no page has "
            f"the anchor 'clause-{cid}' (missing: {', '.join(missing)})."
        )
    never = [cid for cid in CLAUSE_PAGES if cid not in cited]
    if never:
        raise ClauseCoverageError(
            f"Clause {never[0]} is never cited by any rule of any checker "
            f"(never cited: {', '.join(never)}). Add a rule that cites it, or explain why not."
        )

