"""The browser worker's entry to the checkers: JSON in, JSON out (handbook/browser/assets/worker.js).

Shipped into the site as `handbook_bridge.py` beside the `checkers` package and imported by
Pyodide; it runs the same way in CPython, which is how the tests compare the two. The group's
words and the policy version come from the site build (bundle.json), never from the reader.
"""
import json
from pathlib import Path

import checkers
from checkers.model import AnswerError


def decide(checker_id, answers_json, group_json="null", version=None):
    """One answer as JSON: {"ok": true, "result": {...}} or {"ok": false, "message": ...}."""
    checker = checkers.CHECKERS.get(checker_id)
    if checker is None:
        return json.dumps({"ok": False, "kind": "answer", "message": f"There is no checker called {checker_id!r}."})
    try:
        result = checker.decide(json.loads(answers_json), group=json.loads(group_json), version=version)
    except AnswerError as error:
        return json.dumps({"ok": False, "kind": "answer", "message": str(error)})
    return json.dumps({"ok": True, "result": result.as_dict()})


def warm_up(times):
    """Compile this file `times` times: the worker asks for 60, in steps, once per page after its
    first answer, in the background.

    Chromium keeps the runtime's compiled WebAssembly for the next visit only once enough of it has
    been optimised, which Python's compiler reaches and the checkers' bytecode alone rarely does
    (docs/about/performance.md).
    """
    source = Path(__file__).read_text(encoding="utf-8")
    for _ in range(times):
        compile(source, __file__, "exec")
