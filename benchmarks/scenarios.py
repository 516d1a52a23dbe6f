"""How long `handbook check` takes on a trainer's very large scenario file (60,000 scenarios by default).

    .venv/bin/python benchmarks/scenarios.py
    .venv/bin/python benchmarks/scenarios.py --count 6000

Writes a scenario file of every checker's answer combinations in turn (each expecting the decision
the rules give, so all pass), then times the parts in this process (read the YAML, check every
scenario, run the rules) and `handbook check` itself as a person runs it, in its own process.
Each figure is the time on the clock and the processor time used (on a busy shared machine the
first can be several times the second). Not a timed test on purpose: timings vary by machine;
this prints them for the record.
"""
from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import checkers  # noqa: E402
from handbook.answers import scenarios, tables  # noqa: E402
from handbook.yaml_input import read_yaml  # noqa: E402

CHECKER = "sharing"
ENTRY = "import sys; from handbook.cli import main; sys.argv = ['handbook'] + sys.argv[1:]; main()"


def write_file(path: Path, count: int) -> None:
    """`count` scenarios of the sharing checker, cycling through its answer combinations."""
    module = checkers.CHECKERS[CHECKER]
    combinations = list(tables.combinations(CHECKER))
    lines = [f"checker: {CHECKER}", "scenarios:"]
    for number, answers in zip(range(1, count + 1), itertools.cycle(combinations)):
        decision = module.decide(answers).decision
        lines += [f"  - name: Scenario {number} of a very large training file.",
                  f"    answers: {json.dumps(answers)}",
                  f"    expect: {{decision: {decision}}}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(label: str, action, who: int = resource.RUSAGE_SELF):
    """Run `action`, then print its clock time and processor time (of this process, or of its children)."""
    def cpu() -> float:
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime

    start, started = time.perf_counter(), cpu()
    result = action()
    print(f"  {label}: {time.perf_counter() - start:.2f} s ({cpu() - started:.2f} s of processor time)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=60_000)
    count = parser.parse_args().count
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "training.yml"
        write_file(path, count)
        print(f"{count:,} scenarios, {path.stat().st_size / 1e6:.1f} MB")
        timed("read the YAML", lambda: read_yaml(path, limit=scenarios.MAX_BYTES, what="scenario file"))
        loaded = timed("read and check every scenario", lambda: scenarios.load(path))
        outcomes = timed("run the rules", lambda: scenarios.run(loaded))
        assert len(outcomes) == count and all(outcome.passed for outcome in outcomes)
        for extra in ([], ["--json"]):
            command = [sys.executable, "-c", ENTRY, "check", *extra, str(path)]
            done = timed(f"handbook check {' '.join(extra)}{' ' if extra else ''}(a new process, all its output)",
                         lambda: subprocess.run(command, cwd=ROOT, capture_output=True, text=True),
                         resource.RUSAGE_CHILDREN)
            assert done.returncode == 0, done.stderr[-2000:]


if __name__ == "__main__":
    main()
