"""How long the record of every answer is to read, and how long it takes to make.

    .venv/bin/python benchmarks/answer_record.py            # the committed records: lines, words, minutes
    .venv/bin/python benchmarks/answer_record.py --build    # and the time to make each one from the rules

A safeguarding lead reads checkers/answers/<checker>.txt in one sitting: the minutes are at 200 words a
minute, a careful reading pace. Also how many lines to write down it shows (each as its template) and how
many words from one answer it says once. Not a test on purpose: this prints the figures for the record.
"""
from __future__ import annotations

import argparse
import re
import time

import checkers
from handbook.answers.answer_record import build_record, record_path

WORDS_A_MINUTE = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="also time making each record from the rules")
    args = parser.parse_args()
    for checker_id in checkers.CHECKERS:
        text = record_path(checker_id).read_text(encoding="utf-8")
        words = len(text.split())
        written = len(re.findall(r"^R\d+ ", text, flags=re.M))
        said = len(re.findall(r"^\[[a-z ]+\] from \w+: ", text, flags=re.M))
        line = (f"{checker_id}: {len(text.splitlines()):,} lines, {words:,} words, "
                f"{words / WORDS_A_MINUTE:.0f} minutes to read; {written} lines to write down, "
                f"{said} words from one answer")
        if args.build:
            start = time.perf_counter()
            build_record(checker_id)
            line += f"; made from the rules in {time.perf_counter() - start:.1f} s"
        print(line)


if __name__ == "__main__":
    main()
