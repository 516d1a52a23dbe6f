"""How fast the rules are: the median time of one decide(), and the time to enumerate every answer.

    .venv/bin/python benchmarks/rules.py

Not a timed test on purpose: timings vary by machine; this prints them for the record.
"""
from __future__ import annotations

import statistics
import time

import checkers
from checkers.versions import VERSIONS
from handbook.answers import tables as answers_table

GROUP = {"name": "Riverside Community Food Bank", "short_name": "Riverside Food Bank", "manager": "manager",
         "team_leader": "shift leader", "person_with_authority": "coordinator"}


def per_decide(module, answers: list[dict], rounds: int = 5) -> float:
    """Median seconds per decide() call, in the group's words, over all the given answers."""
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        for one in answers:
            module.decide(one, group=GROUP)
        timings.append((time.perf_counter() - start) / len(answers))
    return statistics.median(timings)


def main() -> None:
    for checker_id, module in checkers.CHECKERS.items():
        every = list(answers_table.combinations(checker_id))
        sample = every[:: max(1, len(every) // 2000)]
        print(f"{checker_id}: decide() median {per_decide(module, sample) * 1e6:.1f} µs "
              f"over {len(sample)} answer sets")
        for version in VERSIONS:
            answers_table.outcomes.cache_clear()
            start = time.perf_counter()
            count = len(answers_table.outcomes(checker_id, version))
            enumerate_s = time.perf_counter() - start
            start = time.perf_counter()
            answers_table.build_table(checker_id, version)
            table_s = time.perf_counter() - start
            print(f"  version {version}: enumerated {count:,} combinations in {enumerate_s:.2f} s; "
                  f"table built in {table_s:.2f} s more")


if __name__ == "__main__":
    main()
