"""What the page's first answers hold and cost: answer sets, bytes, and the time to work them out.

    .venv/bin/python benchmarks/first_answers.py                    # every checker
    .venv/bin/python benchmarks/first_answers.py --checker concern  # one

For each checker and policy version: how many answer sets the form can send (all of them are held),
the file's size raw and gzipped (`gzip -6`, as hosts serve it), the diagram's nodes and outcomes, and
the time to work the data out from the rules with an empty cache and then with the kept copy. The
group is the example handbook's. Not a test on purpose: this prints the figures for the record.
"""
from __future__ import annotations

import argparse
import gzip
import math
import os
import tempfile
import time
from pathlib import Path

import checkers
from checkers import versions
from handbook.browser import first_answers
from handbook.group import load_group

ROOT = Path(__file__).resolve().parent.parent


def answer_sets(checker) -> int:
    """How many answer sets the form can send: counted by walking the questions, not listed."""
    counts: dict[tuple, int] = {(): 1}
    for question in checker.questions:
        grown: dict[tuple, int] = {}
        for given, count in counts.items():
            answers = dict(given)
            if not question.applies(answers):
                grown[given] = grown.get(given, 0) + count
                continue
            if question.multi:
                ticks = 2 ** len(question.option_ids()) - (1 if question.at_least_one else 0)
                grown[given] = grown.get(given, 0) + count * ticks  # later questions never depend on ticks
                continue
            for option in question.option_ids():
                key = (*given, (question.id, option))
                grown[key] = grown.get(key, 0) + count
            if not question.required:
                grown[given] = grown.get(given, 0) + count
        counts = grown
    return sum(counts.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checker", choices=list(checkers.CHECKERS), help="one checker (default: every one)")
    only = parser.parse_args().checker
    group = load_group(ROOT / "group.yml").words()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["HANDBOOK_CACHE"] = cache
        for checker_id, checker in checkers.CHECKERS.items():
            if only and checker_id != only:
                continue
            for version in versions.VERSIONS:
                timings = []
                for _ in ("empty cache", "kept"):
                    first_answers.structure.cache_clear()
                    first_answers._assessment.cache_clear()
                    start = time.perf_counter()
                    text = first_answers.dumps(first_answers.build(checker_id, group, version)).encode()
                    timings.append(time.perf_counter() - start)
                data = first_answers.build(checker_id, group, version)
                nodes = data["answer"]["nodes"].count(";") + 1 + (
                    data["assessment"]["nodes"].count(";") + 1 if "assessment" in data else 0)
                outcomes = len(data["outcomes"]["decision"].split(","))
                print(f"{checker_id} {version}: {answer_sets(checker):,} answer sets (10^{math.log10(answer_sets(checker)):.1f}),"
                      f" {len(text) / 1000:,.0f} KB raw, {len(gzip.compress(text, 6)) / 1000:,.0f} KB gzip;"
                      f" {nodes:,} nodes, {outcomes:,} outcomes; made in {timings[0]:.1f} s with an empty cache,"
                      f" {timings[1]:.1f} s from the kept copy")


if __name__ == "__main__":
    main()
