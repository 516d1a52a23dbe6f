"""The handbook's checkers: pure-Python rules that run in CPython and in the browser.

Each checker is a package declaring `CHECKER = Checker(...)` (checkers/checker.py); this registry is the
one list of them, in the order the handbook shows them. Adding a checker: checkers/README.md.
"""
from . import breach, concern, sharing
from .checker import Checker

# checker id -> its declared Checker: the only way the handbook reaches a checker
CHECKERS: dict[str, Checker] = {checker.id: checker for checker in (sharing.CHECKER, breach.CHECKER, concern.CHECKER)}
